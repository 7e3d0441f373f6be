//! Lookup and English annotation without the Japanese dictionary. `cargo
//! xtask test` runs this file a second time with `--no-default-features`
//! (no `embedded-ipadic`): lookup in both languages and annotation of
//! English work as before, no term in Japanese script is found, and what
//! needs Japanese is a typed error.

use kotoba_glossary::{
    Annotator, Direction, Error, Index, Lang, Pair, bonus_terms, check_pairs, default_glossary,
    shared_default_glossary,
};

const JAPANESE: bool = cfg!(feature = "embedded-ipadic");

fn ids(annotator: &Annotator, text: &str) -> Vec<(String, String)> {
    annotator
        .annotate(text)
        .iter()
        .map(|s| {
            let id = &annotator.glossary().concepts[s.concept].id;
            (text[s.start..s.end].to_string(), id.clone())
        })
        .collect()
}

fn not_embedded<T: std::fmt::Debug>(result: Result<T, Error>) {
    assert!(
        matches!(
            result,
            Err(Error::Tokenize(kotoba_tokenize::Error::NotEmbedded))
        ),
        "{result:?}"
    );
}

#[test]
fn lookup_needs_no_dictionary() -> Result<(), Error> {
    let index = Index::new(default_glossary()?);
    let first = |query: &str| index.lookup(query).first().map(|c| c.id.clone());
    assert_eq!(first("Tariffs").as_deref(), Some("tariff"));
    assert_eq!(
        first("countervailing duties").as_deref(),
        Some("countervailing-duty")
    );
    assert_eq!(first("相殺関税").as_deref(), Some("countervailing-duty"));
    let safeguard = index.lookup("ｾｰﾌｶﾞｰﾄﾞ");
    assert!(
        safeguard
            .iter()
            .any(|c| c.en.iter().any(|t| t.term == "safeguard"))
    );
    Ok(())
}

#[test]
fn english_text_is_annotated() -> Result<(), Error> {
    let a = Annotator::new(shared_default_glossary()?)?;
    assert!(a.require(Lang::En).is_ok());
    let text = "Japan's trade surpluses grew as tariffs on U.S. rice stayed; the WTO ruled.";
    let found = ids(&a, text);
    let surfaces: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    assert!(surfaces.contains(&"trade surpluses"), "{found:?}");
    assert!(surfaces.contains(&"tariffs"), "{found:?}");
    assert!(surfaces.contains(&"WTO"), "{found:?}");
    assert!(found.contains(&("trade surpluses".into(), "trade-surplus".into())));
    let present = a.present(text, Lang::En);
    assert!(
        present
            .iter()
            .any(|&c| a.glossary().concepts[c].id == "tariff")
    );
    Ok(())
}

#[test]
fn japanese_script_needs_the_feature() -> Result<(), Error> {
    let a = Annotator::new(shared_default_glossary()?)?;
    let text = "Japan's trade surpluses grew; 貿易黒字が拡大した。ＷＴＯに提訴。";
    let surfaces: Vec<String> = ids(&a, text).into_iter().map(|(s, _)| s).collect();
    // Terms in Latin letters are found in Japanese text either way.
    assert_eq!(surfaces[0], "trade surpluses");
    assert!(surfaces.contains(&"ＷＴＯ".to_string()), "{surfaces:?}");
    let japanese_script = surfaces
        .iter()
        .any(|s| s.chars().any(|c| ('\u{3040}'..='\u{9FFF}').contains(&c)));
    if JAPANESE {
        assert!(a.require(Lang::Ja).is_ok());
        assert!(surfaces.contains(&"貿易黒字".to_string()), "{surfaces:?}");
    } else {
        not_embedded(a.require(Lang::Ja));
        assert!(!japanese_script, "{surfaces:?}");
    }
    Ok(())
}

#[test]
fn checks_and_bonus_terms_need_the_feature() -> Result<(), Error> {
    let a = Annotator::new(shared_default_glossary()?)?;
    let pairs = [Pair {
        line: 1,
        en: "Tariffs rose.".into(),
        ja: "関税が上がった。".into(),
    }];
    let issues = check_pairs(&a, &pairs, Direction::Both);
    let bonus = bonus_terms(default_glossary()?);
    if JAPANESE {
        let issues = issues?;
        assert!(issues.is_empty(), "{issues:?}");
        assert!(bonus?.contains_key("tariff"));
    } else {
        not_embedded(issues);
        not_embedded(bonus);
    }
    Ok(())
}
