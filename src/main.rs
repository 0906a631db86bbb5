use clap::Parser;
use std::process::ExitCode;

// The checks allocate many small strings and vectors per link; mimalloc
// serves them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = transcheck::cli::Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    transcheck::cli::run(cli, &mut stdout.lock(), &mut stderr.lock())
}
