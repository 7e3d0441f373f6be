//! Where results go: standard output, or a file written atomically.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, anyhow};
use tempfile::{NamedTempFile, TempPath};

/// A buffered sink; a file target only appears, whole, on [`Output::finish`].
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file beside the target (removed when dropped), renamed
    /// over the target at the end.
    File(BufWriter<File>, TempPath, Target),
    /// A target that is no regular file (`/dev/null`, a named pipe), written
    /// to directly: renaming a file over it would replace the device.
    Special(BufWriter<File>, PathBuf),
}

/// A file written by renaming: the path as given (for messages), and the
/// file it leads to (through symbolic links), which the rename replaces.
pub struct Target {
    /// The path as the user gave it.
    given: PathBuf,
    /// The file written.
    path: PathBuf,
}

/// Symbolic links followed at most, as the kernel does (ELOOP past 40).
const MAX_LINKS: usize = 40;

/// The file writing `path` replaces: `path` itself, or, when it is a
/// symbolic link (or a chain of them), the file the last one names, whether
/// it exists or not (a dangling link is written through too). A rename over
/// the link itself would replace the link (`latest.tsv -> runs/x.tsv` became
/// a regular file, a review found).
pub fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => path = followed(&path)?,
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
}

/// Whether `path`, or a link on the way to its file, names one of this
/// process's open descriptors (`/dev/stdout`, `/dev/fd/1`,
/// `/proc/self/fd/1`).
fn names_a_descriptor(path: &Path) -> bool {
    let descriptor = |p: &Path| {
        ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
            .iter()
            .any(|prefix| p.starts_with(prefix))
            || ["/dev/stdout", "/dev/stderr"]
                .iter()
                .any(|name| p == Path::new(name))
    };
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        if descriptor(&path) {
            return true;
        }
        match followed(&path) {
            Ok(next) => path = next,
            Err(_) => return false,
        }
    }
    false
}

/// The path the symbolic link `link` names, a relative one read from the
/// link's folder.
fn followed(link: &Path) -> io::Result<PathBuf> {
    let next = std::fs::read_link(link)?;
    Ok(match link.parent() {
        Some(dir) if next.is_relative() => dir.join(next),
        _ => next,
    })
}

impl Output {
    /// Standard output (no path, or `-`), or a temporary file beside `path`
    /// (beside the file it points to when it is a symbolic link, so that the
    /// link stays one). Errors name `path` as given, never the temporary file.
    pub fn open(path: Option<&Path>) -> Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )));
        };
        let given = path;
        // A pipe, terminal or device, also reached through links the kernel
        // follows and `link_target` cannot (`/dev/stdout` → `/proc/self/fd/1`
        // → `pipe:[N]`), is written as it is; so is a file open on one of our
        // descriptors (`-o /dev/stdout >> log`), appended to as the shell
        // opened it, not replaced.
        if let Ok(meta) = std::fs::metadata(given) {
            anyhow::ensure!(!meta.is_dir(), "{} is a directory", given.display());
            if !meta.is_file() || names_a_descriptor(given) {
                // Appending is writing for a pipe or device.
                let f = std::fs::OpenOptions::new()
                    .append(true)
                    .open(given)
                    .with_context(|| format!("cannot write {}", given.display()))?;
                return Ok(Output::Special(
                    BufWriter::with_capacity(1 << 16, f),
                    given.to_path_buf(),
                ));
            }
        }
        let target =
            link_target(path).with_context(|| format!("cannot write {}", given.display()))?;
        let path = target.as_path();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // tempfile's errors name the temporary file, which the user never
        // asked for: say what went wrong with the path they gave.
        let tmp = NamedTempFile::new_in(dir).map_err(|e| {
            let why = match std::fs::metadata(dir) {
                Err(_) => format!("no folder {}", dir.display()),
                Ok(m) if !m.is_dir() => format!("{} is not a folder", dir.display()),
                Ok(_) => io::Error::from(e.kind()).to_string(),
            };
            anyhow!("cannot write {}: {why}", given.display())
        })?;
        let (file, tmp) = tmp.into_parts();
        add_pending(tmp.to_path_buf());
        Ok(Output::File(
            BufWriter::with_capacity(1 << 16, file),
            tmp,
            Target {
                given: given.to_path_buf(),
                path: target,
            },
        ))
    }

    /// Flushes, and for a file renames the finished temporary file into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => Ok(w.flush().map_err(on_stdout)?),
            Output::Special(mut w, path) => w
                .flush()
                .with_context(|| format!("cannot write {}", path.display())),
            Output::File(w, tmp, Target { given, path }) => {
                let context = || format!("cannot write {}", given.display());
                let file = w
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(context)?;
                ordinary_permissions(&file, &path).with_context(context)?;
                file.sync_all().with_context(context)?;
                drop(file);
                let pending = tmp.to_path_buf();
                tmp.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(context)?;
                remove_pending(&pending);
                Ok(())
            }
        }
    }
}

/// A write error on a file target, naming the file the user gave.
fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
}

/// A write error on standard output, saying so (`> /dev/full` said only
/// "No space left on device"); the kind is kept, so a closed pipe is still
/// told apart.
fn on_stdout(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("writing to standard output: {e}"))
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf).map_err(on_stdout),
            Output::File(w, _, Target { given: path, .. }) | Output::Special(w, path) => {
                w.write(buf).map_err(|e| named(path, e))
            }
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf).map_err(on_stdout),
            Output::File(w, _, Target { given: path, .. }) | Output::Special(w, path) => {
                w.write_all(buf).map_err(|e| named(path, e))
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush().map_err(on_stdout),
            Output::File(w, _, Target { given: path, .. }) | Output::Special(w, path) => {
                w.flush().map_err(|e| named(path, e))
            }
        }
    }
}

/// The temporary files being written (a command may have several open:
/// `glossary build -o X --pairs-output Y`), removed if the user interrupts
/// or the run is terminated.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remembers a temporary file being written.
fn add_pending(path: PathBuf) {
    if let Ok(mut slot) = PENDING.lock() {
        slot.push(path);
    }
}

/// Forgets a temporary file renamed into place.
fn remove_pending(path: &Path) {
    if let Ok(mut slot) = PENDING.lock() {
        slot.retain(|p| p != path);
    }
}

/// On Ctrl-C (SIGINT), SIGTERM or SIGHUP, removes the temporary output files
/// (so no partial file is left) and exits with 128 + the signal's number, as
/// a shell reports a run a signal ended (130, 143, 129). A signal ignored
/// when kotoba starts stays ignored: `nohup` ignores SIGHUP so that a run
/// outlives its terminal, and a background job's shell ignores SIGINT.
pub fn remove_partial_output_on_interrupt() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let ignored = ignored_signals();
    let wanted: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
        .into_iter()
        .filter(|&s| ignored & (1u64 << (s - 1)) == 0)
        .collect();
    let Ok(mut signals) = signal_hook::iterator::Signals::new(&wanted) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            if let Ok(slot) = PENDING.lock() {
                for path in slot.iter() {
                    let _ = std::fs::remove_file(path);
                }
            }
            std::process::exit(128 + signal);
        }
    });
}

/// The signals this process ignores, as a mask (bit n − 1 for signal n),
/// from `/proc/self/status`; none where that cannot be read.
fn ignored_signals() -> u64 {
    status_field("SigIgn:", 16).unwrap_or(0)
}

/// The number after `name` on its line of `/proc/self/status`, in `radix`;
/// `None` where that cannot be read (no `/proc`, an older kernel).
fn status_field(name: &str, radix: u32) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let value = status.lines().find_map(|l| l.strip_prefix(name))?;
    u64::from_str_radix(value.trim(), radix).ok()
}

/// True when the error is a closed pipe on our output (`kotoba … | head`),
/// also when JSON was being written (serde_json's error does not give its
/// I/O error as a source).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

/// A temporary file is private (0600); the result gets the permissions of
/// the file it replaces, or those of any new file: 0666 less the umask (it
/// was always 0644, so a umask of 077 or 002 was ignored).
#[cfg(unix)]
fn ordinary_permissions(file: &File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = match std::fs::metadata(target) {
        Ok(m) => m.permissions(),
        Err(_) => std::fs::Permissions::from_mode(new_file_mode()),
    };
    file.set_permissions(permissions)
}

/// The mode a new file gets: 0666 less the process's umask, read from
/// `/proc/self/status` (calling umask(2) to read it would set it, racing
/// other threads); 0644 where it cannot be read.
#[cfg(unix)]
fn new_file_mode() -> u32 {
    status_field("Umask:", 8)
        .and_then(|mask| u32::try_from(mask).ok())
        .map_or(0o644, |mask| 0o666 & !mask)
}

/// Elsewhere temporary files are not made private.
#[cfg(not(unix))]
fn ordinary_permissions(_file: &File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}
