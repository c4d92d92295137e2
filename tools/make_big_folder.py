"""A big folder for whole-folder timings: every file of a folder copied N
times, each copy's bytes made distinct (govreport recognises identical
copies by their hash and does not read them again), each still the same
document to its reader:

- PDF: a comment line after the end (`%copy N`), past the last `%%EOF`;
- DOCX, OFD and other zip packages: the zip's comment (the end-of-central-
  directory record's comment length and text) set to the copy's number;
- DOC (a compound file): 512 bytes appended (a sector past the last one
  its FAT names);
- anything else (web pages, whatever their name): an HTML comment appended.

Each file is told by its content, not its name (a web page saved as .doc is
a web page). An empty file cannot be made distinct and stay empty: its
copies read as a file of unknown content instead.

    python3 tools/make_big_folder.py ../shared/devset/corpus /tmp/big 42

The README's whole-folder timings use the development set ×42 (10,038 files).
"""

import os
import struct
import sys

EOCD = b"PK\x05\x06"


def distinct(data: bytes, k: int) -> bytes:
    tag = f"copy {k}".encode()
    if b"%PDF-" in data[:1024]:
        return data + b"\n%" + tag + b"\n"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return data + tag.ljust(512, b"\0")
    at = data.rfind(EOCD)
    # A zip's end record (22 bytes, then its comment) closes the file: its
    # comment is replaced, so the record stays the file's last bytes.
    if at >= 0 and at + 22 <= len(data):
        (length,) = struct.unpack("<H", data[at + 20 : at + 22])
        if at + 22 + length == len(data):
            return data[: at + 20] + struct.pack("<H", len(tag)) + tag
    return data + b"\n<!-- " + tag + b" -->\n"


def main() -> None:
    src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if os.path.isfile(os.path.join(src, n)))
    for name in names:
        with open(os.path.join(src, name), "rb") as f:
            data = f.read()
        stem, dot, ext = name.rpartition(".")
        for k in range(copies):
            copy = f"{stem}-{k:03d}{dot}{ext}" if dot else f"{name}-{k:03d}"
            with open(os.path.join(out, copy), "wb") as f:
                f.write(data if k == 0 else distinct(data, k))
    print(f"{len(names) * copies} files in {out}")


if __name__ == "__main__":
    main()
