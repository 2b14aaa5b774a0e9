//! Background work inside the server: the hold sweeper (pending bookings whose hold lapsed
//! become `expired`, freeing the slot, and the guest is told), booking reminders (one
//! per booking, never twice) and the purge of expired sessions. Both read "now" from the injected clock, so tests drive them
//! by moving a manual clock and calling `run_once`.

use std::time::Duration;

use crate::db::models::bookings::Booking;
use crate::db::models::{jobs, services, users};
use crate::email::booking as booking_mail;
use crate::error::AppResult;
use crate::startup::AppState;

const BATCH: i64 = 200;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub expired: usize,
    pub reminded: usize,
}

/// Runs both jobs once.
pub async fn run_once(state: &AppState) -> AppResult<Pass> {
    Ok(Pass {
        expired: sweep_lapsed_holds(state).await?,
        reminded: send_due_reminders(state).await?,
    })
}

/// Runs the jobs every `every` until the process ends; errors are logged, never fatal.
pub async fn run_forever(state: AppState, every: Duration) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match run_once(&state).await {
            Ok(pass) if pass != Pass::default() => tracing::info!(?pass, "background jobs ran"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "background jobs failed; retrying later"),
        }
        match crate::auth::session_store::purge_expired(&state).await {
            Ok(0) => {}
            Ok(purged) => tracing::debug!(purged, "expired sessions deleted"),
            Err(error) => tracing::warn!(%error, "session purge failed; retrying later"),
        }
    }
}

/// Loads the provider and service a booking's mails need.
fn mail_context(
    conn: &mut crate::db::DbConnection,
    state: &AppState,
    booking: &Booking,
) -> crate::db::StoreResult<booking_mail::Context> {
    let provider =
        users::find(conn, booking.provider_id)?.ok_or(crate::db::StoreError::NotFound)?;
    let service = services::find_for_provider(conn, booking.provider_id, booking.service_id)?
        .ok_or(crate::db::StoreError::NotFound)?;
    Ok(booking_mail::Context::new(
        &state.settings,
        &provider,
        &service,
    ))
}

pub async fn sweep_lapsed_holds(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let job_state = state.clone();
    state
        .db(move |conn| {
            let mut expired = 0;
            for id in jobs::lapsed_holds(conn, now, BATCH)? {
                let Some(booking) = crate::db::models::bookings::find(conn, id)? else {
                    continue;
                };
                let context = mail_context(conn, &job_state, &booking)?;
                if jobs::expire_one(conn, id, now, &|b| context.expired(b))? {
                    expired += 1;
                }
            }
            Ok(expired)
        })
        .await
}

pub async fn send_due_reminders(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let job_state = state.clone();
    state
        .db(move |conn| {
            let mut sent = 0;
            for booking in jobs::reminder_candidates(conn, now, BATCH)? {
                let service =
                    services::find_for_provider(conn, booking.provider_id, booking.service_id)?;
                let Some(lead) = service.and_then(|s| s.reminder_minutes_before) else {
                    continue;
                };
                if booking.start_at - chrono::TimeDelta::minutes(i64::from(lead)) > now {
                    continue;
                }
                let context = mail_context(conn, &job_state, &booking)?;
                let mail = context
                    .reminder(&booking)
                    .map_err(|e| crate::db::StoreError::Compose(e.to_string()))?;
                if jobs::remind_one(conn, &booking, now, &mail)? {
                    sent += 1;
                }
            }
            Ok(sent)
        })
        .await
}
