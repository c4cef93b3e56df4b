"""HTML page -> the main text a person reads, one paragraph a line.

trafilatura finds the main content (dropping navigation, share widgets, comment counters,
breadcrumbs); when it finds nothing we fall back to the text of the body without script, style
and navigation elements. Pathologically nested pages never reach a tree walker (RecursionError,
unbounded time): a linear scan measures the nesting first and such pages get a regex-based
tag stripper instead.
"""

from __future__ import annotations

import html as _html
import re

from duban.errors import InputError

MAX_DEPTH = 200  # real pages stay under 100 levels; libxml2 drops content below 256, walkers recurse

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li option td th tr dt dd".split()
)  # p/li/td/... close implicitly, so counting them as nesting would overstate depth
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p)\b",
                         re.I | re.S)
_TITLE = re.compile(r"<(h1|title)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-zA-Z0-9_-]+)""", re.I)

_DROP_OPEN = re.compile(
    r"<(script|style|noscript|nav|header|footer|aside|form|select|button|iframe|template)\b", re.I
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|tr|h[1-6]|table|section|article|blockquote|pre|ul|ol|dl|dt|dd|hr)\b[^>]*>", re.I
)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """Maximum element nesting, stopping early once ``limit`` is passed (one linear scan)."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def strip_tags(text: str) -> str:
    """Text of an HTML page by regex alone: linear time whatever the nesting."""
    text = _drop_elements(_COMMENT.sub("", text))
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = _html.unescape(text)
    return _tidy(text)


def _drop_elements(text: str) -> str:
    # str.find for the closing tag keeps this linear even when closing tags are missing
    lower = text.lower()
    out: list[str] = []
    pos = 0
    while m := _DROP_OPEN.search(text, pos):
        out.append(text[pos : m.start()])
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            return "".join(out)
        end = lower.find(">", close)
        pos = len(text) if end < 0 else end + 1
        out.append("\n")
    out.append(text[pos:])
    return "".join(out)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _lxml_text(text: str) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(text)
    for el in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|//form"):
        el.drop_tree()
    for el in root.iter("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"):
        el.tail = "\n" + (el.tail or "")
    body = root.find("body")
    return _tidy((body if body is not None else root).text_content())


def page_title(text: str) -> str | None:
    """The page's <h1>, else its <title>: trafilatura leaves the headline out of the body, and
    the headline often carries the report's year and region."""
    found = {m.group(1).lower(): m.group(2) for m in _TITLE.finditer(text[:200_000])}
    for tag in ("h1", "title"):
        if tag in found:
            title = _tidy(_html.unescape(_ANY_TAG.sub("", found[tag]))).replace("\n", " ")
            if 0 < len(title) <= 120:
                return title
    return None


def html_to_text(text: str, name: str) -> tuple[str, str]:
    """Main text of the page and how it was found ("trafilatura", "lxml" or "regex")."""
    if nesting_depth(text) > MAX_DEPTH:
        out, how = strip_tags(text), "regex"
    else:
        import trafilatura

        try:
            out = trafilatura.extract(
                text, include_comments=False, include_tables=True, include_images=False,
                deduplicate=False,
            ) or ""
            how = "trafilatura"
            if not out.strip():
                out, how = _lxml_text(text), "lxml"
            if not out.strip():
                out, how = strip_tags(text), "regex"
        except RecursionError:
            out, how = strip_tags(text), "regex"
        except Exception:  # lxml raises several types on broken markup; the regex path still reads it
            out, how = strip_tags(text), "regex"
    if not out.strip():
        raise InputError(name, "HTML page without any text")
    if how == "trafilatura":
        title = page_title(text)
        if title and title not in out[:2000]:
            out = f"{title}\n{out}"
    return out, how
