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
        // Every path under these first segments is answered in here (or not found): a
        // public page's path skips the whole group at once instead of being tried against
        // each of its patterns in turn (one regular expression per pattern with a `{…}`).
        .service(
            web::scope("")
                .guard(actix_web::guard::fn_guard(|ctx| {
                    in_our_areas(ctx.head().uri.path())
                }))
                .configure(static_files::configure)
                .configure(home::configure)
                .configure(auth::configure)
                .configure(dashboard::configure)
                .configure(scheduling::configure)
                .configure(bookings::configure)
                .configure(calendars::configure)
                .configure(calendar_accounts::configure)
                .configure(admin::configure)
                .configure(privacy::configure)
                .configure(teams::configure)
                .configure(api::configure)
                .configure(language::configure),
        )
        // `/b/…` is shared with public pages (`/b/booked/…`, `/b/brand/…`).
        .configure(booking_links::configure)
        // Last: `/{username}` and `/{username}/{slug}` match almost any path.
        .configure(public::configure)
        .default_service(web::to(not_found));
}

/// The first path segments of the group above (all reserved as handles, so no provider's
/// or team's page lives under them).
const OUR_AREAS: [&str; 16] = [
    "",
    "static",
    "favicon.ico",
    "login",
    "logout",
    "password",
    "signup",
    "verify",
    "dashboard",
    "feeds",
    "admin",
    "privacy",
    "invitations",
    "teams",
    "api",
    "language",
];

/// Whether `path` starts with one of [`OUR_AREAS`].
fn in_our_areas(path: &str) -> bool {
    let first = path
        .strip_prefix('/')
        .unwrap_or(path)
        .split('/')
        .next()
        .unwrap_or_default();
    OUR_AREAS.contains(&first)
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

#[cfg(test)]
mod area_tests {
    use super::{in_our_areas, OUR_AREAS};
    use crate::domain::account::is_reserved_handle;

    #[test]
    fn our_areas_are_reserved_handles_and_public_pages_are_not_in_them() {
        for area in OUR_AREAS {
            assert!(
                area.is_empty() || area.contains('.') || is_reserved_handle(area),
                "{area} could be someone's handle"
            );
        }
        for path in [
            "/",
            "/dashboard",
            "/dashboard/services/1",
            "/api/v1/me",
            "/static/a.css",
        ] {
            assert!(in_our_areas(path), "{path}");
        }
        for path in [
            "/bob",
            "/bob/intro",
            "/bob/intro/book",
            "/b/abc",
            "/dashboards",
        ] {
            assert!(!in_our_areas(path), "{path}");
        }
    }
}
