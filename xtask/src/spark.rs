//! `cargo xtask demo-spark`: kotoba as a worker under Spark's `RDD.pipe`
//! (local mode, two cores), checked against one kotoba run — the recipe of
//! `docs/scale-out.md`. PySpark is large (over 400 MB), so this runs by hand,
//! not in CI; the xargs recipe in the test suite covers the same contract.

use std::process::Command;

use anyhow::Result;

use crate::{aclsum, peers, root, run};

/// PySpark 4 runs on the machine's Java 17.
const PYSPARK: &str = "pyspark==4.0.1";

/// Runs `xtask/scripts/spark_pipe.py` over the ACLSum development papers.
pub fn run_demo() -> Result<()> {
    crate::apt::ensure(
        &["openjdk-17-jre-headless"],
        &["/usr/lib/jvm/java-17-openjdk-amd64/bin/java"],
    )?;
    let kotoba = crate::build_release_kotoba()?;
    let python = peers::venv("pyspark", &[PYSPARK])?;
    let corpus = aclsum::split("dev")?.docs;
    let work = root().join("target/spark");
    std::fs::create_dir_all(&work)?;
    run(Command::new(python)
        .arg(root().join("xtask/scripts/spark_pipe.py"))
        .arg(&kotoba)
        .arg(&corpus)
        .arg(&work)
        .env("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
        .env("PYSPARK_PYTHON", "python3"))
}
