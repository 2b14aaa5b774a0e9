//! A provider's look on their public pages: the branding (stylesheet and logo text in
//! the page context) and, for `?embed=1`, the `frame-ancestors` of their allow-list.
//! Handlers call [`dress`]; [`frame_policy`] then rewrites the security headers of that
//! request's answer, whatever it is (the page, a 422 re-render, an error page).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use actix_web::middleware::Next;
use actix_web::{get, web, HttpMessage, HttpRequest, HttpResponse};

use super::provider;
use crate::db::models::provider_looks;
use crate::db::models::users::User;
use crate::domain::look::{frame_ancestors, Look};
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::{Brand, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(stylesheet);
}

/// The origins allowed to frame this request's answer (set only for embedded pages).
#[derive(Debug, Clone)]
struct FrameOrigins(Vec<String>);

/// Loads the provider's look into the page context; an embedded page also records who may
/// frame it.
pub(super) async fn dress(
    state: &AppState,
    req: &HttpRequest,
    ctx: &mut PageContext,
    user: &User,
) -> AppResult<()> {
    let provider_id = user.id;
    let look = state
        .db(move |conn| provider_looks::find(conn, provider_id))
        .await?;
    wear(req, ctx, user, &look);
    Ok(())
}

/// [`dress`] with the provider's look already read.
pub(super) fn wear(req: &HttpRequest, ctx: &mut PageContext, user: &User, look: &Look) {
    ctx.brand = Brand {
        // The colour in the address: a changed colour is a new stylesheet for caches.
        stylesheet: look.accent.as_ref().map(|accent| {
            format!(
                "/b/brand/{}?v={}",
                user.username,
                accent.trim_start_matches('#')
            )
        }),
        logo_text: look.logo_text.clone(),
    };
    if ctx.embed {
        req.extensions_mut()
            .insert(FrameOrigins(look.origins.clone()));
    }
}

/// Middleware: an embedded page's answer may be framed by the provider's origins
/// (`frame-ancestors`), and `X-Frame-Options: DENY`, which would refuse every frame, is
/// dropped. Wrap it outside the default security headers.
pub async fn frame_policy(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    let origins = res.request().extensions().get::<FrameOrigins>().cloned();
    let is_html = res
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let (Some(FrameOrigins(origins)), true) = (origins, is_html) {
        if !origins.is_empty() {
            let policy = crate::routes::CSP.replace(
                "frame-ancestors 'none'",
                &format!("frame-ancestors {}", frame_ancestors(&origins)),
            );
            if let Ok(value) = HeaderValue::from_str(&policy) {
                let headers = res.headers_mut();
                headers.insert(HeaderName::from_static("content-security-policy"), value);
                headers.remove("x-frame-options");
            }
        }
    }
    Ok(res)
}

/// `/b/brand/{username}`: the provider's accent colour as CSS custom properties (a
/// stylesheet from our own origin, which the CSP allows; inline styles it does not).
#[get("/b/brand/{username}")]
async fn stylesheet(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let user = provider(&state, &path).await?;
    let provider_id = user.id;
    let look = state
        .db(move |conn| provider_looks::find(conn, provider_id))
        .await?;
    let body = look
        .accent
        .map(|accent| format!(":root {{ --accent: {accent}; --accent-fg: #fff; }}\n"))
        .unwrap_or_default();
    Ok(HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=300"))
        .body(body))
}
