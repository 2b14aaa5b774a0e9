//! The commands `main` runs besides serving, above `startup` because they build their own
//! database pool: `slotbook admin create`. (`slotbook migrate` is
//! `startup::connect_and_migrate`; `slotbook mail test` is `email::send_test_message`.)

use anyhow::Context as _;
use chrono::{DateTime, Utc};

use crate::auth::accounts::create_admin;
use crate::auth::password;
use crate::config::Settings;
use crate::db::models::users::{self, User};
use crate::db::StoreError;
use crate::domain::account::SignUp;
use crate::domain::forms::RawForm;

/// What `slotbook admin create` was given.
#[derive(Debug, Clone)]
pub struct AdminFields {
    pub username: String,
    pub email: String,
    pub full_name: String,
    pub password: String,
    pub timezone: String,
}

/// `slotbook admin create`: checks the fields with the sign-up rules, applies pending
/// migrations and creates a verified administrator.
pub async fn create_admin_from_cli(
    settings: &Settings,
    fields: AdminFields,
    now: DateTime<Utc>,
) -> anyhow::Result<User> {
    let form = RawForm(vec![
        ("username".into(), fields.username),
        ("email".into(), fields.email),
        ("full_name".into(), fields.full_name),
        ("password".into(), fields.password),
        ("timezone".into(), fields.timezone),
    ]);
    let signup = SignUp::parse(&form).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|(field, message)| format!("--{}: {message}", field.replace('_', "-")))
            .collect();
        anyhow::anyhow!("the account was not created:\n  {}", lines.join("\n  "))
    })?;
    let pool = crate::startup::connect_and_migrate(settings).await?;
    crate::telemetry::spawn_blocking(move || {
        let hash = password::hash(signup.password.expose())?;
        let mut conn = pool.get().context("cannot get a database connection")?;
        create_admin(&mut conn, &signup, &hash, now).map_err(|error| match &error {
            StoreError::Duplicate(name) => match users::taken_field(name) {
                Some(field) => anyhow::anyhow!("an account with this {field} already exists"),
                None => anyhow::Error::new(error).context("cannot create the account"),
            },
            _ => anyhow::Error::new(error).context("cannot create the account"),
        })
    })
    .await?
}
