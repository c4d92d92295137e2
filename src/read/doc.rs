//! Word 97–2003 binary documents (.doc, and Kingsoft .wps in the same
//! format), per [MS-DOC]: the OLE container (cfb), the FIB, the piece table
//! (8-bit compressed vs UTF-16 pieces), paragraph properties from PAPX FKPs
//! (in-table, row ends, cell edges and vertical merges of sprmTDefTable),
//! character properties from CHPX FKPs (deleted revisions, hidden text),
//! fields (result kept, code dropped) and automatic list numbers from the
//! list tables. Only the main story is read: headers, footers, footnotes and
//! text boxes lie past `ccpText` in the CP space.

use super::numbering::format_counter;
use super::{Deadline, Limits, ReadError};
use crate::model::{Block, Cell, CellBuilder, Document, Paragraph, Table};
use foldhash::{HashMap, HashMapExt};
use std::io::{Cursor, Read};

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn i16_at(b: &[u8], at: usize) -> Option<i16> {
    u16_at(b, at).map(|v| v as i16)
}

fn corrupt(what: &str) -> ReadError {
    ReadError::Corrupt(format!(
        "the Word document is damaged ({what}); it may be truncated"
    ))
}

fn read_stream(
    cf: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Option<Vec<u8>>, ReadError> {
    if !cf.is_stream(name) {
        return Ok(None);
    }
    let mut s = cf.open_stream(name).map_err(|e| corrupt(&e.to_string()))?;
    let mut buf = Vec::new();
    (&mut s)
        .take(limits.max_member_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(|e| corrupt(&e.to_string()))?;
    if buf.len() as u64 > limits.max_member_bytes {
        return Err(ReadError::TooLarge(format!(
            "the {name} stream is over {} bytes",
            limits.max_member_bytes
        )));
    }
    Ok(Some(buf))
}

/// The FIB fields the reader uses.
struct Fib {
    table_stream: &'static str,
    ccp_text: u32,
    /// (fc, lcb) pairs of FibRgFcLcb.
    fclcb: Vec<(u32, u32)>,
}

impl Fib {
    fn parse(w: &[u8]) -> Result<Fib, ReadError> {
        if u16_at(w, 0) != Some(0xA5EC) {
            return Err(ReadError::Unsupported(
                "an OLE file with a WordDocument stream that is not a Word 97–2003 document".into(),
            ));
        }
        let flags = u16_at(w, 0x0A).ok_or_else(|| corrupt("FIB"))?;
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
            return Err(ReadError::Encrypted(
                "the Word document is protected by a password; open it in Word and save it without one".into(),
            ));
        }
        let table_stream = if flags & 0x0200 != 0 {
            "1Table"
        } else {
            "0Table"
        };
        let csw = usize::from(u16_at(w, 32).ok_or_else(|| corrupt("FIB"))?);
        let lw_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(w, lw_at).ok_or_else(|| corrupt("FIB"))?);
        let ccp_text = u32_at(w, lw_at + 2 + 3 * 4).ok_or_else(|| corrupt("FIB"))?;
        let fc_at = lw_at + 2 + cslw * 4;
        let n = usize::from(u16_at(w, fc_at).ok_or_else(|| corrupt("FIB"))?);
        let mut fclcb = Vec::with_capacity(n);
        for i in 0..n {
            let at = fc_at + 2 + i * 8;
            match (u32_at(w, at), u32_at(w, at + 4)) {
                (Some(fc), Some(lcb)) => fclcb.push((fc, lcb)),
                _ => break,
            }
        }
        Ok(Fib {
            table_stream,
            ccp_text,
            fclcb,
        })
    }

    fn slice<'a>(&self, index: usize, table: &'a [u8]) -> Option<&'a [u8]> {
        let (fc, lcb) = *self.fclcb.get(index)?;
        if lcb == 0 {
            return None;
        }
        table.get(fc as usize..fc as usize + lcb as usize)
    }
}

const FC_PLCF_BTE_CHPX: usize = 12;
const FC_PLCF_BTE_PAPX: usize = 13;
const FC_CLX: usize = 33;
const FC_PLF_LST: usize = 73;
const FC_PLF_LFO: usize = 74;

/// Most characters read from the main story (a long report has a few
/// hundred thousand; pieces can map one run over and over).
const MAX_TEXT_CHARS: usize = 20_000_000;
/// Deepest field nesting tracked.
const MAX_FIELD_DEPTH: usize = 256;
/// Most paragraph and cell marks read from the main story (a report has a
/// few thousand; pieces can map a run of marks over and over, and each
/// mark costs a paragraph of its own: 19 million took 5.4 GB).
const MAX_PARAGRAPHS: usize = 300_000;

/// One piece: CPs [cp, cp_end) stored at `fc` in the WordDocument stream.
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

fn pieces(clx: &[u8]) -> Result<Vec<Piece>, ReadError> {
    let mut i = 0;
    // Skip Prc entries (0x01, cb, grpprl).
    while clx.get(i) == Some(&0x01) {
        let cb = usize::from(u16_at(clx, i + 1).ok_or_else(|| corrupt("piece table"))?);
        i += 3 + cb;
    }
    if clx.get(i) != Some(&0x02) {
        return Err(corrupt("piece table"));
    }
    let lcb = u32_at(clx, i + 1).ok_or_else(|| corrupt("piece table"))? as usize;
    let plc = clx
        .get(i + 5..i + 5 + lcb)
        .ok_or_else(|| corrupt("piece table"))?;
    let n = (lcb.saturating_sub(4)) / 12;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let (Some(cp), Some(cp_end)) = (u32_at(plc, k * 4), u32_at(plc, k * 4 + 4)) else {
            break;
        };
        let pcd = (n + 1) * 4 + k * 8;
        let Some(fc_raw) = u32_at(plc, pcd + 2) else {
            break;
        };
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = if compressed {
            (fc_raw & 0x3FFF_FFFF) / 2
        } else {
            fc_raw
        };
        out.push(Piece {
            cp,
            cp_end,
            fc,
            compressed,
        });
    }
    Ok(out)
}

/// Characters of the 8-bit compressed pieces that differ from Latin-1.
fn cp1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('?'),
        _ => char::from(b),
    }
}

/// Iterates sprms of a grpprl: (sprm, operand).
fn sprms(grpprl: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 <= grpprl.len() {
        let sprm = u16::from_le_bytes([grpprl[i], grpprl[i + 1]]);
        i += 2;
        let len = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => {
                // Variable: a size byte; sprmTDefTable's size is a u16 (+1).
                if sprm == 0xD608 || sprm == 0xD606 {
                    let n = usize::from(u16_at(grpprl, i).unwrap_or(0));
                    i += 2;
                    n.saturating_sub(1)
                } else {
                    let n = usize::from(*grpprl.get(i).unwrap_or(&0));
                    i += 1;
                    n
                }
            }
        };
        // A truncated grpprl ends the list rather than a slice past its end.
        let Some(op) = grpprl.get(i..(i + len).min(grpprl.len())) else {
            break;
        };
        out.push((sprm, op));
        i += op.len();
        if op.len() < len {
            break;
        }
    }
    out
}

/// Paragraph properties the reader needs.
/// (The RTF reader gives its paragraphs these too: RTF is Word's model
/// written as text, and its tables are built by the same code.)
#[derive(Default, Clone)]
pub(super) struct Pap {
    pub(super) in_table: bool,
    pub(super) row_end: bool,
    /// Ends a cell of a table nested in another (sprmPFInnerTableCell).
    pub(super) inner_cell: bool,
    /// Ends a row of a nested table (sprmPFInnerTtp).
    pub(super) inner_row_end: bool,
    /// Table depth (sprmPItap): 1 for a table in the body, 2 for one
    /// nested in its cell, …
    pub(super) depth: u32,
    /// Cell edges of the row (twips), from sprmTDefTable on the row end.
    pub(super) edges: Vec<i16>,
    /// Per cell: 0 none, 1 continues the cell above, 3 starts a merge.
    pub(super) vmerge: Vec<u8>,
    ilfo: u16,
    ilvl: u8,
    pub(super) outline: Option<u8>,
}

fn parse_pap(grpprl: &[u8]) -> Pap {
    let mut p = Pap::default();
    for (sprm, op) in sprms(grpprl) {
        let b0 = *op.first().unwrap_or(&0);
        match sprm {
            0x2416 => p.in_table = b0 != 0,
            0x2417 => p.row_end = b0 != 0,
            0x6649 => p.depth = u32_at(op, 0).unwrap_or(0),
            0x244B => p.inner_cell = b0 != 0,
            0x244C => p.inner_row_end = b0 != 0,
            0x460B => p.ilfo = u16_at(op, 0).unwrap_or(0),
            0x260A => p.ilvl = b0.min(8),
            0x2640 => p.outline = (b0 < 9).then_some(b0),
            0xD608 => {
                let n = usize::from(b0);
                p.edges = (0..=n).filter_map(|k| i16_at(op, 1 + k * 2)).collect();
                let tcs = 1 + (n + 1) * 2;
                p.vmerge = (0..n)
                    .map(|k| {
                        let f = u16_at(op, tcs + k * 20).unwrap_or(0);
                        if f & 0x0040 != 0 {
                            3
                        } else if f & 0x0020 != 0 {
                            1
                        } else {
                            0
                        }
                    })
                    .collect();
            }
            0xD62B => {
                // sprmTVertMerge: cell index, flags.
                let (itc, flags) = (usize::from(b0), *op.get(1).unwrap_or(&0));
                if p.vmerge.len() <= itc {
                    p.vmerge.resize(itc + 1, 0);
                }
                p.vmerge[itc] = flags;
            }
            _ => {}
        }
    }
    p
}

/// FKP lookups: for an FC in the WordDocument stream, the property bytes.
struct Fkps<'a> {
    word: &'a [u8],
    /// The Data stream, where sprmPHugePapx keeps oversized PAPX.
    data: &'a [u8],
    /// (fc_first, fc_lim, page number)
    pages: Vec<(u32, u32, u32)>,
}

impl<'a> Fkps<'a> {
    fn new(word: &'a [u8], data: &'a [u8], plc: Option<&[u8]>) -> Fkps<'a> {
        let mut pages = Vec::new();
        if let Some(plc) = plc {
            let n = plc.len().saturating_sub(4) / 8;
            for k in 0..n {
                if let (Some(a), Some(b), Some(pn)) = (
                    u32_at(plc, k * 4),
                    u32_at(plc, k * 4 + 4),
                    u32_at(plc, (n + 1) * 4 + k * 4),
                ) {
                    pages.push((a, b, pn & 0x3F_FFFF));
                }
            }
        }
        // In order of their first fc (as writers write them), so the page
        // of a character is found by a binary search, not a scan per
        // character.
        pages.sort_by_key(|(a, _, _)| *a);
        Fkps { word, data, pages }
    }

    /// The FKP page holding `fc` and the run index in it. Writers leave
    /// small gaps between pages and runs, so the nearest page and run that
    /// start at or before `fc` are taken when none contains it.
    fn locate(&self, fc: u32) -> Option<(&'a [u8], usize)> {
        let at = self.pages.partition_point(|(a, _, _)| *a <= fc);
        let &(_, _, pn) = self.pages.get(at.checked_sub(1)?)?;
        let page = self.word.get(pn as usize * 512..pn as usize * 512 + 512)?;
        let crun = usize::from(page[511]);
        let run = (0..crun)
            .find(|&i| {
                let (a, b) = (
                    u32_at(page, i * 4).unwrap_or(0),
                    u32_at(page, i * 4 + 4).unwrap_or(0),
                );
                fc >= a && fc < b
            })
            .or_else(|| {
                (0..crun)
                    .rev()
                    .find(|&i| u32_at(page, i * 4).is_some_and(|a| a <= fc))
            })?;
        Some((page, run))
    }

    fn papx(&self, fc: u32) -> Pap {
        let Some((page, run)) = self.locate(fc) else {
            return Pap::default();
        };
        let crun = usize::from(page[511]);
        let bx = (crun + 1) * 4 + run * 13;
        let off = usize::from(*page.get(bx).unwrap_or(&0)) * 2;
        if off == 0 {
            return Pap::default();
        }
        let cb = usize::from(*page.get(off).unwrap_or(&0));
        let (start, len) = if cb == 0 {
            (off + 2, usize::from(*page.get(off + 1).unwrap_or(&0)) * 2)
        } else {
            (off + 1, cb * 2 - 1)
        };
        let Some(bytes) = page.get(start..(start + len).min(511)) else {
            return Pap::default();
        };
        // GrpPrlAndIstd: the style index, then the sprms.
        let grpprl = bytes.get(2..).unwrap_or_default();
        // A PAPX too large for the page (a row definition of a wide table)
        // lives in the Data stream: sprmPHugePapx gives its offset.
        let huge = sprms(grpprl)
            .into_iter()
            .find(|(s, _)| *s == 0x6646)
            .and_then(|(_, op)| u32_at(op, 0));
        if let Some(at) = huge {
            let at = at as usize;
            let cb = usize::from(u16_at(self.data, at).unwrap_or(0));
            if let Some(big) = self.data.get(at + 2..at + 2 + cb) {
                return parse_pap(big);
            }
        }
        parse_pap(grpprl)
    }

    /// Whether the run holding `fc` is deleted (tracked) or hidden text.
    fn chpx_dropped(&self, fc: u32) -> bool {
        let Some((page, run)) = self.locate(fc) else {
            return false;
        };
        let crun = usize::from(page[511]);
        let off = usize::from(*page.get((crun + 1) * 4 + run).unwrap_or(&0)) * 2;
        if off == 0 {
            return false;
        }
        let cb = usize::from(*page.get(off).unwrap_or(&0));
        let Some(grpprl) = page.get(off + 1..(off + 1 + cb).min(511)) else {
            return false;
        };
        sprms(grpprl)
            .iter()
            .any(|(s, op)| matches!(s, 0x0800 | 0x083C) && op.first().is_some_and(|b| *b & 1 == 1))
    }
}

/// List definitions for automatic numbering (PlfLst + PlfLfo).
struct Lists {
    /// lsid → levels (start, nfc, number text with level placeholders).
    defs: HashMap<u32, Vec<(i32, u8, Vec<u16>)>>,
    /// ilfo (1-based) → lsid
    lfo: Vec<u32>,
    counters: HashMap<u32, [Option<i32>; 9]>,
}

impl Lists {
    fn parse(lst: Option<&[u8]>, lfo: Option<&[u8]>) -> Lists {
        let mut defs = HashMap::new();
        if let Some(b) = lst {
            let n = usize::try_from(i16_at(b, 0).unwrap_or(0).max(0)).unwrap_or(0);
            let mut lvl_at = 2 + n * 28;
            for k in 0..n {
                let at = 2 + k * 28;
                let Some(lsid) = u32_at(b, at) else { break };
                let simple = b.get(at + 26).is_some_and(|f| f & 1 != 0);
                let count = if simple { 1 } else { 9 };
                let mut levels = Vec::new();
                for _ in 0..count {
                    let Some(start) = u32_at(b, lvl_at).map(|v| v as i32) else {
                        break;
                    };
                    let nfc = *b.get(lvl_at + 4).unwrap_or(&0);
                    let cb_chpx = usize::from(*b.get(lvl_at + 24).unwrap_or(&0));
                    let cb_papx = usize::from(*b.get(lvl_at + 25).unwrap_or(&0));
                    let xst = lvl_at + 28 + cb_papx + cb_chpx;
                    let cch = usize::from(u16_at(b, xst).unwrap_or(0)).min(64);
                    let text: Vec<u16> = (0..cch)
                        .filter_map(|i| u16_at(b, xst + 2 + i * 2))
                        .collect();
                    levels.push((start, nfc, text));
                    lvl_at = xst + 2 + cch * 2;
                }
                defs.insert(lsid, levels);
            }
        }
        let mut lfos = Vec::new();
        if let Some(b) = lfo {
            let n = u32_at(b, 0).unwrap_or(0).min(10_000) as usize;
            for k in 0..n {
                lfos.push(u32_at(b, 4 + k * 16).unwrap_or(0));
            }
        }
        Lists {
            defs,
            lfo: lfos,
            counters: HashMap::new(),
        }
    }

    /// The label of the next paragraph of list `ilfo` at level `ilvl`.
    fn next(&mut self, ilfo: u16, ilvl: u8) -> Option<String> {
        let lsid = *self.lfo.get(usize::from(ilfo).checked_sub(1)?)?;
        let levels = self.defs.get(&lsid)?;
        let l = usize::from(ilvl).min(levels.len().checked_sub(1)?);
        let counters = self.counters.entry(lsid).or_insert([None; 9]);
        counters[l] = Some(counters[l].map_or(levels[l].0, |c| c + 1));
        for c in counters.iter_mut().skip(l + 1) {
            *c = None;
        }
        let snapshot = *counters;
        let (_, nfc, text) = &levels[l];
        if *nfc == 23 {
            return None;
        }
        let mut out = String::new();
        for &u in text {
            if u < 9 {
                let li = usize::from(u);
                let value = snapshot
                    .get(li)
                    .copied()
                    .flatten()
                    .unwrap_or(levels.get(li).map_or(1, |x| x.0));
                let fmt = levels.get(li).map_or(0, |x| x.1);
                out.push_str(&format_counter(i64::from(value), nfc_name(fmt)));
            } else if let Some(c) = char::from_u32(u32::from(u)) {
                out.push(c);
            }
        }
        Some(out)
    }
}

/// [MS-DOC] nfc codes, in the order of ST_NumberFormat.
fn nfc_name(nfc: u8) -> &'static str {
    match nfc {
        0 => "decimal",
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        14 | 19 => "decimalFullWidth",
        18 | 28 => "decimalEnclosedCircle",
        22 => "decimalZero",
        30 => "ideographTraditional",
        31 => "ideographZodiac",
        33 | 35 | 37 | 39 => "chineseCounting",
        38 => "chineseLegalSimplified",
        255 => "none",
        _ => "decimal",
    }
}

/// A paragraph of the main story with its properties.
pub(super) struct Para {
    pub(super) text: String,
    pub(super) pap: Pap,
}

pub fn read(bytes: &[u8], limits: &Limits, deadline: &Deadline) -> Result<Document, ReadError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| corrupt(&format!("the OLE container cannot be opened: {e}")))?;
    let word = read_stream(&mut cf, "/WordDocument", limits)?.ok_or_else(|| {
        ReadError::Unsupported("an OLE file without a WordDocument stream".into())
    })?;
    let fib = Fib::parse(&word)?;
    let table = read_stream(&mut cf, &format!("/{}", fib.table_stream), limits)?
        .ok_or_else(|| corrupt("no table stream"))?;
    let clx = fib
        .slice(FC_CLX, &table)
        .ok_or_else(|| corrupt("no piece table"))?;
    let pieces = pieces(clx)?;
    let data = read_stream(&mut cf, "/Data", limits)?.unwrap_or_default();
    let papx = Fkps::new(&word, &data, fib.slice(FC_PLCF_BTE_PAPX, &table));
    let chpx = Fkps::new(&word, &data, fib.slice(FC_PLCF_BTE_CHPX, &table));
    // The LVL records follow the PlfLst in the table stream, past its lcb.
    let lst = fib
        .slice(FC_PLF_LST, &table)
        .and_then(|_| table.get(fib.fclcb[FC_PLF_LST].0 as usize..));
    let mut lists = Lists::parse(lst, fib.slice(FC_PLF_LFO, &table));

    // The main story, character by character, split into paragraphs.
    let mut paras: Vec<Para> = Vec::new();
    let mut cur = String::new();
    // Field nesting: true once past the separator (result text).
    let mut fields: Vec<bool> = Vec::new();
    let mut in_codes = 0usize;
    let mut count = 0usize;
    for p in &pieces {
        if p.cp >= fib.ccp_text {
            break;
        }
        let end = p.cp_end.min(fib.ccp_text);
        for cp in p.cp..end {
            count += 1;
            if count.is_multiple_of(8192) {
                deadline.check()?;
            }
            if count > MAX_TEXT_CHARS {
                return Err(ReadError::TooLarge(format!(
                    "the document's pieces hold more than {MAX_TEXT_CHARS} characters; no report does"
                )));
            }
            let k = cp - p.cp;
            let (fc, c) = if p.compressed {
                let fc = p.fc + k;
                (fc, word.get(fc as usize).map(|b| cp1252(*b)))
            } else {
                let fc = p.fc + k * 2;
                (
                    fc,
                    u16_at(&word, fc as usize).and_then(|u| char::from_u32(u32::from(u))),
                )
            };
            let Some(c) = c else {
                return Err(corrupt("text outside the stream"));
            };
            // Field nesting is bounded (a run of a million field starts
            // must not make each character scan a million-deep stack); the
            // count of fields still in their code part decides hiding.
            match c {
                '\u{13}' => {
                    if fields.len() < MAX_FIELD_DEPTH {
                        fields.push(false);
                        in_codes += 1;
                    }
                    continue;
                }
                '\u{14}' => {
                    if let Some(f) = fields.last_mut()
                        && !*f
                    {
                        *f = true;
                        in_codes -= 1;
                    }
                    continue;
                }
                '\u{15}' => {
                    if fields.pop() == Some(false) {
                        in_codes -= 1;
                    }
                    continue;
                }
                _ => {}
            }
            let in_code = in_codes > 0;
            let is_mark = c == '\r' || c == '\u{7}';
            if !is_mark && (in_code || chpx.chpx_dropped(fc)) {
                continue;
            }
            match c {
                '\r' | '\u{7}' => {
                    if paras.len() >= MAX_PARAGRAPHS {
                        return Err(ReadError::TooLarge(format!(
                            "the document's pieces hold more than {MAX_PARAGRAPHS} paragraphs and table cells; no report does"
                        )));
                    }
                    let mut pap = papx.papx(fc);
                    if c == '\u{7}' && !pap.in_table {
                        pap.in_table = true;
                    }
                    let mut text = std::mem::take(&mut cur);
                    if c == '\u{7}' {
                        text.push('\u{7}');
                    }
                    paras.push(Para { text, pap });
                }
                '\u{b}' => cur.push('\n'),
                '\u{c}' | '\u{1}' | '\u{8}' | '\u{2}' | '\u{5}' => {}
                '\u{1e}' => cur.push('-'),
                '\u{1f}' => {}
                '\t' => cur.push('\t'),
                c if (c as u32) < 0x20 => {}
                c => cur.push(c),
            }
        }
    }
    if !cur.is_empty() {
        paras.push(Para {
            text: cur,
            pap: Pap::default(),
        });
    }
    Ok(Document {
        blocks: build_blocks(paras, &mut lists),
        notes: Vec::new(),
        page_info: Default::default(),
    })
}

/// Deepest table nesting followed (a report in a layout table holds its
/// data tables at depth 2; deeper paragraphs are kept at this depth).
const MAX_TABLE_DEPTH: usize = 16;

/// A cell's text (its paragraphs joined by `\n`) and its blocks (paragraphs
/// and nested tables, for unwrapping a layout table).
#[derive(Default)]
struct CellContent {
    text: String,
    blocks: Vec<Block>,
}

/// A table being read at one depth: its rows so far, the open row's cells
/// and the open cell's paragraphs and nested tables.
#[derive(Default)]
struct Level {
    rows: Vec<(Vec<CellContent>, Pap)>,
    row_cells: Vec<CellContent>,
    cell_texts: Vec<String>,
    cell_blocks: Vec<Block>,
}

impl Level {
    fn push_paragraph(&mut self, text: String, heading_level: Option<u8>) {
        self.cell_blocks.push(Block::Paragraph(Paragraph {
            text: text.clone(),
            heading_level,
        }));
        self.cell_texts.push(text);
    }

    fn end_cell(&mut self) {
        self.row_cells.push(CellContent {
            text: std::mem::take(&mut self.cell_texts).join("\n"),
            blocks: std::mem::take(&mut self.cell_blocks),
        });
    }

    /// The table, a row left without its row-end mark counted; None when
    /// nothing was read.
    fn finish(mut self) -> Option<Table> {
        if !self.cell_texts.is_empty() || !self.cell_blocks.is_empty() {
            self.end_cell();
        }
        if !self.row_cells.is_empty() {
            self.rows.push((self.row_cells, Pap::default()));
        }
        (!self.rows.is_empty()).then(|| rows_to_table(self.rows))
    }
}

/// Paragraphs → blocks: runs of in-table paragraphs become tables — cells
/// end at 0x07 (at depth 1) or at sprmPFInnerTableCell (deeper), rows at a
/// row-end paragraph whose sprmTDefTable gives the edges — and a table
/// nested in a cell is one of that cell's blocks (a report laid out in a
/// table holds its data tables so; the model unwraps the layout table).
fn build_blocks(paras: Vec<Para>, lists: &mut Lists) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut levels: Vec<Level> = Vec::new();
    // Closes the innermost table: a block of the cell around it, or of the body.
    let close = |levels: &mut Vec<Level>, blocks: &mut Vec<Block>| {
        if let Some(t) = levels.pop().and_then(Level::finish) {
            match levels.last_mut() {
                Some(outer) => {
                    outer.cell_texts.push(table_text(&t));
                    outer.cell_blocks.push(Block::Table(t));
                }
                None => blocks.push(Block::Table(t)),
            }
        }
    };
    for p in paras {
        let label = if p.pap.ilfo > 0 && p.pap.ilfo != 0xF801 {
            lists.next(p.pap.ilfo, p.pap.ilvl)
        } else {
            None
        };
        let mut text = p.text;
        if let Some(l) = label {
            text.insert_str(0, &l);
        }
        let in_table = p.pap.in_table || p.pap.row_end || p.pap.inner_cell || p.pap.inner_row_end;
        let depth = if in_table {
            (p.pap.depth as usize).clamp(1, MAX_TABLE_DEPTH)
        } else {
            0
        };
        while levels.len() > depth {
            close(&mut levels, &mut blocks);
        }
        while levels.len() < depth {
            levels.push(Level::default());
        }
        let Some(level) = levels.last_mut() else {
            blocks.push(Block::Paragraph(Paragraph {
                text,
                heading_level: p.pap.outline,
            }));
            continue;
        };
        let (row_end, cell_end) = if depth == 1 {
            (
                p.pap.row_end || p.pap.inner_row_end,
                text.ends_with('\u{7}'),
            )
        } else {
            (p.pap.inner_row_end, p.pap.inner_cell)
        };
        if row_end {
            // The row-end mark carries the row's definition.
            let cells = std::mem::take(&mut level.row_cells);
            level.rows.push((cells, p.pap));
            level.cell_texts.clear();
            level.cell_blocks.clear();
            continue;
        }
        let text = match text.strip_suffix('\u{7}') {
            Some(t) => t.to_string(),
            None => text,
        };
        // Its outline level kept: a layout table's paragraphs are the body's.
        level.push_paragraph(text, p.pap.outline);
        if cell_end {
            level.end_cell();
        }
    }
    while !levels.is_empty() {
        close(&mut levels, &mut blocks);
    }
    blocks
}

/// [`build_blocks`] of paragraphs without list numbers (their labels are
/// in their text): the RTF reader's.
pub(super) fn blocks_of(paras: Vec<Para>) -> Vec<Block> {
    build_blocks(paras, &mut Lists::parse(None, None))
}

/// A nested table's text in its cell's: rows a line, cells apart by a space.
fn table_text(t: &Table) -> String {
    (0..t.n_rows())
        .map(|r| {
            t.row_cells(r)
                .iter()
                .filter(|c| !c.continued)
                .map(|c| c.cell.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rows with their cell edges → a grid: edges of all rows pooled into
/// columns (as for DOCX tables without a grid), vertical merges joined.
fn rows_to_table(rows: Vec<(Vec<CellContent>, Pap)>) -> Table {
    // A row with a cell of no width (a zero-width cell passed through by a
    // converter) places its cells by their order instead, its edges unused.
    let usable = |p: &Pap| p.edges.windows(2).all(|w| w[1] > w[0]);
    let mut all: Vec<i32> = rows
        .iter()
        .filter(|(_, p)| usable(p))
        .flat_map(|(_, p)| p.edges.iter().map(|e| i32::from(*e)))
        .collect();
    all.sort_unstable();
    let mut bounds: Vec<i32> = Vec::new();
    for x in all {
        if bounds.last().is_none_or(|b| x - b > 30) {
            bounds.push(x);
        }
    }
    // The bound nearest `x` (the lower of two as near), by binary search:
    // a file of many rows of distinct edges has thousands of bounds.
    let nearest = |x: i32| {
        let i = bounds.partition_point(|b| *b < x);
        match (i.checked_sub(1).map(|j| bounds[j]), bounds.get(i)) {
            (Some(below), Some(above)) if x - below <= above - x => i - 1,
            (Some(_), None) => i - 1,
            _ => i.min(bounds.len().saturating_sub(1)),
        }
    };
    let mut cells = CellBuilder::default();
    for (r, (contents, pap)) in rows.into_iter().enumerate() {
        let edges = if usable(&pap) { &pap.edges[..] } else { &[] };
        for (k, CellContent { text, blocks }) in contents.into_iter().enumerate() {
            let (start, span) = match (edges.get(k), edges.get(k + 1)) {
                (Some(a), Some(b)) => {
                    let s = nearest(i32::from(*a));
                    (s, nearest(i32::from(*b)).max(s + 1) - s)
                }
                _ => (k, 1),
            };
            if pap.vmerge.get(k) == Some(&1) && cells.merge_down(r, start).is_some() {
                continue;
            }
            cells.push(Cell {
                row: r,
                col: start,
                row_span: 1,
                col_span: span,
                blocks,
                text,
                at: None,
            });
        }
    }
    Table::from_cells(cells.cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A character's FKP page is the last one starting at or before it (a
    /// binary search); in a gap or past the last run, the nearest run
    /// before; before every page, none.
    #[test]
    fn fkp_pages_are_found_by_their_first_fc() {
        // FKP pages 1, 2 and 3 of one run each; the bin table's pages span
        // fcs 10..1000, 1000..2000 and 2000..2100.
        let mut word = vec![0u8; 4 * 512];
        for (pn, (a, b)) in [
            (1usize, (10u32, 100u32)),
            (2, (1000, 1100)),
            (3, (2000, 2100)),
        ] {
            let page = &mut word[pn * 512..pn * 512 + 512];
            page[0..4].copy_from_slice(&a.to_le_bytes());
            page[4..8].copy_from_slice(&b.to_le_bytes());
            page[511] = 1;
        }
        let plc: Vec<u8> = [10u32, 1000, 2000, 2100, 1, 2, 3]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let f = Fkps::new(&word, &[], Some(&plc));
        let page_of = |fc: u32| f.locate(fc).and_then(|(p, run)| Some((u32_at(p, 0)?, run)));
        assert_eq!(page_of(50), Some((10, 0)));
        assert_eq!(page_of(1050), Some((1000, 0)));
        assert_eq!(page_of(2099), Some((2000, 0)));
        assert_eq!(page_of(500), Some((10, 0)));
        assert_eq!(page_of(1500), Some((1000, 0)));
        assert_eq!(page_of(9999), Some((2000, 0)));
        assert_eq!(page_of(5), None);
    }

    fn para(text: &str, depth: u32, flags: &str) -> Para {
        Para {
            text: text.into(),
            pap: Pap {
                in_table: depth > 0,
                row_end: flags == "row",
                inner_cell: flags == "inner_cell" || flags == "inner_row",
                inner_row_end: flags == "inner_row",
                depth,
                ..Pap::default()
            },
        }
    }

    /// A report laid out in a one-cell table: its paragraphs at depth 1,
    /// its data table nested at depth 2 (cells ended by sprmPFInnerTableCell,
    /// rows by sprmPFInnerTtp) — the data table is a block of the layout
    /// cell, and unwrapping puts it in the body between its paragraphs.
    #[test]
    fn a_table_nested_in_a_layout_table_is_a_table_of_its_own() {
        let paras = vec![
            para("某局2020年政府信息公开工作年度报告", 1, ""),
            para("二、主动公开政府信息情况", 1, ""),
            para("信息内容", 2, "inner_cell"),
            para("本年新制作数量", 2, "inner_cell"),
            para("", 2, "inner_row"),
            para("规章", 2, "inner_cell"),
            para("3", 2, "inner_cell"),
            para("", 2, "inner_row"),
            para("三、收到和处理政府信息公开申请情况\u{7}", 1, ""),
            para("\u{7}", 1, "row"),
            para("六、其他需要报告的事项", 0, ""),
        ];
        let mut doc = Document {
            blocks: build_blocks(paras, &mut Lists::parse(None, None)),
            notes: Vec::new(),
            page_info: Default::default(),
        };
        doc.unwrap_layout_tables();
        let kinds: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.clone(),
                Block::Table(t) => format!("T{}x{} {}", t.n_rows(), t.n_cols(), t.cells[3].text),
                Block::Image(_) => "I".into(),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "某局2020年政府信息公开工作年度报告",
                "二、主动公开政府信息情况",
                "T2x2 3",
                "三、收到和处理政府信息公开申请情况",
                "六、其他需要报告的事项",
            ]
        );
    }
}
