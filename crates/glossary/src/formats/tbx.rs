//! TBX: written as ISO 30042:2019 TBX-Basic (`conceptEntry` / `langSec` /
//! `termSec`, DCA style); read in that form, in TBX v3's DCT style (data
//! categories as elements of the TBX modules' namespaces) and in TBX v2's
//! `martif` (`termEntry` / `langSet` / `tig` or `ntig`). Readings travel as `termNote
//! type="pronunciation"`, statuses as `administrativeStatus` (a proposed
//! term, which TBX-Basic's four administrative statuses cannot say, as
//! `admittedTerm-admn-sts` with `processStatus` `provisionallyProcessed`;
//! read back from either unfinished process status), a concept's
//! note as a `note` of the entry, a term's own as a `note` in its `termSec`. No DTD is read
//! and no entity other than XML's five is expanded.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

use super::Note;
use crate::{Concept, Error, Glossary, Lang, Status, Term};

fn admin_status(s: Status) -> &'static str {
    match s {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Deprecated => "deprecatedTerm-admn-sts",
        // Admitted until reviewed; the process status says it is not yet
        // (see `write`).
        Status::Proposed => "admittedTerm-admn-sts",
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
                if t.status == Status::Proposed {
                    out.push_str(
                        "            <termNote type=\"processStatus\">provisionallyProcessed</termNote>\n",
                    );
                }
                if let Some(n) = &t.note {
                    out.push_str(&format!("            <note>{}</note>\n", text(n)));
                }
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
    /// A term's `processStatus`: short of `finalized`, a proposal.
    Process,
    Reading,
    /// A note on the entry itself, outside its language sections.
    Note,
    /// A note on the term being read (in its `termSec`, `tig` or `ntig`).
    TermNote,
    /// A field the glossary has no place for, counted for the file's note.
    Lost(Lost),
}

/// The fields of an entry the glossary has no place for: counted, and said
/// once a file (see [`LOST`]).
#[derive(Clone, Copy)]
enum Lost {
    SectionNote,
    Context,
    Source,
    PartOfSpeech,
}

/// Each [`Lost`] field, in its index's place, with its names in the file's
/// note (one, several).
const LOST: [(&str, &str); 4] = [
    ("note on a language section", "notes on language sections"),
    ("context", "contexts"),
    ("source", "sources"),
    ("part of speech", "parts of speech"),
];

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

/// The glossary's language a language tag names, in any case: `en`, `ja`
/// and tags of them (`en-US`, `ja-JP`), ISO 639-2/3's `eng` and `jpn`, and
/// `jp`, a common mistake for Japanese (it is the country's code).
fn lang_of(tag: &str) -> Option<Lang> {
    Lang::from_tag(tag).or_else(|| {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        primary.eq_ignore_ascii_case("jp").then_some(Lang::Ja)
    })
}

/// True for a namespace of a TBX module (`http://www.tbxinfo.net/ns/min`,
/// `…/basic`): TBX v3's DCT style writes each data category as an element
/// of its module's namespace (`<min:administrativeStatus>`), whatever
/// prefix the file binds to it.
fn module_namespace(ns: &[u8]) -> bool {
    ["http://www.tbxinfo.net/ns/", "https://www.tbxinfo.net/ns/"]
        .iter()
        .any(|base| ns.starts_with(base.as_bytes()))
}

/// The language section being read.
struct Section {
    /// Its line.
    line: Option<usize>,
    /// Its language tag, its own or inherited, if any.
    tag: Option<String>,
    /// The glossary's language it is, if it is one of them.
    lang: Option<Lang>,
    /// Terms read in it, of a language the glossary does not hold.
    dropped: usize,
}

/// Where a definition stands: on the entry, or on a language section.
enum At {
    Entry,
    Lang(Lang),
    /// A section of another language (its tag), or of none.
    Other(Option<String>),
}

/// The entry, language section and term being read, and what is done.
#[derive(Default)]
struct Entries {
    glossary: Glossary,
    /// Entries seen, good or bad.
    count: usize,
    concept: Option<Concept>,
    entry_line: Option<usize>,
    section: Option<Section>,
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
    /// `descrip`, `termNote`, `note`, `admin`, a module's data category):
    /// markup inside it (`<hi>`) is part of its text, not structure.
    text_depth: Option<usize>,
    /// The depth of the transaction group being read: its notes are the
    /// transaction's, administrative data no glossary keeps.
    transac_depth: Option<usize>,
    /// Concept ids read, with the line of their entry: a duplicate is
    /// reported naming both.
    seen: std::collections::HashMap<String, Option<usize>>,
    /// The term being read has a status no TBX names: it is skipped.
    term_bad: bool,
    /// The term being read has a process status short of `finalized`: a
    /// proposal, whatever its administrative status says.
    term_pending: bool,
    /// Whether a term of the entry's English (Japanese) section states its
    /// status.
    stated: [bool; 2],
    /// The entry's definitions, and where each stands; one becomes the
    /// concept's (see `definition`).
    definitions: Vec<(At, String)>,
    /// The `xml:lang` of each element open, the one being read included
    /// (`None` where it has none): a language section without its own
    /// inherits the nearest (`<tbx xml:lang="en">`), as XML has it.
    xml_langs: Vec<Option<String>>,
    /// The entry's sections in other languages that held terms: tag, line,
    /// terms.
    dropped_sections: Vec<(String, Option<usize>, usize)>,
    /// For each other language (its tag in lowercase), the entries kept
    /// whose section in it was not.
    dropped_langs: Vec<(String, usize)>,
    /// Fields the glossary has no place for, counted by [`Lost`].
    lost: [usize; 4],
    /// What was read and not kept, entry by entry.
    notes: Vec<Note>,
    /// The ids made from a term, for entries that have none.
    generated: Vec<String>,
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
/// `definition (ja): …`, not dropped, as is one in another language
/// (`definition (zh): …`), which never becomes the concept's.
fn definition(definitions: &[(At, String)]) -> (String, Vec<String>) {
    let rank = |at: &At| match at {
        At::Entry => 0,
        At::Lang(Lang::En) => 1,
        At::Lang(Lang::Ja) => 2,
        At::Other(_) => 3,
    };
    let best = definitions
        .iter()
        .enumerate()
        .filter(|(_, (at, _))| !matches!(at, At::Other(_)))
        .min_by_key(|(i, (at, _))| (rank(at), *i))
        .map(|(i, _)| i);
    let kept = best.map_or(String::new(), |i| definitions[i].1.clone());
    let mut others: Vec<String> = Vec::new();
    for (i, (at, text)) in definitions.iter().enumerate() {
        if Some(i) == best || *text == kept {
            continue;
        }
        let label = match at {
            At::Entry => "definition".to_string(),
            At::Lang(l) => format!("definition ({})", l.code()),
            At::Other(Some(tag)) => format!("definition ({tag})"),
            At::Other(None) => "definition (other language)".to_string(),
        };
        let line = format!("{label}: {text}");
        if !others.contains(&line) {
            others.push(line);
        }
    }
    (kept, others)
}

/// `n` and `one` or `many`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Entries {
    /// The glossary's language of the section being read, if it is one.
    fn lang(&self) -> Option<Lang> {
        self.section.as_ref().and_then(|s| s.lang)
    }

    /// An element opens on `line`; `module` when it is in a TBX module's
    /// namespace (a data category of the DCT style).
    fn start(&mut self, e: &BytesStart, module: bool, line: Option<usize>) -> Result<(), String> {
        self.depth += 1;
        // Every tag's attributes are checked, used or not: a malformed list
        // would pass for a missing id or language.
        for a in e.attributes() {
            a.map_err(|e| format!("not well-formed XML: {e}"))?;
        }
        let local = e.local_name();
        let local = local.as_ref();
        // Some tools write a language section's `lang` without its `xml:`
        // prefix.
        let own = match attr(e, b"xml:lang")? {
            Some(tag) => Some(tag),
            None if !module && matches!(local, b"langSec" | b"langSet") => attr(e, b"lang")?,
            None => None,
        };
        self.xml_langs.push(own);
        if self.text_depth.is_some() {
            return Ok(());
        }
        if module {
            // TBX v3's DCT style: the data category is the element's name
            // in a module's namespace, its value the element's text.
            self.slot = Some(match local {
                b"subjectField" => Slot::Domain,
                b"definition" => Slot::Definition,
                b"administrativeStatus" | b"normativeAuthorization" => Slot::Status,
                b"processStatus" => Slot::Process,
                b"pronunciation" => Slot::Reading,
                b"context" => Slot::Lost(Lost::Context),
                b"source" => Slot::Lost(Lost::Source),
                b"partOfSpeech" => Slot::Lost(Lost::PartOfSpeech),
                _ => Slot::None,
            });
            self.text_depth = Some(self.depth);
            self.text.clear();
            return Ok(());
        }
        match local {
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
                self.section = Some(Section {
                    line,
                    lang: tag.as_deref().and_then(lang_of),
                    tag,
                    dropped: 0,
                });
            }
            b"termSec" | b"tig" | b"ntig" => {
                self.term_bad = false;
                self.term_pending = false;
                self.term = Some(Term {
                    term: String::new(),
                    reading: None,
                    status: Status::Admitted,
                    note: None,
                })
            }
            b"transacGrp" => {
                self.transac_depth.get_or_insert(self.depth);
            }
            b"term" => self.slot = Some(Slot::Term),
            // A note directly in the entry is the entry's, one in a term's
            // section the term's; one on a language section is counted as
            // not kept, one on a transaction is administrative data.
            b"note" => {
                self.slot = Some(if self.concept.is_none() || self.transac_depth.is_some() {
                    Slot::None
                } else if self.depth == self.entry_depth + 1 {
                    Slot::Note
                } else if self.term.is_some() {
                    Slot::TermNote
                } else if self.section.is_some() {
                    Slot::Lost(Lost::SectionNote)
                } else {
                    Slot::None
                })
            }
            b"descrip" => {
                self.slot = match attr(e, b"type")?.as_deref() {
                    Some("subjectField") => Some(Slot::Domain),
                    Some("definition") => Some(Slot::Definition),
                    Some("context") => Some(Slot::Lost(Lost::Context)),
                    _ => Some(Slot::None),
                }
            }
            b"admin" => {
                self.slot = match attr(e, b"type")?.as_deref() {
                    Some("source") => Some(Slot::Lost(Lost::Source)),
                    _ => Some(Slot::None),
                }
            }
            b"termNote" => {
                self.slot = match attr(e, b"type")?.as_deref() {
                    Some("administrativeStatus") | Some("normativeAuthorization") => {
                        Some(Slot::Status)
                    }
                    Some("processStatus") => Some(Slot::Process),
                    Some("pronunciation") => Some(Slot::Reading),
                    Some("partOfSpeech") => Some(Slot::Lost(Lost::PartOfSpeech)),
                    _ => Some(Slot::None),
                }
            }
            _ => {}
        }
        if matches!(
            local,
            b"term" | b"note" | b"descrip" | b"termNote" | b"admin"
        ) {
            self.text_depth = Some(self.depth);
        }
        self.text.clear();
        Ok(())
    }

    /// The text element being read closes: its value goes where its slot
    /// says; a bad status becomes one of the `problems`.
    fn value(&mut self, path: &Path, line: Option<usize>, problems: &mut Vec<Error>) {
        let value = self.text.trim().to_string();
        match self.slot.take().unwrap_or(Slot::None) {
            Slot::Term => {
                if let Some(t) = self.term.as_mut() {
                    t.term = value;
                }
            }
            Slot::Domain => {
                if let Some(c) = self.concept.as_mut() {
                    c.domain = value;
                }
            }
            Slot::Definition => {
                if self.concept.is_some() && !value.is_empty() {
                    let at = match &self.section {
                        None => At::Entry,
                        Some(Section { lang: Some(l), .. }) => At::Lang(*l),
                        Some(Section { tag, .. }) => At::Other(tag.clone()),
                    };
                    self.definitions.push((at, value));
                }
            }
            Slot::Status => match (Status::parse(&value), self.term.is_some()) {
                (Some(s), true) => {
                    if let Some(t) = self.term.as_mut() {
                        t.status = s;
                    }
                    if let Some(l) = self.lang() {
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
            // TBX's picklist: unprocessed, provisionallyProcessed,
            // finalized; any case, as statuses are read.
            Slot::Process if self.term.is_some() => match value.to_ascii_lowercase().as_str() {
                "unprocessed" | "provisionallyprocessed" => self.term_pending = true,
                "finalized" => {}
                _ => {
                    self.term_bad = true;
                    problems.push(Error::parse(
                        path,
                        line,
                        format!(
                            "unknown processStatus `{value}` (unprocessed, \
                             provisionallyProcessed, finalized)"
                        ),
                    ))
                }
            },
            Slot::Process => {}
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
            Slot::TermNote => {
                if let Some(t) = self.term.as_mut().filter(|_| !value.is_empty()) {
                    // Several notes of one term read as one, as an entry's do.
                    match t.note.as_mut() {
                        Some(n) => {
                            n.push_str("; ");
                            n.push_str(&value);
                        }
                        None => t.note = Some(value),
                    }
                }
            }
            Slot::Lost(field) => {
                if self.concept.is_some() && !value.is_empty() {
                    self.lost[field as usize] += 1;
                }
            }
            Slot::None => {}
        }
    }

    /// The element `name` closes on `line`; a bad entry or term becomes one
    /// of the `problems`, what an entry kept loses one of its notes.
    fn end(&mut self, name: &[u8], path: &Path, line: Option<usize>, problems: &mut Vec<Error>) {
        let depth = self.depth;
        self.depth = self.depth.saturating_sub(1);
        self.xml_langs.pop();
        match self.text_depth {
            Some(d) if d != depth => return,
            Some(_) => {
                self.text_depth = None;
                self.value(path, line, problems);
                self.slot = None;
                self.text.clear();
                return;
            }
            None => {}
        }
        match name {
            b"termSec" | b"tig" | b"ntig" => {
                let term = self.term.take();
                if let (Some(t), true) = (term.as_ref(), self.concept.is_some()) {
                    match self.section.as_mut() {
                        Some(Section {
                            tag: None, line, ..
                        }) => {
                            let section = line.map(|l| format!(" (line {l})")).unwrap_or_default();
                            self.entry_problem.get_or_insert(format!(
                                "the term `{}` is in a language section{section} with no \
                                 xml:lang, nor one on an element around it",
                                t.term
                            ));
                        }
                        Some(s @ Section { lang: None, .. }) if !t.term.is_empty() => {
                            s.dropped += 1;
                        }
                        _ => {}
                    }
                }
                if let (Some(mut t), Some(l)) = (term, self.lang())
                    && let Some(c) = self.concept.as_mut()
                {
                    if self.term_pending {
                        t.status = Status::Proposed;
                    }
                    if t.term.is_empty() {
                        problems.push(Error::parse(path, line, "empty <term>"));
                    } else if !self.term_bad {
                        c.terms_mut(l).push(t);
                    }
                }
            }
            b"langSec" | b"langSet" => {
                if let Some(Section {
                    tag: Some(tag),
                    line,
                    dropped,
                    ..
                }) = self.section.take()
                    && dropped > 0
                {
                    self.dropped_sections.push((tag, line, dropped));
                }
            }
            b"transacGrp" if self.transac_depth == Some(depth) => self.transac_depth = None,
            b"conceptEntry" | b"termEntry" if depth != self.entry_depth => {}
            b"conceptEntry" | b"termEntry" => self.end_entry(path, problems),
            _ => {}
        }
        self.slot = None;
        self.text.clear();
    }

    /// The entry being read closes: its concept is kept, or reported.
    fn end_entry(&mut self, path: &Path, problems: &mut Vec<Error>) {
        if let Some(p) = self.entry_problem.take() {
            self.concept = None;
            problems.push(Error::parse(path, self.entry_line, p));
        }
        let stated = std::mem::take(&mut self.stated);
        let definitions = std::mem::take(&mut self.definitions);
        let dropped = std::mem::take(&mut self.dropped_sections);
        let Some(mut c) = self.concept.take() else {
            return;
        };
        // A section whose terms state no status (memoQ and MultiTerm often
        // write none) prefers its first term, as kotoba's tables do;
        // otherwise none would be preferred. Never a proposal (a process
        // status alone states no decision).
        for lang in [Lang::En, Lang::Ja] {
            if !stated[slot_of(lang)]
                && let Some(first) = c
                    .terms_mut(lang)
                    .iter_mut()
                    .find(|t| t.status != Status::Proposed)
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
            self.generated.push(c.id.clone());
        }
        let sections = |dropped: &[(String, Option<usize>, usize)]| {
            let tags: Vec<&str> = dropped.iter().map(|(tag, _, _)| tag.as_str()).collect();
            format!(
                "its {} section{} not kept",
                tags.join(", "),
                if tags.len() == 1 { " is" } else { "s are" }
            )
        };
        match c.problem() {
            // An entry whose terms are all in other languages: said so, not
            // only that it has no term.
            Some(p) if !dropped.is_empty() && c.en.is_empty() && c.ja.is_empty() => {
                problems.push(Error::parse(
                    path,
                    self.entry_line,
                    format!(
                        "{p} in English or Japanese ({}: the glossary holds these two only)",
                        sections(&dropped)
                    ),
                ))
            }
            Some(p) => problems.push(Error::parse(path, self.entry_line, p)),
            None => match super::duplicate(&mut self.seen, c.id.trim(), path, self.entry_line) {
                Some(e) => problems.push(e),
                None => {
                    let mut langs: Vec<String> = Vec::new();
                    for (tag, line, terms) in dropped {
                        self.notes.push(Note {
                            path: path.to_path_buf(),
                            line,
                            concept: Some(c.id.clone()),
                            message: format!(
                                "entry `{}`: its {tag} section ({}) is not kept: the glossary \
                                 holds English and Japanese only",
                                c.id,
                                count(terms, "term", "terms")
                            ),
                        });
                        let tag = tag.to_ascii_lowercase();
                        if !langs.contains(&tag) {
                            langs.push(tag);
                        }
                    }
                    for tag in langs {
                        match self.dropped_langs.iter_mut().find(|(t, _)| *t == tag) {
                            Some((_, n)) => *n += 1,
                            None => self.dropped_langs.push((tag, 1)),
                        }
                    }
                    self.glossary.concepts.push(c)
                }
            },
        }
    }

    /// The notes on the whole file: the fields not kept, counted, and, when
    /// more than one entry lost a section, the languages not kept.
    fn file_notes(&self, path: &Path) -> Vec<Note> {
        let mut notes = Vec::new();
        let note = |message: String| Note {
            path: path.to_path_buf(),
            line: None,
            concept: None,
            message,
        };
        if self.dropped_langs.iter().map(|(_, n)| n).sum::<usize>() > 1 {
            let langs: Vec<String> = self
                .dropped_langs
                .iter()
                .map(|(tag, n)| format!("{tag} in {}", count(*n, "entry", "entries")))
                .collect();
            notes.push(note(format!(
                "language sections not kept (the glossary holds English and Japanese only): {}",
                langs.join(", ")
            )));
        }
        let lost: Vec<String> = LOST
            .iter()
            .zip(self.lost)
            .filter(|(_, n)| *n > 0)
            .map(|((one, many), n)| count(n, one, many))
            .collect();
        if let Some((last, first)) = lost.split_last() {
            let all = if first.is_empty() {
                last.clone()
            } else {
                format!("{} and {last}", first.join(", "))
            };
            let verb = if self.lost.iter().sum::<usize>() == 1 {
                "is"
            } else {
                "are"
            };
            notes.push(note(format!(
                "{all} {verb} not kept: the glossary has no place for them"
            )));
        }
        notes
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

/// Reads TBX without the notes of what is not kept (see [`read_noted`]).
#[cfg(test)]
pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    read_noted(text, path, problems, &mut Vec::new())
}

/// Reads TBX. The file must be well-formed XML under one `<tbx>` or
/// `<martif>` root with at least one entry; a bad entry or term is one of the
/// `problems` (the caller's lenient mode decides), anything else an error.
/// Data categories are read in the DCA style (`<termNote
/// type="administrativeStatus">`) and TBX v3's DCT style (an element of a
/// module's namespace, `<min:administrativeStatus>`). What the glossary
/// cannot keep is one of the `notes`: each language section of another
/// language than English and Japanese that held terms, and a count a file
/// of the notes on terms or language sections, contexts, sources and parts
/// of speech.
#[cfg(test)]
pub fn read_noted(
    text: &str,
    path: &Path,
    problems: &mut Vec<Error>,
    notes: &mut Vec<Note>,
) -> Result<Glossary, Error> {
    read_all(text, path, problems, notes, &mut Vec::new())
}

/// [`read_noted`], with the ids made from a term (of entries without one)
/// added to `generated`.
pub fn read_all(
    text: &str,
    path: &Path,
    problems: &mut Vec<Error>,
    notes: &mut Vec<Note>,
    generated: &mut Vec<String>,
) -> Result<Glossary, Error> {
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
    let mut reader = NsReader::from_str(text);
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
        let (module, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (
                matches!(ns, ResolveResult::Bound(Namespace(n)) if module_namespace(n)),
                event,
            ),
            Err(e) => {
                return Err(Error::parse(
                    path,
                    lines.at(reader.error_position()),
                    format!("not well-formed XML: {e}"),
                ));
            }
        };
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
                    .start(e, module, line)
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
    notes.append(&mut entries.notes);
    notes.extend(entries.file_notes(path));
    generated.append(&mut entries.generated);
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

    /// `xml:lang="jp"` (a common mistake for Japanese) and ISO 639-2/3's
    /// `jpn` and `eng` were not read, their sections dropped silently, as
    /// were sections in other languages (a terminologist's review): the
    /// first are Japanese and English, the others each a note naming the
    /// entry and the language, and a problem when the entry has nothing else.
    #[test]
    fn other_language_tags_are_read_or_said_not_kept() -> Result<(), Error> {
        let text = "<tbx xml:lang=\"en\"><text><body>\n\
            <conceptEntry id=\"sg\">\n\
            <langSec xml:lang=\"en\"><termSec><term>safeguard</term></termSec></langSec>\n\
            <langSec xml:lang=\"jp\"><termSec><term>セーフガード</term></termSec></langSec>\n\
            <langSec xml:lang=\"zh\"><descrip type=\"definition\">临时进口限制。</descrip>\
            <termSec><term>保障措施</term></termSec></langSec>\n\
            <langSec xml:lang=\"ko-KR\"><termSec><term>세이프가드</term></termSec>\
            <termSec><term>긴급수입제한</term></termSec></langSec>\n\
            </conceptEntry>\n\
            <conceptEntry id=\"ad\"><langSec xml:lang=\"eng\"><termSec><term>anti-dumping duty</term>\
            </termSec></langSec>\n<langSec xml:lang=\"JPN\"><termSec><term>反ダンピング税</term>\
            </termSec></langSec><langSec xml:lang=\"zh-Hans\"><termSec><term>反倾销税</term>\
            </termSec></langSec></conceptEntry>\n\
            <conceptEntry id=\"fr\"><langSec xml:lang=\"fr\"><termSec><term>droit</term>\
            </termSec></langSec></conceptEntry>\n\
            </body></text></tbx>";
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let g = read_noted(text, Path::new("j.tbx"), &mut problems, &mut notes)?;
        let terms: Vec<(&str, &str, &str)> = g
            .concepts
            .iter()
            .map(|c| (c.id.as_str(), c.en[0].term.as_str(), c.ja[0].term.as_str()))
            .collect();
        assert_eq!(
            terms,
            [
                ("sg", "safeguard", "セーフガード"),
                ("ad", "anti-dumping duty", "反ダンピング税")
            ]
        );
        // A definition in another language is kept in the note, never as
        // the concept's (English) definition.
        assert_eq!(g.concepts[0].definition, "");
        assert_eq!(g.concepts[0].note, "definition (zh): 临时进口限制。");
        let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "j.tbx:10: concept `fr` has no term in English or Japanese (its fr section is \
                 not kept: the glossary holds these two only)"
            ]
        );
        let notes: Vec<(String, Option<&str>)> = notes
            .iter()
            .map(|n| (n.to_string(), n.concept.as_deref()))
            .collect();
        assert_eq!(
            notes,
            [
                (
                    "j.tbx:5: entry `sg`: its zh section (1 term) is not kept: the glossary \
                     holds English and Japanese only"
                        .to_string(),
                    Some("sg")
                ),
                (
                    "j.tbx:6: entry `sg`: its ko-KR section (2 terms) is not kept: the \
                     glossary holds English and Japanese only"
                        .to_string(),
                    Some("sg")
                ),
                (
                    "j.tbx:9: entry `ad`: its zh-Hans section (1 term) is not kept: the \
                     glossary holds English and Japanese only"
                        .to_string(),
                    Some("ad")
                ),
                (
                    "j.tbx: language sections not kept (the glossary holds English and \
                     Japanese only): zh in 1 entry, ko-kr in 1 entry, zh-hans in 1 entry"
                        .to_string(),
                    None
                ),
            ]
        );
        Ok(())
    }

    /// Notes on language sections, contexts, sources and parts of speech
    /// were dropped without a word: one note a file counts them (the
    /// glossary has no place for them); a transaction's note is
    /// administrative data. A term's notes are its own, joined by `; ` (a
    /// translator's review found them counted as not kept).
    #[test]
    fn fields_not_kept_are_counted() -> Result<(), Error> {
        let text = "<tbx><text><body><conceptEntry id=\"q\"><note>kept</note>\
            <langSec xml:lang=\"en\"><note>on English</note><termSec><term>quota</term>\
            <termNote type=\"partOfSpeech\">noun</termNote>\
            <descrip type=\"context\">An import quota on rice.</descrip>\
            <admin type=\"source\">WTO</admin><note>one</note><note>two</note>\
            <transacGrp><transac>origination</transac><note>imported</note></transacGrp>\
            </termSec></langSec></conceptEntry></body></text></tbx>";
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let g = read_noted(text, Path::new("f.tbx"), &mut problems, &mut notes)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(g.concepts[0].note, "kept");
        assert_eq!(g.concepts[0].en[0].note.as_deref(), Some("one; two"));
        let notes: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            notes,
            [
                "f.tbx: 1 note on a language section, 1 context, 1 source and \
                 1 part of speech are not kept: the glossary has no place for them"
            ]
        );
        // A file of what the glossary keeps has no note.
        let mut notes = Vec::new();
        read_noted(&write(&g), Path::new("w.tbx"), &mut problems, &mut notes)?;
        assert!(notes.is_empty(), "{notes:?}");
        Ok(())
    }

    /// TBX v3's DCT style writes data categories as elements of the TBX
    /// modules' namespaces: statuses, definitions and subject fields were
    /// not read (the deprecated `escape clause` came back preferred's
    /// equal). They are read by local name and namespace, whatever the
    /// prefix; the same name in another namespace is no data category.
    #[test]
    fn reads_the_dct_style_by_namespace() -> Result<(), Error> {
        let dct = |min: &str, basic: &str| {
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                 <tbx type=\"TBX-Basic\" style=\"dct\" xml:lang=\"en\" \
                 xmlns=\"urn:iso:std:iso:30042:ed-2\" xmlns:{min}=\"http://www.tbxinfo.net/ns/min\" \
                 xmlns:{basic}=\"http://www.tbxinfo.net/ns/basic\">\n\
                 <text><body><conceptEntry id=\"sg\"><{min}:subjectField>trade remedies</{min}:subjectField>\n\
                 <langSec xml:lang=\"en\"><{basic}:definition>Temporary <hi>import</hi> restriction.</{basic}:definition>\n\
                 <termSec><term>safeguard</term><{min}:partOfSpeech>noun</{min}:partOfSpeech>\
                 <{min}:administrativeStatus>preferredTerm-admn-sts</{min}:administrativeStatus>\
                 <{basic}:context>A safeguard on steel.</{basic}:context></termSec>\n\
                 <termSec><term>escape clause</term><{min}:administrativeStatus>deprecatedTerm-admn-sts</{min}:administrativeStatus></termSec></langSec>\n\
                 <langSec xml:lang=\"ja\"><termSec><term>セーフガード</term><{min}:administrativeStatus>admittedTerm-admn-sts</{min}:administrativeStatus></termSec>\
                 <termSec><term>緊急輸入制限</term><{min}:administrativeStatus>preferredTerm-admn-sts</{min}:administrativeStatus></termSec></langSec>\n\
                 </conceptEntry></body></text></tbx>"
            )
        };
        for (min, basic) in [("min", "basic"), ("m", "b"), ("basic", "min")] {
            let mut problems = Vec::new();
            let mut notes = Vec::new();
            let g = read_noted(
                &dct(min, basic),
                Path::new("d.tbx"),
                &mut problems,
                &mut notes,
            )?;
            assert!(problems.is_empty(), "{problems:?}");
            let c = &g.concepts[0];
            assert_eq!(c.domain, "trade remedies", "{min}");
            assert_eq!(c.definition, "Temporary import restriction.", "{min}");
            let statuses = |terms: &[Term]| -> Vec<(String, Status)> {
                terms.iter().map(|t| (t.term.clone(), t.status)).collect()
            };
            assert_eq!(
                statuses(&c.en),
                [
                    ("safeguard".to_string(), Status::Preferred),
                    ("escape clause".to_string(), Status::Deprecated)
                ]
            );
            assert_eq!(
                statuses(&c.ja),
                [
                    ("セーフガード".to_string(), Status::Admitted),
                    ("緊急輸入制限".to_string(), Status::Preferred)
                ]
            );
            let notes: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
            assert_eq!(
                notes,
                [
                    "d.tbx: 1 context and 1 part of speech are not kept: the glossary has no \
                     place for them"
                ]
            );
        }
        // The prefix `min` bound to another namespace is no TBX module.
        let other = dct("min", "basic").replace("http://www.tbxinfo.net/ns/min", "urn:x:min");
        let mut problems = Vec::new();
        let g = read(&other, Path::new("o.tbx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        let c = &g.concepts[0];
        assert_eq!(c.domain, "");
        assert_eq!(c.definition, "Temporary import restriction.");
        assert_eq!(
            (c.en[1].status, c.ja[0].status),
            (Status::Admitted, Status::Preferred)
        );
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
        assert_eq!(g.concepts[0].en[0].note.as_deref(), Some("on the term"));
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
        assert_eq!(w.concepts[0].en[0].note.as_deref(), Some("see q"));
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

    /// Machine proposals were written `admittedTerm-admn-sts` alone and
    /// read back as binding terms (a terminologist's review): a proposed
    /// term is written admitted with `processStatus`
    /// `provisionallyProcessed`, TBX's standard mark of work not finished,
    /// and read back proposed; an admitted term has no process status.
    #[test]
    fn a_proposed_term_is_written_and_read_as_provisionally_processed() -> Result<(), Error> {
        let term = |t: &str, status| Term {
            term: t.into(),
            reading: None,
            status,
            note: None,
        };
        let g = Glossary {
            concepts: vec![Concept {
                id: "align-japanese".into(),
                domain: String::new(),
                definition: String::new(),
                note: "machine proposal, not reviewed".into(),
                en: vec![term("Japanese", Status::Proposed)],
                ja: vec![term("日本", Status::Admitted)],
            }],
        };
        let text = write(&g);
        assert!(
            text.contains(
                "            <term>Japanese</term>\n\
                 \x20           <termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>\n\
                 \x20           <termNote type=\"processStatus\">provisionallyProcessed</termNote>\n\
                 \x20         </termSec>"
            ),
            "{text}"
        );
        assert_eq!(text.matches("processStatus").count(), 1, "{text}");
        let mut problems = Vec::new();
        let back = read(&text, Path::new("g.tbx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, g);
        assert_eq!(write(&back), text);
        Ok(())
    }

    /// `processStatus` as other tools write it: `unprocessed` and
    /// `provisionallyProcessed` (any case, DCA or DCT) make a term proposed
    /// whatever its administrative status; `finalized` leaves that status;
    /// another value is a problem, as an unknown status is; and a section
    /// stating no administrative status prefers its first term that is no
    /// proposal.
    #[test]
    fn process_statuses_are_read() -> Result<(), Error> {
        let entry = |terms: &str| {
            format!(
                "<tbx xmlns:min=\"http://www.tbxinfo.net/ns/min\"><text><body>\
                 <conceptEntry id=\"c\"><langSec xml:lang=\"en\">{terms}</langSec>\
                 <langSec xml:lang=\"ja\"><termSec><term>関税</term></termSec></langSec>\
                 </conceptEntry></body></text></tbx>"
            )
        };
        let sec = |t: &str, notes: &str| format!("<termSec><term>{t}</term>{notes}</termSec>");
        let admn = |v: &str| format!("<termNote type=\"administrativeStatus\">{v}</termNote>");
        let process = |v: &str| format!("<termNote type=\"processStatus\">{v}</termNote>");
        let text = entry(
            &[
                sec(
                    "a",
                    &format!(
                        "{}{}",
                        admn("preferredTerm-admn-sts"),
                        process("unprocessed")
                    ),
                ),
                sec(
                    "b",
                    &format!(
                        "{}{}",
                        admn("admittedTerm-admn-sts"),
                        process("PROVISIONALLYPROCESSED")
                    ),
                ),
                sec(
                    "c",
                    &format!(
                        "{}{}",
                        admn("deprecatedTerm-admn-sts"),
                        process("finalized")
                    ),
                ),
                sec(
                    "d",
                    &format!(
                        "{}<min:processStatus>provisionallyProcessed</min:processStatus>",
                        admn("admittedTerm-admn-sts")
                    ),
                ),
                sec(
                    "e",
                    &format!("{}{}", admn("admittedTerm-admn-sts"), process("halfDone")),
                ),
            ]
            .concat(),
        );
        let mut problems = Vec::new();
        let g = read(&text, Path::new("p.tbx"), &mut problems)?;
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].contains("unknown processStatus `halfDone`"),
            "{messages:?}"
        );
        let statuses: Vec<(&str, Status)> = g.concepts[0]
            .en
            .iter()
            .map(|t| (t.term.as_str(), t.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("a", Status::Proposed),
                ("b", Status::Proposed),
                ("c", Status::Deprecated),
                ("d", Status::Proposed)
            ]
        );
        // No administrative status stated: the first term that is no
        // proposal is preferred, the proposal stays one.
        let text = entry(&[sec("a", &process("unprocessed")), sec("b", "")].concat());
        let g = read(&text, Path::new("p.tbx"), &mut Vec::new())?;
        let statuses: Vec<Status> = g.concepts[0].en.iter().map(|t| t.status).collect();
        assert_eq!(statuses, [Status::Proposed, Status::Preferred]);
        assert_eq!(g.concepts[0].ja[0].status, Status::Preferred);
        Ok(())
    }
}
