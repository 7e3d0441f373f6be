//! End-to-end tests of `--lang auto`: English and Japanese are the only
//! choices for short text, kanji-only Japanese is Japanese (not Chinese),
//! and `detect` names scripts in its script column.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

mod util;
use util::{jsonl, testdata};

const EN: &str = "clinton-japan-trade-1993.en.txt";
const JA: &str = "clinton-japan-trade-1993.ja.txt";

/// Kanji-only headlines in the style of Japanese newspapers.
const KANJI_HEADLINES: &str = "日米包括経済協議決裂。対日制裁発動検討。首脳会談中止示唆。\n";

/// Runs kotoba on no standard input and requires success: its stdout.
fn ok(args: &[&str]) -> String {
    let (code, out, err) = util::run(args, "");
    assert_eq!(code, 0, "kotoba {args:?}: {err}");
    out
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path.display().to_string()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// Tokens of the one document of a `tokenize --format jsonl` run.
fn tokens(out: &str) -> (Value, Vec<Value>) {
    let records = jsonl(out);
    assert_eq!(records.len(), 1, "{out}");
    let r = &records[0];
    (
        r["lang"].clone(),
        r["tokens"].as_array().cloned().unwrap_or_default(),
    )
}

#[test]
fn short_english_gets_english_stems_and_stop_words() {
    let dir = tempdir();
    let file = write(dir.path(), "short.txt", "Tariffs were raised.\n");
    let out = ok(&["tokenize", "--format", "tsv", &file]);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let cells: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[3], r[5], r[6])).collect();
    assert_eq!(
        cells,
        [
            ("Tariffs", "tariff", "false"),
            ("were", "were", "true"),
            ("raised", "rais", "false")
        ],
        "{out}"
    );
    // whatlang calls "here" Turkish, whose stemmer makes it "her".
    let file = write(dir.path(), "here.txt", "here\n");
    let (lang, list) = tokens(&ok(&["tokenize", "--format", "jsonl", &file]));
    assert_eq!(lang, "en");
    assert_eq!(list[0]["stem"], "here");
    assert_eq!(list[0]["stop"], true);
}

#[test]
fn every_english_sentence_alone_is_tokenized_as_english() {
    // Each sentence of the seed article, and a few fragments whatlang takes
    // for Estonian, Turkish or Portuguese, as documents of their own: auto
    // must give what `--lang en` gives.
    let sentences = ok(&["sentences", &testdata(EN).display().to_string()]);
    let mut texts: Vec<&str> = sentences.lines().collect();
    texts.extend(["Tariffs were raised.", "here", "Trade talks", "Come here."]);
    let corpus: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", json!({"id": i, "text": t})))
        .collect();
    let dir = tempdir();
    let file = write(dir.path(), "sentences.jsonl", &corpus);
    let auto = ok(&["tokenize", "--jsonl", "--format", "jsonl", &file]);
    let en = ok(&[
        "tokenize", "--jsonl", "--format", "jsonl", "--lang", "en", &file,
    ]);
    assert_eq!(jsonl(&auto).len(), texts.len());
    for (a, e) in auto.lines().zip(en.lines()) {
        assert_eq!(a, e);
    }
}

#[test]
fn long_reliable_french_keeps_its_stemmer() {
    let french = "Les négociations commerciales entre le Japon et les États-Unis ont repris \
        cette semaine à Washington. Le gouvernement américain demande que le Japon ouvre \
        davantage son marché aux produits étrangers, notamment les voitures et les pièces \
        détachées, et réduise son excédent commercial.\n";
    let dir = tempdir();
    let file = write(dir.path(), "fr.txt", french);
    let (lang, _) = tokens(&ok(&["tokenize", "--format", "jsonl", &file]));
    assert_eq!(lang, "fr");
    // The same text cut short is no longer trusted to be French.
    let file = write(
        dir.path(),
        "fr-short.txt",
        "Les négociations commerciales.\n",
    );
    let (lang, _) = tokens(&ok(&["tokenize", "--format", "jsonl", &file]));
    assert_eq!(lang, "en");
}

#[test]
fn kanji_only_japanese_is_tokenized_into_morphemes() {
    let dir = tempdir();
    let file = write(dir.path(), "kanji.txt", "貿易黒字\n");
    let auto = ok(&["tokenize", "--format", "jsonl", &file]);
    let (lang, list) = tokens(&auto);
    assert_eq!(lang, "ja");
    let surfaces: Vec<&str> = list.iter().filter_map(|t| t["surface"].as_str()).collect();
    assert_eq!(surfaces, ["貿易", "黒字"], "{auto}");
    assert!(list.iter().all(|t| t["pos"] == "名詞"), "{auto}");
    assert_eq!(
        auto,
        ok(&["tokenize", "--format", "jsonl", "--lang", "ja", &file])
    );
    let file = write(dir.path(), "headlines.txt", KANJI_HEADLINES);
    let tsv = ok(&["tokenize", "--format", "tsv", &file]);
    assert_eq!(
        tsv,
        ok(&["tokenize", "--format", "tsv", "--lang", "ja", &file])
    );
    assert!(tsv.contains("\t名詞,"), "{tsv}");
}

#[test]
fn kanji_only_japanese_splits_at_full_stops() {
    let dir = tempdir();
    let file = write(dir.path(), "headlines.txt", KANJI_HEADLINES);
    let out = ok(&["sentences", &file]);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "日米包括経済協議決裂。",
            "対日制裁発動検討。",
            "首脳会談中止示唆。"
        ]
    );
}

#[test]
fn detect_names_scripts_in_the_script_column() {
    for (file, lang, scripts, count) in [
        (EN, "en", &["Latin"][..], 27),
        (JA, "ja", &["Han", "Hiragana", "Katakana"][..], 26),
    ] {
        let out = ok(&[
            "detect",
            "--by",
            "sentence",
            "--format",
            "jsonl",
            &testdata(file).display().to_string(),
        ]);
        let records = jsonl(&out);
        assert_eq!(records.len(), count, "{out}");
        for r in &records {
            assert_eq!(r["lang"], lang, "{r}");
            let script = r["script"].as_str().unwrap_or("");
            assert!(scripts.contains(&script), "{r}");
        }
    }
    // The kanji-heavy sentences of the translation are Han.
    let tsv = ok(&[
        "detect",
        "--by",
        "sentence",
        &testdata(JA).display().to_string(),
    ]);
    assert!(tsv.lines().any(|l| l.contains("\tjpn\tHan\t")), "{tsv}");
    assert!(!tsv.contains("Mandarin"), "{tsv}");
}

#[test]
fn kanji_only_lines_of_a_japanese_document_are_japanese() {
    let seed = std::fs::read_to_string(testdata(JA)).unwrap_or_else(|e| panic!("{e}"));
    let text = format!("日米貿易摩擦\n\n{seed}\n対日制裁発動検討。\n");
    let dir = tempdir();
    let file = write(dir.path(), "article.ja.txt", &text);
    for by in ["sentence", "paragraph"] {
        let out = ok(&["detect", "--by", by, "--format", "jsonl", &file]);
        let records = jsonl(&out);
        assert!(records.len() > 10, "{out}");
        for r in &records {
            assert_eq!(
                (&r["lang"], &r["lang3"]),
                (&json!("ja"), &json!("jpn")),
                "{r}"
            );
        }
        let first = &records[0];
        assert_eq!(first["start"], 0);
        assert_eq!(first["end"], "日米貿易摩擦".len());
        assert_eq!(first["script"], "Han", "{first}");
        assert_eq!(first["reliable"], true, "{first}");
        let last = &records[records.len() - 1];
        assert_eq!(last["script"], "Han", "{last}");
    }
}

#[test]
fn kanji_only_text_alone_is_han_and_japanese_among_en_and_ja() {
    // Without kana nothing tells kanji-only Japanese from Chinese: alone,
    // such text is reported as whatlang identifies it, in the Han script;
    // among English and Japanese it is Japanese.
    let dir = tempdir();
    let file = write(dir.path(), "headlines.txt", KANJI_HEADLINES);
    let out = ok(&["detect", "--format", "jsonl", &file]);
    assert_eq!(jsonl(&out)[0]["script"], "Han", "{out}");
    let out = ok(&["detect", "--langs", "en,ja", "--format", "jsonl", &file]);
    assert_eq!(jsonl(&out)[0]["lang"], "ja", "{out}");
    // Its sentences are cut at 。 by the Japanese rules.
    let out = ok(&["detect", "--by", "sentence", "--format", "jsonl", &file]);
    assert_eq!(jsonl(&out).len(), 3, "{out}");
}
