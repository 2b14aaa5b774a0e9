//! `/dashboard/settings`: profile (name, business name, bio, timezone), email address and
//! password of the signed-in provider. Every form acts on the session's account only: no
//! id is ever read from the URL or the form.
//!
//! Changing the email address or the password asks for the current password. A new
//! address replaces the old one at once and must be verified again (see
//! `auth::accounts`); a new password signs out every other session while this one stays.
//! "Sign out everywhere" ends every session of the account, this one included.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::accounts;
use crate::auth::{password, session, session_store, CsrfForm, CurrentUser};
use crate::db::models::users::{self, User};
use crate::domain::account::{parse_new_password, raw_password, Profile};
use crate::domain::email_address::EmailAddress;
use crate::domain::forms::{FieldErrors, RawForm, Text};
use crate::error::{AppError, AppResult};
use crate::routes::auth::{buckets, limit_login, signed_out_with_notice};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::accounts::{timezone_names, SettingsPage};
use crate::views::{render, FlashKind, PageContext};

const SETTINGS: &str = "/dashboard/settings";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show)
        .service(save_profile)
        .service(change_email)
        .service(change_password)
        .service(sign_out_everywhere);
}

#[get("/dashboard/settings")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    let sessions = session_store::live_sessions(&state, user.id).await?;
    let forms = Forms::default();
    Ok(settings_page(
        &user,
        ctx,
        StatusCode::OK,
        forms,
        Some(sessions),
    ))
}

#[post("/dashboard/settings/profile")]
async fn save_profile(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let profile = match Profile::parse(&form) {
        Ok(profile) => profile,
        Err(errors) => {
            let forms = Forms {
                profile: Some((form, errors)),
                ..Forms::default()
            };
            return Ok(settings_page(
                &user,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                forms,
                None,
            ));
        }
    };
    let (id, now) = (user.id, state.now());
    let updated = state
        .db(move |conn| {
            users::update_profile(conn, id, &profile, now)?;
            users::find(conn, id)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    session::refresh_nav(&session, &updated);
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-profile-saved"),
    );
    Ok(redirect(SETTINGS))
}

#[post("/dashboard/settings/email")]
async fn change_email(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let email = EmailAddress::parse(form.get("email"))
        .map_err(|e| errors.add("email", e))
        .ok();
    if email
        .as_ref()
        .is_some_and(|email| email.as_str() == user.email)
    {
        errors.add("email", Text::id("settings-error-email-same"));
    }
    check_current_password(
        &state,
        &user,
        raw_password(&form, "email_current_password"),
        "email_current_password",
        &mut errors,
    )
    .await?;
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        let forms = Forms {
            email: Some((form, errors)),
            ..Forms::default()
        };
        return Ok(settings_page(
            &user,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            forms,
            None,
        ));
    };
    let (id, base_url, now) = (user.id, state.settings.base_url.clone(), state.now());
    let changed = state
        .db(move |conn| accounts::change_email(conn, id, &email, &base_url, now))
        .await;
    let updated = match changed {
        Ok(updated) => updated,
        Err(AppError::Duplicate(_)) => {
            errors.add("email", Text::id("settings-error-email-taken"));
            let forms = Forms {
                email: Some((form, errors)),
                ..Forms::default()
            };
            return Ok(settings_page(
                &user,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                forms,
                None,
            ));
        }
        Err(other) => return Err(other),
    };
    tracing::info!(user.id = %updated.id, "email address changed");
    session::refresh_nav(&session, &updated);
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-email-changed").arg("email", &updated.email),
    );
    Ok(redirect(SETTINGS))
}

#[post("/dashboard/settings/password")]
async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let new_password = match parse_new_password(&form, &user.username, &user.email) {
        Ok(password) => Some(password),
        Err(problems) => {
            problems
                .iter()
                .for_each(|(field, message)| errors.add(field, message.clone()));
            None
        }
    };
    check_current_password(
        &state,
        &user,
        raw_password(&form, "current_password"),
        "current_password",
        &mut errors,
    )
    .await?;
    let Some(new_password) = new_password.filter(|_| errors.is_empty()) else {
        let forms = Forms {
            password: errors,
            ..Forms::default()
        };
        return Ok(settings_page(
            &user,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            forms,
            None,
        ));
    };
    let hash = password::hash_off_thread(new_password.expose().to_owned()).await?;
    let (id, now) = (user.id, state.now());
    state
        .db(move |conn| accounts::change_password(conn, id, &hash, now))
        .await?;
    // Every session of the account has ended; this one carries on under a new id.
    session::move_to_new_id(&session);
    tracing::info!(user.id = %user.id, "password changed");
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-password-changed"),
    );
    Ok(redirect(SETTINGS))
}

#[post("/dashboard/settings/sign-out-everywhere")]
async fn sign_out_everywhere(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let ended = session_store::end_all_sessions(&state, user.id).await?;
    tracing::info!(user.id = %user.id, ended, "signed out everywhere");
    signed_out_with_notice(
        &session,
        "You are signed out on every device, this one included.",
    );
    Ok(redirect("/login"))
}

/// Records a field error unless `typed` is the account's password. Checks are limited per
/// account like sign-ins: a borrowed session must not become a password oracle.
pub(super) async fn check_current_password(
    state: &AppState,
    user: &User,
    typed: &str,
    field: &str,
    errors: &mut FieldErrors,
) -> AppResult<()> {
    if typed.is_empty() {
        errors.add(field, Text::id("settings-error-password-missing"));
        return Ok(());
    }
    let key = user.id.to_string();
    limit_login(state, buckets::REAUTH, &key)?;
    if password::verify_off_thread(typed.to_owned(), Some(user.password_hash.clone())).await? {
        state.rate_limiter.forgive(buckets::REAUTH, &key);
    } else {
        errors.add(field, Text::id("settings-error-password-wrong"));
    }
    Ok(())
}

/// The settings page's three forms: what was typed and its errors, for the one that did
/// not go through; the others show the stored values.
#[derive(Default)]
struct Forms {
    profile: Option<(RawForm, FieldErrors)>,
    email: Option<(RawForm, FieldErrors)>,
    password: FieldErrors,
}

/// `sessions`: how many browsers are signed in as the account (`None` on a form's re-render,
/// where the page does not ask the database again).
fn settings_page(
    user: &User,
    ctx: PageContext,
    status: StatusCode,
    forms: Forms,
    sessions: Option<i64>,
) -> HttpResponse {
    let (profile, profile_errors) = forms
        .profile
        .unwrap_or_else(|| (stored_profile(user), FieldErrors::new()));
    let (email_form, email_errors) = forms.email.unwrap_or_default();
    render(
        status,
        &SettingsPage {
            ctx,
            username: user.username.clone(),
            email: user.email.clone(),
            verified: user.email_verified_at.is_some(),
            profile,
            profile_errors,
            email_form,
            email_errors,
            password_errors: forms.password,
            timezones: timezone_names(),
            sessions,
        },
    )
}

fn stored_profile(user: &User) -> RawForm {
    RawForm(vec![
        ("full_name".into(), user.full_name.clone()),
        ("business_name".into(), user.business_name.clone()),
        ("bio".into(), user.bio.clone()),
        ("timezone".into(), user.timezone.name().to_owned()),
        ("language".into(), user.language.tag().to_owned()),
    ])
}
