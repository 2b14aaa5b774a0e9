//! Typed access to the session. Keys are private to this module. The state lives in the
//! database (`auth::session_store`); the cookie carries only the session's random id.
//! What it stores for pages (flash messages, the navigation's user) are `views` types,
//! and the `PageContext` extractor is here: the session reads into the page context,
//! never the other way round.
//!
//! Nothing is stored for a visitor until something has to be (a CSRF token for a form
//! they are shown, a flash message), so anonymous pages without a form set no cookie.

use std::collections::HashMap;

use actix_session::Session;
use uuid::Uuid;

use crate::db::models::users::User;
use crate::tokens::random_token;
use crate::views::{Flash, FlashKind, LazyCsrfToken, NavUser, PageContext};

const USER_ID: &str = "uid";
const NAV: &str = "nav";
const CSRF: &str = "csrf";
const FLASHES: &str = "flash";

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct StoredNav {
    username: String,
    full_name: String,
    is_admin: bool,
    /// The provider's language for their pages (absent in sessions from before languages).
    #[serde(default)]
    language: Option<String>,
}

/// The signed-in user's id.
pub fn signed_in(session: &Session) -> Option<Uuid> {
    session.get::<Uuid>(USER_ID).ok().flatten()
}

/// Starts a fresh session for `user`: a new session id, a new CSRF token.
pub fn sign_in(session: &Session, user: &User) {
    // `clear`, not `purge`: a purged session stays purged for this response, whatever
    // is inserted after it, and the browser would lose the cookie.
    session.clear();
    session.renew();
    store(session, USER_ID, user.id);
    refresh_nav(session, user);
    store(session, CSRF, random_token());
}

/// Moves this session, state and all, to a new id (the old one is deleted). After the
/// account's sessions were all ended, this is how the current one carries on.
pub fn move_to_new_id(session: &Session) {
    session.renew();
}

/// Keeps the name shown in the navigation in step after a profile change.
pub fn refresh_nav(session: &Session, user: &User) {
    store(
        session,
        NAV,
        StoredNav {
            username: user.username.clone(),
            full_name: user.full_name.clone(),
            is_admin: user.is_admin(),
            language: Some(user.language.tag().to_owned()),
        },
    );
}

/// The signed-in provider's language, as the navigation's entry keeps it.
pub fn nav_language(session: &Session) -> Option<crate::i18n::Locale> {
    signed_in(session)?;
    let nav = session.get::<StoredNav>(NAV).ok().flatten()?;
    crate::i18n::Locale::from_tag(nav.language.as_deref()?)
}

pub fn sign_out(session: &Session) {
    session.purge();
}

pub fn nav_user(session: &Session) -> Option<NavUser> {
    signed_in(session)?;
    let nav = session.get::<StoredNav>(NAV).ok().flatten()?;
    Some(NavUser {
        username: nav.username,
        full_name: nav.full_name,
        is_admin: nav.is_admin,
    })
}

/// The session's CSRF token, created on first use.
pub fn csrf_token(session: &Session) -> String {
    if let Some(token) = session.get::<String>(CSRF).ok().flatten() {
        return token;
    }
    let token = random_token();
    store(session, CSRF, &token);
    token
}

pub(crate) fn expected_csrf_token(session: &Session) -> Option<String> {
    session.get::<String>(CSRF).ok().flatten()
}

/// Queues a message for the next page this browser sees.
pub fn flash(session: &Session, kind: FlashKind, message: impl Into<crate::i18n::Text>) {
    let mut flashes = session
        .get::<Vec<Flash>>(FLASHES)
        .ok()
        .flatten()
        .unwrap_or_default();
    flashes.push(Flash {
        kind,
        message: message.into(),
    });
    store(session, FLASHES, flashes);
}

pub fn take_flashes(session: &Session) -> Vec<Flash> {
    // `remove` marks the session changed even when the key is absent: look first, so a
    // page without flashes writes nothing.
    if !session.contains_key(FLASHES) {
        return Vec::new();
    }
    session
        .remove_as::<Vec<Flash>>(FLASHES)
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The page context as this browser's session fills it: the signed-in user for the
/// navigation, the CSRF token (created and stored only when a form shows it) and the
/// flash messages (consumed).
impl actix_web::FromRequest for PageContext {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        use actix_session::SessionExt;
        let session = req.get_session();
        let for_token = session.clone();
        std::future::ready(Ok(PageContext {
            user: nav_user(&session),
            csrf_token: LazyCsrfToken::new(move || csrf_token(&for_token)),
            flashes: take_flashes(&session),
            privacy_href: privacy_href(req),
            embed: is_embedded(req),
            brand: crate::views::Brand::default(),
            here: crate::i18n::page_address(req.path(), req.query_string()),
        }))
    }
}

/// Whether the page was asked for in the embed layout (`embed=1` in the query string; a
/// form of the embedded flow posts to an action that carries it too).
fn is_embedded(req: &actix_web::HttpRequest) -> bool {
    req.query_string().split('&').any(|pair| pair == "embed=1")
}

/// Where the operator's privacy notice is (`PRIVACY_NOTICE_URL`, or `/privacy` for a
/// `PRIVACY_NOTICE_TEXT`), for the booking forms' link.
fn privacy_href(req: &actix_web::HttpRequest) -> Option<String> {
    req.app_data::<actix_web::web::Data<crate::state::AppState>>()
        .and_then(|state| state.settings.privacy_notice.as_ref())
        .map(|notice| notice.href().to_owned())
}

/// The user a stored state belongs to (what `sign_in` put there), for the store's
/// `user_id` column.
pub(crate) fn user_of_state(state: &HashMap<String, String>) -> Option<Uuid> {
    state
        .get(USER_ID)
        .and_then(|json| serde_json::from_str::<Uuid>(json).ok())
}

/// A state without its sign-in: what may survive when the session it belonged to has
/// ended meanwhile (a flash, the CSRF token).
pub(crate) fn signed_out_state(mut state: HashMap<String, String>) -> HashMap<String, String> {
    state.remove(USER_ID);
    state.remove(NAV);
    state
}

fn store(session: &Session, key: &str, value: impl serde::Serialize) {
    if let Err(error) = session.insert(key, value) {
        tracing::error!(%error, key, "cannot write to the session");
    }
}
