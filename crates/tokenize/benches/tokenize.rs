//! Micro-benchmarks: the Japanese lattice and English words (`cargo bench -p kotoba-tokenize`).

use kotoba_tokenize::Tokenizer;
use kotoba_tokenize::japanese::JapaneseTokenizer;
use kotoba_tokenize::words::WordTokenizer;

const EN: &str = include_str!("../../../testdata/clinton-japan-trade-1993.en.txt");
const JA: &str = include_str!("../../../testdata/clinton-japan-trade-1993.ja.txt");

fn main() {
    divan::main();
}

#[divan::bench]
fn japanese_morphemes(b: divan::Bencher) {
    let Ok(ja) = JapaneseTokenizer::new() else {
        return;
    };
    let mut worker = ja.worker();
    b.counter(divan::counter::BytesCount::of_str(JA))
        .bench_local(|| worker.morphemes(divan::black_box(JA)).len());
}

#[divan::bench]
fn japanese_mecab_format(b: divan::Bencher) {
    let Ok(ja) = JapaneseTokenizer::new() else {
        return;
    };
    let mut worker = ja.worker();
    let mut out = Vec::new();
    b.counter(divan::counter::BytesCount::of_str(JA))
        .bench_local(|| {
            out.clear();
            worker.write_mecab(divan::black_box(JA), &mut out)
        });
}

#[divan::bench]
fn english_words_and_stems(b: divan::Bencher) {
    let en = WordTokenizer::english();
    b.counter(divan::counter::BytesCount::of_str(EN))
        .bench(|| en.tokenize(divan::black_box(EN)));
}

#[divan::bench]
fn japanese_one_long_line(b: divan::Bencher) {
    let Ok(ja) = JapaneseTokenizer::new() else {
        return;
    };
    // No line breaks or sentence ends: the lattice works in pieces.
    let long = JA.replace(['。', '\n'], "").repeat(8);
    let mut worker = ja.worker();
    b.counter(divan::counter::BytesCount::of_str(&long))
        .bench_local(|| worker.morphemes(divan::black_box(&long)).len());
}
