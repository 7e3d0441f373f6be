//! Whole-CLI benchmarks.

use anyhow::Result;

/// Prints the benchmark table.
pub fn run(_args: &[String]) -> Result<()> {
    anyhow::bail!("bench: not yet available")
}
