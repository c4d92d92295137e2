"""Generates HTML samples (government web pages with site chrome) and their
expected records; run from the repository root. The report content and
figures are those of the DOCX samples' hand-written specs, so the expected
records are theirs with the page's identity (and, for the image page, the
table that is an image).

- seed-2020-jinyang-gbk.html: GBK with <meta charset=gb2312>, breadcrumb,
  navigation, share buttons, footer, 附件下载; table 二's (五)/(六) header
  merges 本年增/减 over two columns while its data rows merge the first two
  value cells (TEMPLATES.md §4.2); header text split over <p> and <br>.
- wps-2024-grid-utf8.html: UTF-8, blanks as &nbsp;, table 四 zero cells bare.
- wps-2024-grid-utf16.html: the same page saved as UTF-16 (little-endian,
  no BOM, declaring utf-16), as Notepad's "Unicode" and some CMS exports do.
- traditional-2021-outline-big5.html: a 繁体 mirror in Big5, no <meta>.
- seed-2020-image-table.html: table 三 published as an <img>.
- seed-2020-jinyang-xhtml.html: the page served as XHTML (an XML declaration
  before the doctype), as LibreOffice exports it and some sites serve it.
Also prints, with headless Chromium when --pdf is given (needs Debian's
chromium):
- seed-2020-jinyang-chromium.pdf: the GBK page.
- seed-2020-image-table-chromium.pdf: the image-table page printed with its
  picture there (a grid drawn as a PNG): table 三 is an image in section 三.
- sidebar-2020-jinyang-chromium.pdf: the page laid out as many sites lay
  out a report, its text in a narrow column at the left of the sheet and
  the site's side column (相关信息: links to the body's reports of other
  years; 热点关注) beside it, whose lines fall between the title's and the
  paragraphs' lines. The side column is the site's, not the report's (the
  HTML reader leaves it out): the record is the seed's.
- landscape-2020-repeated-header-chromium.pdf: the page printed on A4
  landscape, table 三 with a row of sums for each of （三）/（四）/（五） (not
  template rows) and its header a <thead>, which Chromium prints again at
  the top of every page; a page starts with （四）'s row of sums (needs
  PyMuPDF to find the row height that breaks there). Its header cells are
  as narrow as their words, set flush against the rulings (cellpadding 0).
  The record is the seed's.
- framed-2020-jinyang-chromium.pdf: the page with its tables' cell borders
  off (the tables keep their outer border) and text centred: each table a
  frame around a borderless table; table 二's (五)/(六) header 上一年项目数量
  wrapped onto two lines above and below the row's other headers.
- seed-2020-jinyang-cairo.pdf: seed-2020-jinyang-chromium.pdf re-rendered
  by cairo (poppler's `pdftocairo -pdf`; GTK's print to file writes the
  same): each font it cannot subset becomes Type3 fonts whose FontMatrix is
  [1 0 0 -1 0 0] and whose glyphs are 1 unit wide. The record is the seed's.
- borderless-2020-jinyang-chromium.pdf: the page with no borders at all,
  text centred: table 二's (五)/(六) header 上一年 / 项目数量 wrapped over a
  column that its figures (centred in cells merged differently, §4.2) do
  not stand under.
- stacked-2020-jinyang-chromium.pdf: the page with table 二 as Word saves
  it as a web page when each 第二十条 item is a table of its own: five
  tables as wide as their words, drawn one under the other, sharing their
  rulings, so the space beside the narrower ones is a region of the one
  ruled structure. The record is the seed's.
"""
import copy
import hashlib
import html
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(__file__))
import make_samples as m  # noqa: E402
from samples_spec import SEED, seed_active, seed_apps  # noqa: E402

OUT = 'samples'
E = html.escape


def td(text='', rs=1, cs=1, raw=False):
    attrs = (' rowspan="%d"' % rs if rs > 1 else '') + (' colspan="%d"' % cs if cs > 1 else '')
    if isinstance(text, list):
        body = ''.join('<p>%s</p>' % E(t) for t in text)
    else:
        body = text if raw else E(str(text))
    return '<td%s>%s</td>' % (attrs, body)


def table(rows, head=0, page_breaks=()):
    """A table of `rows`; its first `head` rows a <thead> (which a browser
    prints again at the top of each page), a page break before each row
    whose index is in `page_breaks`."""
    trs = ['<tr%s>%s</tr>' % (' style="break-before:page"' if i in page_breaks else '', ''.join(r))
           for i, r in enumerate(rows)]
    if head:
        trs = ['<thead>'] + trs[:head] + ['</thead><tbody>'] + trs[head:] + ['</tbody>']
    return '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">%s</table>' % ''.join(
        trs)


def cell_val(v, blank):
    if v is None or v == '':
        return td(blank, raw=True)
    return td(v)


def table2_2019_web(cells):
    rows = [[td('第二十条第（一）项', cs=5)],
            [td('信息内容'), td('本年新制作数量'), td('本年新公开数量'), td('对外公开总数量', cs=2)]]
    for k, lab in [('regulations', '规章'), ('normative_documents', '规范性文件')]:
        v = cells[k]
        rows.append([td(lab), td(v[0]), td(v[1]), td(v[2], cs=2)])
    for title, keys in [('第二十条第（五）项', [('licensing', '行政许可'), ('other_services', '其他对外管理服务事项')]),
                        ('第二十条第（六）项', [('penalties', '行政处罚'), ('coercion', '行政强制')])]:
        rows.append([td(title, cs=5)])
        rows.append([td('信息内容'), td(['上一年', '项目数量']), td('本年增/减', cs=2), td('处理决定数量')])
        for k, lab in keys:
            v = cells[k]
            # The data rows merge differently from the header (§4.2).
            rows.append([td(lab), td(v[0], cs=2), td(v[1]), td(v[2])])
    rows.append([td('第二十条第（八）项', cs=5)])
    rows.append([td('信息内容'), td('上一年项目数量'), td('本年增/减', cs=3)])
    rows.append([td('行政事业性收费'), td(cells['fees'][0]), td(cells['fees'][1], cs=3)])
    rows.append([td('第二十条第（九）项', cs=5)])
    rows.append([td('信息内容'), td('采购项目数量'), td('采购总金额', cs=3)])
    rows.append([td('政府集中釆购'), td(cells['procurement'][0]), td(cells['procurement'][1], cs=3)])
    return table(rows)


def table2_2019_stacked(cells):
    """Table 二 as Word saves it as a web page when each item is a table of
    its own: five tables one under the other, each as wide as its words."""
    style = 'padding:0cm 5.4pt 0cm 5.4pt;text-align:center'
    items = [('第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
              [('regulations', '规章'), ('normative_documents', '规范性文件')]),
             ('第二十条第（五）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
              [('licensing', '行政许可'), ('other_services', '其他对外管理服务事项')]),
             ('第二十条第（六）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
              [('penalties', '行政处罚'), ('coercion', '行政强制')]),
             ('第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'], [('fees', '行政事业性收费')]),
             ('第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'], [('procurement', '政府集中釆购')])]
    out = ''
    for title, header, keys in items:
        rows = [[td(title, cs=len(header))], [td(h) for h in header]]
        rows += [[td(lab)] + [td(v) for v in cells[k]] for k, lab in keys]
        out += table(rows).replace('style="border-collapse:collapse"', 'style="border-collapse:collapse;border:none"')
    return out.replace('<td', '<td style="%s"' % style)


def table2_2021_web(cells, blank):
    rows = [[td('第二十条第（一）项', cs=4)],
            [td('信息内容'), td('本年制发件数'), td('本年废止件数'), td('现行有效件数')]]
    for k, lab in [('regulations', '规章'), ('normative_documents', '行政规范性文件')]:
        rows.append([td(lab)] + [cell_val(x, blank) for x in cells[k]])
    for title, head, keys in [('第二十条第（五）项', '本年处理决定数量', [('licensing', '行政许可')]),
                              ('第二十条第（六）项', '本年处理决定数量', [('penalties', '行政处罚'), ('coercion', '行政强制')]),
                              ('第二十条第（八）项', '本年收费金额（单位：万元）', [('fees', '行政事业性收费')])]:
        rows.append([td(title, cs=4)])
        rows.append([td('信息内容'), td(head, cs=3)])
        for k, lab in keys:
            rows.append([td(lab), td(cells[k][0], cs=3) if cells[k][0] not in ('', None) else td(blank, cs=3, raw=True)])
    return table(rows)


def table3_web(cells, labels=None, blank='&nbsp;', six_parts=False, head=False, group_totals=False, break_before=()):
    """Table 三; with `head`, its three header rows a <thead>; with
    `group_totals`, （三）/（四）/（五） a row of their own holding the group's
    sums above their sub-rows (as many reports print them); a page break
    before the rows named in `break_before` (a row key, or a group's name
    for its total row)."""
    labels = dict(m.APP_ROWS, **(labels or {}))
    rows = [[td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rs=3, cs=3), td('申请人情况', cs=7)],
            [td('自然人', rs=2), td('法人或其他组织', cs=5), td('总计', rs=2)],
            [td(['商业', '企业']), td(['科研', '机构']), td(['社会', '公益', '组织']), td(['法律', '服务', '机构']), td('其他')]]
    keys = [k for k, _ in m.APP_ROWS if six_parts or k not in ('other_no_correction', 'other_unpaid_fee', 'other_misc')]
    results = [k for k in keys if k not in ('new_received', 'carried_over', 'carried_forward')]
    if six_parts:
        results.remove('other_handling')
    n_groups = len({k.split('_')[0] for k in results} & set(m.GROUPS))
    seen = set()
    breaks = []
    for k in keys:
        if six_parts and k == 'other_handling':
            continue
        vals = [cell_val(v, blank) for v in cells[k]]
        if k in break_before:
            breaks.append(len(rows))
        if k in ('new_received', 'carried_over', 'carried_forward'):
            rows.append([td(labels[k], cs=3)] + vals)
            continue
        row = []
        if k == results[0]:
            row.append(td('三、本年度办理结果', rs=len(results) + (n_groups if group_totals else 0), raw=False))
        g = k.split('_')[0]
        if g in m.GROUPS:
            if g not in seen:
                seen.add(g)
                members = [x for x in results if x.startswith(g + '_')]
                if group_totals:
                    sums = [sum(cells[x][j] for x in members) for j in range(7)]
                    if g in break_before:
                        breaks.append(len(rows))
                    rows.append(row + [td(m.GROUPS[g], cs=2)] + [cell_val(v, blank) for v in sums])
                    row = [td('', rs=len(members))]
                else:
                    row.append(td(m.GROUPS[g], rs=len(members)))
            row.append(td(labels[k]))
        else:
            row.append(td(labels[k], cs=2))
        rows.append(row + vals)
    return table(rows, head=3 if head else 0, page_breaks=breaks)


def table4_web(vals, blank):
    rows = [[td('行政复议', cs=5), td('行政诉讼', cs=10)],
            [td(['结果', '维持'], rs=2), td('结果<br/>纠正', rs=2, raw=True), td('其他结果', rs=2), td('尚未审结', rs=2), td('总计', rs=2),
             td('未经复议直接起诉', cs=5), td('复议后起诉', cs=5)],
            [td(x) for x in ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 2],
            # Table 四's zero cells are bare blanks on many sites.
            ['<td>%s</td>' % (blank if v in (None, '') else E(str(v))) for v in vals]]
    return table(rows)


CHROME_TOP = '''<div class="top-nav"><a href="#">首页</a> <a href="#">政务公开</a> <a href="#">政务服务</a> <a href="#">互动交流</a></div>
<div class="location">当前位置： 首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>'''
CHROME_META = '<div class="info">发布时间：2021-01-20 来源：本网 浏览次数：1024 字体：【大 中 小】</div>'
CHROME_BOTTOM = '''<div class="bdsharebuttonbox">分享到：微信 微博 QQ空间</div>
<div class="fujian">附件下载：<a href="#">年度报告.pdf</a></div>
<div>【打印本页】 【关闭窗口】</div>
<div class="footer">主办单位：某某人民政府办公室 网站标识码：6100000001 备案号：陕ICP备00000000号</div>
<script>var _hmt = _hmt || [];</script>'''


def page(title_lines, body, charset_meta='<meta charset="utf-8">'):
    h1 = '<h1>%s</h1>' % '<br/>'.join(E(t) for t in title_lines)
    return ('<!DOCTYPE html><html><head>%s<title>%s</title><style>td{border:1px solid #000}</style></head><body>%s'
            '<div class="article">%s%s<div class="TRS_Editor">%s</div></div>%s</body></html>') % (
        charset_meta, E(''.join(title_lines)), CHROME_TOP, h1, CHROME_META, body, CHROME_BOTTOM)


SIDE_COLUMN = '''<div class="side" style="float:right;width:150px;font-size:13px"><h3>相关信息</h3><ul>%s</ul>
<h3>热点关注</h3><ul><li><a href="#">2021年度部门预算公开</a></li><li><a href="#">政府信息公开指南</a></li></ul></div>'''


def page_with_side_column(title_lines, body, links):
    """`page`, with the report in a column of 560 px at the left and the
    site's side column of links beside it."""
    side = SIDE_COLUMN % ''.join('<li><a href="#">%s</a></li>' % E(t) for t in links)
    h1 = '<h1 style="font-size:22px">%s</h1>' % '<br/>'.join(E(t) for t in title_lines)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>td{border:1px solid #000}</style>'
            '</head><body style="width:760px">%s%s<div class="article" style="float:left;width:560px">%s%s'
            '<div class="TRS_Editor">%s</div></div><div style="clear:both">%s</div></body></html>') % (
        E(''.join(title_lines)), CHROME_TOP, side, h1, CHROME_META, body, CHROME_BOTTOM)


def grid_png(width, height, step):
    """A PNG of a table's grid (black rulings every `step` pixels on white):
    a table published as a picture, as far as a text reader can tell."""
    rows = []
    for y in range(height):
        ruled = y % step == 0 or y == height - 1
        rows.append(b'\x00' + bytes(0 if ruled or x % (step * 4) == 0 or x == width - 1 else 255
                                     for x in range(width)))
    raw = zlib.compress(b''.join(rows))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    header = struct.pack('>IIBBBBB', width, height, 8, 0, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', raw) + chunk(b'IEND', b'')


def print_with_chromium(page_html, tmp):
    """The PDF headless Chromium prints of a page."""
    src = os.path.join(tmp, 'page.html')
    with open(src, 'wb') as f:
        f.write(page_html)
    out = os.path.join(tmp, 'page.pdf')
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                    '--disable-background-networking', '--disable-component-update', '--disable-sync',
                    '--user-data-dir=' + os.path.join(tmp, 'profile'), '--no-pdf-header-footer',
                    '--print-to-pdf=' + out, 'file://' + src], check=True, capture_output=True, timeout=120)
    return open(out, 'rb').read()


def header_printed_above(pdf, label):
    """Whether a page of `pdf` starts with table 三's header printed again
    and `label`'s row right below it (checked with PyMuPDF)."""
    import pymupdf
    for number, pg in enumerate(pymupdf.open(stream=pdf, filetype='pdf')):
        text = pg.get_text().replace('\n', '')
        if number > 0 and text.startswith('（本列数据的勾稽关系') and label in text:
            between = text[text.index('总计'):text.index(label)]
            return not any(ch in between for ch in '一二三四五六七八1')
    return False


def rendered_by_cairo(name, expected):
    """Writes sample `name` as cairo re-renders the PDF sample just written
    under `name`'s stem with -chromium (needs Debian's poppler-utils)."""
    src = os.path.join(OUT, name.replace('-cairo.pdf', '-chromium.pdf'))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'cairo.pdf')
        subprocess.run(['pdftocairo', '-pdf', src, out], check=True, capture_output=True, timeout=120)
        write(name, open(out, 'rb').read(), expected, fmt='pdf')


def with_style(page_html, css):
    """The page with `css` first in its style sheet."""
    return page_html.replace('<style>', '<style>' + css, 1)


def write_print(name, page_bytes, expected):
    """Prints the page with Chromium and writes it as a PDF sample."""
    with tempfile.TemporaryDirectory() as tmp:
        write(name, print_with_chromium(page_bytes, tmp), expected, fmt='pdf')


def p(t):
    return '<p style="text-indent:2em">%s</p>' % E(t)


def write(name, content_bytes, expected, fmt='html'):
    path = os.path.join(OUT, name)
    with open(path, 'wb') as f:
        f.write(content_bytes)
    rec = copy.deepcopy(expected)
    rec['source'] = {'path': 'samples/' + name, 'format': fmt, 'sha256': hashlib.sha256(content_bytes).hexdigest(),
                     'bytes': len(content_bytes)}
    with open(os.path.join(OUT, name.rsplit('.', 1)[0] + '.expected.json'), 'w', encoding='utf-8') as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
        f.write('\n')


def seed_body(table3_html, table2_html=None):
    apps = seed_apps(m)
    active = seed_active()
    b = '<p><strong>一、总体情况</strong></p>' + ''.join(p(t) for t in SEED['overview'])
    b += '<p><strong>二、主动公开政府信息情况</strong></p>' + (table2_html or table2_2019_web(active))
    b += '<p><strong>三、收到和处理政府信息公开申请情况</strong></p>' + (table3_html if table3_html is not None else table3_web(apps))
    b += '<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>' + table4_web([0] * 15, '0')
    b += '<p><strong>五、存在的主要问题及改进情况</strong></p>' + ''.join(p(t) for t in SEED['problems'])
    b += '<p><strong>六、无其他需要报告的事项</strong></p>'
    return b


def main():
    seed_exp = json.load(open('samples/seed-2020-jinyang.expected.json', encoding='utf-8'))
    title = ['铜川市耀州区锦阳路街道办事处', '2020年政府信息公开工作年度报告']
    gbk = page(title, seed_body(None), '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    write('seed-2020-jinyang-gbk.html', gbk.encode('gbk'), seed_exp)

    # XHTML as sites and LibreOffice's export serve it: an XML declaration
    # first, then the XHTML doctype and namespace.
    xhtml = page(title, seed_body(None)).replace(
        '<!DOCTYPE html><html>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">', 1)
    assert xhtml.startswith('<?xml')
    write('seed-2020-jinyang-xhtml.html', xhtml.encode('utf-8'), seed_exp)

    img = page(title, seed_body('<p><img src="table3.png" alt="" width="600"></p>'))
    exp = copy.deepcopy(seed_exp)
    exp['applications'] = None
    exp['warnings'] = [m.W('missing_table', 'applications'),
                       m.W('table_as_image', 'applications', section='applications', severity='info')]
    write('seed-2020-image-table.html', img.encode('utf-8'), exp)

    wps_exp = json.load(open('samples/wps-2024-grid.expected.json', encoding='utf-8'))
    N = None
    printed = {k: [None] * 7 for k, _ in m.APP_ROWS}
    for k, v in wps_exp['applications'].items():
        if v:
            printed[k] = [v[c] for c in m.APPLICANT_COLS]
    printed['other_handling'] = ['-'] * 7
    active = {'regulations': ['—', '—', '—'], 'normative_documents': ['2', '0', '11'], 'licensing': ['320'],
              'penalties': ['48'], 'coercion': ['/'], 'fees': ['0']}
    s = [x for x in wps_exp['sections']]
    body = '<p>一．总体情况</p>' + ''.join(p(t) for t in s[0]['text'].split('\n'))
    body += '<p>二、主动公开政府信息情况</p>' + table2_2021_web(active, '&nbsp;')
    body += '<p>三、收到和处理政府信息公开申请情况</p>' + table3_web(printed, labels={
        'withheld_prohibited_by_law': '2.其他法律行政止公开', 'unprocessed_excessive': '4.无正当理由大量反复 申请'})
    body += '<p>四、政府信息公开行政法复议、行政诉讼情况</p>' + p(s[3]['text']) + table4_web([None] * 15, '&nbsp;')
    body += '<p>五、政府信息公开工作存在的主要问题及改进情况</p>' + p(s[4]['text'])
    body += '<p>六、其他需要报告的事项</p>' + p(s[5]['text'])
    write('wps-2024-grid-utf8.html', page([wps_exp['title']], body).encode('utf-8'), wps_exp)
    utf16 = page([wps_exp['title']], body, '<meta charset="utf-16">')
    write('wps-2024-grid-utf16.html', utf16.encode('utf-16-le'), wps_exp)

    if '--pdf' in sys.argv:
        write_print('seed-2020-jinyang-chromium.pdf', gbk.encode('gbk'), seed_exp)
        rendered_by_cairo('seed-2020-jinyang-cairo.pdf', seed_exp)
        links = ['铜川市耀州区锦阳路街道办事处%d年政府信息公开工作年度报告' % y for y in (2019, 2018, 2017)]
        side = page_with_side_column(title, seed_body(None), links)
        write_print('sidebar-2020-jinyang-chromium.pdf', side.encode('utf-8'), seed_exp)
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, 'table3.png'), 'wb') as f:
                f.write(grid_png(600, 400, 20))
            write('seed-2020-image-table-chromium.pdf', print_with_chromium(img.encode('utf-8'), tmp), exp,
                  fmt='pdf')
        # Printed on A4 landscape, table 三's header (a <thead>) printed again
        # at the top of each page, a page starting with （四）无法提供's own
        # row of sums, which the template does not list. (A forced break
        # before a row inside the rowspan of 三、本年度办理结果 prints a blank
        # page and no header: rows are made taller until a page breaks there.)
        landscape = page(title, seed_body(table3_web(seed_apps(m), head=True, group_totals=True)))
        with tempfile.TemporaryDirectory() as tmp:
            for height in range(20, 80):
                # Paragraphs in cells without margins: Chromium prints a
                # header again only when it is short (a quarter of a page).
                style = '@page{size:A4 landscape;margin:12mm}td p{margin:0}tbody tr{height:%dpx}' % height
                pdf = print_with_chromium(with_style(landscape, style).encode('utf-8'), tmp)
                if header_printed_above(pdf, '（四）无法提供'):
                    break
            else:
                sys.exit('no row height breaks a page above （四）无法提供')
            write('landscape-2020-repeated-header-chromium.pdf', pdf, seed_exp, fmt='pdf')
        # Tables printed with their outer border only: `<table border=1>`,
        # cell borders off, text centred with some padding.
        framed = with_style(page(title, seed_body(None)), 'td{border:none!important;padding:2px 8px;text-align:center}')
        write_print('framed-2020-jinyang-chromium.pdf', framed.encode('utf-8'), seed_exp)
        # No borders at all: borderless tables, text centred.
        borderless = with_style(page(title, seed_body(None)),
                                'table,td,th{border:none!important}td{padding:2px 6px;text-align:center}')
        write_print('borderless-2020-jinyang-chromium.pdf', borderless.encode('utf-8'), seed_exp)
        stacked = page(title, seed_body(None, table2_2019_stacked(seed_active())))
        write_print('stacked-2020-jinyang-chromium.pdf', stacked.encode('utf-8'), seed_exp)
    print('wrote HTML samples')


if __name__ == '__main__':
    main()
