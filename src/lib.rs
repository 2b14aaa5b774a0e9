//! Slotbook: a self-hosted appointment booking server.

pub mod auth;
pub mod boundary;
pub mod caldav;
pub mod calendar_writes;
pub mod calendars;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod email;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod ops;
pub mod outbound;
pub mod problem;
pub mod rate_limit;
pub mod routes;
pub mod sealed;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod tokens;
pub mod views;
pub mod webhooks;
