//! The embedding and branding settings page.

use askama::Template;

use super::PageContext;
use crate::domain::forms::{FieldErrors, RawForm};

#[derive(Template)]
#[template(path = "pages/dashboard/look.html")]
pub struct LookPage {
    pub ctx: PageContext,
    /// The provider page in the embed layout, for the iframe snippet.
    pub embed_url: String,
    /// Whether any origin is saved (without one, the snippet would show a refused frame).
    pub has_origins: bool,
    pub form: RawForm,
    pub errors: FieldErrors,
    pub min_contrast: f64,
    pub max_logo_chars: usize,
}
