//! Quality evaluations (filled in by the tasks that measure them).

use anyhow::Result;

/// Golden Rules sentence segmentation score.
pub fn segmentation(_args: &[String]) -> Result<()> {
    anyhow::bail!("eval-segmentation: not yet available")
}

/// Agreement with MeCab.
pub fn mecab(_args: &[String]) -> Result<()> {
    anyhow::bail!("eval-mecab: not yet available")
}
