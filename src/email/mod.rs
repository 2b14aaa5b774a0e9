//! Outgoing mail: the durable outbox, its delivery worker, the transports and the messages.
//!
//! # How mail leaves
//!
//! 1. The code that changes something calls `db::models::outbox::enqueue` inside the same
//!    `db::write_transaction` as the change. The mail is an `outbox` row from then on: a
//!    rolled-back change sends nothing, a committed one is never forgotten.
//! 2. The worker ([`worker`]), started by `Application::build_with`, claims due rows and
//!    sends them through the [`Mailer`]. Failures are retried with exponential backoff
//!    (30 s doubling, at most 2 h apart) and given up as `failed` after
//!    [`worker::MAX_ATTEMPTS`], with `last_error` kept for the admin page. A permanent
//!    answer (SMTP 5xx, such as "550 no such user") or an unsendable message is given up
//!    at once, with the server's answer; 4xx answers and connection errors back off. On PostgreSQL
//!    rows are claimed with `FOR UPDATE SKIP LOCKED`, so several instances never send one
//!    message twice. Delivery is at least once: a crash between the server's "250 OK" and
//!    the `sent` mark sends again after [`worker::STALE_CLAIM`], with the same Message-ID.
//!    After committing, `state.mailer.wake()` makes the worker look now instead of at its
//!    next tick (optional).
//! 3. The [`Transport`] is chosen at start: SMTP ([`smtp::SmtpClient`]) when `SMTP_URL` is set (`smtp://` plain,
//!    `smtp+starttls://`, `smtps://`; read by the `url` crate into [`SmtpUrl`]), otherwise
//!    `.eml` files under `DATA_DIR/mail/` with the links logged at info level. Tests get [`Transport::memory`] through
//!    `Dependencies::mail_transport` (the test harness sets it unless the test sets
//!    `SMTP_URL`) and read what was sent with `state.mailer.memory().unwrap().messages()`
//!    — or `app.delivered_mail().await`, which runs one delivery pass first.
//!
//! Every message is multipart/alternative (text and HTML), plus `invite.ics`
//! (`text/calendar; method=…`) when it carries a calendar, from `MAIL_FROM`.
//!
//! # Where the words are
//!
//! Every message has a folder `templates/email/<kind>/` (`<kind>` is also `outbox.kind`)
//! with `subject.txt` (kept to one line), `text.txt` (plain text, no escaping) and `html.html` (escaped, extending
//! `email/_layout.html`, which needs a `subject` for its `<title>`); call-to-action links
//! use `mail::button` from `email/_macros.html` (askama 0.16 needs the `{% endcall %}`).
//! Rust code only gathers values: names, links, times already in the recipient's zone.
//!
//! - **Stand-alone messages** implement [`EmailTemplate`] and go through [`render`]: [`TestMail`] in `message.rs`, and the account messages
//!   `verify_email` and `reset_password` in `auth::accounts::mail`.
//! - **Booking messages** ([`booking`]): their text and HTML parts extend
//!   `email/_booking.txt` / `email/_booking.html`, which lay out the greeting, the booking's
//!   details (what, when, the zone's name, where; the guest's details for the provider),
//!   the links that are present and the footer; a message fills its `lead` block (and
//!   `note`). `booking::Context` decides which message a booking event sends to whom and
//!   fills `booking::messages::Facts`; each message is a `Kind` listed once in the
//!   `messages!` table of `booking/messages.rs`. To add one: a folder, a `Kind` variant
//!   and its line in that table. Guests' mails carry the calendar from [`ics`], whose
//!   event titles and descriptions are in `templates/calendar/`.
//!
//! A stand-alone message is rendered, then queued in the transaction that causes it:
//!
//! ```ignore
//! let mail = email::render(&user.email, &VerifyEmail { .. })
//!     .map_err(|e| StoreError::Compose(e.into()))?;
//! db::write_transaction(conn, |c| {
//!     /* … the change … */
//!     outbox::enqueue(c, &mail, now)?;
//!     Ok(())
//! })?;
//! ```

pub mod booking;
pub mod ics;
pub mod message;
pub mod smtp;
pub mod team;
pub mod transport;
pub mod worker;

use anyhow::Context as _;
use uuid::Uuid;

use crate::clock::{Clock as _, SystemClock};
use crate::config::Settings;

pub use message::{render, render_in, EmailTemplate, OutgoingMessage, TestMail};
pub use transport::{Mailer, MemoryTransport, SendError, SentMail, SmtpUrl, Transport};

/// `slotbook mail test --to ADDRESS`: sends [`TestMail`] straight through the transport the
/// settings choose (not through the outbox, so it works before migrations and shows the
/// server's answer at once). Returns the transport's description.
pub async fn send_test_message(settings: &Settings, to: &str) -> anyhow::Result<String> {
    let mailer = Mailer::from_settings(settings, None)?;
    let message = render(
        to,
        &TestMail {
            base_url: settings.base_url.clone(),
            sent_at: SystemClock.now(),
        },
    )?;
    mailer
        .send(Uuid::now_v7(), &message)
        .await
        .with_context(|| format!("sending through {} failed", mailer.describe()))?;
    Ok(mailer.describe())
}
