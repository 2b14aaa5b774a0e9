//! The one integration test binary: the real application on port 0, driven over HTTP,
//! on SQLite and PostgreSQL.

mod helpers;

mod accounts;
mod admin;
mod booking;
mod booking_races;
mod browser;
mod composed_mail;
mod durability;
mod experience;
mod fuzz;
mod guard;
mod hardening_inputs;
mod hardening_mail;
mod layers;
mod lifecycle;
mod mail;
mod mail_delivery;
mod ops;
mod outage;
mod provider_bookings;
mod public_pages;
mod scheduling;
mod sessions;
mod smtp_server;
mod typed_rows;
