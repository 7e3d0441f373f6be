//! Terminology checks of translations, as OmegaT and Xbench make them: for
//! each aligned pair, every glossary term found on one side must have one of
//! its concept's terms on the other; deprecated terms are flagged.

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::names::{TitleHeads, inside_a_longer_name};
use crate::normalize::is_cjk;
use crate::{Annotator, Error, Lang, Span, Status};
use kotoba_text::japanese_script as is_japanese;

/// One aligned segment pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Line of the pair in its file (1-based).
    pub line: usize,
    /// English side.
    pub en: String,
    /// Japanese side.
    pub ja: String,
}

/// What is wrong (more kinds may come: match with a wildcard arm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IssueKind {
    /// A source term whose concept has no term on the other side.
    Missing,
    /// A deprecated term is used.
    Deprecated,
    /// The `ja` side has no kana or kanji while the `en` side has words: the
    /// English left as it was (no term check is made of the pair).
    Untranslated,
    /// The `en` side is Japanese and the `ja` side has no kana or kanji: the
    /// columns are the wrong way round (no term check is made of the pair).
    Swapped,
    /// One side is empty or white space only: a segment not translated, or
    /// a source lost (no term check is made of the pair).
    Empty,
    /// A number of the source has no number of the same value in the
    /// translation (`15%` rendered 25％, `1.5 trillion yen` 1.5億円): `term`
    /// is the number as the source writes it, `found` the translation's.
    Number,
    /// A number of the source written with a currency (`$35 billion`) has
    /// its value in the translation only in another currency (350億円):
    /// `term` is the number as the source writes it, `expected` the
    /// currency's code (`USD`), `found` the translation's numbers of that
    /// value.
    Currency,
    /// A date of the source (a month with its day) is none of the dates
    /// the translation writes (`March 4` rendered 4月3日): `term` is the
    /// date as the source writes it, `expected` the missing days as the
    /// translation's language writes them, `found` the translation's dates.
    Date,
}

/// Which way a translation went, so which side's terms are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// From English: each English term wants its concept's Japanese, and
    /// deprecated Japanese terms are flagged. A Japanese term the English
    /// says otherwise (合意 for `agreed to`) is no issue.
    #[default]
    EnJa,
    /// From Japanese: each Japanese term wants its concept's English, and
    /// deprecated English terms are flagged.
    JaEn,
    /// Both ways: every term on either side wants its concept on the other.
    Both,
}

impl Direction {
    /// Whether a missing equivalent of a term found on side `lang` is an
    /// issue.
    fn checks_source(self, lang: Lang) -> bool {
        matches!(
            (self, lang),
            (Direction::Both, _) | (Direction::EnJa, Lang::En) | (Direction::JaEn, Lang::Ja)
        )
    }

    /// Whether a deprecated term found on side `lang` is an issue.
    fn checks_target(self, lang: Lang) -> bool {
        matches!(
            (self, lang),
            (Direction::Both, _) | (Direction::EnJa, Lang::Ja) | (Direction::JaEn, Lang::En)
        )
    }
}

/// Whether `text` has a word of Latin letters with a lower-case one: a
/// sentence or phrase, not only an acronym, code or number (`WTO`, `HS 8703`),
/// which a translation may keep as it is.
fn has_english_words(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic() || is_japanese(c))
        .any(|w| w.chars().any(|c| c.is_lowercase() && c.is_alphabetic()))
}

/// The pair's problem as a whole, if its sides are not English and Japanese
/// the way round they should be ([`IssueKind::Untranslated`],
/// [`IssueKind::Swapped`], [`IssueKind::Empty`]); the side at fault and its
/// text.
pub fn pair_problem(pair: &Pair) -> Option<(IssueKind, Lang, &str)> {
    if pair.ja.trim().is_empty() || pair.en.trim().is_empty() {
        return match (pair.en.trim().is_empty(), pair.ja.trim().is_empty()) {
            (true, true) => None,
            (false, true) => Some((IssueKind::Empty, Lang::Ja, &pair.en)),
            _ => Some((IssueKind::Empty, Lang::En, &pair.ja)),
        };
    }
    if pair.ja.chars().any(is_japanese) {
        return None;
    }
    if pair.en.chars().any(is_japanese) && has_english_words(&pair.ja) {
        return Some((IssueKind::Swapped, Lang::En, &pair.en));
    }
    has_english_words(&pair.en).then_some((IssueKind::Untranslated, Lang::Ja, &pair.ja))
}

/// A terminology issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Line of the pair.
    pub line: usize,
    /// What is wrong.
    pub kind: IssueKind,
    /// The side the term was found on.
    pub lang: Lang,
    /// The concept.
    pub concept: String,
    /// The term as it stands in the text.
    pub term: String,
    /// The terms expected on the other side (or, for a deprecated term, the preferred one).
    pub expected: Vec<String>,
    /// Glossary terms found on the other side, as the text writes them.
    pub found: Vec<String>,
}

/// Reads pairs: TSV whose header (its first line that is not blank) names
/// the `en` and `ja` columns, or JSON Lines with `en` and `ja` fields. Fails
/// on the first bad line; [`PairReader`] reads a file of any size and goes
/// on past them.
pub fn read_pairs(path: &Path) -> Result<Vec<Pair>, Error> {
    PairReader::open(path)?.collect()
}

/// Streams the pairs of a parallel file, one line at a time: a bad line is an
/// error item naming the file and line, and reading goes on after it. A TSV
/// header that does not name the `en` and `ja` columns is an error and ends
/// the file, as no column can be trusted then.
pub struct PairReader<R> {
    lines: std::io::Lines<R>,
    path: PathBuf,
    jsonl: bool,
    /// Whether the TSV header is still to be read.
    header: bool,
    columns: (usize, usize),
    /// Cells of the TSV header: a row may not have more that hold text.
    width: usize,
    line: usize,
    done: bool,
    bytes: u64,
    /// Lines read since a cell opened a quote it did not close (a
    /// spreadsheet's cell with a line break in it), while it is open.
    open_quote: Option<usize>,
}

/// Most lines a cell quoted over several lines is taken to run: a stray
/// quote stops setting lines aside after them.
const QUOTED_LINES: usize = 10;

/// What a line of a cell quoted over several lines is told.
const QUOTED_CELL: &str = "part of a cell quoted over several lines (a line break inside a \
     cell): such cells are not read; export the file without line breaks in cells, or as JSON Lines";

/// True when a header cell names the language `code` ([`Lang::from_tag`]:
/// `en`, `EN`, `en-US`, `ja_JP`, `English`), as CAT tools and translation
/// memories label their columns.
fn names_language(cell: &str, code: &str) -> bool {
    Lang::from_tag(cell).is_some_and(|lang| lang.code() == code)
}

/// Two columns or fields name one language equally well (see [`column_of`]).
struct NamedTwice;

/// Which of `names` (a header's cells, a record's fields) holds language
/// `code`: the one named `code` in any case, else the one language tag for
/// it (`en-US`, `English`); names like `ja_mt` beside a plain `ja` are other
/// columns. `Err` when two names are equally good.
fn column_of<'a>(
    names: impl Iterator<Item = &'a str> + Clone,
    code: &str,
) -> Result<Option<usize>, NamedTwice> {
    let pick = |matches: &dyn Fn(&str) -> bool| {
        let mut found = names.clone().enumerate().filter(|(_, n)| matches(n.trim()));
        let first = found.next().map(|(i, _)| i);
        match found.next() {
            Some(_) => Err(NamedTwice),
            None => Ok(first),
        }
    };
    match pick(&|n| n.eq_ignore_ascii_case(code))? {
        Some(i) => Ok(Some(i)),
        None => pick(&|n| names_language(n, code)),
    }
}

impl PairReader<BufReader<File>> {
    /// Opens `path` (JSON Lines when it ends in `.jsonl` or `.ndjson`) and
    /// reads a TSV header, so a file without one fails here.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        // A directory opens like a file on Unix and fails only when read,
        // which would pass for one bad line.
        if file.metadata().map_err(io)?.is_dir() {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "is a directory, not a file of pairs",
            )));
        }
        let jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        let mut reader = BufReader::new(file);
        // Lines are read as UTF-8; UTF-16 (a spreadsheet's "Unicode text")
        // is named once rather than as a bad line after another.
        let head = reader.fill_buf().map_err(io)?;
        if kotoba_text::encoding::utf16_byte_order(head).is_some() {
            return Err(Error::parse(
                path,
                Some(1),
                "UTF-16 text: pairs are read as UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)",
            ));
        }
        PairReader::with_header(reader, path, jsonl)
    }
}

impl<R: BufRead> PairReader<R> {
    /// Reads pairs from `reader`; `path` names it in errors.
    pub fn new(reader: R, path: &Path, jsonl: bool) -> Self {
        PairReader {
            lines: reader.lines(),
            path: path.to_path_buf(),
            jsonl,
            header: !jsonl,
            columns: (0, 1),
            width: 2,
            line: 0,
            done: false,
            bytes: 0,
            open_quote: None,
        }
    }

    /// Reads pairs from `reader` as [`PairReader::new`], with a TSV header
    /// read at once: a header without `en` and `ja` columns is an error here
    /// rather than the first item.
    pub fn with_header(reader: R, path: &Path, jsonl: bool) -> Result<Self, Error> {
        let mut reader = PairReader::new(reader, path, jsonl);
        reader.read_header()?;
        Ok(reader)
    }

    /// The file read, as errors name it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Bytes read so far (line breaks counted as one byte), for progress.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The next line, counted, or `None` at the end.
    fn next_line(&mut self) -> Option<Result<String, Error>> {
        match self.lines.next()? {
            Ok(mut line) => {
                self.line += 1;
                self.bytes += line.len() as u64 + 1;
                // Spreadsheets save UTF-8 with a byte-order mark.
                if self.line == 1 && line.starts_with('\u{feff}') {
                    line.drain(..'\u{feff}'.len_utf8());
                }
                Some(Ok(line))
            }
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                // The bad line is consumed; the next one is read as usual.
                self.line += 1;
                Some(Err(Error::parse(&self.path, Some(self.line), "not UTF-8")))
            }
            Err(source) => {
                self.done = true;
                Some(Err(Error::Io {
                    path: self.path.clone(),
                    source,
                }))
            }
        }
    }

    /// Reads the TSV header (the first line that is not blank) and takes the
    /// `en` and `ja` columns from it; on failure the file is done. A file
    /// that ends before any header (empty, or blank lines only) fails like a
    /// bad header, at line 1: no pairs is not a clean result when the
    /// columns were never named.
    fn read_header(&mut self) -> Result<(), Error> {
        while self.header && !self.done {
            let line = match self.next_line() {
                Some(Ok(line)) => line,
                Some(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                None => {
                    self.done = true;
                    let found = if self.line == 0 {
                        "an empty file"
                    } else {
                        "only blank lines"
                    };
                    return Err(Error::parse(
                        &self.path,
                        Some(1),
                        format!("expected a header naming the en and ja columns, found {found}"),
                    ));
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            // Two columns of one name: which holds the text is a guess.
            let find = |name: &str| {
                column_of(cells.iter().copied(), name).map_err(|_| {
                    Error::parse(
                        &self.path,
                        Some(self.line),
                        format!("the header names the {name} column twice"),
                    )
                })
            };
            let found = find("en").and_then(|en| Ok((en, find("ja")?)));
            let (en, ja) = match found {
                Ok((Some(en), Some(ja))) => (en, ja),
                Ok(_) => {
                    self.done = true;
                    return Err(Error::parse(
                        &self.path,
                        Some(self.line),
                        header_message(&cells),
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Err(e);
                }
            };
            self.columns = (en, ja);
            self.width = cells.len();
            self.header = false;
        }
        Ok(())
    }

    /// True when `line` is a line of a cell quoted over several lines: one
    /// opening a quote it does not close (an odd number of quotes in the
    /// line, a cell starting with one), the lines after it, and the one
    /// that closes it (an odd number again). `Steel pipes of 16"` alone
    /// opens nothing, nor does a quoted cell holding a tab.
    fn quoted_over_lines(&mut self, line: &str) -> bool {
        let odd = line.matches('"').count() % 2 == 1;
        match self.open_quote {
            Some(lines) => {
                self.open_quote = (!odd && lines + 1 < QUOTED_LINES).then_some(lines + 1);
                true
            }
            None => {
                let opens = odd && line.split('\t').any(|c| c.trim_start().starts_with('"'));
                if opens {
                    self.open_quote = Some(0);
                }
                opens
            }
        }
    }

    /// The pair on line `n`, or `None` for a blank line.
    fn parse(&self, n: usize, line: &str) -> Result<Option<Pair>, Error> {
        // A line of tabs alone that reaches both columns is a pair with both
        // sides empty: counted, not passed over as a blank line.
        let short = || line.split('\t').count() <= self.columns.0.max(self.columns.1);
        if line.trim().is_empty() && (self.jsonl || short()) {
            return Ok(None);
        }
        if self.jsonl {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| Error::parse(&self.path, Some(n), format!("not JSON: {e}")))?;
            // Fields are named as TSV columns are (see `column_of`); other
            // fields (`ja_mt`, `id`) are passed over.
            let fields: Vec<(&String, &serde_json::Value)> =
                v.as_object().into_iter().flatten().collect();
            let side = |code: &str| -> Result<Option<String>, Error> {
                let at = column_of(fields.iter().map(|(k, _)| k.as_str()), code).map_err(|_| {
                    Error::parse(
                        &self.path,
                        Some(n),
                        format!("record has two fields naming {code}"),
                    )
                })?;
                Ok(at
                    .and_then(|i| fields.get(i))
                    .and_then(|(_, x)| x.as_str())
                    .map(String::from))
            };
            let (Some(en), Some(ja)) = (side("en")?, side("ja")?) else {
                return Err(Error::parse(
                    &self.path,
                    Some(n),
                    "record needs string fields \"en\" and \"ja\"",
                ));
            };
            return Ok(Some(Pair { line: n, en, ja }));
        }
        let cells: Vec<&str> = line.split('\t').collect();
        // Cells past the header's columns mean a tab inside a cell (a quoted
        // CSV field, a pasted note) and columns that no longer line up:
        // refused like a row that is too short, not read with the rest
        // dropped. Empty ones (a trailing tab) lose nothing.
        if let Some(extra) = cells.get(self.width..)
            && extra.iter().any(|c| !c.trim().is_empty())
        {
            return Err(Error::parse(
                &self.path,
                Some(n),
                format!(
                    "{} tab-separated cells where the header has {} columns (a tab inside a cell?)",
                    cells.len(),
                    self.width
                ),
            ));
        }
        match (cells.get(self.columns.0), cells.get(self.columns.1)) {
            (Some(en), Some(ja)) => Ok(Some(Pair {
                line: n,
                en: en.to_string(),
                ja: ja.to_string(),
            })),
            _ => Err(Error::parse(
                &self.path,
                Some(n),
                format!(
                    "expected {} tab-separated columns",
                    self.columns.0.max(self.columns.1) + 1
                ),
            )),
        }
    }
}

/// What a header lacking `en` or `ja` is told: the cells found, each cut
/// short, since a headerless file shows a whole sentence pair here.
fn header_message(cells: &[&str]) -> String {
    const MAX: usize = 40;
    let found: Vec<String> = cells
        .iter()
        .map(|c| match c.char_indices().nth(MAX) {
            Some((at, _)) => format!("{:?}", format!("{}…", c[..at].trim_end())),
            None => format!("{c:?}"),
        })
        .collect();
    let mut message = format!(
        "expected a header naming the en and ja columns, found {}",
        found.join(", ")
    );
    if cells.len() == 1 {
        message.push_str(" (columns are separated by tabs)");
    }
    message
}

impl<R: BufRead> Iterator for PairReader<R> {
    type Item = Result<Pair, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Err(e) = self.read_header() {
            return Some(Err(e));
        }
        while !self.done {
            let line = match self.next_line()? {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            if !self.jsonl && self.quoted_over_lines(&line) {
                return Some(Err(Error::parse(&self.path, Some(self.line), QUOTED_CELL)));
            }
            match self.parse(self.line, &line) {
                Ok(Some(pair)) => return Some(Ok(pair)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

/// What [`check_pairs_with`] checks besides terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Numbers of the source want their value in the translation
    /// ([`IssueKind::Number`]), dates their month and day
    /// ([`IssueKind::Date`]) and amounts their currency
    /// ([`IssueKind::Currency`]); on by default.
    pub numbers: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { numbers: true }
    }
}

/// Checks every pair in `direction`, numbers included
/// ([`check_pairs_with`] and the default [`CheckOptions`]).
///
/// # Errors
///
/// `Error::Tokenize(kotoba_tokenize::Error::NotEmbedded)` when the
/// annotator does not read Japanese ([`Annotator::require`]): kotoba-tokenize
/// was built without its `embedded-ipadic` feature.
pub fn check_pairs(
    annotator: &Annotator,
    pairs: &[Pair],
    direction: Direction,
) -> Result<Vec<Issue>, Error> {
    check_pairs_with(annotator, pairs, direction, CheckOptions::default())
}

/// Checks every pair in `direction`, with `options`.
///
/// # Errors
///
/// As [`check_pairs`].
pub fn check_pairs_with(
    annotator: &Annotator,
    pairs: &[Pair],
    direction: Direction,
    options: CheckOptions,
) -> Result<Vec<Issue>, Error> {
    annotator.require(Lang::Ja)?;
    let g = annotator.glossary();
    let verbs = VerbForms::new(g);
    let signs = CurrencySigns::new(g);
    let titles = TitleHeads::new(g);
    let renderings = crate::renderings::Renderings::new(g);
    let mut holds: HashMap<(usize, usize), bool> = HashMap::new();
    let mut issues = Vec::new();
    for pair in pairs {
        // This pair's issues start here: a repeat is looked for among them
        // only (a scan of all the corpus's issues was quadratic).
        let first_issue = issues.len();
        if let Some((kind, lang, text)) = pair_problem(pair) {
            issues.push(Issue {
                line: pair.line,
                kind,
                lang,
                concept: String::new(),
                term: text.trim().to_string(),
                expected: Vec::new(),
                found: Vec::new(),
            });
            continue;
        }
        // Numbers, by value, each stated once in the source (`2.5 million`
        // is 250万; `April 3` answers 4月3日).
        for (lang, source, target) in [
            (Lang::En, &pair.en, &pair.ja),
            (Lang::Ja, &pair.ja, &pair.en),
        ] {
            if !options.numbers || !direction.checks_source(lang) {
                continue;
            }
            let mut reported: Vec<f64> = Vec::new();
            // Both ways, a date or currency the English side found wrong
            // is the same mistake seen from the Japanese: said once.
            let said_from_english = |kind: IssueKind, issues: &[Issue]| {
                lang == Lang::Ja
                    && issues[first_issue..]
                        .iter()
                        .any(|i| i.kind == kind && i.lang == Lang::En)
            };
            // A date whose month and day the translation swaps or changes
            // (`March 4` as 4月3日) while it writes dates: its numbers alone
            // may all be there. One issue for each date as the source
            // writes it (a range's days together), in place of number
            // issues for the numbers inside it.
            let ours = crate::numbers::Figures::of_source(source, lang);
            let theirs = crate::numbers::Figures::of_translation(target, lang.other());
            let given_dates = &theirs.dates;
            let mut date_spans: Vec<(usize, usize)> = Vec::new();
            if !given_dates.is_empty() && !said_from_english(IssueKind::Date, &issues) {
                let mut found: Vec<String> = Vec::new();
                for d in given_dates {
                    if !found.contains(&d.surface) {
                        found.push(d.surface.clone());
                    }
                }
                let mut missing: Vec<(String, Vec<String>)> = Vec::new();
                for date in &ours.dates {
                    if date.between
                        || given_dates
                            .iter()
                            .any(|d| (d.month, d.day) == (date.month, date.day))
                    {
                        continue;
                    }
                    date_spans.push(date.span);
                    let written = date.written(lang.other());
                    match missing.iter_mut().find(|(s, _)| *s == date.surface) {
                        Some((_, expected)) if !expected.contains(&written) => {
                            expected.push(written)
                        }
                        Some(_) => {}
                        None => missing.push((date.surface.clone(), vec![written])),
                    }
                }
                for (surface, expected) in missing {
                    issues.push(Issue {
                        line: pair.line,
                        kind: IssueKind::Date,
                        lang,
                        concept: String::new(),
                        term: surface,
                        expected,
                        found: found.clone(),
                    });
                }
            }
            let stated: Vec<&crate::numbers::Number> = ours
                .numbers
                .iter()
                .filter(|n| !date_spans.iter().any(|&(a, b)| (a..b).contains(&n.at)))
                .collect();
            if stated.is_empty() {
                continue;
            }
            let given = &theirs.numbers;
            // A range's days between its ends count (`March 4, 5 and 6` as
            // 3月4～6日).
            let values: Vec<f64> = given
                .iter()
                .flat_map(|n| n.values())
                .chain(given_dates.iter().map(|d| f64::from(d.day)))
                .collect();
            for n in stated {
                if crate::numbers::holds(&reported, n.value) {
                    continue;
                }
                if n.values().any(|v| crate::numbers::holds(&values, v)) {
                    // The amount is there; in another currency only, it is
                    // another amount (`$35 billion` as 350億円).
                    let same_value: Vec<&crate::numbers::Number> = given
                        .iter()
                        .filter(|g| {
                            let theirs: Vec<f64> = g.values().collect();
                            n.values().any(|v| crate::numbers::holds(&theirs, v))
                        })
                        .collect();
                    if let Some(currency) = n.currency
                        && !said_from_english(IssueKind::Currency, &issues)
                        && !same_value.is_empty()
                        && same_value
                            .iter()
                            .all(|g| g.currency.is_some_and(|c| c != currency))
                    {
                        reported.push(n.value);
                        issues.push(Issue {
                            line: pair.line,
                            kind: IssueKind::Currency,
                            lang,
                            concept: String::new(),
                            term: n.surface.clone(),
                            expected: vec![currency.to_string()],
                            found: same_value
                                .iter()
                                .map(|g| match g.currency {
                                    Some(c) => format!("{} ({c})", g.surface),
                                    None => g.surface.clone(),
                                })
                                .collect(),
                        });
                    }
                    continue;
                }
                reported.push(n.value);
                issues.push(Issue {
                    line: pair.line,
                    kind: IssueKind::Number,
                    lang,
                    concept: String::new(),
                    term: n.surface.clone(),
                    expected: Vec::new(),
                    found: given
                        .iter()
                        .filter(|g| g.digits)
                        .map(|g| g.surface.clone())
                        .collect(),
                });
            }
        }
        for (lang, source, target) in [
            (Lang::En, &pair.en, &pair.ja),
            (Lang::Ja, &pair.ja, &pair.en),
        ] {
            let other = lang.other();
            // A Japanese translation may keep an English term in Latin
            // letters (`METIの担当者`): the concept is used there too.
            let every: Vec<_> = annotator
                .search_any_case(target)
                .into_iter()
                .filter(|s| {
                    s.lang == other
                        || (other == Lang::Ja && target[s.start..s.end].nfkc().all(|c| !is_cjk(c)))
                })
                .collect();
            // A proposed term hides no reviewed term inside it (it would
            // take the reviewed concept's answer away: a false alarm).
            let reviewed_every: Vec<Span> = every
                .iter()
                .filter(|s| is_reviewed(g, s))
                .copied()
                .collect();
            let in_target: Vec<_> = every
                .iter()
                .filter(|s| !inside_another_concept(g, target, s, &reviewed_every, &mut holds))
                .copied()
                .collect();
            let mut present: BTreeSet<usize> = in_target.iter().map(|s| s.concept).collect();
            // `¥462.5 billion` renders 4625億円, `$1 trillion` 1兆ドル.
            present.extend(signs.concepts_in(target));
            // Any ministry's name, or 同省 for one named before, answers
            // `ministry` (data/title-heads-ja.tsv).
            if other == Lang::Ja {
                present.extend(titles.concepts_in(target));
            }
            // Every concept the translation names, nested or not: one whose
            // terms hold a source concept's answers it (輸出入, of `imports
            // and exports`, answers `import`).
            // A proposal answers its own concept only (in `present`), never
            // another through its words.
            let mut named: Vec<usize> = reviewed_every.iter().map(|s| s.concept).collect();
            named.sort_unstable();
            named.dedup();
            // Only where a Japanese source's terms are checked.
            // Renderings of a concept's terms that are no terms (`entered
            // into force` for 発効; data/renderings-en.tsv), some of one
            // term only (`held` for 実施, not 履行).
            let mut rendered: Vec<(usize, Option<usize>)> = Vec::new();
            if other == Lang::En && direction.checks_source(lang) {
                present.extend(verbs.concepts_in(target));
                rendered = renderings.in_text(target);
                present.extend(rendered.iter().filter(|r| r.1.is_none()).map(|r| r.0));
            }
            // The terms as the text writes them (対米赤字's 赤字, not the
            // concept's preferred 貿易赤字), for a search in the text.
            // Only the longest match at each place: 経済産業省, not 経済, 産業
            // and 経済産業省 (a translator's review found the fragments).
            let mut found: Vec<String> = Vec::new();
            let longest = in_target.iter().filter(|s| {
                !in_target.iter().any(|o| {
                    o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start
                })
            });
            for s in longest {
                let surface = target[s.start..s.end].to_string();
                if !found.contains(&surface) {
                    found.push(surface);
                }
            }
            let mut reported: Vec<(usize, IssueKind)> = Vec::new();
            let mut missing_at: HashMap<(usize, usize), usize> = HashMap::new();
            // An English term written in the Japanese side (`WTOの関税`) is
            // the concept used there too, and wants its equivalent in English.
            // Every term, words of longer names too (deprecated ones are
            // reported there; missing ones are not, below).
            let spans: Vec<_> = with_reviewed_inside(g, annotator, source)
                .into_iter()
                .filter(|s| s.lang == lang || lang == Lang::Ja)
                .collect();
            // A term of several concepts (協議: talks, consultation) is
            // translated when the other side holds one of them: the others
            // are no missing equivalents.
            // Only a reviewed source term: a proposed pairing decides
            // nothing for the other concepts of the words.
            let answered: Vec<(usize, usize)> = spans
                .iter()
                .filter(|s| present.contains(&s.concept) && is_reviewed(g, s))
                .map(|s| (s.start, s.end))
                .collect();
            for &span in &spans {
                let concept = &g.concepts[span.concept];
                let Some(term) = concept.terms(span.lang).get(span.term) else {
                    continue;
                };
                let text = source[span.start..span.end].to_string();
                // The term to use instead; never the term itself (a
                // concept whose terms in this language are all deprecated).
                let instead = concept
                    .preferred(lang)
                    .filter(|t| t.status != Status::Deprecated && t.term != term.term);
                // A term another concept approves where it stands (the same
                // words, `コメ関税`, deprecated under `rice duty` and preferred
                // under `rice tariff`) is no deprecated use.
                // A proposal approves nothing.
                let approved_here = spans.iter().any(|o| {
                    (o.start, o.end) == (span.start, span.end)
                        && o.concept != span.concept
                        && g.concepts[o.concept]
                            .terms(o.lang)
                            .get(o.term)
                            .is_some_and(|t| {
                                !matches!(t.status, Status::Deprecated | Status::Proposed)
                            })
                });
                if term.status == Status::Deprecated
                    && direction.checks_target(lang)
                    && !approved_here
                    && !reported.contains(&(span.concept, IssueKind::Deprecated))
                    && let Some(instead) = instead
                    // One finding for a term two concepts deprecate alike
                    // (a user glossary's and the built-in one's).
                    && !issues[first_issue..].iter().any(|i| {
                        i.kind == IssueKind::Deprecated
                            && i.term == text
                            && i.expected == [instead.term.as_str()]
                    })
                {
                    reported.push((span.concept, IssueKind::Deprecated));
                    issues.push(Issue {
                        line: pair.line,
                        kind: IssueKind::Deprecated,
                        lang,
                        concept: concept.id.clone(),
                        term: text.clone(),
                        expected: vec![instead.term.clone()],
                        found: Vec::new(),
                    });
                }
                let targets = concept.terms(other);
                // A proposed source term asks for nothing, and a proposed
                // equivalent is demanded of no one (it answers when found).
                let demanded = || targets.iter().filter(|t| t.status.is_reviewed());
                if !direction.checks_source(lang)
                    || term.status == Status::Proposed
                    || demanded().next().is_none()
                    || is_context_term(&concept.id, span.lang, &term.term)
                    // A word of a longer name or title the glossary lacks
                    // (`Ministry` of `Ministry of Industry and Information
                    // Technology`, 経済 of 経済再生担当大臣) is no term.
                    || (span.lang == Lang::En
                        && lang == Lang::En
                        && inside_a_longer_name(source, &span, &term.term))
                    || (span.lang == Lang::Ja
                        && source[span.start..span.end].chars().any(is_cjk)
                        && crate::names::inside_a_japanese_name(source, &span, &titles))
                    // Another person's surname (`Hillary Clinton`).
                    || crate::names::another_persons_name(source, &span, concept)
                    || targets.is_empty()
                    || present.contains(&span.concept)
                    || (span.lang == Lang::Ja && rendered.contains(&(span.concept, Some(span.term))))
                    || answered.contains(&(span.start, span.end))
                    || reported.contains(&(span.concept, IssueKind::Missing))
                    || (other == Lang::Ja && annotator.has_phrase_with_no(target, span.concept))
                    // Only from English: English names of compounds are
                    // made of their words; a Japanese term holds another's
                    // characters without its meaning (関税同盟, customs
                    // union, holds 関税).
                    || (lang == Lang::En
                        && named.iter().any(|&d| {
                            d != span.concept
                                && concept_holds(g, d, span.concept, &mut holds)
                        }))
                {
                    continue;
                }
                reported.push((span.concept, IssueKind::Missing));
                let expected = demanded()
                    .filter(|t| t.status != Status::Deprecated)
                    .map(|t| t.term.clone());
                // A term of several concepts (輸出入: trade, imports and
                // exports) missing is one issue, expecting any of them.
                if let Some(&at) = missing_at.get(&(span.start, span.end)) {
                    let issue: &mut Issue = &mut issues[at];
                    for t in expected {
                        if !issue.expected.contains(&t) {
                            issue.expected.push(t);
                        }
                    }
                    continue;
                }
                missing_at.insert((span.start, span.end), issues.len());
                issues.push(Issue {
                    line: pair.line,
                    kind: IssueKind::Missing,
                    lang,
                    concept: concept.id.clone(),
                    term: text,
                    expected: expected.collect(),
                    found: found.clone(),
                });
            }
        }
    }
    Ok(issues)
}

/// Whether the term `span` found is reviewed (not [`Status::Proposed`]).
fn is_reviewed(g: &crate::Glossary, span: &Span) -> bool {
    g.concepts[span.concept]
        .terms(span.lang)
        .get(span.term)
        .is_none_or(|t| t.status.is_reviewed())
}

/// The terms of a source, leftmost-longest, where a proposed term gives way
/// to the reviewed terms inside it (leftmost-longest among them): a
/// proposal that holds a reviewed term (`Japanese Prime Minister` around
/// `Prime Minister`) would otherwise keep that term from being checked.
fn with_reviewed_inside(g: &crate::Glossary, annotator: &Annotator, source: &str) -> Vec<Span> {
    let spans = annotator.search(source, false);
    // The places proposals alone take (a place several concepts share is
    // the reviewed one's if any concept there is reviewed).
    let proposed_only: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| {
            !spans
                .iter()
                .any(|o| (o.start, o.end) == (s.start, s.end) && is_reviewed(g, o))
        })
        .map(|s| (s.start, s.end))
        .collect();
    if proposed_only.is_empty() {
        return spans;
    }
    let mut inside: Vec<Span> = annotator
        .search(source, true)
        .into_iter()
        .filter(|s| {
            is_reviewed(g, s)
                && proposed_only
                    .iter()
                    .any(|&(a, b)| a <= s.start && s.end <= b && (a, b) != (s.start, s.end))
        })
        .collect();
    inside.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + inside.len());
    out.extend(spans);
    let mut reached = 0;
    let mut last: Option<(usize, usize)> = None;
    for s in inside {
        // Every concept of a place kept (several share a term), none
        // overlapping a place kept before.
        if last == Some((s.start, s.end)) || s.start >= reached {
            reached = reached.max(s.end);
            last = Some((s.start, s.end));
            out.push(s);
        }
    }
    out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    out
}

/// One-word terms that are the concept's only in context, from
/// `data/context-terms.tsv`: concept id, language, term.
const CONTEXT_TERMS: &str = include_str!("../data/context-terms.tsv");

/// Whether the term `term` in `lang` of concept `id` is listed in
/// `data/context-terms.tsv` (bare 黒字, `surplus` of `trade-surplus`): it
/// raises no missing equivalent alone, as its sense is the concept's only
/// in context (トヨタは黒字に転換した, `surplus rice`).
pub(crate) fn is_context_term(id: &str, lang: Lang, term: &str) -> bool {
    static ROWS: std::sync::OnceLock<Vec<(String, String, String)>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        crate::data::rows(CONTEXT_TERMS)
            .filter_map(|(_, cells)| match cells[..] {
                [id, lang, term] => Some((id.to_string(), lang.to_string(), term.to_string())),
                _ => None,
            })
            .collect()
    })
    .iter()
    .any(|(i, l, t)| i == id && l == lang.code() && t == term)
}

/// Whether the term `span` of a translation stands inside a longer term of
/// another concept whose meaning does not hold it: 関税 inside 関税同盟
/// (`customs union`) or 301条 inside スーパー301条 (`Super 301`) translate
/// no `tariff` nor `Section 301`, while 関税 inside 関税引き上げ (`tariff
/// increase`) translates `tariff`. The longer concept holds the shorter as
/// [`concept_holds`] says. An acronym names its one
/// thing inside any term (`WTO` in `WTO panel`, `G7` in `G7 summit`).
fn inside_another_concept(
    g: &crate::Glossary,
    target: &str,
    span: &Span,
    every: &[Span],
    holds: &mut HashMap<(usize, usize), bool>,
) -> bool {
    let acronym = target.get(span.start..span.end).is_some_and(|t| {
        let t: String = t.nfkc().collect();
        t.chars().count() >= 2
            && t.chars().any(|c| c.is_ascii_uppercase())
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    });
    !acronym
        && every.iter().any(|outer| {
            outer.concept != span.concept
                && outer.start <= span.start
                && span.end <= outer.end
                && outer.end - outer.start > span.end - span.start
                && !concept_holds(g, outer.concept, span.concept, holds)
        })
}

/// Whether concept `outer` holds concept `inner`: one of its English terms
/// contains a preferred English term of `inner`'s, or an admitted one that is
/// no context term (see [`contains_term`]).
/// Asked again for
/// the same two concepts in every pair of a corpus, so answered once
/// (stemming every term each time cost a fifth of the whole check).
fn concept_holds(
    g: &crate::Glossary,
    outer: usize,
    inner: usize,
    holds: &mut HashMap<(usize, usize), bool>,
) -> bool {
    *holds.entry((outer, inner)).or_insert_with(|| {
        // The inner concept's preferred English terms, in the outer's
        // English terms, as whole words: an admitted short form (`surplus`,
        // 黒字 of `trade surplus`) is in every concept of its kind (`current
        // account surplus`, 経常黒字), which translates no `trade surplus`
        // (an analyst's review found it passed); Japanese characters tell
        // less (関税同盟, `customs union`, holds 関税's characters, not
        // `tariff`), while `MFN tariff rate` holds `tariff rate`.
        // Admitted terms count too unless they are context terms (`talks`
        // of `consultation` is in `Framework Talks`, so 日米包括経済協議
        // translates `talks`; a translator's review).
        let inner_id = &g.concepts[inner].id;
        // In an admitted synonym only as its head: a modifier there is no
        // part of the concept (`customs duty` of `tariff` made 関税
        // translate `customs`, and `import duty` `imports`; a translator's
        // review), while `Framework Talks` are talks.
        g.concepts[outer].terms(Lang::En).iter().any(|long| {
            let head_only = long.status != crate::Status::Preferred;
            g.concepts[inner]
                .terms(Lang::En)
                .iter()
                .filter(|t| {
                    t.status == crate::Status::Preferred
                        || (t.status == crate::Status::Admitted
                            && !is_context_term(inner_id, Lang::En, &t.term))
                })
                .any(|t| {
                    let within = if head_only {
                        // The long term's last words, as many as the short's.
                        let words: Vec<&str> = long.term.split(' ').collect();
                        let n = t.term.split(' ').count();
                        words.len().checked_sub(n).is_some_and(|k| {
                            contains_term(&words[k..].join(" "), &t.term, Lang::En)
                        })
                    } else {
                        contains_term(&long.term, &t.term, Lang::En)
                    };
                    within && !negates(&long.term, &t.term)
                })
        })
    })
}

/// Whether `long` names the opposite of `short` by a prefix before it
/// (`non-tariff barrier` is no `tariff barrier`: 非関税障壁 passed for
/// `tariff barriers`, a translator's review found).
fn negates(long: &str, short: &str) -> bool {
    let (long, short) = (long.to_lowercase(), short.to_lowercase());
    ["non-", "non "]
        .iter()
        .any(|prefix| long.contains(&format!("{prefix}{short}")))
}

/// Whether `long` holds `short`: in English as whole words, case and
/// inflection aside (`tariff increases` holds `tariff`, `multilateral trade
/// negotiations` `negotiation`), no derivation (`tariffication` holds no
/// `tariff`, `trade negotiations` no `trade negotiator`).
fn contains_term(long: &str, short: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ja => long.contains(short),
        Lang::En => crate::normalize::holds_inflected(long, short),
    }
}

/// Currency signs and their concepts, from `data/currency-symbols.tsv`.
const CURRENCY_SIGNS: &str = include_str!("../data/currency-symbols.tsv");

/// The currency signs of `data/currency-symbols.tsv` whose concepts the
/// glossary has, longest first (`US$` before `$`): written before an amount
/// in a translation, each answers its currency (`¥462.5 billion` for
/// 4625億円).
struct CurrencySigns {
    signs: Vec<(String, usize)>,
}

impl CurrencySigns {
    fn new(g: &crate::Glossary) -> CurrencySigns {
        let mut signs: Vec<(String, usize)> = CURRENCY_SIGNS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (sign, id) = l.split_once('\t')?;
                let sign: String = sign.trim().nfkc().collect();
                let concept = g.concepts.iter().position(|c| c.id == id.trim())?;
                (!sign.is_empty()).then_some((sign, concept))
            })
            .collect();
        signs.sort_by_key(|(sign, _)| std::cmp::Reverse(sign.len()));
        CurrencySigns { signs }
    }

    /// The concepts of the signs in `text` written before an amount (a
    /// digit, at most one space between) and after no Latin letter or digit
    /// (`HK$`; a sign after kana, `は￥4625億`, counts).
    fn concepts_in(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if self.signs.is_empty() || (text.is_ascii() && !text.contains('$')) {
            return out;
        }
        let text: String = text.nfkc().collect();
        for (sign, concept) in &self.signs {
            let found = text.match_indices(sign.as_str()).any(|(at, _)| {
                let after = &text[at + sign.len()..];
                let after = after.strip_prefix(' ').unwrap_or(after);
                after.starts_with(|c: char| c.is_ascii_digit())
                    && !text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
            });
            if found && !out.contains(concept) {
                out.push(*concept);
            }
        }
        out
    }
}

/// The concepts of one-word English terms, by the term in lowercase: a
/// translation that uses such a term as a verb (`pledged`, `promising`,
/// `liberalized` for 約束, 自由化) holds the concept, and so does one that
/// uses the verb a noun term is made from (`agreed`, `agree`, `agrees` for
/// 合意, whose term is `agreement`; `negotiated` for 交渉, `complied` for
/// 遵守), as a Japanese verbal noun (合意した) is mostly translated. Only the
/// translation side is read this way: in the source, `pledged` asks for no
/// 約束.
struct VerbForms {
    terms: HashMap<String, Vec<usize>>,
    /// The verbs noun terms are made from (`agree` of `agreement`), as
    /// candidates: a wrong one names no word a translation writes.
    derived: HashMap<String, Vec<usize>>,
    /// The verbs of terms in `-ing` (`rule` of `ruling`), answered by their
    /// past only (`ruled`): `rules` and `farm` are nouns of their own, no
    /// `ruling` nor `farming`.
    past: HashMap<String, Vec<usize>>,
}

impl VerbForms {
    fn new(g: &crate::Glossary) -> VerbForms {
        let mut terms: HashMap<String, Vec<usize>> = Default::default();
        let mut derived: HashMap<String, Vec<usize>> = Default::default();
        let mut past: HashMap<String, Vec<usize>> = Default::default();
        let add = |map: &mut HashMap<String, Vec<usize>>, word: String, i: usize| {
            let list = map.entry(word).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        };
        for (i, c) in g.concepts.iter().enumerate() {
            // The British spelling too (`liberalised` for `liberalization`).
            let words = c.en.iter().flat_map(|t| {
                let word = t.term.trim().to_lowercase();
                let british = crate::normalize::british_spelling(&word);
                std::iter::once(word).chain(british)
            });
            for word in words {
                if word.len() >= 3 && word.chars().all(|c| c.is_ascii_lowercase()) {
                    for verb in verbs_of_noun(&word) {
                        add(&mut derived, verb, i);
                    }
                    if let Some(stem) = word.strip_suffix("ing").filter(|s| s.len() >= 3) {
                        add(&mut past, stem.to_string(), i);
                        add(&mut past, format!("{stem}e"), i);
                    }
                    add(&mut terms, word, i);
                }
            }
        }
        VerbForms {
            terms,
            derived,
            past,
        }
    }

    /// The concepts whose one-word term `text` writes with a verb ending,
    /// or whose noun term's verb it writes in any form.
    fn concepts_in(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() < 3 {
                continue;
            }
            let word = word.to_ascii_lowercase();
            let bases = crate::normalize::verb_bases(&word);
            for base in &bases {
                if let Some(list) = self.terms.get(base) {
                    out.extend(list);
                }
            }
            // The verb itself, its third person, or a form ending -ed, -ing.
            let third = [word.strip_suffix("es"), word.strip_suffix('s')];
            let forms = std::iter::once(word.as_str())
                .chain(third.into_iter().flatten())
                .chain(bases.iter().map(String::as_str));
            for form in forms {
                if let Some(list) = self.derived.get(form) {
                    out.extend(list);
                }
            }
            if word.ends_with("ed") {
                for base in &bases {
                    if let Some(list) = self.past.get(base) {
                        out.extend(list);
                    }
                }
            }
        }
        out
    }
}

/// The verbs a noun may be made from, as candidates: `agreement` →
/// `agree`; `negotiation` → `negotiate`, `negoti`; `consultation` →
/// `consult`; `liberalization` → `liberalize`; `ratification` → `ratify`;
/// `compliance` → `comply`; `reduction` → `reduce`. A noun with none of
/// these endings gives none.
fn verbs_of_noun(noun: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stem_plus = |suffix: &str, endings: &[&str]| {
        if let Some(stem) = noun.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            out.extend(endings.iter().map(|e| format!("{stem}{e}")));
        }
    };
    stem_plus("ment", &[""]);
    stem_plus("ification", &["ify"]);
    stem_plus("ation", &["", "e", "ate"]);
    stem_plus("uction", &["uce"]);
    // Not `-ssion`: `accession` is made from no `access`.
    if !noun.ends_with("ssion") {
        stem_plus("ion", &["", "e"]);
    }
    stem_plus("iance", &["y"]);
    stem_plus("ance", &[""]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pair at `line`.
    fn pair(line: usize, en: &str, ja: &str) -> Pair {
        Pair {
            line,
            en: en.to_string(),
            ja: ja.to_string(),
        }
    }

    fn read(text: &str, jsonl: bool) -> Vec<Result<Pair, String>> {
        PairReader::new(text.as_bytes(), Path::new("pairs"), jsonl)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn json_lines_are_known_by_extension_in_any_case() -> Result<(), Error> {
        let dir = std::env::temp_dir().join(format!("kotoba-pairs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
        for name in ["p.JSONL", "p.NdJson", "p.jsonl"] {
            let path = dir.join(name);
            std::fs::write(&path, "{\"en\":\"tariff\",\"ja\":\"関税\"}\n").map_err(|source| {
                Error::Io {
                    path: path.clone(),
                    source,
                }
            })?;
            let pairs: Vec<Pair> = PairReader::open(&path)?.collect::<Result<_, _>>()?;
            assert_eq!(pairs.len(), 1, "{name}");
            assert_eq!(pairs[0].ja, "関税");
        }
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    /// A spreadsheet's cell with a line break, quoted over several lines:
    /// each of its lines is refused, two-column ones too (one had been read
    /// as a pair); quotes within a line open nothing.
    #[test]
    fn cells_quoted_over_several_lines_are_refused_line_by_line() {
        let items = read(
            "en\tja\n\
             Tariffs rose.\t関税が上がった。\n\
             \"Japan tightened\n\
             a chapter on SMEs\t中小企業の章\n\
             on chips.\"\t規制を強化した。\n\
             Steel pipes of 16\"\t16インチの鋼管\n\
             \"Results-oriented\" talks\t「結果重視」の協議\n",
            false,
        );
        let lines: Vec<Result<usize, bool>> = items
            .iter()
            .map(|r| match r {
                Ok(p) => Ok(p.line),
                Err(e) => Err(e.contains("quoted over several lines")),
            })
            .collect();
        assert_eq!(
            lines,
            [Ok(2), Err(true), Err(true), Err(true), Ok(6), Ok(7)]
        );
        // A stray opening quote sets at most QUOTED_LINES lines aside.
        let mut text = String::from("en\tja\n\"Stray\tはい\n");
        for _ in 0..20 {
            text.push_str("Tariffs rose.\t関税が上がった。\n");
        }
        let refused = read(&text, false).iter().filter(|r| r.is_err()).count();
        assert_eq!(refused, QUOTED_LINES + 1);
    }

    #[test]
    fn a_bad_line_is_an_error_and_reading_goes_on() {
        let items = read("ja\ten\n東京\tTokyo\nno tab here\n\n大阪\tOsaka\n", false);
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[0],
            Ok(Pair {
                line: 2,
                en: "Tokyo".into(),
                ja: "東京".into()
            })
        );
        let err = items[1].clone().err().unwrap_or_default();
        assert!(err.contains("pairs") && err.contains('3'), "{err}");
        assert_eq!(items[2].as_ref().map(|p| p.line), Ok(5));
    }

    #[test]
    fn cells_past_the_header_are_an_error_unless_empty_or_named() {
        let items = read(
            "en\tja\ntariff\t関税\nzebra crossing\tシマウマ\t横断歩道\n\"quoted\ttab\"\t\"日本\"\nquota\t割当て\t\n",
            false,
        );
        let lines: Vec<_> = items.iter().map(|i| i.as_ref().map(|p| p.line)).collect();
        assert_eq!(lines[0], Ok(2));
        assert_eq!(lines[3], Ok(5), "a trailing empty cell loses nothing");
        for (item, line) in [(&items[1], 3), (&items[2], 4)] {
            assert_eq!(
                item.clone().err(),
                Some(format!(
                    "pairs:{line}: 3 tab-separated cells where the header has 2 columns \
                     (a tab inside a cell?)"
                ))
            );
        }
        // Columns the header names are read past, whatever they hold.
        let items = read("id\ten\tja\tnote\n1\ttariff\t関税\tseen twice\n", false);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].as_ref().map(|p| p.ja.as_str()), Ok("関税"));
        let items = read("en\tja\tnote\ntariff\t関税\tx\ty\n", false);
        assert!(
            items[0]
                .as_ref()
                .is_err_and(|e| e.contains("4 tab-separated cells"))
        );
    }

    #[test]
    fn invalid_utf8_spoils_only_its_line() {
        let mut bytes =
            b"en\tja\nsummit\t\xff\xfe\nHawaii\t\xe3\x83\x8f\xe3\x83\xaf\xe3\x82\xa4\n".to_vec();
        bytes.extend_from_slice(b"\n");
        let items: Vec<_> = PairReader::new(&bytes[..], Path::new("p.tsv"), false).collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_err());
        assert_eq!(
            items[1].as_ref().map(|p| (p.line, p.ja.as_str())).ok(),
            Some((3, "ハワイ"))
        );
    }

    #[test]
    fn the_header_names_the_columns_in_any_case_and_order() {
        let items = read("\u{feff}\n id \t JA \tEn \n1\t関税\ttariff\n", false);
        assert_eq!(
            items,
            vec![Ok(Pair {
                line: 3,
                en: "tariff".into(),
                ja: "関税".into()
            })]
        );
    }

    #[test]
    fn a_header_without_en_and_ja_is_one_error_and_no_pairs() {
        let items = read("x\ty\tz\ntrade surplus\t貿易黒字\tq\n", false);
        assert_eq!(
            items,
            vec![Err(
                "pairs:1: expected a header naming the en and ja columns, \
                 found \"x\", \"y\", \"z\""
                    .to_string()
            )]
        );
        // A headerless file: its first pair is quoted, long sides cut short.
        let long = "The trade surplus with Japan grew again last year, officials said.";
        let items = read(&format!("{long}\t貿易黒字\nquota\t割当て\n"), false);
        assert_eq!(items.len(), 1);
        let err = items[0].clone().err().unwrap_or_default();
        assert!(
            err.ends_with("found \"The trade surplus with Japan grew again…\", \"貿易黒字\""),
            "{err}"
        );
        let err = read("en ja\ntariff 関税\n", false)
            .into_iter()
            .next()
            .and_then(Result::err)
            .unwrap_or_default();
        assert!(
            err.ends_with("found \"en ja\" (columns are separated by tabs)"),
            "{err}"
        );
    }

    #[test]
    fn a_tsv_without_any_header_line_is_the_bad_header_error() {
        for (text, found) in [
            ("", "an empty file"),
            ("\n  \n", "only blank lines"),
            ("\u{feff}", "only blank lines"),
        ] {
            assert_eq!(
                read(text, false),
                vec![Err(format!(
                    "pairs:1: expected a header naming the en and ja columns, found {found}"
                ))]
            );
        }
        // JSON Lines have no header: an empty file is no pairs.
        assert_eq!(read("", true), vec![]);
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let empty = dir.path().join("empty.tsv");
        std::fs::write(&empty, "").unwrap_or_else(|e| panic!("{e}"));
        let err = PairReader::open(&empty).err().map(|e| e.to_string());
        assert_eq!(
            err,
            Some(format!(
                "{}:1: expected a header naming the en and ja columns, found an empty file",
                empty.display()
            ))
        );
    }

    /// `WTO` kept in Latin letters in the Japanese side was not checked,
    /// while 世界貿易機関 was (a review found it).
    #[test]
    fn english_terms_in_the_japanese_side_are_checked() -> Result<(), Error> {
        let annotator = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "The tariff rose.", "WTOの関税が上がった。"),
            pair(3, "The WTO tariff rose.", "WTOの関税が上がった。"),
        ];
        let issues = check_pairs(&annotator, &pairs, Direction::Both)?;
        let found: Vec<(usize, &str, &str)> = issues
            .iter()
            .map(|i| (i.line, i.concept.as_str(), i.term.as_str()))
            .collect();
        assert_eq!(found, [(2, "wto", "WTO")]);
        Ok(())
    }

    /// CAT tools label columns with language tags (`en-US`, `ja-JP`): they
    /// were refused as naming no `en` and `ja` columns.
    #[test]
    fn language_tags_name_the_columns() {
        for header in ["en-US\tja-JP", "EN_gb\tJa_jp", "ja\ten"] {
            let text = format!("{header}\nx\ty\n");
            let pairs = read(&text, false);
            assert_eq!(pairs.len(), 1, "{header}: {pairs:?}");
            assert!(pairs[0].is_ok(), "{header}: {pairs:?}");
        }
        assert!(names_language("English", "en"));
        assert!(!names_language("englisch", "en"));
        assert!(!names_language("jap", "ja"));
    }

    /// A spreadsheet's "Unicode text" (UTF-16) is named as such once, not
    /// reported as a line that is not UTF-8.
    #[test]
    fn utf16_pairs_are_named_as_utf16() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("pairs.tsv");
        let bytes = kotoba_text::encoding::encode_utf16_with_bom("en\tja\ntariff\t関税\n", true);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let err = read_pairs(&path).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("pairs.tsv:1: UTF-16 text: pairs are read as UTF-8")),
            "{err:?}"
        );
    }

    #[test]
    fn open_refuses_a_bad_header_and_a_directory() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let headerless = dir.path().join("headerless.tsv");
        std::fs::write(&headerless, "tariff\t関税\n").unwrap_or_else(|e| panic!("{e}"));
        let err = read_pairs(&headerless).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("headerless.tsv:1: expected a header")),
            "{err:?}"
        );
        let err = PairReader::open(dir.path()).err().map(|e| e.to_string());
        assert_eq!(
            err,
            Some(format!(
                "{}: is a directory, not a file of pairs",
                dir.path().display()
            ))
        );
        // A column named twice is refused, not guessed.
        let twice = dir.path().join("twice.tsv");
        std::fs::write(&twice, "id\tEN\ten\tja\nx\ttariff\tduty\t関税\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let err = read_pairs(&twice).err().map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.ends_with("twice.tsv:1: the header names the en column twice")),
            "{err:?}"
        );
        // JSON Lines have no header.
        let jsonl = dir.path().join("pairs.jsonl");
        std::fs::write(&jsonl, "{\"en\":\"tariff\",\"ja\":\"関税\"}\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read_pairs(&jsonl).map(|p| p.len()).ok(), Some(1));
    }

    /// An empty translation was skipped with a note and no line, exit 0 (a
    /// translator's review found it): it is the first thing a check reports.
    #[test]
    fn an_empty_side_is_an_issue() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Japan will cut tariffs.", ""),
            pair(3, "The safeguard was lifted.", "   "),
            pair(4, "", "日本は関税を下げた。"),
            pair(5, "", ""),
        ];
        let got: Vec<(usize, IssueKind, Lang)> = check_pairs(&a, &pairs, Direction::Both)?
            .iter()
            .map(|i| (i.line, i.kind, i.lang))
            .collect();
        assert_eq!(
            got,
            [
                (2, IssueKind::Empty, Lang::Ja),
                (3, IssueKind::Empty, Lang::Ja),
                (4, IssueKind::Empty, Lang::En)
            ]
        );
        Ok(())
    }

    /// 米国 of two concepts (`US`, `United States`) was reported missing for
    /// the one the English did not use (a review found it).
    /// `pledged` and `promised` for 約束 were reported missing, though the
    /// glossary has `pledge` and `promise` (a review found it); in the
    /// source, a verb form asks for nothing.
    #[test]
    fn a_translation_may_use_a_term_as_a_verb() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Japan pledged to cut its trade surplus.",
                "日本は貿易黒字の削減を約束した。",
            ),
            pair(
                3,
                "Japan promised to cut its trade surplus.",
                "日本は貿易黒字の削減を約束した。",
            ),
            pair(
                4,
                "Japan refused to cut its trade surplus.",
                "日本は貿易黒字の削減を約束した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [4], "{issues:?}");
        let issues = check_pairs(&a, &pairs[..1], Direction::EnJa)?;
        assert!(issues.is_empty(), "{issues:?}");
        assert!(crate::normalize::verb_bases("banned").contains(&"ban".to_string()));
        assert!(crate::normalize::verb_bases("subsidized").contains(&"subsidize".to_string()));
        assert!(crate::normalize::verb_bases("tried").contains(&"try".to_string()));
        Ok(())
    }

    /// A translation in British spelling (`Capital liberalisation`,
    /// `liberalised`) was reported as missing its terms (a terminologist's
    /// review): `-ise` forms of the glossary's `-ize` terms answer them.
    #[test]
    fn british_spellings_answer_ize_terms() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Capital liberalisation advanced.",
                "資本自由化が進んだ。",
            ),
            pair(
                3,
                "Financial liberalisation advanced.",
                "金融自由化が進んだ。",
            ),
            pair(4, "Liberalisation advanced.", "自由化が進んだ。"),
            pair(
                5,
                "Japan liberalised its markets.",
                "日本は市場を自由化した。",
            ),
            pair(
                6,
                "The Japan External Trade Organisation opened an office.",
                "日本貿易振興機構が事務所を開いた。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        assert!(issues.is_empty(), "{issues:?}");
        let issues = check_pairs(&a, &pairs[..3], Direction::EnJa)?;
        assert!(issues.is_empty(), "{issues:?}");
        // A general word in -ise is no term: `enterprise` is no `enterprize`.
        let pairs = [pair(2, "The rise of enterprise.", "企業の台頭。")];
        assert!(check_pairs(&a, &pairs, Direction::EnJa)?.is_empty());
        Ok(())
    }

    /// ウルグァイ・ラウンド (a small ァ) was no ウルグアイ・ラウンド, so
    /// `Uruguay Round` was reported missing (a terminologist's review).
    #[test]
    fn katakana_with_other_vowel_kana_answers_its_term() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The Uruguay Round talks ended.",
                "ウルグァイ・ラウンド交渉が終わった。",
            ),
            pair(
                3,
                "The safeguard was invoked.",
                "セ－フガ－ドが発動された。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::Both)?;
        assert!(issues.is_empty(), "{issues:?}");
        Ok(())
    }

    /// Historical names, correct in texts about their years, were flagged
    /// deprecated against the documented policy (a terminologist's review):
    /// 日本貿易振興会 (JETRO before 2003) and the pre-2014 balance-of-payments
    /// headings are admitted; 狂牛病, a discouraged form, stays deprecated.
    #[test]
    fn historical_names_are_admitted() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let g = a.glossary();
        let pairs = [
            pair(
                2,
                "The Japan External Trade Organization was founded in 1958.",
                "日本貿易振興会は1958年に設立された。",
            ),
            pair(
                3,
                "The capital account was in surplus.",
                "資本収支は黒字だった。",
            ),
            pair(4, "Primary income fell.", "所得収支が減少した。"),
            pair(5, "Secondary income fell.", "経常移転収支が減少した。"),
            pair(
                6,
                "Mad cow disease hit beef exports.",
                "狂牛病が牛肉輸出を直撃した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let found: Vec<(usize, &str)> = issues.iter().map(|i| (i.line, i.term.as_str())).collect();
        assert_eq!(found, [(6, "狂牛病")], "{issues:?}");
        // Each admitted historical name has a note saying when it is right.
        for id in [
            "jetro",
            "capital-account",
            "primary-income-balance",
            "secondary-income-balance",
        ] {
            let c = g.concepts.iter().find(|c| c.id == id);
            assert!(c.is_some_and(|c| !c.note.is_empty()), "{id}");
        }
        Ok(())
    }

    /// `A BIT OF HISTORY` in a headline in capitals asked for 二国間投資協定
    /// (a terminologist's review).
    #[test]
    fn a_headline_in_capitals_asks_for_no_acronym_that_is_a_word() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "WHO IS TO BLAME? A BIT OF HISTORY ON THE US-JAPAN DISPUTE",
                "誰の責任か? 日米紛争の歴史を少し",
            ),
            pair(3, "Japan and Chile signed a BIT.", "日本とチリは署名した。"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let found: Vec<(usize, &str)> = issues.iter().map(|i| (i.line, i.term.as_str())).collect();
        assert_eq!(found, [(3, "BIT")], "{issues:?}");
        Ok(())
    }

    /// Bare 黒字/赤字 and `surplus`/`deficit` were read as the trade
    /// balance, flagging a company's profit, `surplus rice` and `a deficit
    /// of trust` (a terminologist's review): listed in
    /// `data/context-terms.tsv`, they raise no finding alone, while longer
    /// terms are checked and the bare words still answer their concept.
    #[test]
    fn bare_surplus_and_deficit_raise_no_finding_alone() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Toyota returned to profit in 1994.",
                "トヨタは1994年に黒字に転換した。",
            ),
            pair(
                3,
                "The automaker posted a loss.",
                "その自動車メーカーは赤字を計上した。",
            ),
            pair(4, "Surplus rice will be stored.", "余剰米は備蓄される。"),
            pair(
                5,
                "There is a labor surplus in rural areas.",
                "農村部では労働力が余っている。",
            ),
            pair(6, "There is a deficit of trust.", "信頼が欠けている。"),
            // Any country's economy minister (an analyst's review).
            pair(
                7,
                "German Economy Minister Robert Habeck criticized the tariffs.",
                "ドイツのハーベック経済相は関税を批判した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::Both)?;
        let concepts: Vec<&str> = issues.iter().map(|i| i.concept.as_str()).collect();
        assert!(
            !concepts
                .iter()
                .any(|c| c.starts_with("trade-") || *c == "meti-minister"),
            "{issues:?}"
        );
        // The longer terms are checked; the bare word answers them.
        let pairs = [
            pair(
                2,
                "Japan's trade surplus grew.",
                "日本の貿易赤字が拡大した。",
            ),
            pair(
                3,
                "Japan's trade surplus grew.",
                "日本の対米黒字が拡大した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let found: Vec<(usize, &str)> = issues
            .iter()
            .map(|i| (i.line, i.concept.as_str()))
            .collect();
        assert_eq!(found, [(2, "trade-surplus")], "{issues:?}");
        assert!(is_context_term("trade-surplus", Lang::Ja, "黒字"));
        assert!(!is_context_term("trade-surplus", Lang::Ja, "貿易黒字"));
        // The search still finds them (annotation only beside another
        // term of the concept).
        let spans = a.search("黒字に転換した", false);
        assert_eq!(spans.len(), 1);
        Ok(())
    }

    /// 関税同盟 (customs union) passed for `tariffs`, スーパー301条 for
    /// `Section 301`: the shorter term inside another concept's longer one
    /// counted. A Japanese translation keeping an English term in Latin
    /// letters (METIの担当者) was reported missing (a translator's review).
    #[test]
    fn a_term_inside_another_concept_is_no_translation() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Tariffs were raised.", "関税同盟が強化された。"),
            pair(
                3,
                "USTR opened a Section 301 case.",
                "USTRはスーパー301条に基づく調査を開始した。",
            ),
            pair(4, "Tariffs were raised.", "関税引き上げが決まった。"),
            pair(5, "The trade deficit grew.", "二国間貿易赤字が拡大した。"),
            pair(6, "METI officials met.", "METIの担当者が会った。"),
            pair(7, "The yen fell.", "円安が進んだ。"),
            pair(8, "The G7 met.", "Ｇ－７が会合した。"),
            // Inflected words of the longer concept's terms hold the shorter
            // one's (a review found these reported).
            pair(
                9,
                "Negotiations resumed in Geneva.",
                "多角的貿易交渉がジュネーブで再開した。",
            ),
            pair(
                10,
                "Japan invoked a safeguard under the pact.",
                "日本はセーフガード協定に基づき発動した。",
            ),
            // 輸出入 answers `import` and `export`, and the phrase answers
            // 輸出入 (a second review found these reported).
            pair(
                11,
                "Import and export procedures were simplified.",
                "輸出入手続きが簡素化された。",
            ),
            pair(12, "Imports and exports rose.", "輸入と輸出が増えた。"),
            // Another surplus or deficit is none of trade's, though `surplus`
            // is an admitted term of `trade surplus` (an analyst's review
            // found these passed).
            pair(
                13,
                "Japan's trade surplus rose.",
                "日本の経常黒字が増えた。",
            ),
            pair(
                14,
                "The U.S. trade deficit widened.",
                "米国の財政赤字が拡大した。",
            ),
            pair(
                15,
                "Japan's trade surplus with China rose.",
                "日本の対中黒字が増えた。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let lines: Vec<(usize, &str)> = issues
            .iter()
            .map(|i| (i.line, i.concept.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (2, "tariff"),
                (3, "section-301"),
                (13, "trade-surplus"),
                (14, "trade-deficit")
            ],
            "{issues:?}"
        );
        // An acronym inside another concept's term still names its thing:
        // `WTO panel` translates ＷＴＯ (a pipeline review found it reported).
        let wto = [pair(
            16,
            "The WTO panel ruled on the dispute.",
            "ＷＴＯのパネルは紛争について裁定した。",
        )];
        let reported = check_pairs(&a, &wto, Direction::JaEn)?;
        assert!(reported.is_empty(), "{reported:?}");
        // `MFN tariff rate` holds `tariff rate`, whose admitted 税率 its
        // Japanese holds (a first version asking for preferred terms in the
        // source language reported it).
        let mfn = [pair(
            17,
            "The MFN tariff rate applies to WTO members.",
            "最恵国待遇税率はＷＴＯ加盟国に適用される。",
        )];
        let reported = check_pairs(&a, &mfn, Direction::JaEn)?;
        assert!(
            reported.iter().all(|i| i.concept != "tariff-rate"),
            "{reported:?}"
        );
        Ok(())
    }

    /// A word derived from a term shares its Snowball stem, and its
    /// concept was taken as translated: 関税 answered `tariffication`, 交渉
    /// `negotiator`, 輸出 `exporter` (a terminologist's review found it).
    /// Inflections still answer (`tariffs`, `exports`).
    #[test]
    fn a_derived_word_is_another_concept() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Tariffication was agreed.", "関税が合意された。"),
            pair(3, "Negotiators met.", "交渉が行われた。"),
            pair(4, "The trade negotiator arrived.", "貿易交渉が始まった。"),
            pair(5, "The exporter was fined.", "輸出が罰金を科された。"),
            pair(6, "The importer complained.", "輸入が減った。"),
            pair(7, "Tariffs were cut.", "関税が引き下げられた。"),
            pair(8, "Exports rose.", "輸出が増えた。"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let lines: Vec<(usize, &str)> = issues
            .iter()
            .map(|i| (i.line, i.concept.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (2, "tariffication"),
                (3, "negotiator"),
                (4, "negotiator"),
                (5, "exporter"),
                (6, "importer")
            ],
            "{issues:?}"
        );
        Ok(())
    }

    /// A term deprecated under one concept and approved under another was
    /// reported deprecated, "use:" the term itself (a terminologist's review,
    /// from a UTX whose forbidden row shared its target): no such report.
    #[test]
    fn no_term_is_deprecated_in_favour_of_itself() -> Result<(), Error> {
        let term = |t: &str, status| crate::Term {
            term: t.into(),
            reading: None,
            status,
            note: None,
        };
        let concept = |id: &str, en, ja| crate::Concept {
            id: id.into(),
            domain: String::new(),
            definition: String::new(),
            note: String::new(),
            en: vec![en],
            ja: vec![ja],
        };
        let g = crate::Glossary {
            concepts: vec![
                concept(
                    "rice-tariff",
                    term("rice tariff", Status::Preferred),
                    term("コメ関税", Status::Preferred),
                ),
                concept(
                    "rice-duty",
                    term("rice duty", Status::Deprecated),
                    term("コメ関税", Status::Deprecated),
                ),
                concept(
                    "beef-duty",
                    term("beef duty", Status::Deprecated),
                    term("牛肉税", Status::Deprecated),
                ),
            ],
        };
        let a = Annotator::new(g)?;
        let pairs = [
            pair(2, "The rice tariff was cut.", "コメ関税が引き下げられた。"),
            pair(3, "The beef duty was cut.", "牛肉税が引き下げられた。"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        assert!(issues.is_empty(), "{issues:?}");
        Ok(())
    }

    /// Machine proposals loaded with --glossary were binding: `Japanese`
    /// asked for 日本 (a terminologist's review). A proposed source term
    /// asks for nothing and a proposed equivalent is demanded of no one,
    /// while one found in the translation answers its concept; a proposal
    /// neither hides a reviewed term (in the source or the translation)
    /// nor approves a deprecated one. The same pairs admitted are reported,
    /// so the test can fail.
    #[test]
    fn proposed_terms_raise_no_finding_and_answer_their_concept() -> Result<(), Error> {
        let term = |t: &str, status| crate::Term {
            term: t.into(),
            reading: None,
            status,
            note: None,
        };
        let concept = |id: &str, en: Vec<crate::Term>, ja: Vec<crate::Term>| crate::Concept {
            id: id.into(),
            domain: String::new(),
            definition: String::new(),
            note: String::new(),
            en,
            ja,
        };
        let glossary = |p: Status| crate::Glossary {
            concepts: vec![
                concept(
                    "tariff",
                    vec![term("tariff", Status::Preferred)],
                    vec![term("関税", Status::Preferred)],
                ),
                concept(
                    "rice-tariff",
                    vec![term("rice tariff", Status::Preferred)],
                    vec![
                        term("コメ関税", Status::Preferred),
                        term("コメ税", Status::Deprecated),
                    ],
                ),
                concept(
                    "gizmo-levy",
                    vec![term("gizmo levy", Status::Preferred)],
                    vec![term("ギズモ賦課金", Status::Preferred), term("ギズモ税", p)],
                ),
                concept(
                    "steel-quota",
                    vec![term("steel quota", Status::Admitted)],
                    vec![term("鉄鋼枠", p)],
                ),
                concept(
                    "align-japanese",
                    vec![term("Japanese", p)],
                    vec![term("日本", p)],
                ),
                concept(
                    "align-japanese-tariff",
                    vec![term("Japanese tariff", p)],
                    vec![term("邦税", p)],
                ),
                concept(
                    "align-nippon-levy",
                    vec![term("Nippon levy", p)],
                    vec![term("日本関税", p)],
                ),
                concept(
                    "align-rice-tax",
                    vec![term("rice tax", p)],
                    vec![term("コメ税", p)],
                ),
            ],
        };
        let pairs = [
            pair(2, "Japanese exporters met.", "輸出業者が会った。"),
            pair(3, "The Japanese tariff rose.", "日本の税が上がった。"),
            pair(4, "The gizmo levy rose.", "ギズモ税が上がった。"),
            pair(5, "The steel quota rose.", "割当が増えた。"),
            pair(6, "The rice tariff was cut.", "コメ税が引き下げられた。"),
            pair(7, "The tariff rose.", "日本関税が上がった。"),
        ];
        let found = |p: Status| -> Result<Vec<(usize, String, IssueKind)>, Error> {
            let a = Annotator::new(glossary(p))?;
            Ok(check_pairs(&a, &pairs, Direction::EnJa)?
                .into_iter()
                .map(|i| (i.line, i.concept, i.kind))
                .collect())
        };
        assert_eq!(
            found(Status::Proposed)?,
            [
                (3, "tariff".to_string(), IssueKind::Missing),
                (6, "rice-tariff".to_string(), IssueKind::Deprecated)
            ]
        );
        let admitted = found(Status::Admitted)?;
        for want in [
            (2, "align-japanese".to_string(), IssueKind::Missing),
            (5, "steel-quota".to_string(), IssueKind::Missing),
        ] {
            assert!(admitted.contains(&want), "{want:?} in {admitted:?}");
        }
        Ok(())
    }

    /// A term of two concepts missing from the translation was two issues
    /// (輸出入: trade, imports and exports); it is one, expecting either.
    #[test]
    fn a_term_of_several_concepts_is_one_issue() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Shipments with China rose.", "対中輸出入が増えた。"),
            pair(3, "Trade with China rose.", "対中輸出入が増えた。"),
            pair(4, "Imports and exports rose.", "輸入と輸出が増えた。"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].line, 2);
        // From Japanese, a concept of the translation whose Japanese term
        // holds the source's characters does not answer it.
        let customs = [pair(5, "The customs union grew.", "関税が上がった。")];
        let reported = check_pairs(&a, &customs, Direction::JaEn)?;
        assert_eq!(reported.len(), 1, "{reported:?}");
        for t in ["trade", "imports and exports"] {
            assert!(issues[0].expected.iter().any(|e| e == t), "{issues:?}");
        }
        Ok(())
    }

    /// 合意した translated `agreed` was reported missing (`agreement`
    /// expected): a Japanese verbal noun is mostly translated with the verb
    /// the English noun term is made from (ninth session's own check).
    #[test]
    fn a_translation_may_use_the_verb_a_noun_term_is_made_from() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Japan and the US agreed on a deal.", "日米は合意した。"),
            pair(3, "The two sides agree.", "両国は合意する。"),
            pair(4, "They negotiated for months.", "両国は数カ月交渉した。"),
            pair(
                5,
                "Japan complied with the ruling.",
                "日本は裁定を遵守した。",
            ),
            pair(6, "The Diet ratified it.", "国会が批准した。"),
            pair(7, "Japan refused a deal.", "日本は合意を拒んだ。"),
            // `access` is no verb of `accession`.
            pair(8, "Japan sought market access.", "日本は加盟を求めた。"),
            // 2024年度 is `fiscal 2024`.
            pair(
                9,
                "The fiscal 2024 budget passed.",
                "2024年度予算が成立した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        let lines: Vec<(usize, &str)> = issues
            .iter()
            .map(|i| (i.line, i.concept.as_str()))
            .collect();
        assert_eq!(lines, [(7, "agreement"), (8, "accession")], "{issues:?}");
        assert_eq!(verbs_of_noun("agreement"), ["agree"]);
        assert!(verbs_of_noun("liberalization").contains(&"liberalize".to_string()));
        assert!(verbs_of_noun("notification").contains(&"notify".to_string()));
        assert!(verbs_of_noun("tariff").is_empty());
        // A term in `-ing` is answered by its verb's past only: `ruled`
        // for 裁定 (ruling), not the noun `rules`.
        let ruling = [
            pair(10, "The panel ruled on it.", "パネルが裁定した。"),
            pair(
                11,
                "The panel said the rules were broken.",
                "パネルは裁定で違反を認めた。",
            ),
        ];
        let lines: Vec<usize> = check_pairs(&a, &ruling, Direction::JaEn)?
            .iter()
            .filter(|i| i.concept == "ruling")
            .map(|i| i.line)
            .collect();
        assert_eq!(lines, [11]);
        Ok(())
    }

    /// 関税の引き下げ for `tariff cut` was reported missing though it names
    /// the concept of 関税引き下げ (a review found it); the phrase must hold
    /// the term's words in order around の.
    #[test]
    fn a_translation_may_write_a_term_with_no_between_its_words() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The tariff increase hurt.",
                "関税の引き上げが打撃となった。",
            ),
            pair(3, "The tariff increase hurt.", "関税が上がり打撃となった。"),
            pair(
                4,
                "The tariff increase hurt.",
                "引き上げの関税が打撃となった。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [3, 4], "{issues:?}");
        Ok(())
    }

    /// A name the translation writes in lower case (`government
    /// procurement agreement`) answers the glossary's name: it was reported
    /// missing (a review found it).
    #[test]
    fn a_translation_may_write_a_name_in_another_case() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [pair(
            2,
            "The government procurement agreement covers it.",
            "政府調達協定が適用される。",
        )];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        assert!(issues.is_empty(), "{issues:?}");
        // One-word names and acronyms keep their case: `diet` is no Diet.
        let pairs = [
            pair(2, "They discussed a healthy diet.", "国会で議論した。"),
            pair(3, "The business trips were cut.", "TRIPS協定が議論された。"),
        ];
        let lines: Vec<usize> = check_pairs(&a, &pairs, Direction::JaEn)?
            .iter()
            .map(|i| i.line)
            .collect();
        assert_eq!(lines, [2, 3]);
        Ok(())
    }

    #[test]
    fn a_term_of_two_concepts_is_answered_by_either() -> Result<(), Error> {
        let text = "en\tja\nUS\t米国\nUnited States\t米国\n";
        let (g, _) = crate::formats::read(
            text,
            crate::formats::Format::Tsv,
            std::path::Path::new("g.tsv"),
            false,
        )?;
        let a = Annotator::new(g)?;
        let issues = check_pairs(
            &a,
            &[pair(2, "The United States said no.", "米国は拒否した。")],
            Direction::Both,
        )?;
        assert!(issues.is_empty(), "{issues:?}");
        let issues = check_pairs(
            &a,
            &[pair(3, "Japan said no.", "米国は拒否した。")],
            Direction::Both,
        )?;
        // One issue for the one term, expecting either concept's terms
        // (ninth session: it was one issue a concept).
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].expected, ["US", "United States"]);
        Ok(())
    }

    /// From English, a Japanese term the English says otherwise (合意 for
    /// `settled`) is no issue, and a deprecated term of the translation is;
    /// from Japanese, the other way round.
    #[test]
    fn the_direction_says_which_side_is_checked() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "The two sides settled.", "両国は合意した。"),
            pair(3, "BSE cases rose.", "狂牛病の症例が増えた。"),
            // (税率, of `tariff rate`, would answer `tariff` since the
            // ninth session: a concept holding the source's answers it.)
            pair(4, "The tariff rose.", "価格が上がった。"),
        ];
        let kinds = |d: Direction| -> Result<Vec<(usize, IssueKind, Lang)>, Error> {
            Ok(check_pairs(&a, &pairs, d)?
                .iter()
                .map(|i| (i.line, i.kind, i.lang))
                .collect())
        };
        let en_ja = kinds(Direction::EnJa)?;
        assert!(
            en_ja.contains(&(3, IssueKind::Deprecated, Lang::Ja)),
            "{en_ja:?}"
        );
        assert!(
            en_ja.contains(&(4, IssueKind::Missing, Lang::En)),
            "{en_ja:?}"
        );
        assert!(!en_ja.iter().any(|i| i.0 == 2), "{en_ja:?}");
        let ja_en = kinds(Direction::JaEn)?;
        assert!(
            ja_en.contains(&(2, IssueKind::Missing, Lang::Ja)),
            "{ja_en:?}"
        );
        assert!(
            !ja_en.iter().any(|i| i.1 == IssueKind::Deprecated),
            "{ja_en:?}"
        );
        assert!(
            !ja_en
                .iter()
                .any(|i| i.1 == IssueKind::Missing && i.2 == Lang::En),
            "{ja_en:?}"
        );
        let both = kinds(Direction::Both)?;
        assert!(
            both.len() >= en_ja.len() && both.len() >= ja_en.len(),
            "{both:?}"
        );
        Ok(())
    }

    /// An untranslated pair (English copied into `ja`) and swapped columns
    /// passed as clean: the English side's terms are not found on the
    /// Japanese one only if something Japanese stands there.
    #[test]
    fn untranslated_and_swapped_pairs_are_issues() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "The trade surplus grew.", "The trade surplus grew."),
            pair(3, "貿易黒字が拡大した。", "The trade surplus grew."),
            pair(4, "The trade surplus grew.", "貿易黒字が拡大した。"),
            // Acronyms, codes and numbers may stay as they are.
            pair(5, "WTO", "WTO"),
            pair(6, "8703.23 (2023)", "8703.23 (2023)"),
            pair(7, "A safeguard.", "ｾｰﾌｶﾞｰﾄﾞ"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::default())?;
        let got: Vec<(usize, IssueKind, Lang, &str)> = issues
            .iter()
            .map(|i| (i.line, i.kind, i.lang, i.term.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    2,
                    IssueKind::Untranslated,
                    Lang::Ja,
                    "The trade surplus grew."
                ),
                (3, IssueKind::Swapped, Lang::En, "貿易黒字が拡大した。"),
            ]
        );
        let kinds: Vec<String> = issues
            .iter()
            .map(|i| {
                serde_json::to_value(i.kind)
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(kinds, ["\"untranslated\"", "\"swapped\""]);
        Ok(())
    }

    /// A currency sign before an amount renders the currency (a
    /// translator's review found 4625億円 → `¥462.5 billion` and 1兆ドル →
    /// `$1 trillion` reported missing 円 and ドル); another dollar's sign
    /// (`HK$`) or a sign before no amount does not.
    #[test]
    fn currency_signs_before_amounts_answer_their_currency() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The trade deficit was ¥462.5 billion.",
                "貿易赤字は4625億円だった。",
            ),
            pair(
                3,
                "The U.S. trade deficit topped $1 trillion.",
                "米国の貿易赤字は1兆ドルを超えた。",
            ),
            pair(
                4,
                "The U.S. trade deficit topped US$1 trillion.",
                "米国の貿易赤字は1兆ドルを超えた。",
            ),
            pair(
                5,
                "Exports reached € 2 billion.",
                "輸出は20億ユーロに達した。",
            ),
            pair(
                6,
                "The deficit was ￥462.5 billion.",
                "赤字は4625億円だった。",
            ),
            pair(
                7,
                "The fund raised HK$1 billion.",
                "基金は10億ドルを集めた。",
            ),
            pair(8, "It was priced in $ terms.", "ドル建てだった。"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        let missing: Vec<(usize, &str)> = issues
            .iter()
            .filter(|i| i.kind == IssueKind::Missing)
            .map(|i| (i.line, i.concept.as_str()))
            .filter(|(_, c)| ["yen", "dollar", "euro"].contains(c))
            .collect();
        assert_eq!(missing, [(7, "dollar"), (8, "dollar")]);
        // The other way: ￥ in a Japanese translation renders `yen`.
        let pairs = [pair(
            2,
            "The deficit was 462.5 billion yen.",
            "赤字は￥4625億だった。",
        )];
        assert!(check_pairs(&a, &pairs, Direction::EnJa)?.is_empty());
        Ok(())
    }

    /// The glossary terms found on the other side are the longest match at
    /// each place, not the terms inside it too (a translator's review found
    /// `経済, 産業, 経済産業省` and `Foreign Exchange, Trade, Foreign
    /// Exchange and Foreign Trade Act`).
    #[test]
    fn terms_found_are_the_longest_at_each_place() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Japan's trade ministry will tighten export controls on chips.",
                "経済産業省は半導体の輸出規制を強化する。",
            ),
            pair(
                3,
                "Under the Foreign Exchange and Foreign Trade Act, notice is required.",
                "外為法に基づき、対内直接投資の事前届出を求める。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::Both)?;
        let found = |line: usize, lang: Lang| -> Vec<String> {
            issues
                .iter()
                .find(|i| i.line == line && i.lang == lang && i.kind == IssueKind::Missing)
                .map(|i| i.found.clone())
                .unwrap_or_default()
        };
        let ja = found(2, Lang::En);
        assert!(ja.contains(&"経済産業省".to_string()), "{ja:?}");
        assert!(
            !ja.contains(&"経済".to_string()) && !ja.contains(&"産業".to_string()),
            "{ja:?}"
        );
        let en = found(3, Lang::Ja);
        assert!(
            en.contains(&"Foreign Exchange and Foreign Trade Act".to_string()),
            "{en:?}"
        );
        assert!(
            !en.iter().any(|t| t == "Foreign Exchange" || t == "Trade"),
            "{en:?}"
        );
        Ok(())
    }

    /// Press renderings and verb forms of terms answer them in a check from
    /// Japanese (data/renderings-en.tsv; a translator's review found each of
    /// these reported), some for one term only: `held` renders 実施, not
    /// 履行; and none asks for anything in an English source.
    #[test]
    fn press_renderings_answer_japanese_terms() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let good = [
            (
                "日EU経済連携協定が発効した。",
                "The Japan-EU Economic Partnership Agreement entered into force.",
            ),
            (
                "日EU経済連携協定が発効した。",
                "The Japan-EU Economic Partnership Agreement came into force.",
            ),
            (
                "協定は来年発効する。",
                "The agreement will enter into force next year.",
            ),
            (
                "両国は貿易交渉で合意した。",
                "The two countries reached a deal in trade talks.",
            ),
            ("関税引き下げで合意した。", "They agreed to cut tariffs."),
            ("関税引き下げで合意した。", "They agreed to lower tariffs."),
            (
                "日銀は利上げを見送った。",
                "The BOJ held off on raising interest rates.",
            ),
            (
                "財務相は為替介入の可能性を否定しなかった。",
                "The finance minister did not rule out intervening in the currency market.",
            ),
            (
                "円高が進み、輸出企業の収益を圧迫した。",
                "The yen rose, squeezing exporters' profits.",
            ),
            ("円安が一段と進んだ。", "The yen weakened further."),
            (
                "経済産業省は半導体の輸出規制を強化すると発表した。",
                "Japan's trade ministry said it would tighten export controls on chips.",
            ),
            (
                "政府は調査を実施した。",
                "The government conducted a survey.",
            ),
            (
                "両国は来月、協議を実施する。",
                "The two countries will hold talks next month.",
            ),
        ];
        let pairs: Vec<Pair> = good
            .iter()
            .enumerate()
            .map(|(i, (ja, en))| pair(i + 2, en, ja))
            .collect();
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        assert!(issues.is_empty(), "{issues:?}");
        // A rendering of one term answers no other of its concept.
        let pairs = [pair(
            2,
            "They held the meeting as agreed.",
            "合意を履行した。",
        )];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        assert!(issues.iter().any(|i| i.term == "履行"), "{issues:?}");
        // Nor is a rendering looked for in an English source.
        let pairs = [pair(2, "The yen rose.", "円が上昇した。")];
        assert!(check_pairs(&a, &pairs, Direction::EnJa)?.is_empty());
        Ok(())
    }

    /// Old character forms are read as new ones (經濟産業省 is 経済産業省,
    /// answered by `METI`, and raises no 産業 of its own), and 取極め and 取極,
    /// the official spellings of 取り決め, are terms of `agreement` too (a
    /// translator's review found all three).
    #[test]
    fn old_character_forms_and_official_spellings() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "METI issued a statement.",
                "經濟産業省は声明を發表した。",
            ),
            pair(3, "They signed the arrangement.", "取極めに署名した。"),
            pair(4, "They signed the arrangement.", "取り決めに署名した。"),
            pair(5, "They signed the arrangement.", "取極に署名した。"),
        ];
        let issues = check_pairs(&a, &pairs, Direction::JaEn)?;
        assert!(issues.is_empty(), "{issues:?}");
        let text = "經濟産業省と取極めを結んだ。";
        let found: Vec<(&str, &str)> = a
            .annotate(text)
            .iter()
            .map(|s| {
                (
                    &text[s.start..s.end],
                    a.glossary().concepts[s.concept].id.as_str(),
                )
            })
            .collect();
        assert_eq!(found, [("經濟産業省", "meti"), ("取極め", "agreement")]);
        // And the other way: a Japanese translation in old forms answers.
        let pairs = [pair(
            2,
            "METI issued a statement.",
            "經濟産業省は声明を出した。",
        )];
        assert!(check_pairs(&a, &pairs, Direction::EnJa)?.is_empty());
        Ok(())
    }

    #[test]
    fn json_lines_need_both_sides() {
        let items = read(
            "{\"en\":\"tariff\",\"ja\":\"関税\"}\n{\"en\":\"quota\"}\n",
            true,
        );
        assert_eq!(items[0].as_ref().map(|p| p.ja.as_str()), Ok("関税"));
        let err = items[1].clone().err().unwrap_or_default();
        assert!(err.contains("\"ja\""), "{err}");
    }

    /// JSON Lines fields are named as TSV columns are (a terminologist's
    /// review found `EN`/`JA` refused on every line).
    #[test]
    fn json_lines_fields_name_their_language_in_any_case_or_as_tags() {
        let items = read(
            "{\"EN\":\"tariff\",\"JA\":\"関税\"}\n{\"en-US\":\"quota\",\"ja_JP\":\"割当\",\"id\":7}\n\
             {\"en-US\":\"a\",\"en-GB\":\"b\",\"ja\":\"c\"}\n\
             {\"en\":\"Quotas rose.\",\"EN\":\"Tariffs rose.\",\"ja\":\"c\"}\n\
             {\"en\":\"Tariffs rose.\",\"ja\":\"関税が上がった。\",\"ja_mt\":\"関税上昇。\"}\n",
            true,
        );
        assert_eq!(items[0].as_ref().map(|p| p.ja.as_str()), Ok("関税"));
        assert_eq!(items[1].as_ref().map(|p| p.en.as_str()), Ok("quota"));
        let err = items[2].clone().err().unwrap_or_default();
        assert!(err.contains("two fields naming en"), "{err}");
        let err = items[3].clone().err().unwrap_or_default();
        assert!(err.contains("two fields naming en"), "{err}");
        // A field named `ja` exactly wins over others that start so.
        assert_eq!(
            items[4].as_ref().map(|p| p.ja.as_str()),
            Ok("関税が上がった。")
        );
        // A TSV header too: `ja_mt` beside `ja` is another column.
        let items = read("en\tja\tja_mt\ntariff\t関税\t関税率\n", false);
        assert_eq!(items[0].as_ref().map(|p| p.ja.as_str()), Ok("関税"));
        let items = read("en\tEN\tja\ntariff\tquota\t関税\n", false);
        let err = items[0].clone().err().unwrap_or_default();
        assert!(err.contains("names the en column twice"), "{err}");
    }

    /// A TSV line of a tab alone is a pair with both sides empty: read and
    /// counted, not passed over as blank (a pipeline review found it).
    #[test]
    fn a_line_of_a_tab_is_a_pair() {
        let items = read("en\tja\ntariff\t関税\n\t\n\nquota\t割当\n", false);
        let ens: Vec<Result<String, String>> = items
            .iter()
            .map(|i| i.as_ref().map(|p| p.en.clone()).map_err(Clone::clone))
            .collect();
        assert_eq!(
            ens,
            [Ok("tariff".into()), Ok(String::new()), Ok("quota".into())]
        );
        // A tab that does not reach the columns is a blank line, as before.
        let items = read("id\ten\tja\n1\ttariff\t関税\n\t\n", false);
        assert_eq!(items.len(), 1, "{items:?}");
    }

    /// The issues of `pairs` checked in `direction`, as (line, concept).
    fn issues_of(
        a: &Annotator,
        pairs: &[Pair],
        direction: Direction,
    ) -> Result<Vec<(usize, String)>, Error> {
        Ok(check_pairs(a, pairs, direction)?
            .into_iter()
            .map(|i| (i.line, i.concept))
            .collect())
    }

    /// False alarms a translator's review found: the words of a longer
    /// term the glossary lacked (`MFN tariff`, `semiconductor manufacturing
    /// equipment`), a variant (農産品), `talks` translated inside a name
    /// (日米包括経済協議), and `chips` that are no semiconductors.
    #[test]
    fn words_of_longer_terms_and_names_raise_no_false_alarm() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The applied MFN tariff was 6.1 per cent.",
                "実行最恵国税率は6.1%であった。",
            ),
            pair(
                3,
                "Exports of semiconductor manufacturing equipment fell.",
                "半導体製造装置の輸出が減った。",
            ),
            pair(
                4,
                "Tariffs on agricultural products rose.",
                "農産品の関税が上がった。",
            ),
            pair(
                5,
                "The United States-Japan Framework talks resumed.",
                "日米包括経済協議が再開した。",
            ),
            pair(6, "He ate potato chips.", "彼はポテトチップスを食べた。"),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::Both)?, []);
        // A translation that drops the term is still found.
        let pairs = [pair(
            2,
            "Exports of semiconductor manufacturing equipment fell.",
            "半導体の輸出が減った。",
        )];
        assert_eq!(
            issues_of(&a, &pairs, Direction::EnJa)?,
            [(2, "semiconductor-manufacturing-equipment".to_string())]
        );
        Ok(())
    }

    /// A Japanese translator's review: 非関税障壁 passed for `tariff
    /// barriers`; standard renderings were reported (`ruling coalition` for
    /// 与党, `summit` for 首脳会談, `trade deficit` for 貿易収支…赤字).
    #[test]
    fn negated_terms_and_news_renderings() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [pair(
            2,
            "The government is considering removing tariff barriers.",
            "政府は非関税障壁の撤廃を検討している。",
        )];
        assert_eq!(
            issues_of(&a, &pairs, Direction::EnJa)?,
            [(2, "tariff-barrier".to_string())]
        );
        let pairs = [
            pair(
                2,
                "Japan posted a trade deficit for the third straight month.",
                "日本の貿易収支は３か月連続の赤字となった。",
            ),
            pair(
                3,
                "The ruling coalition lost its majority.",
                "与党は過半数を失った。",
            ),
            pair(
                4,
                "The two leaders held a summit.",
                "両首脳は首脳会談を行った。",
            ),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::JaEn)?, []);
        Ok(())
    }

    /// Katakana compounds written with a middle dot that IPADIC reads as
    /// one word without it were reported missing (a terminologist's review).
    #[test]
    fn dotted_katakana_compounds_answer_their_terms() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The sunset review began.",
                "サンセット・レビューが始まった。",
            ),
            pair(
                3,
                "The White House said so.",
                "ホワイト・ハウスがそう述べた。",
            ),
            pair(4, "Tariff peaks remain.", "タリフ・ピークが残る。"),
            pair(
                5,
                "The tariff lines were cut.",
                "タリフ・ラインが削減された。",
            ),
            pair(
                6,
                "An early harvest was agreed.",
                "アーリー・ハーベストで合意した。",
            ),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::Both)?, []);
        Ok(())
    }

    /// A word of a longer name or title the glossary lacks was checked on
    /// its own: `Ministry` of `Ministry of Commerce` asked for 省庁,
    /// `Agriculture` of a minister's title for 農業, `Secretary of State` of
    /// a British minister's for 国務長官, and 経済 and 大臣 of
    /// 経済再生担当大臣 for `economy` and `cabinet minister` (a
    /// terminologist's review). Names the glossary has, and terms beside a
    /// person's name or a nationality, are checked as before.
    #[test]
    fn words_of_a_longer_name_or_title_are_no_terms() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Minister of Agriculture, Forestry and Fisheries Taku Eto spoke.",
                "江藤拓農林水産大臣が発言した。",
            ),
            pair(
                3,
                "UK Secretary of State for Business and Trade Kemi Badenoch visited Tokyo.",
                "ケミ・ベーデノック英ビジネス・貿易相が東京を訪れた。",
            ),
            pair(
                4,
                "China's Ministry of Industry and Information Technology objected.",
                "中国工業情報化部が反発した。",
            ),
            pair(
                5,
                "The Ministry of Finance and the Bank of Japan met.",
                "財務省と日銀が会合した。",
            ),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::EnJa)?, []);
        let checked = [
            pair(
                2,
                "Prime Minister Shigeru Ishiba said so.",
                "石破茂氏はそう述べた。",
            ),
            pair(
                3,
                "Japanese Prime Minister Shigeru Ishiba said so.",
                "石破茂氏はそう述べた。",
            ),
            pair(
                4,
                "US Secretary of State Marco Rubio visited Tokyo.",
                "ルビオ氏が東京を訪れた。",
            ),
            // A headline in title case capitalises every word: no name.
            pair(5, "Rise of Protectionism Worries Exporters", "懸念が強まる"),
            pair(
                6,
                "Tariffs, Japan said, would rise.",
                "日本は上がると述べた。",
            ),
        ];
        let want: Vec<(usize, String)> = [
            (2, "prime-minister"),
            (3, "prime-minister"),
            (4, "secretary-of-state"),
            (5, "protectionism"),
            (5, "exporter"),
            (6, "tariff"),
        ]
        .iter()
        .map(|&(l, c)| (l, c.to_string()))
        .collect();
        assert_eq!(issues_of(&a, &checked, Direction::EnJa)?, want);
        // From Japanese: a term inside a title compound is a word of it;
        // one ending the compound past its head is the title itself.
        let pairs = [
            pair(
                2,
                "Minister for Economic Revitalization Ryosei Akazawa was appointed.",
                "赤沢亮正経済再生担当大臣が任命された。",
            ),
            pair(3, "The minister spoke.", "貿易相が発言した。"),
            pair(
                4,
                "Yoji Muto chaired the meeting.",
                "武藤容治経済産業大臣が議長を務めた。",
            ),
            pair(5, "Motegi visited the US.", "茂木外相が訪米した。"),
        ];
        let want: Vec<(usize, String)> = [(4, "meti-minister"), (5, "foreign-minister")]
            .iter()
            .map(|&(l, c)| (l, c.to_string()))
            .collect();
        assert_eq!(issues_of(&a, &pairs, Direction::JaEn)?, want);
        Ok(())
    }

    /// `the ministry` translated 同省, or by the ministry's own name, was
    /// reported missing 省庁 (a terminologist's review); 大臣 translated
    /// `Minister` was reported missing `cabinet minister`, and a source's
    /// `minister`, any minister, asks for no 大臣 (江藤農相).
    #[test]
    fn ministries_and_ministers_as_translations_name_them() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The ministry said it would respond.",
                "同省は対応すると述べた。",
            ),
            pair(
                3,
                "India's commerce ministry said it would respond.",
                "インド商工省は対応すると述べた。",
            ),
            pair(4, "The minister resigned.", "江藤農相が辞任した。"),
            pair(5, "The cabinet minister resigned.", "江藤農相が辞任した。"),
            pair(
                6,
                "The ministry said it would respond.",
                "政府は対応すると述べた。",
            ),
        ];
        let want: Vec<(usize, String)> = vec![(6, "ministry".to_string())];
        assert_eq!(issues_of(&a, &pairs, Direction::EnJa)?, want);
        let pairs = [
            pair(
                2,
                "The Minister said free trade was important.",
                "大臣は、自由貿易が重要だと述べた。",
            ),
            pair(3, "The ministers met.", "閣僚が会合した。"),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::JaEn)?, []);
        // Only a compound of two kanji or more ending in a head: 省 alone is
        // no ministry.
        let heads = TitleHeads::new(a.glossary());
        let ids = |text: &str| -> Vec<&str> {
            heads
                .concepts_in(text)
                .iter()
                .map(|&c| a.glossary().concepts[c].id.as_str())
                .collect()
        };
        assert_eq!(ids("同省は"), ["ministry"]);
        assert_eq!(ids("農相と同省"), ["cabinet-minister", "ministry"]);
        assert!(ids("省エネ").is_empty());
        Ok(())
    }

    /// 輸出者 and 輸入者, the customs and EPA terms (認定輸出者, 自己申告制度:
    /// 輸入者、輸出者又は生産者), were reported for `exporter` and `importer`
    /// (a terminologist's review).
    #[test]
    fn customs_exporters_and_importers() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Exporters must certify origin.",
                "輸出者は原産地を証明しなければならない。",
            ),
            pair(
                3,
                "The importer keeps the records.",
                "輸入者が記録を保存する。",
            ),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::Both)?, []);
        Ok(())
    }

    /// `Countervailing duties offset subsidies` asked for オフセット要求, the
    /// procurement concept, of a verb (a terminologist's review): bare
    /// `offset` is that concept only in context and asks for nothing alone;
    /// `offset requirement` is checked.
    #[test]
    fn the_verb_offset_asks_for_no_procurement_offset() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Countervailing duties offset subsidies.",
                "相殺関税は補助金を相殺する。",
            ),
            pair(
                3,
                "The offset requirement was dropped.",
                "その条件は撤廃された。",
            ),
            pair(
                4,
                "The offset requirement was dropped.",
                "オフセット要求は撤廃された。",
            ),
        ];
        let want: Vec<(usize, String)> = vec![(3, "offset-requirement".to_string())];
        assert_eq!(issues_of(&a, &pairs, Direction::EnJa)?, want);
        Ok(())
    }

    /// China's Ministry of Commerce: 中国商務省 was the US Department of
    /// Commerce, and a correct pair failed both ways (an analyst's review).
    /// Bare 商務省 answers either and asks for neither.
    #[test]
    fn chinas_ministry_of_commerce_is_its_own_concept() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "China's Ministry of Commerce said it would ban gallium exports to the United States.",
                "中国商務省は米国向けのガリウム輸出を禁止すると発表した。",
            ),
            pair(
                3,
                "China's Ministry of Commerce objected.",
                "中国商務部が反発した。",
            ),
            pair(4, "MOFCOM objected.", "商務部が反発した。"),
            pair(
                5,
                "The Ministry of Commerce objected.",
                "商務省が反発した。",
            ),
            pair(6, "The Commerce Department objected.", "商務省が反発した。"),
            pair(7, "The department objected.", "商務省が反発した。"),
        ];
        for direction in [Direction::EnJa, Direction::JaEn, Direction::Both] {
            assert_eq!(issues_of(&a, &pairs, direction)?, [], "{direction:?}");
        }
        // The US department is not China's ministry, nor the other way.
        let pairs = [
            pair(
                2,
                "The Commerce Department objected.",
                "中国商務省が反発した。",
            ),
            pair(
                3,
                "China's Ministry of Commerce objected.",
                "米商務省が反発した。",
            ),
        ];
        let want: Vec<(usize, String)> = vec![
            (2, "department-of-commerce".to_string()),
            (3, "mofcom".to_string()),
        ];
        assert_eq!(issues_of(&a, &pairs, Direction::EnJa)?, want);
        Ok(())
    }

    /// A number of the source wants one of its value in the translation,
    /// scale words and myriads read (`1.5 trillion yen` is no 1.5億円, `$5
    /// billion` is 50億ドル), number words, ordinals and months counted on
    /// the English side, a year of two digits written whole (an analyst's
    /// review found `15%` rendered 25％ passed).
    #[test]
    fn numbers_of_the_source_want_their_value_in_the_translation() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The rate will be cut to 15% in July.",
                "税率は7月に25％に引き下げられる。",
            ),
            pair(
                3,
                "Exports reached 1.5 trillion yen.",
                "輸出は1.5億円に達した。",
            ),
            pair(
                4,
                "Exports reached 1.5 trillion yen.",
                "輸出は1.5兆円に達した。",
            ),
            pair(
                5,
                "Two days later, on April 3, 2025, talks resumed.",
                "2日後の2025年4月3日、協議が再開した。",
            ),
            pair(
                6,
                "The President might scrub scheduled ’94 talks.",
                "大統領は1994年の協議を取りやめる可能性がある。",
            ),
            pair(
                7,
                "$5 billion in aid and 10,000 cars.",
                "50億ドルの援助と1万台の車。",
            ),
            // Written otherwise, and right (code and translator reviews).
            pair(
                8,
                "About 12,000 people attended.",
                "約1万2000人が出席した。",
            ),
            pair(9, "The meeting starts at 15:00.", "会議は午後3時に始まる。"),
            pair(
                10,
                "Exports rose 30% in fiscal 2024.",
                "令和6年度の輸出は3割増えた。",
            ),
            pair(11, "Twenty countries signed.", "二十カ国が署名した。"),
            pair(
                12,
                "COVID-19 hit exports of $5m.",
                "新型コロナが500万ドルの輸出を直撃した。",
            ),
        ];
        let numbers = |d: Direction| -> Result<Vec<(usize, Lang, String)>, Error> {
            Ok(check_pairs(&a, &pairs, d)?
                .into_iter()
                .filter(|i| i.kind == IssueKind::Number)
                .map(|i| (i.line, i.lang, i.term))
                .collect())
        };
        assert_eq!(
            numbers(Direction::EnJa)?,
            [
                (2, Lang::En, "15%".to_string()),
                (3, Lang::En, "1.5 trillion".to_string())
            ]
        );
        assert_eq!(
            numbers(Direction::JaEn)?,
            [
                (2, Lang::Ja, "25%".to_string()),
                (3, Lang::Ja, "1.5億".to_string())
            ]
        );
        Ok(())
    }

    /// A date keeps its month and its day: `March 4` as 4月3日 holds every
    /// number but is another date (a translator's review); a translation
    /// writing no date leaves it to the number check.
    #[test]
    fn dates_keep_their_month_and_day() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Talks began on March 4.", "交渉は4月3日に始まった。"),
            pair(3, "Talks began on March 4.", "交渉は3月4日に始まった。"),
            pair(
                4,
                "Talks began on 4 March 1993.",
                "交渉は1993年三月四日に始まった。",
            ),
            pair(5, "Talks began on March 4.", "交渉は3月5日に始まった。"),
            pair(6, "Talks began on March 4.", "交渉は4日に始まった。"),
        ];
        let found = |d: Direction| -> Result<Vec<(usize, IssueKind, String)>, Error> {
            Ok(check_pairs(&a, &pairs, d)?
                .into_iter()
                .filter(|i| matches!(i.kind, IssueKind::Number | IssueKind::Date))
                .map(|i| (i.line, i.kind, i.term))
                .collect())
        };
        // One issue for the changed date, not a second for its day.
        assert_eq!(
            found(Direction::EnJa)?,
            [
                (2, IssueKind::Date, "March 4".to_string()),
                (5, IssueKind::Date, "March 4".to_string())
            ]
        );
        let back = [pair(
            2,
            "Talks began on March 4.",
            "交渉は4月3日に始まった。",
        )];
        // Both ways, the mistake is said once, from the English side.
        let both = check_pairs(&a, &back, Direction::Both)?;
        let langs: Vec<Lang> = both
            .iter()
            .filter(|i| i.kind == IssueKind::Date)
            .map(|i| i.lang)
            .collect();
        assert_eq!(langs, [Lang::En], "{both:?}");
        let issues = check_pairs(&a, &back, Direction::JaEn)?;
        let dates: Vec<&Issue> = issues
            .iter()
            .filter(|i| i.kind == IssueKind::Date)
            .collect();
        assert_eq!(dates.len(), 1, "{issues:?}");
        assert_eq!(
            (dates[0].lang, dates[0].term.as_str()),
            (Lang::Ja, "4月3日")
        );
        assert_eq!(dates[0].found, ["March 4"]);
        assert_eq!(dates[0].expected, ["April 3"]);
        // A code review and a translator's review: ranges, a month left
        // out before a second day, a kanji date in the source, and no
        // number issue beside a date issue.
        let more = [
            pair(
                2,
                "Talks run from March 4 to March 10.",
                "交渉は3月4日から10日まで行われる。",
            ),
            pair(3, "March 4-5 and April 1.", "3月4～5日と4月1日。"),
            pair(4, "Talks on March 4–5.", "交渉は4月3～5日に。"),
            pair(5, "Talks began on May 4.", "交渉は3月4日に始まった。"),
            pair(6, "Talks began on April 3.", "交渉は三月四日に始まった。"),
            pair(7, "Talks on March 4, 5 and 6.", "交渉は3月4～6日に。"),
            // A second code review: a number after a date's comma, a
            // numbered line, weekdays in brackets, a span of days.
            pair(
                8,
                "On March 4, 20 companies signed.",
                "3月4日に20社が署名した。",
            ),
            pair(9, "2. March 4: talks open.", "2. 3月4日：交渉開始。"),
            pair(10, "Talks on March 4-6.", "交渉は3月4日(火)～6日(木)に。"),
            pair(
                11,
                "The fair opens for five days from March 4.",
                "見本市は3月4日から5日間開かれる。",
            ),
            // A translator's review: 同10日, 翌5日 and 同月10日 are days of
            // the month before; 3月末 and 3月期 end March; quarters.
            pair(
                12,
                "Officials met from March 4 through 10.",
                "当局者らは3月4日から同10日まで会合を開いた。",
            ),
            pair(
                13,
                "Officials met on March 4 and 5.",
                "当局者らは3月4日と翌5日に会合を開いた。",
            ),
            pair(
                14,
                "They met on March 4, and again on March 10.",
                "3月4日に会い、同月10日にも会った。",
            ),
            pair(
                15,
                "Reserves stood at $1.2 trillion as of March 31.",
                "3月末時点の準備高は1兆2000億ドルだった。",
            ),
            pair(
                16,
                "Profit rose in the quarter ended June 30.",
                "4～6月期の利益は増えた。",
            ),
            pair(
                17,
                "GDP grew 0.5% in the first quarter.",
                "1～3月期のGDPは0.5％増えた。",
            ),
        ];
        let found = |d: Direction| -> Result<Vec<(usize, Lang, IssueKind, String)>, Error> {
            Ok(check_pairs(&a, &more, d)?
                .into_iter()
                .filter(|i| matches!(i.kind, IssueKind::Number | IssueKind::Date))
                .map(|i| (i.line, i.lang, i.kind, i.term))
                .collect())
        };
        assert_eq!(
            found(Direction::EnJa)?,
            [
                (4, Lang::En, IssueKind::Date, "March 4–5".to_string()),
                (5, Lang::En, IssueKind::Date, "May 4".to_string()),
                (6, Lang::En, IssueKind::Date, "April 3".to_string())
            ]
        );
        // (The surface is read in NFKC: the full-width tilde is `~`.)
        assert_eq!(
            found(Direction::JaEn)?,
            [
                (4, Lang::Ja, IssueKind::Date, "4月3~5日".to_string()),
                (5, Lang::Ja, IssueKind::Date, "3月4日".to_string()),
                (6, Lang::Ja, IssueKind::Date, "三月四日".to_string())
            ]
        );
        // Only the numbers inside a wrong date are its; others are still
        // checked. A date written twice is expected once.
        let apart = [
            pair(
                2,
                "Talks on March 4 drew 4 firms.",
                "3月5日の交渉に5社が参加した。",
            ),
            pair(3, "Talks on March 4 and March 4 again.", "交渉は4月3日。"),
        ];
        let issues = check_pairs(&a, &apart, Direction::EnJa)?;
        let found: Vec<(usize, IssueKind, &str, &[String])> = issues
            .iter()
            .filter(|i| matches!(i.kind, IssueKind::Number | IssueKind::Date))
            .map(|i| (i.line, i.kind, i.term.as_str(), i.expected.as_slice()))
            .collect();
        let expected = ["3月4日".to_string()];
        assert_eq!(
            found,
            [
                (2, IssueKind::Date, "March 4", &expected[..]),
                (2, IssueKind::Number, "4", &[][..]),
                (3, IssueKind::Date, "March 4", &expected[..])
            ]
        );
        Ok(())
    }

    /// An amount in another currency is another amount (`$35 billion` as
    /// 350億円 passed the number check; the previous notes left it undone).
    #[test]
    fn amounts_keep_their_currency() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(2, "Exports reached $35 billion.", "輸出は350億円に達した。"),
            pair(
                3,
                "Exports reached $35 billion.",
                "輸出は350億ドルに達した。",
            ),
            pair(4, "Exports reached $35 billion.", "輸出は350億に達した。"),
            pair(5, "Sales hit 2 trillion yen.", "売上は2兆ドルに達した。"),
            pair(
                6,
                "Sales hit ¥1.2 trillion ($8 billion).",
                "売上は1兆2000億円（80億ドル）に達した。",
            ),
            pair(7, "It cost €5 million.", "費用は500万ユーロだった。"),
            // A translator's review: a rate's unit is no amount, pounds
            // weigh, pesos are no dollars.
            pair(
                8,
                "The dollar gained 1 yen to 151.20 yen.",
                "ドルは1円上昇し、1ドル＝151.20円となった。",
            ),
            pair(9, "The dividend is ¥50 a share.", "配当は1株当たり50円。"),
            pair(
                10,
                "Japan shipped 2 million pounds of beef.",
                "日本は200万ポンドの牛肉を出荷した。",
            ),
            pair(
                11,
                "Mexico raised 20 billion pesos.",
                "メキシコは200億ドルを調達した。",
            ),
        ];
        type Found = Vec<(usize, Lang, String, Vec<String>)>;
        let found = |d: Direction| -> Result<Found, Error> {
            Ok(check_pairs(&a, &pairs, d)?
                .into_iter()
                .filter(|i| i.kind == IssueKind::Currency)
                .map(|i| (i.line, i.lang, i.term, i.expected))
                .collect())
        };
        assert_eq!(
            found(Direction::EnJa)?,
            [
                (
                    2,
                    Lang::En,
                    "35 billion".to_string(),
                    vec!["USD".to_string()]
                ),
                (
                    5,
                    Lang::En,
                    "2 trillion".to_string(),
                    vec!["JPY".to_string()]
                ),
                (
                    11,
                    Lang::En,
                    "20 billion".to_string(),
                    vec!["MXN".to_string()]
                )
            ]
        );
        assert_eq!(
            found(Direction::JaEn)?,
            [
                (2, Lang::Ja, "350億".to_string(), vec!["JPY".to_string()]),
                (5, Lang::Ja, "2兆".to_string(), vec!["USD".to_string()]),
                (11, Lang::Ja, "200億".to_string(), vec!["USD".to_string()])
            ]
        );
        // Nor a number issue for the rate's 1 or the share's 1.
        let numbers: Vec<usize> = check_pairs(&a, &pairs, Direction::Both)?
            .into_iter()
            .filter(|i| i.kind == IssueKind::Number)
            .map(|i| i.line)
            .collect();
        assert!(numbers.is_empty(), "{numbers:?}");
        Ok(())
    }

    /// An admitted synonym holds a concept only as its head: 関税 (`customs
    /// duty`, `import duty` of `tariff`) translates no `customs` and no
    /// `imports` (a translator's review), while 日米包括経済協議 (`Framework
    /// Talks`) translates `talks`.
    #[test]
    fn an_admitted_synonym_holds_a_concept_only_as_its_head() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "Customs officials seized the goods.",
                "関税当局は商品を押収した。",
            ),
            pair(3, "Imports rose.", "関税が上がった。"),
            pair(
                4,
                "Customs officials seized the goods.",
                "税関当局は商品を押収した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        let found: Vec<(usize, &str)> = issues
            .iter()
            .map(|i| (i.line, i.concept.as_str()))
            .collect();
        assert_eq!(found, [(2, "customs"), (3, "import")], "{issues:?}");
        Ok(())
    }

    /// A term hidden inside a longer word (`data/other-words.tsv`) or a
    /// bare context term used in its everyday sense asks no translation.
    #[test]
    fn hidden_terms_and_everyday_words_raise_no_finding() -> Result<(), Error> {
        let a = Annotator::new(crate::shared_default_glossary()?)?;
        let pairs = [
            pair(
                2,
                "The time-series data were revised.",
                "時系列データが改定された。",
            ),
            pair(
                3,
                "The coins remain legal tender.",
                "その硬貨は今も支払いに使える。",
            ),
            pair(
                4,
                "The government judged the impact to be limited.",
                "政府は影響は限定的と判断した。",
            ),
            pair(
                5,
                "He gave an exclusive interview.",
                "彼は単独インタビューに応じた。",
            ),
            pair(6, "Hillary Clinton arrived.", "ヒラリー氏が到着した。"),
            pair(
                7,
                "Mrs. Clinton arrived.",
                "ヒラリー・クリントン氏が到着した。",
            ),
        ];
        let issues = check_pairs(&a, &pairs, Direction::Both)?;
        assert!(issues.is_empty(), "{issues:?}");
        // The same terms standing alone are checked.
        let pairs = [pair(2, "Keiretsu ties were cut.", "取引関係が切られた。")];
        let issues = check_pairs(&a, &pairs, Direction::EnJa)?;
        assert_eq!(issues.len(), 1, "{issues:?}");
        Ok(())
    }

    /// Every row of `data/context-terms.tsv` names a term of its concept in
    /// the default glossary, and every concept of `data/title-heads-ja.tsv`
    /// is one of it: a row naming nothing would change nothing, silently.
    #[test]
    fn the_data_files_name_terms_and_concepts_of_the_default_glossary() -> Result<(), Error> {
        let g = crate::default_glossary()?;
        for line in CONTEXT_TERMS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 3, "{line}");
            let lang = Lang::from_tag(cells[1]).unwrap_or(Lang::En);
            assert_eq!(lang.code(), cells[1], "{line}");
            let concept = g.get(cells[0]);
            assert!(
                concept.is_some_and(|c| c.terms(lang).iter().any(|t| t.term == cells[2])),
                "{line}"
            );
            assert!(is_context_term(cells[0], lang, cells[2]), "{line}");
        }
        let mut heads = 0;
        for line in crate::names::TITLE_HEADS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 2, "{line}");
            assert!(cells[0].chars().all(crate::normalize::is_kanji), "{line}");
            assert!(cells[1] == "-" || g.get(cells[1]).is_some(), "{line}");
            heads += 1;
        }
        assert_eq!(TitleHeads::new(g).heads.len(), heads);
        Ok(())
    }
}
