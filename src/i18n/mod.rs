//! Languages and locale formats: which locale a page or a mail is in (negotiation), the
//! words (Fluent message files under `templates/messages/`, one per language, with their
//! plural rules) and the one place where dates and times become text in a locale's own
//! format (`format`).
//!
//! Templates call [`t`] (and [`t1`], [`t2`], [`t3`] with arguments) as
//! `{{ crate::i18n::t("id") }}`; the locale comes from the request (a task-local set by
//! `routes::language::negotiate`) or, for mails, from [`with_locale`]. A missing message
//! shows as `⟦id⟧` so the tests that render every page in every language see it.

pub mod current;
mod domain_text;
pub mod format;
mod messages;

pub use crate::domain::locale::{language_from_code, Language, Locale, UnknownLocale};
pub use current::{lang_tag, locale, prefer, with_locale};
pub use domain_text::{duration, refusal, refused};
pub use messages::{t, t1, t2, t3, tk, Arg, Text, MISSING_MARK};

/// A page's own address without `lang=`: where the language switcher returns to.
pub fn page_address(path: &str, query: &str) -> String {
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    if rest.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", rest.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::page_address;

    #[test]
    fn the_page_address_drops_only_its_language() {
        assert_eq!(page_address("/ada", "lang=de"), "/ada");
        assert_eq!(
            page_address("/ada/intro", "month=2026-12&lang=fr&embed=1"),
            "/ada/intro?month=2026-12&embed=1"
        );
        assert_eq!(page_address("/", ""), "/");
    }
}
