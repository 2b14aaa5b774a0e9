//! The email outbox on both backends: mail exists only with the change that caused it, is
//! delivered once, survives a mail server outage and a crashed worker, and is given up
//! visibly. Delivery passes are driven with `deliver_due` and the manual clock, never by
//! sleeping through a backoff.

use std::collections::HashMap;
use std::time::Duration;

use chrono::TimeDelta;
use slotbook::db::models::outbox::{self, OutboxRow};
use slotbook::db::{write_transaction, StoreError};
use slotbook::email::worker::{deliver_due, retry_delay, Pass, MAX_ATTEMPTS, STALE_CLAIM};
use slotbook::email::{self, OutgoingMessage, SentMail, TestMail};
use uuid::Uuid;

use crate::helpers::{spawn_app_with, spawn_app_with_deps, Backend, TestApp};
use crate::smtp_server::SmtpServer;

crate::both_backends!(
    mail_from_a_rolled_back_change_is_never_queued_or_sent,
    mail_is_given_up_as_failed_with_its_last_error_after_the_maximum_attempts,
    a_mail_left_sending_by_a_crashed_worker_is_sent_again_after_the_stale_claim_limit,
    concurrent_delivery_passes_never_send_a_message_twice,
);

// Tests that build their own app (another transport, the background worker on).
crate::on_both_backends!(
    a_committed_mail_is_delivered_once_by_the_worker_as_soon_as_it_is_woken,
    without_smtp_url_mail_is_written_as_eml_files_in_the_data_directory,
    mail_reaches_a_real_smtp_server_with_sender_subject_message_id_both_parts_and_the_invite,
    while_the_smtp_server_is_down_mail_backs_off_and_is_delivered_exactly_once_when_it_returns,
);

/// The app with `SMTP_URL` pointing at a test SMTP server of its own.
pub(crate) async fn spawn_app_with_smtp(backend: Backend) -> Option<(TestApp, SmtpServer)> {
    let server = SmtpServer::start().await;
    let url = server.url();
    let app = spawn_app_with(backend, |s| s.smtp_url = Some(url)).await?;
    Some((app, server))
}

// ---- helpers ----

pub(crate) fn test_mail(app: &TestApp, to: &str) -> OutgoingMessage {
    let mail = TestMail {
        base_url: app.state.settings.base_url.clone(),
        sent_at: app.state.now(),
    };
    email::render(to, &mail).expect("the test message renders")
}

/// Enqueues `message` in a committed transaction, as a change that causes mail would.
async fn enqueue(app: &TestApp, message: OutgoingMessage) -> Uuid {
    let now = app.state.now();
    app.db(move |c| write_transaction(c, |c| outbox::enqueue(c, &message, now)).expect("enqueue"))
        .await
}

async fn outbox_row(app: &TestApp, id: Uuid) -> OutboxRow {
    app.db(move |c| outbox::find(c, id).unwrap().expect("outbox row"))
        .await
}

async fn outbox_rows(app: &TestApp) -> Vec<OutboxRow> {
    app.db(|c| outbox::recent_by_status(c, None, 1000).unwrap())
        .await
}

async fn deliver(app: &TestApp) -> Pass {
    deliver_due(&app.state).await.expect("delivery pass")
}

/// What the in-memory transport has sent so far.
fn captured(app: &TestApp) -> Vec<SentMail> {
    app.state
        .mailer
        .memory()
        .expect("in-memory transport")
        .messages()
}

fn pass(sent: usize, retried: usize, failed: usize) -> Pass {
    Pass {
        sent,
        retried,
        failed,
    }
}

/// Undoes quoted-printable soft line breaks and escapes, so a test can read a part's text.
fn decode_quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(byte) = u8::from_str_radix(hex, 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

const INVITE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Slotbook//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@localhost\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

// ---- tests ----

async fn mail_from_a_rolled_back_change_is_never_queued_or_sent(app: TestApp) {
    let message = test_mail(&app, "ada@example.com");
    let now = app.state.now();

    let result = app
        .db(move |c| {
            write_transaction(c, |c| {
                outbox::enqueue(c, &message, now)?;
                // The change that caused the mail fails after the mail was queued.
                Err::<(), _>(StoreError::NotFound)
            })
        })
        .await;

    assert!(matches!(result, Err(StoreError::NotFound)));
    assert!(outbox_rows(&app).await.is_empty());
    assert_eq!(deliver(&app).await, Pass::default());
    assert!(captured(&app).is_empty());

    // The same mail from a change that commits is delivered, once.
    let id = enqueue(&app, test_mail(&app, "ada@example.com")).await;
    assert_eq!(outbox_row(&app, id).await.status, "queued");
    assert_eq!(app.delivered_mail().await.len(), 1);
    let captured = app.delivered_mail().await;
    assert_eq!(captured.len(), 1, "delivered once");
    assert_eq!(captured[0].to, "ada@example.com");
    assert_eq!(outbox_row(&app, id).await.status, "sent");
}

async fn a_committed_mail_is_delivered_once_by_the_worker_as_soon_as_it_is_woken(backend: Backend) {
    // A timer that does not fire again after its first tick: only `wake` can make the
    // worker deliver this mail within the test.
    let Some(app) = spawn_app_with_deps(
        backend,
        |_| {},
        |deps| deps.mail_every = Some(Duration::from_secs(3600)),
    )
    .await
    else {
        return;
    };
    tokio::time::sleep(Duration::from_millis(200)).await;

    let id = enqueue(&app, test_mail(&app, "ada@example.com")).await;
    app.state.mailer.wake();

    let row =
        wait_for(|| async { Some(outbox_row(&app, id).await).filter(|r| r.status == "sent") })
            .await
            .expect("the worker delivered the mail");
    assert_eq!(row.attempts, 1);
    assert_eq!(row.sent_at, Some(app.state.now()));
    let sent = captured(&app);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].to, "ada@example.com");
    assert_eq!(sent[0].subject, "Slotbook test message");
    assert_eq!(sent[0].kind, "test");
    assert!(sent[0]
        .text
        .contains(&format!("{}/", app.state.settings.base_url)));

    app.clock.advance(TimeDelta::days(1));
    app.state.mailer.wake();
    assert_eq!(deliver(&app).await, Pass::default());
    assert_eq!(captured(&app).len(), 1, "delivered exactly once");
}

/// Polls `check` for up to five seconds.
async fn wait_for<T, F, Fut>(check: F) -> Option<T>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..250 {
        if let Some(value) = check().await {
            return Some(value);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    None
}

async fn without_smtp_url_mail_is_written_as_eml_files_in_the_data_directory(backend: Backend) {
    // No SMTP_URL and no replacement: the transport a fresh install gets.
    let Some(app) = spawn_app_with_deps(backend, |_| {}, |deps| deps.mail_transport = None).await
    else {
        return;
    };
    let id = enqueue(&app, test_mail(&app, "ada@example.com")).await;

    assert_eq!(deliver(&app).await, pass(1, 0, 0));

    let file = app
        .state
        .settings
        .data_dir
        .join("mail")
        .join(format!("{id}.eml"));
    let raw = std::fs::read_to_string(&file).expect("an .eml file per message");
    assert!(raw.contains("To: ada@example.com"));
    assert!(raw.contains("Subject: Slotbook test message"));
    let text = decode_quoted_printable(&raw);
    assert!(text.contains(&format!("{}/", app.state.settings.base_url)));
    assert_eq!(outbox_row(&app, id).await.status, "sent");
}

async fn mail_reaches_a_real_smtp_server_with_sender_subject_message_id_both_parts_and_the_invite(
    backend: Backend,
) {
    let Some((app, server)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    let id = enqueue(&app, test_mail(&app, "ada@example.com").with_ics(INVITE)).await;

    assert_eq!(deliver(&app).await, pass(1, 0, 0));

    let received = server.received();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.from, "slotbook@localhost");
    assert_eq!(mail.to, ["ada@example.com"]);
    let raw = &mail.data;
    assert!(
        raw.contains("From: Slotbook <slotbook@localhost>\r\n"),
        "{raw}"
    );
    assert!(raw.contains("To: ada@example.com\r\n"));
    assert!(raw.contains("Subject: Slotbook test message\r\n"));
    assert!(raw.contains(&format!("Message-ID: <{}@localhost>\r\n", id.simple())));
    assert!(raw.contains("Content-Type: multipart/alternative;"));
    assert!(raw.contains("Content-Type: text/plain; charset=utf-8"));
    assert!(raw.contains("Content-Type: text/html; charset=utf-8"));
    assert!(raw.contains("Content-Type: text/calendar; method=REQUEST; charset=utf-8"));
    assert!(raw.contains("filename=\"invite.ics\""));
    let decoded = decode_quoted_printable(raw);
    let home = format!("{}/", app.state.settings.base_url);
    assert!(
        decoded.contains(&format!("Open Slotbook:\r\n{home}")),
        "{decoded}"
    );
    assert!(decoded.contains(&format!("href=\"{home}\"")));

    let row = outbox_row(&app, id).await;
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 1));
    assert_eq!(row.sent_at, Some(app.state.now()));
}

async fn while_the_smtp_server_is_down_mail_backs_off_and_is_delivered_exactly_once_when_it_returns(
    backend: Backend,
) {
    let Some((app, mut server)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    server.stop().await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let mut message = test_mail(&app, &format!("guest{n}@example.com"));
        message.subject = format!("Message {n}");
        ids.push(enqueue(&app, message).await);
    }

    // Every attempt fails and is put back in the queue for 30 seconds later.
    let start = app.state.now();
    assert_eq!(deliver(&app).await, pass(0, 3, 0));
    for id in &ids {
        let row = outbox_row(&app, *id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("queued", 1));
        assert!(
            row.last_error
                .as_deref()
                .is_some_and(|e| e.contains("onnection")),
            "{row:?}"
        );
        assert_eq!(row.next_attempt_at, start + TimeDelta::seconds(30));
        assert_eq!(row.sent_at, None);
    }
    assert_eq!(
        deliver(&app).await,
        Pass::default(),
        "not due before the backoff"
    );

    // The second attempt fails too and waits twice as long.
    app.clock.advance(TimeDelta::seconds(30));
    assert_eq!(deliver(&app).await, pass(0, 3, 0));
    let second = app.state.now();
    for id in &ids {
        let row = outbox_row(&app, *id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("queued", 2));
        assert_eq!(row.next_attempt_at, second + TimeDelta::seconds(60));
    }

    // The server comes back; nothing is sent before the retry is due, everything after.
    server.restart().await;
    app.clock.advance(TimeDelta::seconds(59));
    assert_eq!(deliver(&app).await, Pass::default());
    assert!(server.received().is_empty());
    app.clock.advance(TimeDelta::seconds(1));
    assert_eq!(deliver(&app).await, pass(3, 0, 0));

    app.clock.advance(TimeDelta::days(1));
    assert_eq!(deliver(&app).await, Pass::default());
    let mut per_recipient: HashMap<String, usize> = HashMap::new();
    for mail in server.received() {
        for to in mail.to {
            *per_recipient.entry(to).or_default() += 1;
        }
    }
    let expected: HashMap<String, usize> = (0..3)
        .map(|n| (format!("guest{n}@example.com"), 1))
        .collect();
    assert_eq!(per_recipient, expected, "each message arrived exactly once");
    for id in &ids {
        let row = outbox_row(&app, *id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("sent", 3));
        assert_eq!(row.sent_at, Some(second + TimeDelta::seconds(60)));
    }
}

async fn mail_is_given_up_as_failed_with_its_last_error_after_the_maximum_attempts(app: TestApp) {
    let memory = app
        .state
        .mailer
        .memory()
        .expect("in-memory transport")
        .clone();
    memory.fail_with(Some("550 mailbox unavailable"));
    let id = enqueue(&app, test_mail(&app, "ada@example.com")).await;

    for attempt in 1..MAX_ATTEMPTS {
        assert_eq!(deliver(&app).await, pass(0, 1, 0), "attempt {attempt}");
        let row = outbox_row(&app, id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("queued", attempt));
        app.clock.advance(retry_delay(attempt));
    }
    assert_eq!(deliver(&app).await, pass(0, 0, 1), "the last attempt");

    let row = outbox_row(&app, id).await;
    assert_eq!(
        (row.status.as_str(), row.attempts),
        ("failed", MAX_ATTEMPTS)
    );
    assert_eq!(row.last_error.as_deref(), Some("550 mailbox unavailable"));
    assert_eq!(row.sent_at, None);

    // Failed is final, even once the server would accept it.
    memory.fail_with(None);
    app.clock.advance(TimeDelta::days(7));
    assert_eq!(deliver(&app).await, Pass::default());
    assert!(captured(&app).is_empty());
}

async fn a_mail_left_sending_by_a_crashed_worker_is_sent_again_after_the_stale_claim_limit(
    app: TestApp,
) {
    let id = enqueue(&app, test_mail(&app, "ada@example.com")).await;
    // A worker claims the row and dies before it can send or settle it.
    let now = app.state.now();
    let crashed = app
        .db(move |c| outbox::claim_next(c, now, now - STALE_CLAIM).unwrap())
        .await
        .expect("the row is claimed");
    assert_eq!(outbox_row(&app, id).await.status, "sending");

    // A fresh claim is left alone: its worker may still be sending.
    app.clock.advance(STALE_CLAIM - TimeDelta::seconds(1));
    assert_eq!(deliver(&app).await, Pass::default());
    assert!(captured(&app).is_empty());

    app.clock.advance(TimeDelta::seconds(2));
    assert_eq!(deliver(&app).await, pass(1, 0, 0));
    assert_eq!(captured(&app).len(), 1);
    let row = outbox_row(&app, id).await;
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 2));

    // Should the crashed worker wake up after all, it can no longer change the row.
    let claimed_at = crashed.claimed_at.unwrap();
    let late = app.state.now();
    let overwritten = app
        .db(move |c| outbox::schedule_retry(c, id, claimed_at, "late", late).unwrap())
        .await;
    assert!(!overwritten);
    assert_eq!(outbox_row(&app, id).await.status, "sent");
}

async fn concurrent_delivery_passes_never_send_a_message_twice(app: TestApp) {
    let now = app.state.now();
    let messages: Vec<OutgoingMessage> = (0..40)
        .map(|n| {
            let mut message = test_mail(&app, &format!("guest{n}@example.com"));
            message.subject = format!("Message {n}");
            message
        })
        .collect();
    app.db(move |c| {
        write_transaction(c, |c| {
            for message in &messages {
                outbox::enqueue(c, message, now)?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap()
    })
    .await;

    // Four passes at once against the same database, as four instances would run them.
    let mut passes = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let state = app.state.clone();
        passes.spawn(async move { deliver_due(&state).await.expect("delivery pass") });
    }
    let mut sent = 0;
    while let Some(pass) = passes.join_next().await {
        sent += pass.unwrap().sent;
    }
    assert_eq!(sent, 40);
    let mut subjects: Vec<String> = captured(&app).into_iter().map(|m| m.subject).collect();
    assert_eq!(subjects.len(), 40, "no message was sent twice");
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), 40);
    assert!(outbox_rows(&app)
        .await
        .iter()
        .all(|r| r.status == "sent" && r.attempts == 1));
}
