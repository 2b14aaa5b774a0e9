//! Refreshes calendar subscriptions: claims due sources (`db::models::calendars`), fetches
//! each through the one outbound client with the validators of its last answer (a 304
//! keeps the blocks as they are), expands the document over the provider's longest
//! booking window (`domain::ical`, off the async threads) and replaces the source's busy
//! blocks in one transaction. A failure of any kind (refused address, timeout, too large,
//! HTTP error, unreadable document) is recorded on the source and its last good blocks
//! stay; once a source has failed for [`TELL_AFTER`] its owner is mailed, once per run
//! of failures.
//!
//! Events that are Slotbook's own bookings (written back, or its own feed subscribed by
//! mistake) are recognised by their UID (`<id>@<host of BASE_URL>`) and never stored, so
//! a booking is never blocked by itself.

use std::time::Duration;

use askama::Template;
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use futures_util::future::join_all;

use crate::caldav::{self, CaldavError};
use crate::db::models::calendar_accounts::Account;
use crate::db::models::calendars::{self, Claimed, Source, Validators};
use crate::db::models::outbox::enqueue;
use crate::db::models::users;
use crate::db::queue::{run_passes, truncate_error, PassSummary};
use crate::db::{write_transaction, StoreError};
use crate::domain::ical::{busy_blocks, BusyBlock};
use crate::domain::time::TimeRange;
use crate::email::{render_in, EmailTemplate};
use crate::error::AppResult;
use crate::outbound::{Outbound, OutboundError};
use crate::state::AppState;

/// The owner is mailed when a source has failed for this long.
pub const TELL_AFTER: TimeDelta = TimeDelta::hours(24);
/// What one fetch may take and read.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const TIMEOUT: Duration = Duration::from_secs(20);
pub const MAX_DOCUMENT: usize = 5 * 1024 * 1024;
/// Sources fetched at once, and at most per pass.
const BATCH: i64 = 4;
const MAX_PER_PASS: usize = 200;
/// The window busy times are expanded over: the longest booking window, at least a
/// week, at most a year and a bit.
const MIN_WINDOW_DAYS: i64 = 7;
const MAX_WINDOW_DAYS: i64 = 400;

/// The client fetches go through, as the settings allow.
pub fn client(state: &AppState) -> Result<Outbound, OutboundError> {
    Outbound::new(
        state.settings.calendars.allow_private_networks,
        CONNECT_TIMEOUT,
        TIMEOUT,
        MAX_DOCUMENT,
    )
}

/// `webcal://` and `webcals://` are https; anything else but http(s) is refused.
pub fn fetch_url(text: &str) -> Option<url::Url> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let rewritten = if let Some(rest) = lower
        .starts_with("webcals://")
        .then(|| &text["webcals://".len()..])
        .or_else(|| {
            lower
                .starts_with("webcal://")
                .then(|| &text["webcal://".len()..])
        }) {
        format!("https://{rest}")
    } else {
        text.to_owned()
    };
    let url = url::Url::parse(&rewritten).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host().is_some()).then_some(url)
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub refreshed: usize,
    pub unchanged: usize,
    pub failed: usize,
}

impl Pass {
    fn total(&self) -> usize {
        self.refreshed + self.unchanged + self.failed
    }

    fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Refreshed => self.refreshed += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Failed => self.failed += 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Refreshed,
    Unchanged,
    Failed,
}

/// Refreshes every due source (up to a bound), [`BATCH`] at a time. Safe to run
/// concurrently with itself and with other instances.
pub async fn refresh_due(state: &AppState, client: &Outbound) -> AppResult<Pass> {
    let mut pass = Pass::default();
    let every = state.settings.calendars.refresh_every;
    while pass.total() < MAX_PER_PASS {
        let now = state.now();
        let claimed = state
            .db(move |c| calendars::claim_due(c, now, every, BATCH))
            .await?;
        if claimed.is_empty() {
            break;
        }
        for outcome in join_all(claimed.into_iter().map(|c| refresh(state, client, c))).await {
            pass.add(outcome?);
        }
    }
    Ok(pass)
}

/// Makes one of the provider's sources due now and wakes the worker; false when it is not
/// theirs. The request never fetches: the page says "refreshing…" until the worker has.
pub async fn refresh_soon(
    state: &AppState,
    provider_id: uuid::Uuid,
    id: uuid::Uuid,
) -> AppResult<bool> {
    let now = state.now();
    let marked = state
        .db(move |c| calendars::mark_due(c, provider_id, id, now))
        .await?;
    if marked {
        state.calendar_wake.notify_one();
    }
    Ok(marked)
}

/// What a fetch brought.
enum Fetched {
    /// The calendar did not change since the last read (304, or the same change tag).
    Unchanged,
    Document {
        text: String,
        validators: Validators,
    },
}

/// A CalDAV calendar whose change tag has not moved is read in full anyway after this
/// long, so recurring events entering the window as time passes are seen.
const FULL_READ_EVERY: TimeDelta = TimeDelta::days(1);

/// Fetches, expands and stores one claimed source.
async fn refresh(state: &AppState, client: &Outbound, claimed: Claimed) -> AppResult<Outcome> {
    let Ok(tz) = claimed.timezone.parse::<Tz>() else {
        let error = format!("unknown timezone {:?}", claimed.timezone);
        return failed(state, claimed, error).await;
    };
    let now = state.now();
    let days = claimed.window_days.clamp(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS);
    let window = TimeRange::new(now, now + TimeDelta::days(days + 1));
    let fetched = match &claimed.account {
        Some(account) => fetch_caldav(state, client, &claimed, account, window).await,
        None => fetch_ics(client, &claimed.source).await,
    };
    let (text, validators) = match fetched {
        Err(error) => return failed(state, claimed, error).await,
        Ok(Fetched::Unchanged) => {
            state
                .db(move |c| calendars::store_unchanged(c, &claimed, now))
                .await?;
            return Ok(Outcome::Unchanged);
        }
        Ok(Fetched::Document { text, validators }) => (text, validators),
    };
    // Bounded CPU work (see `domain::ical`), kept off the async threads.
    let expanded = crate::telemetry::spawn_blocking(move || busy_blocks(&text, tz, window)).await?;
    let expanded = match expanded {
        Ok(expanded) => expanded,
        Err(error) => return failed(state, claimed, error.to_string()).await,
    };
    let host = state.settings.host().to_owned();
    let blocks: Vec<BusyBlock> = expanded
        .blocks
        .into_iter()
        .filter(|block| !is_slotbook_uid(&block.uid, &host))
        .collect();
    let skipped = expanded.skipped;
    let (source_id, count) = (claimed.source.id, blocks.len());
    let stored = state
        .db(move |c| calendars::store_blocks(c, &claimed, &blocks, skipped, &validators, now))
        .await?;
    tracing::info!(source = %source_id, blocks = count, skipped, stored, "calendar refreshed");
    Ok(Outcome::Refreshed)
}

/// What the owner reads for a failed request. The client's own message for a refused
/// address names the webhooks' switch; calendars have their own.
fn describe(error: OutboundError) -> String {
    match error {
        OutboundError::PrivateAddress(host) => format!(
            "refused: {host} is not a public address (set CALENDAR_ALLOW_PRIVATE_NETWORKS to allow it)"
        ),
        error => error.to_string(),
    }
}

fn describe_caldav(error: CaldavError) -> String {
    match error {
        CaldavError::Outbound(error) => describe(error),
        error => error.to_string(),
    }
}

/// An ICS subscription: a conditional GET with the validators of the last answer.
async fn fetch_ics(client: &Outbound, source: &Source) -> Result<Fetched, String> {
    let mut headers = vec![("accept", "text/calendar, */*;q=0.5".to_owned())];
    if let Some(etag) = &source.etag {
        headers.push(("if-none-match", etag.clone()));
    }
    if let Some(modified) = &source.last_modified {
        headers.push(("if-modified-since", modified.clone()));
    }
    let url = fetch_url(&source.url).ok_or_else(|| describe(OutboundError::BadUrl))?;
    let response = client
        .send("GET", url.as_str(), &headers, None)
        .await
        .map_err(describe)?;
    if response.status == 304 {
        return Ok(Fetched::Unchanged);
    }
    if !(200..300).contains(&response.status) {
        return Err(format!("HTTP {}", response.status));
    }
    Ok(Fetched::Document {
        validators: Validators {
            etag: response.header("etag").map(str::to_owned),
            last_modified: response.header("last-modified").map(str::to_owned),
        },
        text: String::from_utf8_lossy(&response.body).into_owned(),
    })
}

/// A CalDAV calendar: its change tag, then (when it moved) the events over `window`.
async fn fetch_caldav(
    state: &AppState,
    client: &Outbound,
    claimed: &Claimed,
    account: &Account,
    window: TimeRange,
) -> Result<Fetched, String> {
    let source = &claimed.source;
    let password = state
        .sealer
        .open(&account.password_sealed, &account.id.to_string())
        .map_err(|e| e.to_string())?;
    let auth = caldav::Account {
        user: &account.username,
        password: &password,
    };
    let url = url::Url::parse(&source.url).map_err(|_| describe(OutboundError::BadUrl))?;
    let tag = caldav::change_tag(client, &url, &auth)
        .await
        .map_err(describe_caldav)?;
    // For a CalDAV calendar `last_modified` holds when its events were last read in full.
    let fresh = source
        .last_modified
        .as_deref()
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .is_some_and(|at| claimed.claimed_at - at.with_timezone(&Utc) < FULL_READ_EVERY);
    if tag.is_some() && tag == source.etag && fresh {
        return Ok(Fetched::Unchanged);
    }
    let text = caldav::events_between(client, &url, &auth, window.start, window.end)
        .await
        .map_err(describe_caldav)?;
    Ok(Fetched::Document {
        text,
        validators: Validators {
            etag: tag,
            last_modified: Some(claimed.claimed_at.to_rfc3339()),
        },
    })
}

/// Whether `uid` is one Slotbook gives its bookings (`<uuid>@<host>`).
fn is_slotbook_uid(uid: &str, host: &str) -> bool {
    uid.rsplit_once('@')
        .is_some_and(|(id, at)| at.eq_ignore_ascii_case(host) && uuid::Uuid::parse_str(id).is_ok())
}

/// Records a failure; the owner hears of it once it has lasted [`TELL_AFTER`].
async fn failed(state: &AppState, claimed: Claimed, error: String) -> AppResult<Outcome> {
    let now = state.now();
    let error = truncate_error(error);
    tracing::info!(source = %claimed.source.id, %error, "calendar refresh failed");
    let source = state
        .db(move |c| calendars::store_failure(c, &claimed, &error, now))
        .await?;
    if let Some(source) = source.filter(|s| should_tell(s, now)) {
        tell_owner(state, source).await?;
    }
    Ok(Outcome::Failed)
}

fn should_tell(source: &Source, now: DateTime<Utc>) -> bool {
    source.failure_mailed_at.is_none()
        && source
            .failing_since
            .is_some_and(|since| now - since >= TELL_AFTER)
}

/// "One of your calendars cannot be read".
pub struct SourceFailing {
    pub name: String,
    pub url: String,
    pub error: String,
    pub link: String,
}

#[derive(Template)]
#[template(path = "email/calendar_failing/subject.txt")]
struct FailingSubject;

#[derive(Template)]
#[template(path = "email/calendar_failing/text.txt")]
struct FailingText<'a> {
    m: &'a SourceFailing,
}

#[derive(Template)]
#[template(path = "email/calendar_failing/html.html")]
struct FailingHtml<'a> {
    subject: &'a str,
    m: &'a SourceFailing,
}

impl EmailTemplate for SourceFailing {
    const KIND: &'static str = "calendar_failing";

    fn subject(&self) -> askama::Result<String> {
        FailingSubject.render()
    }

    fn text(&self) -> askama::Result<String> {
        FailingText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        FailingHtml { subject, m: self }.render()
    }
}

/// Mails the owner of a source that has failed for a day, once (the mark and the mail
/// are one transaction).
async fn tell_owner(state: &AppState, source: Source) -> AppResult<()> {
    let (now, base) = (state.now(), state.settings.base_url.clone());
    state
        .db(move |c| {
            let Some(owner) = users::find(c, source.provider_id)? else {
                return Ok(());
            };
            let message = SourceFailing {
                name: owner.full_name.clone(),
                url: source.url.clone(),
                error: source.last_error.clone().unwrap_or_default(),
                link: format!("{base}/dashboard/calendars"),
            };
            let mail = render_in(owner.language, &owner.email, &message)
                .map_err(|e| StoreError::Compose(e.into()))?;
            write_transaction(c, |t| {
                if calendars::mark_failure_mailed(t, source.id, now)? {
                    enqueue(t, &mail, now)?;
                }
                Ok(())
            })
        })
        .await?;
    state.mailer.wake();
    Ok(())
}

/// Refreshes due sources every `every`, and at once when a source is marked due
/// ([`refresh_soon`]), until the process ends; a database outage is said once.
pub async fn run_forever(state: AppState, every: Duration) {
    let client = match client(&state) {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "calendar refresh cannot start");
            return;
        }
    };
    let wake = state.calendar_wake.clone();
    run_passes(
        "calendar refresh",
        every,
        || wake.notified(),
        None,
        || refresh_due(&state, &client),
        |_, _| {},
    )
    .await;
}

impl PassSummary for Pass {
    fn total(&self) -> usize {
        Pass::total(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webcal_means_https_and_other_schemes_are_refused() {
        assert_eq!(
            fetch_url("webcal://example.com/a.ics").unwrap().as_str(),
            "https://example.com/a.ics"
        );
        assert_eq!(
            fetch_url("WEBCALS://example.com/a.ics").unwrap().as_str(),
            "https://example.com/a.ics"
        );
        assert!(fetch_url("http://example.com/a.ics").is_some());
        assert!(fetch_url("ftp://example.com/a.ics").is_none());
        assert!(fetch_url("file:///etc/passwd").is_none());
        assert!(fetch_url("not a url").is_none());
    }

    #[test]
    fn only_slotbook_booking_uids_are_ours() {
        let id = uuid::Uuid::now_v7();
        assert!(is_slotbook_uid(
            &format!("{id}@book.example"),
            "book.example"
        ));
        assert!(!is_slotbook_uid(
            &format!("{id}@other.example"),
            "book.example"
        ));
        assert!(!is_slotbook_uid("standup@book.example", "book.example"));
    }
}
