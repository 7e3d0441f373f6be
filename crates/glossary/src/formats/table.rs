//! TSV and CSV. The full form has one row per term:
//! `id, domain, definition, concept_note, lang, term, reading, status, note`
//! (`note` is the term's own; domain, definition and `concept_note` are the
//! concept's, written on each of its rows; any but id, lang and term may be
//! missing). A table with kotoba's earlier header, whose `note` was the
//! concept's, reads as it was written. A table with `en` and `ja` columns
//! instead is read as one concept per row. CSV quotes what
//! needs it; TSV, which has no quotes, writes a tab, line break or backslash
//! in a cell as `\t`, `\n`, `\r` or `\\` (as PostgreSQL's and MySQL's text
//! formats do), and the other characters some readers end a line at (see
//! [`super::is_line_break`]: vertical tab, form feed, U+001C–U+001E, NEL,
//! U+2028, U+2029) as `\u000b`, `\u000c`, `\u001c`, `\u001d`, `\u001e`,
//! `\u0085`, `\u2028`, `\u2029`; it reads those back, and any other
//! backslash is itself.

use std::borrow::Cow;
use std::path::Path;

use super::Note;
use crate::model::id_from;
use crate::{Concept, Error, Glossary, Lang, Status, Term};

const HEADER: [&str; 9] = [
    "id",
    "domain",
    "definition",
    "concept_note",
    "lang",
    "term",
    "reading",
    "status",
    "note",
];

/// The columns an en/ja table reads (one concept a row).
const PAIR_COLUMNS: [&str; 8] = [
    "en",
    "ja",
    "id",
    "reading",
    "note",
    "domain",
    "definition",
    "concept_note",
];

/// Other names of an en/ja table's `note` column, as client glossaries
/// head it (after lowercasing).
const NOTE_NAMES: [&str; 5] = ["notes", "comment", "comments", "remark", "remarks"];

/// Whether an en/ja table would read a column named `h` (normalised, not
/// one it reads) wrong, rather than merely not keep it: a status or term
/// of the long form, or a second column of a language's terms (`ja2`,
/// `Japanese (2)`, `en_alt`, `synonyms`), whose terms would be lost.
fn misread_by_pairs(h: &str) -> bool {
    const TERMS: [&str; 6] = [
        "alt",
        "alternative",
        "variant",
        "variants",
        "synonym",
        "synonyms",
    ];
    if matches!(h, "status" | "term" | "lang") {
        return true;
    }
    let rest = ["english", "japanese", "eng", "jpn", "en", "ja"]
        .iter()
        .find_map(|lang| h.strip_prefix(lang))
        .unwrap_or(h);
    let letters: String = rest.chars().filter(char::is_ascii_alphabetic).collect();
    let after_lang = rest.len() < h.len();
    (after_lang && letters.is_empty()) || TERMS.contains(&letters.as_str())
}

/// The terms of a cell of an en/ja table: several variants of one term may
/// share it, separated by `;` or `；` (empty pieces are none).
fn variants(cell: &str) -> Vec<&str> {
    cell.split([';', '；'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The header kotoba wrote before terms had notes of their own: its `note`
/// column is the concept's, and a file with exactly this header is read so.
const OLD_HEADER: [&str; 8] = [
    "id",
    "domain",
    "definition",
    "lang",
    "term",
    "reading",
    "status",
    "note",
];

/// The line on which a quoted CSV cell opens that is never closed, if any:
/// a cell is quoted when it starts with `"`, inside it `""` is a quote, and
/// a lone `"` closes it (RFC 4180).
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut line, mut opened) = (1, None);
    let mut at_cell_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match opened {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => opened = None,
            None if b == b'"' && at_cell_start => opened = Some(line),
            _ => {}
        }
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
        at_cell_start = opened.is_none() && (b == delimiter || b == b'\n' || b == b'\r');
        i += 1;
    }
    opened
}

pub fn read(
    text: &str,
    delimiter: u8,
    path: &Path,
    problems: &mut Vec<Error>,
    notes: &mut Vec<Note>,
    generated: &mut Vec<String>,
) -> Result<Glossary, Error> {
    // A quoted cell never closed swallows every row after it into one cell,
    // which the CSV reader takes without a word: refused, naming its line.
    if delimiter != b'\t'
        && let Some(line) = unclosed_quote(text, delimiter)
    {
        return Err(Error::parse(
            path,
            Some(line),
            "a quoted cell opened on this line is never closed (every row after it would be \
             read into that cell)",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter != b'\t')
        .flexible(true)
        .from_reader(text.as_bytes());
    let raw: Vec<String> = reader
        .headers()
        .map_err(|e| Error::parse(path, Some(1), format!("bad header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut header: Vec<String> = raw
        .iter()
        .map(|h| match Lang::from_tag(h) {
            // `en-US`, `Japanese`: the `en` and `ja` columns.
            Some(lang) => lang.code().to_string(),
            // `concept note`, `Concept-Note`: one name.
            None => h.to_ascii_lowercase().replace([' ', '-'], "_"),
        })
        .collect();
    // Files kotoba wrote before terms had notes keep their meaning.
    if header == OLD_HEADER {
        header[7] = "concept_note".to_string();
    }
    let has = |h: &[String], name: &str| h.iter().any(|x| x == name);
    let pairs = !has(&header, "lang") && has(&header, "en") && has(&header, "ja");
    // The pair ranking `glossary align` and `build` write (`en, ja, score,
    // cooc, …`) is statistics, not decisions: every pair it holds is
    // proposed, so loaded with --glossary it demands nothing of a check.
    let ranking = pairs && has(&header, "score") && has(&header, "cooc");
    if ranking {
        notes.push(Note {
            path: path.to_path_buf(),
            line: Some(1),
            concept: None,
            message: "read as the pair ranking `glossary align` writes (its `score` and `cooc` \
                      columns): every term is proposed, for review"
                .to_string(),
        });
    }
    // Client glossaries call the en/ja table's note column many names.
    if pairs {
        let note_columns: Vec<usize> = (0..header.len())
            .filter(|&k| header[k] == "note" || NOTE_NAMES.contains(&header[k].as_str()))
            .collect();
        if let [first, second, ..] = note_columns[..] {
            return Err(Error::parse(
                path,
                Some(1),
                format!(
                    "the columns `{}` and `{}` are both read as the note of an en/ja table; \
                     keep one",
                    raw[first], raw[second]
                ),
            ));
        }
        for k in note_columns {
            header[k] = "note".to_string();
        }
    }
    // Two columns of a name kotoba reads: which one holds the data is a
    // guess (others, such as two `comment` columns, are not read).
    let read = |h: &str| HEADER.contains(&h) || h == "en" || h == "ja";
    if let Some(twice) = header
        .iter()
        .enumerate()
        .find(|(i, h)| read(h) && header[..*i].contains(h))
        .map(|(_, h)| h)
    {
        return Err(Error::parse(
            path,
            Some(1),
            format!("the header names the `{twice}` column twice"),
        ));
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    if !pairs && (col("id").is_none() || col("lang").is_none() || col("term").is_none()) {
        return Err(Error::parse(
            path,
            Some(1),
            format!(
                "header must name id, lang and term (and any of {}), or `en` and `ja` columns",
                HEADER
                    .iter()
                    .filter(|h| !matches!(**h, "id" | "lang" | "term"))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    // An en/ja table reads the columns it has a place for. One whose data
    // it would read wrong (`status` left 米 admitted under `forbidden`,
    // `ja2` lost a variant) is refused, pointing to the form that has a
    // place for it; any other (`Source`, `Context`) is passed over, said.
    if pairs {
        for (k, h) in header.iter().enumerate() {
            if h.is_empty() || PAIR_COLUMNS.contains(&h.as_str()) {
                continue;
            }
            if misread_by_pairs(h) {
                return Err(Error::parse(
                    path,
                    Some(1),
                    format!(
                        "an en/ja table (one concept a row) has no place for the column `{h}`; \
                         write the long form instead, one row per term with the columns \
                         id,lang,term,status,note (and domain, definition, reading, \
                         concept_note), which gives each term its status and note; variants \
                         of one term may also share its cell, separated by `;`"
                    ),
                ));
            }
            notes.push(Note {
                path: path.to_path_buf(),
                line: Some(1),
                concept: None,
                message: format!(
                    "the column `{}` is not kept (an en/ja table reads {})",
                    raw[k],
                    PAIR_COLUMNS.join(", ")
                ),
            });
        }
    }
    let unnamed: Vec<usize> = (0..header.len())
        .filter(|&k| header[k].is_empty())
        .collect();
    let mut g = Glossary::default();
    // Where each concept id was first seen, and the id whose rows are being
    // skipped as a duplicate.
    let mut seen = std::collections::HashMap::new();
    // The term a row without an id is named by (its English term, else its
    // Japanese), with the index in `g.concepts` of the concept it made.
    let mut derived_ids: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    // Ids of a one-row-per-term table found given to two concepts, with the
    // line of the second one's first row: its rows are skipped wherever they
    // stand, each reported.
    let mut duplicated: std::collections::HashMap<String, Option<usize>> =
        std::collections::HashMap::new();
    // Where each concept of a one-row-per-term table is in `g.concepts`.
    let mut concept_at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let breaks = line_breaks(text);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| row_line(text, &breaks, p.byte()));
                problems.push(Error::parse(path, line, format!("malformed row: {e}")));
                continue;
            }
        };
        let line = record.position().map(|p| row_line(text, &breaks, p.byte()));
        let get = |name: &str| -> Cow<'_, str> {
            let cell = col(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .unwrap_or("");
            if delimiter == b'\t' {
                unescape(cell)
            } else {
                cell.into()
            }
        };
        if record.len() != header.len() {
            problems.push(Error::parse(
                path,
                line,
                format!("{} fields, the header has {}", record.len(), header.len()),
            ));
            continue;
        }
        if pairs {
            // Columns without a name hold nothing an en/ja table reads.
            if let Some(k) = unnamed
                .iter()
                .find(|&&k| record.get(k).is_some_and(|c| !c.trim().is_empty()))
            {
                problems.push(Error::parse(
                    path,
                    line,
                    format!(
                        "column {} has no name in the header, and its cell here would be lost; \
                         name it (en, ja, id, reading, note, domain, definition, concept_note) \
                         or empty it",
                        k + 1
                    ),
                ));
                continue;
            }
            let (en_cell, ja_cell, reading_cell) = (get("en"), get("ja"), get("reading"));
            let (en, ja) = (variants(&en_cell), variants(&ja_cell));
            if en.is_empty() && ja.is_empty() {
                problems.push(Error::parse(path, line, "row has no term"));
                continue;
            }
            // A row with one side empty would make (or replace a default
            // concept with) a concept with no equivalent, which `check`
            // then accepts any translation of.
            if en.is_empty() || ja.is_empty() {
                let (empty, named) = if en.is_empty() {
                    ("en", &ja_cell)
                } else {
                    ("ja", &en_cell)
                };
                problems.push(Error::parse(
                    path,
                    line,
                    format!("`{named}`: the {empty} cell is empty; a row of an en/ja table needs both terms"),
                ));
                continue;
            }
            // Readings of several variants are given alike, one for each;
            // one reading is the first variant's.
            let given = variants(&reading_cell);
            if given.len() > 1 && given.len() != ja.len() {
                problems.push(Error::parse(
                    path,
                    line,
                    format!(
                        "`{reading_cell}`: {} readings for {} Japanese terms (give one for each, \
                         separated by `;` as the terms are)",
                        given.len(),
                        ja.len()
                    ),
                ));
                continue;
            }
            let derived = get("id").is_empty();
            let named_by = en[0];
            let id = match &*get("id") {
                "" => derived_id(named_by, |id| seen.contains_key(id)),
                id => id.to_string(),
            };
            // A cell of several variants (`貿易摩擦; 通商摩擦`) is that many
            // terms, said, since a `;` inside one term is also possible.
            for (cell, terms) in [(&en_cell, &en), (&ja_cell, &ja)] {
                if let [first, others @ ..] = terms.as_slice()
                    && !others.is_empty()
                {
                    notes.push(Note {
                        path: path.to_path_buf(),
                        line,
                        concept: Some(id.clone()),
                        message: format!(
                            "`{cell}` is read as {} terms separated by `;`: `{first}`, then `{}` \
                             as admitted variants",
                            terms.len(),
                            others.join("`, `")
                        ),
                    });
                }
            }
            // The row's terms: the first of each cell has the row's status
            // (preferred for the row that makes the concept), the others are
            // admitted. The row's reading and note are its Japanese term's
            // (a row is a translation; its remark is on the translation).
            let note = get("note");
            let row_terms = |first_status: Status| {
                let term = |k: usize, t: &str, reading: Option<&str>, note: Option<&str>| Term {
                    term: t.to_string(),
                    reading: reading.map(str::to_string),
                    status: if ranking {
                        Status::Proposed
                    } else if k == 0 {
                        first_status
                    } else {
                        Status::Admitted
                    },
                    note: note.filter(|n| !n.is_empty()).map(str::to_string),
                };
                let en: Vec<Term> = en
                    .iter()
                    .enumerate()
                    .map(|(k, t)| term(k, t, None, None))
                    .collect();
                let ja: Vec<Term> = ja
                    .iter()
                    .enumerate()
                    .map(|(k, t)| {
                        let note = (k == 0).then_some(&*note);
                        term(k, t, given.get(k).copied(), note)
                    })
                    .collect();
                (en, ja)
            };
            // Rows without ids that name the same term are one concept with
            // more than one equivalent (`tariff / 関税`, `tariff / 関税率`):
            // the later ones join it as admitted terms.
            if derived
                && let Some(&at) = derived_ids.get(named_by)
                && let Some(c) = g.concepts.get_mut(at)
            {
                merge_concept_fields(c, &get, path, line, notes);
                let id = c.id.clone();
                let (en_terms, ja_terms) = row_terms(Status::Admitted);
                for (lang, added) in [(Lang::En, en_terms), (Lang::Ja, ja_terms)] {
                    for added in added {
                        match c.terms_mut(lang).iter_mut().find(|x| x.term == added.term) {
                            Some(known) => {
                                if known.reading.is_none() {
                                    known.reading.clone_from(&added.reading);
                                }
                                add_term_note(&id, known, added.note, path, line, notes);
                            }
                            None => c.terms_mut(lang).push(added),
                        }
                    }
                }
                continue;
            }
            if let Some(e) = super::duplicate(&mut seen, &id, path, line) {
                problems.push(e);
                continue;
            }
            if derived {
                derived_ids.insert(named_by.to_string(), g.concepts.len());
                generated.push(id.clone());
            }
            let (en, ja) = row_terms(Status::Preferred);
            g.concepts.push(Concept {
                id,
                domain: get("domain").to_string(),
                definition: get("definition").to_string(),
                note: get("concept_note").to_string(),
                en,
                ja,
            });
            continue;
        }
        let lang = match Lang::from_tag(&get("lang")) {
            Some(lang) => lang,
            None => {
                let other = get("lang");
                problems.push(Error::parse(
                    path,
                    line,
                    format!("unknown language `{other}` (en or ja)"),
                ));
                continue;
            }
        };
        let Some(status) = Status::parse(&get("status")) else {
            problems.push(Error::parse(
                path,
                line,
                format!("unknown status `{}`", get("status")),
            ));
            continue;
        };
        let (id, term) = (get("id"), get("term"));
        if id.is_empty() || term.is_empty() {
            // Name the concept where the row has one, as every reader does.
            let message = if id.is_empty() {
                "row needs an id and a term".to_string()
            } else {
                format!("concept `{id}`: {} term is empty", lang.code())
            };
            problems.push(Error::parse(path, line, message));
            continue;
        }
        if let Some(&second) = duplicated.get(&*id) {
            let at = second.map(|l| format!(" at line {l}")).unwrap_or_default();
            problems.push(Error::parse(
                path,
                line,
                format!("row of concept `{id}` left out with the duplicate concept{at}"),
            ));
            continue;
        }
        let at = match concept_at.get(&*id) {
            Some(&at) if at + 1 == g.concepts.len() => at,
            // Rows of one concept apart from each other (a table sorted by
            // language or term) are gathered, as terminology tools read
            // term-per-row tables; but rows whose domain, definition or note
            // differ from the concept's belong to a second concept given the
            // same id. (A concept may have two preferred terms in a language,
            // so they tell nothing.)
            Some(&at) => {
                if differs(&g.concepts[at], &get)
                    && let Some(e) = super::duplicate(&mut seen, &id, path, line)
                {
                    problems.push(e);
                    duplicated.insert(id.to_string(), line);
                    continue;
                }
                at
            }
            None => {
                seen.insert(id.to_string(), line);
                concept_at.insert(id.to_string(), g.concepts.len());
                g.concepts.push(Concept {
                    id: id.to_string(),
                    domain: get("domain").to_string(),
                    definition: get("definition").to_string(),
                    note: get("concept_note").to_string(),
                    en: vec![],
                    ja: vec![],
                });
                g.concepts.len() - 1
            }
        };
        if let Some(c) = g.concepts.get_mut(at) {
            merge_concept_fields(c, &get, path, line, notes);
            let (reading, note) = (get("reading"), get("note"));
            c.terms_mut(lang).push(Term {
                term: term.to_string(),
                reading: (!reading.is_empty()).then(|| reading.to_string()),
                status,
                note: (!note.is_empty()).then(|| note.to_string()),
            });
        }
    }
    Ok(g)
}

/// The id of a concept named by `term` in a table without ids: the term as
/// an id (`trade war` → `trade-war`), or, when a concept of another term
/// already has that id (`Diet` and `diet`, `C++ tariff` and `C tariff`), the
/// first free one of `diet-2`, `diet-3`, …: different terms stay different
/// concepts.
/// `taken` says whether an id is in use. Shared by the formats whose rows
/// may lack ids (OmegaT, UTX).
pub(super) fn derived_id(term: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = match id_from(term) {
        id if id.is_empty() => "term".to_string(),
        id => id,
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The concept's fields a table writes on each of its rows.
const CONCEPT_FIELDS: [&str; 3] = ["domain", "definition", "concept_note"];

/// The concept's field a column holds.
fn field<'c>(c: &'c mut Concept, name: &str) -> &'c mut String {
    match name {
        "domain" => &mut c.domain,
        "definition" => &mut c.definition,
        _ => &mut c.note,
    }
}

/// True when a row gives a domain, definition or concept note other than
/// the concept's (a field empty on either side agrees with anything). A
/// term's own note tells nothing: each term may have its own.
fn differs<'a>(c: &Concept, get: &impl Fn(&str) -> Cow<'a, str>) -> bool {
    [
        (&c.domain, "domain"),
        (&c.definition, "definition"),
        (&c.note, "concept_note"),
    ]
    .into_iter()
    .any(|(field, name)| {
        let cell = get(name);
        !field.is_empty() && !cell.is_empty() && **field != *cell
    })
}

/// Domain, definition and concept note are the concept's: written on each
/// of its rows, read from the first row that has each (files made elsewhere
/// may put them on one row only). A later row that gives another is kept
/// out, and said: one concept has one definition.
fn merge_concept_fields<'a>(
    c: &mut Concept,
    get: &impl Fn(&str) -> Cow<'a, str>,
    path: &Path,
    line: Option<usize>,
    notes: &mut Vec<Note>,
) {
    let id = c.id.clone();
    for name in CONCEPT_FIELDS {
        let cell = get(name);
        let field = field(c, name);
        if field.is_empty() {
            *field = cell.into_owned();
        } else if !cell.is_empty() && **field != *cell {
            let shown = name.replace('_', " ");
            notes.push(Note {
                path: path.to_path_buf(),
                line,
                concept: Some(id.clone()),
                message: format!(
                    "concept `{id}`: the {shown} `{cell}` is not kept: an earlier row of the \
                     concept gives `{field}` (a concept has one {shown}; a remark on one term \
                     goes in its `note` column)"
                ),
            });
        }
    }
}

/// Gives `t` the `note` a later row brings for it, unless it has another
/// (said, not silently dropped).
fn add_term_note(
    id: &str,
    t: &mut Term,
    note: Option<String>,
    path: &Path,
    line: Option<usize>,
    notes: &mut Vec<Note>,
) {
    match (&t.note, note) {
        (_, None) => {}
        (None, note) => t.note = note,
        (Some(old), Some(new)) if *old == new => {}
        (Some(old), Some(new)) => notes.push(Note {
            path: path.to_path_buf(),
            line,
            concept: Some(id.to_string()),
            message: format!(
                "concept `{id}`: the note `{new}` on `{}` is not kept: an earlier row gives \
                 the term the note `{old}`",
                t.term
            ),
        }),
    }
}

/// The 1-based line of byte offset `byte` in `text`, a line ending at LF,
/// CR LF or a lone CR as the CSV reader's do (its own line count is one
/// short in files with CR LF endings).
fn line_at(breaks: &[usize], byte: u64) -> usize {
    breaks.partition_point(|&b| (b as u64) < byte) + 1
}

/// The line of the row read from byte `byte`: the CSV reader's position of a
/// row is where it began to read, before the blank lines it skips, which
/// named the first blank line rather than the row.
fn row_line(text: &str, breaks: &[usize], byte: u64) -> usize {
    let from = usize::try_from(byte).unwrap_or(text.len()).min(text.len());
    let blank = text.as_bytes()[from..]
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count();
    line_at(breaks, (from + blank) as u64)
}

/// Byte offsets of the line breaks of `text` (LF, CR alone, or CR LF once,
/// at its CR: the CSV reader may start the next record at the LF), in
/// order: a record's line is found by binary search, not by counting from
/// the start of the file for every record.
fn line_breaks(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', b)
        .filter(|&i| b[i] == b'\r' || i == 0 || b[i - 1] != b'\r')
        .collect()
}

pub fn write(g: &Glossary, delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(if delimiter == b'\t' {
            csv::QuoteStyle::Never
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(Vec::new());
    let clean = |s: &str| {
        if delimiter == b'\t' {
            escape(s).into_owned()
        } else {
            s.to_string()
        }
    };
    let _ = writer.write_record(HEADER);
    for c in &g.concepts {
        for lang in [Lang::En, Lang::Ja] {
            for t in c.terms(lang) {
                let _ = writer.write_record([
                    clean(&c.id),
                    clean(&c.domain),
                    clean(&c.definition),
                    clean(&c.note),
                    lang.code().to_string(),
                    clean(&t.term),
                    clean(t.reading.as_deref().unwrap_or("")),
                    t.status.name().to_string(),
                    clean(t.note.as_deref().unwrap_or("")),
                ]);
            }
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A TSV cell as written: tab, line breaks and backslash escaped.
fn escape(s: &str) -> Cow<'_, str> {
    if !s.contains(|c| c == '\t' || c == '\\' || super::is_line_break(c)) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c if super::is_line_break(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.into()
}

/// The line break a TSV cell writes as `\u` and the four hex digits at
/// the start of `hex`, if they stand for one (any other `\u` is text).
fn escaped_line_break(hex: &str) -> Option<char> {
    let digits = hex.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
    (super::is_line_break(c) && !matches!(c, '\n' | '\r')).then_some(c)
}

/// A TSV cell as read: `\t`, `\n`, `\r` and `\\` decoded; any other
/// backslash (a hand-written path) is kept as it is.
fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut ahead = chars.clone();
        let decoded = match ahead.next() {
            Some('t') => Some('\t'),
            Some('n') => Some('\n'),
            Some('r') => Some('\r'),
            Some('\\') => Some('\\'),
            Some('u') => {
                let c = escaped_line_break(ahead.as_str());
                if c.is_some() {
                    ahead.nth(3);
                }
                c
            }
            _ => None,
        };
        match decoded {
            Some(d) => {
                out.push(d);
                chars = ahead;
            }
            None => out.push('\\'),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::{escape, unescape};
    use crate::{Error, Glossary, Status};
    use std::path::Path;

    /// The reader, without its notes.
    fn read(
        text: &str,
        delimiter: u8,
        path: &Path,
        problems: &mut Vec<Error>,
    ) -> Result<Glossary, Error> {
        super::read(
            text,
            delimiter,
            path,
            problems,
            &mut Vec::new(),
            &mut Vec::new(),
        )
    }

    /// Each concept's id with its numbers of English and Japanese terms.
    fn ids_and_sizes(g: &Glossary) -> Vec<(String, usize, usize)> {
        g.concepts
            .iter()
            .map(|c| (c.id.clone(), c.en.len(), c.ja.len()))
            .collect()
    }

    /// The glossary a table reads as, with no problem.
    fn read_clean(text: &str, delimiter: u8, name: &str) -> Glossary {
        let mut problems = Vec::new();
        let g = read(text, delimiter, Path::new(name), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        g.unwrap_or_default()
    }

    /// An unterminated quote made the rest of the file one cell, with exit
    /// 0 (a review found it); quoted line breaks and `""` are fine.
    #[test]
    fn an_unclosed_quote_is_refused_naming_its_line() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = format!(
                "en,ja,definition{eol}tariff,関税,\"a \"\"duty\"\"{eol}on imports\"{eol}\
                 quota,割当,\"unterminated{eol}safeguard,セーフガード,x{eol}"
            );
            let mut problems = Vec::new();
            let err = read(&text, b',', Path::new("bad.csv"), &mut problems)
                .err()
                .map(|e| e.to_string());
            assert!(
                err.as_deref()
                    .is_some_and(|e| e.starts_with("bad.csv:4: a quoted cell")),
                "{eol:?}: {err:?}"
            );
        }
        let fine =
            "en,ja,definition\ntariff,関税,\"a \"\"duty\"\"\non imports\"\nquota,割当,x\"y\n";
        assert_eq!(read_clean(fine, b',', "fine.csv").concepts.len(), 2);
    }

    /// An empty term of a full table's row names its concept, as the
    /// JSON Lines reader does (it said only "row needs an id and a term").
    #[test]
    fn an_empty_term_names_its_concept() {
        let text = "id,domain,definition,lang,term,reading,status\n\
                    a,x,y,en,tariff,,preferred\na,x,y,ja,,,preferred\n";
        let mut problems = Vec::new();
        let err = read(text, b',', Path::new("et.csv"), &mut problems)
            .err()
            .map(|e| e.to_string())
            .or_else(|| problems.first().map(|e| e.to_string()));
        assert_eq!(
            err.as_deref(),
            Some("et.csv:3: concept `a`: ja term is empty")
        );
    }

    /// A row of an en/ja table with one side empty made a concept with no
    /// equivalent, and `pork,` replaced the default `pork` with one that
    /// `check` accepted any translation of (a translator's review).
    #[test]
    fn a_pair_row_needs_both_terms() {
        for (text, message) in [
            ("en,ja\npork,\n", "p.csv:2: `pork`: the ja cell is empty"),
            ("en,ja\n,米\n", "p.csv:2: `米`: the en cell is empty"),
        ] {
            let mut problems = Vec::new();
            let err = read(text, b',', Path::new("p.csv"), &mut problems)
                .err()
                .map(|e| e.to_string())
                .or_else(|| problems.first().map(|e| e.to_string()))
                .unwrap_or_default();
            assert!(err.starts_with(message), "{err}");
        }
    }

    /// Columns labelled with language tags or names (`en-US`, `Japanese`)
    /// were refused as naming no `en` and `ja` columns.
    #[test]
    fn language_tags_and_names_label_the_columns() {
        let plain = read_clean("en,ja\nsafeguard,セーフガード\n", b',', "a.csv");
        for header in ["en-US,ja-JP", "English,Japanese", "JA_jp,EN"] {
            let rows = if header.starts_with("JA") {
                "セーフガード,safeguard"
            } else {
                "safeguard,セーフガード"
            };
            let g = read_clean(&format!("{header}\n{rows}\n"), b',', "t.csv");
            assert_eq!(g, plain, "{header}");
        }
    }

    /// A second `id` or `en` column was silently ignored (a review found it).
    #[test]
    fn a_column_named_twice_is_refused() {
        let fine = "id\tlang\tterm\tcomment\tcomment\nfoo\tja\tバー\ta\tb\n";
        assert!(read(fine, b'\t', Path::new("g.tsv"), &mut Vec::new()).is_ok());
        for text in [
            "en\tja\ten\nfoo\tバー\tbar\n",
            "id\tID\tlang\tterm\na\tb\ten\tx\n",
        ] {
            let err = read(text, b'\t', Path::new("g.tsv"), &mut Vec::new()).err();
            assert!(
                err.as_ref()
                    .is_some_and(|e| e.to_string().contains("column twice")),
                "{err:?}"
            );
        }
    }

    /// An en/ja table passed over columns it does not read: `status` left
    /// 米 admitted under `forbidden`, `ja2` lost its variant (a
    /// translator's review). Such a column is refused, naming it and the
    /// long form; a cell under a column without a name, by its row.
    #[test]
    fn an_en_ja_table_refuses_columns_it_has_no_place_for() {
        for (text, column) in [
            ("en,ja,status\nrice,米,forbidden\n", "status"),
            ("en,ja,ja2\ntrade,貿易,通商\n", "ja2"),
            (
                "en,Japanese,Japanese (2)\ntrade,貿易,通商\n",
                "japanese_(2)",
            ),
            ("en,ja,synonyms\ntrade,貿易,通商\n", "synonyms"),
            ("en,ja,term\ntrade,貿易,通商\n", "term"),
        ] {
            let err = read(text, b',', Path::new("p.csv"), &mut Vec::new())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                err.starts_with(&format!(
                    "p.csv:1: an en/ja table (one concept a row) has no place for the column \
                     `{column}`; write the long form"
                )),
                "{err}"
            );
            assert!(err.contains("id,lang,term,status,note"), "{err}");
        }
        // What it reads is fine, and an unnamed column that is empty.
        let g = read_clean(
            "en,ja,id,reading,note,domain,definition,concept_note,\n\
             tariff,関税,t,かんぜい,customs law,trade,A tax.,checked,\n",
            b',',
            "p.csv",
        );
        let c = &g.concepts[0];
        assert_eq!(
            (
                c.note.as_str(),
                c.ja[0].note.as_deref(),
                c.en[0].note.as_deref()
            ),
            ("checked", Some("customs law"), None)
        );
        let mut problems = Vec::new();
        let g = read(
            "en,ja,\ntrade,貿易,x\nquota,割当,\n",
            b',',
            Path::new("p.csv"),
            &mut problems,
        );
        assert_eq!(g.map(|g| g.concepts.len()).ok(), Some(1));
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("p.csv:2: column 3 has no name"),
            "{messages:?}"
        );
        // The long form reads statuses and variants, as the message says.
        let g = read_clean(
            "id,lang,term,status\nrice,en,rice,\nrice,ja,米,forbidden\n",
            b',',
            "l.csv",
        );
        assert_eq!(g.concepts[0].ja[0].status, Status::Deprecated);
    }

    /// `English,Japanese,Notes` was refused ("no place for the column
    /// `notes`", a review found it), though client glossaries mostly have
    /// such a column: `notes`, `comment(s)` and `remarks` are the note
    /// column, and a column the table would not misread (`Source`) is
    /// passed over with a note naming it, not refused.
    #[test]
    fn an_en_ja_table_reads_its_note_column_by_common_names() -> Result<(), Error> {
        for name in ["Notes", "Comment", "comments", "Remarks", "note"] {
            let text = format!("English,Japanese,{name}\ntariff,関税,customs law\n");
            let g = read_clean(&text, b',', "n.csv");
            assert_eq!(
                g.concepts[0].ja[0].note.as_deref(),
                Some("customs law"),
                "{name}"
            );
        }
        let (mut problems, mut notes) = (Vec::new(), Vec::new());
        let g = super::read(
            "en\tja\tSource\tRemarks\tContext\ntariff\t関税\tWTO\tlaw\tx\n",
            b'\t',
            Path::new("s.tsv"),
            &mut problems,
            &mut notes,
            &mut Vec::new(),
        )?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(g.concepts[0].ja[0].note.as_deref(), Some("law"));
        let notes: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes[0].starts_with("s.tsv:1: the column `Source` is not kept"),
            "{notes:?}"
        );
        assert!(notes[1].contains("`Context` is not kept"), "{notes:?}");
        // Two columns read as the note: which one is meant is a guess.
        let err = read(
            "en,ja,note,Comments\ntariff,関税,a,b\n",
            b',',
            Path::new("t.csv"),
            &mut Vec::new(),
        )
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "t.csv:1: the columns `note` and `Comments` are both read as the note of an \
                 en/ja table; keep one"
            )
        );
        // The long form is as it was: `comment` is not its note column.
        let g = read_clean("id,lang,term,comment\nt,en,tariff,x\n", b',', "l.csv");
        assert_eq!(g.concepts[0].en[0].note, None);
        Ok(())
    }

    /// Which unknown columns an en/ja table refuses (it would misread
    /// them) and which it passes over.
    #[test]
    fn misread_columns_are_told_from_others() {
        for h in [
            "status",
            "term",
            "ja2",
            "en_2",
            "japanese_(2)",
            "english_(alt)",
            "synonyms",
            "variant",
        ] {
            assert!(super::misread_by_pairs(h), "{h}");
        }
        for h in [
            "source",
            "context",
            "entry",
            "english_definition",
            "jargon",
            "comment_2",
            "pos",
        ] {
            assert!(!super::misread_by_pairs(h), "{h}");
        }
    }

    /// A cell of several variants (`貿易摩擦; 通商摩擦`) was one term that
    /// never matched: the variants are terms, the first with the row's
    /// status, the others admitted, said in a note.
    #[test]
    fn variants_in_one_cell_are_terms_of_their_own() -> Result<(), Error> {
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let g = super::read(
            "en,ja,reading\ntrade friction,貿易摩擦; 通商摩擦,ぼうえきまさつ；つうしょうまさつ\n\
             trade friction,経済摩擦,\nquota;import quota,割当,わりあて\n",
            b',',
            Path::new("v.csv"),
            &mut problems,
            &mut notes,
            &mut Vec::new(),
        )?;
        assert!(problems.is_empty(), "{problems:?}");
        let terms = |ts: &[crate::Term]| -> Vec<(String, Status, Option<String>)> {
            ts.iter()
                .map(|t| (t.term.clone(), t.status, t.reading.clone()))
                .collect()
        };
        let c = &g.concepts[0];
        assert_eq!(c.id, "trade-friction");
        assert_eq!(
            terms(&c.ja),
            [
                (
                    "貿易摩擦".into(),
                    Status::Preferred,
                    Some("ぼうえきまさつ".into())
                ),
                (
                    "通商摩擦".into(),
                    Status::Admitted,
                    Some("つうしょうまさつ".into())
                ),
                ("経済摩擦".into(), Status::Admitted, None),
            ]
        );
        let c = &g.concepts[1];
        assert_eq!(c.id, "quota");
        assert_eq!(
            terms(&c.en),
            [
                ("quota".into(), Status::Preferred, None),
                ("import quota".into(), Status::Admitted, None),
            ]
        );
        assert_eq!(c.ja[0].reading.as_deref(), Some("わりあて"));
        let notes: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            notes,
            [
                "v.csv:2: `貿易摩擦; 通商摩擦` is read as 2 terms separated by `;`: `貿易摩擦`, \
                 then `通商摩擦` as admitted variants",
                "v.csv:4: `quota;import quota` is read as 2 terms separated by `;`: `quota`, \
                 then `import quota` as admitted variants",
            ]
        );
        // Readings that do not pair with the variants are the row's problem.
        let mut problems = Vec::new();
        let _ = read(
            "en,ja,reading\nx,甲;乙;丙,こう;おつ\n",
            b',',
            Path::new("v.csv"),
            &mut problems,
        );
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "v.csv:2: `こう;おつ`: 2 readings for 3 Japanese terms (give one for each, \
              separated by `;` as the terms are)"
            ]
        );
        Ok(())
    }

    /// The CSV reader counted a CR LF file's lines one short.
    #[test]
    fn bad_rows_are_named_by_their_line_whatever_the_line_endings() {
        for (delimiter, row) in [(b'\t', "foo\tbar\textra"), (b',', "foo,bar,extra")] {
            let sep = char::from(delimiter);
            for eol in ["\n", "\r\n", "\r"] {
                let text = [
                    format!("en{sep}ja"),
                    format!("a{sep}b"),
                    String::new(),
                    format!("c{sep}d"),
                    row.to_string(),
                    format!("e{sep}f"),
                    // Blank lines before a bad row: the row's line is named,
                    // not the first blank one (a review found it).
                    String::new(),
                    String::new(),
                    row.to_string(),
                ]
                .join(eol);
                let mut problems = Vec::new();
                let g = read(&text, delimiter, Path::new("g"), &mut problems);
                assert_eq!(g.map(|g| g.concepts.len()).ok(), Some(3), "{eol:?}");
                let lines: Vec<Option<usize>> = problems
                    .iter()
                    .map(|p| match p {
                        Error::Parse { line, .. } => *line,
                        _ => None,
                    })
                    .collect();
                assert_eq!(lines, [Some(5), Some(9)], "{eol:?} {problems:?}");
            }
        }
    }

    /// A concept's domain, definition and note are on each of its rows;
    /// files written elsewhere may put them on one row only, not the first.
    #[test]
    fn concept_fields_are_read_from_whichever_row_has_them() -> Result<(), Error> {
        let full = "id,lang,term,domain,definition,concept_note\nc1,en,quota,,,\n\
                    c1,ja,割当,trade,A limit.,checked 2024\nc2,en,levy,,,\n";
        let pairs = "en,ja,domain,definition,concept note\nquota,割当,,,\n\
                     quota,数量割当,trade,A limit.,checked 2024\n";
        for text in [full, pairs] {
            let mut problems = Vec::new();
            let g = read(text, b',', Path::new("g.csv"), &mut problems)?;
            assert!(problems.is_empty(), "{problems:?}");
            let c = &g.concepts[0];
            assert_eq!(
                (c.domain.as_str(), c.definition.as_str(), c.note.as_str()),
                ("trade", "A limit.", "checked 2024"),
                "{text}"
            );
            if let Some(c) = g.concepts.get(1) {
                assert_eq!((c.domain.as_str(), c.note.as_str()), ("", ""));
            }
        }
        Ok(())
    }

    /// A concept id twice in one file replaced the first concept silently;
    /// rows of one concept apart from each other are gathered unless their
    /// definition says they are another concept.
    #[test]
    fn a_duplicate_id_is_a_problem_naming_both_lines() {
        let text = "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\r\n\
                    c1\t\tRules.\ten\trules of origin\t\tpreferred\r\n\
                    c1\t\t\tja\t原産地規則\t\tpreferred\r\n\
                    c2\t\t\ten\tquota\t\tpreferred\r\n\
                    c1\t\tOrigin.\ten\torigin\t\tpreferred\r\n\
                    c1\t\tOrigin.\tja\t原産地\t\tpreferred\r\n\
                    c2\t\t\tja\t割当\t\tpreferred\r\n\
                    c1\t\t\tja\t原産\t\tadmitted\r\n";
        let mut problems = Vec::new();
        let g = read(text, b'\t', Path::new("g.tsv"), &mut problems);
        let concepts = ids_and_sizes(&g.unwrap_or_default());
        // c2's rows gathered; the second c1 reported and all of its rows
        // left out, the later one too, each named (a terminologist's review
        // found the later rows dropped without a word).
        assert_eq!(concepts, [("c1".into(), 1, 1), ("c2".into(), 1, 1)]);
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "g.tsv:5: duplicate concept id `c1` (first at line 2)",
                "g.tsv:6: row of concept `c1` left out with the duplicate concept at line 5",
                "g.tsv:8: row of concept `c1` left out with the duplicate concept at line 5",
            ]
        );
        // Two preferred terms of one concept, apart after sorting by term,
        // are gathered (a review found them refused as a duplicate).
        let g = read_clean(
            "id,lang,term,status\nad,en,anti-dumping duty,preferred\n\
             cv,en,countervailing duty,preferred\nad,en,dumping duty,preferred\n\
             ad,ja,反ダンピング関税,preferred\n",
            b',',
            "s.csv",
        );
        let sizes: Vec<(usize, usize)> = g
            .concepts
            .iter()
            .map(|c| (c.en.len(), c.ja.len()))
            .collect();
        assert_eq!(sizes, [(2, 1), (1, 0)]);
        // The same table sorted by language: each concept's rows gathered.
        let sorted = "id,domain,definition,lang,term,reading,status\n\
                      c1,trade,Rules.,en,rules of origin,,preferred\n\
                      c2,trade,Limits.,en,quota,,preferred\n\
                      c1,trade,Rules.,ja,原産地規則,,preferred\n\
                      c2,trade,Limits.,ja,数量制限,,preferred\n";
        let mut problems = Vec::new();
        let g = read(sorted, b',', Path::new("s.csv"), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let concepts = ids_and_sizes(&g.unwrap_or_default());
        assert_eq!(concepts, [("c1".into(), 1, 1), ("c2".into(), 1, 1)]);
        // A table without ids: rows of one English term are one concept
        // with more than one equivalent, the later ones admitted.
        let g = read_clean("en,ja\ntrade,貿易\ntrade,取引\ntrade,貿易\n", b',', "g.csv");
        assert_eq!(g.concepts.len(), 1);
        let ja: Vec<(&str, Status)> = g.concepts[0]
            .ja
            .iter()
            .map(|t| (t.term.as_str(), t.status))
            .collect();
        assert_eq!(
            ja,
            [("貿易", Status::Preferred), ("取引", Status::Admitted)]
        );
        // Different terms whose ids would be alike stay different concepts
        // (they were merged: CAP became 上限 too).
        let g = read_clean(
            "en\tja\nDiet\t国会\ndiet\t食生活\nCAP\t共通農業政策\ncap\t上限\nC++ tariff\tC++関税\nC tariff\tC関税\ndiet\t食事\n",
            b'\t',
            "g.tsv",
        );
        let concepts: Vec<(&str, &str, usize)> = g
            .concepts
            .iter()
            .map(|c| (c.id.as_str(), c.en[0].term.as_str(), c.ja.len()))
            .collect();
        assert_eq!(
            concepts,
            [
                ("diet", "Diet", 1),
                ("diet-2", "diet", 2),
                ("cap", "CAP", 1),
                ("cap-2", "cap", 1),
                ("c-tariff", "C++ tariff", 1),
                ("c-tariff-2", "C tariff", 1)
            ]
        );
        // An id given twice is still a duplicate.
        let mut problems = Vec::new();
        let _ = read(
            "id,en,ja\nt,trade,貿易\nt,commerce,通商\n",
            b',',
            Path::new("g.csv"),
            &mut problems,
        );
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            ["g.csv:3: duplicate concept id `t` (first at line 2)"]
        );
    }

    #[test]
    fn tsv_cells_escape_and_unescape() {
        for s in [
            "plain",
            "a\tb\nc\r\nd",
            "C:\\new\\table",
            "\\n",
            "end\\",
            "\\\\",
        ] {
            assert_eq!(unescape(&escape(s)), s, "{s:?}");
            assert!(!escape(s).contains(['\t', '\n', '\r']), "{s:?}");
        }
        assert_eq!(escape("a\tb\\n"), "a\\tb\\\\n");
        // A backslash before anything else is a backslash (hand-made files).
        assert_eq!(unescape("C:\\data\\x\\"), "C:\\data\\x\\");
    }

    /// The other characters some readers split lines at went out as they
    /// were (Python's str.splitlines() made two rows of one); they are
    /// written as `\u` escapes and read back, so round trips stay lossless.
    #[test]
    fn tsv_cells_escape_every_line_separator() {
        let s = "a\u{0b}b\u{0c}c\u{1c}d\u{1d}e\u{1e}f\u{85}g\u{2028}h\u{2029}i";
        let written = escape(s);
        assert_eq!(
            written,
            "a\\u000bb\\u000cc\\u001cd\\u001de\\u001ef\\u0085g\\u2028h\\u2029i"
        );
        assert!(!written.contains(crate::formats::is_line_break));
        assert!(written.is_ascii());
        assert_eq!(unescape(&written), s);
        for s in ["\\u2028", "\\\u{2028}", "x\\u20", "\u{2028}\\"] {
            assert_eq!(unescape(&escape(s)), s, "{s:?}");
        }
        // Only the escapes written are read: other `\u` text stays text.
        for kept in ["C:\\users\\u1", "\\u00e9", "\\u000a", "\\u202", "\\uzzzz"] {
            assert_eq!(unescape(kept), kept, "{kept:?}");
        }
        assert_eq!(unescape("\\U2028\\u2029"), "\\U2028\u{2029}");
    }

    /// `proposed` reads in the long form in any case, and a table headed as
    /// `glossary align`'s pair ranking (`score`, `cooc`) is proposals only,
    /// said in a note: loaded as a glossary it demanded its pairs as
    /// admitted terms (a terminologist's review).
    #[test]
    fn proposals_are_read_as_proposed() {
        let g = read_clean(
            "id\tlang\tterm\tstatus\nj\ten\tJapanese\tProposed\nj\tja\t日本\tproposed\n",
            b'\t',
            "g.tsv",
        );
        assert_eq!(g.concepts[0].en[0].status, Status::Proposed);
        assert_eq!(g.concepts[0].ja[0].status, Status::Proposed);
        let mut notes = Vec::new();
        let g = super::read(
            "en,ja,score,cooc\nJapanese,日本,0.81,11\nJapanese,日本人,0.2,3\n",
            b',',
            Path::new("pairs.csv"),
            &mut Vec::new(),
            &mut notes,
            &mut Vec::new(),
        )
        .unwrap_or_default();
        let statuses: Vec<Status> = g.concepts[0]
            .en
            .iter()
            .chain(&g.concepts[0].ja)
            .map(|t| t.status)
            .collect();
        assert_eq!(statuses, [Status::Proposed; 3]);
        assert!(
            notes
                .iter()
                .any(|n| n.message.contains("every term is proposed")),
            "{notes:?}"
        );
        // A plain en/ja table is reviewed, as before.
        let g = read_clean("en,ja\nJapanese,日本\n", b',', "g.csv");
        assert_eq!(g.concepts[0].en[0].status, Status::Preferred);
    }
}
