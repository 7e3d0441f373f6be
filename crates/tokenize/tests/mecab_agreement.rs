//! The Japanese tokenizer against MeCab + IPADIC (Debian `mecab`,
//! `mecab-ipadic-utf8`), line by line, on the Japanese gettext catalogs of
//! this machine. Skipped, with a note, where MeCab is not installed;
//! `cargo xtask test` (and so CI) installs it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use kotoba_corpus::gettext::read_mo;
use kotoba_tokenize::japanese::JapaneseTokenizer;

const CATALOGS: &str = "/usr/share/locale/ja/LC_MESSAGES";

fn japanese_lines() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(CATALOGS)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut lines = Vec::new();
    for path in paths {
        let Ok(messages) = read_mo(&path) else {
            continue;
        };
        for m in messages {
            lines.extend(
                m.translation
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
        }
    }
    lines
}

fn mecab(text: &str) -> Option<String> {
    let mut child = Command::new("mecab")
        .args(["-b", "10000000"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = text.to_string();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().ok()?;
    feeder.join().ok()?.ok()?;
    String::from_utf8(out.stdout).ok()
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

#[test]
fn agrees_with_mecab_line_by_line() -> Result<(), Box<dyn std::error::Error>> {
    if !Path::new("/usr/bin/mecab").exists()
        || !Path::new("/var/lib/mecab/dic/ipadic-utf8").exists()
    {
        eprintln!("note: MeCab with ipadic-utf8 is not installed; `cargo xtask test` installs it");
        return Ok(());
    }
    let lines = japanese_lines();
    assert!(
        lines.len() > 1000,
        "expected Japanese gettext catalogs in {CATALOGS}"
    );
    let text = lines.join("\n") + "\n";
    let expected = mecab(&text).ok_or("mecab failed")?;
    let mut ours = Vec::new();
    JapaneseTokenizer::new()?
        .worker()
        .write_mecab(&text, &mut ours)?;
    let ours = String::from_utf8(ours)?;

    let (a, b) = (sentences(&expected), sentences(&ours));
    assert_eq!(a.len(), b.len());
    let same_segmentation = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| surface(x) == surface(y))
        .count();
    let same_everything = a.iter().zip(&b).filter(|(x, y)| x == y).count();
    let n = a.len() as f64;
    eprintln!(
        "{} lines: identical segmentation {:.3}%, identical features {:.3}%",
        a.len(),
        100.0 * same_segmentation as f64 / n,
        100.0 * same_everything as f64 / n
    );
    assert!(same_segmentation as f64 / n >= 0.999);
    assert!(same_everything as f64 / n >= 0.995);
    Ok(())
}
