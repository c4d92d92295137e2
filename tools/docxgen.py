"""Writes WordprocessingML packages by hand, so that fixtures can carry the
quirks real reports have (runs split mid-number, merged cells, numbering,
content controls, text boxes, WPS grids) exactly where a test wants them.

Used by make_samples.py; nothing here knows about reports.
"""
import random
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (W + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
      ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
      ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
      ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
      ' xmlns:v="urn:schemas-microsoft-com:vml"'
      ' mc:Ignorable="wps"')


def t(s):
    return '<w:t xml:space="preserve">%s</w:t>' % escape(s)


def run(s, hidden=False):
    rpr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>%s</w:rPr>' % (
        '<w:vanish/>' if hidden else '')
    return '<w:r>%s%s</w:r>' % (rpr, t(s))


def runs(s, split=0, rng=None):
    """`s` as runs; with split > 0, cut at `split` random places (also inside numbers)."""
    if not split or len(s) < 2:
        return run(s)
    rng = rng or random.Random(len(s))
    cuts = sorted(set(rng.randrange(1, len(s)) for _ in range(split)))
    parts, prev = [], 0
    for c in cuts + [len(s)]:
        parts.append(s[prev:c])
        prev = c
    return ''.join(run(p) for p in parts if p)


def para(content='', style=None, num=None, outline=None, jc=None, raw=False, split=0):
    ppr = ''
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num is not None:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0])
    if outline is not None:
        ppr += '<w:outlineLvl w:val="%d"/>' % outline
    if jc:
        ppr += '<w:jc w:val="%s"/>' % jc
    body = content if raw else runs(content, split)
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', body)


class C:
    """A table cell: text (str, or list of paragraphs), grid span, vMerge
    ('restart' | 'continue' | 'continue-noval'), width in twips, and extra XML."""

    def __init__(self, text='', span=1, vmerge=None, width=None, vertical=False, raw=None, inner=None):
        self.text, self.span, self.vmerge, self.width = text, span, vmerge, width
        self.vertical, self.raw, self.inner = vertical, raw, inner

    def xml(self, default_w, sdt=False):
        pr = ''
        w = self.width if self.width is not None else default_w * self.span
        if w:
            pr += '<w:tcW w:w="%d" w:type="dxa"/>' % w
        if self.span > 1:
            pr += '<w:gridSpan w:val="%d"/>' % self.span
        if self.vmerge == 'restart':
            pr += '<w:vMerge w:val="restart"/>'
        elif self.vmerge == 'continue':
            pr += '<w:vMerge w:val="continue"/>'
        elif self.vmerge == 'continue-noval':
            pr += '<w:vMerge/>'
        if self.vertical:
            pr += '<w:textDirection w:val="tbRlV"/>'
        if self.raw is not None:
            body = self.raw
        else:
            texts = self.text if isinstance(self.text, list) else [self.text]
            body = ''.join(para(x, jc='center') for x in texts)
        if self.inner:
            body += self.inner + para('')
        cell = '<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (pr, body)
        if sdt:
            cell = '<w:sdt><w:sdtPr><w:alias w:val="cell"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % cell
        return cell


def table(rows, ncols, col_w=900, grid=True, grid_widths=None, row_props=None, sdt_cells=(), sdt_rows=()):
    """rows: list of lists of C (or str). row_props: {row index: (gridBefore, gridAfter)}."""
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
           '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>'
           '<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
           '</w:tblBorders></w:tblPr>']
    if grid:
        widths = grid_widths or [col_w] * ncols
        out.append('<w:tblGrid>%s</w:tblGrid>' % ''.join('<w:gridCol w:w="%d"/>' % x for x in widths))
    for ri, row in enumerate(rows):
        trpr = ''
        if row_props and ri in row_props:
            gb, ga = row_props[ri]
            if gb:
                trpr += '<w:gridBefore w:val="%d"/><w:wBefore w:w="%d" w:type="dxa"/>' % (gb, gb * col_w)
            if ga:
                trpr += '<w:gridAfter w:val="%d"/><w:wAfter w:w="%d" w:type="dxa"/>' % (ga, ga * col_w)
        cells = []
        for ci, c in enumerate(row):
            if not isinstance(c, C):
                c = C(c)
            cells.append(c.xml(col_w, sdt=(ri, ci) in sdt_cells))
        tr = '<w:tr>%s%s</w:tr>' % ('<w:trPr>%s</w:trPr>' % trpr if trpr else '', ''.join(cells))
        if ri in sdt_rows:
            tr = '<w:sdt><w:sdtPr><w:tag w:val="row"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % tr
        out.append(tr)
    out.append('</w:tbl>')
    return ''.join(out)


STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SecHead"><w:name w:val="报告一级标题"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SubHead"><w:name w:val="报告二级标题"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
</w:styles>''' % W

NUMBERING = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering %s>
<w:abstractNum w:abstractNumId="3">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/><w:pStyle w:val="SecHead"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%%2）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="4">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num>
</w:numbering>''' % W

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>'''


def write_package(path, parts):
    """Writes (name, text) parts as a zip package, deflated, in order."""
    # Fixed timestamps keep the committed bytes reproducible.
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 20, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8'))


def write_docx(path, body_xml):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>') % (NS, body_xml)
    write_package(path, [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', RELS),
                         ('word/_rels/document.xml.rels', DOC_RELS), ('word/document.xml', doc),
                         ('word/styles.xml', STYLES), ('word/numbering.xml', NUMBERING)])
