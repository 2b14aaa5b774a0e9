//! Booking states and their rules: which states hold the provider's time, which change
//! each state allows (the one state machine: `db::models::lifecycle` executes what
//! [`decide`] allows, the provider's pages show the buttons [`provider_actions`] lists),
//! and the guest's cancellation notice.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeDelta, Utc};

use super::availability::HumanMinutes;
use super::service::ConfirmationMode;

/// The requested time overlaps a booking that holds it (buffers included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this time was just taken")]
pub struct SlotTaken;

/// Where a booking is in its life. See DESIGN §5 for the transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingStatus {
    Pending,
    Confirmed,
    Completed,
    NoShow,
    Expired,
    Declined,
    Cancelled,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 7] = [
        Self::Pending,
        Self::Confirmed,
        Self::Completed,
        Self::NoShow,
        Self::Expired,
        Self::Declined,
        Self::Cancelled,
    ];

    /// The states that hold the provider's time; the database guard uses the same list.
    pub const HOLDING: [BookingStatus; 4] = [
        Self::Pending,
        Self::Confirmed,
        Self::Completed,
        Self::NoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Completed => "completed",
            Self::NoShow => "no_show",
            Self::Expired => "expired",
            Self::Declined => "declined",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "Pending",
            Self::Confirmed => "Confirmed",
            Self::Completed => "Completed",
            Self::NoShow => "No-show",
            Self::Expired => "Expired",
            Self::Declined => "Declined",
            Self::Cancelled => "Cancelled",
        }
    }

    pub fn holds_time(self) -> bool {
        Self::HOLDING.contains(&self)
    }

    pub fn holding_strs() -> [&'static str; 4] {
        Self::HOLDING.map(Self::as_str)
    }
}

impl fmt::Display for BookingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown booking status {0:?}")]
pub struct UnknownStatus(String);

impl FromStr for BookingStatus {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

/// Rows read the stored text straight into the state (`db::models::bookings`).
impl TryFrom<String> for BookingStatus {
    type Error = UnknownStatus;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

/// Who acts on a booking; stored as `cancelled_by` and as the actor of its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Guest,
    Provider,
    System,
}

impl Actor {
    pub const ALL: [Actor; 3] = [Self::Guest, Self::Provider, Self::System];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Guest => "guest",
            Self::Provider => "provider",
            Self::System => "system",
        }
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown actor {0:?}")]
pub struct UnknownActor(String);

impl FromStr for Actor {
    type Err = UnknownActor;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|actor| actor.as_str() == s)
            .ok_or_else(|| UnknownActor(s.to_owned()))
    }
}

impl TryFrom<String> for Actor {
    type Error = UnknownActor;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

/// A change of state after the claim, without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The guest confirmed by email (pending → confirmed, while the hold lasts).
    Confirm,
    /// The provider approved (pending → confirmed).
    Approve,
    /// The provider declined (pending → declined).
    Decline,
    /// Pending or confirmed → cancelled.
    Cancel,
    /// Confirmed → completed (after the start).
    Complete,
    /// Confirmed → no-show (after the start).
    NoShow,
}

impl Action {
    /// What a provider may do from the dashboard, in the order the buttons appear.
    pub const PROVIDER: [Action; 5] = [
        Self::Approve,
        Self::Decline,
        Self::Complete,
        Self::NoShow,
        Self::Cancel,
    ];

    /// The states this action may start from, and where it leads.
    pub fn from_to(self) -> (&'static [BookingStatus], BookingStatus) {
        use BookingStatus::*;
        match self {
            Self::Confirm | Self::Approve => (&[Pending], Confirmed),
            Self::Decline => (&[Pending], Declined),
            Self::Cancel => (&[Pending, Confirmed], Cancelled),
            Self::Complete => (&[Confirmed], Completed),
            Self::NoShow => (&[Confirmed], NoShow),
        }
    }

    /// The kind recorded in the booking's history.
    pub fn event_kind(self) -> &'static str {
        match self {
            Self::Confirm => "confirmed",
            Self::Approve => "approved",
            Self::Decline => "declined",
            Self::Cancel => "cancelled",
            Self::Complete => "completed",
            Self::NoShow => "no_show",
        }
    }
}

/// An action with what it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Confirm,
    Approve,
    Decline,
    /// Cancelled, with the reason the other side is told.
    Cancel {
        reason: String,
    },
    Complete,
    NoShow,
}

impl Change {
    pub fn action(&self) -> Action {
        match self {
            Self::Confirm => Action::Confirm,
            Self::Approve => Action::Approve,
            Self::Decline => Action::Decline,
            Self::Cancel { .. } => Action::Cancel,
            Self::Complete => Action::Complete,
            Self::NoShow => Action::NoShow,
        }
    }

    /// The states this change may start from, and where it leads.
    pub fn from_to(&self) -> (&'static [BookingStatus], BookingStatus) {
        self.action().from_to()
    }

    pub fn event_kind(&self) -> &'static str {
        self.action().event_kind()
    }
}

/// Why a change was not made, in words for the person who tried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("This booking is {} and cannot be changed that way.", .0.label().to_lowercase())]
    WrongState(BookingStatus),
    #[error("The time held for this booking ran out before it was confirmed.")]
    HoldLapsed,
    #[error("This booking cannot be marked before its start time.")]
    NotStarted,
    #[error("Bookings of this service cannot be cancelled or moved less than {} before the start. Please contact the provider directly.", HumanMinutes(*notice_minutes))]
    InsideCancellationNotice { notice_minutes: u32 },
}

/// What the rules need to know of a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookingFacts {
    pub status: BookingStatus,
    pub start_at: DateTime<Utc>,
    pub hold_expires_at: Option<DateTime<Utc>>,
}

/// A change the rules allow: the database moves the booking from `from` to `to`, only
/// while it is still in `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: BookingStatus,
    pub to: BookingStatus,
}

/// Whether `action` may be taken on a booking at `now`, and the transition it makes.
pub fn decide(
    booking: BookingFacts,
    action: Action,
    now: DateTime<Utc>,
) -> Result<Transition, Refused> {
    let (from, to) = action.from_to();
    if !from.contains(&booking.status) {
        return Err(Refused::WrongState(booking.status));
    }
    if action == Action::Confirm && booking.hold_expires_at.is_some_and(|until| until <= now) {
        return Err(Refused::HoldLapsed);
    }
    if matches!(action, Action::Complete | Action::NoShow) && booking.start_at > now {
        return Err(Refused::NotStarted);
    }
    Ok(Transition {
        from: booking.status,
        to,
    })
}

/// The actions the provider's pages offer for a booking at `now`: exactly those that
/// [`decide`] would allow.
pub fn provider_actions(booking: BookingFacts, now: DateTime<Utc>) -> Vec<Action> {
    Action::PROVIDER
        .into_iter()
        .filter(|action| decide(booking, *action, now).is_ok())
        .collect()
}

/// Guests can neither cancel nor move a booking starting at `start` once `now` is inside
/// the service's cancellation notice; the refusal names the notice ("2 hours").
pub fn guest_change_refused(
    cancellation_notice_minutes: i32,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Refused> {
    let minutes = cancellation_notice_minutes.max(0);
    (start - TimeDelta::minutes(i64::from(minutes)) < now).then_some(
        Refused::InsideCancellationNotice {
            notice_minutes: minutes.unsigned_abs(),
        },
    )
}

/// How a new booking starts, and which links its mails carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InitialStatus {
    pub status: BookingStatus,
    /// Until when a pending booking holds the time unconfirmed.
    pub hold_expires_at: Option<DateTime<Utc>>,
    /// The links to issue: a confirmed booking's are an instant booking's (cancel and
    /// reschedule); a pending one's also confirm, or approve and decline.
    pub links: ConfirmationMode,
}

/// The one rule for a new booking's status, for every claim (personal or team, guest or
/// front desk): an instant service confirms at once; a move of a confirmed booking stays
/// confirmed (the guest's address is proven) unless the provider approves each booking;
/// otherwise the booking is pending and holds the time for the service's `hold_minutes`.
pub fn initial_status(
    mode: ConfirmationMode,
    moves_a_confirmed_booking: bool,
    hold_minutes: i32,
    now: DateTime<Utc>,
) -> InitialStatus {
    let keeps_confirmation = moves_a_confirmed_booking && mode != ConfirmationMode::Provider;
    if keeps_confirmation || mode == ConfirmationMode::Instant {
        return InitialStatus {
            status: BookingStatus::Confirmed,
            hold_expires_at: None,
            links: ConfirmationMode::Instant,
        };
    }
    InitialStatus {
        status: BookingStatus::Pending,
        hold_expires_at: Some(now + TimeDelta::minutes(i64::from(hold_minutes))),
        links: mode,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_instant_service_confirms_at_once_and_holds_nothing() {
        let initial = initial_status(ConfirmationMode::Instant, false, 30, at(9));
        assert_eq!(initial.status, BookingStatus::Confirmed);
        assert_eq!(initial.hold_expires_at, None);
        assert_eq!(initial.links, ConfirmationMode::Instant);
    }

    #[test]
    fn confirmation_by_email_holds_the_time_for_the_hold_minutes() {
        let initial = initial_status(ConfirmationMode::Email, false, 30, at(9));
        assert_eq!(initial.status, BookingStatus::Pending);
        assert_eq!(
            initial.hold_expires_at,
            Some(at(9) + TimeDelta::minutes(30))
        );
        assert_eq!(initial.links, ConfirmationMode::Email);
    }

    #[test]
    fn moving_a_confirmed_booking_keeps_it_confirmed_unless_the_provider_approves_each() {
        let moved = initial_status(ConfirmationMode::Email, true, 30, at(9));
        assert_eq!(moved.status, BookingStatus::Confirmed);
        assert_eq!(moved.links, ConfirmationMode::Instant);
        let approval = initial_status(ConfirmationMode::Provider, true, 30, at(9));
        assert_eq!(approval.status, BookingStatus::Pending);
        assert_eq!(approval.links, ConfirmationMode::Provider);
    }

    #[test]
    fn moving_a_pending_booking_asks_for_confirmation_again() {
        let moved = initial_status(ConfirmationMode::Email, false, 15, at(9));
        assert_eq!(moved.status, BookingStatus::Pending);
        assert_eq!(moved.hold_expires_at, Some(at(9) + TimeDelta::minutes(15)));
    }

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 1, 7, hour, 0, 0).unwrap()
    }

    fn facts(status: BookingStatus, start_hour: u32) -> BookingFacts {
        BookingFacts {
            status,
            start_at: at(start_hour),
            hold_expires_at: None,
        }
    }

    const ACTIONS: [Action; 6] = [
        Action::Confirm,
        Action::Approve,
        Action::Decline,
        Action::Cancel,
        Action::Complete,
        Action::NoShow,
    ];

    /// Where each action leads from each state once the booking has started (so the
    /// start-time rule does not interfere); `None` is a wrong-state refusal.
    fn expected(status: BookingStatus, action: Action) -> Option<BookingStatus> {
        use BookingStatus::*;
        match (status, action) {
            (Pending, Action::Confirm | Action::Approve) => Some(Confirmed),
            (Pending, Action::Decline) => Some(Declined),
            (Pending | Confirmed, Action::Cancel) => Some(Cancelled),
            (Confirmed, Action::Complete) => Some(Completed),
            (Confirmed, Action::NoShow) => Some(NoShow),
            _ => None,
        }
    }

    #[test]
    fn every_state_and_action_is_decided_by_the_table() {
        let now = at(12);
        for status in BookingStatus::ALL {
            for action in ACTIONS {
                let decision = decide(facts(status, 10), action, now);
                match expected(status, action) {
                    Some(to) => assert_eq!(
                        decision,
                        Ok(Transition { from: status, to }),
                        "{status} × {action:?}"
                    ),
                    None => assert_eq!(
                        decision,
                        Err(Refused::WrongState(status)),
                        "{status} × {action:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn completed_and_no_show_wait_for_the_start() {
        let before = facts(BookingStatus::Confirmed, 14);
        for action in [Action::Complete, Action::NoShow] {
            assert_eq!(decide(before, action, at(12)), Err(Refused::NotStarted));
            assert!(decide(before, action, at(14)).is_ok(), "at the start");
        }
        assert!(decide(before, Action::Cancel, at(12)).is_ok());
    }

    #[test]
    fn only_the_guest_confirmation_needs_a_live_hold() {
        let lapsed = BookingFacts {
            hold_expires_at: Some(at(11)),
            ..facts(BookingStatus::Pending, 14)
        };
        assert_eq!(
            decide(lapsed, Action::Confirm, at(11)),
            Err(Refused::HoldLapsed)
        );
        assert!(decide(lapsed, Action::Confirm, at(10)).is_ok());
        assert!(decide(lapsed, Action::Approve, at(12)).is_ok());
        assert!(decide(lapsed, Action::Decline, at(12)).is_ok());
    }

    #[test]
    fn the_provider_is_offered_exactly_what_is_allowed() {
        use Action::*;
        let now = at(12);
        let offered = |status, start| provider_actions(facts(status, start), now);
        assert_eq!(
            offered(BookingStatus::Pending, 14),
            [Approve, Decline, Cancel]
        );
        assert_eq!(offered(BookingStatus::Confirmed, 14), [Cancel]);
        assert_eq!(
            offered(BookingStatus::Confirmed, 12),
            [Complete, NoShow, Cancel]
        );
        for status in BookingStatus::ALL {
            for start in [10, 14] {
                let booking = facts(status, start);
                let allowed: Vec<Action> = Action::PROVIDER
                    .into_iter()
                    .filter(|a| decide(booking, *a, now).is_ok())
                    .collect();
                assert_eq!(provider_actions(booking, now), allowed);
                if !status.holds_time() || status == BookingStatus::Completed {
                    assert!(provider_actions(booking, now).is_empty(), "{status}");
                }
            }
        }
    }

    #[test]
    fn guests_cannot_change_a_booking_inside_the_cancellation_notice() {
        let start = at(12);
        assert_eq!(guest_change_refused(120, start, at(9)), None);
        assert_eq!(guest_change_refused(120, start, at(10)), None);
        let refusal = guest_change_refused(120, start, at(11)).unwrap();
        assert_eq!(
            refusal,
            Refused::InsideCancellationNotice {
                notice_minutes: 120
            }
        );
        assert!(refusal.to_string().contains("less than 2 hours before"));
        // No notice: refused only once the booking has started.
        assert_eq!(guest_change_refused(0, start, at(12)), None);
        assert!(guest_change_refused(-5, start, at(13)).is_some());
    }

    #[test]
    fn refusals_name_the_state_in_words() {
        assert_eq!(
            Refused::WrongState(BookingStatus::NoShow).to_string(),
            "This booking is no-show and cannot be changed that way."
        );
    }

    #[test]
    fn actors_and_statuses_refuse_unknown_stored_text() {
        for actor in Actor::ALL {
            assert_eq!(Actor::try_from(actor.as_str().to_owned()).unwrap(), actor);
        }
        let error = Actor::try_from("admin".to_owned()).unwrap_err();
        assert_eq!(error.to_string(), "unknown actor \"admin\"");
        let error = BookingStatus::try_from("booked".to_owned()).unwrap_err();
        assert_eq!(error.to_string(), "unknown booking status \"booked\"");
    }

    #[test]
    fn statuses_round_trip_through_their_text() {
        for status in BookingStatus::ALL {
            assert_eq!(status.as_str().parse::<BookingStatus>().unwrap(), status);
        }
        assert!("booked".parse::<BookingStatus>().is_err());
    }

    #[test]
    fn only_live_states_hold_time() {
        assert!(BookingStatus::Pending.holds_time());
        assert!(BookingStatus::NoShow.holds_time());
        assert!(!BookingStatus::Cancelled.holds_time());
        assert!(!BookingStatus::Expired.holds_time());
        assert!(!BookingStatus::Declined.holds_time());
    }
}
