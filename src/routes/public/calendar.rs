//! `/{username}/{slug}`: a month calendar in the guest's timezone with the days that have
//! free times, and the free times of a chosen day. `?tz=`, `?month=YYYY-MM` and
//! `?date=YYYY-MM-DD` make every view a plain link.

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Datelike, Months, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

use super::{display_name, price_label, provider_and_service, provider_tz};
use crate::db::models::availability::load_schedule;
use crate::domain::availability::{free_slots, group_by_local_date, TimeRange};
use crate::domain::time::{
    local_date, parse_date, parse_month, start_of_local_day, DateInputError, Timezone,
};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::views::public::{DayCell, ServicePage, SlotLink};
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show);
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CalendarQuery {
    #[serde(default)]
    tz: String,
    #[serde(default)]
    pub(super) month: String,
    #[serde(default)]
    pub(super) date: String,
    #[serde(default)]
    pub(super) reschedule: String,
}

/// The guest's zone: `?tz=` when valid, else the provider's, with a notice for a bad one.
pub fn guest_zone(requested: &str, fallback: Tz) -> (Tz, bool, String) {
    if requested.is_empty() {
        return (fallback, false, String::new());
    }
    match Timezone::parse(requested) {
        Ok(zone) => (zone.tz(), true, String::new()),
        Err(_) => (
            fallback,
            false,
            format!(
                "We do not know the timezone \"{}\", so times are shown in {}.",
                requested
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(60)
                    .collect::<String>(),
                fallback.name()
            ),
        ),
    }
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// An optional `?month=` or `?date=` value: absent or unreadable is `None` (the page shows
/// the default month, as for a mangled link); a date outside the accepted span is refused.
fn optional_date(
    text: &str,
    parse: fn(&str) -> Result<NaiveDate, DateInputError>,
) -> AppResult<Option<NaiveDate>> {
    match parse(text) {
        Ok(date) => Ok(Some(date)),
        Err(error @ DateInputError::OutOfRange) => Err(AppError::BadRequest(error.to_string())),
        Err(_) => Ok(None),
    }
}

struct Links<'a> {
    base: String,
    tz: &'a str,
    /// `&reschedule=…` carried through every link while moving a booking.
    reschedule: String,
}

impl Links<'_> {
    fn view(&self, month: NaiveDate, date: Option<NaiveDate>) -> String {
        let mut href = format!(
            "{}?tz={}&month={}",
            self.base,
            urlencoding::encode(self.tz),
            month.format("%Y-%m")
        );
        href.push_str(&self.reschedule);
        if let Some(date) = date {
            href.push_str(&format!("&date={date}#slots"));
        }
        href
    }

    /// `month=…[&date=…][&reschedule=…]`, for the timezones page to carry back.
    fn carried_query(&self, month: NaiveDate, date: Option<NaiveDate>) -> String {
        let mut query = format!("month={}", month.format("%Y-%m"));
        if let Some(date) = date {
            query.push_str(&format!("&date={date}"));
        }
        query.push_str(&self.reschedule);
        query
    }

    fn slot(&self, start: DateTime<Utc>) -> String {
        format!(
            "{}/book?start={}&tz={}{}",
            self.base,
            start.timestamp(),
            urlencoding::encode(self.tz),
            self.reschedule
        )
    }
}

#[get("/{username}/{slug}")]
async fn show(
    state: web::Data<AppState>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    query: web::Query<CalendarQuery>,
) -> AppResult<HttpResponse> {
    let (username, slug) = path.into_inner();
    let (user, service) = provider_and_service(&state, &username, &slug).await?;
    let moving = match super::book::reschedule_link(&state, &query.reschedule, &service).await? {
        Ok(moving) => moving,
        Err(dead) => return Ok(crate::routes::booking_links::dead_page(ctx, dead)),
    };
    let (tz, tz_explicit, tz_notice) = guest_zone(&query.tz, provider_tz(&user));
    let moving_id = moving.as_ref().map(|link| link.booking.id);
    let moving_label = moving.as_ref().map(|link| {
        format!(
            "{} on {} ({})",
            service.name,
            super::long_local(link.booking.start_at, tz),
            tz.name()
        )
    });
    let now = state.now();
    let today = local_date(now, tz);
    let window_end = now + TimeDelta::days(i64::from(service.max_days_ahead));
    let first_month = first_of_month(today);
    let last_month = first_of_month(local_date(window_end - TimeDelta::seconds(1), tz));
    let selected = optional_date(&query.date, parse_date)?;
    let month = optional_date(&query.month, parse_month)?
        .or(selected.map(first_of_month))
        .unwrap_or(first_month)
        .clamp(first_month, last_month);
    let next_month = month + Months::new(1);

    let open = user.can_take_bookings();
    let range = TimeRange::new(
        start_of_local_day(month, tz).max(now),
        start_of_local_day(next_month, tz).min(window_end),
    );
    let slots = if open && range.start < range.end {
        let (service_row, provider_zone) = (service.clone(), provider_tz(&user));
        let schedule = state
            .db(move |conn| load_schedule(conn, provider_zone, &service_row, range, moving_id, now))
            .await?;
        free_slots(&schedule.input(now), range)
    } else {
        Vec::new()
    };
    let by_day = group_by_local_date(&slots, tz);

    let tz_name = tz.name();
    let links = Links {
        base: format!("/{}/{}", user.username, service.slug),
        tz: tz_name,
        reschedule: if query.reschedule.is_empty() {
            String::new()
        } else {
            format!("&reschedule={}", query.reschedule)
        },
    };
    // A date asked for in this month is shown even when it has no free times; otherwise the
    // first day with free times is, so a guest sees bookable times in one request.
    let asked = selected.filter(|d| first_of_month(*d) == month);
    let selected = asked.or_else(|| by_day.keys().next().copied());
    let mut weeks = Vec::new();
    let mut week = Vec::new();
    for _ in 0..month.weekday().num_days_from_monday() {
        week.push(DayCell {
            day: 0,
            label: String::new(),
            href: None,
            selected: false,
        });
    }
    let mut day = month;
    while day < next_month {
        week.push(DayCell {
            day: day.day(),
            label: day.format("%A, %-d %B %Y").to_string(),
            href: by_day
                .contains_key(&day)
                .then(|| links.view(month, Some(day))),
            selected: Some(day) == selected,
        });
        if week.len() == 7 {
            weeks.push(std::mem::take(&mut week));
        }
        day = day.succ_opt().unwrap_or(next_month);
    }
    if !week.is_empty() {
        while week.len() < 7 {
            week.push(DayCell {
                day: 0,
                label: String::new(),
                href: None,
                selected: false,
            });
        }
        weeks.push(week);
    }
    let day_slots = selected
        .and_then(|d| by_day.get(&d))
        .map(|starts| {
            starts
                .iter()
                .map(|&start| SlotLink {
                    time: start.with_timezone(&tz).format("%H:%M").to_string(),
                    href: links.slot(start),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(page(&ServicePage {
        ctx,
        provider_name: display_name(&user),
        provider_href: format!("/{}", user.username),
        service_name: service.name.clone(),
        description: service.description.clone(),
        duration_minutes: service.duration_minutes,
        price: price_label(&service),
        location: service.location.clone(),
        bookings_open: open,
        tz_notice,
        timezone: tz_name.to_owned(),
        timezones: super::timezones::picker_zones(tz_name, provider_tz(&user).name()),
        timezones_href: format!(
            "{}/timezones?{}",
            links.base,
            links.carried_query(month, asked)
        ),
        tz_explicit,
        month_param: month.format("%Y-%m").to_string(),
        date_param: asked.map(|d| d.to_string()).unwrap_or_default(),
        reschedule_param: query.reschedule.clone(),
        month_label: month.format("%B %Y").to_string(),
        weeks,
        prev_href: (month > first_month).then(|| links.view(month - Months::new(1), None)),
        next_href: (month < last_month).then(|| links.view(next_month, None)),
        selected_label: selected
            .map(|d| d.format("%A, %-d %B %Y").to_string())
            .unwrap_or_default(),
        slots: day_slots,
        has_any_slot: !by_day.is_empty(),
        rescheduling: moving_label,
    }))
}
