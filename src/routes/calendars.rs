//! The Calendars page: a provider subscribes to ICS calendars whose busy times block
//! bookings, sees how each one's last refresh went, refreshes one now or removes it.
//! Adding and "refresh now" read the calendar at once, so the answer shows the outcome.
//! Every form carries the CSRF token; another provider's source is 404.

use std::net::IpAddr;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::calendars::{fetch_url, refresh_one, Outcome};
use crate::db::models::calendars::{self as store, MAX_SOURCES};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::error::{AppError, AppResult};
use crate::outbound::is_public;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::calendars::{CalendarsPage, SourceRow};
use crate::views::{render, FlashKind, PageContext};

const PAGE: &str = "/dashboard/calendars";

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
    page(
        &state,
        &user,
        ctx,
        StatusCode::OK,
        RawForm::default(),
        FieldErrors::new(),
    )
    .await
}

/// An IP literal the fetch would refuse, said when the calendar is added.
fn private_literal(url: &url::Url) -> bool {
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
            errors.add("url", "Enter the calendar's address.");
            None
        }
        _ if form.get("url").len() > 2000 => {
            errors.add("url", "This address is longer than 2,000 characters.");
            None
        }
        None => {
            errors.add(
                "url",
                "Enter an address that starts with https://, http:// or webcal://.",
            );
            None
        }
        Some(url) if private_literal(&url) && !state.settings.calendars.allow_private_networks => {
            errors.add(
                "url",
                "This address is in a private network, which Slotbook does not read from.",
            );
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
            form,
            errors,
        )
        .await;
    };
    let (provider, now, text) = (user.id, state.now(), url.to_string());
    let Some(id) = state
        .db(move |c| store::create(c, provider, &text, now))
        .await?
    else {
        errors.add(
            "url",
            "You already subscribe to the most calendars Slotbook reads for one person; remove one first.",
        );
        return page(
            &state,
            &user,
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            form,
            errors,
        )
        .await;
    };
    let message = match refresh_one(&state, provider, id).await? {
        Some(Outcome::Failed) => {
            "Calendar added, but it could not be read yet: see the error below. Slotbook keeps trying."
        }
        _ => "Calendar added: its busy times now block bookings.",
    };
    flash(&session, FlashKind::Success, message);
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
    let exists = state
        .db(move |c| Ok(store::list(c, provider)?.iter().any(|s| s.id == id)))
        .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    let (kind, message) = match refresh_one(&state, provider, id).await? {
        Some(Outcome::Refreshed) => (FlashKind::Success, "Calendar read again."),
        Some(Outcome::Unchanged) => (FlashKind::Success, "Calendar checked: nothing changed."),
        Some(Outcome::Failed) => (
            FlashKind::Error,
            "The calendar could not be read: see the error below. Its last busy times still count.",
        ),
        None => (FlashKind::Info, "The calendar is being read right now."),
    };
    flash(&session, kind, message);
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
        "Calendar removed: its busy times no longer block bookings.",
    );
    Ok(redirect(PAGE))
}

fn when(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .format("%a, %-d %b %Y %H:%M")
        .to_string()
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let sources = state.db(move |c| store::list(c, provider)).await?;
    let tz = user.timezone.tz();
    let optional = |at: Option<DateTime<Utc>>| at.map(|at| when(at, tz)).unwrap_or_default();
    Ok(render(
        status,
        &CalendarsPage {
            ctx,
            timezone: tz.name().to_owned(),
            sources: sources
                .into_iter()
                .map(|s| SourceRow {
                    id: s.id.to_string(),
                    block_count: s.block_count,
                    skipped_events: s.skipped_events,
                    last_success: optional(s.last_success_at),
                    last_error: if s.failing_since.is_some() {
                        s.last_error.unwrap_or_default()
                    } else {
                        String::new()
                    },
                    last_error_at: optional(s.last_error_at),
                    next_refresh: when(s.next_refresh_at, tz),
                    url: s.url,
                })
                .collect(),
            refresh_minutes: state.settings.calendars.refresh_every.num_minutes(),
            max_sources: MAX_SOURCES,
            form,
            errors,
        },
    ))
}
