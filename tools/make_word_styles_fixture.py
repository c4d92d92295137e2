"""Writes benches/fixtures/word-styles-report.docx: a report whose package
carries Word's full default styles.xml and stylesWithEffects.xml (~440 KB
each, as in documents saved from Word's default template). Those parts come
from the template that python-docx ships (saved by Word); the body is the
county sample's. Needs the PyPI package python-docx. Run from the repo root
after the samples exist."""
import os
import zipfile

import docx

template = zipfile.ZipFile(os.path.join(os.path.dirname(docx.__file__), 'templates', 'default.docx'))
word_styles = template.read('word/styles.xml').decode('utf-8')
with_effects = template.read('word/stylesWithEffects.xml')
src = zipfile.ZipFile('samples/county-2022-numbered.docx')
out_path = 'benches/fixtures/word-styles-report.docx'
with zipfile.ZipFile(out_path, 'w', zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename == 'word/styles.xml':
            # The sample's own styles (its numbered headings) plus all of Word's.
            own = data.decode('utf-8')
            body = word_styles[word_styles.index('<w:docDefaults'):word_styles.rindex('</w:styles>')]
            data = own.replace('</w:styles>', body + '</w:styles>').encode('utf-8')
        out.writestr(info, data)
    # Word deflates every part. (A ZipInfo passed to writestr keeps its own
    # compress_type, ZIP_STORED unless set: an earlier version of this script
    # stored this part, making the package 12 times the size Word writes.)
    names = set(src.namelist())
    for name in ['word/stylesWithEffects.xml', 'word/theme/theme1.xml', 'word/fontTable.xml',
                 'word/webSettings.xml', 'word/settings.xml']:
        if name not in names:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, template.read(name))
print(os.path.getsize(out_path), 'bytes')
