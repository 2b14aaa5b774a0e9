//! What a guest types into the booking form, parsed: name, email, phone, notes and the
//! answers to the service's questions. `GuestDetails::parse` returns field errors keyed by
//! the form's field names.

use super::forms::{FieldErrors, RawForm};
use super::service::{Question, QuestionKind};

/// A syntactically plausible email address, trimmed and lowercased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestEmail(String);

impl GuestEmail {
    pub fn parse(text: &str) -> Option<Self> {
        let email = text.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let ok = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',');
        ok.then_some(Self(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One answer, stored as JSON with the booking.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestDetails {
    pub name: String,
    pub email: GuestEmail,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub answers: Vec<Answer>,
}

impl GuestDetails {
    /// Reads `name`, `email`, `phone`, `notes` and `answer{i}` for each question.
    pub fn parse(form: &RawForm, questions: &[Question]) -> Result<GuestDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = form.get("name").to_owned();
        if name.is_empty() {
            errors.add("name", "Enter your name.");
        } else if name.chars().count() > 200 {
            errors.add("name", "Your name can be at most 200 characters.");
        }
        let email = match form.get("email") {
            "" => {
                errors.add(
                    "email",
                    "Enter your email address: the confirmation is sent there.",
                );
                None
            }
            text => GuestEmail::parse(text).or_else(|| {
                errors.add(
                    "email",
                    "Enter a valid email address, like name@example.com.",
                );
                None
            }),
        };
        let phone = match form.get("phone") {
            "" => None,
            text if text.len() <= 40
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
                && text.chars().filter(char::is_ascii_digit).count() >= 5 =>
            {
                Some(text.to_owned())
            }
            _ => {
                errors.add("phone", "Enter a phone number with digits (spaces, +, - and brackets are fine), or leave it empty.");
                None
            }
        };
        let notes = match form.get("notes") {
            "" => None,
            text if text.chars().count() > 5000 => {
                errors.add("notes", "Notes can be at most 5,000 characters.");
                None
            }
            text => Some(text.to_owned()),
        };
        let mut answers = Vec::new();
        for (i, question) in questions.iter().enumerate() {
            let field = format!("answer{i}");
            let answer = match question.kind {
                QuestionKind::Checkbox => {
                    if form.checked(&field) { "yes" } else { "no" }.to_owned()
                }
                _ => form.get(&field).to_owned(),
            };
            let missing = match question.kind {
                QuestionKind::Checkbox => answer == "no",
                _ => answer.is_empty(),
            };
            if question.required && missing {
                errors.add(field.clone(), "This question needs an answer.");
            } else if question.kind == QuestionKind::Choice
                && !answer.is_empty()
                && !question.choices.contains(&answer)
            {
                errors.add(field.clone(), "Choose one of the options.");
            } else if answer.chars().count() > 2000 {
                errors.add(field.clone(), "An answer can be at most 2,000 characters.");
            }
            answers.push(Answer {
                question: question.label.clone(),
                answer,
            });
        }
        match email {
            Some(email) => errors.into_result(GuestDetails {
                name,
                email,
                phone,
                notes,
                answers,
            }),
            None => Err(errors),
        }
    }

    pub fn answers_json(&self) -> String {
        serde_json::to_string(&self.answers).unwrap_or_else(|_| "[]".to_owned())
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

    #[test]
    fn emails_are_checked_and_lowercased() {
        assert_eq!(
            GuestEmail::parse(" Ada@Example.COM ").unwrap().as_str(),
            "ada@example.com"
        );
        for bad in [
            "ada",
            "ada@",
            "@x.com",
            "a b@x.com",
            "a@x",
            "a@.x.com",
            "a@x..com",
        ] {
            assert!(GuestEmail::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn required_and_choice_answers_are_enforced() {
        let questions = vec![
            Question {
                label: "Topic".into(),
                kind: QuestionKind::ShortText,
                required: true,
                choices: vec![],
            },
            Question {
                label: "Level".into(),
                kind: QuestionKind::Choice,
                required: false,
                choices: vec!["A".into(), "B".into()],
            },
            Question {
                label: "Consent".into(),
                kind: QuestionKind::Checkbox,
                required: true,
                choices: vec![],
            },
        ];
        let errors = GuestDetails::parse(
            &form(&[
                ("name", "Ada"),
                ("email", "ada@example.com"),
                ("answer1", "C"),
            ]),
            &questions,
        )
        .unwrap_err();
        assert!(errors.has("answer0") && errors.has("answer1") && errors.has("answer2"));
        let ok = GuestDetails::parse(
            &form(&[
                ("name", "Ada"),
                ("email", "ada@example.com"),
                ("answer0", "Rust"),
                ("answer1", "B"),
                ("answer2", "on"),
            ]),
            &questions,
        )
        .unwrap();
        assert_eq!(ok.answers[2].answer, "yes");
    }

    #[test]
    fn missing_name_and_bad_phone_are_field_errors() {
        let errors = GuestDetails::parse(&form(&[("email", "x@y.z"), ("phone", "call me")]), &[])
            .unwrap_err();
        assert!(errors.has("name") && errors.has("phone"));
    }
}
