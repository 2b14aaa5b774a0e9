//! Parse configuration, set up logging, run the chosen subcommand.

use std::process::ExitCode;

use clap::Parser;
use slotbook::config::{Cli, Command};
use slotbook::startup::{self, Application};
use slotbook::telemetry;

fn main() -> ExitCode {
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
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => {
                let app = Application::build(settings).await?;
                tracing::info!(port = app.port(), "slotbook is listening");
                app.run_until_stopped().await?;
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
