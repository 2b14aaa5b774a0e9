//! The words: one Fluent file per language under `templates/messages/`, compiled into the
//! binary and parsed once. [`t`] and friends format a message in the current locale;
//! [`Text`] is a message id with its arguments that is formatted later (a flash message
//! stored in the session, a form error), in the locale of the page that shows it.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{current, Language};
pub use crate::domain::text::{Text, TextArg};

/// What a missing message shows: `⟦id⟧`. Tests fail on any page that contains it.
pub const MISSING_MARK: char = '⟦';

pub(super) const SOURCES: [(Language, &str); 4] = [
    (
        Language::En,
        include_str!("../../templates/messages/en.ftl"),
    ),
    (
        Language::De,
        include_str!("../../templates/messages/de.ftl"),
    ),
    (
        Language::Fr,
        include_str!("../../templates/messages/fr.ftl"),
    ),
    (
        Language::Es,
        include_str!("../../templates/messages/es.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// Each language's bundle, parsed on its first use: about 0.5 MB of syntax tree per
/// language, which an instance whose visitors all read one language never spends on the
/// other three.
static BUNDLES: [OnceLock<Bundle>; SOURCES.len()] = [const { OnceLock::new() }; SOURCES.len()];

fn bundle(language: Language, source: &str) -> Bundle {
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(
                language = language.code(),
                ?errors,
                "message file has errors"
            );
            resource
        });
    let tag = language
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // The text goes into HTML and plain-text mails, where the bidi isolation marks around
    // arguments would only be stray invisible characters.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(language = language.code(), ?errors, "duplicate messages");
    }
    bundle
}

fn bundle_for(language: Language) -> &'static Bundle {
    let index = SOURCES
        .iter()
        .position(|(l, _)| *l == language)
        .unwrap_or(0);
    BUNDLES[index].get_or_init(|| bundle(SOURCES[index].0, SOURCES[index].1))
}

/// Formats message `id` (a message, or `message.attribute`) in `language`.
pub fn format(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle_for(language);
    let (message_id, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let pattern = bundle
        .get_message(message_id)
        .and_then(|m| match attribute {
            Some(a) => m.get_attribute(a).map(|a| a.value()),
            None => m.value(),
        });
    let Some(pattern) = pattern else {
        tracing::warn!(language = language.code(), id, "missing message");
        return format!("{MISSING_MARK}{id}⟧");
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            language = language.code(),
            id,
            ?errors,
            "message formatted with errors"
        );
    }
    text.into_owned()
}

/// A value a message may interpolate; numbers select plural forms.
pub trait Arg {
    fn value(&self) -> FluentValue<'static>;
}

impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> FluentValue<'static> {
        (**self).value()
    }
}

impl Arg for str {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}

impl Arg for String {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_args!(i16, i32, i64, u16, u32, u64, usize);

fn args<'a>(pairs: &[(&'a str, &dyn Arg)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.value());
    }
    args
}

/// Message `id` in the current locale.
pub fn t(id: &str) -> String {
    format(current::locale().language(), id, None)
}

/// The message `{prefix}-{key}`: a stored value's words (`tk("status", "pending")`).
pub fn tk(prefix: &str, key: &str) -> String {
    t(&format!("{prefix}-{key}"))
}

/// Message `id` with one argument.
pub fn t1(id: &str, name: &str, value: impl Arg) -> String {
    let args = args(&[(name, &value)]);
    format(current::locale().language(), id, Some(&args))
}

/// Message `id` with two arguments.
pub fn t2(id: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg) -> String {
    let args = args(&[(n1, &v1), (n2, &v2)]);
    format(current::locale().language(), id, Some(&args))
}

/// Message `id` with three arguments.
pub fn t3(
    id: &str,
    n1: &str,
    v1: impl Arg,
    n2: &str,
    v2: impl Arg,
    n3: &str,
    v3: impl Arg,
) -> String {
    let args = args(&[(n1, &v1), (n2, &v2), (n3, &v3)]);
    format(current::locale().language(), id, Some(&args))
}

impl Text {
    /// These words in `language`, whatever the current locale (the API answers in English).
    pub fn in_language(&self, language: Language) -> String {
        match self {
            Self::Plain(text) => text.clone(),
            Self::Message { id, args } => {
                let mut fluent = FluentArgs::new();
                for (name, value) in args {
                    let value = match value {
                        TextArg::Number(n) => FluentValue::from(*n),
                        TextArg::Text(s) => FluentValue::from(s.clone()),
                        TextArg::Words { words } => {
                            FluentValue::from(format(language, words, None))
                        }
                    };
                    fluent.set(name.as_str(), value);
                }
                format(language, id, Some(&fluent))
            }
        }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_language(current::locale().language()))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_syntax::ast;

    use super::*;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("message file does not parse: {errors:?}"));
        let mut ids = BTreeSet::new();
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let id = message.id.name.to_owned();
                for attribute in &message.attributes {
                    ids.insert(format!("{id}.{}", attribute.id.name));
                }
                ids.insert(id);
            }
        }
        ids
    }

    #[test]
    fn every_language_defines_exactly_the_english_messages() {
        let english = ids(SOURCES[0].1);
        assert!(english.len() > 100, "the English file is nearly empty");
        for (language, source) in &SOURCES[1..] {
            let other = ids(source);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                language.code()
            );
        }
    }

    #[test]
    fn every_message_formats_without_errors_in_every_language() {
        for (language, source) in SOURCES {
            let bundle = bundle_for(language);
            for id in ids(source) {
                if id.contains('.') {
                    continue;
                }
                let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut errors = Vec::new();
                let mut args = FluentArgs::new();
                // Every variable any message of the file uses, as a number (plural
                // selectors need one; text placeholders accept it too).
                for name in source.split('$').skip(1).filter_map(|rest| {
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                        .unwrap_or(rest.len());
                    (end > 0).then(|| &rest[..end])
                }) {
                    args.set(name, FluentValue::from(2));
                }
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", language.code());
            }
        }
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let one = |language| {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(1));
            format(language, "unit-minutes", Some(&args))
        };
        assert_eq!(one(Language::En), "1 minute");
        assert_eq!(one(Language::De), "1 Minute");
        assert_eq!(one(Language::Fr), "1 minute");
        assert_eq!(one(Language::Es), "1 minuto");
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(30));
        assert_eq!(
            format(Language::De, "unit-minutes", Some(&args)),
            "30 Minuten"
        );
    }

    #[test]
    fn a_field_error_reads_in_any_language_with_its_field_named_in_it() {
        let range = Text::id("form-error-number-range")
            .words("what", "field-duration")
            .count("min", 5)
            .count("max", 720);
        assert_eq!(
            range.in_language(Language::En),
            "Duration must be between 5 and 720."
        );
        assert_eq!(
            range.in_language(Language::De),
            "Dauer muss zwischen 5 und 720 liegen."
        );
        let missing =
            Text::id("form-error-number-missing").words("what", "field-booking-window.lower");
        assert_eq!(
            missing.in_language(Language::En),
            "Enter the booking window."
        );
        assert_eq!(
            missing.in_language(Language::Es),
            "Introduzca el plazo de reserva."
        );
    }

    #[test]
    fn a_missing_message_is_marked() {
        assert_eq!(
            format(Language::De, "no-such-message", None),
            "⟦no-such-message⟧"
        );
    }

    #[test]
    fn deferred_text_reads_plain_strings_of_older_sessions() {
        let text: Text = serde_json::from_str("\"Saved.\"").unwrap();
        assert_eq!(text, Text::Plain("Saved.".into()));
        let message = Text::id("unit-minutes").count("count", 5);
        let json = serde_json::to_string(&message).unwrap();
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), message);
    }
}
