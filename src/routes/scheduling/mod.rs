//! The provider's scheduling setup: services, weekly hours with date overrides, time off.
//! Every route requires sign-in and acts only on the signed-in provider's rows: another
//! provider's id answers 404, exactly like a missing one.

mod hours;
pub(crate) mod preview;
mod services;
mod time_off;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(services::configure)
        .configure(hours::configure)
        .configure(time_off::configure);
}
