//! The one error type handlers return, and how each kind looks to a person.
//!
//! Field errors are not errors here: handlers re-render their form. What arrives here is
//! a page-level answer (404, 403, 429, 409, 503) or a bug, which is logged with its whole
//! cause chain and shown as a generic 500 page.

use std::fmt::Write as _;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

use crate::db::StoreError;
use crate::domain::booking::SlotTaken;
use crate::views::pages::ErrorPage;
use crate::views::{render, PageContext};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Not signed in (or signed out elsewhere): 303 to the sign-in page.
    #[error("sign-in required")]
    LoginRequired { next: String },
    #[error("the form has expired")]
    Csrf,
    #[error("forbidden")]
    Forbidden,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("gone: {0}")]
    Gone(String),
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    #[error(transparent)]
    SlotTaken(#[from] SlotTaken),
    #[error("the database is busy")]
    Busy,
    /// A unique constraint refused a write (the constraint name); handlers that expect one
    /// turn it into a field error.
    #[error("already exists: {0}")]
    Duplicate(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        Self::Internal(error.into())
    }

    fn page(&self) -> (&'static str, String) {
        match self {
            Self::LoginRequired { .. } => ("Please sign in", "Please sign in to continue.".into()),
            Self::NotFound => (
                "Page not found",
                "We could not find that page. The link may be mistyped or out of date.".into(),
            ),
            Self::Csrf => (
                "This form has expired",
                "For your security the form could not be accepted: it was open too long or \
                 came from another site. Go back, reload the page and submit it again."
                    .into(),
            ),
            Self::Forbidden => ("Not allowed", "You do not have access to this page.".into()),
            Self::BadRequest(message) => ("That did not work", message.clone()),
            Self::Gone(message) => ("This link no longer works", message.clone()),
            Self::RateLimited { retry_after_secs } => (
                "Too many attempts",
                format!(
                    "You have tried this too many times. Please wait {} and try again.",
                    human_wait(*retry_after_secs)
                ),
            ),
            Self::SlotTaken(_) => (
                "This time was just taken",
                "Someone else booked this time a moment ago. Please choose another time.".into(),
            ),
            Self::Duplicate(_) => (
                "Already exists",
                "Something with the same name already exists. Go back and choose another.".into(),
            ),
            Self::Busy => (
                "We are busy",
                "The server is busy right now. Please try again in a few seconds.".into(),
            ),
            Self::Internal(_) => (
                "Something went wrong",
                "Something went wrong on our side. Nothing you did caused it; please try again \
                 in a moment."
                    .into(),
            ),
        }
    }
}

fn human_wait(secs: u64) -> String {
    match secs {
        0..=60 => "a minute".to_owned(),
        61..=3600 => format!("{} minutes", secs.div_ceil(60)),
        _ => format!("{} hours", secs.div_ceil(3600)),
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::SlotTaken(taken) => Self::SlotTaken(taken),
            StoreError::NotFound => Self::NotFound,
            StoreError::Busy => Self::Busy,
            StoreError::Duplicate(name) => Self::Duplicate(name),
            StoreError::Pool(e) => Self::Busy.log_cause(&e),
            other => Self::Internal(other.into()),
        }
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::Internal(error.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        Self::Internal(error.into())
    }
}

impl AppError {
    fn log_cause(self, cause: &dyn std::error::Error) -> Self {
        tracing::warn!(error = %cause, "no database connection available (pool busy or database unreachable)");
        self
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::LoginRequired { .. } => StatusCode::SEE_OTHER,
            Self::Csrf | Self::Forbidden => StatusCode::FORBIDDEN,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Gone(_) => StatusCode::GONE,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::SlotTaken(_) => StatusCode::CONFLICT,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Duplicate(_) => StatusCode::CONFLICT,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::LoginRequired { next } = self {
            let location = if next.is_empty() || next == "/" {
                "/login".to_owned()
            } else {
                format!("/login?next={}", urlencoding::encode(next))
            };
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
        }
        if let Self::Internal(error) = self {
            let mut chain = String::new();
            for cause in error.chain() {
                let _ = write!(chain, "{cause}: ");
            }
            tracing::error!(error.chain = %chain.trim_end_matches(": "), "request failed");
        }
        let (heading, message) = self.page();
        let status = self.status_code();
        let mut response = render(
            status,
            &ErrorPage {
                ctx: PageContext::bare(),
                status: status.as_u16(),
                heading: heading.to_owned(),
                message,
                request_id: status
                    .is_server_error()
                    .then(crate::telemetry::request_id)
                    .flatten(),
            },
        );
        let retry_after = match self {
            Self::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            Self::Busy => Some(2),
            _ => None,
        };
        if let Some(secs) = retry_after {
            if let Ok(value) = header::HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_lock_contention_is_busy_not_internal() {
        let error: AppError = StoreError::Busy.into();
        assert_eq!(error.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        let response = error.error_response();
        assert!(response.headers().contains_key(header::RETRY_AFTER));
    }

    #[test]
    fn rate_limited_answers_carry_retry_after() {
        let response = AppError::RateLimited {
            retry_after_secs: 120,
        }
        .error_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers().get(header::RETRY_AFTER).unwrap(), "120");
    }
}
