//! End-to-end tests of what a folder walk reads: files named as prose
//! documents (`.txt`, `.text`, `.md`, `.markdown`, `.rst`, `.org`, or
//! without an extension), data files passed over with one note a run, a
//! file named on the command line read whatever its name, and the exit
//! status of inputs that hold no document.

use std::path::{Path, PathBuf};

mod util;
use util::{run_args, s, tempdir, write};

const NEWS: &str = "Japan and the United States resumed trade talks on Tuesday. \
    Negotiators discussed tariffs on automobiles and auto parts. \
    The trade talks will continue next week in Washington.\n";

const TBX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<text><body>
<termEntry id="c1">
<descrip type="definition">A compulsory levy imposed on imported merchandise at customs.</descrip>
<langSet xml:lang="en"><termSec><term>tariff</term></termSec></langSet>
<langSet xml:lang="ja"><termSec><term>関税</term></termSec></langSet>
</termEntry>
<termEntry id="c2">
<descrip type="definition">A compulsory levy imposed on subsidized merchandise.</descrip>
<langSet xml:lang="en"><termSec><term>countervailing duty</term></termSec></langSet>
<langSet xml:lang="ja"><termSec><term>相殺関税</term></termSec></langSet>
</termEntry>
</body></text>
</martif>
"#;

/// The folder of the terminologist's review: an English article beside a
/// parallel table, a TBX glossary and two JSON Lines files of data.
fn project(dir: &Path) -> PathBuf {
    let proj = dir.join("proj");
    write(&proj, "en1.txt", NEWS);
    write(
        &proj,
        "pairs.tsv",
        "tariff\t関税\ncountervailing duty\t相殺関税\n",
    );
    write(&proj, "terms.tbx", TBX);
    write(
        &proj,
        "data.jsonl",
        "{\"en\":\"tariff\",\"ja\":\"関税\"}\n{\"en\":\"quota\",\"ja\":\"割当\"}\n",
    );
    write(
        &proj,
        "sub/more.jsonl",
        "{\"en\":\"levy\",\"ja\":\"賦課金\"}\n",
    );
    proj
}

/// The lines of `err` that note files passed over in input folders.
fn passed_notes(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| l.contains("in input folders not read"))
        .collect()
}

/// `glossary extract` over a folder ranked `termSec` (TBX markup), the
/// JSON keys `en` and `ja`, and words of the TBX's definitions, exit 0 and
/// no word of the .tbx. The walk reads the article alone; the four data
/// files are passed over, counted in one note naming the first.
#[test]
fn a_folder_walk_reads_documents_not_data_files() {
    let dir = tempdir();
    let proj = project(dir.path());
    let p = s(&proj);
    let (code, out, err) = run_args(&["glossary", "extract", &p, "--top", "8"]);
    assert_eq!(code, 0, "{err}");
    for word in [
        "termsec",
        "termentry",
        "langset",
        "descrip",
        "compulsory",
        "levy",
        "merchandise",
    ] {
        assert!(!out.to_lowercase().contains(word), "{word} ranked:\n{out}");
    }
    for key in ["en", "ja", "quota"] {
        assert!(
            !out.lines().any(|l| l.split('\t').next() == Some(key)),
            "{key} ranked:\n{out}"
        );
    }
    let notes = passed_notes(&err);
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains("4 file(s) in input folders not read"),
        "{err}"
    );
    assert!(
        notes[0].contains(&s(&proj.join("data.jsonl"))),
        "the first passed over, in walk order: {err}"
    );
    // The .jsonl files are not read as plain text: no note says so.
    assert!(!err.contains("read as plain text"), "{err}");
    // Only the article is a document.
    let (code, out, err) = run_args(&["sentences", &p]);
    assert_eq!(code, 0, "{err}");
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("==> ")).collect();
    assert!(
        headers.is_empty() || headers == [format!("==> {p}/en1.txt <==").as_str()],
        "{out}"
    );
    assert!(out.contains("resumed trade talks on Tuesday."), "{out}");
    assert!(!out.contains("termSec") && !out.contains("関税"), "{out}");
}

/// Every prose extension, in any case, and a file without an extension
/// are documents of a folder; HTML (markup read as words: kotoba has no
/// HTML reader), XML, CSV, PO, XLIFF, TMX and SDLTM are not.
#[test]
fn prose_extensions_are_read_and_markup_and_data_passed_over() {
    let dir = tempdir();
    let docs = dir.path().join("docs");
    let prose = [
        "a.txt",
        "b.TXT",
        "c.text",
        "d.md",
        "e.markdown",
        "f.rst",
        "g.org",
        "README",
    ];
    for name in prose {
        write(&docs, name, format!("Document {name} is here.\n"));
    }
    let data = [
        "h.html", "i.htm", "j.xml", "k.csv", "l.po", "m.xliff", "n.xlf", "o.tmx", "p.sdltm",
        "q.json", "r.ndjson",
    ];
    for name in data {
        write(&docs, name, format!("Data {name} is here.\n"));
    }
    write(&docs, ".hidden.txt", "Never read.\n");
    let (code, out, err) = run_args(&["sentences", &s(&docs)]);
    assert_eq!(code, 0, "{err}");
    for name in prose {
        assert!(
            out.contains(&format!("Document {name} is here.")),
            "{name}: {out}"
        );
    }
    for name in data {
        assert!(!out.contains(&format!("Data {name}")), "{name}: {out}");
    }
    assert!(!out.contains("Never read."), "{out}");
    let notes = passed_notes(&err);
    assert_eq!(notes.len(), 1, "{err}");
    // Hidden files are not counted.
    assert!(
        notes[0].contains("11 file(s) in input folders not read"),
        "{err}"
    );
}

/// A file named on the command line is read whatever its name, as asked:
/// a .tbx or .tsv as plain text, with no note of files passed over.
#[test]
fn a_data_file_named_on_the_command_line_is_read() {
    let dir = tempdir();
    let proj = project(dir.path());
    let (code, out, err) = run_args(&["sentences", &s(&proj.join("pairs.tsv"))]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("countervailing duty\t相殺関税"), "{out}");
    assert!(passed_notes(&err).is_empty(), "{err}");
    let (code, out, err) = run_args(&["sentences", &s(&proj.join("terms.tbx"))]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("termSec"), "{out}");
    // A folder and a data file in it named too: the file is read, the rest
    // of the folder's data passed over.
    let (code, out, err) = run_args(&["sentences", &s(&proj), &s(&proj.join("terms.tbx"))]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("termSec") && out.contains("Tuesday."), "{out}");
    assert!(passed_notes(&err).len() == 1, "{err}");
}

/// Two .jsonl files in a folder gave one note naming one of them, read as
/// plain text: without `--jsonl` they are passed over and counted, both,
/// in the one note of the run; with `--jsonl` their records are read and
/// the article is what is counted.
#[test]
fn json_lines_in_a_folder_are_counted_in_one_note() {
    let dir = tempdir();
    let proj = project(dir.path());
    let p = s(&proj);
    let (code, out, err) = run_args(&["sentences", &p]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("quota") && !out.contains("levy"), "{out}");
    assert!(!err.contains("read as plain text"), "{err}");
    let notes = passed_notes(&err);
    assert!(notes.len() == 1 && notes[0].contains("4 file(s)"), "{err}");
    let (code, out, err) = run_args(&[
        "sentences",
        "--jsonl",
        "--text-field",
        "en",
        "--format",
        "jsonl",
        &p,
    ]);
    assert_eq!(code, 0, "{err}");
    let texts: Vec<String> = util::jsonl(&out)
        .iter()
        .map(|r| r["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(texts, ["tariff", "quota", "levy"], "{out}");
    let notes = passed_notes(&err);
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains("3 file(s) in input folders not read"),
        "{err}"
    );
    assert!(notes[0].contains(&s(&proj.join("en1.txt"))), "{err}");
}

/// An output in an input folder is refused where a rerun over the folder
/// would read it as a document (`.txt`), and written where it would not
/// (`.tsv`): the rerun then gives the same result.
#[test]
fn an_output_in_an_input_folder_is_refused_only_where_a_rerun_reads_it() {
    let dir = tempdir();
    let proj = project(dir.path());
    let p = s(&proj);
    let txt = proj.join("sentences.txt");
    let (code, _, err) = run_args(&["sentences", &p, "-o", &s(&txt)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("input folder"), "{err}");
    assert!(!txt.exists());
    let tsv = proj.join("sentences.tsv");
    let (code, _, err) = run_args(&["sentences", &p, "-o", &s(&tsv)]);
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read_to_string(&tsv).unwrap_or_else(|e| panic!("{e}"));
    let (code, again, err) = run_args(&["sentences", &p]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(again, first);
}

/// Inputs without a document, as the exit status has them: a folder with
/// no file is a note and exit 0 (nothing was lost); a folder of data files
/// only, every one passed over, is exit 2 (a forgotten --jsonl or a corpus
/// of other extensions must not pass for an empty corpus); an empty file
/// named on the command line was meant to be read, exit 2.
#[test]
fn inputs_without_a_document_and_their_exit_status() {
    let dir = tempdir();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run_args(&["summarize", &s(&empty)]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(err, "kotoba: note: no documents in the input\n");
    let data = dir.path().join("data");
    write(&data, "terms.tbx", TBX);
    for command in [&["summarize"][..], &["glossary", "extract"]] {
        let mut args = command.to_vec();
        let data = s(&data);
        args.push(&data);
        let (code, out, err) = run_args(&args);
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert_eq!(passed_notes(&err).len(), 1, "{err}");
        assert!(err.contains("1 file(s) in input folders not read"), "{err}");
        assert!(err.contains("no documents read"), "{err}");
        assert!(!err.contains("no documents in the input"), "{err}");
    }
    let zero = write(dir.path(), "zero.txt", "");
    let (code, _, err) = run_args(&["summarize", &s(&zero)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("zero.txt: empty file"), "{err}");
}

/// ROUGE pairs a folder's files by name, and a summary's name need not
/// say text (DUC's `D30001.M.100.T.A`): every visible file is read there.
#[test]
fn rouge_folders_pair_files_of_any_name() {
    let dir = tempdir();
    let system = dir.path().join("system");
    let reference = dir.path().join("reference");
    for (folder, text) in [
        (&system, "Trade talks resumed on Tuesday."),
        (
            &reference,
            "Japan and the United States resumed trade talks.",
        ),
    ] {
        write(folder, "D30001.M.100.T.A", text);
        write(folder, "d2.sum", text);
    }
    let (code, out, err) = run_args(&[
        "eval",
        "rouge",
        "--system",
        &s(&system),
        "--reference",
        &s(&reference),
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    let ids: Vec<String> = util::jsonl(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(ids.contains(&"D30001.M.100.T.A".to_string()), "{out}");
    assert!(ids.contains(&"d2.sum".to_string()), "{out}");
    assert!(passed_notes(&err).is_empty(), "{err}");
}

/// The note names the kinds of files passed over and how to read them;
/// without `--jsonl` it must not say that only JSON files are read.
/// Needs the change to `note_passed_over` in crates/cli/src/run.rs that
/// the corpus crate's `PassedOver::summary` and `json_lines` are for.
#[test]
fn the_note_names_what_was_passed_over() {
    let dir = tempdir();
    let proj = project(dir.path());
    let (code, _, err) = run_args(&["sentences", &s(&proj)]);
    assert_eq!(code, 0, "{err}");
    let notes = passed_notes(&err);
    assert_eq!(notes.len(), 1, "{err}");
    assert!(!notes[0].contains("with --jsonl only"), "{err}");
    assert!(notes[0].contains(".jsonl 2, .tbx 1, .tsv 1"), "{err}");
    assert!(notes[0].contains("give --jsonl"), "{err}");
}

/// A shard given none of a folder's documents is no folder of data files
/// only: it is a note and exit 0, as an empty shard always was (a code
/// review found it failed when a data file stood beside the documents).
#[test]
fn a_shard_without_documents_beside_a_data_file_is_no_error() {
    let dir = tempdir();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", "Tariffs rose.\n");
    write(&corpus, "notes.tsv", "en\tja\n");
    let c = s(&corpus);
    let (code, out, err) = run_args(&["sentences", "--shard", "1/2", &c]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("no documents in the input"), "{err}");
    let (code, out, err) = run_args(&["sentences", "--shard", "0/2", &c]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Tariffs rose."), "{out}");
}
