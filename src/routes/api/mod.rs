//! `/api/v1`: the JSON API, another door to the same rooms as the pages. Handlers parse,
//! call the same domain and `db` code as the pages (the claim, the lifecycle, the slot
//! engine), and answer JSON, or an RFC 9457 problem (`crate::problem`) for every refusal.
//! Bearer tokens only (`bearer.rs`): no cookies, so no CSRF. The OpenAPI document is
//! generated from the handlers and types (`openapi.rs`). The Settings → API tokens page
//! that makes the tokens is `tokens_page.rs`; Settings → Webhooks is `webhooks_page.rs`.

mod bearer;
mod booking_changes;
mod bookings;
mod openapi;
mod services;
mod tokens_page;
mod types;
mod webhook_doc;
mod webhooks_page;

use actix_web::http::header;
use actix_web::{error, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use crate::domain::time::instant_in_bounds;
pub use crate::problem;
use problem::{ApiError, ApiResult, FieldProblem};

pub use problem::Problem as ProblemDoc;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(tokens_page::configure)
        .configure(webhooks_page::configure)
        .service(
            web::scope("/api/v1")
                // Answers hold a provider's bookings: no browser or proxy keeps a copy.
                .wrap(
                    actix_web::middleware::DefaultHeaders::new()
                        .add((header::CACHE_CONTROL, "no-store")),
                )
                .app_data(web::QueryConfig::default().error_handler(bad_query))
                .app_data(web::PathConfig::default().error_handler(bad_path))
                .configure(openapi::configure)
                .configure(services::configure)
                .configure(bookings::configure)
                .configure(booking_changes::configure)
                .default_service(web::to(not_found)),
        );
}

async fn not_found() -> ApiResult<HttpResponse> {
    Err(ApiError::NotFound)
}

fn bad_query(err: error::QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    // serde_urlencoded names the unknown or unreadable parameter in its message.
    ApiError::Validation(vec![FieldProblem::new("query", err.to_string())]).into()
}

fn bad_path(_err: error::PathError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::NotFound.into()
}

/// A path id that is not a UUID is simply not found.
pub fn parse_uuid(text: &str) -> ApiResult<uuid::Uuid> {
    uuid::Uuid::try_parse(text).map_err(|_| ApiError::NotFound)
}

/// An RFC 3339 instant within the dates the application accepts (1970 to 2199).
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|at| at.with_timezone(&Utc))
        .filter(|at| instant_in_bounds(*at))
}

/// A JSON body: not JSON at all is 400; JSON of the wrong shape (a missing, unknown or
/// mistyped field) is 422 naming it. Unknown fields are refused, never ignored.
pub fn read_json<T: DeserializeOwned>(req: &HttpRequest, body: &[u8]) -> ApiResult<T> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !(essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")) {
        return Err(ApiError::Malformed(
            "Send the body as JSON with Content-Type: application/json.".to_owned(),
        ));
    }
    serde_json::from_slice(body).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => {
            ApiError::Validation(vec![FieldProblem::new("body", error.to_string())])
        }
        _ => ApiError::Malformed(format!("The body is not valid JSON: {error}")),
    })
}
