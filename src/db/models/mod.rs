//! Row structs and every query, one file per aggregate.
//!
//! Rows read plain `Uuid` / `DateTime<Utc>`; values bound into queries use the `DbId` /
//! `DbTime` wrappers from `db::types`.

pub mod account_tokens;
pub mod api_tokens;
pub mod availability;
pub mod booking_events;
pub mod booking_hosts;
pub mod booking_tokens;
pub mod bookings;
pub mod calendar_accounts;
pub mod calendar_writes;
pub mod calendars;
pub mod claim;
pub mod feeds;
pub mod holds;
pub mod jobs;
pub mod lifecycle;
pub mod moves;
pub mod ops;
pub mod outbox;
pub mod privacy;
pub mod provider_looks;
pub mod service_pages;
pub mod services;
pub mod sessions;
pub mod team_agenda;
pub mod team_claim;
pub mod team_desk;
pub mod team_invitations;
pub mod team_services;
pub mod teams;
pub mod users;
pub mod webhook_queue;
pub mod webhooks;
