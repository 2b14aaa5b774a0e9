//! What a guest types into the booking form, parsed: name, email, phone, notes and the
//! answers to the service's questions. `GuestDetails::parse` returns field errors keyed by
//! the form's field names.

use super::email_address::EmailAddress;
use super::forms::{FieldErrors, RawForm, Text};
use super::service::{Question, QuestionKind};

/// One answer, stored as JSON with the booking.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestDetails {
    pub name: String,
    pub email: EmailAddress,
    pub phone: Option<String>,
    pub notes: Option<String>,
    pub answers: Vec<Answer>,
    /// The language the guest books in (set by the page from the request's locale).
    pub language: Option<super::locale::Locale>,
}

impl GuestDetails {
    /// Reads `name`, `email`, `phone`, `notes` and `answer{i}` for each question.
    pub fn parse(form: &RawForm, questions: &[Question]) -> Result<GuestDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        // Every text goes through the form's one text reader (control characters refused;
        // the name, phone and short answers stay on one line).
        let name = form.line(&mut errors, "name");
        if name.is_empty() {
            errors.add("name", Text::id("guest-error-name-missing"));
        } else if name.chars().count() > 200 {
            errors.add("name", Text::id("guest-error-name-long"));
        }
        let email = match form.get("email") {
            "" => {
                errors.add("email", Text::id("guest-error-email-missing"));
                None
            }
            text => EmailAddress::parse(text)
                .map_err(|_| errors.add("email", Text::id("guest-error-email-invalid")))
                .ok(),
        };
        let phone = match form.line(&mut errors, "phone").as_str() {
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
                errors.add("phone", Text::id("guest-error-phone"));
                None
            }
        };
        let notes = match form.text(&mut errors, "notes") {
            text if text.is_empty() => None,
            text if text.chars().count() > 5000 => {
                errors.add("notes", Text::id("guest-error-notes-long"));
                None
            }
            text => Some(text),
        };
        let mut answers = Vec::new();
        for (i, question) in questions.iter().enumerate() {
            let field = format!("answer{i}");
            let answer = match question.kind {
                QuestionKind::Checkbox => {
                    if form.checked(&field) { "yes" } else { "no" }.to_owned()
                }
                QuestionKind::LongText => form.text(&mut errors, &field),
                QuestionKind::ShortText | QuestionKind::Choice => form.line(&mut errors, &field),
            };
            let missing = match question.kind {
                QuestionKind::Checkbox => answer == "no",
                _ => answer.is_empty(),
            };
            if errors.has(&field) {
                // Already refused by the text reader.
            } else if question.required && missing {
                errors.add(field.clone(), Text::id("guest-error-answer-missing"));
            } else if question.kind == QuestionKind::Choice
                && !answer.is_empty()
                && !question.choices.contains(&answer)
            {
                errors.add(field.clone(), Text::id("guest-error-answer-choice"));
            } else if answer.chars().count() > 2000 {
                errors.add(field.clone(), Text::id("guest-error-answer-long"));
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
                language: None,
            }),
            None => Err(errors),
        }
    }

    pub fn answers_json(&self) -> String {
        serde_json::to_string(&self.answers).unwrap_or_else(|_| "[]".to_owned())
    }
}

/// The inverse of the answers part of [`GuestDetails::parse`]: the `answer{i}` form fields
/// that stored `answers` fill for today's `questions`, matched by label, so a guest moving a
/// booking finds the answers already given. An unticked checkbox sends no field.
pub fn answer_fields(questions: &[Question], answers: &[Answer]) -> Vec<(String, String)> {
    questions
        .iter()
        .enumerate()
        .filter_map(|(i, question)| {
            let given = answers.iter().find(|a| a.question == question.label)?;
            let value = match question.kind {
                QuestionKind::Checkbox if given.answer == "yes" => "on".to_owned(),
                QuestionKind::Checkbox => return None,
                _ => given.answer.clone(),
            };
            Some((format!("answer{i}"), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_answers_fill_the_form_they_came_from() {
        let question = |label: &str, kind| Question {
            label: label.into(),
            kind,
            required: true,
            choices: Vec::new(),
        };
        let questions = [
            question("Allergies", QuestionKind::ShortText),
            question("First visit", QuestionKind::Checkbox),
            question("Insurance card", QuestionKind::Checkbox),
            question("New since booking", QuestionKind::LongText),
        ];
        let answers = [
            Answer {
                question: "First visit".into(),
                answer: "yes".into(),
            },
            Answer {
                question: "Allergies".into(),
                answer: "Pollen".into(),
            },
            Answer {
                question: "Insurance card".into(),
                answer: "no".into(),
            },
        ];
        let fields = answer_fields(&questions, &answers);
        assert_eq!(
            fields,
            vec![
                ("answer0".to_owned(), "Pollen".to_owned()),
                ("answer1".to_owned(), "on".to_owned()),
            ]
        );
        let form = RawForm(fields);
        let email = [
            ("name".to_owned(), "A".to_owned()),
            ("email".to_owned(), "a@example.com".to_owned()),
        ];
        let mut all = form.0.clone();
        all.extend(email);
        let parsed = GuestDetails::parse(&RawForm(all), &questions[..2]).unwrap();
        assert_eq!(parsed.answers[0].answer, "Pollen");
        assert_eq!(parsed.answers[1].answer, "yes");
    }

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn guest_emails_use_the_one_address_rule() {
        let ok = GuestDetails::parse(
            &form(&[("name", "Ada"), ("email", " Ada@Example.COM ")]),
            &[],
        )
        .unwrap();
        assert_eq!(ok.email.as_str(), "ada@example.com");
        for bad in ["john.@example.com", "ada", "a b@x.com", "a@x"] {
            let errors =
                GuestDetails::parse(&form(&[("name", "Ada"), ("email", bad)]), &[]).unwrap_err();
            assert!(errors.get("email").contains("valid email address"), "{bad}");
        }
    }

    #[test]
    fn control_characters_and_line_breaks_in_a_name_are_field_errors() {
        let questions = vec![Question {
            label: "Topic".into(),
            kind: QuestionKind::LongText,
            required: false,
            choices: vec![],
        }];
        let errors = GuestDetails::parse(
            &form(&[
                ("name", "Eve\r\nBEGIN:VALARM"),
                ("email", "eve@example.com"),
                ("notes", "hi\0"),
                ("answer0", "a\u{1b}b"),
            ]),
            &questions,
        )
        .unwrap_err();
        assert_eq!(errors.get("name"), "Keep this on one line.");
        assert!(errors.get("notes").contains("control characters"));
        assert!(errors.get("answer0").contains("control characters"));
        let ok = GuestDetails::parse(
            &form(&[
                ("name", "Eve"),
                ("email", "eve@example.com"),
                ("notes", "line one\r\nline two"),
                ("answer0", "a\r\nb"),
            ]),
            &questions,
        )
        .unwrap();
        assert_eq!(ok.notes.as_deref(), Some("line one\nline two"));
        assert_eq!(ok.answers[0].answer, "a\nb");
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
