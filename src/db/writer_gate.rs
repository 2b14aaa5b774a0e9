//! One SQLite writer at a time in this process, queued in memory.
//!
//! Without it, concurrent `BEGIN IMMEDIATE`s meet SQLite's busy handler, which polls with
//! growing sleeps (1, 2, 5, 10 … 100 ms): under eight concurrent bookings most transactions
//! take 1–2 ms, but an unlucky one sleeps through several of those steps while others keep
//! taking the lock, and the booking POST's p99 was over 100 ms. Here a writer that finds
//! another one running waits on a condition variable and is woken the moment the lock is
//! free, so the wait is the queue ahead of it, not a sleep.
//!
//! The gate only orders; SQLite's lock still guards the data (and other processes, such as
//! an instance starting beside this one, still meet the busy handler). A writer waits for the
//! gate at most [`WAIT`] and then goes ahead without it, so a holder that never finishes can
//! only delay others, never stop them. A write transaction begun inside another on the same
//! thread does not wait for the gate its own thread holds.

use std::cell::Cell;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The longest a writer waits for the gate before going ahead without it: SQLite's own busy
/// timeout then still applies.
const WAIT: Duration = Duration::from_secs(5);

static BUSY: Mutex<bool> = Mutex::new(false);
static FREED: Condvar = Condvar::new();

thread_local! {
    static HOLDING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` as this process's only gated SQLite writer (see the module docs).
pub fn serialized<T>(f: impl FnOnce() -> T) -> T {
    if HOLDING.with(Cell::get) {
        return f();
    }
    let _pass = Pass::acquire();
    f()
}

/// The gate, held until dropped (also when `f` panics).
struct Pass {
    held: bool,
}

impl Pass {
    fn acquire() -> Self {
        let deadline = Instant::now() + WAIT;
        let mut busy = BUSY.lock().unwrap_or_else(|p| p.into_inner());
        while *busy {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Self { held: false };
            }
            busy = FREED
                .wait_timeout(busy, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        *busy = true;
        HOLDING.with(|h| h.set(true));
        Self { held: true }
    }
}

impl Drop for Pass {
    fn drop(&mut self) {
        if self.held {
            HOLDING.with(|h| h.set(false));
            *BUSY.lock().unwrap_or_else(|p| p.into_inner()) = false;
            FREED.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::*;

    #[test]
    fn writers_never_overlap_and_a_nested_one_does_not_wait_for_itself() {
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (inside, most) = (inside.clone(), most.clone());
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        serialized(|| {
                            let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            serialized(std::thread::yield_now);
                            inside.fetch_sub(1, Ordering::SeqCst);
                        });
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 1);
    }
}
