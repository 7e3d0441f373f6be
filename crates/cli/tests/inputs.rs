//! End-to-end tests of what counts as an input: JSON Lines without a
//! record, empty files in folders, a file reached twice, compressed JSON
//! Lines, and the permissions of the files `-o` writes.

use std::path::Path;

mod util;
use util::{run, run_args, s, tempdir, testdata, write};

const EN: &str = "clinton-japan-trade-1993.en.txt";

/// JSON Lines without a record hold no documents: an empty Spark partition
/// piped through record mode gave a made-up error record and exit 2.
#[test]
fn json_lines_without_a_record_are_a_note_not_a_failure() {
    for input in ["", "\n", "\n \n\r\n"] {
        let (code, out, err) = run(
            &[
                "--threads",
                "1",
                "summarize",
                "--jsonl",
                "--keep-fields",
                "--format",
                "jsonl",
                "-q",
                "-",
            ],
            input,
        );
        assert_eq!((code, out.as_str()), (0, ""), "{input:?}: {err}");
        assert!(err.contains("<stdin>: no records"), "{input:?}: {err}");
        assert!(!err.contains("error"), "{input:?}: {err}");
    }
    // Among other files it is passed by, the rest read as ever.
    let dir = tempdir();
    let empty = write(dir.path(), "empty.jsonl", "");
    let full = write(
        dir.path(),
        "full.jsonl",
        "{\"id\":\"a\",\"text\":\"Tariffs rose.\"}\n",
    );
    let (code, out, err) = run_args(&[
        "sentences",
        "--jsonl",
        "--keep-fields",
        "--format",
        "jsonl",
        &s(&empty),
        &s(&full),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("{\"id\":\"a\""), "{out}");
    assert!(err.contains("empty.jsonl: no records"), "{err}");
}

/// A shard worker on an empty partition writes the counts of no documents,
/// and those merge with the other shards' as nothing.
#[test]
fn an_empty_partition_emits_stats_of_no_documents() {
    let (code, empty, err) = run(
        &[
            "glossary",
            "build",
            "--jsonl",
            "--lang",
            "en",
            "--emit-stats",
            "-",
            "-",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(empty.lines().count(), 1, "{empty}");
    let record: serde_json::Value =
        serde_json::from_str(&empty).unwrap_or_else(|e| panic!("{e}: {empty}"));
    assert_eq!(record["terms"]["docs"], 0, "{empty}");
    let dir = tempdir();
    let text = std::fs::read_to_string(testdata(EN)).unwrap_or_else(|e| panic!("{e}"));
    let input = write(
        dir.path(),
        "seed.jsonl",
        serde_json::json!({"id": "seed", "text": text}).to_string() + "\n",
    );
    let (code, full, err) = run_args(&[
        "glossary",
        "build",
        "--jsonl",
        "--lang",
        "en",
        "--emit-stats",
        "-",
        &s(&input),
    ]);
    assert_eq!(code, 0, "{err}");
    let both = write(dir.path(), "both.jsonl", format!("{empty}{full}"));
    let alone = write(dir.path(), "alone.jsonl", &full);
    let (code, merged, err) = run_args(&["glossary", "merge-stats", &s(&both)]);
    assert_eq!(code, 0, "{err}");
    let (code, expected, err) = run_args(&["glossary", "merge-stats", &s(&alone)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged, expected);
}

/// An empty file in a folder loses nothing, as a binary one: skipped with a
/// note (it failed the run, exit 2); named on its own it still fails.
#[test]
fn an_empty_file_in_a_folder_is_skipped_but_a_named_one_fails() {
    let dir = tempdir();
    write(dir.path(), "docs/a.txt", "The talks resumed.");
    let zero = write(dir.path(), "docs/b.txt", "");
    write(dir.path(), "docs/sub/c.txt", " \n\t\n");
    let folder = s(&dir.path().join("docs"));
    let (code, out, err) = run_args(&["sentences", &folder]);
    let headed = format!("==> {folder}/a.txt <==\nThe talks resumed.\n\n");
    assert_eq!((code, out.as_str()), (0, headed.as_str()), "{err}");
    for name in ["b.txt", "c.txt"] {
        assert!(err.contains(&format!("skipped {folder}/")), "{err}");
        assert!(err.contains(&format!("{name}: empty file")), "{err}");
    }
    assert!(!err.contains("error"), "{err}");
    let (code, _, err) = run_args(&["sentences", &s(&zero)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: ") && err.contains("b.txt: empty file"),
        "{err}"
    );
}

/// A file reached twice in one run was read twice, doubling its counts: it
/// is read once, by its first path in walk order, with any thread count,
/// and each later path is named in a note with the file it repeats.
#[cfg(unix)]
#[test]
fn a_file_reached_twice_is_read_once() {
    let dir = tempdir();
    let text = std::fs::read_to_string(testdata(EN)).unwrap_or_else(|e| panic!("{e}"));
    let article = write(dir.path(), "docs/article.txt", &text);
    let link = dir.path().join("docs/sub/copy.txt");
    write(dir.path(), "docs/sub/other.txt", "Rice imports fell.");
    std::os::unix::fs::symlink(&article, &link).unwrap_or_else(|e| panic!("{e}"));
    let folder = s(&dir.path().join("docs"));
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let (code, out, err) = run_args(&[
            "--threads",
            threads,
            "glossary",
            "build",
            "--lang",
            "en",
            "--emit-stats",
            "-",
            &folder,
            &s(&article),
        ]);
        assert_eq!(code, 0, "{err}");
        let stats: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(stats["terms"]["docs"], 2, "{out}");
        // A file of a walk with one link keeps no path (memory on millions
        // of files): the note says it was read before.
        for again in [&link, &article] {
            assert!(
                err.contains(&format!(
                    "skipped {}: the same file as one read before, read once",
                    again.display(),
                )),
                "{err}"
            );
        }
        outputs.push(out);
    }
    assert_eq!(outputs[0], outputs[1]);
    // The same file named twice.
    let (code, out, err) = run_args(&["sentences", "-q", &s(&article), &s(&link)]);
    let (_, once, _) = run_args(&["sentences", "-q", &s(&article)]);
    // Two inputs: the one read is headed by its name.
    let headed = format!("==> {} <==\n{once}\n", s(&article));
    assert_eq!((code, &out), (0, &headed), "{err}");
}

/// A compressed JSON Lines file named as an input gave an invalid byte on
/// every line and a hint at Shift_JIS: one error names the format and the
/// way to read it, and no record is read from it.
#[test]
fn compressed_json_lines_are_one_error_naming_the_format() {
    let dir = tempdir();
    // A gzip header, then bytes of compressed data across several lines.
    let mut gz = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff".to_vec();
    for i in 0..50u8 {
        gz.extend([0xc3 ^ i, 0xff, 0x00, b'\n']);
    }
    let gz = write(dir.path(), "news.jsonl.gz", gz);
    let bin = write(
        dir.path(),
        "blob.jsonl",
        b"\x7fELF\x02\x01\x00\n\xff\n\xfe\n",
    );
    let good = write(
        dir.path(),
        "good.jsonl",
        "{\"id\":\"a\",\"text\":\"Tariffs rose.\"}\n",
    );
    let (code, out, err) = run_args(&[
        "sentences",
        "--jsonl",
        "--keep-fields",
        "--format",
        "jsonl",
        &s(&gz),
        &s(&bin),
        &s(&good),
    ]);
    assert_eq!(code, 2, "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.contains("error:")).collect();
    assert_eq!(errors.len(), 2, "{err}");
    assert!(
        errors[0].ends_with(
            "news.jsonl.gz: gzip-compressed file: JSON Lines are read as text; decompress it \
             first, e.g. zcat FILE | kotoba … --jsonl -"
        ),
        "{err}"
    );
    assert!(
        errors[1].ends_with("blob.jsonl: binary file (contains NUL bytes)"),
        "{err}"
    );
    assert!(
        !err.contains("invalid UTF-8") && !err.contains("iconv"),
        "{err}"
    );
    // One error record a file, then the good file's record.
    let records = util::jsonl(&out);
    assert_eq!(records.len(), 3, "{out}");
    assert_eq!(records[2]["id"], "a", "{out}");
}

/// A new file written with `-o` was always 0644, whatever the umask (a
/// private 077 gave a file others could read): it gets 0666 less the umask,
/// and a file it replaces keeps its own permissions.
#[cfg(unix)]
#[test]
fn a_new_output_file_honours_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let input = testdata(EN);
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let under_umask = |umask: &str, output: &Path| {
        let status = std::process::Command::new("sh")
            .args(["-c", &format!("umask {umask} && exec \"$0\" \"$@\"")])
            .arg(assert_cmd::cargo::cargo_bin("kotoba"))
            .args(["sentences", "-q", "-o", &s(output), &s(&input)])
            .env_remove("RAYON_NUM_THREADS")
            .status()
            .unwrap_or_else(|e| panic!("running kotoba: {e}"));
        assert!(status.success(), "umask {umask}: {status}");
    };
    for (umask, expected) in [("077", 0o600), ("027", 0o640), ("002", 0o664), ("0", 0o666)] {
        let output = dir.path().join(format!("new-{umask}.txt"));
        under_umask(umask, &output);
        assert_eq!(mode(&output), expected, "umask {umask}");
    }
    // Replaced, a file keeps the permissions it had.
    let kept = dir.path().join("kept.txt");
    std::fs::write(&kept, "old").unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o604))
        .unwrap_or_else(|e| panic!("{e}"));
    under_umask("077", &kept);
    assert_eq!(mode(&kept), 0o604);
    assert_ne!(
        std::fs::read_to_string(&kept).unwrap_or_default(),
        "old",
        "replaced"
    );
}
