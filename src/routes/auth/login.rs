//! `/login` and `/logout`. Every failed sign-in shows the same message, whether the account
//! exists or not, and takes the same time (a dummy hash is verified for unknown accounts).
//! Attempts are limited per client address (a successful sign-in does not count). Failed
//! attempts for one account, from whatever addresses, never lock it: past the per-address
//! limit each one makes every later sign-in for that account wait a little longer (see
//! `rate_limit::account_delay`), so guessing slows down while the owner still gets in.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::{buckets, client_key, limit_login, signed_out_with_notice};
use crate::auth::guard::safe_next;
use crate::auth::{password, session, CsrfForm};
use crate::db::models::users;
use crate::domain::account::raw_password;
use crate::domain::forms::{FieldErrors, RawForm, Text};
use crate::error::AppResult;
use crate::rate_limit;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::accounts::LoginPage;
use crate::views::{render, PageContext};

/// The one answer to every failed sign-in.
pub const SIGN_IN_FAILED: &str =
    "That email address or username and password do not match an account. Check them and try again.";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(sign_in).service(sign_out);
}

#[derive(serde::Deserialize)]
struct NextQuery {
    next: Option<String>,
}

#[get("/login")]
async fn show(
    state: web::Data<AppState>,
    ctx: PageContext,
    query: web::Query<NextQuery>,
) -> HttpResponse {
    let next = query
        .next
        .as_deref()
        .and_then(safe_next)
        .unwrap_or_default()
        .to_owned();
    login_page(
        &state,
        ctx,
        StatusCode::OK,
        String::new(),
        next,
        FieldErrors::new(),
        "",
    )
}

#[post("/login")]
async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let login = form.line(&mut errors, "login");
    let typed_password = raw_password(&form, "password").to_owned();
    let next = safe_next(form.get("next")).unwrap_or_default().to_owned();
    if login.is_empty() {
        errors.add("login", Text::id("login-error-login-missing"));
    }
    if typed_password.is_empty() {
        errors.add("password", Text::id("login-error-password-missing"));
    }
    if !errors.is_empty() {
        return Ok(login_page(
            &state,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            login,
            next,
            errors,
            "",
        ));
    }

    let client = client_key(&state, &req);
    limit_login(&state, buckets::LOGIN_IP, &client)?;
    let lookup = login.clone();
    let user = state
        .db(move |conn| users::find_by_login(conn, &lookup))
        .await?;
    // Per account: by id when it exists, so `alice` and `alice@example.com` count together.
    let account_key = match &user {
        Some(user) => user.id.to_string(),
        None => login.trim().to_lowercase(),
    };
    let failures = state
        .rate_limiter
        .recent(buckets::LOGIN_ACCOUNT_FAILURES, &account_key);
    let delay = rate_limit::account_delay(failures, state.settings.rate_limits.login);
    if !delay.is_zero() {
        actix_web::rt::time::sleep(delay).await;
    }
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let matches = password::verify_off_thread(typed_password, stored).await?;
    match user {
        Some(user) if matches && user.is_active => {
            state.rate_limiter.forgive(buckets::LOGIN_IP, &client);
            session::sign_in(&session, &user);
            tracing::info!(user.id = %user.id, "signed in");
            Ok(redirect(if next.is_empty() { "/dashboard" } else { &next }))
        }
        _ => {
            let window = std::time::Duration::from_secs(state.settings.rate_limits.window_secs);
            state
                .rate_limiter
                .note(buckets::LOGIN_ACCOUNT_FAILURES, &account_key, window);
            tracing::info!("sign-in refused");
            Ok(login_page(
                &state,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                login,
                next,
                FieldErrors::new(),
                SIGN_IN_FAILED,
            ))
        }
    }
}

#[post("/logout")]
async fn sign_out(session: Session, CsrfForm(_): CsrfForm<RawForm>) -> HttpResponse {
    signed_out_with_notice(&session, "flash-signed-out");
    redirect("/")
}

fn login_page(
    state: &AppState,
    ctx: PageContext,
    status: StatusCode,
    login: String,
    next: String,
    errors: FieldErrors,
    failure: &str,
) -> HttpResponse {
    render(
        status,
        &LoginPage {
            ctx,
            allow_signup: state.settings.allow_signup,
            login,
            next,
            errors,
            failure: failure.to_owned(),
        },
    )
}
