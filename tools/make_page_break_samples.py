"""Makes PDF samples of table 三 broken across pages as Word and LibreOffice
break it, with their expected records (run from the repository root; the
outputs are committed). Needs soffice (Debian: libreoffice-writer-nogui)
and the PyPI package pymupdf.

- page-break-2020-repeated-header-lo.pdf: samples/seed-2020-jinyang.docx
  with table 三's header rows marked to repeat on each page, and empty paragraphs
  before the table until LibreOffice breaks the table inside a row whose
  label wraps: the label's first lines end one page, the header rows start
  the next, and the rest of the label follows them.
- page-break-2020-struck-lo.pdf: the DOCX with two figures of table 三
  revised as tracked changes (the old figure deleted, the new one
  inserted), which LibreOffice prints with the changes shown: the old
  figures struck through beside the new ones.

- page-break-2020-split-table-lo.pdf: the DOCX with table 三 split in three:
  after （二）部分公开 by Word's Split Table (an empty paragraph between, no
  header), and after 8.属于行政查询事项 as a 续表 is typed (the header rows
  copied atop the third part) with a page break before it: one page ends
  with the second part's figures, the next opens with the header printed
  again. Merged cells a cut goes through restart below it, empty.

Expected: the DOCX sample's record (hand-checked; its figures are the new
ones, as the DOCX reader reads a revised document), with the PDF's identity.
"""
import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import pymupdf

SRC = 'samples/seed-2020-jinyang.docx'
OUT = 'samples'


# Labels of table 三 that wrap over lines in a report's narrow label column.
LONG_LABELS = [
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '要求行政机关确认或重新出具已获取信息',
    '其他法律行政法规禁止公开',
    '没有现成信息需要另行制作',
    '补正后申请内容仍不明确',
    '本年新收政府信息公开申请数量',
    '上年结转政府信息公开申请数量',
]


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_docx(path, members):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def table_three(xml):
    """Start and end of table 三 (the table holding 申请人情况)."""
    mark = xml.index('申请人情况')
    start = xml.rindex('<w:tbl>', 0, mark)
    end = xml.index('</w:tbl>', mark) + len('</w:tbl>')
    return start, end


def repeat_header(tbl):
    """Marks the rows above 一、本年新收 as header rows."""
    first_body = tbl.index('一、本年新收')
    rows = [m.start() for m in re.finditer(r'<w:tr[ >]', tbl)]
    body_row = max(r for r in rows if r < first_body)
    out, last = [], 0
    for r in rows:
        if r >= body_row:
            break
        head_end = tbl.index('>', r) + 1
        out.append(tbl[last:head_end])
        out.append('<w:trPr><w:tblHeader/></w:trPr>')
        last = head_end
    out.append(tbl[last:])
    return ''.join(out)


def revise(tbl, row_label, new):
    """In the row labelled `row_label`, the first cell holding `new` is
    revised from `new + 1` (deleted) to `new` (inserted)."""
    at = tbl.index(row_label)
    m = re.compile(r'<w:r>(<w:rPr>.*?</w:rPr>)?<w:t[^>]*>%s</w:t></w:r>' % re.escape(new)).search(tbl, at)
    rpr = m.group(1) or ''
    old = str(int(new) + 1)
    changed = ('<w:del w:id="9001" w:author="办公室" w:date="2024-01-10T09:00:00Z"><w:r>%s<w:delText>%s</w:delText></w:r></w:del>'
               '<w:ins w:id="9002" w:author="办公室" w:date="2024-01-10T09:00:00Z"><w:r>%s<w:t>%s</w:t></w:r></w:ins>'
               % (rpr, old, rpr, new))
    return tbl[:m.start()] + changed + tbl[m.end():]


def to_pdf(docx, tmp):
    subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx],
                   check=True, capture_output=True, timeout=300)
    return os.path.join(tmp, os.path.basename(docx)[:-5] + '.pdf')


def label_split(pdf, labels):
    """A table 三 label printed partly at the foot of one page and partly
    on the next, after the repeated header (申请人情况)."""
    pages = [p.get_text().replace('\n', '') for p in pymupdf.open(pdf)]
    for label in labels:
        if any(label in p for p in pages):
            continue
        for a, b in zip(pages, pages[1:]):
            head = b.find('申请人情况')
            for cut in range(4, len(label) - 3):
                if head >= 0 and label[:cut] in a and b.find(label[cut:], head) > head:
                    return label
    return None


def make(name, revisions, tmp, split_row=True):
    members = parts(SRC)
    xml = members['word/document.xml'].decode('utf-8')
    start, end = table_three(xml)
    tbl = repeat_header(xml[start:end])
    for row_label, new in revisions:
        tbl = revise(tbl, row_label, new)
    labels = [label for label in LONG_LABELS if label in tbl]
    for blanks in range(0, 60):
        body = xml[:start] + '<w:p/>' * blanks + tbl + xml[end:]
        members['word/document.xml'] = body.encode('utf-8')
        docx = os.path.join(tmp, name + '.docx')
        write_docx(docx, members)
        pdf = to_pdf(docx, tmp)
        split = label_split(pdf, labels) if split_row else 'no row'
        if split:
            shutil.copy(pdf, os.path.join(OUT, name + '.pdf'))
            print('%s: %d empty paragraphs split %s' % (name, blanks, split))
            return
    raise SystemExit('%s: no row split found' % name)


def split_table(tbl, after, between, header_again):
    """`tbl` as two tables, the second starting below the row labelled
    `after`, `between` them; with `header_again`, the header rows (those
    above 一、本年新收) copied atop the second. A merge the cut goes through
    restarts below it (Word splits a merged cell so), empty."""
    rows = [m.start() for m in re.finditer(r'<w:tr[ >]', tbl)]
    ends = rows[1:] + [tbl.rindex('</w:tbl>')]
    body = next((i for i, r in enumerate(rows) if '一、本年新收' in tbl[r:ends[i]]), 0)
    cut = next(i for i, r in enumerate(rows) if after in tbl[r:ends[i]]) + 1
    header = tbl[rows[0]:rows[body]] if header_again else ''
    first_row = re.sub(r'<w:vMerge(?: w:val="continue")?/>', '<w:vMerge w:val="restart"/>',
                       tbl[rows[cut]:ends[cut]])
    opening = tbl[:rows[0]]
    return tbl[:rows[cut]] + '</w:tbl>' + between + opening + header + first_row + tbl[ends[cut]:]


def make_split(name, tmp):
    members = parts(SRC)
    xml = members['word/document.xml'].decode('utf-8')
    start, end = table_three(xml)
    page_break = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    tbl = split_table(xml[start:end], '8.属于行政查询事项', page_break, True)
    cut = tbl.index('</w:tbl>') + len('</w:tbl>')
    tbl = split_table(tbl[:cut], '（二）部分公开', '<w:p/>', False) + tbl[cut:]
    members['word/document.xml'] = (xml[:start] + tbl + xml[end:]).encode('utf-8')
    docx = os.path.join(tmp, name + '.docx')
    write_docx(docx, members)
    pdf = to_pdf(docx, tmp)
    pages = [p.get_text().replace('\n', '') for p in pymupdf.open(pdf)]
    at = next(i for i, p in enumerate(pages) if '行政查询事项' in p)
    if '申请人情况' not in pages[at + 1] or '本机关不掌握' not in pages[at + 1]:
        raise SystemExit('%s: the third part does not open the next page' % name)
    shutil.copy(pdf, os.path.join(OUT, name + '.pdf'))
    print('%s: table 三 in three parts, a page break before the third' % name)


def write_expected(name):
    data = open(os.path.join(OUT, name + '.pdf'), 'rb').read()
    rec = copy.deepcopy(json.load(open(SRC[:-5] + '.expected.json', encoding='utf-8')))
    rec['source'] = {'path': 'samples/%s.pdf' % name, 'format': 'pdf',
                     'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
    with open(os.path.join(OUT, name + '.expected.json'), 'w', encoding='utf-8') as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
        f.write('\n')


with tempfile.TemporaryDirectory() as tmp:
    make('page-break-2020-repeated-header-lo', [], tmp)
    write_expected('page-break-2020-repeated-header-lo')
    make('page-break-2020-struck-lo', [('一、本年新收', '2'), ('（一）予以公开', '1')], tmp, split_row=False)
    write_expected('page-break-2020-struck-lo')
    make_split('page-break-2020-split-table-lo', tmp)
    write_expected('page-break-2020-split-table-lo')
