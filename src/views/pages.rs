//! Templates of pages that belong to no particular area.

use askama::Template;

use super::PageContext;

#[derive(Template)]
#[template(path = "pages/home.html")]
pub struct HomePage {
    pub ctx: PageContext,
    pub allow_signup: bool,
}

/// One page for every error a person can meet: 403, 404, 409, 410, 429, 500, 503.
#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage {
    pub ctx: PageContext,
    pub status: u16,
    pub heading: String,
    pub message: String,
    /// The request's id on server errors, for the person to quote and the operator to find
    /// in the logs.
    pub request_id: Option<String>,
}
