//! Invitations to a team: a link mailed to an address, stored only as the SHA-256 of its
//! token, single-use and expiring. Accepting it makes the account with that address a
//! member, in the same transaction that uses the link up.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::outbox::{enqueue, OutgoingMessage};
use super::teams::{self, Team};
use crate::db::schema::team_invitations;
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreError, StoreResult};
use crate::domain::team::{Invite, TeamRole};
use crate::tokens::{hash_token, random_token};

/// How long an invitation link works.
pub const INVITATION_LIFETIME: TimeDelta = TimeDelta::days(7);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = team_invitations)]
pub struct Invitation {
    pub id: Uuid,
    pub team_id: Uuid,
    pub email: String,
    pub role: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Invitation {
    pub fn role(&self) -> Option<TeamRole> {
        TeamRole::parse(&self.role).filter(|role| *role != TeamRole::Owner)
    }

    /// Unused and not expired at `now`.
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.used_at.is_none() && now < self.expires_at
    }
}

#[derive(Insertable)]
#[diesel(table_name = team_invitations)]
struct InvitationRow<'a> {
    id: DbId,
    team_id: DbId,
    email: &'a str,
    role: &'a str,
    invited_by: DbId,
    token_hash: &'a str,
    expires_at: DbTime,
    created_at: DbTime,
}

/// Stores an invitation and returns the raw token (only the mail carries it).
pub fn issue(
    conn: &mut DbConnection,
    team: Uuid,
    invite: &Invite,
    invited_by: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<String> {
    let token = random_token();
    diesel::insert_into(team_invitations::table)
        .values(InvitationRow {
            id: DbId(Uuid::now_v7()),
            team_id: DbId(team),
            email: invite.email.as_str(),
            role: invite.role.as_str(),
            invited_by: DbId(invited_by),
            token_hash: &hash_token(&token),
            expires_at: DbTime(now + INVITATION_LIFETIME),
            created_at: DbTime(now),
        })
        .execute(conn)?;
    Ok(token)
}

/// Builds the invitation mail from the raw token (the caller knows the base URL and words).
pub type ComposeInvitation<'a> = dyn Fn(&str) -> anyhow::Result<OutgoingMessage> + 'a;

/// Issues an invitation and queues its mail in one transaction: no mail without a stored
/// invitation, no invitation without its mail.
pub fn invite(
    conn: &mut DbConnection,
    team: Uuid,
    invite: &Invite,
    invited_by: Uuid,
    now: DateTime<Utc>,
    compose: &ComposeInvitation<'_>,
) -> StoreResult<()> {
    write_transaction(conn, |conn| {
        let token = issue(conn, team, invite, invited_by, now)?;
        let mail = compose(&token).map_err(StoreError::Compose)?;
        enqueue(conn, &mail, now)?;
        Ok(())
    })
}

/// The invitation behind a raw token and its team, whatever its state.
pub fn find_by_token(
    conn: &mut DbConnection,
    token: &str,
) -> StoreResult<Option<(Invitation, Team)>> {
    let invitation: Option<Invitation> = team_invitations::table
        .filter(team_invitations::token_hash.eq(hash_token(token)))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?;
    let Some(invitation) = invitation else {
        return Ok(None);
    };
    Ok(teams::find(conn, invitation.team_id)?.map(|team| (invitation, team)))
}

/// Invitations of a team not used yet and not expired, newest first.
pub fn open_for_team(
    conn: &mut DbConnection,
    team: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Invitation>> {
    Ok(team_invitations::table
        .filter(team_invitations::team_id.eq(DbId(team)))
        .filter(team_invitations::used_at.is_null())
        .filter(team_invitations::expires_at.gt(DbTime(now)))
        .order(team_invitations::created_at.desc())
        .select(Invitation::as_select())
        .load(conn)?)
}

/// Uses the invitation up and makes `user` a member with its role; call it inside
/// `db::write_transaction`. False when the link was used meanwhile or has expired.
pub fn accept(
    conn: &mut DbConnection,
    invitation: &Invitation,
    user: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let Some(role) = invitation.role() else {
        return Ok(false);
    };
    let used = diesel::update(
        team_invitations::table
            .filter(team_invitations::id.eq(DbId(invitation.id)))
            .filter(team_invitations::used_at.is_null())
            .filter(team_invitations::expires_at.gt(DbTime(now))),
    )
    .set(team_invitations::used_at.eq(Some(DbTime(now))))
    .execute(conn)?;
    if used != 1 {
        return Ok(false);
    }
    teams::add_member(conn, invitation.team_id, user, role, now)?;
    Ok(true)
}
