//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' `#[utoipa::path]`
//! annotations and the answer types, served as JSON and as a reference page rendered on
//! the server from that same document (no script, no CDN). `/api/v1/problems/<name>`
//! documents each problem type.

use actix_web::{web, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::problem::{problem_types, ApiError};
use super::{booking_changes, bookings, services};
use crate::views::api::{ApiReferencePage, OperationView, ParamView, ProblemTypeView};
use crate::views::{page, PageContext};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Slotbook API",
        version = "1",
        description = "Your services, free times and bookings. Authenticate with `Authorization: Bearer <token>` (Settings → API tokens). Errors are RFC 9457 problem details with a stable `type`."
    ),
    paths(
        services::me,
        services::list,
        services::show,
        services::slots,
        services::public_slots,
        bookings::list,
        bookings::show,
        bookings::create,
        booking_changes::reschedule,
        booking_changes::act,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "account", description = "Who the token belongs to"),
        (name = "services", description = "What guests book, and its free times"),
        (name = "bookings", description = "Bookings and their changes"),
        (name = "public", description = "Token-less, for embedding in your own site"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from Settings → API tokens"))
                    .build(),
            ),
        );
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/openapi.json", web::get().to(document))
        .route("/docs", web::get().to(reference))
        .route("/problems/{name}", web::get().to(problem_type));
}

/// The document as JSON.
async fn document() -> Result<HttpResponse, ApiError> {
    let mut doc =
        serde_json::to_value(ApiDoc::openapi()).map_err(|e| ApiError::Internal(e.into()))?;
    super::webhook_doc::add_webhooks(&mut doc);
    Ok(HttpResponse::Ok().json(doc))
}

/// The reference page: every operation of the document with its parameters and answers.
async fn reference(ctx: PageContext) -> Result<HttpResponse, ApiError> {
    let doc = serde_json::to_value(ApiDoc::openapi()).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(page(&ApiReferencePage {
        ctx,
        title: text(&doc["info"]["title"]),
        description: text(&doc["info"]["description"]),
        operations: operations(&doc),
        problems: problem_list(),
    }))
}

fn text(value: &serde_json::Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// `#/components/schemas/Name` → `Name`.
fn schema_name(schema: &serde_json::Value) -> String {
    let reference = schema["$ref"]
        .as_str()
        .or_else(|| schema["items"]["$ref"].as_str());
    match reference {
        Some(r) => r.rsplit('/').next().unwrap_or(r).to_owned(),
        None => match &schema["type"] {
            serde_json::Value::Array(types) => types
                .iter()
                .filter_map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(" or "),
            other => text(other),
        },
    }
}

fn operations(doc: &serde_json::Value) -> Vec<OperationView> {
    let mut list = Vec::new();
    let Some(paths) = doc["paths"].as_object() else {
        return list;
    };
    for (path, item) in paths {
        let Some(methods) = item.as_object() else {
            continue;
        };
        for (method, op) in methods {
            let parameters = op["parameters"]
                .as_array()
                .map(|params| {
                    params
                        .iter()
                        .map(|p| ParamView {
                            name: text(&p["name"]),
                            location: text(&p["in"]),
                            required: p["required"].as_bool().unwrap_or(false),
                            schema: schema_name(&p["schema"]),
                            description: text(&p["description"]),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let body = op["requestBody"]["content"]
                .as_object()
                .and_then(|content| content.values().next())
                .map(|media| schema_name(&media["schema"]))
                .unwrap_or_default();
            let responses = op["responses"]
                .as_object()
                .map(|responses| {
                    responses
                        .iter()
                        .map(|(status, response)| {
                            let schema = response["content"]
                                .as_object()
                                .and_then(|content| content.values().next())
                                .map(|media| schema_name(&media["schema"]))
                                .unwrap_or_default();
                            (status.clone(), schema, text(&response["description"]))
                        })
                        .collect()
                })
                .unwrap_or_default();
            list.push(OperationView {
                method: method.to_uppercase(),
                path: path.clone(),
                summary: text(&op["summary"]),
                description: text(&op["description"]),
                needs_token: op["security"].as_array().is_some_and(|s| !s.is_empty()),
                parameters,
                body,
                responses,
            });
        }
    }
    list
}

fn problem_list() -> Vec<ProblemTypeView> {
    problem_types()
        .into_iter()
        .map(|(name, status, title)| ProblemTypeView {
            type_uri: format!("{}{name}", super::problem::PROBLEM_BASE),
            name: name.to_owned(),
            status,
            title: title.to_owned(),
        })
        .collect()
}

/// A problem type's own page: its status and title, linking to the reference.
async fn problem_type(ctx: PageContext, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let problems = problem_list();
    let Some(problem) = problems.iter().find(|p| p.name == *path) else {
        return Err(ApiError::NotFound);
    };
    Ok(page(&crate::views::api::ProblemTypePage {
        ctx,
        problem: problem.clone(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1_with_every_operation() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        let ops = operations(&doc);
        assert!(ops.len() >= 10, "{}", ops.len());
        assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    }

    #[test]
    fn the_webhooks_section_describes_every_event_and_its_payload() {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        super::super::webhook_doc::add_webhooks(&mut doc);
        for event in crate::domain::webhooks::EventType::ALL {
            let body = &doc["webhooks"][event.as_str()]["post"]["requestBody"];
            assert_eq!(
                body["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/WebhookPayload"
            );
        }
        let payload = &doc["components"]["schemas"]["WebhookPayload"]["properties"];
        assert!(
            payload["type"].is_object() && payload["data"].is_object(),
            "{payload}"
        );
    }
}
