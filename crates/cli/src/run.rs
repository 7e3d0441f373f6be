//! Running a command over a corpus: read, work in parallel, write in order,
//! report failures on stderr and say in the exit status that something failed.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Result, anyhow};
use kotoba_corpus::{Corpus, Document, InputOptions, Outcome, PassedOver, Source, process_ordered};

use crate::args::InputArgs;
use crate::output::Output;

/// Documents handed to the workers at a time: enough to keep every core busy
/// past a few large documents, few enough to bound memory (batches also stop
/// at 32 MB of text).
const BATCH: usize = 1024;

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

/// Whether an input has failed so far in this run (reported on stderr).
static FAILED: AtomicBool = AtomicBool::new(false);

/// The errors of single inputs (documents, records, lines of a pair file)
/// a run shows in full; the rest are counted in its summary, not shown
/// (60,000 records without the text field gave 60,000 lines).
const ERRORS_SHOWN: usize = 20;

/// Errors of single inputs met so far in this run.
static ERRORS: AtomicUsize = AtomicUsize::new(0);

/// Writes the error `line` of one input to stderr, if it is one of the
/// first [`ERRORS_SHOWN`] of the run, and after the last of those one line
/// saying the rest are counted, not shown. Inputs are reported in input
/// order, so the lines shown do not depend on the number of threads.
pub(crate) fn show_error(line: &str) {
    let seen = ERRORS.fetch_add(1, Ordering::Relaxed);
    if seen < ERRORS_SHOWN {
        eprintln!("{line}");
    } else if seen == ERRORS_SHOWN {
        eprintln!(
            "kotoba: note: more than {ERRORS_SHOWN} errors: further ones are counted, not \
             shown (the total comes at the end)"
        );
    }
}

/// Remembers that an input failed, for [`status_so_far`].
fn note_failure() {
    FAILED.store(true, Ordering::Relaxed);
}

/// Whether a check has found issues so far in this run.
static FOUND: AtomicBool = AtomicBool::new(false);

/// Remembers that a check found issues, for [`status_so_far`]: a QA step
/// read through `| head` must not pass because its reader left early.
pub fn note_findings() {
    FOUND.store(true, Ordering::Relaxed);
}

/// The status earned by the inputs read so far: `Failures` once one failed,
/// else `Findings` once a check found issues. A run cut short (its output
/// closed early, `kotoba … | head`) ends with it.
pub fn status_so_far() -> Status {
    if FAILED.load(Ordering::Relaxed) {
        Status::Failures
    } else if FOUND.load(Ordering::Relaxed) {
        Status::Findings
    } else {
        Status::Clean
    }
}

/// Refuses `-` given more than once: standard input can be read once, and
/// a second read would find it empty and fail as an empty file.
pub fn stdin_once<'a>(args: impl IntoIterator<Item = &'a std::ffi::OsStr>) -> Result<()> {
    if args.into_iter().filter(|a| *a == "-").count() > 1 {
        return Err(anyhow!(
            "standard input (`-`) given more than once; it can be read only once"
        ));
    }
    Ok(())
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
            // Only record mode writes a line per input line.
            blank_lines_are_records: input.keep_fields,
            ..InputOptions::default()
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

/// Whether text output heads each document with its id ([`text_heading`]),
/// as `head` and `tail` head each file: when the run reads more than one
/// document (several inputs, a folder or JSON Lines) and `--no-heading` is
/// not given.
pub fn several_documents(input: &InputArgs) -> bool {
    let several = input.jsonl
        || input.inputs.len() > 1
        || input
            .inputs
            .iter()
            .any(|i| i != "-" && Path::new(i).is_dir());
    several && !input.no_heading
}

/// The line that heads a document's text output in a run of several
/// ([`several_documents`]): `==> id <==`.
pub fn text_heading(out: &mut Vec<u8>, id: &str) {
    out.extend_from_slice(b"==> ");
    // One line whatever the id holds (a JSON Lines id may hold a line
    // break): written as a TSV cell is.
    out.extend_from_slice(kotoba_glossary::formats::plain_tsv_cell(id).as_bytes());
    out.extend_from_slice(b" <==\n");
}

/// Runs `work` on every document (in parallel) and writes what it returns,
/// in input order, after an optional `header`.
pub fn over_corpus<W, R>(input: &InputArgs, header: &[u8], work: W) -> Result<Status>
where
    W: Fn(&Document) -> Result<R> + Sync,
    R: Rendered,
{
    stdin_once(input.inputs.iter().map(|i| i.as_ref()))?;
    refuse_overwriting_inputs(input, &[], &[])?;
    let started = Instant::now();
    let mut out = Output::open(input.output.as_deref())?;
    // The header goes out with the first result (or at the end), so a run
    // where every input failed writes nothing at all, as it says.
    let mut header_due = !header.is_empty();
    let progress = Progress::new(input);
    let (mut done, mut failed, mut bytes) = (0usize, 0usize, 0usize);
    let mut ids = IdCheck::new(input);
    let (docs, passed, given) = items(input);
    // In record mode a failure's `id` is the record's id field as written,
    // like a success's (see [`keep_fields`]), or null.
    let report =
        |out: &mut Output, id: Option<&serde_json::Value>, message: String| -> Result<()> {
            note_failure();
            show_error(&format!("kotoba: error: {message}"));
            if input.keep_fields {
                serde_json::to_writer(&mut *out, &serde_json::json!({"id": id, "error": message}))?;
                out.write_all(b"\n")?;
            }
            if input.fail_fast {
                return Err(anyhow::Error::new(FailFast));
            }
            Ok(())
        };
    let result = process_ordered(docs, BATCH, work, |outcome| -> Result<()> {
        match outcome {
            Outcome::Done(doc, rendered) => {
                ids.check(&doc);
                done += 1;
                bytes += doc.text.len();
                if std::mem::take(&mut header_due) {
                    out.write_all(header)?;
                }
                rendered.write_to(&mut out)?;
            }
            Outcome::Unreadable(e) if e.is_skip() => eprintln!("kotoba: skipped {e}"),
            Outcome::Unreadable(e) => {
                failed += 1;
                report(&mut out, e.record_id_value(), e.to_string())?;
                hint_encoding(&e);
            }
            Outcome::Failed(doc, e) => {
                ids.check(&doc);
                failed += 1;
                bytes += doc.text.len();
                let id = doc.record.as_ref().and_then(|r| r.get(&input.id_field));
                report(&mut out, id, format!("{}: {e:#}", doc.id))?;
            }
        }
        progress.update(done, failed, bytes);
        Ok(())
    });
    progress.finish();
    ids.report(input);
    note_passed_over(&passed, input.jsonl);
    let stopped = match result {
        Ok(()) => false,
        Err(e) if e.is::<FailFast>() => true,
        Err(e) => return Err(e),
    };
    if stopped {
        // Nothing half-done is left behind: a file target is not written.
        drop(out);
        eprintln!("kotoba: stopped at the first failure (--fail-fast)");
        return Ok(Status::Failures);
    }
    if done == 0 && failed > 0 && !input.keep_fields {
        // Every input failed: a file named by -o keeps what it held rather
        // than an empty result. In record mode the error records are the
        // output (one line per input line), written as any other.
        drop(out);
        eprintln!("kotoba: {failed} input(s) failed; nothing written");
        return Ok(Status::Failures);
    }
    if done == 0 && failed == 0 {
        // Folders whose every file was passed over for its name: almost
        // always a forgotten --jsonl or a corpus of other extensions, which
        // must not pass for an empty corpus (a reviewer's recommendation).
        // (Read after the run: every item has gone through the counter.
        // A shard given none of the documents is no such run.)
        if passed.count() > 0 && given.load(Ordering::Relaxed) == 0 {
            drop(out);
            eprintln!(
                "kotoba: no documents read: every file of the input folders was passed over; nothing written"
            );
            return Ok(Status::Failures);
        }
        // A folder with nothing in it is worth a word.
        eprintln!("kotoba: note: no documents in the input");
    }
    if header_due {
        out.write_all(header)?;
    }
    out.finish()?;
    if input.verbose {
        report_run(started, "done", done, failed, bytes);
    }
    if failed > 0 {
        if done == 0 {
            eprintln!("kotoba: all {failed} input(s) failed; the output holds their error records");
        } else {
            eprintln!("kotoba: {failed} input(s) failed");
        }
        Ok(Status::Failures)
    } else {
        Ok(Status::Clean)
    }
}

/// Says once a run how to read a file that is not UTF-8: Japanese text is
/// often Shift_JIS (CP932) or EUC-JP.
fn hint_encoding(e: &kotoba_corpus::CorpusError) {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if matches!(e, kotoba_corpus::CorpusError::InvalidUtf8 { .. })
        && !SAID.swap(true, std::sync::atomic::Ordering::Relaxed)
    {
        eprintln!(
            "kotoba: note: files are read as UTF-8 (plain text also as UTF-16 with a byte-order \
             mark, JSON Lines only as UTF-8); convert Shift_JIS or EUC-JP first, e.g. iconv -f \
             CP932 -t UTF-8 FILE > FILE.utf8"
        );
    }
}

/// The items, the files the walks of input folders pass over for their
/// name (see [`note_passed_over`]), and how many items the inputs gave
/// before `--shard` took its share (read, skipped or failed).
fn items(
    input: &InputArgs,
) -> (
    Box<dyn Iterator<Item = kotoba_corpus::Item> + Send>,
    PassedOver,
    Arc<AtomicUsize>,
) {
    // A file named as JSON Lines but read as plain text is most likely a
    // forgotten --jsonl: its JSON would be summarized or split as prose.
    if !input.jsonl {
        for name in &input.inputs {
            let path = std::path::Path::new(name);
            let jsonl = path.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")
            });
            if jsonl && path.is_file() {
                eprintln!(
                    "kotoba: note: {name} is read as plain text; give --jsonl to read its records"
                );
            }
        }
    }
    // A folder's .jsonl files are passed over without --jsonl, and
    // counted in the note of files passed over.
    let corpus = corpus(input);
    let passed = corpus.passed_over();
    let given = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&given);
    let items = corpus.items().inspect(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let items: Box<dyn Iterator<Item = kotoba_corpus::Item> + Send> = match input.shard {
        Some((k, n)) => Box::new(
            items
                .enumerate()
                .filter(move |(i, _)| i % n == k)
                .map(|(_, d)| d),
        ),
        None => Box::new(items),
    };
    (items, passed, given)
}

/// Says once a run how many files the walks of input folders passed over
/// for their name, by extension, and the first: with `--jsonl` those not
/// named as JSON Lines (a folder of .txt files gave only "no documents in
/// the input"); without, those not named as prose documents (a glossary's
/// TBX and a data file's JSON keys were ranked as terms).
fn note_passed_over(passed: &PassedOver, jsonl: bool) {
    let (count, Some(first)) = (passed.count(), passed.first()) else {
        return;
    };
    let kinds = passed.summary();
    if jsonl {
        eprintln!(
            "kotoba: note: {count} file(s) in input folders not read: with --jsonl only .jsonl, \
             .ndjson and .json files are ({kinds}; the first: {})",
            first.display()
        );
    } else {
        let hint = if passed.json_lines() > 0 {
            "; give --jsonl to read JSON Lines"
        } else {
            ""
        };
        eprintln!(
            "kotoba: note: {count} file(s) in input folders not read: a folder's documents are \
             its .txt, .text, .md, .markdown, .rst and .org files and those without an \
             extension ({kinds}; the first: {}); name a file to read it as text{hint}",
            first.display()
        );
    }
}

/// Runs `work` on every document (in parallel) and hands the results to
/// `fold` in input order (corpus statistics); failures are reported as by
/// [`over_corpus`].
pub fn fold_corpus<W, T, F>(input: &InputArgs, work: W, mut fold: F) -> Result<Status>
where
    W: Fn(&Document) -> Result<T> + Sync,
    T: Send,
    F: FnMut(T) -> Result<()> + Send,
{
    stdin_once(input.inputs.iter().map(|i| i.as_ref()))?;
    refuse_overwriting_inputs(input, &[], &[])?;
    let started = Instant::now();
    let progress = Progress::new(input);
    let (mut done, mut failed, mut bytes) = (0usize, 0usize, 0usize);
    let mut ids = IdCheck::new(input);
    let (docs, passed, given) = items(input);
    let result = process_ordered(docs, BATCH, work, |outcome| -> Result<()> {
        let message = match outcome {
            Outcome::Done(doc, value) => {
                ids.check(&doc);
                done += 1;
                bytes += doc.text.len();
                progress.update(done, failed, bytes);
                return fold(value);
            }
            Outcome::Unreadable(e) if e.is_skip() => {
                eprintln!("kotoba: skipped {e}");
                return Ok(());
            }
            Outcome::Unreadable(e) => {
                hint_encoding(&e);
                e.to_string()
            }
            Outcome::Failed(doc, e) => {
                ids.check(&doc);
                format!("{}: {e:#}", doc.id)
            }
        };
        failed += 1;
        note_failure();
        progress.update(done, failed, bytes);
        show_error(&format!("kotoba: error: {message}"));
        if input.fail_fast {
            return Err(anyhow::Error::new(FailFast));
        }
        Ok(())
    });
    progress.finish();
    ids.report(input);
    note_passed_over(&passed, input.jsonl);
    if input.verbose {
        report_run(started, "counted", done, failed, bytes);
    }
    // What is folded is one result of the whole corpus (statistics, one
    // summary): a part of it is not written, and nothing is when nothing
    // could be read.
    match result {
        Ok(()) if failed == 0 => {
            if done == 0 && passed.count() > 0 && given.load(Ordering::Relaxed) == 0 {
                // As in `run`: files passed over are no empty corpus.
                return Err(anyhow!(
                    "no documents read: every file of the input folders was passed over; nothing written"
                ));
            }
            if done == 0 {
                eprintln!("kotoba: note: no documents in the input");
            }
            Ok(Status::Clean)
        }
        Ok(()) => {
            eprintln!("kotoba: {failed} input(s) failed");
            if done == 0 {
                return Err(anyhow!("no input could be read; nothing written"));
            }
            Ok(Status::Failures)
        }
        Err(e) if e.is::<FailFast>() => Err(anyhow!(
            "stopped at the first failure (--fail-fast); nothing written"
        )),
        Err(e) => Err(e),
    }
}

/// How many ids of JSON Lines records are remembered to find repeats: 8
/// bytes each (a hash), some 30 MB at most, whatever the corpus.
const IDS_REMEMBERED: usize = 2_000_000;

/// Checks of the ids of JSON Lines records, told once after the last one:
/// records without a usable `--id-field`, when that flag names a field of
/// its own (they fell back to `file:line` ids without a word; a record
/// without the default `id` is common, and stays unremarked), and records
/// whose id an earlier one had (their outputs cannot be told apart).
struct IdCheck {
    /// The field, when it is not the default.
    field: Option<String>,
    /// Records without it (or with a value that is no string or number).
    count: usize,
    /// The first such record's `file:line`.
    first: Option<String>,
    /// Hashes of the ids seen (JSON Lines only), up to [`IDS_REMEMBERED`].
    seen: Option<std::collections::HashSet<u64>>,
    /// Records whose id was seen before, and the first such id.
    repeated: usize,
    first_repeated: Option<String>,
}

impl IdCheck {
    fn new(input: &InputArgs) -> IdCheck {
        IdCheck {
            field: (input.jsonl && input.id_field != "id").then(|| input.id_field.clone()),
            count: 0,
            first: None,
            seen: input.jsonl.then(std::collections::HashSet::new),
            repeated: 0,
            first_repeated: None,
        }
    }

    /// Counts `doc` when it is a record whose id field is missing or is no
    /// string or number (true, null, an array, an object), or whose id an
    /// earlier record had.
    fn check(&mut self, doc: &Document) {
        if let Some(seen) = &mut self.seen {
            use std::hash::{Hash, Hasher};
            // SipHash with fixed keys: the same on every run.
            let mut h = std::hash::DefaultHasher::new();
            doc.id.hash(&mut h);
            let key = h.finish();
            if seen.contains(&key) {
                self.repeated += 1;
                self.first_repeated.get_or_insert_with(|| doc.id.clone());
            } else if seen.len() < IDS_REMEMBERED {
                seen.insert(key);
            }
        }
        let (Some(field), Some(record)) = (&self.field, &doc.record) else {
            return;
        };
        if !matches!(
            record.get(field),
            Some(serde_json::Value::String(_) | serde_json::Value::Number(_))
        ) {
            self.count += 1;
            // The id it fell back to is its file and line.
            self.first.get_or_insert_with(|| doc.id.clone());
        }
    }

    /// One note for each finding of the run, after its last record.
    fn report(&self, input: &InputArgs) {
        if let Some(id) = &self.first_repeated {
            eprintln!(
                "kotoba: note: {} record(s) repeat the id of an earlier record (the first: \
                 `{id}`); their outputs carry the same id",
                self.repeated
            );
        }
        let (Some(field), Some(first)) = (&self.field, &self.first) else {
            return;
        };
        let instead = if input.keep_fields {
            "their output records carry the field as it is, or null"
        } else {
            "they are named by file and line instead"
        };
        eprintln!(
            "kotoba: note: --id-field {field}: {} record(s) have no string or number `{field}` \
             (the first: {first}); {instead}",
            self.count
        );
    }
}

/// The final report of `-v`: documents, failures, megabytes and rate.
fn report_run(started: Instant, verb: &str, done: usize, failed: usize, bytes: usize) {
    let secs = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "kotoba: {done} documents {verb}, {failed} failed, {mb:.1} MB in {secs:.2} s ({:.1} MB/s)",
        mb / secs.max(1e-9)
    );
}

/// The marker error that stops a run at its first failure.
#[derive(Debug)]
struct FailFast;

impl std::fmt::Display for FailFast {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped at the first failure")
    }
}

impl std::error::Error for FailFast {}

/// Refuses `--shard` where the output is one result of the whole corpus (a
/// ranking, a multi-document summary): a shard's result is not a part of
/// the whole's, and nothing would say that most of the corpus went unread.
/// `instead` says what does work on shards.
pub fn refuse_shard(input: &InputArgs, what: &str, instead: &str) -> Result<()> {
    // Shard 0 of 1 is the whole corpus (scripts that always pass K/N).
    if let Some((k, n)) = input.shard.filter(|&(_, n)| n > 1) {
        return Err(anyhow!(
            "--shard {k}/{n} would make {what} of one shard alone; {instead}"
        ));
    }
    Ok(())
}

/// Refuses `--keep-fields` where the output has no record per input record
/// to carry the input's fields (`jsonl_out` false), naming what would.
pub fn keep_fields_only_with(input: &InputArgs, jsonl_out: bool, needs: &str) -> Result<()> {
    if input.keep_fields && !jsonl_out {
        return Err(anyhow!("--keep-fields needs {needs}"));
    }
    Ok(())
}

/// Merges the input record's fields into an output record when
/// `--keep-fields` asks for it (the output's own fields win). The `id` is
/// the record's own id field (a number stays the number as written, digit
/// for digit: serde_json's `arbitrary_precision`), or null when it has none, as in the records of failures: an id made up
/// from the file and line would not join back to anything, and under
/// Spark's `pipe` it would count lines of one partition.
pub fn keep_fields(
    input: &InputArgs,
    doc: &Document,
    mut value: serde_json::Value,
) -> serde_json::Value {
    if let (true, Some(record), serde_json::Value::Object(out)) =
        (input.keep_fields, &doc.record, &mut value)
    {
        if out.contains_key("id") {
            let id = record.get(&input.id_field).cloned();
            out.insert("id".into(), id.unwrap_or(serde_json::Value::Null));
        }
        for (k, v) in record {
            // The `id` of the output is the record's id field (`--id-field`):
            // an input `id` that is not that field gives way, said below.
            if k == &input.text_field || (k == "id" && input.id_field == "id") {
                continue;
            }
            // `error` marks the records of failures: an input's field of
            // that name would make a good record look failed.
            let reserved = k == "error";
            if out.contains_key(k) || reserved {
                // Said once a run for each field: a field of the input the
                // output replaces (`lang`, `sentences`) is gone from every
                // record.
                static SAID: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
                let mut said = SAID
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if !said.contains(k) {
                    said.push(k.clone());
                    if reserved {
                        eprintln!(
                            "kotoba: note: the input's field `error` is left out: it marks the \
                             records of failures (--keep-fields keeps the other fields)"
                        );
                    } else {
                        eprintln!(
                            "kotoba: note: the input's field `{k}` is replaced by the output's \
                             own (--keep-fields keeps the other fields)"
                        );
                    }
                }
                continue;
            }
            out.insert(k.clone(), v.clone());
        }
    }
    value
}

/// Writes per-unit JSON records (sentences, languages, spans): one per line,
/// or, in record mode (`--keep-fields`), one record per document holding
/// them as a list under `key`, with the input's other fields.
pub fn write_units(
    input: &InputArgs,
    doc: &Document,
    key: &str,
    units: Vec<serde_json::Value>,
    out: &mut Vec<u8>,
) -> Result<()> {
    if input.keep_fields {
        let record = keep_fields(input, doc, serde_json::json!({"id": doc.id, key: units}));
        serde_json::to_writer(&mut *out, &record)?;
        out.push(b'\n');
    } else {
        for u in units {
            serde_json::to_writer(&mut *out, &u)?;
            out.push(b'\n');
        }
    }
    Ok(())
}

/// Stands for a record's list while the rest of the record is laid out.
const LIST_PLACE: &str = "\u{0}kotoba-list\u{0}";

/// Writes a document's record: `fields`, then `key` holding the list
/// `list` writes straight into `out` (its items joined by commas), plus the
/// input's fields under `--keep-fields`. A large document's tokens or spans
/// are never held as a JSON tree (that took some 300 times the input's
/// size).
pub fn write_record_with_list(
    input: &InputArgs,
    doc: &Document,
    mut fields: serde_json::Value,
    key: &str,
    out: &mut Vec<u8>,
    list: impl FnOnce(&mut Vec<u8>) -> Result<()>,
) -> Result<()> {
    fields[key] = serde_json::Value::from(LIST_PLACE);
    let record = keep_fields(input, doc, fields);
    let text = serde_json::to_string(&record)?;
    let place = serde_json::to_string(LIST_PLACE)?;
    // The output's own fields come first, so the first match is ours.
    let (before, after) = text
        .split_once(&place)
        .ok_or_else(|| anyhow!("record layout lost its `{key}` list"))?;
    out.extend_from_slice(before.as_bytes());
    out.push(b'[');
    list(out)?;
    out.push(b']');
    out.extend_from_slice(after.as_bytes());
    out.push(b'\n');
    Ok(())
}

/// `text` cut after a line break every `size` bytes or so, each piece with
/// its byte offset (a line longer than `size` is one piece).
pub fn line_pieces(text: &str, size: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let from = at;
        let mut cut = (from + size).min(text.len());
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let end = text[cut..].find('\n').map_or(text.len(), |k| cut + k + 1);
        at = end;
        Some((from, &text[from..end]))
    })
}

/// Reads a file of segment pairs (`glossary check`, `align`, `build
/// --parallel`) in batches of up to `size` pairs and hands each to `each`, so
/// memory stays bounded. A line that cannot be read is reported and skipped;
/// a progress bar shows on stderr when it is a terminal and not `quiet`.
/// A pair with an empty side (untranslated, or misaligned) is skipped, as
/// it pairs nothing and checks nothing, and such pairs are counted in one
/// note. With `shard` (K, N) only items K, K+N, … are read, bad lines included, so
/// that N shards together see each pair, and report each bad line, once.
/// With `fail_fast` the first bad line is an error (the counts of part of a
/// file are not its counts). Returns the pairs read and the status
/// (`Failures` when a line failed).
pub fn for_pair_batches(
    path: &Path,
    quiet: bool,
    shard: Option<(usize, usize)>,
    fail_fast: bool,
    size: usize,
    each: impl FnMut(Vec<kotoba_glossary::Pair>) -> Result<()>,
) -> Result<(usize, Status)> {
    for_pairs(path, quiet, shard, fail_fast, size, false, each)
}

/// [`for_pair_batches`], with the pairs whose `en` or `ja` cell is empty
/// passed on too when `half_empty` says so (a check reports them; the
/// aligners have nothing to count in them).
pub fn for_pairs(
    path: &Path,
    quiet: bool,
    shard: Option<(usize, usize)>,
    fail_fast: bool,
    size: usize,
    half_empty: bool,
    each: impl FnMut(Vec<kotoba_glossary::Pair>) -> Result<()>,
) -> Result<(usize, Status)> {
    if path.as_os_str() == "-" {
        let stdin = std::io::BufReader::new(std::io::stdin());
        let reader = kotoba_glossary::PairReader::with_header(stdin, Path::new("<stdin>"), false)?;
        return pair_batches(
            reader,
            Progress(None),
            shard,
            fail_fast,
            size,
            half_empty,
            each,
        );
    }
    let reader = kotoba_glossary::PairReader::open(path)?;
    let progress = if quiet || !std::io::stderr().is_terminal() {
        Progress(None)
    } else {
        Progress::bar(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
    };
    pair_batches(reader, progress, shard, fail_fast, size, half_empty, each)
}

/// The loop of [`for_pair_batches`] over any reader.
fn pair_batches<R: std::io::BufRead>(
    mut reader: kotoba_glossary::PairReader<R>,
    progress: Progress,
    shard: Option<(usize, usize)>,
    fail_fast: bool,
    size: usize,
    keep_half_empty: bool,
    mut each: impl FnMut(Vec<kotoba_glossary::Pair>) -> Result<()>,
) -> Result<(usize, Status)> {
    let (mut read, mut failed, mut half_empty, mut empty) = (0usize, 0usize, 0usize, 0usize);
    let (k, n) = shard.unwrap_or((0, 1));
    let mut index = 0usize;
    loop {
        let mut batch = Vec::with_capacity(size);
        for item in reader.by_ref() {
            index += 1;
            if (index - 1) % n != k {
                continue;
            }
            match item {
                // Nothing on either side: nothing to check or count, as
                // `align` never counted it (`check` called it a pair).
                Ok(pair) if pair.en.trim().is_empty() && pair.ja.trim().is_empty() => {
                    empty += 1;
                }
                Ok(pair)
                    if !keep_half_empty
                        && (pair.en.trim().is_empty() || pair.ja.trim().is_empty()) =>
                {
                    half_empty += 1;
                }
                Ok(pair) => batch.push(pair),
                Err(e) if fail_fast => {
                    progress.finish();
                    note_failure();
                    eprintln!("kotoba: error: {e}");
                    return Err(anyhow!(
                        "stopped at the first failure (--fail-fast); nothing written"
                    ));
                }
                Err(e) => {
                    show_error(&format!("kotoba: skipped {e}"));
                    failed += 1;
                    note_failure();
                }
            }
            if batch.len() == size {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        read += batch.len();
        each(batch)?;
        if let Some(bar) = &progress.0 {
            bar.set_message(format!("{read} pairs, {failed} failed"));
            bar.set_position(reader.bytes());
        }
    }
    progress.finish();
    if empty > 0 {
        eprintln!(
            "kotoba: note: {empty} pair(s) of {} with both cells empty skipped",
            reader.path().display()
        );
    }
    if half_empty > 0 {
        eprintln!(
            "kotoba: note: {half_empty} pair(s) of {} with an empty en or ja cell skipped",
            reader.path().display()
        );
    }
    if failed > 0 {
        eprintln!(
            "kotoba: {failed} line(s) of {} could not be read",
            reader.path().display()
        );
        return Ok((read, Status::Failures));
    }
    Ok((read, Status::Clean))
}

/// A progress bar on stderr when it is a terminal (documents, MB, rate).
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(input: &InputArgs) -> Progress {
        if input.quiet || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        // The total is known when every input is a plain file.
        let total: Option<u64> = input
            .inputs
            .iter()
            .map(|p| {
                std::fs::metadata(p)
                    .ok()
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
            })
            .sum();
        match total {
            Some(t) if !input.inputs.is_empty() => Progress::bar(t),
            _ => Progress::bar(0),
        }
    }

    /// A bar over `total` bytes (a spinner when 0).
    fn bar(total: u64) -> Progress {
        let bar = if total > 0 {
            indicatif::ProgressBar::new(total)
        } else {
            indicatif::ProgressBar::new_spinner()
        };
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} {msg} {bytes}/{total_bytes} {bytes_per_sec} {wide_bar} {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        Progress(Some(bar))
    }

    fn update(&self, done: usize, failed: usize, bytes: usize) {
        if let Some(bar) = &self.0 {
            bar.set_position(bytes as u64);
            bar.set_message(format!("{done} docs, {failed} failed"));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// The file a path names, for comparing paths: its canonical form, or for a
/// file not yet written its folder's canonical form and its name.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(path.file_name()?))
}

/// Where writing `path` lands: the file a symbolic link named as output
/// points to (an output is written through the link, see
/// [`crate::output::link_target`]), or `path`. Its folder's canonical form
/// and its name (as [`resolved`] when it has no name of its own).
fn landing(path: &Path) -> Option<PathBuf> {
    let path = &crate::output::link_target(path).ok()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(dir), path.file_name()) {
        (Ok(dir), Some(name)) => Some(dir.join(name)),
        _ => resolved(path),
    }
}

/// True for an output that is a file written by replacing it, existing or
/// not: not `-`, a folder, or a terminal, pipe or other device, which is
/// written to, never replaced or read back (`/dev/stdin … -o /dev/stdout`
/// at a terminal names one device twice).
fn replaceable(p: &Path) -> bool {
    p.as_os_str() != "-" && !p.is_dir() && std::fs::metadata(p).map_or(true, |m| m.is_file())
}

/// Refuses, before anything is read, outputs that would replace an input
/// file or each other (`-o X --pairs-output X`; `-o` naming the corpus or
/// the parallel file): the run would end with exit 0 and a file lost.
/// `outputs` and `inputs` are `(what, path)`; `-` and folders are skipped.
pub fn refuse_overwriting(outputs: &[(&str, &Path)], inputs: &[(&str, &Path)]) -> Result<()> {
    let file = |p: &Path| p.as_os_str() != "-" && !p.is_dir();
    let mut seen: Vec<(&str, &Path, PathBuf)> = Vec::new();
    for &(what, path) in outputs.iter().filter(|(_, p)| replaceable(p)) {
        let Some(r) = landing(path) else { continue };
        if let Some((other, _, _)) = seen.iter().find(|(_, _, q)| *q == r) {
            anyhow::bail!(
                "{what} and {other} both name {}: one would replace the other",
                path.display()
            );
        }
        for &(input, ipath) in inputs.iter().filter(|(_, p)| file(p)) {
            if lands_on(&r, ipath) {
                anyhow::bail!(
                    "{what} names {input} {}: writing it would replace the input; write elsewhere",
                    path.display()
                );
            }
        }
        seen.push((what, path, r));
    }
    Ok(())
}

/// True when writing `output` would replace the file `input` names.
pub fn replaces(output: &Path, input: &Path) -> bool {
    replaceable(output) && landing(output).is_some_and(|o| lands_on(&o, input))
}

/// True when `landing` (where an output lands, see [`landing`]) is the
/// file `input` names: the same path once resolved, or another name of the
/// same file (a hard link), which the rename would part from it.
fn lands_on(landing: &Path, input: &Path) -> bool {
    if resolved(input).as_deref() == Some(landing) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(landing), std::fs::metadata(input)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// The `--glossary` files, as inputs no output may replace.
pub fn glossary_inputs(args: &crate::args::GlossaryArgs) -> Vec<(&'static str, &Path)> {
    args.glossaries
        .iter()
        .map(|g| ("--glossary", g.as_path()))
        .collect()
}

/// [`refuse_overwriting`] for a command's `-o`, `extra` outputs, the
/// corpus files and `more` inputs; every command over a corpus runs it with
/// its `-o` before reading.
pub fn refuse_overwriting_inputs(
    input: &InputArgs,
    extra: &[(&str, &Path)],
    more: &[(&str, &Path)],
) -> Result<()> {
    let mut outputs: Vec<(&str, &Path)> = Vec::new();
    if let Some(o) = input.output.as_deref() {
        outputs.push(("-o", o));
    }
    outputs.extend_from_slice(extra);
    let mut inputs: Vec<(&str, &Path)> = input
        .inputs
        .iter()
        .map(|p| ("the input", Path::new(p.as_str())))
        .collect();
    inputs.extend_from_slice(more);
    refuse_replacing(&outputs, &inputs, input.jsonl)
}

/// [`refuse_overwriting`], then [`refuse_output_in_input_folder`] for the
/// inputs that are folders.
pub fn refuse_replacing(
    outputs: &[(&str, &Path)],
    inputs: &[(&str, &Path)],
    jsonl: bool,
) -> Result<()> {
    refuse_overwriting(outputs, inputs)?;
    let folders: Vec<&Path> = inputs.iter().map(|&(_, p)| p).collect();
    refuse_output_in_input_folder(outputs, &folders, jsonl)
}

/// Refuses an output that lands where the walk of an input folder reads
/// (not hidden; with `--jsonl` a .jsonl, .json or .ndjson file; through a
/// symbolic link too), whether or not the file exists yet: an existing one
/// would be counted as a document, then replaced, and a new one would be
/// counted by the next run over the folder, so reruns give different
/// results. `outputs` are `(what, path)`; `folders` are the input arguments.
fn refuse_output_in_input_folder(
    outputs: &[(&str, &Path)],
    folders: &[&Path],
    jsonl: bool,
) -> Result<()> {
    let landings: Vec<(&str, &Path, PathBuf)> = outputs
        .iter()
        .filter(|(_, p)| replaceable(p))
        .filter_map(|&(what, p)| Some((what, p, landing(p)?)))
        .collect();
    if landings.is_empty() {
        return Ok(());
    }
    let files: Vec<&Path> = landings.iter().map(|(_, _, f)| f.as_path()).collect();
    // `-` is standard input, even beside a folder named `-`.
    for folder in folders
        .iter()
        .filter(|f| f.as_os_str() != "-" && f.is_dir())
    {
        if let Some(k) = walk_reaches(folder, &files, jsonl) {
            let (what, path, _) = &landings[k];
            anyhow::bail!(
                "{what} {} lies in the input folder {}: a run over that folder reads it as a document; write elsewhere",
                path.display(),
                folder.display()
            );
        }
    }
    Ok(())
}

/// Which of `files` (where each output lands, see [`landing`]) the walk of
/// `folder` reaches, walking it as the corpus reader does
/// ([`kotoba_corpus::folder_entries`]; links followed, each folder once):
/// the index of the first one met. A file that does not exist yet is
/// reached when the walk reads its folder and would read its name.
fn walk_reaches(folder: &Path, files: &[&Path], jsonl: bool) -> Option<usize> {
    let mut seen = std::collections::HashSet::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(dir) = folders.pop() {
        let Ok(canonical) = std::fs::canonicalize(&dir) else {
            continue;
        };
        if !seen.insert(canonical.clone()) {
            continue;
        }
        let planned = files.iter().position(|f| {
            f.parent() == Some(canonical.as_path())
                && std::fs::symlink_metadata(f).is_err()
                && f.file_name()
                    .is_some_and(|n| kotoba_corpus::walk_reads_file(Path::new(n), jsonl))
        });
        if planned.is_some() {
            return planned;
        }
        let Ok(entries) = kotoba_corpus::folder_entries(&dir, jsonl) else {
            continue;
        };
        for (path, is_dir) in entries {
            if is_dir {
                folders.push(path);
                continue;
            }
            let Some(name) = path.file_name() else {
                continue;
            };
            // The entry itself (a link there is what the rename replaces),
            // or the file a link there points to.
            let here = canonical.join(name);
            let target = std::fs::symlink_metadata(&path)
                .is_ok_and(|m| m.file_type().is_symlink())
                .then(|| std::fs::canonicalize(&path).ok())
                .flatten();
            let reached = files
                .iter()
                .position(|f| *f == here || target.as_deref() == Some(*f));
            if reached.is_some() {
                return reached;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::line_pieces;

    #[test]
    fn line_pieces_cut_after_line_breaks_and_cover_the_text() {
        let text = "aaaa\nbb\ncccccc\nd";
        let pieces: Vec<(usize, &str)> = line_pieces(text, 3).collect();
        assert_eq!(pieces, [(0, "aaaa\n"), (5, "bb\ncccccc\n"), (15, "d")]);
        let joined: String = pieces.iter().map(|p| p.1).collect();
        assert_eq!(joined, text);
        // A cut inside a character moves past it.
        let pieces: Vec<(usize, &str)> = line_pieces("関税\n黒字", 1).collect();
        assert_eq!(pieces, [(0, "関税\n"), (7, "黒字")]);
        assert_eq!(line_pieces("", 8).count(), 0);
    }
}
