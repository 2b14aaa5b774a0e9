//! The two account messages, `EmailTemplate`s rendered from `templates/email/<kind>/`
//! (`subject.txt`, `text.txt`, and `html.html` extending `email/_layout.html`): `verify_email`, with a
//! link to `/verify/{token}`, and `reset_password`, with a link to
//! `/password/reset/{token}`.

use askama::Template;

use crate::db::models::account_tokens::Purpose;
use crate::db::models::users::User;
use crate::db::StoreError;
use crate::email::{render_in, EmailTemplate, OutgoingMessage};

/// "Verify your email address".
pub struct VerifyEmail {
    pub name: String,
    pub email: String,
    pub link: String,
    /// How long the link works.
    pub valid_hours: i64,
}

/// "Reset your password".
pub struct ResetPassword {
    pub name: String,
    pub username: String,
    pub link: String,
    /// How long the link works.
    pub valid_hours: i64,
}

#[derive(Template)]
#[template(path = "email/verify_email/subject.txt")]
/// Fixed words, so no fields.
struct VerifySubject;

#[derive(Template)]
#[template(path = "email/verify_email/text.txt")]
struct VerifyText<'a> {
    m: &'a VerifyEmail,
}

#[derive(Template)]
#[template(path = "email/verify_email/html.html")]
struct VerifyHtml<'a> {
    subject: &'a str,
    m: &'a VerifyEmail,
}

#[derive(Template)]
#[template(path = "email/reset_password/subject.txt")]
/// Fixed words, so no fields.
struct ResetSubject;

#[derive(Template)]
#[template(path = "email/reset_password/text.txt")]
struct ResetText<'a> {
    m: &'a ResetPassword,
}

#[derive(Template)]
#[template(path = "email/reset_password/html.html")]
struct ResetHtml<'a> {
    subject: &'a str,
    m: &'a ResetPassword,
}

impl EmailTemplate for VerifyEmail {
    const KIND: &'static str = "verify_email";

    fn subject(&self) -> askama::Result<String> {
        VerifySubject.render()
    }

    fn text(&self) -> askama::Result<String> {
        VerifyText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        VerifyHtml { subject, m: self }.render()
    }
}

impl EmailTemplate for ResetPassword {
    const KIND: &'static str = "reset_password";

    fn subject(&self) -> askama::Result<String> {
        ResetSubject.render()
    }

    fn text(&self) -> askama::Result<String> {
        ResetText { m: self }.render()
    }

    fn html(&self, subject: &str) -> askama::Result<String> {
        ResetHtml { subject, m: self }.render()
    }
}

fn compose(error: askama::Error) -> StoreError {
    StoreError::Compose(error.into())
}

/// The verification mail for `email` (the address being verified).
pub fn verify_email(
    user: &User,
    email: &str,
    base_url: &str,
    token: &str,
) -> Result<OutgoingMessage, StoreError> {
    let message = VerifyEmail {
        name: user.full_name.clone(),
        email: email.to_owned(),
        link: format!("{base_url}/verify/{token}"),
        valid_hours: Purpose::VerifyEmail.lifetime().num_hours(),
    };
    render_in(user.language, email, &message).map_err(compose)
}

/// The reset mail, to the account's address.
pub fn reset_password(
    user: &User,
    base_url: &str,
    token: &str,
) -> Result<OutgoingMessage, StoreError> {
    let message = ResetPassword {
        name: user.full_name.clone(),
        username: user.username.clone(),
        link: format!("{base_url}/password/reset/{token}"),
        valid_hours: Purpose::ResetPassword.lifetime().num_hours(),
    };
    render_in(user.language, &user.email, &message).map_err(compose)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use uuid::Uuid;

    use super::*;

    fn user() -> User {
        User {
            id: Uuid::nil(),
            username: "alice".into(),
            email: "alice@example.com".into(),
            password_hash: String::new(),
            full_name: "Alice <Example>".into(),
            business_name: String::new(),
            bio: String::new(),
            timezone: crate::domain::time::Timezone::UTC,
            role: crate::domain::account::Role::Provider,
            email_verified_at: None,
            is_active: true,
            feed_token_hash: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            language: crate::i18n::Locale::EnUs,
        }
    }

    #[test]
    fn the_verification_mail_carries_its_link_in_both_parts() {
        let mail =
            verify_email(&user(), "new@example.com", "https://book.example", "abc123").unwrap();
        assert_eq!(mail.to, "new@example.com");
        assert_eq!(mail.kind, "verify_email");
        assert!(
            mail.text.contains("https://book.example/verify/abc123"),
            "{}",
            mail.text
        );
        assert!(mail.text.contains("48 hours"));
        assert!(mail.html.contains("https://book.example/verify/abc123"));
        assert!(
            !mail.html.contains("<Example>"),
            "names are escaped in HTML"
        );
    }

    #[test]
    fn the_reset_mail_names_the_account_and_its_one_hour_limit() {
        let mail = reset_password(&user(), "http://127.0.0.1:8080", "tok").unwrap();
        assert_eq!(
            (mail.to.as_str(), mail.kind.as_str()),
            ("alice@example.com", "reset_password")
        );
        assert!(mail
            .text
            .contains("http://127.0.0.1:8080/password/reset/tok"));
        assert!(mail.text.contains("\"alice\"") && mail.text.contains("1 hour"));
        assert!(mail
            .html
            .contains("<title>Reset your Slotbook password</title>"));
    }
}
