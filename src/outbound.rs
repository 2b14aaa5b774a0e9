//! The one outbound HTTP client: webhooks now, calendar fetches and CalDAV later.
//!
//! Every request has a connect timeout and a total timeout, follows at most
//! [`MAX_REDIRECTS`] redirects, and reads at most [`Outbound::max_body`] bytes of the
//! answer. Because an endpoint URL is a way into the operator's network, hosts are
//! resolved by our own resolver, which drops loopback, private, link-local, shared
//! (CGNAT), multicast and unspecified addresses *after* DNS resolution (so a public name
//! that resolves to 127.0.0.1 is refused as well), and IP literals in the URL or in any
//! redirect are checked the same way. `OUTBOUND_ALLOW_PRIVATE_NETWORKS=true` lifts the
//! refusal for LAN servers (and tests).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Redirects followed at most per request.
pub const MAX_REDIRECTS: usize = 3;

/// Why a request got no answer.
#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
    #[error(
        "refused: {0} is not a public address (set OUTBOUND_ALLOW_PRIVATE_NETWORKS to allow it)"
    )]
    PrivateAddress(String),
    #[error("not a usable http(s) URL")]
    BadUrl,
    #[error("timed out")]
    Timeout,
    #[error("too many redirects")]
    TooManyRedirects,
    #[error("the answer is larger than {0} bytes")]
    TooLarge(usize),
    #[error("{0}")]
    Failed(String),
}

/// An answer: its status and up to `max_body` bytes of its body.
#[derive(Debug, Clone)]
pub struct OutboundResponse {
    pub status: u16,
    pub body: Vec<u8>,
}

/// A whole answer: status, headers and a body of at most `max_body` bytes.
#[derive(Debug, Clone)]
pub struct FullResponse {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl FullResponse {
    /// A header's value as text, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Whether `ip` is on the public internet (the only addresses reached by default).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

/// Resolves names and keeps only the addresses we may connect to.
struct GuardedResolver {
    allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let usable: Vec<SocketAddr> = found
                .into_iter()
                .filter(|addr| allow_private || is_public(addr.ip()))
                .collect();
            if usable.is_empty() {
                return Err(Box::new(OutboundError::PrivateAddress(host))
                    as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(usable.into_iter()) as Addrs)
        })
    }
}

/// An IP literal in a URL that we may not reach; `None` for names and allowed literals.
fn refused_literal(url: &url::Url, allow_private: bool) -> Option<String> {
    if allow_private {
        return None;
    }
    let ip = match url.host()? {
        url::Host::Ipv4(ip) => IpAddr::V4(ip),
        url::Host::Ipv6(ip) => IpAddr::V6(ip),
        url::Host::Domain(_) => return None,
    };
    (!is_public(ip)).then(|| ip.to_string())
}

/// The client. Cheap to clone; build one per worker, not per request.
#[derive(Clone)]
pub struct Outbound {
    client: reqwest::Client,
    allow_private: bool,
    max_body: usize,
}

impl Outbound {
    /// A client with the given limits.
    pub fn new(
        allow_private: bool,
        connect_timeout: Duration,
        timeout: Duration,
        max_body: usize,
    ) -> Result<Self, OutboundError> {
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= MAX_REDIRECTS {
                return attempt.error(OutboundError::TooManyRedirects);
            }
            match refused_literal(attempt.url(), allow_private) {
                Some(ip) => attempt.error(OutboundError::PrivateAddress(ip)),
                None => attempt.follow(),
            }
        });
        let client = reqwest::Client::builder()
            .dns_resolver(Arc::new(GuardedResolver { allow_private }))
            .redirect(policy)
            .connect_timeout(connect_timeout)
            .timeout(timeout)
            .user_agent(concat!("Slotbook/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| OutboundError::Failed(e.to_string()))?;
        Ok(Self {
            client,
            allow_private,
            max_body,
        })
    }

    /// The most body bytes read of an answer.
    pub fn max_body(&self) -> usize {
        self.max_body
    }

    /// POSTs `body` with `headers`; answers with the status and up to `max_body` bytes
    /// (a longer body is cut, since callers here only need the status).
    pub async fn post(
        &self,
        url: &str,
        headers: &[(&str, String)],
        body: String,
    ) -> Result<OutboundResponse, OutboundError> {
        let url = url::Url::parse(url).map_err(|_| OutboundError::BadUrl)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(OutboundError::BadUrl);
        }
        if let Some(ip) = refused_literal(&url, self.allow_private) {
            return Err(OutboundError::PrivateAddress(ip));
        }
        let mut request = self.client.post(url).body(body);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let mut response = request.send().await.map_err(classify)?;
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            let room = self.max_body.saturating_sub(body.len());
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if chunk.len() > room {
                break;
            }
        }
        Ok(OutboundResponse { status, body })
    }
}

impl Outbound {
    /// Sends any method (GET, PROPFIND, REPORT, PUT, DELETE) with `headers` and an optional
    /// body, and reads the whole answer: unlike [`Outbound::post`], a body longer than
    /// `max_body` is an error ([`OutboundError::TooLarge`]), because a document cut short
    /// would be read wrong. Conditional requests are the caller's headers
    /// (`If-None-Match`, `If-Modified-Since`); a 304 comes back as such.
    pub async fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, String)],
        body: Option<String>,
    ) -> Result<FullResponse, OutboundError> {
        let url = url::Url::parse(url).map_err(|_| OutboundError::BadUrl)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(OutboundError::BadUrl);
        }
        if let Some(ip) = refused_literal(&url, self.allow_private) {
            return Err(OutboundError::PrivateAddress(ip));
        }
        let method =
            reqwest::Method::from_bytes(method.as_bytes()).map_err(|_| OutboundError::BadUrl)?;
        let mut request = self.client.request(method, url);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        if let Some(body) = body {
            request = request.body(body);
        }
        let mut response = request.send().await.map_err(classify)?;
        if response
            .content_length()
            .is_some_and(|length| length > self.max_body as u64)
        {
            return Err(OutboundError::TooLarge(self.max_body));
        }
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > self.max_body {
                return Err(OutboundError::TooLarge(self.max_body));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(FullResponse {
            status,
            headers,
            body,
        })
    }
}

/// The useful part of reqwest's error: our own refusals come back out of its sources.
fn classify(error: reqwest::Error) -> OutboundError {
    if error.is_timeout() {
        return OutboundError::Timeout;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(cause) = source {
        if let Some(ours) = cause.downcast_ref::<OutboundError>() {
            return match ours {
                OutboundError::PrivateAddress(host) => OutboundError::PrivateAddress(host.clone()),
                OutboundError::TooManyRedirects => OutboundError::TooManyRedirects,
                other => OutboundError::Failed(other.to_string()),
            };
        }
        source = cause.source();
    }
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(&error);
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    OutboundError::Failed(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_reachable_by_default() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "224.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "93.184.216.34",
            "2606:2800:220:1:248:1893:25c8:1946",
            "1.1.1.1",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn ip_literals_are_checked_before_connecting() {
        let url = url::Url::parse("http://127.0.0.1:8080/x").unwrap();
        assert_eq!(refused_literal(&url, false).as_deref(), Some("127.0.0.1"));
        assert_eq!(refused_literal(&url, true), None);
        let name = url::Url::parse("http://localhost/x").unwrap();
        assert_eq!(
            refused_literal(&name, false),
            None,
            "names are checked after resolution"
        );
    }

    #[tokio::test]
    async fn a_name_that_resolves_to_loopback_is_refused() {
        let client =
            Outbound::new(false, Duration::from_secs(2), Duration::from_secs(2), 1024).unwrap();
        let refused = client
            .post("http://localhost:9/hook", &[], String::new())
            .await;
        assert!(
            matches!(refused, Err(OutboundError::PrivateAddress(_))),
            "{refused:?}"
        );
        let literal = client.post("http://[::1]:9/hook", &[], String::new()).await;
        assert!(
            matches!(literal, Err(OutboundError::PrivateAddress(_))),
            "{literal:?}"
        );
    }
}
