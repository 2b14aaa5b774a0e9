//! CalDAV discovery (RFC 4791 and RFC 5397): from the server URL a user types, find the
//! calendars of the account — PROPFIND `current-user-principal` on the URL, then
//! `calendar-home-set` on the principal, then the home's children that are calendars.
//! Every request goes through the one outbound client (its address rules, timeout and size
//! limit). A refused password is its own error so the form can say so at save time; the
//! password is only ever put in the `Authorization` header, never in an error or a log.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::outbound::{Outbound, OutboundError};

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

/// One calendar of the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Absolute URL of the collection, ending in `/`.
    pub url: String,
    /// Its display name, or the last part of its path when it has none.
    pub name: String,
}

/// Why discovery found no calendars.
#[derive(Debug, thiserror::Error)]
pub enum CaldavError {
    #[error("the server refused this user name and password")]
    Unauthorized,
    #[error("this address does not answer as a CalDAV server ({0})")]
    NotCaldav(&'static str),
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error(transparent)]
    Outbound(#[from] OutboundError),
}

/// The account a request is made as.
pub struct Account<'a> {
    pub user: &'a str,
    pub password: &'a str,
}

impl Account<'_> {
    fn authorization(&self) -> String {
        format!(
            "Basic {}",
            STANDARD.encode(format!("{}:{}", self.user, self.password))
        )
    }
}

/// Finds the account's calendars from the server URL.
pub async fn discover(
    client: &Outbound,
    server: &url::Url,
    account: &Account<'_>,
) -> Result<Vec<Calendar>, CaldavError> {
    let principal_body = propfind(
        client,
        server,
        account,
        "0",
        r#"<d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>"#,
    )
    .await?;
    let principal = first_href(&principal_body, DAV, "current-user-principal")
        .and_then(|href| server.join(&href).ok())
        .ok_or(CaldavError::NotCaldav("no current-user-principal"))?;

    let home_body = propfind(
        client,
        &principal,
        account,
        "0",
        r#"<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-home-set/></d:prop></d:propfind>"#,
    )
    .await?;
    let home = first_href(&home_body, CALDAV, "calendar-home-set")
        .and_then(|href| principal.join(&href).ok())
        .ok_or(CaldavError::NotCaldav("no calendar-home-set"))?;

    let listing = propfind(
        client,
        &home,
        account,
        "1",
        r#"<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:displayname/></d:prop></d:propfind>"#,
    )
    .await?;
    calendars_in(&listing, &home).ok_or(CaldavError::NotCaldav("unreadable calendar list"))
}

async fn propfind(
    client: &Outbound,
    url: &url::Url,
    account: &Account<'_>,
    depth: &str,
    body: &str,
) -> Result<String, CaldavError> {
    let headers = [
        ("Authorization", account.authorization()),
        ("Depth", depth.to_owned()),
        ("Content-Type", "application/xml; charset=utf-8".to_owned()),
    ];
    let response = client
        .send(
            "PROPFIND",
            url.as_str(),
            &headers,
            Some(format!(r#"<?xml version="1.0" encoding="utf-8"?>{body}"#)),
        )
        .await?;
    match response.status {
        207 => String::from_utf8(response.body).map_err(|_| CaldavError::NotCaldav("not UTF-8")),
        401 | 403 => Err(CaldavError::Unauthorized),
        other => Err(CaldavError::Status(other)),
    }
}

/// The text of the first `DAV:href` inside the first `<ns:name>` of a multistatus.
fn first_href(xml: &str, ns: &str, name: &str) -> Option<String> {
    let document = roxmltree::Document::parse(xml).ok()?;
    document
        .descendants()
        .filter(|node| is(node, ns, name))
        .find_map(|property| {
            property
                .descendants()
                .find(|node| is(node, DAV, "href"))
                .and_then(|href| href.text())
                .map(|text| text.trim().to_owned())
        })
}

/// The `response`s of a Depth 1 listing whose resource type is a CalDAV calendar.
fn calendars_in(xml: &str, base: &url::Url) -> Option<Vec<Calendar>> {
    let document = roxmltree::Document::parse(xml).ok()?;
    let calendars = document
        .descendants()
        .filter(|node| is(node, DAV, "response"))
        .filter_map(|response| {
            let href = response
                .children()
                .find(|node| is(node, DAV, "href"))?
                .text()?
                .trim();
            // Only properties the server found (status 200) describe the resource.
            let found: Vec<_> = response
                .children()
                .filter(|node| is(node, DAV, "propstat"))
                .filter(|propstat| {
                    propstat
                        .children()
                        .find(|node| is(node, DAV, "status"))
                        .and_then(|status| status.text())
                        .is_some_and(|status| status.contains(" 200"))
                })
                .collect();
            let is_calendar = found.iter().any(|propstat| {
                propstat
                    .descendants()
                    .filter(|node| is(node, DAV, "resourcetype"))
                    .any(|kind| kind.children().any(|node| is(&node, CALDAV, "calendar")))
            });
            if !is_calendar {
                return None;
            }
            let url = base.join(href).ok()?;
            let name = found
                .iter()
                .flat_map(|propstat| propstat.descendants())
                .find(|node| is(node, DAV, "displayname"))
                .and_then(|node| node.text())
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    url.path_segments()
                        .and_then(|mut parts| parts.rfind(|part| !part.is_empty()))
                        .unwrap_or_default()
                        .to_owned()
                });
            Some(Calendar {
                url: url.to_string(),
                name,
            })
        })
        .collect();
    Some(calendars)
}

fn is(node: &roxmltree::Node<'_, '_>, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_keeps_only_calendars_with_their_names() {
        let xml = r#"<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <response><href>/ada/</href><propstat><prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>
 <response><href>/ada/work/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype><displayname>Work</displayname></prop><status>HTTP/1.1 200 OK</status></propstat></response>
 <response><href>/ada/home/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat><propstat><prop><displayname/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>
 <response><href>/ada/contacts/</href><propstat><prop><resourcetype><collection/><addressbook xmlns="urn:ietf:params:xml:ns:carddav"/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>
</multistatus>"#;
        let base = url::Url::parse("http://cal.example/ada/").unwrap();
        let calendars = calendars_in(xml, &base).unwrap();
        assert_eq!(
            calendars,
            vec![
                Calendar {
                    url: "http://cal.example/ada/work/".into(),
                    name: "Work".into()
                },
                Calendar {
                    url: "http://cal.example/ada/home/".into(),
                    name: "home".into()
                },
            ]
        );
        assert!(calendars_in("<not xml", &base).is_none());
    }
}
