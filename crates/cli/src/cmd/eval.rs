//! `kotoba eval rouge`: ROUGE of system summaries against references.

use std::collections::BTreeMap;
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
    let system = load(&args.system, &args)?;
    let reference = load(&args.reference, &args)?;
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (id, r) in &reference {
        match system.get(id) {
            Some(s) => pairs.push((id.as_str(), s.as_str(), r.as_str())),
            None => unmatched.push(format!("no system summary for `{id}`")),
        }
    }
    unmatched.extend(
        system
            .keys()
            .filter(|id| !reference.contains_key(*id))
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
    if pairs.is_empty() {
        bail!("no system summary matches a reference (by file name or id)");
    }
    let japanese = match args.lang {
        LangArg::Ja => true,
        LangArg::En => false,
        LangArg::Auto => pairs
            .iter()
            .take(20)
            .any(|(_, _, r)| r.chars().any(|c| matches!(c as u32, 0x3041..=0x30FF))),
    };
    let tokenizer = if japanese {
        RougeTokenizer::Japanese(JapaneseTokenizer::new()?)
    } else {
        RougeTokenizer::english(args.stem)
    };
    // Pairs are scored on all cores; the mean is summed in id order after,
    // so the figures are the same bytes on any number of threads.
    let scored: Vec<(&str, Scores)> = pairs
        .par_iter()
        .map(|(id, s, r)| (*id, tokenizer.score(s, r)))
        .collect();
    let mean = mean_of(scored.iter().map(|(_, s)| *s));

    let mut out = Output::open(args.output.as_deref())?;
    match args.format {
        RougeFormat::Text => {
            writeln!(
                out,
                "{} pairs{}",
                scored.len(),
                if args.stem && !japanese {
                    ", Porter stems"
                } else {
                    ""
                }
            )?;
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
            for (id, s) in &scored {
                serde_json::to_writer(&mut out, &record(id, s))?;
                out.write_all(b"\n")?;
            }
            serde_json::to_writer(&mut out, &record("*mean*", &mean))?;
            out.write_all(b"\n")?;
        }
    }
    out.finish()?;
    Ok(Status::Clean)
}

fn measures(s: &Scores) -> [(&'static str, Score); 4] {
    [
        ("rouge1", s.rouge1),
        ("rouge2", s.rouge2),
        ("rougeL", s.rouge_l),
        ("rougeLsum", s.rouge_lsum),
    ]
}

fn record(id: &str, s: &Scores) -> Value {
    let mut v = json!({"id": id});
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

/// Summaries by key: file name (for folders), id (JSON Lines), or one `*` for a plain file.
fn load(path: &Path, args: &RougeArgs) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let jsonl = path.is_file()
        && path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson");
    if path.is_dir() {
        let docs = Corpus::new(
            vec![Source::Path(path.to_path_buf())],
            InputOptions::default(),
        );
        for doc in docs {
            let doc = doc?;
            let key = Path::new(&doc.id)
                .strip_prefix(path)
                .map(|p| p.display().to_string())
                .unwrap_or(doc.id);
            out.insert(key, doc.text);
        }
    } else if jsonl {
        let options = InputOptions {
            jsonl: true,
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
        };
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let record: Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}", path.display(), i + 1))?;
            let id = match record.get(&options.id_field) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => bail!(
                    "{}:{}: no field \"{}\"",
                    path.display(),
                    i + 1,
                    options.id_field
                ),
            };
            let text = match (record.get("sentences"), record.get(&options.text_field)) {
                (Some(Value::Array(sentences)), _) => sentences
                    .iter()
                    .filter_map(|s| s.get("text").and_then(Value::as_str))
                    .collect::<Vec<_>>()
                    .join("\n"),
                (_, Some(Value::String(s))) => s.clone(),
                _ => bail!(
                    "{}:{}: no field \"{}\"",
                    path.display(),
                    i + 1,
                    options.text_field
                ),
            };
            out.insert(id, text);
        }
    } else {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        out.insert("*".to_string(), text);
    }
    Ok(out)
}
