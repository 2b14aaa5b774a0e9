//! `/{username}/{slug}/find`: "find a time that suits me". The days and times of day a
//! guest prefers filter the free times of the whole booking window into one list, from
//! plain query parameters, so it works without JavaScript and can be linked.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpResponse};
use chrono::TimeDelta;

use super::calendar::guest_zone;
use super::{display_name, provider_and_service, provider_tz};
use crate::db::models::availability::load_schedule;
use crate::domain::availability::{free_slots, group_by_local_date, TimeRange};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::preferences::{PartOfDay, TimePreference, DAYS};
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::find::{Choice, FindPage, FoundDay};
use crate::views::public::SlotLink;
use crate::views::{render, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(find);
}

/// Enough to choose from without a page that scrolls forever.
const MAX_RESULTS: usize = 40;

#[get("/{username}/{slug}/find")]
async fn find(
    state: web::Data<AppState>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    query: web::Query<RawForm>,
) -> AppResult<HttpResponse> {
    let (username, slug) = path.into_inner();
    let (user, service) = provider_and_service(&state, &username, &slug).await?;
    let query = query.into_inner();
    let (tz, _, tz_notice) = guest_zone(query.get("tz"), provider_tz(&user));
    let (preference, errors) = match TimePreference::parse(&query) {
        Ok(preference) => (Some(preference), FieldErrors::new()),
        Err(errors) => (None, errors),
    };
    let searched = preference.as_ref().is_some_and(|p| !p.is_any());
    let now = state.now();
    let window = TimeRange::new(
        now,
        now + TimeDelta::days(i64::from(service.max_days_ahead)),
    );
    let matching = match &preference {
        Some(preference) if searched && user.can_take_bookings() => {
            let (service_row, provider_zone) = (service.clone(), provider_tz(&user));
            let schedule = state
                .db(move |conn| load_schedule(conn, provider_zone, &service_row, window, None, now))
                .await?;
            free_slots(&schedule.input(now), window)
                .into_iter()
                .filter(|start| preference.matches(start.with_timezone(&tz).naive_local()))
                .take(MAX_RESULTS)
                .collect()
        }
        _ => Vec::new(),
    };
    let base = format!("/{}/{}", user.username, service.slug);
    let found = group_by_local_date(&matching, tz)
        .into_iter()
        .map(|(date, starts)| FoundDay {
            label: crate::i18n::format::date_long(date),
            times: starts
                .iter()
                .map(|start| SlotLink {
                    time: crate::i18n::format::time_at(*start, tz),
                    href: format!(
                        "{base}/book?start={}&tz={}",
                        start.timestamp(),
                        urlencoding::encode(tz.name())
                    ),
                })
                .collect(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let chosen = |name: &str, value: &str| query.all(name).contains(&value);
    Ok(render(
        status,
        &FindPage {
            ctx,
            provider_name: display_name(&user),
            service_name: service.name.clone(),
            service_href: format!("{base}?tz={}", urlencoding::encode(tz.name())),
            action: format!("{base}/find"),
            timezone: tz.name().to_owned(),
            tz_notice,
            days: DAYS
                .iter()
                .map(|(day, value)| Choice {
                    value: (*value).to_owned(),
                    label: crate::i18n::format::weekday_short(*day),
                    checked: chosen("days", value),
                })
                .collect(),
            parts: PartOfDay::ALL
                .iter()
                .map(|part| Choice {
                    value: part.as_str().to_owned(),
                    label: String::new(),
                    checked: chosen("part", part.as_str()),
                })
                .collect(),
            from: query.get("from").to_owned(),
            to: query.get("to").to_owned(),
            errors,
            searched,
            window_days: service.max_days_ahead,
            found,
            count: matching.len(),
            limited: matching.len() == MAX_RESULTS,
        },
    ))
}
