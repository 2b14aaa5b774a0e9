//! Pages guests see, without an account: a provider's services, a service's month
//! calendar in the guest's timezone, the booking form and the claim, the page after
//! booking and its calendar file. Registered last: `/{username}` matches almost anything.

mod book;
mod booked;
mod calendar;
mod find;
pub(crate) mod look;
mod provider;
mod team;
mod timezones;

use actix_web::web;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::db::models::services::{self, Service};
use crate::db::models::users::{self, User};
use crate::domain::service::format_price;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(booked::configure)
        .configure(look::configure)
        .configure(provider::configure)
        .configure(calendar::configure)
        .configure(timezones::configure)
        .configure(find::configure)
        .configure(book::configure);
}

/// An active provider by username, or 404.
async fn provider(state: &AppState, username: &str) -> AppResult<User> {
    let username = username.to_lowercase();
    state
        .db(move |conn| users::find_by_username(conn, &username))
        .await?
        .filter(|user| user.is_active)
        .inspect(|user| crate::i18n::prefer(user.language))
        .ok_or(AppError::NotFound)
}

/// An active provider and one of their active services, or 404.
async fn provider_and_service(
    state: &AppState,
    username: &str,
    slug: &str,
) -> AppResult<(User, Service)> {
    let user = provider(state, username).await?;
    let (provider_id, slug) = (user.id, slug.to_lowercase());
    let service = state
        .db(move |conn| services::find_by_slug(conn, provider_id, &slug))
        .await?
        .filter(|service| service.is_active)
        .ok_or(AppError::NotFound)?;
    Ok((user, service))
}

fn display_name(user: &User) -> String {
    user.full_name.clone()
}

fn price_label(service: &Service) -> String {
    match (service.price_cents, &service.currency) {
        (Some(cents), Some(currency)) => format!("{} {currency}", format_price(cents)),
        (Some(cents), None) => format_price(cents),
        _ => String::new(),
    }
}

fn provider_tz(user: &User) -> Tz {
    user.timezone.tz()
}

/// "Tuesday, 8 January 2030, 09:30" in the page's locale.
fn long_local(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::format::datetime_long(at, tz)
}
