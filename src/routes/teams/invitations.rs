//! `/invitations/{token}`: the link of an invitation mail. A GET only shows what the link
//! does (mail scanners prefetch links); joining is a POST — with the signed-in account if
//! its address is the invited one, or with a new account made from the invited address
//! (the link proves it, so it starts verified).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use crate::auth::accounts;
use crate::auth::{password, session, CsrfForm};
use crate::db::models::team_invitations::{self, Invitation};
use crate::db::models::teams::Team;
use crate::db::models::users::{self, User};
use crate::domain::account::SignUp;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::error::{AppError, AppResult};
use crate::rate_limit;
use crate::routes::auth::{buckets, limit_account};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::accounts::timezone_names;
use crate::views::teams::{InvitationPage, InvitationState};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(accept).service(sign_up);
}

/// The invitation behind the token and its team; 404 for a token that never existed.
async fn invitation(state: &AppState, token: &str) -> AppResult<(Invitation, Team)> {
    let token = token.to_owned();
    state
        .db(move |conn| team_invitations::find_by_token(conn, &token))
        .await?
        .ok_or(AppError::NotFound)
}

/// The signed-in account, if any (active accounts only).
async fn signed_in_user(state: &AppState, session: &Session) -> AppResult<Option<User>> {
    let Some(id) = session::signed_in(session) else {
        return Ok(None);
    };
    Ok(state
        .db(move |conn| users::find(conn, id))
        .await?
        .filter(|user| user.is_active))
}

#[get("/invitations/{token}")]
async fn show(
    state: web::Data<AppState>,
    session: Session,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (invitation, team) = invitation(&state, &path).await?;
    let user = signed_in_user(&state, &session).await?;
    Ok(invitation_page(
        &state,
        ctx,
        &path,
        &invitation,
        &team,
        user.as_ref(),
        StatusCode::OK,
        RawForm::default(),
        FieldErrors::new(),
    ))
}

#[post("/invitations/{token}")]
async fn accept(
    state: web::Data<AppState>,
    session: Session,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (invitation, team) = invitation(&state, &path).await?;
    let user = signed_in_user(&state, &session).await?;
    let now = state.now();
    // A used or expired link is gone; a link opened by someone else than the invited
    // account is a conflict the page explains.
    let refused = if !invitation.is_open(now) {
        Some(StatusCode::GONE)
    } else if user.as_ref().is_none_or(|u| u.email != invitation.email) {
        Some(StatusCode::CONFLICT)
    } else {
        None
    };
    let (Some(user), None) = (user.as_ref(), refused) else {
        return Ok(invitation_page(
            &state,
            ctx,
            &path,
            &invitation,
            &team,
            user.as_ref(),
            refused.unwrap_or(StatusCode::CONFLICT),
            RawForm::default(),
            FieldErrors::new(),
        ));
    };
    let (user_id, held) = (user.id, invitation.clone());
    let joined = state
        .db(move |conn| accounts::accept_invitation(conn, &held, user_id, now))
        .await?;
    if !joined {
        return Ok(invitation_page(
            &state,
            ctx,
            &path,
            &invitation,
            &team,
            Some(user),
            StatusCode::GONE,
            RawForm::default(),
            FieldErrors::new(),
        ));
    }
    tracing::info!(team.id = %team.id, user.id = %user_id, "joined a team");
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-team-welcome").arg("team", &team.name),
    );
    Ok(redirect(&format!("/teams/{}", team.slug)))
}

#[post("/invitations/{token}/signup")]
async fn sign_up(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (invitation, team) = invitation(&state, &path).await?;
    let now = state.now();
    let page = |status, form, errors| {
        invitation_page(
            &state,
            ctx,
            &path,
            &invitation,
            &team,
            None,
            status,
            form,
            errors,
        )
    };
    if !state.settings.allow_signup || !invitation.is_open(now) {
        return Ok(page(
            StatusCode::FORBIDDEN,
            RawForm::default(),
            FieldErrors::new(),
        ));
    }
    // The address is the invitation's, whatever the form says.
    let mut fields: Vec<(String, String)> = form
        .0
        .iter()
        .filter(|(name, _)| name != "email")
        .cloned()
        .collect();
    fields.push(("email".to_owned(), invitation.email.clone()));
    let signup = match SignUp::parse(&RawForm(fields)) {
        Ok(signup) => signup,
        Err(errors) => return Ok(page(StatusCode::UNPROCESSABLE_ENTITY, form, errors)),
    };
    limit_account(
        &state,
        buckets::SIGNUP_IP,
        &rate_limit::client_key(&req, &state.settings.trusted_proxies),
    )?;
    let hash = password::hash_off_thread(signup.password.expose().to_owned()).await?;
    let held = invitation.clone();
    let created = state
        .db(move |conn| accounts::sign_up_invited(conn, &held, &signup, &hash, now))
        .await;
    let user = match created {
        Ok(Some(user)) => user,
        Ok(None) => {
            return Ok(page(
                StatusCode::GONE,
                RawForm::default(),
                FieldErrors::new(),
            ))
        }
        Err(AppError::Duplicate(constraint)) => {
            let mut errors = FieldErrors::new();
            match users::taken_field(&constraint) {
                Some("username") => {
                    errors.add("username", crate::i18n::t("invite-error-username-taken"))
                }
                Some(_) => errors.add("full_name", crate::i18n::t("invite-error-email-taken")),
                None => return Err(AppError::Duplicate(constraint)),
            }
            return Ok(page(StatusCode::UNPROCESSABLE_ENTITY, form, errors));
        }
        Err(other) => return Err(other),
    };
    tracing::info!(team.id = %team.id, user.id = %user.id, "account created from an invitation");
    session::sign_in(&session, &user);
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-team-welcome-new").arg("team", &team.name),
    );
    Ok(redirect(&format!("/teams/{}", team.slug)))
}

#[expect(
    clippy::too_many_arguments,
    reason = "one page and everything it may show"
)]
fn invitation_page(
    state: &AppState,
    ctx: PageContext,
    token: &str,
    invitation: &Invitation,
    team: &Team,
    user: Option<&User>,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
) -> HttpResponse {
    let page_state = if !invitation.is_open(state.now()) {
        InvitationState::Closed
    } else {
        match user {
            Some(user) if user.email == invitation.email => InvitationState::Accept {
                name: user.full_name.clone(),
            },
            Some(user) => InvitationState::OtherAccount {
                email: user.email.clone(),
            },
            None => InvitationState::SignedOut,
        }
    };
    render(
        status,
        &InvitationPage {
            ctx,
            token: token.to_owned(),
            team: team.name.clone(),
            role: invitation.role.clone(),
            email: invitation.email.clone(),
            state: page_state,
            allow_signup: state.settings.allow_signup,
            form,
            errors,
            timezones: timezone_names(),
        },
    )
}
