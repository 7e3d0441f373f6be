//! `cargo xtask bench`: whole-CLI throughput on corpora assembled from text
//! every machine of this kind has (and the shared evaluation data), with the
//! peers run side by side in the same session. Ratios are what count on
//! shared machines; absolute figures vary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::{aclsum, apt, corpora, ipadic, peers};

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
    // Glossary annotation with a 10,000-term glossary.
    let big = glossary_10k(&kotoba)?;
    let args = k(
        &[
            "glossary",
            "annotate",
            "--jsonl",
            "--glossary",
            &big.display().to_string(),
        ],
        &en_jsonl,
    );
    let mb = mb_of(&en_jsonl)?;
    let secs_1 = best_of(3, || {
        time_cmd(Command::new(&kotoba).args(["--threads", "1"]).args(&args))
    })?;
    let secs_2 = best_of(3, || {
        time_cmd(Command::new(&kotoba).args(["--threads", "2"]).args(&args))
    })?;
    rows.push(Row {
        task: "kotoba glossary annotate (en, 10k terms)".into(),
        input: name(&en_jsonl),
        mb,
        secs_1,
        secs_2: Some(secs_2),
    });
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
    summaries(&kotoba)
}

/// Summaries of ACLSum papers (all 250, eight times over for kotoba) per
/// method, beside sumy's on the same 250 papers.
fn summaries(kotoba: &Path) -> Result<()> {
    let dev = aclsum::split("dev")?;
    let test = aclsum::split("test")?;
    let all = bench_dir()?.join("aclsum-250.jsonl");
    let times8 = bench_dir()?.join("aclsum-2000.jsonl");
    let text = fs::read_to_string(&dev.docs)? + &fs::read_to_string(&test.docs)?;
    fs::write(&all, &text)?;
    fs::write(&times8, text.repeat(8))?;
    let papers = (dev.papers + test.papers) as f64;
    println!(
        "\n| summarize -n 3 | kotoba papers/s, 1 thread (with start-up) | 2 threads | 2/1 | sumy 0.13.0 papers per CPU-second | kotoba / sumy |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let scratch = bench_dir()?.join("sumy-out.jsonl");
    for method in [
        "lexrank", "textrank", "luhn", "sumbasic", "lead", "centroid", "pacsum", "leadrank",
    ] {
        let run = |threads: &str| {
            time_cmd(
                Command::new(kotoba)
                    .args([
                        "--threads",
                        threads,
                        "summarize",
                        "--jsonl",
                        "--split",
                        "lines",
                        "-n",
                        "3",
                        "--method",
                        method,
                    ])
                    .arg(&times8),
            )
        };
        let one = best_of(3, || run("1"))?;
        let two = best_of(3, || run("2"))?;
        let rate1 = 8.0 * papers / one;
        let rate2 = 8.0 * papers / two;
        let (sumy, ratio) = if ["lexrank", "textrank", "luhn", "sumbasic"].contains(&method) {
            let cpu = peers::run_sumy(method, 3, &all, &scratch)?;
            let rate = papers / cpu;
            (format!("{rate:.0}"), format!("{:.0}×", rate1 / rate))
        } else {
            ("–".into(), "–".into())
        };
        println!(
            "| {method} | {rate1:.0} | {rate2:.0} | {:.2}× | {sumy} | {ratio} |",
            one / two
        );
    }
    Ok(())
}

/// The default glossary plus synthetic two-word English terms (with made-up
/// Japanese), 10,000 concepts in all, as a user glossary in TSV.
fn glossary_10k(kotoba: &Path) -> Result<PathBuf> {
    let out = bench_dir()?.join("glossary-10k.tsv");
    if out.exists() {
        return Ok(out);
    }
    let listed = Command::new(kotoba)
        .args(["glossary", "list", "--format", "jsonl"])
        .output()?;
    let listed = String::from_utf8(listed.stdout)?;
    let mut words: Vec<String> = Vec::new();
    for line in listed.lines() {
        let concept: serde_json::Value = serde_json::from_str(line)?;
        for t in concept["en"].as_array().into_iter().flatten() {
            for w in t["term"].as_str().unwrap_or("").split_whitespace() {
                let w = w.to_lowercase();
                if w.len() > 3 && w.chars().all(|c| c.is_ascii_lowercase()) && !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    let mut n = listed.lines().count();
    let mut tsv = String::from("en\tja\n");
    'outer: for (i, a) in words.iter().enumerate() {
        for (j, b) in words.iter().enumerate() {
            if i == j {
                continue;
            }
            if n >= 10_000 {
                break 'outer;
            }
            tsv.push_str(&format!("{a} {b}\t語{n}\n"));
            n += 1;
        }
    }
    fs::write(&out, tsv)?;
    Ok(out)
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
