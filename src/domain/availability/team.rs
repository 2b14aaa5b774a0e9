//! Team services over the per-host engine: a round-robin service offers a start while at
//! least one host is free (the union of the hosts' free slots); a collective service only
//! when every host is free (the intersection). Each host is one [`AvailabilityInput`] with
//! their own zone, hours, overrides, time off and busy times (personal and team bookings).
//!
//! The claim asks [`free_hosts`] which hosts may take a start, with the same predicate
//! ([`is_bookable`]) that listed it, so the list and the claim cannot disagree.

use chrono::{DateTime, Utc};

use super::{free_slots, is_bookable, AvailabilityInput, Refusal, TimeRange};

/// How a team service assigns its hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssignmentMode {
    /// One host per booking, the guest's choice or the fairest free one.
    RoundRobin,
    /// Every host in every booking.
    Collective,
}

impl AssignmentMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RoundRobin => "round_robin",
            Self::Collective => "collective",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "round_robin" => Some(Self::RoundRobin),
            "collective" => Some(Self::Collective),
            _ => None,
        }
    }
}

/// Starts in `range` that at least one host can take, sorted and unique.
pub fn union_slots(hosts: &[AvailabilityInput<'_>], range: TimeRange) -> Vec<DateTime<Utc>> {
    let mut all: Vec<DateTime<Utc>> = hosts
        .iter()
        .flat_map(|host| free_slots(host, range))
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Starts in `range` that every host can take, sorted and unique. No hosts: no slots.
pub fn intersection_slots(hosts: &[AvailabilityInput<'_>], range: TimeRange) -> Vec<DateTime<Utc>> {
    let Some((first, rest)) = hosts.split_first() else {
        return Vec::new();
    };
    let mut common = free_slots(first, range);
    for host in rest {
        let theirs = free_slots(host, range);
        // Both lists are sorted: keep the starts found in both.
        let mut j = 0;
        common.retain(|start| {
            while j < theirs.len() && theirs[j] < *start {
                j += 1;
            }
            j < theirs.len() && theirs[j] == *start
        });
    }
    common
}

/// The slots a team service offers in `range` under `mode`.
pub fn team_slots(
    mode: AssignmentMode,
    hosts: &[AvailabilityInput<'_>],
    range: TimeRange,
) -> Vec<DateTime<Utc>> {
    match mode {
        AssignmentMode::RoundRobin => union_slots(hosts, range),
        AssignmentMode::Collective => intersection_slots(hosts, range),
    }
}

/// Indices of the hosts that may take `start`, or, when none may, the refusal of the
/// first host (every host is refused for the same reason when the reason is the
/// service's: past, notice, window).
pub fn free_hosts(
    hosts: &[AvailabilityInput<'_>],
    start: DateTime<Utc>,
) -> Result<Vec<usize>, Refusal> {
    free_hosts_allowing(hosts, start, |_| false)
}

/// [`free_hosts`], where `allow` may accept a refusal (the front desk's rules).
pub fn free_hosts_allowing(
    hosts: &[AvailabilityInput<'_>],
    start: DateTime<Utc>,
    allow: impl Fn(Refusal) -> bool,
) -> Result<Vec<usize>, Refusal> {
    let mut free = Vec::new();
    let mut first_refusal = None;
    for (i, host) in hosts.iter().enumerate() {
        match is_bookable(host, start) {
            Ok(()) => free.push(i),
            Err(refusal) if allow(refusal) => free.push(i),
            Err(refusal) => {
                first_refusal.get_or_insert(refusal);
            }
        }
    }
    match (free.is_empty(), first_refusal) {
        (true, Some(refusal)) => Err(refusal),
        (true, None) => Err(Refusal::Unavailable),
        (false, _) => Ok(free),
    }
}

/// Whether a collective booking may take `start`: every host is free then.
pub fn all_hosts_free(
    hosts: &[AvailabilityInput<'_>],
    start: DateTime<Utc>,
) -> Result<(), Refusal> {
    all_hosts_free_allowing(hosts, start, |_| false)
}

/// [`all_hosts_free`], where `allow` may accept a refusal (the front desk's rules).
pub fn all_hosts_free_allowing(
    hosts: &[AvailabilityInput<'_>],
    start: DateTime<Utc>,
    allow: impl Fn(Refusal) -> bool,
) -> Result<(), Refusal> {
    if hosts.is_empty() {
        return Err(Refusal::Unavailable);
    }
    hosts
        .iter()
        .try_for_each(|host| match is_bookable(host, start) {
            Err(refusal) if !allow(refusal) => Err(refusal),
            _ => Ok(()),
        })
}

#[cfg(test)]
mod tests;
