"""A document: the original text, its normalized form, and the map between them.

Normalization (script conversion, pinyin removal, spacing repair, spam removal) changes the text
that extraction reads; users need every result to point into the text they gave us. Each
normalization stage records a `Layer` (which runs of its output come from which runs of its
input); `Document.to_original` walks the layers back, so `original[span[0]:span[1]]` is always
the quote a person sees.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, MutableSequence
from dataclasses import dataclass, field


@dataclass
class Layer:
    """Where each run of a stage's output came from in the stage's input.

    Segment i covers output ``[starts[i], starts[i + 1])`` (the last runs to the output's end) and
    input ``[src_starts[i], src_ends[i])``. A *positional* segment has equal lengths on both sides
    and maps character by character; any other segment maps as a whole. Input not covered by any
    segment was dropped by the stage.

    `apply_edits` stores the offsets as compact arrays (8 bytes an entry instead of ~40 for a list
    of ints): a pinyin-annotated report has a segment every few characters.
    """

    starts: MutableSequence[int] = field(default_factory=list)
    src_starts: MutableSequence[int] = field(default_factory=list)
    src_ends: MutableSequence[int] = field(default_factory=list)
    positional: MutableSequence[bool] = field(default_factory=list)
    length: int = 0  # output length

    def _seg(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def map_point(self, pos: int, end: bool = False) -> int:
        """Input offset of output offset ``pos`` (``end``: of the character before ``pos``)."""
        if not self.starts:
            return 0
        if end:
            if pos <= 0:
                return self.src_starts[0]
            i = self._seg(pos - 1)
            if self.positional[i]:
                return self.src_starts[i] + (pos - 1 - self.starts[i]) + 1
            return self.src_ends[i]
        if pos >= self.length:
            return self.src_ends[-1]
        i = self._seg(pos)
        if self.positional[i]:
            return self.src_starts[i] + (pos - self.starts[i])
        return self.src_starts[i]

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        """``(map_point(start), map_point(end, end=True))``, or the start twice for an empty span;
        written out in one function: it runs for every item and section, per layer."""
        starts = self.starts
        if not starts:
            return 0, 0
        if start >= self.length:
            a = self.src_ends[-1]
        else:
            i = bisect_right(starts, start) - 1
            if i < 0:
                i = 0
            a = self.src_starts[i] + (start - starts[i]) if self.positional[i] else self.src_starts[i]
        if end <= start:
            return a, a
        if end <= 0:
            return a, self.src_starts[0]
        i = bisect_right(starts, end - 1) - 1
        if i < 0:
            i = 0
        return a, (self.src_starts[i] + (end - starts[i]) if self.positional[i] else self.src_ends[i])

    def map_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`map_span` of each span, in one call (the loop body is `map_span`'s, with its lookups
        made once): the items of a document are mapped together."""
        starts, src_starts, src_ends, positional = self.starts, self.src_starts, self.src_ends, self.positional
        if isinstance(starts, array) and len(spans) > 8:
            starts = starts.tolist()  # bisect on a list of ints: no int made at each step
        if not starts:
            return [(0, 0)] * len(spans)
        length, last_end, first_start = self.length, src_ends[-1], src_starts[0]
        out = []
        for start, end in spans:
            if start >= length:
                a = last_end
            else:
                i = bisect_right(starts, start) - 1
                if i < 0:
                    i = 0
                a = src_starts[i] + (start - starts[i]) if positional[i] else src_starts[i]
            if end <= start:
                out.append((a, a))
            elif end <= 0:
                out.append((a, first_start))
            else:
                i = bisect_right(starts, end - 1) - 1
                if i < 0:
                    i = 0
                out.append((a, src_starts[i] + (end - starts[i]) if positional[i] else src_ends[i]))
        return out

    def _out_end(self, i: int) -> int:
        return self.starts[i + 1] if i + 1 < len(self.starts) else self.length

    def unmap_point(self, pos: int, end: bool = False) -> int:
        """Output offset of input offset ``pos``: the inverse of `map_point`.

        Input that the stage dropped maps to the output position where it was.
        """
        if not self.starts:
            return 0
        q = pos - 1 if end else pos
        i = bisect_right(self.src_starts, q) - 1
        if i < 0:
            return 0
        if q < self.src_ends[i]:
            if self.positional[i]:
                return self.starts[i] + (pos - self.src_starts[i])
            return self._out_end(i) if end else self.starts[i]
        return self._out_end(i)  # in a dropped stretch after segment i

    def unmap_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            p = self.unmap_point(start)
            return p, p
        s, e = self.unmap_point(start), self.unmap_point(end, end=True)
        return s, max(s, e)


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, Layer]:
    """Replace each ``text[start:end]`` by its replacement; edits are sorted and disjoint.

    Returns the new text and the layer mapping it back onto ``text``. An equal-length
    replacement maps character by character, an empty one drops its input.
    """
    out: list[str] = []
    starts: list[int] = []
    src_starts: list[int] = []
    src_ends: list[int] = []
    positional: list[bool] = []
    pos = 0  # in text
    n = 0  # in output
    # one loop with local appends: this runs once per normalization stage over every edit
    for start, end, repl in edits:
        if start < pos or end < start:
            raise ValueError(f"edits overlap or are unsorted at {start}:{end}")
        if start > pos:
            starts.append(n)
            src_starts.append(pos)
            src_ends.append(start)
            positional.append(True)
            out.append(text[pos:start])
            n += start - pos
        if repl:
            starts.append(n)
            src_starts.append(start)
            src_ends.append(end)
            positional.append(len(repl) == end - start)
            out.append(repl)
            n += len(repl)
        pos = end
    if pos < len(text):
        starts.append(n)
        src_starts.append(pos)
        src_ends.append(len(text))
        positional.append(True)
        out.append(text[pos:])
        n += len(text) - pos
    return "".join(out), Layer(array("q", starts), array("q", src_starts), array("q", src_ends),
                               array("b", positional), n)


def identity_layer(length: int) -> Layer:
    return Layer([0], [0], [length], [True], length) if length else Layer()


@dataclass
class Document:
    """Original text (as decoded, or the text layer of an HTML/PDF/Word file), normalized text."""

    original: str
    text: str = ""
    layers: list[Layer] = field(default_factory=list)
    name: str | None = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.layers and not self.text:
            self.text = self.original

    def apply(self, edits: Iterable[tuple[int, int, str]]) -> None:
        """Apply one normalization stage's edits to ``text``, recording its layer."""
        edits = list(edits)
        if not edits:
            return
        self.text, layer = apply_edits(self.text, edits)
        self.layers.append(layer)

    def replace_text(self, new: str) -> None:
        """Replace ``text`` with an equal-length conversion (e.g. a script conversion)."""
        if new == self.text:
            return
        if len(new) != len(self.text):
            raise ValueError("replace_text needs an equal-length conversion")
        self.text = new  # character i still comes from character i: the map needs no layer

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``original`` it came from."""
        for layer in reversed(self.layers):
            start, end = layer.map_span(start, end)
        return start, end

    def to_original_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_original` of each span (one pass per layer for all of them)."""
        for layer in reversed(self.layers):
            spans = layer.map_spans(spans)
        return list(spans)

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``original`` to the span of ``text`` it became (e.g. to find a quote)."""
        for layer in self.layers:
            start, end = layer.unmap_span(start, end)
        return start, end

    def quote(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]
