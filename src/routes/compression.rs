//! Which answers may be compressed. Compressing a page that holds a secret next to text an
//! attacker can reflect into it (`?tz=`, form values) lets the compressed length leak the
//! secret byte by byte (BREACH). The secrets here live in sessions (CSRF tokens, a signed-in
//! provider's pages) and in the private areas, so a request that presents the session cookie
//! or asks for a private area is answered uncompressed: its `Accept-Encoding` is dropped
//! before `Compress` sees it. Visitors without a session (the public month and day pages,
//! static assets) get gzip or brotli. A cookie-less visitor's booking form does carry a new
//! CSRF token, but a new one every time, so there is nothing stable to guess.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::ACCEPT_ENCODING;
use actix_web::middleware::Next;

/// The session cookie's name (set in `startup`).
pub const SESSION_COOKIE: &str = "slotbook_session";

/// The middleware; wrap it outside `Compress`.
pub async fn secrets_uncompressed(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let has_session = req.cookie(SESSION_COOKIE).is_some();
    if !may_compress(req.path(), has_session) {
        req.headers_mut().remove(ACCEPT_ENCODING);
    }
    next.call(req).await
}

/// Whether the answer to `path` may be compressed for a request with or without a session.
pub fn may_compress(path: &str, has_session: bool) -> bool {
    let private_area = ["/dashboard", "/admin", "/b", "/feeds"]
        .iter()
        .any(|area| super::cache_control::under(path, area));
    !has_session && !private_area
}

#[cfg(test)]
mod tests {
    use super::may_compress;

    #[test]
    fn only_sessionless_public_answers_are_compressed() {
        assert!(may_compress("/alice/intro", false));
        assert!(may_compress("/static/css/app.0123456789.css", false));
        assert!(
            !may_compress("/alice/intro", true),
            "a session holds secrets"
        );
        for path in [
            "/dashboard",
            "/dashboard/bookings",
            "/admin/mail",
            "/b/abc",
            "/feeds/x",
        ] {
            assert!(!may_compress(path, false), "{path}");
        }
        assert!(may_compress("/bob", false), "/bob is a provider, not /b");
    }
}
