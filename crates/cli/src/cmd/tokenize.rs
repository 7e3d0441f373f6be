//! `kotoba tokenize`: words, stems and stop words (English), morphemes
//! (Japanese). Under `--lang auto` text with kana, or mostly in Han
//! characters, is Japanese (kotoba reads no Chinese: kanji-only Japanese gets
//! morphemes with their parts of speech, not character bigrams), and the
//! rest English, except a long text that whatlang reliably identifies as
//! another language, which gets that language's Snowball stemmer (see
//! [`lang::resolve`]).

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;
use kotoba_corpus::Document;
use kotoba_text::detect::LanguageDetector;
use kotoba_tokenize::Tokenizer;
use kotoba_tokenize::japanese::{FEATURE_NAMES, JapaneseTokenizer};
use kotoba_tokenize::words::WordTokenizer;
use rayon::prelude::*;
use serde_json::{Map, Value, json};

// Tabs and every line separator (U+2028, NEL, …) as spaces: one row a line
// for any reader.
use crate::args::{InputArgs, TokenizeArgs, TokenizeFormat};
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
        !(args.format == TokenizeFormat::Mecab && args.lang == crate::args::LangArg::En),
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
        match code {
            "ja" => write_japanese(&japanese, &args.input, doc, args.format, &mut out)?,
            _ => {
                let words = WordTokenizer::for_language(code);
                write_tokens(&words, code, &args.input, doc, args.format, &mut out)?
            }
        }
        Ok(TokenOutput::Bytes(out))
    })
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
                let chunks = line_chunks(text);
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

/// The text cut after a line break every `MECAB_CHUNK` bytes or so.
fn line_chunks(text: &str) -> Vec<&str> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let mut chunks = Vec::new();
    let mut rest = text;
    while rest.len() > MECAB_CHUNK {
        let mut cut = MECAB_CHUNK;
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        match rest[cut..].find('\n') {
            Some(k) => {
                chunks.push(&rest[..cut + k]);
                rest = &rest[cut + k + 1..];
            }
            None => break,
        }
    }
    chunks.push(rest);
    chunks
}

/// Stands for the token list while the rest of a record is laid out.
const TOKENS_PLACE: &str = "\u{0}kotoba-tokens\u{0}";

/// Writes a document's record, `{"id", "lang", "tokens": […]}` plus the
/// input's fields under `--keep-fields`, with the tokens written straight
/// into `out` by `tokens`: a large document's tokens are never held as a
/// JSON tree (that took some 300 times the input's size).
fn write_record(
    input: &InputArgs,
    doc: &Document,
    lang: &str,
    out: &mut Vec<u8>,
    tokens: impl FnOnce(&mut Vec<u8>) -> Result<()>,
) -> Result<()> {
    let record = run::keep_fields(
        input,
        doc,
        json!({"id": doc.id, "lang": lang, "tokens": TOKENS_PLACE}),
    );
    let text = serde_json::to_string(&record)?;
    let place = serde_json::to_string(TOKENS_PLACE)?;
    // The output's own fields come first, so the first match is ours.
    let (before, after) = text
        .split_once(&place)
        .ok_or_else(|| anyhow::anyhow!("record layout lost its token list"))?;
    out.extend_from_slice(before.as_bytes());
    out.push(b'[');
    tokens(out)?;
    out.push(b']');
    out.extend_from_slice(after.as_bytes());
    out.push(b'\n');
    Ok(())
}

fn write_tokens<T: Tokenizer + ?Sized>(
    tokenizer: &T,
    code: &str,
    input: &InputArgs,
    doc: &Document,
    format: TokenizeFormat,
    out: &mut Vec<u8>,
) -> Result<()> {
    let tokens = tokenizer.tokenize(&doc.text);
    if format == TokenizeFormat::Jsonl {
        /// One token as written (borrowed: no JSON tree per token).
        #[derive(serde::Serialize)]
        struct Out<'a> {
            surface: &'a str,
            start: usize,
            end: usize,
            lower: &'a str,
            stem: &'a str,
            stop: bool,
        }
        return write_record(input, doc, code, out, |out| {
            for (i, t) in tokens.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let token = Out {
                    surface: &doc.text[t.start..t.end],
                    start: t.start,
                    end: t.end,
                    lower: &t.lower,
                    stem: &t.term,
                    stop: t.is_stop,
                };
                serde_json::to_writer(&mut *out, &token)?;
            }
            Ok(())
        });
    }
    let id = tsv(&doc.id);
    for t in tokens {
        writeln!(
            out,
            "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t",
            t.start,
            t.end,
            tsv(&doc.text[t.start..t.end]),
            tsv(&t.lower),
            tsv(&t.term),
            t.is_stop
        )?;
    }
    Ok(())
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

fn write_japanese(
    ja: &JapaneseTokenizer,
    input: &InputArgs,
    doc: &Document,
    format: TokenizeFormat,
    out: &mut Vec<u8>,
) -> Result<()> {
    let mut worker = ja.worker();
    let morphemes = worker.morphemes(&doc.text);
    if format == TokenizeFormat::Jsonl {
        return write_record(input, doc, "ja", out, |out| {
            for (k, m) in morphemes.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                // Written one at a time: no tree of the whole document.
                let mut rec = Map::new();
                rec.insert("surface".into(), doc.text[m.start..m.end].into());
                rec.insert("start".into(), m.start.into());
                rec.insert("end".into(), m.end.into());
                for (i, name) in FEATURE_NAMES.iter().enumerate() {
                    let value = ja.feature(m.word, i).filter(|v| *v != "*");
                    rec.insert((*name).into(), value.map_or(Value::Null, Value::from));
                }
                rec.insert("unknown".into(), m.is_unknown().into());
                serde_json::to_writer(&mut *out, &rec)?;
            }
            Ok(())
        });
    }
    let id = tsv(&doc.id);
    for m in morphemes {
        let t = ja.token(&doc.text, m);
        write!(
            out,
            "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t",
            m.start,
            m.end,
            tsv(&doc.text[m.start..m.end]),
            tsv(&t.lower),
            tsv(&t.term),
            t.is_stop
        )?;
        let features = out.len();
        ja.write_features(m.word, out)?;
        tsv_in_place(out, features);
        out.push(b'\n');
    }
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
