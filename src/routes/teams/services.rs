//! `/teams/{slug}/services`: the team's services (every member sees them) and, for owners
//! and admins, the form that creates one with its hosts and assignment mode.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use uuid::Uuid;

use super::{member_of, member_who};
use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::team_services::{self, CreateRefusal};
use crate::db::models::teams::{self, Team};
use crate::domain::availability::team::AssignmentMode;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::service::ServiceSpec;
use crate::domain::team::TeamRole;
use crate::error::AppResult;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::teams::{HostChoice, TeamServiceRow, TeamServicesPage};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list).service(create);
}

#[get("/teams/{slug}/services")]
async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (team, role) = member_of(&state, &user, &path).await?;
    let defaults = RawForm(vec![
        ("duration_minutes".into(), "30".into()),
        ("max_days_ahead".into(), "60".into()),
        ("confirmation_mode".into(), "instant".into()),
    ]);
    services_page(
        &state,
        ctx,
        team,
        role,
        StatusCode::OK,
        defaults,
        FieldErrors::new(),
    )
    .await
}

#[post("/teams/{slug}/services")]
async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (team, role) = member_who(&state, &user, &path, TeamRole::manages_services).await?;
    let mut errors = FieldErrors::new();
    let spec = ServiceSpec::parse(&form).map_err(|e| errors = e).ok();
    let mode = AssignmentMode::parse(form.get("assignment_mode"));
    if mode.is_none() {
        errors.add("assignment_mode", crate::i18n::t("team-service-error-mode"));
    }
    let hosts: Vec<Uuid> = form
        .all("host")
        .into_iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect();
    if hosts.is_empty() {
        errors.add("host", crate::i18n::t("team-service-error-no-host"));
    }
    let (Some(spec), Some(mode), true) = (spec, mode, errors.is_empty()) else {
        return services_page(
            &state,
            ctx,
            team,
            role,
            StatusCode::UNPROCESSABLE_ENTITY,
            form,
            errors,
        )
        .await;
    };
    let (team_id, creator, now) = (team.id, user.id, state.now());
    let created = state
        .db(move |conn| team_services::create(conn, team_id, creator, &spec, mode, &hosts, now))
        .await?;
    match created {
        Ok(_) => {
            flash(
                &session,
                FlashKind::Success,
                crate::i18n::Text::id("flash-team-service-created"),
            );
            Ok(redirect(&format!("/teams/{}/services", team.slug)))
        }
        Err(refusal) => {
            let mut errors = FieldErrors::new();
            match refusal {
                CreateRefusal::SlugTaken => {
                    errors.add("slug", crate::i18n::t("team-service-error-slug-taken"))
                }
                CreateRefusal::BadHosts => {
                    errors.add("host", crate::i18n::t("team-service-error-bad-hosts"))
                }
            }
            services_page(
                &state,
                ctx,
                team,
                role,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            )
            .await
        }
    }
}

async fn services_page(
    state: &AppState,
    ctx: PageContext,
    team: Team,
    role: TeamRole,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let team_id = team.id;
    let (services, members) = state
        .db(move |conn| {
            let services = team_services::list(conn, team_id)?;
            let mut rows = Vec::with_capacity(services.len());
            for service in services {
                let hosts = team_services::hosts(conn, &service)?;
                rows.push((service, hosts));
            }
            Ok((rows, teams::members(conn, team_id)?))
        })
        .await?;
    let chosen = form.all("host");
    let hosts = members
        .into_iter()
        .filter(|m| m.role().is_some_and(TeamRole::hosts))
        .map(|m| HostChoice {
            checked: chosen.contains(&m.user_id.to_string().as_str()),
            id: m.user_id.to_string(),
            name: m.full_name,
        })
        .collect();
    let services = services
        .into_iter()
        .map(|(s, hosts)| TeamServiceRow {
            name: s.service.name.clone(),
            href: format!("/{}/{}", team.slug, s.slug),
            mode: match s.mode {
                AssignmentMode::RoundRobin => "assign-round_robin",
                AssignmentMode::Collective => "assign-collective",
            },
            hosts: hosts
                .iter()
                .map(|h| h.user.full_name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    Ok(render(
        status,
        &TeamServicesPage {
            ctx,
            slug: team.slug.clone(),
            name: team.name.clone(),
            manages_services: role.manages_services(),
            services,
            hosts,
            form,
            errors,
        },
    ))
}
