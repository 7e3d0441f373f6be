//! `cargo xtask bench`: whole-CLI throughput on corpora assembled from text
//! every machine of this kind has (and the shared evaluation data), with the
//! peers run side by side in the same session. Ratios are what count on
//! shared machines; absolute figures vary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::{apt, corpora, ipadic};

/// Target corpus sizes.
const EN_BYTES: usize = 64 << 20;
const JA_BYTES: usize = 24 << 20;

struct Row {
    task: String,
    input: String,
    mb: f64,
    secs_1: f64,
    secs_2: Option<f64>,
}

/// Runs the benchmarks and prints one Markdown table.
pub fn run(_args: &[String]) -> Result<()> {
    ipadic::prepare()?;
    apt::ensure(
        &["mecab", "mecab-ipadic-utf8"],
        &["/usr/bin/mecab", "/var/lib/mecab/dic/ipadic-utf8"],
    )?;
    let kotoba = crate::build_release_kotoba()?;
    let en_jsonl = english_jsonl()?;
    let (ja_txt, ja_jsonl) = japanese()?;
    let mut rows = Vec::new();
    let k = |args: &[&str], input: &Path| -> Vec<String> {
        let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        v.push(input.display().to_string());
        v
    };
    for (task, args, input) in [
        (
            "sentences (en)",
            k(&["sentences", "--jsonl"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "detect (en, by document)",
            k(&["detect", "--jsonl"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "tokenize --format tsv (en)",
            k(&["tokenize", "--jsonl", "--lang", "en"], &en_jsonl),
            &en_jsonl,
        ),
        (
            "sentences (ja)",
            k(&["sentences", "--jsonl"], &ja_jsonl),
            &ja_jsonl,
        ),
        (
            "tokenize --format mecab (ja)",
            k(&["tokenize", "--jsonl", "--format", "mecab"], &ja_jsonl),
            &ja_jsonl,
        ),
    ] {
        let mb = mb_of(input)?;
        let secs_1 = best_of(3, || {
            time_cmd(Command::new(&kotoba).args(["--threads", "1"]).args(&args))
        })?;
        let secs_2 = best_of(3, || {
            time_cmd(Command::new(&kotoba).args(["--threads", "2"]).args(&args))
        })?;
        rows.push(Row {
            task: format!("kotoba {task}"),
            input: name(input),
            mb,
            secs_1,
            secs_2: Some(secs_2),
        });
    }
    // MeCab and kotoba on the same plain file, one thread each.
    let mb = mb_of(&ja_txt)?;
    let secs = best_of(3, || {
        time_cmd(
            Command::new(&kotoba)
                .args(["--threads", "1", "tokenize", "--format", "mecab"])
                .arg(&ja_txt),
        )
    })?;
    rows.push(Row {
        task: "kotoba tokenize --format mecab (ja, one file)".into(),
        input: name(&ja_txt),
        mb,
        secs_1: secs,
        secs_2: None,
    });
    let secs = best_of(3, || {
        time_cmd(Command::new("mecab").args(["-b", "100000000"]).arg(&ja_txt))
    })?;
    rows.push(Row {
        task: "MeCab 0.996 (peer)".into(),
        input: name(&ja_txt),
        mb,
        secs_1: secs,
        secs_2: None,
    });

    println!("| task | input | MB | 1 thread s | MB/s | 2 threads s | MB/s | 2/1 scaling |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        let two = match r.secs_2 {
            Some(s) => format!("{s:.2} | {:.1} | {:.2}×", r.mb / s, r.secs_1 / s),
            None => "– | – | –".into(),
        };
        println!(
            "| {} | {} | {:.1} | {:.2} | {:.1} | {two} |",
            r.task,
            r.input,
            r.mb,
            r.secs_1,
            r.mb / r.secs_1
        );
    }
    Ok(())
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn mb_of(p: &Path) -> Result<f64> {
    Ok(fs::metadata(p)?.len() as f64 / 1e6)
}

fn best_of(n: usize, mut f: impl FnMut() -> Result<f64>) -> Result<f64> {
    let mut best = f64::MAX;
    for _ in 0..n {
        best = best.min(f()?);
    }
    Ok(best)
}

fn time_cmd(cmd: &mut Command) -> Result<f64> {
    let start = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .status()
        .with_context(|| format!("{cmd:?}"))?;
    let secs = start.elapsed().as_secs_f64();
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(secs)
}

fn bench_dir() -> Result<PathBuf> {
    let dir = crate::root().join("target/bench");
    fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// ACTER's English texts (all four domains) and the seed article as JSONL
/// documents, repeated to about 64 MB.
fn english_jsonl() -> Result<PathBuf> {
    let out = bench_dir()?.join("en.jsonl");
    if out.exists() {
        return Ok(out);
    }
    let acter = crate::root().join("../shared/eval/acter/en");
    let mut texts = vec![fs::read_to_string(
        crate::root().join("testdata/clinton-japan-trade-1993.en.txt"),
    )?];
    for domain in ["corp", "equi", "htfl", "wind"] {
        let dir = acter.join(domain).join("texts");
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .with_context(|| format!("{} (the shared evaluation data)", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in files {
            texts.push(fs::read_to_string(f)?);
        }
    }
    write_jsonl(&out, &texts, EN_BYTES)?;
    Ok(out)
}

/// The Japanese gettext and man-page text, as one plain file (for MeCab) and
/// as JSONL documents of 200 lines, repeated to about 24 MB.
fn japanese() -> Result<(PathBuf, PathBuf)> {
    let dir = bench_dir()?;
    let (txt, jsonl) = (dir.join("ja.txt"), dir.join("ja.jsonl"));
    if txt.exists() && jsonl.exists() {
        return Ok((txt, jsonl));
    }
    let mut text = fs::read_to_string(corpora::japanese_gettext()?)?;
    text.push_str(&fs::read_to_string(corpora::japanese_manpages()?)?);
    let lines: Vec<&str> = text.lines().collect();
    let docs: Vec<String> = lines.chunks(200).map(|c| c.join("\n")).collect();
    let mut plain = String::new();
    while plain.len() < JA_BYTES {
        plain.push_str(&text);
    }
    fs::write(&txt, plain)?;
    write_jsonl(&jsonl, &docs, JA_BYTES)?;
    Ok((txt, jsonl))
}

fn write_jsonl(path: &Path, texts: &[String], target: usize) -> Result<()> {
    let mut out = String::new();
    let mut n = 0usize;
    while out.len() < target {
        for t in texts {
            n += 1;
            out.push_str(&serde_json::json!({"id": format!("d{n}"), "text": t}).to_string());
            out.push('\n');
        }
    }
    fs::write(path, out)?;
    Ok(())
}
