//! Zip containers (OOXML packages) read within limits: a member is inflated
//! only up to its size limit and compression ratio, so a zip bomb stops early.

use super::{Format, Limits, ReadError};
use std::io::{Cursor, Read};

pub type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

pub fn sniff_zip(bytes: &[u8]) -> Format {
    let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // A zip whose directory cannot be read is most often a truncated
        // download of a document; the DOCX reader reports it as corrupt.
        return Format::Docx;
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
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::Corrupt(format!(
            "the file is not a readable zip package ({e}); it may be truncated — download it again"
        ))
    })
}

/// Running total of inflated bytes for one container.
#[derive(Default)]
pub struct Budget {
    used: u64,
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
    let mut file = zip.by_index(index).map_err(|e| {
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
    let cap = limits
        .max_member_bytes
        .min(limits.max_total_unzipped.saturating_sub(budget.used));
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
    budget.used += buf.len() as u64;
    Ok(Some(decode_xml_bytes(buf)))
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
