"""Generates the OFD samples (GB/T 33190) and their expected records. Run
once from the repository root; outputs are committed. Needs the PyPI
packages reportlab, pymupdf and ofdkit (the independent reader every sample
is cross-checked with).

Each sample is the reportlab report of make_pdf_samples.py (figures typed in
by hand there) laid out again as OFD: the characters and rulings pymupdf
finds on the PDF's pages are written as OFD objects, in millimetres, in one
of several structures real producers use. The text and tables are the
report's, so the expected record is the reportlab sample's.

- ofd-2023-lines.ofd: one TextObject per line with an explicit DeltaX list,
  PathObject rulings, a TemplatePage with a running head and a rule, a
  rotated watermark drawn with a CTM, a red seal image.
- ofd-2023-glyphs.ofd: one TextObject per character (as 数科/福昕
  converters write), digits in a second font, paths as closed rectangles.
- ofd-2023-three-line.ofd: the 三线表 report, horizontal rules only, DeltaX
  written with the `g` abbreviation, table 三 running onto page 2.
- ofd-2023-vertical.ofd: the group labels of table 三 written top to
  bottom, each label one TextCode whose characters step down by DeltaY.
"""
import hashlib
import os
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import make_pdf_samples as pdfs  # noqa: E402

OUT = 'samples'
MM = 25.4 / 72
NS = 'http://www.ofdspec.org/2016'


# pymupdf reports a vertical font's brackets as presentation forms; an OFD
# TextCode holds the plain characters.
VERTICAL_FORMS = {'︵': '（', '︶': '）'}


def is_watermark(ln):
    """Text at an angle (the PDF's diagonal watermark)."""
    return tuple(round(v, 4) for v in ln['dir']) not in ((1.0, 0.0), (0.0, 1.0))


def f(v):
    return ('%.3f' % v).rstrip('0').rstrip('.')


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def page_items(pdf_path):
    """Per page: (width, height, lines, paths) in millimetres. A line is a
    list of (char, x, y, advance) on one baseline with its size and
    direction; a path is (kind, points, width, fill)."""
    import pymupdf
    pages = []
    for page in pymupdf.open(pdf_path):
        lines = []
        for b in page.get_text('rawdict')['blocks']:
            for ln in b.get('lines', []):
                for s in ln['spans']:
                    chars = [(VERTICAL_FORMS.get(c['c'], c['c']), c['origin'][0] * MM, c['origin'][1] * MM,
                              (c['bbox'][2] - c['bbox'][0]) * MM) for c in s['chars']]
                    if any(c[0].strip() for c in chars):
                        lines.append({'chars': chars, 'size': s['size'] * MM, 'dir': ln['dir']})
        paths = []
        for d in page.get_drawings():
            for it in d['items']:
                if it[0] == 'l':
                    paths.append(('line', [(it[1].x * MM, it[1].y * MM), (it[2].x * MM, it[2].y * MM)],
                                  (d.get('width') or 0.5) * MM, d['type'] == 'f'))
                elif it[0] == 're':
                    r = it[1]
                    paths.append(('rect', [(r.x0 * MM, r.y0 * MM), (r.x1 * MM, r.y1 * MM)],
                                  (d.get('width') or 0.5) * MM, 'f' in d['type']))
        pages.append((page.rect.width * MM, page.rect.height * MM, lines, paths))
    return pages


def deltas(xs, abbreviate):
    ds = [xs[i + 1] - xs[i] for i in range(len(xs) - 1)]
    if not abbreviate:
        return ' '.join(f(d) for d in ds)
    out, i = [], 0
    while i < len(ds):
        j = i
        while j + 1 < len(ds) and abs(ds[j + 1] - ds[i]) < 1e-3:
            j += 1
        out.append('g %d %s' % (j - i + 1, f(ds[i])) if j > i else f(ds[i]))
        i = j + 1
    return ' '.join(out)


class Writer:
    def __init__(self):
        self.next_id = 100

    def id(self):
        self.next_id += 1
        return self.next_id

    def text_object(self, chars, size, font, direction=(1.0, 0.0), abbreviate=False, vertical=False):
        """One TextObject for `chars` [(c, x, y, adv)] on a baseline (or a
        column, `vertical`)."""
        x0 = min(c[1] for c in chars)
        y0 = min(c[2] for c in chars) - size
        x1 = max(c[1] + c[3] for c in chars)
        y1 = max(c[2] for c in chars) + 0.2 * size
        text = ''.join(c[0] for c in chars)
        attrs = 'ID="%d" Boundary="%s %s %s %s" Font="%d" Size="%s"' % (
            self.id(), f(x0), f(y0), f(max(x1 - x0, size)), f(y1 - y0), font, f(size))
        extra = ''
        if direction != (1.0, 0.0):
            # Rotated text: the CTM turns the object; X/Y are along the run.
            c, s = direction[0], -direction[1]
            ox, oy = chars[0][1] - x0, chars[0][2] - y0
            attrs += ' CTM="%s %s %s %s %s %s" Alpha="110"' % (f(c), f(-s), f(s), f(c), f(ox), f(oy))
            extra = '<ofd:FillColor Value="200 200 200"/>'
            dist = [((ch[1] - chars[0][1]) ** 2 + (ch[2] - chars[0][2]) ** 2) ** 0.5 for ch in chars]
            code = '<ofd:TextCode X="0" Y="0" DeltaX="%s">%s</ofd:TextCode>' % (deltas(dist, abbreviate), esc(text))
        elif vertical:
            code = '<ofd:TextCode X="%s" Y="%s" DeltaY="%s">%s</ofd:TextCode>' % (
                f(chars[0][1] - x0), f(chars[0][2] - y0), deltas([c[2] for c in chars], abbreviate), esc(text))
        else:
            dx = deltas([c[1] for c in chars], abbreviate)
            code = '<ofd:TextCode X="%s" Y="%s"%s>%s</ofd:TextCode>' % (
                f(chars[0][1] - x0), f(chars[0][2] - y0), ' DeltaX="%s"' % dx if dx else '', esc(text))
        return '<ofd:TextObject %s>%s%s</ofd:TextObject>' % (attrs, extra, code)

    def path_object(self, kind, pts, width, fill, closed_rect):
        (ax, ay), (bx, by) = pts
        x0, y0 = min(ax, bx), min(ay, by)
        w, h = abs(bx - ax), abs(by - ay)
        if kind == 'rect' or closed_rect:
            data = 'M 0 0 L %s 0 L %s %s L 0 %s C' % (f(w), f(w), f(h), f(h))
        else:
            data = 'M %s %s L %s %s' % (f(ax - x0), f(ay - y0), f(bx - x0), f(by - y0))
        flags = ' Fill="true" Stroke="false"' if fill else ''
        return '<ofd:PathObject ID="%d" Boundary="%s %s %s %s" LineWidth="%s"%s><ofd:AbbreviatedData>%s</ofd:AbbreviatedData></ofd:PathObject>' % (
            self.id(), f(x0), f(y0), f(max(w, 0.1)), f(max(h, 0.1)), f(width), flags, data)


def seal_png():
    """A small red ring, as PNG bytes (a seal stamped over the signature)."""
    import pymupdf
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 64, 64), False)
    pix.clear_with(255)
    for yy in range(64):
        for xx in range(64):
            r2 = (xx - 31.5) ** 2 + (yy - 31.5) ** 2
            if 24 ** 2 <= r2 <= 30 ** 2:
                pix.set_pixel(xx, yy, (200, 20, 20))
    return pix.tobytes('png')


def build(pdf_path, out_path, style):
    """Writes one OFD from the PDF's pages in the given structure."""
    pages = page_items(pdf_path)
    w = Writer()
    files = {}
    page_xml = []
    glyphs = style == 'glyphs'
    abbreviate = style == 'three-line'
    for n, (pw, ph, lines, paths) in enumerate(pages):
        objs = []
        for ln in lines:
            chars = [c for c in ln['chars']]
            direction = tuple(round(v, 4) for v in ln['dir'])
            if is_watermark(ln) and style != 'lines':
                # The watermark is a PDF artefact of the source; only the
                # 'lines' sample keeps it (drawn with a CTM).
                continue
            stacked = direction == (0.0, 1.0) or not (chars[0][0].isascii() or chars[0][0] in '，。、：')
            if style == 'vertical' and len(chars) == 1 and stacked:
                objs.append(('v', chars, ln['size']))
                continue
            if glyphs and direction == (1.0, 0.0):
                for c in chars:
                    if c[0].strip():
                        font = 2 if c[0].isdigit() else 1
                        objs.append(w.text_object([c], ln['size'], font))
                continue
            # Runs split at spaces, as producers write them.
            run = []
            for c in chars + [None]:
                if c is None or (c[0] == ' ' and direction == (1.0, 0.0)):
                    if run:
                        objs.append(w.text_object(run, ln['size'], 1, direction, abbreviate))
                    run = []
                else:
                    run.append(c)
        if style == 'vertical':
            # Single characters stacked in one column (a label written top
            # to bottom) become one TextCode stepping down by DeltaY.
            singles = sorted([o for o in objs if isinstance(o, tuple)], key=lambda o: (round(o[1][0][1], 1), o[1][0][2]))
            objs = [o for o in objs if not isinstance(o, tuple)]
            col = []
            for o in singles + [None]:
                if o and col and abs(o[1][0][1] - col[-1][1][0][1]) < 0.05 and 0 < o[1][0][2] - col[-1][1][0][2] < 1.6 * o[2]:
                    col.append(o)
                    continue
                if col:
                    objs.append(w.text_object([c[1][0] for c in col], col[0][2], 1, vertical=len(col) > 1))
                col = [o] if o else []
        for kind, pts, width, fill in paths:
            if style == 'three-line' and kind == 'line' and abs(pts[0][0] - pts[1][0]) < 0.01:
                continue
            objs.append(w.path_object(kind, pts, width, fill, style == 'glyphs'))
        if style == 'lines' and n == len(pages) - 1:
            objs.append('<ofd:ImageObject ID="%d" Boundary="140 230 40 40" CTM="40 0 0 40 0 0" ResourceID="50"/>' % w.id())
        template = '<ofd:Template TemplateID="60" ZOrder="Background"/>' if style == 'lines' else ''
        layer = '<ofd:Layer ID="%d" Type="Body">%s</ofd:Layer>' % (w.id(), ''.join(objs))
        if style == 'glyphs':
            # Some producers wrap the body in a PageBlock.
            layer = '<ofd:Layer ID="%d"><ofd:PageBlock ID="%d">%s</ofd:PageBlock></ofd:Layer>' % (w.id(), w.id(), ''.join(objs))
        page_xml.append('<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="%s"><ofd:Area><ofd:PhysicalBox>0 0 %s %s</ofd:PhysicalBox></ofd:Area>%s<ofd:Content>%s</ofd:Content></ofd:Page>' % (
            NS, f(pw), f(ph), template, layer))
    pw, ph = pages[0][0], pages[0][1]
    tpl = ''
    if style == 'lines':
        head = w.text_object([(c, 20 + i * 3.2, 12, 3.2) for i, c in enumerate('某市发展和改革委员会信息公开')], 3.2, 1)
        rule = w.path_object('line', [(20, 14.5), (pw - 20, 14.5)], 0.3, False, False)
        files['Doc_0/Tpls/Tpl_0/Content.xml'] = '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="%s"><ofd:Content><ofd:Layer ID="%d">%s%s</ofd:Layer></ofd:Content></ofd:Page>' % (NS, w.id(), head, rule)
        tpl = '<ofd:TemplatePage ID="60" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        files['Doc_0/Res/seal.png'] = seal_png()
    for i, x in enumerate(page_xml):
        files['Doc_0/Pages/Page_%d/Content.xml' % i] = x
    files['Doc_0/PublicRes.xml'] = '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="%s" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/><ofd:Font ID="2" FontName="Times New Roman" FamilyName="Times New Roman"/></ofd:Fonts></ofd:Res>' % NS
    media = '<ofd:MultiMedias><ofd:MultiMedia ID="50" Type="Image"><ofd:MediaFile>seal.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>' if style == 'lines' else ''
    files['Doc_0/DocumentRes.xml'] = '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="%s" BaseLoc="Res">%s</ofd:Res>' % (NS, media)
    # Page locations: relative to Document.xml, or absolute from the root.
    loc = (lambda i: '/Doc_0/Pages/Page_%d/Content.xml' % i) if style == 'glyphs' else (lambda i: 'Pages/Page_%d/Content.xml' % i)
    page_refs = ''.join('<ofd:Page ID="%d" BaseLoc="%s"/>' % (10 + i, loc(i)) for i in range(len(page_xml)))
    files['Doc_0/Document.xml'] = '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="%s"><ofd:CommonData><ofd:MaxUnitID>%d</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 %s %s</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>%s</ofd:CommonData><ofd:Pages>%s</ofd:Pages></ofd:Document>' % (
        NS, w.next_id + 1, f(pw), f(ph), tpl, page_refs)
    files['OFD.xml'] = '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="%s" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>%s</ofd:DocID><ofd:Title>年度报告</ofd:Title><ofd:Creator>govreport tools/make_ofd_samples.py</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' % (
        NS, hashlib.md5(out_path.encode()).hexdigest())
    with zipfile.ZipFile(out_path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in ['OFD.xml'] + sorted(k for k in files if k != 'OFD.xml'):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = files[name]
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)
    cross_check(out_path, pages, style)


def cross_check(out_path, pages, style):
    """ofdkit, an independent reader, must find every character the PDF
    page holds (minus the watermark where it is left out), on the same pages."""
    import ofdkit
    doc = ofdkit.open(out_path)
    assert len(doc.pages) == len(pages), out_path
    for p, (_, _, lines, _) in zip(doc.pages, pages):
        got = sorted(''.join(r.text for r in p.runs if not r.from_template).replace(' ', ''))
        want = sorted(''.join(c[0] for ln in lines for c in ln['chars']
                              if style == 'lines' or not is_watermark(ln)).replace(' ', ''))
        assert got == want, (out_path, len(got), len(want))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        grid, three, vert = (os.path.join(tmp, n) for n in ('g.pdf', 't.pdf', 'v.pdf'))
        pdfs.reportlab_report(grid)
        pdfs.reportlab_report(three, rules='three-line')
        pdfs.reportlab_report(vert, vertical_labels=True)
        for name, src, style, rules in [('ofd-2023-lines.ofd', grid, 'lines', 'grid'),
                                        ('ofd-2023-glyphs.ofd', grid, 'glyphs', 'grid'),
                                        ('ofd-2023-three-line.ofd', three, 'three-line', 'three-line'),
                                        ('ofd-2023-vertical.ofd', vert, 'vertical', 'grid')]:
            build(src, os.path.join(OUT, name), style)
            pdfs.write_expected(name, pdfs.reportlab_expected(rules), 'ofd')
    print('wrote OFD samples')


if __name__ == '__main__':
    main()
