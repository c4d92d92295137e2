"""Saves DOCX samples as Word 97–2003 .doc with LibreOffice (as a clerk's
"Save as .doc" would) and writes their expected records: the DOCX sample's
record with the new file's identity. Run from the repository root; needs
soffice. (county-2022-numbered is left out: LibreOffice turns its content
control into a chain of duplicated FORMTEXT fields, so its .doc text really
differs.)"""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile

NAMES = ['seed-2020-numbered', 'wps-2024-grid', 'traditional-2021-outline']

with tempfile.TemporaryDirectory() as tmp:
    for name in NAMES:
        subprocess.run(['soffice', '--headless', '--convert-to', 'doc', '--outdir', tmp, 'samples/%s.docx' % name],
                       check=True, capture_output=True, timeout=300)
        # The .doc gets its own stem (NAME-doc) so it pairs with its own record.
        out = 'samples/%s-doc.doc' % name
        shutil.copy(os.path.join(tmp, name + '.doc'), out)
        data = open(out, 'rb').read()
        rec = json.load(open('samples/%s.expected.json' % name, encoding='utf-8'))
        rec['source'] = {'path': out, 'format': 'doc', 'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
        with open('samples/%s-doc.expected.json' % name, 'w', encoding='utf-8') as f:
            json.dump(rec, f, ensure_ascii=False, indent=1)
            f.write('\n')
print('wrote .doc samples')
