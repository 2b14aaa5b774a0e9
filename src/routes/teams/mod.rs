//! Teams over HTTP: creating a team, its members and invitations (`manage`), joining
//! from an invitation link (`invitations`), the team's services (`services`), the front
//! desk (`desk`, `desk_actions`) and a member's daily agenda mail (`agenda`); and
//! [`claim_with_host_mails`], the team claim with its mails for the guests' and the
//! desk's bookings alike.
//!
//! Access is decided on every request from the database, never from the session: a role
//! change or removal takes effect on the member's next request. Someone who is not a
//! member of a team gets 404 for everything of it (the team's existence is not revealed);
//! a member whose role does not allow an action gets 403.

mod agenda;
mod desk;
mod desk_actions;
mod invitations;
mod manage;
mod services;

use actix_web::web;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::db::models::bookings::{self, Booking};
use crate::db::models::claim::{ClaimMails, IssuedTokens};
use crate::db::models::provider_looks;
use crate::db::models::team_claim::{claim_team, TeamClaimOutcome, TeamClaimRequest};
use crate::db::models::teams::{self, Team};
use crate::db::models::users::User;
use crate::domain::availability::team::AssignmentMode;
use crate::domain::team::TeamRole;
use crate::email::booking as booking_mail;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(invitations::configure)
        .configure(manage::configure)
        .configure(services::configure)
        .configure(desk::configure)
        .configure(desk_actions::configure)
        .configure(agenda::configure);
}

/// The team `slug` and the signed-in user's role in it, read fresh; 404 for a team that
/// does not exist or of which they are not a member.
pub(crate) async fn member_of(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
) -> AppResult<(Team, TeamRole)> {
    let (slug, user_id) = (slug.to_lowercase(), user.id);
    state
        .db(move |conn| teams::membership(conn, &slug, user_id))
        .await?
        .ok_or(AppError::NotFound)
}

/// Like [`member_of`], and 403 unless the role passes `allowed`.
pub(crate) async fn member_who(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
    allowed: fn(TeamRole) -> bool,
) -> AppResult<(Team, TeamRole)> {
    let (team, role) = member_of(state, user, slug).await?;
    if !allowed(role) {
        return Err(AppError::Forbidden);
    }
    Ok((team, role))
}

/// Runs the team claim (a guest's booking or move, or the front desk's booking) with the
/// mails of the booking it makes: the guest's, and the provider's to the host the claim
/// chose, or to every host of a collective booking, each in their own zone.
pub(crate) async fn claim_with_host_mails(
    state: &AppState,
    request: &TeamClaimRequest,
) -> AppResult<TeamClaimOutcome> {
    let hosts: Vec<User> = request.hosts.iter().map(|h| h.user.clone()).collect();
    let collective = request.service.mode == AssignmentMode::Collective;
    let (settings, now, request) = (state.settings.clone(), state.now(), request.clone());
    state
        .db(move |conn| {
            let service = &request.service.service;
            // A guest's move: the booking as it was, whose host is told if it changes.
            let before = match request.replaces {
                Some(old) => bookings::find(conn, old.booking_id)?,
                None => None,
            };
            let brand = provider_looks::branding(conn, service)?;
            let new_booking = |booking: &Booking, lineage, tokens: &IssuedTokens| {
                let host = |id: Uuid| {
                    hosts.iter().find(|h| h.id == id).ok_or_else(|| {
                        anyhow::anyhow!("the chosen host is not a host of the service")
                    })
                };
                let mut context = booking_mail::Context::new(
                    &settings,
                    host(booking.provider_id)?,
                    service,
                    brand.clone(),
                );
                if collective {
                    context = context.with_hosts(hosts.iter().cloned());
                }
                let mut mails = context.new_booking(booking, lineage, tokens)?;
                let moved_away = before
                    .as_ref()
                    .filter(|old| old.provider_id != booking.provider_id);
                if let Some(old) = moved_away {
                    // A host no longer of the service is not told.
                    if let Ok(old_host) = host(old.provider_id) {
                        let context =
                            booking_mail::Context::new(&settings, old_host, service, brand.clone());
                        mails.extend(context.moved_away(old)?);
                    }
                }
                Ok(mails)
            };
            let mails = ClaimMails {
                new_booking: &new_booking,
                expired: &|b, s, p, brand| booking_mail::expired(&settings, b, s, p, brand),
            };
            claim_team(conn, &request, now, mails)
        })
        .await
}
