//! Shared helpers of the CLI tests: the binary, the test data, runs.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A file of `testdata/`.
pub fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name)
}

/// The `kotoba` binary, unaffected by the caller's thread settings.
pub fn kotoba() -> Command {
    let mut cmd = Command::cargo_bin("kotoba").unwrap_or_else(|e| panic!("kotoba binary: {e}"));
    cmd.env_remove("RAYON_NUM_THREADS");
    cmd
}

/// Runs kotoba with `args` and `stdin`: exit code, stdout, stderr.
pub fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = kotoba()
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap_or_else(|e| panic!("running kotoba: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// JSON Lines as values (a test fails on a bad line).
pub fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

/// A temporary folder (removed at the end of the test).
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"))
}

/// Writes `bytes` to `name` in `dir` and returns its path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    path
}

/// A path as an argument.
pub fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Runs kotoba with `args` and no input: exit code, stdout, stderr.
pub fn run_args(args: &[&str]) -> (i32, String, String) {
    run(args, "")
}
