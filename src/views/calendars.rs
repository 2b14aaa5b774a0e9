//! Templates of the provider's Calendars pages: the ICS subscriptions and CalDAV accounts
//! whose busy times block bookings, each with how its last refresh went, and the page
//! where the calendars of an account are chosen.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};

/// One source as listed. Times are already in the provider's zone.
pub struct SourceRow {
    pub id: String,
    /// The ICS address, or the CalDAV calendar's name.
    pub url: String,
    pub block_count: i32,
    pub skipped_events: i32,
    /// Empty until the first successful read.
    pub last_success: String,
    /// Empty while the source reads fine.
    pub last_error: String,
    pub last_error_at: String,
    pub next_refresh: String,
    /// Due or being read: the worker has not got to it yet.
    pub refreshing: bool,
}

/// One CalDAV account as listed.
pub struct AccountRow {
    pub id: String,
    pub server_url: String,
    pub username: String,
    pub sources: Vec<SourceRow>,
    /// The calendar bookings are written into; empty when none.
    pub write_calendar: String,
}

#[derive(Template)]
#[template(path = "pages/calendars/list.html")]
pub struct CalendarsPage {
    pub ctx: PageContext,
    pub timezone: String,
    pub sources: Vec<SourceRow>,
    pub accounts: Vec<AccountRow>,
    pub refresh_minutes: i64,
    pub max_sources: i64,
    /// The ICS form.
    pub form: RawForm,
    pub errors: FieldErrors,
    /// The CalDAV account form (never refilled with the password).
    pub account_form: RawForm,
    pub account_errors: FieldErrors,
}

/// One calendar of an account on the choice page.
pub struct ChoiceRow {
    /// Position in the list, for the inputs' ids.
    pub index: usize,
    pub url: String,
    pub name: String,
    pub busy: bool,
    pub write: bool,
}

#[derive(Template)]
#[template(path = "pages/calendars/account.html")]
pub struct AccountPage {
    pub ctx: PageContext,
    pub id: String,
    pub server_url: String,
    pub username: String,
    pub calendars: Vec<ChoiceRow>,
    /// No calendar is chosen for write-back ("No calendar" is checked).
    pub writes_nowhere: bool,
    pub error: String,
}

/// The state of a booking's write-back into the provider's calendar (booking page, admin
/// page). Times are already formatted with their zone.
pub struct WriteLine {
    /// `queued`, `sending`, `written` or `failed`.
    pub status: &'static str,
    /// What the last successful write did: `put`, `delete` or `none`; `None` before one.
    pub action: Option<&'static str>,
    pub at: String,
    /// The last attempt's error, while it stands.
    pub error: Option<String>,
    pub attempts: i32,
    pub object_url: String,
}

/// One write-back row on the admin page.
pub struct AdminWriteRow {
    pub booking_id: String,
    pub line: WriteLine,
}

#[derive(Template)]
#[template(path = "pages/admin/calendar_writes.html")]
pub struct AdminWritesPage {
    pub ctx: PageContext,
    pub counts: Vec<super::admin::StatusCount>,
    pub limit: i64,
    pub rows: Vec<AdminWriteRow>,
}
