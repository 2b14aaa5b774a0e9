//! Weekly hours (with validity dates and copying one day to others) and date overrides.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{NaiveDate, NaiveTime};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::availability::{self as store, OverrideRow, RuleRow};
use crate::db::write_transaction;
use crate::domain::availability::{
    parse_wall_clock, validate_day_intervals, weekday_from_number, IntervalError, LocalInterval,
    WeeklyRule, END_OF_DAY,
};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::time::{local_date, parse_date};
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t1, t2, Text};
use crate::routes::parse_id;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::scheduling::{DayHours, FieldView, HoursPage, OverrideView, RuleView};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show)
        .service(add_rule)
        .service(delete_rule)
        .service(copy_day)
        .service(save_override)
        .service(delete_override);
}

/// Monday first, as people read a week; numbers are the database's (0 = Sunday).

#[derive(Default)]
struct Forms {
    rule: RawForm,
    rule_errors: FieldErrors,
    over: RawForm,
    over_errors: FieldErrors,
    copy_errors: FieldErrors,
}

#[get("/dashboard/availability")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    hours_page(&state, &user, ctx, StatusCode::OK, Forms::default()).await
}

/// Which end of an interval a field holds: only an end may be 24:00.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// A `HH:MM` field; an end may also be `24:00`, the end of the day.
fn parse_time(
    errors: &mut FieldErrors,
    form: &RawForm,
    field: &str,
    edge: Edge,
) -> Option<NaiveTime> {
    let text = form.get(field).trim();
    if text.is_empty() {
        let missing = match edge {
            Edge::Start => "hours-error-start-missing",
            Edge::End => "hours-error-end-missing",
        };
        errors.add(field, Text::id(missing));
        return None;
    }
    let parsed = match edge {
        Edge::Start => parse_wall_clock(text),
        Edge::End => LocalInterval::parse_end(text),
    };
    if parsed.is_none() {
        let message = match edge {
            Edge::Start => Text::id("hours-error-start-unreadable"),
            Edge::End => Text::id("hours-error-end-unreadable").arg("midnight", END_OF_DAY),
        };
        errors.add(field, message);
    }
    parsed
}

/// An optional `YYYY-MM-DD` field.
fn parse_optional_date(errors: &mut FieldErrors, form: &RawForm, field: &str) -> Option<NaiveDate> {
    let text = form.get(field);
    if text.is_empty() {
        return None;
    }
    parse_date(text)
        .map_err(|error| errors.add(field, error.text()))
        .ok()
}

fn validity_overlaps(a: &WeeklyRule, b: &WeeklyRule) -> bool {
    let starts_before_b_ends = match (a.valid_from, b.valid_until) {
        (Some(from), Some(until)) => from <= until,
        _ => true,
    };
    let b_starts_before_a_ends = match (b.valid_from, a.valid_until) {
        (Some(from), Some(until)) => from <= until,
        _ => true,
    };
    starts_before_b_ends && b_starts_before_a_ends
}

/// Reads the add-hours form into one rule per chosen day, checked against the rules that
/// already apply on those days during the same validity.
fn parse_new_rules(
    form: &RawForm,
    existing: &[WeeklyRule],
) -> Result<Vec<WeeklyRule>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let days: Vec<_> = form
        .all("days")
        .iter()
        .filter_map(|d| d.parse::<i32>().ok())
        .filter_map(weekday_from_number)
        .collect();
    if days.is_empty() {
        errors.add("days", Text::id("hours-error-days"));
    }
    let start = parse_time(&mut errors, form, "start", Edge::Start);
    let end = parse_time(&mut errors, form, "end", Edge::End);
    let valid_from = parse_optional_date(&mut errors, form, "valid_from");
    let valid_until = parse_optional_date(&mut errors, form, "valid_until");
    if let (Some(from), Some(until)) = (valid_from, valid_until) {
        if until < from {
            errors.add("valid_until", Text::id("hours-error-validity"));
        }
    }
    let (Some(start), Some(end)) = (start, end) else {
        return Err(errors);
    };
    let mut rules = Vec::new();
    for day in days {
        let rule = WeeklyRule {
            day_of_week: day,
            interval: LocalInterval::new(start, end),
            valid_from,
            valid_until,
        };
        let mut same_day: Vec<LocalInterval> = existing
            .iter()
            .filter(|r| r.day_of_week == day && validity_overlaps(r, &rule))
            .map(|r| r.interval)
            .collect();
        same_day.push(rule.interval);
        if let Err(error) = validate_day_intervals(&same_day) {
            errors.add("end", interval_text(&error, Some(day)));
        }
        rules.push(rule);
    }
    errors.into_result(rules)
}

/// Why a day's intervals were refused, in words (on a weekday, or on the override's date).
fn interval_text(error: &IntervalError, day: Option<chrono::Weekday>) -> Text {
    let on_day = if day.is_some() { "-on-day" } else { "" };
    let text = match error {
        IntervalError::EndNotAfterStart(interval) => {
            Text::id(&format!("hours-error-backwards{on_day}"))
                .arg("interval", interval.to_string())
        }
        IntervalError::Overlap(first, second) => Text::id(&format!("hours-error-overlap{on_day}"))
            .arg("first", first.to_string())
            .arg("second", second.to_string()),
    };
    match day {
        Some(day) => text.arg("day", day_name(day)),
        None => text,
    }
}

fn day_name(day: chrono::Weekday) -> String {
    crate::i18n::format::weekday_long(day)
}

#[post("/dashboard/availability/rules")]
async fn add_rule(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let existing: Vec<WeeklyRule> = state
        .db(move |conn| store::rules(conn, provider))
        .await?
        .iter()
        .filter_map(RuleRow::to_rule)
        .collect();
    let rules = match parse_new_rules(&form, &existing) {
        Ok(rules) => rules,
        Err(rule_errors) => {
            let forms = Forms {
                rule: form,
                rule_errors,
                ..Forms::default()
            };
            return hours_page(&state, &user, ctx, StatusCode::UNPROCESSABLE_ENTITY, forms).await;
        }
    };
    let now = state.now();
    let count = rules.len();
    state
        .db(move |conn| {
            write_transaction(conn, |c| {
                for rule in &rules {
                    store::insert_rule(c, provider, rule, now)?;
                }
                Ok(())
            })
        })
        .await?;
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-hours-added").count("count", count as i64),
    );
    Ok(redirect("/dashboard/availability"))
}

#[post("/dashboard/availability/rules/{id}/delete")]
async fn delete_rule(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, id) = (user.id, parse_id(&path)?);
    if !state
        .db(move |conn| store::delete_rule(conn, provider, id))
        .await?
    {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-hours-removed"),
    );
    Ok(redirect("/dashboard/availability"))
}

#[post("/dashboard/availability/copy")]
async fn copy_day(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let from = form
        .get("from_day")
        .parse::<i32>()
        .ok()
        .filter(|d| (0..7).contains(d));
    let targets: Vec<i32> = form
        .all("to_days")
        .iter()
        .filter_map(|d| d.parse::<i32>().ok())
        .filter(|d| (0..7).contains(d) && Some(*d) != from)
        .collect();
    let (Some(from), false) = (from, targets.is_empty()) else {
        let mut copy_errors = FieldErrors::new();
        copy_errors.add("to_days", Text::id("hours-error-copy-days"));
        let forms = Forms {
            copy_errors,
            ..Forms::default()
        };
        return hours_page(&state, &user, ctx, StatusCode::UNPROCESSABLE_ENTITY, forms).await;
    };
    let (provider, now) = (user.id, state.now());
    let count = targets.len();
    state
        .db(move |conn| {
            write_transaction(conn, |c| {
                let source: Vec<WeeklyRule> = store::rules(c, provider)?
                    .iter()
                    .filter(|r| r.day_of_week == from)
                    .filter_map(RuleRow::to_rule)
                    .collect();
                for &day in &targets {
                    store::delete_rules_on_day(c, provider, day)?;
                    for rule in &source {
                        let Some(weekday) = weekday_from_number(day) else {
                            continue;
                        };
                        store::insert_rule(
                            c,
                            provider,
                            &WeeklyRule {
                                day_of_week: weekday,
                                ..*rule
                            },
                            now,
                        )?;
                    }
                }
                Ok(())
            })
        })
        .await?;
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-hours-copied").count("count", count as i64),
    );
    Ok(redirect("/dashboard/availability"))
}

/// Reads the override form: a date and either "closed" or up to three intervals.
fn parse_override(form: &RawForm) -> Result<(NaiveDate, Vec<LocalInterval>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let date = match form.get("date") {
        "" => {
            errors.add("date", Text::id("hours-error-date-missing"));
            None
        }
        _ => parse_optional_date(&mut errors, form, "date"),
    };
    let mut intervals = Vec::new();
    if !form.checked("closed") {
        for i in 1..=3 {
            let (start_field, end_field) = (format!("start{i}"), format!("end{i}"));
            if form.get(&start_field).is_empty() && form.get(&end_field).is_empty() {
                continue;
            }
            let start = parse_time(&mut errors, form, &start_field, Edge::Start);
            let end = parse_time(&mut errors, form, &end_field, Edge::End);
            if let (Some(start), Some(end)) = (start, end) {
                intervals.push(LocalInterval::new(start, end));
            }
        }
        if intervals.is_empty() && errors.is_empty() {
            errors.add("start1", Text::id("hours-error-override-empty"));
        }
        if let Err(error) = validate_day_intervals(&intervals) {
            errors.add("end1", interval_text(&error, None));
        }
    }
    match date {
        Some(date) => errors.into_result((date, intervals)),
        None => Err(errors),
    }
}

#[post("/dashboard/availability/overrides")]
async fn save_override(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (date, intervals) = match parse_override(&form) {
        Ok(parsed) => parsed,
        Err(over_errors) => {
            let forms = Forms {
                over: form,
                over_errors,
                ..Forms::default()
            };
            return hours_page(&state, &user, ctx, StatusCode::UNPROCESSABLE_ENTITY, forms).await;
        }
    };
    let (provider, now) = (user.id, state.now());
    state
        .db(move |conn| {
            write_transaction(conn, |c| {
                store::replace_override(c, provider, date, &intervals, now)
            })
        })
        .await?;
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-override-saved").arg("date", crate::i18n::format::date_long(date)),
    );
    Ok(redirect("/dashboard/availability"))
}

#[post("/dashboard/availability/overrides/{date}/delete")]
async fn delete_override(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let date = parse_date(&path).map_err(|_| AppError::NotFound)?;
    let provider = user.id;
    if state
        .db(move |conn| store::delete_override(conn, provider, date))
        .await?
        == 0
    {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-override-removed"),
    );
    Ok(redirect("/dashboard/availability"))
}

async fn hours_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    forms: Forms,
) -> AppResult<HttpResponse> {
    let timezone = user.timezone;
    let today = local_date(state.now(), timezone.tz());
    let provider = user.id;
    let (rules, overrides) = state
        .db(move |conn| {
            Ok((
                store::rules(conn, provider)?,
                store::overrides_from(conn, provider, today)?,
            ))
        })
        .await?;
    let days = crate::i18n::format::week()
        .into_iter()
        .map(|day| (crate::domain::availability::weekday_number(day), day))
        .map(|(number, day)| DayHours {
            number,
            name: day_name(day),
            rules: rules
                .iter()
                .filter(|r| r.day_of_week == number)
                .map(rule_view)
                .collect(),
        })
        .collect();
    let override_rows = (1..=3)
        .map(|i| {
            (
                FieldView::of(&forms.over, &forms.over_errors, format!("start{i}")),
                FieldView::of(&forms.over, &forms.over_errors, format!("end{i}")),
            )
        })
        .collect();
    Ok(render(
        status,
        &HoursPage {
            ctx,
            timezone: timezone.name().to_owned(),
            days,
            overrides: override_views(&overrides),
            rule_form: forms.rule,
            rule_errors: forms.rule_errors,
            override_form: forms.over,
            override_errors: forms.over_errors,
            override_rows,
            copy_errors: forms.copy_errors,
        },
    ))
}

fn rule_view(rule: &RuleRow) -> RuleView {
    use crate::i18n::format::date_medium;
    let validity = match (rule.valid_from, rule.valid_until) {
        (None, None) => String::new(),
        (Some(from), None) => t1("hours-valid-from", "date", date_medium(from)),
        (None, Some(until)) => t1("hours-valid-until", "date", date_medium(until)),
        (Some(from), Some(until)) => t2(
            "hours-valid-between",
            "from",
            date_medium(from),
            "until",
            date_medium(until),
        ),
    };
    RuleView {
        id: rule.id.to_string(),
        interval: crate::i18n::format::interval(&LocalInterval::new(
            rule.start_time,
            rule.end_time,
        )),
        validity,
    }
}

/// One line per date: "closed" or its intervals.
fn override_views(rows: &[OverrideRow]) -> Vec<OverrideView> {
    let mut views: Vec<OverrideView> = Vec::new();
    for row in rows {
        let date = row.date.to_string();
        let hours = match (row.start_time, row.end_time) {
            (Some(start), Some(end)) => {
                crate::i18n::format::interval(&LocalInterval::new(start, end))
            }
            _ => t("hours-closed-all-day"),
        };
        match views.last_mut() {
            Some(last) if last.date == date => last.hours = format!("{}, {hours}", last.hours),
            _ => views.push(OverrideView {
                label: crate::i18n::format::date_long(row.date),
                date,
                hours,
            }),
        }
    }
    views
}
