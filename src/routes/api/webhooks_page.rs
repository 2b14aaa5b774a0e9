//! Settings → Webhooks: add an endpoint (URL and the event types it wants; its signing
//! secret is shown once), enable or disable it, send it a test event, and see each
//! delivery's attempts (status code and latency) with a button to send one again. Every
//! form carries the CSRF token; another provider's endpoint is 404.

use std::net::IpAddr;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::webhook_queue;
use crate::db::models::webhooks::{self, Delivery, Endpoint, DISABLE_AFTER_FAILURES};
use crate::domain::forms::RawForm;
use crate::domain::webhooks::{parse_endpoint_url, EventType};
use crate::error::{AppError, AppResult};
use crate::outbound::is_public;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::api::{
    AttemptView, DeliveryView, EndpointRow, TypeChoice, WebhookEndpointPage, WebhooksPage,
};
use crate::views::{page, render, FlashKind, PageContext};

const PAGE: &str = "/dashboard/settings/webhooks";
/// Deliveries shown on an endpoint's page.
const RECENT: i64 = 50;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(show)
        // Before `toggle`, whose `{switch}` would also match `test`.
        .service(send_test)
        .service(toggle)
        .service(redeliver);
}

fn row(endpoint: &Endpoint) -> EndpointRow {
    EndpointRow {
        id: endpoint.id.to_string(),
        url: endpoint.url.clone(),
        types: endpoint
            .types()
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        enabled: endpoint.is_enabled,
        disabled_reason: endpoint.disabled_reason.clone().unwrap_or_default(),
        failures: endpoint.consecutive_failures,
    }
}

#[derive(Default)]
struct FormState {
    url: String,
    checked: Vec<String>,
    url_error: String,
    types_error: String,
    new_secret: String,
    new_url: String,
}

async fn list_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    form: FormState,
) -> AppResult<HttpResponse> {
    let id = user.id;
    let endpoints = state.db(move |c| webhooks::list_endpoints(c, id)).await?;
    let fresh = form.url.is_empty() && form.checked.is_empty();
    Ok(render(
        status,
        &WebhooksPage {
            ctx,
            rows: endpoints.iter().map(row).collect(),
            types: EventType::ALL
                .iter()
                .map(|t| TypeChoice {
                    name: t.as_str().to_owned(),
                    checked: fresh || form.checked.iter().any(|c| c == t.as_str()),
                })
                .collect(),
            url: form.url,
            url_error: form.url_error,
            types_error: form.types_error,
            new_secret: form.new_secret,
            new_url: form.new_url,
            disable_after: DISABLE_AFTER_FAILURES,
        },
    ))
}

#[get("/dashboard/settings/webhooks")]
async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    list_page(&state, &user, ctx, StatusCode::OK, FormState::default()).await
}

/// An IP literal the outbound client would refuse, said when the endpoint is added.
fn private_literal(url: &url::Url) -> bool {
    let ip = match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        _ => return false,
    };
    !is_public(ip)
}

/// Adds the endpoint and shows its secret in this answer only.
#[post("/dashboard/settings/webhooks")]
async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let checked: Vec<String> = form.all("types").into_iter().map(str::to_owned).collect();
    let types: Vec<EventType> = checked.iter().filter_map(|t| EventType::parse(t)).collect();
    let mut again = FormState {
        url: form.get("url").to_owned(),
        checked: checked.clone(),
        ..FormState::default()
    };
    let url = match parse_endpoint_url(form.get("url")) {
        Ok(url) if private_literal(&url) && !state.settings.outbound_allow_private_networks => {
            again.url_error = crate::i18n::t("webhooks-error-url-private");
            None
        }
        Ok(url) => Some(url),
        Err(message) => {
            again.url_error = message.to_string();
            None
        }
    };
    if types.is_empty() || types.len() != checked.len() {
        again.types_error = crate::i18n::t("webhooks-error-types");
    }
    let Some(url) = url.filter(|_| again.types_error.is_empty()) else {
        return list_page(&state, &user, ctx, StatusCode::UNPROCESSABLE_ENTITY, again).await;
    };
    let (id, now, text) = (user.id, state.now(), url.to_string());
    let endpoint = state
        .db(move |c| webhooks::create_endpoint(c, id, &text, &types, now))
        .await?;
    let shown = FormState {
        new_secret: endpoint.secret.clone(),
        new_url: endpoint.url.clone(),
        ..FormState::default()
    };
    list_page(&state, &user, ctx, StatusCode::OK, shown).await
}

/// The date and time in the page's locale.
fn when(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::format::datetime_medium(at, tz)
}

fn delivery_view(delivery: &Delivery, attempts: &[webhooks::Attempt], tz: Tz) -> DeliveryView {
    DeliveryView {
        id: delivery.id.to_string(),
        event_type: delivery.event_type.clone(),
        status: delivery.status.clone(),
        created: when(delivery.created_at, tz),
        next_attempt: when(delivery.next_attempt_at, tz),
        attempts: attempts
            .iter()
            .map(|a| AttemptView {
                at: when(a.at, tz),
                status_code: a.status_code.map(|c| c.to_string()).unwrap_or_default(),
                latency_ms: a.latency_ms,
                error: a.error.clone().unwrap_or_default(),
            })
            .collect(),
        can_redeliver: matches!(delivery.status.as_str(), "delivered" | "failed"),
    }
}

#[get("/dashboard/settings/webhooks/{id}")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (owner, id) = (user.id, parse_id(&path)?);
    let (endpoint, deliveries) = state
        .db(move |c| {
            let Some(endpoint) = webhooks::find_endpoint(c, owner, id)? else {
                return Ok(None);
            };
            let deliveries = webhook_queue::recent_deliveries(c, id, RECENT)?;
            Ok(Some((endpoint, deliveries)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let tz = user.timezone.tz();
    Ok(page(&WebhookEndpointPage {
        ctx,
        endpoint: row(&endpoint),
        timezone: tz.name().to_owned(),
        deliveries: deliveries
            .iter()
            .map(|(d, attempts)| delivery_view(d, attempts, tz))
            .collect(),
    }))
}

#[post("/dashboard/settings/webhooks/{id}/{switch}")]
async fn toggle(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<(String, String)>,
    CsrfForm(_form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (id, switch) = path.into_inner();
    let enabled = match switch.as_str() {
        "enable" => true,
        "disable" => false,
        _ => return Err(AppError::NotFound),
    };
    let (owner, id, now) = (user.id, parse_id(&id)?, state.now());
    if !state
        .db(move |c| webhooks::set_enabled(c, owner, id, enabled, now))
        .await?
    {
        return Err(AppError::NotFound);
    }
    let message = if enabled {
        crate::i18n::Text::id("flash-webhook-enabled")
    } else {
        crate::i18n::Text::id("flash-webhook-disabled")
    };
    flash(&session, FlashKind::Success, message);
    Ok(redirect(PAGE))
}

#[post("/dashboard/settings/webhooks/{id}/test")]
async fn send_test(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (owner, id, now) = (user.id, parse_id(&path)?, state.now());
    state
        .db(move |c| webhooks::enqueue_test(c, owner, id, now))
        .await?
        .ok_or(AppError::NotFound)?;
    flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-webhook-test-queued"),
    );
    Ok(redirect(&format!("{PAGE}/{id}")))
}

#[post("/dashboard/settings/webhooks/{id}/deliveries/{delivery}/redeliver")]
async fn redeliver(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<(String, String)>,
    CsrfForm(_form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (endpoint, delivery) = path.into_inner();
    let (owner, endpoint, delivery, now) = (
        user.id,
        parse_id(&endpoint)?,
        parse_id(&delivery)?,
        state.now(),
    );
    if !state
        .db(move |c| webhook_queue::redeliver(c, owner, delivery, now))
        .await?
    {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-webhook-requeued"),
    );
    Ok(redirect(&format!("{PAGE}/{endpoint}")))
}
