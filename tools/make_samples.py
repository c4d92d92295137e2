"""Generates samples/*.docx and their expected records, samples/*.expected.json.

Each sample is written from a hand-written spec below: the figures, the
section texts and the warnings a correct extraction must report are typed in
here (and were checked against the rendered documents), never produced by
govreport. Run from the repository root:  python3 tools/make_samples.py
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from docxgen import C, para, run, runs, t, table, write_docx  # noqa: E402,F401

OUT = 'samples'

APPLICANT_COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org',
                  'legal_service_org', 'other_org', 'total']
APP_ROWS = [
    ('new_received', '一、本年新收政府信息公开申请数量'),
    ('carried_over', '二、上年结转政府信息公开申请数量'),
    ('disclosed', '（一）予以公开'),
    ('partially_disclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    ('withheld_state_secret', '1.属于国家秘密'),
    ('withheld_prohibited_by_law', '2.其他法律行政法规禁止公开'),
    ('withheld_security_stability', '3.危及“三安全一稳定”'),
    ('withheld_third_party', '4.保护第三方合法权益'),
    ('withheld_internal_affairs', '5.属于三类内部事务信息'),
    ('withheld_process_info', '6.属于四类过程性信息'),
    ('withheld_enforcement_file', '7.属于行政执法案卷'),
    ('withheld_query_matter', '8.属于行政查询事项'),
    ('unavailable_not_held', '1.本机关不掌握相关政府信息'),
    ('unavailable_needs_creation', '2.没有现成信息需要另行制作'),
    ('unavailable_unclear', '3.补正后申请内容仍不明确'),
    ('unprocessed_petition', '1.信访举报投诉类申请'),
    ('unprocessed_duplicate', '2.重复申请'),
    ('unprocessed_publication', '3.要求提供公开出版物'),
    ('unprocessed_excessive', '4.无正当理由大量反复申请'),
    ('unprocessed_confirmation', '5.要求行政机关确认或重新出具已获取信息'),
    ('other_handling', '（六）其他处理'),
    ('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    ('other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    ('other_misc', '3.其他'),
    ('results_total', '（七）总计'),
    ('carried_forward', '四、结转下年度继续办理'),
]
GROUPS = {'withheld': '（三）不予公开', 'unavailable': '（四）无法提供', 'unprocessed': '（五）不予处理'}
REVIEW_GROUPS = ['administrative_review', 'litigation_direct', 'litigation_after_review']
REVIEW_COLS = ['upheld', 'corrected', 'other', 'pending', 'total']

ACTIVE_2019 = [('regulations', '规章', ['new_made', 'new_published', 'total_published']),
               ('normative_documents', '规范性文件', ['new_made', 'new_published', 'total_published']),
               ('licensing', '行政许可', ['previous_items', 'change', 'decisions']),
               ('other_services', '其他对外管理服务事项', ['previous_items', 'change', 'decisions']),
               ('penalties', '行政处罚', ['previous_items', 'change', 'decisions']),
               ('coercion', '行政强制', ['previous_items', 'change', 'decisions']),
               ('fees', '行政事业性收费', ['previous_items', 'change']),
               ('procurement', '政府集中采购', ['items', 'amount'])]
ACTIVE_2021 = [('regulations', '规章', ['issued', 'repealed', 'in_force']),
               ('normative_documents', '行政规范性文件', ['issued', 'repealed', 'in_force']),
               ('licensing', '行政许可', ['decisions']),
               ('penalties', '行政处罚', ['decisions']),
               ('coercion', '行政强制', ['decisions']),
               ('fees', '行政事业性收费', ['amount'])]

SECTION_KEYS = ['overview', 'active_disclosure', 'applications', 'reviews_litigation', 'problems', 'other_matters']
NUMERALS = '一二三四五六'


def cell_text(v, blank=''):
    if v is None:
        return blank
    if isinstance(v, str):
        return v
    return str(v)


def zero_apps():
    return {k: [0] * 7 for k, _ in APP_ROWS}


# ------------------------------------------------------------ table builders

def table3(cells, six_parts, opts=None):
    """Table 三 in the template's layout: 3 label columns + 7 value columns.
    `cells[row]` are the 7 printed cell texts. Returns a list of table XML
    strings (two when opts['split_at'] names the first row of part two)."""
    o = opts or {}
    lw = o.get('label_w', 1200)
    vw = 700
    sub = o.get('subtotal', False)  # a local 小计 column after the five organisation columns
    nval = 8 if sub else 7
    widths = [lw, lw, lw * 2] + [vw] * nval
    org = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] + (['小计'] if sub else [])
    if o.get('multi_para_headers'):
        org = [['商业', '企业'], ['科研', '机构'], ['社会', '公益', '组织'], ['法律', '服务', '机构'], '其他'] + (['小计'] if sub else [])
    cont = o.get('cont', 'continue')
    W = lambda n: sum(widths[n[0]:n[1]])  # noqa: E731
    hdr = [
        [C('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span=3, vmerge='restart', width=W((0, 3))),
         C('申请人情况', span=nval, width=W((3, 3 + nval)))],
        [C('', span=3, vmerge=cont, width=W((0, 3))), C('自然人', vmerge='restart', width=vw),
         C('法人或其他组织', span=len(org), width=vw * len(org)), C('总计', vmerge='restart', width=vw)],
        [C('', span=3, vmerge=cont, width=W((0, 3))), C('', vmerge=cont, width=vw)]
        + [C(x, width=vw) for x in org] + [C('', vmerge=cont, width=vw)],
    ]
    vert = o.get('vertical_group', False)
    labels = dict(APP_ROWS)
    labels.update(o.get('labels', {}))
    rows = []
    keys = [k for k, _ in APP_ROWS if six_parts or k not in ('other_no_correction', 'other_unpaid_fee', 'other_misc')]
    first_of_group = {}
    for k in keys:
        g = k.split('_')[0]
        if g in GROUPS and g not in first_of_group:
            first_of_group[g] = k
    first_result = True
    for k in keys:
        vals = cells[k]
        if sub:
            vals = vals[:6] + [o.get('subtotal_values', {}).get(k, '')] + vals[6:]
        vcells = [C(cell_text(v), width=vw) for v in vals]
        if k in ('new_received', 'carried_over', 'carried_forward'):
            rows.append([C(labels[k], span=3, width=W((0, 3)))] + vcells)
            continue
        grp = C('三、本年度办理结果', vmerge='restart', width=lw, vertical=vert) if first_result else C('', vmerge=cont, width=lw)
        first_result = False
        g = k.split('_')[0]
        if g in GROUPS:
            gl = C(GROUPS[g], vmerge='restart', width=lw) if first_of_group[g] == k else C('', vmerge=cont, width=lw)
            rows.append([grp, gl, C(labels[k], width=lw * 2)] + vcells)
        elif k == 'other_handling' and six_parts:
            continue  # （六） is the group label of its sub-rows
        elif k.startswith('other_') and k != 'other_handling':
            gl = C('（六）其他处理', vmerge='restart', width=lw) if k == 'other_no_correction' else C('', vmerge=cont, width=lw)
            rows.append([grp, gl, C(labels[k], width=lw * 2)] + vcells)
        else:
            rows.append([grp, C(labels[k], span=2, width=lw * 3)] + vcells)
    all_rows = hdr + rows
    grid = not o.get('no_grid', False)
    if 'split_at' in o:
        i = 3 + [k for k in keys if not (k == 'other_handling' and six_parts)].index(o['split_at'])
        part2 = all_rows[i:]
        # The continuation rows of a vertical merge restart in the new table.
        part2[0] = [C(x.text or ('三、本年度办理结果' if j == 0 else GROUPS.get(o['split_at'].split('_')[0], '')),
                      span=x.span, vmerge='restart' if x.vmerge else None, width=x.width)
                    if x.vmerge else x for j, x in enumerate(part2[0])]
        return [table(all_rows[:i], len(widths), grid=grid, grid_widths=widths, sdt_rows=o.get('sdt_rows', ())),
                table(part2, len(widths), grid=grid, grid_widths=widths, sdt_cells=o.get('sdt_cells', ()))]
    return [table(all_rows, len(widths), grid=grid, grid_widths=widths, sdt_rows=o.get('sdt_rows', ()),
                  sdt_cells=o.get('sdt_cells', ()))]


def table4(cells, opts=None):
    o = opts or {}
    vw = 600
    gb = o.get('grid_before', 0)
    hdr = [
        [C('行政复议', span=5), C('行政诉讼', span=10)],
        [C(['结果', '维持'], vmerge='restart'), C('结果纠正', vmerge='restart'), C('其他结果', vmerge='restart'),
         C('尚未审结', vmerge='restart'), C('总计', vmerge='restart'), C('未经复议直接起诉', span=5), C('复议后起诉', span=5)],
        [C('', vmerge='continue') for _ in range(5)]
        + [C(x) for x in ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 2],
        [C(cell_text(v)) for v in cells],
    ]
    ncols = 15 + gb
    props = {i: (gb, 0) for i in range(4)} if gb else None
    grid_widths = o.get('grid_widths') or [vw] * ncols
    return table(hdr, ncols, col_w=vw, grid=not o.get('no_grid'), grid_widths=grid_widths, row_props=props)


def table2_2019(cells, opts=None):
    """5 sub-tables in one 4-column grid; (八) and (九) merge their value cells
    differently from the others, as the template does."""
    o = opts or {}
    parts = [
        ('第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], ['regulations', 'normative_documents']),
        ('第二十条第（五）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['licensing', 'other_services']),
        ('第二十条第（六）项', ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['penalties', 'coercion']),
        ('第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'], ['fees']),
        ('第二十条第（九）项', ['信息内容', '采购项目数量', o.get('amount_header', '采购总金额')], ['procurement']),
    ]
    labels = {k: lab for k, lab, _ in ACTIVE_2019}
    labels.update(o.get('labels', {}))
    rows = []
    for title, hdr, keys in parts:
        rows.append([C(title, span=4)])
        if len(hdr) == 4:
            rows.append([C(h) for h in hdr])
        else:
            rows.append([C(hdr[0]), C(hdr[1]), C(hdr[2], span=2)])
        for k in keys:
            v = cells[k]
            if len(v) == 3:
                rows.append([C(labels[k])] + [C(cell_text(x)) for x in v])
            else:
                rows.append([C(labels[k]), C(cell_text(v[0])), C(cell_text(v[1]), span=2)])
    return [table(rows, 4, col_w=1800)]


def table2_2021(cells, opts=None):
    o = opts or {}
    parts = [
        ('第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['regulations', 'normative_documents']),
        ('第二十条第（五）项', ['信息内容', '本年处理决定数量'], ['licensing']),
        ('第二十条第（六）项', ['信息内容', '本年处理决定数量'], ['penalties', 'coercion']),
        ('第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], ['fees']),
    ]
    labels = {k: lab for k, lab, _ in ACTIVE_2021}
    labels.update(o.get('labels', {}))
    tables, rows = [], []
    for title, hdr, keys in parts:
        if o.get('split'):
            rows = []
        rows.append([C(title, span=4)])
        rows.append([C(hdr[0])] + ([C(h) for h in hdr[1:]] if len(hdr) == 4 else [C(hdr[1], span=3)]))
        for k in keys:
            v = cells[k]
            if len(v) == 3:
                rows.append([C(labels[k])] + [C(cell_text(x)) for x in v])
            else:
                rows.append([C(labels[k]), C(cell_text(v[0]), span=3)])
        if o.get('split'):
            tables.append(table(rows, 4, col_w=1800))
    return tables if o.get('split') else [table(rows, 4, col_w=1800)]


# ------------------------------------------------------------------ specs

def num(v):
    """The value a printed cell means (the expectation, typed by hand)."""
    return v


def write_sample(name, body_xml, expected):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + '.docx')
    write_docx(path, body_xml)
    data = open(path, 'rb').read()
    rec = {
        'schema': 'govreport/1',
        'source': {'path': 'samples/%s.docx' % name, 'format': 'docx',
                   'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)},
    }
    rec.update(expected)
    rec.setdefault('duplicate_of', None)
    rec.setdefault('same_report_as', None)
    rec.setdefault('error', None)
    with open(os.path.join(OUT, name + '.expected.json'), 'w', encoding='utf-8') as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
        f.write('\n')


def apps_expected(values, template_parts, printed_six=None):
    """values: row → 7 numbers/None as meant by the printed cells."""
    out = {}
    for k, _ in APP_ROWS:
        if k in values:
            out[k] = dict(zip(APPLICANT_COLS, values[k]))
        else:
            out[k] = None
    return out


def sections_expected(secs):
    return [{'key': k, 'number': n, 'heading': h, 'text': '\n'.join(ps)} for k, n, h, ps in secs]


def W(code, table=None, row=None, column=None, section=None, severity='warning'):
    w = {'code': code, 'severity': severity}
    for k, v in [('section', section), ('table', table), ('row', row), ('column', column)]:
        if v is not None:
            w[k] = v
    return w


from samples_spec import SPECS  # noqa: E402

if __name__ == '__main__':
    for spec in SPECS:
        spec(sys.modules[__name__])
    print('wrote', len(SPECS), 'samples')
