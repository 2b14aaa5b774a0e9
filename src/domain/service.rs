//! Services (what guests book): their settings, custom questions and the rules for the
//! service form. `ServiceSpec::parse` turns a submitted form into a valid spec or into
//! field errors.

use std::fmt;

use super::forms::{parse_int, FieldErrors, RawForm, Text};

mod questions;

use questions::parse_questions;
pub use questions::{Question, QuestionKind, BLANK_QUESTION_ROWS, MAX_QUESTIONS};

/// The longest a service may last, in minutes (the schema's CHECK says the same).
pub const MAX_DURATION_MINUTES: i32 = 720;
/// The longest buffer before or after a booking, in minutes (the schema's CHECK agrees).
pub const MAX_BUFFER_MINUTES: i32 = 720;
/// The longest buffered range a booking can block: every booking's block comes from its
/// service's duration and buffers, so schedule queries may bound a block's end by its start
/// plus this and scan an index over a range bounded on both sides.
pub const MAX_BLOCK_MINUTES: i64 = (MAX_DURATION_MINUTES + 2 * MAX_BUFFER_MINUTES) as i64;

/// How a new booking becomes confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmationMode {
    /// Confirmed at once.
    Instant,
    /// Pending until the guest clicks the link in their email.
    Email,
    /// Pending until the provider approves it.
    Provider,
}

impl ConfirmationMode {
    pub const ALL: [ConfirmationMode; 3] = [Self::Instant, Self::Email, Self::Provider];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Instant => "instant",
            Self::Email => "email",
            Self::Provider => "provider",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Instant => "Confirmed immediately",
            Self::Email => "Guest confirms by email",
            Self::Provider => "I approve each booking",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// Rows read the stored mode straight into a `ConfirmationMode` (`db::models::services`).
impl TryFrom<String> for ConfirmationMode {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown confirmation mode {text:?}"))
    }
}

/// Every editable setting of a service, valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSpec {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub duration_minutes: i32,
    pub slot_interval_minutes: i32,
    pub buffer_before_minutes: i32,
    pub buffer_after_minutes: i32,
    pub min_notice_minutes: i32,
    pub max_days_ahead: i32,
    pub max_per_day: Option<i32>,
    pub price_cents: Option<i32>,
    pub currency: Option<String>,
    pub location: String,
    pub confirmation_mode: ConfirmationMode,
    pub hold_minutes: i32,
    pub cancellation_notice_minutes: i32,
    pub reminder_minutes_before: Option<i32>,
    pub questions: Vec<Question>,
    pub is_active: bool,
}

/// Slugs that would collide with pages under `/{username}/…`.
pub const RESERVED_SLUGS: &[&str] = &[
    "new",
    "edit",
    "book",
    "booking",
    "bookings",
    "confirm",
    "cancel",
    "reschedule",
    "ics",
    "feed",
    "feeds",
    "static",
    "api",
    "admin",
    "settings",
    "services",
];

/// A URL-safe slug suggested from a name: "Intro Call (30 min)" → "intro-call-30-min".
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'á' | 'à' | 'â' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'ß' => 's',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let trimmed: String = slug.trim_matches('-').chars().take(60).collect();
    trimmed.trim_end_matches('-').to_owned()
}

fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 60
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Parses "25", "25.5" or "25.50" (or with a comma) into cents.
fn parse_price(text: &str) -> Option<i32> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || fraction.len() > 2 {
        return None;
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i32 = whole.parse().ok()?;
    let cents: i32 = format!("{fraction:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// Formats cents as "25.00".
pub fn format_price(cents: i32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

impl ServiceSpec {
    /// A new service's starting values.
    pub fn defaults() -> Self {
        Self {
            name: String::new(),
            slug: String::new(),
            description: String::new(),
            duration_minutes: 30,
            slot_interval_minutes: 30,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 120,
            max_days_ahead: 60,
            max_per_day: None,
            price_cents: None,
            currency: None,
            location: String::new(),
            confirmation_mode: ConfirmationMode::Email,
            hold_minutes: 30,
            cancellation_notice_minutes: 0,
            reminder_minutes_before: Some(1440),
            questions: Vec::new(),
            is_active: true,
        }
    }

    /// Reads the service form. Field names are the spec's field names; questions come as
    /// `q{i}_label`, `q{i}_kind`, `q{i}_required`, `q{i}_choices`.
    pub fn parse(form: &RawForm) -> Result<ServiceSpec, FieldErrors> {
        let mut errors = FieldErrors::new();
        // Every text goes through the form's one text reader (no control characters;
        // only the description and the choices may span lines).
        let name = form.line(&mut errors, "name");
        if name.is_empty() {
            errors.add("name", Text::id("service-error-name-missing"));
        } else if name.chars().count() > 120 {
            errors.add("name", Text::id("service-error-name-long"));
        }
        let slug_input = form.line(&mut errors, "slug").to_lowercase();
        let slug = if slug_input.is_empty() {
            slugify(&name)
        } else {
            slug_input
        };
        if !name.is_empty() && !valid_slug(&slug) {
            errors.add("slug", Text::id("service-error-slug"));
        } else if RESERVED_SLUGS.contains(&slug.as_str()) {
            errors.add(
                "slug",
                Text::id("service-error-slug-reserved").arg("slug", &slug),
            );
        }
        let description = form.text(&mut errors, "description");
        if description.chars().count() > 5000 {
            errors.add("description", Text::id("service-error-description-long"));
        }
        let duration = parse_int(
            &mut errors,
            "duration_minutes",
            form.get("duration_minutes"),
            5,
            MAX_DURATION_MINUTES,
            "field-duration",
        );
        let interval = match form.get("slot_interval_minutes") {
            "" => duration,
            text => parse_int(
                &mut errors,
                "slot_interval_minutes",
                text,
                5,
                720,
                "field-slot-interval",
            ),
        };
        let optional = |errors: &mut FieldErrors,
                        field: &str,
                        min: i32,
                        max: i32,
                        what: &str,
                        default: i32| {
            match form.get(field) {
                "" => default,
                text => parse_int(errors, field, text, min, max, what),
            }
        };
        let buffer_before = optional(
            &mut errors,
            "buffer_before_minutes",
            0,
            MAX_BUFFER_MINUTES,
            "field-buffer-before",
            0,
        );
        let buffer_after = optional(
            &mut errors,
            "buffer_after_minutes",
            0,
            MAX_BUFFER_MINUTES,
            "field-buffer-after",
            0,
        );
        let min_notice = optional(
            &mut errors,
            "min_notice_minutes",
            0,
            525_600,
            "field-minimum-notice",
            0,
        );
        let max_days_ahead = parse_int(
            &mut errors,
            "max_days_ahead",
            form.get("max_days_ahead"),
            1,
            730,
            "field-booking-window",
        );
        let max_per_day = match form.get("max_per_day") {
            "" => None,
            text => Some(parse_int(
                &mut errors,
                "max_per_day",
                text,
                1,
                1000,
                "field-daily-limit",
            )),
        };
        let price_cents = match form.get("price") {
            "" => None,
            text => match parse_price(text) {
                Some(cents) => Some(cents),
                None => {
                    errors.add("price", Text::id("service-error-price"));
                    None
                }
            },
        };
        let currency = match form.line(&mut errors, "currency").to_uppercase() {
            c if c.is_empty() => None,
            c if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) => Some(c),
            _ => {
                errors.add("currency", Text::id("service-error-currency"));
                None
            }
        };
        if price_cents.is_some() && currency.is_none() && !errors.has("currency") {
            errors.add("currency", Text::id("service-error-currency-missing"));
        }
        let location = form.line(&mut errors, "location");
        if location.chars().count() > 500 {
            errors.add("location", Text::id("service-error-location-long"));
        }
        let confirmation_mode = ConfirmationMode::parse(form.get("confirmation_mode"))
            .unwrap_or_else(|| {
                errors.add("confirmation_mode", Text::id("service-error-confirmation"));
                ConfirmationMode::Email
            });
        let hold_minutes = optional(
            &mut errors,
            "hold_minutes",
            5,
            10_080,
            "field-hold-time",
            30,
        );
        let cancellation_notice = optional(
            &mut errors,
            "cancellation_notice_minutes",
            0,
            525_600,
            "field-cancellation-notice",
            0,
        );
        let reminder = match form.get("reminder_minutes_before") {
            "" | "off" => None,
            text => Some(parse_int(
                &mut errors,
                "reminder_minutes_before",
                text,
                5,
                20_160,
                "field-reminder",
            )),
        };
        let questions = parse_questions(form, &mut errors);
        errors.into_result(ServiceSpec {
            name,
            slug,
            description,
            duration_minutes: duration,
            slot_interval_minutes: interval,
            buffer_before_minutes: buffer_before,
            buffer_after_minutes: buffer_after,
            min_notice_minutes: min_notice,
            max_days_ahead,
            max_per_day,
            price_cents,
            currency,
            location,
            confirmation_mode,
            hold_minutes,
            cancellation_notice_minutes: cancellation_notice,
            reminder_minutes_before: reminder,
            questions,
            is_active: form.checked("is_active"),
        })
    }
}

impl fmt::Display for ConfirmationMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    fn valid() -> Vec<(&'static str, &'static str)> {
        vec![
            ("name", "Intro Call"),
            ("duration_minutes", "30"),
            ("max_days_ahead", "60"),
            ("confirmation_mode", "instant"),
            ("is_active", "on"),
        ]
    }

    #[test]
    fn a_minimal_form_gets_a_slug_from_the_name_and_defaults() {
        let spec = ServiceSpec::parse(&form(&valid())).unwrap();
        assert_eq!(spec.slug, "intro-call");
        assert_eq!(spec.slot_interval_minutes, 30);
        assert_eq!(spec.confirmation_mode, ConfirmationMode::Instant);
        assert!(spec.is_active);
        assert_eq!(spec.reminder_minutes_before, None);
    }

    #[test]
    fn bad_values_are_reported_per_field() {
        let mut pairs = valid();
        pairs.extend([
            ("duration_minutes", "3"),
            ("slug", "Bad Slug!"),
            ("price", "12.345"),
            ("currency", "euro"),
        ]);
        // The first duration wins in RawForm::get; put the bad one first.
        pairs.retain(|(k, v)| !(*k == "duration_minutes" && *v == "30"));
        let errors = ServiceSpec::parse(&form(&pairs)).unwrap_err();
        assert!(errors.get("duration_minutes").contains("between 5 and 720"));
        assert!(errors.has("slug"));
        assert!(errors.has("price"));
        assert!(errors.has("currency"));
    }

    #[test]
    fn reserved_slugs_are_refused() {
        let mut pairs = valid();
        pairs.push(("slug", "bookings"));
        let errors = ServiceSpec::parse(&form(&pairs)).unwrap_err();
        assert!(errors.get("slug").contains("reserved"));
    }

    #[test]
    fn questions_are_read_from_numbered_rows() {
        let mut pairs = valid();
        pairs.extend([
            ("q0_label", "Topic"),
            ("q0_kind", "long_text"),
            ("q0_required", "on"),
            ("q1_label", "Level"),
            ("q1_kind", "choice"),
            ("q1_choices", "Beginner, Advanced"),
            ("q2_label", ""),
        ]);
        let spec = ServiceSpec::parse(&form(&pairs)).unwrap();
        assert_eq!(spec.questions.len(), 2);
        assert!(spec.questions[0].required);
        assert_eq!(spec.questions[1].choices, vec!["Beginner", "Advanced"]);
        let json = Question::list_to_json(&spec.questions);
        let read: Vec<Question> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, spec.questions);
    }

    #[test]
    fn a_choice_question_needs_two_choices() {
        let mut pairs = valid();
        pairs.extend([
            ("q0_label", "Level"),
            ("q0_kind", "choice"),
            ("q0_choices", "Only"),
        ]);
        assert!(ServiceSpec::parse(&form(&pairs))
            .unwrap_err()
            .has("q0_choices"));
    }

    #[test]
    fn prices_parse_to_cents() {
        assert_eq!(parse_price("25"), Some(2500));
        assert_eq!(parse_price("25.5"), Some(2550));
        assert_eq!(parse_price("25,05"), Some(2505));
        assert_eq!(parse_price("-3"), None);
        assert_eq!(parse_price("1.234"), None);
        assert_eq!(format_price(2505), "25.05");
    }

    #[test]
    fn slugs_are_suggested_from_names() {
        assert_eq!(slugify("Intro Call (30 min)"), "intro-call-30-min");
        assert_eq!(slugify("  Über  Beratung "), "uber-beratung");
        assert_eq!(slugify("!!!"), "");
    }
}
