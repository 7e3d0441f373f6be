//! English term extraction without the Japanese dictionary. `cargo xtask
//! test` runs this file a second time with `--no-default-features` (no
//! `embedded-ipadic`): English counts and ranks as before, and what needs
//! Japanese is a typed error.

use kotoba_terms::{Aligner, Error, Extractor, Language, RankOptions, Stats, rank};

const DOCS: [&str; 2] = [
    "Japan's trade surplus with the United States grew. Tariffs on cars rose.",
    "The trade surplus narrowed as tariffs fell. Car tariffs were cut.",
];

#[test]
fn english_terms_are_extracted_and_ranked() -> Result<(), Error> {
    let extractor = Extractor::new(Language::En)?;
    let stats = extractor.count_all(&DOCS)?;
    let glossary = kotoba_glossary::default_glossary()?;
    let rows = rank(&stats, &RankOptions::default(), Some(glossary));
    let terms: Vec<&str> = rows.iter().map(|r| r.term.as_str()).collect();
    // Names rank high (named entities are terms of ACTER's gold lists);
    // of the other terms, `tariffs` and `trade surplus` come first.
    let mut others = terms
        .iter()
        .filter(|t| !matches!(**t, "Japan" | "United States"));
    let first_two = [others.next(), others.next()];
    assert_eq!(
        first_two,
        [Some(&"tariffs"), Some(&"trade surplus")],
        "{terms:?}"
    );
    assert!(terms.contains(&"tariffs"), "{terms:?}");
    // Counting in parts and merging still equals counting the whole.
    let merged = Stats::merge(
        extractor.count_all(&DOCS[..1])?,
        extractor.count_all(&DOCS[1..])?,
    )?;
    assert_eq!(merged.to_json()?, stats.to_json()?);
    Ok(())
}

#[test]
fn japanese_extraction_and_pairing_need_the_feature() {
    let ja = Extractor::new(Language::Ja).map(|_| ());
    let aligner = Aligner::new().map(|_| ());
    for result in [ja, aligner] {
        if cfg!(feature = "embedded-ipadic") {
            assert!(result.is_ok(), "{result:?}");
        } else {
            assert!(
                matches!(
                    result,
                    Err(Error::Tokenize(kotoba_tokenize::Error::NotEmbedded))
                ),
                "{result:?}"
            );
        }
    }
}
