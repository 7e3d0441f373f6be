//! English summaries without the Japanese dictionary. `cargo xtask test`
//! runs this file a second time with `--no-default-features` (no
//! `embedded-ipadic`): English sentences, summaries and ROUGE work as
//! before, and Japanese falls back to character bigrams, which
//! [`Summarizer::require`] reports.

use kotoba_summarize::rouge::RougeTokenizer;
use kotoba_summarize::{Error, Lang, Length, Method, Split, Summarizer};
use kotoba_text::segment::{SegmentLang, split_sentences};

const EN: &str = include_str!("../../../testdata/clinton-japan-trade-1993.en.txt");
const JA: &str = include_str!("../../../testdata/clinton-japan-trade-1993.ja.txt");

#[test]
fn english_sentences_are_split() {
    let text =
        "Mr. Clinton met Mr. Hosokawa. They talked about the U.S. trade deficit. Talks resume.";
    let sentences: Vec<&str> = split_sentences(text, SegmentLang::English)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(
        sentences,
        [
            "Mr. Clinton met Mr. Hosokawa.",
            "They talked about the U.S. trade deficit.",
            "Talks resume."
        ]
    );
}

#[test]
fn english_is_summarized() -> Result<(), Error> {
    assert!(Summarizer::new()?.require(Lang::En).is_ok());
    for method in [Method::LeadRank, Method::LexRank, Method::TextRank] {
        let summary = Summarizer::new()?
            .method(method)
            .summarize(EN, Lang::En, Split::Sentences);
        assert_eq!(summary.len(), 3, "{method:?}");
        assert!(summary.windows(2).all(|w| w[0].index < w[1].index));
        assert!(
            summary
                .iter()
                .all(|e| EN[e.start..e.end].contains(&e.text[..10]))
        );
    }
    let scores = RougeTokenizer::english(true).score(
        "Clinton may cancel the meeting.",
        "President Clinton may cancel a meeting.",
    );
    assert!(scores.rouge1.f1 > 0.5, "{:?}", scores.rouge1);
    Ok(())
}

#[test]
fn japanese_needs_the_feature_or_falls_back_to_bigrams() -> Result<(), Error> {
    let summarizer = Summarizer::new()?.length(Length::Sentences(2));
    if cfg!(feature = "embedded-ipadic") {
        assert!(summarizer.require(Lang::Ja).is_ok());
    } else {
        let refused = summarizer.require(Lang::Ja);
        assert!(
            matches!(
                refused,
                Err(Error::Tokenize(kotoba_tokenize::Error::NotEmbedded))
            ),
            "{refused:?}"
        );
    }
    // Either way a Japanese document is summarized.
    let summary = summarizer.summarize(JA, Lang::Ja, Split::Sentences);
    assert_eq!(summary.len(), 2);
    Ok(())
}
