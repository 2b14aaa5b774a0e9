//! `/admin/calendar-writes`: the newest calendar write-back rows with their state, counts
//! per status and the last error, so an operator sees writes that wait or were given up.

use actix_web::{get, web, HttpResponse};
use chrono_tz::Tz;

use super::Admin;
use crate::db::models::calendar_writes::{self, WriteStatus};
use crate::error::AppResult;
use crate::routes::calendars::write_line;
use crate::state::AppState;
use crate::views::admin::StatusCount;
use crate::views::calendars::{AdminWriteRow, AdminWritesPage};
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list);
}

const LIMIT: i64 = 100;

#[get("/admin/calendar-writes")]
async fn list(
    state: web::Data<AppState>,
    _admin: Admin,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    let (rows, counts) = state
        .db(|conn| {
            Ok((
                calendar_writes::recent(conn, LIMIT)?,
                calendar_writes::count_by_status(conn)?,
            ))
        })
        .await?;
    let counts = WriteStatus::ALL
        .iter()
        .map(|status| StatusCount {
            status: status.as_str().to_owned(),
            count: counts
                .iter()
                .find(|c| c.status == *status)
                .map_or(0, |c| c.count),
            selected: false,
        })
        .collect();
    Ok(page(&AdminWritesPage {
        ctx,
        counts,
        limit: LIMIT,
        rows: rows
            .iter()
            .map(|w| AdminWriteRow {
                booking_id: w.booking_id.to_string(),
                line: write_line(w, Tz::UTC),
            })
            .collect(),
    }))
}
