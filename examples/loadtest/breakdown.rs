//! Where the month page's server CPU goes, piece by piece, each timed alone in this
//! process over the same database the server uses: a pooled connection's checkout (r2d2
//! tests it with `SELECT 1`), the page's queries (team, provider, service, look; the
//! schedule's rows, read on a version change, and the version with kept rows; a repeat
//! view's version with the kept page and rendered view, which is all it reads), the slot
//! engine with the grouping by local date, and the template (with and without the zone
//! list). Times are this thread's CPU time. `/healthz`'s CPU per request in the report is the floor every request pays:
//! HTTP, the middlewares (the session middleware included) and logging.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use slotbook::db::models::availability::{load_schedule, load_schedule_cached, ScheduleCache};
use slotbook::db::models::service_pages::{self, Found, ServicePageCache, ViewKey};
use slotbook::db::models::{provider_looks, services, teams, users};
use slotbook::db::{checkout, Pool, Reachability};
use slotbook::domain::availability::{free_slots, group_by_local_date, TimeRange};
use slotbook::domain::locale::Locale;
use slotbook::domain::time::{start_of_local_day, Timezone};
use slotbook::views::public::{DayCell, ServicePage, SlotLink};
use slotbook::views::PageContext;

/// Rounds per piece (after as many again to warm up); `LOADTEST_ROUNDS` changes it.
fn rounds() -> u32 {
    u32::try_from(crate::env_number("LOADTEST_ROUNDS", 1_000)).unwrap_or(1_000)
}

/// This thread's CPU time so far, in seconds (not wall time: the machine may be busy).
fn thread_cpu_seconds() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 + now.tv_nsec as f64 / 1e9
}

/// Mean CPU time of this thread in `f` over [`rounds`], in microseconds (a database server
/// in another process adds its own).
fn time<T>(mut f: impl FnMut() -> anyhow::Result<T>) -> anyhow::Result<f64> {
    let rounds = rounds().max(1);
    for _ in 0..rounds {
        std::hint::black_box(f()?);
    }
    let started = thread_cpu_seconds();
    for _ in 0..rounds {
        std::hint::black_box(f()?);
    }
    Ok((thread_cpu_seconds() - started) * 1e6 / f64::from(rounds))
}

pub fn run(pool: &Pool, now: DateTime<Utc>) -> anyhow::Result<Vec<(&'static str, f64)>> {
    let tz = chrono_tz::Europe::Berlin;
    let month = NaiveDate::from_ymd_opt(2030, 2, 1).ok_or_else(|| anyhow::anyhow!("date"))?;
    let next = NaiveDate::from_ymd_opt(2030, 3, 1).ok_or_else(|| anyhow::anyhow!("date"))?;
    let range = TimeRange::new(start_of_local_day(month, tz), start_of_local_day(next, tz));
    let reachability = Reachability::default();
    let mut pieces = Vec::new();

    pieces.push((
        "checkout (×1; the page makes 1)",
        time(|| Ok(checkout(pool, &reachability)?))?,
    ));
    let mut conn = pool.get()?;
    let user =
        users::find_by_username(&mut conn, "alice")?.ok_or_else(|| anyhow::anyhow!("no alice"))?;
    let service = services::find_by_slug(&mut conn, user.id, "consult")?
        .ok_or_else(|| anyhow::anyhow!("no service"))?;
    pieces.push((
        "queries: team + provider + service + look (on a change)",
        time(|| {
            let team = teams::find_by_slug(&mut conn, "alice")?;
            let user = users::find_by_username(&mut conn, "alice")?;
            Ok((
                team,
                user,
                services::find_by_slug(&mut conn, service.provider_id, "consult")?,
                provider_looks::find(&mut conn, service.provider_id)?,
            ))
        })?,
    ));
    let pages = ServicePageCache::new();
    pieces.push((
        "page lookup: version + kept rows (a page view)",
        time(|| {
            let found = service_pages::find(&mut conn, &pages, "alice", "consult")?;
            anyhow::ensure!(matches!(found, Found::Service { .. }), "no page");
            Ok(found)
        })?,
    ));
    let version = match service_pages::find(&mut conn, &pages, "alice", "consult")? {
        Found::Service { version, .. } => version.ok_or_else(|| anyhow::anyhow!("no version"))?,
        _ => anyhow::bail!("no page"),
    };
    let view = ViewKey {
        address: "/alice/consult?tz=Europe%2FBerlin&month=2030-02".into(),
        locale: Locale::default(),
    };
    let body = bytes::Bytes::from(vec![b'x'; 14_000]);
    pages.keep_view(
        ("alice", "consult"),
        version,
        view.clone(),
        now + TimeDelta::minutes(1),
        body,
    );
    pieces.push((
        "repeat view: version + kept page + kept view (no engine, no template)",
        time(|| {
            let Found::Service { version, .. } =
                service_pages::find(&mut conn, &pages, "alice", "consult")?
            else {
                anyhow::bail!("no page")
            };
            let version = version.ok_or_else(|| anyhow::anyhow!("no version"))?;
            pages
                .view(("alice", "consult"), version, &view, None, now)
                .ok_or_else(|| anyhow::anyhow!("the view is not kept"))
        })?,
    ));
    pieces.push((
        "queries: schedule rows (5; on a version change)",
        time(|| Ok(load_schedule(&mut conn, tz, &service, range, None, now)?))?,
    ));
    let cache = ScheduleCache::new();
    pieces.push((
        "schedule: version + kept rows (a page view)",
        time(|| {
            Ok(load_schedule_cached(
                &mut conn, &cache, tz, &service, range, None, now,
            )?)
        })?,
    ));
    let schedule = load_schedule(&mut conn, tz, &service, range, None, now)?;
    drop(conn);
    pieces.push((
        "engine + grouping by day",
        time(|| {
            let slots = free_slots(&schedule.input(now), range);
            Ok(group_by_local_date(&slots, tz))
        })?,
    ));
    let by_day = group_by_local_date(&free_slots(&schedule.input(now), range), tz);
    let page = |zones: Vec<&'static str>| -> ServicePage {
        let mut weeks = Vec::new();
        let mut week: Vec<DayCell> = (0..month.weekday().num_days_from_monday())
            .map(|_| blank())
            .collect();
        let mut day = month;
        while day < next {
            week.push(DayCell {
                day: day.day(),
                label: day.format("%A, %-d %B %Y").to_string(),
                href: by_day.contains_key(&day).then(|| {
                    format!("/alice/consult?tz=Europe%2FBerlin&month=2030-02&date={day}#slots")
                }),
                selected: day.day() == 1,
            });
            if week.len() == 7 {
                weeks.push(std::mem::take(&mut week));
            }
            day += TimeDelta::days(1);
        }
        if !week.is_empty() {
            week.resize_with(7, blank);
            weeks.push(week);
        }
        let slots = by_day
            .values()
            .next()
            .map(|starts| {
                starts
                    .iter()
                    .map(|start| SlotLink {
                        time: start.with_timezone(&tz).format("%H:%M").to_string(),
                        href: format!(
                            "/alice/consult/book?start={}&tz=Europe%2FBerlin",
                            start.timestamp()
                        ),
                    })
                    .collect()
            })
            .unwrap_or_default();
        ServicePage {
            ctx: PageContext::bare(),
            provider_name: "alice".into(),
            provider_href: "/alice".into(),
            service_name: "Consultation".into(),
            description: String::new(),
            duration_minutes: 30,
            price: String::new(),
            location: String::new(),
            bookings_open: true,
            closed_note: String::new(),
            tz_notice: String::new(),
            timezone: "Europe/Berlin".into(),
            timezones: zones,
            timezones_href: "/alice/consult/timezones?month=2030-02".into(),
            tz_explicit: true,
            month_param: "2030-02".into(),
            date_param: String::new(),
            reschedule_param: String::new(),
            host_param: String::new(),
            hosts: Vec::new(),
            month_label: "February 2030".into(),
            weeks,
            prev_href: Some("/alice/consult?tz=Europe%2FBerlin&month=2030-01".into()),
            next_href: Some("/alice/consult?tz=Europe%2FBerlin&month=2030-03".into()),
            selected_label: "Friday, 1 February 2030".into(),
            slots,
            has_any_slot: true,
            rescheduling: None,
        }
    };
    // As many zones as the page's short picker lists (38).
    let zones: Vec<&'static str> = Timezone::all_names().iter().copied().take(38).collect();
    pieces.push((
        "page data + template, zone list included",
        time(|| Ok(askama::Template::render(&page(zones.clone()))?))?,
    ));
    pieces.push((
        "page data + template, no zone list",
        time(|| Ok(askama::Template::render(&page(Vec::new()))?))?,
    ));
    Ok(pieces)
}

fn blank() -> DayCell {
    DayCell {
        day: 0,
        label: String::new(),
        href: None,
        selected: false,
    }
}
