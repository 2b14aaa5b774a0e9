//! `ApiUser`: who is calling the API, from `Authorization: Bearer <token>` and nothing
//! else. Cookies never authenticate the API, so a signed-in browser cannot be made to call
//! it from another site (and so the API needs no CSRF token).

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::problem::ApiError;
use crate::db::models::api_tokens::{self, ApiToken};
use crate::db::models::users::{self, User};
use crate::state::AppState;

/// The provider a live token belongs to, with the token.
pub struct ApiUser {
    pub user: User,
    pub token: ApiToken,
}

impl ApiUser {
    /// Refuses (403) unless the token may write.
    pub fn require_write(&self) -> Result<(), ApiError> {
        if self.token.scope.may_write() {
            Ok(())
        } else {
            Err(ApiError::InsufficientScope)
        }
    }
}

/// The token in an `Authorization: Bearer` header (scheme case-insensitive, RFC 6750).
fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= 200)
        .then(|| token.to_owned())
}

pub fn app_state(req: &HttpRequest) -> Result<web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))
}

impl FromRequest for ApiUser {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let token = bearer_token(req);
        let state = app_state(req);
        Box::pin(async move {
            let token = token.ok_or(ApiError::Unauthorized)?;
            let state = state?;
            let now = state.now();
            let found = state
                .db(move |conn| {
                    let Some(token) = api_tokens::authenticate(conn, &token, now)? else {
                        return Ok(None);
                    };
                    Ok(users::find(conn, token.user_id)?.map(|user| (user, token)))
                })
                .await
                .map_err(ApiError::from)?;
            // A deactivated account's tokens stop working with it.
            let Some((user, token)) = found.filter(|(user, _)| user.is_active) else {
                return Err(ApiError::Unauthorized.into());
            };
            let limits = state.settings.rate_limits;
            state
                .rate_limiter
                .enforce(
                    "api-token",
                    &token.id.to_string(),
                    limits.api,
                    limits.window_secs,
                )
                .map_err(ApiError::from)?;
            Ok(ApiUser { user, token })
        })
    }
}
