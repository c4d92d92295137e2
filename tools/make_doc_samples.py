"""Saves DOCX samples as Word 97–2003 .doc with LibreOffice (as a clerk's
"Save as .doc" would) and writes their expected records: the DOCX sample's
record with the new file's identity. Run from the repository root; needs
soffice. (county-2022-numbered is left out: LibreOffice turns its content
control into a chain of duplicated FORMTEXT fields, so its .doc text really
differs.)

Also writes seed-2020-numbered-layout-table-doc.doc: the DOCX with its whole
body in a one-cell layout table, saved as .doc, where the data tables are
nested in that cell (expected: the DOCX sample's record)."""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile

NAMES = ['seed-2020-numbered', 'wps-2024-grid', 'traditional-2021-outline']

LAYOUT = 'seed-2020-numbered'


def wrap_body_in_layout_table(src, dst):
    """The DOCX with its whole body inside one table cell, as some offices
    lay a report out (the data tables then nest in that cell)."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts['word/document.xml'].decode('utf-8')
    start = xml.index('<w:body>') + len('<w:body>')
    end = xml.rindex('<w:sectPr')
    cell = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/>'
            '</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>%s<w:p/></w:tc></w:tr></w:tbl>')
    parts['word/document.xml'] = (xml[:start] + cell % xml[start:end] + xml[end:]).encode('utf-8')
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def write_expected(name, out, rec, fmt='doc'):
    """The record `rec` for the file `out` (format `fmt`), written beside it."""
    data = open(out, 'rb').read()
    rec['source'] = {'path': out, 'format': fmt, 'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
    with open(out.rsplit('.', 1)[0] + '.expected.json', 'w', encoding='utf-8') as f:
        json.dump(rec, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as tmp:
        # A report laid out in a one-cell table: in the .doc its data tables are
        # tables nested at depth 2. Expected: the unwrapped report's record.
        wrapped = os.path.join(tmp, 'layout-table.docx')
        wrap_body_in_layout_table('samples/%s.docx' % LAYOUT, wrapped)
        subprocess.run(['soffice', '--headless', '--convert-to', 'doc', '--outdir', tmp, wrapped],
                       check=True, capture_output=True, timeout=300)
        out = 'samples/%s-layout-table-doc.doc' % LAYOUT
        shutil.copy(os.path.join(tmp, 'layout-table.doc'), out)
        write_expected(LAYOUT, out, json.load(open('samples/%s.expected.json' % LAYOUT, encoding='utf-8')))
        for name in NAMES:
            subprocess.run(['soffice', '--headless', '--convert-to', 'doc', '--outdir', tmp, 'samples/%s.docx' % name],
                           check=True, capture_output=True, timeout=300)
            # The .doc gets its own stem (NAME-doc) so it pairs with its own record.
            out = 'samples/%s-doc.doc' % name
            shutil.copy(os.path.join(tmp, name + '.doc'), out)
            write_expected(name, out, json.load(open('samples/%s.expected.json' % name, encoding='utf-8')))
    print('wrote .doc samples')
