//! Teams and clinics (issue 11): the guard over every host, team pages and roles.

mod booking;
mod guard;
mod roles;
