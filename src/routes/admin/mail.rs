//! `/admin/mail`: the newest outbox messages with their delivery state and counts per
//! status (`?status=` filters), and "try again" for a message the worker gave up on.

use actix_session::Session;
use actix_web::{get, post, web, HttpResponse};

use super::{utc, Admin, AdminForm};
use crate::auth::session::flash;
use crate::db::models::outbox::{self, OutboxRow, OutboxStatus};
use crate::email::worker::MAX_ATTEMPTS;
use crate::error::AppResult;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::admin::{MailPage, MailRow, StatusCount};
use crate::views::{page, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list).service(retry);
}

const LIMIT: i64 = 100;

const STATUSES: [OutboxStatus; 4] = [
    OutboxStatus::Queued,
    OutboxStatus::Sending,
    OutboxStatus::Sent,
    OutboxStatus::Failed,
];

#[derive(Debug, Default, serde::Deserialize)]
struct MailQuery {
    #[serde(default)]
    status: String,
}

fn row(message: &OutboxRow) -> MailRow {
    let queued = message.status() == Some(OutboxStatus::Queued);
    MailRow {
        id: message.id.to_string(),
        recipient: message.recipient.clone(),
        subject: message.subject.clone(),
        kind: message.kind.replace('_', " "),
        status: message.status.clone(),
        attempts: message.attempts,
        // Only a queued message is waiting for an attempt.
        next_attempt: if queued {
            utc(message.next_attempt_at)
        } else {
            String::new()
        },
        last_error: message.last_error.clone().unwrap_or_default(),
        // The worker gives up before the last attempt only on a permanent answer.
        refused: message.status() == Some(OutboxStatus::Failed) && message.attempts < MAX_ATTEMPTS,
        created: utc(message.created_at),
        sent: message.sent_at.map(utc).unwrap_or_default(),
        can_retry: message.status() == Some(OutboxStatus::Failed),
    }
}

#[get("/admin/mail")]
async fn list(
    state: web::Data<AppState>,
    _admin: Admin,
    ctx: PageContext,
    query: web::Query<MailQuery>,
) -> AppResult<HttpResponse> {
    // An unknown status shows everything rather than an error page.
    let filter = OutboxStatus::parse(&query.status);
    let (messages, counts) = state
        .db(move |conn| {
            let messages = outbox::recent_by_status(conn, filter, LIMIT)?;
            let counts = outbox::count_by_status(conn)?;
            Ok((messages, counts))
        })
        .await?;
    let counts = STATUSES
        .iter()
        .map(|status| StatusCount {
            status: status.as_str().to_owned(),
            count: counts
                .iter()
                .find(|(s, _)| s == status.as_str())
                .map_or(0, |(_, n)| *n),
            selected: filter == Some(*status),
        })
        .collect();
    Ok(page(&MailPage {
        ctx,
        counts,
        filter: filter.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        limit: LIMIT,
        rows: messages.iter().map(row).collect(),
    }))
}

#[post("/admin/mail/{id}/retry")]
async fn retry(
    state: web::Data<AppState>,
    _admin: Admin,
    session: Session,
    path: web::Path<String>,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    form?;
    let id = parse_id(&path)?;
    let now = state.now();
    let requeued = state
        .db(move |conn| outbox::requeue_failed(conn, id, now))
        .await?;
    if requeued {
        state.mailer.wake();
        flash(
            &session,
            FlashKind::Success,
            crate::i18n::Text::id("flash-mail-requeued"),
        );
    } else {
        flash(
            &session,
            FlashKind::Info,
            crate::i18n::Text::id("flash-mail-not-failed"),
        );
    }
    Ok(redirect("/admin/mail"))
}
