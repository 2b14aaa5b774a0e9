//! The front desk (owners, admins and staff): `/teams/{slug}/desk` shows a day or a week
//! of the team's providers side by side — one column per provider, their bookings as
//! blocks and their free time, in the team's timezone — with filters, the form that books
//! for a caller, and a CSV export (`/teams/{slug}/desk.csv`). Plain HTML: no script,
//! printable. The actions on one booking are in `desk_actions`.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use super::member_who;
use crate::auth::CurrentUser;
use crate::db::models::availability::load_host_schedule;
use crate::db::models::team_desk::{self, DeskFilter};
use crate::db::models::team_services::{self, TeamService};
use crate::db::models::teams::{self, Member, Team};
use crate::domain::availability::{free_slots, ServiceRules, TimeRange};
use crate::domain::booking::BookingStatus;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::team::TeamRole;
use crate::domain::time::{local_date, parse_date, start_of_local_day};
use crate::error::AppResult;
use crate::state::AppState;
use crate::tokens::random_token;
use crate::views::desk::{Choice, DeskBlock, DeskCell, DeskDay, DeskPage, FreeLink};
use crate::views::{render, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(export);
}

#[derive(Debug, Default, Clone, serde::Deserialize)]
pub(super) struct DeskQuery {
    #[serde(default)]
    view: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    status: String,
    /// A start to fill the booking form with (from a free stretch's link).
    #[serde(default)]
    time: String,
}

/// The signed-in member's team, if their role runs the front desk (else 403; 404 for
/// anyone not in the team), and how the history names them: "Sam Staff (staff)".
pub(super) async fn desk_member(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<(Team, TeamRole, String)> {
    let (team, role) = member_who(state, user, slug, TeamRole::operates_front_desk).await?;
    let who = format!("{} ({})", user.full_name, role);
    Ok((team, role, who))
}

/// The team's members who have a calendar, by name.
pub(super) fn hosting(members: Vec<Member>) -> Vec<Member> {
    members
        .into_iter()
        .filter(|m| m.role().is_some_and(TeamRole::hosts))
        .collect()
}

/// The days a view covers: one, or the week of `date` as the page's locale counts it
/// (Sunday to Saturday in the US, Monday to Sunday in Europe).
fn days_of(view: &str, date: NaiveDate) -> Vec<NaiveDate> {
    if view == "day" {
        return vec![date];
    }
    crate::domain::agenda::week_of(date, crate::i18n::format::week()[0])
}

/// The form's and the links' time ("09:30"), whatever the locale.
fn hm(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%H:%M").to_string()
}

/// A time as the page's locale writes it.
fn shown(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::format::time_at(at, tz)
}

fn filter_of(query: &DeskQuery) -> DeskFilter {
    DeskFilter {
        host: Uuid::parse_str(&query.provider).ok(),
        service: Uuid::parse_str(&query.service).ok(),
        status: BookingStatus::try_from(query.status.clone()).ok(),
    }
}

/// Free stretches of a host over `range`, in 15-minute steps, by local date.
async fn free_time(
    state: &AppState,
    host: &Member,
    service: &TeamService,
    range: TimeRange,
    tz: Tz,
) -> AppResult<HashMap<NaiveDate, Vec<(String, String)>>> {
    let (id, now, row) = (host.user_id, state.now(), service.service.clone());
    let zone = crate::domain::time::Timezone::parse(&host.timezone)
        .map(|z| z.tz())
        .unwrap_or(tz);
    let mut schedule = state
        .db(move |conn| load_host_schedule(conn, id, zone, &row, range, None, now))
        .await?;
    // Free time, not one service's slots: every quarter hour, no buffers or limits.
    schedule.service = ServiceRules {
        max_days_ahead: 3650,
        min_notice_minutes: 0,
        ..ServiceRules::new(15)
    };
    let starts = free_slots(&schedule.input(now), range);
    let mut stretches: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for start in starts {
        let end = start + TimeDelta::minutes(15);
        match stretches.last_mut() {
            Some(last) if last.1 == start => last.1 = end,
            _ => stretches.push((start, end)),
        }
    }
    let mut by_day: HashMap<NaiveDate, Vec<(String, String)>> = HashMap::new();
    for (start, end) in stretches {
        by_day.entry(local_date(start, tz)).or_default().push((
            format!("{}–{}", shown(start, tz), shown(end, tz)),
            hm(start, tz),
        ));
    }
    Ok(by_day)
}

#[get("/teams/{slug}/desk")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
    query: web::Query<DeskQuery>,
) -> AppResult<HttpResponse> {
    let (team, _, _) = desk_member(&state, &user, &path).await?;
    let tz = team.timezone.tz();
    let date = parse_date(&query.date).unwrap_or_else(|_| local_date(state.now(), tz));
    // The form starts on the day shown, at the free time clicked (if any).
    let mut form = RawForm(vec![
        ("idempotency_key".into(), random_token()),
        ("date".into(), date.to_string()),
    ]);
    if chrono::NaiveTime::parse_from_str(&query.time, "%H:%M").is_ok() {
        form.0.push(("time".into(), query.time.clone()));
    }
    desk_page(
        &state,
        ctx,
        &team,
        &query,
        StatusCode::OK,
        form,
        FieldErrors::new(),
        String::new(),
    )
    .await
}

/// The desk page for `query`, with the booking form in the state given.
#[expect(
    clippy::too_many_arguments,
    reason = "one page, its query and its form state"
)]
pub(super) async fn desk_page(
    state: &AppState,
    ctx: PageContext,
    team: &Team,
    query: &DeskQuery,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
    refusal: String,
) -> AppResult<HttpResponse> {
    let tz = team.timezone.tz();
    let now = state.now();
    let view = if query.view == "day" { "day" } else { "week" };
    let date = parse_date(&query.date).unwrap_or_else(|_| local_date(now, tz));
    let days = days_of(view, date);
    let (first, last) = (days[0], days[days.len() - 1]);
    let range = TimeRange::new(
        start_of_local_day(first, tz),
        start_of_local_day(last + TimeDelta::days(1), tz),
    );
    let filter = filter_of(query);
    let team_id = team.id;
    let (members, services) = state
        .db(move |conn| {
            Ok((
                teams::members(conn, team_id)?,
                team_services::list(conn, team_id)?,
            ))
        })
        .await?;
    let hosts = hosting(members);
    let columns: Vec<&Member> = hosts
        .iter()
        .filter(|m| filter.host.is_none_or(|only| only == m.user_id))
        .collect();
    let ids: Vec<Uuid> = hosts.iter().map(|m| m.user_id).collect();
    let in_view = filter.clone();
    let bookings = state
        .db(move |conn| team_desk::in_calendars(conn, &ids, range, &in_view))
        .await?;
    let names: HashMap<Uuid, &str> = services
        .iter()
        .map(|s| (s.service.id, s.service.name.as_str()))
        .collect();
    let mut free = Vec::with_capacity(columns.len());
    for host in &columns {
        free.push(match services.first() {
            Some(service) => free_time(state, host, service, range, tz).await?,
            None => HashMap::new(),
        });
    }
    let days_view = days
        .iter()
        .map(|day| DeskDay {
            label: crate::i18n::format::date_short(*day),
            cells: columns
                .iter()
                .zip(&free)
                .map(|(host, free)| DeskCell {
                    free: free
                        .get(day)
                        .map(|stretches| {
                            stretches
                                .iter()
                                .map(|(label, start)| FreeLink {
                                    label: label.clone(),
                                    href: format!(
                                        "/teams/{}/desk?view={view}&date={day}&time={start}#book",
                                        team.slug
                                    ),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    blocks: bookings
                        .iter()
                        .filter(|(h, b)| *h == host.user_id && local_date(b.start_at, tz) == *day)
                        .map(|(_, b)| {
                            let ours = b.team_id == Some(team.id);
                            DeskBlock {
                                time: format!("{}–{}", shown(b.start_at, tz), shown(b.end_at, tz)),
                                guest: if ours {
                                    b.guest_name.clone()
                                } else {
                                    String::new()
                                },
                                service: names
                                    .get(&b.service_id)
                                    .copied()
                                    .unwrap_or_default()
                                    .to_owned(),
                                status: b.status().as_str().to_owned(),
                                arrived: b.arrived_at.is_some(),
                                href: ours.then(|| {
                                    format!("/teams/{}/desk/bookings/{}", team.slug, b.id)
                                }),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let link = |view: &str, date: NaiveDate| {
        format!(
            "/teams/{}/desk?view={view}&date={date}&provider={}&service={}&status={}",
            team.slug,
            urlencoding::encode(&query.provider),
            urlencoding::encode(&query.service),
            urlencoding::encode(&query.status)
        )
    };
    let step = if view == "day" { 1 } else { 7 };
    let chosen_service = form.get("service").to_owned();
    let chosen_host = form.get("host").to_owned();
    let page = DeskPage {
        ctx,
        slug: team.slug.clone(),
        team_name: team.name.clone(),
        timezone: tz.name().to_owned(),
        heading: if view == "day" {
            crate::i18n::format::date_long(first)
        } else {
            format!(
                "{} – {}",
                crate::i18n::format::date_medium(first),
                crate::i18n::format::date_medium(last)
            )
        },
        view: view.to_owned(),
        date: date.to_string(),
        prev_href: link(view, date - TimeDelta::days(step)),
        next_href: link(view, date + TimeDelta::days(step)),
        day_href: link("day", date),
        week_href: link("week", date),
        csv_href: format!(
            "/teams/{}/desk.csv?view={view}&date={date}&provider={}&service={}&status={}",
            team.slug,
            urlencoding::encode(&query.provider),
            urlencoding::encode(&query.service),
            urlencoding::encode(&query.status)
        ),
        columns: columns.iter().map(|m| m.full_name.clone()).collect(),
        days: days_view,
        provider_filter: hosts
            .iter()
            .map(|m| Choice {
                value: m.user_id.to_string(),
                label: m.full_name.clone(),
                selected: filter.host == Some(m.user_id),
            })
            .collect(),
        service_filter: services
            .iter()
            .map(|s| Choice {
                value: s.service.id.to_string(),
                label: s.service.name.clone(),
                selected: filter.service == Some(s.service.id),
            })
            .collect(),
        status_filter: BookingStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_owned(),
                label: crate::i18n::tk("status", s.as_str()),
                selected: filter.status == Some(*s),
            })
            .collect(),
        services: services
            .iter()
            .map(|s| Choice {
                value: s.service.id.to_string(),
                label: s.service.name.clone(),
                selected: chosen_service == s.service.id.to_string(),
            })
            .collect(),
        hosts: std::iter::once(Choice {
            value: "any".to_owned(),
            label: crate::i18n::t("desk-any-host"),
            selected: chosen_host.is_empty() || chosen_host == "any",
        })
        .chain(hosts.iter().map(|m| Choice {
            value: m.user_id.to_string(),
            label: m.full_name.clone(),
            selected: chosen_host == m.user_id.to_string(),
        }))
        .collect(),
        form,
        errors,
        refusal,
    };
    Ok(render(status, &page))
}

/// One CSV field: quoted, inner quotes doubled, and a leading formula character defused
/// (spreadsheets would run `=…`).
fn csv_field(value: &str) -> String {
    let defused = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

#[get("/teams/{slug}/desk.csv")]
async fn export(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<String>,
    query: web::Query<DeskQuery>,
) -> AppResult<HttpResponse> {
    let (team, _, _) = desk_member(&state, &user, &path).await?;
    let tz = team.timezone.tz();
    let date = parse_date(&query.date).unwrap_or_else(|_| local_date(state.now(), tz));
    let days = days_of(if query.view == "day" { "day" } else { "week" }, date);
    let range = TimeRange::new(
        start_of_local_day(days[0], tz),
        start_of_local_day(days[days.len() - 1] + TimeDelta::days(1), tz),
    );
    let (team_id, filter) = (team.id, filter_of(&query));
    let (rows, members, services) = state
        .db(move |conn| {
            Ok((
                team_desk::team_bookings(conn, team_id, range, &filter)?,
                teams::members(conn, team_id)?,
                team_services::list(conn, team_id)?,
            ))
        })
        .await?;
    let person: HashMap<Uuid, String> = members
        .into_iter()
        .map(|m| (m.user_id, m.full_name))
        .collect();
    let service: HashMap<Uuid, String> = services
        .into_iter()
        .map(|s| (s.service.id, s.service.name))
        .collect();
    let mut body =
        String::from("start,end,timezone,provider,service,guest,email,phone,status,arrived\r\n");
    for b in rows {
        let fields = [
            b.start_at
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            b.end_at
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            tz.name().to_owned(),
            person.get(&b.provider_id).cloned().unwrap_or_default(),
            service.get(&b.service_id).cloned().unwrap_or_default(),
            b.guest_name.clone(),
            b.guest_email.clone(),
            b.guest_phone.clone().unwrap_or_default(),
            b.status().as_str().to_owned(),
            b.arrived_at.map(|a| a.to_rfc3339()).unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        body.push_str(&line.join(","));
        body.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}-bookings-{date}.csv\"", team.slug),
        ))
        .body(body))
}
