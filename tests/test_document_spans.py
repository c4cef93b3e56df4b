"""Document.to_original_spans (all the items of a document mapped at once) against to_original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from duban.document import Document


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab 甲\n", max_size=40),
    st.lists(st.lists(st.tuples(st.integers(0, 45), st.integers(0, 6), st.text(alphabet="xy", max_size=4)),
                      max_size=6), max_size=3),
    st.lists(st.tuples(st.integers(-2, 50), st.integers(-2, 50)), max_size=20),
)
def test_spans_map_as_one_by_one(original: str, stages: list, spans: list[tuple[int, int]]) -> None:
    doc = Document(original)
    for stage in stages:  # each stage: sorted, disjoint edits of the current text
        edits, pos = [], 0
        for start, size, repl in sorted(stage):
            start = max(start, pos)
            end = min(start + size, len(doc.text))
            if start > len(doc.text):
                break
            edits.append((start, end, repl))
            pos = end
        doc.apply(edits)
    many = spans * 3  # more than the few spans below which the arrays are not copied to lists
    assert doc.to_original_spans(many) == [doc.to_original(s, e) for s, e in many]
    assert doc.to_original_spans(spans[:2]) == [doc.to_original(s, e) for s, e in spans[:2]]
