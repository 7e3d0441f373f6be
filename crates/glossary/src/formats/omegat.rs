//! OmegaT's glossary: `source<TAB>target<TAB>comment`, `#` lines ignored.
//! Rows with the same source term form one concept; ids are made from the
//! English term; statuses, readings and domains are not carried, and a tab
//! or line break in a cell (which has no escapes) is written as a space.

use std::path::Path;

use crate::model::id_from;
use crate::{Concept, Error, Glossary, Status, Term};

pub fn write(g: &Glossary) -> String {
    let mut out = String::new();
    let clean = super::plain_tsv_cell;
    for c in &g.concepts {
        let ja0 = c.ja.first().map_or("", |t| t.term.as_str());
        let en0 = c.en.first().map_or("", |t| t.term.as_str());
        if c.en.is_empty() {
            out.push_str(&format!("\t{}\t{}\n", clean(ja0), clean(&c.definition)));
        }
        for t in &c.en {
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                clean(&t.term),
                clean(ja0),
                clean(&c.definition)
            ));
        }
        for t in c.ja.iter().skip(1) {
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                clean(en0),
                clean(&t.term),
                clean(&c.definition)
            ));
        }
    }
    out
}

/// True for two header cells naming English and Japanese (`en`, `ja`,
/// `EN-US`, `ja_JP`, `English`, `Japanese`, in either order).
fn is_language_pair(a: &str, b: &str) -> bool {
    let code = |cell: &str| {
        let cell = cell.trim().to_ascii_lowercase();
        let head = cell.split(['-', '_']).next().unwrap_or("").to_string();
        match head.as_str() {
            "en" | "english" => Some("en"),
            "ja" | "japanese" => Some("ja"),
            _ => None,
        }
    };
    matches!(
        (code(a), code(b)),
        (Some("en"), Some("ja")) | (Some("ja"), Some("en"))
    )
}

pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let mut g = Glossary::default();
    // Which concept a term already belongs to: rows repeat them.
    let mut owner: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut first = true;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        // OmegaT's glossaries have no header, but a table saved from a
        // spreadsheet as `.txt` often has one (`en<TAB>ja`): not a term.
        if std::mem::take(&mut first) && cells.len() >= 2 && is_language_pair(cells[0], cells[1]) {
            continue;
        }
        if cells.len() < 2 {
            problems.push(Error::parse(
                path,
                Some(i + 1),
                "expected source<TAB>target[<TAB>comment]",
            ));
            continue;
        }
        let (src, tgt) = (cells[0].trim(), cells[1].trim());
        if src.is_empty() && tgt.is_empty() {
            problems.push(Error::parse(path, Some(i + 1), "row has no term"));
            continue;
        }
        let key_en = format!("en:{src}");
        let key_ja = format!("ja:{tgt}");
        let at = match owner.get(&key_en).or_else(|| owner.get(&key_ja)) {
            Some(&k) => k,
            None => {
                let id = id_from(if src.is_empty() { tgt } else { src });
                let comment = cells.get(2).map_or("", |s| s.trim()).to_string();
                g.concepts.push(Concept {
                    id,
                    domain: String::new(),
                    definition: comment,
                    note: String::new(),
                    en: vec![],
                    ja: vec![],
                });
                g.concepts.len() - 1
            }
        };
        let c = &mut g.concepts[at];
        let first = c.en.is_empty() && c.ja.is_empty();
        let status = if first {
            Status::Preferred
        } else {
            Status::Admitted
        };
        if !src.is_empty() && !c.en.iter().any(|t| t.term == src) {
            c.en.push(Term {
                term: src.to_string(),
                reading: None,
                status,
            });
            owner.insert(key_en, at);
        }
        if !tgt.is_empty() && !c.ja.iter().any(|t| t.term == tgt) {
            c.ja.push(Term {
                term: tgt.to_string(),
                reading: None,
                status,
            });
            owner.insert(key_ja, at);
        }
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// A spreadsheet's table saved as `.txt` kept its `en<TAB>ja` header as
    /// a concept `en` → `ja` (a review found it).
    #[test]
    fn a_language_header_is_no_term() {
        for header in ["en\tja", "EN-US\tja-JP", "Japanese\tEnglish"] {
            let text = format!("{header}\nsafeguard\tセーフガード\n");
            let mut problems = Vec::new();
            let g = super::read(&text, Path::new("g.txt"), &mut problems).unwrap_or_default();
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(g.concepts.len(), 1, "{header}: {g:?}");
            assert_eq!(g.concepts[0].en[0].term, "safeguard");
        }
        // A first row that is a term stays one.
        let mut problems = Vec::new();
        let g =
            super::read("tariff\t関税\n", Path::new("g.txt"), &mut problems).unwrap_or_default();
        assert_eq!(g.concepts.len(), 1);
    }
}
