//! Custom questions a service asks the guest, and how the service form's question rows
//! are read.

use crate::domain::forms::{FieldErrors, RawForm, Text};

/// The kind of answer a custom question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    ShortText,
    LongText,
    Choice,
    Checkbox,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [
        Self::ShortText,
        Self::LongText,
        Self::Choice,
        Self::Checkbox,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ShortText => "short_text",
            Self::LongText => "long_text",
            Self::Choice => "choice",
            Self::Checkbox => "checkbox",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ShortText => "Short text",
            Self::LongText => "Long text",
            Self::Choice => "Choice",
            Self::Checkbox => "Checkbox",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// A question the guest answers when booking.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    pub label: String,
    pub kind: QuestionKind,
    pub required: bool,
    #[serde(default)]
    pub choices: Vec<String>,
}

impl Question {
    pub fn list_to_json(questions: &[Question]) -> String {
        serde_json::to_string(questions).unwrap_or_else(|_| "[]".to_owned())
    }

    pub fn choices_text(&self) -> String {
        self.choices.join(", ")
    }
}

/// How many question rows the form offers beyond the existing ones (no JavaScript needed).
pub const BLANK_QUESTION_ROWS: usize = 2;
pub const MAX_QUESTIONS: usize = 10;

pub(super) fn parse_questions(form: &RawForm, errors: &mut FieldErrors) -> Vec<Question> {
    let mut questions = Vec::new();
    for i in 0..MAX_QUESTIONS + BLANK_QUESTION_ROWS {
        let field = format!("q{i}_label");
        let label = form.line(errors, &field);
        if label.is_empty() {
            continue;
        }
        if questions.len() == MAX_QUESTIONS {
            errors.add(
                field,
                Text::id("service-error-questions-many").count("max", MAX_QUESTIONS as i64),
            );
            break;
        }
        if label.chars().count() > 200 {
            errors.add(field.clone(), Text::id("service-error-question-long"));
        }
        let kind =
            QuestionKind::parse(form.get(&format!("q{i}_kind"))).unwrap_or(QuestionKind::ShortText);
        let choices: Vec<String> = form
            .text(errors, &format!("q{i}_choices"))
            .split([',', '\n'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        if kind == QuestionKind::Choice && choices.len() < 2 {
            errors.add(format!("q{i}_choices"), Text::id("service-error-choices"));
        }
        questions.push(Question {
            label,
            kind,
            required: form.checked(&format!("q{i}_required")),
            choices: if kind == QuestionKind::Choice {
                choices
            } else {
                Vec::new()
            },
        });
    }
    questions
}
