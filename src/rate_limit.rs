//! In-memory sliding-window rate limits, per instance.
//!
//! A limit is a `bucket` (what is limited: `"login-ip"`, `"booking"`, …), a `key` within it
//! (a client address, an account identifier) and `limit` attempts per `window`. Each key
//! keeps the instants of its recent attempts (never more than `limit` of them); an attempt
//! over the limit is refused with the seconds until the oldest one leaves the window, and is
//! not recorded. Time comes from the application's clock, so tests move a manual clock
//! instead of sleeping. Memory is bounded: expired keys are pruned as the map grows, and
//! past `MAX_KEYS` the least recently seen keys are dropped.
//!
//! Some buckets only count (`note` / `recent`) instead of refusing: failed sign-ins per
//! account slow further attempts for that account (`account_delay`) without ever locking
//! its owner out, which a refusal per account would let anyone do.
//!
//! Several instances behind a load balancer each keep their own counts, so the effective
//! limit there is per instance; that is the documented trade-off for not needing a store.
//!
//! Why not a keyed `governor` limiter: governor's GCRA refills one attempt every
//! `window / limit` instead of counting attempts within the window (3 per 15 min would let
//! a 4th through 5 minutes after a burst of 3, where this refuses it until the first is 15
//! minutes old, which is what `Retry-After` says); it has one quota per limiter where the
//! limits here come per call from the settings; it cannot give an attempt back (`forgive`
//! after a successful sign-in) or say how many events a key had (`recent`, behind
//! `account_delay`); and its clock would need an adapter to follow the injected
//! `ManualClock` the tests move.
//!
//! `client_ip` finds the address to limit on: the TCP peer, or — only when the peer is one
//! of `TRUSTED_PROXIES` — the nearest untrusted address in `X-Forwarded-For`.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;

use actix_web::HttpRequest;
use chrono::{DateTime, TimeDelta, Utc};

use crate::clock::SharedClock;
use crate::error::AppError;

/// Keys kept at most; beyond this the least recently seen are forgotten.
const MAX_KEYS: usize = 100_000;
/// Expired keys are swept once the map has grown by this many since the last sweep.
const PRUNE_GROWTH: usize = 1_000;
/// Identifiers are cut to this length before they become keys.
const MAX_KEY_LEN: usize = 320;
/// A counting bucket keeps at most this many instants per key.
const MAX_NOTED: usize = 1_000;
/// Past the free failures, each failed sign-in for an account adds this much wait to every
/// later sign-in for it…
const ACCOUNT_DELAY_STEP: std::time::Duration = std::time::Duration::from_millis(100);
/// …up to this much.
const ACCOUNT_DELAY_MAX: std::time::Duration = std::time::Duration::from_secs(2);

/// How long a sign-in for an account waits before its password is checked, after
/// `failures` failed sign-ins for that account within the window: nothing for the first
/// `free` (the per-address limit; 0 turns the delay off with the limit), then 0.1 s more
/// per failure, at most 2 s. The owner still gets in, only a little slower.
pub fn account_delay(failures: usize, free: u32) -> std::time::Duration {
    let free = free as usize;
    if free == 0 || failures < free {
        return std::time::Duration::ZERO;
    }
    let steps = u32::try_from(failures - free + 1).unwrap_or(u32::MAX);
    ACCOUNT_DELAY_STEP
        .saturating_mul(steps)
        .min(ACCOUNT_DELAY_MAX)
}

pub struct RateLimiter {
    clock: SharedClock,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    entries: HashMap<(String, String), Attempts>,
    size_after_last_prune: usize,
}

struct Attempts {
    window: TimeDelta,
    at: VecDeque<DateTime<Utc>>,
}

impl Attempts {
    fn drop_expired(&mut self, now: DateTime<Utc>) {
        while self
            .at
            .front()
            .is_some_and(|&first| first + self.window <= now)
        {
            self.at.pop_front();
        }
    }
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("keys", &self.len())
            .finish()
    }
}

impl RateLimiter {
    pub fn new(clock: SharedClock) -> Self {
        Self {
            clock,
            state: Mutex::new(State::default()),
        }
    }

    /// Records one attempt for `key` in `bucket` when fewer than `limit` happened within
    /// `window`; otherwise refuses with the seconds to wait (at least 1). A `limit` of 0
    /// turns the limit off.
    pub fn check(
        &self,
        bucket: &str,
        key: &str,
        limit: u32,
        window: std::time::Duration,
    ) -> Result<(), u64> {
        if limit == 0 {
            return Ok(());
        }
        let now = self.clock.now();
        let window = TimeDelta::from_std(window).unwrap_or(TimeDelta::MAX);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.prune_if_grown(now);
        let attempts = state
            .entries
            .entry((bucket.to_owned(), truncate(key)))
            .or_insert_with(|| Attempts {
                window,
                at: VecDeque::new(),
            });
        attempts.window = window;
        attempts.drop_expired(now);
        if attempts.at.len() >= limit as usize {
            let oldest = attempts.at.front().copied().unwrap_or(now);
            let wait = (oldest + window - now).num_milliseconds().max(0) as u64;
            return Err(wait.div_ceil(1000).max(1));
        }
        attempts.at.push_back(now);
        Ok(())
    }

    /// `check` for handlers: over the limit is `AppError::RateLimited` (a 429 page with
    /// `Retry-After`).
    pub fn enforce(
        &self,
        bucket: &str,
        key: &str,
        limit: u32,
        window_secs: u64,
    ) -> Result<(), AppError> {
        self.check(
            bucket,
            key,
            limit,
            std::time::Duration::from_secs(window_secs),
        )
        .map_err(|retry_after_secs| AppError::RateLimited { retry_after_secs })
    }

    /// Counts one event for `key` in `bucket`, kept for `window`; never refuses.
    pub fn note(&self, bucket: &str, key: &str, window: std::time::Duration) {
        let now = self.clock.now();
        let window = TimeDelta::from_std(window).unwrap_or(TimeDelta::MAX);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.prune_if_grown(now);
        let events = state
            .entries
            .entry((bucket.to_owned(), truncate(key)))
            .or_insert_with(|| Attempts {
                window,
                at: VecDeque::new(),
            });
        events.window = window;
        events.drop_expired(now);
        if events.at.len() >= MAX_NOTED {
            events.at.pop_front();
        }
        events.at.push_back(now);
    }

    /// How many events `note` counted for `key` in `bucket` are still within the window.
    pub fn recent(&self, bucket: &str, key: &str) -> usize {
        let now = self.clock.now();
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let id = (bucket.to_owned(), truncate(key));
        match state.entries.get_mut(&id) {
            Some(events) => {
                events.drop_expired(now);
                events.at.len()
            }
            None => 0,
        }
    }

    /// Takes back the latest attempt of `key` (a sign-in that succeeded should not count
    /// against the people sharing an office's address).
    pub fn forgive(&self, bucket: &str, key: &str) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let id = (bucket.to_owned(), truncate(key));
        if let Some(attempts) = state.entries.get_mut(&id) {
            attempts.at.pop_back();
            if attempts.at.is_empty() {
                state.entries.remove(&id);
            }
        }
    }

    /// How many keys are held (for tests and metrics).
    pub fn len(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entries
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl State {
    fn prune_if_grown(&mut self, now: DateTime<Utc>) {
        if self.entries.len() < self.size_after_last_prune + PRUNE_GROWTH {
            return;
        }
        self.entries.retain(|_, attempts| {
            attempts.drop_expired(now);
            !attempts.at.is_empty()
        });
        if self.entries.len() >= MAX_KEYS {
            let mut last_seen: Vec<(DateTime<Utc>, (String, String))> = self
                .entries
                .iter()
                .map(|(id, attempts)| (attempts.at.back().copied().unwrap_or(now), id.clone()))
                .collect();
            last_seen.sort_unstable_by_key(|(at, _)| *at);
            let surplus = self.entries.len() - MAX_KEYS / 2;
            for (_, id) in last_seen.into_iter().take(surplus) {
                self.entries.remove(&id);
            }
        }
        self.size_after_last_prune = self.entries.len();
    }
}

fn truncate(key: &str) -> String {
    key.chars().take(MAX_KEY_LEN).collect()
}

/// The address a request comes from: the TCP peer, unless the peer is a trusted proxy, in
/// which case `X-Forwarded-For` is read from the right and the first address that is not a
/// trusted proxy is the client. Without trusted proxies the header is ignored entirely
/// (anyone can send it).
pub fn client_ip(req: &HttpRequest, trusted_proxies: &[IpAddr]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip().to_canonical();
    if !trusted_proxies.iter().any(|p| p.to_canonical() == peer) {
        return Some(peer);
    }
    let forwarded: Vec<String> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|part| part.trim().to_owned())
        .collect();
    let mut client = peer;
    for hop in forwarded.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            break;
        };
        client = ip;
        if !trusted_proxies.iter().any(|p| p.to_canonical() == ip) {
            break;
        }
    }
    Some(client)
}

fn parse_hop(text: &str) -> Option<IpAddr> {
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
        .map(|ip| ip.to_canonical())
}

/// The rate-limit key for an address: IPv4 as is, IPv6 by its /64 network (one host
/// usually holds a whole /64, so single addresses would be free to rotate).
pub fn ip_key(ip: Option<IpAddr>) -> String {
    match ip {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        None => "unknown".to_owned(),
    }
}

/// `ip_key(client_ip(..))` for a request.
pub fn client_key(req: &HttpRequest, trusted_proxies: &[IpAddr]) -> String {
    ip_key(client_ip(req, trusted_proxies))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use actix_web::test::TestRequest;
    use chrono::TimeZone;

    use super::*;
    use crate::clock::ManualClock;

    fn limiter() -> (RateLimiter, std::sync::Arc<ManualClock>) {
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap());
        (RateLimiter::new(clock.clone()), clock)
    }

    const WINDOW: Duration = Duration::from_secs(900);

    #[test]
    fn the_attempt_past_the_limit_is_refused_until_the_oldest_leaves_the_window() {
        let (limiter, clock) = limiter();
        for _ in 0..3 {
            assert_eq!(limiter.check("login", "1.2.3.4", 3, WINDOW), Ok(()));
            clock.advance(TimeDelta::seconds(100));
        }
        // 300 s after the first attempt: it leaves the window 600 s from now.
        assert_eq!(limiter.check("login", "1.2.3.4", 3, WINDOW), Err(600));
        clock.advance(TimeDelta::seconds(599));
        assert_eq!(limiter.check("login", "1.2.3.4", 3, WINDOW), Err(1));
        clock.advance(TimeDelta::seconds(1));
        assert_eq!(limiter.check("login", "1.2.3.4", 3, WINDOW), Ok(()));
    }

    #[test]
    fn buckets_and_keys_are_counted_apart() {
        let (limiter, _) = limiter();
        assert!(limiter.check("login", "a", 1, WINDOW).is_ok());
        assert!(limiter.check("login", "a", 1, WINDOW).is_err());
        assert!(limiter.check("login", "b", 1, WINDOW).is_ok());
        assert!(limiter.check("signup", "a", 1, WINDOW).is_ok());
    }

    #[test]
    fn a_forgiven_attempt_no_longer_counts_and_zero_means_no_limit() {
        let (limiter, _) = limiter();
        assert!(limiter.check("login", "a", 1, WINDOW).is_ok());
        limiter.forgive("login", "a");
        assert!(limiter.check("login", "a", 1, WINDOW).is_ok());
        for _ in 0..100 {
            assert!(limiter.check("off", "a", 0, WINDOW).is_ok());
        }
    }

    #[test]
    fn counted_events_leave_the_window_and_are_never_refused() {
        let (limiter, clock) = limiter();
        for _ in 0..30 {
            limiter.note("failures", "bob", WINDOW);
        }
        assert_eq!(limiter.recent("failures", "bob"), 30);
        assert_eq!(limiter.recent("failures", "alice"), 0);
        clock.advance(TimeDelta::seconds(900));
        assert_eq!(limiter.recent("failures", "bob"), 0);
    }

    #[test]
    fn the_account_delay_grows_after_the_free_failures_and_is_capped() {
        let ms = |failures| account_delay(failures, 10).as_millis();
        assert_eq!((ms(0), ms(9)), (0, 0));
        assert_eq!((ms(10), ms(11), ms(14)), (100, 200, 500));
        assert_eq!((ms(29), ms(10_000)), (2000, 2000));
        assert_eq!(
            account_delay(500, 0),
            Duration::ZERO,
            "limits off: no delay"
        );
    }

    #[test]
    fn memory_stays_bounded_as_expired_keys_are_pruned() {
        let (limiter, clock) = limiter();
        for i in 0..5_000 {
            let _ = limiter.check("login", &format!("key-{i}"), 5, Duration::from_secs(10));
        }
        assert_eq!(limiter.len(), 5_000);
        clock.advance(TimeDelta::seconds(11));
        for i in 0..PRUNE_GROWTH + 1 {
            let _ = limiter.check("login", &format!("new-{i}"), 5, Duration::from_secs(10));
        }
        assert!(limiter.len() <= PRUNE_GROWTH + 1, "{} keys", limiter.len());
    }

    #[test]
    fn forwarded_for_is_read_only_behind_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let request = |peer: &str| {
            TestRequest::default()
                .peer_addr(peer.parse().unwrap())
                .insert_header(("X-Forwarded-For", "203.0.113.9, 198.51.100.7, 10.0.0.1"))
                .to_http_request()
        };
        assert_eq!(
            client_ip(&request("192.0.2.1:5000"), &[proxy]),
            Some("192.0.2.1".parse().unwrap())
        );
        assert_eq!(client_ip(&request("10.0.0.1:5000"), &[]), Some(proxy));
        assert_eq!(
            client_ip(&request("10.0.0.1:5000"), &[proxy]),
            Some("198.51.100.7".parse().unwrap()),
            "the nearest untrusted hop, not the spoofable leftmost one"
        );
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(ip_key(Some(a)), ip_key(Some(b)));
        assert_eq!(
            ip_key(Some(
                "::ffff:192.0.2.1".parse::<IpAddr>().unwrap().to_canonical()
            )),
            "192.0.2.1"
        );
    }
}
