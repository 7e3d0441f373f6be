//! One module per subcommand.

pub mod detect;
pub mod eval;
pub mod sentences;
pub mod summarize;
pub mod tokenize;
