"""Writes benches/fixtures/wps-style-report.pdf: the CID fixture's report
(benches/fixtures/cid-report.pdf, made by tools/make_pdf_bench_fixture.py)
drawn the way WPS Office writes a PDF, for the speed benchmarks (issue 12).

The same pages, text, positions and rulings; only how the text is encoded
changes, to what WPS writes (as in published reports printed by WPS 文字):
a Type0 font with /Identity-H over a CIDFontType2 whose codes are glyph ids
(a subset font keeps the full font's ids, spread over the font), a
ToUnicode CMap, each glyph its own `<gid>Tj` followed by `w -0 TD` to the
next glyph, a text matrix scaled by 0.05 under a font size twenty times
the printed one, a graphics state and colour set in every text object, and
content streams compressed with /FlateDecode. The font program itself is
not embedded (none is at hand to subset; a reader of text needs only the
ToUnicode map and the widths, and neither govreport nor the lopdf floor
reads the program).

Needs the PyPI packages reportlab (the fixture font's widths) and pymupdf
(to read the source pages). Run from the repo root, after
tools/make_pdf_bench_fixture.py.
"""
import re
import zlib

import pymupdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

SRC = 'benches/fixtures/cid-report.pdf'
OUT = 'benches/fixtures/wps-style-report.pdf'
# The CID font's resource name in the source (reportlab's second font).
CID_FONT = '/F2'
SCALE = 20

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))

TOKEN = re.compile(rb'\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>]+|\[|\]|[^\s/\[\]()<>]+)', re.S)


def literal(tok):
    """The bytes of a literal string token."""
    body, out, i = tok[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        n = body[i + 1:i + 2]
        if n.isdigit():
            digits = re.match(rb'[0-7]{1,3}', body[i + 1:]).group(0)
            out.append(int(digits, 8) & 0xFF)
            i += 1 + len(digits)
        else:
            out += {b'n': b'\n', b'r': b'\r', b't': b'\t', b'b': b'\b', b'f': b'\f'}.get(n, n)
            i += 2
    return bytes(out)


def string_bytes(tok):
    if tok.startswith(b'('):
        return literal(tok)
    return bytes.fromhex(re.sub(rb'\s', b'', tok[1:-1]).decode())


class Glyphs:
    """Glyph ids for the characters drawn, spread as a subset font keeps a
    full font's ids (CJK far apart, ASCII low), each id one character."""

    def __init__(self):
        self.gid = {}
        self.used = set()

    def of(self, ch):
        if ch not in self.gid:
            cp = ord(ch)
            g = cp - 29 if cp < 0x80 else 600 + (cp * 7919) % 24000
            while g in self.used:
                g += 1
            self.used.add(g)
            self.gid[ch] = g
        return self.gid[ch]


def fmt(v):
    s = ('%.3f' % v).rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


def rewrite(content, glyphs):
    """The page's content with each string of the CID font drawn as WPS
    draws text; everything else as it was."""
    toks = TOKEN.findall(content)
    out, args = [], []
    in_text, text_ops = False, []
    tlm, leading, font, size = [0.0, 0.0], 0.0, None, 0.0
    # The fill colour in force (WPS sets it again in each text object).
    fill, saved = '0 g', []
    for tok in toks:
        is_operand = (tok[:1] in b'(</[]' or re.fullmatch(rb'[-+.0-9]+', tok)
                      or tok in (b'true', b'false', b'null'))
        if is_operand:
            args.append(tok)
            continue
        op = tok.decode('latin1')
        a = [x.decode('latin1') for x in args]
        if op == 'BT':
            in_text, text_ops, tlm = True, [], [0.0, 0.0]
        elif op == 'ET':
            if text_ops:
                out.append('q\nBT\n' + '\n'.join(text_ops) + '\nET\nQ')
            in_text = False
        elif in_text and op == 'Tm':
            assert a[:4] == ['1', '0', '0', '1'], a
            tlm = [float(a[4]), float(a[5])]
        elif in_text and op == 'Td':
            tlm = [tlm[0] + float(a[0]), tlm[1] + float(a[1])]
        elif in_text and op == 'TD':
            leading = -float(a[1])
            tlm = [tlm[0] + float(a[0]), tlm[1] + float(a[1])]
        elif in_text and op == 'TL':
            leading = float(a[0])
        elif in_text and op == 'T*':
            tlm = [tlm[0], tlm[1] - leading]
        elif in_text and op == 'Tf':
            font, size = a[0], float(a[1])
        elif in_text and op == 'Tj':
            raw = string_bytes(args[0])
            if font == CID_FONT:
                text = raw.decode('utf-16-be')
                parts = [f'/FT1 {fmt(size * SCALE)} Tf', '/GS1 gs',
                         f'{1 / SCALE:g} 0 0 {1 / SCALE:g} {fmt(tlm[0])} {fmt(tlm[1])} Tm']
                run = []
                for i, ch in enumerate(text):
                    if i:
                        w = pdfmetrics.stringWidth(text[i - 1], 'STSong-Light', size * SCALE)
                        run.append(f' {fmt(w)} -0 TD')
                    run.append('<%04x>Tj' % glyphs.of(ch))
                text_ops += [fill] + parts + [''.join(run)]
            else:
                text_ops += [f'{font} {fmt(size)} Tf', f'1 0 0 1 {fmt(tlm[0])} {fmt(tlm[1])} Tm',
                             args[0].decode('latin1') + ' Tj']
        elif in_text and op in ('rg', 'g', 'k', 'RG', 'G', 'K'):
            text_ops.append(' '.join(a + [op]))
            if op in ('rg', 'g', 'k'):
                fill = ' '.join(a + [op])
        elif in_text:
            raise SystemExit(f'text operator {op} not handled')
        else:
            out.append(' '.join(a + [op]))
            if op in ('rg', 'g', 'k'):
                fill = ' '.join(a + [op])
            elif op == 'q':
                saved.append(fill)
            elif op == 'Q' and saved:
                fill = saved.pop()
        args = []
    return '\n'.join(out).encode('latin1')


def to_unicode(gids):
    lines = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
             '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
             '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
             '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange']
    items = sorted((g, ch) for ch, g in gids.items())
    for k in range(0, len(items), 100):
        block = items[k:k + 100]
        lines.append(f'{len(block)} beginbfchar')
        lines += ['<%04x> <%s>' % (g, ch.encode('utf-16-be').hex()) for g, ch in block]
        lines.append('endbfchar')
    lines += ['endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end']
    return '\n'.join(lines).encode()


def stream(body, compress=True):
    data = zlib.compress(body, 6) if compress else body
    head = f'<< /Length {len(data)}' + (' /Filter /FlateDecode' if compress else '') + ' >>'
    return head.encode() + b'\nstream\n' + data + b'\nendstream'


def main():
    src = pymupdf.open(SRC)
    glyphs = Glyphs()
    pages = [(p.rect, rewrite(p.read_contents(), glyphs)) for p in src]
    objs = {}
    objs[3] = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
    widths = ' '.join(f'{g} [{fmt(pdfmetrics.stringWidth(ch, "STSong-Light", 1000))}]'
                      for ch, g in sorted(glyphs.gid.items(), key=lambda x: x[1]))
    objs[4] = (b'<< /Type /Font /Subtype /Type0 /BaseFont /WPSAAA+SimSun /Encoding /Identity-H '
               b'/DescendantFonts [5 0 R] /ToUnicode 7 0 R >>')
    objs[5] = (b'<< /Type /Font /Subtype /CIDFontType2 /BaseFont /WPSAAA+SimSun '
               b'/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> '
               b'/FontDescriptor 6 0 R /DW 1000 /CIDToGIDMap /Identity /W [' + widths.encode() + b'] >>')
    objs[6] = (b'<< /Type /FontDescriptor /FontName /WPSAAA+SimSun /Flags 6 /FontBBox [-8 -145 1000 859] '
               b'/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 93 >>')
    objs[7] = stream(to_unicode(glyphs.gid))
    objs[8] = b'<< /Type /ExtGState /CA 1 /ca 1 /BM /Normal >>'
    kids = []
    for i, (rect, content) in enumerate(pages):
        page, cont = 9 + 2 * i, 10 + 2 * i
        kids.append(f'{page} 0 R')
        objs[page] = (f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {fmt(rect.width)} {fmt(rect.height)}] '
                      f'/Resources << /Font << /F1 3 0 R /FT1 4 0 R >> /ExtGState << /GS1 8 0 R >> >> '
                      f'/Contents {cont} 0 R >>').encode()
        objs[cont] = stream(content)
    objs[1] = b'<< /Type /Catalog /Pages 2 0 R >>'
    objs[2] = f'<< /Type /Pages /Kids [{" ".join(kids)}] /Count {len(kids)} >>'.encode()
    n = max(objs) + 1
    objs[n] = b'<< /Creator (WPS-style fixture, govreport tools) >>'
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(out)
        out += f'{k} 0 obj\n'.encode() + objs[k] + b'\nendobj\n'
    xref = len(out)
    out += f'xref\n0 {n + 1}\n0000000000 65535 f \n'.encode()
    out += b''.join(b'%010d 00000 n \n' % offsets[k] for k in range(1, n + 1))
    out += f'trailer\n<< /Size {n + 1} /Root 1 0 R /Info {n} 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    with open(OUT, 'wb') as f:
        f.write(out)
    print(OUT, len(out), 'bytes,', len(pages), 'pages,', len(glyphs.gid), 'glyphs')


if __name__ == '__main__':
    main()
