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
        let parsed = serde_json::from_str::<Concept>(line);
        take(parsed, (i + 1, 0), path, &mut seen, problems, &mut g);
    }
    Ok(g)
}

/// An array of concepts, each read on its own (with its line), so a bad one
/// is a problem of its own that `--lenient` skips, named by line.
pub fn read_json(text: &str, path: &Path, problems: &mut Vec<Error>) -> Result<Glossary, Error> {
    let entries: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|e| {
        Error::parse(
            path,
            Some(e.line()),
            format!("not a concept list: {}", without_position(&e)),
        )
    })?;
    let mut g = Glossary::default();
    let mut seen = std::collections::HashMap::new();
    // Entries come in order: lines are counted on from the last one (from
    // the start each time, a large array read in quadratic time).
    let (mut counted_to, mut line, mut line_start) = (0usize, 1usize, 0usize);
    for raw in entries {
        // The entry's text lies inside `text`: its line is counted there.
        let offset = (raw.get().as_ptr() as usize)
            .saturating_sub(text.as_ptr() as usize)
            .clamp(counted_to, text.len());
        let between = text.get(counted_to..offset).unwrap_or("");
        for (at, _) in between.match_indices('\n') {
            line += 1;
            line_start = counted_to + at + 1;
        }
        counted_to = offset;
        // Bytes before the entry on its first line.
        let indent = offset - line_start;
        let parsed = serde_json::from_str::<Concept>(raw.get());
        take(parsed, (line, indent), path, &mut seen, problems, &mut g);
    }
    Ok(g)
}

/// A concept read at `line` (after `indent` bytes of it) into `g`, or its
/// problem: it cannot be read, a term is empty, it lacks something, or its
/// id was seen before.
fn take(
    parsed: Result<Concept, serde_json::Error>,
    (line, indent): (usize, usize),
    path: &Path,
    seen: &mut std::collections::HashMap<String, Option<usize>>,
    problems: &mut Vec<Error>,
    g: &mut Glossary,
) {
    let mut c = match parsed {
        Ok(c) => c,
        Err(e) => {
            // A position inside the entry would name a second line.
            let at = line + e.line().saturating_sub(1);
            let column = e.column() + if e.line() <= 1 { indent } else { 0 };
            problems.push(Error::parse(
                path,
                Some(at),
                format!("not a concept: {}, column {column}", without_position(&e)),
            ));
            return;
        }
    };
    for p in c.drop_empty_terms() {
        problems.push(Error::parse(path, Some(line), p));
    }
    match c.problem() {
        Some(p) => problems.push(Error::parse(path, Some(line), p)),
        None => match super::duplicate(seen, c.id.trim(), path, Some(line)) {
            Some(e) => problems.push(e),
            None => g.concepts.push(c),
        },
    }
}

/// serde_json's message without its ` at line L column C`.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
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
