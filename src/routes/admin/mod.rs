//! The operator's pages under `/admin`: mail delivery status and accounts. Only an admin
//! sees them; to anyone else signed in every `/admin` route is a plain 404, so the pages do
//! not reveal that they exist.

mod accounts;
mod calendar_writes;
mod mail;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use crate::auth::{CsrfForm, CurrentUser};
use crate::domain::forms::RawForm;
use crate::error::AppError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(mail::configure)
        .configure(accounts::configure)
        .configure(calendar_writes::configure);
}

/// The signed-in admin. Signed out → the sign-in redirect of `CurrentUser`; signed in
/// without the admin role → 404.
pub struct Admin(pub CurrentUser);

impl std::ops::Deref for Admin {
    type Target = CurrentUser;
    fn deref(&self) -> &CurrentUser {
        &self.0
    }
}

impl FromRequest for Admin {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            if user.is_admin() {
                Ok(Admin(user))
            } else {
                Err(AppError::NotFound.into())
            }
        })
    }
}

/// A POST body whose CSRF check the handler applies only after `Admin` passed.
///
/// actix polls a handler's extractors together and answers with the first error to
/// arrive; a plain `CsrfForm` would often fail (403) before the admin check (a database
/// read) and tell a provider that the route exists.
pub type AdminForm = Result<CsrfForm<RawForm>, actix_web::Error>;

/// Formats an instant as the admin pages show it: `2030-01-07 08:00 UTC`.
pub fn utc(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}
