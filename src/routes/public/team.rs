//! A team's booking pages, reached through the same routes as a provider's (a handle is a
//! username or a team slug, never both): `/{team}` lists the team's services and
//! providers; `/{team}/{service}` is the same month page over the service's hosts — the
//! union of their free times for round-robin, the intersection for collective — for "any
//! available" or one chosen host (`?host=`); the booking form and its POST run the team
//! claim, which picks the host inside the transaction.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

use super::book::{
    moving_form, nearby, reschedule_link, slot_taken_page, Slot, SlotQuery, NOT_OPEN_YET,
};
use super::calendar::{guest_zone, month_page, CalendarQuery, MonthSubject, MonthWindow};
use super::{long_local, price_label};
use crate::db::models::availability::load_host_schedule;
use crate::db::models::claim::Replaces;
use crate::db::models::team_claim::{TeamClaimOutcome, TeamClaimRequest};
use crate::db::models::team_services::{self, Host, TeamService};
use crate::db::models::teams::{self, Team};
use crate::domain::availability::team::{team_slots, AssignmentMode};
use crate::domain::availability::{Refusal, TimeRange};
use crate::domain::booking::{guest_change_refused, BookingStatus};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::guest::GuestDetails;
use crate::domain::time::add;
use crate::error::{AppError, AppResult};
use crate::routes::booking_links::{dead_page, Dead, Link};
use crate::routes::redirect;
use crate::routes::teams::claim_with_host_mails;
use crate::state::AppState;
use crate::tokens::random_token;
use crate::views::public::{ProviderPage, ServiceCard, SlotLink};
use crate::views::{page, render, PageContext};

/// The team with this handle, if the handle is a team's.
pub(super) async fn team_by_slug(state: &AppState, slug: &str) -> AppResult<Option<Team>> {
    let slug = slug.to_lowercase();
    state.db(move |conn| teams::find_by_slug(conn, &slug)).await
}

/// An active service of the team and its hosts who take bookings, or 404.
async fn service_and_hosts(
    state: &AppState,
    team: &Team,
    slug: &str,
) -> AppResult<(TeamService, Vec<Host>)> {
    let (team_id, slug) = (team.id, slug.to_lowercase());
    let found = state
        .db(move |conn| {
            let Some(service) = team_services::find(conn, team_id, &slug)? else {
                return Ok(None);
            };
            let hosts = team_services::hosts(conn, &service)?;
            Ok(Some((service, hosts)))
        })
        .await?;
    let (service, hosts) = found
        .filter(|(service, _)| service.service.is_active)
        .ok_or(AppError::NotFound)?;
    let hosts = hosts
        .into_iter()
        .filter(|host| host.user.can_take_bookings())
        .collect();
    Ok((service, hosts))
}

/// The host a round-robin guest chose (`?host=`): `None` for "any available"; an id that
/// is not one of the hosts is 404, as a mangled link. Collective services ignore it.
fn chosen_host<'a>(
    service: &TeamService,
    hosts: &'a [Host],
    param: &str,
) -> AppResult<Option<&'a Host>> {
    if param.is_empty() || service.mode == AssignmentMode::Collective {
        return Ok(None);
    }
    let id = Uuid::parse_str(param).map_err(|_| AppError::NotFound)?;
    hosts
        .iter()
        .find(|host| host.user.id == id)
        .map(Some)
        .ok_or(AppError::NotFound)
}

/// Free starts of the service in `range` over `hosts`, each with their own hours, time
/// off and bookings, combined by the service's mode.
async fn free_times(
    state: &AppState,
    service: &TeamService,
    hosts: &[&Host],
    range: TimeRange,
    moving: Option<Uuid>,
) -> AppResult<Vec<DateTime<Utc>>> {
    if hosts.is_empty() || range.start >= range.end {
        return Ok(Vec::new());
    }
    let now = state.now();
    let ids: Vec<(Uuid, chrono_tz::Tz)> = hosts
        .iter()
        .map(|host| (host.user.id, host.user.timezone.tz()))
        .collect();
    let row = service.service.clone();
    let schedules = state
        .db(move |conn| {
            ids.iter()
                .map(|(id, tz)| load_host_schedule(conn, *id, *tz, &row, range, moving, now))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    let inputs: Vec<_> = schedules.iter().map(|s| s.input(now)).collect();
    Ok(team_slots(service.mode, &inputs, range))
}

/// The hosts a request may use: the chosen one, or all of them.
fn candidates<'a>(hosts: &'a [Host], chosen: Option<&'a Host>) -> Vec<&'a Host> {
    match chosen {
        Some(host) => vec![host],
        None => hosts.iter().collect(),
    }
}

/// `/{team}`: the team's active services and its providers.
pub(super) async fn team_page(
    state: &AppState,
    ctx: PageContext,
    team: Team,
) -> AppResult<HttpResponse> {
    let team_id = team.id;
    let (services, members) = state
        .db(move |conn| {
            Ok((
                team_services::list(conn, team_id)?,
                teams::members(conn, team_id)?,
            ))
        })
        .await?;
    let services = services
        .iter()
        .filter(|s| s.service.is_active)
        .map(|s| ServiceCard {
            name: s.service.name.clone(),
            description: s.service.description.clone(),
            duration_minutes: s.service.duration_minutes,
            price: price_label(&s.service),
            location: s.service.location.clone(),
            href: format!("/{}/{}", team.slug, s.slug),
        })
        .collect();
    let people = members
        .into_iter()
        .filter(|m| m.role().is_some_and(|role| role.hosts()))
        .map(|m| m.full_name)
        .collect();
    Ok(page(&ProviderPage {
        ctx,
        display_name: team.name.clone(),
        business_name: team.logo_text.clone(),
        bio: String::new(),
        services,
        bookings_open: true,
        people,
    }))
}

/// `/{team}/{service}`: the month page over the hosts.
pub(super) async fn calendar(
    state: &AppState,
    ctx: PageContext,
    team: Team,
    slug: &str,
    query: &CalendarQuery,
) -> AppResult<HttpResponse> {
    let (service, hosts) = service_and_hosts(state, &team, slug).await?;
    let chosen = chosen_host(&service, &hosts, &query.host)?;
    let moving = match reschedule_link(state, &query.reschedule, &service.service).await? {
        Ok(moving) => moving,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    let now = state.now();
    let window = MonthWindow::new(
        query,
        team.timezone.tz(),
        now,
        service.service.max_days_ahead,
    )?;
    let moving_id = moving.as_ref().map(|link| link.booking.id);
    let moving_label = moving.as_ref().map(|link| {
        format!(
            "{} on {} ({})",
            service.service.name,
            long_local(link.booking.start_at, window.tz),
            window.tz.name()
        )
    });
    let candidates = candidates(&hosts, chosen);
    let slots = free_times(state, &service, &candidates, window.range, moving_id).await?;
    let base = format!("/{}/{}", team.slug, service.slug);
    let tz = urlencoding::encode(window.tz.name()).into_owned();
    let reschedule = if query.reschedule.is_empty() {
        String::new()
    } else {
        format!("&reschedule={}", query.reschedule)
    };
    let host_link = |label: String, host: Option<Uuid>, current: bool| SlotLink {
        time: label,
        href: match (current, host) {
            (true, _) => String::new(),
            (false, Some(id)) => format!("{base}?tz={tz}&host={id}{reschedule}"),
            (false, None) => format!("{base}?tz={tz}{reschedule}"),
        },
    };
    let host_links = if service.mode == AssignmentMode::RoundRobin && hosts.len() > 1 {
        std::iter::once(host_link(
            "any available".to_owned(),
            None,
            chosen.is_none(),
        ))
        .chain(hosts.iter().map(|host| {
            let current = chosen.is_some_and(|c| c.user.id == host.user.id);
            host_link(host.user.full_name.clone(), Some(host.user.id), current)
        }))
        .collect()
    } else {
        Vec::new()
    };
    let host_param = chosen.map(|h| h.user.id.to_string()).unwrap_or_default();
    let subject = MonthSubject {
        provider_name: team.name.clone(),
        provider_href: format!("/{}", team.slug),
        base: base.clone(),
        home_zone: team.timezone.tz(),
        open: !hosts.is_empty(),
        closed_note: crate::i18n::t1("team-bookings-not-open", "team", &team.name),
        carried: if host_param.is_empty() {
            reschedule.clone()
        } else {
            format!("{reschedule}&host={host_param}")
        },
        reschedule_param: query.reschedule.clone(),
        host_param,
        hosts: host_links,
        moving_label,
    };
    Ok(month_page(ctx, &service.service, subject, window, &slots))
}

fn team_slot<'a>(
    team: &Team,
    service: &'a TeamService,
    chosen: Option<&Host>,
    start: DateTime<Utc>,
    guest_tz: chrono_tz::Tz,
    moving: Option<(&'a str, &'a Link)>,
) -> Slot<'a> {
    Slot {
        owner_name: chosen
            .map(|host| host.user.full_name.clone())
            .unwrap_or_else(|| team.name.clone()),
        owner_zone: chosen
            .map(|host| host.user.timezone.tz())
            .unwrap_or_else(|| team.timezone.tz()),
        base: format!("/{}/{}", team.slug, service.slug),
        service: &service.service,
        start,
        guest_tz,
        moving,
        host: chosen.map(|h| h.user.id.to_string()).unwrap_or_default(),
    }
}

/// "" when some host (every host, for collective) may take `start` now, else why not.
async fn check(
    state: &AppState,
    service: &TeamService,
    hosts: &[&Host],
    start: DateTime<Utc>,
    moving: Option<Uuid>,
) -> AppResult<String> {
    if hosts.is_empty() {
        return Ok(NOT_OPEN_YET.to_owned());
    }
    let around = TimeRange::new(
        add(start, -TimeDelta::days(1)),
        add(start, TimeDelta::days(1)),
    );
    let free = free_times(state, service, hosts, around, moving).await?;
    if free.contains(&start) {
        return Ok(String::new());
    }
    // Ask the engine why, host by host: the first host's reason is the service's when it
    // is about time (past, notice, window); otherwise the time is simply taken.
    let now = state.now();
    let (id, tz, row) = (
        hosts[0].user.id,
        hosts[0].user.timezone.tz(),
        service.service.clone(),
    );
    let schedule = state
        .db(move |conn| load_host_schedule(conn, id, tz, &row, around, moving, now))
        .await?;
    Ok(
        match crate::domain::availability::is_bookable(&schedule.input(now), start) {
            Err(refusal) => crate::i18n::refusal(&refusal),
            Ok(()) => crate::i18n::refusal(&Refusal::Unavailable),
        },
    )
}

/// `GET /{team}/{service}/book`.
pub(super) async fn show_form(
    state: &AppState,
    ctx: PageContext,
    team: Team,
    slug: &str,
    start: DateTime<Utc>,
    query: &SlotQuery,
) -> AppResult<HttpResponse> {
    let (service, hosts) = service_and_hosts(state, &team, slug).await?;
    let chosen = chosen_host(&service, &hosts, &query.host)?;
    let (guest_tz, _, _) = guest_zone(&query.tz, team.timezone.tz());
    let link = match reschedule_link(state, &query.reschedule, &service.service).await? {
        Ok(link) => link,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    let moving = link.as_ref().map(|l| (query.reschedule.as_str(), l));
    let slot = team_slot(&team, &service, chosen, start, guest_tz, moving);
    let moving_id = link.as_ref().map(|l| l.booking.id);
    let refusal = check(
        state,
        &service,
        &candidates(&hosts, chosen),
        start,
        moving_id,
    )
    .await?;
    let status = if refusal.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    // Moving a booking: the guest's details and answers come from it.
    let form = link
        .as_ref()
        .map(|l| moving_form(l, &service.service))
        .unwrap_or_default();
    let page = slot.page(ctx, form, FieldErrors::new(), random_token(), refusal);
    Ok(render(status, &page))
}

/// `POST /{team}/{service}/book`, after the checks every booking POST gets (idempotency
/// key, honeypot, rate limit).
pub(super) async fn submit(
    state: &AppState,
    ctx: PageContext,
    team: Team,
    slug: &str,
    start: DateTime<Utc>,
    key: String,
    form: RawForm,
) -> AppResult<HttpResponse> {
    let (service, hosts) = service_and_hosts(state, &team, slug).await?;
    let chosen = chosen_host(&service, &hosts, form.get("host"))?;
    let (guest_tz, _, _) = guest_zone(form.get("tz"), team.timezone.tz());
    let reschedule = form.get("reschedule").to_owned();
    let link = match reschedule_link(state, &reschedule, &service.service).await? {
        Ok(link) => link,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    if let Some(refusal) = link.as_ref().and_then(|l| {
        guest_change_refused(
            service.service.cancellation_notice_minutes,
            l.booking.start_at,
            state.now(),
        )
    }) {
        return Err(AppError::BadRequest(crate::i18n::refused(&refusal)));
    }
    let moving = link.as_ref().map(|l| (reschedule.as_str(), l));
    let slot = team_slot(&team, &service, chosen, start, guest_tz, moving);
    let guest = match GuestDetails::parse(&form, &service.service.questions()) {
        Ok(guest) => guest,
        Err(errors) => {
            let page = slot.page(ctx, form, errors, key, String::new());
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    if hosts.is_empty() {
        let page = slot.page(ctx, form, FieldErrors::new(), key, NOT_OPEN_YET.to_owned());
        return Ok(render(StatusCode::CONFLICT, &page));
    }
    let request = TeamClaimRequest {
        service: service.clone(),
        hosts: hosts.clone(),
        chosen_host: chosen.map(|h| h.user.id),
        start,
        guest,
        guest_timezone: guest_tz.name().to_owned(),
        idempotency_key: key.clone(),
        desk: None,
        replaces: link.as_ref().map(|l| Replaces {
            booking_id: l.booking.id,
            token_id: l.token.id,
            was_confirmed: l.booking.status() == BookingStatus::Confirmed,
        }),
    };
    let now = state.now();
    let outcome = claim_with_host_mails(state, &request).await;
    match outcome {
        Ok(TeamClaimOutcome::Created(_)) => {
            state.mailer.wake();
            Ok(redirect(&format!("/b/booked/{key}")))
        }
        Ok(TeamClaimOutcome::AlreadyMade(_)) => Ok(redirect(&format!("/b/booked/{key}"))),
        Ok(TeamClaimOutcome::LinkUsed) => Ok(dead_page(ctx, Dead::Used)),
        Ok(TeamClaimOutcome::Refused(Refusal::Unavailable)) | Err(AppError::SlotTaken(_)) => {
            let free = free_times(
                state,
                &service,
                &candidates(&hosts, chosen),
                nearby(start, now),
                slot.moving_id(),
            )
            .await?;
            Ok(slot_taken_page(ctx, &slot, free))
        }
        Ok(TeamClaimOutcome::Refused(refusal)) => {
            let page = slot.page(
                ctx,
                form,
                FieldErrors::new(),
                key,
                crate::i18n::refusal(&refusal),
            );
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(other) => Err(other),
    }
}
