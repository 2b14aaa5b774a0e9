//! What every request passes first: the request boundary.
//!
//! - A path whose decoded text holds control characters (`/%00`, `/alice/%00`) names no
//!   page: it is answered 404 before any handler or query sees it, so no route has to
//!   worry about NUL bytes in its path parameters (PostgreSQL refuses them in text).
//! - A panic in a handler (or in a middleware inside this one) becomes the generic 500
//!   page and one logged error, instead of unwinding through the worker and dropping the
//!   connection. This relies on panics unwinding (Rust's default): never build with
//!   `panic = "abort"`.

use std::future::{ready, Future, Ready};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::{Error, ResponseError};

use crate::error::AppError;

/// The middleware; wrap it inside the security headers and the request logger, so that
/// its 404 carries the headers and its answers are logged.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestBoundary;

impl<S, B> Transform<S, ServiceRequest> for RequestBoundary
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = RequestBoundaryService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RequestBoundaryService { service }))
    }
}

pub struct RequestBoundaryService<S> {
    service: S,
}

// A panic is returned as an error: actix answers an error with its `error_response` (our
// 500 page) on the same connection, and the request logger outside records it. (A response
// cannot be built here after a panic: the request went into the inner service, and
// cloning it beforehand would stop the router from matching it.)
impl<S, B> Service<ServiceRequest> for RequestBoundaryService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        if has_control_characters(req.path()) {
            tracing::info!("path with control characters refused");
            // The API answers in its own format, the pages with the 404 page.
            let answer = if req.path().starts_with("/api/") {
                crate::problem::ApiError::NotFound.error_response()
            } else {
                AppError::NotFound.error_response()
            };
            let response = req.into_response(answer);
            return Box::pin(ready(Ok(response.map_into_right_body())));
        }
        // The call itself may panic before it returns a future.
        let future = match catch_unwind(AssertUnwindSafe(|| self.service.call(req))) {
            Ok(future) => future,
            Err(payload) => return Box::pin(ready(Err(panic_error(payload.as_ref())))),
        };
        Box::pin(async move {
            match CatchUnwind(Box::pin(future)).await {
                Ok(result) => result.map(ServiceResponse::map_into_left_body),
                Err(payload) => Err(panic_error(payload.as_ref())),
            }
        })
    }
}

/// Whether the percent-decoded path contains a control character (or is not UTF-8 once
/// decoded, which no route of ours can match either).
fn has_control_characters(raw_path: &str) -> bool {
    match urlencoding::decode(raw_path) {
        Ok(path) => path.chars().any(char::is_control),
        Err(_) => true,
    }
}

/// The generic 500 page for a caught panic; the panic message goes to the log once (when
/// the page is rendered), never to the page.
fn panic_error(payload: &(dyn std::any::Any + Send)) -> Error {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned());
    AppError::internal(anyhow::anyhow!("handler panicked: {message}")).into()
}

/// Polls a future and turns a panic during any poll into `Err(payload)`.
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn std::any::Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test as actix_test;
    use actix_web::{web, App, HttpResponse};

    use super::*;

    async fn boom() -> HttpResponse {
        let values: Vec<u32> = Vec::new();
        // An index out of bounds, as a real bug would panic.
        HttpResponse::Ok().body(values[usize::from(values.is_empty())].to_string())
    }

    async fn fine() -> HttpResponse {
        HttpResponse::Ok().body("fine")
    }

    /// What the server sends for a request: the response, or the page of the error
    /// the service returned (as actix's dispatcher does).
    async fn answer<S, R, B>(app: &S, request: R) -> (u16, String)
    where
        S: Service<R, Response = ServiceResponse<B>, Error = Error>,
        B: MessageBody + 'static,
    {
        let response = match actix_test::try_call_service(app, request).await {
            Ok(response) => response.into_parts().1.map_into_boxed_body(),
            Err(error) => error.error_response(),
        };
        let status = response.status().as_u16();
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap_or_default();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[actix_web::test]
    async fn a_panicking_handler_answers_the_generic_500_page() {
        let app = actix_test::init_service(
            App::new()
                .wrap(RequestBoundary)
                .route("/boom", web::get().to(boom))
                .route("/fine", web::get().to(fine)),
        )
        .await;
        let (status, html) = answer(
            &app,
            actix_test::TestRequest::get().uri("/boom").to_request(),
        )
        .await;
        assert_eq!(status, 500);
        assert!(html.contains("Something went wrong"), "{html}");
        assert!(
            !html.contains("index out of bounds"),
            "no panic text on the page"
        );
        // The same service keeps answering afterwards.
        assert_eq!(
            answer(
                &app,
                actix_test::TestRequest::get().uri("/fine").to_request()
            )
            .await,
            (200, "fine".to_owned())
        );
    }

    #[actix_web::test]
    async fn paths_with_control_characters_are_not_found_before_routing() {
        let app = actix_test::init_service(
            App::new()
                .wrap(RequestBoundary)
                .route("/{name}", web::get().to(fine)),
        )
        .await;
        for uri in ["/%00", "/alice%0A", "/%7F", "/%FF%FE"] {
            let (status, html) =
                answer(&app, actix_test::TestRequest::get().uri(uri).to_request()).await;
            assert_eq!(status, 404, "{uri}");
            assert!(html.contains("Page not found"), "{html}");
        }
        assert_eq!(
            answer(
                &app,
                actix_test::TestRequest::get().uri("/alice").to_request()
            )
            .await
            .0,
            200
        );
    }

    #[test]
    fn control_characters_are_found_after_decoding() {
        assert!(has_control_characters("/alice/%00"));
        assert!(has_control_characters("/a%09b"));
        assert!(!has_control_characters("/alice/intro%20call"));
        assert!(!has_control_characters("/caf%C3%A9"));
    }
}
