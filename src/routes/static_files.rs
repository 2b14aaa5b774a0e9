//! Embedded static files under content-hashed names, cached for a year.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};

use crate::error::AppError;
use crate::views::assets;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(static_file).service(favicon);
}

/// Browsers ask for `/favicon.ico` whatever the page links, so the icon also lives at its
/// fixed name; without a content hash in the URL it is cached for a day, not a year.
#[get("/favicon.ico")]
async fn favicon() -> Result<HttpResponse, AppError> {
    let asset = assets::unhashed("img/favicon.ico").ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "image/x-icon"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(asset.data.into_owned()))
}

#[get("/static/{path:.*}")]
async fn static_file(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let asset = assets::lookup(&path).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, asset.mime))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(asset.data.into_owned()))
}
