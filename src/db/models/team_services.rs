//! Team services: a `services` row (every booking setting of a personal service, and what
//! bookings point at) owned by a team, with its public slug in the team, its assignment
//! mode and its hosts. The services row's own slug is internal (`team-…`) and its
//! `team_id` keeps it out of its creator's personal lists and pages.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::services::{self, Service};
use super::users::{self, User};
use crate::db::schema::{
    services as services_table, team_members, team_service_hosts, team_services, teams,
};
use crate::db::types::DbId;
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::availability::team::AssignmentMode;
use crate::domain::service::ServiceSpec;
use crate::domain::team::TeamRole;

/// A team service with its slug in the team and its assignment mode.
#[derive(Debug, Clone)]
pub struct TeamService {
    pub service: Service,
    pub team_id: Uuid,
    pub slug: String,
    pub mode: AssignmentMode,
}

/// A host of a team service: their account (zone, name, whether they take bookings)
/// and their round-robin weight in the team.
#[derive(Debug, Clone)]
pub struct Host {
    pub user: User,
    pub weight: u32,
}

/// What a booking list calls a booking's service: its name and, for a team service, the
/// team's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLabel {
    pub service_id: Uuid,
    pub name: String,
    pub team: Option<String>,
}

/// The labels of the services among `ids` (personal and team services alike).
pub fn labels(conn: &mut DbConnection, ids: &[Uuid]) -> StoreResult<Vec<ServiceLabel>> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    let rows: Vec<(Uuid, String, Option<Uuid>)> = services_table::table
        .filter(services_table::id.eq_any(ids.into_iter().map(DbId)))
        .select((
            services_table::id,
            services_table::name,
            services_table::team_id,
        ))
        .load(conn)?;
    let team_ids: Vec<DbId> = rows.iter().filter_map(|r| r.2).map(DbId).collect();
    let team_names: Vec<(Uuid, String)> = if team_ids.is_empty() {
        Vec::new()
    } else {
        teams::table
            .filter(teams::id.eq_any(team_ids))
            .select((teams::id, teams::name))
            .load(conn)?
    };
    Ok(rows
        .into_iter()
        .map(|(service_id, name, team)| ServiceLabel {
            service_id,
            name,
            team: team.and_then(|t| {
                team_names
                    .iter()
                    .find(|(id, _)| *id == t)
                    .map(|(_, n)| n.clone())
            }),
        })
        .collect())
}

/// Why a team service could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateRefusal {
    /// The slug is used by another service of the team.
    SlugTaken,
    /// No hosts, or a host who is not a member with a calendar.
    BadHosts,
}

/// Creates a team service hosted by `hosts` (members with a calendar, checked here).
pub fn create(
    conn: &mut DbConnection,
    team: Uuid,
    creator: Uuid,
    spec: &ServiceSpec,
    mode: AssignmentMode,
    hosts: &[Uuid],
    now: DateTime<Utc>,
) -> StoreResult<Result<Uuid, CreateRefusal>> {
    write_transaction(conn, |conn| {
        let roles = member_roles(conn, team)?;
        let all_host = !hosts.is_empty()
            && hosts
                .iter()
                .all(|host| roles.iter().any(|(id, role)| id == host && role.hosts()));
        if !all_host {
            return Ok(Err(CreateRefusal::BadHosts));
        }
        let taken: i64 = team_services::table
            .filter(team_services::team_id.eq(DbId(team)))
            .filter(team_services::slug.eq(&spec.slug))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Ok(Err(CreateRefusal::SlugTaken));
        }
        let internal = ServiceSpec {
            slug: format!("team-{}", Uuid::now_v7().simple()),
            ..spec.clone()
        };
        let id = services::insert(conn, creator, &internal, now)?;
        diesel::update(services_table::table.filter(services_table::id.eq(DbId(id))))
            .set(services_table::team_id.eq(Some(DbId(team))))
            .execute(conn)?;
        diesel::insert_into(team_services::table)
            .values((
                team_services::service_id.eq(DbId(id)),
                team_services::team_id.eq(DbId(team)),
                team_services::slug.eq(&spec.slug),
                team_services::assignment_mode.eq(mode.as_str()),
            ))
            .execute(conn)?;
        for host in hosts {
            diesel::insert_into(team_service_hosts::table)
                .values((
                    team_service_hosts::service_id.eq(DbId(id)),
                    team_service_hosts::host_id.eq(DbId(*host)),
                ))
                .execute(conn)?;
        }
        Ok(Ok(id))
    })
}

fn member_roles(conn: &mut DbConnection, team: Uuid) -> StoreResult<Vec<(Uuid, TeamRole)>> {
    let rows: Vec<(Uuid, String)> = team_members::table
        .filter(team_members::team_id.eq(DbId(team)))
        .select((team_members::user_id, team_members::role))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, role)| TeamRole::parse(&role).map(|role| (id, role)))
        .collect())
}

fn read(service: Service, row: (Uuid, String, String)) -> Option<TeamService> {
    let (team_id, slug, mode) = row;
    let Some(mode) = AssignmentMode::parse(&mode) else {
        tracing::error!(service.id = %service.id, %mode, "unreadable assignment mode: skipped");
        return None;
    };
    Some(TeamService {
        service,
        team_id,
        slug,
        mode,
    })
}

/// The team's services by name (active or not).
pub fn list(conn: &mut DbConnection, team: Uuid) -> StoreResult<Vec<TeamService>> {
    let rows: Vec<(Service, (Uuid, String, String))> = team_services::table
        .inner_join(services_table::table)
        .filter(team_services::team_id.eq(DbId(team)))
        .order(services_table::name.asc())
        .select((
            Service::as_select(),
            (
                team_services::team_id,
                team_services::slug,
                team_services::assignment_mode,
            ),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(service, row)| read(service, row))
        .collect())
}

/// A service of the team by its slug in the team.
pub fn find(conn: &mut DbConnection, team: Uuid, slug: &str) -> StoreResult<Option<TeamService>> {
    let row: Option<(Service, (Uuid, String, String))> = team_services::table
        .inner_join(services_table::table)
        .filter(team_services::team_id.eq(DbId(team)))
        .filter(team_services::slug.eq(slug))
        .select((
            Service::as_select(),
            (
                team_services::team_id,
                team_services::slug,
                team_services::assignment_mode,
            ),
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(service, row)| read(service, row)))
}

/// The public path of the team service behind a `services` row (`/{team}/{slug}`), or
/// `None` for a personal service: links in a team booking's mails lead there, never to
/// the internal service row.
pub fn public_path(conn: &mut DbConnection, service_id: Uuid) -> StoreResult<Option<String>> {
    use crate::db::schema::teams;
    let row: Option<(String, String)> = team_services::table
        .inner_join(teams::table.on(teams::id.eq(team_services::team_id)))
        .filter(team_services::service_id.eq(DbId(service_id)))
        .select((teams::slug, team_services::slug))
        .first(conn)
        .optional()?;
    Ok(row.map(|(team, slug)| format!("/{team}/{slug}")))
}

/// The hosts of a team service who are still members with a calendar, by id (the order
/// locks are taken in). Someone removed from the team or made staff hosts nothing more.
pub fn hosts(conn: &mut DbConnection, service: &TeamService) -> StoreResult<Vec<Host>> {
    let ids: Vec<Uuid> = team_service_hosts::table
        .filter(team_service_hosts::service_id.eq(DbId(service.service.id)))
        .order(team_service_hosts::host_id.asc())
        .select(team_service_hosts::host_id)
        .load(conn)?;
    let members: Vec<(Uuid, String, i32)> = team_members::table
        .filter(team_members::team_id.eq(DbId(service.team_id)))
        .select((
            team_members::user_id,
            team_members::role,
            team_members::weight,
        ))
        .load(conn)?;
    let mut hosts = Vec::new();
    for id in ids {
        let Some((_, _, weight)) = members.iter().find(|(user, role, _)| {
            *user == id && TeamRole::parse(role).is_some_and(TeamRole::hosts)
        }) else {
            continue;
        };
        if let Some(user) = users::find(conn, id)?.filter(|u| u.is_active) {
            hosts.push(Host {
                user,
                weight: u32::try_from(*weight).unwrap_or(1).max(1),
            });
        }
    }
    Ok(hosts)
}
