//! One booking: guest details, answers, the audit trail, and the actions valid in its
//! state (approve, decline, cancel with a reason, completed, no-show after the start).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::booking_events;
use crate::db::models::booking_hosts;
use crate::db::models::bookings;
use crate::db::models::calendar_writes;
use crate::db::models::lifecycle;
use crate::db::models::moves;
use crate::db::models::provider_looks;
use crate::db::models::services;
use crate::db::models::team_services;
use crate::db::{write_transaction, StoreError};
use crate::domain::booking::{Action, Actor, Change};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::email::booking as booking_mail;
use crate::error::{AppError, AppResult};
use crate::i18n::Text;
use crate::routes::bookings::service_label;
use crate::routes::calendars::write_line;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::bookings::{action_buttons, action_slug, BookingDetailPage, EventRow, MovedFrom};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(act);
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
    let (booking, service, events, earlier, later, write) = state
        .db(move |conn| {
            let booking =
                bookings::find_for_provider(conn, provider, id)?.ok_or(StoreError::NotFound)?;
            let service = team_services::labels(conn, &[booking.service_id])?;
            let events = booking_events::for_booking(conn, id)?;
            let moved_from: Vec<_> = booking.rescheduled_from_id.into_iter().collect();
            let earlier = moves::earlier(conn, provider, &moved_from)?.pop();
            let later = moves::later(conn, provider, id)?;
            let write = calendar_writes::latest_for_booking(conn, &booking)?;
            Ok((booking, service, events, earlier, later, write))
        })
        .await?;
    let tz = user.timezone.tz();
    let guest_tz = booking.guest_timezone.tz();
    let fmt = crate::i18n::format::datetime_long;
    // The other end of a move, by its local time (never its id or a UTC timestamp).
    let moved = |other: &bookings::Booking| MovedFrom {
        when: fmt(other.start_at, tz),
        href: format!("/dashboard/bookings/{}", other.id),
    };
    let answers = booking
        .answers
        .iter()
        .map(|a| (a.question.clone(), a.answer.clone()))
        .collect();
    Ok(render(
        status,
        &BookingDetailPage {
            ctx,
            id: booking.id.to_string(),
            service: service_label(&service, booking.service_id),
            when: fmt(booking.start_at, tz),
            timezone: tz.name().to_owned(),
            guest_when: fmt(booking.start_at, guest_tz),
            guest_timezone: guest_tz.name().to_owned(),
            status: booking.status().as_str().to_owned(),
            guest_name: booking.guest_name.clone(),
            guest_email: booking.guest_email.clone(),
            guest_phone: booking.guest_phone.clone().unwrap_or_default(),
            notes: booking.guest_notes.clone().unwrap_or_default(),
            answers,
            cancelled_by: booking
                .cancelled_by
                .map(|by| by.as_str().to_owned())
                .unwrap_or_default(),
            cancellation_reason: booking.cancellation_reason.clone().unwrap_or_default(),
            events: events
                .iter()
                .map(|e| EventRow {
                    at: fmt(e.at, tz),
                    actor: e.actor.as_str().to_owned(),
                    slug: e.kind.clone(),
                    kind: super::event_label(&e.kind),
                    detail: e.detail.clone(),
                })
                .collect(),
            moved_from: earlier.as_ref().map(moved),
            moved_to: later.as_ref().map(moved),
            actions: action_buttons(booking.id, booking.facts(), state.now()),
            error,
            calendar_write: write.map(|w| write_line(&w, tz)),
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
    let action = Action::PROVIDER
        .into_iter()
        .find(|a| action_slug(*a) == action)
        .ok_or(AppError::NotFound)?;
    let change = match action {
        Action::Approve => Change::Approve,
        Action::Decline => Change::Decline,
        Action::Complete => Change::Complete,
        Action::NoShow => Change::NoShow,
        Action::Confirm => return Err(AppError::NotFound),
        Action::Cancel => {
            let mut errors = FieldErrors::new();
            let reason = form.text(&mut errors, "reason");
            let reason = reason.chars().take(500).collect::<String>();
            if !errors.is_empty() || reason.is_empty() {
                let error = match errors.message("reason") {
                    None => crate::i18n::t("booking-reason-needed"),
                    Some(refused) => refused.to_string(),
                };
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
    };
    let (provider, now) = (user.id, state.now());
    let provider_row = user.0.clone();
    let (in_tx, settings) = (change.clone(), state.settings.clone());
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |c| {
                let booking =
                    bookings::find_for_provider(c, provider, id)?.ok_or(StoreError::NotFound)?;
                let service = services::of_booking(c, &booking)?.ok_or(StoreError::NotFound)?;
                // The other hosts of a collective booking are told as well.
                let hosts = booking_hosts::host_users(c, id)?;
                let brand = provider_looks::branding(c, &service)?;
                let mail = booking_mail::Context::new(&settings, &provider_row, &service, brand)
                    .with_hosts(hosts);
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
                Change::Approve => "flash-booking-approved",
                Change::Decline => "flash-booking-declined",
                Change::Cancel { .. } => "flash-booking-cancelled",
                Change::Complete => "flash-booking-completed",
                Change::NoShow => "flash-booking-no-show",
                Change::Confirm => "flash-booking-confirmed",
            };
            flash(&session, FlashKind::Success, Text::id(message));
            Ok(redirect(&format!("/dashboard/bookings/{id}")))
        }
        Err(refusal) => {
            detail_page(
                &state,
                &user,
                ctx,
                id,
                StatusCode::CONFLICT,
                crate::i18n::refused(&refusal),
            )
            .await
        }
    }
}
