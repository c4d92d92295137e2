//! Deflate data inflated whole, in one call, by libdeflate: PDF streams
//! (zlib-wrapped) and zip members (raw). A whole-buffer decoder needs no
//! streaming state and decodes ~1.7× as fast as zlib's streaming one on
//! these streams (README, Dependencies). One decompressor is kept per thread: a
//! document holds many streams (a Chromium print's hundred ToUnicode
//! CMaps, a package's parts).
//!
//! Only data that decodes cleanly to its end comes out; anything else is
//! None, and the callers read it as before, through lopdf's or the zip
//! crate's readers, with their repairs and errors.

use libdeflater::{DecompressionError, Decompressor};
use std::cell::RefCell;

thread_local! {
    static DECOMPRESSOR: RefCell<Option<Decompressor>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's decompressor. None when it is already in
/// use on this thread (never: callers do not nest).
fn with_decompressor<T>(f: impl FnOnce(&mut Decompressor) -> Option<T>) -> Option<T> {
    DECOMPRESSOR.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        f(cell.get_or_insert_with(Decompressor::new))
    })
}

/// Raw deflate data `input` inflated to exactly `size` bytes (a zip
/// member's declared size): None when it decodes to more or fewer, or not
/// cleanly.
pub fn inflate_raw_exact(input: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut out = vec![0u8; size];
    let n = with_decompressor(|d| d.deflate_decompress(input, &mut out).ok())?;
    (n == size).then_some(out)
}

/// The first room tried for a stream of unknown size: most content streams
/// and CMaps inflate to 2–9× their size. Never more than this up front (a
/// larger stream is retried with more room).
const FIRST_ROOM_RATIO: usize = 12;
const MIN_FIRST_ROOM: usize = 4 << 10;
const MAX_FIRST_ROOM: usize = 4 << 20;

/// Zlib-wrapped data `input` inflated, when it decodes cleanly to its end
/// within `limit` bytes. The room is a guess from the input's size, made
/// four times larger while too small (up to one byte past the limit:
/// output that fills it is over the limit).
pub fn inflate_zlib_within(input: &[u8], limit: usize) -> Option<Vec<u8>> {
    let most = limit.saturating_add(1);
    let mut room = input
        .len()
        .saturating_mul(FIRST_ROOM_RATIO)
        .clamp(MIN_FIRST_ROOM, MAX_FIRST_ROOM)
        .min(most);
    with_decompressor(|d| {
        loop {
            let mut out = vec![0u8; room];
            match d.zlib_decompress(input, &mut out) {
                Ok(n) if n <= limit => {
                    out.truncate(n);
                    return Some(out);
                }
                Err(DecompressionError::InsufficientSpace) if room < most => {
                    room = room.saturating_mul(4).min(most);
                }
                _ => return None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn raw(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// What zlib's streaming decoder gives a stream it reads to its end
    /// (StreamEnd), as the PDF reader used it before: None otherwise.
    fn zlib_reference(input: &[u8]) -> Option<Vec<u8>> {
        let mut d = flate2::Decompress::new(true);
        let mut out = Vec::with_capacity(1 << 16);
        loop {
            let read = usize::try_from(d.total_in()).ok()?;
            let before = out.len();
            let status = d
                .decompress_vec(&input[read..], &mut out, flate2::FlushDecompress::Finish)
                .ok()?;
            match status {
                flate2::Status::StreamEnd => return Some(out),
                _ if out.len() == out.capacity() => out.reserve(out.capacity()),
                _ if out.len() == before && usize::try_from(d.total_in()).ok()? == read => {
                    return None;
                }
                _ => {}
            }
        }
    }

    #[test]
    fn a_stream_far_larger_than_the_first_room_is_read_whole() {
        // 2 MB of one byte deflate to a few KB: past the first room and
        // its first enlargement.
        let data = vec![b'x'; 2 << 20];
        let z = zlib(&data);
        assert!(z.len() * FIRST_ROOM_RATIO < data.len());
        assert_eq!(inflate_zlib_within(&z, 4 << 20), Some(data));
    }

    #[test]
    fn output_over_the_limit_is_none_and_up_to_it_is_read() {
        let data: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let z = zlib(&data);
        assert_eq!(inflate_zlib_within(&z, data.len()), Some(data.clone()));
        assert_eq!(inflate_zlib_within(&z, data.len() - 1), None);
        assert_eq!(inflate_zlib_within(&z, 0), None);
        assert_eq!(inflate_zlib_within(&zlib(b""), 0), Some(Vec::new()));
    }

    #[test]
    fn a_member_is_read_only_at_its_declared_size() {
        let data = b"<w:document>".repeat(1000);
        let r = raw(&data);
        assert_eq!(inflate_raw_exact(&r, data.len()), Some(data.clone()));
        assert_eq!(inflate_raw_exact(&r, data.len() - 1), None);
        assert_eq!(inflate_raw_exact(&r, data.len() + 1), None);
        assert_eq!(inflate_raw_exact(&r[..r.len() / 2], data.len()), None);
    }

    /// Damaged streams read as zlib reads them to their end, and a stream
    /// zlib cannot end cleanly gives None (the callers then read it as
    /// before).
    #[test]
    fn damaged_streams_read_as_zlib_reads_them_or_not_at_all() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("BT /F1 12 Tf {} 700 Td ({i}) Tj ET\n", i % 500).into_bytes())
            .collect();
        let z = zlib(&text);
        let mut rng = crate::test_rng::Xorshift(0x2545_f491);
        let mut next = |n: usize| rng.below(n);
        let mut read = 0;
        for _ in 0..400 {
            let mut damaged = z.clone();
            match next(3) {
                0 => damaged.truncate(next(z.len())),
                1 => {
                    let at = next(z.len());
                    damaged[at] ^= 1 << next(8);
                }
                _ => {
                    let at = next(z.len());
                    damaged[at] = next(256) as u8;
                }
            }
            let ours = inflate_zlib_within(&damaged, 1 << 24);
            assert_eq!(ours, zlib_reference(&damaged), "{damaged:?}");
            read += usize::from(ours.is_some());
        }
        // (Some damage leaves a stream readable: bytes after its end, a
        // bit of a stored length's complement.)
        assert!(read < 400, "{read}");
    }
}
