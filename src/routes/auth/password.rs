//! Password reset: `/password/forgot` asks for an address and answers the same whether an
//! account uses it or not; `/password/reset/{token}` (from the mail, valid one hour, once)
//! sets a new password and signs the account out everywhere.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::{buckets, client_key, limit_account, plausible_token, signed_out_with_notice};
use crate::auth::accounts;
use crate::auth::{password, session, CsrfForm};
use crate::db::models::account_tokens::Purpose;
use crate::domain::account::parse_new_password;
use crate::domain::email_address::EmailAddress;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::accounts::{ForgotPasswordPage, ResetPasswordPage};
use crate::views::{page, render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show_forgot)
        .service(request)
        .service(show_reset)
        .service(reset);
}

fn dead_link() -> AppError {
    AppError::Gone(
        "This password reset link has expired or was already used. Links work for one hour \
         and only once; ask for a new one from the sign-in page."
            .into(),
    )
}

#[get("/password/forgot")]
async fn show_forgot(ctx: PageContext) -> HttpResponse {
    page(&ForgotPasswordPage {
        ctx,
        email: String::new(),
        errors: FieldErrors::new(),
    })
}

#[post("/password/forgot")]
async fn request(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let email = match EmailAddress::parse(form.get("email")) {
        Ok(email) => email,
        Err(message) => {
            let mut errors = FieldErrors::new();
            errors.add("email", message);
            let email = form.get("email").to_owned();
            return Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ForgotPasswordPage { ctx, email, errors },
            ));
        }
    };
    limit_account(&state, buckets::RESET_IP, &client_key(&state, &req))?;
    limit_account(&state, buckets::RESET_ADDRESS, email.as_str())?;
    let shown = email.to_string();
    let (base_url, now) = (state.settings.base_url.clone(), state.now());
    state
        .db(move |conn| accounts::request_password_reset(conn, &email, &base_url, now))
        .await?;
    session::flash(
        &session,
        FlashKind::Info,
        crate::i18n::Text::id("flash-reset-sent").arg("email", shown),
    );
    Ok(redirect("/login"))
}

#[get("/password/reset/{token}")]
async fn show_reset(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let (_, username) = usable(&state, &token).await?;
    Ok(page(&ResetPasswordPage {
        ctx,
        token,
        username,
        errors: FieldErrors::new(),
    }))
}

#[post("/password/reset/{token}")]
async fn reset(
    state: web::Data<AppState>,
    session: Session,
    ctx: PageContext,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let (email, username) = usable(&state, &token).await?;
    let new_password = match parse_new_password(&form, &username, &email) {
        Ok(password) => password,
        Err(errors) => {
            let page = ResetPasswordPage {
                ctx,
                token,
                username,
                errors,
            };
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let hash = password::hash_off_thread(new_password.expose().to_owned()).await?;
    let now = state.now();
    let Some(user) = state
        .db(move |conn| accounts::reset_password(conn, &token, &hash, now))
        .await?
    else {
        return Err(dead_link());
    };
    tracing::info!(user.id = %user.id, "password reset");
    // Whoever this browser was signed in as, it now signs in afresh.
    signed_out_with_notice(&session, "flash-password-reset-done");
    Ok(redirect("/login"))
}

/// The account's address and username when the reset link still works.
async fn usable(state: &AppState, token: &str) -> AppResult<(String, String)> {
    if !plausible_token(token) {
        return Err(dead_link());
    }
    let (lookup, now) = (token.to_owned(), state.now());
    let link = state
        .db(move |conn| accounts::usable_link(conn, &lookup, Purpose::ResetPassword, now))
        .await?;
    link.map(|(_, user)| (user.email, user.username))
        .ok_or_else(dead_link)
}
