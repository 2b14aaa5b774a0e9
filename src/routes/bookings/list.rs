//! `/dashboard/bookings` (filters: status, service, date range; 25 a page) and its CSV.

use actix_session::Session;
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{get, web, HttpResponse};
use chrono_tz::Tz;

use crate::auth::CurrentUser;
use crate::db::models::bookings::{self, Booking, BookingFilter};
use crate::db::models::moves;
use crate::db::models::services::{self, Service};
use crate::db::models::team_services::{self, ServiceLabel};
use crate::domain::booking::BookingStatus;
use crate::domain::time::{parse_date, start_of_local_day, DateInputError};
use crate::error::{AppError, AppResult};
use crate::routes::bookings::service_label;
use crate::state::AppState;
use crate::views::bookings::{action_buttons, BookingRow, BookingsPage, Choice, MovedFrom};
use crate::views::{render, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list).service(csv);
}

const PAGE_SIZE: i64 = 25;
/// Far more pages than any provider has; keeps the offset arithmetic small.
const MAX_PAGE: i64 = 1_000_000;

#[derive(Debug, Default, Clone, serde::Deserialize)]
struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: String,
}

impl ListQuery {
    /// The filter, and why a date could not be used (that filter is then dropped).
    fn filter(&self, tz: Tz) -> (BookingFilter, Option<DateInputError>) {
        let mut error = None;
        let mut date = |text: &str| match text {
            "" => None,
            text => parse_date(text).map_err(|e| error = Some(e)).ok(),
        };
        let from = date(&self.from).map(|d| start_of_local_day(d, tz));
        // "Until" includes the whole day (bounded dates always have a next day).
        let to = date(&self.to).map(|d| start_of_local_day(d.succ_opt().unwrap_or(d), tz));
        let filter = BookingFilter {
            status: self.status.parse().ok(),
            service_id: uuid::Uuid::parse_str(&self.service).ok(),
            from,
            to,
            moves_as_one: true,
        };
        (filter, error)
    }

    /// The page asked for, 1 to [`MAX_PAGE`] (beyond the last page lists nothing).
    fn page(&self) -> i64 {
        self.page
            .trim()
            .parse::<i64>()
            .unwrap_or(1)
            .clamp(1, MAX_PAGE)
    }

    fn href(&self, path: &str, page: Option<i64>) -> String {
        let mut href = format!(
            "{path}?status={}&service={}&from={}&to={}",
            urlencoding::encode(&self.status),
            urlencoding::encode(&self.service),
            urlencoding::encode(&self.from),
            urlencoding::encode(&self.to)
        );
        if let Some(page) = page {
            href.push_str(&format!("&page={page}"));
        }
        href
    }
}

fn provider_zone(user: &CurrentUser) -> Tz {
    user.timezone.tz()
}

fn local(booking: &Booking, tz: Tz) -> String {
    crate::i18n::format::datetime_medium(booking.start_at, tz)
}

/// The labels of the services of `rows` (team services name their team).
fn labels_of(
    conn: &mut crate::db::DbConnection,
    rows: &[Booking],
) -> crate::db::StoreResult<Vec<ServiceLabel>> {
    let ids: Vec<uuid::Uuid> = rows.iter().map(|b| b.service_id).collect();
    team_services::labels(conn, &ids)
}

#[get("/dashboard/bookings")]
async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let tz = provider_zone(&user);
    let (filter, filter_error) = query.filter(tz);
    let filter_error = match filter_error {
        None => String::new(),
        Some(DateInputError::OutOfRange) => crate::i18n::t("bookings-filter-out-of-range"),
        Some(_) => crate::i18n::t("bookings-filter-malformed"),
    };
    let page_number = query.page();
    let (provider, offset) = (user.id, (page_number - 1) * PAGE_SIZE);
    let (rows, total, all_services, earlier, labels) = state
        .db(move |conn| {
            let (rows, total) =
                bookings::list_for_provider(conn, provider, &filter, offset, PAGE_SIZE)?;
            let moved: Vec<_> = rows.iter().filter_map(|b| b.rescheduled_from_id).collect();
            let earlier = moves::earlier(conn, provider, &moved)?;
            let labels = labels_of(conn, &rows)?;
            Ok((
                rows,
                total,
                services::list_for_provider(conn, provider)?,
                earlier,
                labels,
            ))
        })
        .await?;
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let now = state.now();
    let feed_url = session
        .remove_as::<String>("new_feed_token")
        .and_then(Result::ok)
        .map(|token| format!("{}/feeds/{token}.ics", state.settings.base_url));
    // A filter that could not be used: the page says so next to the dates.
    let status = if filter_error.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok(render(
        status,
        &BookingsPage {
            ctx,
            timezone: tz.name().to_owned(),
            rows: rows
                .iter()
                .map(|b| BookingRow {
                    id: b.id.to_string(),
                    when: local(b, tz),
                    moved_from: b
                        .rescheduled_from_id
                        .and_then(|id| earlier.iter().find(|e| e.id == id))
                        .map(|e| MovedFrom {
                            when: local(e, tz),
                            href: format!("/dashboard/bookings/{}", e.id),
                        }),
                    service: service_label(&labels, b.service_id),
                    guest: format!("{} <{}>", b.guest_name, b.guest_email),
                    status: b.status().as_str().to_owned(),
                    actions: action_buttons(b.id, b.facts(), now),
                })
                .collect(),
            statuses: BookingStatus::ALL
                .iter()
                .map(|s| Choice {
                    value: s.as_str().into(),
                    label: crate::i18n::tk("status", s.as_str()),
                    selected: query.status == s.as_str(),
                })
                .collect(),
            services: all_services
                .iter()
                .map(|s| Choice {
                    value: s.id.to_string(),
                    label: s.name.clone(),
                    selected: query.service == s.id.to_string(),
                })
                .collect(),
            from: query.from.clone(),
            to: query.to.clone(),
            filter_error,
            total,
            page: page_number,
            prev_href: (page_number > 1)
                .then(|| query.href("/dashboard/bookings", Some(page_number - 1))),
            next_href: (page_number < pages)
                .then(|| query.href("/dashboard/bookings", Some(page_number + 1))),
            csv_href: query.href("/dashboard/bookings.csv", None),
            feed_url,
        },
    ))
}

/// One CSV field: quoted, quotes doubled, and formula-looking text defused for spreadsheets.
fn field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// One column per custom question, named by its label: the questions of the provider's
/// services in their order, then labels only older answers carry (a question since removed
/// or renamed), so no answer is lost from the export.
fn question_columns(rows: &[Booking], all_services: &[Service]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    let asked = all_services
        .iter()
        .flat_map(|s| s.questions())
        .map(|q| q.label);
    let answered = rows
        .iter()
        .flat_map(|b| b.answers.iter().map(|a| a.question.clone()));
    for label in asked.chain(answered) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

#[get("/dashboard/bookings.csv")]
async fn csv(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let tz = provider_zone(&user);
    let (filter, filter_error) = query.filter(tz);
    if let Some(error) = filter_error {
        // Nothing is exported for a filter that cannot be used.
        return Err(AppError::BadRequest(error.text().to_string()));
    }
    let provider = user.id;
    let (rows, all_services, labels) = state
        .db(move |conn| {
            let (rows, _) = bookings::list_for_provider(conn, provider, &filter, 0, 100_000)?;
            let labels = labels_of(conn, &rows)?;
            Ok((rows, services::list_for_provider(conn, provider)?, labels))
        })
        .await?;
    let questions = question_columns(&rows, &all_services);
    let mut out = String::from(
        "start_local,timezone,start_utc,end_utc,service,status,guest_name,guest_email,guest_phone,notes",
    );
    for question in &questions {
        out.push(',');
        out.push_str(&field(question));
    }
    out.push_str("\r\n");
    for b in &rows {
        let answers = questions.iter().map(|question| {
            b.answers
                .iter()
                .find(|a| &a.question == question)
                .map(|a| a.answer.clone())
                .unwrap_or_default()
        });
        let line = [
            b.start_at
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            tz.name().to_owned(),
            b.start_at.to_rfc3339(),
            b.end_at.to_rfc3339(),
            service_label(&labels, b.service_id),
            b.status().as_str().to_owned(),
            b.guest_name.clone(),
            b.guest_email.clone(),
            b.guest_phone.clone().unwrap_or_default(),
            b.guest_notes.clone().unwrap_or_default(),
        ]
        .into_iter()
        .chain(answers)
        .map(|v| field(&v))
        .collect::<Vec<_>>()
        .join(",");
        out.push_str(&line);
        out.push_str("\r\n");
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"bookings.csv\"",
        ))
        .body(out))
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
    }
}
