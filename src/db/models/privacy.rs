//! Guest data rights in the database: finding a guest's bookings by address, the export,
//! erasing (anonymising) bookings, the retention purge, and deleting a provider's account.
//! The rules (what replaces what, who may be deleted) are `domain::privacy`'s; this module
//! executes them, each change in one transaction.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::booking_events::{self, BookingEvent};
use super::bookings::{self, Booking};
use super::lifecycle;
use super::outbox::{OutboxRow, OutboxStatus};
use super::services::{self, Service};
use super::users::User;
use crate::db::schema::{
    booking_events as events, booking_tokens, bookings as table, outbox,
    services as services_table, sessions, team_members, teams, users, webhook_deliveries,
};
use crate::db::types::{DbId, DbTime};
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::account::Role;
use crate::domain::booking::{Actor, Change};
use crate::domain::privacy::{
    may_delete_account, DeletionRefused, ExportedBooking, ExportedEvent, ExportedMail, GuestExport,
    ERASED_EMAIL, ERASED_EVENT, ERASED_NAME, ERASED_SUBJECT,
};
use crate::domain::team::TeamRole;

/// Bind lists stay well under every backend's parameter limit.
const CHUNK: usize = 500;

/// More future bookings than one provider has.
const UPCOMING_LIMIT: i64 = 100_000;

/// Whose bookings a lookup sees: one provider's, or (for an admin) the whole instance's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuestScope {
    Provider(Uuid),
    Instance,
}

impl GuestScope {
    fn name(self) -> &'static str {
        match self {
            Self::Provider(_) => "provider",
            Self::Instance => "instance",
        }
    }
}

/// One of a guest's bookings with the names the pages show next to it.
#[derive(Debug, Clone)]
pub struct GuestBooking {
    pub booking: Booking,
    pub service_name: String,
    /// The provider's username.
    pub provider: String,
}

fn guest_rows(
    conn: &mut DbConnection,
    scope: GuestScope,
    email: &str,
) -> StoreResult<Vec<Booking>> {
    let mut query = table::table
        .filter(table::guest_email.eq(email.to_owned()))
        .into_boxed();
    if let GuestScope::Provider(provider) = scope {
        query = query.filter(table::provider_id.eq(DbId(provider)));
    }
    Ok(query
        .order((table::start_at.asc(), table::id.asc()))
        .select(Booking::as_select())
        .load(conn)?)
}

/// Every booking of the guest with this (lowercase) address that `scope` may see, by
/// start time. Another provider's bookings are simply not there.
pub fn find_guest(
    conn: &mut DbConnection,
    scope: GuestScope,
    email: &str,
) -> StoreResult<Vec<GuestBooking>> {
    let rows = guest_rows(conn, scope, email)?;
    let service_ids: BTreeSet<Uuid> = rows.iter().map(|b| b.service_id).collect();
    let provider_ids: BTreeSet<Uuid> = rows.iter().map(|b| b.provider_id).collect();
    let mut service_names = BTreeMap::new();
    for chunk in service_ids.into_iter().collect::<Vec<_>>().chunks(CHUNK) {
        let found: Vec<(Uuid, String)> = services_table::table
            .filter(services_table::id.eq_any(chunk.iter().copied().map(DbId)))
            .select((services_table::id, services_table::name))
            .load(conn)?;
        service_names.extend(found);
    }
    let mut usernames = BTreeMap::new();
    for chunk in provider_ids.into_iter().collect::<Vec<_>>().chunks(CHUNK) {
        let found: Vec<(Uuid, String)> = users::table
            .filter(users::id.eq_any(chunk.iter().copied().map(DbId)))
            .select((users::id, users::username))
            .load(conn)?;
        usernames.extend(found);
    }
    // A booking keeps its service and provider for as long as it exists (a service that
    // bookings refer to is deleted only with its provider, and a provider's bookings go
    // with them): one whose names are gone was deleted between these reads, and is left
    // out rather than shown nameless.
    Ok(rows
        .into_iter()
        .filter_map(|booking| {
            Some(GuestBooking {
                service_name: service_names.get(&booking.service_id)?.clone(),
                provider: usernames.get(&booking.provider_id)?.clone(),
                booking,
            })
        })
        .collect())
}

fn events_of(conn: &mut DbConnection, ids: &[Uuid]) -> StoreResult<Vec<BookingEvent>> {
    let mut all = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        all.extend(
            events::table
                .filter(events::booking_id.eq_any(chunk.iter().copied().map(DbId)))
                .order((events::at.asc(), events::id.asc()))
                .select(BookingEvent::as_select())
                .load(conn)?,
        );
    }
    Ok(all)
}

/// Outbox rows about these bookings, and for the whole instance also every row addressed
/// to the guest (a mail whose booking is gone still names them).
fn mails_of(
    conn: &mut DbConnection,
    scope: GuestScope,
    email: &str,
    ids: &[Uuid],
) -> StoreResult<Vec<OutboxRow>> {
    let mut rows: BTreeMap<Uuid, OutboxRow> = BTreeMap::new();
    for chunk in ids.chunks(CHUNK) {
        let found: Vec<OutboxRow> = outbox::table
            .filter(outbox::booking_id.eq_any(chunk.iter().copied().map(DbId)))
            .select(OutboxRow::as_select())
            .load(conn)?;
        rows.extend(found.into_iter().map(|row| (row.id, row)));
    }
    if scope == GuestScope::Instance {
        let found: Vec<OutboxRow> = outbox::table
            .filter(outbox::recipient.eq(email.to_owned()))
            .select(OutboxRow::as_select())
            .load(conn)?;
        rows.extend(found.into_iter().map(|row| (row.id, row)));
    }
    // Ids are UUIDv7: their order is the order the mails were queued.
    Ok(rows.into_values().collect())
}

/// What `scope` holds about the guest with this address, as the export document.
pub fn export(
    conn: &mut DbConnection,
    scope: GuestScope,
    email: &str,
    now: DateTime<Utc>,
) -> StoreResult<GuestExport> {
    let found = find_guest(conn, scope, email)?;
    let ids: Vec<Uuid> = found.iter().map(|g| g.booking.id).collect();
    let mut history: BTreeMap<Uuid, Vec<ExportedEvent>> = BTreeMap::new();
    for event in events_of(conn, &ids)? {
        history
            .entry(event.booking_id)
            .or_default()
            .push(ExportedEvent {
                at: event.at,
                actor: event.actor.as_str().to_owned(),
                kind: event.kind,
                detail: event.detail,
            });
    }
    let mails = mails_of(conn, scope, email, &ids)?
        .into_iter()
        .map(|row| ExportedMail {
            booking_id: row.booking_id.map(|id| id.to_string()),
            recipient: row.recipient,
            subject: row.subject,
            kind: row.kind,
            status: row.status,
            created_at: row.created_at,
            sent_at: row.sent_at,
            text_body: row.text_body,
        })
        .collect();
    let bookings = found
        .into_iter()
        .map(|g| {
            let b = g.booking;
            ExportedBooking {
                id: b.id.to_string(),
                provider: g.provider,
                service: g.service_name,
                status: b.status().as_str().to_owned(),
                start_at: b.start_at,
                end_at: b.end_at,
                guest_name: b.guest_name,
                guest_email: b.guest_email,
                guest_phone: b.guest_phone,
                guest_timezone: b.guest_timezone.name().to_owned(),
                guest_notes: b.guest_notes,
                answers: b.answers,
                created_at: b.created_at,
                confirmed_at: b.confirmed_at,
                cancelled_at: b.cancelled_at,
                cancelled_by: b.cancelled_by.map(|by| by.as_str().to_owned()),
                cancellation_reason: b.cancellation_reason,
                rescheduled_from: b.rescheduled_from_id.map(|id| id.to_string()),
                history: history.remove(&b.id).unwrap_or_default(),
            }
        })
        .collect();
    Ok(GuestExport {
        guest_email: email.to_owned(),
        generated_at: now,
        scope: scope.name(),
        bookings,
        mails,
    })
}

/// Anonymises the guest details of these bookings inside the caller's transaction: name,
/// address, phone, notes, answers and cancellation reason are replaced, the history keeps
/// what happened but not its free text, every link token is deleted, mails about the
/// bookings lose their bodies (unsent ones are dropped) and a history entry records the
/// erasure. Times and status stay, so the calendar and the overlap guard are unchanged.
fn anonymise(
    conn: &mut DbConnection,
    ids: &[Uuid],
    actor: Actor,
    detail: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    for chunk in ids.chunks(CHUNK) {
        let in_chunk = || chunk.iter().copied().map(DbId);
        let guests: Vec<String> = table::table
            .filter(table::id.eq_any(in_chunk()))
            .select(table::guest_email)
            .distinct()
            .load(conn)?;
        // A reminder must never go to the placeholder address.
        diesel::update(
            table::table
                .filter(table::id.eq_any(in_chunk()))
                .filter(table::reminder_sent_at.is_null()),
        )
        .set(table::reminder_sent_at.eq(Some(DbTime(now))))
        .execute(conn)?;
        diesel::update(table::table.filter(table::id.eq_any(in_chunk())))
            .set((
                table::guest_name.eq(ERASED_NAME),
                table::guest_email.eq(ERASED_EMAIL),
                table::guest_phone.eq(None::<String>),
                table::guest_notes.eq(None::<String>),
                table::answers.eq("[]"),
                table::cancellation_reason.eq(None::<String>),
                // A resubmitted booking form must not lead back to the erased booking.
                table::idempotency_key.eq(None::<String>),
                // The fingerprint of an API request that carried the guest's details.
                table::idempotency_body_hash.eq(None::<String>),
                table::version.eq(table::version + 1),
                table::updated_at.eq(DbTime(now)),
            ))
            .execute(conn)?;
        diesel::update(events::table.filter(events::booking_id.eq_any(in_chunk())))
            .set(events::detail.eq(""))
            .execute(conn)?;
        diesel::delete(booking_tokens::table.filter(booking_tokens::booking_id.eq_any(in_chunk())))
            .execute(conn)?;
        diesel::delete(
            outbox::table
                .filter(outbox::booking_id.eq_any(in_chunk()))
                .filter(
                    outbox::status
                        .eq_any([OutboxStatus::Queued.as_str(), OutboxStatus::Failed.as_str()]),
                ),
        )
        .execute(conn)?;
        diesel::update(outbox::table.filter(outbox::booking_id.eq_any(in_chunk())))
            .set((
                outbox::subject.eq(ERASED_SUBJECT),
                outbox::text_body.eq(""),
                outbox::html_body.eq(""),
                outbox::ics.eq(None::<String>),
            ))
            .execute(conn)?;
        diesel::update(
            outbox::table
                .filter(outbox::booking_id.eq_any(in_chunk()))
                .filter(outbox::recipient.eq_any(guests)),
        )
        .set(outbox::recipient.eq(ERASED_EMAIL))
        .execute(conn)?;
        // Webhook payloads carry the guest's details: neither sent again nor kept (their
        // attempts go with them).
        diesel::delete(
            webhook_deliveries::table.filter(webhook_deliveries::booking_id.eq_any(in_chunk())),
        )
        .execute(conn)?;
        for id in chunk {
            booking_events::record(conn, *id, actor, ERASED_EVENT, detail, now)?;
        }
    }
    Ok(())
}

/// Erases every booking of the guest that `scope` sees, in one transaction; for the whole
/// instance also the mails addressed to them that no booking holds any more. Returns how
/// many bookings were erased.
pub fn erase_guest(
    conn: &mut DbConnection,
    scope: GuestScope,
    email: &str,
    actor: Actor,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    write_transaction(conn, |c| {
        let ids: Vec<Uuid> = guest_rows(c, scope, email)?.iter().map(|b| b.id).collect();
        anonymise(c, &ids, actor, "", now)?;
        if scope == GuestScope::Instance {
            scrub_mail_to(c, email)?;
        }
        Ok(ids.len())
    })
}

/// Drops unsent mail to `email` and empties what was sent.
fn scrub_mail_to(conn: &mut DbConnection, email: &str) -> StoreResult<()> {
    diesel::delete(
        outbox::table
            .filter(outbox::recipient.eq(email.to_owned()))
            .filter(
                outbox::status
                    .eq_any([OutboxStatus::Queued.as_str(), OutboxStatus::Failed.as_str()]),
            ),
    )
    .execute(conn)?;
    diesel::update(outbox::table.filter(outbox::recipient.eq(email.to_owned())))
        .set((
            outbox::recipient.eq(ERASED_EMAIL),
            outbox::subject.eq(ERASED_SUBJECT),
            outbox::text_body.eq(""),
            outbox::html_body.eq(""),
            outbox::ics.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Bookings that ended before `cutoff` and still hold guest data, oldest first.
pub fn past_retention(
    conn: &mut DbConnection,
    cutoff: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<Uuid>> {
    Ok(table::table
        .filter(table::end_at.lt(DbTime(cutoff)))
        .filter(table::guest_email.ne(ERASED_EMAIL))
        .order((table::end_at.asc(), table::id.asc()))
        .limit(limit)
        .select(table::id)
        .load(conn)?)
}

/// Erases these bookings for the retention job, in one transaction.
pub fn erase_for_retention(
    conn: &mut DbConnection,
    ids: &[Uuid],
    detail: &str,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    write_transaction(conn, |c| {
        anonymise(c, ids, Actor::System, detail, now)?;
        Ok(ids.len())
    })
}

/// Deletes every mail queued before `cutoff` (except one a worker is sending right now);
/// returns how many.
pub fn purge_mail_before(conn: &mut DbConnection, cutoff: DateTime<Utc>) -> StoreResult<usize> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::created_at.lt(DbTime(cutoff)))
            .filter(outbox::status.ne(OutboxStatus::Sending.as_str())),
    )
    .execute(conn)?)
}

/// How many of the provider's bookings are still to come (cancelled if the account goes).
pub fn upcoming_count(
    conn: &mut DbConnection,
    provider_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    Ok(
        bookings::upcoming_holding(conn, provider_id, now, UPCOMING_LIMIT)?
            .iter()
            .filter(|b| b.start_at > now)
            .count(),
    )
}

/// Builds the cancellation mails of one booking (its service's context).
pub type ComposeCancel<'a> = dyn Fn(
        &Service,
        &Booking,
        (Uuid, i32),
        &super::claim::IssuedTokens,
    ) -> anyhow::Result<Vec<super::outbox::OutgoingMessage>>
    + 'a;

/// What deleting an account did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountDeleted {
    /// Future bookings cancelled, each with its guest told.
    pub cancelled: usize,
}

/// Deletes an account in one transaction: its future bookings are cancelled through the
/// same `lifecycle::apply` as the dashboard's cancel (so the guests get the usual mails,
/// queued here), then the account and everything it owns are deleted — services, hours,
/// bookings with their history and links, sessions, tokens — along with the mails about
/// its bookings that are not those cancellations. The last active administrator is
/// refused.
pub fn delete_account(
    conn: &mut DbConnection,
    user: &User,
    change: &Change,
    now: DateTime<Utc>,
    compose: &ComposeCancel<'_>,
) -> StoreResult<Result<AccountDeleted, DeletionRefused>> {
    let id = user.id;
    write_transaction(conn, |c| {
        if let DbConnection::Pg(pg) = c {
            // Two administrators deleting their accounts at once must not both see the
            // other one still there.
            diesel::sql_query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").execute(pg)?;
        }
        let other_admins: i64 = users::table
            .filter(users::role.eq(Role::Admin.as_str()))
            .filter(users::is_active.eq(true))
            .filter(users::id.ne(DbId(id)))
            .count()
            .get_result(c)?;
        let sole_owner_of = teams_only_owned_by(c, id)?;
        if let Err(refused) = may_delete_account(user.role, other_admins, &sole_owner_of) {
            return Ok(Err(refused));
        }
        let own: Vec<Uuid> = table::table
            .filter(table::provider_id.eq(DbId(id)))
            .select(table::id)
            .load(c)?;
        // Earlier mails about these bookings go with them; a confirmation still queued
        // must not arrive after its cancellation.
        for chunk in own.chunks(CHUNK) {
            diesel::delete(
                outbox::table
                    .filter(outbox::booking_id.eq_any(chunk.iter().copied().map(DbId)))
                    .filter(outbox::status.ne(OutboxStatus::Sending.as_str())),
            )
            .execute(c)?;
        }
        diesel::delete(outbox::table.filter(outbox::recipient.eq(&user.email))).execute(c)?;
        let mut cancelled = 0;
        for booking in bookings::upcoming_holding(c, id, now, UPCOMING_LIMIT)? {
            if booking.start_at <= now {
                // Under way: nothing to cancel, it goes with the account.
                continue;
            }
            // A team booking's service may have been made by another member.
            let service = services::of_booking(c, &booking)?.ok_or(StoreError::NotFound)?;
            let outcome = lifecycle::apply(
                c,
                booking.id,
                change,
                Actor::Provider,
                now,
                &|b, lineage, tokens| compose(&service, b, lineage, tokens),
            )?;
            if outcome.is_ok() {
                cancelled += 1;
            }
        }
        hand_over_team_services(c, id)?;
        // The cancellation mails stay queued: their booking link becomes NULL.
        diesel::delete(sessions::table.filter(sessions::user_id.eq(DbId(id)))).execute(c)?;
        diesel::delete(table::table.filter(table::provider_id.eq(DbId(id)))).execute(c)?;
        let deleted = diesel::delete(users::table.filter(users::id.eq(DbId(id)))).execute(c)?;
        if deleted != 1 {
            return Err(StoreError::NotFound);
        }
        Ok(Ok(AccountDeleted { cancelled }))
    })
}

/// A team service's row names the member who made it (`services.provider_id`), and a
/// service goes with its provider's account. The team's services this account made are
/// handed to another owner of the team first (there is one: the only owner is refused),
/// so the service, its other hosts and their bookings carry on.
fn hand_over_team_services(c: &mut DbConnection, user: Uuid) -> StoreResult<()> {
    let made: Vec<(Uuid, Option<Uuid>)> = services_table::table
        .filter(services_table::provider_id.eq(DbId(user)))
        .filter(services_table::team_id.is_not_null())
        .select((services_table::id, services_table::team_id))
        .load(c)?;
    for (service, team) in made {
        let Some(team) = team else { continue };
        let heir: Uuid = team_members::table
            .filter(team_members::team_id.eq(DbId(team)))
            .filter(team_members::role.eq(TeamRole::Owner.as_str()))
            .filter(team_members::user_id.ne(DbId(user)))
            .order((team_members::created_at.asc(), team_members::user_id.asc()))
            .select(team_members::user_id)
            .first(c)
            .optional()?
            .ok_or(StoreError::NotFound)?;
        diesel::update(services_table::table.filter(services_table::id.eq(DbId(service))))
            .set(services_table::provider_id.eq(DbId(heir)))
            .execute(c)?;
    }
    Ok(())
}

/// The names of the teams `user` owns with no other owner. Each team the user owns is
/// locked first (the lock `teams::change_member` takes), so an owner demoting the other
/// owner at the same moment waits and then sees this account gone, or makes this deletion
/// see them demoted: the team keeps an owner either way.
fn teams_only_owned_by(c: &mut DbConnection, user: Uuid) -> StoreResult<Vec<String>> {
    let owned: Vec<Uuid> = team_members::table
        .filter(team_members::user_id.eq(DbId(user)))
        .filter(team_members::role.eq(TeamRole::Owner.as_str()))
        .select(team_members::team_id)
        .order(team_members::team_id.asc())
        .load(c)?;
    let mut names = Vec::new();
    for team in owned {
        lock_provider_schedule(c, team)?;
        let other_owners: i64 = team_members::table
            .filter(team_members::team_id.eq(DbId(team)))
            .filter(team_members::role.eq(TeamRole::Owner.as_str()))
            .filter(team_members::user_id.ne(DbId(user)))
            .count()
            .get_result(c)?;
        if other_owners == 0 {
            let name: String = teams::table.find(DbId(team)).select(teams::name).first(c)?;
            names.push(name);
        }
    }
    Ok(names)
}
