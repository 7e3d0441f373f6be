//! One module per subcommand.

pub mod detect;
pub mod sentences;
pub mod tokenize;
