//! The ICS subscription feed of upcoming holding bookings at a secret address, and the
//! button that replaces the secret (the old address stops working).

use actix_session::Session;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::{bookings, feeds, services};
use crate::db::StoreResult;
use crate::domain::calendar::IcsMethod;
use crate::domain::forms::RawForm;
use crate::email::ics::{booking_calendar, Entry, Reader};
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::state::AppState;
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
    let (replaced, token) = state
        .db(move |conn| {
            Ok((
                feeds::exists(conn, provider)?,
                feeds::regenerate(conn, provider, now)?,
            ))
        })
        .await?;
    // Shown once on the next page; only its hash is stored.
    if let Err(error) = session.insert("new_feed_token", token) {
        tracing::error!(%error, "cannot keep the feed token for display");
    }
    // Only a second address retires an earlier one; the first has nothing to replace.
    let message = if replaced {
        "flash-feed-replaced"
    } else {
        "flash-feed-created"
    };
    flash(&session, FlashKind::Success, crate::i18n::Text::id(message));
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
            // Every booking the provider hosts, team bookings included, with its service
            // (a team service is not among the provider's personal services).
            let rows = bookings::upcoming_hosted(conn, provider.id, now, 1000)?
                .into_iter()
                .map(|b| Ok((bookings::lineage(conn, &b)?, b)))
                .collect::<StoreResult<Vec<_>>>()?;
            let mut all: Vec<services::Service> = Vec::new();
            for (_, booking) in &rows {
                if !all.iter().any(|s| s.id == booking.service_id) {
                    all.extend(services::of_booking(conn, booking)?);
                }
            }
            Ok(Some((provider, rows, all)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let entries: Vec<Entry<'_>> = rows
        .iter()
        .filter_map(|(lineage, booking)| {
            let service = all_services.iter().find(|s| s.id == booking.service_id);
            if service.is_none() {
                tracing::error!(booking = %booking.id, "booking without its service left out of the feed");
            }
            Some(Entry {
                booking,
                service: service?,
                lineage: *lineage,
            })
        })
        .collect();
    // A calendar app fetches the feed with its own (or no) Accept-Language: the words in
    // it are the provider's, in the provider's language, as their mails are.
    let body = crate::i18n::with_locale(provider.language, || {
        booking_calendar(
            state.settings.host(),
            &provider,
            Reader::Provider,
            IcsMethod::Publish,
            &entries,
        )
    })?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .body(body))
}
