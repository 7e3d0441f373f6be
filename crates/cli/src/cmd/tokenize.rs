//! `kotoba tokenize`: words, stems and stop words (English), morphemes
//! (Japanese). Under `--lang auto` text with kana, or mostly in Han
//! characters, is Japanese (kotoba reads no Chinese: kanji-only Japanese gets
//! morphemes with their parts of speech, not character bigrams), and the
//! rest English, except a long text that whatlang reliably identifies as
//! another language, which gets that language's Snowball stemmer (see
//! [`lang::resolve`]). A document whose paragraphs (blocks between blank
//! lines) differ in script, English ones and Japanese ones, has each
//! paragraph tokenized in its own language, offsets still into the whole
//! document; the record's `lang` is the document's.
//!
//! Every token carries the same information in TSV and in JSON Lines:
//! `surface`, `start` and `end` (byte offsets), `lower` (the surface NFKC,
//! lowercase, invisible characters such as the soft hyphen removed),
//! `term` (the form to count by: the stem of an English word, an
//! abbreviation like `u.s.` as it is, the base form of a Japanese morpheme,
//! folded like `lower`), `stop` (a function word), and a Japanese
//! morpheme's IPADIC features (TSV: the `features` cell; JSON Lines: `pos`,
//! `pos_detail_1` … `pronunciation`, and `unknown`). English tokens in JSON
//! Lines also have `stem`, the same as `term`. Carriage returns are no
//! tokens. `--format mecab` is MeCab's own output, unchanged.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;
use kotoba_corpus::Document;
use kotoba_text::detect::LanguageDetector;
use kotoba_tokenize::japanese::{JapaneseTokenizer, WordRef};
use kotoba_tokenize::words::WordTokenizer;
use kotoba_tokenize::{Token, Tokenizer};
use rayon::prelude::*;
use serde_json::json;

// Tabs and every line separator (U+2028, NEL, …) as spaces: one row a line
// for any reader.
use crate::args::{LangArg, TokenizeArgs, TokenizeFormat};
use crate::lang;
use crate::output::Output;
use crate::run::{self, Status};
use kotoba_glossary::formats::plain_tsv_cell as tsv;

const TSV_HEADER: &[u8] = b"id\tstart\tend\tsurface\tlower\tterm\tstop\tfeatures\n";

/// Runs the command.
pub fn run(args: TokenizeArgs) -> Result<Status> {
    run::keep_fields_only_with(
        &args.input,
        args.format == TokenizeFormat::Jsonl,
        "--format jsonl",
    )?;
    anyhow::ensure!(
        !(args.format == TokenizeFormat::Mecab && args.lang == LangArg::En),
        "--format mecab analyses Japanese: it cannot take --lang en"
    );
    let japanese = JapaneseTokenizer::new()?;
    let detector = LanguageDetector::new();
    let header = if args.format == TokenizeFormat::Tsv {
        TSV_HEADER
    } else {
        b""
    };
    run::over_corpus(&args.input, header, |doc| -> Result<TokenOutput> {
        if args.format == TokenizeFormat::Mecab {
            if doc.text.len() > 2 * MECAB_CHUNK {
                return Ok(TokenOutput::Mecab(japanese, doc.text.clone()));
            }
            let mut out = Vec::with_capacity(doc.text.len() * 8);
            japanese.worker().write_mecab(&doc.text, &mut out)?;
            return Ok(TokenOutput::Bytes(out));
        }
        let mut out = Vec::with_capacity(doc.text.len() * 4);
        let code = lang::resolve(args.lang, &detector, &doc.text);
        let parts = parts(args.lang, &detector, &doc.text, code);
        if args.format == TokenizeFormat::Jsonl {
            let fields = json!({"id": doc.id, "lang": code});
            run::write_record_with_list(&args.input, doc, fields, "tokens", &mut out, |out| {
                write_tokens(&japanese, doc, &parts, args.format, out)
            })?;
        } else {
            write_tokens(&japanese, doc, &parts, args.format, &mut out)?;
        }
        Ok(TokenOutput::Bytes(out))
    })
}

/// A stretch of a document tokenized in one language.
struct Part {
    /// Byte offset of its start in the document.
    start: usize,
    /// Byte offset of its end.
    end: usize,
    /// ISO 639-1 code of its language.
    lang: &'static str,
}

/// The stretches of `text` to tokenize: the whole document in `code`, or
/// under `--lang auto`, when its paragraphs differ in script
/// ([`lang::family_parts`]), each paragraph in its own language: `code`
/// where it reads like the whole document, else as [`lang::resolve`]
/// identifies it. Text that is all ASCII, or whose paragraphs all read
/// alike, is one stretch, as fast as before.
fn parts(arg: LangArg, detector: &LanguageDetector, text: &str, code: &'static str) -> Vec<Part> {
    let parts = lang::family_parts(arg, text);
    if parts.len() < 2 {
        return vec![Part {
            start: 0,
            end: text.len(),
            lang: code,
        }];
    }
    let whole = lang::family(arg, text);
    parts
        .into_iter()
        .map(|(start, end, family)| Part {
            start,
            end,
            lang: if family == whole {
                code
            } else {
                lang::resolve(arg, detector, &text[start..end])
            },
        })
        .collect()
}

/// Line-aligned pieces of a large document are analysed in parallel: MeCab's
/// format treats every line on its own, so the output is the same.
const MECAB_CHUNK: usize = 256 * 1024;

/// What `tokenize` renders for a document.
pub enum TokenOutput {
    /// Rendered already.
    Bytes(Vec<u8>),
    /// A large document in MeCab format, analysed piece by piece while it
    /// is written, a few pieces in parallel at a time, so the output (ten
    /// times the input) is never held whole in memory.
    Mecab(JapaneseTokenizer, String),
}

impl run::Rendered for TokenOutput {
    fn write_to(&self, out: &mut Output) -> std::io::Result<()> {
        match self {
            TokenOutput::Bytes(b) => out.write_all(b),
            TokenOutput::Mecab(ja, text) => {
                // MeCab's format ends each line itself: pieces without
                // their final line break.
                let chunks = run::line_pieces(text, MECAB_CHUNK)
                    .map(|(_, piece)| piece.strip_suffix('\n').unwrap_or(piece));
                let analyse = |group: &[&str]| -> Vec<std::io::Result<Vec<u8>>> {
                    group
                        .par_iter()
                        .map(|chunk| {
                            let mut buf = Vec::with_capacity(chunk.len() * 8);
                            ja.worker().write_mecab(chunk, &mut buf)?;
                            Ok(buf)
                        })
                        .collect()
                };
                let write = |parts: Vec<std::io::Result<Vec<u8>>>,
                             out: &mut Output|
                 -> std::io::Result<()> {
                    for part in parts {
                        out.write_all(&part?)?;
                    }
                    Ok(())
                };
                // Writing one group overlaps with analysing the next.
                let width = 2 * rayon::current_num_threads();
                let mut ready: Vec<std::io::Result<Vec<u8>>> = Vec::new();
                let mut group: Vec<&str> = Vec::with_capacity(width);
                for chunk in chunks {
                    // One line too long to cut (ten times its size as
                    // output): analysed while written, never held whole.
                    let alone = chunk.len() > 2 * MECAB_CHUNK;
                    if !alone {
                        group.push(chunk);
                    }
                    if alone || group.len() == width {
                        let previous = std::mem::take(&mut ready);
                        let (analysed, written) =
                            rayon::join(|| analyse(&group), || write(previous, out));
                        written?;
                        ready = analysed;
                        group.clear();
                    }
                    if alone {
                        write(std::mem::take(&mut ready), out)?;
                        ja.worker().write_mecab(chunk, out)?;
                    }
                }
                let previous = std::mem::take(&mut ready);
                let (analysed, written) = rayon::join(|| analyse(&group), || write(previous, out));
                written?;
                write(analysed, out)
            }
        }
    }
}

/// Makes the bytes of `out` from `from` on one TSV cell as [`tsv`] does:
/// tabs and line breaks, U+2028 and the like included, become spaces.
fn tsv_in_place(out: &mut Vec<u8>, from: usize) {
    match std::str::from_utf8(&out[from..]) {
        Ok(cell) => {
            if let Cow::Owned(clean) = tsv(cell) {
                out.truncate(from);
                out.extend_from_slice(clean.as_bytes());
            }
        }
        // Not text: at least its ASCII breaks (never inside a multi-byte
        // character) go.
        Err(_) => {
            for b in out[from..]
                .iter_mut()
                .filter(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1e))
            {
                *b = b' ';
            }
        }
    }
}

/// Writes the tokens of `parts` of `doc`: TSV rows, or under
/// `--format jsonl` the comma-separated token objects of its record.
fn write_tokens(
    ja: &JapaneseTokenizer,
    doc: &Document,
    parts: &[Part],
    format: TokenizeFormat,
    out: &mut Vec<u8>,
) -> Result<()> {
    let jsonl = format == TokenizeFormat::Jsonl;
    let text = doc.text.as_str();
    let id = tsv(&doc.id);
    let mut worker = None;
    let mut first = true;
    let mut comma = |out: &mut Vec<u8>| {
        if jsonl && !std::mem::take(&mut first) {
            out.push(b',');
        }
    };
    for part in parts {
        let piece = &text[part.start..part.end];
        if part.lang == "ja" {
            let worker = worker.get_or_insert_with(|| ja.worker());
            for m in worker.morphemes(piece) {
                let mut t = ja.token(piece, m);
                t.start += part.start;
                t.end += part.start;
                comma(out);
                if jsonl {
                    write_morpheme_json(ja, text, m.word, m.is_unknown(), &t, out)?;
                } else {
                    write_row(&id, text, &t, out)?;
                    let features = out.len();
                    ja.write_features(m.word, out)?;
                    tsv_in_place(out, features);
                    out.push(b'\n');
                }
            }
        } else {
            let words = WordTokenizer::for_language(part.lang);
            // Line by line in pieces of about `MECAB_CHUNK` bytes: no word
            // crosses a line break, and a book-length document's tokens
            // were held all at once (0.8 GB for 25 MB of text).
            for (offset, chunk) in run::line_pieces(piece, MECAB_CHUNK) {
                for mut t in words.tokenize(chunk) {
                    t.start += part.start + offset;
                    t.end += part.start + offset;
                    comma(out);
                    if jsonl {
                        write_word_json(text, &t, out)?;
                    } else {
                        write_row(&id, text, &t, out)?;
                        out.push(b'\n');
                    }
                }
            }
        }
    }
    Ok(())
}

/// A TSV row up to its features cell (left for the caller).
fn write_row(id: &str, text: &str, t: &Token, out: &mut Vec<u8>) -> Result<()> {
    write!(
        out,
        "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t",
        t.start,
        t.end,
        tsv(&text[t.start..t.end]),
        tsv(&t.lower),
        tsv(&t.term),
        t.is_stop
    )?;
    Ok(())
}

/// A word's JSON object: `surface`, `start`, `end`, `lower`, `stem`,
/// `stop`, `term` (borrowed: no JSON tree per token).
fn write_word_json(text: &str, t: &Token, out: &mut Vec<u8>) -> Result<()> {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        surface: &'a str,
        start: usize,
        end: usize,
        lower: &'a str,
        stem: &'a str,
        stop: bool,
        term: &'a str,
    }
    let token = Out {
        surface: &text[t.start..t.end],
        start: t.start,
        end: t.end,
        lower: &t.lower,
        stem: &t.term,
        stop: t.is_stop,
        term: &t.term,
    };
    serde_json::to_writer(&mut *out, &token)?;
    Ok(())
}

/// A morpheme's JSON object: `surface`, `start`, `end`, the IPADIC
/// features by name (`null` for `*` or none), `unknown`, `lower`, `term`,
/// `stop`; written from borrowed fields, no JSON tree per token.
fn write_morpheme_json(
    ja: &JapaneseTokenizer,
    text: &str,
    word: WordRef,
    unknown: bool,
    t: &Token,
    out: &mut Vec<u8>,
) -> Result<()> {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        surface: &'a str,
        start: usize,
        end: usize,
        pos: Option<&'a str>,
        pos_detail_1: Option<&'a str>,
        pos_detail_2: Option<&'a str>,
        pos_detail_3: Option<&'a str>,
        conjugation_type: Option<&'a str>,
        conjugation_form: Option<&'a str>,
        base_form: Option<&'a str>,
        reading: Option<&'a str>,
        pronunciation: Option<&'a str>,
        unknown: bool,
        lower: &'a str,
        term: &'a str,
        stop: bool,
    }
    let f = ja.features(word).map(|v| v.filter(|v| *v != "*"));
    let token = Out {
        surface: &text[t.start..t.end],
        start: t.start,
        end: t.end,
        pos: f[0],
        pos_detail_1: f[1],
        pos_detail_2: f[2],
        pos_detail_3: f[3],
        conjugation_type: f[4],
        conjugation_form: f[5],
        base_form: f[6],
        reading: f[7],
        pronunciation: f[8],
        unknown,
        lower: &t.lower,
        term: &t.term,
        stop: t.is_stop,
    };
    serde_json::to_writer(&mut *out, &token)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::tsv_in_place;

    #[test]
    fn features_become_one_cell() {
        let mut out = b"id\t".to_vec();
        out.extend_from_slice("名詞,a\tb\u{2028}c\r\nd\u{85}e".as_bytes());
        tsv_in_place(&mut out, 3);
        assert_eq!(String::from_utf8_lossy(&out), "id\t名詞,a b c d e");
        let mut out = b"id\t\xff\x0b\tx".to_vec();
        tsv_in_place(&mut out, 3);
        assert_eq!(out, b"id\t\xff  x");
        let mut out = b"id\t\t".to_vec();
        tsv_in_place(&mut out, 4);
        assert_eq!(out, b"id\t\t", "bytes before the cell are left alone");
    }
}
