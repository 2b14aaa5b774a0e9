//! The booking form for one slot and the claim that turns it into a booking.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::calendar::guest_zone;
use super::{display_name, long_local, provider_and_service, provider_tz};
use crate::auth::CsrfForm;
use crate::db::models::availability::load_schedule;
use crate::db::models::booking_tokens::TokenAction;
use crate::db::models::claim::{ClaimOutcome, ClaimRequest, Replaces};
use crate::db::models::services::Service;
use crate::db::models::teams::{self, Team};
use crate::db::models::users::User;
use crate::db::models::{provider_looks, services, users};
use crate::domain::availability::{free_slots, is_bookable, Refusal, TimeRange};
use crate::domain::booking::{guest_change_refused, BookingStatus};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::guest::{answer_fields, GuestDetails};
use crate::domain::look::{Branding, Look};
use crate::domain::time::{add, parse_unix_seconds, DateInputError};
use crate::error::{AppError, AppResult};
use crate::rate_limit::client_key;
use crate::routes::booking_links::{dead_page, lookup, Dead, Link};
use crate::routes::claims::claim_personal;
use crate::routes::redirect;
use crate::state::AppState;
use crate::tokens::random_token;
use crate::views::public::{BookingFormPage, QuestionField, SlotLink, SlotTakenPage};
use crate::views::{render, PageContext};

/// Team pages still say it in English (`routes::public::team` is converted later).
pub(super) const NOT_OPEN_YET: &str =
    "Bookings open once the provider has confirmed their email address.";

/// "Bookings open once the provider has confirmed their email address."
pub(super) fn not_open_yet() -> String {
    crate::i18n::t("bookings-not-open-yet")
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show_form).service(submit);
}

/// The booking form of a move, filled with the moved booking's guest details and answers.
pub(super) fn moving_form(link: &Link, service: &Service) -> RawForm {
    let mut fields = vec![
        ("name".into(), link.booking.guest_name.clone()),
        ("email".into(), link.booking.guest_email.clone()),
        (
            "phone".into(),
            link.booking.guest_phone.clone().unwrap_or_default(),
        ),
        (
            "notes".into(),
            link.booking.guest_notes.clone().unwrap_or_default(),
        ),
    ];
    fields.extend(answer_fields(&service.questions(), &link.booking.answers));
    RawForm(fields)
}

#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct SlotQuery {
    #[serde(default)]
    pub(super) start: String,
    #[serde(default)]
    pub(super) tz: String,
    #[serde(default)]
    pub(super) reschedule: String,
    /// Team services: the chosen host.
    #[serde(default)]
    pub(super) host: String,
}

/// The booking a reschedule link moves, when `token` is one for this service:
/// `Ok(None)` without a token, `Err(Dead)` for a link that cannot be used.
pub async fn reschedule_link(
    state: &AppState,
    token: &str,
    service: &Service,
) -> AppResult<Result<Option<Link>, Dead>> {
    if token.is_empty() {
        return Ok(Ok(None));
    }
    match lookup(state, token.to_owned()).await? {
        Ok(link)
            if link.action == TokenAction::Reschedule
                && link.service.id == service.id
                && link.booking.status().holds_time() =>
        {
            Ok(Ok(Some(link)))
        }
        Ok(_) => Ok(Err(Dead::Used)),
        Err(dead) => Ok(Err(dead)),
    }
}

/// A slot start as sent in links and forms: Unix seconds inside the accepted span. A start
/// that is not a number at all is a mangled link (404 on the form); one far outside the
/// span is refused with the span.
pub(super) fn parse_start(text: &str) -> AppResult<DateTime<Utc>> {
    match parse_unix_seconds(text) {
        Ok(start) => Ok(start),
        Err(DateInputError::OutOfRange) => {
            Err(AppError::BadRequest(crate::i18n::t("book-error-far-start")))
        }
        Err(_) => Err(AppError::NotFound),
    }
}

pub(super) struct Slot<'a> {
    /// Who is booked: the provider, or the team (and the chosen host, if any).
    pub owner_name: String,
    /// The zone the owner's times are read in (the provider's, or the team's).
    pub owner_zone: Tz,
    /// `/{handle}/{slug}`.
    pub base: String,
    pub service: &'a Service,
    pub start: DateTime<Utc>,
    pub guest_tz: Tz,
    /// The reschedule token and the booking it moves.
    pub moving: Option<(&'a str, &'a Link)>,
    /// Team bookings: the chosen host's id, empty for "any available".
    pub host: String,
}

impl Slot<'_> {
    fn base(&self) -> String {
        self.base.clone()
    }

    pub(super) fn calendar_href(&self) -> String {
        let day = self.start.with_timezone(&self.guest_tz).date_naive();
        format!(
            "{}?tz={}&month={}{}&date={day}#slots",
            self.base(),
            urlencoding::encode(self.guest_tz.name()),
            day.format("%Y-%m"),
            self.reschedule_param()
        )
    }

    /// The query text every link of this slot carries (`&reschedule=…`, `&host=…`).
    fn reschedule_param(&self) -> String {
        let mut carried = self
            .moving
            .map(|(token, _)| format!("&reschedule={token}"))
            .unwrap_or_default();
        if !self.host.is_empty() {
            carried.push_str(&format!("&host={}", self.host));
        }
        carried
    }

    pub(super) fn moving_id(&self) -> Option<uuid::Uuid> {
        self.moving.map(|(_, link)| link.booking.id)
    }

    pub(super) fn page(
        &self,
        ctx: PageContext,
        form: RawForm,
        errors: FieldErrors,
        key: String,
        refusal: String,
    ) -> BookingFormPage {
        let provider_zone = self.owner_zone;
        let questions = self
            .service
            .questions()
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                let name = format!("answer{i}");
                QuestionField {
                    value: form.get(&name).to_owned(),
                    checked: form.checked(&name),
                    error: errors.get(&name).to_owned(),
                    name,
                    label: q.label,
                    kind: q.kind,
                    required: q.required,
                    choices: q.choices,
                }
            })
            .collect();
        BookingFormPage {
            ctx,
            action: format!("{}/book", self.base()),
            back_href: self.calendar_href(),
            service_name: self.service.name.clone(),
            provider_name: self.owner_name.clone(),
            guest_time: long_local(self.start, self.guest_tz),
            guest_zone: self.guest_tz.name().to_owned(),
            provider_time: long_local(self.start, provider_zone),
            provider_zone: provider_zone.name().to_owned(),
            duration_minutes: self.service.duration_minutes,
            location: self.service.location.clone(),
            start: self.start.timestamp().to_string(),
            idempotency_key: key,
            reschedule_token: self
                .moving
                .map(|(token, _)| token.to_owned())
                .unwrap_or_default(),
            host: self.host.clone(),
            form,
            errors,
            questions,
            refusal,
        }
    }
}

#[get("/{username}/{slug}/book")]
async fn show_form(
    state: web::Data<AppState>,
    mut ctx: PageContext,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<SlotQuery>,
) -> AppResult<HttpResponse> {
    let (username, slug) = path.into_inner();
    if let Some(team) = super::team::team_by_slug(&state, &username).await? {
        let start = parse_start(&query.start)?;
        return super::team::show_form(&state, ctx, team, &slug, start, &query).await;
    }
    let (user, service) = provider_and_service(&state, &username, &slug).await?;
    super::look::dress(&state, &req, &mut ctx, &user).await?;
    let start = parse_start(&query.start)?;
    let (guest_tz, _, _) = guest_zone(&query.tz, provider_tz(&user));
    let link = match reschedule_link(&state, &query.reschedule, &service).await? {
        Ok(link) => link,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    let moving = link.as_ref().map(|l| (query.reschedule.as_str(), l));
    let slot = personal_slot(&user, &service, start, guest_tz, moving);
    let refusal = check_slot(&state, &slot, &user).await?;
    let status = if refusal.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    // Moving a booking: the guest's details and answers come from it.
    let form = link
        .as_ref()
        .map(|l| moving_form(l, &service))
        .unwrap_or_default();
    // A fresh key per form: resubmitting the same form finds the booking it made.
    let page = slot.page(ctx, form, FieldErrors::new(), random_token(), refusal);
    Ok(render(status, &page))
}

/// "" when the slot can be booked now, else why not (the engine's own words).
async fn check_slot(state: &AppState, slot: &Slot<'_>, user: &User) -> AppResult<String> {
    if !user.can_take_bookings() {
        return Ok(not_open_yet());
    }
    let (service, tz, start, now) = (
        slot.service.clone(),
        provider_tz(user),
        slot.start,
        state.now(),
    );
    let range = TimeRange::new(
        add(start, -TimeDelta::days(1)),
        add(start, TimeDelta::days(1)),
    );
    let moving = slot.moving_id();
    let schedule = state
        .db(move |conn| load_schedule(conn, tz, &service, range, moving, now))
        .await?;
    Ok(match is_bookable(&schedule.input(now), start) {
        Ok(()) => String::new(),
        Err(refusal) => crate::i18n::refusal(&refusal),
    })
}

#[post("/{username}/{slug}/book")]
async fn submit(
    state: web::Data<AppState>,
    mut ctx: PageContext,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (username, slug) = path.into_inner();
    let start = parse_start(form.get("start")).map_err(|error| match error {
        AppError::NotFound => AppError::BadRequest(crate::i18n::t("book-missing-time")),
        other => other,
    })?;
    let key = form.get("idempotency_key").to_owned();
    if key.len() < 32 || key.len() > 128 || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(AppError::BadRequest(crate::i18n::t("book-incomplete")));
    }
    if !form.get("website").is_empty() {
        tracing::info!("booking refused: honeypot field filled");
        return Err(AppError::BadRequest(crate::i18n::t("book-not-accepted")));
    }
    let limits = state.settings.rate_limits;
    let client = client_key(&req, &state.settings.trusted_proxies);
    state
        .rate_limiter
        .enforce("booking", &client, limits.booking, limits.window_secs)?;
    let (user, service, look) = match booked_rows(&state, &username, &slug).await? {
        Booked::Team(team) => {
            return super::team::submit(&state, ctx, team, &slug, start, key, form).await;
        }
        Booked::Personal(rows) => *rows,
    };
    super::look::wear(&req, &mut ctx, &user, &look);
    let (guest_tz, _, _) = guest_zone(form.get("tz"), provider_tz(&user));
    let reschedule = form.get("reschedule").to_owned();
    let link = match reschedule_link(&state, &reschedule, &service).await? {
        Ok(link) => link,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    if let Some(refusal) = link.as_ref().and_then(|l| {
        guest_change_refused(
            service.cancellation_notice_minutes,
            l.booking.start_at,
            state.now(),
        )
    }) {
        return Err(AppError::BadRequest(crate::i18n::refused(&refusal)));
    }
    let moving = link.as_ref().map(|l| (reschedule.as_str(), l));
    let slot = personal_slot(&user, &service, start, guest_tz, moving);
    let guest = match GuestDetails::parse(&form, &service.questions()) {
        // Every later mail to the guest is in the language they booked in.
        Ok(guest) => GuestDetails {
            language: Some(crate::i18n::locale()),
            ..guest
        },
        Err(errors) => {
            let page = slot.page(ctx, form, errors, key, String::new());
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    if !user.can_take_bookings() {
        let refusal = not_open_yet();
        return Ok(render(
            StatusCode::CONFLICT,
            &slot.page(ctx, form, FieldErrors::new(), key, refusal),
        ));
    }
    let request = ClaimRequest {
        service: service.clone(),
        provider_timezone: provider_tz(&user),
        start,
        guest,
        guest_timezone: guest_tz.name().to_owned(),
        idempotency_key: key.clone(),
        idempotency_body_hash: None,
        replaces: link.as_ref().map(|l| Replaces {
            booking_id: l.booking.id,
            token_id: l.token.id,
            was_confirmed: l.booking.status() == BookingStatus::Confirmed,
        }),
    };
    let outcome = claim_personal(&state, &user, request, Some(Branding::of_look(&look))).await;
    match outcome {
        Ok(ClaimOutcome::Created(_) | ClaimOutcome::AlreadyMade(_)) => {
            Ok(redirect(&ctx.keep(&format!("/b/booked/{key}"))))
        }
        // Taken by a booking the re-check saw, or one the database guard caught.
        Ok(ClaimOutcome::Refused(Refusal::Unavailable)) | Err(AppError::SlotTaken(_)) => {
            slot_taken(&state, ctx, &slot, &user).await
        }
        Ok(ClaimOutcome::Refused(refusal)) => {
            let page = slot.page(
                ctx,
                form,
                FieldErrors::new(),
                key,
                crate::i18n::refusal(&refusal),
            );
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Ok(ClaimOutcome::LinkUsed) => Ok(dead_page(ctx, Dead::Used)),
        Err(other) => Err(other),
    }
}

/// What a booking POST is for: a team's service, or a provider's personal service with the
/// provider's look.
enum Booked {
    Team(Team),
    Personal(Box<(User, Service, Look)>),
}

/// The rows a booking POST needs before its claim, read in one trip to the pool: the
/// active provider and their active service (one query), their look, or else the team of
/// that handle (handles are unique across users and teams). Every trip is a connection
/// checkout and a hop to the blocking threads, and the POST is where those add up (issue
/// 15). 404 as `provider_and_service` answers it.
async fn booked_rows(state: &AppState, username: &str, slug: &str) -> AppResult<Booked> {
    let (username, slug) = (username.to_lowercase(), slug.to_lowercase());
    // The provider's language is preferred as soon as the provider is found (a 404 for a
    // missing service is in their language too, as on the other public pages).
    let (language, found) = state
        .db(move |conn| {
            let Some((user, service)) = services::find_with_provider(conn, &username, &slug)?
            else {
                if let Some(user) = users::find_by_username(conn, &username)? {
                    return Ok((user.is_active.then_some(user.language), None));
                }
                let team = teams::find_by_slug(conn, &username)?;
                return Ok((None, team.map(Booked::Team)));
            };
            if !user.is_active {
                return Ok((None, None));
            }
            let language = Some(user.language);
            if !service.is_active {
                return Ok((language, None));
            }
            let look = provider_looks::find(conn, user.id)?;
            Ok((
                language,
                Some(Booked::Personal(Box::new((user, service, look)))),
            ))
        })
        .await?;
    if let Some(language) = language {
        crate::i18n::prefer(language);
    }
    found.ok_or(AppError::NotFound)
}

/// 409 with the three free slots nearest to the one that was taken.
async fn slot_taken(
    state: &AppState,
    ctx: PageContext,
    slot: &Slot<'_>,
    user: &User,
) -> AppResult<HttpResponse> {
    let (service, tz, start, now) = (
        slot.service.clone(),
        provider_tz(user),
        slot.start,
        state.now(),
    );
    let range = nearby(start, now);
    let moving = slot.moving_id();
    let schedule = state
        .db(move |conn| load_schedule(conn, tz, &service, range, moving, now))
        .await?;
    let free = free_slots(&schedule.input(now), range);
    Ok(slot_taken_page(ctx, slot, free))
}

/// Where the alternatives to a taken time are looked for: a week before to two weeks after.
pub(super) fn nearby(start: DateTime<Utc>, now: DateTime<Utc>) -> TimeRange {
    TimeRange::new(
        add(start, -TimeDelta::days(7)).max(now),
        add(start, TimeDelta::days(14)),
    )
}

/// The 409 page of a taken time, offering the three of `free` nearest to it.
pub(super) fn slot_taken_page(
    ctx: PageContext,
    slot: &Slot<'_>,
    mut nearest: Vec<DateTime<Utc>>,
) -> HttpResponse {
    let start = slot.start;
    nearest.sort_by_key(|s| (*s - start).num_seconds().abs());
    nearest.truncate(3);
    nearest.sort();
    let base = slot.base();
    let alternatives = nearest
        .into_iter()
        .map(|s| SlotLink {
            time: long_local(s, slot.guest_tz),
            href: format!(
                "{base}/book?start={}&tz={}{}",
                s.timestamp(),
                urlencoding::encode(slot.guest_tz.name()),
                slot.reschedule_param()
            ),
        })
        .collect();
    render(
        StatusCode::CONFLICT,
        &SlotTakenPage {
            ctx,
            message: crate::i18n::t("taken-message"),
            zone: slot.guest_tz.name().to_owned(),
            alternatives,
            back_href: slot.calendar_href(),
        },
    )
}

fn personal_slot<'a>(
    user: &User,
    service: &'a Service,
    start: DateTime<Utc>,
    guest_tz: Tz,
    moving: Option<(&'a str, &'a Link)>,
) -> Slot<'a> {
    Slot {
        owner_name: display_name(user),
        owner_zone: provider_tz(user),
        base: format!("/{}/{}", user.username, service.slug),
        service,
        start,
        guest_tz,
        moving,
        host: String::new(),
    }
}
