//! `/{username}/{slug}`: a month calendar in the guest's timezone with the days that have
//! free times, and the free times of a chosen day. `?tz=`, `?month=YYYY-MM` and
//! `?date=YYYY-MM-DD` make every view a plain link.

use std::sync::Arc;

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{get, web, HttpResponse};
use askama::Template;
use bytes::Bytes;
use chrono::{DateTime, Datelike, Months, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

use super::{display_name, price_label, provider_tz};
use crate::db::models::availability::{
    load_schedule_cached, schedule_under_version, service_rules, Schedule,
};
use crate::db::models::service_pages::{
    self, Found, ProviderService, ServicePageCache, ViewKey, VIEW_LIFETIME,
};
use crate::db::models::services::Service;
use crate::db::models::teams::Team;
use crate::domain::availability::{
    free_slots, group_by_local_date, listing_unchanged_until, TimeRange,
};
use crate::domain::time::{
    local_date, parse_date, parse_month, start_of_local_day, DateInputError, Timezone,
};
use crate::error::{AppError, AppResult};
use crate::routes::compression::{self, Coding};
use crate::state::AppState;
use crate::views::public::{DayCell, ServicePage, SlotLink};
use crate::views::{html, page, render_failed, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show);
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CalendarQuery {
    #[serde(default)]
    pub(super) tz: String,
    #[serde(default)]
    pub(super) month: String,
    #[serde(default)]
    pub(super) date: String,
    #[serde(default)]
    pub(super) reschedule: String,
    /// Team pages: the host the guest chose ("any available" without it).
    #[serde(default)]
    pub(super) host: String,
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
            crate::i18n::t2(
                "tz-unknown",
                "tz",
                requested
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(60)
                    .collect::<String>(),
                "zone",
                fallback.name(),
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
        Err(error @ DateInputError::OutOfRange) => {
            Err(AppError::BadRequest(error.text().to_string()))
        }
        Err(_) => Ok(None),
    }
}

struct Links<'a> {
    base: String,
    tz: &'a str,
    /// `&reschedule=…` (while moving a booking) or `&host=…` carried through every link.
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
    mut ctx: PageContext,
    req: actix_web::HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<CalendarQuery>,
) -> AppResult<HttpResponse> {
    let (username, slug) = path.into_inner();
    let now = state.now();
    let view = keepable(&ctx, &query).then(|| Wanted {
        key: ViewKey {
            address: req.uri().to_string(),
            locale: crate::i18n::locale(),
        },
        // Sessions and private areas have lost their `Accept-Encoding` by now (BREACH).
        coding: req
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|value| value.to_str().ok())
            .and_then(compression::preferred_coding),
    });
    let (page, prefetched, version) =
        match named(&state, &username, &slug, &query, view.as_ref(), now).await? {
            // A team's handle: the same month page over the team service's hosts.
            Named::Team(team) => {
                return super::team::calendar(&state, ctx, team, &slug, &query).await
            }
            Named::Kept(page, body, coding) => {
                super::look::wear(&req, &mut ctx, &page.user, &page.look);
                let mut response = html(StatusCode::OK, body);
                let headers = response.headers_mut();
                headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
                if let Some(coding) = coding {
                    headers.insert(
                        header::CONTENT_ENCODING,
                        HeaderValue::from_static(coding.token()),
                    );
                }
                return Ok(response);
            }
            Named::Service(page, schedule, version) => (page, schedule, version),
        };
    let (user, service) = (&page.user, &page.service);
    super::look::wear(&req, &mut ctx, user, &page.look);
    let moving = match super::book::reschedule_link(&state, &query.reschedule, service).await? {
        Ok(moving) => moving,
        Err(dead) => return Ok(crate::routes::booking_links::dead_page(ctx, dead)),
    };
    let window = MonthWindow::new(&query, provider_tz(user), now, service.max_days_ahead)?;
    let tz = window.tz;
    let moving_id = moving.as_ref().map(|link| link.booking.id);
    let moving_label = moving.as_ref().map(|link| {
        format!(
            "{} on {} ({})",
            service.name,
            super::long_local(link.booking.start_at, tz),
            tz.name()
        )
    });
    let open = user.can_take_bookings();
    let range = window.range;
    let mut next_lapse = None;
    let slots = if open && range.start < range.end {
        let schedule = match prefetched {
            Some(schedule) => schedule,
            None => {
                let (service_row, provider_zone) = (service.clone(), provider_tz(user));
                let cache = Arc::clone(&state.schedules);
                state
                    .db(move |conn| {
                        load_schedule_cached(
                            conn,
                            &cache,
                            provider_zone,
                            &service_row,
                            range,
                            moving_id,
                            now,
                        )
                    })
                    .await?
            }
        };
        next_lapse = schedule.next_lapse;
        free_slots(&schedule.input(now), range)
    } else {
        Vec::new()
    };
    let until = listing_unchanged_until(
        &slots,
        service_rules(service).min_notice_minutes,
        next_lapse,
        now,
        VIEW_LIFETIME,
    );
    let subject = MonthSubject {
        provider_name: display_name(user),
        provider_href: format!("/{}", user.username),
        base: format!("/{}/{}", user.username, service.slug),
        home_zone: provider_tz(user),
        open,
        closed_note: crate::i18n::t1("bookings-not-open", "provider", display_name(user)),
        carried: if query.reschedule.is_empty() {
            String::new()
        } else {
            format!("&reschedule={}", query.reschedule)
        },
        reschedule_param: query.reschedule.clone(),
        host_param: String::new(),
        hosts: Vec::new(),
        moving_label,
    };
    let template = month_template(ctx, service, subject, window, &slots);
    let (Some(view), Some(version)) = (view, version) else {
        return Ok(crate::views::page(&template));
    };
    let body = match template.render() {
        Ok(body) => Bytes::from(body),
        Err(error) => return Ok(render_failed(&error)),
    };
    if until > now && !template.ctx.csrf_token.is_made() {
        state.pages.keep_view(
            (&username.to_lowercase(), &slug.to_lowercase()),
            version,
            view.key,
            until,
            body.clone(),
        );
    }
    Ok(html(StatusCode::OK, body))
}

/// Whether this view of a month or day is the same for every visitor who asks for its
/// address in its locale, and so may be kept and served again: no one is signed in, no
/// message waits for this visitor, and no booking is being moved.
fn keepable(ctx: &PageContext, query: &CalendarQuery) -> bool {
    ctx.user.is_none() && ctx.flashes.is_empty() && query.reschedule.is_empty()
}

/// The view a keepable request asks for, and the content coding it takes.
#[derive(Clone)]
struct Wanted {
    key: ViewKey,
    coding: Option<Coding>,
}

/// What `/{handle}/{slug}` names.
enum Named {
    Team(Team),
    /// A view kept under the provider's current version, the page it belongs to, and the
    /// content coding of the body (none: plain HTML).
    Kept(Arc<ProviderService>, Bytes, Option<Coding>),
    /// An active provider's active service with their look, when it could be read on the
    /// same connection the month's schedule, and the version both were read under.
    Service(Arc<ProviderService>, Option<Schedule>, Option<i64>),
}

/// What `/{handle}/{slug}` names, read on one connection (one checkout instead of one per
/// row), or 404. A page seen before costs one read, the provider's schedule version, which
/// also keeps the schedule rows current (see `service_pages`). Without a booking being
/// moved (almost every view) the month's schedule is read on that connection too; the
/// handler computes the same window again from the same values, and reads the schedule
/// itself when it was not read here.
async fn named(
    state: &AppState,
    handle: &str,
    slug: &str,
    query: &CalendarQuery,
    view: Option<&Wanted>,
    now: DateTime<Utc>,
) -> AppResult<Named> {
    let (handle, slug) = (handle.to_lowercase(), slug.to_lowercase());
    let (query, view) = (query.clone(), view.cloned());
    let (schedules, pages) = (Arc::clone(&state.schedules), Arc::clone(&state.pages));
    state
        .db(move |conn| {
            let (page, version) = match service_pages::find(conn, &pages, &handle, &slug)? {
                Found::Team(team) => return Ok(Some(Named::Team(team))),
                Found::NotFound => return Ok(None),
                Found::Service { page, version } => (page, version),
            };
            if let Some((wanted, version)) = view.as_ref().zip(version) {
                if let Some(kept) = kept_view(&pages, (&handle, &slug), version, wanted, now) {
                    return Ok(Some(Named::Kept(page, kept.0, kept.1)));
                }
            }
            let zone = provider_tz(&page.user);
            let window = MonthWindow::new(&query, zone, now, page.service.max_days_ahead).ok();
            let schedule = match window {
                Some(w)
                    if query.reschedule.is_empty()
                        && page.user.can_take_bookings()
                        && w.range.start < w.range.end =>
                {
                    Some(schedule_under_version(
                        conn,
                        &schedules,
                        version,
                        zone,
                        &page.service,
                        w.range,
                        None,
                        now,
                    )?)
                }
                _ => None,
            };
            Ok(Some(Named::Service(page, schedule, version)))
        })
        .await?
        .ok_or(AppError::NotFound)
}

/// The kept view `wanted` of a page under `version`, in the coding it asks for when it can
/// be had (compressed now, on this blocking thread, and kept beside the view), else plain.
fn kept_view(
    pages: &ServicePageCache,
    page: (&str, &str),
    version: i64,
    wanted: &Wanted,
    now: DateTime<Utc>,
) -> Option<(Bytes, Option<Coding>)> {
    let kept = pages.view(
        page,
        version,
        &wanted.key,
        wanted.coding.map(Coding::token),
        now,
    )?;
    let Some(coding) = wanted.coding else {
        return Some((kept.body, None));
    };
    if let Some(encoded) = kept.encoded {
        return Some((encoded, Some(coding)));
    }
    match compression::encode(coding, &kept.body) {
        Ok(encoded) => {
            let encoded = Bytes::from(encoded);
            pages.keep_encoded(page, version, &wanted.key, coding.token(), encoded.clone());
            Some((encoded, Some(coding)))
        }
        Err(error) => {
            let coding = coding.token();
            tracing::warn!(%error, coding, "compressing a kept view failed; answering it plain");
            Some((kept.body, None))
        }
    }
}

/// Who a month page is for and what its links carry.
pub(super) struct MonthSubject {
    pub provider_name: String,
    pub provider_href: String,
    /// `/{handle}/{slug}`: every link of the page starts here.
    pub base: String,
    /// The zone shown when the guest has not chosen one.
    pub home_zone: Tz,
    pub open: bool,
    /// Why a closed page takes no bookings yet, in the page's language.
    pub closed_note: String,
    /// Query text carried through every link (`&reschedule=…`, `&host=…`).
    pub carried: String,
    pub reschedule_param: String,
    pub host_param: String,
    /// Team pages: "any available" and each host, as links.
    pub hosts: Vec<SlotLink>,
    pub moving_label: Option<String>,
}

/// The month a page shows and the UTC range its free times are computed over.
pub(super) struct MonthWindow {
    pub tz: Tz,
    tz_explicit: bool,
    tz_notice: String,
    month: NaiveDate,
    first_month: NaiveDate,
    last_month: NaiveDate,
    next_month: NaiveDate,
    selected: Option<NaiveDate>,
    pub range: TimeRange,
}

impl MonthWindow {
    pub(super) fn new(
        query: &CalendarQuery,
        home_zone: Tz,
        now: DateTime<Utc>,
        max_days_ahead: i32,
    ) -> AppResult<MonthWindow> {
        let (tz, tz_explicit, tz_notice) = guest_zone(&query.tz, home_zone);
        let today = local_date(now, tz);
        let window_end = now + TimeDelta::days(i64::from(max_days_ahead));
        let first_month = first_of_month(today);
        let last_month = first_of_month(local_date(window_end - TimeDelta::seconds(1), tz));
        let selected = optional_date(&query.date, parse_date)?;
        let month = optional_date(&query.month, parse_month)?
            .or(selected.map(first_of_month))
            .unwrap_or(first_month)
            .clamp(first_month, last_month);
        let next_month = month + Months::new(1);
        let range = TimeRange::new(
            start_of_local_day(month, tz).max(now),
            start_of_local_day(next_month, tz).min(window_end),
        );
        Ok(MonthWindow {
            tz,
            tz_explicit,
            tz_notice,
            month,
            first_month,
            last_month,
            next_month,
            selected,
            range,
        })
    }
}

/// The month page of `service` with `slots` (free starts in `window.range`).
pub(super) fn month_page(
    ctx: PageContext,
    service: &Service,
    subject: MonthSubject,
    window: MonthWindow,
    slots: &[DateTime<Utc>],
) -> HttpResponse {
    page(&month_template(ctx, service, subject, window, slots))
}

/// The template of [`month_page`].
fn month_template(
    ctx: PageContext,
    service: &Service,
    subject: MonthSubject,
    window: MonthWindow,
    slots: &[DateTime<Utc>],
) -> ServicePage {
    let MonthWindow {
        tz,
        month,
        first_month,
        last_month,
        next_month,
        ..
    } = window;
    let by_day = group_by_local_date(slots, tz);
    let tz_name = tz.name();
    let links = Links {
        base: subject.base.clone(),
        tz: tz_name,
        reschedule: subject.carried.clone(),
    };
    // A date asked for in this month is shown even when it has no free times; otherwise the
    // first day with free times is, so a guest sees bookable times in one request.
    let asked = window.selected.filter(|d| first_of_month(*d) == month);
    let selected = asked.or_else(|| by_day.keys().next().copied());
    let mut weeks = Vec::new();
    let mut week = Vec::new();
    let week_days = crate::i18n::format::week();
    let date_long = crate::i18n::format::date_long_each();
    let leading =
        (7 + month.weekday().num_days_from_monday() - week_days[0].num_days_from_monday()) % 7;
    for _ in 0..leading {
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
            label: date_long(day),
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
                    time: crate::i18n::format::time_at(start, tz),
                    href: links.slot(start),
                })
                .collect()
        })
        .unwrap_or_default();
    ServicePage {
        ctx,
        provider_name: subject.provider_name,
        provider_href: subject.provider_href,
        service_name: service.name.clone(),
        description: service.description.clone(),
        duration_minutes: service.duration_minutes,
        price: price_label(service),
        location: service.location.clone(),
        bookings_open: subject.open,
        closed_note: subject.closed_note,
        tz_notice: window.tz_notice,
        timezone: tz_name.to_owned(),
        timezones: super::timezones::picker_zones(tz_name, subject.home_zone.name()),
        timezones_href: format!(
            "{}/timezones?{}",
            links.base,
            links.carried_query(month, asked)
        ),
        tz_explicit: window.tz_explicit,
        month_param: month.format("%Y-%m").to_string(),
        date_param: asked.map(|d| d.to_string()).unwrap_or_default(),
        reschedule_param: subject.reschedule_param,
        host_param: subject.host_param,
        hosts: subject.hosts,
        month_label: crate::i18n::format::month_year(month),
        weeks,
        prev_href: (month > first_month).then(|| links.view(month - Months::new(1), None)),
        next_href: (month < last_month).then(|| links.view(next_month, None)),
        selected_label: selected.map(&date_long).unwrap_or_default(),
        slots: day_slots,
        has_any_slot: !by_day.is_empty(),
        rescheduling: subject.moving_label,
    }
}
