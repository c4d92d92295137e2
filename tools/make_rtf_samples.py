"""Saves DOCX samples as RTF with LibreOffice and writes their expected
records: the DOCX sample's record with the new file's identity (format
`rtf`, from content). Run from the repository root; needs soffice.

- seed-2020-numbered-rtf.rtf, wps-2024-grid-rtf.rtf: as LibreOffice writes
  RTF (Chinese as \\uN with `?` or GBK fallback bytes; merged cells as
  \\clvmgf/\\clvmrg).
- seed-2020-numbered-layout-table-rtf.doc: the report laid out in a one-cell
  table (its data tables nested: \\itap2, \\nestcell, \\nesttableprops),
  named .doc as publishing systems name their RTF exports.
- traditional-2021-outline-gbk-rtf.rtf: the RTF rewritten as Word on Chinese
  Windows writes it: \\ansicpg936 and every character outside ASCII as
  GBK bytes in \\'hh escapes, no \\uN.
(county-2022-numbered is left out, as for the .doc samples: LibreOffice
turns its content control into a chain of duplicated form fields.)"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from make_doc_samples import wrap_body_in_layout_table, write_expected  # noqa: E402


def to_rtf(docx, tmp):
    subprocess.run(['soffice', '--headless', '--convert-to', 'rtf', '--outdir', tmp, docx],
                   check=True, capture_output=True, timeout=300)
    return os.path.join(tmp, os.path.basename(docx).rsplit('.', 1)[0] + '.rtf')


TOKEN = re.compile(rb"\\uc(\d+) ?|\\u(-?\d+) ?|\\'[0-9a-fA-F]{2}|\\[a-zA-Z]+-?\d* ?|\\.|[{}]|[^\\{}]")


def as_gbk_escapes(rtf):
    """Every \\uN (and the fallback after it) as the character's GBK bytes
    in \\'hh escapes, under \\ansicpg936 — Word's RTF on Chinese Windows."""
    out = []
    uc = [1]
    skip = 0
    for m in TOKEN.finditer(rtf):
        tok = m.group(0)
        if tok == b'{':
            uc.append(uc[-1])
            skip = 0
            out.append(tok)
        elif tok == b'}':
            if len(uc) > 1:
                uc.pop()
            skip = 0
            out.append(tok)
        elif m.group(1) is not None:
            uc[-1] = int(m.group(1))
        elif m.group(2) is not None:
            n = int(m.group(2)) % 65536
            out.append(b''.join(b"\\'%02x" % b for b in chr(n).encode('gbk')))
            skip = uc[-1]
        elif skip > 0 and (tok.startswith(b"\\'") or not tok.startswith(b'\\')):
            skip -= 1
        else:
            out.append(tok)
    data = b''.join(out)
    return data.replace(b'{\\rtf1\\ansi', b'{\\rtf1\\ansi\\ansicpg936', 1)


def write(src_name, out, data):
    with open(out, 'wb') as f:
        f.write(data)
    write_expected(src_name, out, json.load(open('samples/%s.expected.json' % src_name, encoding='utf-8')), 'rtf')


with tempfile.TemporaryDirectory() as tmp:
    for name in ['seed-2020-numbered', 'wps-2024-grid']:
        write(name, 'samples/%s-rtf.rtf' % name, open(to_rtf('samples/%s.docx' % name, tmp), 'rb').read())
    wrapped = os.path.join(tmp, 'layout-table.docx')
    wrap_body_in_layout_table('samples/seed-2020-numbered.docx', wrapped)
    write('seed-2020-numbered', 'samples/seed-2020-numbered-layout-table-rtf.doc',
          open(to_rtf(wrapped, tmp), 'rb').read())
    rtf = open(to_rtf('samples/traditional-2021-outline.docx', tmp), 'rb').read()
    gbk = as_gbk_escapes(rtf)
    assert b'\\u' not in re.sub(rb'\\u[a-z]', b'', gbk), 'every \\uN rewritten'
    write('traditional-2021-outline', 'samples/traditional-2021-outline-gbk-rtf.rtf', gbk)
print('wrote RTF samples')
