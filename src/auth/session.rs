//! Typed access to the signed cookie session. Keys are private to this module.

use actix_session::Session;
use rand::RngCore;
use uuid::Uuid;

use crate::db::models::users::User;
use crate::views::{Flash, FlashKind, NavUser};

const USER_ID: &str = "uid";
const SESSION_VERSION: &str = "sv";
const NAV: &str = "nav";
const CSRF: &str = "csrf";
const FLASHES: &str = "flash";

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct StoredNav {
    username: String,
    full_name: String,
    is_admin: bool,
}

/// A random token of 256 bits, hex-encoded.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// SHA-256 of a token, lowercase hex: what the database keeps of every emailed or secret
/// link (account, booking and feed tokens).
pub fn hash_token(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The signed-in user id and the session version it was issued with.
pub fn signed_in(session: &Session) -> Option<(Uuid, i32)> {
    let id = session.get::<Uuid>(USER_ID).ok().flatten()?;
    let version = session.get::<i32>(SESSION_VERSION).ok().flatten()?;
    Some((id, version))
}

/// Starts a fresh session for `user`: a new session key, a new CSRF token.
pub fn sign_in(session: &Session, user: &User) {
    // `clear`, not `purge`: a purged session stays purged for this response, whatever
    // is inserted after it, and the browser would lose the cookie.
    session.clear();
    session.renew();
    store(session, USER_ID, user.id);
    store(session, SESSION_VERSION, user.session_version);
    refresh_nav(session, user);
    store(session, CSRF, random_token());
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
        },
    );
}

/// Records a new session version after the user changed their password, so this session
/// stays signed in while every other one is signed out.
pub fn set_session_version(session: &Session, version: i32) {
    store(session, SESSION_VERSION, version);
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
pub fn flash(session: &Session, kind: FlashKind, message: impl Into<String>) {
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
    session
        .remove_as::<Vec<Flash>>(FLASHES)
        .and_then(Result::ok)
        .unwrap_or_default()
}

fn store(session: &Session, key: &str, value: impl serde::Serialize) {
    if let Err(error) = session.insert(key, value) {
        tracing::error!(%error, key, "cannot write to the session");
    }
}
