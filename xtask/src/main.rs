//! `cargo xtask`: the project's own tasks (set-up, tests, evaluation, benchmarks).
//!
//! Everything a fresh machine needs is installed from here, so the README's two
//! commands work with nothing installed by hand.

mod aclsum;
mod apt;
mod bench;
mod corpora;
mod eval;
mod eval_segmentation;
mod eval_summarization;
#[cfg(feature = "terms-eval")]
mod eval_terms;
mod ipadic;
mod peers;
mod reuters;
mod spark;

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  prepare            install and compile what the build needs (IPADIC for Japanese)
  demo               prepare, build kotoba, run it on testdata/ (the README's main job)
  demo-spark         kotoba under Spark's RDD.pipe (local), checked against one run; installs PySpark
  test               prepare, install the test peers (MeCab), run every test, then the
                     English-only tests built without the dictionary (no embedded-ipadic)
  eval-segmentation  Golden Rules sentence-boundary score (English, Japanese)
  eval-mecab         line-by-line agreement of `kotoba tokenize` with MeCab
  eval-summarization ROUGE on ACLSum for every method and sumy's [--tune] [--no-peers]
  eval-terms         term extraction (ACTER, EDICT) and EN-JA pairing [en|ja|align|align-held-out|wordfreq|wordnet] [--tune] [en --fit|--ablate]
  bench [extraction] throughput table of whole CLI runs (or only the YAKE table)";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprintln!("{USAGE}");
        std::process::exit(2);
    };
    let rest = &args[1..];
    match task.as_str() {
        "prepare" => ipadic::prepare(),
        "demo" => demo(),
        "demo-spark" => spark::run_demo(),
        "test" => test(rest),
        "eval-segmentation" => eval_segmentation::run(rest),
        "eval-mecab" => eval::mecab(rest),
        "eval-summarization" => eval_summarization::run(rest),
        "eval-terms" => eval_terms(rest),
        "bench" => bench::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown task `{other}`\n\n{USAGE}"),
    }
}

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// Runs a command in the workspace root and fails when it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    cmd.current_dir(root());
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}

/// Runs a command and returns its output; fails, with its standard error,
/// when it cannot start or does not succeed. `what` names it in messages.
pub fn checked_output(cmd: &mut Command, what: &str) -> Result<std::process::Output> {
    let out = cmd.output().with_context(|| format!("running {what}"))?;
    if !out.status.success() {
        bail!("{what} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(out)
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Path of the release `kotoba` binary, built if needed.
pub fn build_release_kotoba() -> Result<PathBuf> {
    run(cargo().args(["build", "--release", "--quiet", "--package", "kotoba-cli"]))?;
    Ok(root().join("target/release/kotoba"))
}

fn demo() -> Result<()> {
    ipadic::prepare()?;
    let kotoba = build_release_kotoba()?;
    let en = "testdata/clinton-japan-trade-1993.en.txt";
    let ja = "testdata/clinton-japan-trade-1993.ja.txt";
    let pairs = "testdata/clinton-japan-trade-1993.en-ja.tsv";
    for (title, args) in [
        ("Sentences of the seed article", vec!["sentences", en]),
        (
            "Sentences of its Japanese translation",
            vec!["sentences", ja],
        ),
        (
            "Languages, sentence by sentence",
            vec!["detect", "--by", "sentence", en, ja],
        ),
        (
            "English tokens (first lines)",
            vec!["tokenize", "--format", "tsv", en],
        ),
        (
            "Japanese tokens, MeCab format",
            vec!["tokenize", "--lang", "ja", "--format", "mecab", ja],
        ),
        ("Three-sentence summary", vec!["summarize", "-n", "3", en]),
        (
            "Two-sentence summary of the translation",
            vec!["summarize", "-n", "2", ja],
        ),
        (
            "Trade terms with their equivalents",
            vec!["glossary", "annotate", "--format", "inline", en],
        ),
        (
            "Terminology check of the translation",
            vec!["glossary", "check", "--parallel", pairs],
        ),
        (
            "Term candidates of the article (glossary terms marked)",
            vec!["glossary", "extract", "--top", "12", en],
        ),
        (
            "Japanese term candidates of the translation",
            vec!["glossary", "extract", "--lang", "ja", "--top", "12", ja],
        ),
    ] {
        println!("\n== {title}: kotoba {}", args.join(" "));
        run(Command::new(&kotoba).args(&args))?;
    }
    // Pairs: the first 20 rows only.
    let args = [
        "glossary",
        "align",
        "-q",
        "--min-freq",
        "1",
        "--min-cooc",
        "1",
        "--parallel",
        pairs,
    ];
    println!(
        "\n== English–Japanese term pairs from the aligned sentences (first 20): kotoba {}",
        args.join(" ")
    );
    let out = checked_output(Command::new(&kotoba).args(args), "kotoba glossary align")?;
    for line in String::from_utf8_lossy(&out.stdout).lines().take(21) {
        println!("{line}");
    }
    Ok(())
}

/// `eval-terms` needs the prepared dictionary to be built at all: prepare
/// it, then run xtask again with the feature that links the evaluation.
fn eval_terms(rest: &[String]) -> Result<()> {
    #[cfg(feature = "terms-eval")]
    {
        eval_terms::run(rest)
    }
    #[cfg(not(feature = "terms-eval"))]
    {
        ipadic::prepare()?;
        run(cargo()
            .args([
                "run",
                "--quiet",
                "--package",
                "xtask",
                "--features",
                "terms-eval",
                "--",
                "eval-terms",
            ])
            .args(rest))
    }
}

fn test(rest: &[String]) -> Result<()> {
    ipadic::prepare()?;
    // The Japanese tokenizer is checked line by line against MeCab.
    apt::ensure(
        &["mecab", "mecab-ipadic-utf8"],
        &["/usr/bin/mecab", "/var/lib/mecab/dic/ipadic-utf8"],
    )?;
    run(cargo()
        .args(["test", "--workspace", "--all-features"])
        .args(rest))?;
    without_japanese()
}

/// The library crates that use kotoba-tokenize also build and work without
/// its `embedded-ipadic` feature (English only, no dictionary embedded):
/// their `tests/english_only.rs`, and kotoba-tokenize's unit tests, run with
/// `--no-default-features`. KOTOBA_IPADIC_DIR points at nothing, so a build
/// that still looked for the dictionary would fail.
fn without_japanese() -> Result<()> {
    let crates = [
        "kotoba-tokenize",
        "kotoba-glossary",
        "kotoba-summarize",
        "kotoba-terms",
    ];
    let packages = crates.iter().flat_map(|c| ["--package", c]);
    run(cargo()
        .env("KOTOBA_IPADIC_DIR", root().join("target/no-ipadic"))
        .args(["test", "--no-default-features", "--test", "english_only"])
        .args(packages))?;
    run(cargo()
        .env("KOTOBA_IPADIC_DIR", root().join("target/no-ipadic"))
        .args([
            "test",
            "--no-default-features",
            "--lib",
            "--package",
            "kotoba-tokenize",
        ]))
}
