//! Rules of the JSON API that need no I/O: what a token's scope allows, the name a token
//! may have, and the opaque cursor of a paged list.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::text::Text;

/// What an API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Read only: every `GET`.
    Read,
    /// Read and write: also creates bookings and changes their state.
    Write,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Self::Read, Self::Write];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
        }
    }

    /// How the settings page and the API name the scope.
    pub fn label(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "read+write",
        }
    }

    /// Whether a token of this scope may write (create bookings, change them).
    pub fn may_write(self) -> bool {
        self == Self::Write
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown API token scope {0:?}")]
pub struct UnknownScope(String);

impl FromStr for Scope {
    type Err = UnknownScope;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| UnknownScope(s.to_owned()))
    }
}

impl TryFrom<String> for Scope {
    type Error = UnknownScope;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

/// Every API token starts with this, so a leaked one is easy to recognise (and to find
/// with secret scanners).
pub const TOKEN_PREFIX: &str = "sbk_";

/// A token's name: 1 to 100 characters on one line, trimmed.
pub fn parse_token_name(text: &str) -> Result<String, Text> {
    let name = text.trim();
    if name.is_empty() {
        Err(Text::id("tokens-error-name-missing"))
    } else if name.chars().count() > 100 {
        Err(Text::id("tokens-error-name-long"))
    } else if name.chars().any(char::is_control) {
        Err(Text::id("tokens-error-name-line"))
    } else {
        Ok(name.to_owned())
    }
}

/// Where the next page of a list sorted by `(start_at, id)` begins: after this booking.
/// Opaque to clients (`<unix micros>_<uuid>`), so the order can change without them
/// noticing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub start_at: DateTime<Utc>,
    pub id: Uuid,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}_{}", self.start_at.timestamp_micros(), self.id.simple())
    }

    /// `None` for anything this API did not hand out.
    pub fn decode(text: &str) -> Option<Cursor> {
        let (micros, id) = text.split_once('_')?;
        let micros: i64 = micros.parse().ok()?;
        let start_at = DateTime::<Utc>::from_timestamp_micros(micros)?;
        let id = Uuid::try_parse(id).ok()?;
        Some(Cursor { start_at, id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_and_only_write_may_write() {
        for scope in Scope::ALL {
            assert_eq!(scope.as_str().parse::<Scope>().unwrap(), scope);
        }
        assert!(Scope::Write.may_write() && !Scope::Read.may_write());
        assert!("admin".parse::<Scope>().is_err());
    }

    #[test]
    fn token_names_are_one_short_line() {
        assert_eq!(parse_token_name("  CRM  ").unwrap(), "CRM");
        assert!(parse_token_name(" ").is_err());
        assert!(parse_token_name("a\nb").is_err());
        assert!(parse_token_name(&"x".repeat(101)).is_err());
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let cursor = Cursor {
            start_at: DateTime::from_timestamp(1_900_000_000, 0).unwrap(),
            id: Uuid::now_v7(),
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        for bad in ["", "x", "1_", "_abc", "1_nope", "99999999999999999999_0"] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
