//! Background work inside the server: the hold sweeper (pending bookings whose hold lapsed
//! become `expired`, freeing the slot, and the guest is told), booking reminders (one
//! per booking, never twice), the guest data retention (`GUEST_DATA_RETENTION_DAYS`:
//! guest details of bookings that ended that long ago are erased, older mails deleted),
//! the teams' daily agenda mails (from 07:00 in each team's zone, once per member and
//! day) and the purge of expired sessions. Both read "now" from the injected clock, so tests drive them
//! by moving a manual clock and calling `run_once`.

use std::time::Duration;

use crate::db::models::{holds, jobs, privacy, provider_looks, team_agenda};
use crate::db::{write_transaction, StoreError};
use crate::domain::team::agenda_day;
use crate::domain::time::TimeRange;
use crate::email::booking as booking_mail;
use crate::email::team as team_mail;
use crate::error::AppResult;
use crate::ops::metrics::Job;
use crate::state::AppState;

const BATCH: i64 = 200;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub expired: usize,
    pub reminded: usize,
    /// Bookings whose guest data the retention period erased.
    pub erased: usize,
    /// Mails deleted from the outbox for being older than the retention period.
    pub purged_mails: usize,
}

/// Runs every job once.
pub async fn run_once(state: &AppState) -> AppResult<Pass> {
    let expired = sweep_lapsed_holds(state).await?;
    let reminded = send_due_reminders(state).await?;
    let (erased, purged_mails) = apply_retention(state).await?;
    Ok(Pass {
        expired,
        reminded,
        erased,
        purged_mails,
    })
}

/// Erases the guest data of bookings that ended more than `GUEST_DATA_RETENTION_DAYS` ago
/// (a batch per transaction, until none is left) and deletes mails queued before then.
/// Does nothing when the setting is off. Returns (bookings erased, mails deleted).
pub async fn apply_retention(state: &AppState) -> AppResult<(usize, usize)> {
    let Some(retention) = state.settings.guest_data_retention else {
        return Ok((0, 0));
    };
    let now = state.now();
    let cutoff = retention.cutoff(now);
    state
        .db(move |conn| {
            let mut erased = 0;
            loop {
                let due = privacy::past_retention(conn, cutoff, BATCH)?;
                if due.is_empty() {
                    break;
                }
                erased += privacy::erase_for_retention(
                    conn,
                    &due,
                    crate::domain::privacy::RETENTION_DETAIL,
                    now,
                )?;
            }
            let purged = privacy::purge_mail_before(conn, cutoff)?;
            Ok((erased, purged))
        })
        .await
}

/// Runs the jobs every `every` until the process ends; errors are logged, never fatal.
pub async fn run_forever(state: AppState, every: Duration) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let started = std::time::Instant::now();
        let outcome = run_once(&state).await;
        let ok = outcome.is_ok();
        state
            .metrics
            .job_ran(Job::Bookings, ok, started.elapsed(), chrono::Utc::now());
        match outcome {
            Ok(pass) if pass != Pass::default() => tracing::info!(?pass, "background jobs ran"),
            Ok(_) => {}
            // `{:#}`: the whole cause chain (a mail that cannot be composed says why).
            Err(error) => {
                tracing::warn!(error = %format!("{error:#}"), "background jobs failed; retrying later")
            }
        }
        match send_team_agendas(&state).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "team agenda mails queued"),
            Err(error) => {
                tracing::warn!(error = %format!("{error:#}"), "team agendas failed; retrying later")
            }
        }
        let started = std::time::Instant::now();
        let purged = crate::auth::session_store::purge_expired(&state).await;
        let ok = purged.is_ok();
        state
            .metrics
            .job_ran(Job::Sessions, ok, started.elapsed(), chrono::Utc::now());
        match purged {
            Ok(0) => {}
            Ok(purged) => tracing::debug!(purged, "expired sessions deleted"),
            Err(error) => tracing::warn!(%error, "session purge failed; retrying later"),
        }
    }
}

/// Expires every lapsed hold (up to a batch), each in its own transaction, through the
/// same `holds::expire` the claim uses.
pub async fn sweep_lapsed_holds(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db(move |conn| {
            let compose: &holds::ComposeExpired<'_> = &|booking, service, provider, brand| {
                booking_mail::expired(&settings, booking, service, provider, brand)
            };
            let mut expired = 0;
            for id in holds::lapsed(conn, now, BATCH)? {
                if write_transaction(conn, |c| holds::expire(c, id, now, compose))? {
                    expired += 1;
                }
            }
            Ok(expired)
        })
        .await
}

/// Sends every reminder that is due (up to a batch), each marked and queued in its own
/// transaction. One query finds them with their service and provider.
pub async fn send_due_reminders(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let settings = state.settings.clone();
    state
        .db(move |conn| {
            let mut sent = 0;
            for (booking, service, provider) in jobs::due_reminders(conn, now, BATCH)? {
                let brand = provider_looks::branding(conn, &service)?;
                let mail = match booking_mail::Context::new(&settings, &provider, &service, brand)
                    .reminder(&booking)
                {
                    Ok(mail) => mail,
                    // One booking that cannot be rendered must not stop the others.
                    Err(error) => {
                        tracing::error!(booking = %booking.id, %error, "reminder cannot be composed");
                        continue;
                    }
                };
                if jobs::remind_one(conn, &booking, now, &mail)? {
                    sent += 1;
                }
            }
            Ok(sent)
        })
        .await
}

/// Queues the day's agenda of every team for each member who asked for it, once it is
/// 07:00 or later in the team's zone (`domain::team::agenda_day`): one mail per member,
/// team and day, however often this runs and on however many instances. Returns how
/// many it queued.
pub async fn send_team_agendas(state: &AppState) -> AppResult<usize> {
    let now = state.now();
    let base_url = state.settings.base_url.clone();
    state
        .db(move |conn| {
            let mut queued = 0;
            for (team, member) in team_agenda::subscribers(conn)? {
                let tz = team.timezone.tz();
                let Some(day) = agenda_day(now, tz) else {
                    continue;
                };
                if team_agenda::already_queued(conn, team.id, member.id, day)? {
                    continue;
                }
                let front_desk = crate::db::models::teams::membership(conn, &team.slug, member.id)?
                    .is_some_and(|(_, role)| role.operates_front_desk());
                let compose = |lines: &[team_agenda::AgendaLine]| {
                    Ok(team_mail::agenda(&base_url, &team, &member, front_desk, day, lines)?)
                };
                let range = TimeRange::local_dates(day, day, tz);
                match team_agenda::queue_once(conn, team.id, member.id, day, range, &compose, now) {
                    Ok(true) => queued += 1,
                    Ok(false) => {}
                    // One agenda that cannot be rendered must not stop the others.
                    Err(StoreError::Compose(error)) => {
                        tracing::error!(team = %team.id, member = %member.id, %error, "agenda cannot be composed");
                    }
                    Err(other) => return Err(other),
                }
            }
            Ok(queued)
        })
        .await
}
