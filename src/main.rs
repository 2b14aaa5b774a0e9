//! Parse configuration, set up logging, run the chosen subcommand.

use std::process::ExitCode;

use chrono::SubsecRound as _;
use clap::Parser;
use slotbook::cli::{self, AdminFields};
use slotbook::config::AdminCommand;
use slotbook::config::{Cli, Command, MailCommand};
use slotbook::db::DatabaseUrl;
use slotbook::ops;
use slotbook::startup::{self, Application};
use slotbook::telemetry;

fn main() -> ExitCode {
    startup::limit_malloc_arenas();
    let cli = Cli::parse();
    let settings = match cli.settings.into_settings() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("slotbook: {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log_level, settings.log_format);
    let result = actix_web::rt::System::new().block_on(async move {
        // Every subcommand may need DATA_DIR (the default SQLite file, dev mail, the key).
        startup::prepare_data_dir(&settings)?;
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => {
                let app = Application::build(settings).await?;
                tracing::info!(port = app.port(), "slotbook is listening");
                app.run_until_stopped().await?;
                Ok(())
            }
            Command::Mail(MailCommand::Test { to }) => {
                let sent_via = slotbook::email::send_test_message(&settings, &to).await?;
                println!("sent a test message to {to} via {sent_via}");
                Ok(())
            }
            Command::Admin(AdminCommand::Create(args)) => {
                let fields = AdminFields {
                    username: args.username,
                    email: args.email,
                    full_name: args.full_name,
                    password: args.password,
                    timezone: args.timezone,
                };
                let now = chrono::Utc::now().trunc_subsecs(6);
                let user = cli::create_admin_from_cli(&settings, fields, now).await?;
                println!("created administrator {} <{}>", user.username, user.email);
                Ok(())
            }
            Command::Backup { to } => {
                let database = settings.database_url.clone();
                let shown = to.display().to_string();
                let summary =
                    telemetry::spawn_blocking(move || ops::backup::backup(&database, &to))
                        .await??;
                println!(
                    "backup written to {shown} and checked: {}",
                    summary.describe()
                );
                Ok(())
            }
            Command::Restore { from } => {
                let database = settings.database_url.clone();
                let summary =
                    telemetry::spawn_blocking(move || ops::backup::restore(&database, &from))
                        .await??;
                println!("restored and checked: {}", summary.describe());
                Ok(())
            }
            Command::Copy { from, to } => {
                let from = DatabaseUrl::parse(&from).map_err(|e| anyhow::anyhow!("--from: {e}"))?;
                let to = DatabaseUrl::parse(&to).map_err(|e| anyhow::anyhow!("--to: {e}"))?;
                let report =
                    telemetry::spawn_blocking(move || ops::copy::copy(&from, &to)).await??;
                let counts: Vec<String> = report
                    .tables
                    .iter()
                    .map(|(table, rows)| format!("{table} {rows}"))
                    .collect();
                println!(
                    "copied and verified (row counts, double-booking guard): {}",
                    counts.join(", ")
                );
                Ok(())
            }
            Command::Migrate => {
                startup::connect_and_migrate(&settings).await?;
                println!("migrations are up to date");
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err::<(), anyhow::Error>(error) => {
            eprintln!("slotbook: {error:#}");
            ExitCode::FAILURE
        }
    }
}
