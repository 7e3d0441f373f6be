//! `kotoba eval rouge` against Google's rouge-score 0.1.2, installed from the
//! Python package index into a throw-away venv: every pair's F1 must agree to
//! 0.01 points, with and without Porter stems.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::Command as Kotoba;
use serde_json::Value;

fn venv() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rouge-score-0.1.2");
    let python = dir.join("bin/python");
    if python.exists() {
        return Some(python);
    }
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&dir)
        .status()
        .ok()?
        .success();
    if !made {
        return None;
    }
    let installed = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "rouge-score==0.1.2"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(installed, "pip could not install rouge-score==0.1.2");
    Some(python)
}

/// System/reference pairs from the seed article: overlapping runs of its
/// sentences, plus strings that exercise the tokenizer.
fn pairs() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../testdata/clinton-japan-trade-1993.en.txt"),
    )
    .unwrap_or_default();
    let sentences: Vec<&str> = text
        .split(". ")
        .flat_map(|p| p.split('\n'))
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut out = Vec::new();
    for k in 0..sentences.len().saturating_sub(5) {
        out.push((
            format!("seed{k}"),
            sentences[k..k + 3].join("\n"),
            sentences[k + 1..k + 5].join("\n"),
        ));
    }
    out.push((
        "tricky".into(),
        "U.S.-Japan ties: $59.3bn surplus; GATT’s rules\n\nworking, worked".into(),
        "the U.S. surplus with Japan\nworks under GATT rules".into(),
    ));
    out.push(("empty".into(), String::new(), "something to recall".into()));
    out
}

#[test]
fn agrees_with_rouge_score() -> Result<(), Box<dyn std::error::Error>> {
    let Some(python) = venv() else {
        eprintln!("note: python3 -m venv is not available; skipping the rouge-score comparison");
        return Ok(());
    };
    let dir = tempfile::tempdir()?;
    let (sys_path, ref_path) = (dir.path().join("sys.jsonl"), dir.path().join("ref.jsonl"));
    let mut sys = String::new();
    let mut refs = String::new();
    for (id, s, r) in pairs() {
        sys += &format!("{}\n", serde_json::json!({"id": id, "text": s}));
        refs += &format!("{}\n", serde_json::json!({"id": id, "text": r}));
    }
    std::fs::write(&sys_path, sys)?;
    std::fs::write(&ref_path, refs)?;
    let script = r#"
import json, sys
from rouge_score import rouge_scorer
sysd = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(sys.argv[1])}
for stem in (False, True):
    sc = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=stem)
    for l in open(sys.argv[2]):
        r = json.loads(l)
        s = sc.score(r["text"], sysd[r["id"]])
        print(json.dumps({"stem": stem, "id": r["id"], **{k: v.fmeasure for k, v in s.items()}}))
"#;
    let out = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(&sys_path)
        .arg(&ref_path)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected: Vec<Value> = String::from_utf8(out.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let mut compared = 0;
    for stem in [false, true] {
        let mut cmd = Kotoba::cargo_bin("kotoba")?;
        cmd.args([
            "eval", "rouge", "--lang", "en", "--format", "jsonl", "--system",
        ])
        .arg(&sys_path)
        .arg("--reference")
        .arg(&ref_path);
        if stem {
            cmd.arg("--stem");
        }
        let ours = String::from_utf8(cmd.output()?.stdout)?;
        for line in ours.lines() {
            let rec: Value = serde_json::from_str(line)?;
            let Some(want) = expected
                .iter()
                .find(|e| e["stem"] == stem && e["id"] == rec["id"])
            else {
                continue;
            };
            for m in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
                let (a, b) = (
                    rec[m]["f1"].as_f64().unwrap_or(-1.0),
                    want[m].as_f64().unwrap_or(-2.0),
                );
                assert!(
                    (a - b).abs() * 100.0 < 0.01,
                    "{} {m} stem={stem}: kotoba {a} rouge-score {b}",
                    rec["id"]
                );
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 2 * 4 * pairs().len());
    Ok(())
}
