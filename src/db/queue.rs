//! What every durable queue shares (the mail outbox, webhook deliveries and calendar
//! write-back): when a failed attempt is tried again and how much of an error is kept,
//! which rows are due ([`due_filter!`]), how due rows are loaded for a claim
//! ([`load_due_for_claim!`], [`load_for_claim!`]), which claim may settle a row ([`claimed_row!`]), and the worker
//! loop that runs passes on a tick and reports an unreachable database once
//! ([`run_passes`], [`Outage`]). Each queue keeps its own table and claims its rows the
//! same way (`FOR UPDATE SKIP LOCKED` on PostgreSQL, `BEGIN IMMEDIATE` on SQLite,
//! settling guarded by the claim's instant); see `models::outbox`,
//! `models::webhook_queue` and `models::calendar_writes`.

use std::future::Future;
use std::time::Duration;

use chrono::TimeDelta;
use tokio::sync::watch;

/// Exponential backoff: `first` after the first failure, doubling, never more than
/// `longest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: TimeDelta,
    pub longest: TimeDelta,
}

impl Backoff {
    /// How long to wait after the `attempts`-th failed attempt.
    pub fn delay(&self, attempts: i32) -> TimeDelta {
        let doublings = attempts.saturating_sub(1).clamp(0, 20) as u32;
        let delay = self
            .first
            .checked_mul(2i32.saturating_pow(doublings))
            .unwrap_or(self.longest);
        delay.min(self.longest)
    }

    /// How long after the first attempt the `attempts`-th one comes.
    pub fn total_before(&self, attempts: i32) -> TimeDelta {
        (1..attempts).map(|n| self.delay(n)).sum()
    }
}

/// Loads the due rows of a queue for claiming, inside a `write_transaction`: on
/// PostgreSQL rows another transaction has locked are being claimed right now, so they are
/// skipped rather than waited for (and never seen twice); on SQLite `BEGIN IMMEDIATE`
/// already holds the only write lock. The one per-backend step every queue shares.
macro_rules! load_for_claim {
    ($conn:expr, $query:expr) => {
        match $conn {
            $crate::db::DbConnection::Pg(pg) => $query.for_update().skip_locked().load(pg),
            $crate::db::DbConnection::Sqlite(_) => $query.load($conn),
        }
    };
}
pub(crate) use load_for_claim;

/// Loads up to `$limit` rows of a queue table that are ready for an attempt, for a claim
/// inside a `write_transaction` ([`load_for_claim!`]): rows stuck in `sending` since before
/// `$stale_before` first, then rows `queued` and due at `$now`. Each kind is one read in
/// `$order`, which the queue's index serves, stopped at the limit: one read of both kinds
/// ([`due_filter!`] ORDER BY … LIMIT) had to gather and sort every due row before its limit,
/// so each claim read all that remained of a backlog. Evaluates to
/// `QueryResult<Vec<$row>>`.
macro_rules! load_due_for_claim {
    ($conn:expr, $table:ident, $order:expr, $row:ty, $now:expr, $stale_before:expr, $limit:expr) => {{
        let limit: i64 = $limit;
        let stale = $table::status
            .eq("sending")
            .and($table::claimed_at.lt($crate::db::types::DbTime($stale_before)));
        let loaded: diesel::QueryResult<Vec<$row>> = $crate::db::queue::load_for_claim!(
            $conn,
            $table::table
                .filter(stale)
                .order($order)
                .select(<$row>::as_select())
                .limit(limit)
        );
        match loaded {
            Ok(mut rows) if (rows.len() as i64) < limit => {
                let due = $table::status
                    .eq("queued")
                    .and($table::next_attempt_at.le($crate::db::types::DbTime($now)));
                let rest = limit - rows.len() as i64;
                let more: diesel::QueryResult<Vec<$row>> = $crate::db::queue::load_for_claim!(
                    $conn,
                    $table::table
                        .filter(due)
                        .order($order)
                        .select(<$row>::as_select())
                        .limit(rest)
                );
                more.map(|more| {
                    rows.extend(more);
                    rows
                })
            }
            other => other,
        }
    }};
}
pub(crate) use load_due_for_claim;

/// The rows of a queue table (columns `status`, `next_attempt_at`, `claimed_at`) that are
/// ready for an attempt: `queued` and due, or stuck in `sending` since before
/// `$stale_before` (their worker died mid-attempt).
macro_rules! due_filter {
    ($table:ident, $now:expr, $stale_before:expr) => {
        $table::status
            .eq("queued")
            .and($table::next_attempt_at.le($crate::db::types::DbTime($now)))
            .or($table::status
                .eq("sending")
                .and($table::claimed_at.lt($crate::db::types::DbTime($stale_before))))
    };
}
pub(crate) use due_filter;

/// The row `$id` of a queue table while the claim stamped `$claimed_at` still holds it:
/// only that claim may settle the row (a worker that outlived a stale claim changes
/// nothing).
macro_rules! claimed_row {
    ($table:ident, $id:expr, $claimed_at:expr) => {
        $table::table
            .filter($table::id.eq($crate::db::types::DbId($id)))
            .filter($table::status.eq("sending"))
            .filter($table::claimed_at.eq($crate::db::types::DbTime($claimed_at)))
    };
}
pub(crate) use claimed_row;

/// What a worker pass reports: how many items it handled (an idle pass is not logged).
pub trait PassSummary: std::fmt::Debug {
    fn total(&self) -> usize;
}

/// Runs `pass` every `every`, and at once whenever `woken` resolves, until `stopped` says
/// so (or forever without it); `finished` hears how each pass went. A pass that cannot
/// reach the database is said once when the outage begins and once when it ends, and the
/// loop keeps going: the next tick tries again. Every queue worker runs on it.
pub async fn run_passes<P, E, F, Fut, W, WFut>(
    what: &'static str,
    every: Duration,
    mut woken: W,
    mut stopped: Option<watch::Receiver<bool>>,
    mut pass: F,
    mut finished: impl FnMut(bool, Duration),
) where
    P: PassSummary,
    E: std::fmt::Display,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<P, E>>,
    W: FnMut() -> WFut,
    WFut: Future<Output = ()>,
{
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut outage = Outage::default();
    loop {
        let stop = async {
            match stopped.as_mut() {
                Some(stopped) => {
                    let _ = stopped.changed().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = ticker.tick() => {}
            _ = woken() => {}
            _ = stop => break,
        }
        if stopped.as_ref().is_some_and(|s| *s.borrow()) {
            break;
        }
        let started = std::time::Instant::now();
        let outcome = pass().await;
        finished(outcome.is_ok(), started.elapsed());
        match outcome {
            Ok(done) => {
                if outage.recovered() {
                    tracing::info!(worker = what, "works again");
                }
                if done.total() > 0 {
                    tracing::debug!(worker = what, pass = ?done, "pass");
                }
            }
            // The database may be unreachable for a while (restart, failover): say so
            // once, keep the process up, and try again next tick.
            Err(error) => {
                if outage.began() {
                    tracing::warn!(worker = what, %error, "cannot reach the database; retrying");
                } else {
                    tracing::debug!(worker = what, %error, "still cannot reach the database");
                }
            }
        }
    }
    tracing::debug!(worker = what, "stopped");
}

/// A worker loop's memory of a database outage, so it is said once when it starts and
/// once when it ends, however many passes fail in between.
#[derive(Debug, Default)]
pub struct Outage {
    failing: bool,
}

impl Outage {
    /// After a pass that reached the database: true when an outage just ended.
    pub fn recovered(&mut self) -> bool {
        std::mem::take(&mut self.failing)
    }

    /// After a pass that could not reach it: true when the outage just began.
    pub fn began(&mut self) -> bool {
        !std::mem::replace(&mut self.failing, true)
    }
}

/// Keeps a stored error readable on an admin page however long the other side's answer
/// is: at most 1,000 bytes, cut on a character boundary.
pub fn truncate_error(mut text: String) -> String {
    const LIMIT: usize = 1000;
    if text.len() > LIMIT {
        let mut end = LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_the_longest() {
        let backoff = Backoff {
            first: TimeDelta::seconds(30),
            longest: TimeDelta::hours(2),
        };
        let delays: Vec<i64> = (1..=4).map(|n| backoff.delay(n).num_seconds()).collect();
        assert_eq!(delays, [30, 60, 120, 240]);
        assert_eq!(backoff.delay(i32::MAX), TimeDelta::hours(2));
        assert_eq!(backoff.delay(0), TimeDelta::seconds(30));
    }

    #[test]
    fn an_outage_is_said_once_when_it_begins_and_once_when_it_ends() {
        let mut outage = Outage::default();
        assert!(!outage.recovered());
        assert!(outage.began());
        assert!(!outage.began());
        assert!(outage.recovered());
        assert!(!outage.recovered());
    }
}
