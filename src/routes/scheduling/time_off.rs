//! Time off: blocked ranges entered in the provider's timezone, stored in UTC.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::availability as store;
use crate::domain::availability::TimeRange;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::time::{parse_date, start_of_local_day, to_utc};
use crate::error::{AppError, AppResult};
use crate::i18n::Text;
use crate::routes::parse_id;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::scheduling::{TimeOffPage, TimeOffView};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(add).service(remove);
}

#[get("/dashboard/time-off")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    time_off_page(
        &state,
        &user,
        ctx,
        StatusCode::OK,
        RawForm::default(),
        FieldErrors::new(),
    )
    .await
}

/// Reads the form into a UTC range. Empty times mean whole days: from the start of the
/// first day to the end of the last, in the provider's zone (DST-aware).
fn parse_range(form: &RawForm, tz: Tz) -> Result<(TimeRange, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let date = |errors: &mut FieldErrors, field: &str, missing: &str| match form.get(field) {
        "" => {
            errors.add(field, Text::id(missing));
            None
        }
        text => parse_date(text)
            .map_err(|error| errors.add(field, error.text()))
            .ok(),
    };
    let time = |errors: &mut FieldErrors, field: &str| match form.get(field) {
        "" => Ok(None),
        text => NaiveTime::parse_from_str(text, "%H:%M")
            .map(Some)
            .map_err(|_| errors.add(field, Text::id("timeoff-error-time"))),
    };
    let start_date = date(&mut errors, "start_date", "timeoff-error-first-day");
    let end_date = date(&mut errors, "end_date", "timeoff-error-last-day");
    let start_time = time(&mut errors, "start_time");
    let end_time = time(&mut errors, "end_time");
    let reason = form.line(&mut errors, "reason");
    if reason.chars().count() > 200 {
        errors.add("reason", Text::id("timeoff-error-reason-long"));
    }
    let (Some(start_date), Some(end_date), Ok(start_time), Ok(end_time)) =
        (start_date, end_date, start_time, end_time)
    else {
        return Err(errors);
    };
    let start = match start_time {
        Some(time) => to_utc(start_date, time, tz),
        None => start_of_local_day(start_date, tz),
    };
    let end = match end_time {
        Some(time) => to_utc(end_date, time, tz),
        None => start_of_local_day(end_date.succ_opt().unwrap_or(end_date), tz),
    };
    if end <= start {
        errors.add("end_date", Text::id("timeoff-error-order"));
    }
    errors.into_result((TimeRange::new(start, end), reason))
}

#[post("/dashboard/time-off")]
async fn add(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let tz = user.timezone.tz();
    let (range, reason) = match parse_range(&form, tz) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return time_off_page(
                &state,
                &user,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            )
            .await
        }
    };
    let (provider, now) = (user.id, state.now());
    state
        .db(move |conn| store::insert_time_off(conn, provider, range, &reason, now))
        .await?;
    flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-time-off-added").arg("when", describe(range, tz)),
    );
    Ok(redirect("/dashboard/time-off"))
}

#[post("/dashboard/time-off/{id}/delete")]
async fn remove(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, id) = (user.id, parse_id(&path)?);
    if !state
        .db(move |conn| store::delete_time_off(conn, provider, id))
        .await?
    {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-time-off-removed"),
    );
    Ok(redirect("/dashboard/time-off"))
}

fn local(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::format::datetime_medium(at, tz)
}

/// "Mon, 12 Jan 2030 09:00 – Tue, 13 Jan 2030 17:00 (Europe/Berlin)".
fn describe(range: TimeRange, tz: Tz) -> String {
    format!(
        "{} – {} ({})",
        local(range.start, tz),
        local(range.end, tz),
        tz.name()
    )
}

async fn time_off_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let tz = user.timezone;
    let (provider, now) = (user.id, state.now());
    let rows = state
        .db(move |conn| store::upcoming_time_off(conn, provider, now))
        .await?;
    let entries = rows
        .into_iter()
        .map(|entry| TimeOffView {
            id: entry.id.to_string(),
            readable: entry.range.is_ok(),
            when: entry
                .range
                .map(|range| describe(range, tz.tz()))
                .unwrap_or_default(),
            reason: entry.reason,
        })
        .collect();
    Ok(render(
        status,
        &TimeOffPage {
            ctx,
            timezone: tz.name().to_owned(),
            entries,
            form,
            errors,
        },
    ))
}
