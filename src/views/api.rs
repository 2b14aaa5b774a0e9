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

pub struct EndpointRow {
    pub id: String,
    pub url: String,
    /// The event types it wants, comma-separated.
    pub types: String,
    pub enabled: bool,
    pub disabled_reason: String,
    pub failures: i32,
}

/// One event type as a checkbox.
pub struct TypeChoice {
    pub name: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "pages/settings/webhooks.html")]
pub struct WebhooksPage {
    pub ctx: PageContext,
    pub rows: Vec<EndpointRow>,
    pub types: Vec<TypeChoice>,
    pub url: String,
    pub url_error: String,
    pub types_error: String,
    /// The secret of the endpoint just made, shown this once.
    pub new_secret: String,
    pub new_url: String,
    /// Failures in a row after which an endpoint is disabled.
    pub disable_after: i32,
}

pub struct AttemptView {
    pub at: String,
    /// Empty when no answer came.
    pub status_code: String,
    pub latency_ms: i32,
    pub error: String,
}

pub struct DeliveryView {
    pub id: String,
    pub event_type: String,
    pub status: String,
    pub created: String,
    pub next_attempt: String,
    pub attempts: Vec<AttemptView>,
    pub can_redeliver: bool,
}

#[derive(Template)]
#[template(path = "pages/settings/webhook_endpoint.html")]
pub struct WebhookEndpointPage {
    pub ctx: PageContext,
    pub endpoint: EndpointRow,
    pub timezone: String,
    pub deliveries: Vec<DeliveryView>,
}
