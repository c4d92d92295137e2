//! Deflate decoders kept one per thread and reset for each stream: setting
//! one up (its state and 32 KB window allocated and cleared) costs as much
//! as inflating a small stream, and a document holds many (a Chromium
//! print's hundred ToUnicode CMaps, a DOCX package's parts).

use flate2::Decompress;
use std::cell::RefCell;

thread_local! {
    static ZLIB: RefCell<Option<Decompress>> = const { RefCell::new(None) };
    static RAW: RefCell<Option<Decompress>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's decoder, reset: for zlib-wrapped streams
/// (PDF) with `zlib_header`, raw deflate (zip members) without. None when
/// the decoder is already in use on this thread (never, as callers do not
/// nest) or `f` gives None.
pub fn with_decoder<T>(
    zlib_header: bool,
    f: impl FnOnce(&mut Decompress) -> Option<T>,
) -> Option<T> {
    let key = if zlib_header { &ZLIB } else { &RAW };
    key.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        let d = cell.get_or_insert_with(|| Decompress::new(zlib_header));
        d.reset(zlib_header);
        f(d)
    })
}
