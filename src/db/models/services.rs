//! Services: what guests book.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::services;
use crate::db::types::{DbId, DbTime, JsonText};
use crate::db::{DbConnection, StoreResult};
use crate::domain::booking::BookingStatus;
use crate::domain::service::{ConfirmationMode, Question, ServiceSpec};

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
    #[diesel(deserialize_as = String)]
    pub(crate) confirmation_mode: ConfirmationMode,
    pub hold_minutes: i32,
    pub cancellation_notice_minutes: i32,
    pub reminder_minutes_before: Option<i32>,
    #[diesel(deserialize_as = JsonText<Vec<Question>>)]
    pub(crate) custom_questions: Vec<Question>,
    pub is_active: bool,
    pub display_order: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Service {
    pub fn spec(&self) -> ServiceSpec {
        ServiceSpec {
            name: self.name.clone(),
            slug: self.slug.clone(),
            description: self.description.clone(),
            duration_minutes: self.duration_minutes,
            slot_interval_minutes: self.slot_interval_minutes,
            buffer_before_minutes: self.buffer_before_minutes,
            buffer_after_minutes: self.buffer_after_minutes,
            min_notice_minutes: self.min_notice_minutes,
            max_days_ahead: self.max_days_ahead,
            max_per_day: self.max_per_day,
            price_cents: self.price_cents,
            currency: self.currency.clone(),
            location: self.location.clone(),
            confirmation_mode: self.confirmation_mode,
            hold_minutes: self.hold_minutes,
            cancellation_notice_minutes: self.cancellation_notice_minutes,
            reminder_minutes_before: self.reminder_minutes_before,
            questions: self.questions(),
            is_active: self.is_active,
        }
    }

    /// How its bookings are confirmed (read straight from the row: an unknown stored
    /// mode fails the query instead of reading as some default).
    pub fn confirmation_mode(&self) -> ConfirmationMode {
        self.confirmation_mode
    }

    /// The questions guests answer (read from their JSON with the row).
    pub fn questions(&self) -> Vec<Question> {
        self.custom_questions.clone()
    }
}

/// The editable columns, as one tuple for both insert and update.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = services)]
#[diesel(treat_none_as_null = true, treat_none_as_default_value = false)]
struct SpecColumns<'a> {
    slug: &'a str,
    name: &'a str,
    description: &'a str,
    duration_minutes: i32,
    slot_interval_minutes: i32,
    buffer_before_minutes: i32,
    buffer_after_minutes: i32,
    min_notice_minutes: i32,
    max_days_ahead: i32,
    max_per_day: Option<i32>,
    price_cents: Option<i32>,
    currency: Option<&'a str>,
    location: &'a str,
    confirmation_mode: &'a str,
    hold_minutes: i32,
    cancellation_notice_minutes: i32,
    reminder_minutes_before: Option<i32>,
    custom_questions: String,
    is_active: bool,
}

impl<'a> SpecColumns<'a> {
    fn from_spec(spec: &'a ServiceSpec) -> Self {
        Self {
            slug: &spec.slug,
            name: &spec.name,
            description: &spec.description,
            duration_minutes: spec.duration_minutes,
            slot_interval_minutes: spec.slot_interval_minutes,
            buffer_before_minutes: spec.buffer_before_minutes,
            buffer_after_minutes: spec.buffer_after_minutes,
            min_notice_minutes: spec.min_notice_minutes,
            max_days_ahead: spec.max_days_ahead,
            max_per_day: spec.max_per_day,
            price_cents: spec.price_cents,
            currency: spec.currency.as_deref(),
            location: &spec.location,
            confirmation_mode: spec.confirmation_mode.as_str(),
            hold_minutes: spec.hold_minutes,
            cancellation_notice_minutes: spec.cancellation_notice_minutes,
            reminder_minutes_before: spec.reminder_minutes_before,
            custom_questions: Question::list_to_json(&spec.questions),
            is_active: spec.is_active,
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
    spec: &ServiceSpec,
    now: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let display_order: i32 = services::table
        .filter(services::provider_id.eq(DbId(provider_id)))
        .filter(services::team_id.is_null())
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
            SpecColumns::from_spec(spec),
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
        .filter(services::team_id.is_null())
        .select(Service::as_select())
        .first(conn)
        .optional()?)
}

/// The service a booking was made for, personal or team: the caller has already found
/// the booking for its provider (a team service's row may name another provider).
pub fn of_booking(
    conn: &mut DbConnection,
    booking: &super::bookings::Booking,
) -> StoreResult<Option<Service>> {
    Ok(services::table
        .filter(services::id.eq(DbId(booking.service_id)))
        .select(Service::as_select())
        .first(conn)
        .optional()?)
}

/// The provider's services in their display order.
pub fn list_for_provider(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Vec<Service>> {
    Ok(services::table
        .filter(services::provider_id.eq(DbId(provider_id)))
        .filter(services::team_id.is_null())
        .order((services::display_order.asc(), services::created_at.asc()))
        .select(Service::as_select())
        .load(conn)?)
}

/// Active services, for the public page.
pub fn list_active(conn: &mut DbConnection, provider_id: Uuid) -> StoreResult<Vec<Service>> {
    Ok(services::table
        .filter(services::provider_id.eq(DbId(provider_id)))
        .filter(services::team_id.is_null())
        .filter(services::is_active.eq(true))
        .order((services::display_order.asc(), services::created_at.asc()))
        .select(Service::as_select())
        .load(conn)?)
}

pub fn find_by_slug(
    conn: &mut DbConnection,
    provider_id: Uuid,
    slug: &str,
) -> StoreResult<Option<Service>> {
    Ok(services::table
        .filter(services::provider_id.eq(DbId(provider_id)))
        .filter(services::team_id.is_null())
        .filter(services::slug.eq(slug))
        .select(Service::as_select())
        .first(conn)
        .optional()?)
}

/// The provider with handle `username` and their personal service `slug`, in one query
/// (active or not: the caller decides), or `None` when either is missing.
pub fn find_with_provider(
    conn: &mut DbConnection,
    username: &str,
    slug: &str,
) -> StoreResult<Option<(crate::db::models::users::User, Service)>> {
    use crate::db::models::users::User;
    use crate::db::schema::users;
    Ok(services::table
        .inner_join(users::table)
        .filter(users::username.eq(username))
        .filter(services::team_id.is_null())
        .filter(services::slug.eq(slug))
        .select((User::as_select(), Service::as_select()))
        .first(conn)
        .optional()?)
}

/// Updates one of this provider's services; false when it is not theirs.
pub fn update(
    conn: &mut DbConnection,
    provider_id: Uuid,
    service_id: Uuid,
    spec: &ServiceSpec,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        services::table
            .filter(services::id.eq(DbId(service_id)))
            .filter(services::provider_id.eq(DbId(provider_id)))
            .filter(services::team_id.is_null()),
    )
    .set((
        SpecColumns::from_spec(spec),
        services::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

pub fn set_active(
    conn: &mut DbConnection,
    provider_id: Uuid,
    service_id: Uuid,
    active: bool,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        services::table
            .filter(services::id.eq(DbId(service_id)))
            .filter(services::provider_id.eq(DbId(provider_id)))
            .filter(services::team_id.is_null()),
    )
    .set((
        services::is_active.eq(active),
        services::updated_at.eq(DbTime(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Moves a service one place up (`-1`) or down (`+1`) in the provider's list by
/// renumbering the whole list (a provider has a handful of services).
pub fn move_service(
    conn: &mut DbConnection,
    provider_id: Uuid,
    service_id: Uuid,
    step: i32,
) -> StoreResult<bool> {
    let mut ids: Vec<Uuid> = list_for_provider(conn, provider_id)?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let Some(index) = ids.iter().position(|id| *id == service_id) else {
        return Ok(false);
    };
    let target = index as i64 + i64::from(step);
    if target < 0 || target >= ids.len() as i64 {
        return Ok(true);
    }
    ids.swap(index, target as usize);
    for (order, id) in ids.iter().enumerate() {
        diesel::update(services::table.filter(services::id.eq(DbId(*id))))
            .set(services::display_order.eq(order as i32))
            .execute(conn)?;
    }
    Ok(true)
}

/// Why a service could not be deleted.
#[derive(Debug, PartialEq, Eq)]
pub enum DeleteOutcome {
    Deleted,
    NotFound,
    /// Future bookings hold it: deactivate instead.
    HasFutureBookings(i64),
    /// Past bookings refer to it: deleting would erase history; deactivate instead.
    HasPastBookings(i64),
}

pub fn delete(
    conn: &mut DbConnection,
    provider_id: Uuid,
    service_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<DeleteOutcome> {
    use crate::db::schema::bookings;
    if find_for_provider(conn, provider_id, service_id)?.is_none() {
        return Ok(DeleteOutcome::NotFound);
    }
    let future: i64 = bookings::table
        .filter(bookings::service_id.eq(DbId(service_id)))
        .filter(bookings::status.eq_any(BookingStatus::holding_strs()))
        .filter(bookings::end_at.gt(DbTime(now)))
        .count()
        .get_result(conn)?;
    if future > 0 {
        return Ok(DeleteOutcome::HasFutureBookings(future));
    }
    let any: i64 = bookings::table
        .filter(bookings::service_id.eq(DbId(service_id)))
        .count()
        .get_result(conn)?;
    if any > 0 {
        return Ok(DeleteOutcome::HasPastBookings(any));
    }
    diesel::delete(services::table.filter(services::id.eq(DbId(service_id)))).execute(conn)?;
    Ok(DeleteOutcome::Deleted)
}
