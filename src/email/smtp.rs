//! The SMTP client: lettre speaks the protocol ([`AsyncSmtpConnection`]), this module opens
//! the connections and keeps them for the next message.
//!
//! Why not lettre's `AsyncSmtpTransport`: lettre 0.11 writes a message body and its final
//! `<CRLF>.<CRLF>` as two writes and offers no way to set `TCP_NODELAY` on the sockets it
//! opens (its executor trait is sealed). With Nagle's algorithm the small second write waits
//! for the server's delayed ACK of the first, about 40 ms, so every message cost ~44 ms and
//! one instance sent ~20 messages/s. Here the socket is opened by us with `TCP_NODELAY` and
//! handed to lettre ([`AsyncSmtpConnection::connect_with_transport`]), for `smtp://` and
//! `smtp+starttls://` (STARTTLS upgrades the same socket). `smtps://` connections are still
//! opened by lettre, whose TLS-from-the-first-byte connect takes no socket from outside:
//! they keep Nagle, and rely on parallel sends (see `worker`) for throughput.
//!
//! Connections are reused: after a message the connection goes back to a small idle list,
//! and the next message takes it after a `NOOP` shows it is still open (a server may close
//! an idle connection at any time; a dead one is dropped and a new one opened, so that never
//! fails a message). A connection idle for longer than [`IDLE_LIMIT`] is closed, and any
//! connection on which a command failed is dropped (lettre marks it broken).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;

use super::transport::{SendError, SmtpSecurity, SmtpUrl};

/// How long connecting, or one whole message on an open connection, may take. Kept well
/// under the worker's stale-claim limit, so a slow server cannot make a claimed row look
/// abandoned while it is still being sent.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// At most this many open connections are kept between messages: as many as the worker
/// sends at once.
pub const MAX_IDLE: usize = 8;

/// An idle connection older than this is closed rather than reused (servers commonly drop
/// idle clients after a minute or more).
pub const IDLE_LIMIT: Duration = Duration::from_secs(50);

/// Connects to one SMTP server and keeps up to [`MAX_IDLE`] connections open between
/// messages. Cloning shares the connections.
#[derive(Clone)]
pub struct SmtpClient {
    inner: Arc<Inner>,
}

struct Inner {
    url: SmtpUrl,
    /// For STARTTLS and `smtps://`; `None` for plain `smtp://`.
    tls: Option<TlsParameters>,
    hello: ClientId,
    idle: Mutex<Vec<Idle>>,
}

struct Idle {
    connection: AsyncSmtpConnection,
    since: Instant,
}

impl SmtpClient {
    pub fn new(url: SmtpUrl) -> anyhow::Result<Self> {
        let tls = match url.security {
            SmtpSecurity::Plain => None,
            SmtpSecurity::StartTls | SmtpSecurity::Tls => Some(
                TlsParameters::new(url.host.clone())
                    .with_context(|| format!("SMTP_URL: cannot set up TLS for {}", url.host))?,
            ),
        };
        Ok(Self {
            inner: Arc::new(Inner {
                url,
                tls,
                hello: ClientId::default(),
                idle: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Sends one message, on a kept connection when one is open, else on a new one.
    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<(), SendError> {
        let mut connection = match self.reuse().await {
            Some(connection) => connection,
            None => self.connect().await?,
        };
        let sent = tokio::time::timeout(SMTP_TIMEOUT, connection.send(envelope, message)).await;
        match sent {
            Ok(Ok(_)) => {
                self.keep(connection);
                Ok(())
            }
            // lettre has already closed the connection (a failed command breaks it).
            Ok(Err(error)) => Err(SendError::from_smtp(&error)),
            Err(_) => Err(SendError::Transport(format!(
                "the SMTP server did not finish the message within {} s",
                SMTP_TIMEOUT.as_secs()
            ))),
        }
    }

    /// Opens a connection (or takes a kept one) and asks the server for `NOOP`.
    pub async fn test_connection(&self) -> Result<bool, SendError> {
        let mut connection = match self.reuse().await {
            Some(connection) => connection,
            None => self.connect().await?,
        };
        let open = connection.test_connected().await;
        if open {
            self.keep(connection);
        }
        Ok(open)
    }

    /// Connections currently kept open between messages.
    pub fn idle_connections(&self) -> usize {
        self.lock_idle().len()
    }

    fn lock_idle(&self) -> std::sync::MutexGuard<'_, Vec<Idle>> {
        // The list holds no invariant a panic could break.
        self.inner.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn keep(&self, connection: AsyncSmtpConnection) {
        if connection.has_broken() {
            return;
        }
        let mut idle = self.lock_idle();
        if idle.len() < MAX_IDLE {
            idle.push(Idle {
                connection,
                since: Instant::now(),
            });
        }
    }

    /// The most recently used kept connection that still answers, if any.
    async fn reuse(&self) -> Option<AsyncSmtpConnection> {
        loop {
            let Idle {
                mut connection,
                since,
            } = self.lock_idle().pop()?;
            if since.elapsed() > IDLE_LIMIT {
                // Kept too long: the server may have dropped it; older ones are older still.
                self.lock_idle().clear();
                return None;
            }
            let answered = tokio::time::timeout(SMTP_TIMEOUT, connection.test_connected()).await;
            if matches!(answered, Ok(true)) {
                return Some(connection);
            }
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let url = &self.inner.url;
        let hello = &self.inner.hello;
        let opened = async {
            let mut connection = match (url.security, &self.inner.tls) {
                (SmtpSecurity::Tls, Some(tls)) => {
                    AsyncSmtpConnection::connect_tokio1(
                        (url.host.as_str(), url.port),
                        Some(SMTP_TIMEOUT),
                        hello,
                        Some(tls.clone()),
                        None,
                    )
                    .await?
                }
                (security, tls) => {
                    let socket = TcpStream::connect((url.host.as_str(), url.port))
                        .await
                        .map_err(|e| SendError::Transport(format!("Connection error: {e}")))?;
                    socket
                        .set_nodelay(true)
                        .map_err(|e| SendError::Transport(format!("Connection error: {e}")))?;
                    let mut connection =
                        AsyncSmtpConnection::connect_with_transport(Box::new(socket), hello)
                            .await?;
                    if let (SmtpSecurity::StartTls, Some(tls)) = (security, tls) {
                        connection.starttls(tls.clone(), hello).await?;
                    }
                    connection
                }
            };
            if let Some((user, pass)) = &url.credentials {
                let credentials = Credentials::new(user.clone(), pass.clone());
                connection.auth(DEFAULT_MECHANISMS, &credentials).await?;
            }
            Ok::<_, SendError>(connection)
        };
        tokio::time::timeout(SMTP_TIMEOUT, opened)
            .await
            .map_err(|_| {
                SendError::Transport(format!(
                    "Connection error: {} did not answer within {} s",
                    url.describe(),
                    SMTP_TIMEOUT.as_secs()
                ))
            })?
    }
}

impl From<lettre::transport::smtp::Error> for SendError {
    fn from(error: lettre::transport::smtp::Error) -> Self {
        Self::from_smtp(&error)
    }
}
