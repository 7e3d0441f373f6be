//! `kotoba`: the command line. It parses flags and wires the library crates
//! together; the work itself lives in the libraries.

/// Writes a message line to stderr, ignoring a failed write: the standard
/// `eprintln!` panics (exit 101) when stderr is a closed pipe (`kotoba … 2>&1
/// | head`), and a lost message is no reason to lose the run. Defined before
/// the modules, this shadows the standard macro in the whole crate, so every
/// message follows the rule.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod args;
mod cmd;
mod lang;
mod markdown;
mod output;
mod run;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

// Summaries and term counts allocate many small strings and vectors per
// document; mimalloc's per-thread heaps make that cheaper than glibc's malloc
// and keep two worker threads from contending on one arena.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    output::remove_partial_output_on_interrupt();
    if let Err(err) = thread_pool(cli.threads) {
        eprintln!("kotoba: error: {err}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Sentences(a) => cmd::sentences::run(a),
        Command::Tokenize(a) => cmd::tokenize::run(a),
        Command::Detect(a) => cmd::detect::run(a),
        Command::Summarize(a) => cmd::summarize::run(a),
        Command::Eval(args::EvalCommand::Rouge(a)) => cmd::eval::rouge(a),
        Command::Glossary(c) => cmd::glossary::run(c),
    };
    match result {
        Ok(status) => status.exit_code(),
        Err(err) => {
            if output::is_broken_pipe(&err) {
                // The reader of our output is gone (`kotoba … | head`): a
                // quiet end, with the status the inputs read so far earned.
                return run::status_so_far().exit_code();
            }
            eprintln!("kotoba: error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// Sets up the worker threads: `--threads N` (bounded by the parser), else
/// rayon's own default (all cores, or RAYON_NUM_THREADS, held here to the
/// same bound); a pool whose threads cannot be started is an error, not an
/// abort.
fn thread_pool(threads: Option<usize>) -> Result<(), String> {
    let Some(n) = threads else {
        // Set but not a number of threads rayon uses: said, not ignored
        // for all cores (rayon reads 0 as its default).
        if let Ok(v) = std::env::var("RAYON_NUM_THREADS")
            && !v.trim().is_empty()
            && !v
                .trim()
                .parse::<usize>()
                .is_ok_and(|n| n <= args::MAX_THREADS)
        {
            return Err(format!(
                "RAYON_NUM_THREADS takes a number of threads up to {}, not `{v}`",
                args::MAX_THREADS
            ));
        }
        return Ok(());
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global()
        .map_err(|e| format!("cannot start {n} worker threads: {e}"))
}

/// The error and its causes, each cause left out when the text before it
/// already says it (library errors name the file and quote their cause).
fn message(err: &anyhow::Error) -> String {
    let mut out = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !out.contains(&cause) {
            out.push_str(": ");
            out.push_str(&cause);
        }
    }
    out
}
