//! Services: list, create, edit, activate/deactivate, reorder, delete.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::services::{self, DeleteOutcome, Service};
use crate::domain::forms::{FieldErrors, RawForm};
use crate::domain::service::{
    format_price, ConfirmationMode, QuestionKind, ServiceSpec, BLANK_QUESTION_ROWS,
};
use crate::error::{AppError, AppResult};
use crate::i18n::Text;
use crate::routes::parse_id;
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::scheduling::{QuestionRow, ServiceFormPage, ServiceRow, ServicesPage};
use crate::views::{page, render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list)
        .service(new_form)
        .service(create)
        .service(edit_form)
        .service(update)
        .service(set_active)
        .service(move_service)
        .service(delete);
}

#[get("/dashboard/services")]
async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    let provider = user.id;
    let rows = state
        .db(move |conn| services::list_for_provider(conn, provider))
        .await?;
    let services = rows
        .into_iter()
        .map(|s| ServiceRow {
            id: s.id.to_string(),
            public_url: format!("{}/{}/{}", state.settings.base_url, user.username, s.slug),
            confirmation_key: s.confirmation_mode().as_str(),
            name: s.name,
            slug: s.slug,
            duration_minutes: s.duration_minutes,
            is_active: s.is_active,
        })
        .collect();
    Ok(page(&ServicesPage { ctx, services }))
}

#[get("/dashboard/services/new")]
async fn new_form(user: CurrentUser, ctx: PageContext) -> HttpResponse {
    let form = spec_to_form(&ServiceSpec::defaults());
    form_page(StatusCode::OK, ctx, &user, None, form, FieldErrors::new())
}

#[post("/dashboard/services")]
async fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let spec = match ServiceSpec::parse(&form) {
        Ok(spec) => spec,
        Err(errors) => {
            return Ok(form_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                ctx,
                &user,
                None,
                form,
                errors,
            ))
        }
    };
    let (provider, now, saved) = (user.id, state.now(), spec.clone());
    match state
        .db(move |conn| services::insert(conn, provider, &saved, now))
        .await
    {
        Ok(_) => {
            flash(
                &session,
                FlashKind::Success,
                Text::id("flash-service-created").arg("name", &spec.name),
            );
            Ok(redirect("/dashboard/services"))
        }
        Err(error) => slug_taken_or(error, ctx, &user, None, form),
    }
}

#[get("/dashboard/services/{id}/edit")]
async fn edit_form(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let service = find_own(&state, &user, &path).await?;
    let form = spec_to_form(&service.spec());
    Ok(form_page(
        StatusCode::OK,
        ctx,
        &user,
        Some(&service),
        form,
        FieldErrors::new(),
    ))
}

#[post("/dashboard/services/{id}")]
async fn update(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let service = find_own(&state, &user, &path).await?;
    let spec = match ServiceSpec::parse(&form) {
        Ok(spec) => spec,
        Err(errors) => {
            return Ok(form_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                ctx,
                &user,
                Some(&service),
                form,
                errors,
            ))
        }
    };
    let (provider, id, now, saved) = (user.id, service.id, state.now(), spec.clone());
    match state
        .db(move |conn| services::update(conn, provider, id, &saved, now))
        .await
    {
        Ok(true) => {
            flash(
                &session,
                FlashKind::Success,
                Text::id("flash-service-saved").arg("name", &spec.name),
            );
            Ok(redirect("/dashboard/services"))
        }
        Ok(false) => Err(AppError::NotFound),
        Err(error) => slug_taken_or(error, ctx, &user, Some(&service), form),
    }
}

#[derive(serde::Deserialize)]
struct ActiveForm {
    active: bool,
}

#[post("/dashboard/services/{id}/active")]
async fn set_active(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> AppResult<HttpResponse> {
    let (provider, id, now) = (user.id, parse_id(&path)?, state.now());
    if !state
        .db(move |conn| services::set_active(conn, provider, id, form.active, now))
        .await?
    {
        return Err(AppError::NotFound);
    }
    let message = if form.active {
        Text::id("flash-service-activated")
    } else {
        Text::id("flash-service-deactivated")
    };
    flash(&session, FlashKind::Success, message);
    Ok(redirect("/dashboard/services"))
}

#[derive(serde::Deserialize)]
struct MoveForm {
    step: i32,
}

#[post("/dashboard/services/{id}/move")]
async fn move_service(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> AppResult<HttpResponse> {
    let (provider, id, step) = (user.id, parse_id(&path)?, form.step.signum());
    let moved = state
        .db(move |conn| {
            crate::db::write_transaction(conn, |c| services::move_service(c, provider, id, step))
        })
        .await?;
    if !moved {
        return Err(AppError::NotFound);
    }
    Ok(redirect("/dashboard/services"))
}

#[post("/dashboard/services/{id}/delete")]
async fn delete(
    state: web::Data<AppState>,
    user: CurrentUser,
    session: Session,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    let (provider, id, now) = (user.id, parse_id(&path)?, state.now());
    let outcome = state
        .db(move |conn| {
            crate::db::write_transaction(conn, |c| services::delete(c, provider, id, now))
        })
        .await?;
    match outcome {
        DeleteOutcome::Deleted => flash(
            &session,
            FlashKind::Success,
            Text::id("flash-service-deleted"),
        ),
        DeleteOutcome::NotFound => return Err(AppError::NotFound),
        DeleteOutcome::HasFutureBookings(n) => flash(
            &session,
            FlashKind::Error,
            Text::id("flash-service-has-upcoming").count("count", n),
        ),
        DeleteOutcome::HasPastBookings(_) => flash(
            &session,
            FlashKind::Error,
            Text::id("flash-service-has-past"),
        ),
    }
    Ok(redirect("/dashboard/services"))
}

async fn find_own(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Service> {
    let (provider, id) = (user.id, parse_id(id)?);
    state
        .db(move |conn| services::find_for_provider(conn, provider, id))
        .await?
        .ok_or(AppError::NotFound)
}

/// A duplicate slug is a field error; anything else is a page-level error.
fn slug_taken_or(
    error: AppError,
    ctx: PageContext,
    user: &CurrentUser,
    service: Option<&Service>,
    form: RawForm,
) -> AppResult<HttpResponse> {
    match error {
        AppError::Duplicate(_) => {
            let mut errors = FieldErrors::new();
            errors.add("slug", Text::id("service-error-slug-taken"));
            Ok(form_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                ctx,
                user,
                service,
                form,
                errors,
            ))
        }
        other => Err(other),
    }
}

fn form_page(
    status: StatusCode,
    ctx: PageContext,
    user: &CurrentUser,
    service: Option<&Service>,
    form: RawForm,
    errors: FieldErrors,
) -> HttpResponse {
    let existing = (0..crate::domain::service::MAX_QUESTIONS)
        .take_while(|i| !form.get(&format!("q{i}_label")).is_empty())
        .count();
    let question_rows = QuestionRow::rows(&form, &errors, existing + BLANK_QUESTION_ROWS);
    render(
        status,
        &ServiceFormPage {
            ctx,
            service_id: service.map(|s| s.id.to_string()),
            question_rows,
            form,
            errors,
            modes: ConfirmationMode::ALL,
            question_kinds: QuestionKind::ALL,
            slug_hint: crate::i18n::t1("service-form-slug-hint", "username", &user.username),
        },
    )
}

/// The form's fields for an existing spec (the same names `ServiceSpec::parse` reads).
fn spec_to_form(spec: &ServiceSpec) -> RawForm {
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), spec.name.clone()),
        ("slug".into(), spec.slug.clone()),
        ("description".into(), spec.description.clone()),
        ("duration_minutes".into(), spec.duration_minutes.to_string()),
        (
            "slot_interval_minutes".into(),
            spec.slot_interval_minutes.to_string(),
        ),
        (
            "buffer_before_minutes".into(),
            spec.buffer_before_minutes.to_string(),
        ),
        (
            "buffer_after_minutes".into(),
            spec.buffer_after_minutes.to_string(),
        ),
        (
            "min_notice_minutes".into(),
            spec.min_notice_minutes.to_string(),
        ),
        ("max_days_ahead".into(), spec.max_days_ahead.to_string()),
        (
            "max_per_day".into(),
            spec.max_per_day.map(|n| n.to_string()).unwrap_or_default(),
        ),
        (
            "price".into(),
            spec.price_cents.map(format_price).unwrap_or_default(),
        ),
        ("currency".into(), spec.currency.clone().unwrap_or_default()),
        ("location".into(), spec.location.clone()),
        (
            "confirmation_mode".into(),
            spec.confirmation_mode.as_str().into(),
        ),
        ("hold_minutes".into(), spec.hold_minutes.to_string()),
        (
            "cancellation_notice_minutes".into(),
            spec.cancellation_notice_minutes.to_string(),
        ),
        (
            "reminder_minutes_before".into(),
            spec.reminder_minutes_before
                .map(|n| n.to_string())
                .unwrap_or_else(|| "off".into()),
        ),
    ];
    if spec.is_active {
        pairs.push(("is_active".into(), "on".into()));
    }
    for (i, q) in spec.questions.iter().enumerate() {
        pairs.push((format!("q{i}_label"), q.label.clone()));
        pairs.push((format!("q{i}_kind"), q.kind.as_str().into()));
        pairs.push((format!("q{i}_choices"), q.choices_text()));
        if q.required {
            pairs.push((format!("q{i}_required"), "on".into()));
        }
    }
    RawForm(pairs)
}
