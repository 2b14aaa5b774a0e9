//! `/verify/{token}`: the link in the verification mail. The GET only shows a button (mail
//! scanners open links); the POST verifies. `/verify/resend` sends a fresh link to the
//! signed-in provider.

use actix_session::Session;
use actix_web::{get, post, web, HttpResponse};

use super::{buckets, limit_account, plausible_token};
use crate::auth::accounts::{self, Resent};
use crate::auth::guard::safe_next;
use crate::auth::{session, CsrfForm, CurrentUser};
use crate::db::models::account_tokens::Purpose;
use crate::domain::forms::RawForm;
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::accounts::VerifyEmailPage;
use crate::views::{page, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    // `resend` first: it would otherwise read as a token.
    cfg.service(resend).service(show).service(verify);
}

fn dead_link() -> AppError {
    AppError::Gone(
        "This verification link has expired, was already used, or was sent to an address the \
         account no longer uses. Sign in to ask for a new one."
            .into(),
    )
}

#[get("/verify/{token}")]
async fn show(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    if !plausible_token(&token) {
        return Err(dead_link());
    }
    let (lookup, now) = (token.clone(), state.now());
    let link = state
        .db(move |conn| accounts::usable_link(conn, &lookup, Purpose::VerifyEmail, now))
        .await?;
    let Some((link, _)) = link else {
        return Err(dead_link());
    };
    Ok(page(&VerifyEmailPage {
        ctx,
        token,
        email: link.email,
    }))
}

#[post("/verify/{token}")]
async fn verify(
    state: web::Data<AppState>,
    session: Session,
    token: web::Path<String>,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    if !plausible_token(&token) {
        return Err(dead_link());
    }
    let now = state.now();
    let Some(user) = state
        .db(move |conn| accounts::verify_email(conn, &token, now))
        .await?
    else {
        return Err(dead_link());
    };
    tracing::info!(user.id = %user.id, "email address verified");
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-verified").arg("email", &user.email),
    );
    Ok(redirect("/dashboard"))
}

#[post("/verify/resend")]
async fn resend(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    limit_account(&state, buckets::VERIFY_RESEND, &user.id.to_string())?;
    let (id, base_url, now) = (user.id, state.settings.base_url.clone(), state.now());
    let resent = state
        .db(move |conn| accounts::resend_verification(conn, id, &base_url, now))
        .await?;
    let message = match resent {
        Resent::Sent => {
            crate::i18n::Text::id("flash-verification-resent").arg("email", &user.email)
        }
        Resent::AlreadyVerified => crate::i18n::Text::id("flash-already-verified"),
    };
    session::flash(&session, FlashKind::Info, message);
    Ok(redirect(
        safe_next(form.get("next")).unwrap_or("/dashboard"),
    ))
}
