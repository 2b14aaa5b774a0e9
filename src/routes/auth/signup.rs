//! `/signup`: a new provider account. The first account of an empty instance becomes the
//! administrator. `ALLOW_SIGNUP=false` closes the page and refuses the form.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::{buckets, client_key, limit_account};
use crate::auth::accounts;
use crate::auth::{password, session, CsrfForm};
use crate::db::models::users;
use crate::domain::account::SignUp;
use crate::domain::forms::{FieldErrors, RawForm, Text};
use crate::error::{AppError, AppResult};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::accounts::{timezone_names, SignUpPage};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(show).service(create);
}

#[get("/signup")]
async fn show(state: web::Data<AppState>, ctx: PageContext) -> HttpResponse {
    signup_page(
        &state,
        ctx,
        StatusCode::OK,
        RawForm::default(),
        FieldErrors::new(),
    )
}

#[post("/signup")]
async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    if !state.settings.allow_signup {
        return Ok(signup_page(
            &state,
            ctx,
            StatusCode::FORBIDDEN,
            RawForm::default(),
            FieldErrors::new(),
        ));
    }
    let signup = match SignUp::parse(&form) {
        Ok(signup) => signup,
        Err(errors) => {
            return Ok(signup_page(
                &state,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            ))
        }
    };
    limit_account(&state, buckets::SIGNUP_IP, &client_key(&state, &req))?;
    let hash = password::hash_off_thread(signup.password.expose().to_owned()).await?;
    let (base_url, now) = (state.settings.base_url.clone(), state.now());
    let created = state
        .db(move |conn| accounts::sign_up(conn, &signup, &hash, &base_url, now))
        .await;
    let user = match created {
        Ok(user) => user,
        Err(AppError::Duplicate(constraint)) => {
            let mut errors = FieldErrors::new();
            match users::taken_field(&constraint) {
                Some("username") => errors.add("username", Text::id("signup-error-username-taken")),
                Some(_) => errors.add("email", Text::id("signup-error-email-taken")),
                None => return Err(AppError::Duplicate(constraint)),
            }
            return Ok(signup_page(
                &state,
                ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                errors,
            ));
        }
        Err(other) => return Err(other),
    };
    tracing::info!(user.id = %user.id, role = %user.role, "account created");
    session::sign_in(&session, &user);
    session::flash(
        &session,
        FlashKind::Success,
        crate::i18n::Text::id("flash-welcome").arg("email", &user.email),
    );
    Ok(redirect("/dashboard"))
}

fn signup_page(
    state: &AppState,
    ctx: PageContext,
    status: StatusCode,
    form: RawForm,
    errors: FieldErrors,
) -> HttpResponse {
    render(
        status,
        &SignUpPage {
            ctx,
            allow_signup: state.settings.allow_signup,
            form,
            errors,
            timezones: timezone_names(),
        },
    )
}
