//! Running a command over a corpus: read, work in parallel, write in order,
//! report failures on stderr and say in the exit status that something failed.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use kotoba_corpus::{Corpus, Document, InputOptions, Outcome, Source, process_ordered};

use crate::args::InputArgs;
use crate::output::Output;

/// Documents handed to the workers at a time: enough to keep every core busy,
/// few enough to bound memory.
const BATCH: usize = 256;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything was processed.
    Clean,
    /// The command reports findings (a check found issues, a lookup found nothing).
    Findings,
    /// Some inputs failed (reported on stderr); the rest was processed.
    Failures,
}

impl Status {
    /// The process exit code: 0 clean, 1 findings, 2 when anything failed.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Status::Clean => ExitCode::SUCCESS,
            Status::Findings => ExitCode::from(1),
            Status::Failures => ExitCode::from(2),
        }
    }
}

/// The corpus named by the input flags (standard input when none).
pub fn corpus(input: &InputArgs) -> Corpus {
    let sources = if input.inputs.is_empty() {
        vec![Source::Stdin]
    } else {
        input.inputs.iter().map(|s| Source::from_arg(s)).collect()
    };
    Corpus::new(
        sources,
        InputOptions {
            jsonl: input.jsonl,
            text_field: input.text_field.clone(),
            id_field: input.id_field.clone(),
        },
    )
}

/// What a command renders for one document: bytes, or pieces of bytes
/// (large documents rendered in parallel), written in order.
pub trait Rendered: Send {
    /// Writes the bytes.
    fn write_to(&self, out: &mut Output) -> std::io::Result<()>;
}

impl Rendered for Vec<u8> {
    fn write_to(&self, out: &mut Output) -> std::io::Result<()> {
        out.write_all(self)
    }
}

impl Rendered for Vec<Vec<u8>> {
    fn write_to(&self, out: &mut Output) -> std::io::Result<()> {
        self.iter().try_for_each(|part| out.write_all(part))
    }
}

/// Runs `work` on every document (in parallel) and writes what it returns,
/// in input order, after an optional `header`.
pub fn over_corpus<W, R>(input: &InputArgs, header: &[u8], work: W) -> Result<Status>
where
    W: Fn(&Document) -> Result<R> + Sync,
    R: Rendered,
{
    let mut out = Output::open(input.output.as_deref())?;
    out.write_all(header)?;
    let mut failed = 0usize;
    process_ordered(corpus(input), BATCH, work, |outcome| -> Result<()> {
        match outcome {
            Outcome::Done(_, rendered) => rendered.write_to(&mut out)?,
            Outcome::Unreadable(e) if e.is_skip() => eprintln!("kotoba: skipped {e}"),
            Outcome::Unreadable(e) => {
                failed += 1;
                eprintln!("kotoba: error: {e}");
            }
            Outcome::Failed(doc, e) => {
                failed += 1;
                eprintln!("kotoba: error: {}: {e:#}", doc.id);
            }
        }
        Ok(())
    })?;
    out.finish()?;
    if failed > 0 {
        eprintln!("kotoba: {failed} input(s) failed");
        Ok(Status::Failures)
    } else {
        Ok(Status::Clean)
    }
}
