//! Pure types and rules: no I/O, no database, no HTTP.

pub mod availability;
pub mod booking;
pub mod forms;
pub mod service;
pub mod time;
