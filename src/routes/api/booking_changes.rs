//! Changes to a booking over the API, through the same guarded transitions as the
//! dashboard (`lifecycle::apply` after `domain::booking::decide`). A reschedule is the
//! guest's reschedule claim, made by the provider: the old booking is cancelled and the
//! new one made in one transaction.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::TimeDelta;
use serde::Deserialize;
use utoipa::ToSchema;

use super::bearer::ApiUser;
use super::bookings::{
    claim_and_answer, earlier_request, enforce_booking_limit, idempotency, parse_start, replayed,
};
use super::problem::{ApiError, ApiResult};
use super::types::BookingOut;
use super::{parse_uuid, read_json, ProblemDoc};
use crate::db::models::booking_tokens::{self, TokenAction};
use crate::db::models::bookings;
use crate::db::models::claim::{ClaimRequest, Replaces};
use crate::db::models::lifecycle;
use crate::db::models::provider_looks;
use crate::db::models::services;
use crate::db::{write_transaction, StoreError};
use crate::domain::booking::{Actor, BookingStatus, Change};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::guest::GuestDetails;
use crate::email::booking as booking_mail;
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/bookings/{id}/reschedule", web::post().to(reschedule))
        .route("/bookings/{id}/{action}", web::post().to(act));
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RescheduleIn {
    /// RFC 3339; one of the service's free start times.
    start: String,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelIn {
    /// Told to the guest; 1 to 500 characters.
    #[serde(default)]
    reason: String,
}

/// No fields: the body may be absent or `{}`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyIn {}

/// Moves one of your bookings to another free time of its service: the old booking is
/// cancelled (`rescheduled`) and the new one made in one transaction, as when the guest
/// moves it with their link; the guest is told and gets fresh links.
#[utoipa::path(post, path = "/api/v1/bookings/{id}/reschedule", tag = "bookings",
    params(("id" = String, Path, description = "Booking id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key and the same body return the same booking; the same key with another request is refused (422 `idempotency-key-reused`)")),
    request_body = RescheduleIn,
    responses(
        (status = 201, body = BookingOut, description = "The new booking"),
        (status = 200, body = BookingOut, description = "Already moved with this Idempotency-Key"),
        (status = 400, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 401, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 403, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 404, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 409, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 422, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 429, body = ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn reschedule(
    state: web::Data<AppState>,
    api: ApiUser,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    api.require_write()?;
    let id = parse_uuid(&path)?;
    let input: RescheduleIn = read_json(&req, &body)?;
    let idempotency = idempotency(&req, api.user.id, &body)?;
    let start = parse_start(&input.start, "/start")?;
    let (provider, now) = (api.user.id, state.now());
    let (booking, service) = state
        .db(move |conn| {
            let booking =
                bookings::find_for_provider(conn, provider, id)?.ok_or(StoreError::NotFound)?;
            let service = services::find_for_provider(conn, provider, booking.service_id)?
                .ok_or(StoreError::NotFound)?;
            Ok((booking, service))
        })
        .await?;
    // A retry of a move that was made: the old booking is cancelled by now, so answer
    // with the new one before asking whether the old one can move.
    if let Some(made) = earlier_request(&state, &api, &idempotency, Some(id)).await? {
        return Ok(replayed(&api, &made));
    }
    if !matches!(
        booking.status(),
        BookingStatus::Pending | BookingStatus::Confirmed
    ) {
        return Err(ApiError::InvalidTransition(format!(
            "This booking is {} and cannot be moved.",
            booking.status().label().to_lowercase()
        )));
    }
    if !api.user.can_take_bookings() {
        return Err(ApiError::BookingsClosed);
    }
    enforce_booking_limit(&state, &api)?;
    // The claim moves a booking by using up a reschedule link in its transaction: the
    // provider gets a link of their own for this one move, used up or ended either way.
    let token_id = state
        .db(move |conn| {
            let token = booking_tokens::issue(
                conn,
                id,
                TokenAction::Reschedule,
                now + TimeDelta::hours(1),
                now,
            )?;
            Ok(booking_tokens::find(conn, &token)?
                .ok_or(StoreError::NotFound)?
                .id)
        })
        .await?;
    let guest = GuestDetails {
        name: booking.guest_name.clone(),
        email: crate::domain::email_address::EmailAddress::parse(&booking.guest_email)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored guest email: {e}")))?,
        phone: booking.guest_phone.clone(),
        notes: booking.guest_notes.clone(),
        answers: booking.answers.clone(),
        language: booking.language,
    };
    let request = ClaimRequest {
        service,
        provider_timezone: api.user.timezone.tz(),
        start,
        guest,
        guest_timezone: booking.guest_timezone.name().to_owned(),
        idempotency_key: idempotency.key.clone(),
        idempotency_body_hash: idempotency.body_hash.clone(),
        replaces: Some(Replaces {
            booking_id: id,
            token_id,
            was_confirmed: booking.status() == BookingStatus::Confirmed,
        }),
    };
    claim_and_answer(&state, &api, request, &idempotency).await
}

/// The change an action path names, with what its body carries.
fn change_for(action: &str, req: &HttpRequest, body: &[u8]) -> ApiResult<Change> {
    let change = match action {
        "approve" => Change::Approve,
        "decline" => Change::Decline,
        "complete" => Change::Complete,
        "no-show" => Change::NoShow,
        "cancel" => {
            let input: CancelIn = if body.iter().all(u8::is_ascii_whitespace) {
                CancelIn::default()
            } else {
                read_json(req, body)?
            };
            let mut errors = FieldErrors::new();
            let reason =
                RawForm(vec![("reason".to_owned(), input.reason)]).text(&mut errors, "reason");
            if !errors.is_empty() || reason.is_empty() || reason.chars().count() > 500 {
                return Err(ApiError::field(
                    "/reason",
                    "Give a reason of 1 to 500 characters: the guest receives it.",
                ));
            }
            return Ok(Change::Cancel { reason });
        }
        _ => return Err(ApiError::NotFound),
    };
    if !body.iter().all(u8::is_ascii_whitespace) {
        let _: EmptyIn = read_json(req, body)?;
    }
    Ok(change)
}

/// Approves, declines, cancels, completes or marks a no-show, exactly as the dashboard's
/// buttons do (the guest is told by mail the same way).
#[utoipa::path(post, path = "/api/v1/bookings/{id}/{action}", tag = "bookings",
    params(("id" = String, Path, description = "Booking id"),
        ("action" = String, Path, description = "approve, decline, cancel, complete or no-show")),
    request_body(content = CancelIn, description = "`cancel` needs a `reason`; the other actions take no body or `{}`"),
    responses(
        (status = 200, body = BookingOut, description = "The changed booking"),
        (status = 400, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 401, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 403, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 404, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 409, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 422, body = ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn act(
    state: web::Data<AppState>,
    api: ApiUser,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    api.require_write()?;
    let id = parse_uuid(&id)?;
    let change = change_for(&action, &req, &body)?;
    let (provider, now) = (api.user.id, state.now());
    let provider_row = api.user.clone();
    let settings = state.settings.clone();
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |c| {
                let booking =
                    bookings::find_for_provider(c, provider, id)?.ok_or(StoreError::NotFound)?;
                let service = services::find_for_provider(c, provider, booking.service_id)?
                    .ok_or(StoreError::NotFound)?;
                let brand = provider_looks::branding(c, &service)?;
                let mail = booking_mail::Context::new(&settings, &provider_row, &service, brand);
                lifecycle::apply(
                    c,
                    id,
                    &change,
                    Actor::Provider,
                    now,
                    &|b, lineage, tokens| {
                        mail.changed(b, lineage, tokens, &change, Actor::Provider)
                    },
                )
            })
        })
        .await?;
    match outcome {
        Ok(booking) => {
            state.mailer.wake();
            Ok(HttpResponse::Ok().json(BookingOut::new(&booking, api.user.timezone.tz())))
        }
        Err(refusal) => Err(ApiError::InvalidTransition(refusal.to_string())),
    }
}
