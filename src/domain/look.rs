//! How a provider's public pages look and who may frame them: the embedding allow-list
//! (origins as a browser sends them), the accent colour (readable as white text on it and
//! as a link colour on white: WCAG contrast at least 4.5:1) and a short logo text.

use super::forms::FieldErrors;
use super::text::Text;

/// Lines a provider may list; more would be a sign of pasting something else.
pub const MAX_ORIGINS: usize = 20;
/// The logo text is a short name in the header, not a slogan.
pub const MAX_LOGO_CHARS: usize = 40;
/// WCAG AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// What a provider submits, validated: every field either parses or has a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Look {
    pub origins: Vec<String>,
    pub accent: Option<String>,
    pub logo_text: Option<String>,
}

/// The accent colour used when a provider has none (the pages' and mails' own blue).
pub const DEFAULT_ACCENT: &str = "#2457d6";

/// What a guest's mails carry of the branding of the provider (or team) they booked with:
/// the accent colour of headings and buttons, and the logo text above the message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Branding {
    /// A colour [`parse_accent`] accepted (white text on it is readable); `None`: ours.
    pub accent: Option<String>,
    pub logo_text: Option<String>,
}

impl Branding {
    /// A provider's look as their mails wear it.
    pub fn of_look(look: &Look) -> Self {
        Self {
            accent: look.accent.clone(),
            logo_text: look.logo_text.clone(),
        }
    }

    /// A team's branding (`colour` and `logo_text`, empty when unset). A colour too light
    /// for white button text falls back to ours, as the accent setting refuses it.
    pub fn of_team(colour: &str, logo_text: &str) -> Self {
        Self {
            accent: parse_accent(colour).ok(),
            logo_text: Some(logo_text.trim())
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        }
    }

    /// The colour of headings and buttons.
    pub fn accent(&self) -> &str {
        self.accent.as_deref().unwrap_or(DEFAULT_ACCENT)
    }
}

/// Parses the settings form: origins one per line (or separated by spaces/commas). The
/// errors are keyed by the form's fields: `origins`, `accent`, `logo_text`.
pub fn parse(origins: &str, accent: &str, logo_text: &str) -> Result<Look, FieldErrors> {
    let mut errors = FieldErrors::new();
    let origins = match parse_origins(origins) {
        Ok(list) => list,
        Err(message) => {
            errors.add("origins", message);
            Vec::new()
        }
    };
    let accent = match accent.trim() {
        "" => None,
        value => match parse_accent(value) {
            Ok(colour) => Some(colour),
            Err(message) => {
                errors.add("accent", message);
                None
            }
        },
    };
    let logo_text = match logo_text.trim() {
        "" => None,
        value if value.chars().count() > MAX_LOGO_CHARS => {
            errors.add(
                "logo_text",
                Text::id("look-error-logo-long").count("max", MAX_LOGO_CHARS as i64),
            );
            None
        }
        value if value.chars().any(char::is_control) => {
            errors.add("logo_text", Text::id("look-error-logo-line"));
            None
        }
        value => Some(value.to_owned()),
    };
    if errors.is_empty() {
        Ok(Look {
            origins,
            accent,
            logo_text,
        })
    } else {
        Err(errors)
    }
}

fn parse_origins(text: &str) -> Result<Vec<String>, Text> {
    let mut list: Vec<String> = Vec::new();
    for item in text.split(|c: char| c.is_whitespace() || c == ',') {
        if item.is_empty() {
            continue;
        }
        let origin = parse_origin(item)?;
        if !list.contains(&origin) {
            list.push(origin);
        }
    }
    if list.len() > MAX_ORIGINS {
        return Err(Text::id("look-error-origins-many").count("max", MAX_ORIGINS as i64));
    }
    Ok(list)
}

/// One origin, normalised to lowercase without a trailing slash: `https://host[:port]`,
/// or `http://` for localhost and loopback addresses only (a page served over plain http
/// anywhere else could be altered on the way).
pub fn parse_origin(item: &str) -> Result<String, Text> {
    let bad = || Text::id("look-error-origin").arg("origin", item);
    let lower = item.trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or_else(bad)?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => {
            if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            match port.parse::<u32>() {
                Ok(1..=65535) => (host, Some(port)),
                _ => return Err(bad()),
            }
        }
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if !host_ok {
        return Err(bad());
    }
    let loopback = host == "localhost" || host == "127.0.0.1" || host.ends_with(".localhost");
    match scheme {
        "https" => {}
        "http" if loopback => {}
        "http" => return Err(Text::id("look-error-origin-http").arg("origin", item)),
        _ => return Err(bad()),
    }
    Ok(match port {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
}

/// A `#rrggbb` colour with enough contrast against white, lowercased.
pub fn parse_accent(value: &str) -> Result<String, Text> {
    let hex = value.strip_prefix('#').unwrap_or(value);
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Text::id("look-error-colour"));
    }
    let colour = format!("#{}", hex.to_ascii_lowercase());
    let ratio =
        contrast_with_white(&colour).ok_or_else(|| Text::id("look-error-colour-missing"))?;
    if ratio < MIN_CONTRAST {
        // The ratio as text: two decimals, as the check rounds it.
        return Err(Text::id("look-error-colour-light")
            .arg("colour", &colour)
            .arg("ratio", format!("{ratio:.2}"))
            .arg("min", MIN_CONTRAST.to_string()));
    }
    Ok(colour)
}

/// The WCAG 2 contrast ratio of a `#rrggbb` colour against white.
pub fn contrast_with_white(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#')?;
    let channel = |i: usize| -> Option<f64> {
        let value = u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?;
        let c = f64::from(value) / 255.0;
        Some(if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    let luminance = 0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?;
    Some(1.05 / (luminance + 0.05))
}

/// The `frame-ancestors` source list for an embedded page: the provider's origins, or
/// `'none'` when they list none.
pub fn frame_ancestors(origins: &[String]) -> String {
    if origins.is_empty() {
        "'none'".to_owned()
    } else {
        origins.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_and_checked() {
        assert_eq!(
            parse_origin("HTTPS://Example.com/").as_deref(),
            Ok("https://example.com")
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:8080").as_deref(),
            Ok("http://127.0.0.1:8080")
        );
        assert!(parse_origin("http://example.com").is_err());
        assert!(parse_origin("https://example.com/path").is_err());
        assert!(parse_origin("javascript:alert(1)").is_err());
        assert!(parse_origin("https://exa mple.com").is_err());
        assert!(parse_origin("https://example.com:99999").is_err());
        assert!(parse_origin("https://*.example.com").is_err());
    }

    #[test]
    fn accent_needs_contrast_against_white() {
        assert_eq!(parse_accent("#2457D6").as_deref(), Ok("#2457d6"));
        let light = parse_accent("#a0a7b6").unwrap_err().to_string();
        assert!(light.contains("2.41:1"), "{light}");
        assert!(parse_accent("#12345").is_err());
        assert!(parse_accent("red").is_err());
        let ratio = contrast_with_white("#000000").unwrap();
        assert!((ratio - 21.0).abs() < 0.01);
    }

    #[test]
    fn team_branding_keeps_only_a_readable_colour() {
        let team = Branding::of_team("#1A6B4F", " Harbour ");
        assert_eq!(team.accent(), "#1a6b4f");
        assert_eq!(team.logo_text.as_deref(), Some("Harbour"));
        let light = Branding::of_team("#a0a7b6", "");
        assert_eq!(light.accent(), DEFAULT_ACCENT);
        assert_eq!(light.logo_text, None);
    }

    #[test]
    fn logo_text_is_short() {
        let long = "x".repeat(41);
        let errors = parse("", "", &long).unwrap_err();
        assert!(errors.has("logo_text"));
        let look = parse("https://a.example\nhttps://a.example", "", " Studio ").unwrap();
        assert_eq!(look.origins, vec!["https://a.example".to_owned()]);
        assert_eq!(look.logo_text.as_deref(), Some("Studio"));
    }
}
