//! End-to-end tests of `kotoba eval rouge`: languages judged pair by pair,
//! bad records and repeated ids reported and skipped.

use std::path::Path;

use serde_json::{Value, json};

mod util;
use util::{jsonl, kotoba};

const EN_SYS: &str = "The White House official said Clinton may cancel the meeting.\nTrade negotiations with Japan are stalled.";
const EN_REF: &str = "A senior White House official said President Clinton may cancel a meeting with the prime minister over stalled negotiations.";
const JA_SYS: &str = "クリントン大統領は日本の首相との会談を中止する可能性がある。";
const JA_REF: &str =
    "ホワイトハウス高官は、クリントン大統領が日本の首相との会談を中止する可能性があると述べた。";

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// JSON Lines of `(id, text)` records.
fn records(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(id, text)| format!("{}\n", json!({"id": id, "text": text})))
        .collect()
}

/// Runs `eval rouge` on `system` and `reference` with `extra` flags: exit
/// code, stdout, stderr.
fn rouge(system: &Path, reference: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = kotoba()
        .args(["eval", "rouge"])
        .args(extra)
        .arg("--system")
        .arg(system)
        .arg("--reference")
        .arg(reference)
        .output()
        .unwrap_or_else(|e| panic!("running kotoba: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Per-pair JSONL records by id (the mean left out).
fn by_id(stdout: &str) -> Vec<(String, Value)> {
    jsonl(stdout)
        .into_iter()
        .filter(|r| r["id"] != "*mean*")
        .map(|r| (r["id"].as_str().unwrap_or_default().to_string(), r))
        .collect()
}

fn f1(record: &Value) -> f64 {
    record["rouge1"]["f1"].as_f64().unwrap_or(f64::NAN)
}

/// Folders `sys/` and `ref/` under `root` holding the named pairs.
fn folders(root: &Path, pairs: &[(&str, &str, &str)]) -> (std::path::PathBuf, std::path::PathBuf) {
    let (sys, refs) = (root.join("sys"), root.join("ref"));
    for dir in [&sys, &refs] {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    for (name, s, r) in pairs {
        write(&sys.join(name), s);
        write(&refs.join(name), r);
    }
    (sys, refs)
}

#[test]
fn each_pair_of_a_mixed_folder_scores_as_it_does_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let en = ("en.txt", EN_SYS, EN_REF);
    let en2 = (
        "en2.txt",
        "Negotiating with Japan continued.",
        "Negotiations with Japan continue.",
    );
    let ja = ("ja.txt", JA_SYS, JA_REF);
    let (mixed_sys, mixed_ref) = folders(&dir.path().join("mixed"), &[en, en2, ja]);
    for stem in [&[][..], &["--stem"][..]] {
        let flags = [&["--format", "jsonl"][..], stem].concat();
        let (code, out, err) = rouge(&mixed_sys, &mixed_ref, &flags);
        assert_eq!(code, 0, "{err}");
        let mixed = by_id(&out);
        assert_eq!(mixed.len(), 3, "{out}");
        for (k, pair) in [en, en2, ja].into_iter().enumerate() {
            let (sys, refs) = folders(&dir.path().join(format!("alone{k}")), &[pair]);
            let (code, out, err) = rouge(&sys, &refs, &flags);
            assert_eq!(code, 0, "{err}");
            let alone = by_id(&out);
            assert_eq!(alone.len(), 1, "{out}");
            // The whole record: all four measures and the language.
            assert_eq!(mixed[k], alone[0], "{stem:?}");
        }
        assert_eq!(mixed[2].1["lang"], "ja");
        assert!(f1(&mixed[2].1) > 0.5, "{out}");
    }
    // Stems apply to the English pairs of a mixed set: "negotiating" and
    // "negotiations" only meet as stems.
    let (_, plain, _) = rouge(&mixed_sys, &mixed_ref, &["--format", "jsonl"]);
    let (_, stemmed, _) = rouge(&mixed_sys, &mixed_ref, &["--format", "jsonl", "--stem"]);
    assert!(f1(&by_id(&stemmed)[1].1) > f1(&by_id(&plain)[1].1));
    // The table says the set is mixed rather than naming one language.
    let (code, table, _) = rouge(&mixed_sys, &mixed_ref, &["--stem"]);
    assert_eq!(code, 0);
    let heading = table.lines().next().unwrap_or_default();
    assert_eq!(
        heading,
        "3 pairs (2 English, 1 Japanese; each pair tokenized as its own language), \
         Porter stems on the English pairs"
    );
}

#[test]
fn a_japanese_pair_after_many_english_ones_is_scored_as_japanese() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = (0..25).map(|i| format!("en{i:02}")).collect();
    let mut sys: Vec<(&str, &str)> = ids.iter().map(|id| (id.as_str(), EN_SYS)).collect();
    let mut refs: Vec<(&str, &str)> = ids.iter().map(|id| (id.as_str(), EN_REF)).collect();
    // Ids sort after every English one, whatever order pairs are read in.
    sys.push(("zz-ja", JA_SYS));
    refs.push(("zz-ja", JA_REF));
    let (sys_path, ref_path) = (dir.path().join("sys.jsonl"), dir.path().join("ref.jsonl"));
    write(&sys_path, &records(&sys));
    write(&ref_path, &records(&refs));
    let (code, out, err) = rouge(&sys_path, &ref_path, &["--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let all = by_id(&out);
    assert_eq!(all.len(), 26);
    let (alone_sys, alone_ref) = (dir.path().join("s1.jsonl"), dir.path().join("r1.jsonl"));
    write(&alone_sys, &records(&[("zz-ja", JA_SYS)]));
    write(&alone_ref, &records(&[("zz-ja", JA_REF)]));
    let (_, alone, _) = rouge(&alone_sys, &alone_ref, &["--format", "jsonl"]);
    assert_eq!(all[25], by_id(&alone)[0]);
    assert_eq!(all[25].1["lang"], "ja");
    assert!(f1(&all[25].1) > 0.5, "{out}");
    assert_eq!(all[0].1["lang"], "en");
    let mean = jsonl(&out).pop().unwrap_or_default();
    assert_eq!(mean["lang"], "mixed");
}

/// A reference of figures alone says nothing of its language: the
/// summary's is used.
#[test]
fn a_reference_without_letters_takes_the_language_of_its_summary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = (dir.path().join("sys.jsonl"), dir.path().join("ref.jsonl"));
    write(&sys, &records(&[("a", JA_SYS)]));
    write(&refs, &records(&[("a", "2024")]));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(by_id(&out)[0].1["lang"], "ja");
}

/// An empty reference scored its summary 0 and pulled the mean down with
/// exit 0 (a review found it): it is named, left out of the mean, and the
/// run exits 2, in JSON Lines and as a single file alike.
#[test]
fn an_empty_reference_is_an_error_left_out_of_the_mean() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = (dir.path().join("sys.jsonl"), dir.path().join("ref.jsonl"));
    write(&sys, &records(&[("a", EN_SYS), ("b", "rice quota")]));
    write(&refs, &records(&[("a", EN_REF), ("b", " ")]));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ref.jsonl:2: empty reference"), "{err}");
    assert!(!err.contains("no reference for"), "{err}");
    let ids: Vec<String> = by_id(&out).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a"]);
    let (one_sys, one_ref) = (dir.path().join("sys.txt"), dir.path().join("ref.txt"));
    write(&one_sys, EN_SYS);
    write(&one_ref, "\n");
    let (code, out, err) = rouge(&one_sys, &one_ref, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ref.txt: empty reference"), "{err}");
    assert!(err.contains("nothing to score"), "{err}");
    assert_eq!(out, "");
    // A reference with no word (a dash) counts as empty; so does an empty
    // file in a folder, reported once.
    write(&refs, &records(&[("a", EN_REF), ("b", "—")]));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the reference of `b` has no word to score"),
        "{err}"
    );
    assert_eq!(by_id(&out).len(), 1);
    let (s, r) = (dir.path().join("s"), dir.path().join("r"));
    for d in [&s, &r] {
        std::fs::create_dir(d).unwrap_or_default();
        write(&d.join("a.txt"), EN_SYS);
    }
    write(&s.join("b.txt"), EN_SYS);
    write(&r.join("b.txt"), "");
    let (code, _, err) = rouge(&s, &r, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("b.txt: empty file"), "{err}");
    assert!(!err.contains("no reference for"), "{err}");
}

/// An empty summary in a folder (kotoba's own `summarize --words 5` can
/// write one) was an error left out of the mean, which so rose: it scores
/// 0 and stays in, as an empty record of JSON Lines does.
#[test]
fn an_empty_summary_scores_zero_in_the_mean() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (s, r) = (dir.path().join("s"), dir.path().join("r"));
    for d in [&s, &r] {
        std::fs::create_dir(d).unwrap_or_default();
        write(&d.join("a.txt"), EN_REF);
    }
    write(&s.join("b.txt"), "");
    write(&r.join("b.txt"), EN_REF);
    let (code, out, err) = rouge(&s, &r, &["--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("b.txt: empty summary, scored 0"), "{err}");
    let scores = by_id(&out);
    assert_eq!(scores.len(), 2, "{out}");
    assert_eq!((f1(&scores[0].1), f1(&scores[1].1)), (1.0, 0.0), "{out}");
    let mean = jsonl(&out).pop().map(|r| f1(&r));
    assert_eq!(mean, Some(0.5), "{out}");
}

/// A path that does not exist was reported as a file of another kind than
/// the other argument.
#[test]
fn a_missing_path_is_named_as_missing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir(dir.path().join("r")).unwrap_or_default();
    let (code, _, err) = rouge(&dir.path().join("nope"), &dir.path().join("r"), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--system") && err.contains("nope: no such file or folder"),
        "{err}"
    );
    assert!(!err.contains("give both"), "{err}");
}

/// A single reference file in UTF-16 (Windows' "Unicode" text) was refused
/// as not UTF-8, while the same file in a folder was read.
#[test]
fn a_utf16_reference_file_is_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = (dir.path().join("s.txt"), dir.path().join("r.txt"));
    write(&sys, EN_REF);
    std::fs::write(
        &refs,
        kotoba_text::encoding::encode_utf16_with_bom(EN_REF, true),
    )
    .unwrap_or_default();
    let (code, out, err) = rouge(&sys, &refs, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("1 pair\n"), "{out}");
    assert!(out.contains("rouge1\t100.00\t100.00\t100.00"), "{out}");
}

#[test]
fn bad_records_are_reported_with_file_and_line_and_skipped() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = (dir.path().join("sys.jsonl"), dir.path().join("ref.jsonl"));
    let good = records(&[("a", EN_SYS), ("b", EN_SYS), ("c", EN_SYS)]);
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(1, "{\"id\": \"x\", \"text\": ");
    lines.insert(3, "{\"id\": \"y\"}");
    lines.insert(4, "[1, 2]");
    write(&sys, &(lines.join("\n") + "\n"));
    write(
        &refs,
        &records(&[("a", EN_REF), ("b", EN_REF), ("c", EN_REF)]),
    );
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    let name = sys.display().to_string();
    for (line, problem) in [
        (2, "not JSON"),
        (4, "no field \"text\""),
        (5, "not a JSON object"),
    ] {
        assert!(
            err.contains(&format!("kotoba: error: {name}:{line}: {problem}")),
            "{err}"
        );
    }
    let scored = by_id(&out);
    let ids: Vec<&str> = scored.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    // The good records score as they do in a file without the bad ones.
    let clean = dir.path().join("clean.jsonl");
    write(&clean, &good);
    let (code, clean_out, _) = rouge(&clean, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(out, clean_out);
    // The table is printed too.
    let (code, table, _) = rouge(&sys, &refs, &[]);
    assert_eq!(code, 2);
    assert!(table.starts_with("3 pairs\n"), "{table}");
}

#[test]
fn a_repeated_id_is_reported_and_not_merged() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = (dir.path().join("sys.jsonl"), dir.path().join("ref.jsonl"));
    write(
        &sys,
        &records(&[
            ("a", EN_SYS),
            ("b", EN_SYS),
            ("a", "something else entirely"),
        ]),
    );
    write(
        &refs,
        &records(&[("a", EN_REF), ("b", EN_REF), ("b", EN_SYS)]),
    );
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    for path in [&sys, &refs] {
        let at = format!("kotoba: error: {}:3: duplicate id", path.display());
        assert!(err.contains(&at), "{err}");
    }
    // The first record of each id is scored; the repeats are not.
    let scored = by_id(&out);
    assert_eq!(scored.len(), 2, "{out}");
    let (one_sys, one_ref) = (dir.path().join("s1.jsonl"), dir.path().join("r1.jsonl"));
    write(&one_sys, &records(&[("a", EN_SYS), ("b", EN_SYS)]));
    write(&one_ref, &records(&[("a", EN_REF), ("b", EN_REF)]));
    let (code, expected, _) = rouge(&one_sys, &one_ref, &["--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(out, expected);
}

#[test]
fn an_unreadable_file_in_a_folder_is_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = folders(
        dir.path(),
        &[("a.txt", EN_SYS, EN_REF), ("b.txt", EN_SYS, EN_REF)],
    );
    std::fs::write(sys.join("b.txt"), b"caf\xe9 au lait\n").unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("b.txt"), "{err}");
    // The summary that could not be read is missing: scored 0, not left out
    // of the mean (an analyst's review).
    let scored = by_id(&out);
    assert_eq!(scored.len(), 2, "{out}");
    assert_eq!(scored[0].0, "a.txt");
    assert_eq!(scored[1].0, "b.txt");
    assert_eq!(scored[1].1["rouge1"]["f1"], 0.0, "{out}");
    assert!(
        err.contains("no system summary for `b.txt`: scored 0"),
        "{err}"
    );
}

/// Files are paired by name: names that are not UTF-8 read alike (U+FFFD)
/// and `a\xff.txt` was scored against `a\xfe.txt` (a review found it). Their
/// odd bytes are now `\xNN` in the id: each name pairs with itself only.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_pair_by_their_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = folders(dir.path(), &[("a.txt", EN_SYS, EN_REF)]);
    let odd = |b: u8| std::ffi::OsStr::from_bytes(&[b'b', b, b'.', b't', b'x', b't']).to_owned();
    std::fs::write(sys.join(odd(0xff)), EN_SYS).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(refs.join(odd(0xfe)), EN_REF).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no reference for `b\\xFF.txt`"), "{err}");
    let scored = by_id(&out);
    assert_eq!(scored.len(), 2, "{out}");
    assert_eq!(scored[0].0, "a.txt");
    assert_eq!(scored[1].0, "b\\xFE.txt", "no summary: scored 0");
    // The same odd name on both sides is one pair.
    std::fs::write(refs.join(odd(0xff)), EN_REF).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(refs.join(odd(0xfe))).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(by_id(&out).len(), 2, "{out}");
}

/// A summary without a reference is left out of the mean, a reference
/// without a summary scored 0 in it; each is said on stderr, and the exit
/// status says the set was not whole.
#[test]
fn unmatched_summaries_leave_the_mean_and_fail_the_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let system = dir.path().join("sys.jsonl");
    let reference = dir.path().join("ref.jsonl");
    write(&system, &records(&[("a", EN_SYS), ("b", JA_SYS)]));
    write(&reference, &records(&[("a", EN_REF)]));
    let (code, out, err) = rouge(&system, &reference, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no reference for `b`"), "{err}");
    assert!(
        err.contains("1 summary(ies) without a reference left out in the mean of 1 pairs"),
        "{err}"
    );
    let ids: Vec<String> = by_id(&out).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a"]);
    // The other way round, the reference is scored 0, and said so.
    let (code, _, err) = rouge(&reference, &system, &["--format", "jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("1 reference(s) without a summary scored 0 in the mean of 2 pairs"),
        "{err}"
    );
    // The whole set matched: exit 0.
    write(&reference, &records(&[("a", EN_REF), ("b", JA_REF)]));
    let (code, _, err) = rouge(&system, &reference, &[]);
    assert_eq!(code, 0, "{err}");
}

/// A folder of summaries against one reference file said only
/// "no system summary for `*`": the two cannot be matched at all.
#[test]
fn a_folder_against_a_file_is_refused_naming_both_kinds() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = folders(dir.path(), &[("a.txt", "Tariffs rose.", "Tariffs rose.")]);
    let (code, out, err) = rouge(&sys, &refs.join("a.txt"), &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("--system is a folder and --reference a file"),
        "{err}"
    );
    let (code, _, err) = rouge(&sys, &refs, &[]);
    assert_eq!(code, 0, "{err}");
}

/// Bad lines of a reference file were each printed, however many (a review
/// found 60,000 lines for 60,000 records): the first 20 are shown, the rest
/// counted, as by every other command.
#[test]
fn errors_past_the_first_twenty_are_counted_not_shown() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let system = dir.path().join("sys.jsonl");
    let reference = dir.path().join("ref.jsonl");
    write(&system, &records(&[("a", EN_SYS)]));
    let mut lines = records(&[("a", EN_REF)]);
    lines.push_str(&"not json\n".repeat(50));
    write(&reference, &lines);
    let (code, _, err) = rouge(&system, &reference, &[]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("kotoba: error:").count(), 20, "{err}");
    assert!(err.contains("further ones are counted, not shown"), "{err}");
    assert!(err.contains("50 input(s) failed"), "{err}");
    // Also when nothing is left to score.
    write(&reference, &"not json\n".repeat(25));
    let (code, _, err) = rouge(&system, &reference, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("25 input(s) failed"), "{err}");
}

/// A reference shared by two names through a link is two references: files
/// are paired by name, so each path is read (the corpus reader reads a
/// file once elsewhere; a review found the pair lost here).
#[cfg(unix)]
#[test]
fn a_reference_shared_through_a_link_scores_both_pairs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (sys, refs) = folders(dir.path(), &[("a.txt", EN_SYS, EN_REF)]);
    write(&sys.join("b.txt"), EN_SYS);
    std::os::unix::fs::symlink("a.txt", refs.join("b.txt")).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = rouge(&sys, &refs, &["--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(by_id(&out).len(), 2, "{out}");
}
