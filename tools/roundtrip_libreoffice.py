"""Re-saves chosen samples through LibreOffice Writer (as a clerk's office
suite would) and writes their expected records: the same figures and
warnings as the original sample, with the new file's identity.
Needs soffice (Debian: libreoffice-writer-nogui). Run from the repo root."""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile

SAMPLES = ['seed-2020-jinyang', 'county-2022-numbered']

with tempfile.TemporaryDirectory() as tmp:
    for name in SAMPLES:
        src = os.path.join(tmp, name + '-libreoffice.docx')
        shutil.copy('samples/%s.docx' % name, src)
        subprocess.run(['soffice', '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir',
                        os.path.join(tmp, 'out'), src], check=True, capture_output=True, timeout=300)
        out = 'samples/%s-libreoffice.docx' % name
        shutil.copy(os.path.join(tmp, 'out', name + '-libreoffice.docx'), out)
        data = open(out, 'rb').read()
        rec = json.load(open('samples/%s.expected.json' % name, encoding='utf-8'))
        rec['source'] = {'path': out, 'format': 'docx', 'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}
        with open('samples/%s-libreoffice.expected.json' % name, 'w', encoding='utf-8') as f:
            json.dump(rec, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print('wrote', out)
