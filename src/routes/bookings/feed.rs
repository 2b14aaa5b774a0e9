//! The ICS subscription feed of upcoming holding bookings at a secret address, and the
//! button that replaces the secret (the old address stops working).

use actix_session::Session;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::{bookings, feeds, services};
use crate::domain::calendar::{calendar, IcsEvent, IcsMethod};
use crate::domain::forms::RawForm;
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::startup::AppState;
use crate::views::FlashKind;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(regenerate).service(feed);
}

#[post("/dashboard/feed")]
async fn regenerate(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, now) = (user.id, state.now());
    let token = state
        .db(move |conn| feeds::regenerate(conn, provider, now))
        .await?;
    // Shown once on the next page; only its hash is stored.
    if let Err(error) = session.insert("new_feed_token", token) {
        tracing::error!(%error, "cannot keep the feed token for display");
    }
    flash(
        &session,
        FlashKind::Success,
        "New feed address created; the old one no longer works.",
    );
    Ok(redirect("/dashboard/bookings"))
}

#[get("/feeds/{token}.ics")]
async fn feed(state: web::Data<AppState>, path: web::Path<String>) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    if token.len() != 64 {
        return Err(AppError::NotFound);
    }
    let now = state.now();
    let (provider, rows, all_services) = state
        .db(move |conn| {
            let Some(provider) = feeds::provider_for_token(conn, &token)? else {
                return Ok(None);
            };
            let rows = bookings::upcoming_holding(conn, provider.id, now, 1000)?;
            let all = services::list_for_provider(conn, provider.id)?;
            Ok(Some((provider, rows, all)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let host = state.settings.host();
    let events: Vec<IcsEvent> = rows
        .iter()
        .map(|b| {
            let service = all_services.iter().find(|s| s.id == b.service_id);
            IcsEvent {
                uid: format!("{}@{host}", b.id),
                sequence: u32::try_from(b.version).unwrap_or(0),
                summary: format!(
                    "{} – {}",
                    service.map_or("Booking", |s| s.name.as_str()),
                    b.guest_name
                ),
                description: format!(
                    "{} <{}> ({})",
                    b.guest_name,
                    b.guest_email,
                    b.status().label()
                ),
                location: service.map(|s| s.location.clone()).unwrap_or_default(),
                start: b.start_at,
                end: b.end_at,
                organizer_email: provider.email.clone(),
                organizer_name: provider.full_name.clone(),
                attendee_email: b.guest_email.clone(),
                attendee_name: b.guest_name.clone(),
                cancelled: false,
                stamp: b.updated_at,
            }
        })
        .collect();
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .body(calendar(IcsMethod::Publish, &events)))
}
