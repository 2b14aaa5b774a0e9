//! Provider accounts over HTTP: sign-up, sign-in and sign-out, email verification and
//! password reset. Every form is read through `CsrfForm`; sign-in, sign-up and reset
//! requests are rate-limited per client address (`AppState::rate_limiter`).

mod login;
mod password;
mod signup;
mod verify;

use actix_session::Session;
use actix_web::{web, HttpRequest};

use crate::auth::session;
use crate::error::AppError;
use crate::rate_limit;
use crate::state::AppState;
use crate::views::FlashKind;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(signup::configure)
        .configure(login::configure)
        .configure(verify::configure)
        .configure(password::configure);
}

/// Rate-limit buckets of this area.
pub(crate) mod buckets {
    pub const LOGIN_IP: &str = "login-ip";
    /// Failed sign-ins per account: counted, never refused (they slow further attempts).
    pub const LOGIN_ACCOUNT_FAILURES: &str = "login-account-failures";
    pub const SIGNUP_IP: &str = "signup-ip";
    pub const RESET_IP: &str = "reset-ip";
    pub const RESET_ADDRESS: &str = "reset-address";
    pub const VERIFY_RESEND: &str = "verify-resend";
    /// Current-password checks on the settings page, per account.
    pub const REAUTH: &str = "reauth";
}

/// The rate-limit key of the client sending `req`.
fn client_key(state: &AppState, req: &HttpRequest) -> String {
    rate_limit::client_key(req, &state.settings.trusted_proxies)
}

/// One attempt against `bucket` for `key` under the sign-in limit.
pub(crate) fn limit_login(state: &AppState, bucket: &str, key: &str) -> Result<(), AppError> {
    let limits = state.settings.rate_limits;
    state
        .rate_limiter
        .enforce(bucket, key, limits.login, limits.window_secs)
}

/// One attempt against `bucket` for `key` under the sign-up / reset limit.
pub(crate) fn limit_account(state: &AppState, bucket: &str, key: &str) -> Result<(), AppError> {
    let limits = state.settings.rate_limits;
    state
        .rate_limiter
        .enforce(bucket, key, limits.account, limits.window_secs)
}

/// Signs this browser out and leaves it a notice for the next page. (`session::sign_out`
/// purges the cookie, and a purged session drops whatever is inserted after it, flashes
/// included; clearing and renewing deletes the session's row and gives an empty session
/// under a new id instead.)
pub(crate) fn signed_out_with_notice(session: &Session, message_id: &str) {
    let notice = crate::i18n::Text::id(message_id);
    session.clear();
    session.renew();
    session::flash(session, FlashKind::Success, notice);
}

/// Whether a path segment can be one of our link tokens (64 hex digits); anything else
/// is answered without touching the database.
fn plausible_token(token: &str) -> bool {
    token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit())
}
