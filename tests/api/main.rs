//! The one integration test binary: the real application on port 0, driven over HTTP,
//! on SQLite and PostgreSQL.

mod helpers;

mod accounts;
mod admin;
mod booking;
mod booking_races;
mod browser;
mod fuzz;
mod guard;
mod hardening_inputs;
mod lifecycle;
mod mail;
mod ops;
mod provider_bookings;
mod scheduling;
mod smtp_server;
