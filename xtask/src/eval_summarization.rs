//! `cargo xtask eval-summarization [--tune] [--news] [--no-peers]`: ROUGE-1/2/Lsum F1
//! (rouge-score's tokenization with Porter stems) of 3-sentence extracts on
//! ACLSum, development (train+val) and held-out test, for every kotoba method
//! and, in the same run, sumy 0.13.0's. `--tune` searches LeadRank's
//! constants on the development split only. A second table scores
//! 1-sentence extracts of Reuters news against their headlines (`reuters`),
//! where Lead-1 is the classic baseline.

use std::path::Path;
use std::process::Command;

use anyhow::Result;
use serde_json::Value;

use crate::{aclsum, ipadic, peers, reuters};

const METHODS: [&str; 8] = [
    "lead", "luhn", "lexrank", "textrank", "centroid", "sumbasic", "pacsum", "leadrank",
];
const SUMY: [&str; 6] = ["lexrank", "luhn", "textrank", "sumbasic", "lsa", "kl"];

/// Runs the evaluation.
pub fn run(args: &[String]) -> Result<()> {
    ipadic::prepare()?;
    let kotoba = crate::build_release_kotoba()?;
    if args.iter().any(|a| a == "--news") {
        return news(&kotoba, !args.iter().any(|a| a == "--no-peers"));
    }
    let dev = aclsum::split("dev")?;
    if args.iter().any(|a| a == "--tune") {
        return tune(&kotoba, &dev);
    }
    let test = aclsum::split("test")?;
    let work = crate::root().join("target/eval/aclsum");
    println!(
        "ACLSum, 3-sentence extracts, F1 ×100 (R-1 / R-2 / R-Lsum), rouge-score tokenization with Porter stems"
    );
    println!(
        "dev = train+val ({} papers), test = held out ({} papers)\n",
        dev.papers, test.papers
    );
    println!("| system | dev R-1 | dev R-2 | dev R-Lsum | test R-1 | test R-2 | test R-Lsum |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for method in METHODS {
        let mut cells = Vec::new();
        for (name, split) in [("dev", &dev), ("test", &test)] {
            let out = work.join(format!("kotoba-{method}.{name}.jsonl"));
            summarize(&kotoba, split, method, &[], &out)?;
            cells.push(rouge(&kotoba, &out, &split.refs)?);
        }
        println!("| kotoba {method} | {} | {} |", cells[0], cells[1]);
    }
    if !args.iter().any(|a| a == "--no-peers") {
        for method in SUMY {
            let mut cells = Vec::new();
            for (name, split) in [("dev", &dev), ("test", &test)] {
                let out = work.join(format!("sumy-{method}.{name}.jsonl"));
                peers::run_sumy(method, 3, &split.docs, &out)?;
                cells.push(rouge(&kotoba, &out, &split.refs)?);
            }
            println!("| sumy {method} | {} | {} |", cells[0], cells[1]);
        }
    }
    news(&kotoba, !args.iter().any(|a| a == "--no-peers"))
}

/// 1-sentence extracts of Reuters articles scored against their headlines.
fn news(kotoba: &Path, peers: bool) -> Result<()> {
    let split = reuters::prepare()?;
    let work = crate::root().join("target/eval/reuters");
    println!(
        "\nReuters-21578 news ({} articles from r-cran-tm), 1-sentence extracts against the headline, F1 ×100\n",
        split.papers
    );
    println!("| system | R-1 | R-2 | R-Lsum |");
    println!("|---|---:|---:|---:|");
    for method in METHODS {
        let out = work.join(format!("kotoba-{method}.jsonl"));
        summarize_n(kotoba, &split, method, 1, &[], &out)?;
        println!(
            "| kotoba {method} | {} |",
            rouge(kotoba, &out, &split.refs)?
        );
    }
    if peers {
        for method in SUMY {
            let out = work.join(format!("sumy-{method}.jsonl"));
            peers::run_sumy(method, 1, &split.docs, &out)?;
            println!("| sumy {method} | {} |", rouge(kotoba, &out, &split.refs)?);
        }
    }
    Ok(())
}

fn summarize(
    kotoba: &Path,
    split: &aclsum::Split,
    method: &str,
    extra: &[String],
    out: &Path,
) -> Result<()> {
    summarize_n(kotoba, split, method, 3, extra, out)
}

fn summarize_n(
    kotoba: &Path,
    split: &aclsum::Split,
    method: &str,
    sentences: usize,
    extra: &[String],
    out: &Path,
) -> Result<()> {
    let n = sentences.to_string();
    crate::run(
        Command::new(kotoba)
            .args([
                "summarize",
                "--jsonl",
                "--split",
                "lines",
                "-n",
                &n,
                "--format",
                "jsonl",
                "--method",
                method,
            ])
            .args(extra)
            .arg("-o")
            .arg(out)
            .arg(&split.docs),
    )
}

/// "R-1 | R-2 | R-Lsum" of a run.
fn rouge(kotoba: &Path, system: &Path, refs: &Path) -> Result<String> {
    let m = mean_f1(kotoba, system, refs)?;
    Ok(format!("{:.2} | {:.2} | {:.2}", m[0], m[1], m[2]))
}

fn mean_f1(kotoba: &Path, system: &Path, refs: &Path) -> Result<[f64; 3]> {
    let out = crate::checked_output(
        Command::new(kotoba)
            .args([
                "eval", "rouge", "--stem", "--lang", "en", "--format", "jsonl", "--system",
            ])
            .arg(system)
            .arg("--reference")
            .arg(refs),
        "kotoba eval rouge",
    )?;
    let text = String::from_utf8(out.stdout)?;
    let mean: Value = serde_json::from_str(text.lines().last().unwrap_or("{}"))?;
    let f = |m: &str| 100.0 * mean[m]["f1"].as_f64().unwrap_or(f64::NAN);
    Ok([f("rouge1"), f("rouge2"), f("rougeLsum")])
}

/// Grid search of LeadRank on the development split.
fn tune(kotoba: &Path, dev: &aclsum::Split) -> Result<()> {
    let out = crate::root().join("target/eval/aclsum/tune.jsonl");
    let mut results = Vec::new();
    for restart in ["0.5", "0.7", "0.9", "1.0"] {
        for damping in ["0.7", "0.85"] {
            for bonus in ["0", "0.25", "1"] {
                for mmr in ["0.5", "0.7", "1.0"] {
                    for min_words in ["0", "10"] {
                        let setting = format!(
                            "lead_restart={restart} damping={damping} lead_bonus={bonus} \
                             mmr={mmr} min_words={min_words}"
                        );
                        let mut extra: Vec<String> = Vec::new();
                        for p in [
                            format!("lead_restart={restart}"),
                            format!("damping={damping}"),
                            format!("lead_bonus={bonus}"),
                        ] {
                            extra.extend(["--param".into(), p]);
                        }
                        extra.extend(["--mmr".into(), mmr.into()]);
                        extra.extend(["--min-words".into(), min_words.into()]);
                        summarize(kotoba, dev, "leadrank", &extra, &out)?;
                        results.push((mean_f1(kotoba, &out, &dev.refs)?, setting));
                    }
                }
            }
        }
    }
    results.sort_by(|a, b| b.0[0].total_cmp(&a.0[0]));
    println!("| LeadRank setting (dev) | R-1 | R-2 | R-Lsum |\n|---|---:|---:|---:|");
    for (m, name) in results {
        println!("| {name} | {:.2} | {:.2} | {:.2} |", m[0], m[1], m[2]);
    }
    Ok(())
}
