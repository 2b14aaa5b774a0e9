//! `/b/{token}`: the links in booking emails. A GET only shows what the link does (mail
//! scanners open links); the POST acts. Unknown links are 404; used or expired ones 410,
//! with a page that says so and never shows another booking.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::CsrfForm;
use crate::db::models::booking_hosts;
use crate::db::models::booking_tokens::{self, BookingToken, TokenAction};
use crate::db::models::bookings::{self, Booking};
use crate::db::models::lifecycle;
use crate::db::models::services::{self, Service};
use crate::db::models::team_services;
use crate::db::models::users::{self, User};
use crate::db::{write_transaction, StoreError};
use crate::domain::booking::{guest_change_refused, Actor, Change, Refused};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::email::booking as booking_mail;
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::links::{LinkActionPage, LinkDonePage};
use crate::views::{render, PageContext};

const UNREADABLE_REASON: &str = "Your reason contains invisible control characters, so \
                                 nothing was changed. Please go back and retype it.";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(act);
}

/// A token with what it points at.
pub struct Link {
    pub token: BookingToken,
    pub action: TokenAction,
    pub booking: Booking,
    pub service: Service,
    pub provider: User,
    /// Where the service is booked: `/{provider}/{slug}`, or `/{team}/{slug}` for a team
    /// service (its `services` row's own slug is internal and has no page).
    pub service_href: String,
}

/// Why a link cannot be used.
pub enum Dead {
    Unknown,
    Used,
    Expired,
}

/// Looks a link up; `Err(Dead)` when it is unknown, used or expired.
pub async fn lookup(state: &AppState, token: String) -> AppResult<Result<Link, Dead>> {
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(Err(Dead::Unknown));
    }
    let now = state.now();
    state
        .db(move |conn| {
            let Some(found) = booking_tokens::find(conn, &token)? else {
                return Ok(Err(Dead::Unknown));
            };
            if found.used_at.is_some() {
                return Ok(Err(Dead::Used));
            }
            if found.expires_at <= now {
                return Ok(Err(Dead::Expired));
            }
            let action = found.action;
            let booking = bookings::find(conn, found.booking_id)?.ok_or(StoreError::NotFound)?;
            let service = services::of_booking(conn, &booking)?.ok_or(StoreError::NotFound)?;
            let provider = users::find(conn, booking.provider_id)?.ok_or(StoreError::NotFound)?;
            let service_href = match team_services::public_path(conn, service.id)? {
                Some(path) => path,
                None => format!("/{}/{}", provider.username, service.slug),
            };
            Ok(Ok(Link {
                token: found,
                action,
                booking,
                service,
                provider,
                service_href,
            }))
        })
        .await
}

pub fn dead_page(ctx: PageContext, dead: Dead) -> HttpResponse {
    let (status, heading, message) = match dead {
        Dead::Unknown => (
            StatusCode::NOT_FOUND,
            "This link is not valid",
            "We could not find this link. Please check that you copied the whole address from the email.",
        ),
        Dead::Used => (
            StatusCode::GONE,
            "This link no longer works",
            "This link was already used, or the booking changed since the email was sent (for example, it was rescheduled or cancelled). Please use the links in the most recent email about your booking.",
        ),
        Dead::Expired => (
            StatusCode::GONE,
            "This link has expired",
            "This link is no longer valid: its time has passed. If you still need an appointment, please book a new time.",
        ),
    };
    render(
        status,
        &LinkDonePage {
            ctx,
            heading: heading.into(),
            message: message.into(),
            link_label: String::new(),
            link_href: String::new(),
        },
    )
}

impl Link {
    fn service_href(&self) -> String {
        self.service_href.clone()
    }

    /// Guests read times in their zone; the provider (approve/decline) in theirs.
    fn reader_zone(&self) -> chrono_tz::Tz {
        let zone = match self.action {
            TokenAction::Approve | TokenAction::Decline => self.provider.timezone,
            _ => self.booking.guest_timezone,
        };
        zone.tz()
    }
}

#[get("/b/{token}")]
async fn show(
    state: web::Data<AppState>,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let link = match lookup(&state, token.clone()).await? {
        Ok(link) => link,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    if link.action == TokenAction::Reschedule {
        let href = format!(
            "{}?reschedule={token}&tz={}",
            link.service_href(),
            urlencoding::encode(link.booking.guest_timezone.name())
        );
        return Ok(redirect(&href));
    }
    let (heading, intro, button, danger, ask_reason) = match link.action {
        TokenAction::Confirm => ("Confirm your booking", "Press the button to confirm this booking.", "Confirm booking", false, false),
        TokenAction::Cancel => ("Cancel your booking", "Press the button to cancel this booking. The time becomes free for others.", "Cancel booking", true, true),
        TokenAction::Approve => ("Approve this booking", "Press the button to approve this request; the guest is told at once.", "Approve", false, false),
        TokenAction::Decline => ("Decline this booking", "Press the button to decline this request; the guest is told and the time becomes free.", "Decline", true, false),
        TokenAction::Reschedule => unreachable!("handled above"),
    };
    let zone = link.reader_zone();
    let with_name = match link.action {
        TokenAction::Approve | TokenAction::Decline => link.booking.guest_name.clone(),
        _ => link.provider.full_name.clone(),
    };
    Ok(render(
        StatusCode::OK,
        &LinkActionPage {
            ctx,
            heading: heading.into(),
            intro: intro.into(),
            service_name: link.service.name.clone(),
            with_name,
            when: link
                .booking
                .start_at
                .with_timezone(&zone)
                .format("%A, %-d %B %Y, %H:%M")
                .to_string(),
            zone: zone.name().to_owned(),
            status: link.booking.status().as_str().to_owned(),
            action_url: format!("/b/{token}"),
            button: button.into(),
            danger,
            ask_reason,
        },
    ))
}

#[post("/b/{token}")]
async fn act(
    state: web::Data<AppState>,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let link = match lookup(&state, token).await? {
        Ok(link) => link,
        Err(dead) => return Ok(dead_page(ctx, dead)),
    };
    let now = state.now();
    let (change, actor) = match link.action {
        TokenAction::Confirm => (Change::Confirm, Actor::Guest),
        TokenAction::Approve => (Change::Approve, Actor::Provider),
        TokenAction::Decline => (Change::Decline, Actor::Provider),
        TokenAction::Cancel => {
            if let Some(refusal) = guest_change_refused(
                link.service.cancellation_notice_minutes,
                link.booking.start_at,
                now,
            ) {
                return Ok(refused_page(ctx, &link, refusal));
            }
            let mut errors = FieldErrors::new();
            let reason = form.text(&mut errors, "reason");
            if !errors.is_empty() {
                return Err(AppError::BadRequest(UNREADABLE_REASON.into()));
            }
            let reason = reason.chars().take(500).collect::<String>();
            (Change::Cancel { reason }, Actor::Guest)
        }
        TokenAction::Reschedule => return Ok(redirect(&link.service_href())),
    };
    let (settings, provider, service) = (
        state.settings.clone(),
        link.provider.clone(),
        link.service.clone(),
    );
    let (token_id, booking_id, change_in_tx) = (link.token.id, link.booking.id, change.clone());
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |c| {
                if !booking_tokens::mark_used(c, token_id, now)? {
                    return Ok(None);
                }
                // Every host of a collective booking gets the provider's mails.
                let hosts = booking_hosts::host_users(c, booking_id)?;
                let mail =
                    booking_mail::Context::new(&settings, &provider, &service).with_hosts(hosts);
                let result = lifecycle::apply(
                    c,
                    booking_id,
                    &change_in_tx,
                    actor,
                    now,
                    &|b, lineage, tokens| mail.changed(b, lineage, tokens, &change_in_tx, actor),
                )?;
                Ok(Some(result))
            })
        })
        .await?;
    match outcome {
        None => Ok(dead_page(ctx, Dead::Used)),
        Some(Err(refusal)) => Ok(refused_page(ctx, &link, refusal)),
        Some(Ok(_)) => {
            state.mailer.wake();
            let (heading, message) = match change {
                Change::Confirm => ("Your booking is confirmed", "Thank you. We sent the confirmation with a calendar file to your email."),
                Change::Approve => ("Booking approved", "The guest has been told that the booking is confirmed."),
                Change::Decline => ("Booking declined", "The guest has been told, and the time is free again."),
                _ => ("Your booking is cancelled", "The time is free again and the provider has been told. We sent a confirmation to your email."),
            };
            Ok(render(
                StatusCode::OK,
                &LinkDonePage {
                    ctx,
                    heading: heading.into(),
                    message: message.into(),
                    link_label: "Book another time".into(),
                    link_href: link.service_href(),
                },
            ))
        }
    }
}

fn refused_page(ctx: PageContext, link: &Link, refusal: Refused) -> HttpResponse {
    let (status, heading) = match refusal {
        Refused::HoldLapsed => (StatusCode::GONE, "The time is no longer held"),
        _ => (StatusCode::CONFLICT, "This cannot be done"),
    };
    let message = match refusal {
        Refused::HoldLapsed => "The booking was not confirmed in time, so the time was released. You are welcome to book again.".to_owned(),
        other => other.to_string(),
    };
    render(
        status,
        &LinkDonePage {
            ctx,
            heading: heading.into(),
            message,
            link_label: format!("Book {}", link.service.name),
            link_href: link.service_href(),
        },
    )
}
