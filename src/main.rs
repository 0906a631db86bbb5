use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = transcheck::cli::Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    transcheck::cli::run(cli, &mut stdout.lock(), &mut stderr.lock())
}
