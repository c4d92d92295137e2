//! Web pages saved as one file (MHTML: Word's and browsers' "single file web
//! page", pages exported to Word as `.doc`, and the chunk html-docx-js puts
//! in a DOCX): a MIME message whose first text/html part is the page. Its
//! transfer encoding (quoted-printable, base64) and charset are undone by
//! mail-parser; the HTML reader reads the page.

use mail_parser::{MessageParser, PartType};

/// Larger files are not taken apart (the HTML reader reads them as they are,
/// under its own limits): a saved report page with its images is a few MB.
const MAX_MHTML_BYTES: usize = 64 << 20;

/// MIME boundaries past this many are not a saved page (one part per image):
/// the parser keeps a record per part, which a file of nothing but
/// boundaries would multiply.
const MAX_MHTML_BOUNDARIES: usize = 20_000;

/// Whether `bytes` start as a MIME message: header lines before the first
/// blank line, one of them `MIME-Version` or a multipart `Content-Type`.
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(head);
    let mut mime = false;
    for line in head.split(|b| *b == b'\n').map(|l| l.trim_ascii_end()) {
        if line.is_empty() {
            return mime;
        }
        let lower = line.to_ascii_lowercase();
        // A header line is `Name: value`, or a value folded onto the next line.
        let folded = line.starts_with(b" ") || line.starts_with(b"\t");
        let name_end = lower.iter().position(|b| *b == b':');
        if !folded && !name_end.is_some_and(|i| i > 0 && lower[..i].iter().all(is_header_name)) {
            return false;
        }
        mime |= lower.starts_with(b"mime-version:")
            || (lower.starts_with(b"content-type:")
                && super::find(&lower, b"multipart/").is_some());
    }
    false
}

fn is_header_name(b: &u8) -> bool {
    b.is_ascii_alphanumeric() || *b == b'-'
}

/// The page an MHTML file holds (its first text/html part, decoded), or
/// None when `bytes` are not one.
pub fn page(bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_MHTML_BYTES || !looks_like_mhtml(bytes) {
        return None;
    }
    if memchr::memmem::find_iter(bytes, b"\n--").count() > MAX_MHTML_BOUNDARIES {
        return None;
    }
    let message = MessageParser::default().parse(bytes)?;
    message.parts.iter().find_map(|p| match &p.body {
        PartType::Html(html) => Some(html.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word's "single file web page": the page quoted-printable in UTF-8,
    /// an image after it. The page comes back decoded; a page, a JSON
    /// file or a letter without MIME headers is none.
    #[test]
    fn a_saved_page_is_its_decoded_html_part() {
        let mht = "MIME-Version: 1.0\r\n\
            Content-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n\
            ------=_NextPart_01\r\n\
            Content-Location: file:///C:/report.htm\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\
            Content-Type: text/html; charset=\"utf-8\"\r\n\r\n\
            <html><body><p class=3DMsoNormal>=E4=BA=8C=E3=80=81=E4=B8=BB=E5=8A=A8=\r\n\
            =E5=85=AC=E5=BC=80</p></body></html>\r\n\r\n\
            ------=_NextPart_01\r\n\
            Content-Location: file:///C:/image001.png\r\n\
            Content-Transfer-Encoding: base64\r\n\
            Content-Type: image/png\r\n\r\n\
            iVBORw0KGgo=\r\n\r\n\
            ------=_NextPart_01--\r\n";
        let html = page(mht.as_bytes()).expect("a saved page");
        assert!(
            html.contains("<p class=MsoNormal>二、主动公开</p>"),
            "{html}"
        );
        assert_eq!(page(b"<html><body>MIME-Version: 1.0</body></html>"), None);
        assert_eq!(page(b"{\"MIME-Version\": \"1.0\"}\n\n"), None);
        assert_eq!(page(b"Dear Sir: the report follows.\n\n"), None);
    }
}
