//! Quality evaluations.

use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use crate::{apt, corpora, ipadic};

/// `cargo xtask eval-mecab`: `kotoba tokenize --format mecab` against MeCab,
/// line by line, on the gettext catalogs and the man pages.
pub fn mecab(_args: &[String]) -> Result<()> {
    ipadic::prepare()?;
    apt::ensure(
        &["mecab", "mecab-ipadic-utf8"],
        &["/usr/bin/mecab", "/var/lib/mecab/dic/ipadic-utf8"],
    )?;
    let kotoba = crate::build_release_kotoba()?;
    println!(
        "| text | lines | MB | identical segmentation | identical surface + features | MeCab MB/s | kotoba MB/s |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, path) in [
        ("gettext catalogs (ja)", corpora::japanese_gettext()?),
        ("man pages (ja)", corpora::japanese_manpages()?),
    ] {
        let mb = std::fs::metadata(&path)?.len() as f64 / 1e6;
        let (reference, t_mecab) =
            timed(Command::new("mecab").args(["-b", "100000000"]).arg(&path))?;
        let (ours, t_kotoba) = timed(
            Command::new(&kotoba)
                .args(["--threads", "1", "tokenize", "--format", "mecab"])
                .arg(&path),
        )?;
        let (lines, seg, full) = compare(&reference, &ours)?;
        println!(
            "| {name} | {lines} | {mb:.1} | {:.3}% | {:.3}% | {:.1} | {:.1} |",
            100.0 * seg as f64 / lines as f64,
            100.0 * full as f64 / lines as f64,
            mb / t_mecab,
            mb / t_kotoba
        );
    }
    Ok(())
}

/// Runs a command to completion and returns its stdout and the best wall time of 3 runs.
fn timed(cmd: &mut Command) -> Result<(String, f64)> {
    let mut best = f64::MAX;
    let mut stdout = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let out = cmd
            .stderr(Stdio::inherit())
            .output()
            .with_context(|| format!("running {cmd:?}"))?;
        best = best.min(start.elapsed().as_secs_f64());
        if !out.status.success() {
            bail!("{cmd:?} failed");
        }
        stdout = out.stdout;
    }
    Ok((String::from_utf8(stdout)?, best))
}

/// Lines (sentences), lines with identical surfaces, lines identical in full.
fn compare(reference: &str, ours: &str) -> Result<(usize, usize, usize)> {
    let (a, b) = (sentences(reference), sentences(ours));
    if a.len() != b.len() {
        bail!("MeCab printed {} sentences, kotoba {}", a.len(), b.len());
    }
    let mut seg = 0;
    let mut full = 0;
    let mut shown = 0;
    for (x, y) in a.iter().zip(&b) {
        if surface(x) == surface(y) {
            seg += 1;
        }
        if x == y {
            full += 1;
        } else if shown < 5 {
            shown += 1;
            let first = x.iter().zip(y.iter()).find(|(p, q)| p != q);
            eprintln!("differs: {first:?}");
        }
    }
    Ok((a.len(), seg, full))
}

fn surface<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines
        .iter()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect()
}

fn sentences(output: &str) -> Vec<Vec<&str>> {
    let mut all = vec![Vec::new()];
    for line in output.lines() {
        if line == "EOS" {
            all.push(Vec::new());
        } else if let Some(last) = all.last_mut() {
            last.push(line);
        }
    }
    all.pop();
    all
}
