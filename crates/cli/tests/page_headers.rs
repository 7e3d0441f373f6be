//! Running headers that carry their page number (`… Trade 2023   3`,
//! `通商白書… － 12 －`) count once in `kotoba glossary extract`, like
//! headers that repeat word for word.

mod util;
use util::{run, testdata};

/// The frequency of each extracted term (`glossary extract`'s TSV), keyed
/// in lower case.
fn frequencies(file: &str, lang: &str) -> Vec<(String, u32)> {
    let path = testdata(file).display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "extract",
            "--lang",
            lang,
            "--min-freq",
            "1",
            "--top",
            "200",
            &path,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    out.lines()
        .skip(1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let freq = cells.get(2)?.parse().ok()?;
            Some((cells.first()?.to_lowercase(), freq))
        })
        .collect()
}

fn freq(rows: &[(String, u32)], term: &str) -> Option<u32> {
    rows.iter().find(|(t, _)| t == term).map(|&(_, f)| f)
}

/// A four-page report whose header ends in the page number after a run of
/// spaces: the header's words count once, the body's all.
#[test]
fn english_header_with_page_numbers_counts_once() {
    let rows = frequencies("pdf/report-with-page-headers.txt", "en");
    assert!(freq(&rows, "white paper").unwrap_or(0) <= 1, "{rows:?}");
    assert!(freq(&rows, "meti").unwrap_or(0) <= 1, "{rows:?}");
    assert_eq!(freq(&rows, "export controls"), Some(4), "{rows:?}");
    assert_eq!(freq(&rows, "supply chain"), Some(5), "{rows:?}");
    assert_eq!(freq(&rows, "critical minerals"), Some(2), "{rows:?}");
    assert_eq!(freq(&rows, "anti-dumping duty"), Some(1), "{rows:?}");
}

/// A Japanese report whose header ends in `－ N －`: 通商白書 counts once,
/// the body's terms all.
#[test]
fn japanese_header_with_page_numbers_counts_once() {
    let rows = frequencies("pdf/report-with-page-headers.ja.txt", "ja");
    assert!(freq(&rows, "通商白書").unwrap_or(0) <= 1, "{rows:?}");
    assert!(freq(&rows, "経済安全保障").unwrap_or(0) <= 1, "{rows:?}");
    assert_eq!(freq(&rows, "輸出管理"), Some(4), "{rows:?}");
    assert_eq!(freq(&rows, "半導体製造装置"), Some(2), "{rows:?}");
    assert_eq!(freq(&rows, "重要鉱物"), Some(2), "{rows:?}");
    // A compound a page break cuts (`サプライ⏎⏎－ 13 －⏎⏎チェーン`) is
    // whole: once there, once in the first header.
    assert_eq!(freq(&rows, "サプライチェーン"), Some(2), "{rows:?}");
    assert_eq!(freq(&rows, "サプライ"), None, "{rows:?}");
    assert_eq!(freq(&rows, "チェーン"), None, "{rows:?}");
}
