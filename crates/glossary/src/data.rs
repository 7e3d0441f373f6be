//! The crate's data files (`data/*.tsv`): tab-separated cells, one row a
//! line, blank lines and lines opening with `#` (comments) left out.

/// The rows of the data file `text`: each line that is neither blank nor a
/// comment, with its line number (from 1) and its cells, trimmed.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').map(str::trim).collect()))
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn comments_and_blank_lines_are_no_rows() {
        let text = "# a comment\n\na\t b \n  \nc\n";
        let read: Vec<(usize, Vec<&str>)> = rows(text).collect();
        assert_eq!(read, [(3, vec!["a", "b"]), (5, vec!["c"])]);
    }
}
