//! `kotoba glossary extract | align | build | merge-stats`: building
//! glossaries from corpora with `kotoba-terms`.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use anyhow::{Context, Result, anyhow};
use kotoba_glossary::formats::{self, Format};
use kotoba_glossary::{Concept, Glossary, Status as TermStatus, Term, id_from};
use kotoba_terms::stats::Shards;
use kotoba_terms::{
    AlignOptions, Aligner, Alignment, Association, Extractor, Language, Method, PairStats,
    RankOptions, Stats, Tally, align, rank,
};
use rayon::prelude::*;
use serde_json::{Value, json};

use super::glossary::load;
use crate::args::{
    AlignFormat, AssociationArg, BuildFormat, ExtractFormat, GlossaryAlignArgs, GlossaryBuildArgs,
    GlossaryExtractArgs, InputArgs, MergeStatsArgs, PairArgs, RankArgs, TermLang, TermMethod,
};
use kotoba_tokenize::japanese::JapaneseTokenizer;

use crate::output::Output;
use crate::run::{self, Status};

fn rank_options(args: &RankArgs) -> RankOptions {
    let method = match args.method {
        TermMethod::Combined => Method::Combined,
        TermMethod::CValue => Method::CValue,
        TermMethod::TfIdf => Method::TfIdf,
        TermMethod::Weirdness => Method::Weirdness,
        TermMethod::Flr => Method::Flr,
    };
    RankOptions {
        method,
        min_freq: args.min_freq,
        limit: args.top,
        new_only: args.new_only,
        ..RankOptions::default()
    }
}

/// The language a document is counted as: the one given, or under `auto`
/// its script (kana, or Han characters alone, make it Japanese: kotoba
/// reads no Chinese).
fn language_of(lang: TermLang, text: &str) -> Language {
    match lang {
        TermLang::En => Language::En,
        TermLang::Ja => Language::Ja,
        TermLang::Auto => match crate::lang::family(crate::args::LangArg::Auto, text) {
            "ja" => Language::Ja,
            _ => Language::En,
        },
    }
}

/// Counts term candidates over the corpus, in parallel, in one pass (so
/// standard input works under `--lang auto`). Each worker adds documents
/// into a running total of its own (taken from a small pool per language),
/// and the totals are merged at the end: merging is exact and order-free,
/// so the result does not depend on which thread counted what. Under
/// `auto` each document is counted as its own language and the corpus is
/// the language of most documents (English on a tie); the others are left
/// out and counted on stderr.
fn count(input: &InputArgs, lang: TermLang) -> Result<(Stats, Status)> {
    const LANGUAGES: [Language; 2] = [Language::En, Language::Ja];
    // Built on first use: the Japanese one loads the dictionary.
    let extractors: [OnceLock<Result<Extractor, String>>; 2] = Default::default();
    let pools: [Mutex<Vec<Tally>>; 2] = Default::default();
    let poisoned = || anyhow!("a counting thread panicked");
    // Documents whose script says the other language than --lang names:
    // counted as told, and noted, as they give few or no candidates.
    let other_script = AtomicUsize::new(0);
    let status = run::fold_corpus(
        input,
        |doc| {
            let language = language_of(lang, &doc.text);
            // A document without letters looks like neither.
            if lang != TermLang::Auto
                && language_of(TermLang::Auto, &doc.text) != language
                && doc.text.chars().any(char::is_alphabetic)
            {
                other_script.fetch_add(1, Ordering::Relaxed);
            }
            let slot = LANGUAGES.iter().position(|l| *l == language).unwrap_or(0);
            let extractor = extractors[slot]
                .get_or_init(|| Extractor::new(language).map_err(|e| e.to_string()))
                .as_ref()
                .map_err(|e| anyhow!("{e}"))?;
            let stats = extractor.count(&doc.text);
            let running = pools[slot].lock().map_err(|_| poisoned())?.pop();
            let mut running = running.unwrap_or_else(|| Tally::new(language));
            running.add(stats)?;
            pools[slot].lock().map_err(|_| poisoned())?.push(running);
            Ok(())
        },
        |()| Ok(()),
    )?;
    let mut totals = Vec::new();
    for (language, pool) in LANGUAGES.into_iter().zip(pools) {
        let parts: Vec<Stats> = pool
            .into_inner()
            .map_err(|_| poisoned())?
            .into_par_iter()
            .map(Tally::into_stats)
            .collect();
        let mut total = Stats::new(language);
        for part in parts {
            total.absorb(part)?;
        }
        totals.push(total);
    }
    let ja = totals.pop().unwrap_or_else(|| Stats::new(Language::Ja));
    let en = totals.pop().unwrap_or_else(|| Stats::new(Language::En));
    let forced = matches!(lang, TermLang::Ja);
    let (kept, left) = if forced || (lang == TermLang::Auto && ja.docs > en.docs) {
        (ja, en)
    } else {
        (en, ja)
    };
    let name = |l: Language| match l {
        Language::En => "English",
        Language::Ja => "Japanese",
    };
    if left.docs > 0 {
        let why = if left.docs == kept.docs {
            format!(
                "as many documents are {} as {}; {} is ranked",
                name(left.language),
                name(kept.language),
                name(kept.language)
            )
        } else {
            format!("most documents are {}", name(kept.language))
        };
        eprintln!(
            "kotoba: note: {} document(s) in {} left out: {why} (--lang chooses)",
            left.docs,
            name(left.language)
        );
    }
    let other_script = other_script.into_inner();
    if other_script > 0 {
        let other = match kept.language {
            Language::En => Language::Ja,
            Language::Ja => Language::En,
        };
        eprintln!(
            "kotoba: note: {other_script} of {} document(s) look {}, counted as {} as --lang says",
            kept.docs,
            name(other),
            name(kept.language)
        );
    }
    if kept.docs > 0 && kept.terms.is_empty() {
        eprintln!(
            "kotoba: note: no {} term candidates in {} document(s){}",
            name(kept.language),
            kept.docs,
            if lang == TermLang::Auto {
                ""
            } else {
                " (is the corpus in the language --lang names?)"
            }
        );
    }
    Ok((kept, status))
}

fn write_candidates(
    stats: &Stats,
    options: &RankOptions,
    glossary: &Glossary,
    format: ExtractFormat,
    out: &mut Output,
) -> Result<()> {
    let rows = rank(stats, options, Some(glossary));
    match format {
        ExtractFormat::Tsv => out.write_all(kotoba_terms::to_tsv(&rows).as_bytes())?,
        ExtractFormat::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// `glossary extract`.
pub fn extract(args: GlossaryExtractArgs) -> Result<Status> {
    // One ranking of the whole corpus: no record per input record.
    run::keep_fields_only_with(
        &args.input,
        false,
        "a command with one output record per input record",
    )?;
    run::refuse_shard(
        &args.input,
        "a ranking",
        "count shards with `glossary build --shard K/N --emit-stats FILE`, then rank the merged counts with `build --stats`",
    )?;
    run::refuse_overwriting_inputs(&args.input, &[], &run::glossary_inputs(&args.glossary))?;
    let glossary = load(&args.glossary)?;
    let options = rank_options(&args.rank);
    // Opened before the corpus is read, so a missing folder shows at once;
    // the file appears only when finished.
    let mut out = Output::open(args.input.output.as_deref())?;
    let (stats, status) = count(&args.input, args.lang)?;
    write_candidates(&stats, &options, &glossary, args.format, &mut out)?;
    out.finish()?;
    Ok(status)
}

/// The pairing options of `args` (`min_freq` from the command).
fn align_options(args: &PairArgs, min_freq: u64) -> AlignOptions {
    AlignOptions {
        association: match args.association {
            AssociationArg::Dice => Association::Dice,
            AssociationArg::Llr => Association::LogLikelihood,
        },
        min_freq,
        min_cooc: args.min_cooc,
        rare: !args.no_rare,
        per_term: usize::from(args.per_term),
        ..AlignOptions::default()
    }
}

/// The pairs a TBX termbase is given: `rows` without the rare ones
/// ([`Alignment::is_rare`]) and without the proposals a term kept when its
/// Japanese term went to another English term (not [`Alignment::linked`]:
/// `White` → 高官 beside `official` → 高官). A TBX carries no
/// counts, so a pair seen together once would enter a termbase looking as
/// sure as any other, and most are wrong (13 of 47 were right on the
/// gettext pairs); the tables keep both kinds, with their `cooc` and
/// `linked`. `--min-cooc 1` lets rare pairs in. Glossary pairs always stay.
fn for_termbase(rows: Vec<Alignment>, options: &AlignOptions) -> Vec<Alignment> {
    rows.into_iter()
        .filter(|a| termbase_pair(a, options))
        .collect()
}

/// Segments a proposal must share, at least, to go into a termbase when
/// neither the glossary nor a transliteration supports it (unless
/// `--min-cooc 1` asks for every pair): a pair seen
/// together twice in a short file (`cancel` → 予定, `follow` → 東京 in the
/// seed article) was written to TBX files for import (a translator's
/// review); the table still lists it.
const TERMBASE_MIN_COOC: u64 = 3;

/// True for a pair [`for_termbase`] keeps: a glossary's, or a linked
/// proposal whose English is a noun phrase and that a transliteration or
/// [`TERMBASE_MIN_COOC`] segments support. A word alone that cannot be a
/// noun (`allowed`, `complain`, `considering`: WordNet 3.0's parts of
/// speech) is no term for a termbase, though the table still shows its pair
/// (reviews found such verbs in TBX files).
fn termbase_pair(a: &Alignment, options: &AlignOptions) -> bool {
    let no_noun = !a.en.contains(' ')
        && kotoba_terms::lexicon::pos(&a.en.to_lowercase()).is_some_and(|p| !p.noun);
    // `--min-cooc 1` asks for every pair, in a termbase too.
    let min_cooc = if options.min_cooc <= 1 {
        1
    } else {
        TERMBASE_MIN_COOC.max(options.min_cooc)
    };
    let supported = a.translit >= options.translit_min || a.cooc >= min_cooc;
    a.seed.is_some() || (a.linked && !a.is_rare(options) && !no_noun && supported)
}

/// `rows` without the proposals scoring below `min_score` (glossary seed
/// pairs stay: the glossary already holds them).
fn above(rows: Vec<Alignment>, min_score: f64) -> Vec<Alignment> {
    if min_score <= 0.0 {
        return rows;
    }
    rows.into_iter()
        .filter(|a| a.seed.is_some() || a.score >= min_score)
        .collect()
}

/// Segment pairs counted at a time: memory stays bounded whatever the size
/// of the parallel file, and counts of batches add up exactly.
const PAIR_BATCH: usize = 65_536;

/// Co-occurrence counts of a parallel file (of its shard K of N with
/// `shard`), read in batches; bad lines are reported and skipped (the status
/// says so), or with `fail_fast` end the run. Rows that read but are no
/// English–Japanese pair are bad lines too ([`PairScreen`]), and a file whose
/// columns look swapped is an error.
fn count_pairs(
    path: &Path,
    quiet: bool,
    shard: Option<(usize, usize)>,
    fail_fast: bool,
) -> Result<(PairStats, Status)> {
    let aligner = Aligner::new()?;
    let mut total = PairStats::default();
    let mut screen = PairScreen::new(path);
    let (_, status) = run::for_pair_batches(path, quiet, shard, fail_fast, PAIR_BATCH, |batch| {
        let batch = screen.keep(batch)?;
        Ok(total.absorb(aligner.count_pairs(&batch))?)
    })?;
    screen.finish()?;
    Ok((total, status))
}

/// Least rows with Japanese only in the en column for a file's columns to
/// look swapped (more than half of the rows read must be so too).
const SWAPPED_ROWS: usize = 3;

/// Rows read after which swapped columns are told at once, before the rest
/// of a large file is counted.
const EARLY_ROWS: usize = 1_000;

/// Lines of untranslated rows named in the note about them.
const NAMED_LINES: usize = 5;

/// Checks the pairs of a parallel file as they are read (the reader sets
/// cells quoted over several lines aside): rows with Japanese only in the
/// en column are counted, to tell swapped columns (after [`EARLY_ROWS`]
/// rows and at the end), and rows without Japanese in the ja column for a
/// note ([`kotoba_glossary::pair_problem`] tells both).
struct PairScreen {
    /// The file as errors name it.
    name: String,
    read: usize,
    swapped: usize,
    /// Lines of rows whose ja column has English words and no Japanese.
    untranslated: Vec<usize>,
    untranslated_rows: usize,
}

impl PairScreen {
    fn new(path: &Path) -> PairScreen {
        PairScreen {
            name: if path.as_os_str() == "-" {
                "<stdin>".to_string()
            } else {
                path.display().to_string()
            },
            read: 0,
            swapped: 0,
            untranslated: Vec::new(),
            untranslated_rows: 0,
        }
    }

    /// The pairs of `batch`, as `English`, `Japanese`, counted as they go;
    /// an error once most rows read look swapped.
    fn keep(&mut self, batch: Vec<kotoba_glossary::Pair>) -> Result<Vec<(String, String)>> {
        use kotoba_glossary::{IssueKind, pair_problem};
        let mut kept = Vec::with_capacity(batch.len());
        for pair in batch {
            self.read += 1;
            match pair_problem(&pair).map(|(kind, _, _)| kind) {
                Some(IssueKind::Swapped) => self.swapped += 1,
                Some(IssueKind::Untranslated) => {
                    self.untranslated_rows += 1;
                    if self.untranslated.len() < NAMED_LINES {
                        self.untranslated.push(pair.line);
                    }
                }
                _ => {}
            }
            kept.push((pair.en, pair.ja));
        }
        if self.read >= EARLY_ROWS {
            self.swapped_columns()?;
        }
        Ok(kept)
    }

    /// An error when most rows read have Japanese only in the en column.
    fn swapped_columns(&self) -> Result<()> {
        if self.swapped >= SWAPPED_ROWS && self.swapped * 2 > self.read {
            return Err(anyhow!(
                "columns look swapped: {} of the {} rows of {} have Japanese in the en column and \
                 none in the ja column; name the columns the other way round in the header; \
                 nothing written",
                self.swapped,
                self.read,
                self.name
            ));
        }
        Ok(())
    }

    /// Whether the rows read look swapped (an error); a note on
    /// untranslated rows, which pair nothing.
    fn finish(&self) -> Result<()> {
        self.swapped_columns()?;
        if self.untranslated_rows > 0 {
            let lines: Vec<String> = self.untranslated.iter().map(usize::to_string).collect();
            let more = if self.untranslated_rows > self.untranslated.len() {
                ", …"
            } else {
                ""
            };
            eprintln!(
                "kotoba: note: {} row(s) of {} have English words and no Japanese in the ja \
                 column (untranslated, or a tab inside an English sentence), so pair nothing: \
                 line(s) {}{more}",
                self.untranslated_rows,
                self.name,
                lines.join(", ")
            );
        }
        Ok(())
    }
}

/// A pair as a JSON record (`glossary align --format jsonl`), with its
/// `status`: `proposed` for a machine pair; a glossary pair (`seed`) has
/// the status the glossary gives its Japanese term (its concept's preferred
/// one's where the corpus writes it otherwise).
fn alignment_json(r: &Alignment, glossary: &Glossary) -> Value {
    let status = match r.seed.as_deref() {
        None => TermStatus::Proposed,
        Some(id) => glossary
            .concepts
            .iter()
            .rev()
            .find(|c| c.id == id)
            .and_then(|c| {
                c.ja.iter()
                    .find(|t| t.term == r.ja)
                    .or_else(|| c.preferred(kotoba_glossary::Lang::Ja))
            })
            .map_or(TermStatus::Admitted, |t| t.status),
    };
    json!({
        "en": r.en, "ja": r.ja, "score": r.score, "cooc": r.cooc,
        "en_freq": r.en_freq, "ja_freq": r.ja_freq, "dice": r.dice, "llr": r.llr, "translit": r.translit,
        "seed": r.seed, "linked": r.linked, "status": status.name(),
    })
}

/// Writes pairs as a table, JSON Lines or a TBX; a TBX gives each Japanese
/// term its reading: the one `glossary` has for it, else IPADIC's.
fn write_alignments(
    rows: &[Alignment],
    format: AlignFormat,
    out: &mut Output,
    glossary: &Glossary,
) -> Result<()> {
    match format {
        AlignFormat::Tsv => out.write_all(kotoba_terms::align::to_tsv(rows).as_bytes())?,
        AlignFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, &alignment_json(r, glossary))?;
                out.write_all(b"\n")?;
            }
        }
        AlignFormat::Tbx => {
            // Japanese terms carry their reading, as the glossary's do: its
            // own reviewed one where it has the term (IPADIC misreads some,
            // such as 譲許), else the dictionary's.
            let mut reader = JapaneseTokenizer::new()?.worker();
            // Later concepts win: a --glossary layered over the default.
            let mut known: HashMap<&str, &str> = HashMap::new();
            for t in glossary.concepts.iter().flat_map(|c| &c.ja) {
                if let Some(r) = &t.reading {
                    known.insert(t.term.as_str(), r.as_str());
                }
            }
            let mut reading = |ja: &str| match known.get(ja) {
                Some(r) => Some((*r).to_string()),
                None => reader.reading(ja),
            };
            let mut g = Glossary::default();
            let mut terms_done = std::collections::HashSet::new();
            let mut ids = std::collections::HashSet::new();
            // Glossary concepts written, by id: where in `g`, and the forms
            // this corpus writes them in.
            let mut glossary_entries: HashMap<&str, (usize, Vec<String>)> = HashMap::new();
            for r in rows {
                // The best pair of each English term (rows come best first).
                if !terms_done.insert(r.en.as_str()) {
                    continue;
                }
                let seed = r
                    .seed
                    .as_deref()
                    .and_then(|id| glossary.concepts.iter().rev().find(|c| c.id == id));
                // A glossary pair is its concept, whole and under its id,
                // once however many forms the corpus writes it in (`car`,
                // `automobiles`): loaded over the glossary it replaces the
                // concept with itself, where an entry per form (plurals
                // marked preferred, ids of their own) added near-copies
                // that made check and annotate miss `tariff` (a review
                // found it).
                if let Some(c) = seed {
                    let form = format!("{} / {}", r.en, r.ja);
                    match glossary_entries.get_mut(c.id.as_str()) {
                        Some((_, forms)) => forms.push(form),
                        None => {
                            ids.insert(c.id.clone());
                            glossary_entries.insert(c.id.as_str(), (g.concepts.len(), vec![form]));
                            g.concepts.push(c.clone());
                        }
                    }
                    continue;
                }
                // A proposal's terms are proposed until someone decides
                // (loaded with --glossary, they demand nothing of a check),
                // and the entry says what it is, so a reviewer of the TBX
                // sees what the statistics propose.
                let term = |t: &str, reading: Option<String>| Term {
                    term: t.to_string(),
                    reading,
                    status: TermStatus::Proposed,
                    note: None,
                };
                let note = format!(
                    "machine proposal, not reviewed: score {:.4}, together in {} segments \
                     (English term in {}, Japanese term in {})",
                    r.score, r.cooc, r.en_freq, r.ja_freq
                );
                // Ids of their own: loaded with --glossary, a proposal must
                // not replace a default concept of the same slug (`trade`
                // would lose 通商), two spellings must not share one, and a
                // TBX id may not start with a digit.
                let base = format!("align-{}", id_from(&r.en));
                let mut id = base.clone();
                let mut n = 1;
                while !ids.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                g.concepts.push(Concept {
                    id,
                    domain: String::new(),
                    definition: String::new(),
                    note,
                    en: vec![term(&r.en, None)],
                    ja: vec![term(&r.ja, reading(&r.ja))],
                });
            }
            // Each glossary entry says so, with the forms found.
            for (id, (at, forms)) in glossary_entries {
                let c = &mut g.concepts[at];
                let mut note = format!(
                    "glossary pair (concept {id}); in this corpus: {}",
                    forms.join(", ")
                );
                // The concept's own note stays; one a TBX like this gave it
                // (read back as a layer) is replaced, not stacked.
                if !c.note.is_empty() && !c.note.starts_with("glossary pair (concept ") {
                    note = format!("{note}; {}", c.note);
                }
                c.note = note;
            }
            out.write_all(formats::write(&g, Format::Tbx).as_bytes())?;
        }
    }
    Ok(())
}

/// `glossary align`.
pub fn align_cmd(args: GlossaryAlignArgs) -> Result<Status> {
    if let Some(o) = args.output.as_deref() {
        let mut inputs = run::glossary_inputs(&args.glossary);
        inputs.push(("--parallel", args.parallel.as_path()));
        run::refuse_overwriting(&[("-o", o)], &inputs)?;
    }
    if args.format == AlignFormat::Tbx && args.pairing.per_term > 1 {
        return Err(anyhow!(
            "--per-term lists alternatives in tsv and jsonl; a TBX glossary holds each term's chosen pair"
        ));
    }
    let glossary = load(&args.glossary)?;
    let options = align_options(&args.pairing, args.min_freq);
    // Opened before the pairs are read, so a missing folder shows at once;
    // the file appears only when finished.
    let mut out = Output::open(args.output.as_deref())?;
    let (stats, status) = count_pairs(&args.parallel, args.quiet, None, false)?;
    // No pairs is no result, as for `extract` with no document: nothing is
    // written (a file named by -o keeps what it held).
    if stats.segments == 0 {
        let name = if args.parallel.as_os_str() == "-" {
            "standard input".to_string()
        } else {
            args.parallel.display().to_string()
        };
        return Err(match status {
            Status::Failures => anyhow!("no pair of {name} could be read; nothing written"),
            _ => anyhow!("no pairs in {name}; nothing written"),
        });
    }
    let mut rows = above(
        align(&stats, &options, Some(&glossary)),
        args.pairing.min_score,
    );
    // Columns swapped, or both in one language: say why nothing paired.
    for (side, terms, language) in [
        ("en", &stats.en.terms, "English"),
        ("ja", &stats.ja.terms, "Japanese"),
    ] {
        if terms.is_empty() {
            eprintln!(
                "kotoba: note: no {language} term candidates in the {side} column of {}; \
                 does it hold {language}?",
                args.parallel.display()
            );
        }
    }
    if args.format == AlignFormat::Tbx {
        rows = for_termbase(rows, &options);
    }
    write_alignments(&rows, args.format, &mut out, &glossary)?;
    out.finish()?;
    Ok(status)
}

/// The counts `build --emit-stats` writes: term counts and, with
/// `--parallel`, pair counts.
fn stats_json(counts: &Counts) -> Result<String> {
    let record = kotoba_terms::stats::Record {
        terms: counts.terms.clone(),
        pairs: counts.pairs.clone(),
        shards: counts.shards.clone(),
        incomplete: counts.incomplete,
    };
    Ok(record.to_json()? + "\n")
}

/// Term counts, pair counts when the shards paired terms, and the shards
/// of a split corpus they hold (`None`: the whole corpus).
struct Counts {
    terms: Stats,
    pairs: Option<PairStats>,
    shards: Option<Shards>,
    /// Some input failed to be read when these were counted.
    incomplete: bool,
}

impl Counts {
    /// The status of ranking these counts: a failure when some input was
    /// lost in counting (said on stderr), as a run over the corpus would
    /// end.
    fn status(&self, what: &str) -> Status {
        if self.incomplete {
            eprintln!(
                "kotoba: warning: {what} were counted with inputs that failed to be read (their run said which); the result lacks them"
            );
            Status::Failures
        } else {
            Status::Clean
        }
    }
}

/// Adds one record's counts into `total`; `origin` names it in errors.
fn absorb_counts(total: &mut Option<Counts>, next: Counts, origin: &str) -> Result<()> {
    let Some(sum) = total else {
        *total = Some(next);
        return Ok(());
    };
    match (sum.shards.as_mut(), next.shards.as_ref()) {
        (Some(a), Some(b)) => a.merge(b).with_context(|| origin.to_string())?,
        (None, None) => {}
        _ => {
            return Err(anyhow!(
                "{origin}: shards of a split (--shard K/N) and counts of a whole corpus do not add up"
            ));
        }
    }
    sum.incomplete |= next.incomplete;
    sum.terms
        .absorb(next.terms)
        .with_context(|| origin.to_string())?;
    match (sum.pairs.as_mut(), next.pairs) {
        (Some(a), Some(b)) => a.absorb(b).with_context(|| origin.to_string())?,
        (None, None) => {}
        _ => {
            return Err(anyhow!(
                "{origin}: some shards have pair counts and some do not"
            ));
        }
    }
    Ok(())
}

/// The counts of a split, checked whole: a missing shard is an error
/// (nothing is lost in silence) unless `partial`; a complete split is the
/// whole corpus and says no more of shards.
fn whole_split(mut counts: Counts, partial: bool, what: &str) -> Result<Counts> {
    if let Some(shards) = &counts.shards {
        let count = shards.missing_count();
        if count == 0 {
            counts.shards = None;
        } else {
            const LISTED: usize = 10;
            let mut list: Vec<String> = shards
                .missing(LISTED)
                .iter()
                .map(|k| format!("{k}/{}", shards.of))
                .collect();
            if count > LISTED as u64 {
                list.push(format!("and {} more", count - LISTED as u64));
            }
            let list = list.join(", ");
            if !partial {
                return Err(anyhow!(
                    "{what}: missing shard(s) {list}; give them, or --partial to go on without"
                ));
            }
            // The ranking is of part of the corpus: said, not hidden.
            eprintln!(
                "kotoba: note: {what}: missing shard(s) {list}; going on without them (--partial)"
            );
        }
    }
    Ok(counts)
}

/// A count file as messages name it (`-`: standard input).
fn stats_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a stats file: one record per line, as `--emit-stats` writes it, so
/// the outputs of many shards may simply be concatenated (`-` reads standard
/// input). Several records are added up. `name` names the file in messages.
fn read_stats(path: &Path, name: &str, seen: &mut HashMap<u64, String>) -> Result<Counts> {
    let text = if path.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading standard input")?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("reading {name}"))?
    };
    // A byte-order mark is dropped, as from every file kotoba reads (an
    // editor on Windows adds one).
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut total = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name}:{}", i + 1);
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{origin}: not a kotoba stats record"))?;
        if v.get("kotoba_stats").is_none() {
            return Err(anyhow!(
                "{origin}: not a kotoba stats record (write one with `glossary build --emit-stats`)"
            ));
        }
        // The library checks the record's version (and version 2's mark)
        // and that its counts agree.
        let record = kotoba_terms::stats::Record::from_value(v).with_context(|| origin.clone())?;
        // The same record given twice is counted twice (shards of a split
        // are refused instead); two real shards are never byte-identical
        // unless empty.
        if record.terms.docs > 0 && record.shards.is_none() {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(line.trim(), &mut h);
            if let Some(first) = seen.insert(std::hash::Hasher::finish(&h), origin.clone()) {
                eprintln!(
                    "kotoba: warning: {origin} is the same record as {first}; both are counted"
                );
            }
        }
        let counts = Counts {
            terms: record.terms,
            pairs: record.pairs,
            shards: record.shards,
            incomplete: record.incomplete,
        };
        absorb_counts(&mut total, counts, &origin)?;
    }
    total.ok_or_else(|| anyhow!("{name}: no stats records"))
}

/// The error for output that needs pairs when there are none.
fn no_pairs_refused(args: &GlossaryBuildArgs) -> Result<()> {
    if !args.pairing.is_default() {
        return Err(anyhow!(
            "--association, --min-cooc, --no-rare, --min-score and --per-term shape pairs: give --parallel FILE (or --stats with pair counts)"
        ));
    }
    if args.format == BuildFormat::Tbx {
        return Err(anyhow!(
            "--format tbx writes the pairs found: give --parallel FILE (or --stats with pair counts)"
        ));
    }
    if args.pairs_output.is_some() {
        return Err(anyhow!(
            "--pairs-output needs pairs: give --parallel FILE (or --stats with pair counts)"
        ));
    }
    Ok(())
}

/// `glossary build`.
pub fn build(args: GlossaryBuildArgs) -> Result<Status> {
    run::keep_fields_only_with(
        &args.input,
        false,
        "a command with one output record per input record",
    )?;
    if args.emit_stats.is_none() {
        run::refuse_shard(
            &args.input,
            "a ranking",
            "give --emit-stats FILE to write the shard's counts, then rank the merged counts with --stats",
        )?;
    }
    // Standard input can be read once, and standard output hold one table:
    // refused before anything is read.
    let is_std = |p: &Path| p.as_os_str() == "-";
    let corpus_on_stdin =
        args.input.inputs.is_empty() || args.input.inputs.iter().any(|i| i == "-");
    if args.stats.is_none() && corpus_on_stdin && args.parallel.as_deref().is_some_and(is_std) {
        return Err(anyhow!(
            "standard input given twice: the corpus (no INPUT, or `-`) and --parallel -; give one of them as a file"
        ));
    }
    if args.pairs_output.as_deref().is_some_and(is_std)
        && args.input.output.as_deref().is_none_or(is_std)
    {
        return Err(anyhow!(
            "--pairs-output - writes the pairs to standard output, where the ranking goes too: give the ranking -o FILE"
        ));
    }
    if args.format == BuildFormat::Tbx && args.pairing.per_term > 1 {
        return Err(anyhow!(
            "--per-term lists alternatives in tsv and jsonl; a TBX glossary holds each term's chosen pair"
        ));
    }
    if args.format == BuildFormat::Tbx && args.pairs_output.is_some() {
        return Err(anyhow!(
            "--pairs-output splits the ranking from the pairs; --format tbx writes the pairs alone"
        ));
    }
    {
        let mut extra: Vec<(&str, &Path)> = Vec::new();
        if let Some(p) = args.pairs_output.as_deref() {
            extra.push(("--pairs-output", p));
        }
        if let Some(p) = args.emit_stats.as_deref() {
            extra.push(("--emit-stats", p));
        }
        let mut more = run::glossary_inputs(&args.glossary);
        if let Some(p) = args.parallel.as_deref() {
            more.push(("--parallel", p));
        }
        if let Some(p) = args.stats.as_deref() {
            more.push(("--stats", p));
        }
        run::refuse_overwriting_inputs(&args.input, &extra, &more)?;
    }
    // Refused before a corpus is read: without --parallel or --stats there
    // are no pairs to write.
    if args.parallel.is_none() && args.stats.is_none() && args.emit_stats.is_none() {
        no_pairs_refused(&args)?;
    }
    let glossary = load(&args.glossary)?;
    let options = rank_options(&args.rank);
    // The outputs are opened, and the parallel file's header read, before
    // the corpus is: a missing folder or a bad --parallel shows at once, not
    // after the whole corpus is counted. Nothing appears until finished.
    let mut emit_out = match args.emit_stats.as_deref() {
        // `-`: standard output, for workers under `RDD.pipe` or xargs.
        Some(path) => Some(Output::open(Some(path).filter(|p| !is_std(p)))?),
        None => None,
    };
    let mut pairs_out = match args.pairs_output.as_deref() {
        Some(path) => Some(Output::open(Some(path))?),
        None => None,
    };
    let mut out = match emit_out {
        Some(_) => None,
        None => Some(Output::open(args.input.output.as_deref())?),
    };
    if let Some(path) = args.parallel.as_deref().filter(|p| !is_std(p)) {
        kotoba_glossary::PairReader::open(path)?;
    }
    let (terms, pairs, status) = match &args.stats {
        Some(path) => {
            let name = stats_name(path);
            let counts = read_stats(path, &name, &mut HashMap::new())?;
            let counts = whole_split(counts, args.partial, &name)?;
            let status = counts.status(&format!("the counts of {name}"));
            (counts.terms, counts.pairs, status)
        }
        None => {
            let (t, status) = count(&args.input, args.lang)?;
            let (p, pair_status) = match args.parallel.as_deref() {
                Some(path) => {
                    let (p, s) = count_pairs(
                        path,
                        args.input.quiet,
                        args.input.shard,
                        args.input.fail_fast,
                    )?;
                    (Some(p), s)
                }
                None => (None, Status::Clean),
            };
            let status = if pair_status == Status::Failures {
                pair_status
            } else {
                status
            };
            (t, p, status)
        }
    };
    if let Some(mut out) = emit_out.take() {
        let counts = Counts {
            terms,
            pairs,
            shards: args
                .input
                .shard
                .map(|(k, n)| Shards::one(k as u64, n as u64)),
            incomplete: status == Status::Failures,
        };
        out.write_all(stats_json(&counts)?.as_bytes())?;
        out.finish()?;
        return Ok(status);
    }
    let pairing = align_options(&args.pairing, AlignOptions::default().min_freq);
    let alignments = pairs
        .as_ref()
        .map(|p| above(align(p, &pairing, Some(&glossary)), args.pairing.min_score));
    if alignments.is_none() {
        no_pairs_refused(&args)?;
    }
    let mut out = out
        .take()
        .ok_or_else(|| anyhow!("no output opened for the ranking"))?;
    if let (BuildFormat::Tbx, Some(rows)) = (args.format, &alignments) {
        // The glossary built: the ranked terms (--top, --new-only,
        // --min-freq, --method apply) that found a pair, each with its best.
        // English keys without hyphens and spaces: the spellings of one
        // term (`tariff rate quota`, `tariff-rate quota`) share the best
        // pair any of them has.
        let squash = |k: &str| -> String { k.chars().filter(|&c| c != '-' && c != ' ').collect() };
        // Japanese keys without their spaces: a compound counted in one cut
        // and paired in another is still one term.
        let unspaced = |k: &str| -> String { k.chars().filter(|&c| c != ' ').collect() };
        let key_of = |a: &Alignment| match terms.language {
            Language::En => squash(&a.en_key),
            Language::Ja => unspaced(&a.ja_key),
        };
        let mut best: HashMap<String, &Alignment> = HashMap::new();
        for a in rows.iter().filter(|a| termbase_pair(a, &pairing)) {
            // Rows come best first, each term's best pair first; rare and
            // unlinked pairs stay out of a termbase (see `for_termbase`).
            best.entry(key_of(a)).or_insert(a);
        }
        let chosen: Vec<Alignment> = rank(&terms, &options, Some(&glossary))
            .iter()
            .filter_map(|c| {
                let key = match terms.language {
                    Language::En => squash(&c.key),
                    Language::Ja => unspaced(&c.key),
                };
                best.get(&key).map(|a| (*a).clone())
            })
            .collect();
        write_alignments(&chosen, AlignFormat::Tbx, &mut out, &glossary)?;
        out.finish()?;
        return Ok(status);
    }
    // Both outputs were opened before either is written, so a folder that
    // is missing for one leaves the other as it was.
    if let (Some(pairs_out), Some(rows)) = (&mut pairs_out, &alignments) {
        match args.format {
            BuildFormat::Jsonl => write_alignments(rows, AlignFormat::Jsonl, pairs_out, &glossary)?,
            _ => write_alignments(rows, AlignFormat::Tsv, pairs_out, &glossary)?,
        }
    }
    let inline_pairs = alignments.as_ref().filter(|_| args.pairs_output.is_none());
    match args.format {
        BuildFormat::Jsonl => {
            let rows = rank(&terms, &options, Some(&glossary));
            for r in &rows {
                let mut v = serde_json::to_value(r)?;
                if let Value::Object(map) = &mut v {
                    map.insert("kind".into(), json!("term"));
                }
                serde_json::to_writer(&mut out, &v)?;
                out.write_all(b"\n")?;
            }
            if let Some(rows) = inline_pairs {
                for r in rows {
                    let mut v = alignment_json(r, &glossary);
                    if let Value::Object(map) = &mut v {
                        map.insert("kind".into(), json!("pair"));
                    }
                    serde_json::to_writer(&mut out, &v)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        _ => {
            write_candidates(&terms, &options, &glossary, ExtractFormat::Tsv, &mut out)?;
            if let Some(rows) = inline_pairs {
                out.write_all(b"\n")?;
                write_alignments(rows, AlignFormat::Tsv, &mut out, &glossary)?;
            }
        }
    }
    if let Some(pairs_out) = pairs_out {
        pairs_out.finish()?;
    }
    out.finish()?;
    Ok(status)
}

/// `glossary merge-stats`.
pub fn merge_stats(args: MergeStatsArgs) -> Result<Status> {
    let inputs: Vec<(&str, &Path)> = args
        .files
        .iter()
        .map(|f| ("a count file", f.as_path()))
        .collect();
    if let Some(o) = args.output.as_deref() {
        run::refuse_overwriting(&[("-o", o)], &inputs)?;
    }
    run::stdin_once(args.files.iter().map(|f| f.as_os_str()))?;
    // Opened before the count files are read, so a missing folder shows at
    // once; the file appears only when finished.
    let mut out = Output::open(args.output.as_deref())?;
    let mut total = None;
    let mut seen = HashMap::new();
    for (i, f) in args.files.iter().enumerate() {
        // A file given twice is told apart by its place among the arguments.
        let mut name = stats_name(f);
        if args.files[..i].contains(f) {
            name = format!("{name} (argument {})", i + 1);
        }
        absorb_counts(&mut total, read_stats(f, &name, &mut seen)?, &name)?;
    }
    let counts = total.ok_or_else(|| anyhow!("no stats files"))?;
    let counts = whole_split(counts, args.partial, "the count files")?;
    out.write_all(stats_json(&counts)?.as_bytes())?;
    out.finish()?;
    Ok(counts.status("the counts merged"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(en: &str, ja: &str) -> kotoba_glossary::Pair {
        kotoba_glossary::Pair {
            line: 2,
            en: en.to_string(),
            ja: ja.to_string(),
        }
    }

    #[test]
    fn untranslated_rows_are_counted_not_skipped() -> Result<()> {
        let mut screen = PairScreen::new(Path::new("p.tsv"));
        // A stray tab inside an English sentence, a message left in
        // English, a name kept in Latin letters: noted, not refused.
        let kept = screen.keep(vec![
            pair("The two countries signed", "a trade agreement in Tokyo."),
            pair(
                "Copyright Free Software Foundation, Inc.",
                "Copyright Free Software Foundation, Inc.",
            ),
            pair("The G7 leaders met.", "G7"),
            pair("Tariffs rose.", "関税が上がった。"),
        ])?;
        assert_eq!(kept.len(), 4);
        assert_eq!(screen.untranslated_rows, 3);
        assert_eq!(screen.untranslated, [2, 2, 2]);
        assert!(screen.finish().is_ok());
        Ok(())
    }

    #[test]
    fn swapped_columns_need_most_rows_and_a_few() -> Result<()> {
        let mut screen = PairScreen::new(Path::new("p.tsv"));
        let swapped = || pair("関税が上がった。", "Tariffs rose.");
        screen.keep(vec![swapped(), swapped()])?;
        assert!(screen.finish().is_ok(), "two rows are too few");
        screen.keep(vec![swapped(), pair("Tariffs rose.", "関税が上がった。")])?;
        let err = screen
            .finish()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("columns look swapped: 3 of the 4 rows of p.tsv"),
            "{err}"
        );
        let mut half = PairScreen::new(Path::new("p.tsv"));
        let good = || pair("Tariffs rose.", "関税が上がった。");
        half.keep(vec![
            swapped(),
            swapped(),
            swapped(),
            good(),
            good(),
            good(),
        ])?;
        assert!(half.finish().is_ok(), "half is not most");
        Ok(())
    }
}
