//! UTX 1.20 (AAMT): a header line `#UTX 1.20; en/ja`, a column line, then one
//! row per source/target pair. Concepts travel in a `concept ID` column;
//! definitions in `comment`; a row's `term status` is that of the terms it
//! adds to its concept. A proposed term is written `provisional`, which
//! reads back as admitted (kotoba's admitted terms are written so: UTX has
//! no status for an unreviewed term). Readings and domains are not carried, nor concepts
//! without a term in both languages (no row has an empty side), and a tab
//! or line break in a cell (which has no escapes) is written as a space.

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
        Status::Admitted | Status::Proposed => "provisional",
        Status::Deprecated => "forbidden",
    }
}

/// A language's term for the approved pair of a concept: its preferred
/// term, else its first admitted one, else its first proposed one; never a
/// deprecated one (its index).
fn best(terms: &[Term]) -> Option<usize> {
    [Status::Preferred, Status::Admitted, Status::Proposed]
        .iter()
        .find_map(|&s| terms.iter().position(|t| t.status == s))
}

/// The ids of the concepts UTX does not write: those without a term in one
/// of the languages. A UTX row is a source–target pair, which a CAT tool
/// offers as a translation and a machine translation dictionary applies as
/// one: a row with an empty side would offer (or apply) an empty translation.
pub fn unpaired(g: &Glossary) -> Vec<String> {
    g.concepts
        .iter()
        .filter(|c| c.en.is_empty() || c.ja.is_empty())
        .map(|c| c.id.clone())
        .collect()
}

/// Writes UTX: every row a source–target pair, never one with an empty
/// side (see [`unpaired`]). A concept's first row is its approved pair, its
/// best English term (preferred, else admitted) with its best Japanese one,
/// `approved` when either is preferred (a preferred English term whose
/// Japanese terms are admitted has them as its translation, not an empty
/// one) and neither only proposed, else `provisional` (an unreviewed side
/// makes no approved translation); without a Japanese term
/// other than deprecated ones there is no approved pair, only `forbidden`
/// rows, which tell the translator what not to write. Each later row
/// brings in one more term with its own status (a reader takes a term's
/// status from the first row that names it), paired with the other side's
/// term of the first row.
pub fn write(g: &Glossary) -> String {
    let mut out = String::from("#UTX 1.20; en/ja; source: kotoba\n");
    out.push_str(&COLUMNS.join("\t"));
    out.push('\n');
    let clean = super::plain_tsv_cell;
    for c in &g.concepts {
        if c.en.is_empty() || c.ja.is_empty() {
            continue;
        }
        // Each term's note goes on the first row that names the term.
        let mut named: Vec<(Lang, String)> = Vec::new();
        let mut row = |src: &Term, tgt: &Term, status: Status| {
            let mut new: Vec<&Term> = Vec::new();
            for (lang, t) in [(Lang::En, src), (Lang::Ja, tgt)] {
                if !named.iter().any(|(l, n)| *l == lang && *n == t.term) {
                    named.push((lang, t.term.clone()));
                    new.push(t);
                }
            }
            out.push_str(&format!(
                "{}\t{}\tnoun\t{}\t{}\t{}\n",
                clean(&src.term),
                clean(&tgt.term),
                utx_status(status),
                clean(&c.id),
                clean(&super::row_comment(c, &new))
            ));
        };
        let s = best(&c.en).unwrap_or(0);
        let src = &c.en[s];
        match best(&c.ja) {
            Some(t) => {
                let tgt = &c.ja[t];
                let status = if src.status == Status::Deprecated {
                    Status::Deprecated
                } else if src.status == Status::Proposed || tgt.status == Status::Proposed {
                    Status::Admitted
                } else if src.status == Status::Preferred || tgt.status == Status::Preferred {
                    Status::Preferred
                } else {
                    Status::Admitted
                };
                row(src, tgt, status);
                for (_, e) in c.en.iter().enumerate().filter(|&(i, _)| i != s) {
                    row(e, tgt, e.status);
                }
                for (_, j) in c.ja.iter().enumerate().filter(|&(j, _)| j != t) {
                    row(src, j, j.status);
                }
            }
            None => {
                for j in &c.ja {
                    row(src, j, Status::Deprecated);
                }
                for (_, e) in c.en.iter().enumerate().filter(|&(i, _)| i != s) {
                    row(e, &c.ja[0], Status::Deprecated);
                }
            }
        }
    }
    out
}

/// Reads UTX (see [`read_all`]).
#[cfg(test)]
pub fn read(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    read_all(text, path, problems, &mut Vec::new())
}

/// Reads UTX; the ids made from a term (rows without a `concept ID`) are
/// added to `generated`.
pub fn read_all(
    text: &str,
    path: &Path,
    problems: &mut Vec<Error>,
    generated: &mut Vec<String>,
) -> Result<Glossary, Error> {
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
        // The comment: the concept's definition, then the notes of the
        // row's terms (see `super::row_comment`).
        let (base, term_notes) = super::split_comment(get("comment"), &[src, tgt]);
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
                    definition: base.to_string(),
                    note: String::new(),
                    en: vec![],
                    ja: vec![],
                });
                k
            }
        };
        let c = &mut g.concepts[at];
        super::merge_row_terms(c, [(Lang::En, src), (Lang::Ja, tgt)], &term_notes, status);
    }
    generated.extend(
        g.concepts
            .iter()
            .zip(&derived)
            .filter(|(_, d)| **d)
            .map(|(c, _)| c.id.clone()),
    );
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
            note: None,
        }
    }

    /// The first row once gave the English term's status to the Japanese
    /// term too. Every term keeps its status, but for the best term of a
    /// language beside a preferred one of the other: the two are the
    /// approved pair (`tariff → 関税`), so an admitted 関税 comes back
    /// preferred, as the format's note says (a row with an empty target,
    /// which kept it admitted, offered CAT tools an empty translation).
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
        let mut approved = g.clone();
        approved.concepts[0].ja[0].status = Status::Preferred;
        assert_eq!(back, approved);
        // Without a preferred term in either language the pair is
        // provisional, and every status comes back.
        let mut g = g;
        g.concepts[0].en[0].status = Status::Admitted;
        let back = read(&write(&g), Path::new("g.utx"), &mut problems)?;
        assert_eq!(back, g);
        Ok(())
    }

    /// A preferred English term whose Japanese term was admitted was
    /// written `approved` with an empty target (a terminologist's review:
    /// a CAT tool offers that as the translation): the approved pair takes
    /// the best Japanese term, and no row has an empty side.
    #[test]
    fn no_row_has_an_empty_side() -> Result<(), Error> {
        let concept = |id: &str, en: Vec<Term>, ja: Vec<Term>| Concept {
            id: id.into(),
            domain: String::new(),
            definition: String::new(),
            note: String::new(),
            en,
            ja,
        };
        let g = Glossary {
            concepts: vec![
                concept(
                    "trq",
                    vec![term("tariff rate quota", Status::Preferred)],
                    vec![
                        term("関税割当て", Status::Deprecated),
                        term("関税割当", Status::Admitted),
                    ],
                ),
                concept(
                    "beef",
                    vec![
                        term("beef tariff", Status::Admitted),
                        term("beef duty", Status::Preferred),
                    ],
                    vec![term("牛肉関税", Status::Preferred)],
                ),
                // Nothing in Japanese may be written: forbidden rows only.
                concept(
                    "old",
                    vec![term("escape clause", Status::Preferred)],
                    vec![term("免責条項", Status::Deprecated)],
                ),
                concept("en-only", vec![term("rice", Status::Preferred)], vec![]),
                concept("ja-only", vec![], vec![term("米", Status::Preferred)]),
            ],
        };
        let text = write(&g);
        let rows: Vec<Vec<&str>> = text
            .lines()
            .skip(2)
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(
            rows.iter().all(|r| !r[0].is_empty() && !r[1].is_empty()),
            "{text}"
        );
        let pairs: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[0], r[1], r[3])).collect();
        assert_eq!(
            pairs,
            [
                ("tariff rate quota", "関税割当", "approved"),
                ("tariff rate quota", "関税割当て", "forbidden"),
                ("beef duty", "牛肉関税", "approved"),
                ("beef tariff", "牛肉関税", "provisional"),
                ("escape clause", "免責条項", "forbidden"),
            ]
        );
        assert_eq!(unpaired(&g), ["en-only", "ja-only"]);
        let back = read(&text, Path::new("g.utx"), &mut Vec::new())?;
        let trq = &back.concepts[0];
        assert_eq!(trq.en[0].status, Status::Preferred);
        assert_eq!(
            (trq.ja[0].term.as_str(), trq.ja[0].status),
            ("関税割当", Status::Preferred)
        );
        assert_eq!(trq.ja[1].status, Status::Deprecated);
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
