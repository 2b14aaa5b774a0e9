//! Writes bookings back into the provider's chosen CalDAV calendar: claims due rows of
//! the write-back queue (`db::models::calendar_writes`), decides from the booking as it is
//! now what the calendar should hold — the event (PUT, created or replaced at the same
//! href, so a reschedule updates it), nothing (DELETE after a cancellation), or no change
//! (a pending booking, the old half of a move) — and settles the row: `written`, back to
//! `queued` with backoff, or `failed` after [`MAX_ATTEMPTS`], with the error kept for the
//! booking page and the admin page.
//!
//! The event has the feed's UID (`<lineage root>@<host>`), so reading the same calendar
//! for busy times ignores it; the guest is its attendee and the description carries the
//! answers and the provider's link to the booking.

use std::time::Duration;

use askama::Template;
use chrono::{DateTime, TimeDelta, Utc};
use futures_util::future::join_all;

use crate::caldav::{self, CaldavError};
use crate::db::models::calendar_accounts::{self, Account};
use crate::db::models::calendar_writes::{self, action_for, Settlement, Write, WriteAction};
use crate::db::models::{bookings, services, users};
use crate::db::queue::{run_passes, truncate_error, Backoff, PassSummary};
use crate::db::{DbConnection, StoreError, StoreResult};
use crate::email::ics::{provider_event, Entry};
use crate::error::AppResult;
use crate::outbound::{Outbound, OutboundError};
use crate::state::AppState;

/// After this many attempts a write is given up (`failed`); with [`BACKOFF`] the last
/// comes about six hours after the first.
pub const MAX_ATTEMPTS: i32 = 12;
/// 1 min, 2 min, 4 min, … never more than an hour.
pub const BACKOFF: Backoff = Backoff {
    first: TimeDelta::minutes(1),
    longest: TimeDelta::hours(1),
};
/// A row in `sending` for longer than this was abandoned by a worker that died.
pub const STALE_CLAIM: TimeDelta = TimeDelta::minutes(5);
const BATCH: i64 = 4;
const MAX_PER_PASS: usize = 200;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub written: usize,
    pub retried: usize,
    pub failed: usize,
}

impl PassSummary for Pass {
    fn total(&self) -> usize {
        self.written + self.retried + self.failed
    }
}

/// The description of a written booking.
#[derive(Template)]
#[template(path = "calendar/written_description.txt", escape = "none")]
struct Written<'a> {
    m: &'a WrittenWording,
}

struct WrittenWording {
    guest: String,
    guest_email: String,
    phone: String,
    answers: Vec<(String, String)>,
    notes: String,
    link: String,
}

/// What an attempt sends, read from the database as the booking is now.
struct Prepared {
    account: Account,
    action: WriteAction,
    /// The calendar object, for a PUT.
    ics: Option<String>,
}

fn compose(e: askama::Error) -> StoreError {
    StoreError::Compose(e.into())
}

fn prepare(c: &mut DbConnection, row: &Write, host: &str, base: &str) -> StoreResult<Prepared> {
    let account = calendar_accounts::get(c, row.account_id)?.ok_or(StoreError::NotFound)?;
    let booking = bookings::find(c, row.booking_id)?.ok_or(StoreError::NotFound)?;
    let moved = calendar_writes::was_moved(c, booking.id)?;
    let action = action_for(&booking, moved);
    if action != WriteAction::Put {
        return Ok(Prepared {
            account,
            action,
            ics: None,
        });
    }
    let service = services::of_booking(c, &booking)?.ok_or(StoreError::NotFound)?;
    let provider = users::find(c, booking.provider_id)?.ok_or(StoreError::NotFound)?;
    let lineage = bookings::lineage(c, &booking)?;
    let wording = WrittenWording {
        guest: booking.guest_name.clone(),
        guest_email: booking.guest_email.clone(),
        phone: booking.guest_phone.clone().unwrap_or_default(),
        answers: booking
            .answers
            .iter()
            .map(|a| (a.question.clone(), a.answer.clone()))
            .collect(),
        notes: booking.guest_notes.clone().unwrap_or_default(),
        link: format!("{base}/dashboard/bookings/{}", booking.id),
    };
    let description =
        crate::i18n::with_locale(provider.language, || Written { m: &wording }.render())
            .map_err(compose)?;
    let entry = Entry {
        booking: &booking,
        service: &service,
        lineage,
    };
    let ics = provider_event(host, &provider, &entry, description).map_err(compose)?;
    Ok(Prepared {
        account,
        action,
        ics: Some(ics),
    })
}

/// The error as the booking page shows it; a refused address names the calendar switch.
fn describe(error: CaldavError) -> String {
    match error {
        CaldavError::Outbound(OutboundError::PrivateAddress(host)) => format!(
            "refused: {host} is not a public address (set CALENDAR_ALLOW_PRIVATE_NETWORKS to allow it)"
        ),
        error => error.to_string(),
    }
}

/// Makes one attempt; `Err` carries the error to keep.
async fn attempt(state: &AppState, client: &Outbound, row: Write) -> Result<WriteAction, String> {
    let (host, base) = (
        state.settings.host().to_owned(),
        state.settings.base_url.clone(),
    );
    let read = row.clone();
    let prepared = state
        .db(move |c| prepare(c, &read, &host, &base))
        .await
        .map_err(|e| e.to_string())?;
    let Prepared {
        account,
        action,
        ics,
    } = prepared;
    if action == WriteAction::None {
        return Ok(action);
    }
    let password = state
        .sealer
        .open(&account.password_sealed, &account.id.to_string())
        .map_err(|e| e.to_string())?;
    let auth = caldav::Account {
        user: &account.username,
        password: &password,
    };
    let url = url::Url::parse(&row.object_url()).map_err(|_| OutboundError::BadUrl.to_string())?;
    let result = match ics {
        Some(ics) => caldav::put_object(client, &url, &auth, ics).await,
        None => caldav::delete_object(client, &url, &auth).await,
    };
    result.map(|()| action).map_err(describe)
}

fn settlement(
    row: &Write,
    result: Result<WriteAction, String>,
    now: DateTime<Utc>,
    pass: &mut Pass,
) -> Settlement {
    let (id, attempts) = (row.id, row.attempts);
    match result {
        Ok(action) => {
            pass.written += 1;
            tracing::info!(%id, action = action.as_str(), "calendar write done");
            Settlement::Written { action, at: now }
        }
        Err(error) if attempts >= MAX_ATTEMPTS => {
            pass.failed += 1;
            let error = truncate_error(error);
            tracing::warn!(%id, attempts, %error, "calendar write given up");
            Settlement::Failed(error)
        }
        Err(error) => {
            pass.retried += 1;
            let error = truncate_error(error);
            let next_attempt_at = now + BACKOFF.delay(attempts);
            tracing::info!(%id, attempts, %error, retry_at = %next_attempt_at, "calendar write failed; will retry");
            Settlement::Retry {
                error,
                next_attempt_at,
            }
        }
    }
}

/// Writes every due row (up to a bound), [`BATCH`] at a time. Safe to run concurrently
/// with itself and with other instances: each row is claimed by one pass.
pub async fn write_due(state: &AppState, client: &Outbound) -> AppResult<Pass> {
    let mut pass = Pass::default();
    while pass.total() < MAX_PER_PASS {
        let now = state.now();
        let rows = state
            .db(move |c| calendar_writes::claim_due(c, now, now - STALE_CLAIM, BATCH))
            .await?;
        if rows.is_empty() {
            break;
        }
        let results = join_all(rows.iter().cloned().map(|row| attempt(state, client, row))).await;
        let now = state.now();
        for (row, result) in rows.iter().zip(results) {
            let settled = settlement(row, result, now, &mut pass);
            let (id, claimed_at) = (row.id, row.claimed_at.unwrap_or(now));
            let held = state
                .db(move |c| calendar_writes::settle(c, id, claimed_at, &settled))
                .await?;
            if !held {
                tracing::warn!(%id, "calendar write claim was taken over before it settled");
            }
        }
    }
    Ok(pass)
}

/// Writes due rows every `every` until the process ends.
pub async fn run_forever(state: AppState, every: Duration) {
    let client = match crate::calendars::client(&state) {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "calendar write-back cannot start");
            return;
        }
    };
    run_passes(
        "calendar write-back",
        every,
        std::future::pending::<()>,
        None,
        || write_due(&state, &client),
        |_, _| {},
    )
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_last_hours_not_minutes() {
        let waited = BACKOFF.total_before(MAX_ATTEMPTS);
        assert!(
            waited > TimeDelta::hours(4) && waited < TimeDelta::hours(10),
            "{waited}"
        );
    }
}
