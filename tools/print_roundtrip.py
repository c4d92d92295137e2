"""Layouts no truth file covers, checked without one: each DOCX of a folder
printed to PDF by LibreOffice (and, with --resave, saved by it as XHTML and
as Word 97 .doc), each web page printed by headless Chromium, and each
copy's record compared with its source's. A difference is a failure of the
PDF reader, of the source's reader, or of the printer (formula fields
recomputed, text left undrawn); each needs a look.

    python3 tools/print_roundtrip.py ../shared/devset/corpus [--resave] [--bin target/release/govreport]

Needs soffice (Debian: libreoffice-writer-nogui) and chromium.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = ['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--no-pdf-header-footer']


def records(binary, folder):
    out = subprocess.run([binary, 'extract', '-q', '--jobs', '2', folder], capture_output=True, text=True).stdout
    recs = {}
    for line in out.splitlines():
        r = json.loads(line)
        recs[os.path.splitext(os.path.basename(r['source']['path']))[0]] = r
    return recs


def leaves(x, path=''):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from leaves(v, path + '/' + k)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from leaves(v, '%s/%d' % (path, i))
    else:
        yield path, x


def compare(source, printed):
    """Differences of a print's record from its source's."""
    diffs = []
    if bool(source.get('error')) != bool(printed.get('error')):
        diffs.append(('error', source.get('error'), printed.get('error')))
    for key in ['agency', 'year', 'template', 'title']:
        if source.get(key) != printed.get(key):
            diffs.append((key, source.get(key), printed.get(key)))
    values = 0
    for table in ['active_disclosure', 'applications', 'reviews_litigation']:
        a, b = dict(leaves(source.get(table))), dict(leaves(printed.get(table)))
        for p in sorted(set(a) | set(b)):
            values += 1
            if a.get(p) != b.get(p):
                diffs.append((table + p, a.get(p), b.get(p)))
    codes = [sorted(w['code'] for w in r.get('warnings', [])) for r in (source, printed)]
    if codes[0] != codes[1]:
        diffs.append(('warnings', codes[0], codes[1]))
    return diffs, values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('folder')
    ap.add_argument('--bin', default='target/release/govreport')
    ap.add_argument('--resave', action='store_true', help='also DOCX saved as XHTML and as .doc by LibreOffice')
    args = ap.parse_args()
    # (kind, sources, LibreOffice's conversion filter or None for Chromium)
    runs = [('docx printed', '*.docx', 'pdf'), ('html printed', '*.html', None)]
    if args.resave:
        runs += [('docx saved as xhtml', '*.docx', 'html:XHTML Writer File:UTF8'),
                 ('docx saved as doc', '*.docx', 'doc:MS Word 97')]
    with tempfile.TemporaryDirectory() as tmp:
        for k, (kind, pattern, conversion) in enumerate(runs):
            src, out = os.path.join(tmp, 'src%d' % k), os.path.join(tmp, 'out%d' % k)
            os.makedirs(src)
            os.makedirs(out)
            for f in sorted(glob.glob(os.path.join(args.folder, pattern))):
                shutil.copy(f, src)
            if conversion:
                for f in sorted(glob.glob(os.path.join(src, pattern))):
                    subprocess.run(['soffice', '--headless', '--convert-to', conversion, '--outdir', out, f],
                                   capture_output=True, timeout=300)
            else:
                for f in sorted(glob.glob(os.path.join(src, '*.html'))):
                    name = os.path.splitext(os.path.basename(f))[0]
                    subprocess.run(CHROMIUM + ['--user-data-dir=' + os.path.join(tmp, 'profile'),
                                               '--print-to-pdf=' + os.path.join(out, name + '.pdf'), 'file://' + f],
                                   capture_output=True, timeout=120)
            sources, prints = records(args.bin, src), records(args.bin, out)
            differing, values, wrong = 0, 0, 0
            for name in sorted(prints):
                if name not in sources:
                    continue
                diffs, n = compare(sources[name], prints[name])
                values += n
                wrong += sum(1 for d in diffs if d[0].startswith(('active', 'applications', 'reviews')))
                if diffs:
                    differing += 1
                    print(name)
                    for d in diffs[:8]:
                        print('   ', d)
                    if len(diffs) > 8:
                        print('    … %d more' % (len(diffs) - 8))
            print('%s: %d of %d copies differ; %d of %d table values' %
                  (kind, differing, len(prints), wrong, values), file=sys.stderr)


if __name__ == '__main__':
    main()
