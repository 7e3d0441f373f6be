//! `kotoba detect`: language, script and confidence per document, paragraph
//! or sentence. A paragraph or sentence is judged in the light of its
//! document (see [`LanguageDetector::detect_unit`]): a kanji-only line of a
//! Japanese text is Japanese, not Mandarin, and its script is `Han`.

use std::io::Write;

use anyhow::Result;
use kotoba_text::detect::LanguageDetector;
use serde_json::json;

use super::sentences::tsv;
use crate::args::{DetectArgs, DetectFormat, DetectUnit, LangArg};
use crate::lang;
use crate::run::{self, Status};

/// Runs the command.
pub fn run(args: DetectArgs) -> Result<Status> {
    run::keep_fields_only_with(
        &args.input,
        args.format == DetectFormat::Jsonl,
        "--format jsonl",
    )?;
    let detector = if args.langs.is_empty() {
        LanguageDetector::new()
    } else {
        LanguageDetector::with_candidates(&args.langs)?
    };
    let header: &[u8] = match args.format {
        DetectFormat::Tsv => b"id\tindex\tstart\tend\tlang\tlang3\tscript\tconfidence\n",
        DetectFormat::Jsonl => b"",
    };
    run::over_corpus(&args.input, header, |doc| {
        let text = doc.text.as_str();
        let whole = detector.detect(text);
        let units: Vec<(usize, usize)> = match args.by {
            DetectUnit::Document => vec![(0, text.len())],
            DetectUnit::Paragraph => lang::paragraphs(text),
            // Only the sentence rules are chosen here, which the script of
            // each paragraph settles.
            DetectUnit::Sentence => lang::sentence_spans(LangArg::Auto, text)
                .into_iter()
                .map(|s| (s.start, s.end))
                .collect(),
        };
        let mut out = Vec::new();
        let mut records = Vec::new();
        for (index, (start, end)) in units.into_iter().enumerate() {
            let found = if args.by == DetectUnit::Document {
                whole.clone()
            } else {
                detector.detect_unit(&text[start..end], whole.as_ref())
            };
            let (code, code3, script, confidence, reliable) = match &found {
                Some(d) => (d.lang, d.lang3, d.script.as_str(), d.confidence, d.reliable),
                None => ("und", "und", "", 0.0, false),
            };
            match args.format {
                DetectFormat::Tsv => {
                    writeln!(
                        out,
                        "{}\t{index}\t{start}\t{end}\t{code}\t{code3}\t{script}\t{confidence:.3}",
                        tsv(&doc.id)
                    )?;
                }
                DetectFormat::Jsonl => {
                    let record = json!({
                        "id": doc.id, "index": index, "start": start, "end": end,
                        "lang": code, "lang3": code3, "script": script,
                        "confidence": (confidence * 1000.0).round() / 1000.0, "reliable": reliable,
                    });
                    records.push(record);
                }
            }
        }
        if args.format == DetectFormat::Jsonl {
            run::write_units(&args.input, doc, "units", records, &mut out)?;
        }
        Ok(out)
    })
}
