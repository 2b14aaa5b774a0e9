//! The provider's bookings over the API: list (cursor paging), one with its answers and
//! history, and create through the same claim as the booking form. Changes after the
//! claim are `booking_changes.rs`.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, TimeDelta, Utc};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::bearer::ApiUser;
use super::problem::{Alternative, ApiError, ApiResult, FieldProblem};
use super::types::{local, BookingDetail, BookingOut, BookingPage};
use super::{parse_instant, parse_uuid, read_json, ProblemDoc};
use crate::db::models::availability::load_schedule;
use crate::db::models::booking_events;
use crate::db::models::booking_tokens;
use crate::db::models::bookings::{self, Booking, BookingFilter};
use crate::db::models::claim::{ClaimOutcome, ClaimRequest};
use crate::db::models::services::{self, Service};
use crate::db::StoreError;
use crate::domain::api::Cursor;
use crate::domain::availability::{free_slots, Refusal, TimeRange};
use crate::domain::booking::BookingStatus;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::guest::GuestDetails;
use crate::domain::time::{add, Timezone};
use crate::error::AppError;
use crate::i18n::Language;
use crate::routes::claims::claim_personal;
use crate::state::AppState;
use crate::tokens::{hash_token, random_token};

/// Rows per page unless `limit` says otherwise, and the most it may say.
const DEFAULT_PAGE: i64 = 50;
const MAX_PAGE: i64 = 200;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/bookings", web::get().to(list))
        .route("/bookings", web::post().to(create))
        .route("/bookings/{id}", web::get().to(show));
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only bookings in this state.
    status: Option<String>,
    /// Only bookings starting at or after this RFC 3339 instant.
    from: Option<String>,
    /// Only bookings starting before this RFC 3339 instant.
    to: Option<String>,
    /// Only bookings of this service (id).
    service: Option<String>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Rows per page, 1 to 200 (default 50).
    limit: Option<String>,
}

fn parse_filter(query: &ListQuery) -> ApiResult<(BookingFilter, Option<Cursor>, i64)> {
    let mut errors = Vec::new();
    let mut filter = BookingFilter::default();
    let given = |v: &Option<String>| v.as_deref().filter(|s| !s.is_empty()).map(str::to_owned);
    if let Some(status) = given(&query.status) {
        match status.parse::<BookingStatus>() {
            Ok(status) => filter.status = Some(status),
            Err(_) => errors.push(FieldProblem::new(
                "status",
                "One of pending, confirmed, completed, no_show, expired, declined, cancelled.",
            )),
        }
    }
    for (field, value, slot) in [
        ("from", given(&query.from), &mut filter.from),
        ("to", given(&query.to), &mut filter.to),
    ] {
        if let Some(text) = value {
            match parse_instant(&text) {
                Some(at) => *slot = Some(at),
                None => errors.push(FieldProblem::new(
                    field,
                    "Use an RFC 3339 instant such as 2030-01-08T09:00:00Z (1970 to 2199).",
                )),
            }
        }
    }
    if let Some(service) = given(&query.service) {
        match Uuid::try_parse(&service) {
            Ok(id) => filter.service_id = Some(id),
            Err(_) => errors.push(FieldProblem::new("service", "Use a service id.")),
        }
    }
    let cursor = match given(&query.cursor) {
        None => None,
        Some(text) => {
            let cursor = Cursor::decode(&text);
            if cursor.is_none() {
                errors.push(FieldProblem::new(
                    "cursor",
                    "Use the next_cursor of a previous page, unchanged.",
                ));
            }
            cursor
        }
    };
    let limit = match given(&query.limit) {
        None => DEFAULT_PAGE,
        Some(text) => match text.parse::<i64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => {
                errors.push(FieldProblem::new("limit", "A number from 1 to 200."));
                DEFAULT_PAGE
            }
        },
    };
    if errors.is_empty() {
        Ok((filter, cursor, limit))
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Your bookings by start time, oldest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/bookings", tag = "bookings",
    params(ListQuery),
    responses(
        (status = 200, body = BookingPage),
        (status = 401, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 422, body = ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    api: ApiUser,
    query: web::Query<ListQuery>,
) -> ApiResult<HttpResponse> {
    let (filter, cursor, limit) = parse_filter(&query)?;
    let provider = api.user.id;
    // One row more than asked tells whether there is a next page.
    let mut rows = state
        .db(move |conn| {
            bookings::page_after(
                conn,
                provider,
                &filter,
                cursor.map(|c| (c.start_at, c.id)),
                limit + 1,
            )
        })
        .await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = more.then(|| rows.last()).flatten().map(|last| {
        Cursor {
            start_at: last.start_at,
            id: last.id,
        }
        .encode()
    });
    let tz = api.user.timezone.tz();
    Ok(HttpResponse::Ok().json(BookingPage {
        data: rows.iter().map(|b| BookingOut::new(b, tz)).collect(),
        next_cursor,
    }))
}

/// One of your bookings with the guest's answers and its history.
#[utoipa::path(get, path = "/api/v1/bookings/{id}", tag = "bookings",
    params(("id" = String, Path, description = "Booking id")),
    responses(
        (status = 200, body = BookingDetail),
        (status = 401, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 404, body = ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    api: ApiUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let (provider, id) = (api.user.id, parse_uuid(&path)?);
    let (booking, events) = state
        .db(move |conn| {
            let booking =
                bookings::find_for_provider(conn, provider, id)?.ok_or(StoreError::NotFound)?;
            Ok((booking, booking_events::for_booking(conn, id)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(BookingDetail::new(
        &booking,
        &events,
        api.user.timezone.tz(),
    )))
}

/// The guest of a new booking.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuestIn {
    name: String,
    email: String,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    notes: Option<String>,
    /// IANA zone the guest's mails show times in. Default: the provider's.
    #[serde(default)]
    timezone: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBookingIn {
    service_id: String,
    /// RFC 3339; one of the service's free start times.
    start: String,
    guest: GuestIn,
    /// Answers to the service's questions, keyed by the question's label (a checkbox is
    /// answered with "yes" or "").
    #[serde(default)]
    answers: BTreeMap<String, String>,
}

/// The guest's details through the booking form's own parser, so the API accepts exactly
/// what the form does; its field names become JSON pointers.
fn parse_guest(input: &NewBookingIn, service: &Service) -> Result<GuestDetails, Vec<FieldProblem>> {
    let questions = service.questions();
    let mut form = vec![
        ("name".to_owned(), input.guest.name.clone()),
        ("email".to_owned(), input.guest.email.clone()),
        (
            "phone".to_owned(),
            input.guest.phone.clone().unwrap_or_default(),
        ),
        (
            "notes".to_owned(),
            input.guest.notes.clone().unwrap_or_default(),
        ),
    ];
    let mut problems = Vec::new();
    for label in input.answers.keys() {
        if !questions.iter().any(|q| &q.label == label) {
            problems.push(FieldProblem::new(
                format!("/answers/{label}"),
                "This service asks no such question.",
            ));
        }
    }
    for (i, question) in questions.iter().enumerate() {
        if let Some(answer) = input.answers.get(&question.label) {
            form.push((format!("answer{i}"), answer.clone()));
        }
    }
    let pointer = |field: &str| -> String {
        match field
            .strip_prefix("answer")
            .and_then(|i| i.parse::<usize>().ok())
        {
            Some(i) => format!(
                "/answers/{}",
                questions.get(i).map(|q| q.label.as_str()).unwrap_or(field)
            ),
            None => format!("/guest/{field}"),
        }
    };
    match GuestDetails::parse(&RawForm(form), &questions) {
        Ok(guest) if problems.is_empty() => Ok(guest),
        Ok(_) => Err(problems),
        Err(errors) => {
            problems.extend(field_problems(&errors, pointer));
            Err(problems)
        }
    }
}

fn field_problems(errors: &FieldErrors, pointer: impl Fn(&str) -> String) -> Vec<FieldProblem> {
    errors
        .iter()
        // The API answers in English whatever the request's language (its contract).
        .map(|(field, message)| {
            FieldProblem::new(pointer(field), message.in_language(Language::En))
        })
        .collect()
}

/// A request's `Idempotency-Key` as stored: the caller's key scoped to the provider (so two
/// integrations can never see each other's bookings through a shared key) with the SHA-256
/// of the body it came with, or a key of our own when the caller sent none.
#[derive(Debug, Clone)]
pub(super) struct Idempotency {
    pub(super) key: String,
    pub(super) body_hash: Option<String>,
}

/// `Idempotency-Key`: 1 to 200 visible ASCII characters.
pub(super) fn idempotency(
    req: &HttpRequest,
    provider: Uuid,
    body: &[u8],
) -> ApiResult<Idempotency> {
    let Some(value) = req.headers().get("idempotency-key") else {
        return Ok(Idempotency {
            key: random_token(),
            body_hash: None,
        });
    };
    let text = value.to_str().unwrap_or_default();
    if text.is_empty() || text.len() > 200 || !text.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::field(
            "Idempotency-Key",
            "1 to 200 visible ASCII characters, such as a UUID.",
        ));
    }
    Ok(Idempotency {
        key: format!("api:{}:{text}", provider.simple()),
        body_hash: Some(hash_token(&String::from_utf8_lossy(body))),
    })
}

/// What an earlier request under the same key made. The same request again (same body,
/// and for a move the same booking moved) is a retry: it is answered with that booking. The
/// key used for any other request is refused rather than answered with a booking the
/// caller did not ask for. `moving`: the booking a reschedule moves.
pub(super) async fn earlier_request(
    state: &AppState,
    api: &ApiUser,
    idempotency: &Idempotency,
    moving: Option<Uuid>,
) -> ApiResult<Option<Booking>> {
    let key = idempotency.key.clone();
    let earlier = state
        .db(move |conn| bookings::find_by_idempotency_key_with_hash(conn, &key))
        .await?;
    match earlier {
        None => Ok(None),
        Some((made, hash))
            if made.provider_id == api.user.id
                && hash == idempotency.body_hash
                && made.rescheduled_from_id == moving =>
        {
            Ok(Some(made))
        }
        Some(_) => Err(ApiError::IdempotencyKeyReused),
    }
}

/// The answer to a retry: the booking made the first time.
pub(super) fn replayed(api: &ApiUser, booking: &Booking) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Idempotent-Replayed", "true"))
        .insert_header((header::LOCATION, format!("/api/v1/bookings/{}", booking.id)))
        .json(BookingOut::new(booking, api.user.timezone.tz()))
}

/// The three free times nearest to `start`, as the booking form offers after a 409.
async fn alternatives(
    state: &AppState,
    api: &ApiUser,
    service: &Service,
    start: DateTime<Utc>,
    moving: Option<Uuid>,
) -> ApiResult<Vec<Alternative>> {
    let (tz, now, row) = (api.user.timezone.tz(), state.now(), service.clone());
    let range = TimeRange::new(
        add(start, -TimeDelta::days(7)).max(now),
        add(start, TimeDelta::days(14)),
    );
    let schedule = state
        .db(move |conn| load_schedule(conn, tz, &row, range, moving, now))
        .await?;
    let mut nearest = free_slots(&schedule.input(now), range);
    nearest.sort_by_key(|s| (*s - start).num_seconds().abs());
    nearest.truncate(3);
    nearest.sort();
    Ok(nearest
        .into_iter()
        .map(|s| Alternative {
            start: s.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            local_start: local(s, tz),
            timezone: tz.name().to_owned(),
        })
        .collect())
}

/// Runs the claim with the mails the booking form sends and answers with its outcome. A
/// move's own reschedule link (`Replaces::token_id`) is used up whatever the outcome.
pub(super) async fn claim_and_answer(
    state: &AppState,
    api: &ApiUser,
    request: ClaimRequest,
    idempotency: &Idempotency,
) -> ApiResult<HttpResponse> {
    let now = state.now();
    let (service, start) = (request.service.clone(), request.start);
    let replaces = request.replaces;
    let outcome = claim_personal(state, &api.user, request, None).await;
    if let Some(old) = replaces.filter(|_| !matches!(outcome, Ok(ClaimOutcome::Created(_)))) {
        state
            .db(move |conn| booking_tokens::mark_used(conn, old.token_id, now))
            .await?;
    }
    let moving = replaces.map(|r| r.booking_id);
    match outcome {
        Ok(ClaimOutcome::Created(booking)) => Ok(HttpResponse::Created()
            .insert_header((header::LOCATION, format!("/api/v1/bookings/{}", booking.id)))
            .json(BookingOut::new(&booking, api.user.timezone.tz()))),
        // A concurrent request with the same key won the claim: a retry of it is answered
        // with its booking, anything else is a reuse of the key.
        Ok(ClaimOutcome::AlreadyMade(_)) => {
            match earlier_request(state, api, idempotency, moving).await? {
                Some(made) => Ok(replayed(api, &made)),
                None => Err(ApiError::IdempotencyKeyReused),
            }
        }
        Ok(ClaimOutcome::Refused(Refusal::Unavailable)) | Err(AppError::SlotTaken(_)) => Err(
            ApiError::SlotTaken(alternatives(state, api, &service, start, moving).await?),
        ),
        Ok(ClaimOutcome::Refused(refusal)) => Err(ApiError::NotBookable(refusal.to_string())),
        Ok(ClaimOutcome::LinkUsed) => Err(ApiError::InvalidTransition(
            "The booking was changed meanwhile and can no longer be moved.".to_owned(),
        )),
        Err(other) => Err(other.into()),
    }
}

pub(super) fn enforce_booking_limit(state: &AppState, api: &ApiUser) -> ApiResult<()> {
    let limits = state.settings.rate_limits;
    state.rate_limiter.enforce(
        "api-booking",
        &api.token.id.to_string(),
        limits.booking,
        limits.window_secs,
    )?;
    Ok(())
}

pub(super) fn parse_start(text: &str, field: &str) -> ApiResult<DateTime<Utc>> {
    parse_instant(text).ok_or_else(|| {
        ApiError::field(
            field,
            "Use an RFC 3339 instant such as 2030-01-08T09:00:00Z (1970 to 2199).",
        )
    })
}

/// Books a free time of one of your services for a guest, through the same claim as the
/// booking form (same rules, same mails). A retry with the same `Idempotency-Key` answers
/// 200 with the booking already made.
#[utoipa::path(post, path = "/api/v1/bookings", tag = "bookings",
    request_body = NewBookingIn,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key and the same body return the same booking; the same key with another body is refused (422 `idempotency-key-reused`)")),
    responses(
        (status = 201, body = BookingOut, description = "Booked"),
        (status = 200, body = BookingOut, description = "Already booked with this Idempotency-Key"),
        (status = 400, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 401, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 403, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 404, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 409, body = ProblemDoc, content_type = "application/problem+json"),
        (status = 422, body = ProblemDoc, content_type = "application/problem+json", description = "Invalid fields, a time not offered, or `idempotency-key-reused`: the key came before with another body"),
        (status = 429, body = ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    api: ApiUser,
    req: HttpRequest,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    api.require_write()?;
    let input: NewBookingIn = read_json(&req, &body)?;
    let idempotency = idempotency(&req, api.user.id, &body)?;
    if let Some(made) = earlier_request(&state, &api, &idempotency, None).await? {
        return Ok(replayed(&api, &made));
    }
    let service_id = Uuid::try_parse(&input.service_id)
        .map_err(|_| ApiError::field("/service_id", "Use the id of one of your services."))?;
    let start = parse_start(&input.start, "/start")?;
    let provider = api.user.id;
    let service = state
        .db(move |conn| services::find_for_provider(conn, provider, service_id))
        .await?
        .ok_or(ApiError::NotFound)?;
    let guest = parse_guest(&input, &service).map_err(ApiError::Validation)?;
    let guest_tz = match input.guest.timezone.as_deref() {
        None | Some("") => api.user.timezone,
        Some(name) => Timezone::parse(name).map_err(|_| {
            ApiError::field(
                "/guest/timezone",
                "Use an IANA timezone name, such as Europe/Berlin.",
            )
        })?,
    };
    if !service.is_active {
        return Err(ApiError::NotBookable(
            "This service is switched off; switch it on to take bookings.".to_owned(),
        ));
    }
    if !api.user.can_take_bookings() {
        return Err(ApiError::BookingsClosed);
    }
    enforce_booking_limit(&state, &api)?;
    let request = ClaimRequest {
        service: service.clone(),
        provider_timezone: api.user.timezone.tz(),
        start,
        guest,
        guest_timezone: guest_tz.name().to_owned(),
        idempotency_key: idempotency.key.clone(),
        idempotency_body_hash: idempotency.body_hash.clone(),
        replaces: None,
    };
    claim_and_answer(&state, &api, request, &idempotency).await
}
