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

/// A content coding of bodies compressed ahead (kept views).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    /// Its token in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
        }
    }
}

/// The content coding to answer `accept` (an `Accept-Encoding` value) in with a body
/// compressed ahead: brotli or gzip, whichever has the higher `q` (brotli on a tie; `*`
/// names both), or none (`q=0` refuses a coding).
pub fn preferred_coding(accept: &str) -> Option<Coding> {
    let items: Vec<(String, f32)> = accept
        .split(',')
        .map(|item| {
            let mut parts = item.split(';');
            let token = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (token, q)
        })
        .collect();
    // A coding named in the header has its own `q`; otherwise `*`'s, if present.
    let q_of = |names: &[&str]| {
        items
            .iter()
            .find(|(token, _)| names.contains(&token.as_str()))
            .or_else(|| items.iter().find(|(token, _)| token == "*"))
            .map_or(0.0, |(_, q)| *q)
    };
    let (br, gzip) = (q_of(&["br"]), q_of(&["gzip", "x-gzip"]));
    if br > 0.0 && br >= gzip {
        Some(Coding::Brotli)
    } else if gzip > 0.0 {
        Some(Coding::Gzip)
    } else {
        None
    }
}

/// `body` in `coding`, at a higher level than actix's on-the-fly compression: it is done
/// once for a body served many times.
pub fn encode(coding: Coding, body: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    match coding {
        Coding::Brotli => {
            let mut out = brotli::CompressorWriter::new(Vec::new(), 4096, 6, 20);
            out.write_all(body)?;
            out.flush()?;
            Ok(out.into_inner())
        }
        Coding::Gzip => {
            let mut out = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            out.write_all(body)?;
            out.finish()
        }
    }
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
    use super::{may_compress, preferred_coding, Coding};

    #[test]
    fn the_preferred_coding_follows_q_values_and_refusals() {
        assert_eq!(preferred_coding("gzip, deflate, br"), Some(Coding::Brotli));
        assert_eq!(preferred_coding("gzip"), Some(Coding::Gzip));
        assert_eq!(preferred_coding("br;q=0.5, gzip"), Some(Coding::Gzip));
        assert_eq!(preferred_coding("br;q=0, gzip;q=0.1"), Some(Coding::Gzip));
        assert_eq!(preferred_coding("*"), Some(Coding::Brotli));
        assert_eq!(preferred_coding("br;q=0, *"), Some(Coding::Gzip));
        assert_eq!(preferred_coding("identity, compress"), None);
        assert_eq!(preferred_coding(""), None);
        assert_eq!(preferred_coding("gzip;q=0"), None);
    }

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
