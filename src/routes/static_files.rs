//! Embedded static files under content-hashed names, cached for a year.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};

use crate::error::AppError;
use crate::views::assets;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(static_file);
}

#[get("/static/{path:.*}")]
async fn static_file(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let asset = assets::lookup(&path).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, asset.mime))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(asset.data.into_owned()))
}
