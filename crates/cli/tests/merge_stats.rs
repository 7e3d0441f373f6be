//! `kotoba glossary build --emit-stats | merge-stats | build --stats` end to
//! end: shards of either language, records that cannot be right, and the
//! parallel and glossary files these commands read.

use std::path::{Path, PathBuf};

mod util;
use util::testdata;

fn run(args: &[&str]) -> (i32, String, String) {
    util::run(args, "")
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn ja() -> String {
    s(&testdata("clinton-japan-trade-1993.ja.txt"))
}

fn en() -> String {
    s(&testdata("clinton-japan-trade-1993.en.txt"))
}

/// Runs `glossary build --emit-stats` into `dir/name` with `extra` flags
/// before the corpus; the stats file.
fn emit(dir: &Path, name: &str, extra: &[&str], corpus: &str) -> PathBuf {
    let path = dir.join(name);
    let out = s(&path);
    let mut args = vec!["glossary", "build", "--emit-stats", out.as_str()];
    args.extend_from_slice(extra);
    args.push(corpus);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    path
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Under `--lang auto` a shard without documents cannot tell its language
/// and says English; it merges with a Japanese shard in either order, and
/// the merged counts rank exactly as one run over the whole.
#[test]
fn an_empty_shard_merges_with_a_japanese_one_and_ranks_like_one_run() {
    let dir = tempdir();
    let j0 = emit(dir.path(), "j0.json", &["--shard", "0/2"], &ja());
    let j1 = emit(dir.path(), "j1.json", &["--shard", "1/2"], &ja());
    let empty = std::fs::read_to_string(&j1).unwrap_or_default();
    assert!(
        empty.contains(r#""language":"en","docs":0"#),
        "the second shard is the empty one: {empty}"
    );
    let (code, one_run, err) = run(&["glossary", "build", &ja()]);
    assert_eq!(code, 0, "{err}");
    assert!(one_run.lines().count() > 10, "{one_run}");
    for (name, order) in [("m01.json", [&j0, &j1]), ("m10.json", [&j1, &j0])] {
        let merged = s(&dir.path().join(name));
        let (code, _, err) = run(&[
            "glossary",
            "merge-stats",
            &s(order[0]),
            &s(order[1]),
            "-o",
            &merged,
        ]);
        assert_eq!(code, 0, "{err}");
        let text = std::fs::read_to_string(&merged).unwrap_or_default();
        assert!(text.contains(r#""language":"ja","docs":1,"#), "{text}");
        let (code, ranked, err) = run(&["glossary", "build", "--stats", &merged]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(ranked, one_run, "merged in the order {name}");
    }
}

/// Shards that really counted different languages still do not merge, and
/// the error says so and what fixes it.
#[test]
fn shards_of_two_languages_are_told_to_use_lang() {
    let dir = tempdir();
    let e = emit(dir.path(), "en.json", &[], &en());
    let j = emit(dir.path(), "ja.json", &[], &ja());
    let (code, out, err) = run(&["glossary", "merge-stats", &s(&e), &s(&j)]);
    assert_eq!(code, 2, "{out}");
    for want in [
        "ja.json",
        "the shards counted different languages, en and ja",
        "--lang en (or --lang ja) fixes the language for every shard",
    ] {
        assert!(err.contains(want), "{want}: {err}");
    }
    // With --lang the empty shard counts Japanese too.
    let j1 = emit(
        dir.path(),
        "j1.json",
        &["--lang", "ja", "--shard", "1/2"],
        &ja(),
    );
    let text = std::fs::read_to_string(&j1).unwrap_or_default();
    assert!(text.contains(r#""language":"ja","docs":0"#), "{text}");
}

/// A record whose counts contradict themselves, or whose sums no longer fit,
/// is an error naming the file, the line and what is wrong, both where
/// shards are merged and where merged counts are ranked.
#[test]
fn records_that_cannot_be_right_are_refused() {
    let dir = tempdir();
    let record = |docs: &str, words: &str, term: &str| {
        format!(
            r#"{{"kotoba_stats":1,"terms":{{"version":4,"language":"en","docs":{docs},"words":{words},"terms":{{"tariff":{term}}}}},"pairs":null}}"#
        )
    };
    let bad = [
        (
            record("0", "12", r#"{"freq":1,"doc_freq":1,"fallback":"tariff"}"#),
            "term `tariff`: doc_freq 1 is more than docs (0)",
        ),
        (
            record("3", "12", r#"{"freq":1,"doc_freq":2,"fallback":"tariff"}"#),
            "term `tariff`: doc_freq 2 is more than freq 1",
        ),
        (
            record("3", "12", r#"{"freq":2,"doc_freq":1,"cased":3}"#),
            "term `tariff`: cased 3 is more than freq 2",
        ),
        (
            r#"{"kotoba_stats":1,"terms":{"version":4,"language":"en","docs":0,"words":7,"terms":{}},"pairs":null}"#
                .to_string(),
            "docs is 0 but words is 7",
        ),
    ];
    let good = dir.path().join("good.json");
    write(
        &good,
        &record("3", "12", r#"{"freq":2,"doc_freq":1,"fallback":"tariff"}"#),
    );
    for (i, (line, want)) in bad.iter().enumerate() {
        let path = dir.path().join(format!("bad{i}.json"));
        // The bad record on line 2, after a good one.
        write(
            &path,
            &format!(
                "{}\n{line}\n",
                record("1", "5", r#"{"freq":1,"doc_freq":1}"#)
            ),
        );
        let name = format!("{}:2: ", path.display());
        let (code, out, err) = run(&["glossary", "merge-stats", &s(&good), &s(&path)]);
        assert_eq!(code, 2, "{out}");
        assert!(err.contains(&name) && err.contains(want), "{want}: {err}");
        let (code, out, err) = run(&["glossary", "build", "--stats", &s(&path)]);
        assert_eq!(code, 2, "{out}");
        assert!(err.contains(&name) && err.contains(want), "{want}: {err}");
    }

    // Sums that pass 2^64 - 1 fail instead of wrapping around to small counts.
    let big = dir.path().join("big.json");
    let max = u64::MAX.to_string();
    write(
        &big,
        &record(&max, &max, &format!(r#"{{"freq":{max},"doc_freq":1}}"#)),
    );
    let (code, out, err) = run(&["glossary", "merge-stats", &s(&good), &s(&big)]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("big.json") && err.contains("overflows docs"),
        "{err}"
    );
    let (code, out, err) = run(&["glossary", "merge-stats", &s(&big), &s(&big)]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("overflows docs"), "{err}");
    // The record alone is fine: its counts agree.
    let (code, _, err) = run(&["glossary", "merge-stats", &s(&big)]);
    assert_eq!(code, 0, "{err}");
}

/// The library reads back, byte for byte, what `--emit-stats` and
/// `merge-stats` write, with and without pair counts.
#[test]
fn emitted_records_read_back_through_the_library() {
    let dir = tempdir();
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let plain = emit(dir.path(), "plain.json", &[], &en());
    let paired = emit(dir.path(), "paired.json", &["--parallel", &pairs], &en());
    for path in [plain, paired] {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let line = text.trim_end_matches('\n');
        let record = kotoba_terms::stats::Record::from_json(line)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again = record
            .to_json()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(again, line, "{}", path.display());
    }
}

/// A TSV of pairs needs a header naming its `en` and `ja` columns: an empty
/// file has none and fails like a bad header, naming the file and line 1.
#[test]
fn an_empty_parallel_file_is_refused() {
    let dir = tempdir();
    let empty = dir.path().join("empty.tsv");
    write(&empty, "");
    let want = format!(
        "{}:1: expected a header naming the en and ja columns, found an empty file",
        empty.display()
    );
    for command in ["align", "check"] {
        let (code, _, err) = run(&["glossary", command, "--parallel", &s(&empty)]);
        assert_eq!(code, 2, "glossary {command}: {err}");
        assert!(err.contains(&want), "glossary {command}: {err}");
    }
    let (code, _, err) = run(&["glossary", "build", "--parallel", &s(&empty), &en()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&want), "{err}");
}

/// A glossary whose name tells no format: the error lists the names that
/// work, right for commands that take only `--glossary FILE`.
#[test]
fn an_unknown_glossary_name_lists_the_names_that_work() {
    let dir = tempdir();
    let odd = dir.path().join("terms.doc");
    write(&odd, "en\tja\ntariff\t関税\n");
    for args in [
        vec!["glossary", "lookup", "--glossary", "ODD", "tariff"],
        vec!["glossary", "extract", "--glossary", "ODD", "EN"],
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| match *a {
                "ODD" => s(&odd),
                "EN" => en(),
                other => other.to_string(),
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("terms.doc: cannot tell the glossary format from the file name"),
            "{err}"
        );
        assert!(
            err.contains(".tsv (tsv)") && err.contains(".txt or .tab (omegat)"),
            "{err}"
        );
        assert!(!err.contains("(use --from/--to"), "{err}");
    }
}

/// A record of another format version is refused, naming the version; the
/// flags a shard's counts do not depend on are refused, not ignored.
#[test]
fn unknown_versions_and_ignored_flags_are_refused() {
    let dir = tempdir();
    let shard = emit(dir.path(), "en.json", &[], &en());
    let text = std::fs::read_to_string(&shard).unwrap_or_default();
    assert!(text.starts_with("{\"kotoba_stats\":1,"), "{text}");
    let v9 = dir.path().join("v9.json");
    write(
        &v9,
        &text.replacen("\"kotoba_stats\":1", "\"kotoba_stats\":9", 1),
    );
    for args in [
        vec!["glossary", "merge-stats", v9.to_str().unwrap_or("")],
        vec!["glossary", "build", "--stats", v9.to_str().unwrap_or("")],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains("kotoba_stats version 9"), "{err}");
    }
    let e = en();
    for extra in [["--top", "5"], ["--method", "flr"]] {
        let mut args = vec!["glossary", "build", "--emit-stats", "-"];
        args.extend(extra);
        args.push(&e);
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{extra:?}");
        assert!(err.contains("cannot be used with"), "{err}");
    }
    let (code, _, err) = run(&["glossary", "build", "--stats", &s(&shard), "--lang", "ja"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

/// The same shard given twice is counted twice, and said to be.
#[test]
fn the_same_shard_twice_is_warned_about() {
    let dir = tempdir();
    let shard = s(&emit(dir.path(), "en.json", &[], &en()));
    let (code, _, err) = run(&["glossary", "merge-stats", &shard, &shard]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("is the same record as"), "{err}");
    let (code, _, err) = run(&["glossary", "merge-stats", &shard]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("same record"), "{err}");
}

/// A merge that lacks a shard, or holds one twice, is refused: nothing of
/// the corpus goes missing or counts twice in silence. `--partial` goes on
/// with what there is, and says so in the record.
#[test]
fn missing_and_repeated_shards_are_named() {
    let dir = tempdir();
    let corpus = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let shard = |k: usize| {
        emit(
            dir.path(),
            &format!("s{k}.json"),
            &["--lang", "en", "--shard", &format!("{k}/3")],
            &corpus,
        )
    };
    let (s0, s1, s2) = (shard(0), shard(1), shard(2));
    // All three: the whole corpus, with no trace of the split.
    let all = dir.path().join("all.json");
    let (code, _, err) = run(&[
        "glossary",
        "merge-stats",
        &s(&s0),
        &s(&s1),
        &s(&s2),
        "-o",
        &s(&all),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !std::fs::read_to_string(&all)
            .unwrap_or_default()
            .contains("shards")
    );
    // One missing.
    let (code, out, err) = run(&["glossary", "merge-stats", &s(&s0), &s(&s2)]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("missing shard(s) 1/3"), "{err}");
    let part = dir.path().join("part.json");
    let (code, _, err) = run(&[
        "glossary",
        "merge-stats",
        "--partial",
        &s(&s0),
        &s(&s2),
        "-o",
        &s(&part),
    ]);
    assert_eq!(code, 0, "{err}");
    // Going on without a shard is said, not hidden.
    assert!(
        err.contains("missing shard(s) 1/3; going on without them"),
        "{err}"
    );
    let (code, _, err) = run(&["glossary", "build", "--stats", &s(&part)]);
    assert_eq!(code, 2);
    assert!(err.contains("missing shard(s) 1/3"), "{err}");
    let (code, out, err) = run(&["glossary", "build", "--partial", "--stats", &s(&part)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("missing shard(s) 1/3; going on without them"),
        "{err}"
    );
    assert!(out.lines().count() > 1);
    // One twice, even under another argument.
    let (code, _, err) = run(&[
        "glossary",
        "merge-stats",
        &s(&s0),
        &s(&s1),
        &s(&s2),
        &s(&s1),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("shard 1/3 is counted twice"), "{err}");
    assert!(err.contains("(argument 4)"), "{err}");
    // Shards of different splits.
    let other = emit(
        dir.path(),
        "t0.json",
        &["--lang", "en", "--shard", "0/2"],
        &corpus,
    );
    let (code, _, err) = run(&["glossary", "merge-stats", &s(&s0), &s(&other)]);
    assert_eq!(code, 2);
    assert!(err.contains("do not add up"), "{err}");
}

/// A count file with a byte-order mark (an editor on Windows) and CRLF line
/// ends reads as the same counts, as every file kotoba reads does; it was
/// "not a kotoba stats record". Standard input is named as such in messages.
#[test]
fn count_files_with_a_bom_and_crlf_read_as_written() {
    let dir = tempdir();
    let stats = emit(dir.path(), "s.json", &["--lang", "en"], &en());
    let text = std::fs::read_to_string(&stats).unwrap_or_default();
    let edited = dir.path().join("edited.json");
    write(&edited, &format!("\u{feff}{}", text.replace('\n', "\r\n")));
    let (code, merged, err) = run(&["glossary", "merge-stats", &s(&edited)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged, text);
    let (code, ranked, err) = run(&["glossary", "build", "--stats", &s(&edited)]);
    assert_eq!(code, 0, "{err}");
    let (_, one_run, _) = run(&["glossary", "build", "--lang", "en", &en()]);
    assert_eq!(ranked, one_run);
    let (code, _, err) = util::run(&["glossary", "merge-stats", "-"], "{\"kotoba_stats\":1}\n");
    assert_eq!(code, 2);
    assert!(err.contains("standard input:1:"), "{err}");
}
