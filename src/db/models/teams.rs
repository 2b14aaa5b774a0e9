//! Teams and their memberships. Every team route asks [`membership`] on every request
//! (role changes and removals take effect on the next request); the rules of who may
//! change whom are `domain::team`, executed here in one transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{team_members, teams, users};
use crate::db::types::{DbId, DbTime};
use crate::db::{lock_provider_schedule, write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::team::{decide_membership_change, MembershipRefusal, TeamRole, TeamSpec};
use crate::domain::time::Timezone;

/// A team as stored; its zone is read straight into the domain type.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = teams)]
pub struct Team {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    #[diesel(deserialize_as = String)]
    pub timezone: Timezone,
    pub logo_text: String,
    pub colour: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One member of a team, with what the member pages show.
#[derive(Debug, Clone, Queryable)]
pub struct Member {
    pub user_id: Uuid,
    pub username: String,
    pub full_name: String,
    pub email: String,
    pub timezone: String,
    pub role: String,
    pub weight: i32,
}

impl Member {
    /// The stored role; `None` only for a value the CHECK constraint would refuse.
    pub fn role(&self) -> Option<TeamRole> {
        TeamRole::parse(&self.role)
    }
}

#[derive(Insertable)]
#[diesel(table_name = teams)]
struct TeamRow<'a> {
    id: DbId,
    slug: &'a str,
    name: &'a str,
    timezone: &'a str,
    logo_text: &'a str,
    colour: &'a str,
    created_at: DbTime,
    updated_at: DbTime,
}

#[derive(Insertable)]
#[diesel(table_name = team_members)]
struct MemberRow<'a> {
    team_id: DbId,
    user_id: DbId,
    role: &'a str,
    created_at: DbTime,
    updated_at: DbTime,
}

/// Creates a team with `owner` as its owner. A slug used by an account or a team is
/// `StoreError::Duplicate("handles_username_key")` (checked first for a clear answer; the
/// `handles` primary key decides under concurrency).
pub fn create(
    conn: &mut DbConnection,
    owner: Uuid,
    spec: &TeamSpec,
    now: DateTime<Utc>,
) -> StoreResult<Team> {
    write_transaction(conn, |conn| {
        if super::users::username_taken(conn, spec.slug.as_str())? {
            return Err(StoreError::Duplicate("handles_username_key".into()));
        }
        let id = Uuid::now_v7();
        diesel::insert_into(teams::table)
            .values(TeamRow {
                id: DbId(id),
                slug: spec.slug.as_str(),
                name: &spec.name,
                timezone: spec.timezone.name(),
                logo_text: &spec.logo_text,
                colour: &spec.colour,
                created_at: DbTime(now),
                updated_at: DbTime(now),
            })
            .execute(conn)?;
        add_member(conn, id, owner, TeamRole::Owner, now)?;
        find(conn, id)?.ok_or(StoreError::NotFound)
    })
}

pub fn find(conn: &mut DbConnection, id: Uuid) -> StoreResult<Option<Team>> {
    Ok(teams::table
        .filter(teams::id.eq(DbId(id)))
        .select(Team::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> StoreResult<Option<Team>> {
    Ok(teams::table
        .filter(teams::slug.eq(slug))
        .select(Team::as_select())
        .first(conn)
        .optional()?)
}

/// The team `slug` and the role `user` holds in it, read fresh: `None` when the team does
/// not exist or the user is not (or no longer) a member of it.
pub fn membership(
    conn: &mut DbConnection,
    slug: &str,
    user: Uuid,
) -> StoreResult<Option<(Team, TeamRole)>> {
    let row: Option<(Team, String)> = teams::table
        .inner_join(team_members::table)
        .filter(teams::slug.eq(slug))
        .filter(team_members::user_id.eq(DbId(user)))
        .select((Team::as_select(), team_members::role))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(team, role)| match TeamRole::parse(&role) {
        Some(role) => Some((team, role)),
        None => {
            tracing::error!(team.id = %team.id, %role, "unreadable team role: no access");
            None
        }
    }))
}

/// The teams a user belongs to, by name, with their role in each.
pub fn teams_of(conn: &mut DbConnection, user: Uuid) -> StoreResult<Vec<(Team, TeamRole)>> {
    let rows: Vec<(Team, String)> = teams::table
        .inner_join(team_members::table)
        .filter(team_members::user_id.eq(DbId(user)))
        .order(teams::name.asc())
        .select((Team::as_select(), team_members::role))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(team, role)| TeamRole::parse(&role).map(|role| (team, role)))
        .collect())
}

/// The members of a team, by name.
pub fn members(conn: &mut DbConnection, team: Uuid) -> StoreResult<Vec<Member>> {
    Ok(team_members::table
        .inner_join(users::table)
        .filter(team_members::team_id.eq(DbId(team)))
        .order((users::full_name.asc(), users::id.asc()))
        .select((
            users::id,
            users::username,
            users::full_name,
            users::email,
            users::timezone,
            team_members::role,
            team_members::weight,
        ))
        .load(conn)?)
}

/// Adds a member; false when they already belong to the team (their role is kept).
pub fn add_member(
    conn: &mut DbConnection,
    team: Uuid,
    user: Uuid,
    role: TeamRole,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let existing: i64 = team_members::table
        .filter(team_members::team_id.eq(DbId(team)))
        .filter(team_members::user_id.eq(DbId(user)))
        .count()
        .get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    diesel::insert_into(team_members::table)
        .values(MemberRow {
            team_id: DbId(team),
            user_id: DbId(user),
            role: role.as_str(),
            created_at: DbTime(now),
            updated_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(true)
}

/// What became of a requested role change or removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipChange {
    Done,
    Refused(MembershipRefusal),
    /// The person is not a member (any more).
    NotMember,
}

/// Changes `member`'s role (`to = None` removes them) as `actor` (whose own role is read
/// again inside the transaction). Concurrent changes of one team queue behind each other,
/// so two owners demoting each other at once cannot leave the team without one.
pub fn change_member(
    conn: &mut DbConnection,
    team: Uuid,
    actor: Uuid,
    member: Uuid,
    to: Option<TeamRole>,
    now: DateTime<Utc>,
) -> StoreResult<MembershipChange> {
    write_transaction(conn, |conn| {
        // The team's id keys the same advisory lock writers of a schedule use: on
        // PostgreSQL it queues concurrent member changes of this team.
        lock_provider_schedule(conn, team)?;
        let roles: Vec<(Uuid, String)> = team_members::table
            .filter(team_members::team_id.eq(DbId(team)))
            .select((team_members::user_id, team_members::role))
            .load(conn)?;
        let role_of = |id: Uuid| {
            roles
                .iter()
                .find(|(user, _)| *user == id)
                .and_then(|(_, role)| TeamRole::parse(role))
        };
        let (Some(actor_role), Some(from)) = (role_of(actor), role_of(member)) else {
            return Ok(MembershipChange::NotMember);
        };
        let owners = roles
            .iter()
            .filter(|(_, role)| role == TeamRole::Owner.as_str())
            .count();
        if let Err(refusal) = decide_membership_change(actor_role, from, to, owners) {
            return Ok(MembershipChange::Refused(refusal));
        }
        let target = team_members::table
            .filter(team_members::team_id.eq(DbId(team)))
            .filter(team_members::user_id.eq(DbId(member)));
        match to {
            Some(role) => {
                diesel::update(target)
                    .set((
                        team_members::role.eq(role.as_str()),
                        team_members::updated_at.eq(DbTime(now)),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::delete(target).execute(conn)?;
            }
        }
        Ok(MembershipChange::Done)
    })
}

/// Deletes a team; its memberships and invitations go with it, its bookings stay with
/// their hosts (their `team_id` becomes NULL).
pub fn delete(conn: &mut DbConnection, team: Uuid) -> StoreResult<bool> {
    let deleted = diesel::delete(teams::table.filter(teams::id.eq(DbId(team)))).execute(conn)?;
    Ok(deleted == 1)
}
