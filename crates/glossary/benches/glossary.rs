//! Micro-benchmarks: annotation and lookup (`cargo bench -p kotoba-glossary`).

use kotoba_glossary::{Annotator, Index, default_glossary};

const EN: &str = include_str!("../../../testdata/clinton-japan-trade-1993.en.txt");
const JA: &str = include_str!("../../../testdata/clinton-japan-trade-1993.ja.txt");

fn main() {
    divan::main();
}

#[divan::bench]
fn annotate_english(b: divan::Bencher) {
    let Ok(g) = default_glossary() else { return };
    let Ok(a) = Annotator::new(g) else { return };
    let text = EN.repeat(20);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| a.annotate(divan::black_box(&text)));
}

#[divan::bench]
fn annotate_japanese(b: divan::Bencher) {
    let Ok(g) = default_glossary() else { return };
    let Ok(a) = Annotator::new(g) else { return };
    b.counter(divan::counter::BytesCount::of_str(JA))
        .bench(|| a.annotate(divan::black_box(JA)));
}

#[divan::bench]
fn lookup(b: divan::Bencher) {
    let Ok(g) = default_glossary() else { return };
    let index = Index::new(g);
    b.bench(|| index.lookup(divan::black_box("anti-dumping duties")));
}
