//! Guest and provider experience (issue 16) over real HTTP, on both backends: the rough
//! edges a first user meets, the reschedule shown as a move, the week view, "find a time
//! that suits me", embedding and branding.

mod browser_week;
mod find;
mod moves;
mod rough_edges;
mod week;

use slotbook::domain::service::{ConfirmationMode, ServiceSpec};
use uuid::Uuid;

use crate::booking::arrange_provider;
use crate::helpers::{TestApp, TEST_PASSWORD};

/// `alice` of `arrange_provider` (Europe/Berlin, Monday to Friday 09:00–17:00, `/alice/intro`)
/// with a known password, signed in on `app.client`.
pub async fn signed_in_alice(
    app: &TestApp,
    spec: impl FnOnce(&mut ServiceSpec) + Send + 'static,
) -> Uuid {
    let provider = arrange_provider(app, ConfirmationMode::Instant, spec).await;
    let hash = slotbook::auth::password::hash(TEST_PASSWORD).unwrap();
    app.db(move |conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::users;
        diesel::update(users::table.filter(users::username.eq("alice")))
            .set(users::password_hash.eq(hash))
            .execute(conn)
            .unwrap();
    })
    .await;
    app.sign_in(&app.client, "alice", TEST_PASSWORD).await;
    provider.id
}

/// The text of the page at `path`, asserting it answered `status`.
pub async fn page(app: &TestApp, path: &str, status: u16) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), status, "{path}");
    response.text().await.unwrap()
}
