//! `senim`: one binary for the registration journal — the server, the school's and staff's
//! set-up, API tokens, the journal's verification and benchmarks.

mod bench;
mod bridge;
mod cli;
mod demo;

use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = cli::Cli::parse();
    // A benchmark's thousands of requests would drown its figures in log lines.
    let default_filter = match cli.command {
        cli::Command::Bench(_) => "warn",
        _ => "info,sqlx=warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SENIM_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter)),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let code = runtime.block_on(cli::run(cli))?;
    std::process::exit(code);
}
