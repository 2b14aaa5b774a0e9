//! The provider's scheduling setup: services, weekly hours with date overrides, time off.
//! Every route requires sign-in and acts only on the signed-in provider's rows: another
//! provider's id answers 404, exactly like a missing one.

mod hours;
mod services;
mod time_off;

use actix_web::web;
use uuid::Uuid;

use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(services::configure)
        .configure(hours::configure)
        .configure(time_off::configure);
}

/// A path id that is not a UUID is simply not found.
fn parse_id(text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}
