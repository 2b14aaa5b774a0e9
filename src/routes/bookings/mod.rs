//! The provider's bookings: the filtered list with paging and CSV export, one booking's
//! page with its audit trail and actions, and the secret ICS feed.

mod detail;
mod feed;
mod list;

use actix_web::web;
use uuid::Uuid;

use crate::db::models::team_services::ServiceLabel;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(list::configure)
        .configure(detail::configure)
        .configure(feed::configure);
}

/// A booking history entry's kind in words; kinds without words yet read as stored.
pub(crate) fn event_label(kind: &str) -> String {
    const WORDED: [&str; 13] = [
        "created",
        "confirmed",
        "approved",
        "rescheduled",
        "cancelled",
        "declined",
        "expired",
        "completed",
        "no_show",
        "moved",
        "arrived",
        "reminder_sent",
        crate::domain::privacy::ERASED_EVENT,
    ];
    if WORDED.contains(&kind) {
        crate::i18n::tk("event", kind)
    } else {
        kind.replace('_', " ")
    }
}

/// What the provider's pages call a booking's service: its name, and for a team booking
/// the team's name before it ("Riverside Clinic · Check-up").
pub(crate) fn service_label(labels: &[ServiceLabel], service_id: Uuid) -> String {
    match labels.iter().find(|l| l.service_id == service_id) {
        Some(ServiceLabel {
            name,
            team: Some(team),
            ..
        }) => format!("{team} \u{00b7} {name}"),
        Some(label) => label.name.clone(),
        None => String::new(),
    }
}
