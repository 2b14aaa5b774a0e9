//! The provider's bookings: the filtered list with paging and CSV export, one booking's
//! page with its audit trail and actions, and the secret ICS feed.

mod detail;
mod feed;
mod list;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(list::configure)
        .configure(detail::configure)
        .configure(feed::configure);
}
