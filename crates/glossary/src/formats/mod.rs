//! Glossary file formats: JSON Lines and JSON (kotoba's own, lossless), TSV
//! and CSV (one row per term, lossless; or simple `en`/`ja` pairs), TBX
//! (ISO 30042 TBX-Basic; TBX v2 `martif` is read too), UTX 1.20 (AAMT) and
//! OmegaT's glossary TSV.
//!
//! White space around a field (id, domain, definition, note, term, reading) means
//! nothing in any format and is dropped on reading, and an empty reading is
//! none: a glossary read from one format and written to a lossless one reads
//! back the same.

mod json;
mod omegat;
mod table;
mod tbx;
mod utx;

pub use crate::model::Layered;
pub use tbx::renamed_ids as tbx_renamed_ids;
pub use utx::unpaired as utx_unpaired;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::{Concept, Error, Glossary, Term};

/// Whether some reader of text files ends a line at `c`: line feed and
/// carriage return, and also the vertical tab, form feed, file, group and
/// record separators (U+001C–U+001E), next line (U+0085) and Unicode's line
/// and paragraph separators, on all of which Python's `str.splitlines()`
/// and some spreadsheet and editor readers split.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}'
            ..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The comment column of formats without a note (OmegaT, UTX): the
/// definition, then the note in brackets, so that a machine proposal's
/// `machine proposal, not reviewed: …` reaches the translator.
pub(crate) fn comment(c: &Concept) -> String {
    match (c.definition.trim().is_empty(), c.note.trim().is_empty()) {
        (_, true) => c.definition.clone(),
        (true, false) => c.note.clone(),
        (false, false) => format!("{} [{}]", c.definition, c.note),
    }
}

/// A row's comment in the formats without a note (OmegaT, UTX): the
/// concept's [`comment`], then the note of each of `terms` (those the row
/// brings in) as `| term: note`, which their readers take back as the
/// term's note (see [`split_comment`]).
pub(crate) fn row_comment(c: &Concept, terms: &[&Term]) -> String {
    let mut out = comment(c);
    for t in terms {
        if let Some(n) = t.note.as_deref().filter(|n| !n.trim().is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("| {}: {n}", t.term));
        }
    }
    out
}

/// A row's comment split as [`row_comment`] writes it: the concept's part,
/// and the note of each of the row's `terms` (`None` where it has none). A
/// term's note starts with `| term: ` at the start of the comment or after
/// a space, and runs to the next one.
///
/// Markers are taken left to right, each searched for only after the note
/// before it starts: a term may itself hold ` | ` and another term's marker
/// (`x | y` and `y` in `| x | y: note`), which, taken out of order, sliced
/// the comment backwards and panicked. Of markers starting at one place the
/// earlier term's is taken, as the writer writes them in the row's order.
pub(crate) fn split_comment<'a>(
    comment: &'a str,
    terms: &[&str],
) -> (&'a str, Vec<Option<&'a str>>) {
    let markers: Vec<Option<String>> = terms
        .iter()
        .map(|t| (!t.is_empty()).then(|| format!("| {t}: ")))
        .collect();
    // The first marker of `marker` at or after `from` that starts the
    // comment or follows a space.
    let find = |marker: &str, from: usize| {
        comment
            .get(from..)?
            .match_indices(marker)
            .map(|(p, _)| from + p)
            .find(|&p| p == 0 || comment[..p].ends_with(' '))
    };
    // (where the marker starts, where its note starts, which term), in
    // order of both.
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    let mut taken = vec![false; terms.len()];
    let mut cursor = 0;
    loop {
        let next = markers
            .iter()
            .enumerate()
            .filter(|&(k, _)| !taken[k])
            .filter_map(|(k, m)| {
                let m = m.as_deref()?;
                find(m, cursor).map(|p| (p, p + m.len(), k))
            })
            .min_by_key(|&(p, _, k)| (p, k));
        let Some(mark) = next else { break };
        taken[mark.2] = true;
        cursor = mark.1;
        marks.push(mark);
    }
    let base = marks.first().map_or(comment, |m| &comment[..m.0]).trim();
    let mut notes = vec![None; terms.len()];
    for (i, &(_, from, k)) in marks.iter().enumerate() {
        let to = marks.get(i + 1).map_or(comment.len(), |m| m.0);
        let note = comment.get(from..to).unwrap_or("").trim();
        if !note.is_empty() {
            notes[k] = Some(note);
        }
    }
    (base, notes)
}

/// Adds a row's terms (OmegaT, UTX: a source and a target, either maybe
/// empty) to `c` with `status`, each with its note from [`split_comment`];
/// a term `c` has already keeps its status and takes the note only if it
/// has none. Returns which of `terms` were new to `c`.
pub(crate) fn merge_row_terms(
    c: &mut Concept,
    terms: [(crate::Lang, &str); 2],
    notes: &[Option<&str>],
    status: crate::Status,
) -> [bool; 2] {
    let mut added = [false; 2];
    for (k, (lang, term)) in terms.into_iter().enumerate() {
        if term.is_empty() {
            continue;
        }
        let note = notes.get(k).copied().flatten().map(str::to_string);
        match c.terms_mut(lang).iter_mut().find(|t| t.term == term) {
            Some(known) => {
                if known.note.is_none() {
                    known.note = note;
                }
            }
            None => {
                c.terms_mut(lang).push(Term {
                    term: term.to_string(),
                    reading: None,
                    status,
                    note,
                });
                added[k] = true;
            }
        }
    }
    added
}

/// `s` as one cell of a tab-separated row that has no escapes (UTX,
/// OmegaT, kotoba's TSV reports): a tab or line break (see
/// [`is_line_break`]; CR LF counts as one) becomes a space, so a row stays
/// one row with its columns for every reader.
pub fn plain_tsv_cell(s: &str) -> Cow<'_, str> {
    if !s.contains(|c| c == '\t' || is_line_break(c)) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        out.push(if c == '\t' || is_line_break(c) {
            ' '
        } else {
            c
        });
    }
    out.into()
}

/// The file name extensions (lowercase, without the dot) that tell a
/// format: [`Format::from_path`] reads this table and its error lists it.
const EXTENSIONS: [(&str, Format); 10] = [
    ("jsonl", Format::Jsonl),
    ("ndjson", Format::Jsonl),
    ("json", Format::Json),
    ("tsv", Format::Tsv),
    ("csv", Format::Csv),
    ("tbx", Format::Tbx),
    ("xml", Format::Tbx),
    ("utx", Format::Utx),
    ("txt", Format::OmegaT),
    ("tab", Format::OmegaT),
];

/// A glossary file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One concept per line, kotoba's schema.
    Jsonl,
    /// An array of concepts.
    Json,
    /// Tab-separated, one row per term.
    Tsv,
    /// Comma-separated, one row per term.
    Csv,
    /// ISO 30042 TBX-Basic.
    Tbx,
    /// AAMT's Universal Terminology eXchange 1.20.
    Utx,
    /// OmegaT's glossary: source, target, comment.
    OmegaT,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 7] = [
        Format::Jsonl,
        Format::Json,
        Format::Tsv,
        Format::Csv,
        Format::Tbx,
        Format::Utx,
        Format::OmegaT,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Tbx => "tbx",
            Format::Utx => "utx",
            Format::OmegaT => "omegat",
        }
    }

    /// The format named `name`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name.to_ascii_lowercase())
    }

    /// The format a file name implies: `.jsonl`, `.json`, `.tsv`, `.csv`,
    /// `.tbx` (or `.xml`), `.utx`, and `.txt` or `.tab` for OmegaT.
    pub fn from_path(path: &Path) -> Result<Format, Error> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        EXTENSIONS
            .iter()
            .find(|(e, _)| *e == ext)
            .map(|&(_, format)| format)
            .ok_or_else(|| {
                // Said for every command that reads a glossary: most take
                // only `--glossary FILE`, so the way out is the file name.
                let known: Vec<String> = Format::ALL
                    .iter()
                    .map(|&f| {
                        let names: Vec<String> = EXTENSIONS
                            .iter()
                            .filter(|(_, g)| *g == f)
                            .map(|(e, _)| format!(".{e}"))
                            .collect();
                        format!("{} ({})", names.join(" or "), f.name())
                    })
                    .collect();
                Error::Format(format!(
                    "{}: cannot tell the glossary format from the file name, which should \
                     end in {}; `kotoba glossary convert` also takes the format as \
                     --from/--to",
                    path.display(),
                    known.join(", ")
                ))
            })
    }

    /// What the format cannot carry (empty when it carries everything).
    /// UTX and OmegaT rows have no escapes, so tabs and line breaks in their
    /// cells are written as spaces.
    pub fn drops(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Json | Format::Tsv | Format::Csv | Format::Tbx => "",
            Format::Utx => {
                "kana readings, domains, concepts without a term in both languages (a row is a \
                 translation pair), the status of an admitted term paired with a preferred one \
                 as its concept's approved pair (read back as preferred), the proposed status \
                 (written `provisional`, read back as admitted), the line between \
                 definition and note (a note follows the definition in the comment), and tabs \
                 or line breaks in definitions, terms and ids (written as spaces)"
            }
            Format::OmegaT => {
                "ids, statuses (deprecated terms are left out), kana readings, domains, the line \
                 between definition and note (a note follows the definition in the comment), and \
                 tabs or line breaks in definitions and terms (written as spaces)"
            }
        }
    }
}

/// Something a reader met in a file and could not keep, such as a TBX
/// language section in a third language or a note on a term: no error (the
/// rest reads as written, with or without `lenient`), but said, so that
/// nothing is lost unsaid. Shown as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The file.
    pub path: PathBuf,
    /// Line number, 1-based, where known.
    pub line: Option<usize>,
    /// The concept it is about; `None` for a note on the whole file (a
    /// count of what its entries lost).
    pub concept: Option<String>,
    /// What is not kept.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What [`import`] reads: the glossary, the bad entries skipped (with
/// `lenient`), and what the file holds that the glossary cannot keep.
#[derive(Debug, Default)]
pub struct Imported {
    /// The file read (as the reader was given it).
    pub path: PathBuf,
    /// The concepts read.
    pub glossary: Glossary,
    /// Bad entries skipped (only with `lenient`).
    pub problems: Vec<Error>,
    /// What was read and not kept (see [`Note`]).
    pub notes: Vec<Note>,
    /// The ids the reader made from a term, for concepts the file gives no
    /// id (OmegaT, an `en`/`ja` table, UTX rows without a `concept ID`, TBX
    /// entries without one): [`Imported::layer_onto`] merges these concepts
    /// into one of the same id rather than replacing it.
    pub generated_ids: Vec<String>,
}

impl Imported {
    /// Layers the concepts read over `base` (see
    /// [`Glossary::layer_merging`]): a concept whose id the file gives
    /// replaces the one of that id; one whose id was made from its term
    /// merges into it (its terms first, the other's kept), each merge a
    /// [`Note`] added to `self.notes`. Returns the ids replaced.
    pub fn layer_onto(&mut self, base: &mut Glossary) -> Vec<String> {
        let generated: std::collections::HashSet<&str> =
            self.generated_ids.iter().map(String::as_str).collect();
        let layered = base.layer_merging(std::mem::take(&mut self.glossary), |id| {
            generated.contains(id)
        });
        let path = self.path.clone();
        self.notes.extend(layered.merged.into_iter().map(|id| Note {
            path: path.clone(),
            line: None,
            message: format!(
                "concept `{id}` (its id made from its term, as the file gives none) is merged \
                 into the concept `{id}` read before: the file's terms come first with their \
                 statuses, that concept's other terms are kept (give an id to replace it)"
            ),
            concept: Some(id),
        }));
        layered.replaced
    }
}

/// Reads a glossary in `format` from `text`. With `lenient`, bad entries are
/// returned as problems and the rest is kept; otherwise the first problem is
/// the error and nothing is loaded. What the file holds that the glossary
/// has no place for is dropped; [`import`] says what.
pub fn read(
    text: &str,
    format: Format,
    path: &Path,
    lenient: bool,
) -> Result<(Glossary, Vec<Error>), Error> {
    import(text, format, path, lenient).map(|i| (i.glossary, i.problems))
}

/// [`read`], with the [`Note`]s of what was read and not kept (TBX: language
/// sections in other languages than English and Japanese, notes on terms,
/// contexts, sources and parts of speech).
pub fn import(text: &str, format: Format, path: &Path, lenient: bool) -> Result<Imported, Error> {
    // No text at all, said the same way in every format (each reader had
    // its own word for it, and two took it for a glossary of nothing).
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::parse(path, Some(1), "empty file (no concepts)"));
    }
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut generated_ids = Vec::new();
    let glossary = match format {
        Format::Jsonl => json::read_jsonl(text, path, &mut problems)?,
        Format::Json => json::read_json(text, path, &mut problems)?,
        Format::Tsv => table::read(
            text,
            b'\t',
            path,
            &mut problems,
            &mut notes,
            &mut generated_ids,
        )?,
        Format::Csv => {
            let (text, delimiter) = csv_delimiter(text);
            table::read(
                &text,
                delimiter,
                path,
                &mut problems,
                &mut notes,
                &mut generated_ids,
            )?
        }
        Format::Tbx => tbx::read_all(text, path, &mut problems, &mut notes, &mut generated_ids)?,
        Format::Utx => utx::read_all(text, path, &mut problems, &mut generated_ids)?,
        Format::OmegaT => {
            let g = omegat::read(text, path, &mut problems)?;
            // OmegaT has no ids: every one is made from a term.
            generated_ids.extend(g.concepts.iter().map(|c| c.id.clone()));
            g
        }
    };
    let mut kept = Glossary::default();
    // Readers that know lines (JSON Lines and arrays, tables, TBX) have
    // reported their duplicates already; this catches the others' (UTX,
    // OmegaT), without a line.
    let mut seen = std::collections::HashMap::new();
    for mut c in glossary.concepts {
        tidy(&mut c);
        for p in c.drop_empty_terms() {
            problems.push(Error::parse(path, None, p));
        }
        match c.problem() {
            Some(p) => problems.push(Error::parse(path, None, p)),
            None => match duplicate(&mut seen, &c.id, path, None) {
                Some(e) => problems.push(e),
                None => kept.concepts.push(c),
            },
        }
    }
    if !lenient && !problems.is_empty() {
        return Err(problems.swap_remove(0));
    }
    Ok(Imported {
        path: path.to_path_buf(),
        glossary: kept,
        problems,
        notes,
        generated_ids,
    })
}

/// The error for a concept id met before in the same file, or `None` (and
/// the id noted, with its line) the first time. Layering replaces a concept
/// by id across files; within one file a second concept with the same id is
/// almost always a mistake, and it would silently replace the first.
fn duplicate(
    seen: &mut std::collections::HashMap<String, Option<usize>>,
    id: &str,
    path: &Path,
    line: Option<usize>,
) -> Option<Error> {
    match seen.get(id) {
        None => {
            seen.insert(id.to_string(), line);
            None
        }
        Some(first) => {
            let first = first
                .map(|l| format!(" (first at line {l})"))
                .unwrap_or_default();
            Some(Error::parse(
                path,
                line,
                format!("duplicate concept id `{id}`{first}"),
            ))
        }
    }
}

/// Drops the white space around every field of `c` (which some formats
/// cannot keep: TSV and CSV cells are trimmed, and so is XML text), and
/// makes an empty reading none (which TSV and CSV cannot tell apart).
fn tidy(c: &mut crate::Concept) {
    fn trim(s: &mut String) {
        let t = s.trim();
        if t.len() != s.len() {
            *s = t.to_string();
        }
    }
    trim(&mut c.id);
    trim(&mut c.domain);
    trim(&mut c.definition);
    trim(&mut c.note);
    for t in c.en.iter_mut().chain(c.ja.iter_mut()) {
        trim(&mut t.term);
        if let Some(r) = t.reading.as_mut() {
            trim(r);
        }
        if t.reading.as_deref() == Some("") {
            t.reading = None;
        }
        if let Some(n) = t.note.as_mut() {
            trim(n);
        }
        if t.note.as_deref() == Some("") {
            t.note = None;
        }
    }
}

/// Writes a glossary in `format`.
pub fn write(glossary: &Glossary, format: Format) -> String {
    match format {
        Format::Jsonl => json::write_jsonl(glossary),
        Format::Json => json::write_json(glossary),
        Format::Tsv => table::write(glossary, b'\t'),
        Format::Csv => table::write(glossary, b','),
        Format::Tbx => tbx::write(glossary),
        Format::Utx => utx::write(glossary),
        Format::OmegaT => omegat::write(glossary),
    }
}

/// How many terms of `glossary` [`write()`] leaves out in `format`: in
/// OmegaT, whose rows have no status, the deprecated terms (a row would
/// offer them as translations) and, of a concept without an English term
/// to pair them with, the Japanese terms after the first; in UTX, the terms
/// of concepts without a term in both languages (see [`utx_unpaired`]).
/// The other formats write every term (0).
pub fn left_out_terms(glossary: &Glossary, format: Format) -> usize {
    glossary
        .concepts
        .iter()
        .map(|c| match format {
            Format::OmegaT => {
                let usable = |ts: &[Term]| {
                    ts.iter()
                        .filter(|t| t.status != crate::Status::Deprecated)
                        .count()
                };
                let (en, ja) = (usable(&c.en), usable(&c.ja));
                let deprecated = c.en.len() + c.ja.len() - en - ja;
                deprecated + if en == 0 { ja.saturating_sub(1) } else { 0 }
            }
            Format::Utx if c.en.is_empty() || c.ja.is_empty() => c.en.len() + c.ja.len(),
            _ => 0,
        })
        .sum()
}

/// How [`write_with`] writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Start CSV and TSV output with a UTF-8 byte-order mark: Excel on
    /// Windows reads a file without one in the local code page (mojibake).
    /// Other formats ignore it. Off by default.
    pub bom: bool,
}

impl WriteOptions {
    /// The options with `bom` set as given.
    pub fn bom(self, bom: bool) -> WriteOptions {
        WriteOptions { bom }
    }
}

/// Writes a glossary in `format` as [`write()`] does, with `options`.
pub fn write_with(glossary: &Glossary, format: Format, options: WriteOptions) -> String {
    let text = write(glossary, format);
    if options.bom && matches!(format, Format::Csv | Format::Tsv) {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

/// The separator of a CSV file and its text to read: Excel writes `;` where
/// the decimal mark is a comma (much of Europe), sometimes after a first line
/// `sep=;` naming it, which is left out (lines keep their numbers). A header
/// with a `;` and no `,` is read as separated by `;`.
fn csv_delimiter(text: &str) -> (Cow<'_, str>, u8) {
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim_end_matches('\r');
    if let Some(sep) = first.strip_prefix("sep=")
        && let [b] = sep.as_bytes()
        && b.is_ascii_punctuation()
    {
        // The line break stays: the lines after it keep their numbers.
        return (Cow::Borrowed(&text[first_end..]), *b);
    }
    if !first.contains(',') && first.contains(';') {
        return (Cow::Borrowed(text), b';');
    }
    (Cow::Borrowed(text), b',')
}

/// Reads a glossary file, its format from `format` or its name.
pub fn read_file(
    path: &Path,
    format: Option<Format>,
    lenient: bool,
) -> Result<(Glossary, Vec<Error>), Error> {
    import_file(path, format, lenient).map(|i| (i.glossary, i.problems))
}

/// [`read_file`], with the [`Note`]s of what was read and not kept.
pub fn import_file(path: &Path, format: Option<Format>, lenient: bool) -> Result<Imported, Error> {
    // A folder is said to be one, before its name is judged as a file's.
    if path.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory, not a glossary file",
            ),
        });
    }
    let format = match format {
        Some(f) => f,
        None => Format::from_path(path)?,
    };
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // A spreadsheet's "Unicode text" is UTF-16 with a byte-order mark.
    let text = match kotoba_text::encoding::decode_utf16_with_bom(&bytes) {
        Some(decoded) => decoded.map_err(|e| Error::parse(path, None, e.to_string()))?,
        None => String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Error::parse(path, Some(line), not_utf8(e.as_bytes(), path))
        })?,
    };
    import(
        text.strip_prefix('\u{feff}').unwrap_or(&text),
        format,
        path,
        lenient,
    )
}

/// Why a file that is not UTF-8 is refused, and how to convert it: a
/// spreadsheet in Japan saves CSV in Shift_JIS (Windows' CP932), older
/// Unix files are EUC-JP, and Western text saved on Windows is Windows-1252.
/// (kotoba_text's encoding module tells UTF-16 only.)
fn not_utf8(bytes: &[u8], path: &Path) -> String {
    let name = path.display();
    let iconv = |from: &str| {
        format!("; convert it to UTF-8 first, e.g. iconv -f {from} -t UTF-8 {name} > {name}.utf8")
    };
    // Text that reads both ways is EUC-JP when Shift_JIS would make it
    // half-width katakana only (EUC-JP's kanji bytes are such katakana).
    let sjis = shift_jis_evidence(bytes);
    let euc = japanese_multibyte(bytes, euc_jp_char).is_some();
    match sjis {
        Some(wide) if wide > 0 || !euc => format!(
            "not UTF-8: the file looks like Shift_JIS (as Excel saves CSV in Japan){}",
            iconv("CP932")
        ),
        _ if euc => format!("not UTF-8: the file looks like EUC-JP{}", iconv("EUC-JP")),
        _ if windows_1252_text(bytes) => format!(
            "not UTF-8: the file looks like Windows-1252 or Latin-1 (Western European \
             text saved on Windows){}",
            iconv("CP1252")
        ),
        _ => "invalid UTF-8: glossary files are read as UTF-8 (or UTF-16 with a byte-order \
              mark)"
            .to_string(),
    }
}

/// Whether `bytes` read through as ASCII and the multibyte characters
/// `char_len` measures (the bytes of one at the start, or `None` where none
/// starts), with at least one such character: then how many of them are of
/// two bytes or more.
fn japanese_multibyte(bytes: &[u8], char_len: fn(&[u8]) -> Option<usize>) -> Option<usize> {
    let (mut i, mut multibyte, mut wide) = (0, false, 0);
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let n = char_len(&bytes[i..])?;
        multibyte = true;
        wide += usize::from(n > 1);
        i += n;
    }
    multibyte.then_some(wide)
}

/// Whether `bytes` read as Shift_JIS with evidence of Japanese, and then
/// how many double-byte characters they hold. Reading through is not
/// enough: a trail byte may be ASCII, so Windows-1252's `Côte d’Ivoire`
/// (`\xf4t`, `\x92I`) reads as two kanji, and Latin-1's capitals
/// (0xC0–0xDF) as half-width katakana; iconv -f CP932 made mojibake of
/// them. Evidence is kana (lead 0x82 or 0x83 with a trail byte of 0x80 or
/// more), or two double-byte characters or two half-width katakana in a
/// row. (Not a share of pairs with ASCII trail bytes: katakana アーミ all
/// have one, so a file of katakana terms has nothing else.)
fn shift_jis_evidence(bytes: &[u8]) -> Option<usize> {
    let (mut i, mut wide) = (0, 0);
    let mut evidence = false;
    // The width of the character just before, if it was not ASCII.
    let mut previous: Option<usize> = None;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            previous = None;
            i += 1;
            continue;
        }
        let n = shift_jis_char(&bytes[i..])?;
        let trail = bytes.get(i + 1).copied().unwrap_or(0);
        if n == 2 {
            wide += 1;
            evidence |= matches!(bytes[i], 0x82 | 0x83) && trail >= 0x80;
        }
        evidence |= previous == Some(n);
        previous = Some(n);
        i += n;
    }
    evidence.then_some(wide)
}

/// The length of the Shift_JIS (CP932) character a non-ASCII byte starts:
/// a half-width katakana, or a lead byte and its trail byte.
fn shift_jis_char(b: &[u8]) -> Option<usize> {
    match (b[0], b.get(1)) {
        (0xa1..=0xdf, _) => Some(1),
        (0x81..=0x9f | 0xe0..=0xfc, Some(0x40..=0x7e | 0x80..=0xfc)) => Some(2),
        _ => None,
    }
}

/// Whether `bytes` may be Windows-1252 (or Latin-1) text: no NUL or other
/// control character but tab and line breaks (those are a binary file or
/// UTF-16 without a byte-order mark), and none of the five bytes
/// Windows-1252 leaves undefined.
fn windows_1252_text(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| {
        !matches!(b, 0x00..=0x08 | 0x0b | 0x0e..=0x1f | 0x7f | 0x81 | 0x8d | 0x8f | 0x90 | 0x9d)
    })
}

/// The length of the EUC-JP character a non-ASCII byte starts.
fn euc_jp_char(b: &[u8]) -> Option<usize> {
    match (b[0], b.get(1), b.get(2)) {
        (0x8e, Some(0xa1..=0xdf), _) => Some(2),
        (0x8f, Some(0xa1..=0xfe), Some(0xa1..=0xfe)) => Some(3),
        (0xa1..=0xfe, Some(0xa1..=0xfe), _) => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Status, default_glossary};

    /// A folder given as a glossary was judged by its name ("cannot tell the
    /// glossary format"), not said to be a folder (a review found it).
    #[test]
    fn a_folder_is_no_glossary_file() {
        let dir = std::env::temp_dir();
        let err = read_file(&dir, None, false).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("is a directory, not a glossary file")),
            "{err:?}"
        );
    }

    /// An empty file was a glossary of nothing in two formats and an error
    /// with a message of its own in each of the others (a review found it).
    #[test]
    fn an_empty_file_is_the_same_error_in_every_format() {
        use Format::*;
        for format in [Jsonl, Json, Tsv, Csv, Tbx, Utx, OmegaT] {
            for text in ["", " \n\n", "\u{feff}\n"] {
                let err = read(text, format, Path::new("g"), false).err();
                assert_eq!(
                    err.map(|e| e.to_string()),
                    Some("g:1: empty file (no concepts)".to_string()),
                    "{format:?} {text:?}"
                );
            }
        }
    }

    /// A concept id twice in one file replaced the first concept silently;
    /// it is an error naming the lines where the format has them, and
    /// `lenient` keeps the first concept.
    #[test]
    fn a_duplicate_id_in_one_file_is_an_error() -> Result<(), Error> {
        let c = |id: &str, en: &str| {
            format!(r#"{{"id":"{id}","en":[{{"term":"{en}","status":"preferred"}}]}}"#)
        };
        let jsonl = [
            c("c1", "rules of origin"),
            c("c3", "the"),
            c("c1", "origin"),
        ]
        .join("\n");
        // One entry a line, as JSON is mostly written: each is named by its.
        let json = format!(
            "[\n{}\n]",
            [c("c1", "rules of origin"), c("c1", "origin")].join(",\n")
        );
        for (text, format, message) in [
            (
                jsonl.as_str(),
                Format::Jsonl,
                "g:3: duplicate concept id `c1` (first at line 1)",
            ),
            (
                json.as_str(),
                Format::Json,
                "g:3: duplicate concept id `c1` (first at line 2)",
            ),
        ] {
            let err = read(text, format, Path::new("g"), false)
                .err()
                .map(|e| e.to_string());
            assert_eq!(err.as_deref(), Some(message));
            let (g, problems) = read(text, format, Path::new("g"), true)?;
            assert_eq!(problems.len(), 1);
            assert_eq!(
                g.get("c1").map(|c| c.en[0].term.as_str()),
                Some("rules of origin")
            );
            // The format written from what was kept has one `c1`, in TBX too.
            let (_, problems) = read(&write(&g, Format::Tbx), Format::Tbx, Path::new("g"), false)?;
            assert!(problems.is_empty());
        }
        Ok(())
    }

    #[test]
    fn lossless_formats_round_trip_the_default_glossary() -> Result<(), Error> {
        let g = default_glossary()?.clone();
        assert_lossless_round_trips(&g)
    }

    /// Writes `g` in every lossless format and reads it back unchanged.
    fn assert_lossless_round_trips(g: &Glossary) -> Result<(), Error> {
        for f in [
            Format::Jsonl,
            Format::Json,
            Format::Tsv,
            Format::Csv,
            Format::Tbx,
        ] {
            let text = write(g, f);
            let (back, problems) = read(&text, f, Path::new("x"), false)?;
            assert!(problems.is_empty(), "{}: {problems:?}", f.name());
            assert_eq!(&back, g, "{} does not round-trip:\n{text}", f.name());
        }
        Ok(())
    }

    /// Definitions with line breaks, tabs and backslashes, and fields with
    /// white space around them, as JSON holds them: TSV turned the breaks
    /// and tabs into spaces, and every format but JSON dropped the spaces,
    /// so a glossary read back from TSV, CSV or TBX differed.
    #[test]
    fn awkward_text_round_trips_in_every_lossless_format() -> Result<(), Error> {
        let term = |t: &str, reading: Option<&str>, status| crate::Term {
            term: t.into(),
            reading: reading.map(String::from),
            status,
            note: None,
        };
        let written = Glossary {
            concepts: vec![
                crate::Concept {
                    id: " tariff ".into(),
                    domain: " trade\tpolicy ".into(),
                    definition: "  A tax on imports.\nLevied at the border;\r\n\
                                 see \"duty\", \\n, C:\\temp & <b>.\u{2028}Or\u{85}not.\t "
                        .into(),
                    note: " machine proposal:\tscore <0.5> & more;\nsee C:\\x ".into(),
                    en: vec![term(" tariff\\duty ", None, crate::Status::Preferred)],
                    ja: vec![
                        term("関税", Some(" かんぜい "), crate::Status::Admitted),
                        term("税", Some(""), crate::Status::Deprecated),
                    ],
                },
                crate::Concept {
                    id: "levy".into(),
                    domain: String::new(),
                    definition: "\\\\server\\share\\".into(),
                    note: String::new(),
                    en: vec![term("levy", None, crate::Status::Preferred)],
                    ja: vec![],
                },
            ],
        };
        // As imported from JSON Lines: surrounding space and empty readings go.
        let (g, _) = read(
            &write(&written, Format::Jsonl),
            Format::Jsonl,
            Path::new("g.jsonl"),
            false,
        )?;
        let c = &g.concepts[0];
        assert_eq!(c.id, "tariff");
        assert_eq!(c.domain, "trade\tpolicy");
        assert_eq!(
            c.definition,
            "A tax on imports.\nLevied at the border;\r\nsee \"duty\", \\n, C:\\temp & <b>.\u{2028}Or\u{85}not."
        );
        assert_eq!(c.note, "machine proposal:\tscore <0.5> & more;\nsee C:\\x");
        assert_eq!(c.en[0].term, "tariff\\duty");
        assert_eq!(c.ja[0].reading.as_deref(), Some("かんぜい"));
        assert_eq!(c.ja[1].reading, None);
        assert_lossless_round_trips(&g)?;
        // TSV rows stay rows, for readers that split lines at U+2028 or NEL
        // too; TBX writes \r as a character reference, which every XML
        // reader keeps (a raw one is read as \n).
        let tsv = write(&g, Format::Tsv);
        assert!(tsv.lines().all(|l| l.split('\t').count() == 9), "{tsv}");
        assert!(!tsv.contains(|c| is_line_break(c) && c != '\n'), "{tsv}");
        assert!(!write(&g, Format::Tbx).contains('\r'));
        Ok(())
    }

    #[test]
    fn lossy_formats_keep_terms_and_say_what_they_drop() -> Result<(), Error> {
        let g = default_glossary()?.clone();
        for f in [Format::Utx, Format::OmegaT] {
            assert!(!f.drops().is_empty());
            let (back, _) = read(&write(&g, f), f, Path::new("x"), false)?;
            // OmegaT leaves deprecated terms out (it carries no status).
            let kept = |t: &&crate::Term| f != Format::OmegaT || t.status != Status::Deprecated;
            let terms = |g: &Glossary| {
                let mut v: Vec<String> = g
                    .concepts
                    .iter()
                    .flat_map(|c| c.en.iter().chain(&c.ja))
                    .filter(kept)
                    .map(|t| t.term.clone())
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            assert_eq!(terms(&back), terms(&g), "{} loses terms", f.name());
        }
        Ok(())
    }

    /// UTX and OmegaT have no escapes: a definition's line breaks and tabs
    /// come back as spaces, and the format says so (its note, printed by
    /// `convert`, named readings and domains only).
    #[test]
    fn lossy_formats_say_that_line_breaks_become_spaces() -> Result<(), Error> {
        let g = Glossary {
            concepts: vec![crate::Concept {
                id: "tariff".into(),
                domain: String::new(),
                definition: "A tax on imports.\nLevied\tat the border.".into(),
                note: String::new(),
                en: vec![crate::Term {
                    term: "tariff".into(),
                    reading: None,
                    status: crate::Status::Preferred,
                    note: None,
                }],
                // UTX writes no concept with a side empty.
                ja: vec![crate::Term {
                    term: "関税".into(),
                    reading: None,
                    status: crate::Status::Preferred,
                    note: None,
                }],
            }],
        };
        for f in [Format::Utx, Format::OmegaT] {
            let (back, _) = read(&write(&g, f), f, Path::new("x"), false)?;
            assert_eq!(
                back.concepts[0].definition,
                "A tax on imports. Levied at the border.",
                "{}",
                f.name()
            );
            assert!(
                f.drops().contains("tabs or line breaks in definitions"),
                "{}: {}",
                f.name(),
                f.drops()
            );
        }
        Ok(())
    }

    #[test]
    fn plain_cells_have_no_tabs_or_line_breaks() {
        assert_eq!(plain_tsv_cell("plain 関税"), "plain 関税");
        assert!(matches!(plain_tsv_cell("plain"), Cow::Borrowed(_)));
        assert_eq!(
            plain_tsv_cell(
                "a\tb\r\nc\nd\re\u{0b}f\u{0c}g\u{1c}h\u{1d}i\u{1e}j\u{85}k\u{2028}l\u{2029}m"
            ),
            "a b c d e f g h i j k l m"
        );
        // Python's str.splitlines() splits on every one of them.
        for c in [
            '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
        ] {
            assert!(is_line_break(c), "{c:?}");
        }
        assert!(!is_line_break('\t') && !is_line_break(' ') && !is_line_break('\u{3000}'));
    }

    /// UTX and OmegaT rows stay rows whatever line separator a field holds
    /// (U+2028, NEL, vertical tab and form feed went out as they were).
    #[test]
    fn lossy_formats_write_every_line_separator_as_a_space() -> Result<(), Error> {
        let g = Glossary {
            concepts: vec![crate::Concept {
                id: "tariff".into(),
                domain: String::new(),
                definition: "A tax.\u{2028}Levied\u{85}at\u{0b}the\u{0c}border\r\nhere.".into(),
                note: String::new(),
                en: vec![crate::Term {
                    term: "tariff\u{2029}duty".into(),
                    reading: None,
                    status: crate::Status::Preferred,
                    note: None,
                }],
                ja: vec![crate::Term {
                    term: "関税".into(),
                    reading: None,
                    status: crate::Status::Preferred,
                    note: None,
                }],
            }],
        };
        for f in [Format::Utx, Format::OmegaT] {
            let text = write(&g, f);
            assert!(
                !text.contains(|c| is_line_break(c) && c != '\n'),
                "{text:?}"
            );
            let (back, problems) = read(&text, f, Path::new("x"), false)?;
            assert!(problems.is_empty(), "{problems:?}");
            let c = &back.concepts[0];
            assert_eq!(c.definition, "A tax. Levied at the border here.");
            assert_eq!(c.en[0].term, "tariff duty");
            assert_eq!(c.ja[0].term, "関税");
        }
        Ok(())
    }

    /// Every other reader refused an empty term (TSV: `row needs an id and
    /// a term`; TBX: `empty <term>`) while JSON took it, so a glossary
    /// loaded from JSON could not be written to them and read back.
    #[test]
    fn a_bad_entry_of_a_json_array_is_named_by_line_and_skipped_with_lenient() -> Result<(), Error>
    {
        let text = "[\n {\"id\":\"a\",\"en\":[{\"term\":\"apple\",\"status\":\"preferred\"}]},\n \
                    {\"id\":\"b\",\"en\":[{\"term\":\"pear\",\"status\":\"best\"}]}\n]\n";
        let err = read(text, Format::Json, Path::new("g.json"), false)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("g.json:3: not a concept: unknown status `best` (preferred"),
            "{err}"
        );
        assert!(err.ends_with(", column 48"), "{err}");
        let (g, problems) = read(text, Format::Json, Path::new("g.json"), true)?;
        assert_eq!(problems.len(), 1);
        assert_eq!(g.concepts.len(), 1);
        // JSON Lines gives one line, not the line and serde's `line 1`.
        let jsonl = "{\"id\":\"a\",\"en\":[{\"term\":\"pear\",\"status\":\"best\"}]}\n";
        let err = read(jsonl, Format::Jsonl, Path::new("g.jsonl"), false)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("g.jsonl:1: not a concept: unknown status `best`"),
            "{err}"
        );
        assert!(!err.contains("at line"), "{err}");
        Ok(())
    }

    #[test]
    fn empty_terms_are_refused_in_json_too() -> Result<(), Error> {
        let jsonl = "{\"id\":\"a\",\"en\":[{\"term\":\"tariff\",\"status\":\"preferred\"}]}\n\
                     {\"id\":\"t\",\"en\":[{\"term\":\"tariff\",\"status\":\"preferred\"},\
                     {\"term\":\" \",\"status\":\"admitted\"}],\
                     \"ja\":[{\"term\":\"関税\",\"status\":\"preferred\"}]}\n";
        let message = |r: Result<(Glossary, Vec<Error>), Error>| {
            r.err().map(|e| e.to_string()).unwrap_or_default()
        };
        assert_eq!(
            message(read(jsonl, Format::Jsonl, Path::new("g.jsonl"), false)),
            "g.jsonl:2: concept `t`: en term 2 is empty"
        );
        let json = format!(
            "[{}]",
            jsonl.trim_end().lines().collect::<Vec<_>>().join(",")
        );
        assert_eq!(
            message(read(&json, Format::Json, Path::new("g.json"), false)),
            "g.json:1: concept `t`: en term 2 is empty"
        );
        // Lenient: the empty term goes, as a bad TSV row or TBX term does;
        // the concept stays with its other terms.
        for (text, format) in [(jsonl, Format::Jsonl), (json.as_str(), Format::Json)] {
            let (g, problems) = read(text, format, Path::new("g"), true)?;
            assert_eq!(problems.len(), 1, "{problems:?}");
            let t = g.get("t").map(|c| (c.en.len(), c.ja.len()));
            assert_eq!(t, Some((1, 1)));
            // What is kept is what TSV and TBX carry back.
            for f in [Format::Tsv, Format::Tbx] {
                let (back, problems) = read(&write(&g, f), f, Path::new("x"), false)?;
                assert!(problems.is_empty());
                assert_eq!(back, g, "{}", f.name());
            }
        }
        Ok(())
    }

    /// Excel saves "Unicode text" as UTF-16 with a byte-order mark: read
    /// like the same table in UTF-8, in either byte order.
    #[test]
    fn utf16_tables_read_like_utf8_ones() -> Result<(), Error> {
        let dir = tempfile::tempdir().map_err(|source| Error::Io {
            path: "tempdir".into(),
            source,
        })?;
        let table = "en\tja\r\ntrade surplus\t貿易黒字\r\n";
        let write = |name: &str, bytes: Vec<u8>| -> Result<std::path::PathBuf, Error> {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            Ok(path)
        };
        let utf8 = write("utf8.tsv", table.as_bytes().to_vec())?;
        let le = kotoba_text::encoding::encode_utf16_with_bom(table, true);
        let be = kotoba_text::encoding::encode_utf16_with_bom(table, false);
        let (expected, _) = read_file(&utf8, None, false)?;
        assert_eq!(expected.concepts.len(), 1);
        for path in [write("le.tsv", le)?, write("be.tsv", be)?] {
            let (glossary, problems) = read_file(&path, None, false)?;
            assert_eq!(glossary, expected);
            assert!(problems.is_empty());
        }
        let mut odd = kotoba_text::encoding::encode_utf16_with_bom(table, true);
        odd.push(0);
        let odd = write("odd.tsv", odd)?;
        let err = read_file(&odd, None, false).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("odd.tsv") && e.contains("odd number of bytes")),
            "{err:?}"
        );
        Ok(())
    }

    /// JSON without a term's `status` failed (`missing field`) where a
    /// table's empty status cell reads as admitted: both read as admitted.
    #[test]
    fn a_term_without_a_status_is_admitted_in_json_too() -> Result<(), Error> {
        let text = "{\"id\":\"a\",\"en\":[{\"term\":\"x\"}],\"ja\":[]}\n";
        let (g, problems) = read(text, Format::Jsonl, Path::new("s.jsonl"), false)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(g.concepts[0].en[0].status, Status::Admitted);
        Ok(())
    }

    /// European Excel separates CSV cells with `;`, sometimes after a line
    /// `sep=;`: the header was refused as naming no `en` and `ja` columns.
    #[test]
    fn semicolon_csv_reads_like_comma_csv() -> Result<(), Error> {
        let comma = read(
            "en,ja\r\nsafeguard,セーフガード\r\n",
            Format::Csv,
            Path::new("a.csv"),
            false,
        )?;
        for text in [
            "\u{feff}en;ja\r\nsafeguard;セーフガード\r\n",
            "sep=;\r\nen;ja\r\nsafeguard;セーフガード\r\n",
        ] {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let (g, problems) = read(text, Format::Csv, Path::new("euro.csv"), false)?;
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(g, comma.0);
        }
        // Lines keep their numbers after `sep=;`.
        let err = read(
            "sep=;\nen;ja\na;b;c\n",
            Format::Csv,
            Path::new("e.csv"),
            false,
        )
        .err()
        .map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.contains("e.csv:3:")),
            "{err:?}"
        );
        Ok(())
    }

    /// The `note` column of a one-row-per-term table was the concept's:
    /// the first row's note went on every row and the second one's was
    /// lost, and TBX counted a term's note as not kept (a translator's
    /// review). Each term keeps its own note in every format.
    #[test]
    fn term_notes_are_kept_in_every_format() -> Result<(), Error> {
        let text = "id,lang,term,status,note\nrice,en,rice,preferred,\n\
                    rice,ja,コメ,preferred,Katakana in trade texts\n\
                    rice,ja,米,deprecated,Ambiguous: 米 = USA\n";
        let imported = import(text, Format::Csv, Path::new("notes.csv"), false)?;
        assert!(imported.notes.is_empty(), "{:?}", imported.notes);
        let g = imported.glossary;
        let notes = |g: &Glossary| -> Vec<(String, Option<String>)> {
            g.concepts
                .iter()
                .flat_map(|c| c.en.iter().chain(&c.ja))
                .map(|t| (t.term.clone(), t.note.clone()))
                .collect()
        };
        let want = [
            ("rice".to_string(), None),
            (
                "コメ".to_string(),
                Some("Katakana in trade texts".to_string()),
            ),
            ("米".to_string(), Some("Ambiguous: 米 = USA".to_string())),
        ];
        assert_eq!(notes(&g), want);
        assert_eq!(g.concepts[0].note, "");
        let csv = write(&g, Format::Csv);
        assert!(
            csv.contains(",ja,コメ,,preferred,Katakana in trade texts\n"),
            "{csv}"
        );
        assert!(
            csv.contains(",ja,米,,deprecated,Ambiguous: 米 = USA\n"),
            "{csv}"
        );
        // The concept's note beside the terms' own, through every format.
        let mut g = g;
        g.concepts[0].note = "checked 2026".into();
        g.concepts[0].en[0].note = Some("the grain".into());
        assert_lossless_round_trips(&g)?;
        for f in [Format::Utx, Format::OmegaT] {
            let (back, problems) = read(&write(&g, f), f, Path::new("x"), false)?;
            assert!(problems.is_empty(), "{problems:?}");
            // OmegaT leaves deprecated terms out, with their notes.
            let kept: Vec<_> = notes(&g)
                .into_iter()
                .filter(|(t, _)| f != Format::OmegaT || t != "米")
                .collect();
            assert_eq!(notes(&back), kept, "{}", f.name());
            // A concept's note without a definition is the comment.
            assert_eq!(back.concepts[0].definition, "checked 2026", "{}", f.name());
        }
        Ok(())
    }

    /// A later row of a concept giving another domain or definition was
    /// dropped without a word: it is a note naming the file and line.
    #[test]
    fn a_row_contradicting_its_concept_is_noted() -> Result<(), Error> {
        let text = "id,lang,term,domain,definition,note\n\
                    rice,en,rice,agriculture,The grain.,\n\
                    rice,ja,コメ,trade,The grain.,\n\
                    rice,ja,米,,The cereal.,\n";
        let imported = import(text, Format::Csv, Path::new("r.csv"), false)?;
        let notes: Vec<String> = imported.notes.iter().map(|n| n.to_string()).collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes[0].starts_with("r.csv:3: concept `rice`: the domain `trade` is not kept"),
            "{notes:?}"
        );
        assert!(
            notes[1].starts_with("r.csv:4: concept `rice`: the definition `The cereal.`"),
            "{notes:?}"
        );
        let c = &imported.glossary.concepts[0];
        assert_eq!((c.domain.as_str(), c.ja.len()), ("agriculture", 2));
        Ok(())
    }

    /// A table with the header kotoba wrote before terms had notes reads
    /// its `note` column as the concept's, as it was written.
    #[test]
    fn the_old_header_keeps_its_concept_notes() -> Result<(), Error> {
        let text = "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\tnote\n\
                    q\ttrade\tA limit.\ten\tquota\t\tpreferred\tmachine proposal\n\
                    q\ttrade\tA limit.\tja\t割当\t\tpreferred\tmachine proposal\n";
        let (g, _) = read(text, Format::Tsv, Path::new("old.tsv"), false)?;
        let c = &g.concepts[0];
        assert_eq!(c.note, "machine proposal");
        assert!(c.en.iter().chain(&c.ja).all(|t| t.note.is_none()));
        Ok(())
    }

    /// A one-row `en,ja` glossary `tariff,関税` replaced the built-in
    /// `tariff` and its variants (a translator's review): concepts whose
    /// ids were made from their terms merge into the built-in ones, said
    /// in a note; an id the file gives still replaces.
    #[test]
    fn made_ids_merge_into_the_built_in_concept() -> Result<(), Error> {
        let built_in = default_glossary()?;
        let before = built_in.get("tariff").map(|c| c.en.len() + c.ja.len());
        assert!(before.is_some_and(|n| n > 2), "{before:?}");
        for (text, format) in [
            ("en,ja\ntariff,関税\n", Format::Csv),
            ("tariff\t関税\n", Format::OmegaT),
            (
                "#UTX 1.20; en/ja\n#src\ttgt\tterm status\ntariff\t関税\tapproved\n",
                Format::Utx,
            ),
        ] {
            let mut g = built_in.clone();
            let mut imported = import(text, format, Path::new("p.csv"), false)?;
            assert_eq!(imported.generated_ids, ["tariff"], "{}", format.name());
            let replaced = imported.layer_onto(&mut g);
            assert!(replaced.is_empty(), "{replaced:?}");
            let c = g
                .get("tariff")
                .map(|c| (c.en.len() + c.ja.len(), c.ja[0].term.as_str()));
            assert_eq!(c, before.map(|n| (n, "関税")), "{}", format.name());
            let notes: Vec<String> = imported.notes.iter().map(|n| n.to_string()).collect();
            assert_eq!(notes.len(), 1, "{notes:?}");
            assert!(
                notes[0].starts_with("p.csv: concept `tariff` (its id made"),
                "{notes:?}"
            );
        }
        let mut g = built_in.clone();
        let mut imported = import(
            "id,en,ja\ntariff,tariff,関税\n",
            Format::Csv,
            Path::new("i.csv"),
            false,
        )?;
        assert!(imported.generated_ids.is_empty());
        assert_eq!(imported.layer_onto(&mut g), ["tariff"]);
        assert_eq!(g.get("tariff").map(|c| c.en.len() + c.ja.len()), Some(2));
        Ok(())
    }

    /// A Shift_JIS CSV failed with `invalid UTF-8` and no word of why
    /// (a translator's review): the error says what the file looks like
    /// and how to convert it.
    #[test]
    fn a_shift_jis_file_is_named_and_the_conversion_given() -> Result<(), Error> {
        let dir = tempfile::tempdir().map_err(|source| Error::Io {
            path: "tempdir".into(),
            source,
        })?;
        // `en,ja` / `tariff,関税` / `safeguard,ｾｰﾌｶﾞｰﾄﾞ` in Shift_JIS, and
        // 関税 in EUC-JP.
        let sjis: &[u8] =
            b"en,ja\ntariff,\x8a\xd6\x90\xc5\nsafeguard,\xbe\xb0\xcc\xde\xb0\xc4\xde\n";
        let euc: &[u8] = b"en,ja\ntariff,\xb4\xd8\xc0\xc7\n";
        let binary: &[u8] = b"en,ja\ntariff,\xff\xfe\x00\n";
        for (name, bytes, want) in [
            (
                "sjisg.csv",
                sjis,
                "sjisg.csv:2: not UTF-8: the file looks like Shift_JIS",
            ),
            (
                "euc.csv",
                euc,
                "euc.csv:2: not UTF-8: the file looks like EUC-JP",
            ),
            ("bin.csv", binary, "bin.csv:2: invalid UTF-8"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let err = read_file(&path, None, false)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            let err = err.replace(&format!("{}/", dir.path().display()), "");
            assert!(err.starts_with(want), "{err}");
            if name == "sjisg.csv" {
                assert!(err.contains("iconv -f CP932 -t UTF-8"), "{err}");
            }
        }
        Ok(())
    }

    /// Windows-1252 and Latin-1 text (`Côte d’Ivoire`, `naïve`, `Straße`)
    /// read through as Shift_JIS, an ASCII byte taken for a trail byte, and
    /// was named so: iconv -f CP932 made mojibake of it. Shift_JIS needs
    /// Japanese evidence; Western text is named Windows-1252.
    #[test]
    fn western_text_is_not_taken_for_shift_jis() {
        let path = Path::new("w.csv");
        for bytes in [
            &b"en,ja\nC\xf4te d\x92Ivoire,x\n"[..],
            b"en,ja\nna\xefve,x\n",
            b"en,ja\nStra\xdfe,x\n",
            b"en,ja\n10\xb0C,x\n",
            b"en,ja\n\x93caf\xe9\x94,x\n",
        ] {
            let message = not_utf8(bytes, path);
            assert!(
                message.starts_with("not UTF-8: the file looks like Windows-1252"),
                "{bytes:?}: {message}"
            );
            assert!(
                message.contains("iconv -f CP1252 -t UTF-8 w.csv"),
                "{message}"
            );
        }
        // Japanese: a kanji pair, katakana whose trail bytes are all ASCII
        // (セーフガード), hiragana alone, half-width katakana.
        for bytes in [
            &b"en,ja\ntariff,\x8a\xd6\x90\xc5\n"[..],
            b"en,ja\nsafeguard,\x83\x5a\x81\x5b\x83\x74\x83\x4b\x81\x5b\x83\x68\n",
            b"en,ja\nno,\x82\xcc\n",
            b"en,ja\nsafeguard,\xbe\xb0\xcc\xde\xb0\xc4\xde\n",
        ] {
            let message = not_utf8(bytes, path);
            assert!(
                message.starts_with("not UTF-8: the file looks like Shift_JIS"),
                "{bytes:?}: {message}"
            );
        }
        // A binary file is neither.
        assert!(not_utf8(b"a\x00\xff", path).starts_with("invalid UTF-8"));
    }

    /// `| x | y: note` panicked (begin > end) when one term (`x | y`) held
    /// another's marker (`| y: `): markers were found term by term and
    /// sorted. In an OmegaT row, a UTX row, and a glossary written from
    /// JSON Lines to OmegaT and UTX and read back.
    #[test]
    fn a_term_holding_another_terms_marker_keeps_its_note() -> Result<(), Error> {
        let terms = |g: &Glossary| -> Vec<(String, Option<String>)> {
            g.concepts
                .iter()
                .flat_map(|c| c.en.iter().chain(&c.ja))
                .map(|t| (t.term.clone(), t.note.clone()))
                .collect()
        };
        let pair = |en: &str, n: Option<&str>, ja: &str, m: Option<&str>| {
            vec![
                (en.to_string(), n.map(str::to_string)),
                (ja.to_string(), m.map(str::to_string)),
            ]
        };
        let (g, problems) = read(
            "x | y\ty\t| x | y: note\n",
            Format::OmegaT,
            Path::new("om.txt"),
            false,
        )?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(terms(&g), pair("x | y", Some("note"), "y", None));
        let (g, _) = read(
            "#UTX 1.20; en/ja\n#src\ttgt\tterm status\tcomment\nA | B\tB\tapproved\t| A | B: n\n",
            Format::Utx,
            Path::new("u.utx"),
            false,
        )?;
        assert_eq!(terms(&g), pair("A | B", Some("n"), "B", None));
        let jsonl = r#"{"id":"t","en":[{"term":"tariff | duty","status":"preferred","note":"n1"}],"ja":[{"term":"duty","status":"preferred","note":"n2"}]}"#;
        let (g, _) = read(jsonl, Format::Jsonl, Path::new("rt.jsonl"), false)?;
        for f in [Format::OmegaT, Format::Utx] {
            let (back, problems) = read(&write(&g, f), f, Path::new("rt"), false)?;
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(
                terms(&back),
                pair("tariff | duty", Some("n1"), "duty", Some("n2")),
                "{}",
                f.name()
            );
        }
        Ok(())
    }

    /// Property-style, over awkward terms, notes and comments: splitting
    /// never panics, its parts are in order, and what [`row_comment`]
    /// writes reads back unless it is ambiguous (a note or definition
    /// holding `|`; a term that is another term, or another's start and
    /// `: `, its marker at the same place).
    #[test]
    fn split_comment_reads_back_what_row_comment_writes() {
        const PIECES: [&str; 11] = [
            "x",
            "y",
            " | ",
            "|",
            ": ",
            ":",
            " ",
            "関税",
            "a b",
            "| y: ",
            "| x | y: ",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let text = |next: &mut dyn FnMut(usize) -> usize| {
            let n = next(5);
            (0..n)
                .map(|_| PIECES[next(PIECES.len())])
                .collect::<String>()
        };
        let term = |t: &str, note: &str| Term {
            term: t.to_string(),
            reading: None,
            status: crate::Status::Preferred,
            note: Some(note.to_string()).filter(|n| !n.is_empty()),
        };
        for _ in 0..20_000 {
            let (t0, t1) = (text(&mut next), text(&mut next));
            let (t0, t1) = (t0.trim(), t1.trim());
            // Any comment at all: no panic, and the parts are its own.
            let raw = text(&mut next);
            let (base, notes) = split_comment(&raw, &[t0, t1]);
            assert!(raw.contains(base), "{raw:?}");
            assert!(notes.iter().flatten().all(|n| raw.contains(n)), "{raw:?}");
            // What the writer writes.
            let (n0, n1, def) = (text(&mut next), text(&mut next), text(&mut next));
            let (n0, n1, def) = (n0.trim(), n1.trim(), def.trim());
            if t0.is_empty() || t1.is_empty() {
                continue;
            }
            let c = Concept {
                id: "c".into(),
                domain: String::new(),
                definition: def.to_string(),
                note: String::new(),
                en: vec![term(t0, n0)],
                ja: vec![term(t1, n1)],
            };
            let written = row_comment(&c, &[&c.en[0], &c.ja[0]]);
            let (base, notes) = split_comment(&written, &[t0, t1]);
            let marker = |t: &str| format!("| {t}: ");
            let ambiguous = [n0, n1, def].iter().any(|s| s.contains('|'))
                || marker(t0).starts_with(&marker(t1))
                || marker(t1).starts_with(&marker(t0));
            if !ambiguous {
                fn want(n: &str) -> Option<&str> {
                    Some(n).filter(|n| !n.is_empty())
                }
                assert_eq!(
                    (base, notes[0], notes[1]),
                    (def, want(n0), want(n1)),
                    "{written:?} {t0:?} {t1:?}"
                );
            }
        }
    }

    /// Excel on Windows shows a UTF-8 CSV without a byte-order mark as
    /// mojibake: the writer can start with one, and the readers skip it.
    #[test]
    fn csv_can_start_with_a_byte_order_mark() -> Result<(), Error> {
        let g = default_glossary()?;
        let plain = write(g, Format::Csv);
        assert_eq!(write_with(g, Format::Csv, WriteOptions::default()), plain);
        let marked = write_with(g, Format::Csv, WriteOptions::default().bom(true));
        assert_eq!(marked.strip_prefix('\u{feff}'), Some(plain.as_str()));
        // Not in formats where it has no use.
        let json = write_with(g, Format::Jsonl, WriteOptions::default().bom(true));
        assert!(!json.starts_with('\u{feff}'));
        let dir = tempfile::tempdir().map_err(|source| Error::Io {
            path: "tempdir".into(),
            source,
        })?;
        let path = dir.path().join("excel.csv");
        std::fs::write(&path, &marked).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let (back, _) = read_file(&path, None, false)?;
        assert_eq!(&back, g);
        Ok(())
    }

    /// `list --format omegat` left deprecated terms out without a word (a
    /// translator's review): the count of terms a format leaves out is
    /// there to say, and it is what is missing from the file.
    #[test]
    fn left_out_terms_are_counted() -> Result<(), Error> {
        let g = default_glossary()?;
        for f in Format::ALL {
            let (back, _) = read(&write(g, f), f, Path::new("x"), false)?;
            let left_out = left_out_terms(g, f);
            match f {
                Format::OmegaT | Format::Utx => {
                    // Terms written twice under two concepts read back as one.
                    let written: usize = g
                        .concepts
                        .iter()
                        .map(|c| c.en.len() + c.ja.len())
                        .sum::<usize>()
                        - left_out;
                    let read_back: usize =
                        back.concepts.iter().map(|c| c.en.len() + c.ja.len()).sum();
                    assert!(read_back <= written, "{}", f.name());
                    if f == Format::OmegaT {
                        let deprecated = g
                            .concepts
                            .iter()
                            .flat_map(|c| c.en.iter().chain(&c.ja))
                            .filter(|t| t.status == Status::Deprecated)
                            .count();
                        assert!(deprecated > 0 && left_out >= deprecated);
                    }
                }
                _ => assert_eq!(left_out, 0, "{}", f.name()),
            }
        }
        let one = Glossary {
            concepts: vec![crate::Concept {
                id: "bse".into(),
                domain: String::new(),
                definition: String::new(),
                note: String::new(),
                en: vec![],
                ja: ["牛海綿状脳症", "BSE", "狂牛病"]
                    .iter()
                    .zip([Status::Preferred, Status::Admitted, Status::Deprecated])
                    .map(|(t, status)| crate::Term {
                        term: t.to_string(),
                        reading: None,
                        status,
                        note: None,
                    })
                    .collect(),
            }],
        };
        // OmegaT writes 牛海綿状脳症 alone; UTX writes nothing.
        assert_eq!(write(&one, Format::OmegaT).lines().count(), 1);
        assert_eq!(left_out_terms(&one, Format::OmegaT), 2);
        assert_eq!(left_out_terms(&one, Format::Utx), 3);
        Ok(())
    }

    #[test]
    fn formats_from_names() -> Result<(), Error> {
        assert_eq!(Format::from_path(Path::new("a/b.TBX"))?, Format::Tbx);
        assert_eq!(Format::from_path(Path::new("g.utx"))?, Format::Utx);
        assert!(Format::from_path(Path::new("g.doc")).is_err());
        assert_eq!(Format::from_path(Path::new("g.NDJSON"))?, Format::Jsonl);
        assert_eq!(Format::from_path(Path::new("g.tab"))?, Format::OmegaT);
        Ok(())
    }

    #[test]
    fn an_unknown_name_is_told_the_names_that_work() {
        // Most commands take only `--glossary FILE`: the message is right for
        // them as for `convert`, the one command with --from/--to.
        let message = Format::from_path(Path::new("terms/g.doc"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.starts_with("terms/g.doc: cannot tell the glossary format from the file name"),
            "{message}"
        );
        for want in [
            ".jsonl or .ndjson (jsonl)",
            ".json (json)",
            ".tsv (tsv)",
            ".csv (csv)",
            ".tbx or .xml (tbx)",
            ".utx (utx)",
            ".txt or .tab (omegat)",
            "; `kotoba glossary convert` also takes the format as --from/--to",
        ] {
            assert!(message.contains(want), "{want}: {message}");
        }
        assert!(!message.contains("(use --from/--to"), "{message}");
        // Every format has a name that tells it.
        for f in Format::ALL {
            assert!(EXTENSIONS.iter().any(|(_, g)| *g == f), "{}", f.name());
        }
    }

    #[test]
    fn formats_from_names_agree_with_extensions() -> Result<(), Error> {
        for (ext, format) in EXTENSIONS {
            assert_eq!(Format::from_path(Path::new(&format!("g.{ext}")))?, format);
        }
        Ok(())
    }

    /// A glossary with machine proposals beside reviewed terms, as `glossary
    /// align` writes them and a reviewer edits them.
    fn with_proposals() -> Glossary {
        let term = |t: &str, reading: Option<&str>, status| crate::Term {
            term: t.into(),
            reading: reading.map(String::from),
            status,
            note: None,
        };
        Glossary {
            concepts: vec![
                crate::Concept {
                    id: "align-japanese".into(),
                    domain: String::new(),
                    definition: String::new(),
                    note: "machine proposal, not reviewed: score 0.8148".into(),
                    en: vec![term("Japanese", None, Status::Proposed)],
                    ja: vec![term("日本", Some("にほん"), Status::Proposed)],
                },
                crate::Concept {
                    id: "tariff".into(),
                    domain: "trade".into(),
                    definition: "A tax on imports.".into(),
                    note: String::new(),
                    en: vec![
                        term("tariff", None, Status::Preferred),
                        term("duty", None, Status::Proposed),
                    ],
                    ja: vec![
                        term("関税", Some("かんぜい"), Status::Preferred),
                        term("税", None, Status::Deprecated),
                    ],
                },
            ],
        }
    }

    /// Machine proposals went out as admitted terms (TBX) or provisional
    /// ones (UTX) and came back binding, so `check` reported them (a
    /// terminologist's review): every lossless format keeps `proposed`,
    /// byte for byte on a second round; UTX writes it `provisional`, read
    /// back as admitted (its `provisional` is kotoba's admitted), and
    /// OmegaT carries no status, both as their notes say.
    #[test]
    fn proposed_terms_round_trip_and_lossy_formats_say_they_are_lost() -> Result<(), Error> {
        let g = with_proposals();
        assert_lossless_round_trips(&g)?;
        for f in [
            Format::Jsonl,
            Format::Json,
            Format::Tsv,
            Format::Csv,
            Format::Tbx,
        ] {
            let text = write(&g, f);
            let (back, _) = read(&text, f, Path::new("x"), false)?;
            assert_eq!(write(&back, f), text, "{}", f.name());
        }
        let tsv = write(&g, Format::Tsv);
        assert!(tsv.contains("\ten\tJapanese\t\tproposed\t"), "{tsv}");
        let utx = write(&g, Format::Utx);
        assert!(
            utx.contains("Japanese\t日本\tnoun\tprovisional\talign-japanese"),
            "{utx}"
        );
        // The approved pair is the reviewed one; the proposed `duty`
        // follows as provisional.
        assert!(
            utx.contains("tariff\t関税\tnoun\tapproved\ttariff"),
            "{utx}"
        );
        assert!(
            utx.contains("duty\t関税\tnoun\tprovisional\ttariff"),
            "{utx}"
        );
        let (back, _) = read(&utx, Format::Utx, Path::new("x"), false)?;
        assert_eq!(back.concepts[0].en[0].status, Status::Admitted);
        assert!(
            Format::Utx
                .drops()
                .contains("the proposed status (written `provisional`, read back as admitted)")
        );
        assert!(Format::OmegaT.drops().contains("statuses"));
        Ok(())
    }
}
