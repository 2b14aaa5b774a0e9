//! The daily agenda mail of a team: each member's opt-in (`team_members.agenda_mail`),
//! who is due, the team's bookings of one day, and queuing one mail per member, team and
//! day exactly once: the row in `team_agenda_sent` and the mail are written in one
//! transaction, and the row's primary key refuses a second one whatever the number of
//! instances running the job.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::bookings::Booking;
use super::outbox::{enqueue, OutgoingMessage};
use super::team_services::{self, ServiceLabel};
use super::teams::Team;
use super::users::User;
use crate::db::schema::{booking_hosts, bookings, team_agenda_sent, team_members, teams, users};
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::booking::BookingStatus;
use crate::domain::time::TimeRange;

/// Turns the member's agenda mail on or off; false when they are not a member.
pub fn set_opt_in(conn: &mut DbConnection, team: Uuid, user: Uuid, on: bool) -> StoreResult<bool> {
    let changed = diesel::update(
        team_members::table
            .filter(team_members::team_id.eq(DbId(team)))
            .filter(team_members::user_id.eq(DbId(user))),
    )
    .set(team_members::agenda_mail.eq(on))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Whether the member asked for the agenda mail.
pub fn opted_in(conn: &mut DbConnection, team: Uuid, user: Uuid) -> StoreResult<bool> {
    Ok(team_members::table
        .filter(team_members::team_id.eq(DbId(team)))
        .filter(team_members::user_id.eq(DbId(user)))
        .select(team_members::agenda_mail)
        .first(conn)
        .optional()?
        .unwrap_or(false))
}

/// Every opted-in membership of an active account, with its team.
pub fn subscribers(conn: &mut DbConnection) -> StoreResult<Vec<(Team, User)>> {
    Ok(team_members::table
        .inner_join(teams::table)
        .inner_join(users::table)
        .filter(team_members::agenda_mail.eq(true))
        .filter(users::is_active.eq(true))
        .order((teams::id.asc(), users::id.asc()))
        .select((Team::as_select(), User::as_select()))
        .load(conn)?)
}

/// Whether the member's agenda of `day` was queued already.
pub fn already_queued(
    conn: &mut DbConnection,
    team: Uuid,
    user: Uuid,
    day: NaiveDate,
) -> StoreResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        team_agenda_sent::table
            .filter(team_agenda_sent::team_id.eq(DbId(team)))
            .filter(team_agenda_sent::user_id.eq(DbId(user)))
            .filter(team_agenda_sent::day.eq(day)),
    ))
    .get_result(conn)?)
}

/// One booking on the agenda: the booking, its hosts' names and its service.
#[derive(Debug, Clone)]
pub struct AgendaLine {
    pub booking: Booking,
    pub hosts: Vec<String>,
    pub service: String,
}

/// The team's bookings that hold time and start in `range`, by start.
pub fn team_day(
    conn: &mut DbConnection,
    team: Uuid,
    range: TimeRange,
) -> StoreResult<Vec<AgendaLine>> {
    let rows: Vec<Booking> = bookings::table
        .filter(bookings::team_id.eq(DbId(team)))
        .filter(bookings::status.eq_any(BookingStatus::holding_strs()))
        .filter(bookings::start_at.ge(DbTime(range.start)))
        .filter(bookings::start_at.lt(DbTime(range.end)))
        .order((bookings::start_at.asc(), bookings::id.asc()))
        .select(Booking::as_select())
        .load(conn)?;
    let ids: Vec<DbId> = rows.iter().map(|b| DbId(b.id)).collect();
    let hosts: Vec<(Uuid, String)> = if ids.is_empty() {
        Vec::new()
    } else {
        booking_hosts::table
            .inner_join(users::table.on(users::id.eq(booking_hosts::host_id)))
            .filter(booking_hosts::booking_id.eq_any(ids))
            .order((booking_hosts::booking_id.asc(), users::full_name.asc()))
            .select((booking_hosts::booking_id, users::full_name))
            .load(conn)?
    };
    let services: Vec<Uuid> = rows.iter().map(|b| b.service_id).collect();
    let labels: Vec<ServiceLabel> = team_services::labels(conn, &services)?;
    Ok(rows
        .into_iter()
        .map(|booking| AgendaLine {
            hosts: hosts
                .iter()
                .filter(|(id, _)| *id == booking.id)
                .map(|(_, name)| name.clone())
                .collect(),
            service: labels
                .iter()
                .find(|l| l.service_id == booking.service_id)
                .map(|l| l.name.clone())
                .unwrap_or_default(),
            booking,
        })
        .collect())
}

/// Builds the agenda mail from the day's lines.
pub type ComposeAgenda<'a> = dyn Fn(&[AgendaLine]) -> anyhow::Result<OutgoingMessage> + 'a;

/// Queues the member's agenda of `day` (the bookings starting in `range`) unless it was
/// queued before: true when this call queued it.
pub fn queue_once(
    conn: &mut DbConnection,
    team: Uuid,
    user: Uuid,
    day: NaiveDate,
    range: TimeRange,
    compose: &ComposeAgenda<'_>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, |c| {
        let marker = diesel::insert_into(team_agenda_sent::table)
            .values((
                team_agenda_sent::team_id.eq(DbId(team)),
                team_agenda_sent::user_id.eq(DbId(user)),
                team_agenda_sent::day.eq(day),
                team_agenda_sent::queued_at.eq(DbTime(now)),
            ))
            .on_conflict_do_nothing();
        // Upserts are per backend (diesel's multi-backend connection has none). On
        // PostgreSQL a concurrent insert of the same key waits for the other transaction
        // and then does nothing.
        let inserted = match c {
            DbConnection::Pg(pg) => marker.execute(pg)?,
            DbConnection::Sqlite(lite) => marker.execute(lite)?,
        };
        if inserted == 0 {
            return Ok(false);
        }
        let lines = team_day(c, team, range)?;
        let mail = compose(&lines).map_err(StoreError::Compose)?;
        enqueue(c, &mail, now)?;
        Ok(true)
    })
}
