//! TBX: written as ISO 30042:2019 TBX-Basic (`conceptEntry` / `langSec` /
//! `termSec`); read in that form and in TBX v2's `martif` (`termEntry` /
//! `langSet` / `tig` or `ntig`). Readings travel as `termNote
//! type="pronunciation"`, statuses as `administrativeStatus`. No DTD is read
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

pub fn write(g: &Glossary) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n\
         \x20 <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>kotoba glossary</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n\
         \x20 <text>\n    <body>\n",
    );
    for c in &g.concepts {
        out.push_str(&format!(
            "      <conceptEntry id=\"{}\">\n",
            escape(c.id.as_str())
        ));
        if !c.domain.is_empty() {
            out.push_str(&format!(
                "        <descrip type=\"subjectField\">{}</descrip>\n",
                escape(c.domain.as_str())
            ));
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
                    escape(c.definition.as_str())
                ));
            }
            for t in terms {
                out.push_str("          <termSec>\n");
                out.push_str(&format!(
                    "            <term>{}</term>\n",
                    escape(t.term.as_str())
                ));
                if let Some(r) = &t.reading {
                    out.push_str(&format!(
                        "            <termNote type=\"pronunciation\">{}</termNote>\n",
                        escape(r.as_str())
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
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let mut reader = Reader::from_str(text);
    let line_at = |pos: u64| {
        Some(
            text.as_bytes()[..(pos as usize).min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        )
    };
    let mut g = Glossary::default();
    let mut concept: Option<Concept> = None;
    let mut lang: Option<Lang> = None;
    let mut term: Option<Term> = None;
    let mut slot = Slot::None;
    let mut text_buf = String::new();
    let mut seen_root = false;
    let mut entry_line = None;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| Error::parse(path, line_at(pos), format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                match name.as_slice() {
                    b"tbx" | b"martif" => seen_root = true,
                    b"conceptEntry" | b"termEntry" => {
                        entry_line = line_at(pos);
                        concept = Some(Concept {
                            id: attr(&e, b"id").unwrap_or_default(),
                            domain: String::new(),
                            definition: String::new(),
                            en: vec![],
                            ja: vec![],
                        })
                    }
                    b"langSec" | b"langSet" => {
                        lang = match attr(&e, b"xml:lang")
                            .as_deref()
                            .map(|l| l.split('-').next().unwrap_or(""))
                        {
                            Some("en") => Some(Lang::En),
                            Some("ja") => Some(Lang::Ja),
                            _ => None,
                        }
                    }
                    b"termSec" | b"tig" | b"ntig" => {
                        term = Some(Term {
                            term: String::new(),
                            reading: None,
                            status: Status::Admitted,
                        })
                    }
                    b"term" => slot = Slot::Term,
                    b"descrip" => {
                        slot = match attr(&e, b"type").as_deref() {
                            Some("subjectField") => Slot::Domain,
                            Some("definition") => Slot::Definition,
                            _ => Slot::None,
                        }
                    }
                    b"termNote" => {
                        slot = match attr(&e, b"type").as_deref() {
                            Some("administrativeStatus") | Some("normativeAuthorization") => {
                                Slot::Status
                            }
                            Some("pronunciation") => Slot::Reading,
                            _ => Slot::None,
                        }
                    }
                    _ => {}
                }
                text_buf.clear();
            }
            Event::Text(t) => {
                // Only XML's own entities and character references are
                // expanded; any other (a DTD's, external or not) is an error.
                match t.unescape() {
                    Ok(s) => text_buf.push_str(&s),
                    Err(e) => {
                        let raw = String::from_utf8_lossy(&t);
                        let entity = raw
                            .find('&')
                            .and_then(|a| raw[a..].find(';').map(|b| raw[a..=a + b].to_string()));
                        let message = match entity {
                            Some(name) => format!("entity `{name}` is not expanded"),
                            None => format!("bad text: {e}"),
                        };
                        return Err(Error::parse(path, line_at(pos), message));
                    }
                }
            }
            Event::CData(t) => text_buf.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => {
                let value = text_buf.trim().to_string();
                match e.local_name().as_ref() {
                    b"term" => {
                        if let Some(t) = term.as_mut() {
                            t.term = value;
                        }
                    }
                    b"descrip" | b"termNote" => match slot {
                        Slot::Domain => {
                            if let Some(c) = concept.as_mut() {
                                c.domain = value;
                            }
                        }
                        Slot::Definition => {
                            if let Some(c) = concept.as_mut().filter(|c| c.definition.is_empty()) {
                                c.definition = value;
                            }
                        }
                        Slot::Status => match (Status::parse(&value), term.as_mut()) {
                            (Some(s), Some(t)) => t.status = s,
                            (None, _) => problems.push(Error::parse(
                                path,
                                line_at(pos),
                                format!("unknown status `{value}`"),
                            )),
                            _ => {}
                        },
                        Slot::Reading => {
                            if let Some(t) = term.as_mut() {
                                t.reading = Some(value);
                            }
                        }
                        _ => {}
                    },
                    b"termSec" | b"tig" | b"ntig" => {
                        if let (Some(t), Some(c), Some(l)) = (term.take(), concept.as_mut(), lang) {
                            if t.term.is_empty() {
                                problems.push(Error::parse(path, line_at(pos), "empty <term>"));
                            } else {
                                c.terms_mut(l).push(t);
                            }
                        }
                    }
                    b"langSec" | b"langSet" => lang = None,
                    b"conceptEntry" | b"termEntry" => {
                        if let Some(mut c) = concept.take() {
                            if c.id.is_empty() {
                                let first =
                                    c.en.first()
                                        .or(c.ja.first())
                                        .map(|t| t.term.clone())
                                        .unwrap_or_default();
                                c.id = crate::model::id_from(&first);
                            }
                            match c.problem() {
                                Some(p) => problems.push(Error::parse(path, entry_line, p)),
                                None => g.concepts.push(c),
                            }
                        }
                    }
                    _ => {}
                }
                slot = Slot::None;
                text_buf.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(Error::parse(
            path,
            Some(1),
            "not a TBX file (no <tbx> or <martif> root)",
        ));
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn malformed_xml_names_file_and_line() {
        let bad = "<tbx>\n<text>\n<body>\n</text>\n</tbx>";
        let err = read(bad, Path::new("bad.tbx"), &mut Vec::new())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("bad.tbx:4: not well-formed XML"), "{err}");
    }
}
