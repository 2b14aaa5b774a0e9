//! `/privacy`: the operator's privacy notice when it is configured as a text
//! (`PRIVACY_NOTICE_TEXT`); with an address instead, or none, the page does not exist.

use actix_web::{get, web, HttpResponse};

use crate::config::PrivacyNotice;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::views::privacy::NoticePage;
use crate::views::{page, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show);
}

#[get("/privacy")]
async fn show(state: web::Data<AppState>, ctx: PageContext) -> AppResult<HttpResponse> {
    let Some(PrivacyNotice::Text(text)) = &state.settings.privacy_notice else {
        return Err(AppError::NotFound);
    };
    // Blank lines separate paragraphs (environment values carry no markup; the template
    // escapes whatever they hold).
    let paragraphs = text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    Ok(page(&NoticePage { ctx, paragraphs }))
}
