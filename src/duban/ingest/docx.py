"""Word .docx -> paragraphs and tables in document order, one paragraph or table row a line.

A .docx is a zip: its members' sizes are checked from the zip directory before anything is
inflated, so a zip bomb is refused without spending memory or time on it.
"""

from __future__ import annotations

import io
import zipfile

from duban.errors import InputError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # document.xml of a 500-page report is a few MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # XML compresses 5-20x; hundreds-fold is a bomb
MAX_MEMBERS = 10_000


def check_zip(data: bytes, name: str) -> None:
    """Refuse corrupt zips, non-Word zips and zip bombs, reading only the zip directory."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise InputError(name, f"corrupt DOCX (not a readable zip: {e})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputError(name, f"DOCX has {len(infos)} zip members, over the limit of {MAX_MEMBERS}")
        total = 0
        for info in infos:
            size = info.file_size
            total += size
            if size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                raise InputError(name, f"DOCX inflates to over {max(size, total)} bytes (zip bomb?)")
            if size > 1024 * 1024 and size > MAX_RATIO * max(info.compress_size, 1):
                raise InputError(
                    name, f"DOCX member {info.filename} is compressed {size // max(info.compress_size, 1)}x (zip bomb?)"
                )
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise InputError(name, "zip file that is not a Word .docx (no word/document.xml)")


def docx_to_text(data: bytes, name: str) -> str:
    check_zip(data, name)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    except InputError:
        raise
    except Exception as e:  # python-docx and lxml raise many types on damaged parts
        raise InputError(name, f"corrupt DOCX ({type(e).__name__}: {' '.join(str(e).split())[:120]})") from None
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise InputError(name, "DOCX has no text")
    return text


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # a merged cell is returned once per grid column it spans; keep one copy
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split("\n")).strip())
        if any(cells):
            lines.append("\t".join(cells))
    return lines
