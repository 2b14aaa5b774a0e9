//! The claim of a team service: the same transaction as a personal claim
//! (`db::models::claim`), over every host it may involve.
//!
//! 1. Queue behind other writers of each candidate host's schedule (locks in id order,
//!    so two claims never wait on each other crosswise).
//! 2. The same idempotency key again returns the booking already made.
//! 3. Lapsed holds overlapping the request in any candidate's calendar become `expired`.
//! 4. Each candidate's schedule is re-checked with the predicate that listed the time:
//!    round-robin keeps the hosts still free at that instant and picks one by the
//!    fairness rule (`domain::team::pick_host`, fed from the team's bookings of the last
//!    30 days); collective needs every host free.
//! 5. Insert the booking (its provider is the chosen host, or the first host of a
//!    collective booking) and one `booking_hosts` row per other host: the database guard
//!    refuses any overlap in any host's calendar, and the whole transaction rolls back.
//! 6. Record the event, issue the link tokens, enqueue the mails (the composer gets the
//!    booking, whose provider says which host's mails to write).

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::availability::{load_host_schedule, service_rules};
use super::booking_events;
use super::booking_hosts;
use super::booking_tokens;
use super::bookings::{self, Booking, NewBooking};
use super::claim::{issue_tokens, ClaimMails, Replaces};
use super::holds;
use super::outbox::enqueue;
use super::team_services::{Host, TeamService};
use crate::db::schema::bookings as table;
use crate::db::types::{DbId, DbTime};
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::availability::team::{
    all_hosts_free_allowing, free_hosts_allowing, AssignmentMode,
};
use crate::domain::availability::{Refusal, TimeRange};
use crate::domain::booking::{Actor, BookingStatus};
use crate::domain::guest::GuestDetails;
use crate::domain::service::ConfirmationMode;
use crate::domain::team::{desk_allows, pick_host, HostLoad, FAIRNESS_WINDOW_DAYS};

/// A guest's (or the front desk's) request for a team service; the caller has parsed it.
#[derive(Debug, Clone)]
pub struct TeamClaimRequest {
    pub service: TeamService,
    /// The service's current hosts (`team_services::hosts`).
    pub hosts: Vec<Host>,
    /// Round-robin only: the host the guest chose instead of "any available".
    pub chosen_host: Option<Uuid>,
    pub start: DateTime<Utc>,
    pub guest: GuestDetails,
    pub guest_timezone: String,
    pub idempotency_key: String,
    /// Booked by the front desk rather than by the guest.
    pub desk: Option<DeskBooking>,
    /// A guest's move through their reschedule link: the booking this one replaces
    /// (cancelled in the same transaction, its link used up), as in a personal claim.
    pub replaces: Option<Replaces>,
}

/// A booking made by the front desk (`domain::team::desk_allows` says which of the
/// engine's refusals it may pass).
#[derive(Debug, Clone)]
pub struct DeskBooking {
    /// The member's name and role, for the history.
    pub who: String,
    /// Why a time outside the host's hours is booked anyway.
    pub override_reason: Option<String>,
}

#[derive(Debug)]
pub enum TeamClaimOutcome {
    Created(Box<Booking>),
    AlreadyMade(Box<Booking>),
    Refused(Refusal),
    /// The reschedule link was used (or the booking changed) meanwhile.
    LinkUsed,
}

pub fn claim_team(
    conn: &mut DbConnection,
    request: &TeamClaimRequest,
    now: DateTime<Utc>,
    mails: ClaimMails<'_>,
) -> StoreResult<TeamClaimOutcome> {
    write_transaction(conn, |c| claim_in_transaction(c, request, now, mails))
}

/// The hosts this request may use, in id order: the chosen one, or all of them.
fn candidates(request: &TeamClaimRequest) -> Vec<&Host> {
    let mut hosts: Vec<&Host> = request
        .hosts
        .iter()
        .filter(|host| match (request.service.mode, request.chosen_host) {
            (AssignmentMode::RoundRobin, Some(chosen)) => host.user.id == chosen,
            _ => true,
        })
        .collect();
    hosts.sort_by_key(|host| host.user.id);
    hosts
}

fn claim_in_transaction(
    conn: &mut DbConnection,
    request: &TeamClaimRequest,
    now: DateTime<Utc>,
    mails: ClaimMails<'_>,
) -> StoreResult<TeamClaimOutcome> {
    let service = &request.service.service;
    let hosts = candidates(request);
    if hosts.is_empty() {
        return Ok(TeamClaimOutcome::Refused(Refusal::Unavailable));
    }
    for host in &hosts {
        lock_provider_schedule(conn, host.user.id)?;
    }
    if let Some(existing) = bookings::find_by_idempotency_key(conn, &request.idempotency_key)? {
        return Ok(TeamClaimOutcome::AlreadyMade(Box::new(existing)));
    }
    let rules = service_rules(service);
    let blocked = rules.blocked_range(request.start);
    for host in &hosts {
        for lapsed in holds::lapsed_in_range(conn, host.user.id, blocked, now)? {
            holds::expire(conn, lapsed, now, mails.expired)?;
        }
    }
    let range = TimeRange::new(
        request.start - TimeDelta::days(1),
        request.start + TimeDelta::days(1),
    );
    // A moved booking never blocks its own new time.
    let moving = request.replaces.map(|r| r.booking_id);
    let mut schedules = Vec::with_capacity(hosts.len());
    for host in &hosts {
        schedules.push(load_host_schedule(
            conn,
            host.user.id,
            host.user.timezone.tz(),
            service,
            range,
            moving,
            now,
        )?);
    }
    if request.desk.is_some() {
        // The desk may book inside the minimum notice: leave it out, so the refusal that
        // remains is the next rule's (hours, grid, taken).
        for schedule in &mut schedules {
            schedule.service.min_notice_minutes = 0;
        }
    }
    let inputs: Vec<_> = schedules.iter().map(|s| s.input(now)).collect();
    let allow = |refusal| {
        request
            .desk
            .as_ref()
            .is_some_and(|desk| desk_allows(refusal, desk.override_reason.as_deref()))
    };
    let (primary, others): (Uuid, Vec<Uuid>) = match request.service.mode {
        AssignmentMode::Collective => {
            if let Err(refusal) = all_hosts_free_allowing(&inputs, request.start, allow) {
                return Ok(TeamClaimOutcome::Refused(refusal));
            }
            let ids: Vec<Uuid> = hosts.iter().map(|h| h.user.id).collect();
            (ids[0], ids[1..].to_vec())
        }
        AssignmentMode::RoundRobin => {
            let free = match free_hosts_allowing(&inputs, request.start, allow) {
                Ok(free) => free,
                Err(refusal) => return Ok(TeamClaimOutcome::Refused(refusal)),
            };
            let mut loads = Vec::with_capacity(free.len());
            for i in free {
                loads.push(host_load(conn, request.service.team_id, hosts[i], now)?);
            }
            match pick_host(&loads) {
                Some(host) => (host, Vec::new()),
                None => return Ok(TeamClaimOutcome::Refused(Refusal::Unavailable)),
            }
        }
    };
    if let Some(old) = request.replaces {
        // Before the insert: the old booking's rows leave the guard in step with its status.
        if !booking_tokens::mark_used(conn, old.token_id, now)?
            || !bookings::cancel_for_reschedule(conn, old.booking_id, now)?
        {
            return Ok(TeamClaimOutcome::LinkUsed);
        }
    }
    let mode = service.confirmation_mode();
    let keeps_confirmation =
        request.replaces.is_some_and(|r| r.was_confirmed) && mode != ConfirmationMode::Provider;
    let (status, hold_expires_at) = match mode {
        _ if keeps_confirmation => (BookingStatus::Confirmed, None),
        ConfirmationMode::Instant => (BookingStatus::Confirmed, None),
        ConfirmationMode::Email | ConfirmationMode::Provider => (
            BookingStatus::Pending,
            Some(now + TimeDelta::minutes(i64::from(service.hold_minutes))),
        ),
    };
    let slot = rules.slot_range(request.start);
    let new = NewBooking {
        provider_id: primary,
        service_id: service.id,
        guest_name: request.guest.name.clone(),
        guest_email: request.guest.email.as_str().to_owned(),
        guest_phone: request.guest.phone.clone(),
        guest_timezone: request.guest_timezone.clone(),
        guest_notes: request.guest.notes.clone(),
        answers: request.guest.answers_json(),
        start_at: slot.start,
        end_at: slot.end,
        block_start_at: blocked.start,
        block_end_at: blocked.end,
        status,
        hold_expires_at,
        rescheduled_from_id: moving,
        idempotency_key: Some(request.idempotency_key.clone()),
    };
    let id = bookings::insert_in_language(conn, &new, request.guest.language, now)?;
    diesel::update(table::table.filter(table::id.eq(DbId(id))))
        .set(table::team_id.eq(Some(DbId(request.service.team_id))))
        .execute(conn)?;
    let booking = bookings::find(conn, id)?.ok_or(StoreError::NotFound)?;
    for host in &others {
        booking_hosts::add_host(conn, &booking, *host)?;
    }
    let (actor, detail) = match (&request.desk, moving) {
        (None, Some(old)) => (Actor::Guest, format!("rescheduled from booking {old}")),
        (None, None) => (
            Actor::Guest,
            format!("booked for {}", slot.start.to_rfc3339()),
        ),
        (Some(desk), _) => (
            Actor::Provider,
            format!(
                "booked for {} by {}{}",
                slot.start.to_rfc3339(),
                desk.who,
                desk.override_reason
                    .as_deref()
                    .map(|reason| format!(" (outside the hours: {reason})"))
                    .unwrap_or_default()
            ),
        ),
    };
    booking_events::record(conn, id, actor, "created", &detail, now)?;
    let link_mode = if status == BookingStatus::Confirmed {
        ConfirmationMode::Instant
    } else {
        mode
    };
    let tokens = issue_tokens(conn, id, link_mode, hold_expires_at, slot.start, now)?;
    let lineage = bookings::lineage(conn, &booking)?;
    let new_mails = (mails.new_booking)(&booking, lineage, &tokens).map_err(StoreError::Compose)?;
    for mail in &new_mails {
        enqueue(conn, mail, now)?;
    }
    Ok(TeamClaimOutcome::Created(Box::new(booking)))
}

/// What the fairness rule knows of `host`: their holding bookings of this team made in
/// the last 30 days, and when the latest was made.
fn host_load(
    conn: &mut DbConnection,
    team: Uuid,
    host: &Host,
    now: DateTime<Utc>,
) -> StoreResult<HostLoad> {
    let since = now - TimeDelta::days(FAIRNESS_WINDOW_DAYS);
    let created: Vec<DateTime<Utc>> = table::table
        .filter(table::team_id.eq(DbId(team)))
        .filter(table::provider_id.eq(DbId(host.user.id)))
        .filter(table::status.eq_any(BookingStatus::holding_strs()))
        .filter(table::created_at.ge(DbTime(since)))
        .select(table::created_at)
        .load(conn)?;
    Ok(HostLoad {
        host_id: host.user.id,
        recent_bookings: u32::try_from(created.len()).unwrap_or(u32::MAX),
        last_booked_at: created.into_iter().max(),
        weight: host.weight,
    })
}
