//! The provider's dashboard: the home page and the account settings. Other dashboard areas
//! add their module here and register it in `configure`.

mod account_deletion;
mod home;
mod look;
mod settings;
mod week;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(home::configure)
        .configure(settings::configure)
        .configure(account_deletion::configure)
        .configure(week::configure)
        .configure(look::configure);
}
