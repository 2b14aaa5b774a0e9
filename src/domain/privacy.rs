//! Guest data rights, as rules: what an erased booking keeps and what replaces the rest,
//! when the retention period has passed, what an export contains, and whether an account
//! may be deleted. No I/O: `db::models::privacy` executes these decisions.
//!
//! Erasing keeps a booking's times, status and service, so the provider's calendar and the
//! database's no-overlap guard stay true; everything the guest typed or that names them is
//! replaced by the values below.

use chrono::{DateTime, TimeDelta, Utc};

use super::account::Role;
use super::email_address::EmailAddress;
use super::forms::{FieldErrors, RawForm, Text};
use super::guest::Answer;

/// The name an erased booking shows (the column must not be empty).
pub const ERASED_NAME: &str = "Erased guest";

/// The address an erased booking keeps: the `.invalid` top-level domain is reserved
/// (RFC 2606), so no mail can ever reach anyone through it, and every erased booking has
/// the same one, so it identifies nobody.
pub const ERASED_EMAIL: &str = "erased-guest@slotbook.invalid";

/// What replaces the subject of a mail whose guest was erased (the bodies become empty).
pub const ERASED_SUBJECT: &str = "(erased)";

/// The history entry an erasure writes.
pub const ERASED_EVENT: &str = "guest_data_erased";

/// The detail of that entry when the retention period erased the data.
pub const RETENTION_DETAIL: &str = "retention period passed";

/// The reason future bookings carry when their provider deletes the account; the guests
/// receive it in the cancellation mail.
pub const ACCOUNT_DELETED_REASON: &str =
    "The provider has closed their booking account, so this appointment cannot take place.";

/// Longest retention the setting accepts: a hundred years.
pub const MAX_RETENTION_DAYS: u32 = 36_500;

/// Whether a booking's guest details are already the erased ones.
pub fn is_erased(guest_email: &str) -> bool {
    guest_email == ERASED_EMAIL
}

/// How long guest data is kept after a booking ended (`GUEST_DATA_RETENTION_DAYS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    days: u32,
}

impl Retention {
    /// `None` for 0 or more than [`MAX_RETENTION_DAYS`].
    pub fn days(days: u32) -> Option<Retention> {
        (1..=MAX_RETENTION_DAYS)
            .contains(&days)
            .then_some(Retention { days })
    }

    pub fn as_days(self) -> u32 {
        self.days
    }

    /// Bookings that ended before this instant, and mails queued before it, are past the
    /// retention period.
    pub fn cutoff(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - TimeDelta::days(i64::from(self.days))
    }
}

/// The guest address a lookup, export or erase form names (`email`).
pub fn parse_guest_email(form: &RawForm) -> Result<EmailAddress, FieldErrors> {
    let mut errors = FieldErrors::new();
    match form.get("email").trim() {
        "" => errors.add("email", Text::id("privacy-error-email-missing")),
        text => match EmailAddress::parse(text) {
            Ok(email) if is_erased(email.as_str()) => {
                errors.add("email", Text::id("privacy-error-email-erased"))
            }
            Ok(email) => return Ok(email),
            Err(_) => errors.add("email", Text::id("guest-error-email-invalid")),
        },
    }
    Err(errors)
}

/// Why an account cannot be deleted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeletionRefused {
    #[error("You are the only administrator of this instance. Create another administrator (slotbook admin create) before deleting this account, so that someone can still run it.")]
    LastAdmin,
    /// `teams`: the teams' names in name order, joined with closing and opening quotes
    /// between them, so the message quotes each one.
    #[error("You are the only owner of the team(s) \u{201c}{teams}\u{201d}. Transfer ownership first: make another member an owner on the team's Members page (or delete the team), then delete your account, so that no team is left without anyone to run it.")]
    OnlyTeamOwner { teams: String },
}

impl DeletionRefused {
    /// The words for the page (the `Display` above stays the English of logs).
    pub fn text(&self) -> Text {
        match self {
            Self::LastAdmin => Text::id("delete-refused-last-admin"),
            Self::OnlyTeamOwner { teams } => {
                Text::id("delete-refused-team-owner").arg("teams", teams)
            }
        }
    }
}

/// An account may be deleted unless it is the last active administrator or the only owner
/// of a team (`sole_owner_of`: those teams' names); a team without an owner could never
/// be managed or deleted again.
pub fn may_delete_account(
    role: Role,
    other_active_admins: i64,
    sole_owner_of: &[String],
) -> Result<(), DeletionRefused> {
    if role == Role::Admin && other_active_admins == 0 {
        return Err(DeletionRefused::LastAdmin);
    }
    if !sole_owner_of.is_empty() {
        let mut names: Vec<&str> = sole_owner_of.iter().map(String::as_str).collect();
        names.sort_unstable();
        let teams = names.join("\u{201d}, \u{201c}");
        return Err(DeletionRefused::OnlyTeamOwner { teams });
    }
    Ok(())
}

/// Everything held about one guest: the JSON document a provider or admin downloads.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GuestExport {
    pub guest_email: String,
    pub generated_at: DateTime<Utc>,
    /// `provider` (one provider's bookings) or `instance` (every provider's, for an admin).
    pub scope: &'static str,
    pub bookings: Vec<ExportedBooking>,
    /// Mails to or about the guest still held in the outbox.
    pub mails: Vec<ExportedMail>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportedBooking {
    pub id: String,
    pub provider: String,
    pub service: String,
    pub status: String,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub guest_name: String,
    pub guest_email: String,
    pub guest_phone: Option<String>,
    pub guest_timezone: String,
    pub guest_notes: Option<String>,
    pub answers: Vec<Answer>,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancelled_by: Option<String>,
    pub cancellation_reason: Option<String>,
    pub rescheduled_from: Option<String>,
    pub history: Vec<ExportedEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportedEvent {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub kind: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExportedMail {
    pub booking_id: Option<String>,
    pub recipient: String,
    pub subject: String,
    pub kind: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub text_body: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn form(email: &str) -> RawForm {
        RawForm(vec![("email".into(), email.into())])
    }

    #[test]
    fn a_guest_address_is_read_lowercase_and_bad_ones_say_why() {
        assert_eq!(
            parse_guest_email(&form("  Grace@Example.com "))
                .unwrap()
                .as_str(),
            "grace@example.com"
        );
        for bad in ["", "grace", "grace@", ERASED_EMAIL] {
            let errors = parse_guest_email(&form(bad)).unwrap_err();
            assert!(!errors.get("email").is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn retention_is_one_day_to_a_hundred_years_and_counts_back_from_now() {
        assert_eq!(Retention::days(0), None);
        assert_eq!(Retention::days(MAX_RETENTION_DAYS + 1), None);
        let now = Utc.with_ymd_and_hms(2030, 3, 31, 12, 0, 0).unwrap();
        assert_eq!(
            Retention::days(30).unwrap().cutoff(now),
            Utc.with_ymd_and_hms(2030, 3, 1, 12, 0, 0).unwrap()
        );
    }

    #[test]
    fn only_the_last_administrator_cannot_delete_their_account() {
        assert_eq!(
            may_delete_account(Role::Admin, 0, &[]),
            Err(DeletionRefused::LastAdmin)
        );
        assert_eq!(may_delete_account(Role::Admin, 1, &[]), Ok(()));
        assert_eq!(may_delete_account(Role::Provider, 0, &[]), Ok(()));
    }

    #[test]
    fn the_only_owner_of_a_team_cannot_delete_their_account() {
        let refused = may_delete_account(Role::Provider, 0, &["Zeta".into(), "Acme".into()]);
        let Err(DeletionRefused::OnlyTeamOwner { teams }) = refused else {
            panic!("expected a refusal, got {refused:?}");
        };
        assert_eq!(teams, "Acme\u{201d}, \u{201c}Zeta");
        let message = DeletionRefused::OnlyTeamOwner { teams }.to_string();
        assert!(
            message.contains(
                "the team(s) \u{201c}Acme\u{201d}, \u{201c}Zeta\u{201d}. Transfer ownership first"
            ),
            "{message}"
        );
        // The last administrator is told about that first: it blocks the instance.
        assert_eq!(
            may_delete_account(Role::Admin, 0, &["Acme".into()]),
            Err(DeletionRefused::LastAdmin)
        );
    }

    #[test]
    fn the_erased_address_can_never_be_delivered() {
        assert!(ERASED_EMAIL.ends_with(".invalid"));
        assert!(is_erased(ERASED_EMAIL) && !is_erased("grace@example.com"));
    }
}
