//! TBX: written as ISO 30042:2019 TBX-Basic (`conceptEntry` / `langSec` /
//! `termSec`); read in that form and in TBX v2's `martif` (`termEntry` /
//! `langSet` / `tig` or `ntig`). Readings travel as `termNote
//! type="pronunciation"`, statuses as `administrativeStatus`, a concept's
//! note as a `note` of the entry. No DTD is read
//! and no entity other than XML's five is expanded.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use crate::{Concept, Error, Glossary, Lang, Status, Term};

fn admin_status(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
    }
}

/// Text content escaped: XML's five characters and the carriage return,
/// which an XML reader would turn into a line feed, as a character reference.
/// Characters XML 1.0 cannot hold at all, not even as references, are
/// replaced: the vertical tab (a manual line break in Word's cells), form
/// feed and separators of C0 by a line feed, the other controls by a space.
fn text(s: &str) -> String {
    let s: std::borrow::Cow<str> = if s.chars().any(|c| !xml_char(c)) {
        xml_safe(s).into()
    } else {
        s.into()
    };
    escape(s.as_ref()).replace('\r', "&#13;")
}

/// `s` with the characters XML 1.0 cannot hold replaced: the vertical tab,
/// form feed and separators of C0 by a line feed, the rest by a space.
fn xml_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            _ if xml_char(c) => c,
            '\u{0b}' | '\u{0c}' | '\u{1c}'..='\u{1e}' => '\n',
            _ => ' ',
        })
        .collect()
}

/// True for a character XML 1.0 allows in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// An attribute value escaped: as text, and tabs and line feeds too, which
/// an XML reader would turn into spaces.
fn attribute(s: &str) -> String {
    text(s).replace('\t', "&#9;").replace('\n', "&#10;")
}

/// True for a character that may start an XML name without a colon
/// (XML 1.0 fifth edition's NameStartChar less `:`).
fn name_start_char(c: char) -> bool {
    matches!(c as u32,
        0x41..=0x5A | 0x5F | 0x61..=0x7A | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF
        | 0x370..=0x37D | 0x37F..=0x1FFF | 0x200C..=0x200D | 0x2070..=0x218F
        | 0x2C00..=0x2FEF | 0x3001..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD
        | 0x10000..=0xEFFFF)
}

/// True for a character that may stand inside an XML name without a colon
/// (NameChar less `:`).
fn name_char(c: char) -> bool {
    name_start_char(c)
        || matches!(c as u32, 0x2D | 0x2E | 0x30..=0x39 | 0xB7 | 0x300..=0x36F | 0x203F..=0x2040)
}

/// True when `id` is an NCName, as TBX's schema types ids (`xs:ID`).
fn is_ncname(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(name_start_char) && chars.all(name_char)
}

/// The ids to write for `ids`, each an NCName, all distinct: a valid id
/// stays as it is (all are reserved first, so none is taken by another);
/// in an invalid one, characters that cannot stand in a name become `-`
/// (`C++ rules` → `C-rules`), a bad start gets `_` (`301-investigation` →
/// `_301-investigation`), and a clash gets `-2`, `-3`…
fn xml_ids<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> = ids
        .clone()
        .filter(|id| is_ncname(id))
        .map(String::from)
        .collect();
    ids.map(|id| {
        if is_ncname(id) {
            return id.to_string();
        }
        let mut name = String::with_capacity(id.len() + 1);
        for c in id.chars() {
            if name_char(c) {
                name.push(c);
            } else if !name.ends_with('-') {
                name.push('-');
            }
        }
        let name = name.trim_matches('-');
        let base = match name.chars().next() {
            Some(c) if name_start_char(c) => name.to_string(),
            _ => format!("_{name}"),
        };
        let mut name = base.clone();
        let mut k = 2;
        while taken.contains(&name) {
            name = format!("{base}-{k}");
            k += 1;
        }
        taken.insert(name.clone());
        name
    })
    .collect()
}

/// The concept ids TBX writes otherwise, as (id, written): those that are no
/// XML names (`301-investigation` → `_301-investigation`), which TBX's schema
/// requires ids to be.
pub fn renamed_ids(g: &Glossary) -> Vec<(String, String)> {
    let ids = xml_ids(g.concepts.iter().map(|c| c.id.as_str()));
    g.concepts
        .iter()
        .zip(ids)
        .filter(|(c, id)| c.id != *id)
        .map(|(c, id)| (c.id.clone(), id))
        .collect()
}

pub fn write(g: &Glossary) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\
         \x20 <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>kotoba glossary</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n\
         \x20 <text>\n    <body>\n",
    );
    let ids = xml_ids(g.concepts.iter().map(|c| c.id.as_str()));
    for (c, id) in g.concepts.iter().zip(&ids) {
        out.push_str(&format!("      <conceptEntry id=\"{}\">\n", attribute(id)));
        if !c.domain.is_empty() {
            out.push_str(&format!(
                "        <descrip type=\"subjectField\">{}</descrip>\n",
                text(&c.domain)
            ));
        }
        if !c.note.is_empty() {
            out.push_str(&format!("        <note>{}</note>\n", text(&c.note)));
        }
        for lang in [Lang::En, Lang::Ja] {
            let terms = c.terms(lang);
            let definition = lang == Lang::En && !c.definition.is_empty();
            if terms.is_empty() && !definition {
                continue;
            }
            out.push_str(&format!("        <langSec xml:lang=\"{}\">\n", lang.code()));
            if definition {
                out.push_str(&format!(
                    "          <descrip type=\"definition\">{}</descrip>\n",
                    text(&c.definition)
                ));
            }
            for t in terms {
                out.push_str("          <termSec>\n");
                out.push_str(&format!("            <term>{}</term>\n", text(&t.term)));
                if let Some(r) = &t.reading {
                    out.push_str(&format!(
                        "            <termNote type=\"pronunciation\">{}</termNote>\n",
                        text(r)
                    ));
                }
                out.push_str(&format!(
                    "            <termNote type=\"administrativeStatus\">{}</termNote>\n",
                    admin_status(t.status)
                ));
                out.push_str("          </termSec>\n");
            }
            out.push_str("        </langSec>\n");
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// What the text of the current element is for.
enum Slot {
    None,
    Domain,
    Definition,
    Term,
    Status,
    Reading,
    /// A note on the entry itself, outside its language sections.
    Note,
}

/// Why escaped text could not be read: an entity XML does not define (a
/// DTD's, external or not, is never expanded) or a malformed reference.
fn unescape_problem(raw: &[u8], e: impl std::fmt::Display) -> String {
    let raw = String::from_utf8_lossy(raw);
    let entity = raw
        .find('&')
        .and_then(|a| raw[a..].find(';').map(|b| raw[a..=a + b].to_string()));
    match entity {
        Some(name) => format!("entity `{name}` is not expanded"),
        None => format!("bad text: {e}"),
    }
}

/// The attribute `name` of `e`, its entities expanded.
fn attr(e: &BytesStart, name: &[u8]) -> Result<Option<String>, String> {
    for a in e.attributes().flatten() {
        if a.key.as_ref() == name {
            return a
                .unescape_value()
                .map(|v| Some(v.into_owned()))
                .map_err(|e| unescape_problem(&a.value, e));
        }
    }
    Ok(None)
}

/// The entry, language section and term being read, and what is done.
#[derive(Default)]
struct Entries {
    glossary: Glossary,
    /// Entries seen, good or bad.
    count: usize,
    concept: Option<Concept>,
    entry_line: Option<usize>,
    lang: Option<Lang>,
    term: Option<Term>,
    slot: Option<Slot>,
    text: String,
    /// Elements open, the one being read included.
    depth: usize,
    /// The depth of the entry being read.
    entry_depth: usize,
    /// Why the entry being read is bad, found before it closes: another
    /// entry opened inside it, or a term of no language.
    entry_problem: Option<String>,
    /// The depth of the element whose text is being read (`term`,
    /// `descrip`, `termNote`, `note`): markup inside it (`<hi>`) is part of
    /// its text, not structure.
    text_depth: Option<usize>,
    /// Concept ids read, with the line of their entry: a duplicate is
    /// reported naming both.
    seen: std::collections::HashMap<String, Option<usize>>,
    /// The term being read has a status no TBX names: it is skipped.
    term_bad: bool,
    /// Whether a term of the entry's English (Japanese) section states its
    /// status.
    stated: [bool; 2],
    /// The entry's definitions: on the entry itself (`None`) or on a
    /// language section; one becomes the concept's (see `definition`).
    definitions: Vec<(Option<Option<Lang>>, String)>,
    /// The `xml:lang` of each element open, the one being read included
    /// (`None` where it has none): a language section without its own
    /// inherits the nearest (`<tbx xml:lang="en">`), as XML has it.
    xml_langs: Vec<Option<String>>,
    /// The line of the language section being read when neither it nor
    /// an element around it names its language: a term in it is a problem,
    /// not lost without a word.
    unnamed_section: Option<Option<usize>>,
}

/// Index of a language in [`Entries::stated`].
fn slot_of(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Ja => 1,
    }
}

/// The definition a concept keeps of those its entry gives, and a note for
/// the others: the entry's own, else the English section's, else the
/// Japanese one's (kotoba keeps one definition, in English, and writes it on
/// the English section); another that differs is kept in the note as
/// `definition (ja): …`, not dropped.
fn definition(definitions: &[(Option<Option<Lang>>, String)]) -> (String, Vec<String>) {
    let rank = |at: &Option<Option<Lang>>| match at {
        None => 0,
        Some(Some(Lang::En)) => 1,
        Some(Some(Lang::Ja)) => 2,
        Some(None) => 3,
    };
    let Some(best) = definitions
        .iter()
        .enumerate()
        .min_by_key(|(i, (at, _))| (rank(at), *i))
        .map(|(i, _)| i)
    else {
        return (String::new(), Vec::new());
    };
    let kept = definitions[best].1.clone();
    let mut others: Vec<String> = Vec::new();
    for (i, (at, text)) in definitions.iter().enumerate() {
        if i == best || *text == kept {
            continue;
        }
        let label = match at {
            None => "definition".to_string(),
            Some(Some(l)) => format!("definition ({})", l.code()),
            Some(None) => "definition (other language)".to_string(),
        };
        let line = format!("{label}: {text}");
        if !others.contains(&line) {
            others.push(line);
        }
    }
    (kept, others)
}

impl Entries {
    /// An element opens on `line`.
    fn start(&mut self, e: &BytesStart, line: Option<usize>) -> Result<(), String> {
        self.depth += 1;
        // Every tag's attributes are checked, used or not: a malformed list
        // would pass for a missing id or language.
        for a in e.attributes() {
            a.map_err(|e| format!("not well-formed XML: {e}"))?;
        }
        // Some tools write a language section's `lang` without its `xml:`
        // prefix.
        let own = match attr(e, b"xml:lang")? {
            Some(tag) => Some(tag),
            None if matches!(e.local_name().as_ref(), b"langSec" | b"langSet") => attr(e, b"lang")?,
            None => None,
        };
        self.xml_langs.push(own);
        if self.text_depth.is_some() {
            return Ok(());
        }
        match e.local_name().as_ref() {
            // Entries do not nest: the outer one is reported, not replaced.
            b"conceptEntry" | b"termEntry" if self.concept.is_some() => {
                let problem = match line {
                    Some(l) => format!("another entry opens inside this one, on line {l}"),
                    None => "another entry opens inside this one".to_string(),
                };
                // The first nested entry is the one named.
                self.entry_problem.get_or_insert(problem);
            }
            b"conceptEntry" | b"termEntry" => {
                self.count += 1;
                self.entry_line = line;
                self.entry_depth = self.depth;
                self.concept = Some(Concept {
                    id: attr(e, b"id")?.unwrap_or_default(),
                    domain: String::new(),
                    definition: String::new(),
                    note: String::new(),
                    en: vec![],
                    ja: vec![],
                })
            }
            b"langSec" | b"langSet" => {
                // Language tags are case-insensitive (`EN`, `ja-JP`, `En-US`);
                // a section without one has the nearest around it.
                let tag = self.xml_langs.iter().rev().flatten().next().cloned();
                self.unnamed_section = tag.is_none().then_some(line);
                self.lang = match tag
                    .map(|l| {
                        l.split(['-', '_'])
                            .next()
                            .unwrap_or("")
                            .to_ascii_lowercase()
                    })
                    .as_deref()
                {
                    Some("en") => Some(Lang::En),
                    Some("ja") => Some(Lang::Ja),
                    _ => None,
                }
            }
            b"termSec" | b"tig" | b"ntig" => {
                self.term_bad = false;
                self.term = Some(Term {
                    term: String::new(),
                    reading: None,
                    status: Status::Admitted,
                })
            }
            b"term" => self.slot = Some(Slot::Term),
            // Only a note directly in the entry is the entry's (not one on a
            // language section, a term or a transaction).
            b"note" => {
                self.slot = if self.concept.is_some() && self.depth == self.entry_depth + 1 {
                    Some(Slot::Note)
                } else {
                    Some(Slot::None)
                }
            }
            b"descrip" => {
                self.slot = match attr(e, b"type")?.as_deref() {
                    Some("subjectField") => Some(Slot::Domain),
                    Some("definition") => Some(Slot::Definition),
                    _ => Some(Slot::None),
                }
            }
            b"termNote" => {
                self.slot = match attr(e, b"type")?.as_deref() {
                    Some("administrativeStatus") | Some("normativeAuthorization") => {
                        Some(Slot::Status)
                    }
                    Some("pronunciation") => Some(Slot::Reading),
                    _ => Some(Slot::None),
                }
            }
            _ => {}
        }
        if matches!(
            e.local_name().as_ref(),
            b"term" | b"note" | b"descrip" | b"termNote"
        ) {
            self.text_depth = Some(self.depth);
        }
        self.text.clear();
        Ok(())
    }

    /// The element `name` closes on `line`; a bad entry or term becomes one
    /// of the `problems`.
    fn end(&mut self, name: &[u8], path: &Path, line: Option<usize>, problems: &mut Vec<Error>) {
        let depth = self.depth;
        self.depth = self.depth.saturating_sub(1);
        self.xml_langs.pop();
        match self.text_depth {
            Some(d) if d != depth => return,
            Some(_) => self.text_depth = None,
            None => {}
        }
        let value = self.text.trim().to_string();
        match name {
            b"term" => {
                if let Some(t) = self.term.as_mut() {
                    t.term = value;
                }
            }
            b"descrip" | b"termNote" | b"note" => match self.slot.take().unwrap_or(Slot::None) {
                Slot::Domain => {
                    if let Some(c) = self.concept.as_mut() {
                        c.domain = value;
                    }
                }
                Slot::Definition => {
                    if self.concept.is_some() && !value.is_empty() {
                        let at = (depth != self.entry_depth + 1).then_some(self.lang);
                        self.definitions.push((at, value));
                    }
                }
                Slot::Status => match (Status::parse(&value), self.term.as_mut()) {
                    (Some(s), Some(t)) => {
                        t.status = s;
                        if let Some(l) = self.lang {
                            self.stated[slot_of(l)] = true;
                        }
                    }
                    (None, _) => {
                        self.term_bad = true;
                        problems.push(Error::parse(
                            path,
                            line,
                            format!("unknown status `{value}`"),
                        ))
                    }
                    _ => {}
                },
                Slot::Reading => {
                    if let Some(t) = self.term.as_mut() {
                        t.reading = Some(value);
                    }
                }
                Slot::Note => {
                    if let Some(c) = self.concept.as_mut().filter(|_| !value.is_empty()) {
                        if !c.note.is_empty() {
                            c.note.push_str("; ");
                        }
                        c.note.push_str(&value);
                    }
                }
                Slot::None | Slot::Term => {}
            },
            b"termSec" | b"tig" | b"ntig" => {
                if let (Some(t), Some(at), true) = (
                    self.term.as_ref(),
                    self.unnamed_section,
                    self.concept.is_some(),
                ) {
                    let section = at.map(|l| format!(" (line {l})")).unwrap_or_default();
                    self.entry_problem.get_or_insert(format!(
                        "the term `{}` is in a language section{section} with no xml:lang, \
                         nor one on an element around it",
                        t.term
                    ));
                }
                if let (Some(t), Some(c), Some(l)) =
                    (self.term.take(), self.concept.as_mut(), self.lang)
                {
                    if t.term.is_empty() {
                        problems.push(Error::parse(path, line, "empty <term>"));
                    } else if !self.term_bad {
                        c.terms_mut(l).push(t);
                    }
                }
            }
            b"langSec" | b"langSet" => {
                self.lang = None;
                self.unnamed_section = None;
            }
            b"conceptEntry" | b"termEntry" if depth != self.entry_depth => {}
            b"conceptEntry" | b"termEntry" => {
                if let Some(p) = self.entry_problem.take() {
                    self.concept = None;
                    problems.push(Error::parse(path, self.entry_line, p));
                }
                let stated = std::mem::take(&mut self.stated);
                let definitions = std::mem::take(&mut self.definitions);
                if let Some(mut c) = self.concept.take() {
                    // A section whose terms state no status (memoQ and
                    // MultiTerm often write none) prefers its first term, as
                    // kotoba's tables do; otherwise none would be preferred.
                    for lang in [Lang::En, Lang::Ja] {
                        if !stated[slot_of(lang)]
                            && let Some(first) = c.terms_mut(lang).first_mut()
                        {
                            first.status = Status::Preferred;
                        }
                    }
                    let (kept, others) = definition(&definitions);
                    c.definition = kept;
                    for other in others {
                        if !c.note.is_empty() {
                            c.note.push_str("; ");
                        }
                        c.note.push_str(&other);
                    }
                    if c.id.is_empty() {
                        let first =
                            c.en.first()
                                .or(c.ja.first())
                                .map(|t| t.term.clone())
                                .unwrap_or_default();
                        c.id = crate::model::id_from(&first);
                    }
                    match c.problem() {
                        Some(p) => problems.push(Error::parse(path, self.entry_line, p)),
                        None => match super::duplicate(
                            &mut self.seen,
                            c.id.trim(),
                            path,
                            self.entry_line,
                        ) {
                            Some(e) => problems.push(e),
                            None => self.glossary.concepts.push(c),
                        },
                    }
                }
            }
            _ => {}
        }
        self.slot = None;
        self.text.clear();
    }
}

/// Line numbers of byte positions, counted on from the last position asked
/// for, as positions mostly grow (counting from the start each time made
/// reading quadratic).
struct Lines<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    /// The 1-based line of byte `pos`.
    fn at(&mut self, pos: u64) -> Option<usize> {
        let pos = (pos as usize).min(self.text.len());
        if pos < self.pos {
            (self.pos, self.line) = (0, 1);
        }
        self.line += self.text[self.pos..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = pos;
        Some(self.line)
    }
}

/// Reads TBX. The file must be well-formed XML under one `<tbx>` or
/// `<martif>` root with at least one entry; a bad entry or term is one of the
/// `problems` (the caller's lenient mode decides), anything else an error.
pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let mut lines = Lines {
        text: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    // quick-xml lets control characters through; other XML readers (and CAT
    // tools) refuse the file. It is a problem here (an error unless
    // lenient), and a lenient read takes them as the writer now writes them:
    // earlier versions of kotoba wrote a vertical tab as it was.
    let cleaned;
    let text = match text.char_indices().find(|&(_, c)| !xml_char(c)) {
        None => text,
        Some((at, c)) => {
            let more = text.chars().filter(|&c| !xml_char(c)).count() - 1;
            problems.push(Error::parse(
                path,
                lines.at(at as u64),
                format!(
                    "not well-formed XML: the character U+{:04X}{}, which XML 1.0 does not \
                     allow (read as spaces with --lenient)",
                    c as u32,
                    match more {
                        0 => String::new(),
                        1 => " and 1 more such character".to_string(),
                        n => format!(" and {n} more such characters"),
                    }
                ),
            ));
            // Spaces of the same length in bytes: offsets, and so the
            // lines of later problems, stay those of the file.
            cleaned = text
                .chars()
                .flat_map(|c| {
                    let n = if xml_char(c) { 0 } else { c.len_utf8() };
                    std::iter::repeat_n(' ', n).chain((n == 0).then_some(c))
                })
                .collect::<String>();
            cleaned.as_str()
        }
    };
    let mut reader = Reader::from_str(text);
    let name_of = |e: &BytesStart| String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut entries = Entries::default();
    // The elements open, with their lines, to tell where a cut file stops.
    let mut open: Vec<(String, Option<usize>)> = Vec::new();
    let mut root: Option<String> = None;
    // A <body> with no entries is an empty glossary (what `write` makes of
    // one); a file without a body has no glossary in it at all.
    let mut body = false;
    loop {
        let pos = reader.buffer_position();
        let line = lines.at(pos);
        let event = reader.read_event().map_err(|e| {
            Error::parse(
                path,
                lines.at(reader.error_position()),
                format!("not well-formed XML: {e}"),
            )
        })?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                if open.is_empty() {
                    let name = name_of(e);
                    if let Some(first) = &root {
                        return Err(Error::parse(
                            path,
                            line,
                            format!(
                                "not well-formed XML: <{name}> after the root element <{first}>"
                            ),
                        ));
                    }
                    if !matches!(e.local_name().as_ref(), b"tbx" | b"martif") {
                        return Err(Error::parse(
                            path,
                            line,
                            format!(
                                "not a TBX file: the root element is <{name}>, not <tbx> or <martif>"
                            ),
                        ));
                    }
                    root = Some(name);
                }
                body |= e.local_name().as_ref() == b"body";
                entries
                    .start(e, line)
                    .map_err(|m| Error::parse(path, line, m))?;
                if let Event::Start(_) = event {
                    open.push((name_of(e), line));
                } else {
                    entries.end(e.local_name().as_ref(), path, line, problems);
                }
            }
            Event::Text(t) => {
                if open.is_empty() {
                    if t.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let message = match &root {
                        Some(name) => format!("not well-formed XML: text after </{name}>"),
                        None => "not a TBX file: text before the root element".to_string(),
                    };
                    return Err(Error::parse(path, line, message));
                }
                // Only XML's own entities and character references are
                // expanded; any other (a DTD's, external or not) is an error.
                match t.unescape() {
                    Ok(s) => entries.text.push_str(&s),
                    Err(e) => return Err(Error::parse(path, line, unescape_problem(&t, e))),
                }
            }
            Event::CData(t) => entries.text.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => {
                // quick-xml has checked that the name matches the open one.
                open.pop();
                entries.end(e.local_name().as_ref(), path, line, problems);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((name, opened)) = open.last() {
        let opened = opened.map(|l| format!(" (line {l})")).unwrap_or_default();
        return Err(Error::parse(
            path,
            lines.at(text.len() as u64),
            format!("unexpected end of file: <{name}>{opened} is not closed"),
        ));
    }
    if root.is_none() {
        return Err(Error::parse(
            path,
            Some(1),
            "not a TBX file (no <tbx> or <martif> root)",
        ));
    }
    if entries.count == 0 && !body {
        return Err(Error::parse(
            path,
            None,
            "no term entries (no <body>, <conceptEntry> or <termEntry>)",
        ));
    }
    Ok(entries.glossary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_in_any_case() -> Result<(), Error> {
        let text = "<tbx><text><body><conceptEntry id=\"a\">\
            <langSec xml:lang=\"EN\"><termSec><term>tariff</term></termSec></langSec>\
            <langSec xml:lang=\"Ja-JP\"><termSec><term>関税</term></termSec></langSec>\
            </conceptEntry></body></text></tbx>";
        let mut problems = Vec::new();
        let g = read(text, Path::new("g.tbx"), &mut problems)?;
        assert_eq!(g.concepts[0].en[0].term, "tariff");
        assert_eq!(g.concepts[0].ja[0].term, "関税");
        Ok(())
    }

    /// A language section without `xml:lang` was dropped, its terms lost
    /// with no word (a terminologist's review): it inherits the nearest
    /// element's, and with none a term in it is a problem naming the lines.
    #[test]
    fn a_language_section_inherits_xml_lang() -> Result<(), Error> {
        let text = "<?xml version=\"1.0\"?>\n\
            <tbx xml:lang=\"en\"><text><body>\n\
            <conceptEntry id=\"e\">\n\
            <langSec><termSec><term>barley</term></termSec></langSec>\n\
            <langSec xml:lang=\"ja\"><termSec><term>大麦</term></termSec></langSec>\n\
            </conceptEntry>\n\
            <conceptEntry id=\"f\" xml:lang=\"ja\"><langSec xml:lang=\"en\">\
            <termSec><term>oat</term></termSec></langSec>\n\
            <langSec><termSec><term>オーツ麦</term></termSec></langSec></conceptEntry>\n\
            </body></text></tbx>";
        let mut problems = Vec::new();
        let g = read(text, Path::new("g.tbx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(g.concepts[0].en[0].term, "barley");
        assert_eq!(g.concepts[0].ja[0].term, "大麦");
        assert_eq!(g.concepts[1].en[0].term, "oat");
        assert_eq!(g.concepts[1].ja[0].term, "オーツ麦");
        let text = "<tbx><text><body>\n<conceptEntry id=\"e\">\n\
            <langSec><termSec><term>barley</term></termSec></langSec>\n\
            <langSec xml:lang=\"ja\"><termSec><term>大麦</term></termSec></langSec>\n\
            </conceptEntry>\n<conceptEntry id=\"g\"><langSec xml:lang=\"en\">\
            <termSec><term>oat</term></termSec></langSec></conceptEntry>\n\
            </body></text></tbx>";
        let mut problems = Vec::new();
        let g = read(text, Path::new("g.tbx"), &mut problems)?;
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["g"]);
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("g.tbx:2"), "{messages:?}");
        assert!(messages[0].contains("`barley`"), "{messages:?}");
        assert!(messages[0].contains("(line 3)"), "{messages:?}");
        Ok(())
    }

    #[test]
    fn only_the_entrys_own_notes_are_its_note() -> Result<(), Error> {
        // Several notes of one entry are read as one, joined by `; `.
        let text = "<tbx><tbxHeader><note>header</note></tbxHeader><text><body>\
            <conceptEntry id=\"a\"><note>first</note>\
            <langSec xml:lang=\"en\"><note>on English</note><termSec><term>tariff</term>\
            <note>on the term</note></termSec></langSec><note>second</note>\
            <langSec xml:lang=\"fr\"><note>on French</note></langSec>\
            <langSec><note>no language</note></langSec><note/>\
            <transacGrp><transac>origination</transac><note>imported</note></transacGrp>\
            </conceptEntry><conceptEntry id=\"b\"><langSec xml:lang=\"ja\">\
            <termSec><term>関税</term></termSec></langSec>\
            <note>see <hi>GATT</hi> art. 2</note></conceptEntry></body></text></tbx>";
        let mut problems = Vec::new();
        let g = read(text, Path::new("g.tbx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(g.concepts[0].note, "first; second");
        // Markup inside a note is part of its text.
        assert_eq!(g.concepts[1].note, "see GATT art. 2");
        assert_eq!(g.concepts[1].ja[0].term, "関税");
        // So is markup in a term or a definition, and a term inside a
        // term's note is no term.
        let text = "<tbx><text><body><conceptEntry id=\"w\"><langSec xml:lang=\"en\">\
            <descrip type=\"definition\">Duty under <hi>GATT</hi> art. II</descrip>\
            <termSec><term>H<hi type=\"subscript\">2</hi>O</term>\
            <note>see <term>q</term></note></termSec></langSec></conceptEntry></body></text></tbx>";
        let w = read(text, Path::new("w.tbx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(w.concepts[0].en[0].term, "H2O");
        assert_eq!(w.concepts[0].definition, "Duty under GATT art. II");
        assert_eq!(w.concepts[0].note, "");
        let again = read(&write(&g), Path::new("again.tbx"), &mut problems)?;
        assert_eq!(again, g);
        Ok(())
    }

    /// Ids that are no XML names (`301-investigation`, `C++ rules`, `a&b`)
    /// made TBX a schema validator refuses: they are made NCNames, unique.
    #[test]
    fn ids_are_written_as_xml_names() {
        let ids = xml_ids(
            [
                "tariff",
                "301-investigation",
                "C++",
                "C",
                "a&b",
                "a-b",
                "",
                "関税",
                "safeguard-",
                "x²",
            ]
            .into_iter(),
        );
        assert_eq!(
            ids,
            [
                "tariff",
                "_301-investigation",
                "C-2",
                "C",
                "a-b-2",
                "a-b",
                "_",
                "関税",
                "safeguard-",
                "x"
            ]
        );
    }

    /// ISO 12620's normative authorizations (`admittedTerm`) failed the
    /// whole file, and a `langSet` tagged `lang` without `xml:` lost its
    /// terms silently (a review found both in CAT tools' files).
    #[test]
    fn reads_normative_authorizations_and_plain_lang_attributes() -> Result<(), Error> {
        let v2 = r#"<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
<termEntry id="_2"><langSet xml:lang="en-GB"><tig><term>customs union</term><termNote type="normativeAuthorization">admittedTerm</termNote></tig>
<tig><term>customs territory</term><termNote type="normativeAuthorization">supersededTerm</termNote></tig>
<tig><term>CU</term><termNote type="normativeAuthorization">standardizedTerm</termNote></tig></langSet>
<langSet lang="ja"><tig><term>関税同盟</term><termNote type="normativeAuthorization">preferredTerm</termNote></tig></langSet></termEntry>
</body></text></martif>"#;
        let mut problems = Vec::new();
        let g = read(v2, Path::new("nat.tbx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        let statuses: Vec<Status> = g.concepts[0].en.iter().map(|t| t.status).collect();
        assert_eq!(
            statuses,
            [Status::Admitted, Status::Deprecated, Status::Preferred]
        );
        assert_eq!(g.concepts[0].ja[0].term, "関税同盟");
        assert_eq!(g.concepts[0].ja[0].status, Status::Preferred);
        Ok(())
    }

    /// Definitions on language sections were dropped (all but the first
    /// found, a Japanese one kept as the concept's), terms without a
    /// status were all admitted, and a term of an unknown status was kept
    /// while `--lenient` said it was skipped (a translator's review).
    #[test]
    fn definitions_statuses_and_unknown_statuses_as_cat_tools_write_them() -> Result<(), Error> {
        let tbx = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>rice quota</term></termSec></langSec>
<langSec xml:lang="ja"><descrip type="definition">コメの輸入数量枠。</descrip><termSec><term>コメ輸入枠</term></termSec></langSec></conceptEntry>
<conceptEntry id="c2"><descrip type="definition">Concept def.</descrip>
<langSec xml:lang="en"><descrip type="definition">English def.</descrip><termSec><term>wheat quota</term></termSec>
<termSec><term>wheat TRQ</term></termSec></langSec>
<langSec xml:lang="ja"><descrip type="definition">日本語定義。</descrip><termSec><term>小麦輸入枠</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
<termSec><term>小麦枠</term><termNote type="administrativeStatus">best</termNote></termSec></langSec></conceptEntry>
</body></text></tbx>"#;
        let mut problems = Vec::new();
        let g = read(tbx, Path::new("cat.tbx"), &mut problems)?;
        let c1 = &g.concepts[0];
        assert_eq!(c1.definition, "コメの輸入数量枠。");
        assert_eq!(c1.note, "");
        let c2 = &g.concepts[1];
        assert_eq!(c2.definition, "Concept def.");
        assert_eq!(
            c2.note,
            "definition (en): English def.; definition (ja): 日本語定義。"
        );
        let statuses: Vec<Status> = c2.en.iter().map(|t| t.status).collect();
        assert_eq!(statuses, [Status::Preferred, Status::Admitted]);
        // A section that states a status keeps what it states.
        let ja: Vec<(&str, Status)> = c2.ja.iter().map(|t| (t.term.as_str(), t.status)).collect();
        assert_eq!(ja, [("小麦輸入枠", Status::Admitted)]);
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages, ["cat.tbx:9: unknown status `best`"]);
        Ok(())
    }

    #[test]
    fn reads_tbx_v2_martif() -> Result<(), Error> {
        let v2 = r#"<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1"><descrip type="subjectField">trade</descrip>
 <langSet xml:lang="en"><tig><term>tariff</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
 <langSet xml:lang="ja-JP"><ntig><termGrp><term>関税</term></termGrp></ntig></langSet>
</termEntry></body></text></martif>"#;
        let mut problems = Vec::new();
        let g = read(v2, Path::new("v2.tbx"), &mut problems)?;
        assert!(problems.is_empty());
        assert_eq!(g.concepts[0].en[0].term, "tariff");
        assert_eq!(g.concepts[0].en[0].status, Status::Preferred);
        assert_eq!(g.concepts[0].ja[0].term, "関税");
        assert_eq!(g.concepts[0].domain, "trade");
        Ok(())
    }

    #[test]
    fn external_entities_are_never_expanded() {
        let xxe = r#"<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>"#;
        let err = read(xxe, Path::new("evil.tbx"), &mut Vec::new())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("evil.tbx:3: entity `&xxe;` is not expanded"),
            "{err}"
        );
    }

    fn error(text: &str) -> String {
        read(text, Path::new("g.tbx"), &mut Vec::new())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn every_cut_of_a_file_is_an_error() -> Result<(), Error> {
        let mut g = crate::default_glossary()?.clone();
        g.concepts.truncate(2);
        let whole = write(&g);
        let end = whole.trim_end().len();
        assert_eq!(read(&whole[..end], Path::new("g.tbx"), &mut Vec::new())?, g);
        for cut in (0..end).filter(|&i| whole.is_char_boundary(i)) {
            let err = error(&whole[..cut]);
            assert!(err.starts_with("g.tbx"), "cut at {cut}: {err:?}");
        }
        // Cut inside the first status note.
        let cut = whole.find("Term-admn-sts").unwrap_or(0);
        let line = whole[..cut].lines().count();
        assert_eq!(
            error(&whole[..cut]),
            format!("g.tbx:{line}: unexpected end of file: <termNote> (line {line}) is not closed")
        );
        Ok(())
    }

    #[test]
    fn other_xml_is_not_tbx() {
        assert_eq!(
            error("<?xml version=\"1.0\"?>\n<html><body/></html>"),
            "g.tbx:2: not a TBX file: the root element is <html>, not <tbx> or <martif>"
        );
        assert_eq!(
            error("tariff\t関税\n"),
            "g.tbx:1: not a TBX file: text before the root element"
        );
        assert_eq!(
            error(""),
            "g.tbx:1: not a TBX file (no <tbx> or <martif> root)"
        );
        let two = "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>\n<tbx/>";
        assert_eq!(
            error(two),
            "g.tbx:2: not well-formed XML: <tbx> after the root element <tbx>"
        );
        assert_eq!(
            error("<martif><text><body/></text></martif>\nmore"),
            "g.tbx:1: not well-formed XML: text after </martif>"
        );
    }

    #[test]
    fn a_file_without_a_body_is_an_error_and_an_empty_body_an_empty_glossary() -> Result<(), Error>
    {
        for empty in ["<tbx/>", "<tbx><text/></tbx>\n"] {
            assert_eq!(
                error(empty),
                "g.tbx: no term entries (no <body>, <conceptEntry> or <termEntry>)"
            );
        }
        // An empty glossary written as TBX reads back.
        let written = write(&Glossary::default());
        let mut problems = Vec::new();
        let g = read(&written, Path::new("g.tbx"), &mut problems)?;
        assert!(g.concepts.is_empty() && problems.is_empty());
        Ok(())
    }

    #[test]
    fn a_bad_entry_is_a_problem_and_bad_markup_an_error() -> Result<(), Error> {
        let text = "<tbx><text><body>\n<conceptEntry id=\"a\"/>\n<conceptEntry id=\"b\"><langSec xml:lang=\"en\"><termSec><term>b</term></termSec></langSec></conceptEntry>\n</body></text></tbx>";
        let mut problems = Vec::new();
        let g = read(text, Path::new("g.tbx"), &mut problems)?;
        assert_eq!(g.concepts.len(), 1);
        let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["g.tbx:2: concept `a` has no term"]);
        let unquoted = text.replace("id=\"b\"", "id=b");
        assert!(
            error(&unquoted).starts_with("g.tbx:3: not well-formed XML: "),
            "{}",
            error(&unquoted)
        );
        Ok(())
    }

    #[test]
    fn a_nested_entry_makes_the_outer_one_a_problem() -> Result<(), Error> {
        let term = |t: &str| {
            format!("<langSec xml:lang=\"en\"><termSec><term>{t}</term></termSec></langSec>")
        };
        let text = format!(
            "<tbx><text><body>\n<conceptEntry id=\"outer\">{}\n<conceptEntry id=\"inner\">{}\
             </conceptEntry></conceptEntry>\n<conceptEntry id=\"next\">{}</conceptEntry>\n\
             </body></text></tbx>",
            term("a"),
            term("b"),
            term("c")
        );
        let mut problems = Vec::new();
        let g = read(&text, Path::new("g.tbx"), &mut problems)?;
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["next"]);
        assert_eq!(g.concepts[0].en[0].term, "c");
        let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            ["g.tbx:2: another entry opens inside this one, on line 3"]
        );
        Ok(())
    }

    #[test]
    fn malformed_xml_names_file_and_line() {
        let bad = "<tbx>\n<text>\n<body>\n</text>\n</tbx>";
        let err = read(bad, Path::new("bad.tbx"), &mut Vec::new())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("bad.tbx:4: not well-formed XML"), "{err}");
    }

    /// A vertical tab (Word's manual line break) went into the XML as it
    /// was: other readers refused the file, and kotoba read it back.
    #[test]
    fn characters_xml_cannot_hold_are_replaced_and_refused() -> Result<(), Error> {
        let mut g = Glossary::default();
        let text = "<tbx><text><body><conceptEntry id=\"a\">\
            <langSec xml:lang=\"en\"><termSec><term>duty</term></termSec></langSec>\
            </conceptEntry></body></text></tbx>";
        g.concepts = read(text, Path::new("g.tbx"), &mut Vec::new())?.concepts;
        g.concepts[0].definition = "Duty\u{0b}under Art. XIX\u{1}\u{ffff}.".into();
        let written = write(&g);
        assert!(written.chars().all(xml_char), "{written:?}");
        let back = read(&written, Path::new("w.tbx"), &mut Vec::new())?;
        assert_eq!(back.concepts[0].definition, "Duty\nunder Art. XIX  .");
        // Such a file (as earlier versions wrote it) is a problem naming the
        // line of the first such character and counting the others; read
        // leniently, each is a space, and later lines stay right.
        let raw = written
            .replace("Duty\nunder", "Duty\u{0b}under")
            .replace("duty</term>", "du\u{fffe}ty</term>");
        let mut problems = Vec::new();
        let lenient = read(&raw, Path::new("raw.tbx"), &mut problems)?;
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "raw.tbx:14: not well-formed XML: the character U+000B and 1 more such \
                 character, which XML 1.0 does not allow (read as spaces with --lenient)"
            ]
        );
        assert_eq!(lenient.concepts[0].definition, "Duty under Art. XIX  .");
        assert_eq!(lenient.concepts[0].en[0].term, "du   ty");
        let strict = crate::formats::read(
            &raw,
            crate::formats::Format::Tbx,
            Path::new("raw.tbx"),
            false,
        );
        assert!(strict.is_err());
        Ok(())
    }

    #[test]
    fn a_duplicate_id_names_both_entries_lines() {
        let text = "<tbx><text><body>\n<conceptEntry id=\"t1\">\
            <langSec xml:lang=\"en\"><termSec><term>tariff</term></termSec></langSec>\
            </conceptEntry>\n<conceptEntry id=\"t1\">\
            <langSec xml:lang=\"en\"><termSec><term>quota</term></termSec></langSec>\
            </conceptEntry>\n</body></text></tbx>";
        let mut problems = Vec::new();
        let g = read(text, Path::new("m.tbx"), &mut problems);
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            ["m.tbx:3: duplicate concept id `t1` (first at line 2)"]
        );
        assert_eq!(g.map(|g| g.concepts.len()).unwrap_or_default(), 1);
    }
}
