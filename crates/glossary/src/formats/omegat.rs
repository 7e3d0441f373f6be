//! OmegaT's glossary: `source<TAB>target<TAB>comment`, `#` lines ignored.
//! Rows with the same source term form one concept; ids are made from the
//! English term; statuses (a proposed term reads back as the others do),
//! readings and domains are not carried, and a tab
//! or line break in a cell (which has no escapes) is written as a space.

use std::path::Path;

use crate::{Concept, Error, Glossary, Lang, Status, Term};

pub fn write(g: &Glossary) -> String {
    let mut out = String::new();
    let clean = super::plain_tsv_cell;
    // A row carries no status: a deprecated term would be offered to the
    // translator as a target like any other (a review found 狂牛病 so), so
    // it is left out.
    let usable = |t: &&Term| t.status != Status::Deprecated;
    for c in &g.concepts {
        let mut en: Vec<&Term> = c.en.iter().filter(usable).collect();
        let mut ja: Vec<&Term> = c.ja.iter().filter(usable).collect();
        // A proposed term is written as any other (the concept's note in
        // the comment says what it is), after the reviewed ones, so that
        // the first row pairs reviewed terms where the concept has them.
        en.sort_by_key(|t| t.status == Status::Proposed);
        ja.sort_by_key(|t| t.status == Status::Proposed);
        // Each term's note goes on the first row that brings the term in.
        let mut row = |src: Option<&Term>, tgt: Option<&Term>, new: &[&Term]| {
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                clean(src.map_or("", |t| t.term.as_str())),
                clean(tgt.map_or("", |t| t.term.as_str())),
                clean(&super::row_comment(c, new))
            ));
        };
        let (en0, ja0) = (en.first().copied(), ja.first().copied());
        if en.is_empty() {
            if let Some(j) = ja0 {
                row(None, Some(j), &[j]);
            }
            continue;
        }
        for (i, &t) in en.iter().enumerate() {
            let new: Vec<&Term> = if i == 0 {
                [Some(t), ja0].into_iter().flatten().collect()
            } else {
                vec![t]
            };
            row(Some(t), ja0, &new);
        }
        for &t in ja.iter().skip(1) {
            row(en0, Some(t), &[t]);
        }
    }
    out
}

pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let mut g = Glossary::default();
    // Which concept a term already belongs to: rows repeat them.
    let mut owner: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Ids given, so that `Diet` and `diet` make two concepts, not one id twice.
    let mut ids: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut first = true;
    // Japanese first, as a header `ja<TAB>en` says.
    let mut swapped = false;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cells: Vec<&str> = line.split('\t').collect();
        // OmegaT's glossaries have no header, but a table saved from a
        // spreadsheet as `.txt` often has one (`en<TAB>ja`): not a term,
        // and it says which column is which.
        if std::mem::take(&mut first) && cells.len() >= 2 {
            match (Lang::from_tag(cells[0]), Lang::from_tag(cells[1])) {
                (Some(Lang::En), Some(Lang::Ja)) => continue,
                (Some(Lang::Ja), Some(Lang::En)) => {
                    swapped = true;
                    continue;
                }
                _ => {}
            }
        }
        if swapped && cells.len() >= 2 {
            cells.swap(0, 1);
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
        // The comment: the concept's definition, then the notes of the
        // row's terms (see `super::row_comment`).
        let (base, term_notes) =
            super::split_comment(cells.get(2).map_or("", |s| s.trim()), &[src, tgt]);
        let key_en = format!("en:{src}");
        let key_ja = format!("ja:{tgt}");
        let at = match owner.get(&key_en).or_else(|| owner.get(&key_ja)) {
            Some(&k) => k,
            None => {
                let id = super::table::derived_id(if src.is_empty() { tgt } else { src }, |id| {
                    ids.contains(id)
                });
                ids.insert(id.clone());
                g.concepts.push(Concept {
                    id,
                    domain: String::new(),
                    definition: base.to_string(),
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
        let added =
            super::merge_row_terms(c, [(Lang::En, src), (Lang::Ja, tgt)], &term_notes, status);
        for (key, added) in [key_en, key_ja].into_iter().zip(added) {
            if added {
                owner.insert(key, at);
            }
        }
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// `Diet` and `diet` were both given the id `diet`, and the file was
    /// refused for a duplicate id it never wrote (a review found it).
    #[test]
    fn terms_alike_but_for_case_are_two_concepts() -> Result<(), crate::Error> {
        let mut problems = Vec::new();
        let g = super::read(
            "Diet\t国会\ndiet\t食事\n",
            Path::new("g.txt"),
            &mut problems,
        )?;
        assert!(problems.is_empty(), "{problems:?}");
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["diet", "diet-2"]);
        Ok(())
    }

    /// Deprecated terms were written as plain pairs, which OmegaT offers as
    /// targets (a review found it): they are left out.
    #[test]
    fn deprecated_terms_are_left_out() -> Result<(), crate::Error> {
        let g = super::super::read(
            "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\n\
             bse\t\t\ten\tBSE\t\tpreferred\n\
             bse\t\t\tja\t牛海綿状脳症\t\tpreferred\n\
             bse\t\t\tja\t狂牛病\t\tdeprecated\n",
            super::super::Format::Tsv,
            Path::new("g.tsv"),
            false,
        )?
        .0;
        let text = super::write(&g);
        assert_eq!(text, "BSE\t牛海綿状脳症\t\n");
        Ok(())
    }

    /// A machine proposal's note reached OmegaT as an empty comment, so
    /// unreviewed pairs looked like reviewed ones (a terminologist's review
    /// found it); the note follows any definition in the comment, in UTX too.
    #[test]
    fn notes_follow_the_definition_in_the_comment() {
        let term = |t: &str| crate::Term {
            term: t.into(),
            reading: None,
            status: crate::Status::Admitted,
            note: None,
        };
        let mut c = crate::Concept {
            id: "align-remained".into(),
            domain: String::new(),
            definition: String::new(),
            note: "machine proposal, not reviewed".into(),
            en: vec![term("remained")],
            ja: vec![term("米")],
        };
        let g = crate::Glossary {
            concepts: vec![c.clone()],
        };
        assert_eq!(
            super::write(&g),
            "remained\t米\tmachine proposal, not reviewed\n"
        );
        let utx = super::super::utx::write(&g);
        assert!(utx.contains("\tmachine proposal, not reviewed\n"), "{utx}");
        c.definition = "Left as it was.".into();
        let g = crate::Glossary { concepts: vec![c] };
        assert_eq!(
            super::write(&g),
            "remained\t米\tLeft as it was. [machine proposal, not reviewed]\n"
        );
    }

    /// A spreadsheet's table saved as `.txt` kept its `en<TAB>ja` header as
    /// a concept `en` → `ja` (a review found it).
    #[test]
    fn a_language_header_is_no_term() {
        for header in ["en\tja", "EN-US\tja-JP", "English\tJapanese"] {
            let text = format!("{header}\nsafeguard\tセーフガード\n");
            let mut problems = Vec::new();
            let g = super::read(&text, Path::new("g.txt"), &mut problems).unwrap_or_default();
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(g.concepts.len(), 1, "{header}: {g:?}");
            assert_eq!(g.concepts[0].en[0].term, "safeguard");
        }
        // A header naming Japanese first says the columns are swapped.
        let mut problems = Vec::new();
        let g = super::read(
            "ja\ten\nセーフガード\tsafeguard\n",
            Path::new("g.txt"),
            &mut problems,
        )
        .unwrap_or_default();
        assert_eq!(g.concepts[0].en[0].term, "safeguard");
        assert_eq!(g.concepts[0].ja[0].term, "セーフガード");
        // A first row that is a term stays one.
        let mut problems = Vec::new();
        let g =
            super::read("tariff\t関税\n", Path::new("g.txt"), &mut problems).unwrap_or_default();
        assert_eq!(g.concepts.len(), 1);
    }

    /// A row carries no status, so the first row of a concept pairs its
    /// reviewed terms, a proposal coming after them.
    #[test]
    fn reviewed_terms_come_before_proposals() {
        let term = |t: &str, status| crate::Term {
            term: t.into(),
            reading: None,
            status,
            note: None,
        };
        let g = crate::Glossary {
            concepts: vec![crate::Concept {
                id: "tariff".into(),
                domain: String::new(),
                definition: String::new(),
                note: String::new(),
                en: vec![
                    term("duty", crate::Status::Proposed),
                    term("tariff", crate::Status::Admitted),
                ],
                ja: vec![
                    term("関税率", crate::Status::Proposed),
                    term("関税", crate::Status::Admitted),
                ],
            }],
        };
        assert_eq!(
            super::write(&g),
            "tariff\t関税\t\nduty\t関税\t\ntariff\t関税率\t\n"
        );
    }
}
