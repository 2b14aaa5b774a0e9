//! Mail delivery over SMTP at volume, on both backends: each pass claims a few messages at
//! once and sends them in parallel over kept connections, and still every message arrives
//! exactly once, a failure of one message does not touch the others of its round, and a
//! kept connection the server dropped is replaced without failing a message.

use std::collections::HashMap;

use slotbook::db::models::outbox::{self, OutboxRow};
use slotbook::db::{write_transaction, StoreError};
use slotbook::email::smtp::MAX_IDLE;
use slotbook::email::worker::{deliver_due, Pass};
use slotbook::email::OutgoingMessage;

use crate::helpers::{Backend, TestApp};
use crate::mail::{spawn_app_with_smtp, test_mail};
use crate::smtp_server::{SmtpServer, BUSY_PREFIX, REFUSED_PREFIX};

crate::on_both_backends!(
    a_backlog_over_smtp_arrives_exactly_once_over_a_few_kept_connections,
    concurrent_passes_over_smtp_never_send_a_message_twice,
    one_refused_and_one_deferred_message_leave_the_rest_of_their_round_sent,
    a_kept_connection_the_server_dropped_is_replaced_without_failing_a_message,
);

/// Queues one message to each of `recipients` in one committed transaction.
async fn enqueue_all(app: &TestApp, recipients: &[String]) {
    let now = app.state.now();
    let messages: Vec<OutgoingMessage> = recipients.iter().map(|to| test_mail(app, to)).collect();
    app.db(move |c| {
        write_transaction(c, |c| {
            for message in &messages {
                outbox::enqueue(c, message, now)?;
            }
            Ok::<_, StoreError>(())
        })
        .expect("enqueue")
    })
    .await;
}

fn guests(count: usize) -> Vec<String> {
    (0..count)
        .map(|n| format!("guest{n}@example.com"))
        .collect()
}

async fn outbox_rows(app: &TestApp) -> Vec<OutboxRow> {
    app.db(|c| outbox::recent_by_status(c, None, 1000).unwrap())
        .await
}

/// How many times the server received a message for each recipient.
fn arrivals(server: &SmtpServer) -> HashMap<String, usize> {
    let mut per_recipient = HashMap::new();
    for mail in server.received() {
        for to in mail.to {
            *per_recipient.entry(to).or_insert(0) += 1;
        }
    }
    per_recipient
}

fn once_each(recipients: &[String]) -> HashMap<String, usize> {
    recipients.iter().map(|to| (to.clone(), 1)).collect()
}

async fn a_backlog_over_smtp_arrives_exactly_once_over_a_few_kept_connections(backend: Backend) {
    let Some((app, server)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    let recipients = guests(60);
    enqueue_all(&app, &recipients).await;

    let pass = deliver_due(&app.state).await.expect("delivery pass");
    assert_eq!(
        pass,
        Pass {
            sent: 60,
            retried: 0,
            failed: 0
        }
    );
    assert_eq!(arrivals(&server), once_each(&recipients));
    // Sent in parallel, but over kept connections: never one per message.
    let connections = server.connections();
    assert!(
        (1..=MAX_IDLE).contains(&connections),
        "{connections} connections for 60 messages"
    );
    let rows = outbox_rows(&app).await;
    assert_eq!(rows.len(), 60);
    assert!(rows
        .iter()
        .all(|r| r.status == "sent" && r.attempts == 1 && r.claimed_at.is_none()));

    // A later pass reuses the same connections and sends nothing again.
    let more = guests(70)[60..].to_vec();
    enqueue_all(&app, &more).await;
    assert_eq!(deliver_due(&app.state).await.unwrap().sent, 10);
    assert_eq!(server.connections(), connections, "kept connections reused");
    assert_eq!(arrivals(&server), once_each(&guests(70)));
}

async fn concurrent_passes_over_smtp_never_send_a_message_twice(backend: Backend) {
    let Some((app, server)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    let recipients = guests(80);
    enqueue_all(&app, &recipients).await;

    // Four passes at once against the same database, as four instances would run them.
    let mut passes = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let state = app.state.clone();
        passes.spawn(async move { deliver_due(&state).await.expect("delivery pass") });
    }
    let mut sent = 0;
    while let Some(pass) = passes.join_next().await {
        let pass = pass.unwrap();
        assert_eq!((pass.retried, pass.failed), (0, 0), "{pass:?}");
        sent += pass.sent;
    }
    // One more pass picks up anything the four left (none should remain).
    sent += deliver_due(&app.state).await.unwrap().sent;
    assert_eq!(sent, 80);
    assert_eq!(arrivals(&server), once_each(&recipients));
    assert!(outbox_rows(&app)
        .await
        .iter()
        .all(|r| r.status == "sent" && r.attempts == 1));
}

async fn one_refused_and_one_deferred_message_leave_the_rest_of_their_round_sent(backend: Backend) {
    let Some((app, server)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    let refused = format!("{REFUSED_PREFIX}@example.com");
    let busy = format!("{BUSY_PREFIX}@example.com");
    let mut recipients = guests(3);
    recipients.insert(1, refused.clone());
    recipients.insert(3, busy.clone());
    enqueue_all(&app, &recipients).await;

    let pass = deliver_due(&app.state).await.expect("delivery pass");
    assert_eq!(
        pass,
        Pass {
            sent: 3,
            retried: 1,
            failed: 1
        }
    );
    assert_eq!(arrivals(&server), once_each(&guests(3)));
    let rows = outbox_rows(&app).await;
    let status_of = |to: &str| {
        let row = rows.iter().find(|r| r.recipient == to).expect("row");
        (
            row.status.clone(),
            row.last_error.clone().unwrap_or_default(),
        )
    };
    let (status, error) = status_of(&refused);
    assert_eq!(status, "failed");
    assert!(error.contains("550"), "{error}");
    let (status, error) = status_of(&busy);
    assert_eq!(status, "queued");
    assert!(error.contains("451"), "{error}");
    for guest in guests(3) {
        assert_eq!(status_of(&guest).0, "sent");
    }

    // The connections the refusals broke are not reused: the next message goes out.
    enqueue_all(&app, &["late@example.com".to_owned()]).await;
    assert_eq!(deliver_due(&app.state).await.unwrap().sent, 1);
    assert_eq!(arrivals(&server).get("late@example.com"), Some(&1));
}

async fn a_kept_connection_the_server_dropped_is_replaced_without_failing_a_message(
    backend: Backend,
) {
    let Some((app, mut server)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    enqueue_all(&app, &["first@example.com".to_owned()]).await;
    assert_eq!(deliver_due(&app.state).await.unwrap().sent, 1);
    assert_eq!(server.connections(), 1);

    // The server restarts (as after a crash or a reload): every open connection is gone.
    server.restart().await;
    enqueue_all(&app, &["second@example.com".to_owned()]).await;
    let pass = deliver_due(&app.state).await.expect("delivery pass");
    assert_eq!(
        pass,
        Pass {
            sent: 1,
            retried: 0,
            failed: 0
        },
        "the dead connection was noticed before the message was sent"
    );
    assert_eq!(server.connections(), 2, "a new connection replaced it");
    let expected = once_each(&["first@example.com".into(), "second@example.com".into()]);
    assert_eq!(arrivals(&server), expected);
    assert!(outbox_rows(&app)
        .await
        .iter()
        .all(|r| r.status == "sent" && r.attempts == 1));
}
