//! Which answers may be kept by browsers and proxies. Anything shown to a signed-in
//! provider, everything under `/dashboard` and `/admin` (the CSV and booking details
//! included) and a guest's booking pages under `/b/` (reached by a secret link, showing
//! their details) carry `Cache-Control: no-store`, so neither a shared computer's history
//! nor a proxy keeps a copy. The ICS feed is fetched by calendar apps, which may keep it
//! but must ask again each time (`private, no-cache`). Public anonymous pages say nothing
//! and stay cacheable; an answer that already chose its policy (static assets) keeps it.

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::middleware::Next;

use crate::auth::session;

const NO_STORE: &str = "no-store";
const REVALIDATE_PRIVATELY: &str = "private, no-cache";

/// The middleware; wrap it inside the session middleware so it can see who is signed in.
pub async fn apply(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let signed_in = session::signed_in(&req.get_session()).is_some();
    let chosen = policy(req.path(), signed_in);
    let mut response = next.call(req).await?;
    if let Some(value) = chosen {
        let headers = response.headers_mut();
        if !headers.contains_key(CACHE_CONTROL) {
            headers.insert(CACHE_CONTROL, HeaderValue::from_static(value));
        }
    }
    Ok(response)
}

/// The `Cache-Control` of an answer to `path`, unless the handler set its own.
pub fn policy(path: &str, signed_in: bool) -> Option<&'static str> {
    if path.starts_with("/feeds/") {
        return Some(REVALIDATE_PRIVATELY);
    }
    let private_area = ["/dashboard", "/admin", "/b"]
        .iter()
        .any(|area| under(path, area));
    (signed_in || private_area).then_some(NO_STORE)
}

pub(crate) fn under(path: &str, area: &str) -> bool {
    path.strip_prefix(area)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn private_areas_and_signed_in_pages_are_never_stored() {
        for path in [
            "/dashboard",
            "/dashboard/bookings.csv",
            "/dashboard/bookings/0190",
            "/admin/accounts",
            "/b/0123abcd",
            "/b/booked/key/booking.ics",
        ] {
            assert_eq!(policy(path, false), Some("no-store"), "{path}");
        }
        assert_eq!(policy("/alice", true), Some("no-store"));
        assert_eq!(policy("/", true), Some("no-store"));
    }

    #[test]
    fn public_pages_say_nothing_and_the_feed_revalidates() {
        for path in [
            "/",
            "/alice",
            "/alice/intro",
            "/login",
            "/dashboarding",
            "/bob",
        ] {
            assert_eq!(policy(path, false), None, "{path}");
        }
        assert_eq!(policy("/feeds/abc.ics", false), Some("private, no-cache"));
        assert_eq!(policy("/feeds/abc.ics", true), Some("private, no-cache"));
    }
}
