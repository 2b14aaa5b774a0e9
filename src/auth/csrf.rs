//! CSRF protection: every state-changing form carries the session's token in a hidden
//! `csrf_token` field, and `CsrfForm<T>` refuses the request (403, nothing changed) unless it
//! matches. Handlers never read a POST body any other way.

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use super::session::expected_csrf_token;
use crate::error::AppError;

/// A form body that passed the CSRF check, deserialized into `T` (repeated keys become
/// `Vec`s, as browsers send checkbox groups).
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct TokenOnly {
    #[serde(default)]
    csrf_token: String,
}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let session = req.get_session();
        Box::pin(async move {
            let body = body
                .await
                .map_err(|_| AppError::BadRequest("The form was too large to accept.".into()))?;
            let sent = serde_html_form::from_bytes::<TokenOnly>(&body)
                .map(|t| t.csrf_token)
                .unwrap_or_default();
            let expected = expected_csrf_token(&session).unwrap_or_default();
            if expected.is_empty() || !constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
                return Err(AppError::Csrf.into());
            }
            let value = serde_html_form::from_bytes::<T>(&body).map_err(|error| {
                tracing::info!(%error, "form did not deserialize");
                AppError::BadRequest(
                    "The form could not be read. Please go back, reload the page and try again."
                        .into(),
                )
            })?;
            Ok(CsrfForm(value))
        })
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn tokens_compare_exactly() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
