"""The samples: each function writes one document and its expected record.
Figures and warnings are typed in by hand here; see make_samples.py."""
import json
import os

HERE = os.path.dirname(__file__)
SEED = json.load(open(os.path.join(HERE, 'seed_text.json'), encoding='utf-8'))


def seed_active():
    """The seed report's table 二 (all zero)."""
    return {'regulations': [0, 0, 0], 'normative_documents': [0, 0, 0], 'licensing': [0, 0, 0],
            'other_services': [0, 0, 0], 'penalties': [0, 0, 0], 'coercion': [0, 0, 0], 'fees': [0, 0],
            'procurement': [0, 0]}


def seed_apps(m):
    """The seed report's table 三: two applications, one disclosed, one a duplicate."""
    apps = m.zero_apps()
    apps['new_received'] = [2, 0, 0, 0, 0, 0, 2]
    apps['disclosed'] = [1, 0, 0, 0, 0, 0, 1]
    apps['unprocessed_duplicate'] = [1, 0, 0, 0, 0, 0, 1]
    apps['results_total'] = [2, 0, 0, 0, 0, 0, 2]
    return apps


def seed_2020_jinyang(m):
    """The seed report (../shared/reference/000_3b755697149a471b.txt) as a clerk
    types it in Word: two-line title, 2019 template, merged cells as in the
    template. Its prose says 未收到信息公开申请; its table says 2."""
    body = [m.para('铜川市耀州区锦阳路街道办事处', jc='center'),
            m.para('2020年政府信息公开工作年度报告', jc='center'),
            m.para('一、总体情况')]
    body += [m.para(p) for p in SEED['overview']]
    body.append(m.para('二、主动公开政府信息情况'))
    active = seed_active()
    body += m.table2_2019(active, {'labels': {'procurement': '政府集中釆购'}})
    body.append(m.para('三、收到和处理政府信息公开申请情况'))
    apps = seed_apps(m)
    body += m.table3(apps, False, {'multi_para_headers': True})
    body.append(m.para('四、政府信息公开行政复议、行政诉讼情况'))
    body += [m.table4([0] * 15)]
    body.append(m.para('五、存在的主要问题及改进情况'))
    body += [m.para(p) for p in SEED['problems']]
    body.append(m.para('六、无其他需要报告的事项'))

    expected_apps = {k: v for k, v in apps.items() if k not in ('other_no_correction', 'other_unpaid_fee', 'other_misc')}
    m.write_sample('seed-2020-jinyang', ''.join(body), {
        'title': '铜川市耀州区锦阳路街道办事处2020年政府信息公开工作年度报告',
        'agency': '铜川市耀州区锦阳路街道办事处',
        'year': 2020,
        'template': '2019',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', SEED['overview']),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', []),
            ('reviews_litigation', 4, '政府信息公开行政复议、行政诉讼情况', []),
            ('problems', 5, '存在的主要问题及改进情况', SEED['problems']),
            ('other_matters', 6, '无其他需要报告的事项', []),
        ]),
        'active_disclosure': {
            'regulations': {'new_made': 0, 'new_published': 0, 'total_published': 0},
            'normative_documents': {'new_made': 0, 'new_published': 0, 'total_published': 0},
            'licensing': {'previous_items': 0, 'change': 0, 'decisions': 0},
            'other_services': {'previous_items': 0, 'change': 0, 'decisions': 0},
            'penalties': {'previous_items': 0, 'change': 0, 'decisions': 0},
            'coercion': {'previous_items': 0, 'change': 0, 'decisions': 0},
            'fees': {'previous_items': 0, 'change': 0},
            'procurement': {'items': 0, 'amount': 0},
        },
        'applications': m.apps_expected(expected_apps, False),
        'reviews_litigation': {g: dict(zip(m.REVIEW_COLS, [0] * 5)) for g in m.REVIEW_GROUPS},
        'warnings': [m.W('narrative_mismatch', 'applications', 'new_received', 'total', section='overview')],
    })


def county_2022_numbered(m):
    """A 2021-template county report as Word writes one with automatic
    numbering and tracked changes: the 一、 of headings comes from numbering.xml
    through a paragraph style, the title sits in a text box (Choice + VML
    fallback), runs split inside numbers, deleted and inserted revisions,
    hyperlinks, smart tags, custom XML, a field, content controls at block,
    row and cell level, table 二 as four small tables, table 三 split in two
    tables with 续表 between, vMerge continuations without w:val, table 四
    indented with gridBefore."""
    title_box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        '<wps:wsp><wps:txbx><w:txbxContent>%s%s</w:txbxContent></wps:txbx></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>%s%s</w:txbxContent></v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>'
    ) % ((m.para('某某县人民政府办公室', jc='center'), m.para('2022年政府信息公开工作年度报告', jc='center')) * 2)
    body = [m.para(title_box, raw=True)]
    pre = '本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2022年1月1日起至2022年12月31日止。'
    body.append('<w:sdt><w:sdtPr><w:alias w:val="preamble"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % m.para(pre))
    body.append(m.para('总体情况', style='SecHead'))
    ov1 = '2022年，全县共收到政府信息公开申请24件，上年结转2件，已全部按时答复。'
    ov1_xml = (m.runs('2022年，全县共收到政府信息公开申请', 3) + m.run('2') + m.run('4')
               + m.run('件，上年结转2件，') + '<w:del w:id="1" w:author="a"><w:r><w:delText>部分</w:delText></w:r></w:del>'
               + '<w:ins w:id="2" w:author="a">' + m.run('已全部') + '</w:ins>' + m.run('按时答复。'))
    body.append(m.para('主动公开情况', style='SubHead'))
    body.append(m.para(ov1_xml, raw=True))
    ov2 = '通过县政府门户网站政府信息公开专栏主动公开政府信息1,286条。'
    ov2_xml = ('<w:smartTag w:uri="urn:x" w:element="place">' + m.run('通过县政府门户网站') + '</w:smartTag>'
               + '<w:hyperlink r:id="rId9">' + m.run('政府信息公开专栏') + '</w:hyperlink>'
               + '<w:customXml w:element="x">' + m.run('主动公开政府信息1,286条。') + '</w:customXml>')
    body.append(m.para(ov2_xml, raw=True))
    body.append(m.para('平台建设情况', style='SubHead'))
    ov3 = '详见县政府网站年报专栏。'
    ov3_xml = (m.run('详见') + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.invalid/" </w:instrText></w:r>'
               + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + m.run('县政府网站')
               + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + m.run('年报专栏。'))
    body.append(m.para(ov3_xml, raw=True))
    body.append(m.para('主动公开政府信息情况', style='SecHead'))
    active = {'regulations': [0, 0, 0], 'normative_documents': [3, 1, 27], 'licensing': ['1,245'],
              'penalties': [386], 'coercion': [12], 'fees': ['56.78']}
    body += m.table2_2021(active, {'split': True})
    body.append(m.para('收到和处理政府信息公开申请情况', style='SecHead'))
    body.append(m.para('本年度收到和处理政府信息公开申请情况如下：'))
    apps = m.zero_apps()
    apps['new_received'] = [20, 3, 0, 0, 1, 0, 24]
    apps['carried_over'] = [2, 0, 0, 0, 0, 0, 2]
    apps['disclosed'] = [9, 1, 0, 0, 0, 0, 10]
    apps['partially_disclosed'] = [3, 0, 0, 0, 1, 0, 4]
    apps['withheld_third_party'] = [1, 0, 0, 0, 0, 0, 1]
    apps['unavailable_not_held'] = [5, 1, 0, 0, 0, 0, 6]
    apps['unprocessed_duplicate'] = [1, 0, 0, 0, 0, 0, 1]
    apps['other_no_correction'] = [1, 0, 0, 0, 0, 0, 1]
    apps['other_misc'] = [0, 1, 0, 0, 0, 0, 1]
    apps['results_total'] = [20, 3, 0, 0, 1, 0, 24]
    apps['carried_forward'] = [2, 0, 0, 0, 0, 0, 2]
    printed = {k: [str(x) for x in v] for k, v in apps.items()}
    # A note after a number in one cell.
    printed['disclosed'][6] = '10（其中补正后公开2件）'
    parts = m.table3(printed, True, {'split_at': 'unavailable_not_held', 'cont': 'continue-noval',
                                     'sdt_rows': (4,), 'sdt_cells': ((2, 3),), 'labels': {
                                         'other_no_correction': '1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
                                         'other_unpaid_fee': '2、申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请',
                                         'other_misc': '3、其他'}})
    body += [parts[0], m.para('（续表）', jc='center'), parts[1]]
    body.append(m.para('政府信息公开行政复议、行政诉讼情况', style='SecHead'))
    # Indented one grid column with gridBefore, as WPS writes it.
    body.append(m.table4([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], {'grid_before': 1}))
    body.append(m.para('存在的主要问题及改进情况', style='SecHead'))
    p5 = '一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训。'
    body.append(m.para(p5))
    body.append(m.para('其他需要报告的事项', style='SecHead'))
    p6 = '本年度未收取信息处理费。'
    body.append(m.para(p6))

    exp_apps = {k: [None if x is None else x for x in v] for k, v in apps.items()}
    exp_apps['other_handling'] = [1, 1, 0, 0, 0, 0, 2]  # the sum of its three sub-rows
    m.write_sample('county-2022-numbered', ''.join(body), {
        'title': '某某县人民政府办公室2022年政府信息公开工作年度报告',
        'agency': '某某县人民政府办公室',
        'year': 2022,
        'template': '2021',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', ['（一）主动公开情况', ov1, ov2, '（二）平台建设情况', ov3]),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', ['本年度收到和处理政府信息公开申请情况如下：', '（续表）']),
            ('reviews_litigation', 4, '政府信息公开行政复议、行政诉讼情况', []),
            ('problems', 5, '存在的主要问题及改进情况', [p5]),
            ('other_matters', 6, '其他需要报告的事项', [p6]),
        ]),
        'active_disclosure': {
            'regulations': {'issued': 0, 'repealed': 0, 'in_force': 0},
            'normative_documents': {'issued': 3, 'repealed': 1, 'in_force': 27},
            'licensing': {'decisions': 1245},
            'penalties': {'decisions': 386},
            'coercion': {'decisions': 12},
            'fees': {'amount': 56.78},
        },
        'applications': m.apps_expected(exp_apps, True),
        'reviews_litigation': {
            'administrative_review': {'upheld': 1, 'corrected': 0, 'other': 0, 'pending': 0, 'total': 1},
            'litigation_direct': {'upheld': 0, 'corrected': 0, 'other': 0, 'pending': 1, 'total': 1},
            'litigation_after_review': {'upheld': 0, 'corrected': 0, 'other': 0, 'pending': 0, 'total': 0},
        },
        'warnings': [m.W('cell_note', 'applications', 'disclosed', 'total', severity='info')],
    })


def wps_2024_grid(m):
    """A 2024 report saved by WPS: table 三 without w:tblGrid, table 四 with a
    grid that disagrees with its cells' widths, the vertical 三、本年度办理结果
    label, the 2021 table 二 with the 2019-style single （六） row (so the three
    2021 sub-rows are missing), label typos, blank detail totals, dashes and
    full-width digits."""
    body = [m.para('某市生态环境局2024年政府信息公开工作年度报告', jc='center'),
            m.para('一．总体情况')]
    ov = '2024年，我局共收到政府信息公开申请１５件，均在法定期限内办结。'
    body.append(m.para(ov))
    body.append(m.para('二、主动公开政府信息情况'))
    active = {'regulations': ['—', '—', '—'], 'normative_documents': ['2', '0', '11'], 'licensing': ['３２０'],
              'penalties': ['48'], 'coercion': ['/'], 'fees': ['0']}
    body += m.table2_2021(active)
    body.append(m.para('三、收到和处理政府信息公开申请情况'))
    blank_detail = lambda a, b=None: [str(a)] + ['' for _ in range(5)] + ['' if b is None else str(b)]  # noqa: E731
    printed = {k: ['', '', '', '', '', '', ''] for k, _ in m.APP_ROWS}
    printed['new_received'] = ['１３', '2', '', '', '', '', '１５']
    printed['carried_over'] = ['0', '0', '0', '0', '0', '0', '0']
    printed['disclosed'] = blank_detail(6)
    printed['partially_disclosed'] = blank_detail(2)
    printed['withheld_process_info'] = blank_detail(1)
    printed['unavailable_not_held'] = ['3', '2', '', '', '', '', '']
    printed['unprocessed_petition'] = blank_detail(1)
    printed['other_handling'] = ['-', '-', '-', '-', '-', '-', '-']
    printed['results_total'] = ['１３', '2', '', '', '', '', '１５']
    printed['carried_forward'] = ['0', '0', '0', '0', '0', '0', '0']
    body += m.table3(printed, False, {'no_grid': True, 'vertical_group': True, 'labels': {
        'withheld_prohibited_by_law': '2.其他法律行政止公开',
        'unprocessed_excessive': '4.无正当理由大量反复 申请'}})
    body.append(m.para('四、政府信息公开行政法复议、行政诉讼情况'))
    body.append(m.para('本年度未发生因政府信息公开引起的行政复议、行政诉讼。'))
    # A grid of 12 equal columns that matches neither the 15 cells nor their widths.
    body.append(m.table4([''] * 15, {'grid_widths': [750] * 12}))
    body.append(m.para('五、政府信息公开工作存在的主要问题及改进情况'))
    p5 = '政策解读的针对性有待加强。'
    body.append(m.para(p5))
    body.append(m.para('六、其他需要报告的事项'))
    p6 = '无。'
    body.append(m.para(p6))

    N = None
    exp = {k: [N] * 7 for k, _ in m.APP_ROWS}
    d = lambda a: [a, N, N, N, N, N, N]  # noqa: E731
    exp.update({
        'new_received': [13, 2, N, N, N, N, 15], 'carried_over': [0] * 7, 'disclosed': d(6),
        'partially_disclosed': d(2), 'withheld_process_info': d(1), 'unavailable_not_held': [3, 2, N, N, N, N, N],
        'unprocessed_petition': d(1), 'results_total': [13, 2, N, N, N, N, 15], 'carried_forward': [0] * 7,
    })
    for k in ('other_no_correction', 'other_unpaid_fee', 'other_misc'):
        del exp[k]
    m.write_sample('wps-2024-grid', ''.join(body), {
        'title': '某市生态环境局2024年政府信息公开工作年度报告',
        'agency': '某市生态环境局',
        'year': 2024,
        'template': '2021',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', [ov]),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', []),
            ('reviews_litigation', 4, '政府信息公开行政法复议、行政诉讼情况', ['本年度未发生因政府信息公开引起的行政复议、行政诉讼。']),
            ('problems', 5, '政府信息公开工作存在的主要问题及改进情况', [p5]),
            ('other_matters', 6, '其他需要报告的事项', [p6]),
        ]),
        'active_disclosure': {
            'regulations': {'issued': N, 'repealed': N, 'in_force': N},
            'normative_documents': {'issued': 2, 'repealed': 0, 'in_force': 11},
            'licensing': {'decisions': 320},
            'penalties': {'decisions': 48},
            'coercion': {'decisions': N},
            'fees': {'amount': 0},
        },
        'applications': m.apps_expected(exp, False),
        'reviews_litigation': {g: dict(zip(m.REVIEW_COLS, [N] * 5)) for g in m.REVIEW_GROUPS},
        'warnings': [m.W('missing_row', 'applications', k) for k in ('other_no_correction', 'other_unpaid_fee', 'other_misc')],
    })


def layout_2022_inconsistent(m):
    """A 2022 report laid out inside one big one-column layout table, still on
    the 2019 tables (template_mismatch), with figures that contradict each
    other: a row total, （七）总计, the balance, a table 四 total and the prose
    on 行政复议; a 小计 column the template lacks; an amount in 元; a
    non-numeric cell and a negative count."""
    inner = []
    inner.append(m.para('某区教育局2022年度政府信息公开工作年度报告', jc='center'))
    inner.append(m.para('一、总体情况'))
    ov = '2022年，我局共收到政府信息公开申请7件。全年被申请行政复议3件，未发生行政诉讼。'
    inner.append(m.para(ov))
    inner.append(m.para('二、主动公开政府信息情况'))
    active = {'regulations': [0, 0, 0], 'normative_documents': [2, 2, 15], 'licensing': [35, '+3', 120],
              'other_services': [4, '减少1', 6], 'penalties': [2, '-18', 9], 'coercion': [0, '持平', 0],
              'fees': [1, 0], 'procurement': [12, '251000元']}
    t2 = ''.join(m.table2_2019(active))
    inner_cells = [t2]
    inner.append('@T2@')
    inner.append(m.para('三、收到和处理政府信息公开申请情况'))
    inner.append('@T3@')
    apps = {k: [''] * 7 for k, _ in m.APP_ROWS}
    apps['new_received'] = ['5', '2', '0', '0', '0', '0', '8']       # row total 8 ≠ 7
    apps['carried_over'] = ['1', '0', '0', '0', '0', '0', '1']
    apps['disclosed'] = ['3', '1', '0', '0', '0', '0', '4']
    apps['partially_disclosed'] = ['1', '0', '0', '0', '0', '0', '1']
    apps['unavailable_not_held'] = ['1', '1', '0', '0', '0', '0', '2']
    apps['unprocessed_petition'] = ['见附件', '0', '0', '0', '0', '0', '0']
    apps['other_handling'] = ['0', '0', '0', '0', '0', '0', '0']
    apps['results_total'] = ['5', '2', '0', '0', '0', '0', '8']      # 7 in the total column ≠ 8
    apps['carried_forward'] = ['-1', '0', '0', '0', '0', '0', '0']
    t3 = ''.join(m.table3(apps, False, {'subtotal': True, 'subtotal_values': {
        'new_received': '2', 'carried_over': '0', 'disclosed': '1', 'unavailable_not_held': '1',
        'results_total': '2', 'carried_forward': '0'}}))
    inner.append(m.para('四、政府信息公开行政复议、行政诉讼情况'))
    inner.append('@T4@')
    t4 = m.table4([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    inner.append(m.para('五、存在的主要问题及改进情况'))
    p5 = '主动公开的及时性仍需提高。'
    inner.append(m.para(p5))
    inner.append(m.para('六、其他需要报告的事项'))
    p6 = '无。'
    inner.append(m.para(p6))
    cell_xml = ''.join(inner).replace('@T2@', t2 + m.para('')).replace('@T3@', t3 + m.para('')).replace('@T4@', t4 + m.para(''))
    layout = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>'
              '<w:tr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>%s</w:tc></w:tr></w:tbl>') % cell_xml
    body = layout + m.para('')

    N = None
    z = [0] * 7
    exp = {k: [N] * 7 for k, _ in m.APP_ROWS}
    exp.update({
        'new_received': [5, 2, 0, 0, 0, 0, 8], 'carried_over': [1, 0, 0, 0, 0, 0, 1],
        'disclosed': [3, 1, 0, 0, 0, 0, 4], 'partially_disclosed': [1, 0, 0, 0, 0, 0, 1],
        'unavailable_not_held': [1, 1, 0, 0, 0, 0, 2], 'unprocessed_petition': [N, 0, 0, 0, 0, 0, 0],
        'other_handling': z, 'results_total': [5, 2, 0, 0, 0, 0, 8], 'carried_forward': [-1, 0, 0, 0, 0, 0, 0],
    })
    for k in ('other_no_correction', 'other_unpaid_fee', 'other_misc'):
        del exp[k]
    # Rows left blank in the document are blank (null), not missing.
    m.write_sample('layout-2022-inconsistent', body, {
        'title': '某区教育局2022年度政府信息公开工作年度报告',
        'agency': '某区教育局',
        'year': 2022,
        'template': '2019',
        'sections': m.sections_expected([
            ('overview', 1, '总体情况', [ov]),
            ('active_disclosure', 2, '主动公开政府信息情况', []),
            ('applications', 3, '收到和处理政府信息公开申请情况', []),
            ('reviews_litigation', 4, '政府信息公开行政复议、行政诉讼情况', []),
            ('problems', 5, '存在的主要问题及改进情况', [p5]),
            ('other_matters', 6, '其他需要报告的事项', [p6]),
        ]),
        'active_disclosure': {
            'regulations': {'new_made': 0, 'new_published': 0, 'total_published': 0},
            'normative_documents': {'new_made': 2, 'new_published': 2, 'total_published': 15},
            'licensing': {'previous_items': 35, 'change': 3, 'decisions': 120},
            'other_services': {'previous_items': 4, 'change': -1, 'decisions': 6},
            'penalties': {'previous_items': 2, 'change': -18, 'decisions': 9},
            'coercion': {'previous_items': 0, 'change': 0, 'decisions': 0},
            'fees': {'previous_items': 1, 'change': 0},
            'procurement': {'items': 12, 'amount': 25.1},
        },
        'applications': m.apps_expected(exp, False),
        'reviews_litigation': {
            'administrative_review': {'upheld': 1, 'corrected': 0, 'other': 0, 'pending': 0, 'total': 2},
            'litigation_direct': dict(zip(m.REVIEW_COLS, [0] * 5)),
            'litigation_after_review': dict(zip(m.REVIEW_COLS, [0] * 5)),
        },
        'warnings': [
            m.W('unit_converted', 'active_disclosure', 'procurement', 'amount', severity='info'),
            m.W('non_numeric_cell', 'applications', 'unprocessed_petition', 'natural_person'),
            m.W('negative_value', 'applications', 'carried_forward', 'natural_person'),
            m.W('row_total_mismatch', 'applications', 'new_received', 'total'),
            m.W('row_total_mismatch', 'applications', 'results_total', 'total'),
            m.W('row_total_mismatch', 'applications', 'carried_forward', 'total'),
            m.W('results_total_mismatch', 'applications', 'results_total', 'total'),
            m.W('balance_mismatch', 'applications', 'carried_forward', 'natural_person'),
            m.W('balance_mismatch', 'applications', 'carried_forward', 'total'),
            m.W('review_total_mismatch', 'reviews_litigation', 'administrative_review', 'total'),
            m.W('template_mismatch'),
            m.W('narrative_mismatch', 'applications', 'new_received', 'total', section='overview'),
            m.W('narrative_mismatch', 'reviews_litigation', 'administrative_review', 'total', section='overview'),
        ],
    })


def traditional_2021_outline(m):
    """A 繁体 mirror of a 2021 report (OpenCC style: 信息 → 資訊): a red-head
    document number before the title, headings without numerals marked only
    by outline level, a bare sub-heading inside 總體情況 that must not open a
    section, table 三 with a two-row header, a printed （六） figure that
    disagrees with its three sub-rows, and no section 六."""
    C = m.C
    body = [m.para('某某縣人民政府文件', jc='center'), m.para('某府發〔2022〕3號', jc='center'),
            m.para('某某縣交通運輸局2021年度政府資訊公開工作報告', jc='center')]
    body.append(m.para('總體情況', outline=0))
    ov = ['主動公開情況', '本年度共收到政府資訊公開申請5件，均已按期答覆。']
    body += [m.para(p) for p in ov]
    body.append(m.para('主動公開政府資訊情況', outline=0))
    active = {'regulations': [0, 0, 0], 'normative_documents': [1, 0, 4], 'licensing': [56], 'penalties': [7],
              'coercion': [0], 'fees': [0]}
    t2 = m.table2_2021(active)[0]
    for simp, trad in [('第二十条', '第二十條'), ('本年制发件数', '本年製發件數'), ('本年废止件数', '本年廢止件數'),
                       ('现行有效件数', '現行有效件數'), ('本年处理决定数量', '本年處理決定數量'),
                       ('本年收费金额（单位：万元）', '本年收費金額（單位：萬元）'), ('行政规范性文件', '行政規範性文件'),
                       ('行政许可', '行政許可'), ('行政处罚', '行政處罰'), ('行政事业性收费', '行政事業性收費')]:
        t2 = t2.replace(simp, trad)
    body.append(t2)
    body.append(m.para('收到和處理政府資訊公開申請情況', outline=0))
    vw, lw = 700, 1300
    org = ['商業企業', '科研機構', '社會公益組織', '法律服務機構', '其他']
    hdr = [[C('', span=3, vmerge='restart'), C('自然人', vmerge='restart'), C('法人或其他組織', span=5), C('總計', vmerge='restart')],
           [C('', span=3, vmerge='continue'), C('', vmerge='continue')] + [C(x) for x in org] + [C('', vmerge='continue')]]
    vals = {
        'new_received': [4, 1, 0, 0, 0, 0, 5], 'carried_over': [0] * 7, 'disclosed': [2, 1, 0, 0, 0, 0, 3],
        'unavailable_not_held': [1, 0, 0, 0, 0, 0, 1], 'other_handling': [1, 0, 0, 0, 0, 0, 1],
        'other_no_correction': [1, 0, 0, 0, 0, 0, 1], 'other_unpaid_fee': [0] * 7,
        'other_misc': [1, 0, 0, 0, 0, 0, 1], 'results_total': [4, 1, 0, 0, 0, 0, 5], 'carried_forward': [0] * 7,
    }
    labels = {
        'new_received': '一、本年新收政府資訊公開申請數量', 'carried_over': '二、上年結轉政府資訊公開申請數量',
        'disclosed': '（一）予以公開', 'partially_disclosed': '（二）部分公開（區分處理的，只計這一情形，不計其他情形）',
        'unavailable_not_held': '1.本機關不掌握相關政府資訊', 'unavailable_needs_creation': '2.沒有現成資訊需要另行製作',
        'unavailable_unclear': '3.補正後申請內容仍不明確', 'other_handling': '（六）其他處理',
        'other_no_correction': '1.申請人無正當理由逾期不補正、行政機關不再處理其政府資訊公開申請',
        'other_unpaid_fee': '2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府資訊公開申請',
        'other_misc': '3.其他', 'results_total': '（七）總計', 'carried_forward': '四、結轉下年度繼續辦理',
    }
    cells = lambda k: [C(str(x)) for x in vals.get(k, [0] * 7)]  # noqa: E731
    rows = [[C(labels['new_received'], span=3)] + cells('new_received'),
            [C(labels['carried_over'], span=3)] + cells('carried_over'),
            [C('三、本年度辦理結果', vmerge='restart'), C(labels['disclosed'], span=2)] + cells('disclosed'),
            [C('', vmerge='continue'), C(labels['partially_disclosed'], span=2)] + cells('partially_disclosed')]
    groups = [('（三）不予公開', ['1.屬於國家秘密', '2.其他法律行政法規禁止公開', '3.危及“三安全一穩定”', '4.保護第三方合法權益',
                              '5.屬於三類內部事務資訊', '6.屬於四類過程性資訊', '7.屬於行政執法案卷', '8.屬於行政查詢事項'], [None] * 8),
              ('（四）無法提供', [labels['unavailable_not_held'], labels['unavailable_needs_creation'], labels['unavailable_unclear']],
               ['unavailable_not_held', None, None]),
              ('（五）不予處理', ['1.信訪舉報投訴類申請', '2.重複申請', '3.要求提供公開出版物', '4.無正當理由大量反複申請',
                              '5.要求行政機關確認或重新出具已獲取資訊'], [None] * 5)]
    for g, labs, keys in groups:
        for i, (lab, k) in enumerate(zip(labs, keys)):
            rows.append([C('', vmerge='continue'), C(g if i == 0 else '', vmerge='restart' if i == 0 else 'continue'),
                         C(lab)] + cells(k))
    # （六） printed as a row of its own, then its three sub-rows.
    rows.append([C('', vmerge='continue'), C(labels['other_handling'], span=2)] + cells('other_handling'))
    for i, k in enumerate(['other_no_correction', 'other_unpaid_fee', 'other_misc']):
        rows.append([C('', vmerge='continue'), C('', vmerge='restart' if i == 0 else 'continue'), C(labels[k])] + cells(k))
    rows.append([C('', vmerge='continue'), C(labels['results_total'], span=2)] + cells('results_total'))
    rows.append([C(labels['carried_forward'], span=3)] + cells('carried_forward'))
    body.append(m.table(hdr + rows, 10, grid_widths=[lw, lw, lw * 2] + [vw] * 7))
    body.append(m.para('政府資訊公開行政複議、行政訴訟情況', outline=0))
    t4 = m.table4([0] * 15)
    for simp, trad in [('行政复议', '行政複議'), ('行政诉讼', '行政訴訟'), ('结果维持', '結果維持'), ('维持', '維持'),
                       ('结果纠正', '結果糾正'), ('其他结果', '其他結果'), ('尚未审结', '尚未審結'), ('总计', '總計'),
                       ('未经复议直接起诉', '未經複議直接起訴'), ('复议后起诉', '複議後起訴'), ('结果', '結果')]:
        t4 = t4.replace(simp, trad)
    body.append(t4)
    body.append(m.para('存在的主要問題及改進情況', outline=0))
    p5 = '資訊公開的時效性仍需加強。'
    body.append(m.para(p5))

    N = None
    exp = {k: [N] * 7 for k, _ in m.APP_ROWS}
    exp.update({k: v for k, v in vals.items()})
    for k in ['partially_disclosed', 'withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability',
              'withheld_third_party', 'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file',
              'withheld_query_matter', 'unavailable_needs_creation', 'unavailable_unclear', 'unprocessed_petition',
              'unprocessed_duplicate', 'unprocessed_publication', 'unprocessed_excessive', 'unprocessed_confirmation']:
        exp[k] = [0] * 7
    m.write_sample('traditional-2021-outline', ''.join(body), {
        'title': '某某縣交通運輸局2021年度政府資訊公開工作報告',
        'agency': '某某縣交通運輸局',
        'year': 2021,
        'template': '2021',
        'sections': m.sections_expected([
            ('overview', 1, '總體情況', ov),
            ('active_disclosure', 2, '主動公開政府資訊情況', []),
            ('applications', 3, '收到和處理政府資訊公開申請情況', []),
            ('reviews_litigation', 4, '政府資訊公開行政複議、行政訴訟情況', []),
            ('problems', 5, '存在的主要問題及改進情況', [p5]),
        ]),
        'active_disclosure': {
            'regulations': {'issued': 0, 'repealed': 0, 'in_force': 0},
            'normative_documents': {'issued': 1, 'repealed': 0, 'in_force': 4},
            'licensing': {'decisions': 56}, 'penalties': {'decisions': 7}, 'coercion': {'decisions': 0},
            'fees': {'amount': 0},
        },
        'applications': m.apps_expected(exp, True),
        'reviews_litigation': {g: dict(zip(m.REVIEW_COLS, [0] * 5)) for g in m.REVIEW_GROUPS},
        'warnings': [
            m.W('other_handling_mismatch', 'applications', 'other_handling', 'natural_person'),
            m.W('other_handling_mismatch', 'applications', 'other_handling', 'total'),
            m.W('missing_section', section='other_matters'),
        ],
    })


def seed_2020_numbered(m):
    """The seed report with its section headings (一、) and the overview's
    sub-headings (（一）) produced by Word's automatic numbering through
    paragraph styles, as many clerks' templates do. Same record as the seed."""
    body = [m.para('铜川市耀州区锦阳路街道办事处', jc='center'),
            m.para('2020年政府信息公开工作年度报告', jc='center'),
            m.para('总体情况', style='SecHead')]
    for p in SEED['overview']:
        if p.startswith('（') and '）' in p[:4]:
            body.append(m.para(p.split('）', 1)[1], style='SubHead'))
        else:
            body.append(m.para(p))
    body.append(m.para('主动公开政府信息情况', style='SecHead'))
    active = seed_active()
    body += m.table2_2019(active, {'labels': {'procurement': '政府集中釆购'}})
    body.append(m.para('收到和处理政府信息公开申请情况', style='SecHead'))
    apps = seed_apps(m)
    body += m.table3(apps, False, {'multi_para_headers': True})
    body.append(m.para('政府信息公开行政复议、行政诉讼情况', style='SecHead'))
    body += [m.table4([0] * 15)]
    body.append(m.para('存在的主要问题及改进情况', style='SecHead'))
    body += [m.para(p) for p in SEED['problems']]
    body.append(m.para('无其他需要报告的事项', style='SecHead'))
    import json as _json
    import os as _os
    seed = _json.load(open(_os.path.join('samples', 'seed-2020-jinyang.expected.json'), encoding='utf-8'))
    expected = {k: v for k, v in seed.items() if k not in ('schema', 'source', 'duplicate_of', 'same_report_as', 'error')}
    m.write_sample('seed-2020-numbered', ''.join(body), expected)


SPECS = [seed_2020_jinyang, county_2022_numbered, wps_2024_grid, layout_2022_inconsistent, traditional_2021_outline,
         seed_2020_numbered]
