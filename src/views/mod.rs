//! Askama template structs and the page context every page carries.

pub mod accounts;
pub mod admin;
pub mod api;
pub mod assets;
pub mod bookings;
pub mod calendars;
pub mod desk;
pub mod find;
pub mod links;
pub mod look;
pub mod pages;
pub mod privacy;
pub mod public;
pub mod scheduling;
pub mod teams;
pub mod week;

use std::cell::OnceCell;
use std::rc::Rc;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;

/// A message shown once at the top of the next page (Post/Redirect/Get).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Flash {
    pub kind: FlashKind,
    /// Shown in the language of the page that shows it.
    pub message: crate::i18n::Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FlashKind {
    Success,
    Info,
    Error,
}

impl FlashKind {
    pub fn css(self) -> &'static str {
        match self {
            Self::Success => "flash-success",
            Self::Info => "flash-info",
            Self::Error => "flash-error",
        }
    }
}

/// The signed-in provider as the layout shows it.
#[derive(Debug, Clone)]
pub struct NavUser {
    pub username: String,
    pub full_name: String,
    pub is_admin: bool,
}

/// What the base layout needs on every page. Handlers take it as an extractor, which
/// `auth::session` implements: the session fills the context, views never read the
/// session.
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    pub user: Option<NavUser>,
    /// Written into forms as `{{ ctx.csrf_token }}`; created on first use, so a page
    /// without a form stores nothing for an anonymous visitor.
    pub csrf_token: LazyCsrfToken,
    pub flashes: Vec<Flash>,
    /// The operator's privacy notice, linked from every booking form (none when unset).
    pub privacy_href: Option<String>,
    /// `?embed=1`: the page is inside a provider's iframe, so the layout drops the
    /// navigation and every link and form of the booking flow keeps the parameter.
    pub embed: bool,
    /// The provider's accent colour and logo text on their public pages.
    pub brand: Brand,
    /// This page's address without `lang=`, for the language switcher.
    pub here: String,
}

/// One entry of the language switcher.
#[derive(Debug, Clone)]
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// A provider's branding as the layout shows it (the stylesheet carries the colour: the
/// CSP allows no inline styles).
#[derive(Debug, Clone, Default)]
pub struct Brand {
    pub stylesheet: Option<String>,
    pub logo_text: Option<String>,
}

/// The session's CSRF token as a page shows it: made (and so stored) only when a template
/// actually writes it into a form, by the function the session extractor hands in
/// (`auth::session`). Without one (error pages rendered outside a request) it is empty.
#[derive(Clone, Default)]
pub struct LazyCsrfToken {
    make: Option<Rc<dyn Fn() -> String>>,
    token: OnceCell<String>,
}

impl LazyCsrfToken {
    pub fn new(make: impl Fn() -> String + 'static) -> Self {
        Self {
            make: Some(Rc::new(make)),
            token: OnceCell::new(),
        }
    }

    /// Whether a token was written into the page (so the page is this visitor's own).
    pub fn is_made(&self) -> bool {
        self.token.get().is_some()
    }

    pub fn get(&self) -> &str {
        self.token.get_or_init(|| match &self.make {
            Some(make) => make(),
            None => String::new(),
        })
    }
}

impl std::fmt::Debug for LazyCsrfToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyCsrfToken")
    }
}

impl std::fmt::Display for LazyCsrfToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.get())
    }
}

impl PageContext {
    /// The context for pages rendered outside a request's session (error pages).
    pub fn bare() -> Self {
        Self::default()
    }

    /// The language switcher: one link per language, back to this page in it.
    pub fn languages(&self) -> Vec<LanguageLink> {
        let current = crate::i18n::locale().language();
        let here = if self.here.is_empty() {
            "/"
        } else {
            &self.here
        };
        crate::i18n::Language::ALL
            .into_iter()
            .map(|language| LanguageLink {
                code: language.code(),
                name: language.endonym(),
                href: format!(
                    "/language?lang={}&next={}",
                    language.code(),
                    urlencoding::encode(here)
                ),
                current: language == current,
            })
            .collect()
    }

    pub fn asset(&self, path: &str) -> String {
        assets::url(path)
    }

    /// A link of the booking flow, with `embed=1` added (before any `#fragment`) when
    /// the page is embedded, so the guest stays in the embed layout.
    pub fn keep(&self, href: &str) -> String {
        if !self.embed {
            return href.to_owned();
        }
        let (path, fragment) = href
            .split_once('#')
            .map_or((href, None), |(p, f)| (p, Some(f)));
        let separator = if path.contains('?') { '&' } else { '?' };
        match fragment {
            Some(fragment) => format!("{path}{separator}embed=1#{fragment}"),
            None => format!("{path}{separator}embed=1"),
        }
    }
}

/// Renders a template with a status code; a template error becomes a logged 500.
pub fn render<T: Template>(status: StatusCode, template: &T) -> HttpResponse {
    match template.render() {
        Ok(body) => html(status, body),
        Err(error) => render_failed(&error),
    }
}

/// An HTML answer with a body rendered before (or kept).
pub fn html(status: StatusCode, body: impl actix_web::body::MessageBody + 'static) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// The answer when a template fails to render: logged, and a plain 500.
pub fn render_failed(error: &askama::Error) -> HttpResponse {
    tracing::error!(%error, "template rendering failed");
    HttpResponse::InternalServerError()
        .content_type("text/plain; charset=utf-8")
        .body("Something went wrong on our side.")
}

/// Renders a 200 page.
pub fn page<T: Template>(template: &T) -> HttpResponse {
    render(StatusCode::OK, template)
}

/// What was typed into a field, made fit to show in it again after a refusal: characters no
/// HTML document may hold (controls other than tab and line breaks) are dropped, and in a
/// one-line field line breaks become spaces, as a browser would make them. The form was
/// refused with a field message, so nothing that could have been saved is lost.
pub fn refill(text: &str, multiline: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' if !multiline => Some(' '),
            '\t' | '\n' | '\r' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod refill_tests {
    use super::refill;

    #[test]
    fn refill_drops_what_html_forbids_and_keeps_the_rest() {
        assert_eq!(
            refill("Eve\r\nBEGIN\u{1b}[2J\u{7f}\0 é", false),
            "Eve  BEGIN[2J é"
        );
        assert_eq!(refill("a\tb\nc\u{85}", true), "a\tb\nc");
    }
}
