//! Reads standard input, writes MeCab's default format: `cargo run --example mecab < text`.

use std::io::{Read, Write};

use kotoba_tokenize::japanese::JapaneseTokenizer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let mut worker = JapaneseTokenizer::new()?.worker();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    worker.write_mecab(&text, &mut out)?;
    out.flush()?;
    Ok(())
}
