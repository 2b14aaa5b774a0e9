//! The one email address type, for guests and accounts alike. An address is accepted only
//! when lettre, which sends our mail, accepts it too (so `john.@example.com`, which every
//! send would then fail on, is refused at the form), and when it also looks deliverable
//! on the public internet: a domain with at least two labels, no quoted local part, no
//! IP literal, at most 254 characters. Stored lowercase: nobody relies on a
//! case-sensitive local part, and the database compares addresses exactly.

use std::fmt;
use std::str::FromStr;

use super::forms::{clean_text, Lines, Text};

/// A deliverable-looking email address, trimmed and lowercased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

/// Local-part characters of a dot-atom (RFC 5322) besides letters and digits.
const LOCAL_SYMBOLS: &str = "!#$%&'*+-/=?^_`{|}~.";

impl EmailAddress {
    /// The message is worded for the person who typed the address.
    pub fn parse(text: &str) -> Result<EmailAddress, Text> {
        let address = clean_text(text, Lines::One)
            .map_err(|e| e.text())?
            .to_lowercase();
        if address.is_empty() {
            return Err(Text::id("email-error-missing"));
        }
        if address.chars().count() > 254 {
            return Err(Text::id("email-error-long"));
        }
        let invalid = || Err(Text::id("email-error-invalid"));
        let Some((local, domain)) = address.split_once('@') else {
            return invalid();
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || LOCAL_SYMBOLS.contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        // lettre checks the rest: dots in the local part, international domains.
        if !local_ok || !domain_ok || lettre::Address::from_str(&address).is_err() {
            return invalid();
        }
        Ok(EmailAddress(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_lowercased() {
        assert_eq!(
            EmailAddress::parse(" Alice@Example.COM ").unwrap().as_str(),
            "alice@example.com"
        );
        assert!(EmailAddress::parse("a.b+tag@mail.example.org").is_ok());
        assert!(EmailAddress::parse("o'neil@example.ie").is_ok());
        assert!(EmailAddress::parse("jörg@bücher.example").is_ok());
    }

    #[test]
    fn addresses_lettre_could_not_send_to_are_refused() {
        for bad in [
            "",
            "alice",
            "alice@",
            "@example.com",
            "alice@example",
            "a b@example.com",
            "alice@@example.com",
            "alice@exa_mple.com",
            ".a@example.com",
            "john.@example.com",
            "jo..hn@example.com",
            "alice@-example.com",
            "alice@.example.com",
            "alice@example..com",
            "\"quoted\"@example.com",
            "alice@[127.0.0.1]",
            "alice\0@example.com",
            "alice@example.com\r\nBcc: x@y.z",
            "<alice@example.com>",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(EmailAddress::parse(&long).is_err());
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(EmailAddress::parse(&long_local).is_err());
    }
}
