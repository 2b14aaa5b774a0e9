//! Which language a request is answered in, and the switcher that changes it.
//!
//! [`negotiate`] decides before the handler runs: `?lang=`, then the signed-in provider's
//! own setting, then the guest's remembered choice (the `lang` cookie, set only by the
//! switcher), then `Accept-Language`; with none of them a guest page takes its provider's
//! language (`i18n::prefer`), and anything else is English. `GET /language` is the
//! switcher's link: it remembers the choice and goes back to the page.

use actix_session::SessionExt;
use actix_web::body::MessageBody;
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::auth::session;
use crate::i18n::current::{self, RequestLocale};
use crate::i18n::{language_from_code, Locale};
use crate::state::AppState;

/// The remembered choice of a guest who used the switcher.
pub const COOKIE: &str = "lang";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/language", web::get().to(switch));
}

/// The middleware; wrap it inside the session middleware (it reads the signed-in
/// provider's language from the session).
pub async fn negotiate(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let locale = decide(req.request());
    let mut response = current::scope(locale, next.call(req)).await?;
    response.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    Ok(response)
}

fn decide(req: &HttpRequest) -> RequestLocale {
    let accepted = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language);
    let chosen = |code: &str| language_from_code(code).map(|l| Locale::for_language(l, accepted));
    if let Some(locale) = query_lang(req.query_string()).and_then(chosen) {
        return RequestLocale::decided(locale);
    }
    if let Some(locale) = session::nav_language(&req.get_session()) {
        return RequestLocale::decided(locale);
    }
    if let Some(locale) = req.cookie(COOKIE).and_then(|c| chosen(c.value())) {
        return RequestLocale::decided(locale);
    }
    match accepted {
        Some(locale) => RequestLocale::decided(locale),
        None => RequestLocale::undecided(),
    }
}

fn query_lang(query: &str) -> Option<&str> {
    query.split('&').find_map(|pair| pair.strip_prefix("lang="))
}

#[derive(serde::Deserialize)]
struct Switch {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// Remembers the chosen language in the `lang` cookie and returns to `next` (a path on
/// this site only) in it.
async fn switch(state: web::Data<AppState>, query: web::Query<Switch>) -> HttpResponse {
    let back = safe_next(&query.next);
    let Some(language) = language_from_code(&query.lang) else {
        return crate::routes::redirect(&back);
    };
    let cookie = Cookie::build(COOKIE, language.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(state.settings.secure_cookies())
        .finish();
    let (path, query_string) = back.split_once('?').unwrap_or((&back, ""));
    let target = crate::i18n::page_address(path, query_string);
    let separator = if target.contains('?') { '&' } else { '?' };
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("{target}{separator}lang={}", language.code()),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(cookie)
        .finish()
}

/// Only a path of this site: anything else (`//host`, `https://…`, `/\host`) goes home.
fn safe_next(next: &str) -> String {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control);
    if local {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_returns_only_to_pages_of_this_site() {
        assert_eq!(
            safe_next("/ada/intro?month=2026-12"),
            "/ada/intro?month=2026-12"
        );
        assert_eq!(safe_next("//evil.example/"), "/");
        assert_eq!(safe_next("https://evil.example/"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
