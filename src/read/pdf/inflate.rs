//! Streams compressed with /FlateDecode, alone or under /ASCII85Decode
//! (reportlab's default), inflated whole (`read::decoder`).
//!
//! Only a stream that decodes cleanly to its end is read here; anything
//! else (other filters, predictors, a corrupt or truncated stream, output
//! over the limit) gives None, and the caller reads it through lopdf, with
//! its repairs, exactly as before.

use lopdf::{Object, Stream};
use std::borrow::Cow;

/// The stream's bytes, when its filters are /FlateDecode or /ASCII85Decode
/// then /FlateDecode, without /DecodeParms, and it decodes to its end
/// within `limit` bytes (each stage, as lopdf bounds them).
pub fn flate_stream(s: &Stream, limit: usize) -> Option<Vec<u8>> {
    let is = |o: &Object, name: &[u8]| matches!(o, Object::Name(n) if n.as_slice() == name);
    let ascii85 = match s.dict.get(b"Filter").ok()? {
        Object::Array(a) if a.len() == 1 && is(&a[0], b"FlateDecode") => false,
        Object::Array(a)
            if a.len() == 2 && is(&a[0], b"ASCII85Decode") && is(&a[1], b"FlateDecode") =>
        {
            true
        }
        o => {
            if !is(o, b"FlateDecode") {
                return None;
            }
            false
        }
    };
    if s.dict.get(b"DecodeParms").is_ok() || s.content.is_empty() {
        return None;
    }
    let input = if ascii85 {
        Cow::Owned(ascii85_decode(&s.content, limit)?)
    } else {
        Cow::Borrowed(s.content.as_slice())
    };
    crate::read::decoder::inflate_zlib_within(&input, limit)
}

/// ASCII85 (PDF 32000-1 7.4.3) read as lopdf reads it, so that a stream
/// read here is the stream lopdf would give: a final `~>` dropped,
/// whitespace skipped, `z` four zero bytes, the first byte outside `!`..`u`
/// ends the data, a last partial group padded with `u`. What lopdf refuses
/// (`z` inside a group, a group over 2^32, output over `limit`) is None.
fn ascii85_decode(input: &[u8], limit: usize) -> Option<Vec<u8>> {
    let data = input.strip_suffix(b"~>").unwrap_or(input);
    let mut out = Vec::with_capacity((data.len() / 5 * 4 + 4).min(limit.saturating_add(1)));
    let (mut group, mut count) = (0u32, 0usize);
    for &ch in data {
        match ch {
            b'!'..=b'u' => {
                group = group.checked_mul(85)?.checked_add(u32::from(ch - b'!'))?;
                count += 1;
                if count == 5 {
                    out.extend_from_slice(&group.to_be_bytes());
                    (group, count) = (0, 0);
                }
            }
            b'z' if count == 0 => out.extend_from_slice(&[0; 4]),
            b'z' => return None,
            _ if ch.is_ascii_whitespace() => continue,
            _ => break,
        }
        if out.len() > limit {
            return None;
        }
    }
    if count > 0 {
        for _ in count..5 {
            group = group.checked_mul(85)?.checked_add(84)?;
        }
        out.extend_from_slice(&group.to_be_bytes()[..count - 1]);
    }
    (out.len() <= limit).then_some(out)
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
                Object::Array(vec![
                    Object::Name(b"ASCII85Decode".to_vec()),
                    Object::Name(b"FlateDecode".to_vec()),
                ]),
                ascii85(&z),
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
                match flate_stream(s, 1 << 20) {
                    Some(bytes) => {
                        assert!(i < 3, "case {i} should be declined");
                        assert_eq!(bytes, s.decompressed_content_with_limit(1 << 20).unwrap());
                        assert_eq!(bytes, text);
                    }
                    None => assert!(i >= 3, "case {i} should be read"),
                }
            }
        }
        // Over the limit, however small: declined (lopdf refuses it too).
        for limit in [0, 10, 1000] {
            assert!(flate_stream(&cases[0], limit).is_none());
            assert!(cases[0].decompressed_content_with_limit(limit).is_err());
        }
        // A stream that fits a small limit exactly.
        let small = stream(Object::Name(b"FlateDecode".to_vec()), deflated(b"BT ET"));
        assert_eq!(flate_stream(&small, 5).as_deref(), Some(&b"BT ET"[..]));
        assert!(flate_stream(&small, 4).is_none());
    }

    /// ASCII85 as reportlab writes it: groups of five, `z` for zeros,
    /// lines of 64, a final partial group and `~>`.
    fn ascii85(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut b = [0u8; 4];
            b[..chunk.len()].copy_from_slice(chunk);
            let mut v = u32::from_be_bytes(b);
            if v == 0 && chunk.len() == 4 {
                out.push(b'z');
            } else {
                let mut digits = [0u8; 5];
                for d in digits.iter_mut().rev() {
                    *d = b'!' + (v % 85) as u8;
                    v /= 85;
                }
                out.extend_from_slice(&digits[..chunk.len() + 1]);
            }
            if out.len() % 65 == 64 {
                out.push(b'\n');
            }
        }
        out.extend_from_slice(b"~>");
        out
    }

    /// Every ASCII85 input decodes here as lopdf decodes it, or is declined
    /// where lopdf refuses it: well-formed data of every length, and
    /// inputs cut, spliced with stray bytes, `z` inside a group, groups
    /// over 2^32, no `~>`.
    #[test]
    fn ascii85_reads_as_lopdf() {
        let lopdf_a85 = |input: &[u8], limit: usize| {
            let mut d = lopdf::Dictionary::new();
            d.set("Filter", Object::Name(b"ASCII85Decode".to_vec()));
            Stream::new(d, input.to_vec())
                .with_compression(false)
                .decompressed_content_with_limit(limit)
                .ok()
        };
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        let mut rng = crate::test_rng::Xorshift(0x2545_f491);
        let mut next = move || rng.next_u32();
        for len in 0..40 {
            let data: Vec<u8> = (0..len)
                .map(|i| if i % 7 < 3 { 0 } else { next() as u8 })
                .collect();
            let enc = ascii85(&data);
            assert_eq!(ascii85_decode(&enc, 1 << 20).as_deref(), Some(&data[..]));
            inputs.push(enc.clone());
            inputs.push(enc[..enc.len() - 2].to_vec());
            for _ in 0..20 {
                let mut e = enc.clone();
                let at = next() as usize % (e.len() + 1);
                let stray = [b'z', b'u', b'~', b' ', b'\0', b'v', b'!', b'>'][next() as usize % 8];
                e.insert(at, stray);
                inputs.push(e);
            }
        }
        inputs.push(b"uuuuu~>".to_vec());
        inputs.push(b"s8W-\"~>".to_vec());
        inputs.push(b"s8W-!~>".to_vec());
        for input in &inputs {
            for limit in [0, 3, 8, 1 << 20] {
                assert_eq!(
                    ascii85_decode(input, limit),
                    lopdf_a85(input, limit),
                    "{:?} limit {limit}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }
}
