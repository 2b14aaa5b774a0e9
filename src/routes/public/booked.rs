//! After booking: `/b/booked/{key}` shows the booking (the key is the random idempotency
//! key only this guest's browser knows) and `/b/booked/{key}/booking.ics` downloads it.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

use super::{display_name, long_local, provider_tz};
use crate::db::models::bookings::{self, Booking};
use crate::db::models::services::{self, Service};
use crate::db::models::users::{self, User};
use crate::db::StoreError;
use crate::domain::booking::BookingStatus;
use crate::domain::calendar::IcsMethod;
use crate::domain::service::ConfirmationMode;
use crate::email::ics::{booking_calendar, Entry, Reader};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::views::public::BookedPage;
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(ics);
}

struct Loaded {
    booking: Booking,
    service: Service,
    provider: User,
    lineage: (uuid::Uuid, i32),
}

async fn load(state: &AppState, key: String) -> AppResult<Loaded> {
    if key.len() < 32 {
        return Err(AppError::NotFound);
    }
    state
        .db(move |conn| {
            let booking =
                bookings::find_by_idempotency_key(conn, &key)?.ok_or(StoreError::NotFound)?;
            let service = services::of_booking(conn, &booking)?.ok_or(StoreError::NotFound)?;
            let provider = users::find(conn, booking.provider_id)?.ok_or(StoreError::NotFound)?;
            let lineage = bookings::lineage(conn, &booking)?;
            Ok(Loaded {
                booking,
                service,
                provider,
                lineage,
            })
        })
        .await
}

#[get("/b/booked/{key}")]
async fn show(
    state: web::Data<AppState>,
    mut ctx: PageContext,
    req: HttpRequest,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let Loaded {
        booking,
        service,
        provider,
        lineage: _,
    } = load(&state, path.into_inner()).await?;
    super::look::dress(&state, &req, &mut ctx, &provider).await?;
    let zone = booking.guest_timezone.tz();
    let provider_zone = provider_tz(&provider);
    crate::i18n::prefer(booking.language.unwrap_or(provider.language));
    use crate::i18n::{t, t1, t2, tk};
    let (heading, next_steps) = match (booking.status(), service.confirmation_mode()) {
        (BookingStatus::Pending, ConfirmationMode::Provider) => (
            t("booked-requested"),
            t1("booked-requested-next", "provider", display_name(&provider)),
        ),
        (BookingStatus::Pending, _) => (
            t("booked-check-email"),
            t2(
                "booked-check-email-next",
                "email",
                &booking.guest_email,
                "minutes",
                service.hold_minutes,
            ),
        ),
        (BookingStatus::Confirmed, _) => (t("booked-confirmed"), t("booked-confirmed-next")),
        (status, _) => (
            t("booked-other"),
            t1("booked-other-next", "status", tk("status", status.as_str())),
        ),
    };
    Ok(page(&BookedPage {
        ctx,
        status: booking.status().as_str().to_owned(),
        heading,
        next_steps,
        service_name: service.name.clone(),
        provider_name: display_name(&provider),
        when: long_local(booking.start_at, zone),
        zone: zone.name().to_owned(),
        provider_when: long_local(booking.start_at, provider_zone),
        provider_zone: provider_zone.name().to_owned(),
        location: service.location.clone(),
        guest_email: booking.guest_email.clone(),
        ics_href: format!(
            "/b/booked/{}/booking.ics",
            booking.idempotency_key.clone().unwrap_or_default()
        ),
    }))
}

#[get("/b/booked/{key}/booking.ics")]
async fn ics(state: web::Data<AppState>, path: web::Path<String>) -> AppResult<HttpResponse> {
    let loaded = load(&state, path.into_inner()).await?;
    let method = if loaded.booking.status().holds_time() {
        IcsMethod::Publish
    } else {
        IcsMethod::Cancel
    };
    let body = booking_calendar(
        state.settings.host(),
        &loaded.provider,
        Reader::Guest,
        method,
        &[Entry {
            booking: &loaded.booking,
            service: &loaded.service,
            lineage: loaded.lineage,
        }],
    )?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"booking.ics\"",
        ))
        .body(body))
}
