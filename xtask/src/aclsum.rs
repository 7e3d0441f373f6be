//! ACLSum (Takeshita et al. 2024): 250 ACL papers with pre-split sentences
//! and three aspect summaries each, from the `aclsum==0.1.2` wheel.
//! Documents are abstract, introduction and conclusion, one sentence per
//! line, sections separated by a blank line; the reference is the
//! challenge, approach and outcome summaries, one per line.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result};
use serde_json::{Value, json};

use crate::run;

/// A prepared split: documents and references as JSON Lines.
pub struct Split {
    /// `{"id","text"}` per paper.
    pub docs: PathBuf,
    /// `{"id","text"}` per paper.
    pub refs: PathBuf,
    /// Number of documents (papers, or articles for the news split).
    pub papers: usize,
}

fn dir() -> PathBuf {
    crate::root().join("target/eval/aclsum")
}

/// `train` + `val` (the development data) or `test` (held out).
pub fn split(name: &str) -> Result<Split> {
    let parts: &[&str] = match name {
        "dev" => &["train", "val"],
        "test" => &["test"],
        other => anyhow::bail!("unknown ACLSum split {other}"),
    };
    let dataset = dir().join("wheel/aclsum/dataset");
    if !dataset.join("test.jsonl").exists() {
        fs::create_dir_all(dir())?;
        crate::peers::pip_download("aclsum==0.1.2", &dir())?;
        let wheel = dir().join("aclsum-0.1.2-py3-none-any.whl");
        run(Command::new("python3")
            .args(["-m", "zipfile", "-e"])
            .arg(&wheel)
            .arg(dir().join("wheel")))?;
    }
    let (docs, refs) = (
        dir().join(format!("{name}.docs.jsonl")),
        dir().join(format!("{name}.refs.jsonl")),
    );
    let mut doc_lines = String::new();
    let mut ref_lines = String::new();
    let mut papers = 0;
    for part in parts {
        let path = dataset.join(format!("{part}.jsonl"));
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let paper: Value = serde_json::from_str(line)?;
            let id = paper["id"].as_str().unwrap_or_default();
            let sections: Vec<String> = ["abstract", "introduction", "conclusion"]
                .iter()
                .filter_map(|s| paper["sentences"][s].as_array())
                .map(|sents| {
                    sents
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            let reference: Vec<&str> = ["challenge", "approach", "outcome"]
                .iter()
                .filter_map(|a| paper["summary"][a].as_str())
                .collect();
            doc_lines.push_str(&json!({"id": id, "text": sections.join("\n\n")}).to_string());
            doc_lines.push('\n');
            ref_lines.push_str(&json!({"id": id, "text": reference.join("\n")}).to_string());
            ref_lines.push('\n');
            papers += 1;
        }
    }
    fs::write(&docs, doc_lines)?;
    fs::write(&refs, ref_lines)?;
    Ok(Split { docs, refs, papers })
}
