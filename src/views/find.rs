//! The template of "find a time that suits me".

use askama::Template;

use super::public::SlotLink;
use super::PageContext;
use crate::domain::forms::FieldErrors;

/// A checkbox of the search form, ticked when the query had it.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// One date with its matching times.
pub struct FoundDay {
    pub label: String,
    pub times: Vec<SlotLink>,
}

#[derive(Template)]
#[template(path = "pages/public/find.html")]
pub struct FindPage {
    pub ctx: PageContext,
    pub provider_name: String,
    pub service_name: String,
    pub service_href: String,
    pub action: String,
    pub timezone: String,
    pub tz_notice: String,
    pub days: Vec<Choice>,
    pub parts: Vec<Choice>,
    pub from: String,
    pub to: String,
    pub errors: FieldErrors,
    /// False until the guest narrowed anything: the page then shows only the form.
    pub searched: bool,
    pub window_days: i32,
    pub found: Vec<FoundDay>,
    pub count: usize,
    /// The list stopped at its limit: there are more times later.
    pub limited: bool,
}
