//! Real text that every machine of this kind carries, assembled into files
//! under `target/eval/` for evaluations and benchmarks.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use kotoba_corpus::gettext::read_mo;

use crate::apt;

/// `target/eval/`.
pub fn dir() -> PathBuf {
    crate::root().join("target/eval")
}

/// Japanese lines of the gettext catalogs (`/usr/share/locale/ja/LC_MESSAGES`).
pub fn japanese_gettext() -> Result<PathBuf> {
    let out = dir().join("ja-gettext.txt");
    if out.exists() {
        return Ok(out);
    }
    let mut lines = String::new();
    for path in sorted_files(Path::new("/usr/share/locale/ja/LC_MESSAGES"), "mo")? {
        let Ok(messages) = read_mo(&path) else {
            continue;
        };
        for m in messages {
            for line in m
                .translation
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
            {
                lines.push_str(line);
                lines.push('\n');
            }
        }
    }
    write(&out, &lines)?;
    Ok(out)
}

/// Text lines of Debian's Japanese man pages (`manpages-ja`), troff stripped.
pub fn japanese_manpages() -> Result<PathBuf> {
    let out = dir().join("ja-man.txt");
    if out.exists() {
        return Ok(out);
    }
    apt::ensure(&["manpages-ja"], &["/usr/share/man/ja/man1"])?;
    let mut lines = String::new();
    let mut pages = Vec::new();
    for section in sorted_dirs(Path::new("/usr/share/man/ja"))? {
        pages.extend(sorted_files(&section, "gz")?);
    }
    for page in pages {
        let raw = Command::new("zcat")
            .arg(&page)
            .output()
            .context("running zcat")?;
        let text = String::from_utf8_lossy(&raw.stdout);
        for line in text.lines() {
            if line.starts_with('.') || line.starts_with('\'') {
                continue;
            }
            let plain = strip_troff(line);
            let plain = plain.trim();
            if !plain.is_empty() {
                lines.push_str(plain);
                lines.push('\n');
            }
        }
    }
    write(&out, &lines)?;
    Ok(out)
}

/// Removes the common troff escapes (`\fB`, `\-`, `\(em`, `\&`, …).
fn strip_troff(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            // A font change: `\fB`, or `\f(CW` with a two-letter name.
            Some('f') => {
                let long = chars.next() == Some('(');
                if long {
                    chars.nth(1);
                }
            }
            Some('(') => {
                chars.next();
                chars.next();
            }
            Some('-') => out.push('-'),
            Some('e') | Some('\\') => out.push('\\'),
            Some('&') | Some('c') | Some('%') => {}
            Some(' ') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::create_dir_all(dir())?;
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    Ok(())
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    Ok(v)
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    Ok(v)
}
