//! The Calendars page: a provider subscribes to ICS calendars whose busy times block
//! bookings (CalDAV accounts: `calendar_accounts`), sees how each one's last refresh
//! went, refreshes one now or removes it. Adding and "refresh now" only mark the source
//! due and wake the worker: no request waits for another server, and the page says
//! "refreshing…" until the worker has read it. Every form carries the CSRF token; another
//! provider's source is 404.

use std::net::IpAddr;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::calendars::{fetch_url, refresh_soon};
use crate::db::models::calendar_accounts;
use crate::db::models::calendar_writes::{Write, WriteAction, WriteStatus};
use crate::db::models::calendars::{self as store, Source, MAX_SOURCES};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Text};
use crate::outbound::is_public;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::calendars::{AccountRow, CalendarsPage, SourceRow, WriteLine};
use crate::views::{render, FlashKind, PageContext};

pub(super) const PAGE: &str = "/dashboard/calendars";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show)
        .service(add)
        .service(refresh)
        .service(remove);
}

#[get("/dashboard/calendars")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    page(&state, &user, ctx, StatusCode::OK, Forms::default()).await
}

/// An IP literal the fetch would refuse, said when the calendar is added.
pub(super) fn private_literal(url: &url::Url) -> bool {
    let ip = match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        _ => return false,
    };
    !is_public(ip)
}

#[post("/dashboard/calendars")]
async fn add(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let mut errors = FieldErrors::new();
    let url = match fetch_url(form.get("url")) {
        _ if form.get("url").trim().is_empty() => {
            errors.add("url", t("calendars-error-url-empty"));
            None
        }
        _ if form.get("url").len() > 2000 => {
            errors.add("url", t("calendars-error-url-long"));
            None
        }
        None => {
            errors.add("url", t("calendars-error-url-scheme"));
            None
        }
        Some(url) if private_literal(&url) && !state.settings.calendars.allow_private_networks => {
            errors.add("url", t("calendars-error-private"));
            None
        }
        Some(url) => Some(url),
    };
    let Some(url) = url else {
        return page(
            &state,
            &user,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            Forms::ics(form, errors),
        )
        .await;
    };
    let (provider, now, text) = (user.id, state.now(), url.to_string());
    let Some(id) = state
        .db(move |c| store::create(c, provider, &text, now))
        .await?
    else {
        errors.add("url", t("calendars-error-too-many"));
        return page(
            &state,
            &user,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            Forms::ics(form, errors),
        )
        .await;
    };
    state.calendar_wake.notify_one();
    tracing::debug!(source = %id, "calendar added");
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-calendar-added"),
    );
    Ok(redirect(PAGE))
}

#[post("/dashboard/calendars/{id}/refresh")]
async fn refresh(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, id) = (user.id, parse_id(&path)?);
    if !refresh_soon(&state, provider, id).await? {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Info,
        Text::id("flash-calendar-refreshing"),
    );
    Ok(redirect(PAGE))
}

#[post("/dashboard/calendars/{id}/delete")]
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
        Text::id("flash-calendar-removed"),
    );
    Ok(redirect(PAGE))
}

/// A write-back's state for a page, its times in `tz` with the zone's name.
pub(crate) fn write_line(w: &Write, tz: Tz) -> WriteLine {
    let at = match w.status {
        WriteStatus::Written => w.written_at,
        _ => Some(w.next_attempt_at),
    };
    WriteLine {
        status: w.status.as_str(),
        action: w.action.map(WriteAction::as_str),
        at: at
            .map(|at| format!("{} ({})", when(at, tz), tz.name()))
            .unwrap_or_default(),
        error: w.last_error.clone(),
        attempts: w.attempts,
        object_url: w.object_url(),
    }
}

fn when(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::format::datetime_medium(at, tz)
}

/// The two forms of the page, as posted (empty on a plain visit).
#[derive(Default)]
pub(super) struct Forms {
    ics: RawForm,
    ics_errors: FieldErrors,
    account: RawForm,
    account_errors: FieldErrors,
}

impl Forms {
    fn ics(form: RawForm, errors: FieldErrors) -> Self {
        Self {
            ics: form,
            ics_errors: errors,
            ..Self::default()
        }
    }

    /// The account form without its password, which is never sent back.
    pub(super) fn account(form: &RawForm, errors: FieldErrors) -> Self {
        let kept = form
            .0
            .iter()
            .filter(|(name, _)| name != "password")
            .cloned()
            .collect();
        Self {
            account: RawForm(kept),
            account_errors: errors,
            ..Self::default()
        }
    }
}

fn source_row(s: Source, tz: Tz, now: DateTime<Utc>) -> SourceRow {
    let optional = |at: Option<DateTime<Utc>>| at.map(|at| when(at, tz)).unwrap_or_default();
    SourceRow {
        id: s.id.to_string(),
        block_count: s.block_count,
        skipped_events: s.skipped_events,
        last_success: optional(s.last_success_at),
        last_error: if s.failing_since.is_some() {
            s.last_error.clone().unwrap_or_default()
        } else {
            String::new()
        },
        last_error_at: optional(s.last_error_at),
        next_refresh: when(s.next_refresh_at, tz),
        refreshing: s.is_refreshing(now),
        url: s.name.clone().unwrap_or(s.url),
    }
}

pub(super) async fn page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    forms: Forms,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let (sources, accounts) = state
        .db(move |c| {
            Ok((
                store::list(c, provider)?,
                calendar_accounts::list(c, provider)?,
            ))
        })
        .await?;
    let (tz, now) = (user.timezone.tz(), state.now());
    let mut rows = Vec::new();
    let mut by_account: Vec<(uuid::Uuid, SourceRow)> = Vec::new();
    for source in sources {
        match source.account_id {
            Some(account) => by_account.push((account, source_row(source, tz, now))),
            None => rows.push(source_row(source, tz, now)),
        }
    }
    let mut account_rows = Vec::new();
    for account in accounts {
        let write_calendar = account
            .write_calendar()
            .map_err(anyhow::Error::from)?
            .map(|c| c.name)
            .unwrap_or_default();
        let (mine, rest) = by_account
            .into_iter()
            .partition(|(id, _)| *id == account.id);
        by_account = rest;
        account_rows.push(AccountRow {
            id: account.id.to_string(),
            server_url: account.server_url,
            username: account.username,
            sources: mine.into_iter().map(|(_, row)| row).collect(),
            write_calendar,
        });
    }
    Ok(render(
        status,
        &CalendarsPage {
            ctx,
            timezone: tz.name().to_owned(),
            sources: rows,
            accounts: account_rows,
            refresh_minutes: state.settings.calendars.refresh_every.num_minutes(),
            max_sources: MAX_SOURCES,
            form: forms.ics,
            errors: forms.ics_errors,
            account_form: forms.account,
            account_errors: forms.account_errors,
        },
    ))
}
