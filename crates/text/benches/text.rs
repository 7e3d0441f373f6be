//! Micro-benchmarks: sentence segmentation, page furniture and NFKC (`cargo
//! bench -p kotoba-text`).

use kotoba_text::normalize::nfkc;
use kotoba_text::segment::{SegmentLang, split_sentences};

const EN: &str = include_str!("../../../testdata/clinton-japan-trade-1993.en.txt");
const JA: &str = include_str!("../../../testdata/clinton-japan-trade-1993.ja.txt");

fn main() {
    divan::main();
}

#[divan::bench]
fn sentences_english(b: divan::Bencher) {
    let text = EN.repeat(20);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| split_sentences(divan::black_box(&text), SegmentLang::English));
}

#[divan::bench]
fn sentences_japanese(b: divan::Bencher) {
    let text = JA.repeat(20);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| split_sentences(divan::black_box(&text), SegmentLang::Japanese));
}

#[divan::bench]
fn nfkc_with_offsets(b: divan::Bencher) {
    let text = JA.repeat(5);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| nfkc(divan::black_box(&text)));
}

/// The page-furniture pass term extraction makes over a document's
/// sentences, beside the segmentation it follows (`sentences_english`).
#[divan::bench]
fn furniture_english(b: divan::Bencher) {
    let text = EN.repeat(20);
    let spans = split_sentences(&text, SegmentLang::English);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| kotoba_text::page::furniture_sentences(divan::black_box(&text), &spans));
}
