//! `kotoba glossary …`: list, lookup, annotate, check, convert.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use kotoba_glossary::formats::{self, Format};
use kotoba_glossary::{
    Annotator, CheckOptions, Concept, Direction, Glossary, Index, Lang, check_pairs_with,
};
use rayon::prelude::*;
use serde_json::json;

use crate::args::{
    AnnotateFormat, DirectionArg, GlossaryAnnotateArgs, GlossaryArgs, GlossaryCheckArgs,
    GlossaryCommand, GlossaryConvertArgs, GlossaryListArgs, GlossaryLookupArgs, TextOrJsonl,
};
use crate::markdown;
use crate::output::Output;
use crate::run::{self, Status};

/// Runs a glossary subcommand.
pub fn run(cmd: GlossaryCommand) -> Result<Status> {
    match cmd {
        GlossaryCommand::List(a) => list(a),
        GlossaryCommand::Lookup(a) => lookup(a),
        GlossaryCommand::Annotate(a) => annotate(a),
        GlossaryCommand::Check(a) => check(a),
        GlossaryCommand::Convert(a) => convert(a),
        GlossaryCommand::Extract(a) => super::terms::extract(a),
        GlossaryCommand::Align(a) => super::terms::align_cmd(a),
        GlossaryCommand::Build(a) => super::terms::build(a),
        GlossaryCommand::MergeStats(a) => super::terms::merge_stats(a),
    }
}

/// The glossaries the flags name, problems reported on stderr.
pub fn load(args: &GlossaryArgs) -> Result<Glossary> {
    let loaded = kotoba_glossary::load(&args.glossaries, args.no_default_glossary, args.lenient)?;
    for p in &loaded.problems {
        eprintln!("kotoba: skipped glossary entry: {p}");
    }
    print_notes(&loaded.notes);
    // A table of `en`/`ja` rows names its concepts after their terms: a row
    // meant to add `関税率` to `tariff` would replace the whole concept.
    // One line a file: a glossary that replaces hundreds says so once.
    for file in &args.glossaries {
        let ids: Vec<&str> = loaded
            .replaced
            .iter()
            .filter(|(f, _)| f == file)
            .map(|(_, id)| id.as_str())
            .collect();
        let shown: Vec<String> = ids.iter().take(5).map(|id| format!("`{id}`")).collect();
        let more = match ids.len() {
            0 => continue,
            n if n > 5 => format!(" and {} more", n - 5),
            _ => String::new(),
        };
        let (what, verb) = if ids.len() == 1 {
            ("concept", "replaces the one")
        } else {
            ("concepts", "replace the ones")
        };
        eprintln!(
            "kotoba: note: {}: {what} {}{more} {verb} of that id read before \
             (give another id to keep both)",
            file.display(),
            shown.join(", ")
        );
    }
    if loaded.glossary.concepts.is_empty() {
        let why = if args.glossaries.is_empty() {
            " (--no-default-glossary without --glossary)"
        } else {
            ""
        };
        eprintln!("kotoba: note: the glossary is empty{why}");
    }
    Ok(loaded.glossary)
}

/// Notes on entries shown a file; the rest are counted.
const ENTRY_NOTES_SHOWN: usize = 10;

/// What glossary files hold and the glossary cannot keep, as notes on
/// stderr: of each file, the first notes on its entries (a TBX section in
/// another language), then how many more, then its notes on the whole file.
fn print_notes(notes: &[formats::Note]) {
    let mut files: Vec<&Path> = Vec::new();
    for n in notes {
        if !files.contains(&n.path.as_path()) {
            files.push(&n.path);
        }
    }
    for file in files {
        let (entries, whole): (Vec<_>, Vec<_>) = notes
            .iter()
            .filter(|n| n.path == file)
            .partition(|n| n.concept.is_some());
        for n in entries.iter().take(ENTRY_NOTES_SHOWN) {
            eprintln!("kotoba: note: {n}");
        }
        if entries.len() > ENTRY_NOTES_SHOWN {
            eprintln!(
                "kotoba: note: {}: {} more entries lose content as above",
                file.display(),
                entries.len() - ENTRY_NOTES_SHOWN
            );
        }
        for n in whole {
            eprintln!("kotoba: note: {n}");
        }
    }
}

fn format_named(name: &str) -> Result<Format> {
    Format::from_name(name).ok_or_else(|| {
        anyhow!(
            "unknown glossary format `{name}` (one of: {})",
            Format::ALL.map(Format::name).join(", ")
        )
    })
}

fn list(args: GlossaryListArgs) -> Result<Status> {
    let format = format_named(&args.format)?;
    // The list holds the default glossary too: written over a --glossary
    // file it would replace the user's entries with all of them. (Without
    // the default, listing a glossary over itself rewrites it in place.)
    if let Some(o) = args.output.as_deref()
        && !args.glossary.no_default_glossary
    {
        run::refuse_overwriting(&[("-o", o)], &run::glossary_inputs(&args.glossary))?;
    }
    if let Some(o) = args.output.as_deref() {
        for g in &args.glossary.glossaries {
            refuse_rewriting_as_another_format("-o", o, g, Format::from_path(g).ok(), format)?;
        }
    }
    let glossary = load(&args.glossary)?;
    note_left_out(&glossary, format);
    let mut out = Output::open(args.output.as_deref())?;
    let options = formats::WriteOptions::default().bom(args.bom);
    out.write_all(formats::write_with(&glossary, format, options).as_bytes())?;
    out.finish()?;
    Ok(Status::Clean)
}

/// Says how many terms `format` leaves out of `glossary` (OmegaT has no
/// statuses and drops deprecated terms; a translator's review found them
/// gone without a word).
fn note_left_out(glossary: &kotoba_glossary::Glossary, format: Format) {
    let n = formats::left_out_terms(glossary, format);
    if n > 0 {
        eprintln!(
            "kotoba: note: {n} term{} not written: {} does not carry {}",
            if n == 1 { " is" } else { "s are" },
            format.name(),
            format.drops()
        );
    }
}

/// A glossary may be rewritten in place (to normalise it) only in the
/// format it is read in: written in another, its name would no longer say
/// how to read it (`g.tsv` holding TBX), and a format that carries less
/// (UTX, OmegaT) would lose fields for good.
fn refuse_rewriting_as_another_format(
    what: &str,
    output: &Path,
    input: &Path,
    read_as: Option<Format>,
    written_as: Format,
) -> Result<()> {
    if run::replaces(output, input) && read_as != Some(written_as) {
        return Err(anyhow!(
            "{what} {} names the glossary being read{}: writing {} over it would replace it in another format; write elsewhere",
            output.display(),
            read_as.map_or(String::new(), |f| format!(" (as {})", f.name())),
            written_as.name()
        ));
    }
    Ok(())
}

fn describe(c: &Concept) -> String {
    let side = |lang: Lang| {
        c.terms(lang)
            .iter()
            .map(|t| {
                let term = match &t.reading {
                    Some(r) => format!("{} [{r}] ({})", t.term, t.status.name()),
                    None => format!("{} ({})", t.term, t.status.name()),
                };
                // A term's own note (`Ambiguous: 米 = USA`) beside it.
                match t.note.as_deref().filter(|n| !n.trim().is_empty()) {
                    Some(note) => format!("{term} — {note}"),
                    None => term,
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    // A concept without a domain or definition shows no empty brackets.
    let mut head = c.id.clone();
    if !c.domain.is_empty() {
        head.push_str(&format!(" ({})", c.domain));
    }
    head.push(':');
    if !c.definition.is_empty() {
        head.push(' ');
        head.push_str(&c.definition);
    }
    // The note says what the entry is (a machine proposal not reviewed):
    // without it a proposal read as an approved term.
    let note = if c.note.is_empty() {
        String::new()
    } else {
        format!("  note: {}\n", c.note)
    };
    format!(
        "{head}\n  en: {}\n  ja: {}\n{note}",
        side(Lang::En),
        side(Lang::Ja)
    )
}

fn lookup(args: GlossaryLookupArgs) -> Result<Status> {
    // An empty query is a mistake in the command (an unset shell variable),
    // not a term the glossary lacks: exit 2, not 1.
    if args.term.trim().is_empty() {
        return Err(anyhow!(
            "glossary lookup needs a term to look up (the one given is empty)"
        ));
    }
    let glossary = load(&args.glossary)?;
    let index = Index::new(&glossary);
    let found = index.lookup(&args.term);
    let mut out = Output::open(None)?;
    if found.is_empty() {
        // In the query's language first: 貿易収支 (trade balance) for 収支.
        let japanese = args.term.chars().any(kotoba_text::japanese_script);
        let near: Vec<String> = index
            .near(&args.term, 5)
            .iter()
            .map(|c| {
                let (en, ja) = (c.preferred(Lang::En), c.preferred(Lang::Ja));
                match (japanese, ja, en) {
                    (true, Some(ja), Some(en)) => format!("{} ({})", ja.term, en.term),
                    (true, Some(ja), None) => ja.term.clone(),
                    _ => en.or(ja).map_or(c.id.clone(), |t| t.term.clone()),
                }
            })
            .collect();
        if near.is_empty() {
            eprintln!("kotoba: no glossary entry for `{}`", args.term);
        } else {
            eprintln!(
                "kotoba: no glossary entry for `{}`; did you mean: {}?",
                args.term,
                near.join(", ")
            );
        }
        return Ok(Status::Findings);
    }
    for c in found {
        match args.format {
            TextOrJsonl::Text => out.write_all(describe(c).as_bytes())?,
            TextOrJsonl::Jsonl => {
                serde_json::to_writer(&mut out, c)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.finish()?;
    Ok(Status::Clean)
}

fn annotate(args: GlossaryAnnotateArgs) -> Result<Status> {
    run::keep_fields_only_with(
        &args.input,
        args.format == AnnotateFormat::Jsonl,
        "--format jsonl",
    )?;
    run::refuse_overwriting_inputs(&args.input, &[], &run::glossary_inputs(&args.glossary))?;
    let annotator = Annotator::new(load(&args.glossary)?)?;
    let glossary = annotator.glossary();
    // Inline text of several documents: each under its id, as `sentences`
    // and `summarize` write theirs.
    let headed = args.format == AnnotateFormat::Inline && run::several_documents(&args.input);
    run::over_corpus(&args.input, b"", |doc| {
        let spans = annotator.annotate(&doc.text);
        let equivalents = |concept: usize, lang: Lang| -> Vec<String> {
            glossary.concepts[concept]
                .terms(lang.other())
                .iter()
                .map(|t| t.term.clone())
                .collect()
        };
        let mut out = Vec::new();
        match args.format {
            AnnotateFormat::Jsonl => {
                // Written span by span, never held as a JSON tree (1.4 GB
                // for a 25 MB document).
                // Offsets in characters too (Python's and JavaScript's
                // string indices), counted in one pass: spans come in order.
                let chars = char_offsets(&doc.text, &spans);
                let write_span = |out: &mut Vec<u8>, k: usize, s: &kotoba_glossary::Span| {
                    let equivalents: Vec<&str> = glossary.concepts[s.concept]
                        .terms(s.lang.other())
                        .iter()
                        .map(|t| t.term.as_str())
                        .collect();
                    let (char_start, char_end) = chars.get(k).copied().unwrap_or_default();
                    let record = SpanRecord {
                        id: &doc.id,
                        start: s.start,
                        end: s.end,
                        char_start,
                        char_end,
                        text: &doc.text[s.start..s.end],
                        concept: &glossary.concepts[s.concept].id,
                        lang: s.lang,
                        equivalents,
                    };
                    serde_json::to_writer(out, &record)
                };
                if args.input.keep_fields {
                    let fields = json!({"id": doc.id});
                    run::write_record_with_list(
                        &args.input,
                        doc,
                        fields,
                        "spans",
                        &mut out,
                        |out| {
                            for (i, s) in spans.iter().enumerate() {
                                if i > 0 {
                                    out.push(b',');
                                }
                                write_span(out, i, s)?;
                            }
                            Ok(())
                        },
                    )?;
                } else {
                    for (k, s) in spans.iter().enumerate() {
                        write_span(&mut out, k, s)?;
                        out.push(b'\n');
                    }
                }
            }
            AnnotateFormat::Inline | AnnotateFormat::Markdown => {
                if headed {
                    run::text_heading(&mut out, &doc.id);
                }
                if args.format == AnnotateFormat::Markdown {
                    // Each document under a heading of its id, as in
                    // `summarize --format markdown`: documents written one
                    // after another ran together into one paragraph.
                    writeln!(out, "## {}\n", markdown::escape_line(&doc.id))?;
                }
                let mut at = 0;
                for (idx, s) in spans.iter().enumerate() {
                    if s.start < at {
                        continue;
                    }
                    // A term of several concepts shows each one's first
                    // equivalent (`trade gap [貿易赤字 / 貿易不均衡]`), as
                    // JSON Lines lists each.
                    let mut firsts: Vec<String> = Vec::new();
                    for o in spans[idx..]
                        .iter()
                        .take_while(|o| o.start == s.start)
                        .filter(|o| o.end == s.end)
                    {
                        if let Some(first) = equivalents(o.concept, o.lang).into_iter().next()
                            && !firsts.contains(&first)
                        {
                            firsts.push(first);
                        }
                    }
                    let first = firsts.join(" / ");
                    let term = &doc.text[s.start..s.end];
                    match args.format {
                        AnnotateFormat::Inline => {
                            out.extend_from_slice(&doc.text.as_bytes()[at..s.start]);
                            // As in Markdown: no empty brackets for a concept
                            // with no term in the other language.
                            if first.is_empty() {
                                write!(out, "{term}")?
                            } else {
                                write!(out, "{term} [{first}]")?
                            }
                        }
                        _ => {
                            let before = markdown_text(&doc.text, at, s.start);
                            let (term, first) = (
                                markdown::escape(term, false),
                                markdown::escape(&first, false),
                            );
                            // The italics inside the brackets: `*` between
                            // punctuation and a letter closes even where no
                            // space follows (Japanese), `)*` before a letter does not.
                            write!(out, "{before}**{term}**")?;
                            // A concept with no term in the other language
                            // has nothing to put in brackets.
                            if !first.is_empty() {
                                write!(out, " (*{first}*)")?;
                            }
                        }
                    }
                    at = s.end;
                }
                match args.format {
                    AnnotateFormat::Inline => {
                        out.extend_from_slice(&doc.text.as_bytes()[at..]);
                        if !doc.text.ends_with('\n') {
                            out.push(b'\n');
                        }
                        if headed {
                            out.push(b'\n');
                        }
                    }
                    _ => {
                        out.extend_from_slice(
                            markdown_text(&doc.text, at, doc.text.len()).as_bytes(),
                        );
                        // A blank line closes the document's last paragraph
                        // before the next heading, however the text ended.
                        let kept = out.trim_ascii_end().len();
                        out.truncate(kept);
                        out.extend_from_slice(b"\n\n");
                    }
                }
            }
        }
        Ok(out)
    })
}

/// One span of `glossary annotate --format jsonl`, borrowed from the
/// document and the glossary.
#[derive(serde::Serialize)]
struct SpanRecord<'a> {
    id: &'a str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    text: &'a str,
    concept: &'a str,
    lang: Lang,
    equivalents: Vec<&'a str>,
}

/// The offsets of `spans` (in order of their starts) in characters of
/// `text`, counted once over the text.
fn char_offsets(text: &str, spans: &[kotoba_glossary::Span]) -> Vec<(usize, usize)> {
    // Byte offsets of every start and end, each with its place in `out`.
    let mut marks: Vec<(usize, usize, bool)> = Vec::with_capacity(spans.len() * 2);
    for (k, s) in spans.iter().enumerate() {
        marks.push((s.start, k, true));
        marks.push((s.end, k, false));
    }
    marks.sort_unstable();
    let mut out = vec![(0, 0); spans.len()];
    let (mut byte, mut count) = (0, 0);
    for (at, k, start) in marks {
        count += text.get(byte..at).map_or(0, |t| t.chars().count());
        byte = byte.max(at);
        if start {
            out[k].0 = count;
        } else {
            out[k].1 = count;
        }
    }
    out
}

/// The text from byte `from` to `to`, escaped for Markdown (see
/// [`markdown::escape`]); it begins a line at the start or after a break.
fn markdown_text(text: &str, from: usize, to: usize) -> String {
    let line_start = from == 0 || text[..from].ends_with('\n');
    markdown::escape(&text[from..to], line_start)
}

/// Pairs read and checked at a time: memory stays bounded whatever the size
/// of the parallel file.
const CHECK_BATCH: usize = 16_384;

fn check(args: GlossaryCheckArgs) -> Result<Status> {
    if let Some(o) = args.output.as_deref() {
        let mut inputs = run::glossary_inputs(&args.glossary);
        inputs.push(("--parallel", args.parallel.as_path()));
        run::refuse_overwriting(&[("-o", o)], &inputs)?;
    }
    let annotator = Annotator::new(load(&args.glossary)?)?;
    let direction = match args.direction {
        DirectionArg::EnJa => Direction::EnJa,
        DirectionArg::JaEn => Direction::JaEn,
        DirectionArg::Both => Direction::Both,
    };
    let mut options = CheckOptions::default();
    options.numbers = !args.no_numbers;
    let mut out = Output::open(args.output.as_deref())?;
    let mut found = 0usize;
    // Pairs with an empty side are checked too: an untranslated segment is
    // what a check must report first (they were skipped with a note).
    let (checked, status) = run::for_pairs(
        &args.parallel,
        args.quiet,
        None,
        false,
        CHECK_BATCH,
        true,
        |batch| {
            // Pairs are independent: check chunks on all cores; collecting keeps
            // the input order, so the report is the same on any number of threads.
            let issues: Vec<_> = batch
                .par_chunks(512)
                .map(|chunk| check_pairs_with(&annotator, chunk, direction, options))
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .flatten()
                .collect();
            found += issues.len();
            if !issues.is_empty() {
                run::note_findings();
            }
            for i in &issues {
                // The pair itself, for a JSON record that stands alone.
                let pair = batch
                    .binary_search_by_key(&i.line, |p| p.line)
                    .ok()
                    .and_then(|k| batch.get(k));
                write_issue(&mut out, i, pair, args.format, &args.parallel)?;
            }
            Ok(())
        },
    )?;
    out.finish()?;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    eprintln!(
        "kotoba: {} checked, {}",
        count(checked, "pair", "pairs"),
        count(found, "issue", "issues")
    );
    // Nothing checked is no clean result: a QA step given an empty or
    // header-only file must not pass.
    if checked == 0 && status != Status::Failures {
        eprintln!(
            "kotoba: error: no pairs in {}; nothing was checked",
            args.parallel.display()
        );
        return Ok(Status::Failures);
    }
    Ok(if status == Status::Failures {
        status
    } else if found > 0 {
        Status::Findings
    } else {
        Status::Clean
    })
}

fn write_issue(
    out: &mut Output,
    i: &kotoba_glossary::Issue,
    pair: Option<&kotoba_glossary::Pair>,
    format: TextOrJsonl,
    path: &std::path::Path,
) -> Result<()> {
    match format {
        TextOrJsonl::Jsonl => {
            // The file and the pair's two sides too: a record read alone (a
            // review tool, a spreadsheet) names what it is about.
            #[derive(serde::Serialize)]
            struct IssueRecord<'a> {
                file: String,
                #[serde(flatten)]
                issue: &'a kotoba_glossary::Issue,
                en: Option<&'a str>,
                ja: Option<&'a str>,
            }
            let record = IssueRecord {
                file: path.display().to_string(),
                issue: i,
                en: pair.map(|p| p.en.as_str()),
                ja: pair.map(|p| p.ja.as_str()),
            };
            serde_json::to_writer(&mut *out, &record)?;
            out.write_all(b"\n")?;
        }
        TextOrJsonl::Text => {
            // One issue per line: a term written across a line break (or a
            // tab) in the text is shown with spaces.
            let line = |t: &str| kotoba_glossary::formats::plain_tsv_cell(t).into_owned();
            let lines = |ts: &[String]| ts.iter().map(|t| line(t)).collect::<Vec<_>>();
            let what = match i.kind {
                kotoba_glossary::IssueKind::Missing => format!(
                    "{} `{}` ({}) has no equivalent; expected one of: {}; glossary terms found: {}",
                    i.lang.code(),
                    line(&i.term),
                    i.concept,
                    lines(&i.expected).join(" | "),
                    if i.found.is_empty() {
                        "none".to_string()
                    } else {
                        lines(&i.found).join(", ")
                    }
                ),
                kotoba_glossary::IssueKind::Deprecated => format!(
                    "{} `{}` ({}) is deprecated; use: {}",
                    i.lang.code(),
                    line(&i.term),
                    i.concept,
                    lines(&i.expected).join(" | ")
                ),
                kotoba_glossary::IssueKind::Untranslated => format!(
                    "untranslated: the ja side has no Japanese: `{}`",
                    short(&i.term)
                ),
                kotoba_glossary::IssueKind::Swapped => format!(
                    "swapped: the en side is Japanese and the ja side English \
                     (columns the wrong way round?): `{}`",
                    short(&i.term)
                ),
                kotoba_glossary::IssueKind::Number => format!(
                    "number: {} `{}` has no number of its value in the translation; numbers there: {}",
                    i.lang.code(),
                    line(&i.term),
                    if i.found.is_empty() {
                        "none".to_string()
                    } else {
                        lines(&i.found).join(", ")
                    }
                ),
                kotoba_glossary::IssueKind::Currency => format!(
                    "currency: {} `{}` in {} is given in another currency: {}",
                    i.lang.code(),
                    line(&i.term),
                    lines(&i.expected).join(", "),
                    lines(&i.found).join(", ")
                ),
                kotoba_glossary::IssueKind::Date => format!(
                    "date: {} `{}` is none of the translation's dates: {}; expected: {}",
                    i.lang.code(),
                    line(&i.term),
                    lines(&i.found).join(", "),
                    lines(&i.expected).join(", ")
                ),
                kotoba_glossary::IssueKind::Empty => format!(
                    "empty: the {} side is empty; the other reads `{}`",
                    i.lang.code(),
                    short(&i.term)
                ),
                // A kind this binary was built before.
                _ => format!("{:?}: {} `{}`", i.kind, i.lang.code(), line(&i.term)),
            };
            writeln!(out, "{}:{}: {what}", path.display(), i.line)?;
        }
    }
    Ok(())
}

/// A segment cut to 60 characters for a one-line report, tabs and line
/// breaks as spaces.
fn short(text: &str) -> String {
    let text = kotoba_glossary::formats::plain_tsv_cell(text);
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.into_owned(),
    }
}

fn convert(args: GlossaryConvertArgs) -> Result<Status> {
    let from = args.from.as_deref().map(format_named).transpose()?;
    let stdin = args.input.as_os_str() == "-";
    let stdout = args.output.as_os_str() == "-";
    let to = match args.to.as_deref() {
        Some(name) => format_named(name)?,
        None if stdout => return Err(anyhow!("writing to standard output (-) needs --to")),
        None => Format::from_path(&args.output)?,
    };
    // Written over its input (the same path, another spelling, or a
    // link), the glossary would be replaced by a re-encoding of what was
    // read: lossy in UTX and OmegaT, without the entries --lenient skipped
    // or the content a note says is not kept, never the user's file.
    if !stdin && !stdout {
        run::refuse_overwriting(&[("OUTPUT", &args.output)], &[("the input", &args.input)])?;
    }
    let read = if stdin {
        let Some(from) = from else {
            return Err(anyhow!("reading standard input (-) needs --from"));
        };
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .context("<stdin>: cannot read (not UTF-8?)")?;
        formats::import(
            text.strip_prefix('\u{feff}').unwrap_or(&text),
            from,
            Path::new("<stdin>"),
            args.lenient,
        )?
    } else {
        formats::import_file(&args.input, from, args.lenient)?
    };
    for p in &read.problems {
        eprintln!("kotoba: skipped glossary entry: {p}");
    }
    print_notes(&read.notes);
    let glossary = read.glossary;
    if !to.drops().is_empty() {
        eprintln!("kotoba: note: {} does not carry {}", to.name(), to.drops());
    }
    if to == Format::Utx {
        let unpaired = formats::utx_unpaired(&glossary);
        if let Some(first) = unpaired.first() {
            eprintln!(
                "kotoba: note: {} concept{} no term in one of the languages, and UTX, whose \
                 rows are translation pairs, leaves {} out (`{first}`{})",
                unpaired.len(),
                if unpaired.len() == 1 {
                    " has"
                } else {
                    "s have"
                },
                if unpaired.len() == 1 { "it" } else { "them" },
                if unpaired.len() > 1 { ", …" } else { "" }
            );
        }
    }
    if to == Format::Tbx {
        let renamed = formats::tbx_renamed_ids(&glossary);
        if let Some((id, written)) = renamed.first() {
            eprintln!(
                "kotoba: note: {} concept id{} no XML name, as TBX needs, and {} written \
                 otherwise (`{id}` as `{written}`{})",
                renamed.len(),
                if renamed.len() == 1 { " is" } else { "s are" },
                if renamed.len() == 1 { "is" } else { "are" },
                if renamed.len() > 1 { ", …" } else { "" }
            );
        }
    }
    note_left_out(&glossary, to);
    let target = (!stdout).then_some(args.output.as_path());
    let mut out = Output::open(target).context("opening the output")?;
    let options = formats::WriteOptions::default().bom(args.bom);
    out.write_all(formats::write_with(&glossary, to, options).as_bytes())?;
    out.finish()?;
    let n = glossary.concepts.len();
    eprintln!(
        "kotoba: {n} concept{} written to {}",
        if n == 1 { "" } else { "s" },
        target.map_or("standard output".into(), |p| p.display().to_string())
    );
    Ok(Status::Clean)
}
