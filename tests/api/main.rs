//! The one integration test binary: the real application on port 0, driven over HTTP,
//! on SQLite and PostgreSQL.

mod helpers;

mod accounts;
mod admin;
mod api_followups;
mod api_helpers;
mod api_key_migration;
mod api_races;
mod api_schemathesis;
mod api_tokens;
mod api_v1;
mod booking;
mod booking_races;
mod browser;
mod caldav;
mod caldav_server;
mod calendars;
mod composed_mail;
mod data_protection;
mod data_protection_account;
mod data_protection_teams;
mod durability;
mod embedding;
mod experience;
mod fuzz;
mod guard;
mod hardening_inputs;
mod hardening_mail;
mod languages;
mod languages_teams;
mod layers;
mod lifecycle;
mod mail;
mod mail_delivery;
mod operations;
mod ops;
mod outage;
mod provider_bookings;
mod public_pages;
mod scheduling;
mod sessions;
mod smtp_server;
pub mod teams;
mod typed_rows;
mod webhooks;
mod webhooks_receiver;
