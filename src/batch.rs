//! The batch driver: expands inputs (files, directories, zip archives and
//! the members of zips inside them), extracts them on worker threads and
//! hands records back in input order, holding only a bounded window of them.

use crate::read::ooxml_zip::{Budgeted, MAX_ARCHIVE_DIRECTORY_BYTES, open_zip};
use crate::read::{self, Format};
use crate::record::{Record, Source};
use crate::{Options, extract_hashed, sha256_hex};
use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Where an input's bytes are.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    File(PathBuf),
    /// A member of a zip archive on disk, by index.
    Member {
        archive: PathBuf,
        index: usize,
    },
    /// A member of a zip that is itself a member of an archive on disk.
    Nested {
        archive: PathBuf,
        outer: usize,
        index: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Input {
    pub location: Location,
    /// The path as written into the record (`archive.zip!dir/file.docx`).
    pub display: String,
    /// The path's raw bytes, hex-encoded, when they are not UTF-8.
    pub path_hex: Option<String>,
}

/// A path as a record writes it: lossy UTF-8, and its raw bytes in hex
/// when they are not UTF-8 (GBK names from Chinese Windows archives).
pub fn display_of(p: &Path) -> (String, Option<String>) {
    let lossy = p.to_string_lossy().into_owned();
    if p.to_str().is_some() {
        return (lossy, None);
    }
    #[cfg(unix)]
    let raw: Vec<u8> = {
        use std::os::unix::ffi::OsStrExt;
        p.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let raw: Vec<u8> = lossy.as_bytes().to_vec();
    let hex = raw.iter().map(|b| format!("{b:02x}")).collect();
    (lossy, Some(hex))
}

fn file_input(p: &Path) -> Input {
    let (display, path_hex) = display_of(p);
    Input {
        location: Location::File(p.to_path_buf()),
        display,
        path_hex,
    }
}

/// What expanding the command-line paths found.
#[derive(Debug, Default)]
pub struct Inputs {
    pub inputs: Vec<Input>,
    /// Files under directories or in archives of no supported format.
    pub skipped: usize,
    /// Their paths (the first 100,000), for `--verbose`.
    pub skipped_paths: Vec<String>,
    /// Things worth saying that are no error (a link loop not walked again).
    pub notes: Vec<String>,
    /// Paths that do not exist or cannot be listed, with the reason.
    pub missing: Vec<String>,
}

/// Largest zip member read into memory to look inside a nested archive.
const MAX_NESTED_ZIP: u64 = 512 * 1024 * 1024;

/// A zip member's name: UTF-8 when flagged or valid, else GBK (archives
/// made on Chinese Windows).
fn member_name(f: &zip::read::ZipFile<'_, impl Read>) -> String {
    let raw = f.name_raw();
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GBK.decode(raw).0.into_owned(),
    }
}

/// Whether a file's name says it is a document or an archive we read: such
/// a file always gets a record (what it really holds decides which).
fn claims_supported(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        ".pdf", ".docx", ".doc", ".wps", ".rtf", ".ofd", ".html", ".htm", ".zip",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
}

/// Whether bytes at the start of a file look like a document we read.
fn is_document_head(head: &[u8]) -> bool {
    !matches!(read::sniff(head), Format::Unknown | Format::Zip)
}

fn head_of(p: &Path) -> Vec<u8> {
    let mut head = vec![0u8; 8192];
    let n = std::fs::File::open(p)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.truncate(n);
    head
}

/// Whether a whole file is a zip archive (not an OOXML package).
fn file_is_archive(p: &Path) -> bool {
    let head = head_of(p);
    if !head.starts_with(b"PK") {
        return false;
    }
    match std::fs::File::open(p)
        .ok()
        .and_then(|f| open_zip(f, MAX_ARCHIVE_DIRECTORY_BYTES).ok())
    {
        // A package (a Word document, OFD, or an office file of another kind:
        // XLSX, PPTX, ODT, EPUB) is one document, never an archive to open.
        Some(z) => !z.file_names().flatten().any(|n| {
            n.starts_with("word/")
                || n.eq_ignore_ascii_case("OFD.xml")
                || n == "[Content_Types].xml"
                || n == "mimetype"
                || n == "META-INF/container.xml"
        }),
        None => false,
    }
}

/// Expands an archive; when it yields no input and `answer_empty`, the
/// archive itself is one (its record says it holds no report).
fn expand_archive_or_itself(archive: &Path, out: &mut Inputs, answer_empty: bool) {
    let before = out.inputs.len();
    expand_archive(archive, out);
    if answer_empty && out.inputs.len() == before {
        out.inputs.push(file_input(archive));
    }
}

/// Lists the members of an archive: documents become inputs, zips inside
/// are opened one level deep, anything else is counted as skipped.
fn expand_archive(archive: &Path, out: &mut Inputs) {
    let display = archive.to_string_lossy().into_owned();
    let Some(mut z) = std::fs::File::open(archive)
        .ok()
        .and_then(|f| open_zip(f, MAX_ARCHIVE_DIRECTORY_BYTES).ok())
    else {
        out.missing
            .push(format!("{display}: not a readable zip archive"));
        return;
    };
    // Member `i` (named `name`) as an input.
    let member = |i: usize, name: &str| Input {
        location: Location::Member {
            archive: archive.to_path_buf(),
            index: i,
        },
        display: format!("{display}!{name}"),
        path_hex: None,
    };
    for i in 0..z.len() {
        // A member we cannot open (encrypted, or compressed by a method not
        // built in) still gets a record saying so, rather than vanishing.
        if let Ok(raw) = z.by_index_raw(i)
            && !raw.is_dir()
            && member_problem(&raw).is_some()
        {
            out.inputs.push(member(i, &member_name(&raw)));
            continue;
        }
        let Ok(mut f) = z.by_index(i) else { continue };
        if f.is_dir() {
            continue;
        }
        let name = member_name(&f);
        let mut head = Vec::with_capacity(8192);
        let _ = (&mut f).take(8192).read_to_end(&mut head);
        if head.starts_with(b"PK") && f.size() <= MAX_NESTED_ZIP {
            // Read the whole member to see whether it is a package or an archive.
            let mut bytes = head;
            let _ = (&mut f).take(MAX_NESTED_ZIP).read_to_end(&mut bytes);
            match read::sniff(&bytes) {
                Format::Zip => {
                    let before = out.inputs.len();
                    let opened = open_zip(Cursor::new(&bytes[..]), MAX_ARCHIVE_DIRECTORY_BYTES);
                    let unreadable = opened.is_err();
                    if let Ok(mut inner) = opened {
                        for k in 0..inner.len() {
                            let Ok(mut g) = inner.by_index(k) else {
                                continue;
                            };
                            if g.is_dir() {
                                continue;
                            }
                            let inner_name = member_name(&g);
                            let mut ihead = Vec::new();
                            let _ = (&mut g).take(8192).read_to_end(&mut ihead);
                            // A zip a level deeper than we open is named
                            // too (its record says it was not read).
                            if is_document_head(&ihead)
                                || ihead.starts_with(b"PK")
                                || claims_supported(&inner_name)
                            {
                                out.inputs.push(Input {
                                    location: Location::Nested {
                                        archive: archive.to_path_buf(),
                                        outer: i,
                                        index: k,
                                    },
                                    display: format!("{display}!{name}!{inner_name}"),
                                    path_hex: None,
                                });
                            } else {
                                out.skip(format!("{display}!{name}!{inner_name}"));
                            }
                        }
                    }
                    // A member that is no readable zip, or whose name claims a
                    // format we read (a `.docx` that is an empty zip), and
                    // that gave no input, answers for itself.
                    if out.inputs.len() == before && (unreadable || claims_supported(&name)) {
                        out.inputs.push(member(i, &name));
                    }
                }
                Format::Unknown if !claims_supported(&name) => {
                    out.skip(format!("{display}!{name}"));
                }
                _ => out.inputs.push(member(i, &name)),
            }
        } else if is_document_head(&head) || claims_supported(&name) {
            out.inputs.push(member(i, &name));
        } else {
            out.skip(format!("{display}!{name}"));
        }
    }
}

/// Files are taken as named (a zip archive is opened); directories are
/// walked recursively (sorted, so runs are reproducible) and keep only
/// documents and archives.
/// How directories are walked.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Follow symbolic links (`-L`); loops are detected and reported once.
    pub follow_links: bool,
}

impl Inputs {
    fn skip(&mut self, what: String) {
        self.skipped += 1;
        if self.skipped_paths.len() < 100_000 {
            self.skipped_paths.push(what);
        }
    }
}

pub fn expand(paths: &[PathBuf], walk_opts: WalkOptions) -> Inputs {
    let mut out = Inputs::default();
    let mut seen_dirs: std::collections::HashSet<PathBuf> = Default::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out, walk_opts, &mut seen_dirs),
            // An archive named on the command line always answers: one
            // that holds no document gets a record of its own.
            Ok(m) if m.is_file() && file_is_archive(p) => {
                expand_archive_or_itself(p, &mut out, true)
            }
            // A file named explicitly is read whatever it is (a FIFO too);
            // one that does not exist or cannot be read gets a record that
            // says so (`not_found`, `unreadable`).
            _ => out.inputs.push(file_input(p)),
        }
    }
    out
}

/// Walks a directory: regular files only. Symbolic links are not followed
/// unless asked (then a link back into a directory already walked is a loop,
/// reported once); FIFOs, sockets and devices are skipped (opening a FIFO
/// would wait for a writer forever).
fn walk(
    dir: &Path,
    out: &mut Inputs,
    opts: WalkOptions,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        out.notes.push(format!(
            "{}: a symbolic-link loop; not walked again",
            dir.display()
        ));
        return;
    }
    let mut entries: Vec<(PathBuf, std::fs::FileType)> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .filter_map(|e| e.file_type().ok().map(|t| (e.path(), t)))
            .collect(),
        Err(e) => {
            out.missing.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, mut kind) in entries {
        if kind.is_symlink() {
            if !opts.follow_links {
                out.skip(format!("{} (symbolic link; -L follows)", p.display()));
                continue;
            }
            match std::fs::metadata(&p) {
                Ok(m) => kind = m.file_type(),
                Err(_) => {
                    out.skip(format!("{} (broken link)", p.display()));
                    continue;
                }
            }
        }
        if kind.is_dir() {
            walk(&p, out, opts, seen);
        } else if !kind.is_file() {
            out.skip(format!("{} (not a regular file)", p.display()));
        } else if file_is_archive(&p) {
            // A `.docx` (or `.zip`) holding nothing we read still gets its
            // record, as its name claims a format we read.
            let claims = claims_supported(&p.to_string_lossy());
            expand_archive_or_itself(&p, out, claims);
        } else if {
            let head = head_of(&p);
            is_document_head(&head) || head.starts_with(b"PK")
        } || claims_supported(&p.to_string_lossy())
        {
            out.inputs.push(file_input(&p));
        } else {
            out.skip(p.display().to_string());
        }
    }
}

/// Why a zip member cannot be read at all.
#[derive(Debug, Clone, Copy)]
enum MemberProblem {
    Encrypted,
    Compression,
}

impl std::fmt::Display for MemberProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MemberProblem::Encrypted => {
                "the archive member is password-protected (ZipCrypto or AES); extract it with its password first"
            }
            MemberProblem::Compression => {
                "the archive member is compressed with a method this build cannot read (only stored and deflate are built in); re-pack it as a plain zip"
            }
        })
    }
}

impl std::error::Error for MemberProblem {}

fn member_problem(f: &zip::read::ZipFile<'_, impl Read>) -> Option<MemberProblem> {
    use zip::CompressionMethod::{Deflated, Stored};
    if f.encrypted() {
        Some(MemberProblem::Encrypted)
    } else if !matches!(f.compression(), Stored | Deflated) {
        Some(MemberProblem::Compression)
    } else {
        None
    }
}

/// Runs `consume` on a member's inflated bytes, with the size its archive
/// states for it.
fn with_member<T>(
    z: &mut zip::ZipArchive<impl Read + std::io::Seek>,
    index: usize,
    consume: impl FnOnce(&mut dyn Read, u64) -> std::io::Result<T>,
) -> std::io::Result<T> {
    if let Some(problem) = z.by_index_raw(index).ok().and_then(|f| member_problem(&f)) {
        return Err(std::io::Error::other(problem));
    }
    let mut f = z.by_index(index).map_err(std::io::Error::other)?;
    // Room for the size the archive states, as far as its compressed bytes
    // could hold it (deflate packs at most ~1,032 to 1) and the limit: read
    // without it, a member is copied at each doubling (a document of one
    // 150 MB member peaked at 457 MB so, 171 MB with it).
    let stated = f.size().min(
        f.compressed_size()
            .saturating_mul(1032)
            .saturating_add(1024),
    );
    consume(&mut f, stated)
}

fn read_member(
    z: &mut zip::ZipArchive<impl Read + std::io::Seek>,
    index: usize,
    limit: u64,
) -> std::io::Result<Vec<u8>> {
    with_member(z, index, |r, stated| read_bounded(r, stated, limit))
}

/// Up to `limit` + 1 bytes of `r` (one more than the limit tells a caller
/// the input is over it), room made up front for the `expected` length
/// where the source states one: `take` hides a file's size from
/// `read_to_end`, which then grows its buffer by doubling and copying.
fn read_bounded(r: &mut dyn Read, expected: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    let room = usize::try_from(expected.min(limit.saturating_add(1))).unwrap_or(0);
    let mut buf = Vec::with_capacity(room);
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    Ok(buf)
}

/// A file's bytes as [`read_bounded`] reads them, its size from its
/// metadata (none for a pipe or a device: those grow as they are read).
fn read_file_bounded(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata().map_or(0, |m| m.len());
    read_bounded(&mut f, len, limit)
}

/// An archive a worker has open, kept for the members that follow: reading
/// its central directory again for each of 100,000 members would make a run
/// quadratic. Inputs come in archive order, so one per worker is enough.
struct OpenArchive {
    path: PathBuf,
    zip: zip::ZipArchive<Budgeted<std::fs::File>>,
    /// The nested zip last read from it: (outer member index, its archive).
    nested: Option<(usize, NestedZip)>,
}

/// A zip read whole from an archive's member.
type NestedZip = zip::ZipArchive<Budgeted<Cursor<Vec<u8>>>>;

thread_local! {
    static OPEN_ARCHIVE: std::cell::RefCell<Option<OpenArchive>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `f` on the archive at `path`, opened once per worker.
fn with_archive<T>(
    path: &Path,
    f: impl FnOnce(&mut OpenArchive) -> std::io::Result<T>,
) -> std::io::Result<T> {
    OPEN_ARCHIVE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|a| a.path != path) {
            let zip = open_zip(std::fs::File::open(path)?, MAX_ARCHIVE_DIRECTORY_BYTES)
                .map_err(std::io::Error::other)?;
            *slot = Some(OpenArchive {
                path: path.to_path_buf(),
                zip,
                nested: None,
            });
        }
        match slot.as_mut() {
            Some(a) => f(a),
            None => Err(std::io::Error::other("archive not open")),
        }
    })
}

/// The index of the member whose decoded name is `wanted`.
fn find_member(
    z: &mut zip::ZipArchive<impl Read + std::io::Seek>,
    wanted: &str,
) -> std::io::Result<usize> {
    (0..z.len())
        .find(|i| z.by_index_raw(*i).is_ok_and(|f| member_name(&f) == wanted))
        .ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::NotFound, format!("no member {wanted}"))
        })
}

/// The bytes of a document named as records name it: a file, or
/// `archive.zip!member` (and `archive.zip!inner.zip!member`, one level of
/// nesting), members matched by their decoded names.
pub fn read_named(name: &str, limit: u64) -> std::io::Result<Vec<u8>> {
    let path = Path::new(name);
    if path.exists() || !name.contains('!') {
        return read_file_bounded(path, limit);
    }
    let mut parts = name.split('!');
    let archive = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let mut z = open_zip(std::fs::File::open(archive)?, MAX_ARCHIVE_DIRECTORY_BYTES)
        .map_err(std::io::Error::other)?;

    match rest.as_slice() {
        [member] => {
            let i = find_member(&mut z, member)?;
            read_member(&mut z, i, limit)
        }
        [outer, member] => {
            let i = find_member(&mut z, outer)?;
            let bytes = read_member(&mut z, i, MAX_NESTED_ZIP)?;
            let mut inner = open_zip(Cursor::new(bytes), MAX_ARCHIVE_DIRECTORY_BYTES)
                .map_err(std::io::Error::other)?;
            let k = find_member(&mut inner, member)?;
            read_member(&mut inner, k, limit)
        }
        _ => Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{name}: archives are opened one level deep"),
        )),
    }
}

/// The bytes of an input, bounded by the input-size limit.
pub fn load(input: &Input, opts: &Options) -> std::io::Result<Vec<u8>> {
    let limit = opts.limits.max_input_bytes;
    open_input(input, |r, stated| read_bounded(r, stated, limit))
}

/// Runs `consume` on an input's bytes (a file's, or an archive member's
/// inflated), with the size its file system or archive states.
fn open_input<T>(
    input: &Input,
    consume: impl FnOnce(&mut dyn Read, u64) -> std::io::Result<T>,
) -> std::io::Result<T> {
    match &input.location {
        Location::File(p) => {
            let mut f = std::fs::File::open(p)?;
            let len = f.metadata().map_or(0, |m| m.len());
            consume(&mut f, len)
        }
        Location::Member { archive, index } => {
            with_archive(archive, |a| with_member(&mut a.zip, *index, consume))
        }
        Location::Nested {
            archive,
            outer,
            index,
        } => with_archive(archive, |a| {
            if a.nested.as_ref().is_none_or(|(o, _)| o != outer) {
                let outer_bytes = read_member(&mut a.zip, *outer, MAX_NESTED_ZIP)?;
                let inner = open_zip(Cursor::new(outer_bytes), MAX_ARCHIVE_DIRECTORY_BYTES)
                    .map_err(std::io::Error::other)?;
                a.nested = Some((*outer, inner));
            }
            match a.nested.as_mut() {
                Some((_, inner)) => with_member(inner, *index, consume),
                None => Err(std::io::Error::other("nested archive not open")),
            }
        }),
    }
}

/// Bytes of an input over the size limit read to hash it whole: a few
/// seconds of reading; past it (a zip bomb's member) its size and sha256
/// stay unknown.
const MAX_DIGESTED_BYTES: u64 = 4 << 30;

/// The size and sha256 of an input over the size limit, read as a stream
/// (never held whole), so that its record names the file and not its first
/// bytes; the sha256 is `None` past [`MAX_DIGESTED_BYTES`] or the
/// document's deadline, and for what is not a regular file (a pipe opened
/// again would wait for a writer).
fn whole_digest(input: &Input, opts: &Options) -> std::io::Result<(u64, Option<String>)> {
    use sha2::Digest;
    if let Location::File(p) = &input.location
        && !std::fs::metadata(p)?.is_file()
    {
        return Ok((0, None));
    }
    let deadline = read::Deadline::after(opts.limits.timeout);
    open_input(input, |r, _| {
        let mut hasher = sha2::Sha256::new();
        let mut buf = vec![0u8; 1 << 18];
        let mut seen = 0u64;
        loop {
            let n = r.read(&mut buf)?;
            if n == 0 {
                return Ok((seen, Some(crate::lower_hex(&hasher.finalize()))));
            }
            seen += n as u64;
            if seen > MAX_DIGESTED_BYTES || deadline.check().is_err() {
                return Ok((seen, None));
            }
            hasher.update(&buf[..n]);
        }
    })
}

/// The record of an input over the size limit (`prefix`: its first bytes,
/// as [`load`] read them): its whole size and sha256 where they could be
/// read, `too_large`.
fn over_limit_record(input: &Input, prefix: &[u8], opts: &Options) -> Record {
    let limit = opts.limits.max_input_bytes;
    let (size, sha256) = match whole_digest(input, opts) {
        Ok((size, Some(sha))) => (Some(size), sha),
        _ => (None, String::new()),
    };
    let mut source = Source::new(&input.display, read::sniff(prefix).as_str(), prefix, sha256);
    source.bytes = size.unwrap_or(0);
    let what = match size {
        Some(n) => format!("{n} bytes, over"),
        None => "over".to_string(),
    };
    Record::failed(
        source,
        "too_large",
        format!(
            "the file is {what} the {limit}-byte input limit (raise it with --max-input-bytes)"
        ),
    )
}

/// A worker's result for one input.
pub enum Outcome {
    Record(Box<Record>),
    /// Already in the output being resumed (same path and sha256).
    Done {
        sha256: String,
    },
}

/// Settings of one batch run.
pub struct RunOptions<'a> {
    pub jobs: usize,
    /// path → sha256 of records already written (for --resume).
    pub already: &'a HashMap<String, String>,
    /// The command to read documents in (`COMMAND… worker`: the govreport
    /// binary, or `python -m govreport`), one child process per worker
    /// thread; `None` reads them in this process.
    pub worker: Option<Vec<std::ffi::OsString>>,
}

fn io_failure(input: &Input, e: std::io::Error) -> Record {
    read_failure(&input.display, input.path_hex.clone(), e)
}

/// The record of a document that could not be read from disk or from its
/// archive: `not_found`, `unreadable`, `encrypted` (an encrypted member),
/// `unsupported_format` (a compression method not built in) or `corrupt`.
pub fn read_failure(display: &str, path_hex: Option<String>, e: std::io::Error) -> Record {
    let source = Source {
        path: display.to_string(),
        format: "unknown".into(),
        sha256: String::new(),
        bytes: 0,
        path_hex,
        tool: crate::record::tool(),
    };
    match e.get_ref().and_then(|r| r.downcast_ref::<MemberProblem>()) {
        Some(p @ MemberProblem::Encrypted) => Record::failed(source, "encrypted", p.to_string()),
        Some(p @ MemberProblem::Compression) => {
            Record::failed(source, "unsupported_format", p.to_string())
        }
        None => match e.kind() {
            std::io::ErrorKind::NotFound => {
                Record::failed(source, "not_found", format!("no such file: {e}"))
            }
            std::io::ErrorKind::PermissionDenied => Record::failed(
                source,
                "unreadable",
                format!("the operating system refuses to read it: {e}"),
            ),
            std::io::ErrorKind::IsADirectory => {
                Record::failed(source, "unreadable", format!("not a file: {e}"))
            }
            _ => Record::failed(
                source,
                "corrupt",
                format!("the file could not be read: {e}"),
            ),
        },
    }
}

/// What makes two records the same report (an HTML page and its PDF
/// attachment): agency, year and every table value. None for a record
/// with an error or without the tables to compare.
fn same_report_key(r: &Record) -> Option<String> {
    if r.error.is_some() || r.agency.is_none() || r.year.is_none() {
        return None;
    }
    let tables = [&r.active_disclosure, &r.applications, &r.reviews_litigation];
    if tables.iter().all(|t| t.is_none()) {
        return None;
    }
    serde_json::to_string(&(&r.agency, r.year, tables)).ok()
}

/// A record for a document already extracted in this run (same sha256):
/// its source and `duplicate_of`, nothing extracted again.
fn duplicate_record(input: &Input, bytes: &[u8], sha: String, first: &str) -> Record {
    let source = Source::new(&input.display, read::sniff(bytes).as_str(), bytes, sha);
    Record {
        duplicate_of: Some(first.to_string()),
        ..Record::bare(source)
    }
}

/// Runs `inputs` on `jobs` threads and calls `sink` with each outcome in
/// input order; `sink` returns false to stop the run (a closed output).
/// At most `jobs * 4` finished records wait for an earlier one.
/// A document whose sha256 an earlier input already had is not extracted
/// again: its record carries `duplicate_of`.
pub fn run(
    inputs: &[Input],
    opts: &Options,
    run: &RunOptions<'_>,
    mut sink: impl FnMut(&Input, Outcome) -> bool,
) {
    let jobs = run.jobs.max(1);
    let window = jobs * 4;
    let next = AtomicUsize::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let written = Mutex::new(0usize);
    let room = Condvar::new();
    // sha256 → (lowest input index seen, its path); decided in input order below.
    let seen: Mutex<HashMap<String, usize>> = Mutex::new(HashMap::new());
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|s| {
        for _ in 0..jobs.min(inputs.len().max(1)) {
            let tx = tx.clone();
            let (next, written, room, seen, stop) = (&next, &written, &room, &seen, &stop);
            s.spawn(move || {
                let mut child = run.worker.as_deref().map(crate::worker::Worker::new);
                loop {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(input) = inputs.get(i) else { break };
                    {
                        let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *w + window && !stop.load(Ordering::SeqCst) {
                            w = room.wait(w).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    let mut outcome = match load(input, opts) {
                        Err(e) => Outcome::Record(Box::new(io_failure(input, e))),
                        Ok(bytes) if bytes.len() as u64 > opts.limits.max_input_bytes => {
                            let r = over_limit_record(input, &bytes, opts);
                            if !r.source.sha256.is_empty()
                                && run.already.get(&input.display) == Some(&r.source.sha256)
                            {
                                Outcome::Done {
                                    sha256: r.source.sha256,
                                }
                            } else {
                                Outcome::Record(Box::new(r))
                            }
                        }
                        Ok(bytes) => {
                            let sha = sha256_hex(&bytes);
                            if run.already.get(&input.display) == Some(&sha) {
                                Outcome::Done { sha256: sha }
                            } else {
                                let earlier = {
                                    let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
                                    let first = seen.entry(sha.clone()).or_insert(i);
                                    if i < *first {
                                        *first = i;
                                    }
                                    (*first != i).then_some(*first)
                                };
                                match earlier {
                                    Some(j) => Outcome::Record(Box::new(duplicate_record(
                                        input,
                                        &bytes,
                                        sha,
                                        &inputs[j].display,
                                    ))),
                                    None => Outcome::Record(Box::new(match child.as_mut() {
                                        Some(w) => w.extract(&bytes, &input.display, &sha, opts),
                                        None => extract_hashed(
                                            &bytes,
                                            &input.display,
                                            sha.clone(),
                                            opts,
                                        ),
                                    })),
                                }
                            }
                        }
                    };
                    if let Outcome::Record(r) = &mut outcome {
                        r.source.path_hex.clone_from(&input.path_hex);
                    }
                    if tx.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut first_by_hash: HashMap<String, String> = HashMap::new();
        // (agency, year, tables) of each report seen → its first path.
        let mut first_by_content: HashMap<String, String> = HashMap::new();
        let mut expect = 0usize;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(mut outcome) = pending.remove(&expect) {
                // Workers race; "first" is decided here, in input order.
                if let Outcome::Done { sha256 } = &outcome {
                    first_by_hash
                        .entry(sha256.clone())
                        .or_insert_with(|| inputs[expect].display.clone());
                }
                if let Outcome::Record(r) = &mut outcome
                    && !r.source.sha256.is_empty()
                {
                    match first_by_hash.get(&r.source.sha256) {
                        // A copy two workers both extracted (they race on
                        // the first sighting) gets the duplicate's shape.
                        Some(first) => {
                            **r = Record {
                                duplicate_of: Some(first.clone()),
                                ..Record::bare(r.source.clone())
                            };
                        }
                        None => {
                            r.duplicate_of = None;
                            first_by_hash.insert(r.source.sha256.clone(), r.source.path.clone());
                        }
                    }
                }
                if let Outcome::Record(r) = &mut outcome
                    && r.duplicate_of.is_none()
                    && let Some(key) = same_report_key(r)
                {
                    match first_by_content.get(&key) {
                        Some(first) => r.same_report_as = Some(first.clone()),
                        None => {
                            first_by_content.insert(key, r.source.path.clone());
                        }
                    }
                }
                let go_on = sink(&inputs[expect], outcome);
                expect += 1;
                *written.lock().unwrap_or_else(|e| e.into_inner()) = expect;
                if !go_on {
                    stop.store(true, Ordering::SeqCst);
                    room.notify_all();
                    return;
                }
                room.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A file is read into a buffer made once at its length, not doubled
    /// and copied as it fills (a 199 MB PDF peaked at 490 MB so), and a
    /// file over the limit reads one byte past it.
    #[test]
    fn large_inputs_are_read_into_one_buffer_of_their_size() {
        let mut f = tempfile::NamedTempFile::new().expect("temp file");
        let body: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        f.write_all(&body).expect("write");
        let read = read_file_bounded(f.path(), 1 << 20).expect("read");
        assert_eq!(read, body);
        assert_eq!(read.capacity(), body.len());
        let over = read_file_bounded(f.path(), 1000).expect("read");
        assert_eq!(over.len(), 1001);
        assert!(over.capacity() <= 1001 + 32, "{}", over.capacity());

        let mut zip_bytes = Vec::new();
        {
            let mut z = zip::ZipWriter::new(Cursor::new(&mut zip_bytes));
            let deflated = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            z.start_file("big.pdf", deflated).expect("member");
            z.write_all(&body).expect("member bytes");
            z.finish().expect("zip");
        }
        let mut z = zip::ZipArchive::new(Cursor::new(&zip_bytes[..])).expect("zip");
        let member = read_member(&mut z, 0, 1 << 20).expect("member");
        assert_eq!(member, body);
        assert_eq!(member.capacity(), body.len());
    }

    /// A member stating a size its compressed bytes could not hold gets no
    /// more room than they could: the statement is a number in the input.
    #[test]
    fn a_members_stated_size_is_bounded_by_its_compressed_bytes() {
        let mut zip_bytes = Vec::new();
        {
            let mut z = zip::ZipWriter::new(Cursor::new(&mut zip_bytes));
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            z.start_file("a.pdf", stored).expect("member");
            z.write_all(b"%PDF-1.4 tiny").expect("member bytes");
            z.finish().expect("zip");
        }
        // The central directory's uncompressed size (at offset 24 of its
        // entry) rewritten to 150 MB.
        let cd = zip_bytes
            .windows(4)
            .rposition(|w| w == b"PK\x01\x02")
            .expect("central directory");
        zip_bytes[cd + 24..cd + 28].copy_from_slice(&150_000_000u32.to_le_bytes());
        let mut z = zip::ZipArchive::new(Cursor::new(&zip_bytes[..])).expect("zip");
        assert_eq!(z.by_index(0).expect("member").size(), 150_000_000);
        let room = z
            .by_index(0)
            .map(|f| {
                f.compressed_size()
                    .saturating_mul(1032)
                    .saturating_add(1024)
            })
            .expect("member");
        let member = read_member(&mut z, 0, 200 << 20).expect("member");
        assert_eq!(member, b"%PDF-1.4 tiny");
        assert!(member.capacity() as u64 <= room, "{}", member.capacity());
        assert!(room < 20_000, "{room}");
    }
}
