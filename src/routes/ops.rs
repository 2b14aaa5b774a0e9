//! Endpoints for operators and load balancers.

use std::time::Duration;

use actix_web::{get, web, HttpResponse};

use crate::db;
use crate::state::AppState;
use crate::telemetry;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(healthz).service(readyz);
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
