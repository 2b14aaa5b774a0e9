//! Where a moved booking came from and went to. A reschedule writes a new booking that
//! points back at the old one (`rescheduled_from_id`) and cancels the old one; these
//! queries let pages show the pair as one move.

use diesel::prelude::*;
use uuid::Uuid;

use super::bookings::Booking;
use crate::db::schema::bookings;
use crate::db::types::DbId;
use crate::db::{DbConnection, StoreResult};

/// The bookings the provider hosts among `ids` (the earlier times of moved bookings);
/// another provider's ids find nothing.
pub fn earlier(
    conn: &mut DbConnection,
    provider_id: Uuid,
    ids: &[Uuid],
) -> StoreResult<Vec<Booking>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(bookings::table
        .filter(super::bookings::hosted_by(provider_id))
        .filter(bookings::id.eq_any(ids.iter().copied().map(DbId)))
        .select(Booking::as_select())
        .load(conn)?)
}

/// The booking that `id` was moved to, if it was moved and the provider hosts it.
pub fn later(conn: &mut DbConnection, provider_id: Uuid, id: Uuid) -> StoreResult<Option<Booking>> {
    Ok(bookings::table
        .filter(super::bookings::hosted_by(provider_id))
        .filter(bookings::rescheduled_from_id.eq(Some(DbId(id))))
        .select(Booking::as_select())
        .first(conn)
        .optional()?)
}
