//! `CurrentUser`: the guard on every provider route. No session (never signed in, signed
//! out, or ended by a password change, reset, deactivation or "sign out everywhere": the
//! row is gone) or a deactivated account → redirect to the sign-in page with a safe `next`
//! (a local path only).

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::session;
use crate::db::models::users::{self, User};
use crate::error::AppError;
use crate::state::AppState;

/// The signed-in provider, loaded fresh from the database for this request.
pub struct CurrentUser(pub User);

impl std::ops::Deref for CurrentUser {
    type Target = User;
    fn deref(&self) -> &User {
        &self.0
    }
}

impl FromRequest for CurrentUser {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let next = login_next(&req);
            let session = req.get_session();
            let Some(user_id) = session::signed_in(&session) else {
                return Err(AppError::LoginRequired { next }.into());
            };
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("AppState missing")))?
                .clone();
            let user = state.db(move |conn| users::find(conn, user_id)).await?;
            match user {
                Some(user) if user.is_active => Ok(CurrentUser(user)),
                _ => {
                    session::sign_out(&session);
                    Err(AppError::LoginRequired { next }.into())
                }
            }
        })
    }
}

/// Where to come back to after signing in: this request's path, for GETs only.
fn login_next(req: &HttpRequest) -> String {
    if req.method() == actix_web::http::Method::GET {
        req.uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()
    } else {
        String::new()
    }
}

/// Accepts only local absolute paths (`/dashboard?x=1`), never `//host` or `http://…`.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\');
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_safe_redirect_targets() {
        assert_eq!(safe_next("/dashboard?tab=1"), Some("/dashboard?tab=1"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "evil",
            "",
            "/a\r\nb",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }
}
