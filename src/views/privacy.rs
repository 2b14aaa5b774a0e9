//! Templates of the guest data pages (lookup, export, erase), account deletion and the
//! operator's privacy notice.

use askama::Template;

use super::PageContext;

/// One booking of the looked-up guest.
pub struct GuestRow {
    pub when: String,
    pub service: String,
    /// The provider's username (shown to an admin, who sees every provider's bookings).
    pub provider: String,
    pub status: String,
    pub status_label: String,
    pub guest_name: String,
    /// The booking's page, for the provider who owns it.
    pub href: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/privacy/guests.html")]
pub struct GuestsPage {
    pub ctx: PageContext,
    /// `/dashboard/guests` or `/admin/guests`: where the forms post.
    pub base: String,
    /// An admin's view of every provider's bookings.
    pub instance: bool,
    pub email: String,
    pub error: String,
    /// Whether a valid address was looked up (so "nothing found" can be said).
    pub searched: bool,
    pub rows: Vec<GuestRow>,
    pub timezone: String,
}

#[derive(Template)]
#[template(path = "pages/privacy/erase_confirm.html")]
pub struct EraseConfirmPage {
    pub ctx: PageContext,
    pub base: String,
    pub instance: bool,
    pub email: String,
    pub count: usize,
    /// How many of them are still to come (they stay booked, without the guest's details).
    pub upcoming: usize,
}

#[derive(Template)]
#[template(path = "pages/privacy/delete_account.html")]
pub struct DeleteAccountPage {
    pub ctx: PageContext,
    pub username: String,
    /// Future bookings that deleting the account cancels.
    pub upcoming: usize,
    pub password_error: String,
    /// Why the account cannot be deleted (the last administrator), when it cannot.
    pub refusal: String,
}

#[derive(Template)]
#[template(path = "pages/privacy/notice.html")]
pub struct NoticePage {
    pub ctx: PageContext,
    /// The operator's text, split at blank lines.
    pub paragraphs: Vec<String>,
}
