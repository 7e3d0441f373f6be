//! Terminology checks of translations, as OmegaT and Xbench make them: for
//! each aligned pair, every glossary term found on one side must have one of
//! its concept's terms on the other; deprecated terms are flagged.

use std::path::Path;

use serde::Serialize;

use crate::{Annotator, Error, Lang, Status};

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

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueKind {
    /// A source term whose concept has no term on the other side.
    Missing,
    /// A deprecated term is used.
    Deprecated,
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
    /// Glossary terms found on the other side.
    pub found: Vec<String>,
}

/// Reads pairs: TSV with a header naming `en` and `ja` columns (or the first
/// two columns), or JSON Lines with `en` and `ja` fields.
pub fn read_pairs(path: &Path) -> Result<Vec<Pair>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let jsonl = path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson");
    let mut pairs = Vec::new();
    let mut columns = (0, 1);
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        if jsonl {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| Error::parse(path, Some(n), format!("not JSON: {e}")))?;
            let side = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
            let (Some(en), Some(ja)) = (side("en"), side("ja")) else {
                return Err(Error::parse(
                    path,
                    Some(n),
                    "record needs string fields \"en\" and \"ja\"",
                ));
            };
            pairs.push(Pair { line: n, en, ja });
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if i == 0 {
            let find = |name: &str| {
                cells
                    .iter()
                    .position(|c| c.trim().eq_ignore_ascii_case(name))
            };
            columns = match (find("en"), find("ja")) {
                (Some(a), Some(b)) => (a, b),
                _ => (0, 1),
            };
            continue;
        }
        match (cells.get(columns.0), cells.get(columns.1)) {
            (Some(en), Some(ja)) => pairs.push(Pair {
                line: n,
                en: en.to_string(),
                ja: ja.to_string(),
            }),
            _ => {
                return Err(Error::parse(
                    path,
                    Some(n),
                    format!(
                        "expected {} tab-separated columns",
                        columns.0.max(columns.1) + 1
                    ),
                ));
            }
        }
    }
    Ok(pairs)
}

/// Checks every pair in both directions.
pub fn check_pairs(annotator: &Annotator, pairs: &[Pair]) -> Vec<Issue> {
    let g = annotator.glossary();
    let mut issues = Vec::new();
    for pair in pairs {
        for (lang, source, target) in [
            (Lang::En, &pair.en, &pair.ja),
            (Lang::Ja, &pair.ja, &pair.en),
        ] {
            let other = lang.other();
            let present = annotator.present(target, other);
            let found: Vec<String> = present
                .iter()
                .filter_map(|&c| g.concepts[c].preferred(other).map(|t| t.term.clone()))
                .collect();
            let mut reported: Vec<(usize, IssueKind)> = Vec::new();
            for span in annotator
                .annotate(source)
                .into_iter()
                .filter(|s| s.lang == lang)
            {
                let concept = &g.concepts[span.concept];
                let term = &concept.terms(lang)[span.term];
                let text = source[span.start..span.end].to_string();
                if term.status == Status::Deprecated
                    && !reported.contains(&(span.concept, IssueKind::Deprecated))
                {
                    reported.push((span.concept, IssueKind::Deprecated));
                    issues.push(Issue {
                        line: pair.line,
                        kind: IssueKind::Deprecated,
                        lang,
                        concept: concept.id.clone(),
                        term: text.clone(),
                        expected: concept
                            .preferred(lang)
                            .map(|t| vec![t.term.clone()])
                            .unwrap_or_default(),
                        found: Vec::new(),
                    });
                }
                let targets = concept.terms(other);
                if targets.is_empty()
                    || present.contains(&span.concept)
                    || reported.contains(&(span.concept, IssueKind::Missing))
                {
                    continue;
                }
                reported.push((span.concept, IssueKind::Missing));
                issues.push(Issue {
                    line: pair.line,
                    kind: IssueKind::Missing,
                    lang,
                    concept: concept.id.clone(),
                    term: text,
                    expected: targets
                        .iter()
                        .filter(|t| t.status != Status::Deprecated)
                        .map(|t| t.term.clone())
                        .collect(),
                    found: found.clone(),
                });
            }
        }
    }
    issues
}
