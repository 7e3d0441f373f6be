//! Errors of the glossary crate.

use std::path::PathBuf;

/// A glossary problem, naming the file (and line where there is one).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The content is malformed.
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Line number, 1-based, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// The format could not be told from the file name.
    #[error("{0}")]
    Format(String),
    /// The glossary's terms could not be compiled into a matcher.
    #[error("cannot compile the glossary: {0}")]
    Compile(String),
    /// The glossary built into the crate does not read (a defect of the
    /// build, not of any input).
    #[error("the embedded glossary is broken: {0}")]
    EmbeddedBroken(String),
    /// The Japanese tokenizer could not be set up.
    #[error(transparent)]
    Tokenize(#[from] kotoba_tokenize::Error),
}

impl Error {
    /// A parse error.
    pub fn parse(path: &std::path::Path, line: Option<usize>, message: impl Into<String>) -> Error {
        Error::Parse {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}
