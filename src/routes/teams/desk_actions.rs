//! What the front desk does: book for a caller (`POST /teams/{slug}/desk/book`), and on
//! one team booking (`/teams/{slug}/desk/bookings/{id}`) move it to another time or
//! provider, check the guest in, complete, mark no-show or cancel with a reason. Each is
//! in the booking's history with the member's name and role; a booking of another team
//! (or a personal one) is 404.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{NaiveTime, TimeDelta};
use uuid::Uuid;

use super::claim_with_host_mails;
use super::desk::{desk_member, desk_page, hosting, DeskQuery};
use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::availability::{load_host_schedule, service_rules};
use crate::db::models::booking_events;
use crate::db::models::booking_hosts;
use crate::db::models::bookings::Booking;
use crate::db::models::claim::IssuedTokens;
use crate::db::models::lifecycle;
use crate::db::models::provider_looks;
use crate::db::models::team_claim::{DeskBooking, TeamClaimOutcome, TeamClaimRequest};
use crate::db::models::team_desk::{self, NewPlace};
use crate::db::models::team_services::{self, TeamService};
use crate::db::models::teams::{self, Team};
use crate::db::models::users;
use crate::db::{write_transaction, StoreError};
use crate::domain::availability::team::AssignmentMode;
use crate::domain::availability::{is_bookable, Refusal, TimeRange};
use crate::domain::booking::{Actor, BookingStatus, Change};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::guest::GuestDetails;
use crate::domain::service::ConfirmationMode;
use crate::domain::team::desk_allows;
use crate::domain::time::{parse_date, to_utc};
use crate::email::booking as booking_mail;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Text};
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::desk::{Choice, DeskBookingPage, HistoryLine};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(book)
        .service(show)
        .service(move_booking)
        .service(change_status);
}

/// A date and a time typed in the team's zone, read into UTC (DST-aware).
fn parse_when(
    form: &RawForm,
    team: &Team,
    errors: &mut FieldErrors,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let date = parse_date(form.get("date"))
        .map_err(|_| errors.add("date", t("desk-error-date")))
        .ok();
    let time = NaiveTime::parse_from_str(form.get("time"), "%H:%M")
        .map_err(|_| errors.add("time", t("desk-error-time")))
        .ok();
    Some(to_utc(date?, time?, team.timezone.tz()))
}

fn override_reason(form: &RawForm, errors: &mut FieldErrors) -> Option<String> {
    let reason = form.line(errors, "override_reason");
    (!reason.is_empty()).then(|| reason.chars().take(200).collect())
}

/// The team's service with this id, and its hosts who take bookings.
async fn service_by_id(
    state: &AppState,
    team: &Team,
    id: Uuid,
) -> AppResult<Option<(TeamService, Vec<team_services::Host>)>> {
    let team_id = team.id;
    Ok(state
        .db(move |conn| {
            let found = team_services::list(conn, team_id)?
                .into_iter()
                .find(|s| s.service.id == id);
            let Some(service) = found else {
                return Ok(None);
            };
            let hosts = team_services::hosts(conn, &service)?;
            Ok(Some((service, hosts)))
        })
        .await?
        .map(|(service, hosts)| {
            let hosts = hosts
                .into_iter()
                .filter(|h| h.user.can_take_bookings())
                .collect();
            (service, hosts)
        }))
}

#[post("/teams/{slug}/desk/book")]
async fn book(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (team, _, who) = desk_member(&state, &user, &path).await?;
    let query = DeskQuery::default();
    let mut errors = FieldErrors::new();
    let found = match Uuid::parse_str(form.get("service")) {
        Ok(id) => service_by_id(&state, &team, id).await?,
        Err(_) => None,
    };
    if found.is_none() {
        errors.add("service", t("desk-error-service"));
    }
    let start = parse_when(&form, &team, &mut errors);
    let reason = override_reason(&form, &mut errors);
    let key = form.get("idempotency_key").to_owned();
    if key.len() < 32 || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(AppError::BadRequest(t("desk-error-incomplete")));
    }
    let questions = found
        .as_ref()
        .map(|(s, _)| s.service.questions())
        .unwrap_or_default();
    let guest = GuestDetails::parse(&form, &questions).map_err(|e| {
        for (field, message) in e.iter() {
            errors.add(field, message.clone());
        }
    });
    let chosen = match form.get("host") {
        "" | "any" => None,
        text => match (Uuid::parse_str(text), &found) {
            (Ok(id), Some((_, hosts))) if hosts.iter().any(|h| h.user.id == id) => Some(id),
            _ => {
                errors.add("host", t("desk-error-host-any"));
                None
            }
        },
    };
    let (Some((service, hosts)), Some(start), Ok(guest), true) =
        (found, start, guest, errors.is_empty())
    else {
        return desk_page(
            &state,
            ctx,
            &team,
            &query,
            StatusCode::UNPROCESSABLE_ENTITY,
            form,
            errors,
            String::new(),
        )
        .await;
    };
    let request = TeamClaimRequest {
        service: service.clone(),
        hosts: hosts.clone(),
        chosen_host: chosen.filter(|_| service.mode == AssignmentMode::RoundRobin),
        start,
        guest,
        guest_timezone: team.timezone.name().to_owned(),
        idempotency_key: key,
        desk: Some(DeskBooking {
            who,
            override_reason: reason,
            // Without "send the guest the usual emails", only the hosts are told.
            guest_mails: form.checked("send_mails"),
        }),
        replaces: None,
    };
    let outcome = claim_with_host_mails(&state, &request).await;
    let refusal = match outcome {
        Ok(TeamClaimOutcome::Created(booking)) | Ok(TeamClaimOutcome::AlreadyMade(booking)) => {
            state.mailer.wake();
            flash(&session, FlashKind::Success, Text::id("flash-desk-booked"));
            let date = booking
                .start_at
                .with_timezone(&team.timezone.tz())
                .date_naive();
            return Ok(redirect(&format!(
                "/teams/{}/desk?view=day&date={date}",
                team.slug
            )));
        }
        Ok(TeamClaimOutcome::Refused(Refusal::OutsideHours | Refusal::OffGrid)) => {
            t("desk-error-outside-hours")
        }
        Ok(TeamClaimOutcome::Refused(refusal)) => crate::i18n::refusal(&refusal),
        // `LinkUsed` only answers moves through a guest's link, which the desk never makes.
        Ok(TeamClaimOutcome::LinkUsed) | Err(AppError::SlotTaken(_)) => {
            crate::i18n::refusal(&Refusal::Unavailable)
        }
        Err(other) => return Err(other),
    };
    desk_page(
        &state,
        ctx,
        &team,
        &query,
        StatusCode::CONFLICT,
        form,
        FieldErrors::new(),
        refusal,
    )
    .await
}

/// A booking of this team, or 404.
async fn team_booking(state: &AppState, team: &Team, id: &str) -> AppResult<Booking> {
    let (team_id, id) = (team.id, parse_id(id)?);
    state
        .db(move |conn| team_desk::find_team_booking(conn, team_id, id))
        .await?
        .ok_or(AppError::NotFound)
}

#[get("/teams/{slug}/desk/bookings/{id}")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (team, _, _) = desk_member(&state, &user, &slug).await?;
    let booking = team_booking(&state, &team, &id).await?;
    // The move form starts at the booking's own date and time.
    let local = booking.start_at.with_timezone(&team.timezone.tz());
    let form = RawForm(vec![
        ("date".into(), local.format("%Y-%m-%d").to_string()),
        ("time".into(), local.format("%H:%M").to_string()),
    ]);
    booking_page(
        &state,
        ctx,
        &team,
        booking,
        StatusCode::OK,
        form,
        FieldErrors::new(),
        String::new(),
    )
    .await
}

#[expect(
    clippy::too_many_arguments,
    reason = "one page, its booking and its form state"
)]
async fn booking_page(
    state: &AppState,
    ctx: PageContext,
    team: &Team,
    booking: Booking,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
    refusal: String,
) -> AppResult<HttpResponse> {
    let tz = team.timezone.tz();
    let (id, team_id, provider_id, service_id) =
        (booking.id, team.id, booking.provider_id, booking.service_id);
    let (events, members, provider, service) = state
        .db(move |conn| {
            Ok((
                booking_events::for_booking(conn, id)?,
                teams::members(conn, team_id)?,
                users::find(conn, provider_id)?,
                team_services::list(conn, team_id)?
                    .into_iter()
                    .find(|s| s.service.id == service_id),
            ))
        })
        .await?;
    let local = |at: chrono::DateTime<chrono::Utc>| crate::i18n::format::datetime_medium(at, tz);
    let hosts = hosting(members)
        .into_iter()
        .map(|m| Choice {
            selected: m.user_id == booking.provider_id,
            value: m.user_id.to_string(),
            label: m.full_name,
        })
        .collect();
    Ok(render(
        status,
        &DeskBookingPage {
            ctx,
            slug: team.slug.clone(),
            id: booking.id.to_string(),
            timezone: tz.name().to_owned(),
            when: format!(
                "{}–{}",
                local(booking.start_at),
                crate::i18n::format::time_at(booking.end_at, tz)
            ),
            provider: provider.map(|p| p.full_name).unwrap_or_default(),
            service: service.map(|s| s.service.name).unwrap_or_default(),
            guest: booking.guest_name.clone(),
            email: booking.guest_email.clone(),
            phone: booking.guest_phone.clone().unwrap_or_default(),
            status: booking.status().as_str().to_owned(),
            arrived: booking.arrived_at.is_some(),
            holds: booking.status().holds_time(),
            history: events
                .into_iter()
                .map(|e| HistoryLine {
                    at: local(e.at),
                    kind: crate::routes::bookings::event_label(&e.kind),
                    detail: e.detail,
                })
                .collect(),
            hosts,
            form,
            errors,
            refusal,
            back_href: format!(
                "/teams/{}/desk?view=day&date={}",
                team.slug,
                booking.start_at.with_timezone(&tz).date_naive()
            ),
        },
    ))
}

#[post("/teams/{slug}/desk/bookings/{id}/move")]
async fn move_booking(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (team, _, who) = desk_member(&state, &user, &slug).await?;
    let booking = team_booking(&state, &team, &id).await?;
    let Some((service, hosts)) = service_by_id(&state, &team, booking.service_id).await? else {
        return Err(AppError::NotFound);
    };
    let mut errors = FieldErrors::new();
    let start = parse_when(&form, &team, &mut errors);
    let reason = override_reason(&form, &mut errors);
    let host = match (service.mode, Uuid::parse_str(form.get("host"))) {
        (AssignmentMode::Collective, _) => Some(booking.provider_id),
        (AssignmentMode::RoundRobin, Ok(id)) if hosts.iter().any(|h| h.user.id == id) => Some(id),
        _ => {
            errors.add("host", t("desk-error-host"));
            None
        }
    };
    let (Some(start), Some(host), true) = (start, host, errors.is_empty()) else {
        return booking_page(
            &state,
            ctx,
            &team,
            booking,
            StatusCode::UNPROCESSABLE_ENTITY,
            form,
            errors,
            String::new(),
        )
        .await;
    };
    let Some(host_row) = hosts.iter().find(|h| h.user.id == host) else {
        return Err(AppError::NotFound);
    };
    // The engine decides as for a guest, minus the notice; outside the hours needs a reason.
    let (row, zone, now, moving) = (
        service.service.clone(),
        host_row.user.timezone.tz(),
        state.now(),
        booking.id,
    );
    let around = TimeRange::new(start - TimeDelta::days(1), start + TimeDelta::days(1));
    let mut schedule = state
        .db(move |conn| load_host_schedule(conn, host, zone, &row, around, Some(moving), now))
        .await?;
    schedule.service.min_notice_minutes = 0;
    if let Err(refusal) = is_bookable(&schedule.input(now), start) {
        if !desk_allows(refusal, reason.as_deref()) {
            let text = match refusal {
                Refusal::OutsideHours | Refusal::OffGrid => t("desk-error-outside-hours-move"),
                other => crate::i18n::refusal(&other),
            };
            return booking_page(
                &state,
                ctx,
                &team,
                booking,
                StatusCode::CONFLICT,
                form,
                FieldErrors::new(),
                text,
            )
            .await;
        }
    }
    let rules = service_rules(&service.service);
    let place = NewPlace {
        host,
        slot: rules.slot_range(start),
        blocked: rules.blocked_range(start),
    };
    let detail = match &reason {
        Some(reason) => format!("{who}, outside the hours: {reason}"),
        None => who,
    };
    // A confirmed booking's new links are cancel and reschedule; a pending one keeps
    // asking for its confirmation.
    let links = match booking.status() {
        BookingStatus::Pending => service.service.confirmation_mode(),
        _ => ConfirmationMode::Instant,
    };
    let (held, settings, new_host) = (
        booking.clone(),
        state.settings.clone(),
        host_row.user.clone(),
    );
    let moved = state
        .db(move |conn| {
            // Every host told: the new one, the old one and any co-host.
            let before = booking_hosts::host_users(conn, held.id)?;
            let brand = provider_looks::branding(conn, &service.service)?;
            let mail = booking_mail::Context::new(&settings, &new_host, &service.service, brand)
                .with_hosts(before)
                .by_desk();
            let compose =
                |b: &Booking, lineage, tokens: &IssuedTokens| mail.moved(b, lineage, tokens);
            team_desk::move_booking(conn, &held, place, &detail, links, &compose, now)
        })
        .await;
    let refusal = match moved {
        Ok(true) => {
            flash(&session, FlashKind::Success, Text::id("flash-desk-moved"));
            return Ok(redirect(&format!(
                "/teams/{}/desk/bookings/{}",
                team.slug, booking.id
            )));
        }
        Ok(false) => t("desk-error-not-holding"),
        Err(AppError::SlotTaken(_)) => crate::i18n::refusal(&Refusal::Unavailable),
        Err(other) => return Err(other),
    };
    booking_page(
        &state,
        ctx,
        &team,
        booking,
        StatusCode::CONFLICT,
        form,
        FieldErrors::new(),
        refusal,
    )
    .await
}

#[post("/teams/{slug}/desk/bookings/{id}/status")]
async fn change_status(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (slug, id) = path.into_inner();
    let (team, _, who) = desk_member(&state, &user, &slug).await?;
    let booking = team_booking(&state, &team, &id).await?;
    let back = format!("/teams/{}/desk/bookings/{}", team.slug, booking.id);
    let now = state.now();
    let change = match form.get("action") {
        "arrived" => {
            let (booking_id, by) = (booking.id, who.clone());
            let done = state
                .db(move |conn| team_desk::mark_arrived(conn, booking_id, &by, now))
                .await?;
            let message = if done {
                "flash-desk-arrived"
            } else {
                "flash-desk-arrived-already"
            };
            flash(&session, FlashKind::Success, Text::id(message));
            return Ok(redirect(&back));
        }
        "complete" => Change::Complete,
        "no_show" => Change::NoShow,
        "cancel" => {
            let mut errors = FieldErrors::new();
            let reason: String = form.text(&mut errors, "reason").chars().take(500).collect();
            if reason.is_empty() {
                errors.add("reason", t("booking-reason-needed"));
            }
            if !errors.is_empty() {
                return booking_page(
                    &state,
                    ctx,
                    &team,
                    booking,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    RawForm::default(),
                    errors,
                    String::new(),
                )
                .await;
            }
            Change::Cancel { reason }
        }
        _ => return Err(AppError::BadRequest(t("desk-error-action"))),
    };
    let (booking_id, provider_id, team_id) = (booking.id, booking.provider_id, team.id);
    let (settings, in_tx) = (state.settings.clone(), change.clone());
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |c| {
                let provider = users::find(c, provider_id)?.ok_or(StoreError::NotFound)?;
                let current = team_desk::find_team_booking(c, team_id, booking_id)?
                    .ok_or(StoreError::NotFound)?;
                let service = crate::db::models::services::of_booking(c, &current)?
                    .ok_or(StoreError::NotFound)?;
                let hosts = booking_hosts::host_users(c, booking_id)?;
                let brand = provider_looks::branding(c, &service)?;
                let mail = booking_mail::Context::new(&settings, &provider, &service, brand)
                    .with_hosts(hosts)
                    .by_desk();
                let applied = lifecycle::apply(
                    c,
                    booking_id,
                    &in_tx,
                    Actor::Provider,
                    now,
                    &|b, lineage, tokens| mail.changed(b, lineage, tokens, &in_tx, Actor::Provider),
                )?;
                if applied.is_ok() {
                    booking_events::record(
                        c,
                        booking_id,
                        Actor::Provider,
                        in_tx.event_kind(),
                        &format!("by {who}"),
                        now,
                    )?;
                }
                Ok::<_, StoreError>(applied)
            })
        })
        .await?;
    match outcome {
        Ok(_) => {
            state.mailer.wake();
            flash(&session, FlashKind::Success, Text::id("flash-desk-done"));
            Ok(redirect(&back))
        }
        Err(refused) => {
            let booking = team_booking(&state, &team, &id).await?;
            booking_page(
                &state,
                ctx,
                &team,
                booking,
                StatusCode::CONFLICT,
                RawForm::default(),
                FieldErrors::new(),
                crate::i18n::refused(&refused),
            )
            .await
        }
    }
}
