"""Samples for the layout families of issue 9, each with an expected record
typed in below from the figures the document is built from (never produced
by govreport). Run from the repository root; needs soffice (Debian
libreoffice-writer-nogui) and the PyPI package reportlab.

- transposed-2023.docx: table 四 laid out with 行政复议 / 行政诉讼 as rows,
  行政诉讼 merged (vMerge) over 未经复议直接起诉 and 复议后起诉; the title in
  two paragraphs, the year in brackets on the second; prose that restates the
  figures, one statement (均获维持) contradicted by a corrected review.
- transposed-2023-lo.pdf: LibreOffice's PDF of it (the merged 行政诉讼 cell
  is one tall cell over two rows).
- transposed-2023-web.html: the same report on a web page: rowspan in table 四,
  a sidebar of other years' reports and dated links above the title, the
  title given as `标题：…-site name`.
- vertical-labels-2023.pdf: the reportlab report with table 三's group
  labels written vertically (one character per line; a UniGB-UCS2-V font).
- borderless-2020.pdf: a 2019-template report drawn by reportlab with no
  ruling at all: columns only from the header and the figures' positions,
  labels wrapped over two or three lines with the figures on the middle
  one, changes in words (增加6, 持平, 减少2), dashes and full-width digits,
  a title that wraps before its last characters.
"""
import html
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import make_samples as m  # noqa: E402
from make_html_samples import td, table as html_table, table2_2021_web, table3_web, write as write_other  # noqa: E402
from make_html_samples import CHROME_TOP, CHROME_BOTTOM  # noqa: E402

OUT = 'samples'
C = m.C
N = None

# ------------------------------------------------------------ transposed

T_TITLE = ['某县自然资源局政府信息公开工作年度报告', '（2023年度）']
T_OVERVIEW = ['2023年，本局共收到政府信息公开申请12件，其中网上申请8件、信函申请4件，均在法定期限内答复。']
T_APPS_TEXT = ['本年度予以公开5件，部分公开2件，因本机关不掌握等原因无法提供3件，结转下年度继续办理1件。']
T_REVIEWS_TEXT = ['本年度被申请行政复议2件，均获维持；被提起行政诉讼1件。']
T_PROBLEMS = ['政策解读的针对性有待加强。']
T_OTHER = ['本年度未收取信息处理费。']
T_ACTIVE = {'regulations': [0, 0, 0], 'normative_documents': [3, 0, 21], 'licensing': [412], 'penalties': [37],
            'coercion': [2], 'fees': [0]}
T_APPS = {
    'new_received': [11, 1, 0, 0, 0, 0, 12],
    'carried_over': [1, 0, 0, 0, 0, 0, 1],
    'disclosed': [4, 1, 0, 0, 0, 0, 5],
    'partially_disclosed': [2, 0, 0, 0, 0, 0, 2],
    'unavailable_not_held': [2, 0, 0, 0, 0, 0, 2],
    'unavailable_unclear': [1, 0, 0, 0, 0, 0, 1],
    'unprocessed_duplicate': [1, 0, 0, 0, 0, 0, 1],
    'other_misc': [1, 0, 0, 0, 0, 0, 1],
    'results_total': [11, 1, 0, 0, 0, 0, 12],
    'carried_forward': [1, 0, 0, 0, 0, 0, 1],
}
# 行政复议: 维持 1, 纠正 1 (so 均获维持 is contradicted); 直接起诉: 尚未审结 1.
T_REVIEWS = {'administrative_review': [1, 1, 0, 0, 2], 'litigation_direct': [0, 0, 0, 1, 1],
             'litigation_after_review': [0, 0, 0, 0, 0]}


def t_all_apps():
    """Every template row of table 三 with its 7 figures (zeros where the spec
    names none); （六） is the sum of its three sub-rows."""
    apps = {k: list(T_APPS.get(k, [0] * 7)) for k, _ in m.APP_ROWS}
    apps['other_handling'] = [sum(apps[p][i] for p in ('other_no_correction', 'other_unpaid_fee', 'other_misc'))
                              for i in range(7)]
    return apps


def transposed_table4_docx():
    cols = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
    vals = lambda g: [C(str(v)) for v in T_REVIEWS[g]]  # noqa: E731
    rows = [[C('项目', span=2)] + [C(x) for x in cols],
            [C('行政复议', span=2)] + vals('administrative_review'),
            [C('行政诉讼', vmerge='restart'), C('未经复议直接起诉')] + vals('litigation_direct'),
            [C('', vmerge='continue'), C('复议后起诉')] + vals('litigation_after_review')]
    return m.table(rows, 7, col_w=1100)


def transposed_expected():
    apps = t_all_apps()
    return {
        'schema': 'govreport/1',
        'title': '某县自然资源局政府信息公开工作年度报告（2023年度）',
        'agency': '某县自然资源局',
        'year': 2023,
        'template': '2021',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', T_OVERVIEW),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', T_APPS_TEXT),
            ('reviews_litigation', 4, '政府信息公开行政复议、行政诉讼情况', T_REVIEWS_TEXT),
            ('problems', 5, '存在的主要问题及改进情况', T_PROBLEMS),
            ('other_matters', 6, '其他需要报告的事项', T_OTHER),
        ]),
        'active_disclosure': {
            'regulations': {'issued': 0, 'repealed': 0, 'in_force': 0},
            'normative_documents': {'issued': 3, 'repealed': 0, 'in_force': 21},
            'licensing': {'decisions': 412}, 'penalties': {'decisions': 37}, 'coercion': {'decisions': 2},
            'fees': {'amount': 0},
        },
        'applications': m.apps_expected(apps, True),
        'reviews_litigation': {g: dict(zip(m.REVIEW_COLS, v)) for g, v in T_REVIEWS.items()},
        'duplicate_of': N,
        'same_report_as': N,
        'warnings': [m.W('narrative_mismatch', 'reviews_litigation', 'administrative_review', 'corrected',
                         section='reviews_litigation')],
        'error': N,
    }


def transposed_docx():
    body = [m.para(T_TITLE[0], jc='center'), m.para(T_TITLE[1], jc='center'), m.para('一、总体情况')]
    body += [m.para(t) for t in T_OVERVIEW]
    body.append(m.para('二、主动公开政府信息情况'))
    body += m.table2_2021({k: [str(x) for x in v] for k, v in T_ACTIVE.items()})
    body.append(m.para('三、收到和处理政府信息公开申请情况'))
    body += [m.para(t) for t in T_APPS_TEXT]
    body += m.table3({k: [str(x) for x in v] for k, v in t_all_apps().items()}, True)
    body.append(m.para('四、政府信息公开行政复议、行政诉讼情况'))
    body += [m.para(t) for t in T_REVIEWS_TEXT]
    body.append(transposed_table4_docx())
    body.append(m.para('五、存在的主要问题及改进情况'))
    body += [m.para(t) for t in T_PROBLEMS]
    body.append(m.para('六、其他需要报告的事项'))
    body += [m.para(t) for t in T_OTHER]
    exp = transposed_expected()
    del exp['schema'], exp['duplicate_of'], exp['same_report_as'], exp['error']
    m.write_sample('transposed-2023', ''.join(body), exp)


def transposed_pdf():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', tmp,
                        os.path.join(OUT, 'transposed-2023.docx')], check=True, capture_output=True, timeout=300)
        data = open(os.path.join(tmp, 'transposed-2023.pdf'), 'rb').read()
    write_other('transposed-2023-lo.pdf', data, transposed_expected(), 'pdf')


def transposed_html():
    E = html.escape
    P = lambda t: '<p style="text-indent:2em">%s</p>' % E(t)  # noqa: E731
    cols = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
    t4 = html_table([[td('项目', cs=2)] + [td(x) for x in cols],
                     [td('行政复议', cs=2)] + [td(v) for v in T_REVIEWS['administrative_review']],
                     [td('行政诉讼', rs=2), td('未经复议直接起诉')] + [td(v) for v in T_REVIEWS['litigation_direct']],
                     [td('复议后起诉')] + [td(v) for v in T_REVIEWS['litigation_after_review']]])
    sidebar = ('<div class="side"><h3>相关信息</h3><ul>'
               '<li><a href="#">某县自然资源局2022年政府信息公开工作年度报告</a></li>'
               '<li><a href="#">某县人民政府2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>'
               '<li><a href="#">某县财政局2023年政府信息公开工作年度报告</a><span>2024-01-18</span></li>'
               '</ul></div>')
    body = '<p>一、总体情况</p>' + ''.join(P(t) for t in T_OVERVIEW)
    body += '<p>二、主动公开政府信息情况</p>' + table2_2021_web({k: [str(x) for x in v] for k, v in T_ACTIVE.items()}, '0')
    body += '<p>三、收到和处理政府信息公开申请情况</p>' + ''.join(P(t) for t in T_APPS_TEXT)
    body += table3_web({k: [str(x) for x in v] for k, v in t_all_apps().items()}, six_parts=True)
    body += '<p>四、政府信息公开行政复议、行政诉讼情况</p>' + ''.join(P(t) for t in T_REVIEWS_TEXT) + t4
    body += '<p>五、存在的主要问题及改进情况</p>' + ''.join(P(t) for t in T_PROBLEMS)
    body += '<p>六、其他需要报告的事项</p>' + ''.join(P(t) for t in T_OTHER)
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县人民政府门户网站</title></head><body>%s%s'
            '<div class="article"><div class="title">标题：%s-某县人民政府</div><div class="TRS_Editor">%s</div></div>'
            '%s</body></html>') % (CHROME_TOP, sidebar, E(''.join(T_TITLE)), body, CHROME_BOTTOM)
    write_other('transposed-2023-web.html', page.encode('utf-8'), transposed_expected(), 'html')


# ------------------------------------------------------------ borderless

B_TITLE = '某市住房和城乡建设局2020年政府信息公开工作年度报告'
B_OVERVIEW = ['2020年，本局共收到政府信息公开申请18件，上年结转1件，均已按时答复。']
B_PROBLEMS = ['一是信息发布的时效性有待提高；二是解读形式较为单一。']
B_OTHER = ['本年度未收取信息处理费。']
# Printed cells of table 二 (2019 template) and what each means.
B_ACTIVE_PRINTED = {'regulations': ['0', '0', '0'], 'normative_documents': ['4', '4', '37'],
                    'licensing': ['125', '增加6', '285'], 'other_services': ['19', '持平', '515'],
                    'penalties': ['32', '减少2', '435'], 'coercion': ['7', '0', '19'], 'fees': ['3', '０'],
                    'procurement': ['6', '187.36']}
B_ACTIVE = {'regulations': {'new_made': 0, 'new_published': 0, 'total_published': 0},
            'normative_documents': {'new_made': 4, 'new_published': 4, 'total_published': 37},
            'licensing': {'previous_items': 125, 'change': 6, 'decisions': 285},
            'other_services': {'previous_items': 19, 'change': 0, 'decisions': 515},
            'penalties': {'previous_items': 32, 'change': -2, 'decisions': 435},
            'coercion': {'previous_items': 7, 'change': 0, 'decisions': 19},
            'fees': {'previous_items': 3, 'change': 0},
            'procurement': {'items': 6, 'amount': 187.36}}
B_APPS = {
    'new_received': [15, 2, 0, 0, 1, 0, 18],
    'carried_over': [1, 0, 0, 0, 0, 0, 1],
    'disclosed': [6, 1, 0, 0, 0, 0, 7],
    'partially_disclosed': [2, 0, 0, 0, 1, 0, 3],
    'withheld_third_party': [1, 0, 0, 0, 0, 0, 1],
    'unavailable_not_held': [3, 1, 0, 0, 0, 0, 4],
    'unprocessed_confirmation': [1, 0, 0, 0, 0, 0, 1],
    'other_handling': [1, 0, 0, 0, 0, 0, 1],
    'results_total': [14, 2, 0, 0, 1, 0, 17],
    'carried_forward': [2, 0, 0, 0, 0, 0, 2],
}
B_REVIEWS = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
# Rows whose zero cells are printed as a dash.
B_DASHED = ('withheld_state_secret', 'withheld_query_matter', 'unprocessed_publication')


def borderless_pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    body = ParagraphStyle('body', fontName='STSong-Light', fontSize=11, leading=17, wordWrap='CJK', firstLineIndent=22)
    head = ParagraphStyle('head', parent=body, firstLineIndent=0, fontSize=12)
    # Large enough that the title wraps before its last characters.
    title = ParagraphStyle('title', parent=body, firstLineIndent=0, fontSize=19, leading=26, alignment=1,
                           wordWrap='CJK')
    cell = ParagraphStyle('cell', fontName='STSong-Light', fontSize=8, leading=10, wordWrap='CJK')
    P = lambda t, s=cell: Paragraph(t, s)  # noqa: E731
    style = [('FONT', (0, 0), (-1, -1), 'STSong-Light', 8), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
             ('ALIGN', (1, 0), (-1, -1), 'CENTER')]
    story = [P(B_TITLE, title), Spacer(1, 6), P('一、总体情况', head)] + [P(t, body) for t in B_OVERVIEW]
    story.append(P('二、主动公开政府信息情况', head))
    a = B_ACTIVE_PRINTED
    for caption, header, rows in [
        ('第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
         [('规章', a['regulations']), ('规范性文件', a['normative_documents'])]),
        ('第二十条第（五）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
         [('行政许可', a['licensing']), ('其他对外管理服务事项', a['other_services'])]),
        ('第二十条第（六）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
         [('行政处罚', a['penalties']), ('行政强制', a['coercion'])]),
        ('第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'], [('行政事业性收费', a['fees'])]),
        ('第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'], [('政府集中采购', a['procurement'])]),
    ]:
        story.append(P(caption, ParagraphStyle('cap', parent=cell, alignment=1, fontSize=9)))
        data = [header] + [[lab] + vals for lab, vals in rows]
        story.append(Table(data, colWidths=[120] + [100] * (len(header) - 1), style=TableStyle(style)))
        story.append(Spacer(1, 6))
    story.append(P('三、收到和处理政府信息公开申请情况', head))
    rows = [['', '', '申请人情况', '', '', '', '', '', ''],
            ['', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
            ['', '', '', P('商业企业'), P('科研机构'), P('社会公益组织'), P('法律服务机构'), '其他', '']]
    labels = dict(m.APP_ROWS)
    keys = [k for k, _ in m.APP_ROWS if k not in ('other_no_correction', 'other_unpaid_fee', 'other_misc')]
    groups_seen = set()
    for k in keys:
        v = B_APPS.get(k, [0] * 7)
        printed = ['－' if (x == 0 and k in B_DASHED) else str(x) for x in v]
        g = k.split('_')[0]
        if g in m.GROUPS:
            gl = P(m.GROUPS[g]) if g not in groups_seen else ''
            groups_seen.add(g)
            rows.append([gl, P(labels[k])] + printed)
        else:
            rows.append([P(labels[k]), ''] + printed)
    spans = [('SPAN', (2, 0), (8, 0)), ('SPAN', (3, 1), (7, 1))]
    # A narrow label column: long labels wrap over several lines, the
    # figures stand on the middle line.
    story.append(Table(rows, colWidths=[58, 92] + [38] * 7, style=TableStyle(style + spans)))
    story.append(P('四、政府信息公开行政复议、行政诉讼情况', head))
    t4 = [['行政复议', '', '', '', '', '行政诉讼'] + [''] * 9,
          ['', '', '', '', '', P('未经复议直接起诉'), '', '', '', '', P('复议后起诉'), '', '', '', ''],
          [P(x) for x in ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 3],
          [str(x) for x in B_REVIEWS]]
    spans = [('SPAN', (0, 0), (4, 0)), ('SPAN', (5, 0), (14, 0)), ('SPAN', (5, 1), (9, 1)), ('SPAN', (10, 1), (14, 1))]
    story.append(Table(t4, colWidths=[30] * 15, style=TableStyle(style + spans)))
    story.append(P('五、存在的主要问题及改进情况', head))
    story += [P(t, body) for t in B_PROBLEMS]
    story.append(P('六、其他需要报告的事项', head))
    story += [P(t, body) for t in B_OTHER]
    doc = SimpleDocTemplate(path, pagesize=A4, invariant=1, pageCompression=0)
    doc.build(story)


def borderless_expected():
    apps = {k: v for k, v in B_APPS.items()}
    for k, _ in m.APP_ROWS:
        if k not in ('other_no_correction', 'other_unpaid_fee', 'other_misc'):
            apps.setdefault(k, [0] * 7)
    for k in B_DASHED:
        apps[k] = [N] * 7
    return {
        'schema': 'govreport/1',
        'title': B_TITLE,
        'agency': '某市住房和城乡建设局',
        'year': 2020,
        'template': '2019',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', B_OVERVIEW),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', []),
            ('reviews_litigation', 4, '政府信息公开行政复议、行政诉讼情况', []),
            ('problems', 5, '存在的主要问题及改进情况', B_PROBLEMS),
            ('other_matters', 6, '其他需要报告的事项', B_OTHER),
        ]),
        'active_disclosure': B_ACTIVE,
        'applications': m.apps_expected(apps, False),
        'reviews_litigation': {g: dict(zip(m.REVIEW_COLS, B_REVIEWS[i * 5:i * 5 + 5]))
                               for i, g in enumerate(m.REVIEW_GROUPS)},
        'duplicate_of': N,
        'same_report_as': N,
        'warnings': [],
        'error': N,
    }


def vertical_labels_pdf():
    """The reportlab report with table 三's group labels written vertically:
    三、本年度办理结果 one character per line, （三）/（四）/（五） in the
    vertical-writing CMap UniGB-UCS2-V. Same figures as the reportlab
    samples, so the same expected record."""
    import make_pdf_samples as pdfs
    pdfs.reportlab_report(os.path.join(OUT, 'vertical-labels-2023.pdf'), vertical_labels=True)
    pdfs.write_expected('vertical-labels-2023.pdf', pdfs.reportlab_expected())


def main():
    vertical_labels_pdf()
    transposed_docx()
    transposed_html()
    if shutil.which('soffice'):
        transposed_pdf()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'b.pdf')
        borderless_pdf(path)
        write_other('borderless-2020.pdf', open(path, 'rb').read(), borderless_expected(), 'pdf')
    print('wrote layout samples')


if __name__ == '__main__':
    main()
