//! `/dashboard`: the signed-in provider's start page: today's and upcoming bookings, the
//! next free times of each service, and a reminder (and a resend button) while the email
//! address is unverified.

use actix_web::{get, web, HttpResponse};

use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::routes::scheduling::preview::overview;
use crate::state::AppState;
use crate::views::accounts::DashboardHomePage;
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(home);
}

#[get("/dashboard")]
async fn home(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    let CurrentUser(user) = user;
    let overview = overview(&state, &user).await?;
    Ok(page(&DashboardHomePage {
        ctx,
        verified: user.email_verified_at.is_some(),
        public_url: format!("{}/{}", state.settings.base_url, user.username),
        full_name: user.full_name,
        email: user.email,
        timezone: user.timezone.name().to_owned(),
        overview,
    }))
}
