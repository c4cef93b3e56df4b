"""Build test input files in memory: PDFs with a Unicode text layer, DOCX files, zip bombs.

The PDF writer emits a Type0 font with Identity-H codes and a ToUnicode map (no embedded glyphs:
text extraction needs only the map), enough to put any Chinese text into a real PDF text layer.
"""

from __future__ import annotations

import io
import zipfile


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold the given lines of text."""
    chars = sorted({c for page in pages for line in page for c in line})
    code = {c: i + 1 for i, c in enumerate(chars)}
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    cmap_lines = [f"<{code[c]:04X}> <{''.join(f'{u:04X}' for u in _utf16(c))}>" for c in chars]
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "".join(
            f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
            for chunk in (cmap_lines[i : i + 100] for i in range(0, len(cmap_lines), 100))
        )
        + "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()
    catalog = add(b"")  # filled in below, once the page tree number is known
    pages_id = add(b"")
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /DubanTest /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DubanTest "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /DubanTest /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tounicode)
    )
    kids = []
    for page in pages:
        ops = ["BT /F1 12 Tf 14 TL 40 800 Td"]
        for line in page:
            ops.append("<" + "".join(f"{code[c]:04X}" for c in line) + "> Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode()
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_id, font, content)
            )
        )
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
    return out.getvalue()


def _utf16(c: str) -> list[int]:
    b = c.encode("utf-16-be")
    return [int.from_bytes(b[i : i + 2], "big") for i in range(0, len(b), 2)]


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_zip_bomb(member_bytes: int) -> bytes:
    """A .docx-shaped zip whose document.xml inflates to ``member_bytes`` of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(member_bytes // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()
