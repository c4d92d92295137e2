//! Streams compressed with /FlateDecode alone, inflated by one decoder per
//! thread that is reset for each stream: a Chromium print holds over a
//! hundred small ToUnicode CMaps, and setting up a new decoder (its state
//! and 32 KB window allocated and cleared) cost as much as inflating one.
//!
//! Only a stream that inflates cleanly to its end is read here; anything
//! else (other filters, predictors, a corrupt or truncated stream, output
//! over the limit) gives None, and the caller reads it through lopdf, with
//! its repairs, exactly as before.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Object, Stream};
use std::cell::RefCell;

thread_local! {
    static DECODER: RefCell<Option<Decompress>> = const { RefCell::new(None) };
}

/// The stream's bytes, when its only filter is /FlateDecode without
/// /DecodeParms and it inflates to its end within `limit` bytes.
pub fn flate_only(s: &Stream, limit: usize) -> Option<Vec<u8>> {
    let flate = |o: &Object| matches!(o, Object::Name(n) if n.as_slice() == b"FlateDecode");
    let single = match s.dict.get(b"Filter").ok()? {
        Object::Array(a) => a.len() == 1 && flate(&a[0]),
        o => flate(o),
    };
    if !single || s.dict.get(b"DecodeParms").is_ok() || s.content.is_empty() {
        return None;
    }
    DECODER.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        let d = cell.get_or_insert_with(|| Decompress::new(true));
        d.reset(true);
        inflate(d, &s.content, limit)
    })
}

fn inflate(d: &mut Decompress, input: &[u8], limit: usize) -> Option<Vec<u8>> {
    // Room for a typical ratio up front, never past the limit.
    let mut out = Vec::with_capacity(
        input
            .len()
            .saturating_mul(4)
            .max(256)
            .min(limit.saturating_add(1)),
    );
    loop {
        let read = usize::try_from(d.total_in()).ok()?;
        let (written, consumed) = (out.len(), read);
        let status = d
            .decompress_vec(input.get(read..)?, &mut out, FlushDecompress::Finish)
            .ok()?;
        if out.len() > limit {
            return None;
        }
        match status {
            Status::StreamEnd => return Some(out),
            Status::Ok | Status::BufError => {
                let progressed =
                    out.len() > written || usize::try_from(d.total_in()).ok()? > consumed;
                if out.len() == out.capacity() {
                    // Out of room: grow (bounded by the limit checked above).
                    let more = out
                        .capacity()
                        .min(limit.saturating_add(1) - out.len())
                        .max(1);
                    out.reserve(more);
                } else if !progressed {
                    // The input ended before the stream did.
                    return None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;

    fn stream(filter: Object, content: Vec<u8>) -> Stream {
        let mut d = Dictionary::new();
        d.set("Filter", filter);
        Stream::new(d, content).with_compression(false)
    }

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut e, data).unwrap();
        e.finish().unwrap()
    }

    /// What it reads is what lopdf reads; what it declines, lopdf reads.
    #[test]
    fn reads_as_lopdf_or_declines() {
        let text: Vec<u8> = (0..50_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let z = deflated(&text);
        let cases = [
            stream(Object::Name(b"FlateDecode".to_vec()), z.clone()),
            stream(
                Object::Array(vec![Object::Name(b"FlateDecode".to_vec())]),
                z.clone(),
            ),
            stream(
                Object::Name(b"FlateDecode".to_vec()),
                z[..z.len() / 2].to_vec(),
            ),
            stream(Object::Name(b"FlateDecode".to_vec()), b"not zlib".to_vec()),
            stream(Object::Name(b"ASCIIHexDecode".to_vec()), b"4142>".to_vec()),
        ];
        for (i, s) in cases.iter().enumerate() {
            // Twice: the decoder is reused.
            for _ in 0..2 {
                match flate_only(s, 1 << 20) {
                    Some(bytes) => {
                        assert!(i < 2, "case {i} should be declined");
                        assert_eq!(bytes, s.decompressed_content_with_limit(1 << 20).unwrap());
                        assert_eq!(bytes, text);
                    }
                    None => assert!(i >= 2, "case {i} should be read"),
                }
            }
        }
        // Over the limit, however small: declined (lopdf refuses it too).
        for limit in [0, 10, 1000] {
            assert!(flate_only(&cases[0], limit).is_none());
            assert!(cases[0].decompressed_content_with_limit(limit).is_err());
        }
        // A stream that fits a small limit exactly.
        let small = stream(Object::Name(b"FlateDecode".to_vec()), deflated(b"BT ET"));
        assert_eq!(flate_only(&small, 5).as_deref(), Some(&b"BT ET"[..]));
        assert!(flate_only(&small, 4).is_none());
    }
}
