//! HTTP only: extract, parse into domain types, call db/domain, answer with a page or a
//! redirect. One module per area.

mod admin;
mod api;
pub(crate) mod auth;
pub(crate) mod booking_links;
mod bookings;
pub mod cache_control;
mod calendar_accounts;
mod calendars;
mod claims;
pub mod compression;
mod dashboard;
mod home;
pub mod language;
pub mod ops;
mod privacy;
mod public;
pub(crate) mod scheduling;
mod static_files;
mod teams;

use actix_web::http::header;
use actix_web::{error, web, HttpRequest, HttpResponse};
pub(crate) use public::look::frame_policy;

use crate::error::AppError;

/// The Content-Security-Policy of every answer (set in `startup`); embeddable public pages
/// replace its `frame-ancestors 'none'` with the provider's origins (`public::look`).
pub const CSP: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::FormConfig::default().error_handler(bad_form))
        .app_data(web::QueryConfig::default().error_handler(bad_query))
        .app_data(web::PathConfig::default().error_handler(bad_path))
        .configure(ops::configure)
        .configure(static_files::configure)
        .configure(home::configure)
        .configure(auth::configure)
        .configure(dashboard::configure)
        .configure(scheduling::configure)
        .configure(booking_links::configure)
        .configure(bookings::configure)
        .configure(calendars::configure)
        .configure(calendar_accounts::configure)
        .configure(admin::configure)
        .configure(privacy::configure)
        .configure(teams::configure)
        .configure(api::configure)
        .configure(language::configure)
        // Last: `/{username}` and `/{username}/{slug}` match almost any path.
        .configure(public::configure)
        .default_service(web::to(not_found));
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound)
}

fn bad_form(err: error::UrlencodedError, _req: &HttpRequest) -> actix_web::Error {
    tracing::info!(error = %err, "unreadable form");
    AppError::BadRequest(crate::i18n::t("error-form-unreadable")).into()
}

fn bad_query(err: error::QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    tracing::info!(error = %err, "unreadable query string");
    AppError::BadRequest(crate::i18n::t("error-query-unreadable")).into()
}

fn bad_path(err: error::PathError, _req: &HttpRequest) -> actix_web::Error {
    tracing::debug!(error = %err, "path did not parse");
    AppError::NotFound.into()
}

/// 303 See Other: the answer to every successful form POST (Post/Redirect/Get).
pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// A path id that is not a UUID is simply not found.
pub fn parse_id(text: &str) -> Result<uuid::Uuid, AppError> {
    uuid::Uuid::parse_str(text).map_err(|_| AppError::NotFound)
}
