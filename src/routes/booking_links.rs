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
use crate::db::models::provider_looks;
use crate::db::models::services::{self, Service};
use crate::db::models::team_services;
use crate::db::models::users::{self, User};
use crate::db::{write_transaction, StoreError};
use crate::domain::booking::{guest_change_refused, Actor, Change, Refused};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::email::booking as booking_mail;
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::links::{LinkActionPage, LinkDonePage};
use crate::views::{render, PageContext};

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
    let (status, key) = match dead {
        Dead::Unknown => (StatusCode::NOT_FOUND, "unknown"),
        Dead::Used => (StatusCode::GONE, "used"),
        Dead::Expired => (StatusCode::GONE, "expired"),
    };
    render(
        status,
        &LinkDonePage {
            ctx,
            heading: t(&format!("link-dead-{key}")),
            message: t(&format!("link-dead-{key}-message")),
            link_label: String::new(),
            link_href: String::new(),
        },
    )
}

impl Link {
    fn service_href(&self) -> String {
        self.service_href.clone()
    }

    /// Guests read the page in the language they booked in, the provider (approve /
    /// decline) in theirs, unless the request names one.
    fn prefer_language(&self) {
        crate::i18n::prefer(match self.action {
            TokenAction::Approve | TokenAction::Decline => self.provider.language,
            _ => self.booking.language.unwrap_or(self.provider.language),
        });
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
    link.prefer_language();
    if link.action == TokenAction::Reschedule {
        // The guest moves their booking in the language they booked in.
        let lang = link
            .booking
            .language
            .map(|l| format!("&lang={}", l.language().code()))
            .unwrap_or_default();
        let href = format!(
            "{}?reschedule={token}&tz={}{lang}",
            link.service_href(),
            urlencoding::encode(link.booking.guest_timezone.name())
        );
        return Ok(redirect(&href));
    }
    let (key, danger, ask_reason) = match link.action {
        TokenAction::Confirm => ("confirm", false, false),
        TokenAction::Cancel => ("cancel", true, true),
        TokenAction::Approve => ("approve", false, false),
        TokenAction::Decline => ("decline", true, false),
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
            heading: t(&format!("link-{key}-heading")),
            intro: t(&format!("link-{key}-intro")),
            service_name: link.service.name.clone(),
            with_name,
            when: crate::i18n::format::datetime_long(link.booking.start_at, zone),
            zone: zone.name().to_owned(),
            status: link.booking.status().as_str().to_owned(),
            action_url: format!("/b/{token}"),
            button: t(&format!("link-{key}-button")),
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
    link.prefer_language();
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
                return Err(AppError::BadRequest(t("link-reason-unreadable")));
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
                let brand = provider_looks::branding(c, &service)?;
                let mail = booking_mail::Context::new(&settings, &provider, &service, brand)
                    .with_hosts(hosts);
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
            let key = match change {
                Change::Confirm => "confirm",
                Change::Approve => "approve",
                Change::Decline => "decline",
                _ => "cancel",
            };
            Ok(render(
                StatusCode::OK,
                &LinkDonePage {
                    ctx,
                    heading: t(&format!("link-{key}-done")),
                    message: t(&format!("link-{key}-done-message")),
                    link_label: t("link-book-another"),
                    link_href: link.service_href(),
                },
            ))
        }
    }
}

fn refused_page(ctx: PageContext, link: &Link, refusal: Refused) -> HttpResponse {
    let (status, heading) = match refusal {
        Refused::HoldLapsed => (StatusCode::GONE, t("link-hold-lapsed")),
        _ => (StatusCode::CONFLICT, t("link-cannot")),
    };
    let message = match refusal {
        Refused::HoldLapsed => t("link-hold-lapsed-message"),
        other => crate::i18n::refused(&other),
    };
    render(
        status,
        &LinkDonePage {
            ctx,
            heading,
            message,
            link_label: crate::i18n::t1("link-book-service", "service", &link.service.name),
            link_href: link.service_href(),
        },
    )
}
