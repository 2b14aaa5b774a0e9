//! Booking states and the rules about which of them hold the provider's time.

use std::fmt;
use std::str::FromStr;

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

#[cfg(test)]
mod tests {
    use super::*;

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
