//! Typed settings. Every flag and environment variable name lives here, and
//! `slotbook --help` lists them all.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::db::{DatabaseUrl, UnsupportedDatabaseUrl};
use crate::domain::privacy::{Retention, MAX_RETENTION_DAYS};

#[derive(Debug, Parser)]
#[command(
    name = "slotbook",
    version,
    about = "Self-hosted appointment booking server"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: SettingsArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Administrative tasks.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Outgoing mail.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Write a consistent copy of the database (DATABASE_URL) to a file while the server
    /// serves: SQLite's `VACUUM INTO`, or `pg_dump --format=custom` on PostgreSQL.
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Load a file written by `slotbook backup` into the empty database DATABASE_URL names,
    /// then check it (integrity, migrations, the double-booking guard).
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
    /// Copy every table from an SQLite database into an empty PostgreSQL database, or from
    /// PostgreSQL into a new SQLite file, in one transaction (stop the server first), then
    /// compare row counts.
    Copy {
        /// The source: sqlite://PATH or postgres://USER@HOST/DB.
        #[arg(long)]
        from: String,
        /// The target, the other kind (migrated here when it is not yet).
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send one test message now through the configured transport (SMTP_URL, or a file
    /// under DATA_DIR/mail), bypassing the outbox; fails with the server's answer.
    Test {
        /// Recipient address.
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator account, verified and ready to sign in.
    Create(AdminCreateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct AdminCreateArgs {
    /// URL handle: 3 to 30 of a-z, 0-9 and hyphens.
    #[arg(long)]
    pub username: String,
    /// Sign-in address (counts as verified).
    #[arg(long)]
    pub email: String,
    /// Name shown on the account's pages.
    #[arg(long)]
    pub full_name: String,
    /// At least 10 characters; prefer the environment variable (kept out of shell history).
    #[arg(long, env = "SLOTBOOK_ADMIN_PASSWORD", hide_env_values = true)]
    pub password: String,
    /// IANA timezone, such as Europe/Berlin.
    #[arg(long, default_value = "UTC")]
    pub timezone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Raw command-line and environment values, before checking.
#[derive(Debug, Clone, Args)]
pub struct SettingsArgs {
    /// Database: sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://DATA_DIR/slotbook.db]
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: SocketAddr,
    /// Public URL of this instance, used in links and to decide on Secure cookies [default: http://BIND]
    #[arg(long, env = "BASE_URL", global = true)]
    pub base_url: Option<String>,
    /// Key that signs session cookies, at least 32 characters; must be the same on every
    /// instance [default: generated once into DATA_DIR/secret_key]
    #[arg(long, env = "SECRET_KEY", global = true, hide_env_values = true)]
    pub secret_key: Option<String>,
    /// SMTP server: smtp://, smtp+starttls:// or smtps://USER:PASS@HOST:PORT
    /// [default: none, mail is written as .eml files under DATA_DIR/mail]
    #[arg(long, env = "SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of every message.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "Slotbook <slotbook@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// Whether new providers may sign up.
    #[arg(long, env = "ALLOW_SIGNUP", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub allow_signup: bool,
    /// Directory for the SQLite database, the generated secret key and development mail.
    #[arg(long, env = "DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// Log filter, e.g. info or slotbook=debug,actix_web=info.
    #[arg(long, env = "LOG_LEVEL", default_value = "info", global = true)]
    pub log_level: String,
    /// Log line format.
    #[arg(
        long,
        env = "LOG_FORMAT",
        value_enum,
        default_value = "text",
        global = true
    )]
    pub log_format: LogFormat,
    /// Database connections per instance [default: 16 on PostgreSQL, 4 on SQLite]
    #[arg(long, env = "DB_POOL_SIZE", global = true)]
    pub db_pool_size: Option<u32>,
    /// Reverse proxy whose X-Forwarded-For is trusted (repeat or comma-separate).
    #[arg(long, env = "TRUSTED_PROXIES", value_delimiter = ',', global = true)]
    pub trusted_proxies: Vec<IpAddr>,
    /// Sign-in attempts per IP per window; past this many failures for one account, its
    /// sign-ins wait 0.1 s more per failure (at most 2 s) instead of being refused.
    #[arg(long, env = "RATE_LIMIT_LOGIN", default_value_t = 10, global = true)]
    pub rate_limit_login: u32,
    /// Sign-ups and password-reset requests per IP per window.
    #[arg(long, env = "RATE_LIMIT_ACCOUNT", default_value_t = 5, global = true)]
    pub rate_limit_account: u32,
    /// Bookings per IP per window.
    #[arg(long, env = "RATE_LIMIT_BOOKING", default_value_t = 20, global = true)]
    pub rate_limit_booking: u32,
    /// API requests per token, and public API requests per IP, per window.
    #[arg(long, env = "RATE_LIMIT_API", default_value_t = 1000, global = true)]
    pub rate_limit_api: u32,
    /// Let outbound requests (webhooks) reach loopback, private and link-local addresses
    /// (LAN servers, tests). Off: such addresses are refused after DNS resolution.
    #[arg(
        long,
        env = "OUTBOUND_ALLOW_PRIVATE_NETWORKS",
        default_value_t = false,
        action = clap::ArgAction::Set,
        global = true
    )]
    pub outbound_allow_private_networks: bool,
    /// Let calendar fetches (ICS subscriptions, CalDAV) reach loopback, private and
    /// link-local addresses, for a calendar server on the LAN (and tests). Off: such
    /// addresses are refused after DNS resolution, and redirects into them too.
    #[arg(
        long,
        env = "CALENDAR_ALLOW_PRIVATE_NETWORKS",
        default_value_t = false,
        action = clap::ArgAction::Set,
        global = true
    )]
    pub calendar_allow_private_networks: bool,
    /// Minutes between two refreshes of one calendar subscription (1 to 1440).
    #[arg(
        long,
        env = "CALENDAR_REFRESH_MINUTES",
        default_value_t = 10,
        global = true
    )]
    pub calendar_refresh_minutes: u32,
    /// Length of the rate-limit sliding window in seconds.
    #[arg(
        long,
        env = "RATE_LIMIT_WINDOW_SECS",
        default_value_t = 900,
        global = true
    )]
    pub rate_limit_window_secs: u64,
    /// Minutes without a request after which a signed-in session ends (5 to 525600).
    #[arg(
        long,
        env = "SESSION_IDLE_MINUTES",
        default_value_t = 10080,
        global = true
    )]
    pub session_idle_minutes: u32,
    /// Days after signing in when a session ends however active it is (1 to 365).
    #[arg(long, env = "SESSION_MAX_DAYS", default_value_t = 30, global = true)]
    pub session_max_days: u32,
    /// Days after a booking ended when the background job erases its guest's details;
    /// mails queued longer ago than this are deleted too (1 to 36500) [default: kept]
    #[arg(long, env = "GUEST_DATA_RETENTION_DAYS", global = true)]
    pub guest_data_retention_days: Option<u32>,
    /// Address (http:// or https://) of the operator's privacy notice, linked from every
    /// booking form.
    #[arg(long, env = "PRIVACY_NOTICE_URL", global = true)]
    pub privacy_notice_url: Option<String>,
    /// Text of the privacy notice, shown at /privacy and linked from every booking form
    /// (instead of PRIVACY_NOTICE_URL).
    #[arg(long, env = "PRIVACY_NOTICE_TEXT", global = true)]
    pub privacy_notice_text: Option<String>,
    /// Serves /metrics to requests carrying `Authorization: Bearer TOKEN` (at least 16
    /// characters) [default: unset; /metrics is off unless METRICS_BIND is set]
    #[arg(long, env = "METRICS_TOKEN", global = true, hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// A second address that serves only /metrics, e.g. 127.0.0.1:9100 (still asks for
    /// METRICS_TOKEN when that is set) [default: unset]
    #[arg(long, env = "METRICS_BIND", global = true)]
    pub metrics_bind: Option<SocketAddr>,
    /// Seconds a stopping server (SIGTERM) lets requests in flight finish (1 to 3600).
    #[arg(
        long,
        env = "SHUTDOWN_TIMEOUT_SECS",
        default_value_t = 30,
        global = true
    )]
    pub shutdown_timeout_secs: u64,
}

/// Checked settings the application runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub base_url: String,
    /// The raw `SECRET_KEY`, when given.
    pub secret_key: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub allow_signup: bool,
    pub data_dir: PathBuf,
    pub log_level: String,
    pub log_format: LogFormat,
    pub db_pool_size: u32,
    pub trusted_proxies: Vec<IpAddr>,
    pub rate_limits: RateLimitSettings,
    pub sessions: SessionSettings,
    /// When guest data is erased by the background job (`None`: kept).
    pub guest_data_retention: Option<Retention>,
    pub privacy_notice: Option<PrivacyNotice>,
    pub metrics: MetricsSettings,
    /// How long a graceful stop waits for requests in flight.
    pub shutdown_timeout_secs: u64,
    /// Whether outbound requests may reach private networks (`outbound`).
    pub outbound_allow_private_networks: bool,
    pub calendars: CalendarSettings,
}

/// How calendar subscriptions are fetched.
#[derive(Debug, Clone, Copy)]
pub struct CalendarSettings {
    /// Whether fetches may reach private networks (`CALENDAR_ALLOW_PRIVATE_NETWORKS`).
    pub allow_private_networks: bool,
    /// How long after a refresh a source is fetched again.
    pub refresh_every: chrono::TimeDelta,
}

/// The operator's privacy notice: an address elsewhere, or a text this instance shows at
/// `/privacy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivacyNotice {
    Url(String),
    Text(String),
}

impl PrivacyNotice {
    /// Where the booking forms link to.
    pub fn href(&self) -> &str {
        match self {
            Self::Url(url) => url,
            Self::Text(_) => "/privacy",
        }
    }
}

/// Who may read `/metrics`: nobody unless one of the two is set.
#[derive(Debug, Clone, Default)]
pub struct MetricsSettings {
    /// Bearer token that `/metrics` asks for (on BIND and on `bind`).
    pub token: Option<String>,
    /// A separate listener serving only `/metrics`.
    pub bind: Option<SocketAddr>,
}

impl MetricsSettings {
    /// Whether the main listener serves `/metrics` (only with a token: it is public).
    pub fn on_main_listener(&self) -> bool {
        self.token.is_some()
    }
}

/// How long a server-side session lives.
#[derive(Debug, Clone, Copy)]
pub struct SessionSettings {
    /// Ends after this long without a request.
    pub idle: chrono::TimeDelta,
    /// Ends this long after it began, however active.
    pub max_age: chrono::TimeDelta,
}

#[derive(Debug, Clone, Copy)]
pub struct RateLimitSettings {
    pub login: u32,
    pub account: u32,
    pub booking: u32,
    /// API requests per token (and public API requests per IP) per window.
    pub api: u32,
    pub window_secs: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    DatabaseUrl(#[from] UnsupportedDatabaseUrl),
    #[error("BASE_URL must start with http:// or https://, got {0:?}")]
    BaseUrl(String),
    #[error("SECRET_KEY must be at least 32 characters long")]
    SecretKeyTooShort,
    #[error("DB_POOL_SIZE must be between 1 and 512")]
    PoolSize,
    #[error("SESSION_IDLE_MINUTES must be between 5 and 525600 (one year)")]
    SessionIdle,
    #[error("SESSION_MAX_DAYS must be between 1 and 365")]
    SessionMaxDays,
    #[error("GUEST_DATA_RETENTION_DAYS must be between 1 and {MAX_RETENTION_DAYS} (leave it unset to keep guest data)")]
    RetentionDays,
    #[error("PRIVACY_NOTICE_URL must start with http:// or https://, got {0:?}")]
    PrivacyNoticeUrl(String),
    #[error("set PRIVACY_NOTICE_URL or PRIVACY_NOTICE_TEXT, not both")]
    PrivacyNoticeTwice,
    #[error("METRICS_TOKEN must be at least 16 characters long")]
    MetricsTokenTooShort,
    #[error("SHUTDOWN_TIMEOUT_SECS must be between 1 and 3600")]
    ShutdownTimeout,
    #[error("CALENDAR_REFRESH_MINUTES must be between 1 and 1440 (one day)")]
    CalendarRefresh,
}

/// Connections when `DB_POOL_SIZE` is not set. SQLite has one writer at a time and reads
/// in this process on its CPU cores, so a few connections serve as fast as many, and each
/// one more costs memory (its page cache and, through the blocking threads sized to the
/// pool, a thread): under 32 concurrent month pages 16 connections peaked at 38 MB, 4 at
/// 27 MB. PostgreSQL does its work in its own processes; with a month page needing one
/// connection per view, 8 serve 32 concurrent views as fast as 16 did (within the noise of
/// a shared 2-core machine) at 34.1 MB peak instead of 36.8 MB (8 blocking threads fewer).
fn default_pool_size(url: &DatabaseUrl) -> u32 {
    if url.is_sqlite() {
        4
    } else {
        8
    }
}

impl SettingsArgs {
    /// Checks every value; touches nothing on disk.
    pub fn into_settings(self) -> Result<Settings, ConfigError> {
        let database_url = match &self.database_url {
            Some(url) => DatabaseUrl::parse(url)?,
            None => DatabaseUrl::Sqlite(self.data_dir.join("slotbook.db")),
        };
        let base_url = match self.base_url {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                url.trim_end_matches('/').to_owned()
            }
            Some(url) => return Err(ConfigError::BaseUrl(url)),
            None => format!("http://{}", self.bind),
        };
        if let Some(key) = &self.secret_key {
            if key.len() < 32 {
                return Err(ConfigError::SecretKeyTooShort);
            }
        }
        let db_pool_size = self
            .db_pool_size
            .unwrap_or_else(|| default_pool_size(&database_url));
        if !(1..=512).contains(&db_pool_size) {
            return Err(ConfigError::PoolSize);
        }
        if !(5..=525_600).contains(&self.session_idle_minutes) {
            return Err(ConfigError::SessionIdle);
        }
        if !(1..=365).contains(&self.session_max_days) {
            return Err(ConfigError::SessionMaxDays);
        }
        let guest_data_retention = match self.guest_data_retention_days {
            None => None,
            Some(days) => Some(Retention::days(days).ok_or(ConfigError::RetentionDays)?),
        };
        let privacy_notice = match (
            self.privacy_notice_url.filter(|s| !s.trim().is_empty()),
            self.privacy_notice_text.filter(|s| !s.trim().is_empty()),
        ) {
            (Some(_), Some(_)) => return Err(ConfigError::PrivacyNoticeTwice),
            (Some(url), None) if url.starts_with("http://") || url.starts_with("https://") => {
                Some(PrivacyNotice::Url(url.trim().to_owned()))
            }
            (Some(url), None) => return Err(ConfigError::PrivacyNoticeUrl(url)),
            (None, Some(text)) => Some(PrivacyNotice::Text(text.trim().to_owned())),
            (None, None) => None,
        };
        let metrics_token = self.metrics_token.filter(|t| !t.trim().is_empty());
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err(ConfigError::MetricsTokenTooShort);
        }
        if !(1..=3600).contains(&self.shutdown_timeout_secs) {
            return Err(ConfigError::ShutdownTimeout);
        }
        if !(1..=1440).contains(&self.calendar_refresh_minutes) {
            return Err(ConfigError::CalendarRefresh);
        }
        Ok(Settings {
            database_url,
            bind: self.bind,
            base_url,
            secret_key: self.secret_key,
            smtp_url: self.smtp_url.filter(|s| !s.trim().is_empty()),
            mail_from: self.mail_from,
            allow_signup: self.allow_signup,
            data_dir: self.data_dir,
            log_level: self.log_level,
            log_format: self.log_format,
            db_pool_size,
            trusted_proxies: self.trusted_proxies,
            rate_limits: RateLimitSettings {
                login: self.rate_limit_login,
                account: self.rate_limit_account,
                booking: self.rate_limit_booking,
                api: self.rate_limit_api,
                window_secs: self.rate_limit_window_secs,
            },
            sessions: SessionSettings {
                idle: chrono::TimeDelta::minutes(i64::from(self.session_idle_minutes)),
                max_age: chrono::TimeDelta::days(i64::from(self.session_max_days)),
            },
            guest_data_retention,
            privacy_notice,
            metrics: MetricsSettings {
                token: metrics_token,
                bind: self.metrics_bind,
            },
            shutdown_timeout_secs: self.shutdown_timeout_secs,
            outbound_allow_private_networks: self.outbound_allow_private_networks,
            calendars: CalendarSettings {
                allow_private_networks: self.calendar_allow_private_networks,
                refresh_every: chrono::TimeDelta::minutes(i64::from(self.calendar_refresh_minutes)),
            },
        })
    }
}

impl Settings {
    /// The host part of `BASE_URL` ("book.example"), used in calendar UIDs.
    pub fn host(&self) -> &str {
        self.base_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|host| !host.is_empty())
            .unwrap_or("slotbook")
    }

    /// Whether cookies must carry `Secure` (only when served over https).
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// Settings for tests and embedding: everything default except the database and data dir.
    pub fn for_database(database_url: DatabaseUrl, data_dir: PathBuf) -> Self {
        let mut args = SettingsArgs::parse_from_defaults();
        args.data_dir = data_dir;
        let pool_size = args.db_pool_size;
        let mut settings = args
            .into_settings()
            .unwrap_or_else(|e| unreachable!("default settings are valid: {e}"));
        settings.db_pool_size = pool_size.unwrap_or_else(|| default_pool_size(&database_url));
        settings.database_url = database_url;
        settings
    }
}

impl SettingsArgs {
    fn parse_from_defaults() -> Self {
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            args: SettingsArgs,
        }
        Only::parse_from(["slotbook"]).args
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_defaults_to_four_connections_on_sqlite_and_eight_on_postgres_unless_set() {
        let sqlite = SettingsArgs::parse_from_defaults().into_settings().unwrap();
        assert!(sqlite.database_url.is_sqlite());
        assert_eq!(sqlite.db_pool_size, 4);
        let mut args = SettingsArgs::parse_from_defaults();
        args.database_url = Some("postgres://u@db/app".into());
        assert_eq!(args.into_settings().unwrap().db_pool_size, 8);
        let mut args = SettingsArgs::parse_from_defaults();
        args.db_pool_size = Some(7);
        assert_eq!(args.into_settings().unwrap().db_pool_size, 7);
        let pg = Settings::for_database(
            DatabaseUrl::Postgres("postgres://u@db/app".into()),
            PathBuf::from("./data"),
        );
        assert_eq!(pg.db_pool_size, 8);
        let mut args = SettingsArgs::parse_from_defaults();
        args.db_pool_size = Some(0);
        assert!(args.into_settings().is_err());
    }

    #[test]
    fn session_lifetimes_default_to_a_week_idle_and_thirty_days_and_are_checked() {
        let settings = SettingsArgs::parse_from_defaults().into_settings().unwrap();
        assert_eq!(settings.sessions.idle, chrono::TimeDelta::days(7));
        assert_eq!(settings.sessions.max_age, chrono::TimeDelta::days(30));

        let mut args = SettingsArgs::parse_from_defaults();
        args.session_idle_minutes = 4;
        let error = args.into_settings().unwrap_err().to_string();
        assert!(error.contains("SESSION_IDLE_MINUTES"), "{error}");
        let mut args = SettingsArgs::parse_from_defaults();
        args.session_max_days = 0;
        let error = args.into_settings().unwrap_err().to_string();
        assert!(error.contains("SESSION_MAX_DAYS"), "{error}");
    }

    #[test]
    fn guest_data_is_kept_and_no_privacy_notice_shown_unless_configured() {
        let settings = SettingsArgs::parse_from_defaults().into_settings().unwrap();
        assert_eq!(settings.guest_data_retention, None);
        assert_eq!(settings.privacy_notice, None);

        let mut args = SettingsArgs::parse_from_defaults();
        args.guest_data_retention_days = Some(0);
        let error = args.into_settings().unwrap_err().to_string();
        assert!(error.contains("GUEST_DATA_RETENTION_DAYS"), "{error}");

        let mut args = SettingsArgs::parse_from_defaults();
        args.privacy_notice_url = Some("privacy.html".into());
        let error = args.into_settings().unwrap_err().to_string();
        assert!(error.contains("PRIVACY_NOTICE_URL"), "{error}");

        let mut args = SettingsArgs::parse_from_defaults();
        args.privacy_notice_url = Some("https://example.com/privacy".into());
        args.privacy_notice_text = Some("We keep bookings for a year.".into());
        let error = args.into_settings().unwrap_err().to_string();
        assert!(error.contains("not both"), "{error}");

        let mut args = SettingsArgs::parse_from_defaults();
        args.privacy_notice_text = Some("We keep bookings for a year.".into());
        args.guest_data_retention_days = Some(365);
        let settings = args.into_settings().unwrap();
        assert_eq!(settings.privacy_notice.unwrap().href(), "/privacy");
        assert_eq!(settings.guest_data_retention.unwrap().as_days(), 365);
    }
}
