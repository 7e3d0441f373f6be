//! `kotoba eval rouge`: ROUGE of system summaries against references.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use kotoba_corpus::{Corpus, InputOptions, Source};
use kotoba_summarize::rouge::{RougeTokenizer, Score, Scores};
use kotoba_tokenize::japanese::JapaneseTokenizer;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::args::{LangArg, RougeArgs, RougeFormat};
use crate::output::Output;
use crate::run::Status;

/// Runs `eval rouge`.
pub fn rouge(args: RougeArgs) -> Result<Status> {
    if let Some(o) = args.output.as_deref() {
        crate::run::refuse_replacing(
            &[("-o", o)],
            &[
                ("--system", args.system.as_path()),
                ("--reference", args.reference.as_path()),
            ],
            false,
        )?;
    }
    // A missing path is named as such, not as a file of another kind than
    // the other argument.
    for (flag, path) in [("--system", &args.system), ("--reference", &args.reference)] {
        if !path.exists() {
            bail!("{flag} {}: no such file or folder", path.display());
        }
    }
    // Summaries are matched by file name (folders), id (JSON Lines) or as
    // the one pair of two files: two kinds cannot be matched at all.
    let (sk, rk) = (kind(&args.system), kind(&args.reference));
    if sk != rk {
        bail!(
            "--system is {sk} and --reference {rk}: give both as folders (matched by file \
             name), both as JSON Lines (matched by id) or both as single files"
        );
    }
    let mut failed = 0;
    let (system, _) = load(&args.system, &args, &mut failed, false)?;
    let (reference, without_text) = load(&args.reference, &args, &mut failed, true)?;
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (id, r) in &reference {
        match system.get(id) {
            Some(s) => pairs.push(Pair {
                id,
                system: s,
                reference: r,
                lang: pair_lang(args.lang, s, r),
            }),
            // A summary missing (the summarizer failed on the document) is
            // scored as an empty one, 0: left out, it raised the mean of a
            // system that fails on hard documents above one that returns
            // nothing for them (an analyst's review).
            None => {
                unmatched.push(format!("no system summary for `{id}`: scored 0"));
                pairs.push(Pair {
                    id,
                    system: "",
                    reference: r,
                    lang: pair_lang(args.lang, "", r),
                });
            }
        }
    }
    unmatched.extend(
        system
            .keys()
            .filter(|id| !reference.contains_key(*id) && !without_text.contains(*id))
            .map(|id| format!("no reference for `{id}`")),
    );
    for w in unmatched.iter().take(5) {
        eprintln!("kotoba: warning: {w}");
    }
    if unmatched.len() > 5 {
        eprintln!(
            "kotoba: warning: … and {} more unmatched summaries",
            unmatched.len() - 5
        );
    }
    // The total the error cap promises, before any way out below.
    let total_failed = |failed: usize| {
        if failed > 0 {
            eprintln!("kotoba: {failed} input(s) failed");
        }
    };
    if pairs.iter().all(|p| !system.contains_key(p.id)) {
        total_failed(failed);
        if !without_text.is_empty() {
            bail!("nothing to score: no reference with text has a system summary");
        }
        bail!("no system summary matches a reference (by file name or id)");
    }
    let english = RougeTokenizer::english(args.stem);
    // The dictionary is only loaded when some pair needs it.
    let japanese = if pairs.iter().any(|p| p.lang == Lang::Ja) {
        Some(RougeTokenizer::Japanese(JapaneseTokenizer::new()?))
    } else {
        None
    };
    // Pairs are scored on all cores; the mean is summed in id order after,
    // so the figures are the same bytes on any number of threads. A
    // reference with no word to score (a dash, a bullet) would score its
    // summary 0 and pull the mean down, as an empty one would: it is
    // reported, in id order, and left out.
    let outcomes: Vec<(&str, Lang, Option<Scores>)> = pairs
        .par_iter()
        .map(|p| {
            let tokenizer = match (p.lang, &japanese) {
                (Lang::Ja, Some(ja)) => ja,
                _ => &english,
            };
            let scorable = !tokenizer.tokens(p.reference).is_empty();
            let scores = scorable.then(|| tokenizer.score(p.system, p.reference));
            (p.id, p.lang, scores)
        })
        .collect();
    let mut scored: Vec<(&str, Lang, Scores)> = Vec::with_capacity(outcomes.len());
    for (id, lang, scores) in outcomes {
        match scores {
            Some(s) => scored.push((id, lang, s)),
            None => {
                failed += 1;
                crate::run::show_error(&format!(
                    "kotoba: error: the reference of `{id}` has no word to score; its pair is left out of the mean"
                ));
            }
        }
    }
    if scored.is_empty() {
        total_failed(failed);
        bail!("nothing to score: no reference with words has a system summary");
    }
    let mean = mean_of(scored.iter().map(|(_, _, s)| *s));
    let english_pairs = scored.iter().filter(|(_, l, _)| *l == Lang::En).count();
    let japanese_pairs = scored.len() - english_pairs;
    let set_lang = match (english_pairs, japanese_pairs) {
        (_, 0) => "en",
        (0, _) => "ja",
        _ => "mixed",
    };

    let mut out = Output::open(args.output.as_deref())?;
    match args.format {
        RougeFormat::Text => {
            let mut heading = match scored.len() {
                1 => "1 pair".to_string(),
                n => format!("{n} pairs"),
            };
            match set_lang {
                "mixed" => heading.push_str(&format!(
                    " ({english_pairs} English, {japanese_pairs} Japanese; each pair tokenized as its own language)"
                )),
                "ja" => heading.push_str(", Japanese morphemes"),
                _ => {}
            }
            if args.stem && english_pairs > 0 {
                heading.push_str(if japanese_pairs > 0 {
                    ", Porter stems on the English pairs"
                } else {
                    ", Porter stems"
                });
            }
            writeln!(out, "{heading}")?;
            writeln!(out, "measure\tprecision\trecall\tf1")?;
            for (name, s) in measures(&mean) {
                writeln!(
                    out,
                    "{name}\t{:.2}\t{:.2}\t{:.2}",
                    100.0 * s.precision,
                    100.0 * s.recall,
                    100.0 * s.f1
                )?;
            }
        }
        RougeFormat::Jsonl => {
            for (id, lang, s) in &scored {
                serde_json::to_writer(&mut out, &record(id, lang.code(), s))?;
                out.write_all(b"\n")?;
            }
            serde_json::to_writer(&mut out, &record("*mean*", set_lang, &mean))?;
            out.write_all(b"\n")?;
        }
    }
    out.finish()?;
    if failed > 0 {
        eprintln!("kotoba: {failed} input(s) failed");
        return Ok(Status::Failures);
    }
    // Summaries without a reference are left out of the mean, and
    // references without a summary scored 0 in it: either way the run did
    // not get what was asked.
    if !unmatched.is_empty() {
        let missing = pairs.iter().filter(|p| !system.contains_key(p.id)).count();
        let orphans = unmatched.len() - missing;
        let mut parts = Vec::new();
        if missing > 0 {
            parts.push(format!("{missing} reference(s) without a summary scored 0"));
        }
        if orphans > 0 {
            parts.push(format!(
                "{orphans} summary(ies) without a reference left out"
            ));
        }
        eprintln!(
            "kotoba: {} in the mean of {} pairs",
            parts.join(", "),
            scored.len()
        );
        return Ok(Status::Failures);
    }
    Ok(Status::Clean)
}

/// One system summary and its reference.
struct Pair<'a> {
    id: &'a str,
    system: &'a str,
    reference: &'a str,
    lang: Lang,
}

/// The tokenization a pair is scored with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Ja,
}

impl Lang {
    /// ISO 639-1 code, as the JSON Lines records give it.
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
}

/// The language of one pair. With `auto` each pair is judged alone, so its
/// score does not depend on what else is in the set.
fn pair_lang(arg: LangArg, system: &str, reference: &str) -> Lang {
    // A reference without letters (empty, figures only) says nothing of
    // its language; the summary then does.
    let text = if reference.chars().any(char::is_alphabetic) {
        reference
    } else {
        system
    };
    // Text in Han characters (a kanji-only headline) has no token
    // rouge-score's tokenizer keeps; `family` counts it as Japanese.
    match crate::lang::family(arg, text) {
        "ja" => Lang::Ja,
        _ => Lang::En,
    }
}

fn measures(s: &Scores) -> [(&'static str, Score); 4] {
    [
        ("rouge1", s.rouge1),
        ("rouge2", s.rouge2),
        ("rougeL", s.rouge_l),
        ("rougeLsum", s.rouge_lsum),
    ]
}

fn record(id: &str, lang: &str, s: &Scores) -> Value {
    let mut v = json!({"id": id, "lang": lang});
    for (name, m) in measures(s) {
        v[name] = json!({"precision": m.precision, "recall": m.recall, "f1": m.f1});
    }
    v
}

fn mean_of(all: impl Iterator<Item = Scores>) -> Scores {
    let mut n = 0.0;
    let mut sum = [[0.0f64; 3]; 4];
    for s in all {
        n += 1.0;
        for (k, (_, m)) in measures(&s).iter().enumerate() {
            sum[k][0] += m.precision;
            sum[k][1] += m.recall;
            sum[k][2] += m.f1;
        }
    }
    let at = |k: usize| Score {
        precision: sum[k][0] / n,
        recall: sum[k][1] / n,
        f1: sum[k][2] / n,
    };
    Scores {
        rouge1: at(0),
        rouge2: at(1),
        rouge_l: at(2),
        rouge_lsum: at(3),
    }
}

/// What a summaries argument is, as [`load`] reads it: `a folder`, `a JSON
/// Lines file` or `a file` (also standard input, or a path that does not
/// exist, which `load` reports).
fn kind(path: &Path) -> &'static str {
    if path.is_dir() {
        "a folder"
    } else if is_jsonl(path) {
        "a JSON Lines file"
    } else {
        "a file"
    }
}

fn is_jsonl(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Summaries by key: file name (for folders), id (JSON Lines), or one `*`
/// for a plain file. A bad document or record, or a repeated id, is reported
/// on stderr, counted in `failed` and skipped; the rest is still scored.
/// For `references`, one without text would score every summary 0 and pull
/// the mean down: it is an error too, and its key is returned apart, so its
/// summary is not also reported as lacking a reference. (A folder's empty
/// files are errors on either side here, though other commands pass them
/// over: each names a pair that cannot be scored.)
fn load(
    path: &Path,
    args: &RougeArgs,
    failed: &mut usize,
    references: bool,
) -> Result<(BTreeMap<String, String>, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    let mut without_text = BTreeSet::new();
    let mut empty = |key: String, place: String, failed: &mut usize| {
        *failed += 1;
        crate::run::show_error(&format!(
            "kotoba: error: {place}: empty reference; its pair is left out of the mean"
        ));
        without_text.insert(key);
    };
    let jsonl = is_jsonl(path);
    if path.is_dir() {
        // Files are paired by name: two names linked to one text are two
        // summaries (or references), each read.
        let docs = Corpus::new(
            vec![Source::Path(path.to_path_buf())],
            InputOptions {
                read_every_path: true,
                ..InputOptions::default()
            },
        );
        for doc in docs {
            let doc = match doc {
                Ok(doc) => doc,
                // An empty reference in a folder is no file to pass over:
                // the pair it should score is lost.
                Err(e)
                    if e.is_skip()
                        && !matches!(e, kotoba_corpus::CorpusError::EmptyInFolder { .. }) =>
                {
                    eprintln!("kotoba: skipped {e}");
                    continue;
                }
                // An empty summary is a summary that says nothing: it
                // scores 0 and stays in the mean, as an empty record of
                // JSON Lines does (`summarize --words 5` can write one).
                Err(
                    kotoba_corpus::CorpusError::Empty { path: empty }
                    | kotoba_corpus::CorpusError::EmptyInFolder { path: empty },
                ) if !references => {
                    eprintln!("kotoba: note: {}: empty summary, scored 0", empty.display());
                    let key = empty.strip_prefix(path).unwrap_or(&empty);
                    out.insert(key.display().to_string(), String::new());
                    continue;
                }
                Err(e) => {
                    *failed += 1;
                    crate::run::show_error(&format!("kotoba: error: {e}"));
                    // An empty reference is that error alone, not also a
                    // summary without a reference.
                    if let (
                        true,
                        kotoba_corpus::CorpusError::Empty { path: empty }
                        | kotoba_corpus::CorpusError::EmptyInFolder { path: empty },
                    ) = (references, &e)
                    {
                        let key = empty.strip_prefix(path).unwrap_or(empty);
                        without_text.insert(key.display().to_string());
                    }
                    continue;
                }
            };
            let key = Path::new(&doc.id)
                .strip_prefix(path)
                .map(|p| p.display().to_string())
                .unwrap_or(doc.id);
            // Files are paired by name; a name that is not UTF-8 is in its
            // id with each odd byte as `\xNN`, so `a\xff.txt` pairs with
            // itself and not with `a\xfe.txt` (once both read as U+FFFD).
            out.insert(key, doc.text);
        }
    } else if jsonl {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let mut first_line = BTreeMap::new();
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let line_no = i + 1;
            let (id, text) = match parse_record(line, &args.id_field, &args.text_field) {
                Ok(Some(record)) => record,
                Ok(None) => continue,
                Err(problem) => {
                    *failed += 1;
                    crate::run::show_error(&format!(
                        "kotoba: error: {}:{line_no}: {problem}",
                        path.display()
                    ));
                    continue;
                }
            };
            // Two records with one id would be one pair scored on whichever
            // came last; the first is kept and the second is an error.
            if let Some(first) = first_line.get(&id) {
                *failed += 1;
                crate::run::show_error(&format!(
                    "kotoba: error: {}:{line_no}: duplicate id `{id}` (first on line {first}); record skipped",
                    path.display()
                ));
                continue;
            }
            first_line.insert(id.clone(), line_no);
            if references && text.trim().is_empty() {
                empty(id, format!("{}:{line_no}", path.display()), failed);
                continue;
            }
            out.insert(id, text);
        }
    } else {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        // UTF-16 with its byte-order mark reads as a folder's files do.
        let text = match kotoba_text::encoding::decode_utf16_with_bom(&bytes) {
            Some(decoded) => decoded.with_context(|| format!("reading {}", path.display()))?,
            None => String::from_utf8(bytes)
                .with_context(|| format!("reading {}: not UTF-8", path.display()))?,
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(String::from)
            .unwrap_or(text);
        if references && text.trim().is_empty() {
            empty("*".to_string(), path.display().to_string(), failed);
        } else {
            out.insert("*".to_string(), text);
        }
    }
    Ok((out, without_text))
}

/// Id and text of one JSON Lines record, `None` for a blank line, or what is
/// wrong with it.
fn parse_record(
    line: &[u8],
    id_field: &str,
    text_field: &str,
) -> Result<Option<(String, String)>, String> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let record: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    if !record.is_object() {
        return Err("not a JSON object".to_string());
    }
    let id = match record.get(id_field) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(format!("field \"{id_field}\" is not a string or number")),
        None => return Err(format!("no field \"{id_field}\"")),
    };
    let text = match (record.get("sentences"), record.get(text_field)) {
        // A summary as `summarize` writes it (objects with their `text`),
        // or a list of strings; anything else was read as an empty
        // summary and scored 0 (a review found it).
        (Some(Value::Array(sentences)), _) => sentences
            .iter()
            .enumerate()
            .map(|(k, s)| match s {
                Value::String(t) => Ok(t.as_str()),
                _ => s.get("text").and_then(Value::as_str).ok_or_else(|| {
                    format!("sentence {} of \"sentences\" has no string \"text\"", k + 1)
                }),
            })
            .collect::<Result<Vec<_>, _>>()?
            .join("\n"),
        (Some(_), _) => return Err("field \"sentences\" is not a list".to_string()),
        (_, Some(Value::String(s))) => s.clone(),
        (_, Some(_)) => return Err(format!("field \"{text_field}\" is not a string")),
        (_, None) => return Err(format!("no field \"{text_field}\"")),
    };
    Ok(Some((id, text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pair_has_its_own_language() {
        let en = "The official said Clinton may cancel the meeting.";
        let ja = "クリントン大統領は会談を中止する可能性がある。";
        assert_eq!(pair_lang(LangArg::Auto, en, en), Lang::En);
        assert_eq!(pair_lang(LangArg::Auto, ja, ja), Lang::Ja);
        // The reference decides; without letters the summary does.
        assert_eq!(pair_lang(LangArg::Auto, ja, en), Lang::En);
        assert_eq!(pair_lang(LangArg::Auto, ja, ""), Lang::Ja);
        assert_eq!(pair_lang(LangArg::Auto, ja, "1993"), Lang::Ja);
        // A Japanese word quoted in English prose leaves it English.
        assert_eq!(
            pair_lang(
                LangArg::Auto,
                en,
                "Japan's keiretsu (系列) networks of suppliers and banks"
            ),
            Lang::En
        );
        assert_eq!(pair_lang(LangArg::En, ja, ja), Lang::En);
        assert_eq!(pair_lang(LangArg::Ja, en, en), Lang::Ja);
    }

    #[test]
    fn records_say_what_is_wrong() {
        let parse = |line: &str| parse_record(line.as_bytes(), "id", "text");
        assert_eq!(
            parse(r#"{"id": 7, "text": "a b"}"#),
            Ok(Some(("7".to_string(), "a b".to_string())))
        );
        assert_eq!(
            parse(r#"{"id": "d", "sentences": [{"text": "one"}, {"text": "two"}]}"#),
            Ok(Some(("d".to_string(), "one\ntwo".to_string())))
        );
        assert_eq!(
            parse(r#"{"id": "s", "sentences": ["one", "two"]}"#),
            Ok(Some(("s".to_string(), "one\ntwo".to_string())))
        );
        assert_eq!(
            parse(r#"{"id": "b", "sentences": [{"text": 5}]}"#),
            Err("sentence 1 of \"sentences\" has no string \"text\"".to_string())
        );
        assert_eq!(
            parse(r#"{"id": "b", "sentences": "one", "text": "x"}"#),
            Err("field \"sentences\" is not a list".to_string())
        );
        assert_eq!(parse("  \r"), Ok(None));
        assert!(parse("{").is_err_and(|e| e.starts_with("not JSON")));
        assert_eq!(parse("[1]"), Err("not a JSON object".to_string()));
        assert_eq!(
            parse(r#"{"text": "a"}"#),
            Err("no field \"id\"".to_string())
        );
        assert_eq!(
            parse(r#"{"id": null, "text": "a"}"#),
            Err("field \"id\" is not a string or number".to_string())
        );
        assert_eq!(
            parse(r#"{"id": "a", "text": 3}"#),
            Err("field \"text\" is not a string".to_string())
        );
        assert_eq!(
            parse_record(b"{\"id\": \"a\xff\"}", "id", "text"),
            Err("invalid UTF-8 at byte 9".to_string())
        );
    }
}
