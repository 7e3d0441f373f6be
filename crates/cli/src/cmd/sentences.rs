//! `kotoba sentences`: one sentence per line, or JSON Lines with offsets.

use std::io::Write;

use anyhow::Result;
use kotoba_text::boilerplate::without_page_breaks;
use kotoba_text::segment::{LineEndHyphens, sentence_text};
use serde::Serialize;

use crate::args::{SentencesArgs, SentencesFormat};
use crate::lang;
use crate::run::{self, Status};

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Runs the command.
pub fn run(args: SentencesArgs) -> Result<Status> {
    run::keep_fields_only_with(
        &args.input,
        args.format == SentencesFormat::Jsonl,
        "--format jsonl",
    )?;
    let header: &[u8] = match args.format {
        SentencesFormat::Tsv => b"id\tindex\tstart\tend\ttext\n",
        _ => b"",
    };
    // Documents in text apart: each under its id, a blank line after it.
    let headed = args.format == SentencesFormat::Text && run::several_documents(&args.input);
    run::over_corpus(&args.input, header, |doc| {
        let mut out = Vec::with_capacity(doc.text.len() + 64);
        if headed {
            run::text_heading(&mut out, &doc.id);
        }
        let mut units = Vec::new();
        // A sentence a PDF's page break cuts (`…⏎⏎- 13 -⏎⏎…`) is one;
        // offsets stay those of the document.
        let paged = without_page_breaks(&doc.text);
        let hyphens = LineEndHyphens::find(&paged);
        for (index, span) in lang::sentence_spans(args.lang, &paged)
            .into_iter()
            .enumerate()
        {
            let text = sentence_text(&paged, span, &hyphens);
            match args.format {
                SentencesFormat::Text => {
                    out.extend_from_slice(text.as_bytes());
                    out.push(b'\n');
                }
                SentencesFormat::Jsonl => {
                    let record = Record {
                        id: &doc.id,
                        index,
                        start: span.start,
                        end: span.end,
                        text: &text,
                    };
                    units.push(serde_json::to_value(&record)?);
                }
                SentencesFormat::Tsv => {
                    writeln!(
                        out,
                        "{}\t{index}\t{}\t{}\t{}",
                        tsv(&doc.id),
                        span.start,
                        span.end,
                        tsv(&text)
                    )?;
                }
            }
        }
        if args.format == SentencesFormat::Jsonl {
            run::write_units(&args.input, doc, "sentences", units, &mut out)?;
        }
        if headed {
            out.push(b'\n');
        }
        Ok(out)
    })
}

/// A TSV cell: tabs and line breaks (every line separator) become spaces.
pub use kotoba_glossary::formats::plain_tsv_cell as tsv;
