//! Askama template structs and the page context every page carries.

pub mod accounts;
pub mod admin;
pub mod assets;
pub mod bookings;
pub mod links;
pub mod pages;
pub mod public;
pub mod scheduling;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;

use crate::auth::session;

/// A message shown once at the top of the next page (Post/Redirect/Get).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Flash {
    pub kind: FlashKind,
    pub message: String,
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

/// What the base layout needs on every page. As an extractor it reads the session:
/// the signed-in user for the navigation, the CSRF token (created when a form shows it)
/// and the flash messages (consumed).
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    pub user: Option<NavUser>,
    /// Written into forms as `{{ ctx.csrf_token }}`; created on first use, so a page
    /// without a form stores nothing for an anonymous visitor.
    pub csrf_token: session::LazyCsrfToken,
    pub flashes: Vec<Flash>,
}

impl actix_web::FromRequest for PageContext {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        use actix_session::SessionExt;
        let session = req.get_session();
        std::future::ready(Ok(Self {
            user: session::nav_user(&session),
            csrf_token: session::LazyCsrfToken::new(session.clone()),
            flashes: session::take_flashes(&session),
        }))
    }
}

impl PageContext {
    /// The context for pages rendered outside a request's session (error pages).
    pub fn bare() -> Self {
        Self::default()
    }

    pub fn asset(&self, path: &str) -> String {
        assets::url(path)
    }
}

/// Renders a template with a status code; a template error becomes a logged 500.
pub fn render<T: Template>(status: StatusCode, template: &T) -> HttpResponse {
    match template.render() {
        Ok(body) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body),
        Err(error) => {
            tracing::error!(%error, "template rendering failed");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("Something went wrong on our side.")
        }
    }
}

/// Renders a 200 page.
pub fn page<T: Template>(template: &T) -> HttpResponse {
    render(StatusCode::OK, template)
}
