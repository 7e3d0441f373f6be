//! `kotoba detect`: language, script, confidence and reliability per
//! document, paragraph or sentence. A paragraph or sentence is judged in the
//! light of its document (see [`LanguageDetector::detect_unit`]): a
//! kanji-only line of a Japanese text is Japanese, not Mandarin, and its
//! script is `Han`.
//!
//! With `--langs`, the answer is one of the listed languages or `und`:
//!
//! - whatlang chooses among the listed languages, but names a language
//!   outside them when the list has none of the text's script (Japanese for
//!   kana or Han text among `en`; Japanese for Chinese among `fr,de`): such
//!   an answer is `und`;
//! - the unit is also identified among all languages. When that reliably
//!   names a language outside the list, the text is plainly in another
//!   language, and the answer is `und` (not reliable, confidence 0), not
//!   the listed language whatlang is left with (with one listed language of
//!   a script it always answers that one, with confidence 1). When it names
//!   one outside the list without being reliable (short text, `Trade talks`
//!   as Portuguese), or names a listed one without being reliable, the
//!   listed answer stands but is not reliable;
//! - Chinese from the unrestricted answer does not count against a listed
//!   Japanese: whatlang tells them apart only by kana, and kanji-only
//!   Japanese has none (kotoba reads no Chinese); unless the text holds Han
//!   characters modern Japanese does not write (们, 這:
//!   [`kotoba_text::detect::written_as_chinese`]).
//!
//! The confidence of a listed answer is whatlang's among the listed
//! languages. The TSV's last column and JSONL's `reliable` say whether the
//! answer is reliable.

use std::io::Write;

use anyhow::Result;
use kotoba_text::detect::{Detection, LanguageDetector};
use serde_json::json;

use super::sentences::tsv;
use crate::args::{DetectArgs, DetectFormat, DetectUnit, LangArg};
use crate::lang;
use crate::run::{self, Status};

/// The languages of `--langs`.
struct Listed {
    /// A detector restricted to them.
    restricted: LanguageDetector,
    /// Their codes as given (ISO 639-1 or 639-3), trimmed and lowercased.
    codes: Vec<String>,
}

impl Listed {
    /// True when `d` is one of the listed languages.
    fn contains(&self, d: &Detection) -> bool {
        self.codes.iter().any(|c| c == d.lang || c == d.lang3)
    }

    /// The answer for a unit from the restricted answer `listed` and the
    /// unrestricted one `any` (see the module's rules).
    fn answer(
        &self,
        listed: Option<Detection>,
        any: Option<&Detection>,
        chinese: bool,
    ) -> Option<Detection> {
        let Some(listed) = listed else {
            // No listed language writes the text's script.
            return any.map(|a| unknown(a.script.clone()));
        };
        if !self.contains(&listed) {
            return Some(unknown(listed.script));
        }
        // Chinese, to whatlang, is Han without kana: no evidence against a
        // listed Japanese.
        let against = |a: &Detection| {
            let chinese_for_japanese = a.lang == "zh" && listed.lang == "ja" && !chinese;
            !(self.contains(a) || chinese_for_japanese)
        };
        match any {
            Some(a) if against(a) => {
                if a.reliable {
                    Some(unknown(listed.script))
                } else {
                    Some(Detection {
                        reliable: false,
                        ..listed
                    })
                }
            }
            // Agreeing but unsure (`Trade talks`, English by its words
            // alone): the listed answer is no surer, as whatlang among one
            // listed language of a script always answers it, sure.
            Some(a) if !a.reliable => Some(Detection {
                reliable: false,
                ..listed
            }),
            _ => Some(listed),
        }
    }
}

/// `und` in a known script.
fn unknown(script: String) -> Detection {
    Detection {
        lang: "und",
        lang3: "und",
        name: "Undetermined",
        script,
        confidence: 0.0,
        reliable: false,
    }
}

/// Runs the command.
pub fn run(args: DetectArgs) -> Result<Status> {
    run::keep_fields_only_with(
        &args.input,
        args.format == DetectFormat::Jsonl,
        "--format jsonl",
    )?;
    let detector = LanguageDetector::new();
    let listed = if args.langs.is_empty() {
        None
    } else {
        Some(Listed {
            restricted: LanguageDetector::with_candidates(&args.langs)?,
            codes: args
                .langs
                .iter()
                .map(|c| c.trim().to_ascii_lowercase())
                .collect(),
        })
    };
    let header: &[u8] = match args.format {
        DetectFormat::Tsv => b"id\tindex\tstart\tend\tlang\tlang3\tscript\tconfidence\treliable\n",
        DetectFormat::Jsonl => b"",
    };
    run::over_corpus(&args.input, header, |doc| {
        let text = doc.text.as_str();
        let main = listed.as_ref().map_or(&detector, |l| &l.restricted);
        let whole = main.detect(text);
        // Over all languages, for the check against the list.
        let whole_any = listed.as_ref().map(|_| detector.detect(text));
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
            let unit = |d: &LanguageDetector, whole: Option<&Detection>| {
                if args.by == DetectUnit::Document {
                    whole.cloned()
                } else {
                    d.detect_unit(&text[start..end], whole)
                }
            };
            let mut found = unit(main, whole.as_ref());
            if let (Some(l), Some(whole_any)) = (&listed, &whole_any) {
                let any = unit(&detector, whole_any.as_ref());
                let chinese = kotoba_text::detect::written_as_chinese(&text[start..end]);
                found = l.answer(found, any.as_ref(), chinese);
            }
            let (code, code3, script, confidence, reliable) = match &found {
                Some(d) => (d.lang, d.lang3, d.script.as_str(), d.confidence, d.reliable),
                None => ("und", "und", "", 0.0, false),
            };
            match args.format {
                DetectFormat::Tsv => {
                    writeln!(
                        out,
                        "{}\t{index}\t{start}\t{end}\t{code}\t{code3}\t{script}\t{confidence:.3}\t{reliable}",
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
