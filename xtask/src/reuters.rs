//! News with headlines: the Reuters-21578 articles that Debian's `r-cran-tm`
//! package ships as examples (20 on crude oil, 50 on acquisitions, 10 from
//! the collection's first file; 79 distinct, all with a title and a body).
//! They are read from the downloaded `.deb`, never installed or shipped.
//! Documents hold one sentence per line (kotoba's English segmenter), a blank
//! line between paragraphs; the reference is the headline.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use quick_xml::events::Event;
use serde_json::json;

use kotoba_text::segment::{LineEndHyphens, SegmentLang, sentence_text, split_sentences};

use crate::aclsum::Split;

/// Prepares the articles under `target/eval/reuters`: documents one sentence
/// per line and headlines as references, both `{"id","text"}` JSON Lines.
pub fn prepare() -> Result<Split> {
    let dir = crate::root().join("target/eval/reuters");
    let root = crate::apt::unpack("r-cran-tm", &dir.join("deb"))?;
    let texts = root.join("usr/lib/R/site-library/tm/texts");
    let mut files = vec![texts.join("reuters-21578.xml")];
    for sub in ["crude", "acq"] {
        let mut part: Vec<PathBuf> = fs::read_dir(texts.join(sub))
            .with_context(|| format!("{}/{sub}", texts.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        part.sort();
        files.extend(part);
    }
    // NEWID → (headline, body); an article found twice is kept once.
    let mut articles = BTreeMap::new();
    for file in &files {
        let xml = fs::read_to_string(file).with_context(|| file.display().to_string())?;
        for (id, title, body) in parse(&xml).with_context(|| file.display().to_string())? {
            articles.entry(id).or_insert((title, body));
        }
    }
    let (mut docs, mut refs) = (String::new(), String::new());
    for (id, (title, body)) in &articles {
        let id = format!("reuters-{id}");
        docs.push_str(&json!({"id": id, "text": sentences(body)}).to_string());
        docs.push('\n');
        let headline = title.split_whitespace().collect::<Vec<_>>().join(" ");
        refs.push_str(&json!({"id": id, "text": headline}).to_string());
        refs.push('\n');
    }
    let news = Split {
        docs: dir.join("docs.jsonl"),
        refs: dir.join("refs.jsonl"),
        papers: articles.len(),
    };
    fs::write(&news.docs, docs)?;
    fs::write(&news.refs, refs)?;
    Ok(news)
}

/// `(NEWID, TITLE, BODY)` of every `REUTERS` element with both.
fn parse(xml: &str) -> Result<Vec<(u32, String, String)>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut id, mut title, mut body) = (None, String::new(), String::new());
    let mut inside = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "REUTERS" {
                    id = e
                        .try_get_attribute("NEWID")?
                        .and_then(|a| String::from_utf8_lossy(&a.value).parse::<u32>().ok());
                    title.clear();
                    body.clear();
                }
                inside = name;
            }
            Event::Text(t) if inside == "TITLE" || inside == "BODY" => {
                let text = t.unescape()?;
                if inside == "TITLE" {
                    title.push_str(&text);
                } else {
                    body.push_str(&text);
                }
            }
            Event::End(e) => {
                if e.name().as_ref() == b"REUTERS"
                    && let Some(id) = id.take()
                    && !title.trim().is_empty()
                    && !body.trim().is_empty()
                {
                    out.push((id, title.clone(), body.clone()));
                }
                inside.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The body one sentence per line, paragraphs separated by a blank line, the
/// closing "Reuter" dropped. In the wire format a paragraph starts on an
/// indented line after a sentence end; the body's first line may be cut
/// short where the dateline was removed, so indentation alone is no sign.
fn sentences(body: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let ended = current
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\'', ':']);
        if line.starts_with("  ") && ended {
            paragraphs.push(std::mem::take(&mut current));
        }
        // Wire lines are wrapped at a fixed width: reflow them.
        current.push_str(line.trim());
        current.push(' ');
    }
    paragraphs.push(current);
    let mut out = Vec::new();
    for p in &paragraphs {
        let p = p.trim();
        let p = p
            .strip_suffix("Reuter")
            .or_else(|| p.strip_suffix("REUTER"))
            .unwrap_or(p);
        let hyphens = LineEndHyphens::find(p);
        let lines: Vec<String> = split_sentences(p, SegmentLang::English)
            .into_iter()
            .map(|s| sentence_text(p, s, &hyphens))
            .collect();
        if !lines.is_empty() {
            out.push(lines.join("\n"));
        }
    }
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_article_and_splits_its_paragraphs() {
        let xml = r#"<REUTERS NEWID="7"><TEXT><TITLE>OIL &amp; GAS CUT</TITLE>
<BODY>Prices fell today. Traders
were calm.
    A second paragraph.
 Reuter</BODY></TEXT></REUTERS>"#;
        let got = parse(xml).expect("valid XML");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 7);
        assert_eq!(got[0].1, "OIL & GAS CUT");
        assert_eq!(
            sentences(&got[0].2),
            "Prices fell today.\nTraders were calm.\n\nA second paragraph."
        );
    }

    #[test]
    fn an_indented_line_after_a_cut_first_line_continues_the_paragraph() {
        let body = "Texas Commerce Bancshares Inc's Texas\n    Commerce Bank said it filed.\n    It added more.";
        assert_eq!(
            sentences(body),
            "Texas Commerce Bancshares Inc's Texas Commerce Bank said it filed.\n\nIt added more."
        );
    }

    #[test]
    fn skips_an_article_without_a_body() {
        let xml = r#"<LEWIS><REUTERS NEWID="1"><TEXT><TITLE>T</TITLE></TEXT></REUTERS></LEWIS>"#;
        assert!(parse(xml).expect("valid XML").is_empty());
    }
}
