//! UTX 1.20 (AAMT): a header line `#UTX 1.20; en/ja`, a column line, then one
//! row per source/target pair. Concepts travel in a `concept ID` column;
//! definitions in `comment`; a row's `term status` is that of the terms it
//! adds to its concept. Readings and domains are not carried, and a tab or
//! line break in a cell (which has no escapes) is written as a space.

use std::path::Path;

use crate::{Concept, Error, Glossary, Lang, Status, Term};

const COLUMNS: [&str; 6] = [
    "#src",
    "tgt",
    "src:pos",
    "term status",
    "concept ID",
    "comment",
];

fn utx_status(s: Status) -> &'static str {
    match s {
        Status::Preferred => "approved",
        Status::Admitted => "provisional",
        Status::Deprecated => "forbidden",
    }
}

pub fn write(g: &Glossary) -> String {
    let mut out = String::from("#UTX 1.20; en/ja; source: kotoba\n");
    out.push_str(&COLUMNS.join("\t"));
    out.push('\n');
    let clean = super::plain_tsv_cell;
    for c in &g.concepts {
        let (Some(en0), Some(ja0)) = (c.en.first(), c.ja.first()) else {
            // One-sided concepts still travel, with an empty side.
            let (src, tgt) = (
                c.en.first().map_or("", |t| t.term.as_str()),
                c.ja.first().map_or("", |t| t.term.as_str()),
            );
            let status =
                c.en.first()
                    .or(c.ja.first())
                    .map_or(Status::Admitted, |t| t.status);
            out.push_str(&format!(
                "{}\t{}\tnoun\t{}\t{}\t{}\n",
                clean(src),
                clean(tgt),
                utx_status(status),
                clean(&c.id),
                clean(&super::comment(c))
            ));
            continue;
        };
        let mut row = |src: &Term, tgt: &Term, status: Status| {
            out.push_str(&format!(
                "{}\t{}\tnoun\t{}\t{}\t{}\n",
                clean(&src.term),
                clean(&tgt.term),
                utx_status(status),
                clean(&c.id),
                clean(&super::comment(c))
            ));
        };
        // A row's status is that of each term it brings in: the first pair
        // shares one only when its terms do; else the English term comes
        // first on a row of its own (an empty target, as for one-sided
        // concepts), so the Japanese one keeps its status.
        if en0.status == ja0.status {
            row(en0, ja0, en0.status);
        } else {
            row(
                en0,
                &Term {
                    term: String::new(),
                    reading: None,
                    status: en0.status,
                },
                en0.status,
            );
            row(en0, ja0, ja0.status);
        }
        for t in c.en.iter().skip(1) {
            row(t, ja0, t.status);
        }
        for t in c.ja.iter().skip(1) {
            row(en0, t, t.status);
        }
    }
    out
}

pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let mut lines = text.lines().enumerate();
    let Some((_, first)) = lines.next() else {
        return Err(Error::parse(path, Some(1), "empty file"));
    };
    if !first.starts_with("#UTX") {
        return Err(Error::parse(
            path,
            Some(1),
            "not a UTX file (no `#UTX` header)",
        ));
    }
    let mut header: Vec<String> = Vec::new();
    let mut g = Glossary::default();
    // Where each concept is, by id; and, for rows without an id, by the
    // term that names it (rows with the same source term are one concept,
    // `Diet` and `diet` two).
    let mut at_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut at_term: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // For each concept, whether its id was made from a term (no `concept ID`).
    let mut derived: Vec<bool> = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        if header.is_empty() && line.starts_with('#') {
            header = line
                .trim_start_matches('#')
                .split('\t')
                .map(|s| s.trim().to_string())
                .collect();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let get = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|k| cells.get(k))
                .map_or("", |s| s.trim())
        };
        let (src, tgt) = (get("src"), get("tgt"));
        if src.is_empty() && tgt.is_empty() {
            problems.push(Error::parse(path, Some(i + 1), "row has no term"));
            continue;
        }
        let status = match get("term status") {
            "" | "provisional" => Status::Admitted,
            s => match Status::parse(s) {
                Some(st) => st,
                None => {
                    problems.push(Error::parse(
                        path,
                        Some(i + 1),
                        format!("unknown term status `{s}`"),
                    ));
                    continue;
                }
            },
        };
        let given = get("concept ID");
        let named_by = if src.is_empty() {
            format!("ja:{tgt}")
        } else {
            format!("en:{src}")
        };
        let known = if given.is_empty() {
            at_term.get(&named_by)
        } else {
            at_id.get(given)
        };
        let at = match known {
            Some(&k) => k,
            None => {
                let id = if given.is_empty() {
                    let term = if src.is_empty() { tgt } else { src };
                    super::table::derived_id(term, |id| at_id.contains_key(id))
                } else {
                    given.to_string()
                };
                let k = g.concepts.len();
                at_id.insert(id.clone(), k);
                if given.is_empty() {
                    at_term.insert(named_by, k);
                }
                derived.push(given.is_empty());
                g.concepts.push(Concept {
                    id,
                    domain: String::new(),
                    definition: get("comment").to_string(),
                    note: String::new(),
                    en: vec![],
                    ja: vec![],
                });
                k
            }
        };
        let c = &mut g.concepts[at];
        for (lang, term) in [(Lang::En, src), (Lang::Ja, tgt)] {
            if !term.is_empty() && !c.terms(lang).iter().any(|t| t.term == term) {
                c.terms_mut(lang).push(Term {
                    term: term.to_string(),
                    reading: None,
                    status,
                });
            }
        }
    }
    approve_shared_terms(&mut g, &derived);
    Ok(g)
}

/// What a `forbidden` row without a `concept ID` deprecates: the terms it
/// brings in, never a term another row of the file approves or leaves
/// provisional (`derived` says which concepts have no id given). A row is
/// one source–target pair: `rice duty → コメ関税 forbidden` beside `rice
/// tariff → コメ関税 approved` forbids `rice duty` as a name of the concept
/// of `rice tariff`, which it joins as a deprecated term (`check` reported
/// コメ関税 deprecated in favour of itself). A concept of forbidden rows
/// whose other terms are approved under one other concept joins that one;
/// otherwise a term approved elsewhere takes the status given it there.
fn approve_shared_terms(g: &mut Glossary, derived: &[bool]) {
    // The first status other than deprecated each term has, and where.
    let mut allowed: std::collections::HashMap<(Lang, String), (Status, usize)> =
        std::collections::HashMap::new();
    for (k, c) in g.concepts.iter().enumerate() {
        for lang in [Lang::En, Lang::Ja] {
            for t in c.terms(lang) {
                if t.status != Status::Deprecated {
                    allowed
                        .entry((lang, t.term.clone()))
                        .or_insert((t.status, k));
                }
            }
        }
    }
    let elsewhere = |lang: Lang, term: &str, k: usize| {
        allowed
            .get(&(lang, term.to_string()))
            .filter(|(_, at)| *at != k)
            .copied()
    };
    // Concepts of forbidden rows only, and the concept each joins.
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (k, c) in g.concepts.iter().enumerate() {
        if !derived.get(k).copied().unwrap_or(false) {
            continue;
        }
        let mut into: Option<usize> = None;
        let mut alone = true;
        for lang in [Lang::En, Lang::Ja] {
            for t in c.terms(lang) {
                match elsewhere(lang, &t.term, k) {
                    _ if t.status != Status::Deprecated => alone = false,
                    Some((_, at)) if into.is_none_or(|i| i == at) => into = Some(at),
                    Some(_) => alone = false,
                    None => {}
                }
            }
        }
        if let (true, Some(at)) = (alone, into) {
            joins.push((k, at));
        }
    }
    for &(k, at) in &joins {
        for lang in [Lang::En, Lang::Ja] {
            let moved: Vec<Term> = g.concepts[k]
                .terms(lang)
                .iter()
                .filter(|t| elsewhere(lang, &t.term, k).is_none())
                .cloned()
                .collect();
            for t in moved {
                if !g.concepts[at].terms(lang).iter().any(|x| x.term == t.term) {
                    g.concepts[at].terms_mut(lang).push(t);
                }
            }
        }
    }
    for (k, c) in g.concepts.iter_mut().enumerate() {
        if !derived.get(k).copied().unwrap_or(false) {
            continue;
        }
        for lang in [Lang::En, Lang::Ja] {
            for t in c.terms_mut(lang) {
                if t.status == Status::Deprecated
                    && let Some((status, _)) = elsewhere(lang, &t.term, k)
                {
                    t.status = status;
                }
            }
        }
    }
    let gone: std::collections::HashSet<usize> = joins.iter().map(|&(k, _)| k).collect();
    let mut k = 0;
    g.concepts.retain(|_| {
        k += 1;
        !gone.contains(&(k - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: &str, status: Status) -> Term {
        Term {
            term: t.into(),
            reading: None,
            status,
        }
    }

    /// The first row once gave the English term's status to the Japanese
    /// term too: an admitted 関税 came back preferred.
    #[test]
    fn every_term_keeps_its_status() -> Result<(), Error> {
        let g = Glossary {
            concepts: vec![Concept {
                id: "tariff".into(),
                domain: String::new(),
                definition: "A tax on imports.".into(),
                note: String::new(),
                en: vec![
                    term("tariff", Status::Preferred),
                    term("duty", Status::Admitted),
                ],
                ja: vec![
                    term("関税", Status::Admitted),
                    term("税関税", Status::Deprecated),
                ],
            }],
        };
        let mut problems = Vec::new();
        let back = read(&write(&g), Path::new("g.utx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, g);
        Ok(())
    }

    /// A forbidden row without an id sharing its target with an approved
    /// row made that target deprecated in favour of itself (a
    /// terminologist's review): it forbids its own source term only.
    #[test]
    fn a_forbidden_row_deprecates_only_its_own_terms() -> Result<(), Error> {
        let text = "#UTX 1.20; en-US/ja-JP\n#src\ttgt\tsrc:pos\tterm status\tcomment\n\
                    rice tariff\tコメ関税\tnoun\tapproved\tmain\n\
                    rice duty\tコメ関税\tnoun\tforbidden\tdo not use\n";
        let mut problems = Vec::new();
        let g = read(text, Path::new("u.utx"), &mut problems)?;
        assert!(problems.is_empty(), "{problems:?}");
        // `rice duty` is a deprecated name of the concept of `rice tariff`.
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["rice-tariff"]);
        let en: Vec<(&str, Status)> = g.concepts[0]
            .en
            .iter()
            .map(|t| (t.term.as_str(), t.status))
            .collect();
        assert_eq!(
            en,
            [
                ("rice tariff", Status::Preferred),
                ("rice duty", Status::Deprecated)
            ]
        );
        assert_eq!(g.concepts[0].ja.len(), 1);
        assert_eq!(g.concepts[0].ja[0].status, Status::Preferred);
        // A forbidden row before the approved one, and a forbidden row of a
        // concept of its own (nothing approved elsewhere), stay as they are.
        let text = "#UTX 1.20; en-US/ja-JP\n#src\ttgt\tterm status\n\
                    rice duty\tコメ関税\tforbidden\n\
                    rice tariff\tコメ関税\tapproved\n\
                    beef duty\t牛肉税\tforbidden\n";
        let g = read(text, Path::new("u.utx"), &mut problems)?;
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["rice-tariff", "beef-duty"]);
        assert_eq!(g.concepts[0].en[1].term, "rice duty");
        assert_eq!(g.concepts[1].en[0].status, Status::Deprecated);
        Ok(())
    }

    /// Without ids, `Diet` and `diet` were merged into one concept (a
    /// review found it); rows of one source term stay one concept.
    #[test]
    fn rows_without_ids_are_concepts_by_their_term() -> Result<(), Error> {
        let text = "#UTX 1.20; en/ja\n#src\ttgt\n\
                    Diet\t国会\ndiet\t食事\ntariff\t関税\ntariff\t関税率\n";
        let g = read(text, Path::new("g.utx"), &mut Vec::new())?;
        let concepts: Vec<(&str, usize)> = g
            .concepts
            .iter()
            .map(|c| (c.id.as_str(), c.ja.len()))
            .collect();
        assert_eq!(concepts, [("diet", 1), ("diet-2", 1), ("tariff", 2)]);
        Ok(())
    }

    #[test]
    fn status_names_are_read() -> Result<(), Error> {
        let text = "#UTX 1.20; en/ja\n#src\ttgt\tterm status\n\
                    a\tア\tapproved\nb\tイ\tadmitted\nc\tウ\tprovisional\n\
                    d\tエ\tnon-standard\ne\tオ\tforbidden\nf\tカ\t\n";
        let g = read(text, Path::new("g.utx"), &mut Vec::new())?;
        let statuses: Vec<Status> = g.concepts.iter().map(|c| c.ja[0].status).collect();
        use Status::*;
        assert_eq!(
            statuses,
            [
                Preferred, Admitted, Admitted, Deprecated, Deprecated, Admitted
            ]
        );
        Ok(())
    }
}
