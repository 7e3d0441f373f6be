//! Compiling IPADIC from Debian's `mecab-ipadic` source with lindera's own
//! dictionary builder, entirely offline.
//!
//! Output layout (`target/kotoba-ipadic/`, embedded by `kotoba-tokenize`):
//! - `dict.*`, `matrix.mtx`, …: lindera's compiled dictionary;
//! - `char.def`, `unk.def`: MeCab's character classes and unknown-word
//!   templates, in UTF-8 (kotoba reads them with MeCab's own semantics);
//! - `extra.csv`: entries lindera's builder cannot hold (their surface has
//!   leading or trailing white space, which the builder trims away);
//! - `STAMP`: what was built, so a second run is a no-op.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::metadata::Metadata;

use crate::apt;

/// Where Debian's `mecab-ipadic` puts the EUC-JP source.
const SOURCE: &str = "/usr/share/mecab/dic/ipadic";
/// Bump when the output layout or the way it is made changes.
const STAMP: &str = "kotoba-ipadic v3 (lindera-dictionary 6.2.0, mecab-ipadic 2.7.0)";
const METADATA: &str = include_str!("../data/ipadic-metadata.json");

/// The compiled dictionary's directory.
pub fn out_dir() -> PathBuf {
    crate::root().join("target/kotoba-ipadic")
}

/// Makes sure the compiled dictionary exists; does nothing when it does.
pub fn prepare() -> Result<()> {
    let out = out_dir();
    if fs::read_to_string(out.join("STAMP")).is_ok_and(|s| s.trim() == STAMP) {
        return Ok(());
    }
    apt::ensure(&["mecab-ipadic"], &[&format!("{SOURCE}/matrix.def")])?;
    eprintln!(
        "xtask: compiling IPADIC from {SOURCE} into {}",
        out.display()
    );
    let staging = out.with_extension("tmp");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let utf8 = staging.join("source");
    fs::create_dir_all(&utf8)?;
    let extra = convert_source(Path::new(SOURCE), &utf8)?;

    let metadata: Metadata =
        serde_json::from_str(METADATA).context("xtask/data/ipadic-metadata.json")?;
    DictionaryBuilder::new(metadata)
        .build_dictionary(&utf8, &staging)
        .map_err(|e| anyhow::anyhow!("lindera's dictionary builder failed: {e}"))?;
    for name in ["char.def", "unk.def"] {
        fs::copy(utf8.join(name), staging.join(name))?;
    }
    fs::write(staging.join("extra.csv"), extra)?;
    fs::remove_dir_all(&utf8)?;
    fs::write(staging.join("STAMP"), format!("{STAMP}\n"))?;
    if out.exists() {
        fs::remove_dir_all(&out)?;
    }
    fs::rename(&staging, &out)?;
    eprintln!("xtask: IPADIC ready");
    Ok(())
}

/// Decodes an EUC-JP file with glibc's `iconv`, the converter Debian's
/// `mecab-ipadic-utf8` is made with: WHATWG's EUC-JP table (encoding_rs)
/// maps a few symbols differently (0xA1C1 to U+FF5E instead of U+301C,
/// 0xA1DD to U+FF0D instead of U+2212), and then `〜` and `−スル` would not
/// match MeCab's dictionary.
fn euc_jp_to_utf8(path: &Path) -> Result<String> {
    let out = crate::checked_output(
        Command::new("iconv")
            .args(["-f", "EUC-JP", "-t", "UTF-8"])
            .arg(path),
        &format!("iconv (Debian's libc-bin) on {}", path.display()),
    )?;
    String::from_utf8(out.stdout).with_context(|| format!("iconv output for {}", path.display()))
}

/// Converts every source file from EUC-JP to UTF-8 and returns the CSV rows
/// the builder would lose (surfaces with surrounding white space).
fn convert_source(from: &Path, to: &Path) -> Result<String> {
    let mut extra = String::new();
    let mut names: Vec<PathBuf> = fs::read_dir(from)
        .with_context(|| format!("reading {}", from.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".csv") || ["matrix.def", "char.def", "unk.def"].contains(&name)
        })
        .collect();
    // MeCab reads the CSV files in name order; keep that order for `extra.csv`.
    names.sort();
    for path in names {
        let text = euc_jp_to_utf8(&path)?;
        let name = path.file_name().context("file name")?;
        if path.extension().is_some_and(|e| e == "csv") {
            // The builder would store these under the trimmed surface, where
            // MeCab never matches them; keep them apart, verbatim.
            let mut kept = String::with_capacity(text.len());
            for line in text.lines() {
                let surface = line.split(',').next().unwrap_or("");
                let target = if surface.trim() != surface {
                    &mut extra
                } else {
                    &mut kept
                };
                target.push_str(line);
                target.push('\n');
            }
            fs::write(to.join(name), kept)?;
        } else {
            fs::write(to.join(name), text.as_bytes())?;
        }
    }
    Ok(extra)
}
