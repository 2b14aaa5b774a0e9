//! `GET /me`, the token owner's services and their free times, and the token-less public
//! slots of one service (with CORS, for a provider's own site). Free times come from the
//! same loader and engine as the month page.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use utoipa::IntoParams;

use super::bearer::ApiUser;
use super::problem::{ApiError, ApiResult, FieldProblem};
use super::types::{local, Me, ServiceList, ServiceOut, SlotList, SlotOut};
use super::{parse_instant, parse_uuid};
use crate::db::models::availability::load_schedule;
use crate::db::models::services::{self, Service};
use crate::db::models::users::{self, User};
use crate::domain::availability::{free_slots, TimeRange};
use crate::domain::time::{parse_date, start_of_local_day, Timezone};
use crate::rate_limit::client_key;
use crate::state::AppState;

/// The longest range one slots request may cover.
pub const MAX_SLOT_RANGE_DAYS: i64 = 62;
/// The range when `to` is not given.
const DEFAULT_SLOT_RANGE_DAYS: i64 = 7;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/me", web::get().to(me))
        .route("/services", web::get().to(list))
        .route("/services/{id}", web::get().to(show))
        .route("/services/{id}/slots", web::get().to(slots))
        .route(
            "/public/{username}/{slug}/slots",
            web::get().to(public_slots),
        )
        .route(
            "/public/{username}/{slug}/slots",
            web::method(actix_web::http::Method::OPTIONS).to(public_preflight),
        );
}

/// The provider the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses(
        (status = 200, body = Me),
        (status = 401, body = super::ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn me(api: ApiUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(Me::new(&api.user, api.token.scope.as_str())))
}

/// Your services, in the order your page shows them.
#[utoipa::path(get, path = "/api/v1/services", tag = "services",
    responses(
        (status = 200, body = ServiceList),
        (status = 401, body = super::ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(state: web::Data<AppState>, api: ApiUser) -> ApiResult<HttpResponse> {
    let provider = api.user.id;
    let rows = state
        .db(move |conn| services::list_for_provider(conn, provider))
        .await?;
    let data = rows
        .iter()
        .map(|s| ServiceOut::new(s, &api.user.username))
        .collect();
    Ok(HttpResponse::Ok().json(ServiceList { data }))
}

async fn own_service(state: &AppState, api: &ApiUser, id: &str) -> ApiResult<Service> {
    let (provider, id) = (api.user.id, parse_uuid(id)?);
    state
        .db(move |conn| services::find_for_provider(conn, provider, id))
        .await?
        .ok_or(ApiError::NotFound)
}

/// One of your services; another provider's id is 404.
#[utoipa::path(get, path = "/api/v1/services/{id}", tag = "services",
    params(("id" = String, Path, description = "Service id")),
    responses(
        (status = 200, body = ServiceOut),
        (status = 401, body = super::ProblemDoc, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    api: ApiUser,
    path: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let service = own_service(&state, &api, &path).await?;
    Ok(HttpResponse::Ok().json(ServiceOut::new(&service, &api.user.username)))
}

/// Which free times to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SlotsQuery {
    /// RFC 3339 instant, or a date (YYYY-MM-DD, from its start in `tz`). Default: now.
    from: Option<String>,
    /// RFC 3339 instant (exclusive), or a date (YYYY-MM-DD, through its end in `tz`).
    /// Default: 7 days after `from`; at most 62 days after it.
    to: Option<String>,
    /// IANA zone for dates and `local_start`. Default: the provider's.
    tz: Option<String>,
}

/// A date or an instant: a date is the start of that day in `tz` (plus `days_after`).
fn instant_or_date(
    text: &str,
    field: &str,
    tz: Tz,
    days_after: u64,
    errors: &mut Vec<FieldProblem>,
) -> Option<DateTime<Utc>> {
    if let Ok(date) = parse_date(text) {
        let day = date.checked_add_days(chrono::Days::new(days_after))?;
        return Some(start_of_local_day(day, tz));
    }
    match parse_instant(text) {
        Some(at) => Some(at),
        None => {
            errors.push(FieldProblem::new(
                field,
                "Use an RFC 3339 instant (2030-01-08T09:00:00Z) or a date (2030-01-08) between 1970 and 2199.",
            ));
            None
        }
    }
}

/// The range and zone asked for, checked.
fn slot_range(
    query: &SlotsQuery,
    provider_tz: Tz,
    now: DateTime<Utc>,
) -> ApiResult<(TimeRange, Tz)> {
    let mut errors = Vec::new();
    let tz = match query.tz.as_deref() {
        None | Some("") => provider_tz,
        Some(name) => match Timezone::parse(name) {
            Ok(zone) => zone.tz(),
            Err(_) => {
                errors.push(FieldProblem::new(
                    "tz",
                    "Use an IANA timezone name, such as Europe/Berlin.",
                ));
                provider_tz
            }
        },
    };
    let from = match query.from.as_deref() {
        None | Some("") => Some(now),
        Some(text) => instant_or_date(text, "from", tz, 0, &mut errors),
    };
    let to = match query.to.as_deref() {
        None | Some("") => from.map(|f| f + TimeDelta::days(DEFAULT_SLOT_RANGE_DAYS)),
        Some(text) => instant_or_date(text, "to", tz, 1, &mut errors),
    };
    if let (Some(from), Some(to)) = (from, to) {
        if to <= from {
            errors.push(FieldProblem::new("to", "`to` must come after `from`."));
        } else if to - from > TimeDelta::days(MAX_SLOT_RANGE_DAYS) {
            errors.push(FieldProblem::new(
                "to",
                "One request covers at most 62 days; ask again for the next range.",
            ));
        }
    }
    match (from, to) {
        (Some(from), Some(to)) if errors.is_empty() => Ok((TimeRange::new(from, to), tz)),
        _ => Err(ApiError::Validation(errors)),
    }
}

/// Free times of `service` in the asked range, computed as the month page does.
async fn free_times(
    state: &AppState,
    user: &User,
    service: &Service,
    query: &SlotsQuery,
) -> ApiResult<SlotList> {
    let now = state.now();
    let provider_tz = user.timezone.tz();
    let (asked, tz) = slot_range(query, provider_tz, now)?;
    let window_end = now + TimeDelta::days(i64::from(service.max_days_ahead));
    let range = TimeRange::new(asked.start.max(now), asked.end.min(window_end));
    let open = user.can_take_bookings();
    let starts = if open && range.start < range.end {
        let row = service.clone();
        let schedule = state
            .db(move |conn| load_schedule(conn, provider_tz, &row, range, None, now))
            .await?;
        free_slots(&schedule.input(now), range)
    } else {
        Vec::new()
    };
    let duration = TimeDelta::minutes(i64::from(service.duration_minutes));
    Ok(SlotList {
        service_id: service.id,
        timezone: tz.name().to_owned(),
        from: asked.start,
        to: asked.end,
        bookings_open: open,
        slots: starts
            .into_iter()
            .map(|start| SlotOut {
                start,
                end: start + duration,
                local_start: local(start, tz),
            })
            .collect(),
    })
}

/// Free start times of one of your services (the same engine and rules as its month page).
#[utoipa::path(get, path = "/api/v1/services/{id}/slots", tag = "services",
    params(("id" = String, Path, description = "Service id"), SlotsQuery),
    responses(
        (status = 200, body = SlotList),
        (status = 401, body = super::ProblemDoc, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemDoc, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemDoc, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn slots(
    state: web::Data<AppState>,
    api: ApiUser,
    path: web::Path<String>,
    query: web::Query<SlotsQuery>,
) -> ApiResult<HttpResponse> {
    let service = own_service(&state, &api, &path).await?;
    let list = free_times(&state, &api.user, &service, &query).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Any site may read public free times (they are on the public page anyway).
fn with_cors(mut response: HttpResponse) -> HttpResponse {
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        header::HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        header::HeaderValue::from_static("GET, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        header::HeaderValue::from_static("86400"),
    );
    response
}

/// Free start times of a provider's active service, without a token, for embedding in
/// the provider's own site (CORS: any origin). Rate limited per client address.
#[utoipa::path(get, path = "/api/v1/public/{username}/{slug}/slots", tag = "public",
    params(
        ("username" = String, Path, description = "The provider's username"),
        ("slug" = String, Path, description = "The service's slug"),
        SlotsQuery,
    ),
    responses(
        (status = 200, body = SlotList),
        (status = 404, body = super::ProblemDoc, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemDoc, content_type = "application/problem+json"),
        (status = 429, body = super::ProblemDoc, content_type = "application/problem+json"),
    ))]
pub async fn public_slots(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<SlotsQuery>,
) -> HttpResponse {
    let answer = async {
        let limits = state.settings.rate_limits;
        let client = client_key(&req, &state.settings.trusted_proxies);
        state
            .rate_limiter
            .enforce("api-public", &client, limits.api, limits.window_secs)?;
        let (username, slug) = path.into_inner();
        let (username, slug) = (username.to_lowercase(), slug.to_lowercase());
        let (user, service) = state
            .db(move |conn| {
                let Some(user) = users::find_by_username(conn, &username)? else {
                    return Ok(None);
                };
                let service = services::find_by_slug(conn, user.id, &slug)?;
                Ok(service.map(|s| (user, s)))
            })
            .await?
            .filter(|(user, service)| user.is_active && service.is_active)
            .ok_or(ApiError::NotFound)?;
        let list = free_times(&state, &user, &service, &query).await?;
        Ok::<_, ApiError>(HttpResponse::Ok().json(list))
    };
    let response = match answer.await {
        Ok(response) => response,
        Err(error) => actix_web::ResponseError::error_response(&error),
    };
    with_cors(response)
}

/// The CORS preflight of the public slots.
pub async fn public_preflight() -> HttpResponse {
    with_cors(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn query(from: &str, to: &str, tz: &str) -> SlotsQuery {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        SlotsQuery {
            from: some(from),
            to: some(to),
            tz: some(tz),
        }
    }

    #[test]
    fn dates_are_whole_days_in_the_asked_zone() {
        let now = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        let (range, tz) = slot_range(
            &query("2030-01-08", "2030-01-08", "Europe/Berlin"),
            chrono_tz::UTC,
            now,
        )
        .unwrap();
        assert_eq!(tz, chrono_tz::Europe::Berlin);
        assert_eq!(
            range.start,
            Utc.with_ymd_and_hms(2030, 1, 7, 23, 0, 0).unwrap()
        );
        assert_eq!(
            range.end,
            Utc.with_ymd_and_hms(2030, 1, 8, 23, 0, 0).unwrap()
        );
    }

    #[test]
    fn bad_and_overlong_ranges_are_field_errors() {
        let now = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        for (from, to, tz, field) in [
            ("yesterday", "", "", "from"),
            ("2030-01-01", "2030-06-01", "", "to"),
            ("2030-01-02", "2030-01-01", "", "to"),
            ("", "", "Mars/Base", "tz"),
            ("9999-01-01T00:00:00Z", "", "", "from"),
        ] {
            match slot_range(&query(from, to, tz), chrono_tz::UTC, now) {
                Err(ApiError::Validation(errors)) => {
                    assert_eq!(errors[0].field, field, "{from} {to} {tz}")
                }
                other => panic!("{from} {to} {tz}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_date_past_the_last_day_is_refused_not_a_panic() {
        let now = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
        assert!(slot_range(&query("2199-12-31", "2199-12-31", ""), chrono_tz::UTC, now).is_ok());
    }
}
