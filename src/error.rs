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
use crate::i18n::{t, t1};
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

    fn page(&self) -> (String, String) {
        match self {
            Self::LoginRequired { .. } => (t("error-login"), t("error-login-message")),
            Self::NotFound => (t("error-not-found"), t("error-not-found-message")),
            Self::Csrf => (t("error-csrf"), t("error-csrf-message")),
            Self::Forbidden => (t("error-forbidden"), t("error-forbidden-message")),
            Self::BadRequest(message) => (t("error-bad-request"), message.clone()),
            Self::Gone(message) => (t("link-dead-used"), message.clone()),
            Self::RateLimited { retry_after_secs } => (
                t("error-rate-limited"),
                t1(
                    "error-rate-limited-message",
                    "wait",
                    human_wait(*retry_after_secs),
                ),
            ),
            Self::SlotTaken(_) => (t("taken-title"), t("error-slot-taken-message")),
            Self::Duplicate(_) => (t("error-duplicate"), t("error-duplicate-message")),
            Self::Busy => (t("error-busy"), t("error-busy-message")),
            Self::Internal(_) => (t("error-internal"), t("error-internal-message")),
        }
    }
}

fn human_wait(secs: u64) -> String {
    let minutes = match secs {
        0..=3600 => secs.div_ceil(60).max(1),
        _ => secs.div_ceil(3600) * 60,
    };
    crate::i18n::duration(u32::try_from(minutes).unwrap_or(u32::MAX))
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
                heading,
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
