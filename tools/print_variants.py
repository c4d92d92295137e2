"""Layouts no truth file covers, made from a folder's documents and checked
against their own records (as tools/print_roundtrip.py does): each web page
printed by headless Chromium with some CSS added, or each DOCX printed by
LibreOffice with its page made shorter (more tables broken across pages).
A copy's record that differs from its source's is a failure of a reader or
of the printer; each needs a look.

    python3 tools/print_variants.py ../shared/devset/corpus css 'table,td,th{border:none!important}'
    python3 tools/print_variants.py ../shared/devset/corpus page-height 8000   # twips (14 cm)
    python3 tools/print_variants.py ../shared/devset/corpus page-width 8400    # A5's width
    python3 tools/print_variants.py ../shared/devset/corpus table-borders none  # or rows, plain
    python3 tools/print_variants.py ../shared/devset/corpus font-size 32      # half-points
    python3 tools/print_variants.py ../shared/devset/corpus line-spacing 320  # twips, exact
    python3 tools/print_variants.py ../shared/devset/corpus cell-spacing 30   # twips between cells
    python3 tools/print_variants.py ../shared/devset/corpus text-direction vertical  # merged cells' text set vertically
    python3 tools/print_variants.py ../shared/devset/corpus full-width-digits any  # every digit typed in full width
    python3 tools/print_variants.py ../shared/devset/corpus header-rows 9000  # header rows repeated, pages 9000 twips tall
    python3 tools/print_variants.py ../shared/devset/corpus rerender cairo       # each PDF through pdftocairo -pdf
    python3 tools/print_variants.py ../shared/devset/corpus rerender weasyprint  # each page printed by WeasyPrint

The variants session 16 ran (docs/accuracy-history.md): `@page{size:A4 landscape}`,
`td,th{border:none!important;padding:2px 6px}` (tables keep their outer
border), `table,td,th{border:none!important}`, `td,th{padding:0!important}`,
`body{zoom:0.6}`, and page heights of 8000 twips. Session 17 added borderless tables
with cells aligned to their bottom or top (`table,td,th{border:none!important}
td,th{vertical-align:bottom!important}`), `table{width:60%!important}
body{font-size:17px!important}`, `body,td,th,p{font-size:18px!important}`,
`td,th{padding:14px 1px!important}` and another font family. Session 18 added
rules between rows only (`td,th{border-left:none!important;
border-right:none!important}`), dotted, double, grey, hairline and white
borders, shaded rows with and without borders, `text-align:center` and
`right`, `letter-spacing:3px`, `line-height:2.2` and 8px table text. Session
19 added the DOCX printed by LibreOffice as they are, with their tables'
borders taken away, and with rules between rows only (table-borders).
Session 20 added borderless tables with cells aligned right
(`table,td,th{border:none!important} td{text-align:right!important}`), the
same with `vertical-align:top`, and borderless tables on landscape pages.
Session 24 added web pages on A5 (`@page{size:A5}`), DOCX on narrower pages
(page-width 8400 and 10500: tables laid out for A4 run past the margin or the
page's edge), and fixed narrow columns with numbers broken anywhere
(`table{width:100%!important;table-layout:fixed!important}
td,th{word-break:break-all!important;font-size:17px!important}`, and at 24px
with no padding). Session 25 added DOCX with every size set to 16 pt
(font-size 32, half-points) and with exact line spacing of 10 and 16 pt
(line-spacing 200 and 320, twips: lines set closer than their type print
over each other). Session 26 added cells set apart (`table{border-collapse:
separate!important;border-spacing:2px!important} td,th{border:1px solid
#000!important}`, and 3px, 5px: the look of HTML's default cellspacing) and
the DOCX with cell spacing (cell-spacing 30), and text set top to bottom in
row-spanning cells (`td[rowspan],th[rowspan]{writing-mode:vertical-rl
!important}`, with and without borders, and text-direction for the DOCX).
Session 27 added other producers: each PDF re-rendered by cairo (`rerender cairo`: poppler's
`pdftocairo -pdf`, as GTK's print to file writes), each web page printed by WeasyPrint
(`rerender weasyprint`, and `weasyprint-hints`: with HTML's presentational attributes, its
borders, widths and alignment), and web pages without borders with cells aligned left
(`table,td,th{border:none!important} td,th,td p,th p{text-align:left!important}`).
Session 30 added full-width-digits; session 31 header-rows at page heights 0 (as they are),
9000 and 12000 (LibreOffice prints many repeated headers wrongly: see docs/accuracy-history.md).

Needs chromium (css), soffice (the DOCX kinds), poppler-utils (rerender cairo) or PyPI's
weasyprint (rerender weasyprint).
"""
import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import print_roundtrip as pr  # noqa: E402


def with_css(raw, css):
    """The page's bytes with a <style> of `css` first in its <head> (the
    page's own encoding kept: the CSS is ASCII or escaped)."""
    style = ('<style>%s</style>' % css).encode('ascii', 'xmlcharrefreplace')
    i = raw.lower().find(b'<head>')
    return raw[:i + 6] + style + raw[i + 6:] if i >= 0 else style + raw


def print_pages(folder, css, src, out, tmp):
    def one(path):
        name = os.path.splitext(os.path.basename(path))[0]
        page = os.path.join(src, name + '.html')
        with open(path, 'rb') as f, open(page, 'wb') as g:
            g.write(with_css(f.read(), css))
        profile = os.path.join(tmp, 'profile-' + name)
        subprocess.run(pr.CHROMIUM + ['--user-data-dir=' + profile, '--print-to-pdf=' + os.path.join(out, name + '.pdf'),
                                      'file://' + page], capture_output=True, timeout=120)
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        list(ex.map(one, sorted(glob.glob(os.path.join(folder, '*.html')))))


def rerender(folder, how, src, out):
    """Each PDF of `folder` through cairo, or each web page printed by
    WeasyPrint (`weasyprint-hints`: with HTML's presentational attributes)."""
    if how == 'cairo':
        for path in sorted(glob.glob(os.path.join(folder, '*.pdf'))):
            name = os.path.basename(path)
            subprocess.run(['cp', path, os.path.join(src, name)], check=True)
            subprocess.run(['pdftocairo', '-pdf', path, os.path.join(out, name)], capture_output=True, timeout=300)
        return
    import logging
    import weasyprint
    logging.getLogger('weasyprint').setLevel(logging.ERROR)
    for path in sorted(glob.glob(os.path.join(folder, '*.html'))):
        name = os.path.splitext(os.path.basename(path))[0]
        subprocess.run(['cp', path, os.path.join(src, name + '.html')], check=True)
        try:
            weasyprint.HTML(filename=path).write_pdf(os.path.join(out, name + '.pdf'),
                                                     presentational_hints=how == 'weasyprint-hints')
        except Exception as e:  # a page WeasyPrint cannot lay out is no copy
            print(name, 'not printed:', e)


def page_height(twips):
    """A rewrite of document.xml giving each section's page `twips` tall
    (its width kept: a table keeps the page it was laid out for)."""
    return lambda xml: re.sub(
        rb'<w:pgSz[^>]*/>', lambda m: re.sub(rb'w:h="\d+"', b'w:h="%d"' % twips, m.group(0)), xml)


def page_width(twips):
    """A rewrite of document.xml giving each section's page `twips` wide
    (its margins and tables kept: a table laid out for a wider page runs
    past the margin, and maybe past the page's edge)."""
    return lambda xml: re.sub(
        rb'<w:pgSz[^>]*/>', lambda m: re.sub(rb'w:w="\d+"', b'w:w="%d"' % twips, m.group(0)), xml)


# Table borders as a Word table style leaves them: none at all, or rules
# between rows only (a 三线表's look), over the tables' own borders.
BORDERS = {
    'none': b'<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
            b'<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>',
    'rows': b'<w:tblBorders><w:top w:val="single" w:sz="8"/><w:left w:val="nil"/>'
            b'<w:bottom w:val="single" w:sz="8"/><w:right w:val="nil"/>'
            b'<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="nil"/></w:tblBorders>',
}


def font_size(half_points):
    """A rewrite of document.xml and styles.xml setting every size given to
    `half_points` (32: 三号, the official documents' body size, in tables
    too: labels and counts wrap in cells laid out for smaller type)."""
    def rewrite(xml):
        return re.sub(rb'(<w:szCs? w:val=")\d+(")', rb'\g<1>%d\g<2>' % half_points, xml)
    rewrite.styles_too = True
    return rewrite


def line_spacing(twips):
    """A rewrite of document.xml giving every paragraph exactly `twips`
    between lines (below the type's size, lines overlap and clip, as a
    table keeping the body's fixed spacing does)."""
    spacing = b'<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>' % twips

    def rewrite(xml):
        xml = re.sub(rb'<w:spacing [^>]*/>', b'', xml)
        xml = re.sub(rb'<w:pPr>', b'<w:pPr>' + spacing, xml)
        # Paragraphs without properties get them.
        return re.sub(rb'(<w:p(?: [^>]*[^/])?>)(?!<w:pPr>)', rb'\1<w:pPr>' + spacing + b'</w:pPr>', xml)
    return rewrite


def cell_spacing(twips):
    """A rewrite of document.xml giving every table `twips` of space between
    its cells (Word's 允许调整单元格间距): each cell printed as a box of its
    own, every boundary ruled twice."""
    spacing = b'<w:tblCellSpacing w:w="%d" w:type="dxa"/>' % twips

    def rewrite(xml):
        xml = re.sub(rb'<w:tblCellSpacing[^>]*/>', b'', xml)
        return xml.replace(b'<w:tblPr>', b'<w:tblPr>' + spacing)
    return rewrite


def vertical_merged_text(xml):
    """A rewrite of document.xml setting the text of every cell that starts
    a vertical merge (the group labels 三、本年度办理结果, （三）不予公开,
    table 四's 结果维持…) top to bottom, CJK upright (Word's tbRl)."""
    def cell_properties(m):
        props = m.group(0)
        if b'<w:vMerge w:val="restart"/>' in props and b'textDirection' not in props:
            return props.replace(b'</w:tcPr>', b'<w:textDirection w:val="tbRl"/></w:tcPr>')
        return props
    return re.sub(rb'<w:tcPr>.*?</w:tcPr>', cell_properties, xml, flags=re.S)


def full_width_digits(xml):
    """A rewrite of document.xml typing every digit in full width (１７４),
    as an input method left in full-width mode does, in prose and tables."""
    def text(m):
        return m.group(1) + m.group(2).decode().translate(FULL_WIDTH).encode() + m.group(3)
    return re.sub(rb'(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)', text, xml)


FULL_WIDTH = {ord(d): ord(d) - ord('0') + ord('０') for d in '0123456789'}


def repeated_header_rows(twips):
    """A rewrite of document.xml marking each table's leading rows that hold
    no digit as header rows (Word's 标题行重复: printed again atop every page
    the table runs onto), rows left free to break across pages, on pages
    `twips` tall (0: as they are) so that more tables break."""
    def mark(row):
        if b'<w:trPr>' in row:
            return row.replace(b'<w:trPr>', b'<w:trPr><w:tblHeader/>', 1)
        return re.sub(rb'(<w:tr(?: [^>]*[^/])?>)', rb'\1<w:trPr><w:tblHeader/></w:trPr>', row, count=1)

    def table(m):
        rows = re.split(rb'(?=<w:tr[ >])', m.group(0))
        head, marking = [rows[0]], True
        for row in rows[1:]:
            text = b''.join(re.findall(rb'<w:t(?: [^>]*)?>([^<]*)</w:t>', row)).decode()
            marking = marking and not any(c.isdigit() for c in text) and len(head) <= 4
            head.append(mark(row) if marking else row)
        return re.sub(rb'<w:cantSplit(?: [^>]*)?/>', b'', b''.join(head))

    def rewrite(xml):
        xml = re.sub(rb'<w:tbl>.*?</w:tbl>', table, xml, flags=re.S)
        return page_height(twips)(xml) if twips else xml
    return rewrite


def table_borders(kind):
    """A rewrite of document.xml drawing every table's borders as `kind`
    (`plain`: the document as it is)."""
    def rewrite(xml):
        if kind == 'plain':
            return xml
        xml = re.sub(rb'<w:tcBorders>.*?</w:tcBorders>|<w:tcBorders/>', b'', xml, flags=re.S)
        xml = re.sub(rb'<w:tblBorders>.*?</w:tblBorders>|<w:tblBorders/>', b'', xml, flags=re.S)
        xml = re.sub(rb'<w:tblStyle w:val="[^"]*"/>', b'', xml)
        return xml.replace(b'<w:tblPr>', b'<w:tblPr>' + BORDERS[kind])
    return rewrite


def rewritten(docx, rewrite, dst):
    with zipfile.ZipFile(docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts['word/document.xml'] = rewrite(parts['word/document.xml'])
    if getattr(rewrite, 'styles_too', False) and 'word/styles.xml' in parts:
        parts['word/styles.xml'] = rewrite(parts['word/styles.xml'])
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def print_docx(folder, rewrite, src, out):
    for path in sorted(glob.glob(os.path.join(folder, '*.docx'))):
        try:
            rewritten(path, rewrite, os.path.join(src, os.path.basename(path)))
        except (zipfile.BadZipFile, KeyError):
            continue  # not a DOCX to print (the devset's damaged inputs)
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', out]
                   + sorted(glob.glob(os.path.join(src, '*.docx'))), capture_output=True, timeout=3600)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('folder')
    ap.add_argument('kind', choices=['css', 'page-height', 'page-width', 'table-borders', 'font-size',
                                     'line-spacing', 'cell-spacing', 'text-direction', 'full-width-digits',
                                     'header-rows', 'rerender'])
    ap.add_argument('value', help='the CSS to add, a page height or width, line or cell spacing in twips, '
                                  'a size in half-points, a page height or 0 (header-rows), none, rows or plain (table-borders), any (text-direction), '
                                  'cairo, weasyprint or weasyprint-hints (rerender)')
    ap.add_argument('--bin', default='target/release/govreport')
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, 'src'), os.path.join(tmp, 'out')
        os.makedirs(src)
        os.makedirs(out)
        if args.kind == 'css':
            print_pages(args.folder, args.value, src, out, tmp)
        elif args.kind == 'page-height':
            print_docx(args.folder, page_height(int(args.value)), src, out)
        elif args.kind == 'page-width':
            print_docx(args.folder, page_width(int(args.value)), src, out)
        elif args.kind == 'font-size':
            print_docx(args.folder, font_size(int(args.value)), src, out)
        elif args.kind == 'line-spacing':
            print_docx(args.folder, line_spacing(int(args.value)), src, out)
        elif args.kind == 'cell-spacing':
            print_docx(args.folder, cell_spacing(int(args.value)), src, out)
        elif args.kind == 'text-direction':
            print_docx(args.folder, vertical_merged_text, src, out)
        elif args.kind == 'full-width-digits':
            print_docx(args.folder, full_width_digits, src, out)
        elif args.kind == 'header-rows':
            print_docx(args.folder, repeated_header_rows(int(args.value)), src, out)
        elif args.kind == 'rerender':
            rerender(args.folder, args.value, src, out)
        else:
            print_docx(args.folder, table_borders(args.value), src, out)
        sources, prints = pr.records(args.bin, src), pr.records(args.bin, out)
        differ = values = 0
        for name in sorted(prints):
            if name not in sources:
                continue
            diffs, _ = pr.compare(sources[name], prints[name])
            if diffs:
                differ += 1
                values += sum(1 for d in diffs if '/' in d[0])
                print(name, diffs[:6])
        print('%s %s: %d of %d copies differ, %d table values' % (args.kind, args.value, differ, len(prints), values))


if __name__ == '__main__':
    main()
