"""Writes benches/fixtures/cid-report.pdf: a report of about six pages whose
text is drawn in a CID-keyed font (Type0, STSong-Light through the
predefined UniGB-UCS2-H CMap), for the speed benchmarks (issue 12).

It is the reportlab sample's report (tools/make_pdf_samples.py, ruled
tables) with a typical county report's length of prose: the seed report's
overview and problems four times over. Needs the PyPI package reportlab.
Run from the repo root.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import make_pdf_samples as mp  # noqa: E402
from samples_spec import SEED  # noqa: E402

OUT = 'benches/fixtures/cid-report.pdf'

mp.RL_OVERVIEW = mp.RL_OVERVIEW + (SEED['overview'] + SEED['problems']) * 4
mp.reportlab_report(OUT)
print(os.path.getsize(OUT), 'bytes')
