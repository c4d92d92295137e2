//! Readers: bytes of one format → the common `Document`. `sniff` decides the
//! format from content (never from the file name) and `read` dispatches.

mod decoder;
pub mod doc;
pub mod docx;
pub mod fixed;
pub mod html;
mod mhtml;
mod numbering;
pub mod ofd;
pub(crate) mod ooxml_zip;
pub mod pdf;
pub mod rtf;
mod xml_scan;

use crate::model::Document;
use crate::text::PhraseSet;
use std::time::{Duration, Instant};

/// Bounds on the work one document may cause. Defaults suit real reports
/// (a few MB at most) with a wide margin.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_input_bytes: u64,
    /// Largest uncompressed size of one zip member that is read.
    pub max_member_bytes: u64,
    /// Largest total uncompressed size read from one container.
    pub max_total_unzipped: u64,
    /// Largest ratio of uncompressed to compressed size of a member.
    pub max_compression_ratio: u64,
    /// Deepest XML element nesting accepted.
    pub max_xml_depth: usize,
    /// Most PDF pages read.
    pub max_pdf_pages: usize,
    /// Most content-stream operations interpreted on one PDF page.
    pub max_pdf_ops_per_page: usize,
    /// Most values (objects, and the items of their arrays and
    /// dictionaries) read from the objects a PDF's pages draw on: each
    /// takes 100–200 bytes in memory.
    pub max_pdf_values: usize,
    /// Deepest nesting of PDF Form XObjects followed.
    pub max_form_depth: usize,
    /// Wall-clock budget for one document.
    #[serde(with = "millis")]
    pub timeout: Duration,
}

/// A duration as whole milliseconds (for handing limits to a worker).
mod millis {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;
    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis().min(u128::from(u64::MAX)) as u64)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 200 * 1024 * 1024,
            max_member_bytes: 64 * 1024 * 1024,
            max_total_unzipped: 256 * 1024 * 1024,
            max_compression_ratio: 200,
            max_xml_depth: 256,
            max_pdf_pages: 500,
            max_pdf_ops_per_page: 2_000_000,
            max_pdf_values: 1_000_000,
            max_form_depth: 8,
            timeout: Duration::from_secs(10),
        }
    }
}

/// A cooperative deadline, checked in readers' loops.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    end: Instant,
}

impl Deadline {
    pub fn after(d: Duration) -> Self {
        Deadline {
            end: Instant::now() + d,
        }
    }
    pub fn check(&self) -> Result<(), ReadError> {
        if Instant::now() > self.end {
            Err(ReadError::Timeout)
        } else {
            Ok(())
        }
    }
}

/// Why a document could not be read at all. `code()` gives SCHEMA.md's
/// `error.code`.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Unsupported(String),
    Encrypted(String),
    NoTextLayer(String),
    Corrupt(String),
    TooLarge(String),
    Timeout,
}

impl ReadError {
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Unsupported(_) => "unsupported_format",
            ReadError::Encrypted(_) => "encrypted",
            ReadError::NoTextLayer(_) => "no_text_layer",
            ReadError::Corrupt(_) => "corrupt",
            ReadError::TooLarge(_) => "too_large",
            ReadError::Timeout => "timeout",
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Unsupported(m)
            | ReadError::Encrypted(m)
            | ReadError::NoTextLayer(m)
            | ReadError::Corrupt(m)
            | ReadError::TooLarge(m) => f.write_str(m),
            ReadError::Timeout => f.write_str(
                "reading took longer than the per-document time limit; the file may be damaged or hostile",
            ),
        }
    }
}

/// Words of chrome lines: breadcrumbs, metadata, share and print links.
const CHROME_TEXT: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "首页>",
    "首页 >",
    "打印本页",
    "关闭窗口",
    "【打印",
    "【关闭",
    "分享到",
    "扫一扫",
    "微信扫",
    "QQ空间",
    "全真版",
    "文字版",
    "字体：",
    "字号：",
    "浏览次数",
    "访问量",
    "发布时间：",
    "发布日期：",
    "发文日期：",
    "来源：",
    "信息来源：",
    "附件下载",
    "相关链接",
    "上一篇",
    "下一篇",
    "网站标识码",
    "备案号",
    "ICP备",
    "版权所有",
    "主办单位",
    "承办单位",
    "技术支持",
    "-->",
];

/// A line of web-site chrome (breadcrumb, metadata, share or print links,
/// site footer), in a web page or a browser print of one.
pub fn is_chrome_line(line: &str) -> bool {
    line.len() < 120 * 4 && line.chars().count() < 120 && CHROME.any_in(line)
}

/// Labels of the source in a web page's info line (发布时间：… 来源：某局).
const SOURCE_LABELS: &[&str] = &["信息来源", "文章来源", "来源", "发布机构", "发布单位"];

/// Labels that follow the source on an info line.
const INFO_FIELDS: &[&str] = &[
    "发布", "浏览", "点击", "阅读", "访问", "字号", "字体", "作者", "编辑", "时间", "日期", "打印",
];

/// The source a web page's info line names (`来源：某局` → 某局): the
/// words after the label up to a space or a separator. Whether they name
/// an agency (not 本网) is for the caller to judge.
pub fn source_named_in(line: &str) -> Option<&str> {
    SOURCE_LABELS.iter().find_map(|label| {
        let (_, rest) = line.split_once(label)?;
        let rest = rest.strip_prefix(['：', ':'])?;
        let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
        let end = rest
            .find(|c: char| c.is_whitespace() || "|｜丨/,，;；【[(（".contains(c))
            .unwrap_or(rest.len());
        let mut name = &rest[..end];
        // A print's line, its spaces gone, runs on into the next field.
        if let Some(next) = INFO_FIELDS.iter().filter_map(|f| name.find(f)).min() {
            name = &name[..next];
        }
        // (An empty source: the words after it are the next field's.)
        (!name.is_empty() && !name.contains(['：', ':'])).then_some(name)
    })
}

/// Chrome phrases, searched at once (a regex of the alternation profiled
/// at ~2,400 instructions a line, an Aho-Corasick DFA at ~1,500).
static CHROME: std::sync::LazyLock<PhraseSet<()>> =
    std::sync::LazyLock::new(|| PhraseSet::new(CHROME_TEXT.iter().map(|p| (*p, ()))));

/// Formats recognised from content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
    Doc,
    Html,
    Ofd,
    /// Word 2003 XML: WordprocessingML in one XML file (`.xml`, or `.doc`).
    WordXml,
    /// Rich Text Format (`.rtf`, or `.doc` as some systems name it).
    Rtf,
    /// An OOXML package encrypted with a password (an OLE file holding
    /// EncryptedPackage).
    EncryptedOoxml,
    Zip,
    Ole,
    Unknown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx | Format::EncryptedOoxml => "docx",
            Format::Pdf => "pdf",
            Format::Doc => "doc",
            Format::Html => "html",
            Format::Ofd => "ofd",
            Format::WordXml => "wordml",
            Format::Rtf => "rtf",
            Format::Zip => "zip",
            Format::Ole => "ole",
            Format::Unknown => "unknown",
        }
    }
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decides the format from the bytes.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return ooxml_zip::sniff_zip(bytes);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return sniff_ole(bytes);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Format::Pdf;
    }
    if docx::is_word_2003(bytes) {
        return Format::WordXml;
    }
    if rtf::looks_like_rtf(head) {
        return Format::Rtf;
    }
    if looks_like_html(bytes) || mhtml::looks_like_mhtml(bytes) {
        return Format::Html;
    }
    // A page saved as UTF-16 (Notepad's "Unicode", some CMS exports): its
    // start, as UTF-8, is looked at as a page's would be.
    if let Some((enc, bom)) = utf16(bytes) {
        let head = &bytes[bom..bytes.len().min(bom + 2 * 65536)];
        if looks_like_html(enc.decode_without_bom_handling(head).0.as_bytes()) {
            return Format::Html;
        }
    }
    Format::Unknown
}

/// The UTF-16 encoding of bytes that are UTF-16 text, and the length of
/// their BOM: by the BOM, or without one by markup at the start (`<` after
/// any spaces, each ASCII character with a zero byte beside it: UTF-8 and
/// GBK text never has those).
pub(crate) fn utf16(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, usize)> {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => return Some((enc, bom)),
        Some(_) => return None,
        None => {}
    }
    let units: Vec<[u8; 2]> = bytes
        .chunks_exact(2)
        .take(8)
        .map(|u| [u[0], u[1]])
        .collect();
    let ascii = |b: u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    if units.len() < 8 {
        return None;
    }
    let first_markup = |low: fn(&[u8; 2]) -> (u8, u8)| {
        units.iter().all(|u| {
            let (lo, hi) = low(u);
            hi == 0 && ascii(lo)
        }) && units
            .iter()
            .map(|u| low(u).0)
            .find(|b| !b.is_ascii_whitespace())
            == Some(b'<')
    };
    if first_markup(|u| (u[0], u[1])) {
        Some((encoding_rs::UTF_16LE, 0))
    } else if first_markup(|u| (u[1], u[0])) {
        Some((encoding_rs::UTF_16BE, 0))
    } else {
        None
    }
}

/// Looks for the UTF-16 names of the streams that tell an OLE file's kind,
/// without parsing the compound file (the .doc reader does that).
fn sniff_ole(bytes: &[u8]) -> Format {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    if find(bytes, &utf16("EncryptedPackage")).is_some() {
        Format::EncryptedOoxml
    } else if find(bytes, &utf16("WordDocument")).is_some() {
        Format::Doc
    } else {
        Format::Ole
    }
}

/// A page: a doctype or `<html>`/`<head>`/`<body>` near the start, or a
/// fragment holding a table with Chinese text. Not a JSON or JavaScript file
/// that happens to contain `<div>`, nor an XML part with `<table`.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let trimmed = lower
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(&lower)
        .trim_ascii_start();
    if let Some(rest) = trimmed.strip_prefix(b"<?xml".as_slice()) {
        // XHTML (a site's pages, LibreOffice's export): the XML declaration,
        // then an HTML doctype or root. Any other XML is not a page.
        let after = rest
            .windows(2)
            .position(|w| w == b"?>")
            .map_or(&[][..], |p| rest[p + 2..].trim_ascii_start());
        return after.starts_with(b"<!doctype html") || after.starts_with(b"<html");
    }
    if trimmed.starts_with(b"{") || trimmed.starts_with(b"[") {
        return false;
    }
    if [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
        .iter()
        .any(|tag| find(&lower, tag).is_some())
    {
        return true;
    }
    // A saved fragment: markup first, and a table of cells with CJK text
    // (GBK or UTF-8 lead bytes) somewhere in the first 64 KB.
    let window = &bytes[..bytes.len().min(65536)];
    let lower_window: Vec<u8> = window.iter().map(u8::to_ascii_lowercase).collect();
    trimmed.starts_with(b"<")
        && find(&lower_window, b"<table").is_some()
        && find(&lower_window, b"<td").is_some()
        && window.iter().any(|b| *b >= 0x81)
}

/// quick-xml's reference events, read as the readers read them (the
/// scanner's tests compare the two).
#[cfg(test)]
pub(crate) fn xml_ref_char(g: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    ref_char(g)
}

/// The character an XML entity or character reference stands for, by its
/// name between `&` and `;` (`#x4E00`, `amp`); None for an entity XML
/// does not define.
pub(crate) fn ref_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix('x') {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.starts_with(['+', '-']) {
            return None;
        }
        return u32::from_str_radix(digits, radix)
            .ok()
            .filter(|c| *c != 0)
            .and_then(char::from_u32);
    }
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Reads a document of a known format.
pub fn read(bytes: &[u8], format: Format, limits: &Limits) -> Result<Document, ReadError> {
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(ReadError::TooLarge(format!(
            "the file is {} bytes, over the {}-byte input limit (raise it with --max-input-bytes)",
            bytes.len(),
            limits.max_input_bytes
        )));
    }
    let deadline = Deadline::after(limits.timeout);
    let mut doc = match format {
        Format::Docx => docx::read(bytes, limits, &deadline)?,
        Format::WordXml => docx::read_word_2003(bytes, limits, &deadline)?,
        Format::Rtf => rtf::read(bytes, limits, &deadline)?,
        Format::EncryptedOoxml => {
            return Err(ReadError::Encrypted(
                "the Word file is protected by a password; open it in Word and save it without one"
                    .into(),
            ));
        }
        Format::Pdf => pdf::read(bytes, limits, &deadline)?,
        Format::Html => html::read(bytes, limits, &deadline)?,
        Format::Doc => doc::read(bytes, limits, &deadline)?,
        Format::Ofd => ofd::read(bytes, limits, &deadline)?,
        Format::Zip => {
            // An archive too large to list says so (`too_large`).
            ooxml_zip::open(bytes)?;
            return Err(ReadError::Unsupported(
                "a zip file that is not a Word document (an archive holding no report, or an office file of another kind such as XLSX, PPTX, ODT or EPUB)".into(),
            ));
        }
        Format::Ole => {
            return Err(ReadError::Unsupported(
                "an OLE compound file that is not a Word document (e.g. Excel or Microsoft Works)"
                    .into(),
            ));
        }
        Format::Unknown => {
            return Err(ReadError::Unsupported(if bytes.is_empty() {
                "the file is empty".into()
            } else {
                "the content is not a DOCX, DOC, RTF, PDF, OFD or HTML document".into()
            }));
        }
    };
    doc.unwrap_layout_tables();
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_are_found_by_any_of_their_phrases() {
        for c in CHROME_TEXT {
            assert!(is_chrome_line(&format!("某某{c}某某")), "{c}");
        }
        assert!(!is_chrome_line("一、总体情况"));
        assert!(!is_chrome_line("本机关2023年主动公开政府信息120条。"));
        // Long paragraphs are prose, whatever they quote.
        assert!(!is_chrome_line(&format!("{}来源：", "政".repeat(130))));
    }

    #[test]
    fn the_source_a_pages_info_line_names() {
        for (line, source) in [
            (
                "发布时间：2026-01-16　来源：某市发展和改革委员会　浏览次数：4790",
                Some("某市发展和改革委员会"),
            ),
            (
                "信息来源：某县财政局 | 发布日期：2022-01-20",
                Some("某县财政局"),
            ),
            ("来源: 某区司法局【打印本页】", Some("某区司法局")),
            ("发布机构：某某镇人民政府", Some("某某镇人民政府")),
            ("来源：本网", Some("本网")),
            // A printed page's line, its spaces gone.
            (
                "发布时间：2026-01-16来源：某市发展和改革委员会浏览次数：4790字号：[大中小]",
                Some("某市发展和改革委员会"),
            ),
            ("发布时间：2026-01-16　来源：　浏览次数：12", None),
            ("当前位置：首页 > 政务公开", None),
        ] {
            assert_eq!(source_named_in(line), source, "{line}");
        }
    }

    /// The phrase set finds a phrase wherever a search for each would, on
    /// random text of the phrases' characters, characters sharing their
    /// low bytes (the filter's false hits) and others.
    #[test]
    fn phrase_set_agrees_with_searching_each_phrase() {
        let mut alphabet: Vec<char> = CHROME_TEXT.iter().flat_map(|p| p.chars()).collect();
        // Same low byte as 当 and 首, and characters of no phrase.
        alphabet.extend([
            '\u{5F53}', '\u{6053}', '\u{9996}', '\u{9A96}', '政', '府', 'a', ' ',
        ]);
        alphabet.sort_unstable();
        alphabet.dedup();
        let mut seed = 7;
        let (mut found, mut missed) = (0, 0);
        for n in 0..3_000 {
            // Random text around a phrase, a phrase cut short, or nothing.
            let p: Vec<char> = CHROME_TEXT[n % CHROME_TEXT.len()].chars().collect();
            let middle: String = match n % 3 {
                0 => p.iter().collect(),
                1 => p[..p.len() - 1].iter().collect(),
                _ => String::new(),
            };
            let text = crate::text::random_text(&mut seed, &alphabet, n % 7)
                + &middle
                + &crate::text::random_text(&mut seed, &alphabet, n % 5);
            let naive = CHROME_TEXT.iter().any(|p| text.contains(p));
            assert_eq!(CHROME.any_in(&text), naive, "{text:?}");
            if naive { found += 1 } else { missed += 1 }
        }
        assert!(found > 20 && missed > 20, "{found} {missed}");
    }

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(sniff(b"\xEF\xBB\xBF<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            sniff(b"<\0!\0D\0O\0C\0T\0Y\0P\0E\0 \0h\0t\0m\0l\0>\0"),
            Format::Html
        );
        assert_eq!(sniff(b""), Format::Unknown);
        assert_eq!(sniff(b"hello world"), Format::Unknown);
        // Markup inside other formats is not a page.
        assert_eq!(
            sniff(br#"{"html": "<div><table><tr><td>1</td></tr></table></div>"}"#),
            Format::Unknown
        );
        assert_eq!(
            sniff(b"var t = '<table><td>x</td></table>'; document.write(t);"),
            Format::Unknown
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><styleSheet><table/></styleSheet>"),
            Format::Unknown
        );
        // XHTML: the XML declaration, then an HTML doctype or root.
        assert_eq!(
            sniff(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"x.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body></body></html>"),
            Format::Html
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\r\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"),
            Format::Html
        );
        // A saved fragment of a report page is one.
        assert_eq!(
            sniff(
                "<div class=\"TRS_Editor\"><table><tr><td>自然人</td></tr></table></div>"
                    .as_bytes()
            ),
            Format::Html
        );
    }

    #[test]
    fn empty_file_is_unsupported_with_a_reason() {
        let e = read(b"", Format::Unknown, &Limits::default()).unwrap_err();
        assert_eq!(e.code(), "unsupported_format");
        assert!(e.to_string().contains("empty"));
    }
}
