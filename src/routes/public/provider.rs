//! `/{username}`: who the provider is and what can be booked.

use actix_web::{get, web, HttpRequest, HttpResponse};

use super::{display_name, price_label, provider};
use crate::db::models::services;
use crate::error::AppResult;
use crate::state::AppState;
use crate::views::public::{ProviderPage, ServiceCard};
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show);
}

#[get("/{username}")]
async fn show(
    state: web::Data<AppState>,
    mut ctx: PageContext,
    req: HttpRequest,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    if let Some(team) = super::team::team_by_slug(&state, &path).await? {
        return super::team::team_page(&state, ctx, team).await;
    }
    let user = provider(&state, &path).await?;
    super::look::dress(&state, &req, &mut ctx, &user).await?;
    let provider_id = user.id;
    let rows = state
        .db(move |conn| services::list_active(conn, provider_id))
        .await?;
    let services = rows
        .iter()
        .map(|s| ServiceCard {
            name: s.name.clone(),
            description: s.description.clone(),
            duration_minutes: s.duration_minutes,
            price: price_label(s),
            location: s.location.clone(),
            href: format!("/{}/{}", user.username, s.slug),
        })
        .collect();
    Ok(page(&ProviderPage {
        ctx,
        display_name: display_name(&user),
        business_name: user.business_name.clone(),
        bio: user.bio.clone(),
        bookings_open: user.can_take_bookings(),
        services,
        people: Vec::new(),
    }))
}
