//! Field-level validation results shared by every form: a form parses into a domain value
//! or into `FieldErrors`, which the template shows next to each field.

use std::collections::BTreeMap;

pub use super::text::Text;

/// Messages keyed by the form field's `name`: message ids with their arguments, so the page
/// shows them in its own language (and the API in English).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, Text>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the first message for a field (later ones would only repeat the problem).
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<Text>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    /// The message for a field in the current locale, or "" (templates test `is_empty()`).
    pub fn get(&self, field: &str) -> String {
        self.0
            .get(field)
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// The message for a field, unformatted.
    pub fn message(&self, field: &str) -> Option<&Text> {
        self.0.get(field)
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Text)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// `Ok(value)` when nothing was recorded.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// A submitted form as ordered name/value pairs (repeated names kept), with lookups.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct RawForm(pub Vec<(String, String)>);

impl RawForm {
    /// The first value of a field, trimmed; "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }

    /// Every value of a repeated field (checkbox groups).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .collect()
    }

    /// Whether a checkbox was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }
}

/// Whether a text field is one line (names, addresses, labels) or free text (notes, bio).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Why typed text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("This contains invisible control characters; please retype it.")]
    ControlCharacter,
    #[error("Keep this on one line.")]
    LineBreak,
}

impl TextError {
    /// The words for a page.
    pub fn text(self) -> Text {
        match self {
            Self::ControlCharacter => Text::id("form-error-control-characters"),
            Self::LineBreak => Text::id("form-error-line-break"),
        }
    }
}

/// The one reading of typed text, used by every form: trimmed; in free text, CRLF and lone
/// CR become LF. Control characters are refused except tab, and newline in free text; a
/// one-line field refuses line breaks of any kind (CR, LF, U+2028, U+2029). Both databases
/// then store exactly the same text (PostgreSQL refuses NUL, SQLite would keep it).
pub fn clean_text(raw: &str, lines: Lines) -> Result<String, TextError> {
    let text = raw.trim();
    let is_break = |c: char| matches!(c, '\r' | '\n' | '\u{2028}' | '\u{2029}');
    match lines {
        Lines::One => {
            if text.chars().any(is_break) {
                return Err(TextError::LineBreak);
            }
            if text.chars().any(|c| c.is_control() && c != '\t') {
                return Err(TextError::ControlCharacter);
            }
            Ok(text.to_owned())
        }
        Lines::Many => {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            if text
                .chars()
                .any(|c| c.is_control() && c != '\t' && c != '\n')
            {
                return Err(TextError::ControlCharacter);
            }
            Ok(text)
        }
    }
}

impl RawForm {
    /// A one-line text field through [`clean_text`]: the cleaned text, or "" with a message
    /// recorded for `name`.
    pub fn line(&self, errors: &mut FieldErrors, name: &str) -> String {
        self.cleaned(errors, name, Lines::One)
    }

    /// A free-text field through [`clean_text`] (line breaks kept, as LF).
    pub fn text(&self, errors: &mut FieldErrors, name: &str) -> String {
        self.cleaned(errors, name, Lines::Many)
    }

    fn cleaned(&self, errors: &mut FieldErrors, name: &str, lines: Lines) -> String {
        clean_text(self.get(name), lines).unwrap_or_else(|error| {
            errors.add(name, error.text());
            String::new()
        })
    }
}

/// Parses a whole number within `min..=max`, recording a message for `field` otherwise.
/// `what` is the message id of the field's name (`field-duration`: "Duration").
pub fn parse_int(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    min: i32,
    max: i32,
    what: &str,
) -> i32 {
    match text.trim().parse::<i32>() {
        Ok(n) if (min..=max).contains(&n) => n,
        Ok(_) => {
            errors.add(
                field,
                Text::id("form-error-number-range")
                    .words("what", what)
                    .count("min", i64::from(min))
                    .count("max", i64::from(max)),
            );
            min
        }
        Err(_) if text.trim().is_empty() => {
            errors.add(
                field,
                Text::id("form-error-number-missing").words("what", &format!("{what}.lower")),
            );
            min
        }
        Err(_) => {
            errors.add(
                field,
                Text::id("form-error-number-whole").words("what", what),
            );
            min
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_message_per_field_wins() {
        let mut errors = FieldErrors::new();
        errors.add("name", Text::id("guest-error-name-missing"));
        errors.add("name", "Too long.");
        assert_eq!(errors.get("name"), "Enter your name.");
        assert_eq!(errors.get("other"), "");
        assert!(errors.into_result(()).is_err());
    }

    #[test]
    fn integers_outside_their_range_are_refused_with_a_message() {
        let mut errors = FieldErrors::new();
        let what = "field-duration";
        assert_eq!(parse_int(&mut errors, "d", " 30 ", 5, 720, what), 30);
        parse_int(&mut errors, "low", "2", 5, 720, what);
        parse_int(&mut errors, "text", "abc", 5, 720, what);
        parse_int(&mut errors, "blank", "", 5, 720, what);
        assert_eq!(errors.get("low"), "Duration must be between 5 and 720.");
        assert_eq!(errors.get("text"), "Duration must be a whole number.");
        assert_eq!(errors.get("blank"), "Enter the duration.");
    }

    #[test]
    fn one_line_text_refuses_line_breaks_and_control_characters() {
        assert_eq!(
            clean_text("  Ada\tLovelace ", Lines::One),
            Ok("Ada\tLovelace".into())
        );
        for broken in ["Ada\r\nEvil", "Ada\nX", "Ada\rX", "Ada\u{2028}X"] {
            assert_eq!(
                clean_text(broken, Lines::One),
                Err(TextError::LineBreak),
                "{broken:?}"
            );
        }
        for control in ["\0", "Ada\0", "a\u{1b}[31m", "a\u{7f}", "a\u{85}b"] {
            assert_eq!(
                clean_text(control, Lines::One),
                Err(TextError::ControlCharacter),
                "{control:?}"
            );
        }
    }

    #[test]
    fn free_text_keeps_newlines_as_lf_and_refuses_other_control_characters() {
        assert_eq!(
            clean_text("one\r\ntwo\rthree\n\tfour", Lines::Many),
            Ok("one\ntwo\nthree\n\tfour".into())
        );
        assert_eq!(
            clean_text("a\0b", Lines::Many),
            Err(TextError::ControlCharacter)
        );
        assert_eq!(
            clean_text("a\u{8}b", Lines::Many),
            Err(TextError::ControlCharacter)
        );
    }

    #[test]
    fn form_text_records_a_message_for_the_field() {
        let form = RawForm(vec![
            ("name".into(), "Ada\0".into()),
            ("notes".into(), "Hi\r\nthere".into()),
        ]);
        let mut errors = FieldErrors::new();
        assert_eq!(form.line(&mut errors, "name"), "");
        assert_eq!(form.text(&mut errors, "notes"), "Hi\nthere");
        assert_eq!(form.line(&mut errors, "missing"), "");
        assert!(errors.get("name").contains("control characters"));
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn raw_forms_keep_repeated_fields() {
        let form: RawForm = serde_html_form::from_str("day=1&day=3&name=+x+&flag=on").unwrap();
        assert_eq!(form.all("day"), vec!["1", "3"]);
        assert_eq!(form.get("name"), "x");
        assert!(form.checked("flag"));
        assert!(!form.checked("missing"));
    }
}
