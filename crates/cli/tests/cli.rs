//! End-to-end tests of the `kotoba` binary on the files in `testdata/`.

use assert_cmd::Command;

mod util;
use util::{jsonl, kotoba, testdata};

const EN: &str = "clinton-japan-trade-1993.en.txt";
const JA: &str = "clinton-japan-trade-1993.ja.txt";

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running kotoba: {e}"));
    assert!(
        out.status.success(),
        "kotoba failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("stdout is not UTF-8: {e}"))
}

#[test]
fn seed_article_has_27_sentences() {
    let out = stdout_of(kotoba().arg("sentences").arg(testdata(EN)));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 27, "{out}");
    assert_eq!(
        lines[0],
        "Clinton Frustrated With Japan on Trade : Diplomacy: Tokyo foot-dragging is perceived by U.S."
    );
    assert_eq!(
        lines[1],
        "The President might scrub scheduled ’94 talks with new prime minister."
    );
    assert!(lines.iter().any(|l| {
        l.starts_with("As a result, last week in trade talks in Hawaii the U.S. negotiators")
    }));
}

#[test]
fn sentence_offsets_point_into_the_original() {
    let original = std::fs::read_to_string(testdata(EN)).unwrap_or_default();
    let out = stdout_of(
        kotoba()
            .args(["sentences", "--format", "jsonl"])
            .arg(testdata(EN)),
    );
    let records = jsonl(&out);
    assert_eq!(records.len(), 27);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["index"], i);
        let (s, e) = (
            r["start"].as_u64().unwrap_or(0) as usize,
            r["end"].as_u64().unwrap_or(0) as usize,
        );
        let text = r["text"].as_str().unwrap_or("");
        assert_eq!(
            original[s..e].split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        assert!(r["id"].as_str().unwrap_or("").ends_with(EN));
    }
}

/// Text taken from a PDF breaks words at line ends (`semi-⏎conductors`,
/// `as-⏎sessed`): sentences show them whole, hyphen-joined words keeping
/// their hyphen (`long-term`), with offsets still into the original.
#[test]
fn words_broken_at_line_ends_are_shown_whole() {
    let path = testdata("pdf/trade-policy-review-excerpt.txt");
    let original = std::fs::read_to_string(&path).unwrap_or_default();
    let out = stdout_of(kotoba().args(["sentences", "--format", "jsonl"]).arg(&path));
    let records = jsonl(&out);
    let texts: Vec<&str> = records.iter().filter_map(|r| r["text"].as_str()).collect();
    let all = texts.join("\n");
    for whole in [
        "Export controls on semiconductors and related equipment",
        "Agreement on Trade-Related Investment Measures",
        "semiconductor manufacturing equipment",
        "discussed a longer validity period with industry associations",
        "The anti-dumping duty on hot-rolled steel",
        "The long-term effect of these measures on downstream users has not been assessed",
        "a significant improvement in transparency",
        "The list of controlled items",
        // Across a page break and its page number.
        "and the authorities indicated that export controls on semiconductors would be reviewed annually.",
    ] {
        assert!(all.contains(whole), "{whole}:\n{all}");
    }
    assert!(!all.contains("- "), "{all}");
    for r in &records {
        let (s, e) = (
            r["start"].as_u64().unwrap_or(0) as usize,
            r["end"].as_u64().unwrap_or(0) as usize,
        );
        // Letters alone: a page's number inside a sentence is left out of
        // its text.
        let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).collect::<String>();
        assert_eq!(
            letters(&original[s..e]),
            letters(r["text"].as_str().unwrap_or(""))
        );
    }
}

#[test]
fn japanese_translation_splits_at_full_stops() {
    // 26, the rows of the aligned translation (the English headline's two
    // sentences are one row): a quotation standing alone is one utterance
    // (「これは脅しではない。ただ、…」), and a 。 inside a quotation that
    // continues the sentence (「…。…」と述べた。) does not end it either.
    let out = stdout_of(kotoba().arg("sentences").arg(testdata(JA)));
    assert_eq!(out.lines().count(), 26, "{out}");
    assert!(
        out.lines().all(|l| l.ends_with('。')
            || l.ends_with('？')
            || l.ends_with('！')
            || l.ends_with('」'))
    );
}

#[test]
fn tokenize_japanese_in_mecab_format() {
    let out = stdout_of(
        kotoba()
            .args(["tokenize", "--format", "mecab"])
            .arg(testdata(JA)),
    );
    let original = std::fs::read_to_string(testdata(JA)).unwrap_or_default();
    assert_eq!(out.matches("EOS\n").count(), original.lines().count());
    assert!(out.starts_with("クリントン\t名詞,固有名詞,人名,姓,*,*,クリントン,クリントン,クリントン\n大統領\t名詞,一般,*,*,*,*,大統領,ダイトウリョウ,ダイトーリョー\n"), "{}", &out[..300]);
    assert!(out.contains("貿易\t名詞,サ変接続,*,*,*,*,貿易,ボウエキ,ボーエキ\n"));
}

#[test]
fn tokenize_english_tsv_has_stems_and_stop_words() {
    let out = stdout_of(
        kotoba()
            .args(["tokenize", "--format", "tsv"])
            .arg(testdata(EN)),
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("id\tstart\tend\tsurface\tlower\tterm\tstop\tfeatures")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let negotiations = rows
        .iter()
        .find(|r| r[3] == "negotiations")
        .unwrap_or_else(|| panic!("no negotiations"));
    assert_eq!(&negotiations[4..7], ["negotiations", "negoti", "false"]);
    let the = rows
        .iter()
        .find(|r| r[3] == "The")
        .unwrap_or_else(|| panic!("no The"));
    assert_eq!(the[6], "true");
}

/// A carriage return (or tab) the tokenizer keeps as a token of its own
/// once went raw into the `lower` and `term` columns and broke the row; every
/// column is one cell: tabs and line breaks become spaces, as in `surface`.
#[test]
fn tokenize_tsv_rows_stay_whole_whatever_the_text() {
    for lang in ["ja", "en", "auto"] {
        let out = stdout_of(
            kotoba()
                .args(["tokenize", "--format", "tsv", "--lang", lang, "-"])
                .write_stdin("関税\rの\t貿易\r\n黒字 tariff\rduty\x0bend\n"),
        );
        assert!(!out.contains('\r'), "{lang}: {out:?}");
        let rows: Vec<&str> = out.split('\n').filter(|l| !l.is_empty()).collect();
        assert!(rows.len() > 3, "{lang}: {out:?}");
        for row in rows {
            assert_eq!(row.split('\t').count(), 8, "{lang}: {row:?}");
        }
    }
}

/// Lines as Python's `str.splitlines()` and some spreadsheet readers cut
/// them: at U+2028, U+2029, NEL, vertical tab, form feed and U+001C–U+001E
/// too.
fn split_lines_everywhere(text: &str) -> Vec<&str> {
    text.split([
        '\n', '\r', '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
        '\u{2029}',
    ])
    .filter(|l| !l.is_empty())
    .collect()
}

/// The line separators other than CR and LF went out as they were (a
/// Japanese U+2028 or NEL is a morpheme of its own, and an id may hold
/// any): readers that split lines at them broke the rows.
#[test]
fn tokenize_tsv_rows_stay_whole_for_readers_splitting_at_every_line_separator() {
    let record = serde_json::json!({
        "id": "doc\u{2028}one\u{0b}",
        "text": "貿易黒字\u{2028}拡大\u{85}した。 The tariff\u{0c}rose\u{2029}and\u{1e}fell.",
    });
    for lang in ["ja", "en", "auto"] {
        let out = stdout_of(
            kotoba()
                .args([
                    "tokenize", "--format", "tsv", "--jsonl", "--lang", lang, "-",
                ])
                .write_stdin(format!("{record}\n")),
        );
        let rows = split_lines_everywhere(&out);
        assert_eq!(rows.len(), out.lines().count(), "{lang}: {out:?}");
        assert!(rows.len() > 5, "{lang}: {out:?}");
        for row in &rows[1..] {
            assert_eq!(row.split('\t').count(), 8, "{lang}: {row:?}");
            assert!(row.starts_with("doc one \t"), "{lang}: {row:?}");
        }
    }
}

/// `sentences` and `detect --by sentence` wrote ids and sentences with
/// U+2028 and the other line separators as they were.
#[test]
fn sentence_and_detect_tsv_rows_stay_whole_for_every_reader() {
    let record = serde_json::json!({
        "id": "doc\u{2028}one",
        "text": "The tariff\u{85}rose sharply.\u{2029}Exports fell\u{0c}again.",
    });
    for (args, columns) in [
        (&["sentences", "--format", "tsv", "--jsonl", "-"][..], 5),
        (
            &[
                "detect", "--by", "sentence", "--format", "tsv", "--jsonl", "-",
            ][..],
            0,
        ),
    ] {
        let out = stdout_of(kotoba().args(args).write_stdin(format!("{record}\n")));
        let rows = split_lines_everywhere(&out);
        assert_eq!(rows.len(), out.lines().count(), "{args:?}: {out:?}");
        let width = rows[0].split('\t').count();
        assert!(columns == 0 || width == columns, "{args:?}: {out:?}");
        for row in &rows[1..] {
            assert_eq!(row.split('\t').count(), width, "{args:?}: {row:?}");
            assert!(row.starts_with("doc one\t"), "{args:?}: {row:?}");
        }
    }
}

#[test]
fn tokenize_jsonl_has_japanese_features() {
    let out = stdout_of(
        kotoba()
            .args(["tokenize", "--format", "jsonl", "--lang", "ja", "-"])
            .write_stdin("日本の貿易黒字"),
    );
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    let tokens = records[0]["tokens"].as_array().cloned().unwrap_or_default();
    let surfaces: Vec<&str> = tokens
        .iter()
        .filter_map(|t| t["surface"].as_str())
        .collect();
    assert_eq!(surfaces, ["日本", "の", "貿易", "黒字"]);
    assert_eq!(tokens[3]["reading"], "クロジ");
    assert_eq!(tokens[0]["pos_detail_1"], "固有名詞");
}

#[test]
fn every_sentence_is_identified() {
    for (file, lang) in [(EN, "en"), (JA, "ja")] {
        let out = stdout_of(
            kotoba()
                .args(["detect", "--by", "sentence", "--format", "jsonl"])
                .arg(testdata(file)),
        );
        let records = jsonl(&out);
        assert!(records.len() >= 26);
        for r in &records {
            assert_eq!(r["lang"], lang, "{r}");
        }
    }
}

#[test]
fn detect_restricted_to_candidates() {
    let out = stdout_of(
        kotoba()
            .args(["detect", "--langs", "en,ja", "--format", "jsonl", "-"])
            .write_stdin("Los aranceles"),
    );
    assert_eq!(jsonl(&out)[0]["lang"], "en");
    let out = kotoba()
        .args(["detect", "--langs", "xx", "-"])
        .write_stdin("x")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language code `xx`"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("latin1.txt"), b"caf\xe9 au lait.").unwrap_or_default();
    std::fs::write(p("blob.bin"), b"\x7fELF\x00\x00").unwrap_or_default();
    std::fs::write(p("empty.txt"), b"").unwrap_or_default();
    std::fs::write(p("good.txt"), "The talks resumed. Nothing moved.").unwrap_or_default();
    let out = kotoba()
        .arg("sentences")
        .args([
            p("latin1.txt"),
            p("blob.bin"),
            p("empty.txt"),
            p("missing.txt"),
            p("good.txt"),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    // Several inputs: each document's sentences under its name.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "==> {} <==\nThe talks resumed.\nNothing moved.\n\n",
            p("good.txt").display()
        )
    );
    let err = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "latin1.txt:1: invalid UTF-8 at byte 3 of the line",
        "iconv -f CP932 -t UTF-8",
        "blob.bin: binary file",
        "empty.txt: empty file",
        "missing.txt: no such file or directory",
    ] {
        assert!(err.contains(needle), "missing `{needle}` in:\n{err}");
    }
    assert!(!err.contains("panicked"));
}

/// A document saved as Windows' "Unicode" text (UTF-16 with a byte-order
/// mark) was skipped as binary in a folder, with exit 0: it is read.
#[test]
fn utf16_documents_in_a_folder_are_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let utf16 = kotoba_text::encoding::encode_utf16_with_bom(
        "Trade talks resumed. Japan agreed to cut tariffs.\r\n",
        true,
    );
    std::fs::write(dir.path().join("u16.txt"), utf16).unwrap_or_default();
    std::fs::write(dir.path().join("a.txt"), "Tariffs rose.").unwrap_or_default();
    let out = stdout_of(kotoba().arg("sentences").arg(dir.path()));
    let (a, u) = (
        dir.path().join("a.txt").display().to_string(),
        dir.path().join("u16.txt").display().to_string(),
    );
    assert_eq!(
        out,
        format!(
            "==> {a} <==\nTariffs rose.\n\n==> {u} <==\nTrade talks resumed.\n\
             Japan agreed to cut tariffs.\n\n"
        )
    );
}

/// A `.jsonl` file given without `--jsonl` was split as prose with no
/// word; an input field the output replaces under `--keep-fields` (`lang`)
/// vanished silently. Both are noted on stderr; the output is as before.
#[test]
fn likely_mistakes_with_json_lines_are_noted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("news.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"Tariffs rose.\",\"lang\":\"fr\"}\n",
    )
    .unwrap_or_default();
    let out = kotoba()
        .arg("sentences")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("news.jsonl is read as plain text; give --jsonl"),
        "{err}"
    );
    let out = kotoba()
        .args(["tokenize", "--jsonl", "--keep-fields", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("read as plain text"), "{err}");
    assert!(
        err.contains("the input's field `lang` is replaced"),
        "{err}"
    );
    let records = jsonl(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(records[0]["lang"], "en");
    // With --id-field, an input `id` that is another field gives way too,
    // and says so.
    let out = kotoba()
        .args([
            "sentences",
            "--jsonl",
            "--keep-fields",
            "--format",
            "jsonl",
            "--id-field",
            "lang",
        ])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the input's field `id` is replaced"), "{err}");
    let records = jsonl(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(records[0]["id"], "fr");
    // An input field `error` would make a good record look failed (a review
    // found it passed through): left out, and said.
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"Tariffs rose.\",\"error\":\"stale\"}\n",
    )
    .unwrap_or_default();
    let out = kotoba()
        .args(["summarize", "--jsonl", "--keep-fields", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the input's field `error` is left out"),
        "{err}"
    );
    let records = jsonl(&String::from_utf8_lossy(&out.stdout));
    assert!(records[0].get("error").is_none(), "{:?}", records[0]);
}

#[test]
fn bad_jsonl_lines_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("news.jsonl");
    std::fs::write(&path, "{\"id\":\"a\",\"body\":\"First one. Second one.\"}\n{oops\n{\"id\":\"c\"}\n{\"id\":\"d\",\"body\":\"Last.\"}\n")
        .unwrap_or_default();
    let out = kotoba()
        .args([
            "sentences",
            "--jsonl",
            "--text-field",
            "body",
            "--format",
            "jsonl",
        ])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let records = jsonl(&String::from_utf8_lossy(&out.stdout));
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["a", "a", "d"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("news.jsonl:2: not valid JSON: "), "{err}");
    assert!(err.contains("news.jsonl:3: no field \"body\""), "{err}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("out.txt");
    stdout_of(
        kotoba()
            .args(["sentences", "-o"])
            .arg(&target)
            .arg(testdata(EN)),
    );
    let written = std::fs::read_to_string(&target).unwrap_or_default();
    assert_eq!(written.lines().count(), 27);
    let leftovers = std::fs::read_dir(dir.path())
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(leftovers, 1, "temporary files left behind");
    // When every input fails the file keeps what it held.
    let out = kotoba()
        .args(["sentences", "-o"])
        .arg(&target)
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap_or_default(),
        written
    );
}

#[test]
fn same_output_whatever_the_thread_count() {
    let run = |threads: &str| {
        stdout_of(
            kotoba()
                .args(["--threads", threads, "tokenize", "--format", "jsonl"])
                .arg(testdata("")),
        )
    };
    let one = run("1");
    assert!(one.lines().count() >= 3);
    assert_eq!(one, run("2"));
}

#[test]
fn folder_input_walks_files_in_name_order() {
    let out = stdout_of(
        kotoba()
            .args(["detect", "--format", "jsonl"])
            .arg(testdata("")),
    );
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .filter_map(|r| r["id"].as_str().map(String::from))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(ids.iter().any(|i| i.ends_with(JA)));
}

/// A folder with nothing of the kind asked for (`--jsonl` over a folder of
/// .txt files) reads nothing: every file passed over is said, and it is an
/// error, as a forgotten `--jsonl` must not pass for an empty corpus.
#[test]
fn an_input_without_documents_is_noted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("notes.txt"), "Tariffs rose.\n")
        .unwrap_or_else(|e| panic!("{e}"));
    for command in [["sentences", "--jsonl"], ["glossary", "extract"]] {
        let mut args: Vec<&str> = command.to_vec();
        if command[0] == "glossary" {
            args.push("--jsonl");
        }
        let out = kotoba()
            .args(&args)
            .arg(dir.path())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("not read: with --jsonl only"),
            "{args:?}: {err}"
        );
        assert!(err.contains("no documents read"), "{args:?}: {err}");
    }
}

/// A JSON Lines file met in a folder without --jsonl was read as text (a
/// review found its `id` and `text` keys ranked as terms): it is passed
/// over, and the note of files passed over counts it and says --jsonl.
#[test]
fn a_jsonl_file_in_a_folder_read_as_text_is_noted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("a.txt"), "Tariffs rose.\n").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("news.jsonl"),
        "{\"id\":\"1\",\"text\":\"Talks resumed.\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = kotoba()
        .args(["sentences"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Talks resumed"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 file(s) in input folders not read")
            && err.contains("news.jsonl")
            && err.contains("give --jsonl"),
        "{err}"
    );
    let out = kotoba()
        .args(["sentences", "--jsonl"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("plain text"));
}

/// `-o /dev/null` writes into the device; an atomic rename over it would
/// replace the machine's /dev/null with a regular file.
#[cfg(unix)]
#[test]
fn output_to_a_device_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let out = kotoba()
        .args(["sentences", "-o", "/dev/null"])
        .arg(testdata(EN))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let kind = std::fs::metadata("/dev/null").map(|m| m.file_type());
    assert!(
        kind.is_ok_and(|k| k.is_char_device()),
        "/dev/null was replaced"
    );
}

/// A large document with a line too long to cut is written as it is
/// analysed; the morphemes still spell out every line, one EOS a line, and
/// one or two threads give the same bytes.
#[test]
fn tokenize_mecab_streams_a_very_long_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed = std::fs::read_to_string(testdata(JA)).unwrap_or_default();
    let long_line: String = seed.replace(['。', '\n'], "、").repeat(400);
    assert!(long_line.len() > 600 * 1024);
    let text = format!("{seed}{long_line}\n{seed}");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    let run = |threads: &str| {
        stdout_of(
            kotoba()
                .args(["--threads", threads, "tokenize", "--format", "mecab"])
                .arg(&path),
        )
    };
    let out = run("2");
    assert_eq!(out, run("1"));
    let spelled: Vec<String> = out
        .split("EOS\n")
        .map(|line| {
            line.lines()
                .map(|m| m.split('\t').next().unwrap_or(""))
                .collect::<String>()
        })
        .collect();
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<String>())
        .collect();
    assert_eq!(spelled.len(), lines.len() + 1, "one EOS a line");
    assert_eq!(&spelled[..lines.len()], &lines[..]);
}

/// When every input fails, "nothing written" is true of standard output
/// too: the TSV header is not written before a first result.
#[test]
fn a_run_where_every_input_failed_writes_no_header() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xff\xfe not text").unwrap_or_else(|e| panic!("{e}"));
    for command in [
        &["tokenize", "--format", "tsv"][..],
        &["sentences", "--format", "tsv"][..],
    ] {
        let out = kotoba()
            .args(command)
            .arg(&bad)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        assert!(out.stdout.is_empty(), "{command:?}: {:?}", out.stdout);
        assert!(String::from_utf8_lossy(&out.stderr).contains("nothing written"));
    }
    // An empty folder is no failure: the header alone.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap_or_else(|e| panic!("{e}"));
    let out = kotoba()
        .args(["tokenize", "--format", "tsv"])
        .arg(&empty)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}
