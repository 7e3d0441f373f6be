//! One module per subcommand.

pub mod detect;
pub mod eval;
pub mod glossary;
pub mod sentences;
pub mod summarize;
pub mod terms;
pub mod tokenize;
