//! Webhook rules that need no I/O: the event types an endpoint may want, which booking
//! history entry is which type, and the Standard Webhooks signature
//! (<https://www.standardwebhooks.com>): `webhook-signature: v1,<base64 HMAC-SHA256 of
//! "{webhook-id}.{webhook-timestamp}.{body}">` keyed with the endpoint's secret.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::text::Text;

/// What happened to a booking, as receivers see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Created,
    Confirmed,
    Rescheduled,
    Cancelled,
    Declined,
    Expired,
    Completed,
    NoShow,
}

impl EventType {
    pub const ALL: [EventType; 8] = [
        Self::Created,
        Self::Confirmed,
        Self::Rescheduled,
        Self::Cancelled,
        Self::Declined,
        Self::Expired,
        Self::Completed,
        Self::NoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "booking.created",
            Self::Confirmed => "booking.confirmed",
            Self::Rescheduled => "booking.rescheduled",
            Self::Cancelled => "booking.cancelled",
            Self::Declined => "booking.declined",
            Self::Expired => "booking.expired",
            Self::Completed => "booking.completed",
            Self::NoShow => "booking.no_show",
        }
    }

    pub fn parse(text: &str) -> Option<EventType> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The type of a booking history entry (`booking_events.kind`); `None` for entries
    /// receivers are not told about (a reminder sent).
    pub fn of_history_kind(kind: &str) -> Option<EventType> {
        Some(match kind {
            "created" => Self::Created,
            "confirmed" | "approved" => Self::Confirmed,
            "rescheduled" => Self::Rescheduled,
            "cancelled" => Self::Cancelled,
            "declined" => Self::Declined,
            "expired" => Self::Expired,
            "completed" => Self::Completed,
            "no_show" => Self::NoShow,
            _ => return None,
        })
    }
}

/// The events a booking history entry stands for, in the order receivers get them: a
/// booking made already confirmed (instant confirmation) is `booking.created` and then
/// `booking.confirmed`, so a receiver waiting for the confirmation hears of it whichever
/// way the service confirms.
pub fn events_of_history(kind: &str, confirmed: bool) -> Vec<EventType> {
    match EventType::of_history_kind(kind) {
        Some(EventType::Created) if confirmed => vec![EventType::Created, EventType::Confirmed],
        Some(event) => vec![event],
        None => Vec::new(),
    }
}

/// The type of the "send a test event" button; not one an endpoint subscribes to.
pub const TEST_EVENT: &str = "webhook.test";

/// Every secret starts with this (as the Standard Webhooks libraries expect).
pub const SECRET_PREFIX: &str = "whsec_";

/// A secret from 32 random bytes.
pub fn secret_from_bytes(bytes: &[u8; 32]) -> String {
    format!("{SECRET_PREFIX}{}", STANDARD.encode(bytes))
}

/// The `webhook-signature` header value for one delivery; `None` for a secret that is not
/// `whsec_<base64>`.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// An endpoint URL as typed: `https://` (or `http://`), a host, at most 2,000 characters.
/// Whether the host may be reached is decided when connecting (`outbound`).
pub fn parse_endpoint_url(text: &str) -> Result<url::Url, Text> {
    let text = text.trim();
    if text.len() > 2000 {
        return Err(Text::id("webhooks-error-url-long"));
    }
    let url = url::Url::parse(text).map_err(|_| Text::id("webhooks-error-url-unreadable"))?;
    if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none_or(str::is_empty) {
        return Err(Text::id("webhooks-error-url-scheme"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Text::id("webhooks-error-url-credentials"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_the_standard_webhooks_example() {
        // The example of the Standard Webhooks specification's reference libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).unwrap(),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        assert_eq!(signature("nope", "id", 1, ""), None);
    }

    #[test]
    fn history_kinds_map_to_event_types() {
        assert_eq!(
            EventType::of_history_kind("approved"),
            Some(EventType::Confirmed)
        );
        assert_eq!(EventType::of_history_kind("reminder_sent"), None);
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn endpoint_urls_need_a_scheme_and_host() {
        assert!(parse_endpoint_url("https://hooks.example.com/x").is_ok());
        for bad in [
            "ftp://x",
            "hooks.example.com",
            "https://user:pw@x.example",
            "http://",
        ] {
            assert!(parse_endpoint_url(bad).is_err(), "{bad}");
        }
    }
}
