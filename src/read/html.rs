//! HTML reader: a government web page (or a saved copy) → paragraphs and
//! tables. html5ever (through scraper) builds the tree the way browsers do,
//! so broken markup reads as it displays; site chrome (navigation,
//! breadcrumbs, share buttons, footers) is dropped by element role and by
//! its tell-tale wording.

use super::{Deadline, Limits, ReadError};
use crate::model::{Block, Cell, Document, PageInfo, Paragraph, Table};
use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Decodes page bytes: an MHTML file's page; a BOM; then UTF-8 when the
/// bytes are valid UTF-8 (pages that declare GBK but serve UTF-8 are
/// common); then the declared charset; else the better of GB 18030 and
/// Big5 by common characters.
pub fn decode(bytes: &[u8]) -> String {
    // A page saved as one file: its HTML part, decoded.
    if let Some(page) = super::mhtml::page(bytes) {
        return page;
    }
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    // Before UTF-8: UTF-16 markup without a BOM is valid UTF-8 too.
    if let Some((enc, bom)) = super::utf16(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    if let Some(enc) = declared_charset(bytes)
        && enc != encoding_rs::UTF_8
    {
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    let score = |s: &str| -> i64 {
        let common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
        let trad =
            "開資訊關於與為們這個來時會國說對發經過當後樣從總體報問題應處結數據區縣會議務機應";
        let mut n = 0i64;
        for c in s.chars() {
            if c == '\u{FFFD}' {
                n -= 20;
            } else if common.contains(c) || trad.contains(c) {
                n += 1;
            }
        }
        n
    };
    // Weighed on the page's start (a long page is one encoding throughout):
    // decoding a whole 190 MB page both ways held 1.3 GB and took 13 s.
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let gb = encoding_rs::GB18030.decode_without_bom_handling(sample).0;
    let big5 = encoding_rs::BIG5.decode_without_bom_handling(sample).0;
    let enc = if score(&big5) > score(&gb) {
        encoding_rs::BIG5
    } else {
        encoding_rs::GB18030
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// How much of a page without a declared charset is decoded both as GB 18030
/// and as Big5 to choose between them.
const SAMPLE_BYTES: usize = 256 << 10;

fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = super::find(&lower, b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|c| *c == b'"' || *c == b'\'')
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// Elements whose subtree is never report content.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "iframe", "object", "embed", "select", "option", "button",
    "input", "textarea", "svg", "canvas", "nav", "head", "template", "map", "audio", "video",
];

/// Longest metadata value kept (a title or an agency's name is far shorter).
const MAX_META_CHARS: usize = 200;

/// Class or id words of site chrome.
const CHROME_CLASSES: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "share",
    "sidebar",
    "toolbar",
    "copyright",
    "bdshare",
    "topbar",
];

fn block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "main"
            | "header"
            | "blockquote"
            | "pre"
            | "center"
            | "dd"
            | "dt"
            | "dl"
            | "form"
            | "body"
            | "html"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "tbody"
            | "thead"
            | "tfoot"
            | "caption"
    )
}

fn is_chrome_element(e: &scraper::node::Element) -> bool {
    let words = |v: Option<&str>| v.unwrap_or("").to_ascii_lowercase();
    let id_class = format!("{} {}", words(e.attr("class")), words(e.attr("id")));
    CHROME_CLASSES.iter().any(|c| {
        id_class
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(|w| w == *c || w.starts_with(c) && w.len() <= c.len() + 3)
    })
}

struct Builder<'a> {
    blocks: Vec<Block>,
    para: String,
    deadline: &'a Deadline,
    limits: &'a Limits,
    nodes: usize,
    info: PageInfo,
}

impl<'a> Builder<'a> {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.para);
        let lines: Vec<&str> = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        for l in lines {
            // A paragraph of chrome (breadcrumb, dates, share links) is
            // dropped; the source its info line names is kept aside.
            if super::is_chrome_line(l) {
                if self.info.source.is_none() {
                    self.info.source = super::source_named_in(l).map(str::to_string);
                }
                continue;
            }
            self.blocks.push(Block::Paragraph(Paragraph {
                text: l.to_string(),
                heading_level: None,
            }));
        }
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, depth: usize) -> Result<(), ReadError> {
        self.nodes += 1;
        if self.nodes.is_multiple_of(4096) {
            self.deadline.check()?;
        }
        if depth > self.limits.max_xml_depth {
            return Err(ReadError::TooLarge(format!(
                "the page nests elements more than {} deep",
                self.limits.max_xml_depth
            )));
        }
        match node.value() {
            Node::Text(t) => {
                // Whitespace runs in source text display as one space.
                let mut last_space =
                    self.para.ends_with(' ') || self.para.is_empty() || self.para.ends_with('\n');
                for c in t.chars() {
                    if c.is_whitespace() && c != '\u{a0}' && c != '\u{3000}' {
                        if !last_space {
                            self.para.push(' ');
                            last_space = true;
                        }
                    } else {
                        self.para.push(c);
                        last_space = false;
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if name == "head" {
                    for child in node.children() {
                        if let Node::Element(m) = child.value() {
                            self.metadata(m);
                        }
                    }
                } else if name == "meta" {
                    self.metadata(e);
                }
                if SKIP_TAGS.contains(&name) || is_chrome_element(e) {
                    return Ok(());
                }
                match name {
                    "br" => self.para.push('\n'),
                    "img" => {
                        self.flush();
                        self.blocks
                            .push(Block::Image(e.attr("alt").unwrap_or("").to_string()));
                    }
                    "table" => {
                        self.flush();
                        let t = self.table(node, depth)?;
                        self.blocks.push(Block::Table(t));
                    }
                    _ => {
                        let block = block_tag(name);
                        if block {
                            self.flush();
                        }
                        for child in node.children() {
                            self.walk(child, depth + 1)?;
                        }
                        if block {
                            self.flush();
                        }
                    }
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.walk(child, depth + 1)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The title and source of a `<meta>` of the government sites' standard
    /// set (ArticleTitle, ContentSource), the first of each.
    fn metadata(&mut self, e: &scraper::node::Element) {
        if e.name() != "meta" {
            return;
        }
        let (Some(name), Some(content)) = (e.attr("name"), e.attr("content")) else {
            return;
        };
        let content = content.trim();
        if content.is_empty() || content.chars().count() > MAX_META_CHARS {
            return;
        }
        let slot = if name.eq_ignore_ascii_case("ArticleTitle") {
            &mut self.info.title
        } else if name.eq_ignore_ascii_case("ContentSource") {
            &mut self.info.source
        } else {
            return;
        };
        if slot.is_none() {
            *slot = Some(content.to_string());
        }
    }

    /// A `<table>` on the grid of the HTML table model: each cell takes the
    /// first free slot of its row and reserves its row/col span.
    fn table(&mut self, node: NodeRef<'_, Node>, depth: usize) -> Result<Table, ReadError> {
        let mut rows: Vec<NodeRef<'_, Node>> = Vec::new();
        collect_rows(node, &mut rows, 0);
        let mut taken: Vec<Vec<bool>> = Vec::new();
        let mut cells: Vec<Cell> = Vec::new();
        for (r, tr) in rows.iter().enumerate() {
            let mut col = 0;
            for td in tr.children() {
                let Node::Element(e) = td.value() else {
                    continue;
                };
                if e.name() != "td" && e.name() != "th" {
                    continue;
                }
                let span = |a: &str| {
                    e.attr(a)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000)
                };
                let (rs, cs) = (
                    span("rowspan").min(rows.len() - r),
                    span("colspan").min(256),
                );
                while taken
                    .get(r)
                    .and_then(|row| row.get(col))
                    .copied()
                    .unwrap_or(false)
                {
                    col += 1;
                }
                for rr in r..r + rs {
                    if taken.len() <= rr {
                        taken.resize(rr + 1, Vec::new());
                    }
                    if taken[rr].len() < col + cs {
                        taken[rr].resize(col + cs, false);
                    }
                    for slot in &mut taken[rr][col..col + cs] {
                        *slot = true;
                    }
                }
                // The cell's content as blocks of its own.
                let mut inner = Builder {
                    blocks: Vec::new(),
                    para: String::new(),
                    deadline: self.deadline,
                    limits: self.limits,
                    nodes: 0,
                    info: PageInfo::default(),
                };
                for child in td.children() {
                    inner.walk(child, depth + 1)?;
                }
                inner.flush();
                self.nodes += inner.nodes;
                // (A page laid out in a table has its info line in a cell.)
                let found = std::mem::take(&mut inner.info);
                self.info.title = self.info.title.take().or(found.title);
                self.info.source = self.info.source.take().or(found.source);
                let text = inner
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Paragraph(p) => Some(p.text.clone()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                cells.push(Cell {
                    row: r,
                    col,
                    row_span: rs,
                    col_span: cs,
                    text,
                    blocks: inner.blocks,
                    at: None,
                });
                col += cs;
            }
        }
        Ok(Table::from_cells(cells))
    }
}

/// The rows of a table, through thead/tbody/tfoot but not into nested tables.
fn collect_rows<'a>(node: NodeRef<'a, Node>, out: &mut Vec<NodeRef<'a, Node>>, depth: usize) {
    for child in node.children() {
        if let Node::Element(e) = child.value() {
            match e.name() {
                "tr" => out.push(child),
                "table" => {}
                _ if depth < 4 => collect_rows(child, out, depth + 1),
                _ => {}
            }
        }
    }
}

/// Nesting the parser is given at most: html5ever checks its stack of open
/// elements for every tag, so 200,000 nested `<div>`s would take minutes.
const MAX_PARSE_DEPTH: usize = 2048;

/// Start tags (and comments) a page may hold: the parser's tree costs some
/// 300 bytes a node, and 3 million `<td>`s in a 15 MB page took 1.8 GB. A
/// report page has a few thousand; a long one exported from Word, tens of
/// thousands.
const MAX_START_TAGS: usize = 250_000;

/// The largest page read, in bytes of text: its text is held some seven
/// times over between the parser's tree and the paragraphs (37 MB of text
/// took 290 MB). A report page is well under 1 MB, or a few MB with
/// images written into it.
const MAX_PAGE_BYTES: usize = 32 << 20;

/// Elements that close themselves or are closed by the next of their kind:
/// they do not nest however they are written.
const NON_NESTING: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "col", "area", "base", "wbr", "source", "embed",
    "param", "track", "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rp", "rt", "!doctype",
];

/// The deepest nesting of start tags over end tags, and the number of
/// start tags, found by a scan of the raw text (no tree built).
fn nesting_depth_and_start_tags(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut depth, mut max, mut starts) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|c| *c == b'<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!'))
            .map_or(b.len(), |e| start + e);
        // A tag's name starts with a letter (`<!` opens a comment or the
        // doctype); `1<2` is text.
        if end == start || !(b[start].is_ascii_alphabetic() || b[start] == b'!') {
            continue;
        }
        starts += usize::from(!closing);
        let name = text[start..end].to_ascii_lowercase();
        if NON_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    (max, starts)
}

pub fn read(bytes: &[u8], limits: &Limits, deadline: &Deadline) -> Result<Document, ReadError> {
    // Decoding never halves a page (UTF-16 is the tightest: two bytes a
    // character), so a page over twice the text bound is over it decoded
    // too: refused before its text is made (190 MB of UTF-16 held 490 MB).
    if bytes.len() > 2 * MAX_PAGE_BYTES + 3 {
        return Err(ReadError::TooLarge(format!(
            "the page is {:.1} MB, more than {} MB of text however it is encoded (no report page is)",
            bytes.len() as f64 / f64::from(1u32 << 20),
            MAX_PAGE_BYTES >> 20
        )));
    }
    let text = decode(bytes);
    deadline.check()?;
    if text.len() > MAX_PAGE_BYTES {
        return Err(ReadError::TooLarge(format!(
            "the page is {:.1} MB of text, more than {} MB (no report page is)",
            text.len() as f64 / f64::from(1u32 << 20),
            MAX_PAGE_BYTES >> 20
        )));
    }
    let (depth, start_tags) = nesting_depth_and_start_tags(&text);
    if depth > MAX_PARSE_DEPTH.max(limits.max_xml_depth) {
        return Err(ReadError::TooLarge(format!(
            "the page nests elements {depth} deep, more than {} (no report page does)",
            MAX_PARSE_DEPTH.max(limits.max_xml_depth)
        )));
    }
    if start_tags > MAX_START_TAGS {
        return Err(ReadError::TooLarge(format!(
            "the page holds {start_tags} tags, more than {MAX_START_TAGS} (no report page does)"
        )));
    }
    let html = Html::parse_document(&text);
    deadline.check()?;
    let mut b = Builder {
        blocks: Vec::new(),
        para: String::new(),
        deadline,
        limits,
        nodes: 0,
        info: PageInfo::default(),
    };
    b.walk(html.tree.root(), 0)?;
    b.flush();
    Ok(Document {
        blocks: b.blocks,
        notes: Vec::new(),
        page_info: b.info,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        let limits = Limits::default();
        read(html.as_bytes(), &limits, &Deadline::after(limits.timeout)).unwrap()
    }

    #[test]
    fn a_pages_metadata_and_info_line_are_kept_beside_its_text() {
        let d = doc(
            "<html><head><meta name=\"ArticleTitle\" content=\"某局2025年政府信息公开工作年度报告\">\
             <meta name=\"ContentSource\" content=\"某局\"></head><body>\
             <div class=info>发布时间：2026-01-16　来源：本网　浏览次数：4790</div>\
             <p>2025年政府信息公开工作年度报告</p></body></html>",
        );
        assert_eq!(
            d.page_info.title.as_deref(),
            Some("某局2025年政府信息公开工作年度报告")
        );
        // The metadata's source before the info line's.
        assert_eq!(d.page_info.source.as_deref(), Some("某局"));
        // The info line is still dropped as chrome.
        assert_eq!(d.paragraphs().count(), 1);
        // A page laid out in a table: the info line in a cell.
        let d = doc(
            "<table><tr><td>发布日期：2022-01-20　信息来源：某县财政局</td></tr>\
             <tr><td><p>2021年政府信息公开工作年度报告</p></td></tr></table>",
        );
        assert_eq!(d.page_info.title, None);
        assert_eq!(d.page_info.source.as_deref(), Some("某县财政局"));
    }

    #[test]
    fn rowspan_colspan_grid_and_cell_paragraphs() {
        let d = doc(
            "<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>1</td></tr>\
                     <tr><td>（三）</td><td>1.属于国家秘密</td><td><p>商业</p><p>企业</p></td></tr></table>",
        );
        let Block::Table(t) = &d.blocks[0] else {
            panic!("a table")
        };
        assert_eq!(t.n_cols(), 4);
        assert_eq!(t.cells[t.grid[1][0].unwrap()].text, "三、本年度办理结果");
        assert_eq!(t.cells[t.grid[1][1].unwrap()].text, "（三）");
        assert_eq!(t.cells[t.grid[1][3].unwrap()].text, "商业\n企业");
    }

    #[test]
    fn chrome_is_dropped_and_breaks_split_paragraphs() {
        let d = doc(
            "<div class='nav'>首页 政务公开</div><div>当前位置：首页 > 年报</div>\
                     <div class='content'><p>一、总体情况</p><p>第一行<br>第二行</p><img alt='表三'></div>\
                     <div class='footer'>版权所有</div><script>var x=1;</script>",
        );
        let texts: Vec<String> = d
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.clone(),
                Block::Image(a) => format!("IMG {a}"),
                Block::Table(_) => "TABLE".into(),
            })
            .collect();
        assert_eq!(texts, vec!["一、总体情况", "第一行", "第二行", "IMG 表三"]);
    }

    #[test]
    fn nesting_and_start_tags_are_measured_without_parsing() {
        assert_eq!(
            nesting_depth_and_start_tags("<html><body><div><p>a<p>b</div></body></html>"),
            (3, 5)
        );
        assert_eq!(
            nesting_depth_and_start_tags("<table><tr><td>1<td>2</table><br><img src=x><!-- c -->"),
            (1, 7)
        );
        let deep = format!("{}x{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert_eq!(nesting_depth_and_start_tags(&deep), (5000, 5000));
        assert_eq!(nesting_depth_and_start_tags("a < b, 1<2 </>"), (0, 0));
    }

    /// Pages past the tag or size bound are refused before the parser
    /// builds a tree for them (3 million cells took 1.8 GB).
    #[test]
    fn pages_of_too_many_tags_or_too_much_text_are_refused_unparsed() {
        let limits = Limits::default();
        let read = |html: String| read(html.as_bytes(), &limits, &Deadline::after(limits.timeout));
        let cells = format!("<table><tr>{}</table>", "<td>a".repeat(MAX_START_TAGS));
        assert!(matches!(read(cells), Err(ReadError::TooLarge(m)) if m.contains("tags")));
        let text = format!("<p>{}</p>", "年".repeat(MAX_PAGE_BYTES / 3 + 1));
        assert!(matches!(read(text), Err(ReadError::TooLarge(m)) if m.contains("MB")));
        let fits = format!("<table><tr>{}</table>", "<td>1".repeat(MAX_START_TAGS - 3));
        assert!(read(fits).is_ok());
        // Over twice the text bound: too large before it is decoded (190 MB
        // of GBK was decoded both as GB 18030 and as Big5: 1.3 GB, 13 s).
        let huge = format!("<p>{}", "a".repeat(2 * MAX_PAGE_BYTES + 1));
        assert!(
            matches!(read(huge), Err(ReadError::TooLarge(m)) if m.contains("however it is encoded"))
        );
    }

    #[test]
    fn charset_detection() {
        let gbk = encoding_rs::GBK
            .encode("<html><body>政府信息公开工作年度报告</body></html>")
            .0
            .into_owned();
        assert!(decode(&gbk).contains("政府信息公开"));
        let mut meta = b"<meta charset=\"gb2312\">".to_vec();
        meta.extend_from_slice(&encoding_rs::GBK.encode("收到申请").0);
        assert!(decode(&meta).contains("收到申请"));
        let big5 = encoding_rs::BIG5
            .encode("<p>政府資訊公開工作年度報告，總體情況</p>")
            .0
            .into_owned();
        assert!(decode(&big5).contains("政府資訊公開"));
        // Declared GBK, served UTF-8: the bytes win.
        let liar = "<meta charset=gbk><p>一、总体情况</p>".as_bytes();
        assert!(decode(liar).contains("一、总体情况"));
    }

    #[test]
    fn a_page_saved_as_utf16_is_read_with_or_without_its_bom() {
        let page =
            "<html><head><meta charset=\"utf-16\"></head><body><p>一、总体情况</p></body></html>";
        let le: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&b"\xFF\xFE"[..], &le].concat(),
            [&b"\xFE\xFF"[..], &be].concat(),
            le,
            be,
        ] {
            assert_eq!(super::super::sniff(&bytes), super::super::Format::Html);
            assert!(decode(&bytes).contains("一、总体情况"), "{:?}", &bytes[..4]);
        }
        // Text whose first characters are not markup is not taken for UTF-16.
        assert!(super::super::utf16(b"a\0b\0c\0d\0e\0f\0g\0h\0").is_none());
        assert!(super::super::utf16("<p>一、总体情况</p>".as_bytes()).is_none());
    }
}
