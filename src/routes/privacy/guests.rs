//! `/dashboard/guests` (a provider's own bookings) and `/admin/guests` (every provider's,
//! for an admin): find a guest's bookings by email address, download a JSON export of
//! what is held about them, and erase it after a confirmation page. A provider never sees
//! another provider's bookings: for them, another provider's guest simply has none.
//!
//! The same handlers serve both doors; a `Viewer` says whose bookings they see, where the
//! forms post and who the history names as the eraser.
//!
//! The address travels in POST bodies only (with the CSRF token), never in a URL: request
//! logs record URLs, and a guest's address must not end up there.

use actix_session::Session;
use actix_web::http::{header, StatusCode};
use actix_web::{get, post, web, HttpResponse};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::{CsrfForm, CurrentUser};
use crate::db::models::privacy::{self, GuestBooking, GuestScope};
use crate::db::models::users::User;
use crate::domain::booking::Actor;
use crate::domain::email_address::EmailAddress;
use crate::domain::forms::RawForm;
use crate::domain::privacy::parse_guest_email;
use crate::error::{AppError, AppResult};
use crate::routes::admin::{Admin, AdminForm};
use crate::routes::redirect;
use crate::state::AppState;
use crate::views::privacy::{EraseConfirmPage, GuestRow, GuestsPage};
use crate::views::{render, FlashKind, PageContext};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(provider_form)
        .service(provider_lookup)
        .service(provider_export)
        .service(provider_erase)
        .service(provider_erase_confirm)
        .service(admin_form)
        .service(admin_lookup)
        .service(admin_export)
        .service(admin_erase)
        .service(admin_erase_confirm);
}

/// Who is looking, and so what they see.
struct Viewer {
    id: uuid::Uuid,
    scope: GuestScope,
    base: &'static str,
    tz: Tz,
    actor: Actor,
}

impl Viewer {
    fn provider(user: &User) -> Self {
        Viewer {
            id: user.id,
            scope: GuestScope::Provider(user.id),
            base: "/dashboard/guests",
            tz: user.timezone.tz(),
            actor: Actor::Provider,
        }
    }

    /// An admin erasing across providers is not the provider of those bookings: the
    /// history names the instance.
    fn admin(user: &User) -> Self {
        Viewer {
            id: user.id,
            scope: GuestScope::Instance,
            base: "/admin/guests",
            tz: user.timezone.tz(),
            actor: Actor::System,
        }
    }

    fn instance(&self) -> bool {
        self.scope == GuestScope::Instance
    }

    fn row(&self, found: &GuestBooking) -> GuestRow {
        let b = &found.booking;
        GuestRow {
            when: crate::i18n::format::datetime_medium(b.start_at, self.tz),
            service: found.service_name.clone(),
            provider: found.provider.clone(),
            status: b.status().as_str().to_owned(),
            status_label: b.status().label().to_owned(),
            guest_name: b.guest_name.clone(),
            href: (b.provider_id == self.id).then(|| format!("/dashboard/bookings/{}", b.id)),
        }
    }
}

fn email_form(text: &str) -> RawForm {
    RawForm(vec![("email".to_owned(), text.to_owned())])
}

/// The lookup page: the form, and the bookings found (or why nothing was looked up).
fn lookup_page(
    viewer: &Viewer,
    ctx: PageContext,
    status: StatusCode,
    email: &str,
    error: &str,
    found: Option<&[GuestBooking]>,
) -> HttpResponse {
    render(
        status,
        &GuestsPage {
            ctx,
            base: viewer.base.to_owned(),
            instance: viewer.instance(),
            email: email.to_owned(),
            error: error.to_owned(),
            searched: found.is_some(),
            rows: found
                .unwrap_or_default()
                .iter()
                .map(|g| viewer.row(g))
                .collect(),
            timezone: viewer.tz.name().to_owned(),
        },
    )
}

/// The address a form names, or why it cannot be used.
fn parse(typed: &str) -> Result<EmailAddress, String> {
    parse_guest_email(&email_form(typed)).map_err(|errors| errors.get("email").to_owned())
}

/// The lookup page saying why the typed address cannot be used (422).
fn unusable(viewer: &Viewer, ctx: PageContext, typed: &str, error: &str) -> HttpResponse {
    lookup_page(
        viewer,
        ctx,
        StatusCode::UNPROCESSABLE_ENTITY,
        typed,
        error,
        None,
    )
}

async fn find(
    state: &AppState,
    viewer: &Viewer,
    email: &EmailAddress,
) -> AppResult<Vec<GuestBooking>> {
    let (scope, email) = (viewer.scope, email.as_str().to_owned());
    state
        .db(move |conn| privacy::find_guest(conn, scope, &email))
        .await
}

async fn lookup(
    state: &AppState,
    viewer: Viewer,
    ctx: PageContext,
    typed: Option<&str>,
) -> AppResult<HttpResponse> {
    let Some(typed) = typed else {
        return Ok(lookup_page(&viewer, ctx, StatusCode::OK, "", "", None));
    };
    let email = match parse(typed) {
        Ok(email) => email,
        Err(error) => return Ok(unusable(&viewer, ctx, typed, &error)),
    };
    let found = find(state, &viewer, &email).await?;
    Ok(lookup_page(
        &viewer,
        ctx,
        StatusCode::OK,
        email.as_str(),
        "",
        Some(&found),
    ))
}

async fn export(
    state: &AppState,
    viewer: Viewer,
    ctx: PageContext,
    form: RawForm,
) -> AppResult<HttpResponse> {
    let typed = form.get("email");
    let email = match parse(typed) {
        Ok(email) => email,
        Err(error) => return Ok(unusable(&viewer, ctx, typed, &error)),
    };
    let (scope, address, now) = (viewer.scope, email.as_str().to_owned(), state.now());
    let document = state
        .db(move |conn| privacy::export(conn, scope, &address, now))
        .await?;
    let body = serde_json::to_string_pretty(&document).map_err(AppError::internal)?;
    tracing::info!(viewer = %viewer.id, bookings = document.bookings.len(), "guest data exported");
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"guest-data.json\"",
        ))
        // Personal data: no shared or browser cache keeps a copy.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

/// The first step of erasing: what will happen, and the button that does it.
async fn erase(
    state: &AppState,
    viewer: Viewer,
    ctx: PageContext,
    form: RawForm,
) -> AppResult<HttpResponse> {
    let email = match parse(form.get("email")) {
        Ok(email) => email,
        Err(error) => return Ok(unusable(&viewer, ctx, form.get("email"), &error)),
    };
    let found = find(state, &viewer, &email).await?;
    if found.is_empty() {
        return Ok(nothing_to_erase(&viewer, ctx, &email));
    }
    let now = state.now();
    Ok(render(
        StatusCode::OK,
        &EraseConfirmPage {
            ctx,
            base: viewer.base.to_owned(),
            instance: viewer.instance(),
            email: email.as_str().to_owned(),
            count: found.len(),
            upcoming: found
                .iter()
                .filter(|g| g.booking.status().holds_time() && g.booking.start_at > now)
                .count(),
        },
    ))
}

fn nothing_to_erase(viewer: &Viewer, ctx: PageContext, email: &EmailAddress) -> HttpResponse {
    lookup_page(
        viewer,
        ctx,
        StatusCode::UNPROCESSABLE_ENTITY,
        email.as_str(),
        "There are no bookings for this address, so there is nothing to erase.",
        Some(&[]),
    )
}

/// The second step: erase, in one transaction, and say how many bookings it touched.
async fn erase_confirmed(
    state: &AppState,
    viewer: Viewer,
    ctx: PageContext,
    session: &Session,
    form: RawForm,
) -> AppResult<HttpResponse> {
    let email = match parse(form.get("email")) {
        Ok(email) => email,
        Err(error) => return Ok(unusable(&viewer, ctx, form.get("email"), &error)),
    };
    let (scope, actor, now) = (viewer.scope, viewer.actor, state.now());
    let address = email.as_str().to_owned();
    let erased = state
        .db(move |conn| privacy::erase_guest(conn, scope, &address, actor, now))
        .await?;
    if erased == 0 {
        return Ok(nothing_to_erase(&viewer, ctx, &email));
    }
    tracing::info!(viewer = %viewer.id, erased, "guest data erased");
    let message = crate::i18n::Text::id("flash-guest-erased").count("count", erased as i64);
    flash(session, FlashKind::Success, message);
    Ok(redirect(viewer.base))
}

// ---- A provider's own guests ----

#[get("/dashboard/guests")]
async fn provider_form(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    lookup(&state, Viewer::provider(&user), ctx, None).await
}

#[post("/dashboard/guests")]
async fn provider_lookup(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    lookup(
        &state,
        Viewer::provider(&user),
        ctx,
        Some(form.get("email")),
    )
    .await
}

#[post("/dashboard/guests/export")]
async fn provider_export(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    export(&state, Viewer::provider(&user), ctx, form).await
}

#[post("/dashboard/guests/erase")]
async fn provider_erase(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    erase(&state, Viewer::provider(&user), ctx, form).await
}

#[post("/dashboard/guests/erase/confirm")]
async fn provider_erase_confirm(
    state: web::Data<AppState>,
    user: CurrentUser,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<RawForm>,
) -> AppResult<HttpResponse> {
    erase_confirmed(&state, Viewer::provider(&user), ctx, &session, form).await
}

// ---- An admin, across providers ----

#[get("/admin/guests")]
async fn admin_form(
    state: web::Data<AppState>,
    admin: Admin,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    lookup(&state, Viewer::admin(&admin), ctx, None).await
}

#[post("/admin/guests")]
async fn admin_lookup(
    state: web::Data<AppState>,
    admin: Admin,
    ctx: PageContext,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    let form = form?.0;
    Ok(lookup(&state, Viewer::admin(&admin), ctx, Some(form.get("email"))).await?)
}

#[post("/admin/guests/export")]
async fn admin_export(
    state: web::Data<AppState>,
    admin: Admin,
    ctx: PageContext,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    let form = form?.0;
    Ok(export(&state, Viewer::admin(&admin), ctx, form).await?)
}

#[post("/admin/guests/erase")]
async fn admin_erase(
    state: web::Data<AppState>,
    admin: Admin,
    ctx: PageContext,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    let form = form?.0;
    Ok(erase(&state, Viewer::admin(&admin), ctx, form).await?)
}

#[post("/admin/guests/erase/confirm")]
async fn admin_erase_confirm(
    state: web::Data<AppState>,
    admin: Admin,
    ctx: PageContext,
    session: Session,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    let form = form?.0;
    Ok(erase_confirmed(&state, Viewer::admin(&admin), ctx, &session, form).await?)
}
