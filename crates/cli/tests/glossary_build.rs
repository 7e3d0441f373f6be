//! `kotoba glossary extract | align | build | merge-stats` end to end.

use std::path::{Path, PathBuf};

mod util;
use util::testdata;

fn run(args: &[&str]) -> (i32, String, String) {
    util::run(args, "")
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// The seed article's paragraphs as JSON Lines documents.
fn corpus(dir: &Path) -> PathBuf {
    let en =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt")).unwrap_or_default();
    let lines: Vec<String> = en
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(i, p)| serde_json::json!({"id": i, "text": p}).to_string())
        .collect();
    let path = dir.join("seed.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap_or_default();
    path
}

#[test]
fn extract_ranks_candidates_and_marks_glossary_terms() {
    let (code, out, err) = run(&[
        "glossary",
        "extract",
        "--top",
        "30",
        &s(&testdata("clinton-japan-trade-1993.en.txt")),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("term\tscore\tfreq\tdoc_freq\texample\tglossary")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() <= 30 && rows.len() > 5);
    let known = rows
        .iter()
        .find(|r| r[0] == "trade negotiations")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(known[5], "trade-negotiation");
    let (_, ja, _) = run(&[
        "glossary",
        "extract",
        "--lang",
        "ja",
        "--top",
        "20",
        &s(&testdata("clinton-japan-trade-1993.ja.txt")),
    ]);
    assert!(ja.lines().any(|l| l.starts_with("貿易交渉\t")), "{ja}");
}

/// `--new-only` leaves out what the glossary has, before `--top` cuts.
#[test]
fn extract_new_only_lists_what_the_glossary_lacks() {
    let seed = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let (code, all, err) = run(&["glossary", "extract", &seed]);
    assert_eq!(code, 0, "{err}");
    let unknown: Vec<&str> = all.lines().skip(1).filter(|l| l.ends_with('\t')).collect();
    assert!(unknown.len() > 10 && unknown.len() < all.lines().count() - 1);
    let (code, out, err) = run(&["glossary", "extract", "--new-only", "--top", "10", &seed]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows, unknown[..10]);
    assert!(rows.iter().all(|r| !r.starts_with("trade negotiations\t")));
}

/// A blog post saved from the web: its menu, share buttons, comment form
/// and footer ranked among its terms (`Comment`, `privacy policy`,
/// `browser`); only the post's own words are candidates now.
#[test]
fn extract_leaves_out_a_web_pages_furniture() {
    let page = s(&testdata("web/trade-blog-post.txt"));
    let (code, out, err) = run(&[
        "glossary",
        "extract",
        "--lang",
        "en",
        "--min-freq",
        "1",
        &page,
    ]);
    assert_eq!(code, 0, "{err}");
    let terms: Vec<String> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_lowercase)
        .collect();
    for gone in [
        "comment",
        "reply",
        "facebook",
        "linkedin",
        "email",
        "website",
        "browser",
        "privacy policy",
        "cookie policy",
        "required field",
        "email address",
        "comments",
        "sarah miller",
        "beef tariff",
    ] {
        assert!(!terms.iter().any(|t| t == gone), "{gone}: {terms:?}");
    }
    for kept in [
        "rice tariff",
        "minimum access quota",
        "government procurement",
    ] {
        assert!(terms.iter().any(|t| t == kept), "{kept}: {terms:?}");
    }
}

/// A PDF's text breaks words at line ends: `semi-⏎conductors`, `con-⏎trols`
/// and `anti-⏎dumping` had given the candidates `semi`, `conductors` and
/// `anti`, and lost `export controls` and `anti-dumping duty`.
#[test]
fn extract_counts_words_broken_at_line_ends_whole() {
    let report = s(&testdata("pdf/trade-policy-review-excerpt.txt"));
    let (code, out, err) = run(&["glossary", "extract", "--min-freq", "1", &report]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let freq = |term: &str| {
        rows.iter()
            .find(|r| r.first().is_some_and(|t| t.eq_ignore_ascii_case(term)))
            .and_then(|r| r.get(2))
            .and_then(|f| f.parse::<u32>().ok())
    };
    assert_eq!(freq("semiconductors"), Some(3), "{out}");
    assert_eq!(freq("export controls"), Some(3), "{out}");
    assert_eq!(freq("anti-dumping duty"), Some(2), "{out}");
    assert_eq!(freq("long-term effect"), Some(1), "{out}");
    for piece in [
        "semi",
        "conductors",
        "anti",
        "trols",
        "vestment",
        "dumping duty",
    ] {
        assert_eq!(freq(piece), None, "{piece}: {out}");
    }
    assert!(
        rows.iter()
            .all(|r| !r.get(4).is_some_and(|e| e.contains("- "))),
        "{out}"
    );
}

/// `--keep-fields` shows only in the help of commands that can honour it:
/// `extract` and `build` write one ranking of the whole corpus and refuse
/// it, so their help (short and long) does not offer it.
#[test]
fn keep_fields_is_offered_only_where_it_works() {
    for command in [["glossary", "extract"], ["glossary", "build"]] {
        for h in ["-h", "--help"] {
            let (code, help, err) = run(&[command[0], command[1], h]);
            assert_eq!(code, 0, "{command:?} {h}: {err}");
            assert!(help.contains("--jsonl"), "{command:?} {h}:\n{help}");
            assert!(
                !help.contains("--keep-fields"),
                "{command:?} {h} offers --keep-fields:\n{help}"
            );
        }
    }
    for command in [
        vec!["summarize"],
        vec!["sentences"],
        vec!["tokenize"],
        vec!["detect"],
        vec!["glossary", "annotate"],
    ] {
        let mut args = command.clone();
        args.push("--help");
        let (code, help, err) = run(&args);
        assert_eq!(code, 0, "{command:?}: {err}");
        assert!(help.contains("--keep-fields"), "{command:?}:\n{help}");
    }
}

/// Every method the help lists runs (the help once named spellings the
/// parser refused); the old spellings stay as aliases.
#[test]
fn extract_accepts_each_method_the_help_lists() {
    let seed = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let (code, help, _) = run(&["glossary", "extract", "--help"]);
    assert_eq!(code, 0);
    let methods = ["combined", "c-value", "tf-idf", "weirdness", "flr"];
    for m in methods {
        assert!(
            help.contains(&format!("- {m}:")),
            "{m} missing from\n{help}"
        );
    }
    let mut tops = Vec::new();
    for m in methods.iter().chain(&["cvalue", "tfidf"]) {
        let (code, out, err) = run(&["glossary", "extract", "--method", m, "--top", "3", &seed]);
        assert_eq!(code, 0, "{m}: {err}");
        assert_eq!(out.lines().count(), 4, "{m}: {out}");
        tops.push(out);
    }
    assert_eq!(tops[1], tops[5], "cvalue is c-value");
    assert_eq!(tops[2], tops[6], "tfidf is tf-idf");
    let (code, _, err) = run(&["glossary", "extract", "--method", "bm25", &seed]);
    assert_eq!(code, 2);
    assert!(err.contains("bm25") && err.contains("c-value"), "{err}");
}

/// A pair seen together once (`bilateral trade` / シアトル in the seed) is
/// listed in the table with its count, but a TBX termbase, which carries no
/// counts, leaves it out; transliterations and glossary pairs stay, and
/// `--min-cooc 1` lets every pair in.
#[test]
fn rare_pairs_stay_in_the_table_and_out_of_a_termbase() {
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let seed = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let (code, tsv, err) = run(&["glossary", "align", "--parallel", &pairs]);
    assert_eq!(code, 0, "{err}");
    assert!(
        tsv.lines()
            .any(|l| l.starts_with("bilateral trade\tシアトル\t")
                && l.split('\t').nth(3) == Some("1")),
        "{tsv}"
    );
    let term = |tbx: &str, t: &str| tbx.contains(&format!("<term>{t}</term>"));
    for args in [
        vec!["glossary", "align", "--format", "tbx", "--parallel", &pairs],
        vec![
            "glossary",
            "build",
            "--format",
            "tbx",
            "--parallel",
            &pairs,
            &seed,
        ],
    ] {
        let (code, tbx, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert!(!term(&tbx, "bilateral trade"), "{args:?}: {tbx}");
        assert!(!term(&tbx, "Nations"), "{args:?}: {tbx}");
        // A transliteration and a glossary pair seen once or twice stay.
        assert!(
            term(&tbx, "ハワイ") && term(&tbx, "首脳会議"),
            "{args:?}: {tbx}"
        );
        // Japanese terms carry their reading in hiragana, as the default
        // glossary's do.
        for (ja, reading) in [("首脳会議", "しゅのうかいぎ"), ("ハワイ", "はわい")]
        {
            let read = format!(
                "<term>{ja}</term>\n            <termNote type=\"pronunciation\">{reading}</termNote>"
            );
            assert!(tbx.contains(&read), "{args:?}: {tbx}");
        }
        let mut all = args.clone();
        all.splice(2..2, ["--min-cooc", "1"]);
        let (code, tbx, err) = run(&all);
        assert_eq!(code, 0, "{err}");
        assert!(term(&tbx, "bilateral trade"), "{all:?}: {tbx}");
    }
}

#[test]
fn align_pairs_names_and_trade_terms_of_the_seed() {
    // Names occur once or twice in one article: count every co-occurrence.
    let (code, out, _) = run(&[
        "glossary",
        "align",
        "--min-freq",
        "1",
        "--min-cooc",
        "1",
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
    ]);
    assert_eq!(code, 0);
    let best = |en: &str| {
        out.lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|r| r[0] == en)
            .map(|r| r[1].to_string())
            .unwrap_or_default()
    };
    assert_eq!(best("Hawaii"), "ハワイ");
    assert_eq!(best("Seattle"), "シアトル");
    assert_eq!(best("White House"), "ホワイトハウス");
    assert_eq!(best("trade surplus"), "貿易黒字");
    let (_, tbx, _) = run(&[
        "glossary",
        "align",
        "--format",
        "tbx",
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
    ]);
    assert!(tbx.contains("<term>ハワイ</term>"));
    // Glossary pairs the seed holds are listed at the default --min-freq,
    // though each is seen once (a review found them missing).
    let (_, table, _) = run(&[
        "glossary",
        "align",
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
    ]);
    for pair in [
        "trade surplus\t貿易黒字\t",
        "government procurement\t政府調達\t",
    ] {
        assert!(
            table.lines().any(|l| l.starts_with(pair)),
            "{pair}: {table}"
        );
    }
    // JSON Lines name the glossary concept of a seeded pair.
    let (_, jsonl, _) = run(&[
        "glossary",
        "align",
        "--format",
        "jsonl",
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
    ]);
    let house = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["en"] == "White House")
        .unwrap_or_default();
    assert_eq!(house["seed"], "white-house", "{jsonl}");
    assert_eq!(house["score"], 1.325, "{jsonl}");
}

#[test]
fn rare_pairs_fill_in_for_terms_without_others_unless_turned_off() {
    let parallel = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    // Rows (after the header) seen together once, neither
    // transliterations nor glossary pairs: the rare pairs.
    let rare = |out: &str| {
        out.lines()
            .skip(1)
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|r| r[3] == "1" && r[8].parse::<f64>().unwrap_or(1.0) < 0.6 && r[9].is_empty())
            .count()
    };
    // Terms seen in one segment have only pairs seen once.
    let args = ["glossary", "align", "-q", "--min-freq", "1"];
    let (code, with, _) = run(&[&args[..], &["--parallel", &parallel]].concat());
    assert_eq!(code, 0);
    let (code, without, _) = run(&[&args[..], &["--no-rare", "--parallel", &parallel]].concat());
    assert_eq!(code, 0);
    assert!(rare(&with) > 0, "{with}");
    assert_eq!(rare(&without), 0, "{without}");
}

/// `glossary build` over shard `k` of 3 of `input` (and of `parallel`), its
/// counts written to `emit` (`-`: standard output, returned).
fn build_shard(input: &Path, k: usize, emit: &str, parallel: Option<&str>) -> String {
    let shard = format!("{k}/3");
    let mut args = vec![
        "glossary", "build", "--jsonl", "--lang", "en", "--shard", &shard,
    ];
    if let Some(p) = parallel {
        args.extend(["--parallel", p]);
    }
    let input = s(input);
    args.extend(["--emit-stats", emit, &input]);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out
}

/// The ranking of three shards' counts (and pairs, with `parallel`),
/// merged with `merge-stats` in `dir`.
fn rank_merged_shards(dir: &Path, input: &Path, parallel: Option<&str>) -> String {
    let mut shards = Vec::new();
    for k in 0..3 {
        let stats = s(&dir.join(format!("shard-{k}.json")));
        build_shard(input, k, &stats, parallel);
        shards.push(stats);
    }
    let merged = s(&dir.join("merged.json"));
    let mut args = vec!["glossary", "merge-stats", "-o", &merged];
    args.extend(shards.iter().map(String::as_str));
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let (code, ranked, err) = run(&["glossary", "build", "--stats", &merged]);
    assert_eq!(code, 0, "{err}");
    ranked
}

#[test]
fn ranking_merged_shards_is_byte_identical_to_one_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let (code, single, err) = run(&["glossary", "build", "--jsonl", "--lang", "en", &s(&input)]);
    assert_eq!(code, 0, "{err}");
    assert!(single.lines().count() > 20);
    let from_stats = rank_merged_shards(dir.path(), &input, None);
    assert_eq!(from_stats, single, "merged shards rank differently");
    // With a parallel corpus the pairs follow the terms, after a blank line.
    let (_, both, _) = run(&[
        "glossary",
        "build",
        "--jsonl",
        "--lang",
        "en",
        "--parallel",
        &pairs,
        &s(&input),
    ]);
    assert!(both.starts_with(&single));
    assert!(both.contains("\nen\tja\tscore\tcooc"));
    // Shards split the parallel file as they split the corpus: merged,
    // the pair counts are those of one run, not N times them.
    let from_stats = rank_merged_shards(dir.path(), &input, Some(&pairs));
    assert_eq!(from_stats, both, "sharded pairs merge differently");
}

/// Under `--lang auto` the language is found in the same pass as the
/// counts, so standard input works (it once was read up to find the first
/// document, leaving nothing to count); text in Han characters alone is
/// Japanese.
#[test]
fn extract_reads_standard_input_under_auto() {
    let en = std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, from_file, err) = run(&[
        "glossary",
        "extract",
        &s(&testdata("clinton-japan-trade-1993.en.txt")),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = util::run(&["glossary", "extract"], &en);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, from_file);
    let records: String = en
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| serde_json::json!({ "text": p }).to_string() + "\n")
        .collect();
    let (code, out, err) = util::run(&["glossary", "extract", "--jsonl"], &records);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() > 20, "{out}");
    let (code, out, err) = util::run(
        &["glossary", "extract", "--min-freq", "1"],
        "日米貿易協議。政府調達問題。日米貿易協議。\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.lines().any(|l| l.starts_with("日米貿易協議\t")),
        "{out}"
    );
}

/// A folder of mostly English documents is ranked as English; the Japanese
/// one is left out and said to be.
#[test]
fn extract_auto_ranks_the_language_of_most_documents() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let en = std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let paragraphs: Vec<&str> = en.split("\n\n").collect();
    let half = paragraphs.len() / 2;
    std::fs::write(dir.path().join("a.txt"), paragraphs[..half].join("\n\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("b.txt"), paragraphs[half..].join("\n\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(
        testdata("clinton-japan-trade-1993.ja.txt"),
        dir.path().join("c.txt"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(&["glossary", "extract", &s(dir.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().any(|l| l.starts_with("Hosokawa\t")), "{out}");
    assert!(!out.contains("日本"), "{out}");
    assert!(err.contains("1 document(s) in Japanese left out"), "{err}");
}

/// Under `--lang en` or `--lang ja` every document is counted as told, and
/// the ones whose script says the other language are noted.
#[test]
fn extract_with_lang_notes_documents_of_the_other_script() {
    let en = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let ja = s(&testdata("clinton-japan-trade-1993.ja.txt"));
    for (lang, says) in [
        ("en", "1 of 2 document(s) look Japanese, counted as English"),
        ("ja", "1 of 2 document(s) look English, counted as Japanese"),
    ] {
        let (code, out, err) = run(&["glossary", "extract", "--lang", lang, &en, &ja]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains(says), "{lang}: {err}");
        assert!(out.lines().count() > 1, "{lang}: {out}");
    }
    let (code, _, err) = run(&["glossary", "extract", "--lang", "en", &en]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("look"), "{err}");
    // Records without letters look like neither language.
    let (code, _, err) = util::run(
        &["glossary", "extract", "--lang", "ja", "--jsonl", "-"],
        "{\"text\":\"貿易交渉は重要だ。貿易交渉が続く。\"}\n{\"text\":\"\"}\n{\"text\":\"2024 123\"}\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("look"), "{err}");
}

/// With `--fail-fast` a failure stops the run and nothing is ranked; when
/// every input fails, a file named by `-o` keeps what it held.
#[test]
fn extract_fail_fast_and_total_failure_write_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let missing = s(&dir.path().join("missing.txt"));
    let (code, out, err) = run(&["glossary", "extract", "--fail-fast", &missing, &seed]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("--fail-fast"), "{err}");
    // Without it the rest is ranked and the exit code says one failed.
    let (code, out, err) = run(&["glossary", "extract", &missing, &seed]);
    assert_eq!(code, 2, "{err}");
    assert!(out.lines().count() > 20);
    let target = dir.path().join("terms.tsv");
    std::fs::write(&target, "old\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(&["glossary", "extract", "-o", &s(&target), &missing]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap_or_default(),
        "old\n"
    );
}

/// `build --fail-fast` stops at a bad line of `--parallel` as at a bad
/// document: no counts of part of the pairs are written (it used to skip
/// the line and write them, exit 2).
#[test]
fn build_fail_fast_stops_at_a_bad_line_of_the_parallel_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let pairs = std::fs::read_to_string(testdata("clinton-japan-trade-1993.en-ja.tsv"))
        .unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("pairs.tsv");
    std::fs::write(&bad, format!("{pairs}one column only\n{pairs}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let line = pairs.lines().count() + 1;
    let stats = dir.path().join("s.json");
    let (bad, stats_path) = (s(&bad), s(&stats));
    // `build --lang en --parallel BAD`, then the flags given, then the text.
    let build = |flags: &[&str]| {
        let mut args = vec!["glossary", "build", "--lang", "en", "--parallel", &bad];
        args.extend_from_slice(flags);
        args.push(&seed);
        run(&args)
    };
    let (code, out, err) = build(&["--fail-fast", "--emit-stats", &stats_path]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains(&format!("pairs.tsv:{line}")), "{err}");
    assert!(err.contains("--fail-fast"), "{err}");
    assert!(!stats.exists(), "counts written: {err}");
    let (code, out, err) = build(&["--fail-fast"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    // Without it the line is skipped, the rest counted, and the exit code
    // says a line failed.
    let (code, _, err) = build(&["--emit-stats", &stats_path]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("skipped {bad}:{line}")), "{err}");
    assert!(stats.exists(), "{err}");
    // The counts say they lack something, and so does every later step:
    // merged, and ranked, the exit code is still a failure's.
    let record = std::fs::read_to_string(&stats).unwrap_or_default();
    assert!(
        record.trim_end().ends_with(",\"incomplete\":true}"),
        "{record}"
    );
    let merged = s(&dir.path().join("merged.json"));
    let (code, _, err) = run(&["glossary", "merge-stats", &stats_path, "-o", &merged]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("failed to be read"), "{err}");
    let (code, out, err) = run(&["glossary", "build", "--stats", &merged]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("failed to be read"), "{err}");
    assert!(out.lines().count() > 1, "the ranking is written: {out}");
    // Counts of a clean run carry no such mark and rank with exit 0.
    let clean = s(&dir.path().join("clean.json"));
    let (code, _, err) = run(&[
        "glossary",
        "build",
        "--lang",
        "en",
        "--emit-stats",
        &clean,
        &seed,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !std::fs::read_to_string(&clean)
            .unwrap_or_default()
            .contains("incomplete")
    );
    let (code, _, err) = run(&["glossary", "build", "--stats", &clean]);
    assert_eq!(code, 0, "{err}");
}

/// A target in a missing folder, or a bad `--parallel`, is reported before
/// the corpus is read, not after it has all been counted: here the corpus
/// is missing too, and only the output or the parallel file is named.
#[test]
fn outputs_and_parallel_file_are_checked_before_the_corpus_is_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = s(&dir.path().join("missing.txt"));
    let nowhere = s(&dir.path().join("no-folder").join("out"));
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let no_header = dir.path().join("no-header.tsv");
    std::fs::write(&no_header, "a\tb\n").unwrap_or_else(|e| panic!("{e}"));
    let no_header = s(&no_header);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["extract", "-o", &nowhere, &missing], "no-folder"),
        (vec!["build", "-o", &nowhere, &missing], "no-folder"),
        (
            vec!["build", "--emit-stats", &nowhere, &missing],
            "no-folder",
        ),
        (
            vec![
                "build",
                "--parallel",
                &pairs,
                "--pairs-output",
                &nowhere,
                &missing,
            ],
            "no-folder",
        ),
        (
            vec![
                "build",
                "--parallel",
                &pairs,
                "--format",
                "tbx",
                "-o",
                &nowhere,
                &missing,
            ],
            "no-folder",
        ),
        (
            vec!["build", "--parallel", &missing, &missing],
            "missing.txt",
        ),
        (
            vec!["build", "--parallel", &no_header, &missing],
            "no-header.tsv:1",
        ),
        (
            vec!["align", "--parallel", &missing, "-o", &nowhere],
            "no-folder",
        ),
        (vec!["merge-stats", &missing, "-o", &nowhere], "no-folder"),
    ];
    for (args, named) in cases {
        let mut all = vec!["glossary"];
        all.extend(&args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(named), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?} read on: {err}");
    }
    assert!(!dir.path().join("no-folder").exists());
}

/// Standard input named twice is refused up front: the second read found
/// it empty and the run failed on an "empty file" (`merge-stats - -`:
/// "- (argument 2): no stats records").
#[test]
fn standard_input_named_twice_is_refused() {
    let seed = std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    for args in [
        vec!["glossary", "extract", "-", "-"],
        vec!["glossary", "build", "--lang", "en", "-", "-"],
        vec!["glossary", "merge-stats", "-", "-"],
        vec!["sentences", "-", "-"],
    ] {
        let (code, out, err) = util::run(&args, &seed);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains("more than once"), "{args:?}: {err}");
    }
    let (code, out, err) = util::run(&["glossary", "extract", "--top", "3", "-"], &seed);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 4, "{out}");
}

#[test]
fn shard_counts_on_stdout_concatenate_into_one_stats_file() {
    // The shape of a worker under `RDD.pipe` or xargs: counts on standard
    // output, one line per shard, concatenated, then ranked in one step.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let (code, single, err) = run(&["glossary", "build", "--jsonl", "--lang", "en", &s(&input)]);
    assert_eq!(code, 0, "{err}");
    let mut lines = String::new();
    for k in 0..3 {
        let out = build_shard(&input, k, "-", None);
        assert_eq!(out.lines().count(), 1, "one record per shard");
        lines.push_str(&out);
    }
    let all = dir.path().join("all-shards.jsonl");
    std::fs::write(&all, &lines).unwrap_or_else(|e| panic!("{e}"));
    let (code, from_stats, err) = run(&["glossary", "build", "--stats", &s(&all)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        from_stats, single,
        "concatenated shard records rank differently"
    );
    // merge-stats folds the same lines into one record.
    let (code, merged, err) = run(&["glossary", "merge-stats", &s(&all)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged.lines().count(), 1);
    // A damaged line is named by file and line.
    std::fs::write(
        &all,
        format!("{lines}{{\"kotoba_stats\": 1, \"terms\": 5}}\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(&["glossary", "build", "--stats", &s(&all)]);
    assert_eq!(code, 2);
    assert!(err.contains("all-shards.jsonl:4"), "{err}");
}

#[test]
fn align_skips_a_bad_line_and_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.en-ja.tsv")).unwrap_or_default();
    let damaged = dir.path().join("damaged.tsv");
    // A line without a tab after the header.
    let text = seed.replacen('\n', "\nnot a pair\n", 1);
    std::fs::write(&damaged, text).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(&["glossary", "align", "--parallel", &s(&damaged)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("damaged.tsv:2"), "{err}");
    let (_, clean, _) = run(&[
        "glossary",
        "align",
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
    ]);
    assert_eq!(out, clean, "the good lines align as before");
}

/// `--per-term 3` lists up to three proposals a term, together, the best
/// (the default's answer) first.
#[test]
fn align_lists_alternatives_per_term() {
    let parallel = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let (code, one, err) = run(&["glossary", "align", "--parallel", &parallel]);
    assert_eq!(code, 0, "{err}");
    let (code, three, err) = run(&[
        "glossary",
        "align",
        "--per-term",
        "3",
        "--parallel",
        &parallel,
    ]);
    assert_eq!(code, 0, "{err}");
    let firsts = |out: &str| -> Vec<(String, String)> {
        let mut seen = std::collections::HashSet::new();
        out.lines()
            .skip(1)
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.to_string(), f.next()?.to_string()))
            })
            .filter(|(en, _)| seen.insert(en.clone()))
            .collect()
    };
    assert_eq!(firsts(&one), firsts(&three));
    let rows: Vec<&str> = three
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert!(rows.len() > firsts(&one).len(), "{three}");
    // Each term's rows stand together.
    let mut blocks = rows.clone();
    blocks.dedup();
    assert_eq!(blocks.len(), firsts(&three).len());
    // After a term's chosen pair, its alternatives come by score, glossary
    // pairs among them (Hosokawa: 細川 seen 5 times before 細川護熙 once).
    let mut by_term: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    for l in three.lines().skip(1) {
        let f: Vec<&str> = l.split('\t').collect();
        by_term
            .entry(f[0])
            .or_default()
            .push(f[2].parse().unwrap_or(f64::NAN));
    }
    for (term, scores) in &by_term {
        assert!(
            scores.len() < 3 || scores[1..].windows(2).all(|w| w[0] >= w[1]),
            "{term}: {scores:?}"
        );
    }
    // Zero proposals a term is refused, not read as one.
    let (code, _, err) = run(&[
        "glossary",
        "align",
        "--parallel",
        &parallel,
        "--per-term",
        "0",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--per-term"), "{err}");
}

/// A missing parallel file is an error (exit 2) naming the file and its
/// cause once.
#[test]
fn missing_parallel_file_is_named_once() {
    let (code, _, err) = run(&["glossary", "align", "--parallel", "no-such-pairs.tsv"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no-such-pairs.tsv"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

/// The TBX of `align` holds the best pair of every English term that has a
/// pair other than a rare one (the terms `--no-rare` lists) and won its
/// Japanese term in linking (`linked` yes; a glossary pair always), under
/// ids of its own: read back, nothing is lost, and layered over the default
/// glossary it adds concepts without replacing one (`trade` keeps 通商).
#[test]
fn aligned_tbx_reads_back_whole_beside_the_default_glossary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let parallel = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let (code, tsv, err) = run(&["glossary", "align", "--no-rare", "--parallel", &parallel]);
    assert_eq!(code, 0, "{err}");
    let cells = |l: &str| -> Vec<String> { l.split('\t').map(str::to_string).collect() };
    let rows: Vec<Vec<String>> = tsv.lines().skip(1).map(cells).collect();
    assert!(rows.iter().any(|r| r[10] == "no"), "{tsv}");
    // A word alone that cannot be a noun is no termbase entry.
    let no_noun = |en: &str| {
        !en.contains(' ') && kotoba_terms::lexicon::pos(&en.to_lowercase()).is_some_and(|p| !p.noun)
    };
    // Nor is a proposal without a transliteration seen together fewer
    // than three times.
    let supported = |r: &Vec<String>| {
        r[3].parse::<u64>().is_ok_and(|n| n >= 3) || r[8].parse::<f64>().is_ok_and(|t| t >= 0.6)
    };
    let terms: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter(|r| (r[10] == "yes" && !no_noun(&r[0]) && supported(r)) || !r[9].is_empty())
        .map(|r| r[0].as_str())
        .collect();
    // `Tokyo` keeps 東京 in the table, which `follow` won; `White`, only
    // ever inside the glossary's `White House`, and `senior`, only inside
    // `senior White House official` and `senior civil service`, have no
    // pair at all.
    assert!(
        rows.iter()
            .any(|r| r[0] == "Tokyo" && r[1] == "東京" && r[10] == "no"),
        "{tsv}"
    );
    assert!(!terms.contains("Tokyo"));
    for fragment in ["White", "senior"] {
        assert!(rows.iter().all(|r| r[0] != fragment), "{fragment}: {tsv}");
    }
    let tbx = dir.path().join("new.tbx");
    let (code, _, err) = run(&[
        "glossary",
        "align",
        "--parallel",
        &parallel,
        "--format",
        "tbx",
        "-o",
        &s(&tbx),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, listed, err) = run(&[
        "glossary",
        "list",
        "--glossary",
        &s(&tbx),
        "--no-default-glossary",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    let concepts = util::jsonl(&listed);
    // Each entry says whether it is the glossary's or a proposal to review.
    let seeds: std::collections::BTreeMap<&str, &str> = tsv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            Some((*cells.first()?, *cells.get(9)?)).filter(|(_, seed)| !seed.is_empty())
        })
        .collect();
    assert!(seeds.len() >= 3 && seeds.len() < terms.len(), "{tsv}");
    // A glossary pair is its concept, whole, once under its own id, however
    // many forms the corpus writes it in; a proposal has an id of its own.
    let seed_ids: std::collections::BTreeSet<&str> = seeds.values().copied().collect();
    let proposals = terms.iter().filter(|t| !seeds.contains_key(*t)).count();
    assert_eq!(concepts.len(), proposals + seed_ids.len(), "{listed}");
    let default = kotoba_glossary::default_glossary().unwrap_or_else(|e| panic!("{e}"));
    for c in &concepts {
        let id = c["id"].as_str().unwrap_or_default();
        let note = c["note"].as_str().unwrap_or_default();
        if id.starts_with("align-") {
            assert!(
                note.starts_with("machine proposal, not reviewed: score ")
                    && note.contains(" segments (English term in "),
                "{c}"
            );
            // Proposed, not admitted: unreviewed pairs demand nothing of
            // a check (a terminologist's review).
            assert_eq!(c["en"][0]["status"], "proposed", "{c}");
            assert_eq!(c["ja"][0]["status"], "proposed", "{c}");
        } else {
            assert!(seed_ids.contains(id), "{c}");
            assert!(
                note.starts_with(&format!("glossary pair (concept {id}); in this corpus: ")),
                "{c}"
            );
            // The glossary's concept as it is: its terms and their statuses.
            let own = default
                .concepts
                .iter()
                .find(|k| k.id == id)
                .unwrap_or_else(|| panic!("{id}"));
            assert_eq!(c["en"].as_array().map(Vec::len), Some(own.en.len()), "{c}");
            assert_eq!(c["ja"].as_array().map(Vec::len), Some(own.ja.len()), "{c}");
        }
    }
    // Written otherwise in the corpus (`negotiations`): the form is in the
    // note, the glossary's own terms in the entry.
    for en in ["White House", "negotiations"] {
        let id = seeds.get(en).unwrap_or_else(|| panic!("{en}: {tsv}"));
        let entry = concepts
            .iter()
            .find(|c| c["id"] == *id)
            .unwrap_or_else(|| panic!("{en}: {listed}"));
        assert!(
            entry["note"]
                .as_str()
                .is_some_and(|n| n.contains(&format!("{en} / "))),
            "{entry}"
        );
        assert_eq!(entry["en"][0]["status"], "preferred", "{entry}");
    }
    let white_house = concepts
        .iter()
        .find(|c| c["id"] == "white-house")
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(white_house["ja"][0]["status"], "preferred", "{white_house}");
    let (code, out, err) = run(&["glossary", "lookup", "--glossary", &s(&tbx), "trade"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("通商"), "{out}");
}

#[test]
fn build_formats_hold_the_same_terms_and_pairs_as_extract_and_align() {
    let text = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (code, ranking, err) = run(&["glossary", "extract", "--lang", "en", &text]);
    assert_eq!(code, 0, "{err}");
    let (code, aligned_tsv, err) = run(&["glossary", "align", "--parallel", &pairs]);
    assert_eq!(code, 0, "{err}");
    let (_, aligned_jsonl, _) = run(&[
        "glossary",
        "align",
        "--format",
        "jsonl",
        "--parallel",
        &pairs,
    ]);
    let (_, aligned_tbx, _) = run(&["glossary", "align", "--format", "tbx", "--parallel", &pairs]);

    // TSV: the ranking, a blank line, the pairs; or the pairs in a file of their own.
    let (code, both, err) = run(&[
        "glossary",
        "build",
        "--lang",
        "en",
        "--parallel",
        &pairs,
        &text,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(both, format!("{ranking}\n{aligned_tsv}"));
    let pairs_file = dir.path().join("pairs.tsv");
    let (code, alone, err) = run(&[
        "glossary",
        "build",
        "--lang",
        "en",
        "--parallel",
        &pairs,
        "--pairs-output",
        &s(&pairs_file),
        &text,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(alone, ranking);
    assert_eq!(
        std::fs::read_to_string(&pairs_file).unwrap_or_default(),
        aligned_tsv
    );

    // JSON Lines: every term record, then every pair record, each with its kind.
    let (code, out, err) = run(&[
        "glossary",
        "build",
        "--lang",
        "en",
        "--format",
        "jsonl",
        "--parallel",
        &pairs,
        &text,
    ]);
    assert_eq!(code, 0, "{err}");
    let records = util::jsonl(&out);
    let kinds: Vec<&str> = records.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds.len(), records.len());
    let first_pair = kinds
        .iter()
        .position(|k| *k == "pair")
        .unwrap_or(kinds.len());
    assert!(kinds[..first_pair].iter().all(|k| *k == "term"));
    assert!(kinds[first_pair..].iter().all(|k| *k == "pair"));
    let terms: Vec<&str> = records[..first_pair]
        .iter()
        .filter_map(|r| r["term"].as_str())
        .collect();
    let ranked: Vec<&str> = ranking
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(terms, ranked);
    let mut pair_records = records[first_pair..].to_vec();
    for r in &mut pair_records {
        if let Some(map) = r.as_object_mut() {
            map.remove("kind");
        }
    }
    assert_eq!(pair_records, util::jsonl(&aligned_jsonl));
    assert!(
        pair_records
            .iter()
            .any(|r| r["en"] == "Hawaii" && r["ja"] == "ハワイ"),
        "{out}"
    );

    // TBX: the glossary built: the ranked terms that found a pair, in rank
    // order, each with the pair align chooses for it.
    // The pairs of each entry: a proposal's two terms, or the forms a
    // glossary concept's note names (`in this corpus: a / b, c / d`).
    let entry_pairs = |tbx: &str| -> Vec<Vec<(String, String)>> {
        tbx.split("<conceptEntry ")
            .skip(1)
            .map(|c| {
                if let Some(forms) = c
                    .split("in this corpus: ")
                    .nth(1)
                    .and_then(|f| f.split("</note>").next())
                {
                    return forms
                        .split(", ")
                        .filter_map(|p| p.split_once(" / "))
                        .map(|(en, ja)| (en.to_string(), ja.to_string()))
                        .collect();
                }
                let terms: Vec<String> = c
                    .split("<term>")
                    .skip(1)
                    .filter_map(|t| t.split("</term>").next().map(str::to_string))
                    .collect();
                vec![(terms[0].clone(), terms[1].clone())]
            })
            .collect()
    };
    let english_terms =
        |tbx: &str| -> Vec<(String, String)> { entry_pairs(tbx).into_iter().flatten().collect() };
    let aligned = english_terms(&aligned_tbx);
    for top in [None, Some("5")] {
        let mut args = vec!["glossary", "build", "--lang", "en", "--format", "tbx"];
        if let Some(k) = top {
            args.extend(["--top", k]);
        }
        args.extend(["--parallel", &pairs, &text]);
        let (code, tbx, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        let built = english_terms(&tbx);
        assert!(!built.is_empty(), "{tbx}");
        for pair in &built {
            assert!(aligned.contains(pair), "{pair:?} is not align's choice");
        }
        // Entries in the rank of their first term.
        let order: Vec<usize> = entry_pairs(&tbx)
            .iter()
            .filter_map(|pairs| pairs.first())
            .map(|(en, _)| ranked.iter().position(|t| t == en).unwrap_or(usize::MAX))
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        if top.is_some() {
            assert!(
                built.len() <= 5 && order.iter().all(|&i| i < 5),
                "{order:?}"
            );
        } else {
            assert!(
                built
                    .iter()
                    .any(|(en, ja)| en == "Hawaii" && ja == "ハワイ"),
                "{tbx}"
            );
        }
    }
}

#[test]
fn build_refuses_pair_output_without_pairs_before_reading() {
    // The input does not exist: the refusal comes first.
    for args in [
        &["glossary", "build", "--format", "tbx", "/no/such/corpus"][..],
        &[
            "glossary",
            "build",
            "--pairs-output",
            "/tmp/never.tsv",
            "/no/such/corpus",
        ][..],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains("--parallel FILE"), "{err}");
    }
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let (code, _, err) = run(&[
        "glossary",
        "build",
        "--format",
        "tbx",
        "--pairs-output",
        "/tmp/never.tsv",
        "--parallel",
        &pairs,
        "/no/such/corpus",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--pairs-output"), "{err}");
    assert!(!Path::new("/tmp/never.tsv").exists());
}

#[test]
fn outputs_never_replace_inputs_or_each_other() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copy = |name: &str| {
        let to = dir.path().join(name);
        std::fs::copy(testdata(name), &to).unwrap_or_else(|e| panic!("{e}"));
        to
    };
    let text = copy("clinton-japan-trade-1993.en.txt");
    let pairs = copy("clinton-japan-trade-1993.en-ja.tsv");
    let before = std::fs::read(&pairs).unwrap_or_default();
    let same = dir.path().join("same.tsv");
    let cases: Vec<Vec<String>> = vec![
        vec![
            "glossary".into(),
            "build".into(),
            s(&text),
            "--parallel".into(),
            s(&pairs),
            "-o".into(),
            s(&same),
            "--pairs-output".into(),
            s(&same),
        ],
        vec![
            "glossary".into(),
            "build".into(),
            s(&text),
            "--parallel".into(),
            s(&pairs),
            "-o".into(),
            s(&dir.path().join("r.tsv")),
            "--pairs-output".into(),
            s(&pairs),
        ],
        vec![
            "glossary".into(),
            "align".into(),
            "--parallel".into(),
            s(&pairs),
            "-o".into(),
            s(&pairs),
        ],
        vec![
            "glossary".into(),
            "extract".into(),
            s(&text),
            "-o".into(),
            s(&text),
        ],
        // The same file by another name.
        vec![
            "glossary".into(),
            "extract".into(),
            s(&text),
            "-o".into(),
            format!(
                "{}/./{}",
                dir.path().display(),
                "clinton-japan-trade-1993.en.txt"
            ),
        ],
    ];
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("replace"), "{err}");
    }
    assert_eq!(std::fs::read(&pairs).unwrap_or_default(), before);
    assert!(!same.exists());
    // Shards: the merged file may not be one of them.
    let shard = dir.path().join("s0.json");
    let (code, _, err) = run(&[
        "glossary",
        "build",
        "--lang",
        "en",
        "--emit-stats",
        &s(&shard),
        &s(&text),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["glossary", "merge-stats", &s(&shard), "-o", &s(&shard)]);
    assert_eq!(code, 2);
    assert!(err.contains("replace"), "{err}");
}

/// A `--glossary` file is an input too: a term table written over it lost
/// the user's glossary with exit 0.
#[test]
fn outputs_never_replace_a_glossary_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let glossary = dir.path().join("mine.tsv");
    let before = "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\n\
                  widget\t\t\ten\twidget quota\t\tpreferred\n\
                  widget\t\t\tja\tウィジェット枠\tういじぇっとわく\tpreferred\n";
    std::fs::write(&glossary, before).unwrap_or_else(|e| panic!("{e}"));
    let g = s(&glossary);
    let text = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let other = s(&dir.path().join("other.tsv"));
    for args in [
        vec!["extract", "--glossary", &g, "-o", &g, &text],
        vec!["align", "--glossary", &g, "--parallel", &pairs, "-o", &g],
        vec!["build", "--glossary", &g, "-o", &g, &text],
        vec![
            "build",
            "--glossary",
            &g,
            "--parallel",
            &pairs,
            "-o",
            &other,
            "--pairs-output",
            &g,
            &text,
        ],
    ] {
        let mut all = vec!["glossary"];
        all.extend(&args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(
            err.contains("--glossary") && err.contains("replace"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&glossary).unwrap_or_default(),
        before
    );
    assert!(!Path::new(&other).exists());
    // The glossary is good: without the clash the same runs work.
    let (code, _, err) = run(&["glossary", "extract", "--glossary", &g, "-o", &other, &text]);
    assert_eq!(code, 0, "{err}");
}

/// An output in the input folder would be read as a document of the corpus
/// by the next run over it, then replaced: every rerun ranked differently
/// (exit 0). It is refused, on the first run as on later ones; a hidden
/// file or a file the walk passes over (a data file such as `.tsv`; with
/// `--jsonl` any but JSON files) is not.
#[test]
fn an_output_in_the_input_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(
        testdata("clinton-japan-trade-1993.en.txt"),
        corpus.join("seed.txt"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let c = s(&corpus);
    let terms = s(&corpus.join("terms.txt"));
    let nested = s(&corpus.join("sub").join("terms.txt"));
    std::fs::create_dir(corpus.join("sub")).unwrap_or_else(|e| panic!("{e}"));
    let (code, first, err) = run(&["glossary", "extract", &c]);
    assert_eq!(code, 0, "{err}");
    for args in [
        vec!["extract", &c, "-o", &terms],
        vec!["extract", &c, "-o", &nested],
        vec!["build", &c, "-o", &terms],
        vec!["build", "--lang", "en", &c, "--emit-stats", &terms],
    ] {
        let mut all = vec!["glossary"];
        all.extend(&args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains("input folder"), "{args:?}: {err}");
        assert!(!corpus.join("terms.txt").exists(), "{args:?}");
    }
    // One left there by other means is refused too, and kept.
    std::fs::write(&terms, &first).unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(&["glossary", "extract", &c, "-o", &terms]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_to_string(&terms).unwrap_or_default(), first);
    // A hidden file is never read: reruns give the same bytes.
    std::fs::remove_file(&terms).unwrap_or_else(|e| panic!("{e}"));
    let hidden = s(&corpus.join(".terms.tsv"));
    for _ in 0..2 {
        let (code, _, err) = run(&["glossary", "extract", &c, "-o", &hidden]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(std::fs::read_to_string(&hidden).unwrap_or_default(), first);
    }
    // Nor is a data file (`.tsv`): a folder walk reads only documents.
    let table = s(&corpus.join("terms.tsv"));
    for _ in 0..2 {
        let (code, _, err) = run(&["glossary", "extract", &c, "-o", &table]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(std::fs::read_to_string(&table).unwrap_or_default(), first);
    }
    // `--jsonl` reads only JSON files from a folder: a .txt there is no
    // input, so the -o file is not refused; the folder, all passed over,
    // is no corpus, and the file keeps what it held.
    std::fs::write(&terms, "old\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(&["glossary", "extract", "--jsonl", &c, "-o", &terms]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("lies in the input folder"), "{err}");
    assert!(err.contains("no documents read"), "{err}");
    assert_eq!(std::fs::read_to_string(&terms).unwrap_or_default(), "old\n");
}

#[test]
fn a_missing_folder_for_one_output_leaves_the_other_unwritten() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs_file = dir.path().join("pairs.tsv");
    let (code, _, err) = run(&[
        "glossary",
        "build",
        &s(&testdata("clinton-japan-trade-1993.en.txt")),
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
        "--pairs-output",
        &s(&pairs_file),
        "-o",
        &s(&dir.path().join("no/such/ranking.tsv")),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no folder"), "{err}");
    assert!(!pairs_file.exists());
}

#[test]
fn language_notes_say_what_was_left_out() {
    let en = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let ja = s(&testdata("clinton-japan-trade-1993.ja.txt"));
    // One document each: a tie, said as one.
    let (code, _, err) = run(&["glossary", "extract", &en, &ja]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("as many documents are Japanese as English"),
        "{err}"
    );
    // A language no document is written in gives a note, not silence.
    let (code, out, err) = run(&["glossary", "extract", "--lang", "ja", &en]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1);
    assert!(
        err.contains("no Japanese term candidates in 1 document"),
        "{err}"
    );
}

#[test]
fn align_refuses_alternatives_a_tbx_cannot_hold() {
    let (code, out, err) = run(&[
        "glossary",
        "align",
        "--format",
        "tbx",
        "--per-term",
        "3",
        "--parallel",
        &s(&testdata("clinton-japan-trade-1993.en-ja.tsv")),
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--per-term"), "{err}");
}

#[test]
fn build_pairs_as_align_does_with_the_same_pairing_flags() {
    let text = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for flags in [
        &["--association", "llr", "--per-term", "2"][..],
        &["--no-rare", "--min-cooc", "3"][..],
        &["--min-score", "0.5"][..],
    ] {
        let mut args = vec!["glossary", "align", "--parallel", &pairs];
        args.extend_from_slice(flags);
        let (code, aligned, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        let out = dir.path().join("pairs.tsv");
        let out_s = s(&out);
        let mut args = vec![
            "glossary",
            "build",
            "--lang",
            "en",
            "--parallel",
            &pairs,
            "--pairs-output",
            &out_s,
            "-o",
            "-",
        ];
        args.extend_from_slice(flags);
        args.push(&text);
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap_or_default(),
            aligned,
            "{flags:?}"
        );
        if flags[0] == "--min-score" {
            // Proposals below the floor are gone; glossary seed pairs stay.
            for row in aligned.lines().skip(1) {
                let cells: Vec<&str> = row.split('\t').collect();
                let score: f64 = cells[2].parse().unwrap_or(0.0);
                assert!(score >= 0.5 || !cells[9].is_empty(), "{row}");
            }
            let (_, all, _) = run(&["glossary", "align", "--parallel", &pairs]);
            assert!(aligned.lines().count() < all.lines().count());
        }
    }
    // Pairing flags without pairs, or on counts only, would do nothing.
    let (code, _, err) = run(&["glossary", "build", "--association", "llr", &text]);
    assert_eq!(code, 2);
    assert!(err.contains("--parallel FILE"), "{err}");
    let stats = s(&dir.path().join("s.json"));
    let (code, _, _) = run(&[
        "glossary",
        "build",
        "--emit-stats",
        &stats,
        "--min-score",
        "1",
        "--parallel",
        &pairs,
        &text,
    ]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&["glossary", "align", "--min-score=-1", "--parallel", &pairs]);
    assert_eq!(code, 2);
    assert!(err.contains("no score"), "{err}");
}

/// A Japanese term the glossary has keeps the glossary's reviewed reading in
/// the TBX (IPADIC reads 譲許 as ゆずるもと); one it lacks gets IPADIC's.
#[test]
fn tbx_readings_come_from_the_glossary_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("pairs.tsv");
    std::fs::write(
        &pairs,
        "en\tja\n\
         The bound rate is low.\t譲許税率は低い。\n\
         The bound rate rose.\t譲許税率が上がった。\n\
         The bound rate held.\t譲許税率は変わらなかった。\n\
         The quota rate is high.\t枠内税率は高い。\n\
         The quota rate fell.\t枠内税率が下がった。\n\
         The quota rate held.\t枠内税率は変わらなかった。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let parallel = s(&pairs);
    let tbx_with = |more: &[&str]| {
        let mut args = vec![
            "glossary",
            "align",
            "--format",
            "tbx",
            "--parallel",
            &parallel,
        ];
        args.extend(more);
        let (code, tbx, err) = run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        tbx
    };
    let tbx = tbx_with(&[]);
    let read = |ja: &str, reading: &str| {
        tbx.contains(&format!(
            "<term>{ja}</term>\n            <termNote type=\"pronunciation\">{reading}</termNote>"
        ))
    };
    assert!(read("譲許税率", "じょうきょぜいりつ"), "{tbx}");
    assert!(read("枠内税率", "わくないぜいりつ"), "{tbx}");
    // A --glossary layered over the default has the last word.
    let mine = dir.path().join("mine.tsv");
    std::fs::write(
        &mine,
        "en\tja\treading\nbound rate\t譲許税率\tじょうきょぜいりつ・ゆーざー\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let tbx = tbx_with(&["--glossary", &s(&mine)]);
    assert!(
        tbx.contains("<termNote type=\"pronunciation\">じょうきょぜいりつ・ゆーざー</termNote>"),
        "{tbx}"
    );
}

/// Japanese in both columns paired nothing with exit 0 and no word (a
/// review found it): the empty side is named.
#[test]
fn a_column_without_its_language_is_noted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("jo.tsv");
    std::fs::write(
        &path,
        "en\tja\n関税率が上がった。\t関税率が上がった。\n関税率が下がった。\t関税率が下がった。\n",
    )
    .unwrap_or_default();
    let out = util::kotoba()
        .args(["glossary", "align", "-q", "--parallel"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no English term candidates in the en column"),
        "{err}"
    );
    assert!(!err.contains("no Japanese term candidates"), "{err}");
}

/// `--top 0`, `--min-freq 0` and `--min-cooc 0` were taken (a review
/// found them): they ask for nothing or for what 1 gives, and are refused.
#[test]
fn zero_counts_are_refused() {
    let en = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    for args in [
        vec!["glossary", "extract", "--top", "0", en.as_str()],
        vec![
            "glossary",
            "align",
            "--min-cooc",
            "0",
            "--parallel",
            pairs.as_str(),
        ],
        vec![
            "glossary",
            "align",
            "--min-freq",
            "0",
            "--parallel",
            pairs.as_str(),
        ],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
    }
}

/// A ranking of one shard is no part of the ranking of the corpus, so
/// `extract --shard` and `build --shard` without `--emit-stats` (which
/// ranked one shard alone, without a word) are refused and say what works.
#[test]
fn ranking_one_shard_alone_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    for command in ["extract", "build"] {
        let (code, out, err) = run(&[
            "glossary",
            command,
            "--jsonl",
            "--lang",
            "en",
            "--shard",
            "1/3",
            &s(&input),
        ]);
        assert_eq!(code, 2, "{command}: {err}");
        assert!(out.is_empty(), "{command}: {out}");
        assert!(
            err.contains("--shard 1/3") && err.contains("--emit-stats"),
            "{err}"
        );
    }
    // Counting a shard is what --shard is for.
    let out = build_shard(&input, 1, "-", None);
    assert_eq!(out.lines().count(), 1);
    // Shard 0 of 1 is the whole corpus (a script that always passes K/N).
    let (code, _, err) = run(&[
        "glossary",
        "extract",
        "--jsonl",
        "--lang",
        "en",
        "--shard",
        "0/1",
        &s(&input),
    ]);
    assert_eq!(code, 0, "{err}");
}

/// A Japanese compound that IPADIC cuts one way at a sentence's start and
/// another inside it (日米構造協議), or a number joined to its noun
/// (2国間協議), was ranked under one key and paired under another, so the
/// built TBX left the term out (a review found it).
#[test]
fn japanese_terms_cut_two_ways_reach_the_built_tbx() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut pairs = String::from("en\tja\n");
    let mut ja = String::new();
    for (en, j) in [
        (
            "The Structural Impediments Initiative began.",
            "日米構造協議は始まった。",
        ),
        (
            "The Structural Impediments Initiative ended.",
            "日米構造協議は終わった。",
        ),
        ("The bilateral talks resumed.", "2国間協議が再開した。"),
        ("The bilateral talks stalled.", "2国間協議が停滞した。"),
        ("The bilateral talks ended.", "2国間協議が終わった。"),
    ] {
        pairs.push_str(&format!("{en}\t{j}\n"));
        ja.push_str(&format!("{j}\n"));
    }
    let (tsv, txt) = (dir.path().join("pairs.tsv"), dir.path().join("ja.txt"));
    std::fs::write(&tsv, pairs).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&txt, ja).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(&[
        "--threads",
        "1",
        "glossary",
        "build",
        "--lang",
        "ja",
        &s(&txt),
        "--parallel",
        &s(&tsv),
        "--format",
        "tbx",
    ]);
    assert_eq!(code, 0, "{err}");
    for term in ["<term>日米構造協議</term>", "<term>2国間協議</term>"] {
        assert!(out.contains(term), "{term}: {out}");
    }
}

/// `--new-only` listed `critical` and `minerals`, seen only inside the
/// glossary's `critical minerals` (a translator's review): the words of a
/// glossary term seen nowhere else are no new terms.
#[test]
fn extract_new_only_leaves_out_words_seen_only_inside_glossary_terms() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = dir.path().join("minerals.txt");
    std::fs::write(
        &text,
        "Critical minerals are key. Critical mineral supply grew. The critical minerals \
         agreement was signed. Mineral prices fell.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = s(&text);
    let (code, all, err) = run(&["glossary", "extract", "--lang", "en", &text]);
    assert_eq!(code, 0, "{err}");
    assert!(all.lines().any(|l| l.starts_with("critical\t")), "{all}");
    let (code, out, err) = run(&["glossary", "extract", "--lang", "en", "--new-only", &text]);
    assert_eq!(code, 0, "{err}");
    let terms: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert!(!terms.contains(&"critical"), "{out}");
    // `mineral` stands alone once too: it stays.
    assert!(terms.iter().any(|t| t.starts_with("mineral")), "{out}");
}

/// A TBX for import held pairs seen together twice in the seed article
/// (`cancel` → 予定, `follow` → 東京; a translator's review): a proposal
/// the glossary does not hold goes in only with a transliteration or three
/// shared segments. The table still lists it.
#[test]
fn a_termbase_holds_only_well_supported_proposals() {
    let pairs = s(&testdata("clinton-japan-trade-1993.en-ja.tsv"));
    let (code, tbx, err) = run(&[
        "glossary",
        "align",
        "--no-default-glossary",
        "--parallel",
        &pairs,
        "--format",
        "tbx",
    ]);
    assert_eq!(code, 0, "{err}");
    for kept in [
        "<term>Hawaii</term>",
        "<term>ハワイ</term>",
        "<term>進展</term>",
    ] {
        assert!(tbx.contains(kept), "{kept}: {tbx}");
    }
    for left_out in [
        "<term>cancel</term>",
        "<term>follow</term>",
        "<term>新た</term>",
    ] {
        assert!(!tbx.contains(left_out), "{left_out}: {tbx}");
    }
    let (code, table, _) = run(&[
        "glossary",
        "align",
        "--no-default-glossary",
        "--parallel",
        &pairs,
    ]);
    assert_eq!(code, 0);
    assert!(table.lines().any(|l| l.starts_with("cancel\t")), "{table}");
}

/// A word inside nested glossary terms (`rate` of `MFN tariff rate`, inside
/// `tariff rate` too) was counted once for each, so `--new-only` dropped it
/// though it stands alone as often (a code review).
#[test]
fn extract_new_only_counts_a_word_inside_nested_glossary_terms_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = dir.path().join("rates.txt");
    let mut body = String::new();
    for country in ["Japan", "Korea", "Canada", "Mexico"] {
        body.push_str(&format!("The MFN tariff rate on {country} fell. "));
        body.push_str(&format!("The rate in {country} held. "));
    }
    std::fs::write(&text, body).unwrap_or_else(|e| panic!("{e}"));
    let text = s(&text);
    let (code, out, err) = run(&[
        "glossary",
        "extract",
        "--lang",
        "en",
        "--new-only",
        "--min-freq",
        "1",
        &text,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().any(|l| l.starts_with("rate\t")), "{out}");
}

/// On the seed article `White`, `House` and `House official` stand only
/// inside the glossary's `White House official` and `White House` (which
/// stands alone twice more): counted over the outermost glossary terms
/// alone, they were listed as new (a terminologist's review).
#[test]
fn extract_new_only_counts_a_glossary_terms_own_occurrences() {
    let seed = s(&testdata("clinton-japan-trade-1993.en.txt"));
    let (code, out, err) = run(&["glossary", "extract", "--new-only", &seed]);
    assert_eq!(code, 0, "{err}");
    let terms: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    for inside in ["White", "House", "House official"] {
        assert!(!terms.contains(&inside), "{inside}: {out}");
    }
    assert!(terms.contains(&"Hawaii"), "{out}");
}

/// `--no-rare` leaves out pairs seen together fewer than `--min-cooc`
/// times, but for transliterations and glossary pairs, as its help says (a
/// terminologist found `Katherine Tai` at two shared segments kept under
/// `--min-cooc 3` while the help promised none).
#[test]
fn no_rare_keeps_transliterations_and_glossary_pairs_only() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("names.tsv");
    std::fs::write(
        &pairs,
        "en\tja\n\
         Katherine Tai met the ministers.\tキャサリン・タイ代表は閣僚と会った。\n\
         Katherine Tai praised the deal.\tキャサリン・タイ代表は合意を称賛した。\n\
         The export controls were tightened.\t輸出規制が強化された。\n\
         New export controls followed.\t新たな輸出規制が続いた。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let p = s(&pairs);
    let (code, tsv, err) = run(&[
        "glossary",
        "align",
        "--no-default-glossary",
        "--no-rare",
        "--min-cooc",
        "3",
        "--parallel",
        &p,
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r[0] == "Katherine Tai" && r[1] == "キャサリン・タイ"),
        "{tsv}"
    );
    for r in &rows {
        let cooc: u64 = r[3].parse().unwrap_or(0);
        let translit: f64 = r[8].parse().unwrap_or(0.0);
        assert!(cooc >= 3 || translit >= 0.6 || !r[9].is_empty(), "{tsv}");
    }
    let (code, help, _) = run(&["glossary", "align", "--help"]);
    assert_eq!(code, 0);
    // Help wraps at the terminal's width.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("transliterations and glossary pairs aside"),
        "{help}"
    );
}
