//! Pure types and rules: no I/O, no database, no HTTP.

pub mod account;
pub mod agenda;
pub mod api;
pub mod availability;
pub mod booking;
pub mod calendar;
pub mod email_address;
pub mod forms;
pub mod guest;
pub mod ical;
pub mod locale;
pub mod look;
pub mod preferences;
pub mod privacy;
pub mod service;
pub mod team;
pub mod text;
pub mod time;
pub mod webhooks;
