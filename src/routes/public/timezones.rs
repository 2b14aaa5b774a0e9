//! The timezone picker of the month page: a short list (the zone shown, the provider's and
//! common zones) in the page, and every zone on `/{username}/{slug}/timezones`, each a plain
//! link back to the month page in that zone, so the picker works without JavaScript while
//! the month page stays small.

use actix_web::{get, web, HttpResponse};

use super::calendar::CalendarQuery;
use super::{display_name, provider_and_service};
use crate::domain::time::Timezone;
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::public::{TimezoneLink, TimezoneRegion, TimezonesPage};
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(all);
}

/// Zones most guests are in, one or two per populous region, west to east.
const COMMON_ZONES: &[&str] = &[
    "UTC",
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
    "America/Mexico_City",
    "America/Bogota",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "Europe/London",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Istanbul",
    "Europe/Moscow",
    "Africa/Lagos",
    "Africa/Cairo",
    "Africa/Johannesburg",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Manila",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Australia/Perth",
    "Australia/Sydney",
    "Pacific/Auckland",
];

/// The options of the month page's picker: the zone shown, the provider's, then the common
/// ones, each once.
pub fn picker_zones(shown: &'static str, provider: &'static str) -> Vec<&'static str> {
    let mut zones = vec![shown];
    for zone in std::iter::once(provider).chain(COMMON_ZONES.iter().copied()) {
        if !zones.contains(&zone) {
            zones.push(zone);
        }
    }
    zones
}

/// The month page's query without `tz`, to append to each zone's link.
fn carried(query: &CalendarQuery) -> String {
    [
        ("month", &query.month),
        ("date", &query.date),
        ("reschedule", &query.reschedule),
    ]
    .iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(name, value)| format!("&{name}={}", urlencoding::encode(value)))
    .collect()
}

#[get("/{username}/{slug}/timezones")]
async fn all(
    state: web::Data<AppState>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    query: web::Query<CalendarQuery>,
) -> AppResult<HttpResponse> {
    let (username, slug) = path.into_inner();
    let (user, service) = provider_and_service(&state, &username, &slug).await?;
    let base = format!("/{}/{}", user.username, service.slug);
    let rest = carried(&query);
    let mut regions: Vec<TimezoneRegion> = Vec::new();
    for &name in Timezone::all_names() {
        let region = name.split_once('/').map_or("Other", |(area, _)| area);
        let link = TimezoneLink {
            name,
            href: format!("{base}?tz={}{rest}", urlencoding::encode(name)),
        };
        match regions.last_mut() {
            Some(last) if last.name == region => last.zones.push(link),
            _ => regions.push(TimezoneRegion {
                name: region,
                zones: vec![link],
            }),
        }
    }
    Ok(page(&TimezonesPage {
        ctx,
        provider_name: display_name(&user),
        service_name: service.name.clone(),
        back_href: format!("{base}?{}", rest.trim_start_matches('&')),
        regions,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shown_and_the_providers_zone_lead_each_once() {
        let zones = picker_zones("Asia/Kathmandu", "Europe/Berlin");
        assert_eq!(&zones[..3], ["Asia/Kathmandu", "Europe/Berlin", "UTC"]);
        assert_eq!(zones.iter().filter(|z| **z == "Europe/Berlin").count(), 1);
        let same = picker_zones("UTC", "UTC");
        assert_eq!(same.len(), COMMON_ZONES.len());
    }

    #[test]
    fn common_zones_are_picker_names() {
        for zone in COMMON_ZONES {
            assert!(Timezone::all_names().contains(zone), "{zone}");
        }
    }
}
