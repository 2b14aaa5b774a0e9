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
use actix_web::{web, FromRequest, HttpResponse};
use chrono_tz::Tz;

use crate::auth::session::flash;
use crate::auth::CurrentUser;
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
    door::<CurrentUser>(cfg);
    door::<Admin>(cfg);
}

/// The guest pages behind one door, at the door's own paths.
fn door<D: Door>(cfg: &mut web::ServiceConfig) {
    let base = D::BASE;
    cfg.route(base, web::get().to(form_page::<D>))
        .route(base, web::post().to(lookup_posted::<D>))
        .route(
            &format!("{base}/export"),
            web::post().to(export_posted::<D>),
        )
        .route(&format!("{base}/erase"), web::post().to(erase_posted::<D>))
        .route(
            &format!("{base}/erase/confirm"),
            web::post().to(erase_confirm_posted::<D>),
        );
}

/// A way in to the guest pages: a signed-in provider (`/dashboard/guests`, their own
/// bookings) or an admin (`/admin/guests`, every provider's). The extractor is the
/// authorization; the viewer it becomes says what is seen.
trait Door: FromRequest + 'static {
    const BASE: &'static str;
    fn viewer(&self) -> Viewer;
}

impl Door for CurrentUser {
    const BASE: &'static str = "/dashboard/guests";
    fn viewer(&self) -> Viewer {
        Viewer::provider(self)
    }
}

impl Door for Admin {
    const BASE: &'static str = "/admin/guests";
    fn viewer(&self) -> Viewer {
        Viewer::admin(self)
    }
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
            base: CurrentUser::BASE,
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
            base: Admin::BASE,
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

// ---- The handlers, the same behind either door ----
//
// The form is extracted as a `Result` (`AdminForm`) so that the door's check answers
// first: actix polls extractors together, and a CSRF refusal arriving first would tell a
// provider that an admin route exists.

async fn form_page<D: Door>(
    state: web::Data<AppState>,
    door: D,
    ctx: PageContext,
) -> AppResult<HttpResponse> {
    lookup(&state, door.viewer(), ctx, None).await
}

async fn lookup_posted<D: Door>(
    state: web::Data<AppState>,
    door: D,
    ctx: PageContext,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    let form = form?.0;
    Ok(lookup(&state, door.viewer(), ctx, Some(form.get("email"))).await?)
}

async fn export_posted<D: Door>(
    state: web::Data<AppState>,
    door: D,
    ctx: PageContext,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    Ok(export(&state, door.viewer(), ctx, form?.0).await?)
}

async fn erase_posted<D: Door>(
    state: web::Data<AppState>,
    door: D,
    ctx: PageContext,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    Ok(erase(&state, door.viewer(), ctx, form?.0).await?)
}

async fn erase_confirm_posted<D: Door>(
    state: web::Data<AppState>,
    door: D,
    ctx: PageContext,
    session: Session,
    form: AdminForm,
) -> actix_web::Result<HttpResponse> {
    Ok(erase_confirmed(&state, door.viewer(), ctx, &session, form?.0).await?)
}
