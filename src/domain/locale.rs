//! The locales pages and mails come in, and how a request names one (`?lang=`,
//! `Accept-Language`, a stored tag). Pure: `i18n` owns the words and the formats.

/// The locales pages and mails come in: four languages, English in its US and British
/// formats (12-hour clock and month-first dates, or 24-hour clock and day-first).
/// British English is the default (a provider's until they choose, a page's when nothing
/// names a language): Slotbook's formats before it had languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    EnUs,
    #[default]
    EnGb,
    De,
    Fr,
    Es,
}

/// The language of a locale: which message file it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    En,
    De,
    Fr,
    Es,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::De, Language::Fr, Language::Es];

    /// The code of `?lang=` and of the switcher.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Es => "es",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::De => "Deutsch",
            Self::Fr => "Français",
            Self::Es => "Español",
        }
    }

    /// The locale a bare language code means.
    pub fn default_locale(self) -> Locale {
        match self {
            Self::En => Locale::EnUs,
            Self::De => Locale::De,
            Self::Fr => Locale::Fr,
            Self::Es => Locale::Es,
        }
    }
}

impl Locale {
    pub const ALL: [Locale; 5] = [
        Locale::EnUs,
        Locale::EnGb,
        Locale::De,
        Locale::Fr,
        Locale::Es,
    ];

    /// The BCP 47 tag: `<html lang>`, and what `users.language` and `bookings.language`
    /// store.
    pub fn tag(self) -> &'static str {
        match self {
            Self::EnUs => "en-US",
            Self::EnGb => "en-GB",
            Self::De => "de",
            Self::Fr => "fr",
            Self::Es => "es",
        }
    }

    pub fn language(self) -> Language {
        match self {
            Self::EnUs | Self::EnGb => Language::En,
            Self::De => Language::De,
            Self::Fr => Language::Fr,
            Self::Es => Language::Es,
        }
    }

    /// Reads a stored tag exactly (`users.language`, `bookings.language`).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Self::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The locale a language range asks for (`de-AT`, `en-GB`, `fr`, `en`), if we have
    /// its language: English outside the US reads British formats.
    pub fn matching(range: &str) -> Option<Locale> {
        let range = range.trim();
        let (language, region) = match range.split_once(['-', '_']) {
            Some((language, region)) => (language, Some(region)),
            None => (range, None),
        };
        let language = Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(language))?;
        Some(match (language, region) {
            (Language::En, Some(region)) if !region.eq_ignore_ascii_case("US") => Locale::EnGb,
            (language, _) => language.default_locale(),
        })
    }

    /// The most preferred locale of an `Accept-Language` header that we have, by q-value
    /// (equal weights keep the header's order).
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut ranges: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(order, item)| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim();
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (weight > 0.0).then_some(())?;
                Some((weight, order, Locale::matching(range)?))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges.first().map(|(_, _, locale)| *locale)
    }

    /// The locale for a chosen language (`?lang=`, the switcher, the cookie): the
    /// visitor's own region when their browser asks for the same language.
    pub fn for_language(language: Language, accept_language: Option<Locale>) -> Locale {
        match accept_language {
            Some(locale) if locale.language() == language => locale,
            _ => language.default_locale(),
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// A stored language tag this build does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language tag {0:?}")]
pub struct UnknownLocale(pub String);

impl TryFrom<String> for Locale {
    type Error = UnknownLocale;

    fn try_from(tag: String) -> Result<Self, Self::Error> {
        Locale::from_tag(&tag).ok_or(UnknownLocale(tag))
    }
}

/// Reads a language code (`?lang=`, the cookie).
pub fn language_from_code(code: &str) -> Option<Language> {
    Language::ALL
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_heaviest_range_we_speak() {
        assert_eq!(
            Locale::from_accept_language("ja, de-DE;q=0.8, en;q=0.5"),
            Some(Locale::De)
        );
        assert_eq!(
            Locale::from_accept_language("fr-CH;q=0.4, es;q=0.9"),
            Some(Locale::Es)
        );
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9"),
            Some(Locale::EnGb)
        );
        assert_eq!(Locale::from_accept_language("en-US"), Some(Locale::EnUs));
        assert_eq!(Locale::from_accept_language("ja, zh;q=0.5"), None);
        assert_eq!(Locale::from_accept_language("de;q=0"), None);
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[test]
    fn a_chosen_language_keeps_the_browsers_region() {
        assert_eq!(
            Locale::for_language(Language::En, Some(Locale::EnGb)),
            Locale::EnGb
        );
        assert_eq!(
            Locale::for_language(Language::En, Some(Locale::De)),
            Locale::EnUs
        );
        assert_eq!(Locale::for_language(Language::Fr, None), Locale::Fr);
    }

    #[test]
    fn stored_tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::from_tag("xx"), None);
    }
}
