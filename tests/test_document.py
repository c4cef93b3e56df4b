"""The offset map: Layer / apply_edits / Document.to_original, from_original and quote.

Property tests compose random edits over several layers on an original whose characters are all
distinct (chr(BASE + i) is original[i]), so every surviving character names its own origin.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duban
from duban.document import Document, Layer, apply_edits, identity_layer
from duban.ingest.normalize import normalize

BASE = 0x4E00  # original characters are ideographs, replacement text is ASCII


def origin(c: str) -> int | None:
    return ord(c) - BASE if ord(c) >= BASE else None


@st.composite
def edit_list(draw, n: int) -> list[tuple[int, int, str]]:
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    edits = []
    for a, b in zip(cuts[0::2], cuts[1::2], strict=False):
        edits.append((a, b, draw(st.text(alphabet="abcxyz", max_size=3))))
    return edits


@st.composite
def documents(draw) -> Document:
    n = draw(st.integers(0, 40))
    doc = Document(original="".join(chr(BASE + i) for i in range(n)))
    for _ in range(draw(st.integers(0, 5))):
        doc.apply(draw(edit_list(len(doc.text))))
    return doc


@settings(max_examples=300, deadline=None)
@given(documents(), st.data())
def test_to_original_properties(doc: Document, data) -> None:
    n = len(doc.text)
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    os_, oe = doc.to_original(s, e)
    assert 0 <= os_ <= oe <= len(doc.original)
    assert doc.quote(s, e) == doc.original[os_:oe]
    # every surviving original character of the slice lies inside the mapped span, and a slice
    # that starts and ends on original characters maps exactly onto them
    found = [origin(c) for c in doc.text[s:e] if origin(c) is not None]
    assert all(os_ <= j < oe for j in found)
    if e > s and origin(doc.text[s]) is not None:
        assert os_ == origin(doc.text[s])
    if e > s and origin(doc.text[e - 1]) is not None:
        assert oe == origin(doc.text[e - 1]) + 1
    # monotone: a later or longer span never maps earlier
    s2 = data.draw(st.integers(s, n))
    e2 = data.draw(st.integers(max(e, s2), n))
    os2, oe2 = doc.to_original(s2, e2)
    assert os2 >= os_
    if oe2 > os2 and oe > os_:  # (text inserted by a stage maps to an empty point, which has no order)
        assert oe2 >= oe


@settings(max_examples=300, deadline=None)
@given(documents())
def test_from_original_inverts_to_original_for_surviving_characters(doc: Document) -> None:
    for i, c in enumerate(doc.text):
        j = origin(c)
        if j is not None:
            assert doc.from_original(j, j + 1) == (i, i + 1)
            assert doc.to_original(i, i + 1) == (j, j + 1)


@settings(max_examples=200, deadline=None)
@given(documents(), st.data())
def test_from_original_spans_are_ordered(doc: Document, data) -> None:
    n = len(doc.original)
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    ns, ne = doc.from_original(s, e)
    assert 0 <= ns <= ne <= len(doc.text)
    # what the original span became maps back inside (or onto) the original span's surroundings
    found = [origin(c) for c in doc.text[ns:ne] if origin(c) is not None]
    assert all(s <= j < e for j in found)


# Normalization on random report-like text: all stages together keep the map sound.
PIECES = ["增長", "國內生產總值", "區(qū)", "發(fā)", "(GDP)", "(含)", "５．５％", "　", " ", "\n", "2022", " 年",
          "2. 2", "万亿元", "，", "當前位置: 首頁>\n", "光算谷歌seo", "22M\n", "\r\n", "中国共产X", "ａｂ", "灣"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_normalize_map_is_sound(pieces: list[str]) -> None:
    original = "".join(pieces)
    doc = normalize(Document(original=original))
    last = (0, 0)
    for i in range(len(doc.text)):
        s, e = doc.to_original(i, i + 1)
        assert e > s, "every normalized character comes from some original text"
        assert (s, e) >= last or s >= last[0]
        last = (s, e)
    s, e = doc.to_original(0, len(doc.text))
    assert doc.quote(0, len(doc.text)) == original[s:e]


# --- examples ---------------------------------------------------------------------------------------------
def test_apply_edits_layer_segments() -> None:
    text, layer = apply_edits("abcdef", [(1, 2, "XY"), (3, 4, ""), (5, 6, "Z")])
    assert text == "aXYceZ"
    assert layer.map_span(1, 3) == (1, 2)  # the replacement maps as a whole
    assert layer.map_span(2, 3) == (1, 2)
    assert layer.map_span(0, 1) == (0, 1)
    assert layer.map_span(3, 4) == (2, 3)
    assert layer.map_span(4, 6) == (4, 6)
    assert layer.unmap_span(3, 4) == (4, 4)  # dropped input maps to where it was
    assert layer.unmap_span(1, 2) == (1, 3)


def test_overlapping_edits_rejected() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [(2, 4, ""), (3, 5, "")])


def test_replace_text_needs_equal_length() -> None:
    doc = Document(original="國內")
    doc.replace_text("国内")
    assert doc.text == "国内" and doc.quote(0, 1) == "國"
    with pytest.raises(ValueError):
        doc.replace_text("国")


def test_empty_layers() -> None:
    assert Layer().map_span(0, 0) == (0, 0)
    assert identity_layer(0).map_span(0, 0) == (0, 0)
    doc = Document(original="")
    assert doc.to_original(0, 0) == (0, 0) and doc.quote(0, 0) == ""


def test_read_text_quote_roundtrip() -> None:
    doc = duban.read_text("地區(qū)生產(chǎn)總值增長 5.5%")
    i = doc.text.index("增长5.5%")
    assert doc.quote(i, i + 6) == "增長 5.5%"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_normalize_never_breaks_on_arbitrary_text(text: str) -> None:
    doc = normalize(Document(original=text))
    s, e = doc.to_original(0, len(doc.text))
    assert 0 <= s <= e <= len(text)
    for i in range(len(doc.text)):
        a, b = doc.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)
