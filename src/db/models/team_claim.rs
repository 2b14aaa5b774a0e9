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
//!    30 days; a guest's move for "any available" keeps its host while free,
//!    `pick_host_for_move`); collective needs every host free.
//! 5. Insert the booking in the status `domain::booking::initial_status` decides (as a
//!    personal claim does; its provider is the chosen host, or the first host of a
//!    collective booking), with the desk's choice of guest mails, and one `booking_hosts`
//!    row per other host: the database guard refuses any overlap in any host's calendar,
//!    and the whole transaction rolls back.
//! 6. Record the event, issue the link tokens, enqueue the mails (`claim::record_and_tell`;
//!    the composer gets the booking, whose provider says which host's mails to write).

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::availability::{load_host_schedule, service_rules};
use super::booking_hosts;
use super::bookings::{self, Booking};
use super::claim::{new_booking, record_and_tell, replace_old, ClaimMails, Replaces};
use super::holds;
use super::team_services::{Host, TeamService};
use crate::db::schema::bookings as table;
use crate::db::types::{DbId, DbTime};
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::availability::team::{
    all_hosts_free_allowing, free_hosts_allowing, AssignmentMode,
};
use crate::domain::availability::{Refusal, TimeRange};
use crate::domain::booking::{initial_status, Actor, BookingStatus};
use crate::domain::guest::GuestDetails;
use crate::domain::team::{
    desk_allows, pick_host, pick_host_for_move, HostLoad, FAIRNESS_WINDOW_DAYS,
};

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
    /// Whether the guest gets the usual mails (now and on later changes).
    pub guest_mails: bool,
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
            // A guest's move for "any available" keeps its host while free.
            let current = match request.replaces {
                Some(old) if request.chosen_host.is_none() => {
                    bookings::find(conn, old.booking_id)?.map(|b| b.provider_id)
                }
                _ => None,
            };
            let picked = match current {
                Some(current) => pick_host_for_move(&loads, current),
                None => pick_host(&loads),
            };
            match picked {
                Some(host) => (host, Vec::new()),
                None => return Ok(TeamClaimOutcome::Refused(Refusal::Unavailable)),
            }
        }
    };
    if let Some(old) = request.replaces {
        // Before the insert: the old booking's rows leave the guard in step with its status.
        if !replace_old(conn, old, now)? {
            return Ok(TeamClaimOutcome::LinkUsed);
        }
    }
    let initial = initial_status(
        service.confirmation_mode(),
        request.replaces.is_some_and(|r| r.was_confirmed),
        service.hold_minutes,
        now,
    );
    let new = new_booking(
        service,
        primary,
        &request.guest,
        &request.guest_timezone,
        &request.idempotency_key,
        request.start,
        initial,
        moving,
    );
    let extras = bookings::InsertExtras {
        language: request.guest.language,
        ..Default::default()
    };
    let id = bookings::insert_with(conn, &new, extras, now)?;
    let guest_mails = request.desk.as_ref().is_none_or(|desk| desk.guest_mails);
    diesel::update(table::table.filter(table::id.eq(DbId(id))))
        .set((
            table::team_id.eq(Some(DbId(request.service.team_id))),
            table::guest_mails.eq(guest_mails),
        ))
        .execute(conn)?;
    let booking = bookings::find(conn, id)?.ok_or(StoreError::NotFound)?;
    for host in &others {
        booking_hosts::add_host(conn, &booking, *host)?;
    }
    let start = booking.start_at.to_rfc3339();
    let (actor, detail) = match (&request.desk, moving) {
        (None, Some(old)) => (Actor::Guest, format!("rescheduled from booking {old}")),
        (None, None) => (Actor::Guest, format!("booked for {start}")),
        (Some(desk), _) => (
            Actor::Provider,
            format!(
                "booked for {start} by {}{}{}",
                desk.who,
                desk.override_reason
                    .as_deref()
                    .map(|reason| format!(" (outside the hours: {reason})"))
                    .unwrap_or_default(),
                if desk.guest_mails {
                    ""
                } else {
                    " (no mails to the guest)"
                }
            ),
        ),
    };
    record_and_tell(conn, &booking, initial, actor, &detail, mails, now)?;
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
