//! Lighthouse over the guest's pages (provider, month, day, booking form, confirmation), as
//! a phone and as a desktop: every category (performance, accessibility, best practices,
//! SEO) must score 100. Opt-in, since each audit takes a Chromium run of its own:
//! `SLOTBOOK_TEST_LIGHTHOUSE=1`, with `lighthouse` (npm, `LIGHTHOUSE` names another path)
//! and Chromium (`CHROME_PATH`, default `/usr/bin/chromium`). The scores are printed.

use std::io::Write;
use std::process::Command;

use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, tuesday_ten};
use crate::both_backends;
use crate::helpers::{csrf_token, hidden_field, location, TestApp};

both_backends!(every_public_page_scores_100_in_every_lighthouse_category,);

const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];

async fn every_public_page_scores_100_in_every_lighthouse_category(app: TestApp) {
    if std::env::var("SLOTBOOK_TEST_LIGHTHOUSE").as_deref() != Ok("1") {
        return;
    }
    // Scores do not depend on the database: one backend is enough.
    if app.backend != crate::helpers::Backend::Sqlite {
        return;
    }
    let lighthouse = std::env::var("LIGHTHOUSE").unwrap_or_else(|_| "lighthouse".to_owned());
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let start = tuesday_ten().timestamp();
    let form = format!("/alice/intro/book?start={start}&tz=Europe/Berlin");
    let html = app.get(&form).await.text().await.unwrap();
    let booked = app
        .post_form(
            "/alice/intro/book",
            &[
                ("csrf_token", &csrf_token(&html)),
                ("start", &start.to_string()),
                ("tz", "Europe/Berlin"),
                (
                    "idempotency_key",
                    &hidden_field(&html, "idempotency_key").unwrap(),
                ),
                ("name", "Grace Guest"),
                ("email", "grace@example.com"),
            ],
        )
        .await;
    let confirmation = location(&booked);
    // The form of another (still free) time: the booked one now answers "taken".
    let other_form = format!("/alice/intro/book?start={}&tz=Europe/Berlin", start + 3600);
    let pages = [
        ("provider", "/alice".to_owned()),
        ("month", "/alice/intro?tz=Europe/Berlin".to_owned()),
        (
            "day",
            "/alice/intro?tz=Europe/Berlin&month=2030-01&date=2030-01-08".to_owned(),
        ),
        ("form", other_form),
        ("confirmation", confirmation),
    ];
    let chrome = std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let out = tempfile::tempdir().unwrap();
    let mut below = Vec::new();
    for form_factor in ["mobile", "desktop"] {
        for (name, path) in &pages {
            let report = out.path().join(format!("{name}-{form_factor}.json"));
            let mut command = Command::new(&lighthouse);
            command
                .arg(app.url(path))
                .arg("--quiet")
                .arg("--output=json")
                .arg(format!("--output-path={}", report.display()))
                .arg(format!("--only-categories={}", CATEGORIES.join(",")))
                .arg("--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync")
                .env("CHROME_PATH", &chrome);
            if form_factor == "desktop" {
                command.arg("--preset=desktop");
            }
            let status = tokio::task::spawn_blocking(move || command.status())
                .await
                .unwrap()
                .unwrap_or_else(|error| panic!("running {lighthouse}: {error}"));
            assert!(status.success(), "lighthouse failed on {path}: {status}");
            let json: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
            let mut line = format!("{form_factor:8} {name:13}");
            for category in CATEGORIES {
                let score = json["categories"][category]["score"]
                    .as_f64()
                    .unwrap_or(0.0);
                let score = (score * 100.0).round();
                line.push_str(&format!(" {category} {score:3}"));
                if score < 100.0 {
                    let failing: Vec<String> = json["audits"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .filter(|(_, audit)| audit["score"].as_f64().is_some_and(|s| s < 1.0))
                        .filter(|(_, audit)| audit["scoreDisplayMode"] != "informative")
                        .map(|(id, audit)| format!("{id} ({})", audit["score"]))
                        .collect();
                    below.push(format!(
                        "{form_factor} {name} {path}: {category} {score}: {}",
                        failing.join(", ")
                    ));
                }
            }
            let _ = writeln!(std::io::stderr(), "lighthouse {line}");
        }
    }
    assert!(below.is_empty(), "below 100:\n{}", below.join("\n"));
}
