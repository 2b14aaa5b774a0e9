//! Errors of the JSON API (`routes::api`) as RFC 9457 `application/problem+json`: one stable `type` per
//! kind of refusal, so clients branch on it rather than on the wording of `detail`.
//! The types are relative URIs under `/api/v1/problems/`, each documented there. Its own
//! module below the routes, so the request boundary answers `/api/` paths with it too.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;

/// One field the request got wrong: where (a JSON pointer into the body, or the query
/// parameter's name) and what is wrong with it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub detail: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            detail: detail.into(),
        }
    }
}

/// A free time offered instead of one that was taken.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Alternative {
    /// RFC 3339, UTC.
    pub start: String,
    /// The same instant on the provider's wall clock, with its offset.
    pub local_start: String,
    pub timezone: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body or query string could not be read at all (not JSON, wrong types).
    #[error("malformed request: {0}")]
    Malformed(String),
    /// The request was readable but some fields are wrong.
    #[error("validation failed")]
    Validation(Vec<FieldProblem>),
    #[error("unauthorized")]
    Unauthorized,
    /// The token's scope does not allow this.
    #[error("insufficient scope")]
    InsufficientScope,
    #[error("not found")]
    NotFound,
    /// The time was taken meanwhile; the nearest free times instead.
    #[error("slot taken")]
    SlotTaken(Vec<Alternative>),
    /// The time is not one the service offers (past, off the grid, outside hours, …).
    #[error("slot not bookable: {0}")]
    NotBookable(String),
    /// The booking's state does not allow this change (a cancelled booking cannot be
    /// approved, …).
    #[error("invalid transition: {0}")]
    InvalidTransition(String),
    /// The provider does not take bookings yet (email not verified).
    #[error("bookings closed")]
    BookingsClosed,
    /// The `Idempotency-Key` was used before with a different request body.
    #[error("idempotency key reused")]
    IdempotencyKeyReused,
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    #[error("unavailable")]
    Unavailable,
    #[error(transparent)]
    Internal(anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn field(field: &str, detail: &str) -> Self {
        Self::Validation(vec![FieldProblem::new(field, detail)])
    }

    /// The stable type name (the last segment of the `type` URI) and the title.
    pub fn kind(&self) -> (&'static str, &'static str) {
        match self {
            Self::Malformed(_) => ("malformed-request", "The request could not be read"),
            Self::Validation(_) => ("validation", "Some fields are not valid"),
            Self::Unauthorized => ("unauthorized", "A valid API token is required"),
            Self::InsufficientScope => (
                "insufficient-scope",
                "This token's scope does not allow this request",
            ),
            Self::NotFound => ("not-found", "Not found"),
            Self::SlotTaken(_) => ("slot-taken", "This time was just taken"),
            Self::NotBookable(_) => ("slot-not-bookable", "This time cannot be booked"),
            Self::InvalidTransition(_) => (
                "invalid-transition",
                "The booking's state does not allow this change",
            ),
            Self::BookingsClosed => (
                "bookings-closed",
                "This provider does not take bookings yet",
            ),
            Self::IdempotencyKeyReused => (
                "idempotency-key-reused",
                "This Idempotency-Key was used for a different request",
            ),
            Self::RateLimited { .. } => ("rate-limited", "Too many requests"),
            Self::Unavailable => ("unavailable", "The service is busy; try again shortly"),
            Self::Internal(_) => ("internal", "Something went wrong on our side"),
        }
    }

    fn detail(&self) -> String {
        match self {
            Self::Malformed(detail) | Self::NotBookable(detail) | Self::InvalidTransition(detail) => {
                detail.clone()
            }
            Self::Validation(_) => "See `errors` for each field.".to_owned(),
            Self::Unauthorized => {
                "Send `Authorization: Bearer <token>` with a live token from Settings → API tokens."
                    .to_owned()
            }
            Self::InsufficientScope => "This request needs a read+write token.".to_owned(),
            Self::NotFound => "No such resource, or it is not yours.".to_owned(),
            Self::SlotTaken(_) => {
                "Someone else booked this time a moment ago; `alternatives` lists the nearest free times."
                    .to_owned()
            }
            Self::BookingsClosed => {
                "Bookings open once the provider has confirmed their email address.".to_owned()
            }
            Self::IdempotencyKeyReused => {
                "A retry must repeat the first request's body exactly; use a new key for a new booking."
                    .to_owned()
            }
            Self::RateLimited { retry_after_secs } => {
                format!("Try again in {retry_after_secs} seconds.")
            }
            Self::Unavailable => "Try again in a few seconds.".to_owned(),
            Self::Internal(_) => "The error was logged; please try again.".to_owned(),
        }
    }
}

/// The documented problem types, for the reference page: (name, status, title).
pub fn problem_types() -> Vec<(&'static str, u16, &'static str)> {
    [
        ApiError::Malformed(String::new()),
        ApiError::Validation(Vec::new()),
        ApiError::Unauthorized,
        ApiError::InsufficientScope,
        ApiError::NotFound,
        ApiError::SlotTaken(Vec::new()),
        ApiError::NotBookable(String::new()),
        ApiError::InvalidTransition(String::new()),
        ApiError::BookingsClosed,
        ApiError::IdempotencyKeyReused,
        ApiError::RateLimited {
            retry_after_secs: 0,
        },
        ApiError::Unavailable,
        ApiError::Internal(anyhow::anyhow!("example")),
    ]
    .iter()
    .map(|e| {
        let (name, title) = e.kind();
        (name, e.status_code().as_u16(), title)
    })
    .collect()
}

/// The body of every error answer (RFC 9457).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `/api/v1/problems/<name>`: stable, one per kind of refusal.
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// With `validation`: what is wrong with each field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
    /// With `slot-taken`: the nearest free times.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Vec<Alternative>>,
}

pub const PROBLEM_BASE: &str = "/api/v1/problems/";

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Malformed(_) => StatusCode::BAD_REQUEST,
            Self::Validation(_) | Self::NotBookable(_) | Self::IdempotencyKeyReused => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::InsufficientScope => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::SlotTaken(_) | Self::InvalidTransition(_) | Self::BookingsClosed => {
                StatusCode::CONFLICT
            }
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(error) = self {
            tracing::error!(error = format!("{error:#}"), "API request failed");
        }
        let (name, title) = self.kind();
        let status = self.status_code();
        let problem = Problem {
            type_uri: format!("{PROBLEM_BASE}{name}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: self.detail(),
            errors: match self {
                Self::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
            alternatives: match self {
                Self::SlotTaken(alternatives) => Some(alternatives.clone()),
                _ => None,
            },
        };
        let mut response = HttpResponse::build(status);
        response.content_type("application/problem+json");
        match self {
            Self::Unauthorized => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"slotbook\""));
            }
            Self::InsufficientScope => {
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    "Bearer realm=\"slotbook\", error=\"insufficient_scope\"",
                ));
            }
            Self::RateLimited { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            Self::Unavailable => {
                response.insert_header((header::RETRY_AFTER, "2"));
            }
            _ => {}
        }
        response.json(problem)
    }
}

/// The application's errors as the API reports them (database work, rate limits).
impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::NotFound | AppError::Gone(_) => Self::NotFound,
            AppError::RateLimited { retry_after_secs } => Self::RateLimited { retry_after_secs },
            AppError::SlotTaken(_) => Self::SlotTaken(Vec::new()),
            AppError::Busy => Self::Unavailable,
            AppError::BadRequest(detail) => Self::Malformed(detail),
            AppError::LoginRequired { .. } | AppError::Csrf => Self::Unauthorized,
            AppError::Forbidden => Self::InsufficientScope,
            AppError::Duplicate(name) => Self::InvalidTransition(format!("already exists: {name}")),
            AppError::Internal(error) => Self::Internal(error),
        }
    }
}
