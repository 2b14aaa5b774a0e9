//! `/admin/accounts`: every account, and deactivating or reactivating a provider.

use actix_session::Session;
use actix_web::{get, post, web, HttpResponse};

use super::{utc, Admin, AdminForm};
use crate::auth::session::flash;
use crate::db::models::users::{self, User};
use crate::error::{AppError, AppResult};
use crate::routes::{parse_id, redirect};
use crate::state::AppState;
use crate::views::admin::{AccountRow, AccountsPage};
use crate::views::{page, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list).service(set_active);
}

fn row(user: &User, admin_id: uuid::Uuid) -> AccountRow {
    AccountRow {
        id: user.id.to_string(),
        username: user.username.clone(),
        email: user.email.clone(),
        full_name: user.full_name.clone(),
        role: user.role.as_str().to_owned(),
        verified: user.email_verified_at.is_some(),
        active: user.is_active,
        created: utc(user.created_at),
        can_toggle: user.id != admin_id && !user.is_admin(),
    }
}

#[get("/admin/accounts")]
async fn list(
    state: web::Data<AppState>,
    admin: Admin,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    let accounts = state.db(users::list_all).await?;
    Ok(page(&AccountsPage {
        ctx,
        rows: accounts.iter().map(|u| row(u, admin.id)).collect(),
    }))
}

#[post("/admin/accounts/{id}/active")]
async fn set_active(
    state: web::Data<AppState>,
    admin: Admin,
    session: Session,
    path: web::Path<String>,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    let form = form?.0;
    let id = parse_id(&path)?;
    let active = match form.get("active") {
        "true" => true,
        "false" => false,
        _ => {
            return Err(AppError::BadRequest(
                "The form could not be read. Please go back, reload the page and try again.".into(),
            )
            .into())
        }
    };
    if id == admin.id {
        flash(
            &session,
            FlashKind::Error,
            crate::i18n::Text::id("flash-admin-not-yourself"),
        );
        return Ok(redirect("/admin/accounts"));
    }
    let now = state.now();
    let changed = state
        .db(move |conn| users::set_provider_active(conn, id, active, now))
        .await?;
    if !changed {
        // No such account, or an admin's: only providers are switched here.
        flash(
            &session,
            FlashKind::Error,
            crate::i18n::Text::id("flash-admin-only-providers"),
        );
    } else if active {
        flash(
            &session,
            FlashKind::Success,
            crate::i18n::Text::id("flash-admin-reactivated"),
        );
    } else {
        flash(
            &session,
            FlashKind::Success,
            crate::i18n::Text::id("flash-admin-deactivated"),
        );
    }
    Ok(redirect("/admin/accounts"))
}
