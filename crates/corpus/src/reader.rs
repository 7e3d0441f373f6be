//! Turning paths, folders, standard input and JSON Lines into documents.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Map, Value};

use crate::CorpusError;

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Source {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: &str) -> Source {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }
}

/// How to read the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Inputs are JSON Lines, one document per record.
    pub jsonl: bool,
    /// The record field holding the text.
    pub text_field: String,
    /// The record field holding the id (when absent: `path:line`).
    pub id_field: String,
    /// A blank line before or between records is reported in its place, as
    /// a record that cannot be read, so output of a record per input record
    /// keeps one line per line; otherwise blank lines hold no document and
    /// are skipped.
    pub blank_lines_are_records: bool,
    /// Inputs are paired by name, such as ROUGE's summaries and references:
    /// every path is read, also one that reaches a file read before (a link
    /// to it), as two names sharing one text are two documents, and a
    /// folder walk reads every visible file whatever its name, as a name is
    /// a key there and need not say text (`D30001.M.100.T.A`). Otherwise a
    /// file is read once per run, and a walk reads only the files that
    /// [`walk_reads_file`] names.
    pub read_every_path: bool,
    /// Most bytes of one document or one line of JSON Lines
    /// ([`MAX_DOCUMENT_BYTES`] by default): a larger one is an error, not
    /// read until memory runs out.
    pub max_document_bytes: usize,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            jsonl: false,
            text_field: "text".into(),
            id_field: "id".into(),
            blank_lines_are_records: false,
            read_every_path: false,
            max_document_bytes: MAX_DOCUMENT_BYTES,
        }
    }
}

/// One document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Stable id: the path, the JSON Lines id, or `path:line`. A numeric id
    /// is as written (`1.50`, a 23-digit integer) when serde_json's
    /// `arbitrary_precision` feature is on, as the `kotoba` binary builds
    /// it; without it serde_json reads numbers as 64-bit values.
    pub id: String,
    /// The text.
    pub text: String,
    /// The whole JSON Lines record, for passing fields through.
    pub record: Option<Map<String, Value>>,
}

/// The documents of a list of sources, read lazily in order.
pub struct Corpus {
    pending: VecDeque<(Source, bool)>,
    options: Arc<InputOptions>,
    jsonl: Option<JsonlReader>,
    /// Folders walked, by real path: a symbolic link back up the tree is
    /// not followed round again.
    walked: std::collections::HashSet<PathBuf>,
    /// Regular files read: a file reached again (a link to it, or named
    /// twice) is read once, as its counts would otherwise double. With the
    /// path it was read by where another path may reach it (a link, a file
    /// named on the command line); a key alone for the other files of a
    /// walk, to keep memory small on millions of files.
    read: std::collections::HashMap<FileKey, Option<PathBuf>>,
    /// Files of walked folders not read for their name.
    passed_over: PassedOver,
}

// By hand: the fields hold tables and automata too large to print.
impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Corpus").finish_non_exhaustive()
    }
}

/// The files that walks of folders passed over for their name, never
/// opened, for one note a run: without JSON Lines every file not named as a
/// prose document (data such as `.tsv`, `.tbx`, `.json`, `.jsonl`, `.html`,
/// images, archives; see [`walk_reads_file`]), with JSON Lines every file
/// not named `.jsonl`, `.ndjson` or `.json`. Hidden files are not counted.
/// A handle shared with the [`Corpus`] it came from, read once the corpus
/// has been read; files named on the command line are never passed over.
#[derive(Debug, Clone, Default)]
pub struct PassedOver(Arc<Mutex<PassedTally>>);

/// Most distinct extensions a [`PassedOver`] counts one by one (a folder of
/// rotated logs, `log.1` … `log.90000`, would hold one each); the files of
/// further extensions are counted in the total alone.
const MAX_EXTENSIONS_COUNTED: usize = 16;

#[derive(Debug, Default)]
struct PassedTally {
    count: usize,
    first: Option<PathBuf>,
    /// Files named as JSON Lines (`.jsonl`, `.ndjson`, `.json`).
    json_lines: usize,
    /// Files by lower-case extension (empty: none), for the first
    /// [`MAX_EXTENSIONS_COUNTED`] extensions met.
    extensions: std::collections::BTreeMap<String, usize>,
}

impl PassedOver {
    /// How many files were passed over so far.
    pub fn count(&self) -> usize {
        self.tally().count
    }

    /// The first file passed over, in walk order.
    pub fn first(&self) -> Option<PathBuf> {
        self.tally().first.clone()
    }

    /// How many of them are named as JSON Lines (`.jsonl`, `.ndjson`,
    /// `.json`): read as records with `--jsonl`.
    pub fn json_lines(&self) -> usize {
        self.tally().json_lines
    }

    /// The files passed over by extension (lower case, without the dot;
    /// empty for a file without one), most first, then by name: the first
    /// 16 distinct extensions met, the files of any later ones only in
    /// [`PassedOver::count`].
    pub fn extensions(&self) -> Vec<(String, usize)> {
        let mut by: Vec<(String, usize)> = self
            .tally()
            .extensions
            .iter()
            .map(|(e, &n)| (e.clone(), n))
            .collect();
        by.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        by
    }

    /// The extensions in a few words for a note: `.jsonl 2, .tbx 1,
    /// no extension 1, other 3` (most first; empty when nothing was passed
    /// over).
    pub fn summary(&self) -> String {
        let by = self.extensions();
        let counted: usize = by.iter().map(|(_, n)| n).sum();
        let mut parts: Vec<String> = by
            .into_iter()
            .map(|(e, n)| {
                if e.is_empty() {
                    format!("no extension {n}")
                } else {
                    format!(".{e} {n}")
                }
            })
            .collect();
        let other = self.count().saturating_sub(counted);
        if other > 0 {
            parts.push(format!("other {other}"));
        }
        parts.join(", ")
    }

    fn tally(&self) -> std::sync::MutexGuard<'_, PassedTally> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn add(&self, paths: Vec<PathBuf>) {
        let mut tally = self.tally();
        tally.count += paths.len();
        for path in &paths {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if JSONL_EXTENSIONS.contains(&ext.as_str()) {
                tally.json_lines += 1;
            }
            let known = tally.extensions.contains_key(&ext);
            if known || tally.extensions.len() < MAX_EXTENSIONS_COUNTED {
                *tally.extensions.entry(ext).or_default() += 1;
            }
        }
        if tally.first.is_none() {
            tally.first = paths.into_iter().next();
        }
    }
}

/// A JSON Lines record read but not parsed yet: parsing is left to the
/// worker threads so that reading stays cheap and serial.
#[derive(Debug, Clone)]
pub struct RawRecord {
    path: Arc<PathBuf>,
    line: usize,
    bytes: Vec<u8>,
    options: Arc<InputOptions>,
}

impl RawRecord {
    /// Parses the record into a document.
    pub fn parse(&self) -> Result<Document, CorpusError> {
        parse_record(&self.path, self.line, &self.bytes, &self.options)
    }
}

/// One input item: a document (or why it could not be read), or a JSON Lines
/// record still to be parsed.
#[derive(Debug)]
pub enum Item {
    /// Read and checked.
    Read(Result<Document, CorpusError>),
    /// To be parsed.
    Raw(RawRecord),
}

/// Anything that becomes a document, possibly at a cost worth parallelizing.
pub trait Resolve: Send {
    /// The document, or why there is none.
    fn resolve(self) -> Result<Document, CorpusError>;
    /// Roughly how many bytes the item holds (for bounding batches).
    fn size(&self) -> usize;
}

impl Resolve for Result<Document, CorpusError> {
    fn resolve(self) -> Result<Document, CorpusError> {
        self
    }

    fn size(&self) -> usize {
        self.as_ref().map_or(0, |d| d.text.len())
    }
}

impl Resolve for Item {
    fn resolve(self) -> Result<Document, CorpusError> {
        match self {
            Item::Read(r) => r,
            Item::Raw(raw) => raw.parse(),
        }
    }

    fn size(&self) -> usize {
        match self {
            Item::Read(r) => r.size(),
            Item::Raw(raw) => raw.bytes.len(),
        }
    }
}

/// The items of a corpus, JSON Lines records left unparsed (see [`Corpus::items`]).
pub struct Items(Corpus);

impl Iterator for Items {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.0.next_item()
    }
}

struct JsonlReader {
    name: Arc<PathBuf>,
    /// Met while walking a folder (a binary file is then skipped).
    in_folder: bool,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    /// Records given so far: an input without one holds no documents.
    records: usize,
    /// Blank lines not yet reported: they wait for a record after them, as
    /// a file of blank lines alone holds no records and blank lines ending
    /// a file stand before no record.
    blanks: VecDeque<usize>,
    /// The first record (or line that fails), held while the blank lines
    /// before it are reported.
    held: Option<Item>,
    buf: Vec<u8>,
}

/// The signatures of compressed files, each with its format and the tool
/// that writes it out as text.
const COMPRESSED: [(&[u8], &str, &str); 4] = [
    (b"\x1f\x8b", "gzip", "zcat"),
    (b"\x28\xb5\x2f\xfd", "zstd", "zstdcat"),
    (b"BZh", "bzip2", "bzcat"),
    (b"\xfd7zXZ\x00", "xz", "xzcat"),
];

/// The error for a JSON Lines input whose first bytes `head` are the
/// signature of a compressed file, naming the format; `None` for others.
fn compressed(path: &Path, head: &[u8]) -> Option<CorpusError> {
    let (format, tool) = COMPRESSED
        .iter()
        .find(|(signature, ..)| head.starts_with(signature))
        .map(|&(_, format, tool)| (format, tool))?;
    Some(CorpusError::Format {
        path: path.to_path_buf(),
        message: format!(
            "{format}-compressed file: JSON Lines are read as text; decompress it first, \
             e.g. {tool} FILE | kotoba … --jsonl -"
        ),
    })
}

/// File names that look like JSON Lines when walking a folder with `--jsonl`.
const JSONL_EXTENSIONS: [&str; 3] = ["jsonl", "ndjson", "json"];

/// Extensions of prose documents: the files (with those without an
/// extension) that a folder walk reads as documents without JSON Lines.
/// HTML is not among them, as its markup would be read as words (`div`,
/// `href`): kotoba has no HTML reader.
const DOCUMENT_EXTENSIONS: [&str; 6] = ["txt", "text", "md", "markdown", "rst", "org"];

/// Extensions that say a file holds text: one of them holding NUL bytes is
/// a document that cannot be read (UTF-16 without a byte-order mark, a
/// damaged copy), not an image or archive to pass over.
const TEXT_EXTENSIONS: [&str; 14] = [
    "txt", "text", "md", "markdown", "rst", "org", "tsv", "csv", "jsonl", "ndjson", "json", "xml",
    "html", "htm",
];

/// True when `path`'s extension says it holds text (see [`TEXT_EXTENSIONS`]).
fn named_as_text(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    TEXT_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext))
}

impl Corpus {
    /// A corpus over `sources`, read with `options`.
    pub fn new(sources: Vec<Source>, options: InputOptions) -> Corpus {
        Corpus {
            pending: sources.into_iter().map(|s| (s, false)).collect(),
            options: Arc::new(options),
            jsonl: None,
            walked: std::collections::HashSet::new(),
            read: std::collections::HashMap::new(),
            passed_over: PassedOver::default(),
        }
    }

    /// The files its folder walks pass over for their name, counted as the
    /// corpus is read (see [`PassedOver`]).
    pub fn passed_over(&self) -> PassedOver {
        self.passed_over.clone()
    }

    /// The corpus as [`Item`]s: JSON Lines records come unparsed, for
    /// callers that parse them in parallel (as `process_ordered` does).
    pub fn items(self) -> Items {
        Items(self)
    }

    fn next_item(&mut self) -> Option<Item> {
        loop {
            if self.jsonl.is_some() {
                if let Some(item) = self.next_record() {
                    return Some(item);
                }
                continue;
            }
            let (source, in_folder) = self.pending.pop_front()?;
            if let Some(item) = self.open(source, in_folder) {
                return Some(Item::Read(item));
            }
        }
    }

    fn next_record(&mut self) -> Option<Item> {
        let state = self.jsonl.as_mut()?;
        loop {
            // Blank lines are reported once a record follows them: those
            // ending a file (an editor's last newline) hold no place.
            if state.held.is_some() {
                if let Some(line) = state.blanks.pop_front() {
                    return Some(Item::Read(Err(CorpusError::Json {
                        path: state.name.as_ref().clone(),
                        line,
                        message: "blank line, no record (JSON Lines hold one object a line)".into(),
                    })));
                }
                if let Some(item) = state.held.take() {
                    return Some(item);
                }
            }
            state.buf.clear();
            let cap = self.options.max_document_bytes;
            match read_line_capped(&mut state.reader, &mut state.buf, cap) {
                Ok((_, true)) => {
                    state.line += 1;
                    state.records += 1;
                    let long = Item::Read(Err(CorpusError::Json {
                        path: state.name.as_ref().clone(),
                        line: state.line,
                        message: format!(
                            "a line of more than {cap} bytes, not read (a record is read whole)"
                        ),
                    }));
                    if state.blanks.is_empty() {
                        return Some(long);
                    }
                    state.held = Some(long);
                    continue;
                }
                Ok((0, _)) => {
                    // JSON Lines are a container of records: one without a
                    // record holds no documents, which loses nothing (an
                    // empty Spark partition is no failure).
                    let empty = (state.records == 0).then(|| CorpusError::NoRecords {
                        path: state.name.as_ref().clone(),
                    });
                    self.jsonl = None;
                    return empty.map(|e| Item::Read(Err(e)));
                }
                Ok(_) => {}
                Err(source) => {
                    let path = state.name.as_ref().clone();
                    self.jsonl = None;
                    return Some(Item::Read(Err(CorpusError::Io { path, source })));
                }
            }
            state.line += 1;
            let mut bytes = trim_line_end(&state.buf);
            if state.line == 1 {
                // A compressed or binary file gave an invalid byte on every
                // line: it is named once, and no record is read.
                if let Some(error) = compressed(&state.name, bytes) {
                    self.jsonl = None;
                    return Some(Item::Read(Err(error)));
                }
                // A byte-order mark some editors put before the first record.
                bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
                // Records are read line by line as UTF-8; UTF-16 is named
                // once, rather than as an invalid byte on every line.
                if kotoba_text::encoding::utf16_byte_order(bytes).is_some() {
                    let path = state.name.as_ref().clone();
                    self.jsonl = None;
                    return Some(Item::Read(Err(CorpusError::Format {
                        path,
                        message: "UTF-16 text: JSON Lines are read as UTF-8 \
                                  (convert it, e.g. iconv -f UTF-16 -t UTF-8)"
                            .into(),
                    })));
                }
                // UTF-16 holds NUL bytes too, so this comes after it.
                if memchr::memchr(0, bytes).is_some() {
                    let path = state.name.as_ref().clone();
                    if let Some(little_endian) = utf16_without_byte_order_mark(bytes) {
                        self.jsonl = None;
                        return Some(Item::Read(Err(CorpusError::Utf16WithoutBom {
                            path,
                            little_endian,
                        })));
                    }
                    let skipped = state.in_folder && !named_as_text(&path);
                    self.jsonl = None;
                    return Some(Item::Read(Err(CorpusError::Binary { path, skipped })));
                }
            }
            // A blank line is reported as a record that cannot be read, so
            // that output lines match input lines in record mode (it was
            // skipped, and the counts parted).
            if bytes.iter().all(u8::is_ascii_whitespace) {
                if self.options.blank_lines_are_records {
                    state.blanks.push_back(state.line);
                }
                continue;
            }
            state.records += 1;
            let raw = RawRecord {
                path: state.name.clone(),
                line: state.line,
                bytes: bytes.to_vec(),
                options: self.options.clone(),
            };
            if state.blanks.is_empty() {
                return Some(Item::Raw(raw));
            }
            state.held = Some(Item::Raw(raw));
        }
    }

    fn open(&mut self, source: Source, in_folder: bool) -> Option<Result<Document, CorpusError>> {
        match source {
            Source::Stdin => {
                let name = PathBuf::from("<stdin>");
                if self.options.jsonl {
                    self.start_jsonl(name, Box::new(BufReader::new(io::stdin())), false);
                    return None;
                }
                match read_document(io::stdin().lock(), &name, self.options.max_document_bytes) {
                    Ok(bytes) => Some(decode(&name, "-".into(), bytes, false)),
                    Err(e) => Some(Err(e)),
                }
            }
            Source::Path(path) => {
                let meta = match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        return Some(Err(CorpusError::NotFound { path }));
                    }
                    Err(source) => return Some(Err(CorpusError::Io { path, source })),
                };
                if meta.is_dir() {
                    return match self.walk(&path) {
                        Ok(()) => None,
                        Err(source) => Some(Err(CorpusError::Io { path, source })),
                    };
                }
                // A pipe, socket or device met in a folder would block the
                // walk or never end (a link to /dev/zero); named on its own
                // (`<(…)`) it is read.
                if in_folder && !meta.is_file() {
                    return Some(Err(CorpusError::NotRegular { path }));
                }
                // The reader is serial, so the first path in walk order is
                // the one read, whatever the number of threads.
                if let Some(key) = (meta.is_file() && !self.options.read_every_path)
                    .then(|| file_key(&path, &meta))
                    .flatten()
                {
                    match self.read.entry(key) {
                        std::collections::hash_map::Entry::Occupied(first) => {
                            let first = first.get().clone();
                            return Some(Err(CorpusError::Duplicate { path, first }));
                        }
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            let named = !in_folder || may_be_reached_again(&path, &meta);
                            slot.insert(named.then(|| path.clone()));
                        }
                    }
                }
                if self.options.jsonl {
                    match File::open(&path) {
                        Ok(f) => {
                            let reader = Box::new(BufReader::with_capacity(1 << 16, f));
                            self.start_jsonl(path, reader, in_folder)
                        }
                        Err(source) => return Some(Err(CorpusError::Io { path, source })),
                    }
                    return None;
                }
                let read = File::open(&path)
                    .map_err(|source| CorpusError::Io {
                        path: path.clone(),
                        source,
                    })
                    .and_then(|f| read_document(f, &path, self.options.max_document_bytes));
                match read {
                    Ok(bytes) => {
                        let id = path_id(&path);
                        Some(decode(&path, id, bytes, in_folder))
                    }
                    Err(e) => Some(Err(e)),
                }
            }
        }
    }

    fn start_jsonl(&mut self, name: PathBuf, reader: Box<dyn BufRead + Send>, in_folder: bool) {
        self.jsonl = Some(JsonlReader {
            name: Arc::new(name),
            in_folder,
            reader,
            line: 0,
            records: 0,
            blanks: VecDeque::new(),
            held: None,
            buf: Vec::new(),
        });
    }

    /// Queues a folder's visible entries, in name order, ahead of the rest.
    fn walk(&mut self, dir: &Path) -> io::Result<()> {
        if !self.walked.insert(std::fs::canonicalize(dir)?) {
            return Ok(());
        }
        let reads = if self.options.jsonl {
            WalkReads::JsonLines
        } else if self.options.read_every_path {
            WalkReads::Every
        } else {
            WalkReads::Documents
        };
        let (entries, passed) = walk_entries(dir, reads)?;
        self.passed_over.add(passed);
        for (path, _) in entries.into_iter().rev() {
            self.pending.push_front((Source::Path(path), true));
        }
        Ok(())
    }
}

/// What makes two paths one file: its device and inode on Unix (a hard
/// link is the same file too), its real path elsewhere.
#[cfg(unix)]
type FileKey = (u64, u64);
/// What makes two paths one file: its real path where there are no inodes.
#[cfg(not(unix))]
type FileKey = PathBuf;

/// Whether another path may lead to the file at `path` (metadata `meta`):
/// it has several hard links, or `path` is a symbolic link.
fn may_be_reached_again(path: &Path, meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return true;
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The identity of the file at `path`, whose metadata is `meta`.
#[cfg(unix)]
fn file_key(_path: &Path, meta: &std::fs::Metadata) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// The identity of the file at `path`, whose metadata is `meta`.
#[cfg(not(unix))]
fn file_key(path: &Path, _meta: &std::fs::Metadata) -> Option<FileKey> {
    std::fs::canonicalize(path).ok()
}

/// True when a corpus walk reads a file named `name` in a folder it walks:
/// not hidden (a leading `.`), and named as a prose document (`.txt`,
/// `.text`, `.md`, `.markdown`, `.rst`, `.org`, in any case, or without an
/// extension) or, with `jsonl`, as JSON Lines (`.jsonl`, `.ndjson`,
/// `.json`). Other files of a folder, data (`.tsv`, `.csv`, `.tbx`, `.tmx`,
/// `.xml`, `.json`, `.po`, `.xliff`, …, and `.jsonl` without `jsonl`),
/// markup (`.html`) and anything else, are passed over, unopened, and
/// counted (see [`PassedOver`]); a file named on the command line is read
/// whatever its name.
pub fn walk_reads_file(name: &Path, jsonl: bool) -> bool {
    let reads = if jsonl {
        WalkReads::JsonLines
    } else {
        WalkReads::Documents
    };
    reads.file(name)
}

/// Which files of a folder a walk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WalkReads {
    /// Files named as prose documents, or without an extension.
    Documents,
    /// Files named as JSON Lines.
    JsonLines,
    /// Every visible file (inputs paired by name).
    Every,
}

impl WalkReads {
    /// True when a walk reads a file named `name`.
    fn file(self, name: &Path) -> bool {
        if name.to_string_lossy().starts_with('.') {
            return false;
        }
        let ext = name.extension().and_then(|e| e.to_str());
        let among =
            |list: &[&str]| ext.is_some_and(|x| list.iter().any(|e| e.eq_ignore_ascii_case(x)));
        match self {
            WalkReads::Documents => {
                // `name.` has an empty extension: none, as `name`.
                name.extension().is_none_or(|e| e.is_empty()) || among(&DOCUMENT_EXTENSIONS)
            }
            WalkReads::JsonLines => among(&JSONL_EXTENSIONS),
            WalkReads::Every => true,
        }
    }
}

/// The entries of the folder `dir` that a corpus walk reads, in name order,
/// each with `true` for a folder (a link to one too): hidden entries (a
/// leading `.`) are skipped, and so are files [`walk_reads_file`] does not
/// read (with `jsonl`, files not named as JSON Lines; without, files not
/// named as prose documents). A walk follows links and reads each folder
/// once.
pub fn folder_entries(dir: &Path, jsonl: bool) -> io::Result<Vec<(PathBuf, bool)>> {
    let reads = if jsonl {
        WalkReads::JsonLines
    } else {
        WalkReads::Documents
    };
    walk_entries(dir, reads).map(|(entries, _)| entries)
}

/// A folder's entries to walk, each with `true` for a folder.
type Entries = Vec<(PathBuf, bool)>;

/// The entries of `dir` a walk that `reads` so reads, and the files passed
/// over for their name (not hidden ones), each in name order.
fn walk_entries(dir: &Path, reads: WalkReads) -> io::Result<(Entries, Vec<PathBuf>)> {
    let mut entries: Entries = Vec::new();
    let mut passed = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_dir = entry.file_type()?.is_dir() || path.is_dir();
        if !is_dir && !reads.file(Path::new(&name)) {
            passed.push(path);
            continue;
        }
        entries.push((path, is_dir));
    }
    entries.sort();
    passed.sort();
    Ok((entries, passed))
}

impl Iterator for Corpus {
    type Item = Result<Document, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_item().map(Resolve::resolve)
    }
}

fn trim_line_end(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

/// Most bytes of one document, or of one line of JSON Lines, read: a
/// document is held whole, so a larger one (`/dev/zero` named as an input,
/// a disk image, a stream without line breaks) is refused when it passes
/// this, not read until memory runs out.
pub const MAX_DOCUMENT_BYTES: usize = 256 << 20;

/// Bytes read before the rest of a document: a NUL among them makes it
/// binary, and the rest is not read.
const FIRST_BLOCK: usize = 8 << 10;

/// The bytes of a document, read from `reader`: only its first block when
/// that holds a NUL byte outside UTF-16 with a byte-order mark (it is binary,
/// see [`decode`]), and an error past `max` bytes.
fn read_document(reader: impl Read, path: &Path, max: usize) -> Result<Vec<u8>, CorpusError> {
    let io_error = |source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut limited = reader.take(max as u64 + 1);
    let mut bytes = Vec::new();
    (&mut limited)
        .take(FIRST_BLOCK as u64)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if memchr::memchr(0, &bytes).is_some()
        && kotoba_text::encoding::utf16_byte_order(&bytes).is_none()
    {
        return Ok(bytes);
    }
    limited.read_to_end(&mut bytes).map_err(io_error)?;
    if bytes.len() > max {
        return Err(CorpusError::TooLarge {
            path: path.to_path_buf(),
            limit: max,
        });
    }
    Ok(bytes)
}

/// Reads through the next line break into `buf`, keeping at most `cap`
/// bytes: the bytes consumed (0 at the end of the input), and whether the
/// line was longer than `cap` (then `buf` is empty and the line's rest was
/// read past, not kept).
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<(usize, bool)> {
    let (mut consumed, mut over) = (0, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, over));
        }
        let (n, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !over {
            // The line break is no part of the line's length.
            if buf.len() + n - usize::from(done) > cap {
                over = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(&available[..n]);
            }
        }
        reader.consume(n);
        consumed += n;
        if done {
            return Ok((consumed, over));
        }
    }
}

/// Checks a whole file's bytes and makes a document of them.
fn decode(
    path: &Path,
    id: String,
    mut bytes: Vec<u8>,
    in_folder: bool,
) -> Result<Document, CorpusError> {
    // In a folder an empty file loses nothing, as a binary one: skipped;
    // named on its own it was meant to be read, and fails.
    let empty = || {
        let path = path.to_path_buf();
        if in_folder {
            CorpusError::EmptyInFolder { path }
        } else {
            CorpusError::Empty { path }
        }
    };
    if bytes.is_empty() {
        return Err(empty());
    }
    let binary = || CorpusError::Binary {
        path: path.to_path_buf(),
        skipped: in_folder && !named_as_text(path),
    };
    // Only a byte-order mark and white space (an ideographic space too): no
    // text, as a file of no bytes.
    let document = |text: String| {
        if text.trim().is_empty() {
            return Err(empty());
        }
        Ok(Document {
            id,
            text,
            record: None,
        })
    };
    // UTF-16 with its byte-order mark (Windows' "Unicode" text) holds NUL
    // bytes in every ASCII character: decoded, not taken for binary.
    if let Some(decoded) = kotoba_text::encoding::decode_utf16_with_bom(&bytes) {
        let text = decoded.map_err(|e| CorpusError::Format {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        if text.contains('\0') {
            return Err(binary());
        }
        return document(text);
    }
    if memchr::memchr(0, &bytes).is_some() {
        if let Some(little_endian) = utf16_without_byte_order_mark(&bytes) {
            return Err(CorpusError::Utf16WithoutBom {
                path: path.to_path_buf(),
                little_endian,
            });
        }
        return Err(binary());
    }
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => document(text),
        Err(e) => {
            // The line, and the byte within it, as for JSON Lines: an editor
            // goes to a line, not to a byte of the file.
            let at = e.utf8_error().valid_up_to();
            let head = &e.as_bytes()[..at];
            let line_start = head.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
            Err(CorpusError::InvalidUtf8 {
                path: path.to_path_buf(),
                line: Some(1 + head.iter().filter(|&&b| b == b'\n').count()),
                offset: at - line_start,
            })
        }
    }
}

/// `Some(true)` (little-endian) or `Some(false)` for bytes that read as
/// UTF-16 text without a byte-order mark: their first 4 KiB decode in that
/// byte order with no lone surrogate, at most one control character in a
/// hundred (binary files hold runs of NUL bytes), and some spaces, line
/// breaks or Japanese punctuation (`。`, `、`), more of them than the other
/// order gives (English read in the wrong order gives none).
fn utf16_without_byte_order_mark(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let score = |little: bool| -> Option<usize> {
        let mut units: Vec<u16> = head
            .chunks_exact(2)
            .map(|p| {
                let pair = [p[0], p[1]];
                if little {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        // The head may cut a surrogate pair.
        if head.len() < bytes.len() && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
            units.pop();
        }
        let (mut chars, mut controls, mut marks) = (0usize, 0usize, 0usize);
        for c in char::decode_utf16(units) {
            let c = c.ok()?;
            chars += 1;
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
                controls += 1;
            }
            if matches!(c, ' ' | '\n' | '。' | '、' | '\u{3000}') {
                marks += 1;
            }
        }
        (controls * 100 <= chars && marks > 0).then_some(marks)
    };
    match (score(true), score(false)) {
        (Some(le), Some(be)) => Some(le >= be),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
}

/// The first field the JSON object `text` names twice, when it names more
/// fields than the `distinct` it was read with.
fn field_named_twice(text: &str, distinct: usize) -> Option<String> {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

    struct FirstRepeat;
    impl<'de> Visitor<'de> for FirstRepeat {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<String>, A::Error> {
            let mut seen = std::collections::HashSet::new();
            let mut repeat = None;
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                if !seen.insert(key.clone()) && repeat.is_none() {
                    repeat = Some(key);
                }
            }
            Ok(repeat)
        }
    }
    // Only a count of keys larger than the object's says a key repeats;
    // most records are read once.
    let fields = text.matches(':').count();
    if fields <= distinct {
        return None;
    }
    serde_json::Deserializer::from_str(text)
        .deserialize_map(FirstRepeat)
        .ok()
        .flatten()
}

fn parse_record(
    path: &Path,
    line: usize,
    bytes: &[u8],
    options: &InputOptions,
) -> Result<Document, CorpusError> {
    let text = std::str::from_utf8(bytes).map_err(|e| CorpusError::InvalidUtf8 {
        path: path.to_path_buf(),
        line: Some(line),
        offset: e.valid_up_to(),
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json names a lone surrogate (`"\ud800"`) by what it missed.
        let surrogate_escape = || {
            let lower = text.to_ascii_lowercase();
            [
                "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
            ]
            .iter()
            .any(|p| lower.contains(p))
        };
        let hint = if message.contains("escape") && surrogate_escape() {
            " (a \\uD800–\\uDFFF escape must be one of a surrogate pair)"
        } else {
            ""
        };
        CorpusError::Json {
            path: path.to_path_buf(),
            line,
            message: format!("not valid JSON: {message}{hint}"),
        }
    })?;
    let Value::Object(record) = value else {
        return Err(CorpusError::Json {
            path: path.to_path_buf(),
            line,
            message: "not a JSON object".into(),
        });
    };
    // A field named twice kept its last value, the first lost unsaid
    // (`{"text":"First.","text":"Second."}`); read again, keys only.
    if let Some(twice) = field_named_twice(text, record.len()) {
        return Err(CorpusError::Json {
            path: path.to_path_buf(),
            line,
            message: format!("field `{twice}` given twice (which one is the record's?)"),
        });
    }
    let given_id = match record.get(&options.id_field) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let field_error = |problem: String| CorpusError::Field {
        path: path.to_path_buf(),
        line,
        problem,
        id: given_id.clone(),
        id_value: record.get(&options.id_field).cloned().map(Box::new),
    };
    let text = match record.get(&options.text_field) {
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(field_error(format!(
                "field \"{}\" is not a string",
                options.text_field
            )));
        }
        None => {
            return Err(field_error(format!(
                "no field \"{}\" (choose one with --text-field)",
                options.text_field
            )));
        }
    };
    let id = given_id.unwrap_or_else(|| format!("{}:{line}", path_id(path)));
    Ok(Document {
        id,
        text,
        record: Some(record),
    })
}

/// A path as a document id: as written when it is UTF-8, else with each
/// byte that is not written as `\xNN` (`caf\xE9.txt`), so that two names
/// in Latin-1 stay two ids that lead back to their files (the lossy form
/// made both `caf\u{FFFD}.txt`).
pub(crate) fn path_id(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            }
            return out;
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sources: Vec<Source>, jsonl: bool) -> Vec<Result<Document, CorpusError>> {
        Corpus::new(
            sources,
            InputOptions {
                jsonl,
                ..InputOptions::default()
            },
        )
        .collect()
    }

    /// A document past the limit is an error naming it, not read until
    /// memory runs out (`/dev/zero` named as an input took 7.5 GB); in JSON
    /// Lines the line past it is one error, and the records after it are
    /// read.
    #[test]
    fn documents_and_lines_past_the_limit_fail_alone() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "x".repeat(100))?;
        std::fs::write(dir.path().join("b.txt"), "short")?;
        let options = InputOptions {
            max_document_bytes: 64,
            ..InputOptions::default()
        };
        let items: Vec<_> = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            options.clone(),
        )
        .collect();
        let said: Vec<String> = items
            .iter()
            .map(|r| {
                r.as_ref()
                    .map_or_else(|e| format!("{e} {}", e.is_skip()), |d| d.text.clone())
            })
            .collect();
        assert!(said[0].ends_with("a.txt: more than 64 bytes in one document: split it (a document is read whole) false"), "{said:?}");
        assert_eq!(said[1], "short");
        let jsonl = dir.path().join("r.jsonl");
        let long = format!("{{\"text\":\"{}\"}}", "y".repeat(100));
        // Exactly the limit, its line break aside, is read.
        let exact = format!("{{\"text\":\"{}\"}}", "z".repeat(53));
        assert_eq!(exact.len(), 64);
        std::fs::write(
            &jsonl,
            format!("{{\"text\":\"one\"}}\n{long}\n{{\"text\":\"three\"}}\n{exact}\n"),
        )?;
        let options = InputOptions {
            jsonl: true,
            ..options
        };
        let said: Vec<String> = Corpus::new(vec![Source::Path(jsonl)], options)
            .map(|r| r.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert_eq!(said[3].len(), 53, "{said:?}");
        assert!(
            said[1].ends_with(
                "r.jsonl:2: a line of more than 64 bytes, not read (a record is read whole)"
            ),
            "{said:?}"
        );
        assert_eq!((said[0].as_str(), said[2].as_str()), ("one", "three"));
        Ok(())
    }

    /// A field named twice lost its first value unsaid: the record fails,
    /// naming it; colons inside the text or nested objects are no repeat.
    #[test]
    fn a_field_named_twice_fails_its_record() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let jsonl = dir.path().join("r.jsonl");
        std::fs::write(
            &jsonl,
            "{\"id\":\"x\",\"text\":\"First.\",\"text\":\"Second.\"}\n\
             {\"id\":\"y\",\"text\":\"At 10:30: talks.\",\"meta\":{\"id\":1,\"a\":{\"id\":2}}}\n",
        )?;
        let said: Vec<String> = read(vec![Source::Path(jsonl)], true)
            .into_iter()
            .map(|r| r.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert!(
            said[0].ends_with("r.jsonl:1: field `text` given twice (which one is the record's?)"),
            "{said:?}"
        );
        assert_eq!(said[1], "At 10:30: talks.");
        Ok(())
    }

    /// A NUL byte in the first block makes a document binary without the
    /// rest being read: a 150 MB binary file took 159 MB to be skipped.
    #[test]
    fn a_binary_file_is_told_by_its_first_block() -> Result<(), CorpusError> {
        let endless = io::Cursor::new(b"\x89PNG\0".to_vec()).chain(io::repeat(b'a'));
        let bytes = read_document(endless, Path::new("x.png"), MAX_DOCUMENT_BYTES)?;
        assert_eq!(bytes.len(), FIRST_BLOCK);
        Ok(())
    }

    /// UTF-16 saved without a byte-order mark was skipped as binary, exit
    /// 0: it is named, with the conversion, and fails.
    #[test]
    fn utf16_without_a_byte_order_mark_is_named() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let text = "The trade deficit widened.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        std::fs::write(dir.path().join("le.txt"), le)?;
        std::fs::write(dir.path().join("be"), be)?;
        // Japanese, which has few NUL bytes, and English with one U+3000
        // (a review found both taken for binary, skipped in a folder).
        let ja = "日本の輸出は１１月に増えた。\n貿易黒字は拡大した。\n";
        let ja: Vec<u8> = ja.encode_utf16().flat_map(u16::to_le_bytes).collect();
        std::fs::write(dir.path().join("ja-article"), ja)?;
        let spaced: Vec<u8> = "Tariffs\u{3000}rose in Tokyo today.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        std::fs::write(dir.path().join("spaced.md"), spaced)?;
        let said: Vec<(bool, String)> = read(vec![Source::Path(dir.path().to_path_buf())], false)
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| (e.is_skip(), e.to_string()))
            .collect();
        assert_eq!(said.len(), 4, "{said:?}");
        for (i, (name, order)) in [
            ("be", "BE"),
            ("ja-article", "LE"),
            ("le.txt", "LE"),
            ("spaced.md", "LE"),
        ]
        .iter()
        .enumerate()
        {
            let want = format!(
                "{name}: UTF-16 text without a byte-order mark: convert it (iconv -f UTF-16{order} -t UTF-8)"
            );
            assert!(!said[i].0 && said[i].1.ends_with(&want), "{said:?}");
        }
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_up_the_tree_is_walked_once() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        std::fs::write(dir.path().join("sub/a.txt"), "Tariffs rose.")?;
        std::os::unix::fs::symlink("..", dir.path().join("sub/loop"))?;
        let docs = read(vec![Source::Path(dir.path().to_path_buf())], false);
        assert_eq!(docs.len(), 1, "{docs:?}");
        assert!(docs[0].as_ref().is_ok_and(|d| d.text == "Tariffs rose."));
        Ok(())
    }

    /// Two file names in Latin-1 were one id, `caf\u{FFFD}.txt` (a
    /// pipeline review found it): each byte that is no UTF-8 is written
    /// `\xNN`.
    #[cfg(unix)]
    #[test]
    fn names_in_latin_1_are_ids_of_their_own() {
        use std::os::unix::ffi::OsStrExt;
        let e9 = Path::new(std::ffi::OsStr::from_bytes(b"c7/caf\xe9.txt"));
        let e8 = Path::new(std::ffi::OsStr::from_bytes(b"c7/caf\xe8.txt"));
        assert_eq!(path_id(e9), "c7/caf\\xE9.txt");
        assert_ne!(path_id(e9), path_id(e8));
        assert_eq!(path_id(Path::new("c7/café.txt")), "c7/café.txt");
    }

    /// A file reached twice in a run (a link in a walked folder to a file
    /// the walk reads, a hard link, the same file named twice) was read
    /// twice, doubling its counts: it is read once, by the path first in
    /// walk order, and each later path is a skip naming that one.
    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_is_read_once() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        std::fs::write(dir.path().join("b.txt"), "Tariffs rose.")?;
        // Sorts before its target: the link is read, the file skipped.
        std::os::unix::fs::symlink("b.txt", dir.path().join("a.txt"))?;
        std::fs::hard_link(dir.path().join("b.txt"), dir.path().join("sub/c.txt"))?;
        std::fs::write(dir.path().join("d.jsonl"), "{\"text\":\"one\"}\n")?;
        let d = dir.path().join("d.jsonl");
        for jsonl in [false, true] {
            let items = read(
                vec![
                    Source::Path(dir.path().to_path_buf()),
                    Source::Path(d.clone()),
                    Source::Path(d.clone()),
                ],
                jsonl,
            );
            let got: Vec<String> = items
                .iter()
                .map(|r| match r {
                    Ok(d) => d.text.clone(),
                    Err(e) => {
                        assert!(e.is_skip(), "{e}");
                        e.to_string()
                    }
                })
                .collect();
            let same = |path: &str, first: &str| {
                format!(
                    "{}: the same file as {}, read once",
                    dir.path().join(path).display(),
                    dir.path().join(first).display()
                )
            };
            // A file of a walk with one link keeps no path (memory).
            let before = |path: &str| {
                format!(
                    "{}: the same file as one read before, read once",
                    dir.path().join(path).display()
                )
            };
            let expected = if jsonl {
                // Only d.jsonl is read in the walk, then named twice more.
                vec!["one".to_string(), before("d.jsonl"), before("d.jsonl")]
            } else {
                // The walk passes d.jsonl over; named, it is read.
                vec![
                    "Tariffs rose.".to_string(),
                    same("b.txt", "a.txt"),
                    same("sub/c.txt", "a.txt"),
                    "{\"text\":\"one\"}\n".to_string(),
                    same("d.jsonl", "d.jsonl"),
                ]
            };
            assert_eq!(got, expected, "jsonl: {jsonl}");
        }
        Ok(())
    }

    /// With JSON Lines a folder's other files are not read; they are
    /// counted (hidden ones not), with the first in walk order, for a note.
    #[test]
    fn files_a_jsonl_walk_passes_over_are_counted() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        std::fs::write(dir.path().join("b.txt"), "Tariffs.")?;
        std::fs::write(dir.path().join("sub/a.md"), "Talks.")?;
        std::fs::write(dir.path().join(".hidden"), "never")?;
        std::fs::write(dir.path().join("r.jsonl"), "{\"text\":\"one\"}\n")?;
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            InputOptions {
                jsonl: true,
                ..InputOptions::default()
            },
        );
        let passed = corpus.passed_over();
        let texts: Vec<String> = corpus
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(texts, ["one"]);
        assert_eq!(passed.count(), 2);
        assert_eq!(passed.first(), Some(dir.path().join("b.txt")));
        // Without JSON Lines the documents are read, the JSON Lines file
        // passed over (it was read as prose).
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            InputOptions::default(),
        );
        let passed = corpus.passed_over();
        assert_eq!(corpus.count(), 2);
        assert_eq!(passed.count(), 1);
        assert_eq!(passed.first(), Some(dir.path().join("r.jsonl")));
        Ok(())
    }

    #[test]
    fn a_byte_order_mark_before_the_first_record_is_skipped() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("bom.jsonl");
        std::fs::write(&path, "\u{feff}{\"text\": \"one\"}\n{\"text\": \"two\"}\n")?;
        let texts: Vec<String> = read(vec![Source::Path(path)], true)
            .into_iter()
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(texts, ["one", "two"]);
        Ok(())
    }

    /// Windows' "Unicode" text (UTF-16 with a byte-order mark) was taken
    /// for binary and skipped in a folder; it is read, in either byte order.
    /// In JSON Lines it is named once, not as a bad byte on every line.
    #[test]
    fn utf16_files_with_a_byte_order_mark_are_read() -> io::Result<()> {
        let utf16 = kotoba_text::encoding::encode_utf16_with_bom;
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("le.txt"), utf16("Tariffs rose.\r\n", true))?;
        std::fs::write(dir.path().join("be.txt"), utf16("関税が上がった。", false))?;
        std::fs::write(dir.path().join("blank.txt"), utf16(" \r\n", true))?;
        let mut odd = utf16("ab", true);
        odd.push(b'c');
        std::fs::write(dir.path().join("odd.txt"), odd)?;
        let texts: Vec<String> = read(vec![Source::Path(dir.path().to_path_buf())], false)
            .into_iter()
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert_eq!(texts[0], "関税が上がった。");
        assert!(texts[1].ends_with("blank.txt: empty file"), "{}", texts[1]);
        assert_eq!(texts[2], "Tariffs rose.\r\n");
        assert!(
            texts[3].ends_with("odd.txt: UTF-16 text with an odd number of bytes (cut short?)"),
            "{}",
            texts[3]
        );
        let jsonl = dir.path().join("r.jsonl");
        std::fs::write(
            &jsonl,
            utf16("{\"text\": \"one\"}\n{\"text\": \"two\"}\n", true),
        )?;
        let records: Vec<String> = read(vec![Source::Path(jsonl)], true)
            .into_iter()
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(records.len(), 1, "{records:?}");
        assert!(
            records[0].contains("r.jsonl: UTF-16 text: JSON Lines are read as UTF-8"),
            "{}",
            records[0]
        );
        Ok(())
    }

    /// A compressed or binary JSON Lines file gave an invalid byte on each
    /// line (and a hint at Shift_JIS): it is one error naming the format,
    /// and no record is read, in a folder too (its name says text).
    #[test]
    fn compressed_or_binary_json_lines_are_one_error() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let cases: [(&str, &[u8], &str); 5] = [
            (
                "a.jsonl.gz",
                b"\x1f\x8b\x08\x00\xff\n\xc3\n",
                "gzip-compressed file",
            ),
            (
                "a.jsonl.zst",
                b"\x28\xb5\x2f\xfd\x04\n\n",
                "zstd-compressed file",
            ),
            (
                "a.jsonl.bz2",
                b"BZh91AY&SY\xe9\n\xff\n",
                "bzip2-compressed file",
            ),
            (
                "a.jsonl.xz",
                b"\xfd7zXZ\x00\x00\n\x04\n",
                "xz-compressed file",
            ),
            (
                "a.bin",
                b"{\"text\":\"a\0\"}\n\xff\n{}\n",
                "binary file (contains NUL bytes)",
            ),
        ];
        for (name, bytes, said) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes)?;
            let items = read(vec![Source::Path(path)], true);
            assert_eq!(items.len(), 1, "{name}: {items:?}");
            let Err(e) = &items[0] else {
                panic!("{name}: {items:?}")
            };
            assert!(e.to_string().contains(&format!("{name}: {said}")), "{e}");
            assert!(!e.is_skip(), "{e}");
        }
        let message = read(vec![Source::Path(dir.path().join("a.jsonl.gz"))], true)
            .into_iter()
            .map(|r| r.map_or_else(|e| e.to_string(), |d| d.text))
            .collect::<String>();
        assert!(
            message.ends_with("e.g. zcat FILE | kotoba … --jsonl -"),
            "{message}"
        );
        // In a folder too, a `.jsonl` holding NUL bytes fails, as a
        // compressed one does: its records would be lost.
        std::fs::create_dir(dir.path().join("walk"))?;
        std::fs::write(dir.path().join("walk/a.jsonl"), b"\x00\x01\n")?;
        std::fs::write(dir.path().join("walk/b.jsonl"), b"\x1f\x8b\x08\n")?;
        let items = read(vec![Source::Path(dir.path().join("walk"))], true);
        let skips: Vec<bool> = items
            .iter()
            .map(|r| r.as_ref().err().is_some_and(CorpusError::is_skip))
            .collect();
        assert_eq!(skips, [false, false], "{items:?}");
        Ok(())
    }

    /// A `.txt` holding NUL bytes in a folder (a damaged copy) is an
    /// article lost: an error, where a binary file without an extension
    /// beside it is skipped (an image, `.png`, is not even opened).
    #[test]
    fn a_binary_file_named_as_text_fails_in_a_folder() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "first")?;
        std::fs::write(dir.path().join("b.TXT"), b"PK\x03\x04\0\0\x01\x02")?;
        std::fs::write(dir.path().join("c.png"), b"\x89PNG\0\0")?;
        std::fs::write(dir.path().join("d"), b"\x89PNG\0\0")?;
        let items = read(vec![Source::Path(dir.path().to_path_buf())], false);
        let errors: Vec<(bool, String)> = items
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| (e.is_skip(), e.to_string()))
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            !errors[0].0
                && errors[0]
                    .1
                    .ends_with("b.TXT: binary file (contains NUL bytes)")
        );
        assert!(
            errors[1].0
                && errors[1]
                    .1
                    .ends_with("/d: binary file (contains NUL bytes)")
        );
        Ok(())
    }

    #[test]
    fn folders_are_walked_in_order_skipping_hidden_and_binary() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        std::fs::write(dir.path().join("b.txt"), "second")?;
        std::fs::write(dir.path().join("a.txt"), "first")?;
        std::fs::write(dir.path().join("sub/c.txt"), "third")?;
        std::fs::write(dir.path().join(".hidden"), "never")?;
        std::fs::write(dir.path().join("blob"), b"\x00\x01")?;
        // Empty files lose nothing either (they failed the run).
        std::fs::write(dir.path().join("empty.txt"), b"")?;
        std::fs::write(dir.path().join("sub/spaces.txt"), " \n\u{3000}\n")?;
        // A device (a link to one, as a pipe) would block or never end: a
        // link to /dev/zero read until memory ran out (a review found it).
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt"))?;
        let items = read(vec![Source::Path(dir.path().to_path_buf())], false);
        let texts: Vec<&str> = items
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(texts, ["first", "second", "third"]);
        let skipped: Vec<String> = items
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| {
                assert!(e.is_skip(), "{e}");
                e.to_string()
            })
            .collect();
        assert_eq!(skipped.len(), 4, "{skipped:?}");
        for (i, end) in [
            (1, "empty.txt: empty file"),
            (2, "spaces.txt: empty file"),
            (3, "zero.txt: not a regular file (a pipe, socket or device)"),
        ] {
            assert!(skipped[i].ends_with(end), "{skipped:?}");
        }
        Ok(())
    }

    #[test]
    fn bad_files_name_the_file_and_the_rest_goes_on() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let bad = dir.path().join("latin1.txt");
        std::fs::write(&bad, b"caf\xe9")?;
        let later = dir.path().join("later.txt");
        std::fs::write(&later, b"ok.\r\nfine\n\xc3\x28 x.\n")?;
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, b"")?;
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "ok")?;
        let binary = dir.path().join("x.bin");
        std::fs::write(&binary, b"a\x00b")?;
        let missing = dir.path().join("missing.txt");
        let items = read(
            vec![
                Source::Path(bad),
                Source::Path(later),
                Source::Path(empty),
                Source::Path(missing),
                Source::Path(binary),
                Source::Path(good),
            ],
            false,
        );
        let messages: Vec<String> = items
            .iter()
            .map(|r| match r {
                Ok(d) => d.text.clone(),
                Err(e) => e.to_string(),
            })
            .collect();
        assert!(
            messages[0].ends_with("latin1.txt:1: invalid UTF-8 at byte 3 of the line"),
            "{}",
            messages[0]
        );
        // The line of a bad byte further in, and its place in that line.
        assert!(
            messages[1].ends_with("later.txt:3: invalid UTF-8 at byte 0 of the line"),
            "{}",
            messages[1]
        );
        // Named on its own, an empty file was meant to be read: it fails.
        assert!(messages[2].ends_with("empty.txt: empty file"));
        assert!(!items[2].as_ref().err().is_some_and(CorpusError::is_skip));
        assert!(messages[3].ends_with("missing.txt: no such file or directory"));
        assert!(messages[4].ends_with("x.bin: binary file (contains NUL bytes)"));
        assert!(!items[4].as_ref().err().is_some_and(CorpusError::is_skip));
        assert_eq!(messages[5], "ok");
        Ok(())
    }

    /// In record mode a blank line before or between records is reported as
    /// a record that cannot be read, in its place (it was skipped, and
    /// record mode wrote fewer lines than it read); blank lines alone are
    /// no records, and those ending a file stand before none. Otherwise blank
    /// lines are skipped, as they hold no document.
    #[test]
    fn blank_lines_among_records_are_reported_in_place() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("gaps.jsonl");
        std::fs::write(&path, "\n{\"text\":\"a\"}\n \n{\"text\":\"b\"}\n\n")?;
        let skipped = read(vec![Source::Path(path.clone())], true);
        assert!(
            skipped.iter().all(Result::is_ok) && skipped.len() == 2,
            "{skipped:?}"
        );
        let items: Vec<_> = Corpus::new(
            vec![Source::Path(path)],
            InputOptions {
                jsonl: true,
                blank_lines_are_records: true,
                ..InputOptions::default()
            },
        )
        .collect();
        let got: Vec<String> = items
            .iter()
            .map(|r| {
                r.as_ref()
                    .map_or_else(|e| e.to_string(), |d| d.text.clone())
            })
            .collect();
        // The last blank line ends the file: no record stands after it.
        assert_eq!(got.len(), 4, "{got:?}");
        for (i, line) in [(0, 1), (2, 3)] {
            assert!(
                got[i].ends_with(&format!(
                    "gaps.jsonl:{line}: blank line, no record (JSON Lines hold one object a line)"
                )),
                "{got:?}"
            );
        }
        assert_eq!((got[1].as_str(), got[3].as_str()), ("a", "b"));
        Ok(())
    }

    /// A named file with no text is empty however it comes: no bytes, white
    /// space, or a byte-order mark alone. JSON Lines without a record hold
    /// no documents: a skip, not a failure (it was an "empty file" error,
    /// and in record mode a made-up error record), in record mode too.
    #[test]
    fn every_file_without_text_is_empty() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let cases: [(&str, &[u8], bool); 5] = [
            ("zero.txt", b"", false),
            ("blank.txt", b" \n\t\r\n", false),
            ("bom.txt", "\u{feff}\n\u{3000}".as_bytes(), false),
            ("zero.jsonl", b"", true),
            ("blank.jsonl", "\u{feff}\n\n".as_bytes(), true),
        ];
        for (name, bytes, jsonl) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes)?;
            for blank_lines_are_records in [false, true] {
                let options = InputOptions {
                    jsonl,
                    blank_lines_are_records,
                    ..InputOptions::default()
                };
                let items: Vec<_> =
                    Corpus::new(vec![Source::Path(path.clone())], options).collect();
                assert_eq!(items.len(), 1, "{name}: {items:?}");
                let Err(e) = &items[0] else {
                    panic!("{name}: {items:?}")
                };
                let (said, skip) = if jsonl {
                    ("no records", true)
                } else {
                    ("empty file", false)
                };
                assert!(e.to_string().ends_with(&format!("{name}: {said}")), "{e}");
                assert_eq!(e.is_skip(), skip, "{e}");
            }
        }
        // A record with empty text is a record: a document with no text.
        let path = dir.path().join("record.jsonl");
        std::fs::write(&path, "{\"text\":\"\"}\n")?;
        let items = read(vec![Source::Path(path)], true);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].as_ref().map(|d| d.text.as_str()).ok(), Some(""));
        Ok(())
    }

    #[test]
    fn jsonl_records_ids_and_line_numbered_errors() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("c.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"text\":\"one\"}\n\nnot json\n{\"text\":\"three\"}\n{\"id\":7,\"body\":\"x\"}\n{\"id\":8,\"text\":\"five\"}\r\n",
        )?;
        let items = read(vec![Source::Path(path.clone())], true);
        // The blank line 2 is skipped here (record mode reports it: tested
        // above).
        assert_eq!(items.len(), 5);
        assert_eq!(items[0].as_ref().map(|d| d.id.as_str()).ok(), Some("a"));
        let err = items[1]
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(err.contains("c.jsonl:3: not valid JSON: "), "{err}");
        assert_eq!(
            items[2].as_ref().map(|d| d.id.clone()).ok(),
            Some(format!("{}:4", path.display()))
        );
        let err = items[3]
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(err.contains("c.jsonl:5: no field \"text\""), "{err}");
        assert_eq!(items[4].as_ref().map(|d| d.id.as_str()).ok(), Some("8"));
        Ok(())
    }

    /// A walk read every file as prose: a glossary's TBX gave `termSec`
    /// and its definitions' words, JSON Lines gave `en` and `ja` (a
    /// terminologist's review found it). It reads only files named as
    /// prose documents, or without an extension; the rest is passed over,
    /// unopened, and counted by extension. A file named on its own is read
    /// whatever its name.
    #[test]
    fn a_folder_walk_reads_only_prose_documents() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        let files: [(&str, &str); 13] = [
            ("en1.txt", "Tariffs rose."),
            ("notes.MD", "Talks resumed."),
            ("README", "Quotas ended."),
            ("sub/b.rst", "Duties fell."),
            ("sub/c.org", "Exports grew."),
            ("sub/d.markdown", "Imports shrank."),
            ("sub/e.text", "Surplus widened."),
            ("pairs.tsv", "tariff\t関税\n"),
            ("terms.tbx", "<martif><termSec/></martif>"),
            ("data.jsonl", "{\"en\":\"tariff\",\"ja\":\"関税\"}\n"),
            ("more.JSONL", "{\"en\":\"quota\",\"ja\":\"割当\"}\n"),
            ("page.html", "<p>Tariffs.</p>"),
            ("sub/x.xliff", "<xliff/>"),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text)?;
        }
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            InputOptions::default(),
        );
        let passed = corpus.passed_over();
        let texts: Vec<String> = corpus
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(
            texts,
            [
                "Quotas ended.",
                "Tariffs rose.",
                "Talks resumed.",
                "Duties fell.",
                "Exports grew.",
                "Imports shrank.",
                "Surplus widened."
            ]
        );
        assert_eq!(passed.count(), 6);
        assert_eq!(passed.json_lines(), 2);
        assert_eq!(passed.first(), Some(dir.path().join("data.jsonl")));
        assert_eq!(
            passed.extensions(),
            [
                ("jsonl".to_string(), 2),
                ("html".to_string(), 1),
                ("tbx".to_string(), 1),
                ("tsv".to_string(), 1),
                ("xliff".to_string(), 1),
            ]
        );
        assert_eq!(
            passed.summary(),
            ".jsonl 2, .html 1, .tbx 1, .tsv 1, .xliff 1"
        );
        // Named on the command line, a data file is read as asked, and
        // nothing is passed over.
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().join("terms.tbx"))],
            InputOptions::default(),
        );
        let passed = corpus.passed_over();
        let texts: Vec<String> = corpus
            .map(|d| d.map_or_else(|e| e.to_string(), |d| d.text))
            .collect();
        assert_eq!(texts, ["<martif><termSec/></martif>"]);
        assert_eq!(passed.count(), 0);
        // Inputs paired by name (ROUGE) read every visible file.
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            InputOptions {
                read_every_path: true,
                ..InputOptions::default()
            },
        );
        let passed = corpus.passed_over();
        assert_eq!(corpus.count(), 13);
        assert_eq!(passed.count(), 0);
        Ok(())
    }

    /// Which names a walk reads, as the CLI's check of an output in an
    /// input folder asks it too.
    #[test]
    fn walk_reads_prose_names_or_json_lines() {
        for (name, prose, jsonl) in [
            ("a.txt", true, false),
            ("a.TXT", true, false),
            ("a.text", true, false),
            ("a.md", true, false),
            ("a.markdown", true, false),
            ("a.rst", true, false),
            ("a.org", true, false),
            ("README", true, false),
            ("name.", true, false),
            ("2024.01.report", false, false),
            (".hidden", false, false),
            (".hidden.txt", false, false),
            ("a.jsonl", false, true),
            ("a.NDJSON", false, true),
            ("a.json", false, true),
            ("a.tsv", false, false),
            ("a.csv", false, false),
            ("a.tbx", false, false),
            ("a.tmx", false, false),
            ("a.xml", false, false),
            ("a.po", false, false),
            ("a.xlf", false, false),
            ("a.sdltm", false, false),
            ("a.html", false, false),
            ("a.htm", false, false),
            ("a.txt.gz", false, false),
        ] {
            assert_eq!(walk_reads_file(Path::new(name), false), prose, "{name}");
            assert_eq!(walk_reads_file(Path::new(name), true), jsonl, "{name}");
        }
    }

    /// A folder of many kinds of files (rotated logs) counts the first 16
    /// extensions one by one and the rest in the total alone.
    #[test]
    fn passed_over_extensions_are_counted_up_to_a_limit() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        for i in 0..20 {
            std::fs::write(dir.path().join(format!("log.{i:02}")), "x")?;
        }
        std::fs::write(dir.path().join("log.00.bak"), "x")?;
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            InputOptions::default(),
        );
        let passed = corpus.passed_over();
        assert_eq!(corpus.count(), 0);
        assert_eq!(passed.count(), 21);
        let by = passed.extensions();
        assert_eq!(by.len(), 16, "{by:?}");
        assert_eq!(by.iter().map(|(_, n)| n).sum::<usize>(), 16);
        assert!(
            passed.summary().ends_with(", other 5"),
            "{}",
            passed.summary()
        );
        Ok(())
    }

    /// With JSON Lines a file without an extension is passed over, and
    /// counted under no extension.
    #[test]
    fn a_jsonl_walk_counts_files_without_an_extension() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("README"), "Read me.")?;
        std::fs::write(dir.path().join("r.ndjson"), "{\"text\":\"one\"}\n")?;
        let corpus = Corpus::new(
            vec![Source::Path(dir.path().to_path_buf())],
            InputOptions {
                jsonl: true,
                ..InputOptions::default()
            },
        );
        let passed = corpus.passed_over();
        assert_eq!(corpus.count(), 1);
        assert_eq!(passed.summary(), "no extension 1");
        assert_eq!(passed.json_lines(), 0);
        Ok(())
    }
}
