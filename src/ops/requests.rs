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
use tracing::Span;
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
        let route = request.match_pattern();
        tracing::info_span!(
            "request",
            request_id = %id,
            method = %request.method(),
            route = route.as_deref().unwrap_or(UNMATCHED),
        )
    }

    fn on_request_end<B: MessageBody>(_span: Span, _outcome: &Result<ServiceResponse<B>, Error>) {
        // `observe` logs the outcome with the status and latency.
    }
}

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
    let outcome = telemetry::with_request_id(id.clone(), next.call(req)).await;
    let elapsed = started.elapsed();
    match outcome {
        Ok(mut response) => {
            let status = response.status();
            let route = response
                .request()
                .match_pattern()
                .unwrap_or_else(|| UNMATCHED.to_owned());
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
            if let Some(metrics) = &metrics {
                metrics.observe_request(UNMATCHED, &method, status.as_u16(), elapsed);
            }
            log_answer(status, elapsed);
            Err(WithRequestId { error, id }.into())
        }
    }
}

fn log_answer(status: StatusCode, elapsed: std::time::Duration) {
    let status = status.as_u16();
    let ms = elapsed.as_secs_f64() * 1000.0;
    match status {
        404 => tracing::debug!(status, ms, "answered"),
        500.. => tracing::error!(status, ms, "answered"),
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
