//! `cargo xtask eval-segmentation [DIR]`: the Golden Rules sentence-boundary
//! score.  Reads `golden_en.jsonl` and `golden_ja.jsonl` (one case a line:
//! `{"id", "input", "expected": [...]}`) from DIR, by default
//! `<workspace>/../shared/eval/segmentation`, prints every failing case and a
//! table of passed cases per language.  A case passes when the sentences,
//! each made one line by `sentence_text` and trimmed, equal `expected`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kotoba_text::segment::{LineEndHyphens, SegmentLang, sentence_text, split_sentences};
use serde_json::Value;

/// One Golden Rules case.
struct Case {
    id: String,
    input: String,
    expected: Vec<String>,
}

/// Runs the evaluation; `args[0]`, if given, is the directory of the golden files.
pub fn run(args: &[String]) -> Result<()> {
    let dir = match args.first() {
        Some(dir) => PathBuf::from(dir),
        None => crate::root().join("testdata/segmentation"),
    };
    let mut rows = Vec::new();
    for (name, file, lang) in [
        ("English", "golden_en.jsonl", SegmentLang::English),
        ("Japanese", "golden_ja.jsonl", SegmentLang::Japanese),
    ] {
        let cases = load(&dir.join(file))?;
        let mut passed = 0;
        for case in &cases {
            let got = segment(&case.input, lang);
            if got == case.expected {
                passed += 1;
            } else {
                println!("FAIL {}", case.id);
                println!("  input:    {:?}", case.input);
                println!("  expected: {:?}", case.expected);
                println!("  got:      {:?}", got);
            }
        }
        rows.push((name, passed, cases.len()));
    }
    println!();
    for (name, passed, total) in rows {
        println!("{name} {passed}/{total}");
    }
    Ok(())
}

fn segment(text: &str, lang: SegmentLang) -> Vec<String> {
    let hyphens = LineEndHyphens::find(text);
    split_sentences(text, lang)
        .into_iter()
        .map(|span| sentence_text(text, span, &hyphens).trim().to_owned())
        .collect()
}

fn load(path: &Path) -> Result<Vec<Case>> {
    let data =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut cases = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}:{}", path.display(), n + 1);
        let value: Value =
            serde_json::from_str(line).with_context(|| format!("{}: invalid JSON", at()))?;
        let text = |key: &str| -> Result<String> {
            match value.get(key).and_then(Value::as_str) {
                Some(s) => Ok(s.to_owned()),
                None => bail!("{}: no string `{key}`", at()),
            }
        };
        let Some(expected) = value.get("expected").and_then(Value::as_array) else {
            bail!("{}: no array `expected`", at());
        };
        let expected = expected
            .iter()
            .map(|e| {
                e.as_str()
                    .map(str::to_owned)
                    .with_context(|| format!("{}: non-string in `expected`", at()))
            })
            .collect::<Result<Vec<_>>>()?;
        cases.push(Case {
            id: text("id")?,
            input: text("input")?,
            expected,
        });
    }
    Ok(cases)
}
