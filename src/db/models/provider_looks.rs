//! A provider's look: embedding origins, accent colour, logo text (`provider_looks`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::models::services::Service;
use crate::db::schema::{provider_looks, services, teams};
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::look::{Branding, Look};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = provider_looks)]
struct Row {
    embed_origins: String,
    accent_color: Option<String>,
    logo_text: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = provider_looks)]
struct NewRow<'a> {
    provider_id: DbId,
    embed_origins: &'a str,
    accent_color: Option<&'a str>,
    logo_text: Option<&'a str>,
    updated_at: DbTime,
}

/// The provider's look; the default (no origins, no branding) when never saved.
pub fn find(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Look> {
    let row = provider_looks::table
        .filter(provider_looks::provider_id.eq(DbId(provider_id)))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map_or_else(Look::default, |row| Look {
        origins: row.embed_origins.lines().map(str::to_owned).collect(),
        accent: row.accent_color,
        logo_text: row.logo_text,
    }))
}

/// Replaces the provider's look (delete and insert in one transaction: the same SQL on
/// both backends).
pub fn save(
    conn: &mut DbConnection,
    provider_id: Uuid,
    look: &Look,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let origins = look.origins.join("\n");
    write_transaction(conn, |c| {
        diesel::delete(
            provider_looks::table.filter(provider_looks::provider_id.eq(DbId(provider_id))),
        )
        .execute(c)?;
        diesel::insert_into(provider_looks::table)
            .values(NewRow {
                provider_id: DbId(provider_id),
                embed_origins: &origins,
                accent_color: look.accent.as_deref(),
                logo_text: look.logo_text.as_deref(),
                updated_at: DbTime(now),
            })
            .execute(c)?;
        Ok(())
    })
}

/// The branding of the guest's mails about a booking of `service`: its team's for a team
/// service, else its provider's look.
pub fn branding(conn: &mut DbConnection, service: &Service) -> StoreResult<Branding> {
    let team_id: Option<Uuid> = services::table
        .filter(services::id.eq(DbId(service.id)))
        .select(services::team_id)
        .first(conn)?;
    let Some(team_id) = team_id else {
        return Ok(Branding::of_look(&find(conn, service.provider_id)?));
    };
    let (colour, logo_text) = teams::table
        .filter(teams::id.eq(DbId(team_id)))
        .select((teams::colour, teams::logo_text))
        .first::<(String, String)>(conn)?;
    Ok(Branding::of_team(&colour, &logo_text))
}
