//! Templates of the API's pages: Settings → API tokens, the API reference rendered from
//! the OpenAPI document, and the problem types.

use askama::Template;

use super::PageContext;

pub struct TokenRow {
    pub id: String,
    pub name: String,
    /// `read` or `read+write`.
    pub scope: String,
    pub created: String,
    /// Empty when never used.
    pub last_used: String,
    /// Empty while live.
    pub revoked: String,
    /// The owner's username (the admin's list of every account's tokens).
    pub owner: String,
}

#[derive(Template)]
#[template(path = "pages/settings/api_tokens.html")]
pub struct ApiTokensPage {
    pub ctx: PageContext,
    /// The zone the times are shown in.
    pub timezone: String,
    pub rows: Vec<TokenRow>,
    /// Every account's tokens, for an admin; `None` for a provider.
    pub all: Option<Vec<TokenRow>>,
    /// The token just made, shown this once.
    pub new_token: String,
    pub new_token_name: String,
    pub name: String,
    pub scope: String,
    pub name_error: String,
    pub scope_error: String,
}

pub struct ParamView {
    pub name: String,
    pub location: String,
    pub required: bool,
    pub schema: String,
    pub description: String,
}

pub struct OperationView {
    pub method: String,
    pub path: String,
    pub summary: String,
    pub description: String,
    pub needs_token: bool,
    pub parameters: Vec<ParamView>,
    /// The request body's schema name, empty without a body.
    pub body: String,
    /// (status, schema name, description).
    pub responses: Vec<(String, String, String)>,
}

#[derive(Clone)]
pub struct ProblemTypeView {
    pub type_uri: String,
    pub name: String,
    pub status: u16,
    pub title: String,
}

#[derive(Template)]
#[template(path = "pages/api/reference.html")]
pub struct ApiReferencePage {
    pub ctx: PageContext,
    pub title: String,
    pub description: String,
    pub operations: Vec<OperationView>,
    pub problems: Vec<ProblemTypeView>,
}

#[derive(Template)]
#[template(path = "pages/api/problem.html")]
pub struct ProblemTypePage {
    pub ctx: PageContext,
    pub problem: ProblemTypeView,
}
