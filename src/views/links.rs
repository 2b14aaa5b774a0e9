//! Templates of the pages behind email links (`/b/{token}`).

use askama::Template;

use super::PageContext;

#[derive(Template)]
#[template(path = "pages/links/action.html")]
pub struct LinkActionPage {
    pub ctx: PageContext,
    pub heading: String,
    pub intro: String,
    pub service_name: String,
    pub with_name: String,
    pub when: String,
    pub zone: String,
    pub status: String,
    pub action_url: String,
    pub button: String,
    pub danger: bool,
    /// Show an optional reason field (cancel, decline).
    pub ask_reason: bool,
}

#[derive(Template)]
#[template(path = "pages/links/done.html")]
pub struct LinkDonePage {
    pub ctx: PageContext,
    pub heading: String,
    pub message: String,
    pub link_label: String,
    pub link_href: String,
}
