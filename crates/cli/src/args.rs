//! Command-line flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// kotoba: read, segment and tokenize English and Japanese text about trade.
#[derive(Debug, Parser)]
#[command(
    name = "kotoba",
    version,
    about,
    propagate_version = true,
    after_help = "Exit status: 0 success; 1 findings (check issues, a lookup that finds \
                  nothing); 2 errors: a bad option or file, or inputs that failed (reported on \
                  stderr, each with its file and line; the other inputs were processed and \
                  written).\n\nOffsets (`start`, `end`) are byte offsets into the text as \
                  read: UTF-8, a byte-order mark removed, UTF-16 decoded."
)]
pub struct Cli {
    /// Worker threads, 1 to 1024 (default: all cores, or RAYON_NUM_THREADS).
    #[arg(long, global = true, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// The task.
    #[command(subcommand)]
    pub command: Command,
}

/// The most worker threads `--threads` takes: far more than the cores of
/// any machine kotoba runs on, few enough that their stacks fit in memory
/// (20,000 threads aborted the process when their stacks could not be had).
pub const MAX_THREADS: usize = 1024;

/// `--threads N` with 1 ≤ N ≤ [`MAX_THREADS`].
pub fn parse_threads(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!("--threads takes 1 to {MAX_THREADS}, not `{s}`")),
    }
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
    /// Extractive summaries.
    Summarize(SummarizeArgs),
    /// Evaluation measures.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// The EN–JA trade glossary: list, look up, annotate, check, convert; extract, align and build new terms.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
}

/// Which glossaries to use; shared by every glossary-aware command.
#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// A user glossary layered over the default (repeatable; format from the
    /// extension: .jsonl .json .tsv .csv .tbx .utx, .txt/.tab for OmegaT).
    #[arg(long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,
    /// Leave the built-in trade glossary out.
    #[arg(long)]
    pub no_default_glossary: bool,
    /// Skip bad glossary entries (reported on stderr) instead of failing.
    #[arg(long)]
    pub lenient: bool,
}

/// `kotoba glossary …`.
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// The whole glossary.
    List(GlossaryListArgs),
    /// Concepts with a term, in English or Japanese.
    Lookup(GlossaryLookupArgs),
    /// Glossary terms in text.
    Annotate(GlossaryAnnotateArgs),
    /// Terminology check of a translation (exit 1 when issues are found).
    Check(GlossaryCheckArgs),
    /// Convert a glossary between formats.
    Convert(GlossaryConvertArgs),
    /// Ranked term candidates of a corpus (what the glossary lacks is unmarked).
    Extract(GlossaryExtractArgs),
    /// English–Japanese term pairs of a sentence-aligned corpus.
    Align(GlossaryAlignArgs),
    /// Extract (and align) at scale; shard counts out with --emit-stats, rank merged counts with --stats.
    Build(GlossaryBuildArgs),
    /// Add up the counts of shards written with `build --emit-stats`.
    MergeStats(MergeStatsArgs),
}

/// How candidates are ranked (with `build`, the ranking and its TBX; the
/// table of pairs lists every pair found, as `align` does).
#[derive(Debug, Args)]
pub struct RankArgs {
    /// Scoring method.
    #[arg(long, value_enum, default_value_t = TermMethod::Combined)]
    pub method: TermMethod,
    /// At most K candidates (1 or more).
    #[arg(long, value_name = "K", value_parser = positive)]
    pub top: Option<usize>,
    /// Leave out candidates seen fewer times in the corpus (with `glossary
    /// build --parallel`, its pairs keep `glossary align`'s limits: terms of
    /// two or more segments, and --min-cooc).
    #[arg(long, default_value = "2", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_freq: u64,
    /// List only what the glossaries lack (before `--top`).
    #[arg(long)]
    pub new_only: bool,
}

/// Languages of term extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermLang {
    /// Each document by its script; the language of most documents is ranked.
    Auto,
    /// English.
    En,
    /// Japanese.
    Ja,
}

/// Scoring methods of term candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermMethod {
    /// Frequency, weirdness, length, case and fragment cues (English); FLR (Japanese).
    Combined,
    /// C-value: frequency corrected for nesting in longer candidates.
    #[value(name = "c-value", alias = "cvalue")]
    CValue,
    /// Frequency times inverse document frequency.
    #[value(name = "tf-idf", alias = "tfidf")]
    TfIdf,
    /// Corpus frequency against general English (English; Japanese falls back to FLR).
    Weirdness,
    /// Nakagawa and Mori's FLR.
    Flr,
}

/// Output formats of `glossary extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// `term, score, freq, doc_freq, example, glossary` with a header.
    Tsv,
    /// One candidate per line.
    Jsonl,
}

/// `kotoba glossary extract`. One ranking of the whole corpus: no record
/// per input record, so `--keep-fields` is refused and not shown in the help.
#[derive(Debug, Args)]
#[command(mut_arg("keep_fields", |a| a.hide(true)))]
pub struct GlossaryExtractArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Glossaries that mark known terms.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Ranking.
    #[command(flatten)]
    pub rank: RankArgs,
    /// Language of the corpus.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: TermLang,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: ExtractFormat,
}

/// Output formats of `glossary align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// `en, ja, score, cooc, en_freq, ja_freq, dice, llr, translit, seed,
    /// linked` with a header (`linked` no: the Japanese term went to another
    /// English term in linking, and this is the term's best left).
    Tsv,
    /// One pair per line.
    Jsonl,
    /// The best pair of each English term as a TBX-Basic glossary; pairs
    /// seen together fewer than --min-cooc times (unless a transliteration
    /// or a glossary pair) and pairs not linked are left out.
    Tbx,
}

/// Association measures of pairing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssociationArg {
    /// Dice coefficient.
    Dice,
    /// Dunning's log-likelihood ratio.
    #[value(alias = "log-likelihood")]
    Llr,
}

/// How English and Japanese terms are paired (`align`, `build --parallel`).
#[derive(Debug, Args)]
pub struct PairArgs {
    /// Association measure.
    #[arg(long, value_enum, default_value = "dice")]
    pub association: AssociationArg,
    /// Leave out pairs seen together in fewer segments, except for
    /// transliterations (Katherine → キャサリン) and glossary pairs, which
    /// are never left out for it, a term with no other pair, a compound
    /// whose added suffix the English ending predicts (Kannada → カンナダ語)
    /// and a compound holding the translation of each word of a longer
    /// term; see `--no-rare`. A TBX leaves such
    /// pairs out unless they transliterate the term or are glossary pairs,
    /// and asks at least three shared segments of the others (`--min-cooc
    /// 1` lets every pair in).
    #[arg(long, default_value = "2", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_cooc: u64,
    /// Never propose pairs seen together fewer than `--min-cooc` times,
    /// transliterations and glossary pairs aside (the exceptions for terms
    /// without another pair and for compounds no longer apply).
    #[arg(long)]
    pub no_rare: bool,
    /// Leave out proposals scoring below S (glossary seed pairs stay).
    #[arg(long, default_value = "0", value_name = "S", value_parser = parse_min_score)]
    pub min_score: f64,
    /// Japanese proposals listed per English term (1 or more; tsv and jsonl):
    /// the chosen pair first, then the other proposals by score.
    #[arg(long, default_value = "1", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub per_term: u16,
}

impl PairArgs {
    /// True when every flag has its default value.
    pub fn is_default(&self) -> bool {
        self.association == AssociationArg::Dice
            && self.min_cooc == 2
            && !self.no_rare
            && self.min_score == 0.0
            && self.per_term == 1
    }
}

fn parse_min_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!("`{s}` is no score (a number, 0 or more)")),
    }
}

/// `kotoba glossary align`.
#[derive(Debug, Args)]
pub struct GlossaryAlignArgs {
    /// Aligned pairs: TSV with `en` and `ja` columns and a header, or JSON
    /// Lines (`.jsonl`); `-` reads TSV from standard input.
    #[arg(long, value_name = "FILE")]
    pub parallel: std::path::PathBuf,
    /// Glossaries used as seed pairs (`--no-default-glossary` turns the seed off).
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Leave out terms seen in fewer segments, except glossary pairs the
    /// corpus holds (listed however rare, to show the corpus follows the
    /// glossary; `--no-default-glossary` drops them).
    #[arg(long, default_value = "2", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_freq: u64,
    /// How pairs are proposed.
    #[command(flatten)]
    pub pairing: PairArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: AlignFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output formats of `glossary build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BuildFormat {
    /// The ranking as `glossary extract` writes it; with --parallel, a blank
    /// line and the pairs as `glossary align` writes them (or the pairs in
    /// their own file with --pairs-output).
    Tsv,
    /// One record per line: `"kind":"term"` rows, then `"kind":"pair"` rows.
    Jsonl,
    /// The glossary built, as TBX-Basic: each ranked term (after --top,
    /// --new-only, --min-freq) that found a linked pair seen together
    /// --min-cooc times (or a transliteration or glossary pair), with its
    /// best (needs --parallel).
    Tbx,
}

/// The flags of counting a corpus, which ranking `--stats` counts (and
/// `--partial`) leave no use for.
const COUNTING_FLAGS: [&str; 10] = [
    "inputs",
    "parallel",
    "emit_stats",
    "shard",
    "lang",
    "jsonl",
    "text_field",
    "id_field",
    "keep_fields",
    "fail_fast",
];

/// `kotoba glossary build`. Like `extract`, no record per input record:
/// `--keep-fields` is refused and not shown in the help.
#[derive(Debug, Args)]
#[command(mut_arg("keep_fields", |a| a.hide(true)))]
pub struct GlossaryBuildArgs {
    /// Inputs and output (the ranking; with --parallel, the pairs follow).
    #[command(flatten)]
    pub input: InputArgs,
    /// Glossaries that mark known terms and seed the pairing.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Ranking.
    #[command(flatten)]
    pub rank: RankArgs,
    /// Language of the corpus.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: TermLang,
    /// Also pair terms over this sentence-aligned corpus (with --shard K/N,
    /// its pairs K, K+N, …).
    #[arg(long, value_name = "FILE")]
    pub parallel: Option<std::path::PathBuf>,
    /// How pairs are proposed (with --parallel or --stats).
    #[command(flatten)]
    pub pairing: PairArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    pub format: BuildFormat,
    /// Write the pairs to FILE (atomically, in --format tsv or jsonl), not
    /// after the ranking.
    #[arg(long, value_name = "FILE")]
    pub pairs_output: Option<std::path::PathBuf>,
    /// Write this shard's counts (one JSON line) to FILE (`-`: standard
    /// output) instead of ranking.
    /// Counts do not depend on ranking or glossaries: flags of those are
    /// refused rather than ignored.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = [
            "output", "method", "top", "min_freq", "new_only", "glossaries",
            "no_default_glossary", "lenient", "format", "pairs_output",
            "association", "min_cooc", "no_rare", "min_score", "per_term",
        ]
    )]
    pub emit_stats: Option<std::path::PathBuf>,
    /// Rank counts written by --emit-stats / merge-stats (records of a file
    /// are added up) instead of reading a corpus.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = COUNTING_FLAGS
    )]
    pub stats: Option<std::path::PathBuf>,
    /// Rank --stats counts that lack shards of their split.
    // `requires` alone let it through beside any flag --stats conflicts
    // with (--emit-stats, an input): clap counts a requirement that
    // conflicts with a flag given as met. So it conflicts with them too.
    #[arg(
        long,
        requires = "stats",
        conflicts_with_all = COUNTING_FLAGS
    )]
    pub partial: bool,
}

/// `kotoba glossary merge-stats`.
#[derive(Debug, Args)]
pub struct MergeStatsArgs {
    /// Count files of shards (`-`: standard input); a file may hold many
    /// shards' records, one per line.
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Write the counts even when shards of the split are missing (the
    /// record keeps which it holds, and `build --stats` then needs
    /// --partial too).
    #[arg(long)]
    pub partial: bool,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// `kotoba glossary list`.
#[derive(Debug, Args)]
pub struct GlossaryListArgs {
    /// Glossaries.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Output format: tsv, csv, json, jsonl, tbx, utx, omegat.
    #[arg(long, default_value = "tsv")]
    pub format: String,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Start CSV or TSV output with a UTF-8 byte-order mark, so that Excel
    /// on Windows reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
}

/// `kotoba glossary lookup`.
#[derive(Debug, Args)]
pub struct GlossaryLookupArgs {
    /// The term: English or Japanese, any case, inflection, width or kana.
    pub term: String,
    /// Glossaries.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJsonl,
}

/// Text for people, JSON Lines for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJsonl {
    /// For people.
    Text,
    /// One record per line.
    Jsonl,
}

/// `kotoba glossary annotate`.
#[derive(Debug, Args)]
pub struct GlossaryAnnotateArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Glossaries.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: AnnotateFormat,
}

/// Output formats of `glossary annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnnotateFormat {
    /// `{"id","start","end","char_start","char_end","text","concept","lang","equivalents"}` per term found: `start`/`end` in bytes of the UTF-8 text, `char_start`/`char_end` in characters (Python string indices).
    Jsonl,
    /// The text with equivalents after each term: `trade surplus [貿易黒字]`.
    Inline,
    /// The text with terms in bold and equivalents in italics: `**trade surplus** (*貿易黒字*)`; the text's own
    /// Markdown characters are escaped (and indentation dropped), so its characters render as written (a
    /// single line break is Markdown's soft break: lines of one paragraph flow together); each document
    /// under a `## id` heading, as `summarize --format markdown` writes them.
    Markdown,
}

/// `kotoba glossary check`.
#[derive(Debug, Args)]
pub struct GlossaryCheckArgs {
    /// Aligned pairs: TSV with an `en` and a `ja` column and a header, or JSON
    /// Lines (`.jsonl`) with `en` and `ja`; `-` reads TSV from standard input.
    #[arg(long, value_name = "FILE")]
    pub parallel: PathBuf,
    /// Glossaries.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Which way the text was translated: en-ja checks that each English
    /// term has its concept's Japanese and flags deprecated Japanese terms;
    /// ja-en the reverse; both, every term on either side.
    #[arg(long, value_enum, default_value = "en-ja")]
    pub direction: DirectionArg,
    /// No number check: by default each number of the source (in digits,
    /// with its scale: `2.5 million`, `250万`, `1兆2000億`) wants a number
    /// of the same value in the translation (number words, ordinals and
    /// month names count in English: `two days` answers 2日, `April 3`
    /// 4月3日), and a `number` issue names it when none has; a date (month
    /// and day) wants the same date where the translation writes dates
    /// (`March 4` is no 4月3日: a `date` issue), and an amount its currency
    /// (`$35 billion` is no 350億円: a `currency` issue). This turns all
    /// three off.
    #[arg(long)]
    pub no_numbers: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextOrJsonl,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `glossary check --direction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Translated from English into Japanese.
    #[value(name = "en-ja")]
    EnJa,
    /// Translated from Japanese into English.
    #[value(name = "ja-en")]
    JaEn,
    /// Both ways.
    Both,
}

/// `kotoba glossary convert`.
#[derive(Debug, Args)]
pub struct GlossaryConvertArgs {
    /// The glossary to read (`-`: standard input, with --from).
    pub input: PathBuf,
    /// The file to write, atomically (`-`: standard output, with --to).
    pub output: PathBuf,
    /// Input format (default: from the extension).
    #[arg(long)]
    pub from: Option<String>,
    /// Output format (default: from the extension).
    #[arg(long)]
    pub to: Option<String>,
    /// Skip bad entries (reported on stderr) instead of failing.
    #[arg(long)]
    pub lenient: bool,
    /// Start CSV or TSV output with a UTF-8 byte-order mark, so that Excel
    /// on Windows reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
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
    /// JSON Lines field holding the text (needs --jsonl).
    #[arg(long, default_value = "text", value_name = "NAME", requires = "jsonl")]
    pub text_field: String,
    /// JSON Lines field holding the document id (needs --jsonl).
    #[arg(long, default_value = "id", value_name = "NAME", requires = "jsonl")]
    pub id_field: String,
    /// Write to FILE (atomically) instead of standard output (`-`: standard
    /// output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Process only shard K of N (K from 0): input records K, K+N, K+2N, …
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Record mode for JSON Lines pipelines: one output record per input
    /// record, the input's other fields passed through (a failed record
    /// becomes `{"id", "error"}`; needs --jsonl).
    #[arg(long, requires = "jsonl")]
    pub keep_fields: bool,
    /// Stop at the first document that fails.
    #[arg(long)]
    pub fail_fast: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// A final report on stderr: documents done, failed, time.
    #[arg(short, long)]
    pub verbose: bool,
    /// Text output of several documents without the `==> id <==` line and
    /// the blank line that set each document apart.
    #[arg(long)]
    pub no_heading: bool,
}

/// A count of 1 or more (`--top 0` would ask for nothing).
fn positive(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("0 asks for nothing; give 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("--shard takes K/N with 0 ≤ K < N, not `{s}`");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (usize, usize) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if n == 0 || k >= n {
        return Err(bad());
    }
    Ok((k, n))
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
    /// One sentence per line; of several documents, each under a `==> id
    /// <==` line and followed by a blank one (`--no-heading`: neither).
    Text,
    /// `{"id","index","start","end","text"}` per sentence; byte offsets into
    /// the text as read (UTF-8, a byte-order mark removed).
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
    /// One token per line with a header (tabs and line breaks in a cell, U+2028, NEL, form feed and the like
    /// included, become spaces).
    Tsv,
    /// One record per document with its tokens: `surface`, `start`, `end`, `lower`, `term`,
    /// `stop`; English also `stem`, Japanese its IPADIC features by name and `unknown`.
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
    /// Only answer with one of these languages (ISO 639-1 or 639-3, comma-separated), or `und`
    /// when the text is plainly in another one; an answer that text in an unlisted language
    /// might contradict is marked not reliable.
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
    /// `id, index, start, end, lang, lang3, script, confidence, reliable` with a header.
    Tsv,
    /// One record per unit.
    Jsonl,
}

/// `kotoba summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Inputs and output.
    #[command(flatten)]
    pub input: InputArgs,
    /// Scoring method: lead, luhn, lexrank, textrank, centroid, sumbasic, pacsum, leadrank.
    #[arg(long, default_value = "leadrank", value_parser = parse_method)]
    pub method: kotoba_summarize::Method,
    /// At most N sentences (default 3 when no other budget is given).
    #[arg(short = 'n', long, value_name = "N", group = "budget")]
    pub sentences: Option<usize>,
    /// This share of the sentences (above 0, at most 1), rounded down but at
    /// least one sentence.
    #[arg(long, value_name = "R", group = "budget")]
    pub ratio: Option<f64>,
    /// At most W words (characters for Japanese).
    #[arg(long, value_name = "W", group = "budget")]
    pub words: Option<usize>,
    /// At most C characters (white space not counted).
    #[arg(long, value_name = "C", group = "budget")]
    pub chars: Option<usize>,
    /// Maximal marginal relevance λ (1 = no redundancy control); default: 0.5
    /// for --multi, 0.7 for leadrank and luhn, off otherwise.
    #[arg(long, value_name = "LAMBDA")]
    pub mmr: Option<f64>,
    /// Sentences shorter than this many words (characters for Japanese) are
    /// taken only when nothing longer is left; default: 10 for sumbasic, else 3.
    #[arg(long, value_name = "N")]
    pub min_words: Option<usize>,
    /// Method constants, for tuning: damping, lead_restart, pacsum_backward,
    /// pacsum_forward, pacsum_beta (e.g. `--param lead_restart=0.6`).
    #[arg(long, value_name = "KEY=VALUE")]
    pub param: Vec<String>,
    /// Glossaries for `--glossary-weight`.
    #[command(flatten)]
    pub glossary: GlossaryArgs,
    /// Boost sentences holding glossary terms by W times their share of terms
    /// (0 = off, at most 100), in the manner of Edmundson's cue words.
    #[arg(long, value_name = "W", default_value = "0", value_parser = parse_glossary_weight)]
    pub glossary_weight: f64,
    /// `lines`: every input line is one sentence (pre-segmented corpora).
    #[arg(long, value_enum, default_value = "sentences")]
    pub split: SplitArg,
    /// Summarize all inputs together into one summary.
    #[arg(long)]
    pub multi: bool,
    /// Sentence order in the summary.
    #[arg(long, value_enum, default_value = "document")]
    pub order: OrderArg,
    /// Language.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: SummaryFormat,
}

fn parse_method(s: &str) -> Result<kotoba_summarize::Method, String> {
    kotoba_summarize::Method::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = kotoba_summarize::Method::ALL
            .iter()
            .map(|m| m.name())
            .collect();
        format!("unknown method `{s}` (one of: {})", names.join(", "))
    })
}

/// How `summarize` finds sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    /// The sentence segmenter.
    Sentences,
    /// One sentence per line.
    Lines,
}

/// Order of summary sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// Document order.
    Document,
    /// Best first.
    Score,
}

/// Output formats of `summarize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// The sentences, one per line, a blank line after each document's;
    /// with several documents a `==> id <==` heading before each
    /// (`--no-heading` leaves them out).
    Text,
    /// A heading per document and the sentences as a list (Markdown characters escaped).
    Markdown,
    /// `{"id","lang","method","sentences":[{"index","start","end","text","score"}]}` per document.
    Jsonl,
}

/// `kotoba eval …`.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of summaries against references.
    Rouge(RougeArgs),
}

/// `kotoba eval rouge`.
#[derive(Debug, Args)]
pub struct RougeArgs {
    /// System summaries: a file, a folder (matched to the references by file
    /// name), or JSON Lines (matched by id; `kotoba summarize --format jsonl` output works as is).
    #[arg(long, value_name = "PATH")]
    pub system: PathBuf,
    /// Reference summaries, in the same form.
    #[arg(long, value_name = "PATH")]
    pub reference: PathBuf,
    /// Porter-stem English tokens (as rouge-score's use_stemmer).
    #[arg(long)]
    pub stem: bool,
    /// JSON Lines field holding the text (when records have no `sentences`).
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSON Lines field holding the id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// Tokenization: English as rouge-score, Japanese by morphemes.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: RougeFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `eval rouge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RougeFormat {
    /// A table of mean scores (×100).
    Text,
    /// One record per pair, then one with the means (`"id": "*mean*"`).
    Jsonl,
}

/// A glossary weight: a number from 0 to 100 (NaN, infinities and huge
/// values made every score the same).
fn parse_glossary_weight(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(w) if (0.0..=100.0).contains(&w) => Ok(w),
        _ => Err(format!(
            "`{s}` is no glossary weight (a number from 0 to 100)"
        )),
    }
}
