//! End-to-end tests of the plumbing every command shares: closed pipes,
//! `-` for standard streams, output errors, thread counts, input flags, and
//! the parallel files of `glossary align` and `build`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

mod util;
use util::{kotoba, testdata};

const EN: &str = "clinton-japan-trade-1993.en.txt";
const PAIRS: &str = "clinton-japan-trade-1993.en-ja.tsv";

/// Exit code, stdout and stderr of a finished `assert_cmd` run.
fn outcome(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running kotoba: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Which of the binary's standard streams is a pipe closed before it writes.
#[derive(Clone, Copy, PartialEq)]
enum Closed {
    Stdout,
    Stderr,
}

/// Runs kotoba with `args` in `dir`, its `closed` stream a pipe whose reading
/// end is closed at once (`kotoba … | head` when head has gone): the exit
/// code (-1 when killed by a signal) and what the other stream got.
fn with_closed(closed: Closed, dir: &Path, args: &[&str]) -> (i32, String) {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("kotoba"))
        .args(args)
        .current_dir(dir)
        .env_remove("RAYON_NUM_THREADS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running kotoba: {e}"));
    let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
    let mut other = String::new();
    let read = match closed {
        Closed::Stdout => {
            drop(stdout);
            stderr.map(|mut r| r.read_to_string(&mut other))
        }
        Closed::Stderr => {
            drop(stderr);
            stdout.map(|mut r| r.read_to_string(&mut other))
        }
    };
    if let Some(Err(e)) = read {
        panic!("reading kotoba's output: {e}");
    }
    let status = child
        .wait()
        .unwrap_or_else(|e| panic!("waiting for kotoba: {e}"));
    (status.code().unwrap_or(-1), other)
}

/// A temporary folder (removed at the end of the test).
fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"))
}

/// Writes `text` to `name` in `dir` and returns its path.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path
}

/// The seed article's aligned pairs with `rows` added after the header.
fn pairs_with(rows: &str) -> String {
    let pairs = std::fs::read_to_string(testdata(PAIRS)).unwrap_or_default();
    let (header, rest) = pairs.split_once('\n').unwrap_or(("en\tja", ""));
    format!("{header}\n{rows}{rest}")
}

#[test]
fn a_closed_stderr_costs_no_panic_and_keeps_the_status() {
    let dir = tempdir();
    // 300 rows of one cell: 300 messages, far more than a pipe holds.
    let bad = pairs_with(&"only one column\n".repeat(300));
    let bad = write(dir.path(), "bad.tsv", &bad);
    let bad = bad.to_string_lossy();
    for _ in 0..3 {
        let (code, out) = with_closed(
            Closed::Stderr,
            dir.path(),
            &["glossary", "align", "--parallel", &bad],
        );
        assert_eq!(code, 2, "lines were skipped, so 2 (101 is a panic)");
        assert!(out.starts_with("en\tja\t"), "{out}");
    }
    // Documents that cannot be read (fold over the corpus, then the final error).
    let missing: Vec<String> = (0..300).map(|i| format!("missing-{i}.txt")).collect();
    let mut args = vec!["glossary", "extract"];
    args.extend(missing.iter().map(String::as_str));
    let (code, out) = with_closed(Closed::Stderr, dir.path(), &args);
    assert_eq!((code, out.as_str()), (2, ""));
    // Documents processed one by one (in order, to standard output).
    let en = testdata(EN);
    let en = en.to_string_lossy();
    let mut args = vec!["sentences", &*en];
    args.extend(missing.iter().map(String::as_str));
    let (code, out) = with_closed(Closed::Stderr, dir.path(), &args);
    assert_eq!(code, 2);
    // Its 27 sentences under the file's name, then a blank line.
    assert_eq!(out.lines().count(), 29, "{out}");
}

#[test]
fn a_closed_stdout_ends_quietly_with_the_status_earned() {
    let dir = tempdir();
    let en = testdata(EN);
    let en = en.to_string_lossy();
    let pairs = testdata(PAIRS);
    let pairs = pairs.to_string_lossy();
    // Twenty copies, as a file named twice is read once.
    let text = std::fs::read_to_string(&*en).unwrap_or_else(|e| panic!("{e}"));
    let copies: Vec<String> = (0..20)
        .map(|i| {
            write(dir.path(), &format!("en-{i:02}.txt"), &text)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let many: Vec<&str> = copies.iter().map(String::as_str).collect();
    let runs: Vec<Vec<&str>> = vec![
        [&["tokenize"][..], &many].concat(),
        [&["sentences", "--format", "jsonl"][..], &many].concat(),
        vec![
            "glossary",
            "extract",
            "--min-freq",
            "1",
            "--format",
            "jsonl",
            &en,
        ],
        vec!["glossary", "extract", "--min-freq", "1", &en],
        vec![
            "glossary",
            "align",
            "--parallel",
            &pairs,
            "--format",
            "jsonl",
        ],
        vec![
            "glossary",
            "build",
            "--min-freq",
            "1",
            &en,
            "--parallel",
            &pairs,
        ],
    ];
    for args in &runs {
        let (code, err) = with_closed(Closed::Stdout, dir.path(), args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    }
    // Inputs that failed before the output closed keep their status, 2,
    // and their messages; the closed pipe adds none.
    let mut args = vec!["tokenize", "missing.txt"];
    args.extend(&many);
    let (code, err) = with_closed(Closed::Stdout, dir.path(), &args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(!err.to_lowercase().contains("pipe"), "{err}");
    let bad = write(dir.path(), "bad.tsv", &pairs_with("only one column\n"));
    let bad = bad.to_string_lossy();
    let (code, err) = with_closed(
        Closed::Stdout,
        dir.path(),
        &["glossary", "align", "--parallel", &bad],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("bad.tsv:2:") && !err.to_lowercase().contains("pipe"),
        "{err}"
    );
}

#[test]
fn a_dash_output_is_standard_output() {
    let dir = tempdir();
    let en = testdata(EN);
    let pairs = testdata(PAIRS);
    let (code, out, err) = outcome(
        kotoba()
            .current_dir(dir.path())
            .args(["sentences", "-o", "-"])
            .arg(&en),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 27);
    let (code, out, err) = outcome(
        kotoba()
            .current_dir(dir.path())
            .args(["glossary", "align", "-o", "-", "--parallel"])
            .arg(&pairs),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("en\tja\t"), "{out}");
    // The pairs to standard output, the ranking to a file.
    let (code, out, err) = outcome(
        kotoba()
            .current_dir(dir.path())
            .args([
                "glossary",
                "build",
                "--pairs-output",
                "-",
                "-o",
                "ranking.tsv",
                "--parallel",
            ])
            .arg(&pairs)
            .arg(&en),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("en\tja\t"), "{out}");
    let ranking = std::fs::read_to_string(dir.path().join("ranking.tsv")).unwrap_or_default();
    assert!(ranking.starts_with("term\t"), "{ranking}");
    assert!(
        !ranking.contains("\n\nen\tja\t"),
        "the pairs went elsewhere"
    );
    // Both on standard output would be one stream of two tables: refused.
    for output in [&[][..], &["-o", "-"][..]] {
        let (code, out, err) = outcome(
            kotoba()
                .current_dir(dir.path())
                .args(["glossary", "build", "--pairs-output", "-", "--parallel"])
                .arg(&pairs)
                .arg(&en)
                .args(output),
        );
        assert_eq!((code, out.as_str()), (2, ""));
        assert!(
            err.contains("--pairs-output -") && err.contains("-o FILE"),
            "{err}"
        );
    }
    // No file named `-` anywhere.
    assert!(!dir.path().join("-").exists());
}

#[test]
fn output_errors_name_the_path_given_not_a_temporary_file() {
    let dir = tempdir();
    write(dir.path(), "afile", "");
    for (target, why) in [
        ("nodir/x.tsv", "no folder nodir"),
        ("afile/x.tsv", "afile is not a folder"),
    ] {
        let (code, out, err) = outcome(
            kotoba()
                .current_dir(dir.path())
                .args(["glossary", "extract", "-o", target])
                .arg(testdata(EN)),
        );
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(
            err,
            format!("kotoba: error: cannot write {target}: {why}\n")
        );
    }
}

#[test]
fn thread_counts_are_bounded_with_a_clean_error() {
    let en = testdata(EN);
    for n in ["20000", "0", "1025"] {
        let (code, out, err) = outcome(kotoba().args(["--threads", n, "sentences"]).arg(&en));
        assert_eq!((code, out.as_str()), (2, ""), "{n}");
        assert!(err.contains("--threads takes 1 to 1024"), "{err}");
    }
    // Too many, or no number at all (it was ignored for all cores).
    for v in ["20000", "abc", "-1"] {
        let (code, _, err) = outcome(
            kotoba()
                .env("RAYON_NUM_THREADS", v)
                .arg("sentences")
                .arg(&en),
        );
        assert_eq!(code, 2, "{v}");
        assert!(
            err.contains("RAYON_NUM_THREADS takes a number of threads up to 1024"),
            "{err}"
        );
    }
    let (code, out, err) = outcome(kotoba().args(["--threads", "3", "sentences"]).arg(&en));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 27);
}

#[test]
fn json_lines_field_flags_need_jsonl() {
    let en = testdata(EN);
    for cmd in [
        &["sentences"][..],
        &["glossary", "extract"][..],
        &["tokenize"][..],
    ] {
        for flag in ["--text-field", "--id-field"] {
            let (code, out, err) = outcome(kotoba().args(cmd).args([flag, "body"]).arg(&en));
            assert_eq!((code, out.as_str()), (2, ""), "{cmd:?} {flag}");
            assert!(err.contains("--jsonl"), "{err}");
        }
    }
    // Record mode without JSON Lines read five records as one text, with
    // exit 0 (a review found it).
    for cmd in [&["sentences"][..], &["summarize"][..], &["tokenize"][..]] {
        let (code, out, err) = outcome(
            kotoba()
                .args(cmd)
                .args(["--keep-fields", "--format", "jsonl"])
                .arg(&en),
        );
        assert_eq!((code, out.as_str()), (2, ""), "{cmd:?}");
        assert!(err.contains("--jsonl"), "{err}");
    }
}

/// A blank line in JSON Lines was skipped, so record mode wrote one line
/// fewer than it read (a review found it, where the docs say the counts
/// always match): it is reported as a record that cannot be read, in
/// every command with a record per input record; blank lines ending the
/// input are not.
#[test]
fn a_blank_line_in_json_lines_keeps_line_counts_matching() {
    let input = "{\"id\":\"a\",\"text\":\"Tariffs rose.\"}\n\n  \n\
                 {\"id\":\"b\",\"text\":\"Talks failed.\"}\n\n";
    for cmd in [
        &["summarize"][..],
        &["sentences"][..],
        &["tokenize"][..],
        &["detect"][..],
        &["glossary", "annotate"][..],
    ] {
        let (code, out, err) = outcome(
            kotoba()
                .args(cmd)
                .args(["--jsonl", "--keep-fields", "--format", "jsonl", "-"])
                .write_stdin(input),
        );
        assert_eq!(code, 2, "{cmd:?}: {err}");
        let lines: Vec<&str> = out.lines().collect();
        // Every line up to the last record; the blank line ending the
        // input stands before no record.
        assert_eq!(lines.len(), input.lines().count() - 1, "{cmd:?}: {out}");
        for (i, line) in [(1, 2), (2, 3)] {
            assert!(
                lines[i].starts_with("{\"id\":null,\"error\":")
                    && lines[i].contains(&format!("<stdin>:{line}: blank line")),
                "{cmd:?}: {out}"
            );
        }
        assert!(lines[3].starts_with("{\"id\":\"b\""), "{cmd:?}: {out}");
        // Outside record mode a blank line holds no document: skipped, no
        // failure (a review found every command exiting 2).
        let (code, _, err) = outcome(kotoba().args(cmd).args(["--jsonl", "-"]).write_stdin(input));
        assert_eq!(code, 0, "{cmd:?}: {err}");
    }
}

#[test]
fn standard_input_given_twice_is_refused_before_reading() {
    let pairs = std::fs::read_to_string(testdata(PAIRS)).unwrap_or_default();
    for corpus in [&["-"][..], &[][..]] {
        let (code, out, err) = outcome(
            kotoba()
                .args(["glossary", "build", "--parallel", "-"])
                .args(corpus)
                .write_stdin(pairs.clone()),
        );
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(
            err,
            "kotoba: error: standard input given twice: the corpus (no INPUT, or `-`) and \
             --parallel -; give one of them as a file\n"
        );
    }
}

#[test]
fn rows_with_cells_past_the_header_are_reported_and_skipped() {
    let dir = tempdir();
    let third = write(
        dir.path(),
        "third.tsv",
        &pairs_with(&"zebra crossing\tシマウマ\t横断歩道\n".repeat(3)),
    );
    let (code, out, err) = outcome(
        kotoba()
            .args(["glossary", "align", "--parallel"])
            .arg(&third),
    );
    assert_eq!(code, 2, "{err}");
    assert!(!out.contains("zebra"), "{out}");
    for line in 2..=4 {
        assert!(
            err.contains(&format!(
                "third.tsv:{line}: 3 tab-separated cells where the header has 2 columns"
            )),
            "{err}"
        );
    }
    // A third column the header names is read past.
    let pairs = std::fs::read_to_string(testdata(PAIRS)).unwrap_or_default();
    let noted: String = pairs
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\tnote\n")
            } else {
                format!("{l}\tchecked\n")
            }
        })
        .collect();
    let noted = write(dir.path(), "noted.tsv", &noted);
    let (code, with_note, err) = outcome(
        kotoba()
            .args(["glossary", "align", "--parallel"])
            .arg(&noted),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    let (_, plain, _) = outcome(
        kotoba()
            .args(["glossary", "align", "--parallel"])
            .arg(testdata(PAIRS)),
    );
    assert_eq!(with_note, plain);
}

#[test]
fn pairs_with_an_empty_side_are_skipped_with_one_note() {
    let dir = tempdir();
    let half = write(
        dir.path(),
        "half.tsv",
        &pairs_with("tariff\t\n\t関税\ntrade surplus\t \n"),
    );
    let (code, out, err) = outcome(
        kotoba()
            .args(["glossary", "align", "--association", "llr", "--parallel"])
            .arg(&half),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        format!(
            "kotoba: note: 3 pair(s) of {} with an empty en or ja cell skipped\n",
            half.display()
        )
    );
    // The same result as without them: they count as no segment.
    let (_, plain, _) = outcome(
        kotoba()
            .args(["glossary", "align", "--association", "llr", "--parallel"])
            .arg(testdata(PAIRS)),
    );
    assert_eq!(out, plain);
}

/// A row empty on both sides was a pair `check` counted as checked; it is
/// skipped with a note, while a half-empty one is still checked (an
/// untranslated segment).
#[test]
fn check_skips_rows_empty_on_both_sides() {
    let dir = tempdir();
    let rows = write(
        dir.path(),
        "rows.tsv",
        &pairs_with("\t\n \t \nThe tariff rose.\t\n"),
    );
    let (code, _, err) = outcome(
        kotoba()
            .args(["glossary", "check", "--parallel"])
            .arg(&rows),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("2 pair(s) of") && err.contains("with both cells empty skipped"),
        "{err}"
    );
    assert!(err.contains("27 pairs checked, 1 issue"), "{err}");
}

#[test]
fn a_parallel_file_without_pairs_writes_nothing() {
    let dir = tempdir();
    let empty = write(dir.path(), "empty.jsonl", "");
    let header = write(dir.path(), "header.tsv", "en\tja\n\n");
    for file in [&empty, &header] {
        let (code, out, err) = outcome(
            kotoba()
                .current_dir(dir.path())
                .args(["glossary", "align", "-o", "out.tsv", "--parallel"])
                .arg(file),
        );
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(
            err,
            format!(
                "kotoba: error: no pairs in {}; nothing written\n",
                file.display()
            )
        );
        assert!(!dir.path().join("out.tsv").exists());
    }
    // Every record failing: reported, and the old output left as it was.
    let bad = write(dir.path(), "bad.jsonl", "{\"en\": \"tariff\"}\nnot json\n");
    let old = write(dir.path(), "old.tsv", "what was there\n");
    let (code, _, err) = outcome(
        kotoba()
            .args(["glossary", "align", "-o"])
            .arg(&old)
            .arg("--parallel")
            .arg(&bad),
    );
    assert_eq!(code, 2);
    assert!(
        err.ends_with(&format!(
            "kotoba: error: no pair of {} could be read; nothing written\n",
            bad.display()
        )),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&old).unwrap_or_default(),
        "what was there\n"
    );
}

/// Every command over a corpus refuses, before reading, an `-o` that names
/// one of its inputs (the input would be replaced by its own sentences) or
/// lies in an input folder (a rerun would read the last result as a
/// document); the input is left as it was. Another path works.
#[test]
fn corpus_commands_refuse_an_output_over_their_input() {
    let dir = tempdir();
    let text = std::fs::read_to_string(testdata(EN)).unwrap_or_else(|e| panic!("{e}"));
    let article = write(dir.path(), "article.txt", &text);
    let folder = dir.path().join("corpus");
    std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    write(&folder, "article.txt", &text);
    let earlier = write(&folder, "sentences.txt", &text);
    let (a, f, e) = (
        article.to_string_lossy().into_owned(),
        folder.to_string_lossy().into_owned(),
        earlier.to_string_lossy().into_owned(),
    );
    for command in [
        vec!["sentences"],
        vec!["tokenize"],
        vec!["detect"],
        vec!["summarize"],
        vec!["summarize", "--multi"],
        vec!["glossary", "annotate"],
    ] {
        for (input, output, says) in [(&a, &a, "replace the input"), (&f, &e, "input folder")] {
            let mut args = command.clone();
            args.extend([input.as_str(), "-o", output.as_str()]);
            let (code, out, err) = outcome(kotoba().args(&args));
            assert_eq!(code, 2, "{args:?}: {err}");
            assert!(out.is_empty(), "{args:?}: {out}");
            assert!(err.contains(says), "{args:?}: {err}");
        }
        assert_eq!(
            std::fs::read_to_string(&article).ok().as_deref(),
            Some(text.as_str())
        );
        assert_eq!(
            std::fs::read_to_string(&earlier).ok().as_deref(),
            Some(text.as_str())
        );
        let elsewhere = dir.path().join("out.txt");
        let mut args = command.clone();
        args.extend([a.as_str(), "-o", elsewhere.to_str().unwrap_or_default()]);
        let (code, _, err) = outcome(kotoba().args(&args));
        assert_eq!(code, 0, "{args:?}: {err}");
    }
}

/// An `-o` naming a `--glossary` file (or `check`'s parallel file) would
/// replace it with a report: refused before anything is read.
#[test]
fn reports_refuse_to_replace_a_glossary_or_the_parallel_file() {
    let dir = tempdir();
    let glossary = write(dir.path(), "mine.tsv", "en\tja\ntrade surplus\t貿易黒字\n");
    let pairs = write(
        dir.path(),
        "pairs.tsv",
        &std::fs::read_to_string(testdata(PAIRS)).unwrap_or_else(|e| panic!("{e}")),
    );
    let (g, p, en) = (
        glossary.to_string_lossy().into_owned(),
        pairs.to_string_lossy().into_owned(),
        testdata(EN).to_string_lossy().into_owned(),
    );
    for args in [
        vec!["glossary", "annotate", "--glossary", &g, "-o", &g, &en],
        vec![
            "glossary",
            "check",
            "--glossary",
            &g,
            "--parallel",
            &p,
            "-o",
            &g,
        ],
        vec!["glossary", "check", "--parallel", &p, "-o", &p],
        vec![
            "summarize",
            "--glossary",
            &g,
            "--glossary-weight",
            "1",
            "-o",
            &g,
            &en,
        ],
    ] {
        let (code, out, err) = outcome(kotoba().args(&args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains("replace the input"), "{args:?}: {err}");
    }
    assert!(
        std::fs::read_to_string(&glossary)
            .unwrap_or_default()
            .contains("貿易黒字")
    );
    assert!(
        std::fs::read_to_string(&pairs)
            .unwrap_or_default()
            .starts_with("en\tja")
    );
}

/// `eval rouge` and `glossary list` refuse an `-o` over one of their inputs
/// too: the references, or a user glossary that the list (default entries
/// included) would replace.
#[test]
fn rouge_and_glossary_list_refuse_to_replace_their_inputs() {
    let dir = tempdir();
    let system = write(dir.path(), "sys.txt", "Japan's trade surplus grew.\n");
    let reference = write(dir.path(), "ref.txt", "The trade surplus grew.\n");
    let glossary = write(dir.path(), "mine.tsv", "en\tja\nbound rate\t譲許税率\n");
    let (s, r, g) = (
        system.to_string_lossy().into_owned(),
        reference.to_string_lossy().into_owned(),
        glossary.to_string_lossy().into_owned(),
    );
    for args in [
        vec!["eval", "rouge", "--system", &s, "--reference", &r, "-o", &r],
        vec!["eval", "rouge", "--system", &s, "--reference", &r, "-o", &s],
        vec!["glossary", "list", "--glossary", &g, "-o", &g],
    ] {
        let (code, out, err) = outcome(kotoba().args(&args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains("replace the input"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(&reference).ok().as_deref(),
        Some("The trade surplus grew.\n")
    );
    assert_eq!(
        std::fs::read_to_string(&glossary).ok().as_deref(),
        Some("en\tja\nbound rate\t譲許税率\n")
    );
    let elsewhere = dir.path().join("scores.txt");
    let (code, _, err) = outcome(kotoba().args([
        "eval",
        "rouge",
        "--system",
        &s,
        "--reference",
        &r,
        "-o",
        elsewhere.to_str().unwrap_or_default(),
    ]));
    assert_eq!(code, 0, "{err}");
}

/// A device named as input and output (`/dev/stdin … -o /dev/stdout` at a
/// terminal names one device twice) is written to, not replaced: no refusal.
#[test]
fn a_device_named_twice_is_no_overwrite() {
    // The input is empty, which is its own error; the point is that the
    // run gets that far.
    let (_, _, err) = outcome(kotoba().args(["sentences", "/dev/null", "-o", "/dev/null"]));
    assert!(!err.contains("replace"), "{err}");
    assert!(err.contains("empty"), "{err}");
    assert!(
        std::fs::metadata("/dev/null").is_ok_and(|m| !m.is_file()),
        "/dev/null must stay a device"
    );
}

/// The folder walk follows symbolic links, so an earlier output reached
/// through one (a linked folder, or a link to the file itself) is refused
/// as one lying in the folder is.
#[test]
fn an_earlier_output_reached_through_a_link_is_refused() {
    let dir = tempdir();
    let corpus = dir.path().join("corpus");
    let outside = dir.path().join("outside");
    for d in [&corpus, &outside] {
        std::fs::create_dir(d).unwrap_or_else(|e| panic!("{e}"));
    }
    write(&corpus, "a.txt", "One sentence. Another one.\n");
    let earlier = write(&outside, "result.txt", "One sentence.\n");
    std::os::unix::fs::symlink(&outside, corpus.join("more")).unwrap_or_else(|e| panic!("{e}"));
    let c = corpus.to_string_lossy().into_owned();
    let (code, out, err) = outcome(kotoba().args(["sentences", &c, "-o", &s(&earlier)]));
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("input folder"), "{err}");
    // A link to the file itself, in a folder of its own.
    let linked = dir.path().join("linked");
    std::fs::create_dir(&linked).unwrap_or_else(|e| panic!("{e}"));
    write(&linked, "a.txt", "One sentence.\n");
    std::os::unix::fs::symlink(&earlier, linked.join("old.txt")).unwrap_or_else(|e| panic!("{e}"));
    let l = linked.to_string_lossy().into_owned();
    let (code, _, err) = outcome(kotoba().args(["sentences", &l, "-o", &s(&earlier)]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("input folder"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&earlier).ok().as_deref(),
        Some("One sentence.\n")
    );
    // An output that is itself a link into the folder is written through:
    // it would replace a document of the folder, so it is refused too.
    let outlink = dir.path().join("outlink.txt");
    std::os::unix::fs::symlink(linked.join("a.txt"), &outlink).unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = outcome(kotoba().args(["sentences", &l, "-o", &s(&outlink)]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("input folder"), "{err}");
    assert_eq!(
        std::fs::read_to_string(linked.join("a.txt"))
            .ok()
            .as_deref(),
        Some("One sentence.\n")
    );
    // `-` is standard input even beside a folder named `-`.
    let dash = dir.path().join("-");
    std::fs::create_dir(&dash).unwrap_or_else(|e| panic!("{e}"));
    write(&dash, "res.txt", "old\n");
    let (code, out, err) = outcome(
        kotoba()
            .current_dir(dir.path())
            .args(["sentences", "-q", "-o", "./-/res.txt", "-"])
            .write_stdin("Hi there. Bye now.\n"),
    );
    assert_eq!(code, 0, "{out}{err}");
    // Elsewhere, the same runs work.
    let fresh = dir.path().join("fresh.txt");
    std::fs::write(&fresh, "").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = outcome(kotoba().args(["sentences", &c, "-o", &s(&fresh)]));
    assert_eq!(code, 0, "{err}");
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Runs `kotoba ARGS` under bash with `redirect` applied to its standard
/// output (`>&-`, `> /dev/full`, `| head -1`): kotoba's exit code (not
/// that of the end of a pipe) and its stderr.
fn under_shell(args: &[&str], redirect: &str) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("kotoba");
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "'{}' {} 2>\"$0\" {redirect}; echo ${{PIPESTATUS[0]}} > \"$0.code\"",
        bin.display(),
        quoted.join(" ")
    );
    let dir = tempdir();
    let err_path = dir.path().join("stderr");
    let status = Process::new("bash")
        .arg("-c")
        .arg(&script)
        .arg(&err_path)
        .env_remove("RAYON_NUM_THREADS")
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("running bash: {e}"));
    assert!(status.success(), "bash: {status:?}");
    let code = std::fs::read_to_string(dir.path().join("stderr.code"))
        .unwrap_or_else(|e| panic!("exit code: {e}"));
    let err = std::fs::read_to_string(&err_path).unwrap_or_else(|e| panic!("stderr: {e}"));
    (code.trim().parse().unwrap_or(-1), err)
}

/// Write errors on standard output say so (`> /dev/full` gave only the
/// system's message), those on `-o` name the file; a reader gone early
/// (`| head -1`) stays a quiet end with exit 0.
#[test]
fn a_full_standard_output_is_an_error_that_says_so() {
    let en = testdata(EN);
    let en = en.to_string_lossy();
    for args in [
        vec!["sentences", &*en],
        vec!["sentences", "--format", "jsonl", &*en],
        vec!["glossary", "extract", &*en],
    ] {
        let (code, err) = under_shell(&args, "> /dev/full");
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(
            err,
            "kotoba: error: writing to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
    let (code, err) = under_shell(&["sentences", &en, "-o", "/dev/full"], "");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("kotoba: error: cannot write /dev/full: No space left"),
        "{err}"
    );
    // Three different files: the same one three times is read once, with a
    // note on each repeat that a fast run printed before `head` closed the
    // pipe (the test failed so on a fresh machine).
    let ja = testdata("clinton-japan-trade-1993.ja.txt");
    let pairs = testdata("clinton-japan-trade-1993.en-ja.tsv");
    let (code, err) = under_shell(
        &[
            "tokenize",
            &en,
            &ja.to_string_lossy(),
            &pairs.to_string_lossy(),
        ],
        "| head -1",
    );
    assert_eq!((code, err.as_str()), (0, ""));
}

/// `-o` onto a symbolic link writes the file it points to, atomically, and
/// the link stays a link (`latest.tsv -> runs/x.tsv` was replaced by a
/// regular file); a dangling link writes the path it names, a chain of
/// links the last one's. A link to an input is refused as the input is.
#[test]
fn an_output_link_is_written_through_and_kept() {
    let dir = tempdir();
    let runs = dir.path().join("runs");
    std::fs::create_dir(&runs).unwrap_or_else(|e| panic!("{e}"));
    let en = testdata(EN);
    let link = |target: &str, name: &str| {
        let path = dir.path().join(name);
        std::os::unix::fs::symlink(target, &path).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let expected = {
        let (code, out, err) = outcome(kotoba().arg("sentences").arg(&en));
        assert_eq!(code, 0, "{err}");
        out
    };
    write(&runs, "x.txt", "old\n");
    let latest = link("runs/x.txt", "latest.txt");
    let dangling = link("runs/new.txt", "dangling.txt");
    let chain = link("latest.txt", "chain.txt");
    for (output, written) in [
        (&latest, runs.join("x.txt")),
        (&dangling, runs.join("new.txt")),
        (&chain, runs.join("x.txt")),
    ] {
        let (code, _, err) = outcome(
            kotoba()
                .current_dir(dir.path())
                .args(["sentences", "-o"])
                .arg(output.file_name().unwrap_or_default())
                .arg(&en),
        );
        assert_eq!(code, 0, "{}: {err}", output.display());
        let meta = std::fs::symlink_metadata(output).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            meta.file_type().is_symlink(),
            "{} is no link now",
            output.display()
        );
        assert_eq!(
            std::fs::read_to_string(&written).ok().as_deref(),
            Some(expected.as_str()),
            "{}",
            written.display()
        );
    }
    // Only the files named were made: no temporary file is left anywhere.
    let mut left: Vec<String> = std::fs::read_dir(&runs)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    left.sort();
    assert_eq!(left, ["new.txt", "x.txt"]);
    let input = link("runs/x.txt", "input-link.txt");
    let (code, _, err) = outcome(
        kotoba()
            .arg("sentences")
            .arg(runs.join("x.txt"))
            .arg("-o")
            .arg(&input),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("replace the input"), "{err}");
}

/// `build --stats` and `merge-stats` took a record of version 2 without the
/// "incomplete" mark version 2 stands for, and wrote it back as version 1:
/// refused, naming the file and line. A record of version 2 with its mark
/// is still read (and warned of).
#[test]
fn a_stats_record_of_version_2_needs_its_incomplete_mark() {
    let dir = tempdir();
    let corpus = write(
        dir.path(),
        "c.jsonl",
        "{\"text\":\"Trade talks on tariffs.\"}\n",
    );
    let stats = dir.path().join("s.jsonl");
    let (code, _, err) = outcome(
        kotoba()
            .args([
                "glossary",
                "build",
                "--jsonl",
                "--lang",
                "en",
                "--emit-stats",
            ])
            .arg(&stats)
            .arg(&corpus),
    );
    assert_eq!(code, 0, "{err}");
    let record = std::fs::read_to_string(&stats).unwrap_or_else(|e| panic!("{e}"));
    assert!(record.starts_with("{\"kotoba_stats\":1,"), "{record}");
    let blank_line = "\n";
    let forged = write(
        dir.path(),
        "v2.jsonl",
        &format!(
            "{blank_line}{}",
            record.replacen("\"kotoba_stats\":1", "\"kotoba_stats\":2", 1)
        ),
    );
    for command in [
        vec!["glossary", "build", "--stats", &s(&forged)],
        vec!["glossary", "merge-stats", &s(&forged)],
    ] {
        let (code, out, err) = outcome(kotoba().args(&command));
        assert_eq!((code, out.as_str()), (2, ""), "{command:?}");
        assert!(
            err.starts_with(&format!(
                "kotoba: error: {}:2: kotoba_stats version 2 is for counts marked \"incomplete\":true",
                forged.display()
            )),
            "{command:?}: {err}"
        );
    }
    // The mark goes last, as kotoba writes it.
    let body = record.trim_end().strip_suffix('}').unwrap_or_default();
    let marked = write(
        dir.path(),
        "marked.jsonl",
        &format!("{body},\"incomplete\":true}}\n").replacen(
            "\"kotoba_stats\":1",
            "\"kotoba_stats\":2",
            1,
        ),
    );
    let (code, out, err) = outcome(kotoba().args(["glossary", "merge-stats", &s(&marked)]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("warning"), "{err}");
    assert!(out.starts_with("{\"kotoba_stats\":2,"), "{out}");
}

/// `build --partial` goes with `--stats` only: beside `--emit-stats` (or a
/// corpus) it was accepted and did nothing.
#[test]
fn partial_is_refused_without_stats() {
    let dir = tempdir();
    let corpus = write(dir.path(), "c.jsonl", "{\"text\":\"Trade talks.\"}\n");
    let c = s(&corpus);
    for args in [
        vec![
            "glossary",
            "build",
            "--jsonl",
            "--lang",
            "en",
            "--emit-stats",
            "-",
            "--partial",
            &c,
        ],
        vec!["glossary", "build", "--emit-stats", "-", "--partial", &c],
        vec!["glossary", "build", "--partial", &c],
    ] {
        let (code, out, err) = outcome(kotoba().args(&args));
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(
            err.contains("cannot be used with") && err.contains("--partial"),
            "{args:?}: {err}"
        );
    }
}

/// `-o /dev/stdout` into a pipe, and `-o` a process substitution, failed
/// after links came to be followed by hand (`/proc/self/fd/1` names
/// `pipe:[N]`, no path; a review found it): a pipe is written as it is.
#[test]
fn output_to_dev_stdout_in_a_pipe_is_written() {
    let en = testdata(EN);
    let en = en.to_string_lossy();
    let (code, err) = under_shell(
        &["sentences", "-o", "/dev/stdout", &en],
        "| cat > /dev/null",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    // A file open on standard output is written in place, appended to as
    // the shell opened it (it was replaced, losing what it held).
    let dir = tempdir();
    let log = dir.path().join("log.txt");
    std::fs::write(&log, "OLD\n").unwrap_or_else(|e| panic!("{e}"));
    let redirect = format!(">> '{}'", log.display());
    let (code, err) = under_shell(&["sentences", "-o", "/dev/stdout", &en], &redirect);
    assert_eq!((code, err.as_str()), (0, ""));
    let written = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        written.starts_with("OLD\n") && written.lines().count() > 20,
        "{written}"
    );
}

/// `glossary convert g.tsv g.tsv --lenient` rewrote the file without the
/// entries it could not read: the user's only copy lost them, exit 0.
/// Since the second session of 2026-12-04 `convert` never writes over its
/// input, a clean one included (`crates/cli/tests/glossary.rs` has the
/// other spellings and links).
#[test]
fn convert_in_place_never_drops_entries() {
    let dir = tempdir();
    let table =
        "id\ten\tja\nrice-tariff\trice tariff\tコメ関税\nbad\t\t\nquota\timport quota\t輸入割当\n";
    let g = write(dir.path(), "g.tsv", table);
    let (code, out, err) = outcome(
        kotoba()
            .args(["glossary", "convert", "--lenient"])
            .arg(&g)
            .arg(&g),
    );
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("would replace the input"), "{err}");
    let kept = std::fs::read_to_string(&g).unwrap_or_default();
    assert_eq!(kept, table);
    let clean_table = "id\ten\tja\nquota\timport quota\t輸入割当\n";
    let clean = write(dir.path(), "clean.tsv", clean_table);
    let (code, _, err) = outcome(
        kotoba()
            .args(["glossary", "convert"])
            .arg(&clean)
            .arg(&clean),
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        std::fs::read_to_string(&clean).unwrap_or_default(),
        clean_table
    );
}
