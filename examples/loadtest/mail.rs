//! Mail delivery throughput: queues `LOADTEST_MAILS` (default 1,000) messages in the outbox
//! and lets the delivery passes of one instance (`email::worker::deliver_due`, as the worker
//! runs them) send them over SMTP to a local sink that answers at once, timing until the
//! outbox is empty. Checks that the sink received every message exactly once (by
//! Message-ID) and that every row ended `sent` after one attempt.
//!
//! ```sh
//! cargo run --release --example loadtest -- mail              # SQLite in a temp dir
//! LOADTEST_DATABASE_URL=postgres://… cargo run --release --example loadtest -- mail
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use slotbook::clock::ManualClock;
use slotbook::db::models::outbox;
use slotbook::db::{write_transaction, StoreError};
use slotbook::email::worker::deliver_due;
use slotbook::email::OutgoingMessage;
use slotbook::startup::{Application, Dependencies};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::{fixtures, start_of_2030};

pub async fn run() -> anyhow::Result<()> {
    let count: usize = std::env::var("LOADTEST_MAILS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000);
    let data = tempfile::tempdir()?;
    let (mut settings, backend) = fixtures::settings(data.path(), "mail.db")?;
    let sink = Sink::start().await?;
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
    let now = start_of_2030()?;
    let app = Application::build_with(
        settings,
        Dependencies {
            clock: ManualClock::new(now),
            jobs_every: None,
            mail_every: None,
            // Background loops are actix tasks (`spawn_local`); this scenario runs on a
            // plain tokio runtime and drives delivery itself.
            webhooks_every: None,
            ..Dependencies::default()
        },
    )
    .await?;
    let state = app.state().clone();

    let mut conn = state.pool.get()?;
    anyhow::ensure!(
        outbox::count_by_status(&mut conn)?.is_empty(),
        "the outbox of LOADTEST_DATABASE_URL is not empty: give the mail scenario an empty database"
    );
    write_transaction(&mut conn, |c| -> Result<(), StoreError> {
        for n in 0..count {
            outbox::enqueue(c, &message(n), now)?;
        }
        Ok(())
    })?;
    drop(conn);

    let started = Instant::now();
    let mut sent = 0;
    loop {
        let pass = deliver_due(&state).await?;
        anyhow::ensure!(
            pass.retried == 0 && pass.failed == 0,
            "a delivery failed: {pass:?}"
        );
        if pass.sent == 0 {
            break;
        }
        sent += pass.sent;
    }
    let elapsed = started.elapsed();

    let received = sink.received();
    let twice = received.values().filter(|n| **n > 1).count();
    anyhow::ensure!(
        sent == count && received.len() == count && twice == 0,
        "sent {sent}, the sink received {} distinct messages ({twice} more than once) of {count}",
        received.len()
    );
    let mut conn = state.pool.get()?;
    let by_status = outbox::count_by_status(&mut conn)?;
    anyhow::ensure!(
        by_status == [("sent".to_owned(), count as i64)],
        "outbox after the run: {by_status:?}"
    );
    println!(
        "mail on {backend}: {count} messages to a local SMTP sink in {:.2} s: {:.0} messages/s",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}

fn message(n: usize) -> OutgoingMessage {
    OutgoingMessage {
        to: format!("guest{n}@example.com"),
        subject: format!("Your booking {n}"),
        // About the size of a booking mail: a few KB of text and HTML.
        text: format!(
            "Hello guest {n},\n\n{}",
            "Your booking is confirmed.\n".repeat(60)
        ),
        html: format!(
            "<p>Hello guest {n},</p>{}",
            "<p>Your booking is confirmed.</p>\n".repeat(60)
        ),
        ics: None,
        kind: "test".to_owned(),
        booking_id: None,
    }
}

/// An SMTP server that accepts everything at once and counts messages by Message-ID.
struct Sink {
    port: u16,
    received: Arc<Mutex<HashMap<String, usize>>>,
}

impl Sink {
    async fn start() -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let received = Arc::new(Mutex::new(HashMap::new()));
        let counts = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, counts.clone()));
            }
        });
        Ok(Self { port, received })
    }

    fn received(&self) -> HashMap<String, usize> {
        self.received
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

async fn session(stream: TcpStream, received: Arc<Mutex<HashMap<String, usize>>>) {
    let _ = stream.set_nodelay(true);
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if write.write_all(b"220 sink ESMTP\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    let mut in_data = false;
    let mut message_id = None;
    loop {
        line.clear();
        match lines.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        if in_data {
            if line == ".\r\n" {
                in_data = false;
                if let Some(id) = message_id.take() {
                    *received
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .entry(id)
                        .or_insert(0) += 1;
                }
                if write.write_all(b"250 queued\r\n").await.is_err() {
                    return;
                }
            } else if message_id.is_none() && line.to_ascii_lowercase().starts_with("message-id:") {
                message_id = Some(line["message-id:".len()..].trim().to_owned());
            }
            continue;
        }
        let upper = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if upper == "DATA" {
            in_data = true;
            b"354 go ahead\r\n"
        } else if upper == "QUIT" {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"250 ok\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
