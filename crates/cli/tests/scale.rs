//! Corpus-scale behaviour: shards, record mode, fail-fast, thread-count
//! independence, and the `xargs -P` recipe of docs/scale-out.md.

use std::path::{Path, PathBuf};
use std::process::Command as Shell;

use assert_cmd::Command;
use serde_json::Value;

mod util;
use util::{kotoba, testdata};

/// `kotoba COMMAND --jsonl --keep-fields INPUT`.
fn record_mode(command: &[&str], input: &Path) -> std::process::Output {
    kotoba()
        .args(command)
        .args(["--jsonl", "--keep-fields"])
        .arg(input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A JSONL corpus made of the seed article's paragraphs and the translation's
/// segments, with an extra field and one broken line.
fn corpus(dir: &Path) -> PathBuf {
    let en =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt")).unwrap_or_default();
    let ja =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.ja.txt")).unwrap_or_default();
    let mut lines = Vec::new();
    for (i, p) in en
        .split("\n\n")
        .chain(ja.split("\n\n"))
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        lines.push(
            serde_json::json!({"id": format!("p{i}"), "text": p.trim(), "source": "seed", "n": i})
                .to_string(),
        );
        if i == 5 {
            lines.push("{not json".to_string());
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap_or_default();
    path
}

fn stdout(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn shards_together_hold_exactly_a_single_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let args = [
        "summarize",
        "--jsonl",
        "--keep-fields",
        "--format",
        "jsonl",
        "-n",
        "1",
    ];
    let (_, whole) = stdout(kotoba().args(args).arg(&input));
    let mut union: Vec<String> = Vec::new();
    for k in 0..3 {
        let (_, part) = stdout(
            kotoba()
                .args(args)
                .arg("--shard")
                .arg(format!("{k}/3"))
                .arg(&input),
        );
        union.extend(part.lines().map(String::from));
    }
    let mut all: Vec<String> = whole.lines().map(String::from).collect();
    assert!(all.len() > 20);
    all.sort();
    union.sort();
    assert_eq!(all, union);
}

#[test]
fn record_mode_keeps_one_record_per_input_and_passes_fields_through() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let n_inputs = std::fs::read_to_string(&input)
        .unwrap_or_default()
        .lines()
        .count();
    for command in [
        vec!["summarize", "--format", "jsonl"],
        vec!["sentences", "--format", "jsonl"],
        vec!["tokenize", "--format", "jsonl"],
        vec!["detect", "--by", "sentence", "--format", "jsonl"],
        vec!["glossary", "annotate", "--format", "jsonl"],
    ] {
        let (code, out) = stdout(
            kotoba()
                .args(&command)
                .args(["--jsonl", "--keep-fields"])
                .arg(&input),
        );
        assert_eq!(code, 2, "{command:?}: the broken line must fail the run");
        let records: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_default())
            .collect();
        assert_eq!(records.len(), n_inputs, "{command:?}");
        assert!(
            records[6]["error"]
                .as_str()
                .is_some_and(|e| e.contains("corpus.jsonl:7")),
            "{command:?}: {}",
            records[6]
        );
        assert_eq!(records[0]["source"], "seed", "{command:?}");
        assert_eq!(records[3]["n"], 3, "{command:?}");
        assert!(
            records[0].get("text").is_none(),
            "the input text is not copied back"
        );
    }
}

/// A failed record keeps its id when it has one; where no output record
/// stands for an input record, `--keep-fields` is refused.
#[test]
fn record_mode_names_failed_records_and_needs_records_out() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("news.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"Tariffs rose.\"}\n{\"id\": \"b\", \"body\": \"no text\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, out) = stdout(
        kotoba()
            .args([
                "glossary",
                "annotate",
                "--format",
                "jsonl",
                "--jsonl",
                "--keep-fields",
            ])
            .arg(&input),
    );
    assert_eq!(code, 2);
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    assert_eq!(records[1]["id"], "b", "{out}");
    for command in [
        vec!["glossary", "annotate", "--format", "inline"],
        vec!["glossary", "extract"],
        vec!["glossary", "build"],
        vec!["sentences"],
        vec!["tokenize", "--format", "tsv"],
        vec!["detect"],
        vec!["summarize"],
        vec!["summarize", "--multi", "--format", "jsonl"],
    ] {
        let out = record_mode(&command, &input);
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        assert!(out.stdout.is_empty(), "{command:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--keep-fields needs"),
            "{command:?}"
        );
    }
}

#[test]
fn fail_fast_stops_and_writes_no_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let target = dir.path().join("out.txt");
    let out = kotoba()
        .args(["sentences", "--jsonl", "--fail-fast", "-o"])
        .arg(&target)
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--fail-fast"));
    assert!(!target.exists());
}

#[test]
fn every_command_gives_the_same_bytes_on_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    for command in [
        vec!["sentences", "--format", "jsonl"],
        vec!["tokenize", "--format", "jsonl"],
        vec!["tokenize", "--format", "mecab"],
        vec!["detect", "--by", "paragraph", "--format", "jsonl"],
        vec!["summarize", "--format", "jsonl", "--method", "lexrank"],
        vec!["summarize", "--format", "jsonl", "--method", "pacsum"],
        vec!["glossary", "annotate"],
        vec!["glossary", "extract", "--lang", "en", "--format", "jsonl"],
    ] {
        let run = |t: &str| {
            stdout(
                kotoba()
                    .args(["--threads", t])
                    .args(&command)
                    .arg("--jsonl")
                    .arg(&input),
            )
            .1
        };
        assert_eq!(run("1"), run("2"), "{command:?}");
    }
}

#[test]
fn rouge_gives_the_same_figures_on_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let mut files = Vec::new();
    for method in ["leadrank", "lead"] {
        let path = dir.path().join(format!("{method}.jsonl"));
        let (code, out) = stdout(
            kotoba()
                .args([
                    "summarize",
                    "--jsonl",
                    "--format",
                    "jsonl",
                    "-n",
                    "1",
                    "--method",
                    method,
                ])
                .arg(&input),
        );
        assert_eq!(code, 2, "the corpus holds one broken line");
        std::fs::write(&path, out).unwrap_or_else(|e| panic!("{e}"));
        files.push(path);
    }
    let run = |t: &str| {
        stdout(
            kotoba()
                .args([
                    "--threads",
                    t,
                    "eval",
                    "rouge",
                    "--format",
                    "jsonl",
                    "--system",
                ])
                .arg(&files[0])
                .arg("--reference")
                .arg(&files[1]),
        )
    };
    let (code, one) = run("1");
    assert_eq!(code, 0);
    assert!(one.lines().count() > 10, "{one}");
    assert_eq!(run("2"), (0, one));
}

#[test]
fn glossary_check_reports_the_same_lines_on_one_or_two_threads() {
    // The seed translation 60 times over (1,560 pairs, several chunks of
    // work), with a key term replaced in the 7th and the 50th copies.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.en-ja.tsv")).unwrap_or_default();
    let mut lines = seed.lines();
    let header = lines.next().unwrap_or_default();
    let body: Vec<&str> = lines.collect();
    let mut tsv = format!("{header}\n");
    for copy in 0..60 {
        for l in &body {
            if copy == 6 || copy == 49 {
                tsv.push_str(&l.replace("貿易黒字", "貿易赤字"));
            } else {
                tsv.push_str(l);
            }
            tsv.push('\n');
        }
    }
    let path = dir.path().join("pairs.tsv");
    std::fs::write(&path, tsv).unwrap_or_default();
    let run = |t: &str| {
        stdout(
            kotoba()
                .args(["--threads", t, "glossary", "check", "--format", "jsonl"])
                .arg("--parallel")
                .arg(&path),
        )
    };
    let (code, one) = run("1");
    assert_eq!(code, 1);
    assert_eq!(run("2"), (1, one.clone()));
    let lines: Vec<i64> = one
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["line"].as_i64())
        .collect();
    // Line numbers count the header: copy k's pair i is on line 2 + 26k + i.
    let per_copy = body.len() as i64;
    assert!(!lines.is_empty());
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|l| [6, 49].contains(&((l - 2) / per_copy))),
        "{lines:?}"
    );
}

#[test]
fn xargs_recipe_matches_a_single_run() {
    if Shell::new("xargs").arg("--version").output().is_err() {
        eprintln!("note: no xargs here");
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("kotoba");
    // docs/scale-out.md: N shard workers in parallel, outputs concatenated.
    let script = format!(
        "seq 0 3 | xargs -P 4 -I{{}} sh -c '{} summarize --jsonl --keep-fields --format jsonl --shard {{}}/4 {} > {}/part-{{}}.jsonl 2>/dev/null; true' && cat {}/part-*.jsonl | LC_ALL=C sort",
        bin.display(),
        input.display(),
        dir.path().display(),
        dir.path().display()
    );
    let sharded = Shell::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, single) = stdout(
        kotoba()
            .args(["summarize", "--jsonl", "--keep-fields", "--format", "jsonl"])
            .arg(&input),
    );
    let mut single: Vec<&str> = single.lines().collect();
    single.sort();
    assert_eq!(
        String::from_utf8_lossy(&sharded.stdout)
            .lines()
            .collect::<Vec<_>>(),
        single
    );
}

/// Ctrl-C, SIGTERM (a job scheduler's or `timeout`'s) and SIGHUP (a closed
/// terminal) all remove the temporary file of `-o` (SIGTERM left it, a
/// review found).
#[test]
fn interrupting_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Large enough to still be running when the signal comes.
    let text =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt")).unwrap_or_default();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, text.repeat(2000)).unwrap_or_default();
    for (signal, code) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        let out_dir = dir.path().join(format!("out-{signal}"));
        std::fs::create_dir(&out_dir).unwrap_or_default();
        let mut child = Shell::new(assert_cmd::cargo::cargo_bin("kotoba"))
            .args(["--threads", "1", "tokenize", "--format", "tsv", "-o"])
            .arg(out_dir.join("tokens.tsv"))
            .arg(&big)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        let entries = |d: &Path| -> Vec<PathBuf> {
            std::fs::read_dir(d)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
                .unwrap_or_default()
        };
        // The signal comes once the temporary file is there (and the
        // handler set up before it).
        for _ in 0..500 {
            if !entries(&out_dir).is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let _ = Shell::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status();
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        let left = entries(&out_dir);
        if status.code() == Some(0) {
            // It finished before the signal: then the whole file is there.
            assert_eq!(left, [out_dir.join("tokens.tsv")], "SIG{signal}");
        } else {
            assert_eq!(status.code(), Some(code), "SIG{signal}: {status:?}");
            assert!(left.is_empty(), "SIG{signal}: the run left {left:?}");
        }
    }
}

/// A signal ignored when kotoba starts stays ignored: under `nohup` a
/// SIGHUP ended the run (the handler took it over, a review found).
#[test]
fn an_ignored_hangup_stays_ignored() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text =
        std::fs::read_to_string(testdata("clinton-japan-trade-1993.en.txt")).unwrap_or_default();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, text.repeat(2000)).unwrap_or_default();
    let out = dir.path().join("tokens.tsv");
    // `trap '' HUP` is what nohup does: SIGHUP ignored, across exec.
    let mut child = Shell::new("sh")
        .arg("-c")
        .arg("trap '' HUP; exec \"$0\" --threads 1 tokenize --format tsv -o \"$1\" \"$2\"")
        .arg(assert_cmd::cargo::cargo_bin("kotoba"))
        .arg(&out)
        .arg(&big)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Once the temporary file is there, the handlers are set up.
    for _ in 0..500 {
        let entries = std::fs::read_dir(dir.path()).map_or(0, |d| d.count());
        if entries > 1 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The signal must reach the running process (a run already over would
    // pass without the rule): its output not renamed into place yet.
    let unfinished = !out.exists();
    let killed = unfinished
        && Shell::new("kill")
            .args(["-HUP".to_string(), child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(killed, "the run ended before SIGHUP was sent");
    assert_eq!(status.code(), Some(0), "{status:?}");
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(written.lines().count() > 1000);
}

#[test]
fn verbose_reports_documents_failures_and_time() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let out = kotoba()
        .args(["sentences", "--jsonl", "-v"])
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("documents done, 1 failed"), "{err}");
}

#[test]
fn progress_shows_on_a_terminal_only() {
    // `script` (util-linux, on every Debian machine) gives the command a
    // terminal; captured stderr is not one.
    let kotoba_bin = assert_cmd::cargo::cargo_bin("kotoba");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = corpus(dir.path());
    let pairs = testdata("clinton-japan-trade-1993.en-ja.tsv");
    for (args, shows) in [
        (
            format!("sentences --jsonl {}", input.display()),
            "docs, 1 failed",
        ),
        (
            format!("glossary check --parallel {}", pairs.display()),
            "26 pairs, 0 failed",
        ),
        (
            format!("glossary align --parallel {}", pairs.display()),
            "26 pairs, 0 failed",
        ),
    ] {
        let line = format!("{} {args} > /dev/null", kotoba_bin.display());
        let typed = Shell::new("script")
            .args(["-qec", &line, "/dev/null"])
            .output()
            .unwrap_or_else(|e| panic!("script: {e}"));
        let screen = String::from_utf8_lossy(&typed.stdout).into_owned();
        assert!(screen.contains(shows), "{args}: {screen}");
        let quiet = Shell::new("script")
            .args(["-qec", &format!("{line} -q"), "/dev/null"])
            .output()
            .unwrap_or_else(|e| panic!("script: {e}"));
        assert!(
            !String::from_utf8_lossy(&quiet.stdout).contains(shows),
            "{args} -q"
        );
        let piped = Shell::new(&kotoba_bin)
            .args(args.split(' '))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !String::from_utf8_lossy(&piped.stderr).contains(shows),
            "{args} piped"
        );
    }
}

/// Record mode gave back a numeric id as a string (`1.50` as `"1.5"`) and
/// made one up (`"kf.jsonl:2"`) for a record without any, which then joined
/// to nothing: the id is the record's own, or null.
#[test]
fn record_mode_keeps_the_records_own_id() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("kf.jsonl");
    std::fs::write(
        &input,
        "{\"id\":7,\"url\":\"u1\",\"text\":\"A doc.\"}\n{\"url\":\"u3\",\"text\":\"C doc.\"}\n\
         {\"id\":8,\"text\":5}\n{\"text\":5}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for command in [
        vec!["summarize", "--format", "jsonl"],
        vec!["sentences", "--format", "jsonl"],
    ] {
        let out = record_mode(&command, &input);
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        let records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_default())
            .collect();
        assert_eq!(records.len(), 4, "{command:?}");
        // Failures carry the id the same way.
        assert_eq!(records[2]["id"], serde_json::json!(8), "{command:?}");
        assert!(records[2]["error"].is_string(), "{command:?}");
        assert_eq!(records[3]["id"], Value::Null, "{command:?}");
        assert_eq!(records[0]["id"], serde_json::json!(7), "{command:?}");
        assert_eq!(records[0]["url"], "u1", "{command:?}");
        assert_eq!(records[1]["id"], Value::Null, "{command:?}");
        assert_eq!(records[1]["url"], "u3", "{command:?}");
    }
}

/// A numeric id came back as serde_json had read it, a float: an integer
/// id beyond 64 bits lost its last digits, and `1.50` became `1.5`, so the
/// output did not join back to the input. Ids now come back digit for digit.
#[test]
fn record_mode_gives_numeric_ids_back_as_written() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("ids.jsonl");
    std::fs::write(
        &input,
        "{\"id\":12345678901234567890123,\"text\":\"A doc.\"}\n{\"id\":1.50,\"text\":\"B doc.\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for command in [
        vec!["summarize", "--format", "jsonl"],
        vec!["sentences", "--format", "jsonl"],
    ] {
        let out = record_mode(&command, &input);
        assert_eq!(out.status.code(), Some(0), "{command:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{command:?}");
        assert!(
            lines[0].starts_with("{\"id\":12345678901234567890123,"),
            "{command:?}: {}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("{\"id\":1.50,"),
            "{command:?}: {}",
            lines[1]
        );
    }
}

/// In record mode the error records are the output: when every record
/// failed they went to standard output while stderr said "nothing written",
/// and `-o` made no file. Now both get them, and stderr says so; outside
/// record mode a run where everything failed still writes nothing.
#[test]
fn record_mode_writes_error_records_when_every_record_fails() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":7}\nnot json\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let record_mode = ["sentences", "--jsonl", "--keep-fields", "--format", "jsonl"];
    let out = kotoba()
        .args(record_mode)
        .arg(&input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let records = util::jsonl(&stdout);
    let ids: Vec<&Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids, [&Value::from("a"), &Value::from(7), &Value::Null]);
    assert!(records.iter().all(|r| r["error"].is_string()), "{stdout}");
    assert!(!stderr.contains("nothing written"), "{stderr}");
    assert!(
        stderr.contains("all 3 input(s) failed; the output holds their error records"),
        "{stderr}"
    );
    let file = dir.path().join("out.jsonl");
    let out = kotoba()
        .args(record_mode)
        .arg(&input)
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&file).ok().as_deref(),
        Some(stdout.as_str())
    );
    // Outside record mode: no file, and stderr says nothing was written.
    let plain = dir.path().join("plain.jsonl");
    let out = kotoba()
        .args(["sentences", "--jsonl", "--format", "jsonl"])
        .arg(&input)
        .arg("-o")
        .arg(&plain)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(!plain.exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 input(s) failed; nothing written"));
}

/// An `--id-field` that records lack, or hold as true, null, a list or an
/// object, gave `file:line` ids without a word: one note a run names the
/// field, the first record and how many; the status is unchanged. The
/// default `id` missing stays unremarked (records without ids are common).
#[test]
fn records_without_the_id_field_asked_for_are_noted_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("news.jsonl");
    let records = [
        r#"{"url":"u1","text":"Tariffs rose."}"#,
        r#"{"text":"Talks failed."}"#,
        r#"{"url":true,"text":"Rice."}"#,
        r#"{"url":null,"text":"Cars."}"#,
        r#"{"url":["a"],"text":"Chips."}"#,
        r#"{"url":{"a":1},"text":"Beef."}"#,
        r#"{"url":7,"text":"Steel."}"#,
    ];
    std::fs::write(&input, records.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
    let run = |args: &[&str]| {
        let out = kotoba()
            .args(args)
            .arg(&input)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run(&[
        "sentences",
        "--jsonl",
        "--id-field",
        "url",
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("{}:2\t", input.display())), "{out}");
    assert_eq!(
        err,
        format!(
            "kotoba: note: --id-field url: 5 record(s) have no string or number `url` (the \
             first: {}:2); they are named by file and line instead\n",
            input.display()
        )
    );
    for threads in ["1", "2"] {
        let (code, _, err2) = run(&[
            "--threads",
            threads,
            "summarize",
            "--jsonl",
            "--keep-fields",
            "--format",
            "jsonl",
            "--id-field",
            "url",
        ]);
        assert_eq!(code, 0, "{err2}");
        assert!(
            err2.contains("5 record(s) have no string or number `url`")
                && err2.contains("their output records carry the field as it is, or null"),
            "{err2}"
        );
        assert_eq!(
            err2.matches("kotoba: note: --id-field").count(),
            1,
            "{err2}"
        );
    }
    // The default `id`: silence.
    let (code, _, err) = run(&["sentences", "--jsonl"]);
    assert_eq!((code, err.as_str()), (0, ""));
}

/// With `--jsonl` a folder's other files are not read: a folder of .txt
/// files said only "no documents in the input". One note a run counts them
/// and names the first.
#[test]
fn files_jsonl_leaves_unread_in_a_folder_are_noted_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let texts = dir.path().join("texts");
    std::fs::create_dir_all(texts.join("more")).unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in [
        ("a.txt", "Tariffs rose."),
        ("more/b.txt", "Talks failed."),
        (".hidden", "never"),
    ] {
        std::fs::write(texts.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    let run = |args: &[&str]| {
        let out = kotoba()
            .args(args)
            .arg(&texts)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let note = format!(
        "kotoba: note: 2 file(s) in input folders not read: with --jsonl only .jsonl, .ndjson \
         and .json files are (.txt 2; the first: {})\n",
        texts.join("a.txt").display()
    );
    // Every file passed over: no corpus at all, an error (exit 2).
    let (code, err) = run(&["sentences", "--jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        format!(
            "{note}kotoba: no documents read: every file of the input folders was passed over; \
             nothing written\n"
        )
    );
    let (code, err) = run(&["glossary", "extract", "--jsonl"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with(&note), "{err}");
    // Beside a JSON Lines file, the same note, once; without --jsonl the
    // JSON Lines file is the one passed over.
    std::fs::write(texts.join("more/c.jsonl"), "{\"text\":\"Rice.\"}\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, err) = run(&["sentences", "--jsonl"]);
    assert_eq!((code, err), (0, note));
    let (code, err) = run(&["sentences", "-q"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("not read").count(), 1, "{err}");
    assert!(err.contains("1 file(s) in input folders not read"), "{err}");
    assert!(
        err.contains(&format!(
            "the first: {}",
            texts.join("more/c.jsonl").display()
        )),
        "{err}"
    );
}

/// 60,000 records without the text field printed 60,000 error lines: a run
/// shows its first 20 errors in full, in input order whatever the threads,
/// then one line saying the rest are counted; the summary gives the total,
/// and record mode's error records still carry every one.
#[test]
fn errors_past_the_first_twenty_are_counted_not_shown() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("in.jsonl");
    let mut lines: Vec<String> = (0..60)
        .map(|i| format!("{{\"id\":\"r{i}\",\"text\":\"No txt field.\"}}"))
        .collect();
    lines.push(r#"{"id":"ok","txt":"Tariffs rose."}"#.to_string());
    std::fs::write(&input, lines.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
    let run = |threads: &str, record_mode: bool| {
        let mut cmd = kotoba();
        cmd.args([
            "--threads",
            threads,
            "sentences",
            "--jsonl",
            "--text-field",
            "txt",
        ]);
        if record_mode {
            cmd.args(["--keep-fields", "--format", "jsonl"]);
        }
        let out = cmd.arg(&input).output().unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run("1", false);
    assert_eq!(code, 2, "{err}");
    assert_eq!(out, "==> ok <==\nTariffs rose.\n\n");
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("kotoba: error: "))
        .collect();
    assert_eq!(errors.len(), 20, "{err}");
    for (i, line) in errors.iter().enumerate() {
        assert!(
            line.ends_with(&format!(
                "in.jsonl:{}: no field \"txt\" (choose one with --text-field)",
                i + 1
            )),
            "{line}"
        );
    }
    assert_eq!(
        err.matches("kotoba: note: more than 20 errors: further ones are counted, not shown")
            .count(),
        1,
        "{err}"
    );
    assert!(err.ends_with("kotoba: 60 input(s) failed\n"), "{err}");
    assert_eq!(run("2", false), (code, out, err));
    let (code, out, err) = run("2", true);
    assert_eq!(code, 2);
    let records = util::jsonl(&out);
    assert_eq!(records.len(), 61);
    assert_eq!(
        records.iter().filter(|r| r["error"].is_string()).count(),
        60
    );
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("kotoba: error: "))
            .count(),
        20
    );
}
