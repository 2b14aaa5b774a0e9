//! Where mail goes, chosen once at start: SMTP when `SMTP_URL` is set, otherwise `.eml`
//! files under `DATA_DIR/mail/` with their links logged (so a local user can click a
//! confirmation link without a mail server), or memory in tests.
//!
//! [`Mailer`] puts the sender (`MAIL_FROM`) and the transport together and turns an
//! [`OutgoingMessage`] into the MIME message every transport receives, so a test capture
//! or a development file is byte for byte what SMTP would have carried.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use lettre::message::Mailbox;
use lettre::transport::smtp::{SMTP_PORT, SUBMISSIONS_PORT, SUBMISSION_PORT};
use tokio::sync::Notify;
use url::{Host, Url};
use uuid::Uuid;

use super::message::{build_mime, links, BuildError, OutgoingMessage};
use super::smtp::SmtpClient;
use crate::config::Settings;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// `smtp://`: no TLS at all, for a relay on localhost or a test server.
    Plain,
    /// `smtp+starttls://`: plain connect, then STARTTLS, which must succeed.
    StartTls,
    /// `smtps://`: TLS from the first byte.
    Tls,
}

/// A checked `SMTP_URL`: `smtp://`, `smtp+starttls://` or `smtps://[USER:PASS@]HOST[:PORT]`,
/// user and password percent-encoded, read by the `url` crate (the parser lettre's own
/// `from_url` uses). The client is built from the parts rather than by `from_url`: lettre
/// 0.11 hands an IPv6 host to the resolver with its brackets (`"[::1]"`), which cannot
/// connect, and it would take a path as the HELO name where we refuse it.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    pub security: SmtpSecurity,
    pub host: String,
    pub port: u16,
    pub credentials: Option<(String, String)>,
}

// By hand, so the password never reaches a log line.
impl fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpUrl")
            .field("security", &self.security)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.credentials.as_ref().map(|(user, _)| user))
            .finish()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("SMTP_URL {0}")]
pub struct SmtpUrlError(String);

const SCHEMES: &str = "must start with smtp://, smtp+starttls:// or smtps://";

impl SmtpUrl {
    pub fn parse(url: &str) -> Result<Self, SmtpUrlError> {
        // `url::ParseError` names the problem, never the input, so the password stays out.
        let url = Url::parse(url.trim()).map_err(|e| match e {
            url::ParseError::RelativeUrlWithoutBase => SmtpUrlError(SCHEMES.into()),
            e => SmtpUrlError(format!("is not a valid URL: {e}")),
        })?;
        let (security, default_port) = match url.scheme() {
            "smtp" => (SmtpSecurity::Plain, SMTP_PORT),
            "smtp+starttls" => (SmtpSecurity::StartTls, SUBMISSION_PORT),
            "smtps" => (SmtpSecurity::Tls, SUBMISSIONS_PORT),
            // Name only the scheme: the rest may hold a password.
            scheme => return Err(SmtpUrlError(format!("{SCHEMES}, got {scheme}://…"))),
        };
        if !matches!(url.path(), "" | "/") || url.query().is_some() || url.fragment().is_some() {
            return Err(SmtpUrlError(
                "must be SCHEME://[USER:PASS@]HOST[:PORT] with nothing after the port".into(),
            ));
        }
        let host = match url.host() {
            Some(Host::Domain("")) | None => return Err(SmtpUrlError("has no host".into())),
            Some(Host::Domain(name)) => name.to_owned(),
            Some(Host::Ipv4(ip)) => ip.to_string(),
            Some(Host::Ipv6(ip)) => ip.to_string(),
        };
        let port = match url.port() {
            Some(0) => return Err(SmtpUrlError("has an invalid port \"0\"".into())),
            port => port.unwrap_or(default_port),
        };
        let credentials = match (url.username(), url.password()) {
            ("", None) => None,
            ("", Some(_)) => return Err(SmtpUrlError("has a password but no user name".into())),
            (user, pass) => Some((
                decode(user, "user name")?,
                decode(pass.unwrap_or(""), "password")?,
            )),
        };
        Ok(Self {
            security,
            host,
            port,
            credentials,
        })
    }

    /// "smtp+starttls://mail.example.com:587 as user" — for logs, without the password.
    pub fn describe(&self) -> String {
        let scheme = match self.security {
            SmtpSecurity::Plain => "smtp",
            SmtpSecurity::StartTls => "smtp+starttls",
            SmtpSecurity::Tls => "smtps",
        };
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        match &self.credentials {
            Some((user, _)) => format!("{scheme}://{host}:{} as {user}", self.port),
            None => format!("{scheme}://{host}:{}", self.port),
        }
    }
}

fn decode(text: &str, what: &str) -> Result<String, SmtpUrlError> {
    urlencoding::decode(text)
        .map(|s| s.into_owned())
        .map_err(|_| {
            SmtpUrlError(format!(
                "has a {what} that is not valid percent-encoded UTF-8"
            ))
        })
}

/// One message as the in-memory transport caught it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMail {
    /// The envelope recipient.
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub ics: Option<String>,
    pub kind: String,
    /// The whole MIME message as SMTP would have carried it.
    pub raw: String,
}

/// Keeps every message in memory; tests read them back with [`MemoryTransport::messages`].
#[derive(Debug, Clone, Default)]
pub struct MemoryTransport {
    inner: Arc<Mutex<MemoryInner>>,
}

#[derive(Debug, Default)]
struct MemoryInner {
    sent: Vec<SentMail>,
    failure: Option<String>,
}

impl MemoryTransport {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every message sent so far, oldest first.
    pub fn messages(&self) -> Vec<SentMail> {
        self.lock().sent.clone()
    }

    /// While set, every send fails with this error (a mail server that refuses).
    pub fn fail_with(&self, error: Option<&str>) {
        self.lock().failure = error.map(str::to_owned);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, MemoryInner> {
        // A test that panicked while holding the lock must not hide the other tests' mail.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn send(&self, message: &OutgoingMessage, raw: String) -> Result<(), SendError> {
        let mut inner = self.lock();
        if let Some(error) = &inner.failure {
            return Err(SendError::Transport(error.clone()));
        }
        inner.sent.push(SentMail {
            to: message.to.clone(),
            subject: message.subject.clone(),
            text: message.text.clone(),
            html: message.html.clone(),
            ics: message.ics.clone(),
            kind: message.kind.clone(),
            raw,
        });
        Ok(())
    }
}

/// The transports; `Dependencies::mail_transport` may replace the one settings choose.
#[derive(Clone)]
pub enum Transport {
    Smtp {
        url: SmtpUrl,
        client: SmtpClient,
    },
    /// Development: `.eml` files in this directory, links logged at info level.
    Files(PathBuf),
    Memory(MemoryTransport),
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Transport {
    /// SMTP when `SMTP_URL` is set, else files under `DATA_DIR/mail/`.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        match &settings.smtp_url {
            Some(url) => Self::smtp(url),
            None => Ok(Self::Files(settings.data_dir.join("mail"))),
        }
    }

    pub fn smtp(url: &str) -> anyhow::Result<Self> {
        let url = SmtpUrl::parse(url)?;
        let client = SmtpClient::new(url.clone())?;
        Ok(Self::Smtp { url, client })
    }

    pub fn memory() -> Self {
        Self::Memory(MemoryTransport::new())
    }

    pub fn describe(&self) -> String {
        match self {
            Self::Smtp { url, .. } => format!("SMTP {}", url.describe()),
            Self::Files(dir) => format!("development files in {}", dir.display()),
            Self::Memory(_) => "memory (tests)".to_owned(),
        }
    }
}

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The message itself is unsendable; retrying cannot help.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// The server or the disk said no (or did not answer): worth retrying.
    #[error("{0}")]
    Transport(String),
    /// The server refused for good (a 5xx answer, such as "550 no such user"): retrying
    /// the same message cannot help.
    #[error("{0}")]
    Refused(String),
}

impl SendError {
    pub fn is_permanent(&self) -> bool {
        matches!(self, Self::Build(_) | Self::Refused(_))
    }

    /// A 5xx answer is final; a 4xx answer, a timeout or a lost connection is worth
    /// another try. The text keeps the server's own words.
    pub(super) fn from_smtp(error: &lettre::transport::smtp::Error) -> Self {
        if error.is_permanent() {
            Self::Refused(error_chain(error))
        } else {
            Self::Transport(error_chain(error))
        }
    }
}

/// The sender and the transport, shared by the worker and `slotbook mail test`.
#[derive(Clone)]
pub struct Mailer {
    inner: Arc<MailerInner>,
}

struct MailerInner {
    from: Mailbox,
    transport: Transport,
    /// Wakes the worker before its next tick (see [`Mailer::wake`]).
    wake: Notify,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.inner.from.to_string())
            .field("transport", &self.inner.transport)
            .finish()
    }
}

impl Mailer {
    pub fn new(from: &str, transport: Transport) -> anyhow::Result<Self> {
        let from: Mailbox = from
            .parse()
            .with_context(|| format!("MAIL_FROM is not a valid sender: {from:?}"))?;
        Ok(Self {
            inner: Arc::new(MailerInner {
                from,
                transport,
                wake: Notify::new(),
            }),
        })
    }

    /// The transport `settings` ask for, unless `replacement` (tests) says otherwise.
    pub fn from_settings(
        settings: &Settings,
        replacement: Option<Transport>,
    ) -> anyhow::Result<Self> {
        let transport = match replacement {
            Some(transport) => transport,
            None => Transport::from_settings(settings)?,
        };
        Self::new(&settings.mail_from, transport)
    }

    pub fn describe(&self) -> String {
        self.inner.transport.describe()
    }

    /// The in-memory transport, when that is the one in use (tests).
    pub fn memory(&self) -> Option<&MemoryTransport> {
        match &self.inner.transport {
            Transport::Memory(memory) => Some(memory),
            _ => None,
        }
    }

    /// How many messages the worker sends at once: over SMTP as many as connections are kept
    /// ([`super::smtp::MAX_IDLE`]), each waiting on its own server answers; files and memory
    /// one at a time, in queue order (nothing to wait for, and tests read mail in order).
    pub fn parallel_sends(&self) -> usize {
        match &self.inner.transport {
            Transport::Smtp { .. } => super::smtp::MAX_IDLE,
            Transport::Files(_) | Transport::Memory(_) => 1,
        }
    }

    /// Asks the worker to look at the outbox now rather than at its next tick; call it after
    /// the transaction that enqueued a mail has committed.
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    pub(crate) async fn woken(&self) {
        self.inner.wake.notified().await;
    }

    /// Sends one message now. `id` names it (the outbox row id) and becomes its Message-ID.
    pub async fn send(&self, id: Uuid, message: &OutgoingMessage) -> Result<(), SendError> {
        let mime = build_mime(&self.inner.from, id, message)?;
        let raw = mime.formatted();
        match &self.inner.transport {
            Transport::Smtp { client, .. } => client.send(mime.envelope(), &raw).await,
            Transport::Files(dir) => {
                let path = dir.join(format!("{id}.eml"));
                let write_to = path.clone();
                crate::telemetry::spawn_blocking(move || write_atomically(&write_to, &raw))
                    .await
                    .map_err(|e| SendError::Transport(format!("writing the mail file: {e}")))?
                    .map_err(|e| SendError::Transport(format!("{}: {e}", path.display())))?;
                tracing::info!(
                    to = %message.to,
                    subject = %message.subject,
                    file = %path.display(),
                    links = ?links(&message.text),
                    "mail written to a file (SMTP_URL is unset)"
                );
                Ok(())
            }
            Transport::Memory(memory) => {
                memory.send(message, String::from_utf8_lossy(&raw).into_owned())
            }
        }
    }
}

/// Writes next to the target and renames, so a reader never sees half a message.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let partial = path.with_extension("eml.partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// "Connection error: Connection refused (os error 111)": lettre's message with its causes.
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn parse(url: &str) -> SmtpUrl {
        SmtpUrl::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"))
    }

    #[test]
    fn each_scheme_chooses_its_security_and_default_port() {
        let plain = parse("smtp://127.0.0.1");
        assert_eq!((plain.security, plain.port), (SmtpSecurity::Plain, 25));
        let starttls = parse("smtp+starttls://mail.example.com");
        assert_eq!(
            (starttls.security, starttls.port),
            (SmtpSecurity::StartTls, 587)
        );
        let tls = parse("SMTPS://mail.example.com/");
        assert_eq!((tls.security, tls.port), (SmtpSecurity::Tls, 465));
        assert_eq!(tls.host, "mail.example.com");
        assert_eq!(tls.credentials, None);
    }

    #[test]
    fn user_and_password_are_percent_decoded() {
        let url = parse("smtps://ada%40example.com:p%3Ass@w:rd@mail.example.com:2465");
        assert_eq!(url.host, "mail.example.com");
        assert_eq!(url.port, 2465);
        assert_eq!(
            url.credentials,
            Some(("ada@example.com".to_owned(), "p:ss@w:rd".to_owned()))
        );
    }

    #[test]
    fn ipv6_hosts_are_written_in_brackets() {
        let url = parse("smtp://[::1]:2525");
        assert_eq!((url.host.as_str(), url.port), ("::1", 2525));
        assert_eq!(url.describe(), "smtp://[::1]:2525");
        assert_eq!(parse("smtp://[::1]").port, 25);
    }

    #[test]
    fn bad_urls_are_refused_with_a_reason_that_names_the_setting() {
        for bad in [
            "mail.example.com",
            "http://mail.example.com",
            "smtp://",
            "smtp://user:pass@",
            "smtp://host:99999",
            "smtp://host:0",
            "smtp://host:25/path",
            "smtp://host?tls=required",
            "smtp://[::1",
            "smtp://:pass@host",
        ] {
            let error = SmtpUrl::parse(bad).expect_err(bad).to_string();
            assert!(error.starts_with("SMTP_URL "), "{bad}: {error}");
        }
    }

    #[test]
    fn passwords_never_reach_errors_or_logs() {
        let error = SmtpUrl::parse("imap://ada:hunter2@mail.example.com").unwrap_err();
        assert!(!error.to_string().contains("hunter2"));
        let url = parse("smtps://ada:hunter2@mail.example.com");
        assert_eq!(url.describe(), "smtps://mail.example.com:465 as ada");
        assert!(!format!("{url:?}").contains("hunter2"));
        let transport = Transport::smtp("smtps://ada:hunter2@mail.example.com").unwrap();
        assert!(!format!("{transport:?}").contains("hunter2"));
    }

    #[test]
    fn the_sender_must_be_an_address() {
        assert!(Mailer::new("Slotbook <slotbook@localhost>", Transport::memory()).is_ok());
        let error = Mailer::new("Slotbook", Transport::memory()).unwrap_err();
        assert!(error.to_string().contains("MAIL_FROM"));
    }

    #[tokio::test]
    async fn the_memory_transport_keeps_what_was_sent_and_can_refuse() {
        let mailer = Mailer::new("Slotbook <slotbook@localhost>", Transport::memory()).unwrap();
        let message = OutgoingMessage {
            to: "ada@example.com".to_owned(),
            subject: "Hi".to_owned(),
            text: "Hello".to_owned(),
            html: "<p>Hello</p>".to_owned(),
            ics: None,
            kind: "test".to_owned(),
            booking_id: None,
        };
        mailer.send(Uuid::now_v7(), &message).await.unwrap();
        let memory = mailer.memory().unwrap();
        memory.fail_with(Some("451 try later"));
        let error = mailer.send(Uuid::now_v7(), &message).await.unwrap_err();
        assert!(!error.is_permanent());
        let sent = memory.messages();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].to, "ada@example.com");
        assert!(sent[0].raw.contains("Subject: Hi"));
    }

    #[tokio::test]
    async fn the_development_transport_writes_an_eml_file_per_message() {
        let dir = tempfile::tempdir().unwrap();
        let mail_dir = dir.path().join("mail");
        let mailer = Mailer::new(
            "Slotbook <slotbook@localhost>",
            Transport::Files(mail_dir.clone()),
        )
        .unwrap();
        let id = Uuid::now_v7();
        let message = OutgoingMessage {
            to: "ada@example.com".to_owned(),
            subject: "Hi".to_owned(),
            text: "Open http://localhost:8080/b/abc".to_owned(),
            html: "<p>Hello</p>".to_owned(),
            ics: None,
            kind: "test".to_owned(),
            booking_id: None,
        };
        mailer.send(id, &message).await.unwrap();
        let written = std::fs::read_to_string(mail_dir.join(format!("{id}.eml"))).unwrap();
        assert!(written.contains("To: ada@example.com"));
        assert!(written.contains("http://localhost:8080/b/abc"));
        assert_eq!(std::fs::read_dir(&mail_dir).unwrap().count(), 1);
    }

    // lettre's `from_url` would resolve "[::1]" as a host name and never connect.
    #[tokio::test]
    async fn an_ipv6_host_is_connected_to() {
        let Ok(listener) = tokio::net::TcpListener::bind("[::1]:0").await else {
            eprintln!("no IPv6 loopback here; nothing to check");
            return;
        };
        let port = listener.local_addr().unwrap().port();
        let Transport::Smtp { client, .. } =
            Transport::smtp(&format!("smtp://[::1]:{port}")).unwrap()
        else {
            panic!("an SMTP transport");
        };
        let accepted = tokio::spawn(async move { listener.accept().await.is_ok() });
        // No SMTP greeting comes, so the check itself fails; the connection is what counts.
        let _ = tokio::time::timeout(Duration::from_secs(2), client.test_connection()).await;
        let accepted = tokio::time::timeout(Duration::from_secs(2), accepted).await;
        assert!(matches!(accepted, Ok(Ok(true))), "{accepted:?}");
    }
}
