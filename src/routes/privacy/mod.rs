//! Guest data rights and the privacy notice: a provider (or an admin, across providers)
//! finds a guest's bookings by address, downloads what is held about them, and erases it;
//! `/privacy` shows the operator's notice when it is a text. Deleting one's own account
//! is in `dashboard::account_deletion`.

mod guests;
mod notice;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(guests::configure)
        .configure(notice::configure);
}
