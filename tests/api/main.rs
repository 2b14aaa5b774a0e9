//! The one integration test binary: the real application on port 0, driven over HTTP,
//! on SQLite and PostgreSQL.

mod helpers;

mod booking;
mod browser;
mod lifecycle;
mod guard;
mod ops;
