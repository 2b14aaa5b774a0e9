//! The words for the domain's refusals on pages (their `Display` stays the English of
//! logs and the API): each reason is a message with its numbers as plural arguments.

use crate::domain::availability::Refusal;
use crate::domain::booking::Refused;

use super::{t, t1};

/// "3 hours", "1 day", "45 minutes" in the current locale.
pub fn duration(minutes: u32) -> String {
    if minutes >= 1440 && minutes % 1440 == 0 {
        t1("unit-days", "count", minutes / 1440)
    } else if minutes >= 60 && minutes % 60 == 0 {
        t1("unit-hours", "count", minutes / 60)
    } else {
        t1("unit-minutes", "count", minutes)
    }
}

/// Why a time cannot be booked, for the guest.
pub fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::InPast => t("refusal-in-past"),
        Refusal::InsideNotice { min_notice_minutes } => t1(
            "refusal-inside-notice",
            "duration",
            duration(*min_notice_minutes),
        ),
        Refusal::BeyondWindow { max_days_ahead } => t1(
            "refusal-beyond-window",
            "duration",
            t1("unit-days", "count", *max_days_ahead),
        ),
        Refusal::OutsideHours => t("refusal-outside-hours"),
        Refusal::OffGrid => t("refusal-off-grid"),
        Refusal::DailyLimitReached { .. } => t("refusal-daily-limit"),
        Refusal::Unavailable => t("refusal-unavailable"),
    }
}

/// Why a booking cannot be changed that way.
pub fn refused(refused: &Refused) -> String {
    match refused {
        Refused::WrongState(status) => t1(
            "refused-wrong-state",
            "status",
            super::tk("status", status.as_str()),
        ),
        Refused::HoldLapsed => t("refused-hold-lapsed"),
        Refused::NotStarted => t("refused-not-started"),
        Refused::InsideCancellationNotice { notice_minutes } => t1(
            "refused-inside-cancellation-notice",
            "duration",
            duration(*notice_minutes),
        ),
    }
}
