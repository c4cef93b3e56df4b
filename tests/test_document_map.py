"""Layer.map_span (written out for speed) gives what map_point gives, point by point."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from duban.document import Layer, apply_edits, identity_layer


@st.composite
def layers(draw) -> Layer:
    text = draw(st.text(alphabet="ab", min_size=0, max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = [(a, b, draw(st.sampled_from(["", "x", "xy", "xyz"])))
             for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    return apply_edits(text, edits)[1]


@settings(max_examples=300, deadline=None)
@given(layers(), st.integers(-2, 40), st.integers(-2, 40))
def test_map_span_is_map_point(layer: Layer, start: int, end: int) -> None:
    if end <= start:
        expected = (layer.map_point(start), layer.map_point(start))
    else:
        expected = (layer.map_point(start), layer.map_point(end, end=True))
    assert layer.map_span(start, end) == expected


def test_map_span_edges() -> None:
    assert Layer().map_span(0, 3) == (0, 0)
    assert identity_layer(5).map_span(1, 4) == (1, 4)
    _, layer = apply_edits("abcdef", [(1, 3, ""), (4, 5, "XY")])  # a, (bc dropped), d, e->XY, f
    assert layer.map_span(0, 2) == (0, 4)  # "ad" -> "abcd"
    assert layer.map_span(2, 3) == (4, 5)  # "X" -> "e" (a replacement maps as a whole)
