//! JSON Lines (one concept per line) and JSON (an array of concepts).

use std::path::Path;

use crate::{Concept, Error, Glossary};

pub fn read_jsonl(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let mut g = Glossary::default();
    let mut seen = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Concept>(line) {
            Ok(mut c) => {
                for p in c.drop_empty_terms() {
                    problems.push(Error::parse(path, Some(i + 1), p));
                }
                match c.problem() {
                    Some(p) => problems.push(Error::parse(path, Some(i + 1), p)),
                    None => match super::duplicate(&mut seen, c.id.trim(), path, Some(i + 1)) {
                        Some(e) => problems.push(e),
                        None => g.concepts.push(c),
                    },
                }
            }
            Err(e) => problems.push(Error::parse(
                path,
                Some(i + 1),
                format!("not a concept: {e}"),
            )),
        }
    }
    Ok(g)
}

pub fn read_json(text: &str, path: &Path) -> Result<Glossary, Error> {
    let concepts: Vec<Concept> = serde_json::from_str(text)
        .map_err(|e| Error::parse(path, Some(e.line()), format!("not a concept list: {e}")))?;
    Ok(Glossary { concepts })
}

pub fn write_jsonl(g: &Glossary) -> String {
    let mut out = String::new();
    for c in &g.concepts {
        out.push_str(&serde_json::to_string(c).unwrap_or_default());
        out.push('\n');
    }
    out
}

pub fn write_json(g: &Glossary) -> String {
    let mut out = serde_json::to_string_pretty(&g.concepts).unwrap_or_default();
    out.push('\n');
    out
}
