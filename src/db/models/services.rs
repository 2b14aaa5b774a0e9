//! Services: what guests book.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::services;
use crate::db::types::{DbId, DbTime};
use crate::db::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = services)]
pub struct Service {
    pub id: Uuid,
    pub provider_id: Uuid,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub duration_minutes: i32,
    pub slot_interval_minutes: i32,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub max_days_ahead: i32,
    pub max_per_day: Option<i32>,
    pub price_cents: Option<i32>,
    pub currency: Option<String>,
    pub location: String,
    pub confirmation_mode: String,
    pub hold_minutes: i32,
    pub cancellation_notice_minutes: i32,
    pub reminder_minutes_before: Option<i32>,
    pub custom_questions: String,
    pub is_active: bool,
    pub display_order: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Every editable field of a service, already validated.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = services)]
#[diesel(treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct ServiceFields {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub duration_minutes: i32,
    pub slot_interval_minutes: i32,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub max_days_ahead: i32,
    pub max_per_day: Option<i32>,
    pub price_cents: Option<i32>,
    pub currency: Option<String>,
    pub location: String,
    pub confirmation_mode: String,
    pub hold_minutes: i32,
    pub cancellation_notice_minutes: i32,
    pub reminder_minutes_before: Option<i32>,
    pub custom_questions: String,
    pub is_active: bool,
}

impl ServiceFields {
    /// A plain service with sensible defaults; the forms start from these values.
    pub fn with_defaults(name: &str, slug: &str, duration_minutes: i32) -> Self {
        Self {
            slug: slug.to_owned(),
            name: name.to_owned(),
            description: String::new(),
            duration_minutes,
            slot_interval_minutes: duration_minutes,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 0,
            max_days_ahead: 60,
            max_per_day: None,
            price_cents: None,
            currency: None,
            location: String::new(),
            confirmation_mode: "email".to_owned(),
            hold_minutes: 30,
            cancellation_notice_minutes: 0,
            reminder_minutes_before: Some(1440),
            custom_questions: "[]".to_owned(),
            is_active: true,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = services)]
struct ServiceKeys {
    id: DbId,
    provider_id: DbId,
    display_order: i32,
    created_at: DbTime,
    updated_at: DbTime,
}

pub fn insert(
    conn: &mut DbConnection,
    provider_id: Uuid,
    fields: &ServiceFields,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let display_order: i32 = services::table
        .filter(services::provider_id.eq(DbId(provider_id)))
        .count()
        .get_result::<i64>(conn)?
        .try_into()
        .unwrap_or(i32::MAX);
    diesel::insert_into(services::table)
        .values((
            ServiceKeys {
                id: DbId(id),
                provider_id: DbId(provider_id),
                display_order,
                created_at: DbTime(now),
                updated_at: DbTime(now),
            },
            fields,
        ))
        .execute(conn)?;
    Ok(id)
}

/// A service of this provider; another provider's id is `None`, exactly like a missing one.
pub fn find_for_provider(
    conn: &mut DbConnection,
    provider_id: Uuid,
    service_id: Uuid,
) -> StoreResult<Option<Service>> {
    Ok(services::table
        .filter(services::id.eq(DbId(service_id)))
        .filter(services::provider_id.eq(DbId(provider_id)))
        .select(Service::as_select())
        .first(conn)
        .optional()?)
}
