//! Templates of the admin pages: mail delivery status and accounts.

use askama::Template;

use super::PageContext;

/// One status in the counts above the mail table, doubling as its filter link.
pub struct StatusCount {
    pub status: String,
    pub count: i64,
    pub selected: bool,
}

pub struct MailRow {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub kind: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt: String,
    pub last_error: String,
    /// Given up at once on a permanent failure (SMTP 5xx, an unsendable message) rather
    /// than after every attempt.
    pub refused: bool,
    pub created: String,
    pub sent: String,
    pub can_retry: bool,
}

#[derive(Template)]
#[template(path = "pages/admin/mail.html")]
pub struct MailPage {
    pub ctx: PageContext,
    pub counts: Vec<StatusCount>,
    /// The status filtered on, empty for all.
    pub filter: String,
    pub limit: i64,
    pub rows: Vec<MailRow>,
}

pub struct AccountRow {
    pub id: String,
    pub username: String,
    pub email: String,
    pub full_name: String,
    pub role: String,
    pub verified: bool,
    pub active: bool,
    pub created: String,
    /// Only other providers can be deactivated or reactivated here.
    pub can_toggle: bool,
}

#[derive(Template)]
#[template(path = "pages/admin/accounts.html")]
pub struct AccountsPage {
    pub ctx: PageContext,
    pub rows: Vec<AccountRow>,
}
