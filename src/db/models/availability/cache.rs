//! Hosts' schedule rows kept in memory under their schedule version, so a month page reads
//! one version instead of every row of its month (see `load_schedule_cached`).
//!
//! Correctness rests on the database, not on this module: triggers bump a host's version
//! in the same transaction as any change to what the schedule reads, the version is read on
//! every request, and an entry is used only under the version it was read with. Holds that
//! lapse with time are kept with their expiry and filtered at each use. The claim never
//! reads from here.
//!
//! Memory is bounded: at most [`MAX_ROWS`] rows in all (about 70 bytes each) and
//! [`PER_HOST`] ranges per host; the least recently used entry goes first.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::HostRows;

/// Rows kept at most, over every host: a month of a busy host is about 1,000.
pub const MAX_ROWS: usize = 50_000;
/// Ranges kept per host (a month page and the next, the day pages in them).
pub const PER_HOST: usize = 4;

#[derive(Debug, Default)]
pub struct ScheduleCache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    hosts: HashMap<Uuid, Vec<Entry>>,
    rows: usize,
    /// Advances on every use: an entry's `used` says how recently it served.
    clock: u64,
}

#[derive(Debug)]
struct Entry {
    version: i64,
    rows: Arc<HostRows>,
    used: u64,
}

impl ScheduleCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Rows of `host` read under `version` that cover `from`..`to`.
    pub fn get(
        &self,
        host: Uuid,
        version: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Option<Arc<HostRows>> {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        let entry = inner
            .hosts
            .get_mut(&host)?
            .iter_mut()
            .find(|e| e.version == version && e.rows.covers(from, to))?;
        entry.used = now;
        Some(Arc::clone(&entry.rows))
    }

    /// Keeps `rows` of `host` read under `version`; entries of other versions of the host
    /// go (a version only grows), then the least recently used ones until within bounds.
    pub fn put(&self, host: Uuid, version: i64, rows: Arc<HostRows>) {
        let size = rows.len();
        if size > MAX_ROWS {
            return;
        }
        let mut inner = self.lock();
        inner.clock += 1;
        let used = inner.clock;
        let entries = inner.hosts.entry(host).or_default();
        let before: usize = entries.iter().map(|e| e.rows.len()).sum();
        entries.retain(|e| e.version == version);
        if entries.len() >= PER_HOST {
            if let Some(oldest) = (0..entries.len()).min_by_key(|&i| entries[i].used) {
                entries.swap_remove(oldest);
            }
        }
        entries.push(Entry {
            version,
            rows,
            used,
        });
        let after: usize = entries.iter().map(|e| e.rows.len()).sum();
        inner.rows = inner.rows + after - before;
        while inner.rows > MAX_ROWS {
            if !inner.evict_least_recent() {
                break;
            }
        }
    }

    /// How many rows are kept (for tests and the load test's report).
    pub fn rows(&self) -> usize {
        self.lock().rows
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The data stays consistent at every await-free step: a panic elsewhere while the
        // lock was held leaves nothing half-done worth refusing.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Inner {
    /// Drops the least recently used entry; false when there is none.
    fn evict_least_recent(&mut self) -> bool {
        let oldest = self
            .hosts
            .iter()
            .flat_map(|(host, entries)| {
                entries
                    .iter()
                    .enumerate()
                    .map(move |(i, e)| (e.used, *host, i))
            })
            .min();
        let Some((_, host, index)) = oldest else {
            return false;
        };
        if let Some(entries) = self.hosts.get_mut(&host) {
            let gone = entries.swap_remove(index);
            self.rows -= gone.rows.len();
            if entries.is_empty() {
                self.hosts.remove(&host);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeDelta, TimeZone};

    use super::*;
    use crate::domain::availability::TimeRange;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 2, day, 0, 0, 0).unwrap()
    }

    /// Rows from day `from` to day `to` holding `size` rows.
    fn rows(from: u32, to: u32, size: usize) -> Arc<HostRows> {
        let ranges = (0..size)
            .map(|i| {
                let start = at(from) + TimeDelta::minutes(i as i64);
                TimeRange::new(start, start + TimeDelta::minutes(1))
            })
            .collect();
        Arc::new(HostRows::with_time_off(at(from), at(to), ranges))
    }

    #[test]
    fn rows_serve_only_their_version_and_ranges_they_cover() {
        let cache = ScheduleCache::new();
        let host = Uuid::now_v7();
        cache.put(host, 7, rows(1, 20, 3));
        assert!(cache.get(host, 7, at(2), at(19)).is_some());
        assert!(cache.get(host, 7, at(1), at(20)).is_some());
        assert!(
            cache.get(host, 8, at(2), at(19)).is_none(),
            "another version"
        );
        assert!(
            cache.get(host, 7, at(2), at(21)).is_none(),
            "past the rows' end"
        );
        assert!(cache.get(Uuid::now_v7(), 7, at(2), at(19)).is_none());
    }

    #[test]
    fn a_newer_version_replaces_the_older_rows_of_its_host() {
        let cache = ScheduleCache::new();
        let host = Uuid::now_v7();
        cache.put(host, 1, rows(1, 10, 5));
        cache.put(host, 1, rows(10, 20, 5));
        assert_eq!(cache.rows(), 10);
        cache.put(host, 2, rows(1, 10, 3));
        assert_eq!(cache.rows(), 3);
        assert!(cache.get(host, 1, at(10), at(20)).is_none());
    }

    #[test]
    fn memory_stays_bounded_and_the_least_recently_used_go_first() {
        let cache = ScheduleCache::new();
        let per_host = MAX_ROWS / 4;
        let hosts: Vec<Uuid> = (0..5).map(|_| Uuid::now_v7()).collect();
        for host in &hosts[..4] {
            cache.put(*host, 1, rows(1, 10, per_host));
        }
        // The first host was used last: the second one goes when the fifth comes.
        assert!(cache.get(hosts[0], 1, at(2), at(9)).is_some());
        cache.put(hosts[4], 1, rows(1, 10, per_host));
        assert!(cache.rows() <= MAX_ROWS);
        assert!(cache.get(hosts[0], 1, at(2), at(9)).is_some());
        assert!(cache.get(hosts[1], 1, at(2), at(9)).is_none());
        assert!(cache.get(hosts[4], 1, at(2), at(9)).is_some());
        // Rows larger than the whole cache are not kept at all.
        cache.put(hosts[2], 2, rows(1, 10, MAX_ROWS + 1));
        assert!(cache.rows() <= MAX_ROWS);
        assert!(cache.get(hosts[2], 2, at(2), at(9)).is_none());
    }

    #[test]
    fn a_host_keeps_a_few_ranges_at_most() {
        let cache = ScheduleCache::new();
        let host = Uuid::now_v7();
        for day in 1..=PER_HOST as u32 + 2 {
            cache.put(host, 1, rows(day, day + 1, 1));
        }
        assert_eq!(cache.rows(), PER_HOST);
        assert!(cache.get(host, 1, at(1), at(2)).is_none());
        let last = PER_HOST as u32 + 2;
        assert!(cache.get(host, 1, at(last), at(last + 1)).is_some());
    }
}
