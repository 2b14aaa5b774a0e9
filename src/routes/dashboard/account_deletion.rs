//! `/dashboard/settings/delete`: a provider deletes their own account after typing their
//! password. Future bookings are cancelled first through the dashboard's own cancel
//! (`lifecycle::apply`, so every guest gets the usual cancellation mail), then the account
//! and everything it holds are deleted, sessions included, all in one transaction
//! (`db::models::privacy::delete_account`). The last administrator cannot leave.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use super::settings::check_current_password;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::users::User;
use crate::db::models::{privacy, provider_looks};
use crate::domain::account::raw_password;
use crate::domain::booking::{Actor, Change};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::look::Branding;
use crate::domain::privacy::ACCOUNT_DELETED_REASON;
use crate::email::booking as booking_mail;
use crate::error::AppResult;
use crate::routes::auth::signed_out_with_notice;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::privacy::DeleteAccountPage;
use crate::views::{render, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(delete);
}

async fn deletion_page(
    state: &AppState,
    user: &User,
    ctx: PageContext,
    status: StatusCode,
    password_error: &str,
    refusal: String,
) -> AppResult<HttpResponse> {
    let (id, now) = (user.id, state.now());
    let upcoming = state
        .db(move |conn| privacy::upcoming_count(conn, id, now))
        .await?;
    Ok(render(
        status,
        &DeleteAccountPage {
            ctx,
            username: user.username.clone(),
            upcoming,
            password_error: password_error.to_owned(),
            refusal,
        },
    ))
}

#[get("/dashboard/settings/delete")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    deletion_page(&state, &user, ctx, StatusCode::OK, "", String::new()).await
}

#[post("/dashboard/settings/delete")]
async fn delete(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    check_current_password(
        &state,
        &user,
        raw_password(&form, "password"),
        "password",
        &mut errors,
    )
    .await?;
    if !errors.is_empty() {
        return deletion_page(
            &state,
            &user,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &errors.get("password"),
            String::new(),
        )
        .await;
    }
    let (provider, now, settings) = (user.0.clone(), state.now(), state.settings.clone());
    let change = Change::Cancel {
        reason: ACCOUNT_DELETED_REASON.to_owned(),
    };
    let outcome = state
        .db(move |conn| {
            // The guests' last mails still wear the provider's branding.
            let brand = Branding::of_look(&provider_looks::find(conn, provider.id)?);
            privacy::delete_account(
                conn,
                &provider,
                &change,
                now,
                &|service, b, lineage, tokens| {
                    booking_mail::Context::new(&settings, &provider, service, brand.clone())
                        .changed(b, lineage, tokens, &change, Actor::Provider)
                },
            )
        })
        .await?;
    match outcome {
        Ok(deleted) => {
            state.mailer.wake();
            tracing::info!(user.id = %user.id, cancelled = deleted.cancelled, "account deleted");
            signed_out_with_notice(&session, "flash-account-deleted");
            Ok(redirect("/login"))
        }
        Err(refused) => {
            deletion_page(
                &state,
                &user,
                ctx,
                StatusCode::CONFLICT,
                "",
                refused.text().to_string(),
            )
            .await
        }
    }
}
