//! What the dashboard shows about the provider's calendar: the next free times of each
//! active service, and today's and upcoming bookings, all in the provider's zone.

use chrono::TimeDelta;

use crate::db::models::availability::load_schedule;
use crate::db::models::users::User;
use crate::db::models::{bookings, services, team_services};
use crate::domain::availability::{free_slots, TimeRange};
use crate::domain::time::local_date;
use crate::error::AppResult;
use crate::routes::bookings::service_label;
use crate::state::AppState;
use crate::views::accounts::{Overview, ServicePreview, UpcomingBooking};

const PREVIEW_SLOTS: usize = 5;

/// Looks two weeks ahead for free times: enough for a preview, cheap to compute.
pub async fn overview(state: &AppState, user: &User) -> AppResult<Overview> {
    let tz = user.timezone.tz();
    let (provider, now) = (user.id, state.now());
    let range = TimeRange::new(now, now + TimeDelta::days(14));
    let (previews, upcoming, labels) = state
        .db(move |conn| {
            let all = services::list_for_provider(conn, provider)?;
            let mut previews = Vec::new();
            for service in all.iter().filter(|s| s.is_active) {
                let schedule = load_schedule(conn, tz, service, range, None, now)?;
                let mut slots = free_slots(&schedule.input(now), range);
                slots.truncate(PREVIEW_SLOTS);
                previews.push((service.clone(), slots));
            }
            // Every booking the provider hosts, as the bookings list shows them: a co-host
            // of a collective team booking sees it too.
            let upcoming = bookings::upcoming_hosted(conn, provider, now, 20)?;
            let ids: Vec<_> = upcoming.iter().map(|b| b.service_id).collect();
            let labels = team_services::labels(conn, &ids)?;
            Ok((previews, upcoming, labels))
        })
        .await?;
    let today = local_date(now, tz);
    Ok(Overview {
        timezone: tz.name().to_owned(),
        services: previews
            .into_iter()
            .map(|(service, slots)| ServicePreview {
                href: format!("/{}/{}", user.username, service.slug),
                name: service.name,
                next: slots
                    .iter()
                    .map(|s| crate::i18n::format::datetime_short(*s, tz))
                    .collect(),
            })
            .collect(),
        upcoming: upcoming
            .iter()
            .map(|b| UpcomingBooking {
                id: b.id.to_string(),
                when: crate::i18n::format::datetime_medium(b.start_at, tz),
                today: local_date(b.start_at, tz) == today,
                service: service_label(&labels, b.service_id),
                guest: b.guest_name.clone(),
                status: b.status().as_str().to_owned(),
                status_label: b.status().label().to_owned(),
            })
            .collect(),
    })
}
