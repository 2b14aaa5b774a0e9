//! Templates of the account pages: sign-up, sign-in, email verification, password reset,
//! the dashboard home (and the calendar overview it shows) and the settings page.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::time::Timezone;

/// One active service and its next free starts, formatted in the provider's zone.
pub struct ServicePreview {
    pub name: String,
    pub href: String,
    pub next: Vec<String>,
}

/// One upcoming booking as the dashboard lists it.
pub struct UpcomingBooking {
    pub id: String,
    pub when: String,
    pub today: bool,
    pub service: String,
    pub guest: String,
    pub status: String,
    pub status_label: String,
}

/// What the dashboard shows about the calendar (`routes::scheduling::preview` fills it).
pub struct Overview {
    pub timezone: String,
    pub services: Vec<ServicePreview>,
    pub upcoming: Vec<UpcomingBooking>,
}

/// The zone names the timezone pickers offer.
pub fn timezone_names() -> &'static [&'static str] {
    Timezone::all_names()
}

#[derive(Template)]
#[template(path = "pages/auth/signup.html")]
pub struct SignUpPage {
    pub ctx: PageContext,
    pub allow_signup: bool,
    /// What was typed (passwords are never shown again).
    pub form: RawForm,
    pub errors: FieldErrors,
    pub timezones: &'static [&'static str],
}

impl SignUpPage {
    /// The zone to preselect: what was chosen, else UTC (the script may then pick the
    /// browser's zone).
    pub fn selected_timezone(&self) -> &str {
        match self.form.get("timezone") {
            "" => "UTC",
            chosen => chosen,
        }
    }

    pub fn timezone_untouched(&self) -> bool {
        self.form.get("timezone").is_empty()
    }
}

#[derive(Template)]
#[template(path = "pages/auth/login.html")]
pub struct LoginPage {
    pub ctx: PageContext,
    pub allow_signup: bool,
    pub login: String,
    /// A local path to return to after signing in, or "".
    pub next: String,
    pub errors: FieldErrors,
    /// The one message every failed sign-in shows, or "".
    pub failure: String,
}

#[derive(Template)]
#[template(path = "pages/auth/forgot.html")]
pub struct ForgotPasswordPage {
    pub ctx: PageContext,
    pub email: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "pages/auth/reset.html")]
pub struct ResetPasswordPage {
    pub ctx: PageContext,
    pub token: String,
    pub username: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "pages/auth/verify.html")]
pub struct VerifyEmailPage {
    pub ctx: PageContext,
    pub token: String,
    pub email: String,
}

#[derive(Template)]
#[template(path = "pages/dashboard/home.html")]
pub struct DashboardHomePage {
    pub ctx: PageContext,
    pub full_name: String,
    pub email: String,
    pub verified: bool,
    pub public_url: String,
    pub timezone: String,
    /// Today's and upcoming bookings and the next free times of each service.
    pub overview: Overview,
}

#[derive(Template)]
#[template(path = "pages/dashboard/settings.html")]
pub struct SettingsPage {
    pub ctx: PageContext,
    pub username: String,
    pub email: String,
    pub verified: bool,
    /// The profile form: the stored values, or what was typed when it did not save.
    pub profile: RawForm,
    pub profile_errors: FieldErrors,
    pub email_form: RawForm,
    pub email_errors: FieldErrors,
    pub password_errors: FieldErrors,
    pub timezones: &'static [&'static str],
    /// Browsers signed in as the account, when counted.
    pub sessions: Option<i64>,
}

impl SettingsPage {
    /// The languages a provider can choose for their pages and mails, as (tag, selected).
    pub fn languages(&self) -> Vec<(&'static str, bool)> {
        crate::i18n::Locale::ALL
            .into_iter()
            .map(|l| (l.tag(), l.tag() == self.profile.get("language")))
            .collect()
    }

    pub fn selected_timezone(&self) -> &str {
        match self.profile.get("timezone") {
            "" => "UTC",
            chosen => chosen,
        }
    }
}
