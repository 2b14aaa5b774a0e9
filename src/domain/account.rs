//! Provider accounts as values: a `Username` is a free, lowercase URL handle, an
//! `EmailAddress` is a plausible lowercase address, a `Password` is long enough and not an
//! obvious guess. The forms of sign-up, profile, email change and password change parse
//! into these or into `FieldErrors` keyed by the form's field names.

use std::fmt;

use crate::domain::email_address::EmailAddress;
use crate::domain::forms::{FieldErrors, RawForm, Text};
use crate::domain::time::Timezone;

/// What an account may do: the first account of an instance administers it, every other
/// one is a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    Provider,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Provider => "provider",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown account role {0:?}")]
pub struct UnknownRole(String);

/// Rows read the stored role straight into a `Role` (`db::models::users`).
impl TryFrom<String> for Role {
    type Error = UnknownRole;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        match text.as_str() {
            "admin" => Ok(Self::Admin),
            "provider" => Ok(Self::Provider),
            _ => Err(UnknownRole(text)),
        }
    }
}

/// Handles that would collide with our own routes, or that read as if they were ours.
const RESERVED_USERNAMES: &str = "\
    about account accounts admin administrator api app assets auth b billing book booking \
    bookings calendar contact dashboard docs favicon feed feeds forgot health healthz help \
    home hours ics invitations language login logout mail me metrics new oauth password privacy public readyz \
    register reset robots root security services settings sign-in sign-out sign-up signin \
    signout signup slotbook static status support system team teams terms time-off user \
    users verify www";

/// Guesses tried first by anyone attacking a password, compared after dropping leading and
/// trailing digits and punctuation (`Password123!` is `password`).
const COMMON_PASSWORDS: &str = "\
    password passw0rd p@ssw0rd p@ssword pass qwerty qwertyuiop qwertz azerty asdfgh \
    asdfghjkl zxcvbnm qwe q2w3e4r5t q2w3e4r a2s3d4f5g abc abcdef abcdefg abcdefgh abcdefghi \
    abcdefghij letmein welcome iloveyou admin administrator monkey dragon football baseball \
    sunshine princess trustno changeme secret master login starwars whatever superman \
    batman shadow michael jennifer hello freedom slotbook booking appointment calendar \
    default test guest user";

pub const PASSWORD_MIN_CHARS: usize = 10;
/// Long enough for any passphrase, short enough that hashing stays cheap.
pub const PASSWORD_MAX_CHARS: usize = 256;

/// Whether a handle (a username or a team's slug) is one of ours.
pub fn is_reserved_handle(handle: &str) -> bool {
    RESERVED_USERNAMES
        .split_whitespace()
        .any(|word| word == handle)
}

/// A URL handle: 3–30 of `a-z 0-9 -`, lowercase, not starting or ending with `-`, not reserved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    /// Lowercases and trims what was typed, then checks it.
    pub fn parse(text: &str) -> Result<Username, Text> {
        let name = text.trim().to_lowercase();
        let length = name.chars().count();
        if length == 0 {
            return Err(Text::id("username-error-missing"));
        }
        if !(3..=30).contains(&length) {
            return Err(Text::id("username-error-length"));
        }
        if !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(Text::id("username-error-characters"));
        }
        if name.starts_with('-') || name.ends_with('-') {
            return Err(Text::id("username-error-hyphen"));
        }
        if is_reserved_handle(&name) {
            return Err(Text::id("username-error-reserved"));
        }
        Ok(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password that passed the rules. Its `Debug` never shows the text.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

impl Password {
    /// Checks a new password for the account with this username and email: at least ten
    /// characters, and not the username, the address or a well-known guess with a few
    /// digits or symbols around it. Taken exactly as typed (spaces included).
    pub fn parse(text: &str, username: &str, email: &str) -> Result<Password, Text> {
        let length = text.chars().count();
        if length == 0 {
            return Err(Text::id("password-error-missing"));
        }
        if length < PASSWORD_MIN_CHARS {
            return Err(Text::id("password-error-short").count("min", PASSWORD_MIN_CHARS as i64));
        }
        if length > PASSWORD_MAX_CHARS {
            return Err(Text::id("form-error-at-most").count("max", PASSWORD_MAX_CHARS as i64));
        }
        if is_obvious(text, username, email) {
            return Err(Text::id("password-error-obvious"));
        }
        Ok(Password(text.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_obvious(password: &str, username: &str, email: &str) -> bool {
    let lower = password.to_lowercase();
    let email = email.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default().to_owned();
    let mut personal = vec![username.trim().to_lowercase(), email, local_part];
    personal.retain(|word| word.chars().count() >= 3);
    let mut chars = lower.chars();
    let first = chars.next();
    chars.all(|c| Some(c) == first)
        || COMMON_PASSWORDS
            .split_whitespace()
            .any(|word| word == padding_removed(&lower))
        || std::iter::once("")
            .chain(personal.iter().map(String::as_str))
            .any(|word| padding_removed(&lower.replace(word, "")).is_empty())
}

/// `!!password123` is `password`: digits, punctuation and spaces around a word add little.
fn padding_removed(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ')
}

/// A person's or business's display name from a form: one line through the form's text
/// reader (no control characters, no line breaks), 1–`max` characters.
/// `required` is the message id for an empty name ("" when it may be empty).
fn parse_name(form: &RawForm, field: &str, max: usize, required: &str) -> Result<String, Text> {
    let mut errors = FieldErrors::new();
    let name = form.line(&mut errors, field);
    if let Some(message) = errors.message(field) {
        return Err(message.clone());
    }
    if name.is_empty() && !required.is_empty() {
        return Err(Text::id(required));
    }
    if name.chars().count() > max {
        return Err(Text::id("form-error-at-most").count("max", max as i64));
    }
    Ok(name)
}

const FULL_NAME_MAX: usize = 200;
const BUSINESS_NAME_MAX: usize = 200;
const BIO_MAX: usize = 2000;

/// The value of a password field exactly as typed (forms trim every other field).
pub fn raw_password<'a>(form: &'a RawForm, name: &str) -> &'a str {
    form.0
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn timezone(form: &RawForm, errors: &mut FieldErrors) -> Option<Timezone> {
    match form.get("timezone") {
        "" => Some(Timezone::UTC),
        name => Timezone::parse(name)
            .map_err(|e| errors.add("timezone", e.text()))
            .ok(),
    }
}

/// A sign-up form, parsed. Fields: `username`, `email`, `full_name`, `password`, `timezone`.
#[derive(Debug, Clone)]
pub struct SignUp {
    pub username: Username,
    pub email: EmailAddress,
    pub full_name: String,
    pub password: Password,
    pub timezone: Timezone,
}

impl SignUp {
    pub fn parse(form: &RawForm) -> Result<SignUp, FieldErrors> {
        let mut errors = FieldErrors::new();
        let username = Username::parse(form.get("username")).map_err(|e| errors.add("username", e));
        let email = EmailAddress::parse(form.get("email")).map_err(|e| errors.add("email", e));
        let full_name = parse_name(form, "full_name", FULL_NAME_MAX, "guest-error-name-missing")
            .map_err(|e| errors.add("full_name", e));
        // Compare the password with what was typed, even where that did not parse.
        let password = Password::parse(
            raw_password(form, "password"),
            &form.get("username").to_lowercase(),
            form.get("email"),
        )
        .map_err(|e| errors.add("password", e));
        let timezone = timezone(form, &mut errors);
        match (username, email, full_name, password, timezone) {
            (Ok(username), Ok(email), Ok(full_name), Ok(password), Some(timezone)) => errors
                .into_result(SignUp {
                    username,
                    email,
                    full_name,
                    password,
                    timezone,
                }),
            _ => Err(errors),
        }
    }
}

/// The profile part of the settings page: `full_name`, `business_name`, `bio`, `timezone`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub full_name: String,
    pub business_name: String,
    pub bio: String,
    pub timezone: Timezone,
    /// The language of the provider's pages and mails; `None`: the form did not offer it
    /// (the stored one stays).
    pub language: Option<super::locale::Locale>,
}

impl Profile {
    pub fn parse(form: &RawForm) -> Result<Profile, FieldErrors> {
        let mut errors = FieldErrors::new();
        let full_name = parse_name(form, "full_name", FULL_NAME_MAX, "guest-error-name-missing")
            .map_err(|e| errors.add("full_name", e));
        let business_name = parse_name(form, "business_name", BUSINESS_NAME_MAX, "")
            .map_err(|e| errors.add("business_name", e));
        let bio = form.text(&mut errors, "bio");
        if bio.chars().count() > BIO_MAX {
            errors.add(
                "bio",
                Text::id("form-error-at-most").count("max", BIO_MAX as i64),
            );
        }
        let timezone = timezone(form, &mut errors);
        let language = match form.get("language") {
            "" => None,
            tag => {
                let language = super::locale::Locale::from_tag(tag);
                if language.is_none() {
                    errors.add("language", Text::id("account-error-language"));
                }
                language
            }
        };
        match (full_name, business_name, timezone) {
            (Ok(full_name), Ok(business_name), Some(timezone)) => errors.into_result(Profile {
                full_name,
                business_name,
                bio,
                timezone,
                language,
            }),
            _ => Err(errors),
        }
    }
}

/// A new password with its repetition: `new_password`, `new_password_confirm`, checked
/// against the account's username and email.
pub fn parse_new_password(
    form: &RawForm,
    username: &str,
    email: &str,
) -> Result<Password, FieldErrors> {
    let mut errors = FieldErrors::new();
    let typed = raw_password(form, "new_password");
    let password =
        Password::parse(typed, username, email).map_err(|e| errors.add("new_password", e));
    if password.is_ok() && raw_password(form, "new_password_confirm") != typed {
        errors.add("new_password_confirm", Text::id("password-error-differ"));
    }
    match password {
        Ok(password) => errors.into_result(password),
        Err(()) => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_what_was_stored_and_refuse_anything_else() {
        for role in [Role::Admin, Role::Provider] {
            assert_eq!(Role::try_from(role.as_str().to_owned()).unwrap(), role);
        }
        let error = Role::try_from("Admin".to_owned()).unwrap_err();
        assert_eq!(error.to_string(), "unknown account role \"Admin\"");
    }

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn usernames_are_lowercased_and_limited_to_url_safe_characters() {
        assert_eq!(Username::parse("  Alice-99 ").unwrap().as_str(), "alice-99");
        for bad in [
            "",
            "ab",
            "a".repeat(31).as_str(),
            "al ice",
            "alice_b",
            "ålice",
            "-alice",
            "alice-",
        ] {
            assert!(Username::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(Username::parse(&"a".repeat(30)).is_ok());
    }

    #[test]
    fn usernames_that_collide_with_our_routes_are_reserved() {
        for reserved in [
            "login",
            "Logout",
            "signup",
            "dashboard",
            "static",
            "feeds",
            "healthz",
            "readyz",
            "admin",
            "api",
            "settings",
            "verify",
            "reset",
            "password",
        ] {
            let error = Username::parse(reserved).unwrap_err();
            assert!(
                error.to_string().contains("reserved"),
                "{reserved}: {error}"
            );
        }
    }

    #[test]
    fn passwords_need_ten_characters() {
        assert!(Password::parse("short-pw", "alice", "alice@example.com").is_err());
        assert!(Password::parse("correct horse battery", "alice", "alice@example.com").is_ok());
        assert!(Password::parse(&"x1".repeat(200), "alice", "alice@example.com").is_err());
    }

    #[test]
    fn obvious_passwords_are_refused() {
        for obvious in [
            "password123",
            "Password123!",
            "1234567890",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "alice12345",
            "alice@example.com",
            "Alice@Example.com1",
            "iloveyou99",
            "!!2024slotbook",
        ] {
            assert!(
                Password::parse(obvious, "alice12345", "alice@example.com").is_err()
                    || Password::parse(obvious, "alice", "alice@example.com").is_err(),
                "{obvious:?} accepted"
            );
        }
        assert!(Password::parse("alice12345", "alice", "a@example.com").is_err());
        assert!(Password::parse("password1234", "bob", "b@example.com").is_err());
        assert!(Password::parse("tulips in the rain", "alice", "alice@example.com").is_ok());
    }

    #[test]
    fn a_password_debug_print_hides_it() {
        let password = Password::parse("correct horse battery", "a", "a@b.co").unwrap();
        assert_eq!(format!("{password:?}"), "Password(…)");
    }

    #[test]
    fn a_complete_sign_up_form_parses() {
        let signup = SignUp::parse(&form(&[
            ("username", "Alice"),
            ("email", "ALICE@example.com"),
            ("full_name", " Alice Example "),
            ("password", " tulips in the rain "),
            ("timezone", "Europe/Berlin"),
        ]))
        .unwrap();
        assert_eq!(signup.username.as_str(), "alice");
        assert_eq!(signup.email.as_str(), "alice@example.com");
        assert_eq!(signup.full_name, "Alice Example");
        assert_eq!(
            signup.password.expose(),
            " tulips in the rain ",
            "passwords are not trimmed"
        );
        assert_eq!(signup.timezone.name(), "Europe/Berlin");
    }

    #[test]
    fn a_sign_up_form_reports_every_bad_field_and_defaults_the_timezone_to_utc() {
        let errors = SignUp::parse(&form(&[
            ("username", "login"),
            ("email", "nope"),
            ("full_name", ""),
            ("password", "login12345"),
            ("timezone", "Mars/Olympus"),
        ]))
        .unwrap_err();
        for field in ["username", "email", "full_name", "password", "timezone"] {
            assert!(errors.has(field), "{field} has no message: {errors:?}");
        }
        let signup = SignUp::parse(&form(&[
            ("username", "bob"),
            ("email", "bob@example.com"),
            ("full_name", "Bob"),
            ("password", "tulips in the rain"),
        ]))
        .unwrap();
        assert_eq!(signup.timezone, Timezone::UTC);
    }

    #[test]
    fn profiles_limit_lengths_and_keep_an_empty_business_name() {
        let profile = Profile::parse(&form(&[
            ("full_name", "Alice"),
            ("bio", "Hi\r\nthere"),
            ("timezone", "Asia/Kolkata"),
        ]))
        .unwrap();
        assert_eq!(profile.business_name, "");
        assert_eq!(profile.bio, "Hi\nthere");
        let errors =
            Profile::parse(&form(&[("full_name", ""), ("bio", &"x".repeat(2001))])).unwrap_err();
        assert!(errors.has("full_name") && errors.has("bio"));
    }

    #[test]
    fn a_new_password_must_be_typed_twice_the_same() {
        let ok = form(&[
            ("new_password", "tulips in the rain"),
            ("new_password_confirm", "tulips in the rain"),
        ]);
        assert!(parse_new_password(&ok, "alice", "alice@example.com").is_ok());
        let differ = form(&[
            ("new_password", "tulips in the rain"),
            ("new_password_confirm", "tulips in the snow"),
        ]);
        assert!(parse_new_password(&differ, "alice", "alice@example.com")
            .unwrap_err()
            .has("new_password_confirm"));
        let weak = form(&[
            ("new_password", "password12"),
            ("new_password_confirm", "password12"),
        ]);
        assert!(parse_new_password(&weak, "alice", "alice@example.com")
            .unwrap_err()
            .has("new_password"));
    }
}
