//! End-to-end tests of `kotoba glossary …`.

mod util;
use util::{jsonl, run, testdata};

const PAIRS: &str = "clinton-japan-trade-1993.en-ja.tsv";

#[test]
fn default_glossary_has_500_concepts_in_the_documented_schema() {
    let (code, out, _) = run(&["glossary", "list", "--format", "jsonl"], "");
    assert_eq!(code, 0);
    let concepts = jsonl(&out);
    assert!(concepts.len() >= 500, "{}", concepts.len());
    for c in &concepts {
        for key in ["id", "domain", "definition", "en", "ja"] {
            assert!(c.get(key).is_some(), "{c} lacks {key}");
        }
        for t in c["ja"].as_array().into_iter().flatten() {
            assert!(
                t["reading"].as_str().is_some_and(|r| !r.is_empty()),
                "{c}: no reading"
            );
        }
    }
    let surplus = concepts
        .iter()
        .find(|c| c["id"] == "trade-surplus")
        .cloned()
        .unwrap_or_default();
    assert_eq!(surplus["ja"][0]["term"], "貿易黒字");
    assert_eq!(surplus["ja"][0]["status"], "preferred");
}

#[test]
fn lookup_folds_case_inflection_width_and_kana() {
    for (query, id) in [
        ("Tariffs", "tariff"),
        ("ＷＴＯ", "wto"),
        ("ｾｰﾌｶﾞｰﾄﾞ", "safeguard"),
        ("そうさいかんぜい", "countervailing-duty"),
        ("相殺関税", "countervailing-duty"),
    ] {
        let (code, out, err) = run(&["glossary", "lookup", "--format", "jsonl", query], "");
        assert_eq!(code, 0, "{query}: {err}");
        assert!(jsonl(&out).iter().any(|c| c["id"] == id), "{query} → {out}");
    }
    let (code, _, err) = run(&["glossary", "lookup", "trade surplu"], "");
    assert_eq!(code, 1);
    assert!(err.contains("did you mean: trade surplus"), "{err}");
}

/// An empty query is a usage error (exit 2), not a term the glossary lacks
/// (exit 1): `kotoba glossary lookup "$TERM"` with TERM unset.
#[test]
fn lookup_refuses_an_empty_query() {
    for query in ["", "   ", "\u{3000}", "\t"] {
        let (code, out, err) = run(&["glossary", "lookup", query], "");
        assert_eq!(code, 2, "{query:?}: {err}");
        assert!(out.is_empty(), "{query:?}: {out}");
        assert!(err.contains("needs a term"), "{query:?}: {err}");
    }
    let (code, _, err) = run(&["glossary", "lookup", "xyzzy"], "");
    assert_eq!(code, 1, "{err}");
}

#[test]
fn annotate_finds_terms_on_word_and_morpheme_boundaries() {
    let text = "Japan's trade surpluses and anti-dumping duties; 日本の貿易黒字と相殺関税。";
    let (code, out, _) = run(&["glossary", "annotate", "--format", "jsonl", "-"], text);
    assert_eq!(code, 0);
    let spans = jsonl(&out);
    let found: Vec<&str> = spans.iter().filter_map(|s| s["text"].as_str()).collect();
    for want in [
        "trade surpluses",
        "anti-dumping duties",
        "貿易黒字",
        "相殺関税",
    ] {
        assert!(found.contains(&want), "{want} not in {found:?}");
    }
    for s in &spans {
        let (a, b) = (
            s["start"].as_u64().unwrap_or(0) as usize,
            s["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[a..b], s["text"].as_str().unwrap_or(""));
    }
    let (_, inline, _) = run(
        &["glossary", "annotate", "--format", "inline", "-"],
        "The trade surplus grew.",
    );
    assert_eq!(inline, "The trade surplus [貿易黒字] grew.\n");
}

/// The text around the terms is text, not markup: its Markdown characters
/// once went out as they were, so `*`, `_`, backticks, brackets or `<` in
/// the input made emphasis, code, links or HTML of it (and swallowed the
/// annotations inside); a line starting with `#`, `-` or `1.` became a
/// heading or a list, an indented one a code block.
#[test]
fn annotate_markdown_escapes_the_text() {
    let text = "*Bold* `the tariff` [rice](x) <b>_trade surplus_</b> a|b ~~c~~\n\
                # tariffs\n- item\n1. item\n    indented tariff\n";
    let (code, out, err) = run(&["glossary", "annotate", "--format", "markdown", "-"], text);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "## -\n\n\\*Bold\\* \\`the **tariff** (*関税*)\\` \\[**rice** (*コメ*)\\](x) \
         \\<b\\>\\_**trade surplus** (*貿易黒字*)\\_\\</b\\> a\\|b \\~\\~c\\~\\~\n\
         \\# **tariffs** (*関税*)\n\\- item\n1\\. item\nindented **tariff** (*関税*)\n\n"
    );
    // Japanese runs on without spaces: the italics still close.
    let (_, out, _) = run(
        &["glossary", "annotate", "--format", "markdown", "-"],
        "貿易黒字が拡大",
    );
    assert_eq!(out, "## -\n\n**貿易黒字** (*trade surplus*)が拡大\n\n");
    // A term without an equivalent is bold, with no empty brackets.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let user = dir.path().join("user.jsonl");
    std::fs::write(
        &user,
        "{\"id\":\"z\",\"en\":[{\"term\":\"zorblax\",\"status\":\"preferred\"}]}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (_, out, _) = run(
        &[
            "glossary",
            "annotate",
            "--format",
            "markdown",
            "--glossary",
            &user.display().to_string(),
            "-",
        ],
        "the zorblax rule",
    );
    assert_eq!(out, "## -\n\nthe **zorblax** rule\n\n");
}

/// Several documents in Markdown: each under a heading of its id, closed
/// by a blank line, as `summarize --format markdown` writes them (they ran
/// together, the last paragraph of one joined to the first of the next).
#[test]
fn annotate_markdown_separates_documents() {
    let files = [
        testdata("clinton-japan-trade-1993.en.txt"),
        testdata("clinton-japan-trade-1993.ja.txt"),
    ];
    let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut args = vec!["glossary", "annotate", "--format", "markdown"];
    args.extend(paths.iter().map(String::as_str));
    let (code, out, err) = run(&args, "");
    assert_eq!(code, 0, "{err}");
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        paths.iter().map(|p| format!("## {p}")).collect::<Vec<_>>()
    );
    // The English document's last paragraph ends before the Japanese heading.
    let at = out.find(&format!("## {}", paths[1])).unwrap_or(0);
    assert!(
        out[..at].ends_with("Hawaii **talks** (*協議 / 交渉*).\n\n"),
        "{}",
        &out[..at]
    );
    assert!(
        out.starts_with(&format!("## {}\n\n**Clinton**", paths[0])),
        "{out}"
    );
    assert!(
        out.ends_with("ことを知った。\n\n") && !out.ends_with("\n\n\n"),
        "{out}"
    );
    // The same headings as summarize's.
    let mut args = vec!["summarize", "--format", "markdown"];
    args.extend(paths.iter().map(String::as_str));
    let (_, summary, _) = run(&args, "");
    let theirs: Vec<&str> = summary.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings, theirs);
    // An id is one heading line, whatever it holds.
    let (_, out, _) = run(
        &[
            "glossary", "annotate", "--format", "markdown", "--jsonl", "-",
        ],
        "{\"id\":\"a\\n# b*\",\"text\":\"The tariff rose.\"}\n{\"id\":\"c\",\"text\":\"\"}\n",
    );
    assert_eq!(
        out,
        "## a \\# b\\*\n\nThe **tariff** (*関税*) rose.\n\n## c\n\n"
    );
}

/// A concept with no term in the other language has no equivalent to put
/// in brackets: inline output wrote `zorblax []` (Markdown already wrote the
/// term alone); the concept's other terms are annotated as before.
#[test]
fn annotate_inline_writes_no_empty_brackets() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let user = dir.path().join("user.jsonl");
    std::fs::write(
        &user,
        "{\"id\":\"z\",\"en\":[{\"term\":\"zorblax\",\"status\":\"preferred\"}]}\n\
         {\"id\":\"k\",\"ja\":[{\"term\":\"ゾルブラクス\",\"status\":\"preferred\"}]}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(
        &[
            "glossary",
            "annotate",
            "--format",
            "inline",
            "--glossary",
            &user.display().to_string(),
            "-",
        ],
        "the zorblax rule and the tariff; ゾルブラクスの規則",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "the zorblax rule and the tariff [関税]; ゾルブラクスの規則\n"
    );
}

#[test]
fn every_lossless_format_round_trips_the_default_glossary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = dir.path().join("g.jsonl");
    run(
        &[
            "glossary",
            "list",
            "--format",
            "jsonl",
            "-o",
            &original.display().to_string(),
        ],
        "",
    );
    for ext in ["tsv", "csv", "json", "tbx"] {
        let there = dir.path().join(format!("g.{ext}"));
        let back = dir.path().join(format!("back-{ext}.jsonl"));
        let (code, _, err) = run(
            &[
                "glossary",
                "convert",
                &original.display().to_string(),
                &there.display().to_string(),
            ],
            "",
        );
        assert_eq!(code, 0, "{err}");
        run(
            &[
                "glossary",
                "convert",
                &there.display().to_string(),
                &back.display().to_string(),
            ],
            "",
        );
        assert_eq!(
            std::fs::read(&back).ok(),
            std::fs::read(&original).ok(),
            "{ext} is not lossless"
        );
    }
    let (code, _, err) = run(
        &[
            "glossary",
            "convert",
            &original.display().to_string(),
            &dir.path().join("g.utx").display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        err.contains(
            "kotoba: note: utx does not carry kana readings, domains, concepts without a term \
             in both languages (a row is a translation pair), the status of an admitted term \
             paired with a preferred one as its concept's approved pair (read back as \
             preferred), the proposed status (written `provisional`, read back as admitted), \
             the line between definition and note (a note follows the definition \
             in the comment), and tabs or line breaks in definitions, terms and ids (written as \
             spaces)\n"
        ),
        "{err}"
    );
    let (code, _, err) = run(
        &[
            "glossary",
            "convert",
            &original.display().to_string(),
            &dir.path().join("g.txt").display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        err.contains(
            "kotoba: note: omegat does not carry ids, statuses (deprecated terms are left \
             out), kana readings, domains, the line between definition and note (a note \
             follows the definition in the comment), and tabs or line breaks in definitions \
             and terms (written as spaces)\n"
        ),
        "{err}"
    );
}

/// A user glossary whose definitions span lines, hold tabs or backslashes,
/// or have white space around them: import → export → import gives the
/// same glossary in TSV, CSV and TBX (TSV turned line breaks and tabs into
/// spaces; every format but JSON dropped the surrounding space, so a
/// glossary read from JSON changed on its way through them).
#[test]
fn awkward_definitions_survive_every_lossless_format() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let source = dir.path().join("user.jsonl");
    let concept = serde_json::json!({
        "id": "tariff",
        "domain": "trade",
        "definition": "  A tax on imports.\nLevied at the border;\r\n\tsee C:\\duties\\new & <b>.\u{2028}Or\u{85}not.  ",
        "en": [{"term": "tariff", "status": "preferred"}],
        "ja": [{"term": "関税", "reading": "かんぜい", "status": "admitted"}],
    });
    std::fs::write(&source, format!("{concept}\n")).unwrap_or_else(|e| panic!("{e}"));
    let convert = |from: &std::path::Path, to: &std::path::Path| {
        let (code, _, err) = run(
            &[
                "glossary",
                "convert",
                &from.display().to_string(),
                &to.display().to_string(),
            ],
            "",
        );
        assert_eq!(code, 0, "{err}");
        std::fs::read_to_string(to).unwrap_or_default()
    };
    let imported = convert(&source, &dir.path().join("imported.jsonl"));
    assert!(
        imported.contains(
            "\"definition\":\"A tax on imports.\\nLevied at the border;\\r\\n\\tsee \
             C:\\\\duties\\\\new & <b>.\u{2028}Or\u{85}not.\""
        ),
        "{imported}"
    );
    for ext in ["tsv", "csv", "tbx", "json"] {
        let there = dir.path().join(format!("g.{ext}"));
        convert(&dir.path().join("imported.jsonl"), &there);
        let back = convert(&there, &dir.path().join(format!("back-{ext}.jsonl")));
        assert_eq!(back, imported, "{ext} is not lossless");
    }
    // Tab-separated files keep a line a row, with all its cells, for every
    // reader, also those that split lines at U+2028 or NEL: TSV escapes
    // them, UTX and OmegaT write them as spaces (the definition's other
    // line breaks too).
    let breaks = [
        '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
    ];
    // (UTX: the approved pair `tariff → 関税`, with no row of an empty
    // target before it since the second session of 2026-12-04.)
    for (ext, lines, cells) in [("tsv", 3, 9), ("utx", 3, 6), ("txt", 1, 3)] {
        let there = dir.path().join(format!("g.{ext}"));
        let text = convert(&dir.path().join("imported.jsonl"), &there);
        let rows: Vec<&str> = text
            .split(breaks)
            .filter(|l| !l.is_empty() && !l.starts_with("#UTX"))
            .collect();
        assert_eq!(
            rows.len() + usize::from(ext == "utx"),
            lines,
            "{ext}: {text:?}"
        );
        for row in rows {
            assert_eq!(row.split('\t').count(), cells, "{ext}: {row:?}");
        }
    }
}

#[test]
fn user_glossaries_layer_over_the_default() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let user = dir.path().join("user.tsv");
    std::fs::write(
        &user,
        "en\tja\treading\nwidget quota\tウィジェット枠\tうぃじぇっとわく\n",
    )
    .unwrap_or_default();
    let u = user.display().to_string();
    let (code, out, _) = run(
        &["glossary", "lookup", "--glossary", &u, "widget quotas"],
        "",
    );
    assert_eq!(code, 0);
    assert!(out.contains("ウィジェット枠"));
    let (_, out, _) = run(
        &[
            "glossary",
            "list",
            "--format",
            "jsonl",
            "--no-default-glossary",
            "--glossary",
            &u,
        ],
        "",
    );
    assert_eq!(jsonl(&out).len(), 1);
}

/// A translator's `tariff,関税率` row replaced the built-in `tariff`
/// concept, 関税 and all, without a word (a review found it): a row without
/// an id now merges into it, and a row that gives the id replaces it; both
/// say so. An empty glossary is noted.
#[test]
fn replacing_a_concept_and_an_empty_glossary_are_noted() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let user = dir.path().join("my.csv");
    std::fs::write(&user, "en,ja\ntariff,関税率\nwidget quota,ウィジェット枠\n")
        .unwrap_or_default();
    let u = user.display().to_string();
    let (code, out, err) = run(&["glossary", "lookup", "--glossary", &u, "tariff"], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("ja: 関税率 (preferred); 関税 [かんぜい] (admitted)"),
        "{out}"
    );
    assert!(
        err.contains(
            "my.csv: concept `tariff` (its id made from its term, as the file gives \
             none) is merged into the concept `tariff`"
        ),
        "{err}"
    );
    assert!(!err.contains("widget"), "{err}");
    let with_id = dir.path().join("ids.csv");
    std::fs::write(
        &with_id,
        "id,en,ja
tariff,tariff,関税率
",
    )
    .unwrap_or_default();
    let w = with_id.display().to_string();
    let (code, out, err) = run(&["glossary", "lookup", "--glossary", &w, "tariff"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("関税率") && !out.contains("輸入関税"), "{out}");
    assert!(
        err.contains("ids.csv: concept `tariff` replaces the one of that id"),
        "{err}"
    );
    // A concept of a simple table has no domain: no empty brackets.
    let (_, out, _) = run(
        &["glossary", "lookup", "--glossary", &u, "widget quota"],
        "",
    );
    assert!(out.starts_with("widget-quota:\n"), "{out}");
    let (code, _, err) = run(
        &["glossary", "annotate", "--no-default-glossary", "-"],
        "Tariffs rose.",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("the glossary is empty"), "{err}");
}

#[test]
fn bad_glossaries_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tsv = dir.path().join("bad.tsv");
    std::fs::write(
        &tsv,
        "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\nq\tx\td\ten\tquota\t\tpreferred\nq\tx\td\tfr\tquota\t\tpreferred\nr\tx\td\ten\trebate\t\tsometimes\ns\tx\td\ten\tsubsidy\t\tpreferred\n",
    )
    .unwrap_or_default();
    let t = tsv.display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "list",
            "--format",
            "jsonl",
            "--no-default-glossary",
            "--glossary",
            &t,
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing half-loaded: {out}");
    assert!(err.contains("bad.tsv:3: unknown language `fr`"), "{err}");
    let (code, out, err) = run(
        &[
            "glossary",
            "list",
            "--format",
            "jsonl",
            "--no-default-glossary",
            "--lenient",
            "--glossary",
            &t,
        ],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(jsonl(&out).len(), 2);
    assert!(
        err.contains("bad.tsv:4: unknown status `sometimes`"),
        "{err}"
    );

    let tbx = dir.path().join("bad.tbx");
    std::fs::write(
        &tbx,
        "<tbx>\n<text><body>\n<conceptEntry id=\"a\">\n</body></text></tbx>\n",
    )
    .unwrap_or_default();
    let (code, _, err) = run(
        &[
            "glossary",
            "lookup",
            "--glossary",
            &tbx.display().to_string(),
            "quota",
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("bad.tbx:4: not well-formed XML"), "{err}");

    let empty = dir.path().join("empty-concept.jsonl");
    std::fs::write(&empty, "{\"id\":\"x\",\"en\":[],\"ja\":[]}\n").unwrap_or_default();
    let (code, _, err) = run(
        &[
            "glossary",
            "list",
            "--glossary",
            &empty.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("empty-concept.jsonl:1: concept `x` has no term"),
        "{err}"
    );

    // An empty term is refused in JSON as in TSV and TBX (it was taken, and
    // annotation wrote `tariff []` for its concept); with --lenient it alone
    // is skipped.
    let empty = dir.path().join("empty-term.jsonl");
    std::fs::write(
        &empty,
        "{\"id\":\"q\",\"en\":[{\"term\":\"quota\",\"status\":\"preferred\"}]}\n\
         {\"id\":\"t\",\"en\":[{\"term\":\"tariff\",\"status\":\"preferred\"}],\
         \"ja\":[{\"term\":\"\",\"status\":\"preferred\"}]}\n",
    )
    .unwrap_or_default();
    let e = empty.display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "list",
            "--no-default-glossary",
            "--glossary",
            &e,
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("{e}:2: concept `t`: ja term 1 is empty")),
        "{err}"
    );
    let (code, out, err) = run(
        &[
            "glossary",
            "annotate",
            "--format",
            "inline",
            "--no-default-glossary",
            "--lenient",
            "--glossary",
            &e,
            "-",
        ],
        "the tariff quota",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "the tariff quota\n");
    assert!(
        err.contains(&format!(
            "skipped glossary entry: {e}:2: concept `t`: ja term 1 is empty"
        )),
        "{err}"
    );
}

/// CR LF glossaries were named one line short; a duplicate concept id in
/// one file silently replaced the first concept.
#[test]
fn crlf_line_numbers_and_duplicate_ids() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let list = |path: &std::path::Path, lenient: bool| {
        let p = path.display().to_string();
        let mut args = vec![
            "glossary",
            "list",
            "--format",
            "jsonl",
            "--no-default-glossary",
        ];
        if lenient {
            args.push("--lenient");
        }
        args.extend(["--glossary", &p]);
        run(&args, "")
    };
    for (name, sep) in [("crlf.tsv", "\t"), ("crlf.csv", ",")] {
        let path = dir.path().join(name);
        let rows = ["en", "ja", "a", "b"].chunks(2).map(|c| c.join(sep));
        let mut text: Vec<String> = rows.collect();
        text.push(["foo", "bar", "extra"].join(sep));
        std::fs::write(&path, text.join("\r\n") + "\r\n").unwrap_or_default();
        let (code, _, err) = list(&path, false);
        assert_eq!(code, 2);
        assert!(err.contains(&format!("{name}:3: 3 fields")), "{err}");
    }
    let path = dir.path().join("dup.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"c1\",\"en\":[{\"term\":\"rules of origin\",\"status\":\"preferred\"}]}\n\
         {\"id\":\"c2\",\"en\":[{\"term\":\"quota\",\"status\":\"preferred\"}]}\n\
         {\"id\":\"c1\",\"en\":[{\"term\":\"origin\",\"status\":\"preferred\"}]}\n",
    )
    .unwrap_or_default();
    let (code, out, err) = list(&path, false);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("dup.jsonl:3: duplicate concept id `c1` (first at line 1)"),
        "{err}"
    );
    let (code, out, err) = list(&path, true);
    assert_eq!(code, 0, "{err}");
    let concepts = jsonl(&out);
    assert_eq!(concepts.len(), 2);
    assert_eq!(concepts[0]["en"][0]["term"], "rules of origin");
    assert!(
        err.contains("skipped glossary entry: ") && err.contains("duplicate concept id `c1`"),
        "{err}"
    );
}

/// Terms were matched inside hyphenated and katakana words, and the check
/// then flagged a correct pair ("trade-offs" as *trade*).
#[test]
fn no_term_inside_a_hyphenated_or_katakana_word() {
    let (code, out, err) = run(
        &["glossary", "annotate", "--format", "inline", "-"],
        "Anti-dumping rules, trade-offs, pro-export policy, post-quota era. \
         これはアンチダンピング税です。",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('['), "{out}");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("p.tsv");
    std::fs::write(
        &pairs,
        "en\tja\nThe trade-offs of the policy are clear.\tその政策のトレードオフは明らかだ。\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    let (code, _, err) = run(&["glossary", "check", "--parallel", &p], "");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 issues"), "{err}");
}

/// English copied into the ja column and swapped columns passed as clean.
#[test]
fn untranslated_and_swapped_pairs_fail_the_check() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("p.tsv");
    std::fs::write(
        &pairs,
        "en\tja\nThe tariff rose.\t関税が上がった。\n\
         The trade surplus grew.\tThe trade surplus grew.\n\
         貿易黒字が拡大した。\tThe trade surplus grew.\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    let (code, out, err) = run(&["glossary", "check", "--parallel", &p], "");
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        format!(
            "{p}:3: untranslated: the ja side has no Japanese: `The trade surplus grew.`\n\
             {p}:4: swapped: the en side is Japanese and the ja side English \
             (columns the wrong way round?): `貿易黒字が拡大した。`\n"
        )
    );
    let (code, out, _) = run(
        &["glossary", "check", "--format", "jsonl", "--parallel", &p],
        "",
    );
    assert_eq!(code, 1);
    let kinds: Vec<_> = jsonl(&out).iter().map(|i| i["kind"].clone()).collect();
    assert_eq!(kinds, ["untranslated", "swapped"]);
}

/// TBX writes an id that is no XML name otherwise (`_301-investigation`),
/// and `convert` did not say so (a translator's review).
#[test]
fn convert_to_tbx_names_the_ids_it_writes_otherwise() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tsv = dir.path().join("g.tsv");
    std::fs::write(
        &tsv,
        "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\n\
         301-investigation\tx\ty\ten\tSection 301 investigation\t\tpreferred\n\
         301-investigation\tx\ty\tja\t301条調査\t\tpreferred\n",
    )
    .unwrap_or_default();
    let tbx = dir.path().join("g.tbx");
    let (code, _, err) = run(
        &[
            "glossary",
            "convert",
            &tsv.display().to_string(),
            &tbx.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("1 concept id is no XML name, as TBX needs, and is written otherwise (`301-investigation` as `_301-investigation`)"),
        "{err}"
    );
}

/// A term written across a line break was printed with it, so one issue
/// took two lines of the text report (a translator's review).
#[test]
fn check_reports_one_issue_per_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("p.jsonl");
    std::fs::write(
        &pairs,
        "{\"en\":\"The trade\\ndeficit widened.\",\"ja\":\"貿易黒字が拡大した。\"}\n\
         {\"en\":\"The trade\\r\\ndeficit widened.\",\"ja\":\"貿易黒字が拡大した。\"}\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    let (code, out, err) = run(&["glossary", "check", "--parallel", &p], "");
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out:?}");
    for l in lines {
        assert!(l.contains("en `trade deficit` (trade-deficit)"), "{l}");
        assert!(!l.contains('\r'), "{l:?}");
    }
}

#[test]
fn summaries_can_favour_glossary_terms() {
    let text = "The weather in Tokyo was mild on Wednesday. \
        Officials discussed the trade surplus, tariffs and government procurement. \
        Lunch was served at noon in the garden.";
    let (_, plain, _) = run(&["summarize", "--method", "lead", "-n", "1", "-"], text);
    assert!(plain.starts_with("The weather"));
    let (code, boosted, _) = run(
        &[
            "summarize",
            "--method",
            "lead",
            "-n",
            "1",
            "--glossary-weight",
            "2",
            "-",
        ],
        text,
    );
    assert_eq!(code, 0);
    assert!(boosted.starts_with("Officials discussed"), "{boosted}");
}

#[test]
fn the_seed_translation_passes_the_check() {
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--parallel",
            &testdata(PAIRS).display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.is_empty());
    assert!(err.contains("26 pairs checked, 0 issues"));
}

#[test]
fn the_check_catches_a_replaced_key_term() {
    let original = std::fs::read_to_string(testdata(PAIRS)).unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (line, from, to, expect) in [
        (
            6,
            "貿易黒字",
            "貿易赤字",
            ":6: en `trade surplus` (trade-surplus) has no equivalent",
        ),
        (
            8,
            "政府調達",
            "政府購入",
            ":8: en `government procurement practices`",
        ),
        (
            4,
            "枠組み",
            "構造",
            ":4: en `framework` (framework) has no equivalent",
        ),
    ] {
        let corrupted: Vec<String> = original
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == line {
                    l.replacen(from, to, 1)
                } else {
                    l.to_string()
                }
            })
            .collect();
        assert_ne!(
            corrupted.join("\n"),
            original.trim_end(),
            "{from} not on line {line}"
        );
        let path = dir.path().join(format!("corrupt-{line}.tsv"));
        std::fs::write(&path, corrupted.join("\n") + "\n").unwrap_or_default();
        let (code, out, _) = run(
            &[
                "glossary",
                "check",
                "--parallel",
                &path.display().to_string(),
            ],
            "",
        );
        assert_eq!(code, 1, "{from}→{to} not caught");
        assert!(out.contains(expect), "{out}");
        let (_, out, _) = run(
            &[
                "glossary",
                "check",
                "--format",
                "jsonl",
                "--parallel",
                &path.display().to_string(),
            ],
            "",
        );
        assert!(
            jsonl(&out)
                .iter()
                .all(|i| i["line"] == line && i["kind"] == "missing"),
            "{out}"
        );
    }
}

#[test]
fn a_bad_line_in_the_check_is_reported_and_the_rest_checked() {
    let original = std::fs::read_to_string(testdata(PAIRS)).unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
    // Line 3 loses its Japanese column; line 6 loses 貿易黒字.
    lines[2] = lines[2].split('\t').next().unwrap_or_default().to_string();
    lines[5] = lines[5].replacen("貿易黒字", "貿易赤字", 1);
    let path = dir.path().join("damaged.tsv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap_or_default();
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--parallel",
            &path.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("damaged.tsv") && err.contains(":3"), "{err}");
    assert!(err.contains("25 pairs checked"), "{err}");
    assert!(out.contains(":6: en `trade surplus`"), "{out}");
}

/// A parallel file must name its `en` and `ja` columns: a headerless file
/// (whose first pair would be lost) or one with other headers (whose wrong
/// columns would pass clean) is an error, as is a directory.
#[test]
fn parallel_files_need_a_header_and_must_be_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xyz = dir.path().join("xyz.tsv");
    std::fs::write(&xyz, "x\ty\tz\ntrade surplus\t貿易赤字\tnote\n").unwrap_or_default();
    let headerless = dir.path().join("headerless.tsv");
    std::fs::write(&headerless, "trade surplus\t貿易赤字\n").unwrap_or_default();
    for command in ["check", "align"] {
        for (path, found) in [
            (&xyz, r#"found "x", "y", "z""#),
            (&headerless, r#"found "trade surplus", "貿易赤字""#),
        ] {
            let p = path.display().to_string();
            let (code, out, err) = run(&["glossary", command, "--parallel", &p], "");
            assert_eq!(code, 2, "{command} {p}: {err}");
            assert!(out.is_empty(), "{command} {p}: {out}");
            assert!(
                err.contains(&format!(
                    "{p}:1: expected a header naming the en and ja columns, {found}"
                )),
                "{command}: {err}"
            );
            assert!(!err.contains("could not be read"), "{err}");
        }
        let d = dir.path().display().to_string();
        let (code, _, err) = run(&["glossary", command, "--parallel", &d], "");
        assert_eq!(code, 2, "{command}: {err}");
        assert!(
            err.contains(&format!("{d}: is a directory, not a file of pairs")),
            "{command}: {err}"
        );
        assert!(!err.contains("could not be read"), "{err}");
    }
    // Header names in any case, with spaces, in any order, after a BOM.
    let swapped = dir.path().join("swapped.tsv");
    std::fs::write(&swapped, "\u{feff} JA \tEn\n貿易黒字\ttrade surplus\n").unwrap_or_default();
    let (code, _, err) = run(
        &[
            "glossary",
            "check",
            "--parallel",
            &swapped.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 pair checked, 0 issues"), "{err}");
}

/// A cut or foreign TBX glossary loads nothing, even with `--lenient`.
#[test]
fn truncated_and_foreign_tbx_glossaries_are_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let full = dir.path().join("full.tbx");
    let (code, _, _) = run(
        &[
            "glossary",
            "list",
            "--format",
            "tbx",
            "-o",
            &full.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&full).unwrap_or_default();
    let cut = dir.path().join("cut.tbx");
    // Cut between two entries: every element read so far is whole.
    let at = text
        .match_indices("</conceptEntry>")
        .nth(2)
        .map_or(0, |(i, _)| i);
    std::fs::write(&cut, &text[..at + "</conceptEntry>".len()]).unwrap_or_default();
    let foreign = dir.path().join("page.xml");
    std::fs::write(
        &foreign,
        "<?xml version=\"1.0\"?>\n<html><body><p>tariff</p></body></html>\n",
    )
    .unwrap_or_default();
    for (path, want) in [
        (&cut, "unexpected end of file: <body>"),
        (
            &foreign,
            "page.xml:2: not a TBX file: the root element is <html>",
        ),
    ] {
        for lenient in [false, true] {
            let p = path.display().to_string();
            let mut args = vec!["glossary", "list", "--no-default-glossary"];
            if lenient {
                args.push("--lenient");
            }
            args.extend(["--glossary", &p]);
            let (code, out, err) = run(&args, "");
            assert_eq!(code, 2, "{p}: {err}");
            assert!(out.is_empty(), "{p}: {out}");
            assert!(err.contains(want) && err.contains(&p), "{err}");
        }
    }
}

/// `-` reads pairs and glossaries from standard input and writes a
/// converted glossary to standard output (it once made a file named `-`).
#[test]
fn dash_is_standard_input_and_output() {
    let pairs = std::fs::read_to_string(testdata("clinton-japan-trade-1993.en-ja.tsv"))
        .unwrap_or_else(|e| panic!("{e}"));
    let file = testdata("clinton-japan-trade-1993.en-ja.tsv")
        .display()
        .to_string();
    let (code, from_file, err) = run(&["glossary", "align", "--parallel", &file], "");
    assert_eq!(code, 0, "{err}");
    let (code, from_stdin, err) = run(&["glossary", "align", "--parallel", "-"], &pairs);
    assert_eq!(code, 0, "{err}");
    assert_eq!(from_stdin, from_file);
    let (code, _, err) = run(&["glossary", "check", "--parallel", "-"], &pairs);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("26 pairs checked"), "{err}");
    let (code, listed, err) = run(&["glossary", "list", "--format", "jsonl"], "");
    assert_eq!(code, 0, "{err}");
    let (code, tsv, err) = run(
        &[
            "glossary", "convert", "-", "-", "--from", "jsonl", "--to", "tsv",
        ],
        &listed,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        tsv.starts_with("id\t") && tsv.contains("\t貿易黒字\t"),
        "{tsv}"
    );
    let (code, _, err) = run(&["glossary", "convert", "-", "-", "--to", "tsv"], &listed);
    assert_eq!(code, 2);
    assert!(err.contains("needs --from"), "{err}");
}

/// `list` rewrites a glossary over itself only in the format it is read
/// in: `list --format jsonl -o g.tsv` replaced the user's TSV with a file
/// its name no longer described. `convert` never writes over its input
/// (second session of 2026-12-04; it did in the input's own format).
#[test]
fn a_glossary_is_rewritten_in_place_only_in_its_own_format() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g = dir.path().join("g.tsv");
    let table = "en\tja\ntrade war\t貿易戦争\n";
    std::fs::write(&g, table).unwrap_or_else(|e| panic!("{e}"));
    let gs = g.to_str().unwrap_or_default();
    let list = |format: &str| {
        run(
            &[
                "glossary",
                "list",
                "--no-default-glossary",
                "--glossary",
                gs,
                "--format",
                format,
                "-o",
                gs,
            ],
            "",
        )
    };
    let (code, _, err) = list("jsonl");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("another format"), "{err}");
    assert_eq!(std::fs::read_to_string(&g).unwrap_or_default(), table);
    for to in ["tbx", "utx", "omegat", "json", "tsv"] {
        let (code, _, err) = run(&["glossary", "convert", "--to", to, gs, gs], "");
        assert_eq!(code, 2, "{to}: {err}");
        assert!(err.contains("would replace the input"), "{to}: {err}");
        assert_eq!(
            std::fs::read_to_string(&g).unwrap_or_default(),
            table,
            "{to}"
        );
    }
    // In its own format `list` normalises it in place, as before.
    let (code, _, err) = list("tsv");
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(
        &[
            "glossary",
            "lookup",
            "--no-default-glossary",
            "--glossary",
            gs,
            "trade war",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("貿易戦争"), "{out}");
}

/// `glossary convert IN OUT` with OUT the input itself (the same path,
/// spelt `./`, a symbolic or a hard link) replaced the glossary with a
/// lossy re-encoding of it: refused before anything is read, in every
/// format and with `--lenient` too, with the message every command gives
/// for an output that names an input (second session of 2026-12-04).
#[test]
fn convert_never_writes_over_its_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g = dir.path().join("g.tsv");
    let table =
        "id\tlang\tterm\tstatus\nsg\ten\tsafeguard\tpreferred\nsg\tja\tセーフガード\tpreferred\n";
    std::fs::write(&g, table).unwrap_or_else(|e| panic!("{e}"));
    let symlink = dir.path().join("link.tsv");
    let hard = dir.path().join("hard.tsv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&g, &symlink).unwrap_or_else(|e| panic!("{e}"));
    std::fs::hard_link(&g, &hard).unwrap_or_else(|e| panic!("{e}"));
    let dotted = dir.path().join(".").join("g.tsv");
    let gs = g.display().to_string();
    let mut outputs = vec![gs.clone(), dotted.display().to_string()];
    outputs.push(hard.display().to_string());
    if cfg!(unix) {
        outputs.push(symlink.display().to_string());
    }
    for out in &outputs {
        for extra in [&[][..], &["--lenient"], &["--to", "utx"]] {
            let mut args = vec!["glossary", "convert", gs.as_str(), out.as_str()];
            args.extend_from_slice(extra);
            let (code, stdout, err) = run(&args, "");
            assert_eq!((code, stdout.as_str()), (2, ""), "{out} {extra:?}: {err}");
            assert!(
                err.contains(&format!(
                    "OUTPUT names the input {out}: writing it would replace the input; write elsewhere"
                )),
                "{out}: {err}"
            );
            // Refused before reading: not a word about the glossary read.
            assert!(!err.contains("concept"), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&g).unwrap_or_default(), table);
        assert_eq!(std::fs::read_to_string(&hard).unwrap_or_default(), table);
    }
    // Run from the glossary's folder, `g.tsv ./g.tsv` is refused too.
    let (code, err) = {
        let out = util::kotoba()
            .current_dir(dir.path())
            .args(["glossary", "convert", "g.tsv", "./g.tsv"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("would replace the input"), "{err}");
    // Another file is written as before.
    let other = dir.path().join("other.tsv");
    let (code, _, err) = run(
        &["glossary", "convert", &gs, &other.display().to_string()],
        "",
    );
    assert_eq!(code, 0, "{err}");
}

/// A TBX section tagged `jp` (a common mistake for Japanese), `jpn` or
/// `eng` was dropped without a word, as were sections in Chinese or Korean,
/// which the EN–JA glossary cannot hold, and notes, contexts, sources and
/// parts of speech of terms (a terminologist's review, second session of
/// 2026-12-04): the first are read as Japanese and English; the others are
/// notes on stderr, naming entry and language, then counted for the file.
#[test]
fn tbx_import_reads_jp_and_says_what_it_does_not_keep() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tbx = testdata("glossary/multilingual.tbx").display().to_string();
    let out = dir.path().join("m.jsonl");
    let (code, _, err) = run(
        &["glossary", "convert", &tbx, &out.display().to_string()],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let concepts = jsonl(&std::fs::read_to_string(&out).unwrap_or_default());
    let terms: Vec<(&str, &str, &str)> = concepts
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default(),
                c["en"][0]["term"].as_str().unwrap_or_default(),
                c["ja"][0]["term"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("sg", "safeguard", "セーフガード"),
            ("ad", "anti-dumping duty", "反ダンピング税")
        ]
    );
    for want in [
        "kotoba: note: ",
        "multilingual.tbx:23: entry `sg`: its zh section (1 term) is not kept: the glossary \
         holds English and Japanese only\n",
        "multilingual.tbx:34: entry `ad`: its zh section (1 term) is not kept",
        "multilingual.tbx:37: entry `ad`: its ko section (1 term) is not kept",
        "multilingual.tbx: language sections not kept (the glossary holds English and Japanese \
         only): zh in 2 entries, ko in 1 entry\n",
        "multilingual.tbx: 1 context, 1 source and 2 parts of speech are not kept: the glossary \
         has no place for them\n",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    // Loaded with --glossary, the file says the same.
    let (code, out, err) = run(
        &[
            "glossary",
            "lookup",
            "--no-default-glossary",
            "--glossary",
            &tbx,
            "反ダンピング税",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("anti-dumping duty"), "{out}");
    assert!(
        err.contains("entry `ad`: its ko section (1 term) is not kept"),
        "{err}"
    );
    // A large multilingual file names ten entries, then counts the rest.
    let entries: String = (1..=12)
        .map(|k| {
            format!(
                "<conceptEntry id=\"c{k}\"><langSec xml:lang=\"en\"><termSec><term>duty {k}\
                 </term></termSec></langSec><langSec xml:lang=\"zh\"><termSec><term>税{k}</term>\
                 </termSec></langSec></conceptEntry>\n"
            )
        })
        .collect();
    let big = dir.path().join("big.tbx");
    std::fs::write(
        &big,
        format!("<tbx><text><body>\n{entries}</body></text></tbx>\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = run(
        &[
            "glossary",
            "convert",
            &big.display().to_string(),
            "-",
            "--to",
            "jsonl",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err.matches("its zh section (1 term) is not kept").count(),
        10,
        "{err}"
    );
    assert!(
        err.contains("entry `c10`:") && !err.contains("entry `c11`:"),
        "{err}"
    );
    assert!(
        err.contains("big.tbx: 2 more entries lose content as above\n"),
        "{err}"
    );
    assert!(err.contains("big.tbx: language sections not kept (the glossary holds English and Japanese only): zh in 12 entries\n"), "{err}");
}

/// TBX v3's DCT style (`<min:administrativeStatus>`, `<basic:definition>`,
/// the modules' namespaces bound to any prefix) was read without its
/// statuses, definitions and subject fields: the deprecated `escape clause`
/// came back as good as `safeguard` (second session of 2026-12-04).
#[test]
fn tbx_import_reads_the_dct_style() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tbx = testdata("glossary/dct.tbx").display().to_string();
    let out = dir.path().join("d.jsonl");
    let (code, _, err) = run(
        &["glossary", "convert", &tbx, &out.display().to_string()],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("dct.tbx: 1 part of speech is not kept: the glossary has no place for them"),
        "{err}"
    );
    let concepts = jsonl(&std::fs::read_to_string(&out).unwrap_or_default());
    let c = &concepts[0];
    assert_eq!(c["domain"], "trade remedies");
    assert_eq!(
        c["definition"],
        "Temporary import restriction to protect a domestic industry from a surge of imports."
    );
    let statuses = |lang: &str| -> Vec<(String, String)> {
        c[lang]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| {
                (
                    t["term"].as_str().unwrap_or_default().to_string(),
                    t["status"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let pair = |t: &str, s: &str| (t.to_string(), s.to_string());
    assert_eq!(
        statuses("en"),
        [
            pair("safeguard", "preferred"),
            pair("escape clause", "deprecated")
        ]
    );
    assert_eq!(
        statuses("ja"),
        [
            pair("緊急輸入制限", "admitted"),
            pair("セーフガード", "preferred")
        ]
    );
}

/// A preferred English term whose Japanese term is admitted went out to
/// UTX as an `approved` row with an empty target, which a CAT tool offers
/// as the translation (a terminologist's review, second session of
/// 2026-12-04): the approved pair takes the best Japanese term, no row has
/// an empty side, and a concept with terms in one language only is left
/// out, with a note.
#[test]
fn utx_export_writes_no_row_without_a_target() {
    let table = "id\tlang\tterm\tstatus\n\
                 trq\ten\ttariff rate quota\tpreferred\n\
                 trq\tja\t関税割当\tadmitted\n\
                 rice\ten\trice\tpreferred\n";
    let (code, out, err) = run(
        &[
            "glossary", "convert", "--from", "tsv", "--to", "utx", "-", "-",
        ],
        table,
    );
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(rows, ["tariff rate quota\t関税割当\tnoun\tapproved\ttrq\t"]);
    assert!(
        err.contains(
            "kotoba: note: 1 concept has no term in one of the languages, and UTX, whose rows \
             are translation pairs, leaves it out (`rice`)"
        ),
        "{err}"
    );
}

/// A translation that writes a katakana compound with or without the middle
/// dot, or a term across a line break or a double space, has the term: the
/// check reported it missing (exit 1), and lookup found nothing.
#[test]
fn the_check_accepts_both_ways_of_writing_a_term() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("pairs.tsv");
    std::fs::write(
        &pairs,
        "en\tja\n\
         The Uruguay Round ended.\tウルグアイラウンドが終わった。\n\
         The dumping margin was 20 percent.\tダンピング・マージンは20%だった。\n\
         The countervailing  duty rose.\t相殺関税が上がった。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--parallel",
            pairs.to_str().unwrap_or_default(),
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("3 pairs checked, 0 issues"), "{err}");
    let (code, out, err) = run(
        &[
            "glossary",
            "lookup",
            "--format",
            "jsonl",
            "ダンピング・マージン",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ダンピングマージン"), "{out}");
}

/// A check of nothing (a header alone, an empty JSON Lines file) ended with
/// exit 0, so a QA step passed an untranslated delivery (a review found it).
#[test]
fn a_check_of_no_pairs_is_an_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let header = dir.path().join("header.tsv");
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&header, "en\tja\n").unwrap_or_default();
    std::fs::write(&empty, "").unwrap_or_default();
    for file in [header, empty] {
        let (code, _, err) = run(
            &[
                "glossary",
                "check",
                "--parallel",
                &file.display().to_string(),
            ],
            "",
        );
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("0 pairs checked, 0 issues"), "{err}");
        assert!(err.contains("no pairs in"), "{err}");
    }
}

/// `lookup` left out a concept's note, so a machine proposal not reviewed
/// read as an approved term (a review found it).
#[test]
fn lookup_shows_the_note() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let g = dir.path().join("g.tsv");
    std::fs::write(
        &g,
        "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\tnote\n\
         foo\t\t\ten\tfoo bar\t\tadmitted\tmachine proposal, not reviewed\n\
         foo\t\t\tja\tフーバー\t\tadmitted\tmachine proposal, not reviewed\n",
    )
    .unwrap_or_default();
    let (code, out, err) = run(
        &[
            "glossary",
            "lookup",
            "--glossary",
            &g.display().to_string(),
            "foo bar",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\n  note: machine proposal, not reviewed\n"),
        "{out}"
    );
}

/// A segment left untranslated (an empty `ja` cell) was skipped with a note
/// and exit 0 (a review found it): each is an issue with its line.
#[test]
fn an_empty_translation_is_an_issue() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tsv = dir.path().join("t.tsv");
    std::fs::write(
        &tsv,
        "en\tja\nThe tariff will rise.\t関税は上がる。\nJapan will cut tariffs.\t\n",
    )
    .unwrap_or_default();
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--parallel",
            &tsv.display().to_string(),
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("t.tsv:3: empty: the ja side is empty"),
        "{out}"
    );
    assert!(err.contains("2 pairs checked, 1 issue"), "{err}");
}

/// A check read through `| head` that closes early found issues before its
/// reader left: it ends quietly, but with exit 1, not 0 (a QA gate under
/// `pipefail` passed; a pipeline review found it).
#[test]
fn a_check_cut_short_by_its_reader_still_reports_findings() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let pairs = dir.path().join("pairs.tsv");
    let mut text = String::from("en\tja\n");
    for _ in 0..3000 {
        // 貿易黒字 is trade surplus, not the deficit the English names.
        text.push_str("The trade deficit grew again this year.\t貿易黒字が今年も拡大した。\n");
    }
    std::fs::write(&pairs, text).unwrap_or_else(|e| panic!("writing: {e}"));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("kotoba"))
        .args(["--threads", "1", "glossary", "check", "--parallel"])
        .arg(&pairs)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("running kotoba: {e}"));
    // Read one line, then leave.
    if let Some(mut out) = child.stdout.take() {
        let mut first = [0u8; 64];
        let _ = std::io::Read::read(&mut out, &mut first);
        drop(out);
    }
    let _ = std::io::stderr().flush();
    let status = child.wait().unwrap_or_else(|e| panic!("waiting: {e}"));
    assert_eq!(status.code(), Some(1));
}

/// A term with a hyphen of its own written as a compound modifier
/// (`anti-dumping-duty order`) was not found, so a wrong translation
/// passed (a terminologist's review).
#[test]
fn the_check_finds_hyphenated_compound_modifiers() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("p.tsv");
    std::fs::write(
        &pairs,
        "en\tja\n\
         The anti-dumping-duty order on Japanese steel was revoked.\t日本製鉄鋼に対する相殺関税命令が撤回された。\n\
         Non-tariff-barrier issues dominated the talks.\t関税問題が協議の中心となった。\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    let (code, out, err) = run(&["glossary", "check", "--parallel", &p], "");
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("`anti-dumping-duty` (anti-dumping-duty)"),
        "{out}"
    );
    assert!(
        out.contains("`Non-tariff-barrier` (non-tariff-barrier)"),
        "{out}"
    );
}

/// A TBX language section without `xml:lang` was dropped with exit 0 (a
/// terminologist's review): it takes the language of `<tbx xml:lang>`, and
/// with none anywhere the entry is an error naming file and lines.
#[test]
fn a_tbx_language_section_inherits_xml_lang() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let entry = "<text><body>\n<conceptEntry id=\"e\">\n\
        <langSec><termSec><term>barley</term></termSec></langSec>\n\
        <langSec xml:lang=\"ja\"><termSec><term>大麦</term></termSec></langSec>\n\
        </conceptEntry>\n</body></text></tbx>\n";
    let inherits = dir.path().join("a.tbx");
    let orphan = dir.path().join("b.tbx");
    std::fs::write(&inherits, format!("<tbx xml:lang=\"en\">{entry}")).unwrap_or_default();
    std::fs::write(&orphan, format!("<tbx>{entry}")).unwrap_or_default();
    let list = |file: &std::path::Path| {
        let f = file.display().to_string();
        run(
            &[
                "glossary",
                "list",
                "--no-default-glossary",
                "--glossary",
                &f,
            ],
            "",
        )
    };
    let (code, out, err) = list(&inherits);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("e\t\t\t\ten\tbarley"), "{out}");
    let (code, _, err) = list(&orphan);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("b.tbx:2:"), "{err}");
    assert!(err.contains("`barley`") && err.contains("line 3"), "{err}");
}

/// `--lenient` named the row of a duplicate id but left the rows after it
/// out without a word (a terminologist's review): each is named.
#[test]
fn lenient_names_every_row_it_drops() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let table = dir.path().join("sorted.tsv");
    std::fs::write(
        &table,
        "id\tdomain\tdefinition\tlang\tterm\treading\tstatus\n\
         rt\tagri\tRice tariff.\ten\trice tariff\t\tpreferred\n\
         bt\tagri\tBeef tariff.\ten\tbeef tariff\t\tpreferred\n\
         rt\tagri\tRice tariff.\tja\tコメ関税\t\tpreferred\n\
         bt\tagri\t\tja\t牛肉関税\t\tpreferred\n\
         rt\tagri\tDifferent def.\tja\t米関税\t\tadmitted\n\
         rt\t\t\ten\ttariff on rice\t\tadmitted\n",
    )
    .unwrap_or_default();
    let t = table.display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "list",
            "--no-default-glossary",
            "--lenient",
            "--glossary",
            &t,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("tariff on rice"), "{out}");
    assert!(
        err.contains("sorted.tsv:6: duplicate concept id `rt`"),
        "{err}"
    );
    assert!(
        err.contains("sorted.tsv:7: row of concept `rt` left out"),
        "{err}"
    );
}

/// A UTX without concept ids whose forbidden row shared its target with an
/// approved row made `check` say "ja `コメ関税` (rice-duty) is deprecated;
/// use: コメ関税" (a terminologist's review): the forbidden row deprecates
/// its own source term, a name of the approved row's concept.
#[test]
fn a_forbidden_utx_row_deprecates_only_its_own_term() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let utx = dir.path().join("u.utx");
    let pairs = dir.path().join("p.tsv");
    std::fs::write(
        &utx,
        "#UTX 1.20; en-US/ja-JP\n#src\ttgt\tsrc:pos\tterm status\tcomment\n\
         rice tariff\tコメ関税\tnoun\tapproved\tmain\n\
         rice duty\tコメ関税\tnoun\tforbidden\tdo not use\n",
    )
    .unwrap_or_default();
    std::fs::write(
        &pairs,
        "en\tja\nThe rice tariff was cut.\tコメ関税が引き下げられた。\n\
         The rice duty was cut.\tコメ関税が引き下げられた。\n",
    )
    .unwrap_or_default();
    let (u, p) = (utx.display().to_string(), pairs.display().to_string());
    let check = |direction: &str| {
        run(
            &[
                "glossary",
                "check",
                "--glossary",
                &u,
                "--direction",
                direction,
                "--parallel",
                &p,
            ],
            "",
        )
    };
    let (code, out, err) = check("en-ja");
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let (code, out, err) = check("both");
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out.trim_end().split_once(": ").map(|(_, m)| m),
        Some("en `rice duty` (rice-tariff) is deprecated; use: rice tariff"),
        "{out}"
    );
}

/// A terminologist's review of the session of 2026-12-04, end to end: British
/// spellings and legacy katakana found nothing, a headline in capitals took
/// `BIT` for the treaty, and bare 黒字 was read as the trade surplus.
#[test]
fn the_reviewed_spellings_headlines_and_bare_words() {
    let (code, out, err) = run(
        &[
            "glossary",
            "lookup",
            "--format",
            "jsonl",
            "capital liberalisation",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        jsonl(&out)
            .iter()
            .any(|c| c["id"] == "capital-liberalization"),
        "{out}"
    );
    let (code, out, err) = run(
        &["glossary", "annotate", "--format", "inline", "-"],
        "セ－フガ－ドが発動された。\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("セ－フガ－ド [safeguard]"), "{out}");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("h.tsv");
    std::fs::write(
        &pairs,
        "en\tja\n\
         WHO IS TO BLAME? A BIT OF HISTORY ON THE US-JAPAN DISPUTE\t誰の責任か? 日米紛争の歴史を少し\n\
         Toyota returned to profit in 1994.\tトヨタは1994年に黒字に転換した。\n\
         Capital liberalisation advanced.\t資本自由化が進んだ。\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    for direction in ["en-ja", "ja-en"] {
        let (code, out, err) = run(
            &[
                "glossary",
                "check",
                "--direction",
                direction,
                "--parallel",
                &p,
            ],
            "",
        );
        assert_eq!(code, 0, "{direction}: {out}{err}");
    }
}

/// The thirteenth session's review of `check --direction ja-en`, end to end:
/// currency signs, press renderings, old character forms and 取極め pass,
/// and the terms found are only the longest at each place.
#[test]
fn the_reviewed_renderings_signs_and_old_forms_pass_from_japanese() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("r.tsv");
    std::fs::write(
        &pairs,
        "ja\ten\n\
         貿易赤字は4625億円だった。\tThe trade deficit was ¥462.5 billion.\n\
         米国の貿易赤字は1兆ドルを超えた。\tThe U.S. trade deficit topped US$1 trillion.\n\
         日EU経済連携協定が発効した。\tThe Japan-EU Economic Partnership Agreement came into force.\n\
         円高が進み、輸出企業の収益を圧迫した。\tThe yen rose, squeezing exporters' profits.\n\
         日銀は利上げを見送った。\tThe BOJ held off on raising interest rates.\n\
         經濟産業省は声明を發表した。\tMETI issued a statement.\n\
         取極めに署名した。\tThey signed the arrangement.\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--direction",
            "ja-en",
            "--parallel",
            &p,
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    std::fs::write(
        &pairs,
        "ja\ten\n\
         経済産業省は半導体の輸出規制を強化すると発表した。\tJapan's trade ministry said it would tighten export controls on chips.\n",
    )
    .unwrap_or_default();
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--direction",
            "en-ja",
            "--parallel",
            &p,
        ],
        "",
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("glossary terms found: 経済産業省, 半導体, 輸出規制"),
        "{out}"
    );
}

/// The second session of 2026-12-04, from a terminologist's and a news
/// analyst's reviews of `check` and `annotate`, end to end: dotted katakana
/// compounds, names and titles the glossary lacks, 輸出者, 〜的な, `Minister`
/// for 大臣, China's Ministry of Commerce and the verb `offset` pass both
/// ways; a label line in capitals and the headline under it hold no term
/// together.
#[test]
fn the_second_reviews_of_2026_12_04_pass_both_ways() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("reviews.tsv");
    std::fs::write(
        &pairs,
        "en\tja\n\
         The sunset review began.\tサンセット・レビューが始まった。\n\
         The White House said so.\tホワイト・ハウスがそう述べた。\n\
         Tariff peaks remain.\tタリフ・ピークが残る。\n\
         China's Ministry of Commerce objected.\t中国商務部が反発した。\n\
         Minister of Agriculture, Forestry and Fisheries Taku Eto spoke.\t江藤拓農林水産大臣が発言した。\n\
         UK Secretary of State for Business and Trade Kemi Badenoch visited Tokyo.\tケミ・ベーデノック英ビジネス・貿易相が東京を訪れた。\n\
         Exporters must certify origin.\t輸出者は原産地を証明しなければならない。\n\
         The investigation found material injury.\t調査で実質的な損害が認められた。\n\
         Economic coercion is a concern.\t経済的な威圧が懸念される。\n\
         China's Ministry of Commerce said it would ban gallium exports to the United States.\t中国商務省は米国向けのガリウム輸出を禁止すると発表した。\n\
         The Minister said free trade was important.\t大臣は、自由貿易が重要だと述べた。\n\
         Minister for Economic Revitalization Ryosei Akazawa was appointed.\t赤沢亮正経済再生担当大臣が任命された。\n\
         Countervailing duties offset subsidies.\t相殺関税は補助金を相殺する。\n\
         The ministry said so.\t同省はそう述べた。\n",
    )
    .unwrap_or_default();
    let p = pairs.display().to_string();
    for direction in ["en-ja", "ja-en", "both"] {
        let (code, out, err) = run(
            &[
                "glossary",
                "check",
                "--direction",
                direction,
                "--parallel",
                &p,
            ],
            "",
        );
        assert_eq!(code, 0, "{direction}: {out}{err}");
    }
    let (code, out, err) = run(
        &["glossary", "annotate", "--format", "jsonl", "-"],
        "DISPUTE SETTLEMENT\nPanel issues report on Chinese duties\n",
    );
    assert_eq!(code, 0, "{err}");
    let spans: Vec<(String, String)> = jsonl(&out)
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap_or_default().to_string(),
                s["concept"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (
                "DISPUTE SETTLEMENT".to_string(),
                "dispute-settlement".to_string()
            ),
            ("Panel".to_string(), "panel".to_string())
        ]
    );
    let (code, out, err) = run(
        &["glossary", "annotate", "--format", "inline", "-"],
        "サンセット・レビューが始まった。中国商務省は反発した。商務省によると\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "サンセット・レビュー [sunset review]が始まった。中国商務省 [Ministry of Commerce]は反発した。\
         商務省 [Ministry of Commerce]によると\n"
    );
}

/// A client's glossary that deprecates a term the built-in one admits under
/// another concept (黒字 under `trade-surplus`, `escape clause` under
/// `safeguard`) was overruled by it: the check passed (a translator's
/// review). The later layer decides, and says what it changed.
#[test]
fn a_user_glossarys_deprecated_terms_hold_over_the_built_in_ones() {
    let glossary = testdata("glossary/client-forbidden.tsv")
        .display()
        .to_string();
    let pairs = testdata("parallel/client-terms.tsv").display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--glossary",
            &glossary,
            "--parallel",
            &pairs,
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].contains(":2: ja `黒字`") && lines[0].contains("use: 貿易黒字"),
        "{out}"
    );
    assert!(
        err.contains("is now deprecated in `trade-surplus` read before too"),
        "{err}"
    );
    // The client's concept took both preferred terms of the built-in one,
    // which goes: 黒字 is reported once, with the client's advice.
    assert!(err.contains("`trade-surplus` read before goes"), "{err}");
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--direction",
            "ja-en",
            "--glossary",
            &glossary,
            "--parallel",
            &pairs,
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains(":4: en `escape clause`") && out.contains("use: safeguard"),
        "{out}"
    );
}

/// A client's concept for a term the built-in glossary has under another id
/// (`trade surplus` / 貿易収支の黒字): `annotate` named both concepts and
/// `check` took the built-in 貿易黒字 for it. The later layer's concept owns
/// its terms; the built-in concept it replaced in substance goes, said on
/// stderr.
#[test]
fn a_user_glossarys_terms_belong_to_its_concepts_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let glossary = dir.path().join("client.tsv");
    let pairs = dir.path().join("pairs.tsv");
    std::fs::write(
        &glossary,
        "id\tlang\tterm\tstatus\n\
         client-trade-surplus\ten\ttrade surplus\tpreferred\n\
         client-trade-surplus\tja\t貿易収支の黒字\tpreferred\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        &pairs,
        "en\tja\nJapan's trade surplus grew.\t日本の貿易黒字が増えた。\n\
         Japan's trade surplus grew.\t日本の貿易収支の黒字が増えた。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let g = glossary.display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "annotate",
            "--glossary",
            &g,
            "--format",
            "jsonl",
        ],
        "Japan's trade surplus grew.",
    );
    assert_eq!(code, 0, "{err}");
    let spans = jsonl(&out);
    assert_eq!(spans.len(), 1, "{out}");
    assert_eq!(spans[0]["concept"], "client-trade-surplus");
    assert!(
        err.contains("`trade surplus` is a term of `client-trade-surplus` here, no longer of `trade-surplus` read before"),
        "{err}"
    );
    let p = pairs.display().to_string();
    let (code, out, err) = run(
        &["glossary", "check", "--glossary", &g, "--parallel", &p],
        "",
    );
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].contains(":2: en `trade surplus` (client-trade-surplus) has no equivalent"),
        "{out}"
    );
    // The built-in concept keeps its Japanese and `surplus`: only a
    // concept that lost its preferred terms in every language goes.
    assert!(!err.contains("read before goes"), "{err}");
    // A client's concept admitting the built-in `rice`'s only Japanese
    // term takes nothing from it (a code review found `rice` gone).
    std::fs::write(
        &glossary,
        "id\tlang\tterm\tstatus\n\
         staple-rice\ten\tstaple rice\tpreferred\n\
         staple-rice\tja\t主食用米\tpreferred\n\
         staple-rice\tja\tコメ\tadmitted\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = run(&["glossary", "lookup", "--glossary", &g, "rice"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("コメ"), "{out}");
    assert!(!err.contains("read before"), "{err}");
}

/// A part of a Japanese term had no suggestion at all (`収支`, `摩擦`; a
/// translator's review): terms that hold it are offered, in Japanese.
#[test]
fn lookup_suggests_the_terms_that_hold_a_japanese_query() {
    let (code, _, err) = run(&["glossary", "lookup", "収支"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("did you mean: 貿易収支 (trade balance)"),
        "{err}"
    );
    let (code, _, err) = run(&["glossary", "lookup", "摩擦"], "");
    assert_eq!(code, 1);
    assert!(err.contains("貿易摩擦 (trade friction)"), "{err}");
}

/// A translator's review of the machine-readable outputs: check records
/// named no file and held no segment; annotate's offsets were bytes alone
/// (wrong as Python string indices); inline annotation showed one concept
/// of a term of several.
#[test]
fn outputs_name_their_file_segments_characters_and_every_concept() {
    let pairs = testdata("parallel/client-terms.tsv").display().to_string();
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--format",
            "jsonl",
            "--parallel",
            &pairs,
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    let records = jsonl(&out);
    assert_eq!(records.len(), 1, "{out}");
    assert_eq!(records[0]["file"], pairs.as_str());
    assert_eq!(records[0]["line"], 4);
    assert_eq!(records[0]["en"], "Japan invoked the escape clause.");
    assert_eq!(records[0]["ja"], "日本はセーフガードを発動した。");
    let (code, out, _) = run(&["glossary", "annotate"], "対米貿易黒字が増えた。");
    assert_eq!(code, 0);
    let spans = jsonl(&out);
    assert_eq!(spans[0]["text"], "貿易黒字");
    assert_eq!(
        (spans[0]["start"].clone(), spans[0]["end"].clone()),
        (6.into(), 18.into())
    );
    assert_eq!(
        (spans[0]["char_start"].clone(), spans[0]["char_end"].clone()),
        (2.into(), 6.into())
    );
    let (code, out, _) = run(
        &["glossary", "annotate", "--format", "inline"],
        "The trade gap widened.",
    );
    assert_eq!(code, 0);
    assert_eq!(out, "The trade gap [貿易赤字 / 貿易不均衡] widened.\n");
}

/// A translator's review of user glossaries: a one-line `en,ja` table
/// wiped out the built-in concept of the id made from its term; term notes
/// were lost; OmegaT dropped deprecated terms without a word; Excel needs a
/// byte-order mark to read CSV as UTF-8.
#[test]
fn user_tables_merge_keep_term_notes_and_exports_say_what_they_drop() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("tariff.csv");
    std::fs::write(&pairs, "en,ja\ntariff,関税\n").unwrap_or_else(|e| panic!("{e}"));
    let pairs = pairs.display().to_string();
    let (code, out, err) = run(
        &["glossary", "lookup", "--glossary", &pairs, "customs duty"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("tariff ") && out.contains("輸入関税"),
        "{out}"
    );
    assert!(err.contains("is merged into the concept `tariff`"), "{err}");
    let notes = dir.path().join("notes.csv");
    std::fs::write(
        &notes,
        "id,lang,term,status,note\nrice,en,rice,preferred,\n\
         rice,ja,コメ,preferred,Katakana in trade texts\nrice,ja,米,deprecated,Ambiguous: 米 = USA\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let notes = notes.display().to_string();
    let (code, out, err) = run(&["glossary", "lookup", "--glossary", &notes, "米"], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("米 (deprecated) — Ambiguous: 米 = USA"),
        "{out}"
    );
    assert!(
        out.contains("コメ (preferred) — Katakana in trade texts"),
        "{out}"
    );
    let (code, _, err) = run(&["glossary", "list", "--format", "omegat"], "");
    assert_eq!(code, 0);
    assert!(
        err.contains("terms are not written: omegat does not carry"),
        "{err}"
    );
    let (code, out, _) = run(&["glossary", "list", "--format", "csv", "--bom"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("\u{feff}id,"), "{}", &out[..20]);
}

/// A client's deprecation of a word another concept prefers (関税 under
/// `duty amount`) holds there too, as a client's forbidden term is flagged
/// wherever it stands, and the note says that concept lost its preferred
/// term (a code review asked what happens to it).
#[test]
fn a_user_deprecation_of_another_concepts_preferred_term_is_said() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let client = dir.path().join("client.csv");
    std::fs::write(
        &client,
        "id,lang,term,status\nduty-amount,en,duty amount,preferred\n\
         duty-amount,ja,関税額,preferred\nduty-amount,ja,関税,deprecated\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let pairs = dir.path().join("p.tsv");
    std::fs::write(
        &pairs,
        "en\tja\nJapan cut the tariff on beef.\t日本は牛肉の関税を引き下げた。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (client, pairs) = (client.display().to_string(), pairs.display().to_string());
    let (code, out, err) = run(
        &[
            "glossary",
            "check",
            "--glossary",
            &client,
            "--parallel",
            &pairs,
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("ja `関税`") && out.contains("is deprecated"),
        "{out}"
    );
    assert!(
        err.contains(
            "`関税`, deprecated here, is now deprecated in `tariff` read before too (it was \
             that concept's preferred term)"
        ),
        "{err}"
    );
}

/// `check` reports a number of the source that the translation gives no
/// number of its value (an analyst's review: `15%` rendered 25％ and `1.5
/// trillion yen` 1.5億円 passed); `--no-numbers` leaves such issues out.
#[test]
fn check_reports_numbers_the_translation_changed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tsv = dir.path().join("numbers.tsv");
    std::fs::write(
        &tsv,
        "en\tja\n\
         The tariff will be cut to 15% in July.\t関税は7月に25％に引き下げられる。\n\
         Exports reached 1.5 trillion yen.\t輸出は1.5億円に達した。\n\
         Exports reached $5 billion on April 3.\t輸出は4月3日に50億ドルに達した。\n\
         Talks began on March 4.\t交渉は4月3日に始まった。\n\
         Exports reached $35 billion.\t輸出は350億円に達した。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let p = tsv.display().to_string();
    let (code, out, err) = run(&["glossary", "check", "--parallel", &p], "");
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].contains(":2: number: en `15%`"), "{out}");
    assert!(lines[0].ends_with("numbers there: 7, 25%"), "{out}");
    assert!(lines[1].contains(":3: number: en `1.5 trillion`"), "{out}");
    assert!(
        lines[2].contains(
            ":5: date: en `March 4` is none of the translation's dates: 4月3日; expected: 3月4日"
        ),
        "{out}"
    );
    assert!(
        lines[3].contains(
            ":6: currency: en `35 billion` in USD is given in another currency: 350億 (JPY)"
        ),
        "{out}"
    );
    let (code, out, err) = run(
        &["glossary", "check", "--format", "jsonl", "--parallel", &p],
        "",
    );
    assert_eq!(code, 1, "{err}");
    let kinds: Vec<bool> = out
        .lines()
        .map(|l| l.contains("\"kind\":\"number\""))
        .collect();
    assert_eq!(kinds, [true, true, false, false], "{out}");
    assert!(out.contains("\"kind\":\"date\""), "{out}");
    assert!(out.contains("\"kind\":\"currency\""), "{out}");
    let (code, out, err) = run(&["glossary", "check", "--no-numbers", "--parallel", &p], "");
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}
