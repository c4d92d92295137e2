//! Zip containers (OOXML and OFD packages, and archives of documents) read
//! within limits: opening one lists at most a budget of its directory, and
//! a member is inflated only up to its size limit and compression ratio, so
//! a zip bomb stops early.

use super::{Format, Limits, ReadError};
use std::borrow::Cow;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// An open package: its zip directory, and the bytes it was read from (a
/// deflated member is inflated straight from them, see [`read_text`]).
pub struct Archive<'a> {
    zip: zip::ZipArchive<Budgeted<Cursor<&'a [u8]>>>,
    bytes: &'a [u8],
}

impl Archive<'_> {
    pub fn index_for_name(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name)
    }

    pub fn file_names(&self) -> impl Iterator<Item = zip::result::ZipResult<Cow<'_, str>>> {
        self.zip.file_names()
    }
}

/// Most bytes opening an archive of documents may read (its end records
/// and its central directory, which the zip crate lists whole, at up to
/// some 18 times its directory's size in memory): 1 million empty members
/// (a 96 MB file) took 356 MB to list, and are refused at 290 MB. An
/// archive of 100,000 members named in 60 bytes has a directory of 11 MB
/// (103 MB listed).
pub const MAX_ARCHIVE_DIRECTORY_BYTES: u64 = 16 << 20;

/// The same for one document's package (a DOCX or OFD has tens of members,
/// a few hundred with images: a few KB of directory).
pub const MAX_PACKAGE_DIRECTORY_BYTES: u64 = 4 << 20;

/// A reader that fails once more than its budget has been read, while a zip
/// is opened; the budget is lifted once it is open (through the shared
/// counter: the archive owns the reader from then on).
pub struct Budgeted<R> {
    inner: R,
    left: Arc<AtomicU64>,
    budget: u64,
}

/// The error a [`Budgeted`] reader fails with: the budget it had.
#[derive(Debug)]
pub struct DirectoryTooLarge(u64);

impl std::fmt::Display for DirectoryTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the zip's directory is over {} MB (hundreds of thousands of members or more); unzip it and read the folder",
            self.0 >> 20
        )
    }
}

impl std::error::Error for DirectoryTooLarge {}

impl<R> Budgeted<R> {
    /// Charges `n` bytes read to the budget, while there is one.
    fn spend(&self, n: usize) -> std::io::Result<()> {
        let left = self.left.load(Ordering::Relaxed);
        if left != u64::MAX {
            let spent = u64::try_from(n).unwrap_or(u64::MAX);
            if spent > left {
                return Err(std::io::Error::other(DirectoryTooLarge(self.budget)));
            }
            self.left.store(left - spent, Ordering::Relaxed);
        }
        Ok(())
    }
}

// `read_exact` and `stream_position` are passed on too: the zip crate calls
// them for every header, and a slice cursor answers them directly.
impl<R: Read> Read for Budgeted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.spend(n)?;
        Ok(n)
    }

    fn read_exact(&mut self, buf: &mut [u8]) -> std::io::Result<()> {
        self.inner.read_exact(buf)?;
        self.spend(buf.len())
    }
}

impl<R: Seek> Seek for Budgeted<R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }

    fn stream_position(&mut self) -> std::io::Result<u64> {
        self.inner.stream_position()
    }
}

/// Opens a zip reading at most `budget` bytes to list it.
pub fn open_zip<R: Read + Seek>(
    r: R,
    budget: u64,
) -> zip::result::ZipResult<zip::ZipArchive<Budgeted<R>>> {
    let left = Arc::new(AtomicU64::new(budget));
    let z = zip::ZipArchive::new(Budgeted {
        inner: r,
        left: Arc::clone(&left),
        budget,
    })?;
    left.store(u64::MAX, Ordering::Relaxed);
    Ok(z)
}

/// The budget a zip's opening ran out of, if that is why it failed.
pub fn directory_too_large(e: &zip::result::ZipError) -> Option<&DirectoryTooLarge> {
    match e {
        zip::result::ZipError::Io(io) => io.get_ref()?.downcast_ref::<DirectoryTooLarge>(),
        _ => None,
    }
}

pub fn sniff_zip(bytes: &[u8]) -> Format {
    let zip = match open_zip(Cursor::new(bytes), MAX_PACKAGE_DIRECTORY_BYTES) {
        Ok(zip) => zip,
        // Too many members for a document's package: an archive.
        Err(e) if directory_too_large(&e).is_some() => return Format::Zip,
        // A zip whose directory cannot be read is most often a truncated
        // download of a document; the DOCX reader reports it as corrupt.
        Err(_) => return Format::Docx,
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    if names.iter().any(|n| n.starts_with("word/")) {
        Format::Docx
    } else if names.iter().any(|n| n.eq_ignore_ascii_case("OFD.xml")) {
        Format::Ofd
    } else {
        Format::Zip
    }
}

pub fn open(bytes: &[u8]) -> Result<Archive<'_>, ReadError> {
    let zip = open_zip(Cursor::new(bytes), MAX_PACKAGE_DIRECTORY_BYTES).map_err(|e| {
        if let Some(d) = directory_too_large(&e) {
            ReadError::TooLarge(d.to_string())
        } else {
            ReadError::Corrupt(format!(
                "the file is not a readable zip package ({e}); it may be truncated — download it again"
            ))
        }
    })?;
    Ok(Archive { zip, bytes })
}

/// Running total of inflated bytes for one container.
#[derive(Default)]
pub struct Budget {
    used: u64,
}

impl Budget {
    /// Most bytes the next member may inflate to: the member limit, or
    /// what the container's total leaves.
    fn room(&self, limits: &Limits) -> u64 {
        limits
            .max_member_bytes
            .min(limits.max_total_unzipped.saturating_sub(self.used))
    }
}

/// Reads a member as XML bytes in UTF-8 (UTF-16 with a BOM is converted).
/// The bytes are not validated here: the XML parser checks each piece it
/// reads. `Ok(None)` when the member does not exist.
pub fn read_text(
    zip: &mut Archive<'_>,
    name: &str,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Option<Vec<u8>>, ReadError> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let buf = match inflate_whole(zip, index, limits, budget) {
        Some(buf) => buf,
        None => read_through_reader(zip, index, name, limits, budget)?,
    };
    budget.used += buf.len() as u64;
    Ok(Some(decode_xml_bytes(buf)))
}

/// Member `index` read through the zip crate's reader, within the limits.
fn read_through_reader(
    zip: &mut Archive<'_>,
    index: usize,
    name: &str,
    limits: &Limits,
    budget: &Budget,
) -> Result<Vec<u8>, ReadError> {
    let mut file = zip.zip.by_index(index).map_err(|e| {
        if matches!(e, zip::result::ZipError::UnsupportedArchive(m) if m.contains("assword")) {
            ReadError::Encrypted(format!("the part {name} is encrypted"))
        } else {
            ReadError::Corrupt(format!("the part {name} cannot be read ({e})"))
        }
    })?;
    if file.encrypted() {
        return Err(ReadError::Encrypted(format!(
            "the part {name} is encrypted"
        )));
    }
    let declared = file.size();
    let compressed = file.compressed_size().max(1);
    let too_large = |what: String| ReadError::TooLarge(what);
    if declared > limits.max_member_bytes {
        return Err(too_large(format!(
            "the part {name} inflates to {declared} bytes, over the {}-byte member limit",
            limits.max_member_bytes
        )));
    }
    if declared / compressed > limits.max_compression_ratio && declared > 1024 * 1024 {
        return Err(too_large(format!(
            "the part {name} has a compression ratio of {}:1, which looks like a zip bomb",
            declared / compressed
        )));
    }
    let cap = budget.room(limits);
    let mut buf = Vec::with_capacity(declared.min(cap) as usize);
    // Never trust the declared size: read at most cap + 1 bytes.
    (&mut file)
        .take(cap + 1)
        .read_to_end(&mut buf)
        .map_err(|e| {
            ReadError::Corrupt(format!(
                "the part {name} is damaged ({e}); the file may be truncated"
            ))
        })?;
    if buf.len() as u64 > cap {
        return Err(too_large(format!(
            "the part {name} inflates past the limit of {cap} bytes; it looks like a zip bomb"
        )));
    }
    Ok(buf)
}

/// A deflated member that inflates cleanly from the package's bytes to
/// exactly its declared size, within the limits, its CRC-32 matching: the
/// bytes the zip crate's reader gives, inflated in one call
/// (`read::decoder`) instead of streamed through its reader. Anything
/// else (stored, encrypted, damaged, over a limit, a size or CRC that does
/// not match) is None, and [`read_text`] reads the member as before, with
/// the same result or error.
fn inflate_whole(
    zip: &mut Archive<'_>,
    index: usize,
    limits: &Limits,
    budget: &Budget,
) -> Option<Vec<u8>> {
    let file = zip.zip.by_index_raw(index).ok()?;
    if file.encrypted() || file.compression() != zip::CompressionMethod::Deflated {
        return None;
    }
    let (declared, compressed) = (file.size(), file.compressed_size());
    let cap = budget.room(limits);
    // (The size and ratio checks of `read_through_reader`, which reports them.)
    if declared > cap
        || (declared / compressed.max(1) > limits.max_compression_ratio && declared > 1024 * 1024)
    {
        return None;
    }
    let start = usize::try_from(file.data_start()?).ok()?;
    let end = start.checked_add(usize::try_from(compressed).ok()?)?;
    let input = zip.bytes.get(start..end)?;
    let crc = file.crc32();
    // The member inflates to its declared size, or it is not what its
    // directory says.
    let out = super::decoder::inflate_raw_exact(input, usize::try_from(declared).ok()?)?;
    (crc32fast::hash(&out) == crc).then_some(out)
}

fn decode_xml_bytes(mut buf: Vec<u8>) -> Vec<u8> {
    if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
        let le = buf[0] == 0xFF;
        let units: Vec<u16> = buf[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return String::from_utf16_lossy(&units).into_bytes();
    }
    if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
        buf.drain(..3);
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(members: usize, member_bytes: usize) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..members {
            z.start_file(format!("m{i}.txt"), stored).unwrap();
            z.write_all(&vec![b'x'; member_bytes]).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// A member inflated from the package's bytes is, byte for byte, what
    /// the zip crate's reader gives; whatever that reader would refuse or
    /// read otherwise (a damaged stream, a wrong CRC or size, a stored or
    /// truncated member, one over a limit) is left to it, so the same error
    /// follows. Checked over packages with their bytes changed at random.
    #[test]
    fn members_inflated_from_the_package_bytes_are_the_readers() {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let stored = deflated.compression_method(zip::CompressionMethod::Stored);
        let text: Vec<u8> = (0..40_000u32)
            .flat_map(|i| format!("<w:t>{}</w:t>", i * 7 % 1000).into_bytes())
            .collect();
        z.start_file("word/document.xml", deflated).unwrap();
        z.write_all(&text).unwrap();
        z.start_file("word/styles.xml", deflated).unwrap();
        z.write_all(b"<w:styles/>").unwrap();
        z.start_file("word/empty.xml", deflated).unwrap();
        z.start_file("word/stored.xml", stored).unwrap();
        z.write_all(b"<stored/>").unwrap();
        let package = z.finish().unwrap().into_inner();
        let names = [
            "word/document.xml",
            "word/styles.xml",
            "word/empty.xml",
            "word/stored.xml",
        ];
        let small = Limits {
            max_member_bytes: 100_000,
            ..Limits::default()
        };
        let (mut seed, mut fast, mut agreed_errors) = (0x2545_f491_u64, 0, 0);
        for round in 0..400 {
            let mut bytes = package.clone();
            // The first round reads the package as written; then one to
            // three bytes anywhere are changed.
            for _ in 0..if round == 0 { 0 } else { 1 + seed % 3 } {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed >> 8) as usize % bytes.len();
                bytes[at] ^= 1 << (seed % 8);
            }
            let Ok(mut zip) = open(&bytes) else { continue };
            for name in names {
                let Some(index) = zip.index_for_name(name) else {
                    continue;
                };
                for limits in [&Limits::default(), &small] {
                    let budget = Budget::default();
                    let slow = read_through_reader(&mut zip, index, name, limits, &budget);
                    match inflate_whole(&mut zip, index, limits, &budget) {
                        Some(out) => {
                            fast += 1;
                            assert_eq!(Some(&out), slow.as_ref().ok(), "{name} round {round}");
                            if round == 0 && name == "word/document.xml" {
                                assert_eq!(out, text);
                            }
                        }
                        None => agreed_errors += usize::from(slow.is_err()),
                    }
                }
            }
        }
        assert!(fast > 400 && agreed_errors > 20, "{fast} {agreed_errors}");
    }

    /// Opening reads no more than its budget (the directory of 2,000
    /// members is some 100 KB); once open, members of any size are read.
    #[test]
    fn opening_a_zip_is_bounded_and_reading_it_is_not() {
        let many = zip_of(2_000, 0);
        let e = open_zip(Cursor::new(&many[..]), 16 << 10).err().unwrap();
        assert_eq!(directory_too_large(&e).map(|d| d.0), Some(16 << 10));
        assert_eq!(
            open_zip(Cursor::new(&many[..]), 1 << 20).unwrap().len(),
            2_000
        );
        let big = zip_of(1, 200_000);
        let mut z = open_zip(Cursor::new(&big[..]), 16 << 10).unwrap();
        let mut out = Vec::new();
        z.by_index(0).unwrap().read_to_end(&mut out).unwrap();
        assert_eq!(out.len(), 200_000);
        // A package of too many members is an archive, refused as such.
        assert_eq!(sniff_zip(&zip_of(100_000, 0)), Format::Zip);
        assert!(matches!(
            open(&zip_of(100_000, 0)),
            Err(ReadError::TooLarge(_))
        ));
    }
}
