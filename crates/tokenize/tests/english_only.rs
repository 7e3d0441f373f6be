//! What works without the Japanese dictionary. `cargo xtask test` runs this
//! file a second time with `--no-default-features`: without the
//! `embedded-ipadic` feature the build looks for no dictionary and embeds
//! nothing, English and CJK bigrams work as before, and the Japanese
//! tokenizer is a typed error.

use kotoba_tokenize::cjk::BigramTokenizer;
use kotoba_tokenize::japanese::JapaneseTokenizer;
use kotoba_tokenize::words::WordTokenizer;
use kotoba_tokenize::{Error, Tokenizer};

#[test]
fn english_words_stems_and_stop_words() {
    let text = "Tariffs on imported cars";
    let tokens = WordTokenizer::english().tokenize(text);
    let stems: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(stems, ["tariff", "on", "import", "car"]);
    let stop: Vec<bool> = tokens.iter().map(|t| t.is_stop).collect();
    assert_eq!(stop, [false, true, false, false]);
    assert_eq!(&text[tokens[2].start..tokens[2].end], "imported");
}

#[test]
fn cjk_bigrams_need_no_dictionary() {
    let terms: Vec<String> = BigramTokenizer
        .tokenize("貿易黒字 WTO")
        .into_iter()
        .map(|t| t.term)
        .collect();
    assert_eq!(terms, ["貿易", "易黒", "黒字", "wto"]);
}

#[test]
fn the_japanese_tokenizer_needs_the_feature() {
    let japanese = JapaneseTokenizer::new();
    if cfg!(feature = "embedded-ipadic") {
        assert!(japanese.is_ok(), "{japanese:?}");
    } else {
        assert!(matches!(japanese, Err(Error::NotEmbedded)), "{japanese:?}");
    }
}
