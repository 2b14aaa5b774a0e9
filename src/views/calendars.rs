//! Template of the provider's Calendars page: the subscriptions whose busy times block
//! bookings, each with how its last refresh went.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};

/// One subscription as listed. Times are already in the provider's zone.
pub struct SourceRow {
    pub id: String,
    pub url: String,
    pub block_count: i32,
    pub skipped_events: i32,
    /// Empty until the first successful read.
    pub last_success: String,
    /// Empty while the source reads fine.
    pub last_error: String,
    pub last_error_at: String,
    pub next_refresh: String,
}

#[derive(Template)]
#[template(path = "pages/calendars/list.html")]
pub struct CalendarsPage {
    pub ctx: PageContext,
    pub timezone: String,
    pub sources: Vec<SourceRow>,
    pub refresh_minutes: i64,
    pub max_sources: i64,
    pub form: RawForm,
    pub errors: FieldErrors,
}
