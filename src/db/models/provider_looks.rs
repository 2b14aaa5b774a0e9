//! A provider's look: embedding origins, accent colour, logo text (`provider_looks`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::provider_looks;
use crate::db::types::{DbId, DbTime};
use crate::db::{write_transaction, DbConnection, StoreResult};
use crate::domain::look::Look;

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
