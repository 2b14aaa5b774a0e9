//! Teams and clinics (issue 11): the guard over every host, team pages and roles.

pub mod booking;
mod desk;
mod followups;
pub(crate) mod guard;
mod hosts;
mod migration;
mod roles;
