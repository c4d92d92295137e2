"""Each PDF of a folder with a stamp printed over every page, as document
systems and download pages stamp what they serve (name, date, IP address),
checked against the original's own record (as tools/print_variants.py
checks its copies): a copy whose tables, warnings, section keys or title
differ needs a look. Five stamps, drawn with PyMuPDF:

    gray-small        light gray 8 pt lines over the content
    gray-body         light gray body-size lines under the content
    tiled-h           light gray 9 pt words tiled level over the page
    alpha-black       black 10 pt lines at 20 % opacity (an ExtGState /ca)
    alpha-gray-under  mid-gray 12 pt lines at 30 % opacity under the content

    python3 tools/stamp_variants.py ../shared/devset/corpus [--bin target/release/govreport]

Copies are written to a temporary folder; the counts are printed last.
"""
import argparse
import glob
import json
import os
import subprocess
import tempfile

import pymupdf

FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
STAMPS = ['gray-small', 'gray-body', 'tiled-h', 'alpha-black', 'alpha-gray-under']


def stamp(page, kind):
    w, h = page.rect.width, page.rect.height
    text = dict(fontfile=FONT, fontname='noto')
    if kind == 'gray-small':
        for y in range(100, int(h) - 50, 120):
            page.insert_text((w * 0.3, y), '张三 2024-03-05 10:21 192.168.1.23', fontsize=8,
                             color=(0.8, 0.8, 0.8), overlay=True, **text)
    elif kind == 'gray-body':
        for y in range(150, int(h) - 50, 200):
            page.insert_text((w * 0.25, y), '仅供参考 下载于2024年3月5日', fontsize=11,
                             color=(0.85, 0.85, 0.85), overlay=False, **text)
    elif kind == 'tiled-h':
        for y in range(80, int(h) - 30, 90):
            for x in range(40, int(w) - 100, 200):
                page.insert_text((x, y), '内部 0305', fontsize=9, color=(0.88, 0.88, 0.88),
                                 overlay=True, **text)
    elif kind == 'alpha-black':
        for y in range(100, int(h) - 50, 110):
            page.insert_text((w * 0.2, y), '某某 2024-03-05 10:21:33 10.12.0.8', fontsize=10,
                             color=(0, 0, 0), fill_opacity=0.2, overlay=True, **text)
    else:
        for y in range(120, int(h) - 50, 160):
            page.insert_text((w * 0.3, y), '内部资料 注意保存 2024', fontsize=12,
                             color=(0.5, 0.5, 0.5), fill_opacity=0.3, overlay=False, **text)


def record(binary, path):
    out = subprocess.run([binary, 'extract', '-q', path], capture_output=True, text=True).stdout
    return json.loads(out)


def flat(d, prefix=''):
    if not isinstance(d, dict):
        return {prefix: d}
    out = {}
    for k, v in d.items():
        out.update(flat(v, prefix + '/' + k))
    return out


def differences(a, b):
    diffs = []
    for t in ('active_disclosure', 'applications', 'reviews_litigation'):
        fa, fb = flat(a[t] or {}), flat(b[t] or {})
        diffs += [(t + k, fa.get(k), fb.get(k)) for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)]
    codes = lambda r: sorted({w['code'] for w in r['warnings']})  # noqa: E731
    if codes(a) != codes(b):
        diffs.append(('warnings', codes(a), codes(b)))
    keys = lambda r: [s['key'] for s in r['sections']]  # noqa: E731
    if keys(a) != keys(b):
        diffs.append(('sections', keys(a), keys(b)))
    if a['title'] != b['title']:
        diffs.append(('title', a['title'], b['title']))
    return diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('folder')
    ap.add_argument('--bin', default='target/release/govreport')
    args = ap.parse_args()
    tried = differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        for src in sorted(glob.glob(os.path.join(args.folder, '*.pdf'))):
            base = record(args.bin, src)
            if base['error']:
                continue
            name = os.path.basename(src)[:-4]
            for kind in STAMPS:
                try:
                    doc = pymupdf.open(src)
                    for page in doc:
                        stamp(page, kind)
                    out = os.path.join(tmp, '%s-%s.pdf' % (name, kind))
                    doc.save(out)
                except (RuntimeError, ValueError) as e:
                    print('skipped', name, kind, e)
                    break
                tried += 1
                diffs = differences(base, record(args.bin, out))
                if diffs:
                    differ += 1
                    print(name, kind, len(diffs), diffs[:3])
    print('%d of %d stamped copies differ' % (differ, tried))


if __name__ == '__main__':
    main()
