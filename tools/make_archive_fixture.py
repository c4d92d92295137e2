"""Writes tests/fixtures/archive.zip: an archive as downloaded from a Chinese
site — member names in GBK without the UTF-8 flag, a document in a folder,
a zip inside the zip, a PDF and a file of no supported format. Run from the
repository root after the samples exist."""
import io
import struct
import zipfile
import zlib


def add(z, name, data):
    info = zipfile.ZipInfo(name, date_time=(2021, 1, 20, 9, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)


def raw_zip(path, entries):
    """A stored zip whose names are written as given bytes, without the
    UTF-8 flag (Python's zipfile would flag non-ASCII names as UTF-8)."""
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(out)
        out += struct.pack('<IHHHHHIIIHH', 0x04034B50, 20, 0, 0, 0x4800, 0x5234, crc, len(data), len(data), len(name), 0)
        out += name + data
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 20, 20, 0, 0, 0x4800, 0x5234, crc, len(data), len(data),
                               len(name), 0, 0, 0, 0, 0, offset)
        central += name
    end = struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    with open(path, 'wb') as f:
        f.write(bytes(out + central + end))


inner = io.BytesIO()
with zipfile.ZipFile(inner, 'w') as z:
    add(z, 'county/county-2022.docx', open('samples/county-2022-numbered.docx', 'rb').read())
    add(z, '说明.txt', '仅供参考'.encode('utf-8'))

raw_zip('tests/fixtures/archive.zip', [
    ('2020年报/锦阳路街道.docx'.encode('gbk'), open('samples/seed-2020-jinyang.docx', 'rb').read()),
    (b'more.zip', inner.getvalue()),
    (b'wps-2024.pdf', open('samples/wps-2024-grid-lo.pdf', 'rb').read()),
    (b'notes.txt', b'not a report'),
])
print('wrote tests/fixtures/archive.zip')
