//! Templates of the provider's scheduling pages: services, weekly hours and overrides,
//! time off.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::service::{ConfirmationMode, QuestionKind};

/// One row of the services list.
pub struct ServiceRow {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub duration_minutes: i32,
    pub confirmation_key: &'static str,
    pub is_active: bool,
    pub public_url: String,
}

#[derive(Template)]
#[template(path = "pages/scheduling/services.html")]
pub struct ServicesPage {
    pub ctx: PageContext,
    pub services: Vec<ServiceRow>,
}

#[derive(Template)]
#[template(path = "pages/scheduling/service_form.html")]
pub struct ServiceFormPage {
    pub ctx: PageContext,
    /// `None` for a new service.
    pub service_id: Option<String>,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub question_rows: Vec<QuestionRow>,
    pub modes: [ConfirmationMode; 3],
    pub question_kinds: [QuestionKind; 4],
    pub slug_hint: String,
}

/// One question row of the service form, names precomputed (`q{i}_label`, …).
pub struct QuestionRow {
    pub title: String,
    pub label: FieldView,
    pub kind_name: String,
    pub kind: String,
    pub choices: FieldView,
    pub required_name: String,
    pub required: bool,
}

/// A field's name, typed value and error, ready for the `field` macro.
pub struct FieldView {
    pub name: String,
    pub value: String,
    pub error: String,
}

impl FieldView {
    pub fn of(form: &RawForm, errors: &FieldErrors, name: String) -> Self {
        Self {
            value: form.get(&name).to_owned(),
            error: errors.get(&name).to_owned(),
            name,
        }
    }
}

impl QuestionRow {
    pub fn rows(form: &RawForm, errors: &FieldErrors, count: usize) -> Vec<QuestionRow> {
        (0..count)
            .map(|i| QuestionRow {
                title: crate::i18n::t1("service-form-question", "n", i + 1),
                label: FieldView::of(form, errors, format!("q{i}_label")),
                kind_name: format!("q{i}_kind"),
                kind: form.get(&format!("q{i}_kind")).to_owned(),
                choices: FieldView::of(form, errors, format!("q{i}_choices")),
                required_name: format!("q{i}_required"),
                required: form.checked(&format!("q{i}_required")),
            })
            .collect()
    }
}

impl ServiceFormPage {
    pub fn action(&self) -> String {
        match &self.service_id {
            Some(id) => format!("/dashboard/services/{id}"),
            None => "/dashboard/services".to_owned(),
        }
    }
}

/// A weekday's hours as the page lists them.
pub struct DayHours {
    pub number: i32,
    pub name: String,
    pub rules: Vec<RuleView>,
}

pub struct RuleView {
    pub id: String,
    pub interval: String,
    pub validity: String,
}

pub struct OverrideView {
    pub date: String,
    pub label: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "pages/scheduling/hours.html")]
pub struct HoursPage {
    pub ctx: PageContext,
    pub timezone: String,
    pub days: Vec<DayHours>,
    pub overrides: Vec<OverrideView>,
    /// The add-hours form as typed, and its errors.
    pub rule_form: RawForm,
    pub rule_errors: FieldErrors,
    pub override_form: RawForm,
    pub override_errors: FieldErrors,
    /// Three start/end pairs of the override form (`start1`/`end1` …).
    pub override_rows: Vec<(FieldView, FieldView)>,
    pub copy_errors: FieldErrors,
}

impl HoursPage {
    pub fn day_checked(&self, form: &RawForm, field: &str, day: &i32) -> bool {
        form.all(field).contains(&day.to_string().as_str())
    }
}

pub struct TimeOffView {
    pub id: String,
    /// False for a stored entry whose dates cannot be read: the page offers to remove it.
    pub readable: bool,
    pub when: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "pages/scheduling/time_off.html")]
pub struct TimeOffPage {
    pub ctx: PageContext,
    pub timezone: String,
    pub entries: Vec<TimeOffView>,
    pub form: RawForm,
    pub errors: FieldErrors,
}
