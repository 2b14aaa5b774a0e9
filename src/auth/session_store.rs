//! Sessions kept in the application's database, behind actix-session's `SessionStore`.
//!
//! The cookie carries a random 256-bit id (signed with `SECRET_KEY`); the `sessions` table
//! keeps only its SHA-256, the user it is signed in as, the state (a JSON object) and three
//! instants. A session ends when its row is deleted — sign-out, password change or reset,
//! deactivation, "sign out everywhere" — or when it idles out (`SESSION_IDLE_MINUTES`
//! without a request) or reaches its absolute lifetime (`SESSION_MAX_DAYS` after it
//! began; a day for a session nobody is signed in to). Expired rows are deleted when read
//! and by the periodic purge (`jobs`). Several instances on one PostgreSQL share the table,
//! so an ended session is ended everywhere.
//!
//! "Last seen" is written at most once a minute per session, so signed-in page views do
//! not each cost a write; the idle timeout is therefore exact to about a minute.
//!
//! A session whose row disappeared while one of its requests was running (signed out
//! elsewhere) is never written back: what that request stored goes to a new, signed-out
//! session instead.

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::body::MessageBody;
use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::InternalError;
use actix_web::middleware::Next;
use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

use super::session::{signed_out_state, user_of_state};
use crate::config::SessionSettings;
use crate::db::models::sessions::{self, Liveness};
use crate::db::{DbConnection, StoreResult};
use crate::error::AppError;
use crate::state::AppState;
use crate::tokens::{hash_token, random_token};

/// "Last seen" is written when it is at least this old.
const TOUCH_AFTER: TimeDelta = TimeDelta::minutes(1);
/// A session nobody is signed in to (a visitor's CSRF token, a flash message) ends this
/// long after it began, so rows made by cookie-less clients do not pile up for a week.
const ANONYMOUS_LIFETIME: TimeDelta = TimeDelta::days(1);

type State = HashMap<String, String>;

/// The lifetime rules of sessions, from `Settings::sessions`.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    settings: SessionSettings,
}

impl SessionPolicy {
    pub fn new(settings: SessionSettings) -> Self {
        Self { settings }
    }

    pub fn liveness(&self, now: DateTime<Utc>) -> Liveness {
        Liveness {
            now,
            idle_cutoff: now - self.settings.idle,
        }
    }

    /// When a session that begins at `now` ends at the latest. A session is signed in or
    /// not for its whole life: signing in and out both move the state to a new session.
    pub fn expires_at(&self, now: DateTime<Utc>, signed_in: bool) -> DateTime<Utc> {
        let lifetime = if signed_in {
            self.settings.max_age
        } else {
            self.settings.max_age.min(ANONYMOUS_LIFETIME)
        };
        now + lifetime
    }

    /// The cookie's `Max-Age`: the absolute lifetime (the server ends idle sessions).
    pub fn cookie_max_age(&self) -> CookieDuration {
        CookieDuration::seconds(self.settings.max_age.num_seconds())
    }

    fn needs_touch(&self, last_seen_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen_at >= TOUCH_AFTER.min(self.settings.idle / 4)
    }
}

/// The `SessionStore` over our pool. Cheap to clone (one per server worker).
#[derive(Clone)]
pub struct DbSessionStore {
    state: AppState,
    policy: SessionPolicy,
}

impl DbSessionStore {
    pub fn new(state: AppState) -> Self {
        let policy = SessionPolicy::new(state.settings.sessions);
        Self { state, policy }
    }

    /// Runs database work through `AppState::db` (on the blocking pool, like every
    /// handler's). A failure is logged here with its cause; actix-session keeps only a
    /// generic message, and `answer_store_failures` turns it into the "busy" page.
    async fn run<T, F>(&self, f: F) -> anyhow::Result<T>
    where
        F: FnOnce(&mut DbConnection, SessionPolicy, DateTime<Utc>) -> StoreResult<T>
            + Send
            + 'static,
        T: Send + 'static,
    {
        let (policy, now) = (self.policy, self.state.now());
        self.state
            .db(move |conn| f(conn, policy, now))
            .await
            .map_err(|error| {
                tracing::error!(?error, "the session store cannot reach the database");
                anyhow::Error::from(error)
            })
    }

    async fn insert(&self, state: State) -> anyhow::Result<SessionKey> {
        let json = serde_json::to_string(&state)?;
        let user = user_of_state(&state);
        let key = random_token();
        let id_hash = hash_token(&key);
        self.run(move |conn, policy, now| {
            let expires_at = policy.expires_at(now, user.is_some());
            sessions::insert(conn, &id_hash, user, &json, now, expires_at)
        })
        .await?;
        Ok(SessionKey::try_from(key)?)
    }
}

impl SessionStore for DbSessionStore {
    async fn load(&self, session_key: &SessionKey) -> Result<Option<State>, LoadError> {
        let id_hash = hash_token(session_key.as_ref());
        let row = self
            .run(move |conn, policy, now| {
                let at = policy.liveness(now);
                let Some(row) = sessions::find(conn, &id_hash)? else {
                    return Ok(None);
                };
                if !row.is_live(at) {
                    sessions::delete(conn, &id_hash)?;
                    return Ok(None);
                }
                if policy.needs_touch(row.last_seen_at, now) {
                    sessions::touch(conn, &id_hash, at)?;
                }
                Ok(Some(row))
            })
            .await
            .map_err(LoadError::Other)?;
        row.map(|row| serde_json::from_str::<State>(&row.state))
            .transpose()
            .map_err(|e| LoadError::Deserialization(e.into()))
    }

    async fn save(&self, state: State, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        self.insert(state).await.map_err(SaveError::Other)
    }

    async fn update(
        &self,
        session_key: SessionKey,
        state: State,
        _ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        let json =
            serde_json::to_string(&state).map_err(|e| UpdateError::Serialization(e.into()))?;
        let user: Option<Uuid> = user_of_state(&state);
        let id_hash = hash_token(session_key.as_ref());
        let updated = self
            .run(move |conn, policy, now| {
                sessions::update_state(conn, &id_hash, user, &json, policy.liveness(now))
            })
            .await
            .map_err(UpdateError::Other)?;
        if updated {
            return Ok(session_key);
        }
        // Ended while this request ran: keep what is not the sign-in, under a new id.
        self.insert(signed_out_state(state))
            .await
            .map_err(UpdateError::Other)
    }

    async fn update_ttl(
        &self,
        session_key: &SessionKey,
        _ttl: &CookieDuration,
    ) -> anyhow::Result<()> {
        let id_hash = hash_token(session_key.as_ref());
        self.run(move |conn, policy, now| sessions::touch(conn, &id_hash, policy.liveness(now)))
            .await
    }

    async fn delete(&self, session_key: &SessionKey) -> anyhow::Result<()> {
        let id_hash = hash_token(session_key.as_ref());
        self.run(move |conn, _, _| sessions::delete(conn, &id_hash))
            .await
    }
}

/// Wrap directly outside the session middleware. When the store fails (the database is
/// down or busy), actix-session gives up with an empty 500 before or after the handler;
/// this makes it the same 503 page with `Retry-After` that handlers give during an outage.
/// Any other error passes through unchanged.
pub async fn answer_store_failures(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    next.call(req).await.map_err(|error| {
        if !is_session_failure(&error) {
            return error;
        }
        tracing::warn!(%error, "answering a session failure with the busy page");
        AppError::Busy.into()
    })
}

/// Whether actix-session produced `error` (it wraps every store failure in an
/// `InternalError` around the store's own error type).
fn is_session_failure(error: &actix_web::Error) -> bool {
    error.as_error::<InternalError<anyhow::Error>>().is_some()
        || error.as_error::<InternalError<SaveError>>().is_some()
        || error.as_error::<InternalError<UpdateError>>().is_some()
}

/// Ends every session of `user_id` (sign out everywhere).
pub async fn end_all_sessions(state: &AppState, user_id: Uuid) -> crate::error::AppResult<usize> {
    state
        .db(move |conn| sessions::delete_for_user(conn, user_id))
        .await
}

/// How many browsers are signed in as `user_id` now.
pub async fn live_sessions(state: &AppState, user_id: Uuid) -> crate::error::AppResult<i64> {
    let at = SessionPolicy::new(state.settings.sessions).liveness(state.now());
    state
        .db(move |conn| sessions::count_live_for_user(conn, user_id, at))
        .await
}

/// Deletes sessions that idled out or reached their lifetime (the periodic purge).
pub async fn purge_expired(state: &AppState) -> crate::error::AppResult<usize> {
    let at = SessionPolicy::new(state.settings.sessions).liveness(state.now());
    state
        .db(move |conn| sessions::purge_expired(conn, at))
        .await
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::db::models::sessions::SessionRow;

    fn policy(idle_minutes: i64, max_days: i64) -> SessionPolicy {
        SessionPolicy::new(SessionSettings {
            idle: TimeDelta::minutes(idle_minutes),
            max_age: TimeDelta::days(max_days),
        })
    }

    fn row(created: DateTime<Utc>, last_seen: DateTime<Utc>, p: SessionPolicy) -> SessionRow {
        SessionRow {
            id_hash: String::new(),
            user_id: None,
            state: "{}".into(),
            created_at: created,
            last_seen_at: last_seen,
            expires_at: p.expires_at(created, true),
        }
    }

    #[test]
    fn a_session_ends_when_idle_or_at_its_lifetime_whichever_comes_first() {
        let p = policy(60, 2);
        let start = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        let fresh = row(start, start, p);
        assert!(fresh.is_live(p.liveness(start + TimeDelta::minutes(59))));
        assert!(!fresh.is_live(p.liveness(start + TimeDelta::minutes(60))));
        // Seen a minute before the end of its second day: not idle, but too old.
        let busy = row(start, start + TimeDelta::days(2) - TimeDelta::minutes(1), p);
        assert!(busy.is_live(p.liveness(start + TimeDelta::days(2) - TimeDelta::seconds(1))));
        assert!(!busy.is_live(p.liveness(start + TimeDelta::days(2))));
    }

    #[test]
    fn only_actix_sessions_own_failures_become_the_busy_page() {
        let failed_load = InternalError::from_response(
            anyhow::anyhow!("pool timed out"),
            actix_web::HttpResponse::InternalServerError().finish(),
        );
        assert!(is_session_failure(&failed_load.into()));
        let failed_save = InternalError::from_response(
            SaveError::Other(anyhow::anyhow!("pool timed out")),
            actix_web::HttpResponse::InternalServerError().finish(),
        );
        assert!(is_session_failure(&failed_save.into()));
        assert!(!is_session_failure(&AppError::NotFound.into()));
        assert!(!is_session_failure(
            &AppError::internal(anyhow::anyhow!("a bug")).into()
        ));
    }

    #[test]
    fn a_visitors_session_lasts_a_day_at_most() {
        let p = policy(7 * 24 * 60, 30);
        let t = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(p.expires_at(t, false), t + TimeDelta::days(1));
        assert_eq!(p.expires_at(t, true), t + TimeDelta::days(30));
    }

    #[test]
    fn last_seen_is_written_at_most_once_a_minute() {
        let p = policy(7 * 24 * 60, 30);
        let t = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        assert!(!p.needs_touch(t, t + TimeDelta::seconds(59)));
        assert!(p.needs_touch(t, t + TimeDelta::seconds(60)));
        // A short idle timeout is tracked more closely.
        let short = policy(2, 1);
        assert!(short.needs_touch(t, t + TimeDelta::seconds(30)));
    }
}
