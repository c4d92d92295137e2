"""Writes benches/fixtures/typical-report.docx: the seed report with the
prose length of a typical county report (about 4x the seed's overview),
re-saved through LibreOffice so its XML looks like an office suite's.
Needs soffice. Run from the repo root."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import make_samples as m  # noqa: E402
from samples_spec import SEED, seed_apps  # noqa: E402

body = [m.para('铜川市耀州区锦阳路街道办事处', jc='center'), m.para('2020年政府信息公开工作年度报告', jc='center'),
        m.para('一、总体情况')]
body += [m.para(p, split=4) for p in SEED["overview"] * 10]
body.append(m.para('二、主动公开政府信息情况'))
body += m.table2_2019({'regulations': [0, 0, 0], 'normative_documents': [3, 3, 21], 'licensing': [12, '+2', 140],
                       'other_services': [5, 0, 30], 'penalties': [8, '-1', 66], 'coercion': [2, 0, 4],
                       'fees': [3, 0], 'procurement': [6, '251000元']})
body.append(m.para('三、收到和处理政府信息公开申请情况'))
apps = seed_apps(m)
body += m.table3(apps, False, {'multi_para_headers': True})
body.append(m.para('四、政府信息公开行政复议、行政诉讼情况'))
body.append(m.table4([0] * 15))
body.append(m.para('五、存在的主要问题及改进情况'))
body += [m.para(p, split=4) for p in SEED["problems"] * 6]
body.append(m.para('六、其他需要报告的事项'))
body.append(m.para('无。'))

with tempfile.TemporaryDirectory() as tmp:
    raw = os.path.join(tmp, 'typical-report.docx')
    m.write_docx(raw, ''.join(body))
    subprocess.run(['soffice', '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir',
                    os.path.join(tmp, 'out'), raw], check=True, capture_output=True, timeout=300)
    shutil.copy(os.path.join(tmp, 'out', 'typical-report.docx'), 'benches/fixtures/typical-report.docx')
print(os.path.getsize('benches/fixtures/typical-report.docx'), 'bytes')
