//! CalDAV accounts on the Calendars page: the provider gives a server URL, user name and
//! password (or app password); the calendars are discovered at once, so a wrong password
//! is a 422 on the form (which keeps everything but the password); the password is
//! sealed (`crate::sealed`) and never shown again. Then the provider chooses which
//! calendars count as busy and, optionally, the one bookings are written into. Every form
//! carries the CSRF token; another provider's account is 404.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use super::calendars::{page, private_literal, Forms, PAGE};
use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::caldav::{self, CaldavError};
use crate::calendars::client;
use crate::db::models::calendar_accounts::{self as store, Choice, KnownCalendar, NewAccount};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t1, Text};
use crate::outbound::OutboundError;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::calendars::{AccountPage, ChoiceRow};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(add)
        .service(show)
        .service(choose)
        .service(remove);
}

/// The server URL as typed, when it is one Slotbook may reach.
fn server_url(form: &RawForm, errors: &mut FieldErrors, allow_private: bool) -> Option<url::Url> {
    let text = form.get("server_url");
    if text.is_empty() {
        errors.add("server_url", t("calendars-error-server-empty"));
        return None;
    }
    let parsed = url::Url::parse(text).ok().filter(|u| {
        matches!(u.scheme(), "http" | "https") && u.host().is_some() && text.len() <= 2000
    });
    match parsed {
        None => {
            errors.add("server_url", t("calendars-error-server-scheme"));
            None
        }
        Some(url) if private_literal(&url) && !allow_private => {
            errors.add("server_url", t("calendars-error-private"));
            None
        }
        Some(url) => Some(url),
    }
}

#[post("/dashboard/calendars/accounts")]
async fn add(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let server = server_url(
        &form,
        &mut errors,
        state.settings.calendars.allow_private_networks,
    );
    let username = form.get("username").to_owned();
    if username.is_empty() || username.len() > 200 {
        errors.add("username", t("calendars-error-username"));
    }
    // Passwords are taken as typed: spaces may be part of them.
    let password = form
        .0
        .iter()
        .find(|(name, _)| name == "password")
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    if password.is_empty() || password.len() > 1000 {
        errors.add("password", t("calendars-error-password"));
    }
    let refuse = |errors| {
        page(
            &state,
            &user,
            ctx.clone(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Forms::account(&form, errors),
        )
    };
    let Some(server) = server.filter(|_| errors.is_empty()) else {
        return refuse(errors).await;
    };
    let outbound = client(&state).map_err(anyhow::Error::from)?;
    let account = caldav::Account {
        user: &username,
        password: &password,
    };
    let found = match caldav::discover(&outbound, &server, &account).await {
        Ok(found) => found,
        Err(error) => {
            let (field, message) = match error {
                CaldavError::Unauthorized => ("password", t("calendars-error-unauthorized")),
                CaldavError::Outbound(OutboundError::PrivateAddress(_)) => {
                    ("server_url", t("calendars-error-private"))
                }
                other => (
                    "server_url",
                    t1("calendars-error-not-found", "error", other.to_string()),
                ),
            };
            errors.add(field, message);
            return refuse(errors).await;
        }
    };
    if found.is_empty() {
        errors.add("server_url", t("calendars-error-no-calendars"));
        return refuse(errors).await;
    }
    let calendars: Vec<KnownCalendar> = found
        .into_iter()
        .map(|c| KnownCalendar {
            url: c.url,
            name: c.name,
        })
        .collect();
    let id = uuid::Uuid::now_v7();
    let sealed = state
        .sealer
        .seal(&password, &id.to_string())
        .map_err(anyhow::Error::from)?;
    let (provider, now, server_text) = (user.id, state.now(), server.to_string());
    let created = state
        .db(move |c| {
            let new = NewAccount {
                id,
                server_url: &server_text,
                username: &username,
                password_sealed: &sealed,
                calendars: &calendars,
            };
            store::create(c, provider, &new, now)
        })
        .await?;
    if created.is_none() {
        errors.add("server_url", t("calendars-error-too-many-accounts"));
        return refuse(errors).await;
    }
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-calendar-account-connected"),
    );
    Ok(redirect(&format!("{PAGE}/accounts/{id}")))
}

async fn account_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    id: uuid::Uuid,
    status: StatusCode,
    error: String,
    chosen: Option<(Vec<String>, Option<String>)>,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let (account, sources) = state
        .db(move |c| {
            let account = store::find(c, provider, id)?;
            let sources = crate::db::models::calendars::list(c, provider)?;
            Ok((account, sources))
        })
        .await?;
    let account = account.ok_or(AppError::NotFound)?;
    let (busy, write) = chosen.unwrap_or_else(|| {
        let busy = sources
            .into_iter()
            .filter(|s| s.account_id == Some(id))
            .map(|s| s.url)
            .collect();
        (busy, account.write_calendar_url.clone())
    });
    let calendars: Vec<ChoiceRow> = account
        .calendars()
        .map_err(anyhow::Error::from)?
        .into_iter()
        .enumerate()
        .map(|(index, c)| ChoiceRow {
            index,
            busy: busy.contains(&c.url),
            write: write.as_deref() == Some(c.url.as_str()),
            url: c.url,
            name: c.name,
        })
        .collect();
    Ok(render(
        status,
        &AccountPage {
            ctx,
            id: id.to_string(),
            server_url: account.server_url,
            username: account.username,
            writes_nowhere: !calendars.iter().any(|c| c.write),
            calendars,
            error,
        },
    ))
}

#[get("/dashboard/calendars/accounts/{id}")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = parse_id(&path)?;
    account_page(&state, &user, ctx, id, StatusCode::OK, String::new(), None).await
}

#[post("/dashboard/calendars/accounts/{id}")]
async fn choose(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, id, now) = (user.id, parse_id(&path)?, state.now());
    let busy: Vec<String> = form.all("busy").into_iter().map(str::to_owned).collect();
    let write = Some(form.get("write").to_owned()).filter(|w| !w.is_empty());
    let (chosen_busy, chosen_write) = (busy.clone(), write.clone());
    let choice = state
        .db(move |c| {
            let busy: Vec<&str> = chosen_busy.iter().map(String::as_str).collect();
            store::choose(c, provider, id, &busy, chosen_write.as_deref(), now)
        })
        .await?;
    let error = match choice {
        Choice::Saved => {
            state.calendar_wake.notify_one();
            flash(
                &session,
                FlashKind::Success,
                Text::id("flash-calendars-saved"),
            );
            return Ok(redirect(PAGE));
        }
        Choice::NotFound => return Err(AppError::NotFound),
        Choice::TooMany => t("calendars-error-choose-fewer"),
        Choice::Unknown => t("calendars-error-choose-listed"),
    };
    account_page(
        &state,
        &user,
        ctx,
        id,
        StatusCode::UNPROCESSABLE_ENTITY,
        error,
        Some((busy, write)),
    )
    .await
}

#[post("/dashboard/calendars/accounts/{id}/delete")]
async fn remove(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, id) = (user.id, parse_id(&path)?);
    if !state.db(move |c| store::delete(c, provider, id)).await? {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-calendar-account-removed"),
    );
    Ok(redirect(PAGE))
}
