//! What happens around every request: it gets an id (from the tracing root span, returned
//! in `X-Request-Id` and shown on the 500 page), one log line when it is answered (404s at
//! debug, server errors at error, the rest at info), and its route pattern, status class
//! and latency go to the metrics.
//!
//! Logs and metrics name the route pattern (`/b/{token}`), never the raw path: paths carry
//! secret tokens.

use std::fmt;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage as _, HttpResponse, ResponseError};
use tracing::{Level, Span};
use tracing_actix_web::{RequestId, RootSpanBuilder};

use super::metrics::Metrics;
use crate::telemetry;

/// The response header that carries the request id.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Route label of requests no route matched (unknown paths are unbounded: one label).
const UNMATCHED: &str = "unmatched";

/// The request span every log line of a request is recorded in: its id, method and route
/// pattern. (tracing-actix-web's default span also records the raw path and query.)
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let id = request_id(request);
        // Before routing, the pattern is found by path; a path the routing group's scope
        // ("", entered by first segment) does not hold — every public page — is not found
        // that way, so its route is recorded once routing has chosen it (`observe`).
        let route = request.match_pattern();
        if route.is_none() {
            request.extensions_mut().insert(RouteAfterRouting);
        }
        tracing::info_span!(
            "request",
            request_id = %id,
            method = %request.method(),
            route = route.as_deref(),
        )
    }

    fn on_request_end<B: MessageBody>(_span: Span, _outcome: &Result<ServiceResponse<B>, Error>) {
        // `observe` logs the outcome with the status and latency.
    }
}

/// Marks a request whose span names its route only after routing.
struct RouteAfterRouting;

fn request_id(request: &ServiceRequest) -> String {
    request
        .extensions()
        .get::<RequestId>()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The middleware (wrap it just inside `TracingLogger::<RequestSpan>`, which makes the id).
/// The application's [`Metrics`] come from `App::app_data`.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = request_id(&req);
    let method = req.method().as_str().to_owned();
    let metrics = req.app_data::<Metrics>().cloned();
    let route_after_routing = req.extensions().contains::<RouteAfterRouting>();
    let outcome = telemetry::with_request_id(id.clone(), next.call(req)).await;
    let elapsed = started.elapsed();
    match outcome {
        Ok(mut response) => {
            let status = response.status();
            let route = response
                .request()
                .match_pattern()
                .unwrap_or_else(|| UNMATCHED.to_owned());
            if route_after_routing {
                Span::current().record("route", route.as_str());
            }
            if let Some(metrics) = &metrics {
                metrics.observe_request(&route, &method, status.as_u16(), elapsed);
            }
            log_answer(status, elapsed);
            if let Ok(value) = HeaderValue::from_str(&id) {
                response.headers_mut().insert(REQUEST_ID_HEADER, value);
            }
            Ok(response)
        }
        // Only a panic caught by the request boundary (or a middleware failure) arrives
        // here; actix renders it after this returns, so it is wrapped to render in the
        // request's scope and carry the header.
        Err(error) => {
            let status = error.as_response_error().status_code();
            if route_after_routing {
                Span::current().record("route", UNMATCHED);
            }
            if let Some(metrics) = &metrics {
                metrics.observe_request(UNMATCHED, &method, status.as_u16(), elapsed);
            }
            log_answer(status, elapsed);
            Err(WithRequestId { error, id }.into())
        }
    }
}

/// The level of a request's log line: unknown paths (scanners) are noise, server errors
/// are what an operator must see.
fn level_for(status: u16) -> Level {
    match status {
        404 => Level::DEBUG,
        500.. => Level::ERROR,
        _ => Level::INFO,
    }
}

/// One line per answered request, inside the request's span (its id, method and route).
fn log_answer(status: StatusCode, elapsed: std::time::Duration) {
    let status = status.as_u16();
    let ms = elapsed.as_secs_f64() * 1000.0;
    match level_for(status) {
        Level::DEBUG => tracing::debug!(status, ms, "answered"),
        Level::ERROR => tracing::error!(status, ms, "answered"),
        _ => tracing::info!(status, ms, "answered"),
    }
}

/// An error answered after the request's future ended, rendered as if inside it.
struct WithRequestId {
    error: Error,
    id: String,
}

impl fmt::Debug for WithRequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.error, f)
    }
}

impl fmt::Display for WithRequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl ResponseError for WithRequestId {
    fn status_code(&self) -> StatusCode {
        self.error.as_response_error().status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = telemetry::in_request(self.id.clone(), || {
            self.error.as_response_error().error_response()
        });
        if let Ok(value) = HeaderValue::from_str(&self.id) {
            response.headers_mut().insert(REQUEST_ID_HEADER, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::test as actix_test;
    use actix_web::{web, App};
    use tracing_actix_web::TracingLogger;

    use super::*;
    use crate::boundary::RequestBoundary;
    use crate::error::AppError;

    async fn failing() -> Result<HttpResponse, AppError> {
        Err(AppError::internal(anyhow::anyhow!("the disk is on fire")))
    }

    async fn panicking() -> HttpResponse {
        let empty: Vec<u8> = Vec::new();
        HttpResponse::Ok().body(empty[usize::from(empty.is_empty())].to_string())
    }

    async fn missing() -> Result<HttpResponse, AppError> {
        Err(AppError::NotFound)
    }

    /// Status, `X-Request-Id` and body of a request, as the server would send them.
    async fn answer(uri: &str) -> (u16, String, String) {
        let app = actix_test::init_service(
            App::new()
                .wrap(RequestBoundary)
                .wrap(from_fn(observe))
                .wrap(TracingLogger::<RequestSpan>::new())
                .app_data(Metrics::new())
                .route("/fails", web::get().to(failing))
                .route("/panics", web::get().to(panicking))
                .route("/missing", web::get().to(missing)),
        )
        .await;
        let request = actix_test::TestRequest::get().uri(uri).to_request();
        let response = match actix_test::try_call_service(&app, request).await {
            Ok(response) => response.into_parts().1.map_into_boxed_body(),
            Err(error) => error.error_response(),
        };
        let id = response
            .headers()
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let status = response.status().as_u16();
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap_or_default();
        (status, id, String::from_utf8_lossy(&body).into_owned())
    }

    #[actix_web::test]
    async fn the_500_page_and_header_carry_the_request_id() {
        for uri in ["/fails", "/panics"] {
            let (status, id, html) = answer(uri).await;
            assert_eq!(status, 500, "{uri}");
            assert!(uuid::Uuid::parse_str(&id).is_ok(), "{uri}: {id:?}");
            assert!(
                html.contains(&format!("<code>{id}</code>")),
                "{uri}: {html}"
            );
            assert!(!html.contains("on fire"), "no detail on the page");
        }
    }

    #[actix_web::test]
    async fn other_error_pages_show_no_reference() {
        let (status, id, html) = answer("/missing").await;
        assert_eq!(status, 404);
        assert!(!id.is_empty());
        assert!(!html.contains("reference"), "{html}");
    }

    /// What a request's log lines say, through a subscriber of this thread's own.
    #[derive(Clone, Default)]
    struct Lines(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut lines) = self.0.lock() {
                lines.extend_from_slice(bytes);
            }
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[actix_web::test]
    async fn the_answered_line_names_the_route_inside_and_outside_the_routing_group() {
        let lines = Lines::default();
        let writer = lines.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _default = tracing::subscriber::set_default(subscriber);
        // As `routes::configure` lays them out: a group entered by the first segment,
        // then the public pages' patterns.
        let app = actix_test::init_service(
            App::new()
                .wrap(from_fn(observe))
                .wrap(TracingLogger::<RequestSpan>::new())
                .service(
                    web::scope("")
                        .guard(actix_web::guard::fn_guard(|ctx| {
                            ctx.head().uri.path().starts_with("/login")
                        }))
                        .route("/login", web::get().to(HttpResponse::Ok)),
                )
                .route("/{username}/{slug}", web::get().to(HttpResponse::Ok)),
        )
        .await;
        for uri in ["/login", "/alice/consult"] {
            let request = actix_test::TestRequest::get().uri(uri).to_request();
            let response = actix_test::call_service(&app, request).await;
            assert_eq!(response.status(), 200, "{uri}");
        }
        let text = String::from_utf8(lines.0.lock().map(|l| l.clone()).unwrap_or_default())
            .unwrap_or_default();
        let answered: Vec<&str> = text.lines().filter(|l| l.contains("answered")).collect();
        assert_eq!(answered.len(), 2, "{text}");
        assert!(answered[0].contains("route=\"/login\""), "{text}");
        assert!(
            answered[1].contains("route=\"/{username}/{slug}\""),
            "{text}"
        );
        assert!(!text.contains(UNMATCHED), "{text}");
    }

    #[test]
    fn not_found_is_logged_at_debug_and_server_errors_at_error() {
        assert_eq!(level_for(404), Level::DEBUG);
        assert_eq!(level_for(500), Level::ERROR);
        assert_eq!(level_for(503), Level::ERROR);
        for status in [200, 303, 401, 409, 422, 429] {
            assert_eq!(level_for(status), Level::INFO, "{status}");
        }
    }
}
