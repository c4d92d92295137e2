"""Generates the PDF samples and their expected records (run once from the
repository root; outputs are committed). Needs soffice, qpdf, pdftoppm and
the PyPI package reportlab.

- *-lo.pdf: LibreOffice's PDF export of DOCX samples (embedded subset CID
  TrueType fonts with ToUnicode); expected = the DOCX sample's record.
- seed-2020-jinyang-rotated.pdf: the same pages with /Rotate 90.
- wps-2024-grid-aes256.pdf / traditional-2021-outline-rc4.pdf: protected
  with an empty user password (open transparently).
- protected-password.pdf: needs a real password → error `encrypted`.
- scanned-2021.pdf: a page image only → error `no_text_layer`.
- reportlab-2023-stsong.pdf: drawn by reportlab with the non-embedded
  STSong-Light font (predefined CMap UniGB-UCS2-H); figures typed in below.
- reportlab-2023-gbk.pdf: the same with every string re-encoded to GBK and
  the font switched to the predefined CMap GBK-EUC-H.
- reportlab-2023-stsong-ghostscript.pdf / reportlab-2023-gbk-ghostscript.pdf:
  those two re-written by Ghostscript 10.0 (`gs -sDEVICE=pdfwrite`, as PDF
  "optimisers" do): it embeds a substitute font and writes a ToUnicode map
  that contradicts the CMap (every Chinese character read as another, or
  digits as letters); expected = the reportlab record. Needs `gs`.
"""
import copy
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import make_samples as m  # noqa: E402

OUT = 'samples'


def write_expected(pdf_name, rec, fmt='pdf'):
    """The expected record of samples/NAME (a .pdf, or another format of
    three-letter extension given as `fmt`) with its source filled in."""
    path = os.path.join(OUT, pdf_name)
    data = open(path, 'rb').read()
    rec = copy.deepcopy(rec)
    rec['source'] = {'path': 'samples/' + pdf_name, 'format': fmt,
                     'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
    stem = pdf_name[:-4]
    with open(os.path.join(OUT, stem + '.expected.json'), 'w', encoding='utf-8') as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
        f.write('\n')


def error_record(code):
    return {'schema': 'govreport/1', 'title': None, 'agency': None, 'year': None, 'template': None,
            'sections': [], 'active_disclosure': None, 'applications': None, 'reviews_litigation': None,
            'duplicate_of': None, 'same_report_as': None, 'warnings': [], 'error': {'code': code}}


def docx_expected(name):
    return json.load(open(os.path.join(OUT, name + '.expected.json'), encoding='utf-8'))


def libreoffice(tmp):
    for name in ['seed-2020-jinyang', 'wps-2024-grid', 'traditional-2021-outline']:
        subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', tmp,
                        os.path.join(OUT, name + '.docx')], check=True, capture_output=True, timeout=300)
        shutil.copy(os.path.join(tmp, name + '.pdf'), os.path.join(OUT, name + '-lo.pdf'))
        write_expected(name + '-lo.pdf', docx_expected(name))
    seed = os.path.join(OUT, 'seed-2020-jinyang-lo.pdf')
    subprocess.run(['qpdf', '--rotate=+90', seed, os.path.join(OUT, 'seed-2020-jinyang-rotated.pdf')], check=True)
    write_expected('seed-2020-jinyang-rotated.pdf', docx_expected('seed-2020-jinyang'))
    subprocess.run(['qpdf', '--encrypt', '', 'owner-secret', '256', '--', os.path.join(OUT, 'wps-2024-grid-lo.pdf'),
                    os.path.join(OUT, 'wps-2024-grid-aes256.pdf')], check=True)
    write_expected('wps-2024-grid-aes256.pdf', docx_expected('wps-2024-grid'))
    subprocess.run(['qpdf', '--allow-weak-crypto', '--encrypt', '', 'owner-secret', '128', '--use-aes=n', '--',
                    os.path.join(OUT, 'traditional-2021-outline-lo.pdf'),
                    os.path.join(OUT, 'traditional-2021-outline-rc4.pdf')], check=True)
    write_expected('traditional-2021-outline-rc4.pdf', docx_expected('traditional-2021-outline'))
    subprocess.run(['qpdf', '--encrypt', 'user-secret', 'owner-secret', '256', '--', seed,
                    os.path.join(OUT, 'protected-password.pdf')], check=True)
    write_expected('protected-password.pdf', error_record('encrypted'))


def download_stamp(canvas, rows, columns):
    """A document system's download stamp, level: who, when and from where,
    at each of `rows` (heights) and `columns(k)` of row k, one row in light
    gray and the next in black at 20 % opacity (an ExtGState /ca)."""
    canvas.saveState()
    for k, y in enumerate(rows):
        if k % 2:
            canvas.setFillGray(0.8)
        else:
            canvas.setFillGray(0)
            canvas.setFillAlpha(0.2)
        canvas.setFont('STSong-Light', 8 + k % 3)
        for x in columns(k):
            canvas.drawString(x, y, '王某 2024-03-05 10:21 192.168.1.%d' % (20 + k))
    canvas.restoreState()


def scanned(tmp):
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4
    subprocess.run(['pdftoppm', '-r', '40', '-png', '-f', '1', '-l', '1', os.path.join(OUT, 'seed-2020-jinyang-lo.pdf'),
                    os.path.join(tmp, 'scan')], check=True)
    png = [f for f in os.listdir(tmp) if f.startswith('scan') and f.endswith('.png')][0]
    c = canvas.Canvas(os.path.join(OUT, 'scanned-2021.pdf'), pagesize=A4, invariant=1)
    c.drawImage(os.path.join(tmp, png), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    write_expected('scanned-2021.pdf', error_record('no_text_layer'))


def stamped_scan(tmp):
    """samples/scanned-2021-stamped.pdf: the scanned page under a download
    stamp (light gray, and black at 20 % opacity): the stamp is no text
    layer, so the record is still `no_text_layer`."""
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    subprocess.run(['pdftoppm', '-r', '40', '-png', '-f', '1', '-l', '1', os.path.join(OUT, 'seed-2020-jinyang-lo.pdf'),
                    os.path.join(tmp, 'stamped')], check=True)
    png = [f for f in os.listdir(tmp) if f.startswith('stamped') and f.endswith('.png')][0]
    c = canvas.Canvas(os.path.join(OUT, 'scanned-2021-stamped.pdf'), pagesize=A4, invariant=1)
    c.drawImage(os.path.join(tmp, png), 0, 0, width=A4[0], height=A4[1])
    download_stamp(c, range(90, 800, 60), lambda k: [60])
    c.showPage()
    c.save()
    write_expected('scanned-2021-stamped.pdf', error_record('no_text_layer'))


# ------------------------------------------------------------ reportlab report

RL_ACTIVE = {'regulations': [0, 0, 0], 'normative_documents': [2, 1, 9], 'licensing': [1530], 'penalties': [212],
             'coercion': [5], 'fees': [3.25]}
RL_APPS = {k: [0] * 7 for k, _ in m.APP_ROWS}
RL_APPS.update({
    'new_received': [14, 2, 0, 0, 1, 0, 17], 'carried_over': [1, 0, 0, 0, 0, 0, 1],
    'disclosed': [6, 1, 0, 0, 0, 0, 7], 'partially_disclosed': [2, 0, 0, 0, 1, 0, 3],
    'withheld_process_info': [1, 0, 0, 0, 0, 0, 1], 'unavailable_not_held': [4, 1, 0, 0, 0, 0, 5],
    'other_handling': [1, 0, 0, 0, 0, 0, 1], 'results_total': [14, 2, 0, 0, 1, 0, 17],
    'carried_forward': [1, 0, 0, 0, 0, 0, 1],
})
RL_REVIEWS = [0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
RL_OVERVIEW = ['2023年，本委共收到政府信息公开申请17件，上年结转1件，均依法按时答复。',
               '本委通过门户网站主动公开政府信息1530条，及时回应社会关切。']
RL_PROBLEMS = ['一是政策解读形式较为单一；二是信息发布的时效性有待提高。']
RL_OTHER = ['本年度未收取信息处理费。']


def reportlab_report(path, rules='grid', vertical_labels=False, stamped=False):
    """rules: 'grid' (all cell borders) or 'three-line' (三线表: a rule above
    and below the header and below the table, no vertical rules, blanks and
    dashes for zero). vertical_labels: the group labels of table 三 written
    vertically, 三、本年度办理结果 one character per line and the （三）/（四）/
    （五） labels in a vertical-writing CID font (UniGB-UCS2-V).
    stamped: a download stamp (`download_stamp`) tiled over every page,
    tables included."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    body = ParagraphStyle('body', fontName='STSong-Light', fontSize=11, leading=17, wordWrap='CJK', firstLineIndent=22)
    head = ParagraphStyle('head', parent=body, firstLineIndent=0, fontSize=12)
    title = ParagraphStyle('title', parent=body, firstLineIndent=0, fontSize=16, leading=22, alignment=1)
    cell = ParagraphStyle('cell', fontName='STSong-Light', fontSize=8, leading=10, wordWrap='CJK')
    P = lambda t, s=cell: Paragraph(t, s)  # noqa: E731
    grid = [('FONT', (0, 0), (-1, -1), 'STSong-Light', 8), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]
    if rules == 'grid':
        grid.append(('GRID', (0, 0), (-1, -1), 0.5, colors.black))
    else:
        grid += [('LINEABOVE', (0, 0), (-1, 0), 1.2, colors.black), ('LINEBELOW', (0, -1), (-1, -1), 1.2, colors.black)]
    blank = (lambda v: v) if rules == 'grid' else (lambda v: '' if v == '0' else v)
    dash = (lambda v: v) if rules == 'grid' else (lambda v: '—' if v == '0' else v)
    story = [P('某市发展和改革委员会', title), P('2023年政府信息公开工作年度报告', title), Spacer(1, 8),
             P('一、总体情况', head)] + [P(t, body) for t in RL_OVERVIEW] + [P('二、主动公开政府信息情况', head)]
    t2 = [['第二十条第（一）项', '', '', ''], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
          ['规章'] + [dash(str(x)) for x in RL_ACTIVE['regulations']], ['行政规范性文件'] + [str(x) for x in RL_ACTIVE['normative_documents']],
          ['第二十条第（五）项', '', '', ''], ['信息内容', '本年处理决定数量', '', ''], ['行政许可', str(RL_ACTIVE['licensing'][0]), '', ''],
          ['第二十条第（六）项', '', '', ''], ['信息内容', '本年处理决定数量', '', ''], ['行政处罚', str(RL_ACTIVE['penalties'][0]), '', ''],
          ['行政强制', str(RL_ACTIVE['coercion'][0]), '', ''], ['第二十条第（八）项', '', '', ''],
          ['信息内容', P('本年收费金额（单位：万元）'), '', ''], ['行政事业性收费', str(RL_ACTIVE['fees'][0]), '', '']]
    spans = [('SPAN', (0, r), (3, r)) for r in (0, 4, 7, 11)] + [('SPAN', (1, r), (3, r)) for r in (5, 6, 8, 9, 10, 12, 13)]
    story.append(Table(t2, colWidths=[110, 110, 110, 110], style=TableStyle(grid + spans)))
    story.append(P('三、收到和处理政府信息公开申请情况', head))
    rows = [[P('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), '', '', '申请人情况', '', '', '', '', '', ''],
            ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
            ['', '', '', '', P('商业企业'), P('科研机构'), P('社会公益组织'), P('法律服务机构'), '其他', '']]
    spans = [('SPAN', (0, 0), (2, 2)), ('SPAN', (3, 0), (9, 0)), ('SPAN', (3, 1), (3, 2)), ('SPAN', (4, 1), (8, 1)),
             ('SPAN', (9, 1), (9, 2))]
    labels = dict(m.APP_ROWS)
    keys = [k for k, _ in m.APP_ROWS if k not in ('other_no_correction', 'other_unpaid_fee', 'other_misc')]
    first = len(rows)
    group_rows = {}
    for k in keys:
        r = len(rows)
        # Detail rows of 三线表 leave zero cells blank.
        vals = [str(x) if k in ('new_received', 'carried_over', 'results_total', 'carried_forward') else blank(str(x))
                for x in RL_APPS[k]]
        g = k.split('_')[0]
        if k in ('new_received', 'carried_over', 'carried_forward'):
            rows.append([P(labels[k]), '', ''] + vals)
            spans.append(('SPAN', (0, r), (2, r)))
        elif g in m.GROUPS:
            group_rows.setdefault(g, []).append(r)
            rows.append(['', P(m.GROUPS[g]) if len(group_rows[g]) == 1 else '', P(labels[k])] + vals)
        else:
            rows.append(['', P(labels[k]), ''] + vals)
            spans.append(('SPAN', (1, r), (2, r)))
    result_rows = [i for i, k in enumerate(keys) if k not in ('new_received', 'carried_over', 'carried_forward')]
    spans.append(('SPAN', (0, first + result_rows[0]), (0, first + result_rows[-1])))
    rows[first + result_rows[0]][0] = P('三、本年度办理结果')
    if vertical_labels:
        # Registered under a name of its own: reportlab names both
        # directions of a CID font alike.
        vertical = UnicodeCIDFont('STSong-Light', isVertical=True)
        vertical.fontName = vertical.name = 'STSongV'
        pdfmetrics.registerFont(vertical)
        rows[first + result_rows[0]][0] = P('<br/>'.join('三、本年度办理结果'))
        for g, rs in group_rows.items():
            # A plain string, drawn as one vertical column in the cell.
            rows[rs[0]][1] = m.GROUPS[g]
            spans.append(('FONT', (1, rs[0]), (1, rs[0]), 'STSongV', 5.5))
            spans.append(('VALIGN', (1, rs[0]), (1, rs[0]), 'TOP'))
    for g, rs in group_rows.items():
        spans.append(('SPAN', (1, rs[0]), (1, rs[-1])))
    header_rule = [] if rules == 'grid' else [('LINEBELOW', (0, 2), (-1, 2), 0.6, colors.black)]
    story.append(Table(rows, colWidths=[40, 60, 120] + [32] * 7, style=TableStyle(grid + spans + header_rule)))
    story.append(P('四、政府信息公开行政复议、行政诉讼情况', head))
    t4 = [['行政复议', '', '', '', '', '行政诉讼'] + [''] * 9,
          ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
          ['', '', '', '', ''] + ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 2,
          [str(x) for x in RL_REVIEWS]]
    spans = [('SPAN', (0, 0), (4, 0)), ('SPAN', (5, 0), (14, 0)), ('SPAN', (5, 1), (9, 1)), ('SPAN', (10, 1), (14, 1))]
    spans += [('SPAN', (c, 1), (c, 2)) for c in range(5)]
    story.append(Table([[P(x) if len(x) > 2 else x for x in r] for r in t4], colWidths=[30] * 15, style=TableStyle(grid + spans)))
    story.append(P('五、存在的主要问题及改进情况', head))
    story += [P(t, body) for t in RL_PROBLEMS]
    story.append(P('六、其他需要报告的事项', head))
    story += [P(t, body) for t in RL_OTHER]
    def furniture(canvas, doc):
        # A diagonal pale watermark over the page and a page-number footer:
        # neither may leak into cells or prose.
        canvas.saveState()
        canvas.setFillGray(0.85)
        canvas.setFont('STSong-Light', 48)
        canvas.translate(300, 420)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, '内部资料 注意保存')
        canvas.restoreState()
        if stamped:
            download_stamp(canvas, range(90, 800, 47), lambda k: range(40 + 30 * (k % 3), 560, 190))
        canvas.setFont('STSong-Light', 10)
        canvas.drawCentredString(A4[0] / 2, 30, '- %d -' % doc.page)

    doc = SimpleDocTemplate(path, pagesize=A4, invariant=1, pageCompression=0)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def reportlab_expected(rules='grid'):
    N = None
    apps = {k: dict(zip(m.APPLICANT_COLS, v)) for k, v in RL_APPS.items()}
    if rules != 'grid':
        for k, row in apps.items():
            if k not in ('new_received', 'carried_over', 'results_total', 'carried_forward'):
                apps[k] = {c: (None if v == 0 else v) for c, v in row.items()}
    for k in ('other_no_correction', 'other_unpaid_fee', 'other_misc'):
        apps[k] = None
    return {
        'schema': 'govreport/1',
        'title': '某市发展和改革委员会2023年政府信息公开工作年度报告',
        'agency': '某市发展和改革委员会',
        'year': 2023,
        'template': '2021',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', RL_OVERVIEW),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', []),
            ('reviews_litigation', 4, '政府信息公开行政复议、行政诉讼情况', []),
            ('problems', 5, '存在的主要问题及改进情况', RL_PROBLEMS),
            ('other_matters', 6, '其他需要报告的事项', RL_OTHER),
        ]),
        'active_disclosure': {
            'regulations': {'issued': 0, 'repealed': 0, 'in_force': 0} if rules == 'grid'
            else {'issued': N, 'repealed': N, 'in_force': N},
            'normative_documents': {'issued': 2, 'repealed': 1, 'in_force': 9},
            'licensing': {'decisions': 1530}, 'penalties': {'decisions': 212}, 'coercion': {'decisions': 5},
            'fees': {'amount': 3.25},
        },
        'applications': apps,
        'reviews_litigation': {
            'administrative_review': {'upheld': 0, 'corrected': 1, 'other': 0, 'pending': 0, 'total': 1},
            'litigation_direct': {'upheld': 1, 'corrected': 0, 'other': 0, 'pending': 0, 'total': 1},
            'litigation_after_review': {'upheld': 0, 'corrected': 0, 'other': 0, 'pending': 0, 'total': 0},
        },
        'duplicate_of': N,
        'same_report_as': N,
        # The 2019-style single （六） row in a 2021 table: the three sub-rows are missing.
        'warnings': [m.W('missing_row', 'applications', k) for k in ('other_no_correction', 'other_unpaid_fee', 'other_misc')],
        'error': N,
    }


def to_gbk(src, dst):
    """Re-encodes every string of an uncompressed reportlab PDF from UCS-2 to
    GBK and names the predefined CMap GBK-EUC-H; qpdf rebuilds the xref."""
    data = open(src, 'rb').read()
    assert b'/UniGB-UCS2-H' in data

    def unescape(body):
        out, i = bytearray(), 0
        while i < len(body):
            c = body[i]
            if c == 0x5C:  # backslash
                n = body[i + 1:i + 2]
                if n.isdigit():
                    j = i + 1
                    while j < len(body) and j < i + 4 and body[j:j + 1].isdigit():
                        j += 1
                    out.append(int(body[i + 1:j], 8) & 0xFF)
                    i = j
                    continue
                out += {b'n': b'\n', b'r': b'\r', b't': b'\t', b'b': b'\b', b'f': b'\f'}.get(n, n)
                i += 2
                continue
            out.append(c)
            i += 1
        return bytes(out)

    def recode(mo):
        text = unescape(mo.group(1)).decode('utf-16-be')
        return b'<' + text.encode('gbk').hex().encode() + b'> Tj'

    # reportlab writes CID strings as literals: (...) Tj
    data = re.sub(rb'\(((?:\\.|[^\\()])*)\)\s*Tj', recode, data, flags=re.S)
    data = data.replace(b'/UniGB-UCS2-H', b'/GBK-EUC-H')
    with tempfile.NamedTemporaryFile(suffix='.pdf', delete=False) as f:
        f.write(data)
    subprocess.run(['qpdf', f.name, dst], check=False)
    os.unlink(f.name)


def rewritten_by_ghostscript(name):
    """samples/NAME-ghostscript.pdf: samples/NAME.pdf through Ghostscript's
    pdfwrite; its expected record is the reportlab one."""
    out = name + '-ghostscript.pdf'
    subprocess.run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite',
                    '-o', os.path.join(OUT, out), os.path.join(OUT, name + '.pdf')],
                   check=True, capture_output=True, timeout=120)
    write_expected(out, reportlab_expected())


def download_stamp_sample():
    """samples/reportlab-2023-download-stamp.pdf: the 三线表 report under a
    tiled download stamp; its record is the 三线表 one."""
    name = 'reportlab-2023-download-stamp.pdf'
    reportlab_report(os.path.join(OUT, name), rules='three-line', stamped=True)
    write_expected(name, reportlab_expected(rules='three-line'))


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as tmp:
        libreoffice(tmp)
        scanned(tmp)
        stamped_scan(tmp)
    reportlab_report(os.path.join(OUT, 'reportlab-2023-stsong.pdf'))
    write_expected('reportlab-2023-stsong.pdf', reportlab_expected())
    to_gbk(os.path.join(OUT, 'reportlab-2023-stsong.pdf'), os.path.join(OUT, 'reportlab-2023-gbk.pdf'))
    write_expected('reportlab-2023-gbk.pdf', reportlab_expected())
    for name in ['reportlab-2023-stsong', 'reportlab-2023-gbk']:
        rewritten_by_ghostscript(name)
    reportlab_report(os.path.join(OUT, 'reportlab-2023-three-line.pdf'), rules='three-line')
    write_expected('reportlab-2023-three-line.pdf', reportlab_expected(rules='three-line'))
    download_stamp_sample()
    print('wrote PDF samples')
