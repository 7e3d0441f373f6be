//! Machine proposals are `proposed`, not admitted (a terminologist's
//! review): `glossary align --format tbx` wrote unreviewed pairs as
//! admitted terms, and `glossary check --glossary` with that TBX exited 1 on
//! `Japanese` (expected 日本) and `officials` (expected 高官).

mod util;
use util::{jsonl, run, testdata};

/// The seed translation, a parallel file of 26 pairs.
fn seed() -> String {
    testdata("clinton-japan-trade-1993.en-ja.tsv")
        .display()
        .to_string()
}

/// `kotoba glossary check` of the seed translation with `glossary`.
fn check(glossary: &str) -> (i32, String, String) {
    run(
        &[
            "glossary",
            "check",
            "--parallel",
            &seed(),
            "--glossary",
            glossary,
        ],
        "",
    )
}

#[test]
fn proposals_written_by_align_demand_nothing_of_a_check() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tbx = dir.path().join("out1.tbx");
    let tbx_name = tbx.display().to_string();
    let (code, _, err) = run(
        &[
            "glossary",
            "align",
            "--parallel",
            &seed(),
            "--format",
            "tbx",
            "-o",
            &tbx_name,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&tbx).unwrap_or_else(|e| panic!("{e}"));
    // The proposal of the review, marked as TBX marks work not finished.
    let at = text
        .find("<conceptEntry id=\"align-japanese\">")
        .unwrap_or_else(|| panic!("no align-japanese in\n{text}"));
    let entry = &text[at..at + text[at..].find("</conceptEntry>").unwrap_or(0)];
    assert!(entry.contains("<term>Japanese</term>"), "{entry}");
    assert!(entry.contains("<term>日本</term>"), "{entry}");
    assert_eq!(
        entry
            .matches("<termNote type=\"processStatus\">provisionallyProcessed</termNote>")
            .count(),
        2,
        "{entry}"
    );
    // Glossary pairs are the glossary's concepts, reviewed as they are.
    let glossary_pair = text
        .find("glossary pair (concept ")
        .unwrap_or_else(|| panic!("no glossary pair in\n{text}"));
    let pair_entry = &text[text[..glossary_pair].rfind("<conceptEntry").unwrap_or(0)
        ..glossary_pair + text[glossary_pair..].find("</conceptEntry>").unwrap_or(0)];
    assert!(!pair_entry.contains("processStatus"), "{pair_entry}");

    // The review's command: clean, no issue from a proposal.
    let (code, out, err) = check(&tbx_name);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("26 pairs checked, 0 issues"), "{err}");
    assert!(!out.contains("align-"), "{out}");

    // Lookup says what the terms are.
    let (code, out, _) = run(
        &["glossary", "lookup", "--glossary", &tbx_name, "Japanese"],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "align-japanese:\n  en: Japanese (proposed)\n  ja: 日本 [にほん] (proposed)\n"
        ),
        "{out}"
    );

    // TBX to TBX: byte for byte.
    let again = dir.path().join("out2.tbx");
    let (code, _, err) = run(
        &[
            "glossary",
            "convert",
            &tbx_name,
            &again.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let back = std::fs::read_to_string(&again).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, text);

    // JSON Lines keeps `proposed`; UTX writes it `provisional` and says
    // that it is read back as admitted.
    let (code, out, _) = run(
        &["glossary", "convert", "--to", "jsonl", &tbx_name, "-"],
        "",
    );
    assert_eq!(code, 0);
    let japanese = jsonl(&out)
        .into_iter()
        .find(|c| c["id"] == "align-japanese")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(japanese["en"][0]["status"], "proposed", "{japanese}");
    let (code, out, err) = run(&["glossary", "convert", "--to", "utx", &tbx_name, "-"], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("Japanese\t日本\tnoun\tprovisional\talign-japanese\t"),
        "{out}"
    );
    assert!(
        err.contains("the proposed status (written `provisional`, read back as admitted)"),
        "{err}"
    );
}

/// The same pair written by hand as admitted is binding, and reported:
/// the status, not the pair, makes the difference.
#[test]
fn the_same_pair_admitted_is_still_checked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let glossary = |status: &str| {
        let path = dir.path().join(format!("{status}.tsv"));
        std::fs::write(
            &path,
            format!(
                "id\tlang\tterm\tstatus\n\
                 align-japanese\ten\tJapanese\t{status}\n\
                 align-japanese\tja\t日本\t{status}\n"
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        path.display().to_string()
    };
    let (code, out, err) = check(&glossary("admitted"));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("en `Japanese` (align-japanese) has no equivalent; expected one of: 日本"),
        "{out}"
    );
    let (code, out, err) = check(&glossary("proposed"));
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("26 pairs checked, 0 issues"), "{err}");
}

/// `align --format jsonl` says which pairs are proposals.
#[test]
fn align_jsonl_records_carry_a_status() {
    let (code, out, err) = run(
        &[
            "glossary",
            "align",
            "--parallel",
            &seed(),
            "--format",
            "jsonl",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let records = jsonl(&out);
    assert!(!records.is_empty());
    for r in &records {
        if r["seed"].is_null() {
            assert_eq!(r["status"], "proposed", "{r}");
        } else {
            assert_ne!(r["status"], "proposed", "{r}");
        }
    }
    assert!(records.iter().any(|r| r["status"] == "proposed"), "{out}");
    assert!(records.iter().any(|r| !r["seed"].is_null()), "{out}");
}

/// Align's own TSV ranking loads as a glossary of proposals: its `en_freq`
/// and `ja_freq` columns had made it "name the `en` column twice" (a
/// helper engineer found it).
#[test]
fn align_tsv_loads_as_a_glossary_of_proposals() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tsv = dir.path().join("pairs.tsv").display().to_string();
    let (code, _, err) = run(
        &["glossary", "align", "--parallel", &seed(), "-o", &tsv],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&["glossary", "lookup", "--glossary", &tsv, "Hawaii"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ハワイ"), "{out}");
    assert!(out.contains("(proposed)"), "{out}");
    assert!(!err.contains("twice"), "{err}");
    let (code, _, err) = check(&tsv);
    assert_eq!(code, 0, "{err}");
}
