"""Renders the audit pages in a real browser: `show --html` of a PDF, an OFD
and a DOCX sample and `report --html` of the samples, each loaded by
headless Chromium (Debian's `chromium` package) and saved as PNG; fails
when a page logs a script error, does not render, or its screenshot is
blank. Run from the repository root after `cargo build --release`:

    python3 tools/check_html_in_chromium.py [OUT_DIR]

With OUT_DIR the pages and screenshots are kept there (the README's
picture, docs/audit-page.png, is the PDF page's screenshot cropped by
Chromium's window size).
"""
import os
import shutil
import subprocess
import sys
import tempfile

BIN = 'target/release/govreport'


def render(html_path, png_path):
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    if not chromium:
        sys.exit('chromium is not installed (Debian: apt-get install chromium)')
    p = subprocess.run([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                        '--enable-logging=stderr', '--v=0', '--window-size=1200,1500',
                        '--screenshot=' + png_path, 'file://' + os.path.abspath(html_path)],
                       capture_output=True, text=True, timeout=120)
    errors = [l for l in p.stderr.splitlines() if 'CONSOLE' in l and ('Uncaught' in l or 'Error' in l)]
    if errors:
        sys.exit('%s: script errors: %s' % (html_path, errors))
    if not os.path.exists(png_path) or os.path.getsize(png_path) < 20_000:
        sys.exit('%s: no screenshot, or a blank one' % html_path)
    print('ok %s -> %s (%d bytes)' % (html_path, png_path, os.path.getsize(png_path)))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    os.makedirs(out, exist_ok=True)
    for sample in ['reportlab-2023-stsong.pdf', 'ofd-2023-lines.ofd', 'layout-2022-inconsistent.docx']:
        html = os.path.join(out, sample + '.html')
        with open(html, 'w') as f:
            subprocess.run([BIN, 'show', '--html', 'samples/' + sample], stdout=f, check=True)
        render(html, html[:-5] + '.png')
    records = os.path.join(out, 'records.jsonl')
    with open(records, 'w') as f:
        subprocess.run([BIN, 'extract', '-q', 'samples'], stdout=f)
    summary = os.path.join(out, 'summary.html')
    with open(summary, 'w') as f:
        subprocess.run([BIN, 'report', records, '--html', '--audit-dir', os.path.join(out, 'audit')],
                       stdout=f, check=True)
    render(summary, os.path.join(out, 'summary.png'))


if __name__ == '__main__':
    main()
