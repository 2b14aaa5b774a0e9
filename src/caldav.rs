//! CalDAV discovery (RFC 4791 and RFC 5397): from the server URL a user types, find the
//! calendars of the account — PROPFIND `current-user-principal` on the URL, then
//! `calendar-home-set` on the principal, then the home's children that are calendars.
//! Every request goes through the one outbound client (its address rules, timeout and size
//! limit). A refused password is its own error so the form can say so at save time; the
//! password is only ever put in the `Authorization` header, never in an error or a log.
//!
//! Reading a calendar for busy times: its change tag first (`CS:getctag`, or the
//! `DAV:sync-token` where offered), so an unchanged calendar costs one small request;
//! otherwise a `calendar-query` REPORT with a time range over the booking window, whose
//! objects are merged into one iCalendar document for `domain::ical`. Writing bookings
//! back: PUT and DELETE of one object.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Utc};

use crate::outbound::{Outbound, OutboundError};

const DAV: &str = "DAV:";
const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";
const CALENDARSERVER: &str = "http://calendarserver.org/ns/";

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

/// The calendar's change tag (`CS:getctag`, else `DAV:sync-token`); `None` when the
/// server offers neither, and then every refresh reads the events.
pub async fn change_tag(
    client: &Outbound,
    calendar: &url::Url,
    account: &Account<'_>,
) -> Result<Option<String>, CaldavError> {
    let body = propfind(
        client,
        calendar,
        account,
        "0",
        r#"<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/><d:sync-token/></d:prop></d:propfind>"#,
    )
    .await?;
    let Ok(document) = roxmltree::Document::parse(&body) else {
        return Err(CaldavError::NotCaldav("unreadable answer"));
    };
    let text = |ns: &str, name: &str| {
        document
            .descendants()
            .find(|node| is(node, ns, name))
            .and_then(|node| node.text())
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(|text| format!("{name}:{text}"))
    };
    Ok(text(CALENDARSERVER, "getctag").or_else(|| text(DAV, "sync-token")))
}

/// The calendar's events that overlap `from..to`, merged into one iCalendar document.
pub async fn events_between(
    client: &Outbound,
    calendar: &url::Url,
    account: &Account<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<String, CaldavError> {
    const STAMP: &str = "%Y%m%dT%H%M%SZ";
    let query = format!(
        r#"<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:time-range start="{}" end="{}"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>"#,
        from.format(STAMP),
        to.format(STAMP)
    );
    let body = dav_request(client, "REPORT", calendar, account, "1", &query).await?;
    let document = roxmltree::Document::parse(&body)
        .map_err(|_| CaldavError::NotCaldav("unreadable answer"))?;
    let objects = document
        .descendants()
        .filter(|node| is(node, CALDAV, "calendar-data"))
        .filter_map(|node| node.text());
    Ok(merge_calendars(objects))
}

/// One VCALENDAR holding the components of every object (events and the zones they
/// name); the objects' own calendar properties are left out.
fn merge_calendars<'a>(objects: impl Iterator<Item = &'a str>) -> String {
    let mut merged =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Slotbook//CalDAV//EN\r\n");
    for object in objects {
        let mut depth = 0usize;
        for line in object.lines() {
            let line = line.trim_end_matches('\r');
            let upper = line.to_ascii_uppercase();
            if upper.starts_with("BEGIN:") {
                depth += 1;
            }
            if depth >= 2 {
                merged.push_str(line);
                merged.push_str("\r\n");
            }
            if upper.starts_with("END:") {
                depth = depth.saturating_sub(1);
            }
        }
    }
    merged.push_str("END:VCALENDAR\r\n");
    merged
}

/// Stores (creates or replaces) the object at `url`.
pub async fn put_object(
    client: &Outbound,
    url: &url::Url,
    account: &Account<'_>,
    ics: String,
) -> Result<(), CaldavError> {
    let headers = [
        ("Authorization", account.authorization()),
        ("Content-Type", "text/calendar; charset=utf-8".to_owned()),
    ];
    let response = client
        .send("PUT", url.as_str(), &headers, Some(ics))
        .await?;
    match response.status {
        200..=299 => Ok(()),
        401 | 403 => Err(CaldavError::Unauthorized),
        other => Err(CaldavError::Status(other)),
    }
}

/// Deletes the object at `url`; one that is already gone is fine.
pub async fn delete_object(
    client: &Outbound,
    url: &url::Url,
    account: &Account<'_>,
) -> Result<(), CaldavError> {
    let headers = [("Authorization", account.authorization())];
    let response = client.send("DELETE", url.as_str(), &headers, None).await?;
    match response.status {
        200..=299 | 404 | 410 => Ok(()),
        401 | 403 => Err(CaldavError::Unauthorized),
        other => Err(CaldavError::Status(other)),
    }
}

async fn propfind(
    client: &Outbound,
    url: &url::Url,
    account: &Account<'_>,
    depth: &str,
    body: &str,
) -> Result<String, CaldavError> {
    dav_request(client, "PROPFIND", url, account, depth, body).await
}

/// A WebDAV request with an XML body that answers a multistatus (207).
async fn dav_request(
    client: &Outbound,
    method: &str,
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
            method,
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

    #[test]
    fn objects_merge_into_one_calendar_with_their_events_and_zones() {
        let a = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:a\r\nBEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:1\r\nDESCRIPTION:long\r\n  folded\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let b = "BEGIN:VCALENDAR\nPRODID:b\nBEGIN:VEVENT\nUID:2\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n";
        let merged = merge_calendars([a, b].into_iter());
        assert_eq!(merged.matches("BEGIN:VCALENDAR").count(), 1);
        assert_eq!(merged.matches("BEGIN:VEVENT").count(), 2);
        assert!(
            merged.contains("TZID:X")
                && merged.contains("  folded")
                && merged.contains("END:VALARM")
        );
        assert!(!merged.contains("PRODID:a") && !merged.contains("PRODID:b"));
        assert!(merged.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }
}
