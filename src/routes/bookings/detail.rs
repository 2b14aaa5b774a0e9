//! One booking: guest details, answers, the audit trail, and the actions valid in its
//! state (approve, decline, cancel with a reason, completed, no-show after the start).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::booking_events;
use crate::db::models::bookings::{self, Booking};
use crate::db::models::lifecycle::{self, Actor, Change};
use crate::db::models::services;
use crate::db::{write_transaction, StoreError};
use crate::domain::booking::BookingStatus;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::guest::Answer;
use crate::domain::time::Timezone;
use crate::email::booking as booking_mail;
use crate::error::{AppError, AppResult};
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::bookings::{ActionButton, BookingDetailPage, EventRow};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(act);
}

/// The actions a provider may take on a booking in its state, at `now`.
fn actions(booking: &Booking, now: chrono::DateTime<chrono::Utc>) -> Vec<ActionButton> {
    let id = booking.id;
    let button = |action: &str, label: &str, danger: bool, needs_reason: bool| ActionButton {
        path: format!("/dashboard/bookings/{id}/{action}"),
        label: label.into(),
        danger,
        needs_reason,
    };
    match booking.status() {
        BookingStatus::Pending => vec![
            button("approve", "Approve", false, false),
            button("decline", "Decline", true, false),
            button("cancel", "Cancel booking", true, true),
        ],
        BookingStatus::Confirmed if booking.start_at <= now => vec![
            button("complete", "Mark completed", false, false),
            button("no-show", "Mark no-show", false, false),
            button("cancel", "Cancel booking", true, true),
        ],
        BookingStatus::Confirmed => vec![button("cancel", "Cancel booking", true, true)],
        _ => Vec::new(),
    }
}

async fn detail_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    id: uuid::Uuid,
    status: StatusCode,
    error: String,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let (booking, service, events) = state
        .db(move |conn| {
            let booking =
                bookings::find_for_provider(conn, provider, id)?.ok_or(StoreError::NotFound)?;
            let service = services::find_for_provider(conn, provider, booking.service_id)?
                .ok_or(StoreError::NotFound)?;
            let events = booking_events::for_booking(conn, id)?;
            Ok((booking, service, events))
        })
        .await?;
    let tz = Timezone::parse(&user.timezone).unwrap_or_default().tz();
    let guest_tz = Timezone::parse(&booking.guest_timezone)
        .unwrap_or_default()
        .tz();
    let fmt = |at: chrono::DateTime<chrono::Utc>, zone: chrono_tz::Tz| {
        at.with_timezone(&zone)
            .format("%A, %-d %B %Y, %H:%M")
            .to_string()
    };
    let cancellation = match (&booking.cancelled_by, &booking.cancellation_reason) {
        (Some(by), Some(reason)) if !reason.is_empty() => {
            format!("Cancelled by the {by}: {reason}")
        }
        (Some(by), _) => format!("Cancelled by the {by}."),
        _ => String::new(),
    };
    let answers = serde_json::from_str::<Vec<Answer>>(&booking.answers)
        .unwrap_or_default()
        .into_iter()
        .map(|a| (a.question, a.answer))
        .collect();
    Ok(render(
        status,
        &BookingDetailPage {
            ctx,
            id: booking.id.to_string(),
            service: service.name.clone(),
            when: fmt(booking.start_at, tz),
            timezone: tz.name().to_owned(),
            guest_when: fmt(booking.start_at, guest_tz),
            guest_timezone: guest_tz.name().to_owned(),
            status: booking.status.clone(),
            status_label: booking.status().label().to_owned(),
            guest_name: booking.guest_name.clone(),
            guest_email: booking.guest_email.clone(),
            guest_phone: booking.guest_phone.clone().unwrap_or_default(),
            notes: booking.guest_notes.clone().unwrap_or_default(),
            answers,
            cancellation,
            events: events
                .iter()
                .map(|e| EventRow {
                    at: fmt(e.at, tz),
                    actor: e.actor.clone(),
                    kind: e.kind.replace('_', " "),
                    detail: e.detail.clone(),
                })
                .collect(),
            actions: actions(&booking, state.now()),
            error,
        },
    ))
}

#[get("/dashboard/bookings/{id}")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = parse_id(&path)?;
    detail_page(&state, &user, ctx, id, StatusCode::OK, String::new()).await
}

#[post("/dashboard/bookings/{id}/{action}")]
async fn act(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let id = parse_id(&id)?;
    let change = match action.as_str() {
        "approve" => Change::Approve,
        "decline" => Change::Decline,
        "complete" => Change::Complete,
        "no-show" => Change::NoShow,
        "cancel" => {
            let mut errors = FieldErrors::new();
            let reason = form.text(&mut errors, "reason");
            let reason = reason.chars().take(500).collect::<String>();
            if !errors.is_empty() || reason.is_empty() {
                let error = match errors.get("reason") {
                    "" => "Give a reason for cancelling: the guest receives it.",
                    refused => refused,
                }
                .to_owned();
                return detail_page(
                    &state,
                    &user,
                    ctx,
                    id,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    error,
                )
                .await;
            }
            Change::Cancel { reason }
        }
        _ => return Err(AppError::NotFound),
    };
    let (provider, now) = (user.id, state.now());
    let provider_row = user.0.clone();
    let (in_tx, settings) = (change.clone(), state.settings.clone());
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |c| {
                let booking =
                    bookings::find_for_provider(c, provider, id)?.ok_or(StoreError::NotFound)?;
                let service = services::find_for_provider(c, provider, booking.service_id)?
                    .ok_or(StoreError::NotFound)?;
                let mail = booking_mail::Context::new(&settings, &provider_row, &service);
                lifecycle::apply(
                    c,
                    id,
                    &in_tx,
                    Actor::Provider,
                    now,
                    &|b, lineage, tokens| mail.changed(b, lineage, tokens, &in_tx, Actor::Provider),
                )
            })
        })
        .await?;
    match outcome {
        Ok(_) => {
            state.mailer.wake();
            let message = match change {
                Change::Approve => "Booking approved; the guest has been told.",
                Change::Decline => {
                    "Booking declined; the guest has been told and the time is free."
                }
                Change::Cancel { .. } => {
                    "Booking cancelled; the guest has been told and the time is free."
                }
                Change::Complete => "Marked as completed.",
                Change::NoShow => "Marked as no-show.",
                Change::Confirm => "Booking confirmed.",
            };
            flash(&session, FlashKind::Success, message);
            Ok(redirect(&format!("/dashboard/bookings/{id}")))
        }
        Err(refusal) => {
            detail_page(
                &state,
                &user,
                ctx,
                id,
                StatusCode::CONFLICT,
                refusal.to_string(),
            )
            .await
        }
    }
}
