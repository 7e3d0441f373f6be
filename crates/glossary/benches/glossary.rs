//! Micro-benchmarks: annotation and lookup (`cargo bench -p kotoba-glossary`).

use kotoba_glossary::{
    Annotator, Concept, Glossary, Index, Status, Term, default_glossary, shared_default_glossary,
};

const EN: &str = include_str!("../../../testdata/clinton-japan-trade-1993.en.txt");
const JA: &str = include_str!("../../../testdata/clinton-japan-trade-1993.ja.txt");

fn main() {
    divan::main();
}

#[divan::bench]
fn annotate_english(b: divan::Bencher) {
    let Ok(g) = shared_default_glossary() else {
        return;
    };
    let Ok(a) = Annotator::new(g) else { return };
    let text = EN.repeat(20);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| a.annotate(divan::black_box(&text)));
}

#[divan::bench]
fn annotate_japanese(b: divan::Bencher) {
    let Ok(g) = shared_default_glossary() else {
        return;
    };
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

/// The default glossary plus synthetic two-word English terms made of its
/// own words: 10,000 concepts.
fn glossary_10k() -> Glossary {
    let Ok(base) = default_glossary() else {
        return Glossary::default();
    };
    let mut g = base.clone();
    let mut words: Vec<String> = Vec::new();
    for c in &base.concepts {
        for t in &c.en {
            for w in t.term.split_whitespace() {
                let w = w.to_lowercase();
                if w.len() > 3 && w.chars().all(|c| c.is_ascii_lowercase()) && !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    'outer: for a in &words {
        for b in &words {
            if g.concepts.len() >= 10_000 {
                break 'outer;
            }
            if a != b {
                let term = |t: String| Term {
                    term: t,
                    reading: None,
                    status: Status::Preferred,
                    note: None,
                };
                g.concepts.push(Concept {
                    id: format!("{a}-{b}"),
                    domain: String::new(),
                    definition: String::new(),
                    note: String::new(),
                    en: vec![term(format!("{a} {b}"))],
                    ja: vec![term(format!("語{}", g.concepts.len()))],
                });
            }
        }
    }
    g
}

#[divan::bench]
fn annotate_english_10k_terms(b: divan::Bencher) {
    let g = glossary_10k();
    let Ok(a) = Annotator::new(g) else { return };
    let text = EN.repeat(20);
    b.counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| a.annotate(divan::black_box(&text)));
}
