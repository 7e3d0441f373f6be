//! End-to-end tests of `tokenize` and `detect` on real files: `--langs`
//! answers only with listed languages (or `und`), the TSV of `detect` says
//! whether an answer is reliable, bilingual documents are tokenized
//! paragraph by paragraph, and tokens carry the same folded forms and stop
//! flags in every format.

use std::path::Path;

use serde_json::Value;

mod util;
use util::{jsonl, testdata};

const EN: &str = "clinton-japan-trade-1993.en.txt";
const JA: &str = "clinton-japan-trade-1993.ja.txt";

/// Runs kotoba (one thread) on no standard input and requires success: its stdout.
fn ok(args: &[&str]) -> String {
    let args = [&["--threads", "1"][..], args].concat();
    let (code, out, err) = util::run(&args, "");
    assert_eq!(code, 0, "kotoba {args:?}: {err}");
    out
}

/// Writes `text` to `name` in `dir`: the path.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path.display().to_string()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn seed(name: &str) -> String {
    testdata(name).display().to_string()
}

/// The rows of a TSV output, header first, as cells.
fn rows(out: &str) -> Vec<Vec<&str>> {
    out.lines().map(|l| l.split('\t').collect()).collect()
}

/// The tokens of the one record of a `tokenize --format jsonl` output.
fn tokens(out: &str) -> Vec<Value> {
    let records = jsonl(out);
    assert_eq!(records.len(), 1, "{out}");
    records[0]["tokens"].as_array().cloned().unwrap_or_default()
}

/// The only JSONL unit of a `detect` output: lang and reliable.
fn detected(out: &str) -> (String, bool) {
    let records = jsonl(out);
    assert_eq!(records.len(), 1, "{out}");
    let r = &records[0];
    (
        r["lang"].as_str().unwrap_or("").to_string(),
        r["reliable"].as_bool().unwrap_or(true),
    )
}

/// `--langs en` called Japanese `ja`, `--langs fr,de` called Chinese `ja`;
/// with one listed language of a script whatlang answers it, reliably, for
/// text plainly in another language.
#[test]
fn detect_answers_only_with_listed_languages_or_und() {
    let dir = tempdir();
    let ja = write(dir.path(), "ja.txt", "日本の貿易黒字は減った。\n");
    let zh = write(dir.path(), "zh.txt", "中国的贸易顺差扩大了\n");
    let fr = write(
        dir.path(),
        "fr.txt",
        "Les négociations commerciales entre le Japon et les États-Unis ont repris \
         cette semaine à Washington.\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "Japan pledged to reduce its trade surplus with the United States this year.\n",
    );
    let short = write(dir.path(), "short.txt", "Trade talks\n");
    for (file, langs, want) in [
        (&ja, "en", ("und", false)),
        (&zh, "fr,de", ("und", false)),
        (&fr, "en", ("und", false)),
        (&fr, "eng,jpn", ("und", false)),
        (&fr, "en,fr", ("fr", true)),
        (&en, "en", ("en", true)),
        (&en, "en,ja", ("en", true)),
        (&ja, "en,ja", ("ja", true)),
        // whatlang alone calls it Portuguese, unreliably (kotoba English,
        // by its words, unreliably): English among the listed, but not
        // reliable.
        (&short, "en,ja", ("en", false)),
    ] {
        let out = ok(&["detect", "--langs", langs, "--format", "jsonl", file]);
        let (lang, reliable) = detected(&out);
        assert_eq!((lang.as_str(), reliable), want, "{langs} {file}: {out}");
    }
    // The TSV says the same.
    let tsv = ok(&["detect", "--langs", "en", &ja]);
    assert_eq!(rows(&tsv)[1][4..], ["und", "und", "Han", "0.000", "false"]);
    // Sentence by sentence too: each answer is listed or `und`.
    let mixed = write(
        dir.path(),
        "mixed.txt",
        "Japan pledged to reduce its trade surplus with the United States.\n\n\
         日本は貿易黒字を減らすと約束した。\n",
    );
    let out = ok(&[
        "detect", "--by", "sentence", "--langs", "en", "--format", "jsonl", &mixed,
    ]);
    let langs: Vec<Value> = jsonl(&out).iter().map(|r| r["lang"].clone()).collect();
    assert_eq!(langs, ["en", "und"], "{out}");
}

/// The TSV had no reliability: short headlines whatlang guesses as
/// Estonian or Latin looked as sure as anything.
#[test]
fn detect_tsv_ends_with_a_reliable_column() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "headlines.txt",
        "Tariffs were raised.\n\nJapan pledged to reduce its trade surplus with the United States this year.\n",
    );
    let out = ok(&["detect", "--by", "paragraph", &file]);
    let table = rows(&out);
    assert_eq!(
        table[0],
        [
            "id",
            "index",
            "start",
            "end",
            "lang",
            "lang3",
            "script",
            "confidence",
            "reliable"
        ]
    );
    assert_eq!(table[1][8], "false", "{out}");
    assert_eq!(table[2][8], "true", "{out}");
    // TSV and JSONL agree unit by unit, on the seed articles too.
    for file in [file, seed(EN), seed(JA)] {
        let tsv = ok(&["detect", "--by", "sentence", &file]);
        let json = ok(&["detect", "--by", "sentence", "--format", "jsonl", &file]);
        let from_tsv: Vec<String> = rows(&tsv)[1..].iter().map(|r| r[8].to_string()).collect();
        let from_json: Vec<String> = jsonl(&json)
            .iter()
            .map(|r| r["reliable"].to_string())
            .collect();
        assert_eq!(from_tsv, from_json, "{file}");
        assert!(rows(&tsv).iter().all(|r| r.len() == 9));
    }
}

/// One tokenizer served the whole document: the Japanese paragraph of a
/// bilingual document came out as single characters, or the English one
/// went through IPADIC.
#[test]
fn bilingual_documents_are_tokenized_paragraph_by_paragraph() {
    let en = "The tariffs on imported cars were raised.";
    let ja = "日本の関税は上がった。";
    let dir = tempdir();
    for (name, text) in [
        ("en-ja.txt", format!("{en}\n\n{ja}\n")),
        ("ja-en.txt", format!("  {ja}\n\n\n{en}\n")),
    ] {
        let file = write(dir.path(), name, &text);
        let out = ok(&["tokenize", "--format", "tsv", &file]);
        let table = rows(&out);
        for row in &table[1..] {
            let (start, end): (usize, usize) = (
                row[1].parse().unwrap_or(usize::MAX),
                row[2].parse().unwrap_or(usize::MAX),
            );
            assert_eq!(text.get(start..end), Some(row[3]), "{name}: {row:?}");
        }
        let row = |surface: &str| {
            table
                .iter()
                .find(|r| r[3] == surface)
                .unwrap_or_else(|| panic!("{name}: no {surface} in {out}"))
                .clone()
        };
        // English: stems and stop words, no features.
        assert_eq!(row("tariffs")[5..], ["tariff", "false", ""], "{name}");
        assert_eq!(row("The")[6], "true", "{name}");
        // Japanese: morphemes with IPADIC features.
        assert!(row("関税")[7].starts_with("名詞,"), "{name}");
        assert_eq!(row("上がっ")[5], "上がる", "{name}");
        let japanese: Vec<&str> = table[1..]
            .iter()
            .filter(|r| !r[7].is_empty())
            .map(|r| r[3])
            .collect();
        assert_eq!(
            japanese,
            ["日本", "の", "関税", "は", "上がっ", "た", "。"],
            "{name}"
        );
        // JSON Lines: the same tokens.
        let list = tokens(&ok(&["tokenize", "--format", "jsonl", &file]));
        assert_eq!(list.len(), table.len() - 1, "{name}");
        // MeCab's format still reads the whole document as Japanese.
        let mecab = ok(&["tokenize", "--format", "mecab", &file]);
        assert!(mecab.contains("tariffs\t名詞,"), "{name}: {mecab}");
    }
    // A document in one language is tokenized as before: as a whole.
    let one = write(dir.path(), "en.txt", &format!("{en}\n\n{en}\n"));
    let out = ok(&["tokenize", "--format", "jsonl", &one]);
    assert_eq!(tokens(&out).len(), 14);
}

/// The stop check read `It’s` as it is while the stemmer read `It's`: the
/// seed article's curly apostrophes made `it’s`, `don’t`, `isn’t` content.
#[test]
fn curly_apostrophes_are_stop_words_like_straight_ones() {
    let out = ok(&["tokenize", "--format", "tsv", &seed(EN)]);
    let table = rows(&out);
    for surface in ["it’s", "don’t", "isn’t", "haven’t", "we’re"] {
        let row = table
            .iter()
            .find(|r| r[3].to_lowercase() == surface)
            .unwrap_or_else(|| panic!("no {surface}"));
        assert_eq!(row[6], "true", "{row:?}");
    }
    let japans = table.iter().filter(|r| r[3] == "Japan’s").count();
    assert_eq!(japans, 3);
    assert!(
        table
            .iter()
            .filter(|r| r[3] == "Japan’s")
            .all(|r| r[6] == "false")
    );
    let dir = tempdir();
    let file = write(
        dir.path(),
        "quotes.txt",
        "It’s done. It's done. They don’t.\n",
    );
    let out = ok(&["tokenize", "--format", "tsv", &file]);
    let stops: Vec<&str> = rows(&out)[1..].iter().map(|r| r[6]).collect();
    assert_eq!(stops, ["true", "false", "true", "false", "true", "true"]);
}

/// CRLF Japanese gave `\r` tokens (a symbol) in TSV and JSON Lines.
#[test]
fn crlf_japanese_has_no_carriage_return_tokens() {
    let crlf = "日本の関税は上がった。\r\n米国は\r\n反発した。\r\n";
    let lf = crlf.replace('\r', "");
    let dir = tempdir();
    let crlf_file = write(dir.path(), "crlf.txt", crlf);
    let lf_file = write(dir.path(), "lf.txt", &lf);
    let surfaces = |file: &str| -> Vec<String> {
        tokens(&ok(&["tokenize", "--format", "jsonl", file]))
            .iter()
            .map(|t| t["surface"].as_str().unwrap_or("?").to_string())
            .collect()
    };
    let ours = surfaces(&crlf_file);
    assert!(!ours.iter().any(|s| s.trim().is_empty()), "{ours:?}");
    assert_eq!(ours, surfaces(&lf_file));
    let tsv = ok(&["tokenize", "--format", "tsv", &crlf_file]);
    assert_eq!(tsv.lines().count(), ours.len() + 1, "{tsv}");
    for row in &rows(&tsv)[1..] {
        let (start, end): (usize, usize) = (
            row[1].parse().unwrap_or(usize::MAX),
            row[2].parse().unwrap_or(usize::MAX),
        );
        assert_eq!(crlf.get(start..end), Some(row[3]), "{row:?}");
    }
    // MeCab's format keeps the carriage returns, as MeCab does.
    let mecab = ok(&["tokenize", "--format", "mecab", &crlf_file]);
    assert_eq!(mecab.matches("\r\t記号").count(), 3, "{mecab:?}");
}

/// Japanese JSON Lines tokens lacked `lower`, `term` and `stop`, English
/// ones `term`: every format now carries what TSV carries.
#[test]
fn every_format_carries_lower_term_and_stop() {
    for (file, lang) in [(seed(EN), "en"), (seed(JA), "ja")] {
        let tsv = ok(&["tokenize", "--format", "tsv", &file]);
        let json = tokens(&ok(&["tokenize", "--format", "jsonl", &file]));
        let table = rows(&tsv);
        assert_eq!(json.len(), table.len() - 1, "{lang}");
        for (t, row) in json.iter().zip(&table[1..]) {
            let cells = [
                t["start"].to_string(),
                t["end"].to_string(),
                t["surface"].as_str().unwrap_or("?").to_string(),
                t["lower"].as_str().unwrap_or("?").to_string(),
                t["term"].as_str().unwrap_or("?").to_string(),
                t["stop"]
                    .as_bool()
                    .map_or("?".to_string(), |b| b.to_string()),
            ];
            assert_eq!(cells, row[1..7], "{lang}: {t}");
            if lang == "en" {
                assert_eq!(t["stem"], t["term"], "{t}");
            } else {
                assert!(t["pos"].is_string() && t["unknown"].is_boolean(), "{t}");
            }
        }
    }
}

/// `ＷＴＯ` kept its width in `lower` (`ｗｔｏ`), and a soft hyphen kept
/// `tariffs\u{AD}` from stemming to `tariff`.
#[test]
fn lower_and_term_are_nfkc_without_invisible_characters() {
    let dir = tempdir();
    let en = write(
        dir.path(),
        "en.txt",
        "The ＷＴＯ and the WTO ruled on tariffs\u{AD} and trade\u{200B} rules.\n",
    );
    let table_out = ok(&["tokenize", "--format", "tsv", &en]);
    let table = rows(&table_out);
    let forms = |surface: &str| -> Vec<(String, String)> {
        table
            .iter()
            .filter(|r| r[3] == surface)
            .map(|r| (r[4].to_string(), r[5].to_string()))
            .collect()
    };
    assert_eq!(forms("ＷＴＯ"), [("wto".into(), "wto".into())]);
    assert_eq!(forms("WTO"), [("wto".into(), "wto".into())]);
    assert_eq!(
        forms("tariffs\u{AD}"),
        [("tariffs".into(), "tariff".into())]
    );
    let ja = write(dir.path(), "ja.txt", "ＷＴＯは関税を批判した。\n");
    let list = tokens(&ok(&["tokenize", "--format", "jsonl", &ja]));
    assert_eq!(list[0]["surface"], "ＷＴＯ");
    assert_eq!(
        (&list[0]["lower"], &list[0]["term"]),
        (&"wto".into(), &"wto".into())
    );
}

/// `US` (the United States) was a stop word: the list matched it as `us`.
#[test]
fn us_in_capitals_is_not_a_stop_word() {
    let dir = tempdir();
    let file = write(
        dir.path(),
        "us.txt",
        "US officials told us that the US trade deficit grew.\nTRADE TALKS WITH US\n",
    );
    let out = ok(&["tokenize", "--format", "tsv", &file]);
    let us: Vec<(&str, &str)> = rows(&out)[1..]
        .iter()
        .filter(|r| r[4] == "us")
        .map(|r| (r[3], r[6]))
        .collect();
    assert_eq!(
        us,
        [
            ("US", "false"),
            ("us", "true"),
            ("US", "false"),
            ("US", "true")
        ],
        "{out}"
    );
}

/// `U.S.` came out as `U.S` stemmed to `u.`.
#[test]
fn abbreviations_keep_their_final_period_and_are_not_stemmed() {
    let dir = tempdir();
    let text = "The U.S. trade deficit rose. U.S.-Japan talks ended.\n";
    let file = write(dir.path(), "abbr.txt", text);
    let out = ok(&["tokenize", "--format", "tsv", &file]);
    let table = rows(&out);
    let cells: Vec<(&str, &str, &str, &str)> = table[1..]
        .iter()
        .map(|r| (r[1], r[3], r[5], r[6]))
        .collect();
    assert_eq!(
        cells,
        [
            ("0", "The", "the", "true"),
            ("4", "U.S.", "u.s.", "false"),
            ("9", "trade", "trade", "false"),
            ("15", "deficit", "deficit", "false"),
            ("23", "rose", "rose", "false"),
            ("29", "U.S.", "u.s.", "false"),
            ("34", "Japan", "japan", "false"),
            ("40", "talks", "talk", "false"),
            ("46", "ended", "end", "false"),
        ],
        "{out}"
    );
    for row in &table[1..] {
        let (start, end): (usize, usize) = (
            row[1].parse().unwrap_or(usize::MAX),
            row[2].parse().unwrap_or(usize::MAX),
        );
        assert_eq!(text.get(start..end), Some(row[3]), "{row:?}");
    }
    // The seed article: two `U.S.` and one `U.S.-Japan`, none cut short.
    let out = ok(&["tokenize", "--format", "tsv", &seed(EN)]);
    let table = rows(&out);
    assert_eq!(table.iter().filter(|r| r[3] == "U.S.").count(), 3);
    assert!(!table.iter().any(|r| r[3] == "U.S" || r[5] == "u."));
}

/// A morpheme's JSON object names its fields in a fixed order: the offsets,
/// IPADIC's features in the dictionary's order, then the folded forms.
#[test]
fn morpheme_records_keep_the_dictionary_order_of_features() {
    let out = ok(&[
        "tokenize",
        "--format",
        "jsonl",
        &testdata(JA).display().to_string(),
    ]);
    let records = jsonl(&out);
    let token = &records[0]["tokens"][0];
    let keys: Vec<&str> = token
        .as_object()
        .map_or(Vec::new(), |o| o.keys().map(String::as_str).collect());
    let mut expected = vec!["surface", "start", "end"];
    expected.extend(kotoba_tokenize::japanese::FEATURE_NAMES);
    expected.extend(["unknown", "lower", "term", "stop"]);
    assert_eq!(keys, expected);
}

/// A long English document is tokenized in pieces cut at line breaks (its
/// tokens were held all at once): every line is tokenized as it is alone,
/// with offsets into the whole document, across the cuts too.
#[test]
fn a_long_document_is_tokenized_as_its_lines_are() {
    let dir = tempdir();
    let line = "The US trade surplus with Japan's automakers rose 3.5% in fiscal 1993.\n";
    let text = line.repeat(12_000);
    let long = write(dir.path(), "long.txt", &text);
    let one = write(dir.path(), "one.txt", line);
    let per_line = rows(&ok(&["tokenize", "--format", "tsv", &one])).len() - 1;
    let out = ok(&["tokenize", "--format", "tsv", &long]);
    let all = rows(&out);
    assert_eq!(all.len() - 1, per_line * 12_000);
    for row in &all[1..] {
        let (start, end): (usize, usize) = (
            row[1].parse().unwrap_or(usize::MAX),
            row[2].parse().unwrap_or(0),
        );
        assert_eq!(text.get(start..end), Some(row[3]), "{row:?}");
    }
}
