//! One SQLite writer at a time in this process, queued in memory.
//!
//! Without it, concurrent `BEGIN IMMEDIATE`s meet SQLite's busy handler, which polls with
//! growing sleeps (1, 2, 5, 10 … 100 ms): under eight concurrent bookings most transactions
//! take 1–2 ms, but an unlucky one sleeps through several of those steps while others keep
//! taking the lock, and the booking POST's p99 was over 100 ms. Here a writer that finds
//! another one running waits on a condition variable and is woken the moment the lock is
//! free, so the wait is the queue ahead of it, not a sleep; and writers take the gate in
//! the order they asked for it.
//!
//! The gate only orders; SQLite's lock still guards the data (and other processes, such as
//! an instance starting beside this one, still meet the busy handler). A writer waits for the
//! gate at most [`WAIT`] and then goes ahead without it, so a holder that never finishes can
//! only delay others, never stop them. A write transaction begun inside another on the same
//! thread does not wait for the gate its own thread holds.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The longest a writer waits for the gate before going ahead without it: SQLite's own busy
/// timeout then still applies.
const WAIT: Duration = Duration::from_secs(5);

/// A ticket queue: writers go in the order they came. With a plain flag, a writer that has
/// just arrived could take the gate ahead of one woken for it, again and again, and that
/// unlucky one's wait made the booking POST's p99 several times its median.
struct Queue {
    /// The ticket the next writer to arrive gets.
    next: u64,
    /// The ticket whose writer holds (or may now take) the gate.
    serving: u64,
    /// Tickets whose writers stopped waiting ([`WAIT`]): their turn is skipped.
    abandoned: BTreeSet<u64>,
}

/// A queue of writers and the signal that the turn moved on.
struct Gate {
    queue: Mutex<Queue>,
    turn: Condvar,
}

impl Gate {
    const fn new() -> Self {
        Self {
            queue: Mutex::new(Queue {
                next: 0,
                serving: 0,
                abandoned: BTreeSet::new(),
            }),
            turn: Condvar::new(),
        }
    }

    fn run<T>(&self, f: impl FnOnce() -> T) -> T {
        if HOLDING.with(Cell::get) {
            return f();
        }
        let _pass = self.acquire();
        f()
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn acquire(&self) -> Pass<'_> {
        let deadline = Instant::now() + WAIT;
        let mut queue = self.queue();
        let ticket = queue.next;
        queue.next += 1;
        while queue.serving != ticket {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                queue.abandoned.insert(ticket);
                return Pass {
                    gate: self,
                    held: false,
                };
            }
            queue = self
                .turn
                .wait_timeout(queue, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        HOLDING.with(|h| h.set(true));
        Pass {
            gate: self,
            held: true,
        }
    }
}

static GATE: Gate = Gate::new();

thread_local! {
    static HOLDING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` as this process's only gated SQLite writer (see the module docs).
pub fn serialized<T>(f: impl FnOnce() -> T) -> T {
    GATE.run(f)
}

/// The gate, held until dropped (also when `f` panics).
struct Pass<'a> {
    gate: &'a Gate,
    held: bool,
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        if self.held {
            HOLDING.with(|h| h.set(false));
            let mut queue = self.gate.queue();
            queue.serving += 1;
            // Writers that gave up went ahead without the gate: their turn passes.
            loop {
                let serving = queue.serving;
                if !queue.abandoned.remove(&serving) {
                    break;
                }
                queue.serving += 1;
            }
            drop(queue);
            self.gate.turn.notify_all();
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

    #[test]
    fn writers_take_the_gate_in_the_order_they_asked_for_it() {
        // A gate of its own: other tests' writers take no tickets from it.
        let gate = Arc::new(Gate::new());
        let order = Arc::new(Mutex::new(Vec::new()));
        let (entered_tx, entered_rx) = std::sync::mpsc::channel();
        let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
        // The first writer holds the gate until told; the others queue one after another.
        let first = {
            let gate = gate.clone();
            std::thread::spawn(move || {
                gate.run(|| {
                    entered_tx.send(()).unwrap();
                    release_rx.recv().unwrap();
                })
            })
        };
        entered_rx.recv().unwrap();
        let mut waiting = Vec::new();
        for n in 0..5 {
            let (gate, order) = (gate.clone(), order.clone());
            waiting.push(std::thread::spawn(move || {
                gate.run(|| order.lock().unwrap().push(n))
            }));
            // Until this one has its ticket, start no other.
            while gate.queue().next < n + 2 {
                std::thread::yield_now();
            }
        }
        release_tx.send(()).unwrap();
        first.join().unwrap();
        for thread in waiting {
            thread.join().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_writer_that_gave_up_loses_its_turn_without_stopping_the_queue() {
        let gate = Gate::new();
        // Ticket 0 holds the gate; ticket 1 gave up waiting; ticket 2 must still come in.
        let held = gate.acquire();
        {
            let mut queue = gate.queue();
            queue.next += 1;
            queue.abandoned.insert(1);
        }
        drop(held);
        let next = gate.acquire();
        assert!(next.held);
        assert_eq!(gate.queue().serving, 2);
    }
}
