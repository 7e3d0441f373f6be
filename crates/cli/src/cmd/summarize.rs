//! `kotoba summarize`: extractive summaries of each document, or of all
//! documents together with `--multi`.

use std::io::Write;

use anyhow::Result;
use kotoba_corpus::Document;
use kotoba_summarize::{Extract, Lang, Length, Order, Params, Part, Prepared, Split, Summarizer};
use serde_json::json;

use crate::args::{InputArgs, LangArg, OrderArg, SplitArg, SummarizeArgs, SummaryFormat};
use crate::lang;
use crate::markdown;
use crate::output::Output;
use crate::run::{self, Status};

/// Runs the command.
pub fn run(args: SummarizeArgs) -> Result<Status> {
    // --multi writes one summary of all documents: no record per input.
    run::keep_fields_only_with(
        &args.input,
        args.format == SummaryFormat::Jsonl && !args.multi,
        "--format jsonl without --multi",
    )?;
    if args.multi {
        run::refuse_shard(
            &args.input,
            "a summary",
            "--multi summarizes all documents together, and summaries of shards do not add up to it",
        )?;
    }
    run::refuse_overwriting_inputs(&args.input, &[], &run::glossary_inputs(&args.glossary))?;
    // A budget of nothing asks for no summary at all: refused, not noted.
    for (flag, value) in [
        ("-n", args.sentences),
        ("--words", args.words),
        ("--chars", args.chars),
    ] {
        anyhow::ensure!(
            value != Some(0),
            "{flag} 0 asks for an empty summary; give 1 or more"
        );
    }
    let length = if let Some(n) = args.sentences {
        Length::Sentences(n)
    } else if let Some(r) = args.ratio {
        anyhow::ensure!(
            r > 0.0 && r <= 1.0,
            "--ratio takes a share above 0, at most 1"
        );
        Length::Ratio(r)
    } else if let Some(w) = args.words {
        Length::Words(w)
    } else if let Some(c) = args.chars {
        Length::Chars(c)
    } else {
        Length::Sentences(3)
    };
    if let Some(l) = args.mmr {
        anyhow::ensure!((0.0..=1.0).contains(&l), "--mmr takes a number from 0 to 1");
    }
    // Glossary flags act through --glossary-weight only.
    let glossary_flags = !args.glossary.glossaries.is_empty()
        || args.glossary.no_default_glossary
        || args.glossary.lenient;
    anyhow::ensure!(
        args.glossary_weight != 0.0 || !glossary_flags,
        "--glossary, --no-default-glossary and --lenient act through --glossary-weight W; give W"
    );
    let mut params = Params::default();
    for p in &args.param {
        let (key, value) = p
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--param takes KEY=VALUE, not `{p}`"))?;
        let value: f64 = value
            .parse()
            .map_err(|_| anyhow::anyhow!("--param {key}: `{value}` is not a number"))?;
        // Each constant with the values that mean something: a share or a
        // damping outside 0–1 (or NaN) gave every sentence the same score.
        let share = |v: f64| (0.0..=1.0).contains(&v);
        let (slot, ok, expected): (&mut f64, bool, &str) = match key {
            "damping" => (&mut params.damping, share(value), "from 0 to 1"),
            "lead_restart" => (&mut params.lead_restart, share(value), "from 0 to 1"),
            "pacsum_backward" => (&mut params.pacsum_backward, value.is_finite(), "finite"),
            "pacsum_forward" => (&mut params.pacsum_forward, value.is_finite(), "finite"),
            "pacsum_beta" => (&mut params.pacsum_beta, share(value), "from 0 to 1"),
            "luhn_share" => (
                &mut params.luhn_share,
                value > 0.0 && value <= 1.0,
                "above 0, at most 1",
            ),
            "lead_bonus" => (
                &mut params.lead_bonus,
                value >= 0.0 && value.is_finite(),
                "0 or more, finite",
            ),
            _ => anyhow::bail!("--param: unknown key `{key}`"),
        };
        anyhow::ensure!(ok, "--param {key}: `{value}` is out of range ({expected})");
        // A constant of another method would change nothing.
        use kotoba_summarize::Method as M;
        let used = match key {
            "damping" => matches!(args.method, M::LexRank | M::TextRank | M::LeadRank),
            "lead_restart" | "lead_bonus" => args.method == M::LeadRank,
            "pacsum_backward" | "pacsum_forward" | "pacsum_beta" => args.method == M::PacSum,
            "luhn_share" => args.method == M::Luhn,
            _ => true,
        };
        anyhow::ensure!(
            used,
            "--param {key} is no constant of --method {}",
            args.method.name()
        );
        *slot = value;
    }
    let mut summarizer = Summarizer::new()?;
    if args.glossary_weight != 0.0 {
        let glossary = super::glossary::load(&args.glossary)?;
        summarizer = summarizer.bonus_terms(
            kotoba_glossary::bonus_terms(&glossary)?,
            args.glossary_weight,
        );
    }
    if let Some(min) = args.min_words {
        summarizer = summarizer.min_words(min);
    }
    let summarizer = summarizer
        .method(args.method)
        .params(params)
        .length(length)
        .mmr(args.mmr)
        .order(if args.order == OrderArg::Score {
            Order::Score
        } else {
            Order::Document
        });
    let split = if args.split == SplitArg::Lines {
        Split::Lines
    } else {
        Split::Sentences
    };
    if args.multi {
        return multi(&args, &summarizer, split);
    }
    let format = args.format;
    let method = args.method.name();
    // Summaries in text apart, each under its document's id (an empty one
    // too), when there are several.
    let headed = format == SummaryFormat::Text && run::several_documents(&args.input);
    run::over_corpus(&args.input, b"", |doc| {
        let prepared = prepare(&summarizer, args.lang, &doc.text, split);
        let lang = prepared.lang;
        let extracts = summarizer.summarize_prepared(&prepared, false)?;
        let mut bytes = Vec::new();
        if headed {
            run::text_heading(&mut bytes, &doc.id);
        }
        bytes.extend(render(
            format,
            method,
            &doc.id,
            lang,
            &extracts,
            None,
            Some((&args.input, doc)),
        )?);
        let empty = extracts.is_empty().then(|| {
            format!(
                "{}: empty summary ({})",
                doc.id,
                why_empty(prepared.sentences.len(), worded(&prepared), "none of its")
            )
        });
        // A language given that the text's script contradicts is followed,
        // and said (an analyst's review: `--lang en` on Japanese split no
        // sentence at 。, silently).
        let contradicted = lang::contradicted(args.lang, &doc.text).map(|read| {
            format!(
                "{}: the text reads as {} by its script, but is summarized as --lang {} says",
                doc.id,
                if read == "ja" { "Japanese" } else { "English" },
                if read == "ja" { "en" } else { "ja" }
            )
        });
        let note = match (contradicted, empty) {
            (Some(a), Some(b)) => Some(format!("{a}\nkotoba: note: {b}")),
            (a, b) => a.or(b),
        };
        Ok(Summary { bytes, note })
    })
}

/// A document's summary as rendered, and the note for stderr when it is
/// empty: the output keeps its record (or blank line), and the note, given
/// in input order among the other messages, says why.
struct Summary {
    bytes: Vec<u8>,
    note: Option<String>,
}

impl run::Rendered for Summary {
    fn write_to(&self, out: &mut Output) -> std::io::Result<()> {
        if let Some(note) = &self.note {
            eprintln!("kotoba: note: {note}");
        }
        out.write_all(&self.bytes)
    }
}

/// Why a summary of `sentences` sentences, `worded` of them with a word or
/// a number, is empty; `none_of` says whose sentences they are ("none of
/// its"). Sentences of punctuation alone (`。。。。`) hold nothing to take,
/// whatever the budget (a review found the budget blamed).
fn why_empty(sentences: usize, worded: usize, none_of: &str) -> String {
    match (sentences, worded) {
        (0, _) => "no sentences".to_string(),
        (1, 0) => "its 1 sentence holds no word".to_string(),
        (n, 0) => format!("its {n} sentences hold no word"),
        (1, _) => format!("{none_of} 1 sentence fits the budget"),
        (n, _) => format!("{none_of} {n} sentences fits the budget"),
    }
}

/// The sentences of `prepared` with a word or a number in them.
fn worded(prepared: &Prepared) -> usize {
    prepared
        .sentences
        .iter()
        .filter(|s| !s.terms.is_empty())
        .count()
}

/// A document prepared under `arg`: under `auto` each paragraph of a
/// document that mixes English and Japanese under its own language's rules,
/// as `kotoba sentences` splits it.
fn prepare(summarizer: &Summarizer, arg: LangArg, text: &str, split: Split) -> Prepared {
    let parts: Vec<Part> = lang::family_parts(arg, text)
        .into_iter()
        .map(|(start, end, family)| Part {
            start,
            end,
            lang: if family == "ja" { Lang::Ja } else { Lang::En },
        })
        .collect();
    summarizer.preparer().prepare_parts(text, &parts, split)
}

fn multi(args: &SummarizeArgs, summarizer: &Summarizer, split: Split) -> Result<Status> {
    // The documents are kept in input order (skipped and failed ones
    // reported as by every command) and summarized together.
    let mut docs: Vec<Document> = Vec::new();
    let status = run::fold_corpus(
        &args.input,
        |doc| Ok(doc.clone()),
        |doc| {
            docs.push(doc);
            Ok(())
        },
    )?;
    // Each document in its own language; the record names the language
    // most documents are in.
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| prepare(summarizer, args.lang, &d.text, split))
        .collect();
    let japanese = prepared.iter().filter(|p| p.lang == Lang::Ja).count();
    let lang = if japanese * 2 > prepared.len() {
        Lang::Ja
    } else {
        Lang::En
    };
    let extracts = summarizer.summarize_many_prepared(&prepared)?;
    // No documents at all has had its note already.
    if extracts.is_empty() && !docs.is_empty() {
        let sentences = prepared.iter().map(|p| p.sentences.len()).sum();
        let with_words = prepared.iter().map(worded).sum();
        eprintln!(
            "kotoba: note: empty summary ({})",
            why_empty(sentences, with_words, "none of the documents'")
        );
    }
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let mut out = Output::open(args.input.output.as_deref())?;
    out.write_all(&render(
        args.format,
        args.method.name(),
        "*multi*",
        lang,
        &extracts,
        Some(&ids),
        None,
    )?)?;
    out.finish()?;
    Ok(status)
}

fn render(
    format: SummaryFormat,
    method: &str,
    id: &str,
    lang: Lang,
    extracts: &[Extract],
    sources: Option<&[&str]>,
    record_of: Option<(&InputArgs, &Document)>,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let source = |e: &Extract| sources.and_then(|s| s.get(e.doc).copied());
    match format {
        SummaryFormat::Text => {
            for e in extracts {
                writeln!(out, "{}", e.text)?;
            }
            if sources.is_none() {
                out.push(b'\n');
            }
        }
        SummaryFormat::Markdown => {
            // Ids and sentences are text, never markup; a list item's text
            // begins a block, where list and heading marks count.
            writeln!(out, "## {}\n", markdown::escape_line(id))?;
            for e in extracts {
                let text = markdown::escape(&e.text, true);
                match source(e) {
                    Some(s) => writeln!(out, "- {text} _({})_", markdown::escape(s, false))?,
                    None => writeln!(out, "- {text}")?,
                }
            }
            out.push(b'\n');
        }
        SummaryFormat::Jsonl => {
            let sentences: Vec<serde_json::Value> = extracts
                .iter()
                .map(|e| {
                    let mut v = json!({
                        "index": e.index, "start": e.start, "end": e.end, "text": e.text,
                        "score": (e.score * 1e6).round() / 1e6,
                    });
                    if let Some(s) = source(e) {
                        v["source"] = json!(s);
                    }
                    v
                })
                .collect();
            let record = json!({"id": id, "lang": lang, "method": method, "sentences": sentences});
            let record = match record_of {
                Some((input, doc)) => run::keep_fields(input, doc, record),
                None => record,
            };
            serde_json::to_writer(&mut out, &record)?;
            out.push(b'\n');
        }
    }
    Ok(out)
}
