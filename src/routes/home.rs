//! The landing page.

use actix_web::{get, web, HttpResponse};

use crate::state::AppState;
use crate::views::pages::HomePage;
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(home);
}

#[get("/")]
async fn home(state: web::Data<AppState>, ctx: PageContext) -> HttpResponse {
    page(&HomePage {
        ctx,
        allow_signup: state.settings.allow_signup,
    })
}
