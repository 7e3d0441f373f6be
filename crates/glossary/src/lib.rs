//! The bilingual English–Japanese glossary of trade and economic diplomacy:
//! the default glossary compiled into the binary, user glossaries layered
//! over it, lookup insensitive to case, inflection, width and kana, annotation
//! of text, terminology checks of translations, and the standard exchange
//! formats.
//!
//! ```
//! use kotoba_glossary::{default_glossary, Index};
//!
//! let glossary = default_glossary()?;
//! let index = Index::new(glossary);
//! let found = index.lookup("Tariffs");
//! assert_eq!(found.first().map(|c| c.id.as_str()), Some("tariff"));
//! let found = index.lookup("ｾｰﾌｶﾞｰﾄﾞ");
//! assert!(found.iter().any(|c| c.en.iter().any(|t| t.term == "safeguard")));
//! # Ok::<(), kotoba_glossary::Error>(())
//! ```
//!
//! An [`Annotator`] owns its glossary (an `Arc<Glossary>`), so it can be
//! kept beside it in a service and shared across threads:
//!
//! ```
//! use std::sync::Arc;
//! use kotoba_glossary::{Annotator, shared_default_glossary};
//!
//! let annotator = Arc::new(Annotator::new(shared_default_glossary()?)?);
//! let worker = Arc::clone(&annotator);
//! let text = "Tariffs rose.";
//! let spans = std::thread::spawn(move || worker.annotate(text))
//!     .join()
//!     .unwrap_or_default();
//! let ids: Vec<&str> = spans
//!     .iter()
//!     .map(|s| annotator.glossary().concepts[s.concept].id.as_str())
//!     .collect();
//! assert_eq!(ids, ["tariff"]);
//! # Ok::<(), kotoba_glossary::Error>(())
//! ```
//!
//! # Features
//!
//! - `embedded-ipadic` (on by default): turns on kotoba-tokenize's feature
//!   of the same name, which embeds IPADIC (and makes the build need it
//!   prepared: see kotoba-tokenize's documentation) for the Japanese side of
//!   annotation (morpheme boundaries, readings). Without it
//!   (`default-features = false`), the glossary, lookup ([`Index`], in both
//!   languages), the formats and annotation of English text work as before;
//!   an [`Annotator`] finds no term in Japanese script
//!   ([`Annotator::require`] says why), and [`check_pairs`] and
//!   [`bonus_terms`] return `Error::Tokenize(kotoba_tokenize::Error::NotEmbedded)`.

mod annotate;
mod check;
mod data;
mod error;
pub mod formats;
mod index;
mod model;
mod names;
mod normalize;
mod numbers;
mod other_words;
mod renderings;

use std::sync::{Arc, OnceLock};

pub use annotate::{Annotator, Span};
pub use check::{
    CheckOptions, Direction, Issue, IssueKind, Pair, PairReader, check_pairs, check_pairs_with,
    pair_problem, read_pairs,
};
pub use error::Error;
pub use index::Index;
pub use model::{Concept, Glossary, Lang, Layered, Status, Term, id_from};
pub use normalize::{is_kanji, spelling_key};

const DEFAULT: &str = include_str!("../data/trade-glossary.jsonl");

/// The glossary shipped inside the binary (`data/trade-glossary.jsonl`).
pub fn default_glossary() -> Result<&'static Glossary, Error> {
    embedded().map(|g| &**g)
}

/// The glossary shipped inside the binary, shared (no copy), as an
/// [`Annotator`] takes it.
pub fn shared_default_glossary() -> Result<Arc<Glossary>, Error> {
    embedded().map(Arc::clone)
}

/// The embedded glossary, read once per process.
fn embedded() -> Result<&'static Arc<Glossary>, Error> {
    static CELL: OnceLock<Result<Arc<Glossary>, String>> = OnceLock::new();
    CELL.get_or_init(|| {
        formats::read(
            DEFAULT,
            formats::Format::Jsonl,
            std::path::Path::new("trade-glossary.jsonl"),
            false,
        )
        .map(|(g, _)| Arc::new(g))
        .map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|e| Error::EmbeddedBroken(e.to_string()))
}

/// The default glossary (unless `no_default`) with the user glossaries in
/// `files` layered over it in order. With `lenient`, bad entries are skipped
/// and returned as problems.
pub fn load(
    files: &[std::path::PathBuf],
    no_default: bool,
    lenient: bool,
) -> Result<Loaded, Error> {
    let mut glossary = if no_default {
        Glossary::default()
    } else {
        default_glossary()?.clone()
    };
    let mut problems = Vec::new();
    let mut replaced = Vec::new();
    let mut notes = Vec::new();
    for f in files {
        let mut read = formats::import_file(f, None, lenient)?;
        let deprecated: Vec<(Lang, String)> =
            terms_with(&read.glossary, |s| s == Status::Deprecated)
                .into_iter()
                .map(|(lang, term, _)| (lang, term))
                .collect();
        let claimed = terms_with(&read.glossary, |s| {
            matches!(s, Status::Preferred | Status::Admitted)
        });
        let own: std::collections::HashSet<String> = read
            .glossary
            .concepts
            .iter()
            .map(|c| c.id.clone())
            .collect();
        // A concept whose id the format made from its term merges into
        // one of that id read before; an id the file gives replaces it.
        replaced.extend(
            read.layer_onto(&mut glossary)
                .into_iter()
                .map(|id| (f.clone(), id)),
        );
        problems.extend(read.problems);
        notes.extend(read.notes);
        notes.extend(deprecate_everywhere(&mut glossary, &deprecated, &own, f));
        notes.extend(claim_everywhere(&mut glossary, &claimed, &own, f));
    }
    Ok(Loaded {
        glossary,
        problems,
        replaced,
        notes,
    })
}

/// The terms of a glossary whose status `keep` takes: (language, term,
/// concept id).
fn terms_with(glossary: &Glossary, keep: impl Fn(Status) -> bool) -> Vec<(Lang, String, String)> {
    let mut out = Vec::new();
    for c in &glossary.concepts {
        for lang in [Lang::En, Lang::Ja] {
            for t in c.terms(lang).iter().filter(|t| keep(t.status)) {
                out.push((lang, t.term.clone(), c.id.clone()));
            }
        }
    }
    out
}

/// A user glossary's deprecated term is deprecated in the concepts read
/// before it too (`黒字`, deprecated by a client's list, is admitted under
/// the built-in `trade-surplus`, where it would approve the use): the later
/// layer decides, as it does for a concept of the same id, and a client's
/// forbidden term is flagged wherever it stands, as QA tools flag one. A
/// term that was another concept's preferred one is said to be so (that
/// concept may now have no preferred term in that language). One note for
/// each term changed.
fn deprecate_everywhere(
    glossary: &mut Glossary,
    deprecated: &[(Lang, String)],
    own: &std::collections::HashSet<String>,
    file: &std::path::Path,
) -> Vec<formats::Note> {
    let mut notes = Vec::new();
    if deprecated.is_empty() {
        return notes;
    }
    let wanted: std::collections::HashSet<(Lang, &str)> =
        deprecated.iter().map(|(l, t)| (*l, t.as_str())).collect();
    for c in glossary
        .concepts
        .iter_mut()
        .filter(|c| !own.contains(&c.id))
    {
        for lang in [Lang::En, Lang::Ja] {
            // Each term changed, and whether it was the concept's preferred.
            let mut changed: Vec<(String, bool)> = Vec::new();
            for t in c.terms_mut(lang) {
                if !wanted.contains(&(lang, t.term.as_str())) || t.status == Status::Deprecated {
                    continue;
                }
                changed.push((t.term.clone(), t.status == Status::Preferred));
                t.status = Status::Deprecated;
            }
            for (term, was_preferred) in changed {
                let had = if was_preferred {
                    " (it was that concept's preferred term)"
                } else {
                    ""
                };
                notes.push(formats::Note {
                    path: file.to_path_buf(),
                    line: None,
                    concept: Some(c.id.clone()),
                    message: format!(
                        "`{term}`, deprecated here, is now deprecated in `{}` read before too{had}",
                        c.id
                    ),
                });
            }
        }
    }
    notes
}

/// The form in which two layers' terms are the same term: English in any
/// case, Japanese with its spelling variation folded ([`spelling_key`]).
fn layer_key(lang: Lang, term: &str) -> String {
    match lang {
        Lang::En => unicode_normalization::UnicodeNormalization::nfkc(term)
            .collect::<String>()
            .to_lowercase(),
        Lang::Ja => spelling_key(term),
    }
}

/// A user glossary's preferred or admitted term belongs to its concept
/// alone: it is taken out of the concepts of other ids read before it (a
/// client's `trade surplus` / 貿易収支の黒字 made `annotate` name the
/// built-in `trade-surplus` too, and `check` accept 貿易黒字 for it). The
/// later layer decides, as it does for a deprecated term; a proposed term
/// (a machine's, not reviewed) claims nothing. A concept whose preferred
/// term the file takes in each of its languages goes: it was the same
/// concept under another id (its other terms, `surplus` of `trade surplus`,
/// would name it alone). Otherwise a concept keeps a language's terms,
/// shared, where the file would take them all (a client's `staple rice`
/// admitting コメ leaves the built-in `rice` its Japanese: a code review).
/// One note for each term taken, and one for each concept gone.
fn claim_everywhere(
    glossary: &mut Glossary,
    claimed: &[(Lang, String, String)],
    own: &std::collections::HashSet<String>,
    file: &std::path::Path,
) -> Vec<formats::Note> {
    let mut notes = Vec::new();
    if claimed.is_empty() {
        return notes;
    }
    let owners: std::collections::HashMap<(Lang, String), &str> = claimed
        .iter()
        .map(|(lang, term, id)| ((*lang, layer_key(*lang, term)), id.as_str()))
        .collect();
    let owner = |lang: Lang, term: &str| owners.get(&(lang, layer_key(lang, term))).copied();
    let note = |concept: &str, message: String| formats::Note {
        path: file.to_path_buf(),
        line: None,
        concept: Some(concept.to_string()),
        message,
    };
    // In the glossary's order, so the notes come out the same every run.
    let mut gone: Vec<String> = Vec::new();
    for c in glossary
        .concepts
        .iter_mut()
        .filter(|c| !own.contains(&c.id))
    {
        let languages: Vec<Lang> = [Lang::En, Lang::Ja]
            .into_iter()
            .filter(|&l| !c.terms(l).is_empty())
            .collect();
        let replaced = !languages.is_empty()
            && languages.iter().all(|&l| {
                c.terms(l)
                    .iter()
                    .any(|t| t.status == Status::Preferred && owner(l, &t.term).is_some())
            });
        if replaced {
            let message = format!(
                "`{}` read before goes: concepts of this file took its preferred terms",
                c.id
            );
            notes.push(note(&c.id, message));
            gone.push(c.id.clone());
            continue;
        }
        for lang in languages {
            let taken: Vec<(String, &str)> = c
                .terms(lang)
                .iter()
                .filter_map(|t| owner(lang, &t.term).map(|o| (t.term.clone(), o)))
                .collect();
            // A language is not left without terms.
            if taken.is_empty() || taken.len() == c.terms(lang).len() {
                continue;
            }
            c.terms_mut(lang).retain(|t| owner(lang, &t.term).is_none());
            for (term, owner) in taken {
                let message = format!(
                    "`{term}` is a term of `{owner}` here, no longer of `{}` read before",
                    c.id
                );
                notes.push(note(&c.id, message));
            }
        }
    }
    glossary.concepts.retain(|c| !gone.contains(&c.id));
    notes
}

/// What [`load`] gives: the glossary, the entries skipped, the concepts a
/// file replaced, and what was read and not kept.
#[derive(Debug)]
pub struct Loaded {
    /// The glossary of every layer.
    pub glossary: Glossary,
    /// Entries skipped (with `lenient`).
    pub problems: Vec<Error>,
    /// Each file's concepts that replaced one of the same id from the
    /// default glossary or an earlier file, as (file, id).
    pub replaced: Vec<(std::path::PathBuf, String)>,
    /// What the files hold that the glossary cannot keep (TBX sections in
    /// other languages, notes on terms…), see [`formats::Note`].
    pub notes: Vec<formats::Note>,
}

/// Weights for the summarizer's bonus terms: every content word of every
/// glossary term, in the form the tokenizers count by (English Snowball
/// stems, Japanese base forms), weighted 1 / (content words in the term), the
/// largest weight kept when a word serves several terms.
///
/// # Errors
///
/// `Error::Tokenize(kotoba_tokenize::Error::NotEmbedded)` when
/// kotoba-tokenize was built without its `embedded-ipadic` feature (the
/// Japanese terms need its dictionary).
pub fn bonus_terms(glossary: &Glossary) -> Result<std::collections::HashMap<String, f64>, Error> {
    use kotoba_tokenize::Tokenizer;
    let english = kotoba_tokenize::words::WordTokenizer::english();
    let japanese = kotoba_tokenize::japanese::JapaneseTokenizer::new()?;
    let mut weights: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for c in &glossary.concepts {
        for lang in [Lang::En, Lang::Ja] {
            for t in c
                .terms(lang)
                .iter()
                .filter(|t| t.status != Status::Deprecated)
            {
                let tokens = match lang {
                    Lang::En => english.tokenize(&t.term),
                    Lang::Ja => japanese.tokenize(&t.term),
                };
                let content: Vec<String> = tokens
                    .into_iter()
                    .filter(|k| !k.is_stop && k.term.chars().any(char::is_alphabetic))
                    .map(|k| k.term)
                    .collect();
                let w = 1.0 / content.len().max(1) as f64;
                for term in content {
                    let slot = weights.entry(term).or_insert(0.0);
                    *slot = slot.max(w);
                }
            }
        }
    }
    Ok(weights)
}
