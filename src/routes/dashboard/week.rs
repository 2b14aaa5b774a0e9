//! `/dashboard/week` and `/dashboard/day`: the provider's bookings on a grid of hours, with
//! working hours shaded and time off marked. Server-rendered, no JavaScript, printable.

use actix_web::{get, web, HttpResponse};
use chrono::{Days, NaiveDate};
use chrono_tz::Tz;

use crate::auth::CurrentUser;
use crate::db::models::availability::{self as store, OverrideRow, RuleRow};
use crate::db::models::bookings::{self, Booking, BookingFilter};
use crate::db::models::team_services::{self, ServiceLabel};
use crate::domain::agenda::{week_grid, week_of, Grid};
use crate::domain::availability::{DateOverride, WeeklyRule};
use crate::domain::time::{local_date, parse_date, DateInputError, TimeRange};
use crate::error::{AppError, AppResult};
use crate::routes::bookings::service_label;
use crate::state::AppState;
use crate::views::week::{Block, CellView, DayHead, HourRow, WeekPage};
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(week_view).service(day_agenda);
}

/// More bookings than fit on a week: the grid would be unreadable long before.
const MAX_BOOKINGS: i64 = 2_000;

#[derive(Debug, Default, serde::Deserialize)]
struct DateQuery {
    #[serde(default)]
    date: String,
}

impl DateQuery {
    /// The asked date, or today in the provider's zone.
    fn date(&self, today: NaiveDate) -> AppResult<NaiveDate> {
        match self.date.trim() {
            "" => Ok(today),
            text => parse_date(text).map_err(|error| {
                AppError::BadRequest(match error {
                    DateInputError::OutOfRange => {
                        "Dates must lie between 1970 and 2199.".to_owned()
                    }
                    _ => "Dates must look like 2030-01-31.".to_owned(),
                })
            }),
        }
    }
}

/// Everything drawn on the grid of `dates`.
struct Week {
    rules: Vec<WeeklyRule>,
    overrides: Vec<DateOverride>,
    time_off: Vec<TimeRange>,
    bookings: Vec<Booking>,
    /// The bookings' services (a team booking's names its team).
    services: Vec<ServiceLabel>,
}

async fn load(state: &AppState, user: &CurrentUser, dates: &[NaiveDate]) -> AppResult<Week> {
    let tz = user.timezone.tz();
    let (Some(&first), Some(&last)) = (dates.first(), dates.last()) else {
        return Err(AppError::NotFound);
    };
    let range = TimeRange::local_dates(first, last, tz);
    let provider = user.id;
    let filter = BookingFilter {
        from: Some(range.start),
        to: Some(range.end),
        moves_as_one: true,
        ..BookingFilter::default()
    };
    let (rules, overrides, time_off, bookings, services) = state
        .db(move |conn| {
            let (bookings, _) =
                bookings::list_for_provider(conn, provider, &filter, 0, MAX_BOOKINGS)?;
            let ids: Vec<_> = bookings.iter().map(|b| b.service_id).collect();
            Ok((
                store::rules(conn, provider)?,
                store::overrides_from(conn, provider, first)?,
                store::upcoming_time_off(conn, provider, range.start)?,
                bookings,
                team_services::labels(conn, &ids)?,
            ))
        })
        .await?;
    Ok(Week {
        rules: rules.iter().filter_map(RuleRow::to_rule).collect(),
        overrides: overrides
            .iter()
            .filter(|row| row.date <= last)
            .map(OverrideRow::to_override)
            .collect(),
        time_off: time_off
            .into_iter()
            .filter_map(|entry| entry.range.ok())
            .filter(|off| off.overlaps(&range))
            .collect(),
        bookings,
        services,
    })
}

fn hhmm(hour: u32) -> String {
    chrono::NaiveTime::from_hms_opt(hour, 0, 0)
        .map(crate::i18n::format::time)
        .unwrap_or_default()
}

fn rows(grid: &Grid, week: &Week, tz: Tz) -> Vec<HourRow> {
    grid.rows
        .iter()
        .zip(grid.first_hour..)
        .map(|(cells, hour)| HourRow {
            label: hhmm(hour),
            cells: cells
                .iter()
                .map(|cell| CellView {
                    open: cell.open,
                    off: cell.off,
                    continues: cell.continues,
                    blocks: cell
                        .starts
                        .iter()
                        .filter_map(|i| week.bookings.get(*i))
                        .map(|b| block(b, week, tz))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn block(booking: &Booking, week: &Week, tz: Tz) -> Block {
    let local = |at: chrono::DateTime<chrono::Utc>| crate::i18n::format::time_at(at, tz);
    Block {
        time: format!(
            "{}\u{2013}{}",
            local(booking.start_at),
            local(booking.end_at)
        ),
        guest: booking.guest_name.clone(),
        service: service_label(&week.services, booking.service_id),
        status: booking.status().as_str().to_owned(),
        status_label: booking.status().label().to_owned(),
        href: format!("/dashboard/bookings/{}", booking.id),
    }
}

fn heads(dates: &[NaiveDate], today: NaiveDate) -> Vec<DayHead> {
    dates
        .iter()
        .map(|date| DayHead {
            label: crate::i18n::format::date_short(*date),
            href: format!("/dashboard/day?date={date}"),
            today: *date == today,
        })
        .collect()
}

async fn grid_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    dates: Vec<NaiveDate>,
    is_day: bool,
) -> AppResult<HttpResponse> {
    let tz = user.timezone.tz();
    let today = local_date(state.now(), tz);
    let week = load(state, user, &dates).await?;
    let ranges: Vec<TimeRange> = week
        .bookings
        .iter()
        .map(|b| TimeRange::new(b.start_at, b.end_at))
        .collect();
    let grid = week_grid(
        &dates,
        tz,
        &week.rules,
        &week.overrides,
        &week.time_off,
        &ranges,
    );
    let (first, last) = (dates[0], dates[dates.len() - 1]);
    let step = Days::new(dates.len() as u64);
    let path = if is_day {
        "/dashboard/day"
    } else {
        "/dashboard/week"
    };
    let href = |date: Option<NaiveDate>| format!("{path}?date={}", date.unwrap_or(first));
    let local = |at: chrono::DateTime<chrono::Utc>| crate::i18n::format::datetime_short(at, tz);
    Ok(page(&WeekPage {
        ctx,
        is_day,
        heading: if is_day {
            crate::i18n::format::date_long(first)
        } else {
            format!(
                "{} \u{2013} {}",
                crate::i18n::format::day_month(first),
                crate::i18n::format::day_month_year(last)
            )
        },
        timezone: tz.name().to_owned(),
        days: heads(&dates, today),
        rows: rows(&grid, &week, tz),
        prev_href: href(first.checked_sub_days(step)),
        next_href: href(first.checked_add_days(step)),
        week_href: format!("/dashboard/week?date={first}"),
        booking_count: week.bookings.len(),
        time_off: week
            .time_off
            .iter()
            .map(|off| format!("{} \u{2013} {}", local(off.start), local(off.end)))
            .collect(),
    }))
}

#[get("/dashboard/week")]
async fn week_view(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    query: web::Query<DateQuery>,
) -> AppResult<HttpResponse> {
    let today = local_date(state.now(), user.timezone.tz());
    // The week as the page's locale counts it (Sunday to Saturday in the US).
    let dates = week_of(query.date(today)?, crate::i18n::format::week()[0]);
    grid_page(&state, &user, ctx, dates, false).await
}

#[get("/dashboard/day")]
async fn day_agenda(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    query: web::Query<DateQuery>,
) -> AppResult<HttpResponse> {
    let today = local_date(state.now(), user.timezone.tz());
    let date = query.date(today)?;
    grid_page(&state, &user, ctx, vec![date], true).await
}
