use clap::Parser;
use std::process::ExitCode;

// The checks allocate many small strings and vectors per link; mimalloc
// serves them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (its index in `mi_option_e`).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Turns transparent huge pages off for this process: mimalloc asks for
/// them on its arenas, and with pages returned at once (above) every
/// refault zeroed a whole 2 MiB page in the kernel (a third of the CPU
/// time of a 1,000-sentence check, a tenth at 100,000).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE reads only its integer arguments.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    // Freed pages go back to the system at once instead of after a second: the
    // aligner frees large per-chunk tables while the checks allocate theirs, and
    // the delay let both count towards the peak.
    // SAFETY: an option set before any thread is spawned.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    no_huge_pages();
    let cli = transcheck::cli::Cli::parse();
    let stdout = std::io::stdout();
    // Stderr unlocked: each message takes the lock itself, so a panic
    // message from another thread is never held behind ours.
    transcheck::cli::run(cli, &mut stdout.lock(), &mut std::io::stderr())
}
