//! The booking messages as askama templates: one folder per message under
//! `templates/email/<kind>/` with `subject.txt`, `text.txt` and `html.html`. The two parts
//! extend `email/_booking.txt` and `email/_booking.html`, which lay out the greeting, the
//! booking's details, the links and the footer; a message fills in its `lead` (and
//! `note`) blocks, so all of its wording lives in its folder.

use askama::Template;

use crate::domain::guest::Answer;
use crate::domain::look::Branding;

/// What a booking message may say, already in its recipient's timezone. Which of it a
/// message shows is up to its templates.
pub(super) struct Facts {
    /// The provider gets the guest's details; the guest gets "With: provider".
    pub to_provider: bool,
    pub recipient_name: String,
    pub provider_name: String,
    pub guest_name: String,
    pub guest_email: String,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub answers: Vec<Answer>,
    pub service_name: String,
    pub location: String,
    pub hold_minutes: i32,
    /// "Tuesday, 8 January 2030, 09:00–09:30".
    pub when: String,
    /// "Tue 8 Jan 2030, 09:00 (Europe/Berlin)", for subjects.
    pub when_short: String,
    /// The recipient's zone name, "Europe/Berlin".
    pub zone: String,
    pub pending: bool,
    /// The guest's reason for a cancellation, or the provider's; empty when none was given.
    pub reason: String,
    /// `booking_confirmed` after the guest's or provider's confirmation (earlier links no
    /// longer work) rather than at once on booking.
    pub confirmed_later: bool,
    /// `booking_cancelled`: the guest cancelled it themselves.
    pub by_guest: bool,
    pub links: Links,
    /// The provider's (or team's) branding on a guest's mail; ours on a host's.
    pub brand: Branding,
}

/// The absolute links a message offers, shown in this order when present.
#[derive(Default)]
pub(super) struct Links {
    pub confirm: Option<String>,
    pub reschedule: Option<String>,
    pub cancel: Option<String>,
    pub approve: Option<String>,
    pub decline: Option<String>,
    pub dashboard: Option<String>,
    pub book_again: Option<String>,
}

/// The booking messages; each variant names its folder and its `outbox.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The guest must confirm by email.
    Confirm,
    /// The provider must approve; the guest is told the request arrived.
    Requested,
    Confirmed,
    Rescheduled,
    Declined,
    Cancelled,
    /// Not confirmed in time; the time was released.
    Expired,
    Reminder,
    ProviderNewBooking,
    ProviderApprovalNeeded,
    ProviderRescheduled,
    ProviderConfirmed,
    ProviderGuestCancelled,
    /// The front desk moved the booking (to another time or host).
    ProviderMoved,
    /// Cancelled by someone other than the guest (the front desk, another host).
    ProviderCancelled,
}

/// One message rendered: subject, text part and HTML part.
pub(super) struct Rendered {
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Declares the three templates of each message and the match that renders them.
macro_rules! messages {
    ($($variant:ident => $kind:tt, $module:ident, $subject:tt, $text:tt, $html:tt;)+) => {
        $(
            mod $module {
                use askama::Template;

                use super::Facts;

                #[derive(Template)]
                #[template(path = $subject, escape = "none")]
                pub struct Subject<'a> {
                    pub f: &'a Facts,
                }

                #[derive(Template)]
                #[template(path = $text, escape = "none")]
                pub struct Text<'a> {
                    pub f: &'a Facts,
                }

                #[derive(Template)]
                #[template(path = $html)]
                pub struct Html<'a> {
                    pub subject: &'a str,
                    pub f: &'a Facts,
                }
            }
        )+

        impl Kind {
            /// Stored in `outbox.kind`; also the folder under `templates/email/`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $kind,)+
                }
            }

            pub fn render(self, f: &Facts) -> askama::Result<Rendered> {
                let (subject, text, html) = match self {
                    $(Self::$variant => {
                        let subject = $module::Subject { f }.render()?.trim().to_owned();
                        let text = $module::Text { f }.render()?;
                        let html = $module::Html { subject: &subject, f }.render()?;
                        (subject, text, html)
                    })+
                };
                Ok(Rendered { kind: self.as_str(), subject, text, html })
            }
        }
    };
}

messages! {
    Confirm => "booking_confirm", booking_confirm,
        "email/booking_confirm/subject.txt", "email/booking_confirm/text.txt", "email/booking_confirm/html.html";
    Requested => "booking_requested", booking_requested,
        "email/booking_requested/subject.txt", "email/booking_requested/text.txt", "email/booking_requested/html.html";
    Confirmed => "booking_confirmed", booking_confirmed,
        "email/booking_confirmed/subject.txt", "email/booking_confirmed/text.txt", "email/booking_confirmed/html.html";
    Rescheduled => "booking_rescheduled", booking_rescheduled,
        "email/booking_rescheduled/subject.txt", "email/booking_rescheduled/text.txt", "email/booking_rescheduled/html.html";
    Declined => "booking_declined", booking_declined,
        "email/booking_declined/subject.txt", "email/booking_declined/text.txt", "email/booking_declined/html.html";
    Cancelled => "booking_cancelled", booking_cancelled,
        "email/booking_cancelled/subject.txt", "email/booking_cancelled/text.txt", "email/booking_cancelled/html.html";
    Expired => "booking_expired", booking_expired,
        "email/booking_expired/subject.txt", "email/booking_expired/text.txt", "email/booking_expired/html.html";
    Reminder => "booking_reminder", booking_reminder,
        "email/booking_reminder/subject.txt", "email/booking_reminder/text.txt", "email/booking_reminder/html.html";
    ProviderNewBooking => "provider_new_booking", provider_new_booking,
        "email/provider_new_booking/subject.txt", "email/provider_new_booking/text.txt", "email/provider_new_booking/html.html";
    ProviderApprovalNeeded => "provider_approval_needed", provider_approval_needed,
        "email/provider_approval_needed/subject.txt", "email/provider_approval_needed/text.txt", "email/provider_approval_needed/html.html";
    ProviderRescheduled => "provider_booking_rescheduled", provider_booking_rescheduled,
        "email/provider_booking_rescheduled/subject.txt", "email/provider_booking_rescheduled/text.txt", "email/provider_booking_rescheduled/html.html";
    ProviderConfirmed => "provider_booking_confirmed", provider_booking_confirmed,
        "email/provider_booking_confirmed/subject.txt", "email/provider_booking_confirmed/text.txt", "email/provider_booking_confirmed/html.html";
    ProviderGuestCancelled => "provider_guest_cancelled", provider_guest_cancelled,
        "email/provider_guest_cancelled/subject.txt", "email/provider_guest_cancelled/text.txt", "email/provider_guest_cancelled/html.html";
    ProviderMoved => "provider_booking_moved", provider_booking_moved,
        "email/provider_booking_moved/subject.txt", "email/provider_booking_moved/text.txt", "email/provider_booking_moved/html.html";
    ProviderCancelled => "provider_booking_cancelled", provider_booking_cancelled,
        "email/provider_booking_cancelled/subject.txt", "email/provider_booking_cancelled/text.txt", "email/provider_booking_cancelled/html.html";
}
