//! Micro-benchmarks: preparing and scoring a document (`cargo bench -p kotoba-summarize`).

use kotoba_summarize::{Lang, Length, Method, Split, Summarizer};

const EN: &str = include_str!("../../../testdata/clinton-japan-trade-1993.en.txt");

fn main() {
    divan::main();
}

#[divan::bench(args = ["lexrank", "textrank", "luhn", "leadrank"])]
fn summarize_seed(b: divan::Bencher, method: &str) {
    let (Ok(s), Some(m)) = (Summarizer::new(), Method::from_name(method)) else {
        return;
    };
    let s = s.method(m).length(Length::Sentences(3));
    b.bench(|| s.summarize(divan::black_box(EN), Lang::En, Split::Sentences));
}

#[divan::bench]
fn prepare_seed(b: divan::Bencher) {
    let Ok(s) = Summarizer::new() else { return };
    b.bench(|| {
        s.preparer()
            .prepare(divan::black_box(EN), Lang::En, Split::Sentences)
    });
}
