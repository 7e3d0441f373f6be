//! Command-line flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// kotoba: read, segment and tokenize English and Japanese text about trade.
#[derive(Debug, Parser)]
#[command(name = "kotoba", version, about, propagate_version = true)]
pub struct Cli {
    /// Worker threads (default: all cores, or RAYON_NUM_THREADS).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// The task.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One sentence per line.
    Sentences(SentencesArgs),
    /// Words (English) or morphemes (Japanese).
    Tokenize(TokenizeArgs),
    /// Language, script and confidence.
    Detect(DetectArgs),
}

/// Where documents come from and where results go; shared by every command.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders (recursive); `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Inputs are JSON Lines, one document per record.
    #[arg(long)]
    pub jsonl: bool,
    /// JSON Lines field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSON Lines field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Which language's rules to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Identify each document's language.
    Auto,
    /// English.
    En,
    /// Japanese.
    Ja,
}

/// `kotoba sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Segmentation rules.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SentencesFormat,
}

/// Output formats of `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SentencesFormat {
    /// One sentence per line.
    Text,
    /// `{"id","index","start","end","text"}` per sentence; byte offsets.
    Jsonl,
    /// `id, index, start, end, text` with a header.
    Tsv,
}

/// `kotoba tokenize`.
#[derive(Debug, Args)]
pub struct TokenizeArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Tokenizer to use.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format (`mecab` analyses every input as Japanese, like MeCab).
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: TokenizeFormat,
}

/// Output formats of `tokenize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TokenizeFormat {
    /// MeCab's default output: `surface<TAB>features`, `EOS` after each line.
    Mecab,
    /// One token per line with a header.
    Tsv,
    /// One record per document with its tokens.
    Jsonl,
}

/// `kotoba detect`.
#[derive(Debug, Args)]
pub struct DetectArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Unit to identify.
    #[arg(long, value_enum, default_value = "document")]
    pub by: DetectUnit,
    /// Only answer with one of these languages (ISO 639-1 or 639-3, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub langs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: DetectFormat,
}

/// Units of `detect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DetectUnit {
    /// Whole documents.
    Document,
    /// Blocks separated by blank lines.
    Paragraph,
    /// Sentences.
    Sentence,
}

/// Output formats of `detect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DetectFormat {
    /// `id, index, start, end, lang, lang3, script, confidence` with a header.
    Tsv,
    /// One record per unit.
    Jsonl,
}
