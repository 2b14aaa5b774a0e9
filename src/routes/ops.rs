//! Endpoints for operators and load balancers: `/healthz`, `/readyz` and `/metrics`.

use std::time::Duration;

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use sha2::{Digest as _, Sha256};

use crate::db;
use crate::db::models::ops as ops_figures;
use crate::error::{AppError, AppResult};
use crate::ops::metrics::PoolFigures;
use crate::state::AppState;
use crate::telemetry;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(healthz).service(readyz).service(metrics);
}

/// The routes of the separate `METRICS_BIND` listener: `/metrics` only.
pub fn configure_metrics_listener(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::Data::new(MetricsListener))
        .service(metrics)
        .default_service(web::to(|| async { HttpResponse::NotFound().finish() }));
}

/// Marks the `METRICS_BIND` listener's app: there `/metrics` is served even without a token.
struct MetricsListener;

/// Prometheus text. On the public listener only with `METRICS_TOKEN` (else 404, as if
/// there were no such page); on `METRICS_BIND` open unless a token is set.
#[get("/metrics")]
async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let own_listener = req.app_data::<web::Data<MetricsListener>>().is_some();
    match (&state.settings.metrics.token, own_listener) {
        (None, false) => return Err(AppError::NotFound),
        (None, true) => {}
        (Some(token), _) => {
            if !bearer_matches(&req, token) {
                return Ok(HttpResponse::Unauthorized()
                    .insert_header((header::WWW_AUTHENTICATE, "Bearer"))
                    .finish());
            }
        }
    }
    let snapshot = state.db(|conn| Ok(ops_figures::snapshot(conn)?)).await?;
    let pool = state.pool.state();
    let figures = PoolFigures {
        connections: pool.connections,
        idle: pool.idle_connections,
        max_size: state.pool.max_size(),
    };
    let text = state
        .metrics
        .render(figures, &snapshot, state.now())
        .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text))
}

/// Whether the request carries `Authorization: Bearer <token>`; compares digests, so the
/// time taken does not tell how much of a guess was right.
fn bearer_matches(req: &HttpRequest, token: &str) -> bool {
    let Some(given) = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
    else {
        return false;
    };
    Sha256::digest(given.trim().as_bytes()) == Sha256::digest(token.as_bytes())
}

/// 200 while the process runs.
#[get("/healthz")]
async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok")
}

/// 200 only when the database answers and every migration is applied, else 503.
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    // The answer names the problem; the detail (hosts, driver errors) goes to the log only.
    let check = telemetry::spawn_blocking(move || -> Result<(), (&'static str, String)> {
        let mut conn = pool
            .get_timeout(Duration::from_secs(2))
            .map_err(|e| ("database unreachable", e.to_string()))?;
        match db::migrations_current(&mut conn) {
            Ok(true) => Ok(()),
            Ok(false) => Err(("migrations pending", String::new())),
            Err(e) => Err(("migrations unreadable", e.to_string())),
        }
    })
    .await
    .unwrap_or_else(|e| Err(("check failed", e.to_string())));
    match check {
        Ok(()) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ready"),
        Err((reason, detail)) => {
            tracing::warn!(reason, %detail, "not ready");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body(format!("not ready: {reason}"))
        }
    }
}
