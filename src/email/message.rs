//! What a mail is before and after it meets the wire: [`OutgoingMessage`] (what callers
//! enqueue), the [`EmailTemplate`] convention that renders one from askama templates, and
//! the MIME message every transport sends.

use askama::Template;
use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::Message;
use uuid::Uuid;

/// One mail, rendered and ready to queue: plain data that the outbox's model owns, so the
/// database layer can queue a mail without knowing how it was composed.
pub use crate::db::models::outbox::OutgoingMessage;

/// One kind of message, rendered from `templates/email/<message>/`.
///
/// The implementing struct holds what the message says; `subject.txt`, `text.txt` and
/// `html.html` are three small askama structs that borrow it (see [`TestMail`]). The HTML part extends
/// `email/_layout.html`, which needs the subject for its `<title>`.
pub trait EmailTemplate {
    /// Stored in `outbox.kind`.
    const KIND: &'static str;

    /// `subject.txt`; kept to one line. Times in it carry their zone name.
    fn subject(&self) -> askama::Result<String>;

    fn text(&self) -> askama::Result<String>;

    fn html(&self, subject: &str) -> askama::Result<String>;
}

/// Renders `message` for `to` in the recipient's language.
pub fn render_in<M: EmailTemplate>(
    locale: crate::i18n::Locale,
    to: &str,
    message: &M,
) -> askama::Result<OutgoingMessage> {
    crate::i18n::with_locale(locale, || render(to, message))
}

/// Renders `message` for `to` in the current locale (the request's). Errors only when a
/// template fails at run time.
pub fn render<M: EmailTemplate>(to: &str, message: &M) -> askama::Result<OutgoingMessage> {
    let subject = one_line(&message.subject()?);
    Ok(OutgoingMessage {
        to: to.to_owned(),
        text: message.text()?,
        html: message.html(&subject)?,
        subject,
        ics: None,
        kind: M::KIND.to_owned(),
        booking_id: None,
    })
}

/// Subjects are headers: a stray newline from a template or a user's input must not split
/// them (lettre would encode it, but the subject would still look broken).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `slotbook mail test`: proves the configured transport delivers.
#[derive(Debug, Clone)]
pub struct TestMail {
    pub base_url: String,
    pub sent_at: DateTime<Utc>,
}

#[derive(Template)]
#[template(path = "email/test/subject.txt")]
/// Fixed words, so no fields.
struct TestSubject;

#[derive(Template)]
#[template(path = "email/test/text.txt")]
struct TestText<'a> {
    m: &'a TestMail,
}

#[derive(Template)]
#[template(path = "email/test/html.html")]
struct TestHtml<'a> {
    subject: &'a str,
    m: &'a TestMail,
}

impl TestMail {
    pub fn home_url(&self) -> String {
        format!("{}/", self.base_url)
    }

    /// "Monday, 7 January 2030, 08:00 UTC".
    pub fn sent_at_text(&self) -> String {
        format!(
            "{} UTC",
            crate::i18n::format::datetime_long(self.sent_at, chrono_tz::UTC)
        )
    }
}

impl EmailTemplate for TestMail {
    const KIND: &'static str = "test";

    fn subject(&self) -> askama::Result<String> {
        TestSubject.render()
    }

    fn text(&self) -> askama::Result<String> {
        TestText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        TestHtml { subject, m: self }.render()
    }
}

/// A message that can never be sent as it is (bad recipient address, bad content type):
/// retrying would not help.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the message: {0}")]
pub struct BuildError(pub String);

/// The MIME message: multipart/alternative text + HTML, inside multipart/mixed with
/// `invite.ics` when there is a calendar. The Message-ID is derived from `id` (the outbox
/// row), so a retried delivery carries the same Message-ID and receivers can drop the
/// duplicate when a crash made us send twice.
pub fn build_mime(
    from: &Mailbox,
    id: Uuid,
    message: &OutgoingMessage,
) -> Result<Message, BuildError> {
    let to: Mailbox = message
        .to
        .parse()
        .map_err(|e| BuildError(format!("invalid recipient {:?}: {e}", message.to)))?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(one_line(&message.subject))
        .message_id(Some(format!("<{}@{}>", id.simple(), from.email.domain())));
    let body = MultiPart::alternative_plain_html(message.text.clone(), message.html.clone());
    let built = match &message.ics {
        None => builder.multipart(body),
        Some(ics) => {
            let content_type = format!(
                "text/calendar; method={}; charset=utf-8",
                ics_method(ics).unwrap_or("PUBLISH")
            );
            let content_type = ContentType::parse(&content_type)
                .map_err(|e| BuildError(format!("calendar content type: {e}")))?;
            let invite = Attachment::new("invite.ics".to_owned()).body(ics.clone(), content_type);
            builder.multipart(MultiPart::mixed().multipart(body).singlepart(invite))
        }
    };
    built.map_err(|e| BuildError(e.to_string()))
}

/// The calendar's `METHOD` (REQUEST, CANCEL, …), which mail clients read from the content
/// type to offer "add" or "remove"; only a plain token, so a strange value cannot break
/// the header.
pub fn ics_method(ics: &str) -> Option<&str> {
    ics.lines()
        .find_map(|line| line.trim_end().strip_prefix("METHOD:"))
        .map(str::trim)
        .filter(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// The http(s) links in a text part, in order and each once, for the development
/// transport's log.
pub fn links(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    let words = text
        .split(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        // "(https://…)" and "link:https://…" count too: start where the scheme does.
        .filter_map(|word| {
            let (start, _) = word.match_indices("http").find(|(at, _)| {
                word[*at..].starts_with("http://") || word[*at..].starts_with("https://")
            })?;
            Some(&word[start..])
        })
        .map(|word| word.trim_end_matches(['.', ',', ';', ':', ')', '\'', '!', '?']));
    for link in words {
        if !found.contains(&link) {
            found.push(link);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn test_mail() -> TestMail {
        TestMail {
            base_url: "http://localhost:8080".to_owned(),
            sent_at: Utc.with_ymd_and_hms(2030, 1, 7, 8, 0, 0).unwrap(),
        }
    }

    #[test]
    fn the_test_message_renders_both_parts_with_the_instance_link() {
        let message = render("ada@example.com", &test_mail()).unwrap();
        assert_eq!(message.kind, "test");
        assert_eq!(message.subject, "Slotbook test message");
        assert!(message.text.contains("http://localhost:8080/"));
        assert!(message.text.contains("Monday, 7 January 2030, 08:00 UTC"));
        assert!(message
            .html
            .contains("<title>Slotbook test message</title>"));
        assert!(message.html.contains("href=\"http://localhost:8080/\""));
    }

    #[test]
    fn subjects_are_kept_on_one_line() {
        assert_eq!(
            one_line(" Booking\r\nconfirmed \t now "),
            "Booking confirmed now"
        );
    }

    #[test]
    fn the_calendar_method_is_read_from_the_ics_text() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
        assert_eq!(ics_method(ics), Some("CANCEL"));
        assert_eq!(ics_method("BEGIN:VCALENDAR\r\nEND:VCALENDAR"), None);
        assert_eq!(ics_method("METHOD:REQUEST; x=y"), None);
    }

    #[test]
    fn links_are_found_without_trailing_punctuation() {
        let text = "Confirm:\nhttps://example.com/b/abc123.\nOr (http://x.test/y), not ftp://z\n\
                    Again: https://example.com/b/abc123 and http://a.test/?next=https://b.test";
        assert_eq!(
            links(text),
            [
                "https://example.com/b/abc123",
                "http://x.test/y",
                "http://a.test/?next=https://b.test"
            ]
        );
    }

    #[test]
    fn a_mime_message_has_both_parts_the_invite_and_a_stable_message_id() {
        let from: Mailbox = "Slotbook <slotbook@localhost>".parse().unwrap();
        let id = Uuid::now_v7();
        let message = render("ada@example.com", &test_mail())
            .unwrap()
            .with_ics("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n");
        let raw = String::from_utf8(build_mime(&from, id, &message).unwrap().formatted()).unwrap();
        assert!(raw.contains("From: Slotbook <slotbook@localhost>"));
        assert!(raw.contains(&format!("Message-ID: <{}@localhost>", id.simple())));
        assert!(raw.contains("multipart/alternative"));
        assert!(raw.contains("Content-Type: text/plain; charset=utf-8"));
        assert!(raw.contains("Content-Type: text/html; charset=utf-8"));
        assert!(raw.contains("Content-Type: text/calendar; method=REQUEST; charset=utf-8"));
        assert!(raw.contains("filename=\"invite.ics\""));
    }

    #[test]
    fn a_bad_recipient_cannot_be_built() {
        let from: Mailbox = "Slotbook <slotbook@localhost>".parse().unwrap();
        let mut message = render("ada@example.com", &test_mail()).unwrap();
        message.to = "not an address".to_owned();
        assert!(build_mime(&from, Uuid::now_v7(), &message).is_err());
    }
}
