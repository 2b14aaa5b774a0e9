//! Whether the database can be reached, as the pool learns it, and the checkout requests use.
//!
//! The pool waits up to its connection timeout (10 s) for a connection. That is right when
//! every connection is busy, and wrong during an outage: each request would hold a worker
//! for 10 s to answer a 503 whose `Retry-After` says 2. So the connection manager records
//! whether opening a connection last failed, and [`checkout`] stops waiting as soon as it
//! has: within about a second of the outage, and without a restart once it is over (the pool
//! keeps retrying in the background; the first connection it opens clears the mark).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Pool, PooledConnection};

/// How long the pool waits for a connection when the database is up but busy.
pub const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a checkout waits once the database is known to be unreachable (a connection
/// may still come back in that time).
const UNREACHABLE_WAIT: Duration = Duration::from_millis(300);
/// A normal checkout waits in slices this long, looking at reachability in between.
const SLICE: Duration = Duration::from_millis(100);

/// Shared between the pool's connection manager, which sets it, and the request path,
/// which reads it.
#[derive(Debug, Clone, Default)]
pub struct Reachability(Arc<AtomicBool>);

impl Reachability {
    /// True since the last failed attempt to open a connection, until a connection opens or
    /// a checkout succeeds.
    pub fn is_unreachable(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    /// Records the outcome of opening a connection; logs only the changes.
    pub fn record_connect(&self, result: Result<(), &diesel::ConnectionError>) {
        match result {
            Ok(()) => self.mark_reachable(),
            Err(error) => {
                if !self.0.swap(true, Ordering::AcqRel) {
                    tracing::warn!(%error, "the database is unreachable; answering 503 at once until it is back");
                }
            }
        }
    }

    fn mark_reachable(&self) {
        if self.0.swap(false, Ordering::AcqRel) {
            tracing::info!("the database is reachable again");
        }
    }
}

/// A pooled connection for a request: waits up to [`CHECKOUT_TIMEOUT`] while the database is
/// reachable and every connection is busy, but gives up within [`UNREACHABLE_WAIT`] (plus
/// at most one [`SLICE`]) once opening a connection has failed.
pub fn checkout(pool: &Pool, reachability: &Reachability) -> Result<PooledConnection, r2d2::Error> {
    let deadline = Instant::now() + CHECKOUT_TIMEOUT;
    loop {
        let unreachable = reachability.is_unreachable();
        let wait = if unreachable { UNREACHABLE_WAIT } else { SLICE };
        let wait = wait.min(deadline.saturating_duration_since(Instant::now()));
        match pool.get_timeout(wait) {
            Ok(conn) => {
                // The pool tested it on checkout: the database answers.
                reachability.mark_reachable();
                return Ok(conn);
            }
            Err(error) if unreachable || Instant::now() >= deadline => return Err(error),
            Err(_) => {}
        }
    }
}
