//! With the `embedded-ipadic` feature (the default): finds the IPADIC
//! compiled by `cargo xtask prepare` and hands its location to the crate,
//! which embeds it; fails with one clear sentence when it is missing.
//! Without the feature: looks for nothing.

use std::path::PathBuf;

const FILES: &[&str] = &[
    "STAMP",
    "char.def",
    "unk.def",
    "extra.csv",
    "metadata.json",
    "char_def.bin",
    "unk.bin",
    "matrix.mtx",
    "dict.trie",
    "dict.vals",
    "dict.valsidx",
    "dict.words",
    "dict.wordsidx",
];

fn main() {
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_IPADIC").is_none() {
        println!("cargo::rerun-if-changed=build.rs");
        return;
    }
    println!("cargo::rerun-if-env-changed=KOTOBA_IPADIC_DIR");
    let dir = std::env::var_os("KOTOBA_IPADIC_DIR").map(PathBuf::from);
    let missing = match &dir {
        Some(dir) => FILES.iter().any(|f| !dir.join(f).is_file()),
        None => true,
    };
    if missing {
        println!(
            "cargo::error=The Japanese dictionary (IPADIC) has not been prepared: run `cargo xtask prepare` in the kotoba workspace first; from another project, set KOTOBA_IPADIC_DIR to the absolute path of that workspace's target/kotoba-ipadic, or turn off the `embedded-ipadic` feature (default-features = false) to build without Japanese."
        );
        return;
    }
    let Some(dir) = dir else { return };
    for f in FILES {
        println!("cargo::rerun-if-changed={}", dir.join(f).display());
    }
    println!("cargo::rustc-env=KOTOBA_IPADIC_EMBED={}", dir.display());
}
