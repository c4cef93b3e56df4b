"""PDF -> its text layer (pypdf), one page after another.

The text keeps pypdf's spacing ("2022 年", "增 长"): it is what the Document's ``original`` holds
and what spans index; the normalize stage repairs the spacing in ``text``.
"""

from __future__ import annotations

import io
import logging

from duban.errors import InputError

MAX_PAGES = 5000  # a long report has a few hundred pages; beyond this it is not a report


def pdf_to_text(data: bytes, name: str) -> tuple[str, int]:
    """Text of every page, pages separated by a newline; returns (text, page count)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd object
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError(name, "PDF is password-protected")
            except (NotImplementedError, PyPdfError, ValueError) as e:
                raise InputError(name, f"PDF is encrypted and cannot be opened ({e})") from None
        n = len(reader.pages)
        if n > MAX_PAGES:
            raise InputError(name, f"PDF has {n} pages, over the limit of {MAX_PAGES}")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, PyPdfError) as e:
        raise InputError(name, f"corrupt PDF ({_one_line(e)})") from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError, OSError,
            RecursionError, ZeroDivisionError) as e:
        # pypdf surfaces damaged files through many exception types
        raise InputError(name, f"corrupt PDF ({type(e).__name__}: {_one_line(e)})") from None
    text = "\n".join(p for p in pages if p.strip())
    if not text.strip():
        raise InputError(name, "PDF has no text layer (scanned images need OCR first)")
    return text, n


def _one_line(e: Exception) -> str:
    s = " ".join(str(e).split())
    return s[:120] or type(e).__name__
