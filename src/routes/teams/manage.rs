//! A person's teams: the list and the creation form (`/teams`), a team's page with its
//! members and invitations (`/teams/{slug}`), role changes and removals, and deleting the
//! team (owner only).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};

use super::{member_of, member_who};
use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::team_agenda;
use crate::db::models::team_invitations::{self, INVITATION_LIFETIME};
use crate::db::models::teams::{self, MembershipChange, Team};
use crate::db::models::users;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::team::{
    decide_membership_change, Invite, MembershipRefusal, TeamRole, TeamSpec,
};
use crate::email::team::{invitation, TeamInvitation};
use crate::error::{AppError, AppResult};
use crate::i18n::Text;
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::accounts::timezone_names;
use crate::views::teams::{InvitationRow, MemberRow, TeamPage, TeamRow, TeamsPage};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list)
        .service(create)
        .service(show)
        .service(invite)
        .service(change_member)
        .service(delete);
}

#[get("/teams")]
async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    teams_page(
        &state,
        &user,
        ctx,
        StatusCode::OK,
        RawForm::default(),
        FieldErrors::new(),
    )
    .await
}

#[post("/teams")]
async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let spec = match TeamSpec::parse(&form) {
        Ok(spec) => spec,
        Err(errors) => {
            return teams_page(
                &state,
                &user,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            )
            .await
        }
    };
    let (owner, now) = (user.id, state.now());
    let created = state
        .db(move |conn| teams::create(conn, owner, &spec, now))
        .await;
    let team = match created {
        Ok(team) => team,
        Err(AppError::Duplicate(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("slug", crate::i18n::t("teams-error-slug-taken"));
            return teams_page(
                &state,
                &user,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            )
            .await;
        }
        Err(other) => return Err(other),
    };
    tracing::info!(team.id = %team.id, user.id = %owner, "team created");
    flash(&session, FlashKind::Success, Text::id("flash-team-created"));
    Ok(redirect(&format!("/teams/{}", team.slug)))
}

#[get("/teams/{slug}")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (team, role) = member_of(&state, &user, &path).await?;
    team_page(
        &state,
        ctx,
        team,
        (user.id, role),
        StatusCode::OK,
        RawForm::default(),
        FieldErrors::new(),
    )
    .await
}

#[post("/teams/{slug}/invitations")]
async fn invite(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (team, role) = member_who(&state, &user, &path, TeamRole::manages_members).await?;
    let invite = match Invite::parse(&form) {
        Ok(invite) => invite,
        Err(errors) => {
            return team_page(
                &state,
                ctx,
                team,
                (user.id, role),
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            )
            .await
        }
    };
    let to = invite.email.as_str().to_owned();
    let (team_id, team_name, inviter, inviter_name) =
        (team.id, team.name.clone(), user.id, user.full_name.clone());
    let (base_url, now) = (state.settings.base_url.clone(), state.now());
    // Read here: the database closure runs outside the request's task.
    let page_locale = crate::i18n::locale();
    state
        .db(move |conn| {
            let locale = users::find_by_email(conn, invite.email.as_str())?
                .map_or(page_locale, |invitee| invitee.language);
            let compose = |token: &str| {
                let message = TeamInvitation {
                    team: team_name.clone(),
                    inviter: inviter_name.clone(),
                    role: invite.role.as_str().to_owned(),
                    link: format!("{base_url}/invitations/{token}"),
                    valid_days: INVITATION_LIFETIME.num_days(),
                };
                Ok(invitation(locale, invite.email.as_str(), &message)?)
            };
            team_invitations::invite(conn, team_id, &invite, inviter, now, &compose)
        })
        .await?;
    state.mailer.wake();
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-team-invited").arg("email", to),
    );
    Ok(redirect(&format!("/teams/{}", team.slug)))
}

/// `role` is the new role, or `remove`.
#[post("/teams/{slug}/members/{user_id}")]
async fn change_member(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (slug, member) = path.into_inner();
    let (team, _) = member_who(&state, &user, &slug, TeamRole::manages_members).await?;
    let member = parse_id(&member)?;
    let to = match form.get("role") {
        "remove" => None,
        text => Some(
            TeamRole::parse(text)
                .ok_or_else(|| AppError::BadRequest(crate::i18n::t("team-error-role")))?,
        ),
    };
    let (team_id, actor, now) = (team.id, user.id, state.now());
    let outcome = state
        .db(move |conn| teams::change_member(conn, team_id, actor, member, to, now))
        .await?;
    match outcome {
        MembershipChange::Done => {
            let message = match to {
                Some(role) => Text::id("flash-team-role-changed").arg("role", role.as_str()),
                None => Text::id("flash-team-member-removed"),
            };
            flash(&session, FlashKind::Success, message);
        }
        MembershipChange::Refused(refusal) => {
            let id = match refusal {
                MembershipRefusal::NotAllowed => "team-refusal-not-allowed",
                MembershipRefusal::OwnersOnly => "team-refusal-owners-only",
                MembershipRefusal::LastOwner => "team-refusal-last-owner",
            };
            flash(&session, FlashKind::Error, Text::id(id));
        }
        MembershipChange::NotMember => return Err(AppError::NotFound),
    }
    // Removing oneself ends one's access: back to the list of one's teams.
    if to.is_none() && member == user.id {
        return Ok(redirect("/teams"));
    }
    Ok(redirect(&format!("/teams/{}", team.slug)))
}

#[post("/teams/{slug}/delete")]
async fn delete(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (team, _) = member_who(&state, &user, &path, TeamRole::deletes_team).await?;
    if form.get("confirm_slug").trim() != team.slug {
        flash(
            &session,
            FlashKind::Error,
            Text::id("flash-team-not-deleted"),
        );
        return Ok(redirect(&format!("/teams/{}", team.slug)));
    }
    let id = team.id;
    state.db(move |conn| teams::delete(conn, id)).await?;
    tracing::info!(team.id = %id, user.id = %user.id, "team deleted");
    flash(
        &session,
        FlashKind::Success,
        Text::id("flash-team-deleted").arg("team", &team.name),
    );
    Ok(redirect("/teams"))
}

async fn teams_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let user_id = user.id;
    let rows = state.db(move |conn| teams::teams_of(conn, user_id)).await?;
    let teams = rows
        .into_iter()
        .map(|(team, role)| TeamRow {
            slug: team.slug,
            name: team.name,
            role: role.as_str().to_owned(),
        })
        .collect();
    Ok(render(
        status,
        &TeamsPage {
            ctx,
            teams,
            form,
            errors,
            timezones: timezone_names(),
        },
    ))
}

/// "Mon, Jan 14, 2030, 9:00 AM (Europe/Berlin)", in the page's locale.
fn in_team_zone(at: DateTime<Utc>, team: &Team) -> String {
    let tz = team.timezone.tz();
    format!(
        "{} ({})",
        crate::i18n::format::datetime_medium(at, tz),
        tz.name()
    )
}

async fn team_page(
    state: &AppState,
    ctx: PageContext,
    team: Team,
    (me, role): (uuid::Uuid, TeamRole),
    status: StatusCode,
    invite_form: RawForm,
    invite_errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let (team_id, now) = (team.id, state.now());
    let (members, invitations, agenda_mail) = state
        .db(move |conn| {
            Ok::<_, crate::db::StoreError>((
                teams::members(conn, team_id)?,
                team_invitations::open_for_team(conn, team_id, now)?,
                team_agenda::opted_in(conn, team_id, me)?,
            ))
        })
        .await?;
    let owners = members
        .iter()
        .filter(|m| m.role() == Some(TeamRole::Owner))
        .count();
    let members = members
        .into_iter()
        .map(|m| {
            let from = m.role();
            let allowed = |to: Option<TeamRole>| {
                from.is_some_and(|from| decide_membership_change(role, from, to, owners).is_ok())
            };
            MemberRow {
                user_id: m.user_id.to_string(),
                role_choices: if from.is_some_and(|from| {
                    TeamRole::ALL
                        .iter()
                        .any(|to| *to != from && allowed(Some(*to)))
                }) {
                    TeamRole::ALL
                        .into_iter()
                        .filter(|to| Some(*to) == from || allowed(Some(*to)))
                        .map(TeamRole::as_str)
                        .collect()
                } else {
                    Vec::new()
                },
                removable: allowed(None),
                name: m.full_name,
                username: m.username,
                email: m.email,
                role: m.role,
            }
        })
        .collect();
    let invitations = invitations
        .into_iter()
        .map(|i| InvitationRow {
            expires: in_team_zone(i.expires_at, &team),
            email: i.email,
            role: i.role,
        })
        .collect();
    Ok(render(
        status,
        &TeamPage {
            ctx,
            slug: team.slug.clone(),
            name: team.name.clone(),
            timezone: team.timezone.name().to_owned(),
            my_role: role.as_str().to_owned(),
            manages_members: role.manages_members(),
            deletes_team: role.deletes_team(),
            front_desk: role.operates_front_desk(),
            members,
            invitations,
            invite_form,
            invite_errors,
            agenda_mail,
        },
    ))
}
