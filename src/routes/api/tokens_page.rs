//! Settings → API tokens: make a token (name and scope; the token is shown once), see
//! when each was made and last used, revoke one. An admin also sees and may revoke every
//! account's tokens. Every form carries the CSRF token; a provider can only ever touch
//! their own tokens (another's id is 404).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::api_tokens::{self, ApiToken};
use crate::domain::api::{parse_token_name, Scope};
use crate::domain::forms::RawForm;
use crate::error::{AppError, AppResult};
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::api::{ApiTokensPage, TokenRow};
use crate::views::{render, FlashKind, PageContext};

const PAGE: &str = "/dashboard/settings/api-tokens";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(create).service(revoke);
}

fn when(at: DateTime<Utc>, tz: Tz) -> String {
    crate::i18n::format::datetime_medium(at, tz)
}

fn row(token: &ApiToken, owner: &str, tz: Tz) -> TokenRow {
    TokenRow {
        id: token.id.to_string(),
        name: token.name.clone(),
        scope: token.scope.label().to_owned(),
        created: when(token.created_at, tz),
        last_used: token
            .last_used_at
            .map(|at| when(at, tz))
            .unwrap_or_default(),
        revoked: token.revoked_at.map(|at| when(at, tz)).unwrap_or_default(),
        owner: owner.to_owned(),
    }
}

/// What the form shows besides the lists.
#[derive(Default)]
struct FormState {
    new_token: String,
    new_token_name: String,
    name: String,
    scope: String,
    name_error: String,
    scope_error: String,
}

async fn tokens_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    form: FormState,
) -> AppResult<HttpResponse> {
    let (id, is_admin) = (user.id, user.is_admin());
    let (mine, all) = state
        .db(move |conn| {
            let mine = api_tokens::list_for_user(conn, id)?;
            let all = if is_admin {
                Some(api_tokens::list_all(conn)?)
            } else {
                None
            };
            Ok((mine, all))
        })
        .await?;
    let tz = user.timezone.tz();
    Ok(render(
        status,
        &ApiTokensPage {
            ctx,
            timezone: tz.name().to_owned(),
            rows: mine.iter().map(|t| row(t, &user.username, tz)).collect(),
            all: all.map(|all| all.iter().map(|(t, owner)| row(t, owner, tz)).collect()),
            new_token: form.new_token,
            new_token_name: form.new_token_name,
            name: form.name,
            scope: form.scope,
            name_error: form.name_error,
            scope_error: form.scope_error,
        },
    ))
}

#[get("/dashboard/settings/api-tokens")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    tokens_page(&state, &user, ctx, StatusCode::OK, FormState::default()).await
}

/// Makes the token and shows it in this answer only (no redirect: a flash would have to
/// keep the token in the session).
#[post("/dashboard/settings/api-tokens")]
async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let name = parse_token_name(form.get("name"));
    let scope = form.get("scope").parse::<Scope>();
    let (name, scope) = match (name, scope) {
        (Ok(name), Ok(scope)) => (name, scope),
        (name, scope) => {
            let again = FormState {
                name: form.get("name").to_owned(),
                scope: form.get("scope").to_owned(),
                name_error: name.err().map(|e| e.to_string()).unwrap_or_default(),
                scope_error: scope
                    .err()
                    .map(|_| crate::i18n::t("tokens-error-scope"))
                    .unwrap_or_default(),
                ..FormState::default()
            };
            return tokens_page(&state, &user, ctx, StatusCode::UNPROCESSABLE_ENTITY, again).await;
        }
    };
    let (id, now, token_name) = (user.id, state.now(), name.clone());
    let (_, token) = state
        .db(move |conn| api_tokens::create(conn, id, &token_name, scope, now))
        .await?;
    let shown = FormState {
        new_token: token,
        new_token_name: name,
        ..FormState::default()
    };
    tokens_page(&state, &user, ctx, StatusCode::OK, shown).await
}

#[post("/dashboard/settings/api-tokens/{id}/revoke")]
async fn revoke(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let id = parse_id(&path)?;
    // An admin may revoke any account's token; a provider only their own.
    let owner = (!user.is_admin()).then_some(user.id);
    let now = state.now();
    let revoked = state
        .db(move |conn| api_tokens::revoke(conn, id, owner, now))
        .await?;
    if !revoked {
        return Err(AppError::NotFound);
    }
    flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-token-revoked"),
    );
    Ok(redirect(PAGE))
}
