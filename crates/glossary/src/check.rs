//! Terminology checks of translations, as OmegaT and Xbench make them: for
//! each aligned pair, every glossary term found on one side must have one of
//! its concept's terms on the other; deprecated terms are flagged.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

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
/// two columns), or JSON Lines with `en` and `ja` fields. Fails on the first
/// bad line; [`PairReader`] reads a file of any size and goes on past them.
pub fn read_pairs(path: &Path) -> Result<Vec<Pair>, Error> {
    PairReader::open(path)?.collect()
}

/// Streams the pairs of a parallel file, one line at a time: a bad line is an
/// error item naming the file and line, and reading goes on after it.
pub struct PairReader<R> {
    lines: std::io::Lines<R>,
    path: PathBuf,
    jsonl: bool,
    columns: (usize, usize),
    line: usize,
    done: bool,
    bytes: u64,
}

impl PairReader<BufReader<File>> {
    /// Opens `path` (JSON Lines when it ends in `.jsonl` or `.ndjson`).
    pub fn open(path: &Path) -> Result<Self, Error> {
        let file = File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let jsonl = path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson");
        Ok(PairReader::new(BufReader::new(file), path, jsonl))
    }
}

impl<R: BufRead> PairReader<R> {
    /// Reads pairs from `reader`; `path` names it in errors.
    pub fn new(reader: R, path: &Path, jsonl: bool) -> Self {
        PairReader {
            lines: reader.lines(),
            path: path.to_path_buf(),
            jsonl,
            columns: (0, 1),
            line: 0,
            done: false,
            bytes: 0,
        }
    }

    /// Bytes read so far (line breaks counted as one byte), for progress.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The pair on line `n`, or `None` for a blank or header line.
    fn parse(&mut self, n: usize, line: &str) -> Result<Option<Pair>, Error> {
        if line.trim().is_empty() {
            return Ok(None);
        }
        if self.jsonl {
            let v: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| Error::parse(&self.path, Some(n), format!("not JSON: {e}")))?;
            let side = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
            let (Some(en), Some(ja)) = (side("en"), side("ja")) else {
                return Err(Error::parse(
                    &self.path,
                    Some(n),
                    "record needs string fields \"en\" and \"ja\"",
                ));
            };
            return Ok(Some(Pair { line: n, en, ja }));
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if n == 1 {
            let find = |name: &str| {
                cells
                    .iter()
                    .position(|c| c.trim().eq_ignore_ascii_case(name))
            };
            self.columns = match (find("en"), find("ja")) {
                (Some(a), Some(b)) => (a, b),
                _ => (0, 1),
            };
            return Ok(None);
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

impl<R: BufRead> Iterator for PairReader<R> {
    type Item = Result<Pair, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let line = match self.lines.next()? {
                Ok(line) => line,
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    // The bad line is consumed; the next one is read as usual.
                    self.line += 1;
                    return Some(Err(Error::parse(&self.path, Some(self.line), "not UTF-8")));
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(Error::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
            };
            self.line += 1;
            self.bytes += line.len() as u64 + 1;
            match self.parse(self.line, &line) {
                Ok(Some(pair)) => return Some(Ok(pair)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, jsonl: bool) -> Vec<Result<Pair, String>> {
        PairReader::new(text.as_bytes(), Path::new("pairs"), jsonl)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
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
    fn json_lines_need_both_sides() {
        let items = read(
            "{\"en\":\"tariff\",\"ja\":\"関税\"}\n{\"en\":\"quota\"}\n",
            true,
        );
        assert_eq!(items[0].as_ref().map(|p| p.ja.as_str()), Ok("関税"));
        let err = items[1].clone().err().unwrap_or_default();
        assert!(err.contains("\"ja\""), "{err}");
    }
}
