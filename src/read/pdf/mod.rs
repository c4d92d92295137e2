//! PDF reader: lopdf for objects, streams and decryption; our own content
//! interpreter for positioned characters and rulings (`content`). Lines,
//! paragraphs and tables come from the fixed-layout stage (`read::fixed`)
//! that OFD shares.

pub mod cmap;
pub mod content;
pub mod font;
mod inflate;
mod lazy;
pub mod packed;
pub mod tokens;

use crate::model::Document;
use crate::read::fixed::PageContent;
use crate::read::{Deadline, Limits, ReadError};
use content::{FontCache, Interpreter, PageLimits};
use lopdf::{Dictionary, Object};
use std::borrow::Cow;

/// The object a reference leads to (itself when it is none, or leads
/// nowhere). Tested here first: most objects asked about are not
/// references (every width of a font), and lopdf's `dereference` builds an
/// error for each of them.
pub(crate) fn deref<'a>(doc: &'a lopdf::Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(_) => doc.dereference(o).map_or(o, |(_, o)| o),
        _ => o,
    }
}

/// Most elements one array of the file's object syntax may have: lopdf
/// parses every object up front at ~100 bytes an element, so a `/Widths` of
/// 10 million numbers in a 20 MB file would take over 1 GB.
const MAX_ARRAY_TOKENS: usize = 500_000;

/// The largest element count of any array outside stream data, and the
/// count of tokens there, by a scan of the raw bytes (streams are skipped
/// from `stream` to `endstream`).
fn array_and_token_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut depth, mut count, mut max, mut tokens) = (0usize, 0usize, 0usize, 0usize);
    let mut in_token = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b's' && bytes[i..].starts_with(b"stream") && !bytes[..i].ends_with(b"end") {
            let body = i + b"stream".len();
            match crate::read::find(&bytes[body..], b"endstream") {
                Some(end) => {
                    i = body + end + b"endstream".len();
                    in_token = false;
                    continue;
                }
                None => break,
            }
        }
        match b {
            b'[' => {
                depth += 1;
                count = 0;
                in_token = false;
                tokens += 1;
            }
            b']' => {
                depth = depth.saturating_sub(1);
                in_token = false;
            }
            b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | 0 => in_token = false,
            _ if !in_token => {
                in_token = true;
                tokens += 1;
                if depth > 0 {
                    count += 1;
                    max = max.max(count);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (max, tokens)
}

/// Opens a PDF, decrypting it when it is protected by an empty user password.
fn load(bytes: &[u8], limits: &Limits) -> Result<lopdf::Document, ReadError> {
    let (largest, tokens) = array_and_token_counts(bytes);
    if largest > MAX_ARRAY_TOKENS {
        return Err(ReadError::TooLarge(format!(
            "the PDF holds an array of about {largest} elements (over {MAX_ARRAY_TOKENS}); no report needs one"
        )));
    }
    // lopdf builds every object of the file: no more values than the fast
    // path takes, estimated by the tokens outside streams (a value is one
    // token, a dictionary entry two).
    if tokens / 2 > limits.max_pdf_values {
        return Err(ReadError::TooLarge(format!(
            "the PDF holds about {tokens} tokens outside its streams, more than {} values; raise --max-pdf-values if the file is genuine",
            limits.max_pdf_values
        )));
    }
    let opts = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_member_bytes as usize),
        ..lopdf::LoadOptions::default()
    };
    let mut doc = match lopdf::Document::load_mem_with_options(bytes, opts) {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            if msg.to_ascii_lowercase().contains("decrypt")
                || msg.to_ascii_lowercase().contains("password")
            {
                return Err(ReadError::Encrypted(
                    "the PDF is protected by a password; open it with the password and save an unprotected copy".into(),
                ));
            }
            return Err(ReadError::Corrupt(format!(
                "the PDF cannot be parsed ({msg}); it may be truncated or not a PDF"
            )));
        }
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ReadError::Encrypted(
            "the PDF is protected by a password; open it with the password and save an unprotected copy".into(),
        ));
    }
    Ok(doc)
}

/// Interprets every page: characters and rulings, page by page.
pub fn pages(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<Vec<PageContent>, ReadError> {
    // Only the objects pages are drawn from, when the file reads cleanly;
    // otherwise lopdf loads (and repairs) it whole.
    let (doc, packed) = match lazy::load(
        bytes,
        limits.max_member_bytes as usize,
        limits.max_pdf_values,
        deadline,
    )? {
        Some(loaded) => loaded,
        None => {
            // The fast path also gives up when time runs out: say so rather
            // than start the whole-file load.
            deadline.check()?;
            (load(bytes, limits)?, packed::PackedArrays::default())
        }
    };
    let page_ids = doc.get_pages();
    if page_ids.len() > limits.max_pdf_pages {
        return Err(ReadError::TooLarge(format!(
            "the PDF has {} pages, over the {}-page limit",
            page_ids.len(),
            limits.max_pdf_pages
        )));
    }
    let mut fonts = FontCache::default();
    let page_limits = PageLimits {
        max_ops: limits.max_pdf_ops_per_page,
        max_form_depth: limits.max_form_depth,
    };
    let mut out = Vec::with_capacity(page_ids.len());
    let mut kept = crate::read::fixed::Kept::default();
    for (_, id) in page_ids {
        deadline.check()?;
        let Ok(Object::Dictionary(page)) = doc.get_object(id) else {
            // An empty page keeps the later pages' numbers right.
            out.push(PageContent::default());
            continue;
        };
        let content = page_content(&doc, id, limits.max_member_bytes as usize, deadline)?;
        let resources = page_resources(&doc, page);
        let interp = Interpreter::new(&doc, &packed, &mut fonts, page_limits, deadline);
        let page = interp.run_page(page, &content, resources)?;
        crate::read::fixed::keep_page(&mut out, page, &mut kept, "PDF")?;
    }
    Ok(out)
}

/// A page's content streams, inflated and joined by newlines: lopdf's
/// `get_page_content_with_limit`, with a stream of /FlateDecode alone
/// inflated by the reused decoder (`inflate`); empty when the page has
/// none. Over `limit` bytes it is too large: no report's page draws that
/// much, and reading the page as blank would call the file a scan (a
/// /Contents array naming one stream 200,000 times did). A page drawn by
/// one stream (most are) is that stream's bytes as they are: an unfiltered
/// stream borrowed, an inflated one not copied again.
fn page_content<'a>(
    doc: &'a lopdf::Document,
    id: lopdf::ObjectId,
    limit: usize,
    deadline: &Deadline,
) -> Result<Cow<'a, [u8]>, ReadError> {
    let ids = doc.get_page_contents(id);
    let mut content: Option<Cow<'_, [u8]>> = None;
    for object_id in ids {
        // The array may name many streams (each inflated on its own).
        deadline.check()?;
        let Ok(stream) = doc.get_object(object_id).and_then(Object::as_stream) else {
            continue;
        };
        let used = content.as_ref().map_or(0, |c| c.len() + 1);
        let remaining = limit.saturating_sub(used);
        let Some(data) = stream_bytes(stream, remaining) else {
            return Err(ReadError::TooLarge(format!(
                "a page's content streams hold more than {limit} bytes; no report page draws that much"
            )));
        };
        content = Some(match content {
            None => data,
            Some(joined) => {
                let mut joined = joined.into_owned();
                joined.push(b'\n');
                joined.extend_from_slice(&data);
                Cow::Owned(joined)
            }
        });
    }
    Ok(content.unwrap_or_default())
}

/// One content stream's bytes within `limit`, as `page_content` joins
/// them; None when they are over it.
fn stream_bytes(stream: &lopdf::Stream, limit: usize) -> Option<Cow<'_, [u8]>> {
    if let Some(data) = inflate::flate_stream(stream, limit) {
        return Some(Cow::Owned(data));
    }
    // No filter: the bytes as stored (lopdf would copy them).
    if stream.dict.get(b"Filter").is_err() {
        return (stream.content.len() <= limit).then_some(Cow::Borrowed(&stream.content));
    }
    match stream.decompressed_content_with_limit(limit) {
        Ok(data) => Some(Cow::Owned(data)),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => None,
        Err(_) if stream.content.len() <= limit => Some(Cow::Borrowed(&stream.content)),
        Err(_) => None,
    }
}

/// A page's /Resources, inherited through /Parent.
fn page_resources<'a>(doc: &'a lopdf::Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    let mut d = page;
    for _ in 0..32 {
        if let Ok(r) = d.get(b"Resources") {
            return match doc.dereference(r).ok()?.1 {
                Object::Dictionary(r) => Some(r),
                _ => None,
            };
        }
        d = match doc.dereference(d.get(b"Parent").ok()?).ok()?.1 {
            Object::Dictionary(p) => p,
            _ => return None,
        };
    }
    None
}

pub fn read(bytes: &[u8], limits: &Limits, deadline: &Deadline) -> Result<Document, ReadError> {
    crate::read::fixed::document(pages(bytes, limits, deadline)?, "PDF")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens and array elements are counted outside streams only (the
    /// stream's five-element array is not seen).
    #[test]
    fn arrays_and_tokens_are_counted_outside_streams() {
        let pdf = b"1 0 obj\n<< /W [1 2 [3 4 5] 6] /N (a b) >>\nendobj\n2 0 obj\n<< /Length 11 >>\nstream\n[1 2 3 4 5]\nendstream\nendobj";
        let (largest, tokens) = array_and_token_counts(pdf);
        // An estimate: the count restarts at a nested array and runs on
        // after it (3 4 5, then 6).
        assert_eq!(largest, 4);
        // 1 0 obj << /W [ 1 2 [ 3 4 5 6 /N (a b) >> endobj, then
        // 2 0 obj << /Length 11 >>, the stream passed over, and endobj.
        assert_eq!(tokens, 26);
    }
}
