//! Bad parallel files for `kotoba glossary align --parallel` (and `build`):
//! columns swapped under their header, a ja cell holding English (noted), a
//! spreadsheet's quoted cells spanning lines. Exit codes: 0 all read, 2 a
//! line or the file failed.

mod util;
use util::{run, testdata};

fn align(file: &str) -> (i32, String, String) {
    let path = testdata(file).display().to_string();
    run(&["glossary", "align", "--parallel", &path], "")
}

/// `glossary build` of the seed article with `file` as its parallel file,
/// `flags` before it.
fn build(file: &str, flags: &[&str]) -> (i32, String, String) {
    let path = testdata(file).display().to_string();
    let corpus = testdata("clinton-japan-trade-1993.en.txt")
        .display()
        .to_string();
    let mut args = vec!["glossary", "build", "--lang", "en"];
    args.extend_from_slice(flags);
    args.extend(["--parallel", path.as_str(), corpus.as_str()]);
    run(&args, "")
}

/// Japanese in the en column and English in the ja column, row after row:
/// an error naming the file, nothing written.
#[test]
fn swapped_columns_stop_the_run() {
    let (code, out, err) = align("parallel/swapped-columns.tsv");
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("columns look swapped"), "{err}");
    assert!(err.contains("swapped-columns.tsv"), "{err}");
    assert!(err.contains("4 of the 4 rows"), "{err}");

    // `glossary build` reads the file the same way.
    let (code, out, err) = build("parallel/swapped-columns.tsv", &[]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("columns look swapped"), "{err}");
}

/// Two rows with Japanese in the en column among four good ones are no
/// swapped file: read as before (`glossary check` is what reports them).
#[test]
fn a_few_swapped_rows_are_no_swapped_file() {
    let (code, out, err) = align("parallel/few-swapped-rows.tsv");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("swapped"), "{err}");
    assert!(out.contains("steel\t鉄鋼"), "{out}");
}

/// Rows whose ja cell has English words and no Japanese (a stray tab
/// splitting a sentence, or a message left untranslated) pair nothing: a
/// note names their lines, and the run succeeds; the rest is paired.
#[test]
fn untranslated_rows_are_noted() {
    let (code, out, err) = align("parallel/no-japanese-in-ja.tsv");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("kotoba: note: 2 row(s) of ")
            && err.contains("no-japanese-in-ja.tsv have English words and no Japanese")
            && err.contains("line(s) 4, 5"),
        "{err}"
    );
    assert!(out.contains("export controls\t輸出管理"), "{out}");
    // Nothing of the English in the ja cell was counted as Japanese.
    assert!(
        !out.lines()
            .any(|l| l.split('\t').nth(1).is_some_and(|ja| ja.contains("Tokyo"))),
        "{out}"
    );
}

/// An Excel export with line breaks inside quoted cells: every line of
/// such a record, two-column ones too, is reported and skipped, and the
/// report says such cells are not read; the rows around them are paired.
#[test]
fn quoted_cells_spanning_lines_are_reported_line_by_line() {
    let (code, out, err) = align("parallel/quoted-line-breaks.tsv");
    assert_eq!(code, 2, "{err}");
    for line in 3..=7 {
        assert!(
            err.contains(&format!(
                "quoted-line-breaks.tsv:{line}: part of a cell quoted over several lines"
            )),
            "line {line}: {err}"
        );
    }
    assert!(
        err.contains("export the file without line breaks in cells"),
        "{err}"
    );
    assert!(out.contains("steel\t鉄鋼"), "{out}");
    assert!(
        out.contains("anti-dumping duty\tアンチダンピング関税"),
        "{out}"
    );
    // The piece `on semiconductors in 2023."` of line 4 is no pair.
    assert!(!out.contains("semiconductors\t"), "{out}");
}

/// With `--fail-fast` the first bad line ends the run, nothing written.
#[test]
fn fail_fast_stops_at_a_bad_row() {
    let (code, out, err) = build("parallel/quoted-line-breaks.tsv", &["--fail-fast"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("quoted-line-breaks.tsv:3: "), "{err}");
    assert!(!err.contains("quoted-line-breaks.tsv:4: "), "{err}");
    assert!(err.contains("--fail-fast"), "{err}");
}

/// A clean file still exits 0 with no message about its rows.
#[test]
fn a_clean_file_reads_clean() {
    let (code, _, err) = align("parallel/clean.tsv");
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("skipped"), "{err}");
}

/// A word alone that cannot be a noun (`discussed`, `entered`) pairs in
/// the table but is no termbase entry: reviews found such verbs in TBX
/// files.
#[test]
fn verbs_alone_stay_out_of_a_termbase() {
    let path = testdata("parallel/trade-pairs.tsv").display().to_string();
    let (code, table, err) = run(&["glossary", "align", "--parallel", &path], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        table.lines().any(|l| l.starts_with("discussed\t")),
        "{table}"
    );
    let (code, tbx, err) = run(
        &["glossary", "align", "--parallel", &path, "--format", "tbx"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    for verb in ["discussed", "entered", "allowed"] {
        assert!(!tbx.contains(&format!("<term>{verb}</term>")), "{verb}");
    }
    assert!(tbx.contains("<term>rules of origin</term>"), "{tbx}");
}
