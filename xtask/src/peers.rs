//! Peer tools from the Python package index, each in its own venv under
//! `target/peers/`, installed on first use.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::run;

fn peers_dir() -> PathBuf {
    crate::root().join("target/peers")
}

/// A venv with `packages` installed; returns its python.
pub fn venv(name: &str, packages: &[&str]) -> Result<PathBuf> {
    let dir = peers_dir().join(name);
    let python = dir.join("bin/python");
    let stamp = dir.join("INSTALLED");
    if stamp.exists() {
        return Ok(python);
    }
    eprintln!(
        "xtask: installing {} into {}",
        packages.join(" "),
        dir.display()
    );
    run(Command::new("python3").args(["-m", "venv"]).arg(&dir))?;
    run(Command::new(&python)
        .args(["-m", "pip", "install", "--quiet"])
        .args(packages))?;
    std::fs::write(&stamp, packages.join("\n"))?;
    Ok(python)
}

/// Downloads the wheel of `requirement` (no dependencies) into `dir` with pip.
pub fn pip_download(requirement: &str, dir: &std::path::Path) -> Result<()> {
    run(Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            requirement,
            "-d",
        ])
        .arg(dir))
}

/// sumy 0.13.0 (with NumPy for LexRank and LSA) and NLTK's punkt data, which
/// is taken offline from inside the `llama-index-core==0.14.25` wheel.
/// Returns (python, NLTK_DATA directory).
pub fn sumy() -> Result<(PathBuf, PathBuf)> {
    let python = venv("sumy", &["sumy==0.13.0", "numpy"])?;
    let nltk = peers_dir().join("nltk_data");
    let marker = nltk.join("tokenizers/punkt_tab.zip");
    if !marker.exists() {
        let wheels = peers_dir().join("wheels");
        pip_download("llama-index-core==0.14.25", &wheels)?;
        let script = "import sys, zipfile, glob, os\n\
            w = glob.glob(os.path.join(sys.argv[1], 'llama_index_core-0.14.25-*.whl'))[0]\n\
            z = zipfile.ZipFile(w)\n\
            pre = 'llama_index/core/_static/nltk_cache/'\n\
            for n in z.namelist():\n\
            \x20   if n.startswith(pre) and not n.endswith('/'):\n\
            \x20       out = os.path.join(sys.argv[2], n[len(pre):])\n\
            \x20       os.makedirs(os.path.dirname(out), exist_ok=True)\n\
            \x20       open(out, 'wb').write(z.read(n))\n";
        run(Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&wheels)
            .arg(&nltk))?;
        if !marker.exists() {
            bail!("NLTK's punkt data was not found inside llama-index-core 0.14.25");
        }
    }
    Ok((python, nltk))
}

/// Runs sumy's `method` over `docs` (JSONL), writing summaries to `out`;
/// returns the CPU seconds sumy reports for summarizing.
pub fn run_sumy(
    method: &str,
    sentences: usize,
    docs: &std::path::Path,
    out: &std::path::Path,
) -> Result<f64> {
    let (python, nltk) = sumy()?;
    let runner = crate::root().join("xtask/peers/sumy_runner.py");
    let output = crate::checked_output(
        Command::new(python)
            .env("NLTK_DATA", nltk)
            .arg(runner)
            .arg(method)
            .arg(sentences.to_string())
            .arg(docs),
        &format!("sumy {method}"),
    )?;
    std::fs::write(out, &output.stdout)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .context("sumy printed no CPU time")
}
