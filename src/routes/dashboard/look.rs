//! `/dashboard/embedding`: where the provider's booking pages may be embedded (the
//! `frame-ancestors` allow-list), their accent colour and logo text, and the iframe
//! snippet to paste into their own website.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::provider_looks;
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::look::{self, Look};
use crate::error::AppResult;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::look::LookPage;
use crate::views::{render, FlashKind, PageContext};

const PAGE: &str = "/dashboard/embedding";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(save);
}

#[get("/dashboard/embedding")]
async fn show(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let saved = state.db(move |c| provider_looks::find(c, provider)).await?;
    let form = RawForm(vec![
        ("origins".to_owned(), saved.origins.join("\n")),
        (
            "accent".to_owned(),
            saved.accent.clone().unwrap_or_default(),
        ),
        (
            "logo_text".to_owned(),
            saved.logo_text.clone().unwrap_or_default(),
        ),
    ]);
    Ok(page(
        &state,
        &user,
        ctx,
        StatusCode::OK,
        form,
        FieldErrors::new(),
        &saved,
    ))
}

#[post("/dashboard/embedding")]
async fn save(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let parsed = look::parse(
        form.get("origins"),
        form.get("accent"),
        form.get("logo_text"),
    );
    let look = match parsed {
        Ok(look) => look,
        Err(errors) => {
            let provider = user.id;
            let saved = state.db(move |c| provider_looks::find(c, provider)).await?;
            return Ok(page(
                &state,
                &user,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
                &saved,
            ));
        }
    };
    let (provider, now) = (user.id, state.now());
    state
        .db(move |c| provider_looks::save(c, provider, &look, now))
        .await?;
    flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-look-saved"),
    );
    Ok(redirect(PAGE))
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
    saved: &Look,
) -> HttpResponse {
    let embed_url = format!("{}/{}?embed=1", state.settings.base_url, user.username);
    render(
        status,
        &LookPage {
            ctx,
            embed_url,
            has_origins: !saved.origins.is_empty(),
            form,
            errors,
            min_contrast: look::MIN_CONTRAST,
            max_logo_chars: look::MAX_LOGO_CHARS,
        },
    )
}
