//! `POST /teams/{slug}/agenda`: a member turns their daily agenda mail of the team on or
//! off (`jobs::send_team_agendas` sends it from 07:00 in the team's zone).

use actix_session::Session;
use actix_web::{post, web, HttpResponse};

use super::member_of;
use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::team_agenda;
use crate::domain::forms::RawForm;
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::FlashKind;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(set_agenda_mail);
}

#[post("/teams/{slug}/agenda")]
async fn set_agenda_mail(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (team, _) = member_of(&state, &user, &path).await?;
    let on = match form.get("agenda_mail") {
        "on" => true,
        "off" => false,
        _ => return Err(AppError::BadRequest(crate::i18n::t("agenda-error-choice"))),
    };
    let (team_id, user_id) = (team.id, user.id);
    let changed = state
        .db(move |conn| team_agenda::set_opt_in(conn, team_id, user_id, on))
        .await?;
    if !changed {
        return Err(AppError::NotFound);
    }
    let message = if on {
        "flash-agenda-on"
    } else {
        "flash-agenda-off"
    };
    flash(&session, FlashKind::Success, crate::i18n::Text::id(message));
    Ok(redirect(&format!("/teams/{}", team.slug)))
}
