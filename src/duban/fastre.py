"""Regex alternations kept on the fast path of Python's regex engine, matching exactly the same.

Python's `re` skips straight to the possible first characters of a pattern only when the pattern
starts with a literal, a character class, or an alternation whose every alternative starts with a
literal. One alternative that starts with a group, a lookbehind or an optional character, or named
groups around the alternatives, make it try the whole alternation at every position of the text:
on report text 4-8 M characters/s instead of 100-250 M. The rule files are written for people
(``(?<!比)去年``, ``第?一季度``, ``(?:规划|计划)(?:明确|提出)``), so the helpers here rewrite them
into equivalent literal-first alternatives and scan with those, and give the same answers the
plain patterns give (tests/test_fastre.py checks both forms against each other).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

PLAIN = r"[^\\()\[\]{}|.?*+^$]"  # a character that stands for itself in a regex
_STARTS_LITERAL = re.compile(PLAIN + r"(?![?*+{])")
# (?<!X)c / (?<![XY])c / (?<!XY)c  ->  c(?<!Xc): the same test, made after the literal (a lookbehind
# of several characters or classes too: its width stays fixed); a positive one (?<=X)c -> c(?<=Xc) alike
_BEHIND = rf"\(\?<([!=])((?:\[(?:\\.|[^\]\\])+\]|\\[dDsSwW]|{PLAIN})+)\)"
_LEAD_BEHIND = re.compile(rf"{_BEHIND}({PLAIN})(?![?*+{{])")
_LEAD_BEHIND_GROUP = re.compile(rf"{_BEHIND}(?=\(\?:)")  # (?<=X)(?:a|b)rest
_LEAD_ANY_BEHIND = re.compile(_BEHIND)  # (?<!X) before anything: an optional character, a group
_LEAD_OPTIONAL = re.compile(rf"({PLAIN})\?(?![?+])")  # c?rest  ->  crest | rest (greedy: c tried first)


_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|N\{[^}]*\}|0[0-7]{0,2}|[0-7]{3}|.)", re.S)


def _escape_len(src: str, i: int) -> int:
    """Length of the escape that starts at ``src[i]`` (a backslash): \\d, \\u4e00, \\x41, \\N{...}."""
    m = _ESCAPE.match(src, i)
    return m.end() - i if m else 1


def _scan(src: str, start: int = 0):
    """(index, character, depth before it) of the characters of ``src`` outside character classes
    and escapes, from ``start``."""
    depth, i, in_class = 0, start, False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += _escape_len(src, i)
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 if src[i + 1 : i + 2] != "]" else 2  # a ] right after [ is literal
            continue
        else:
            yield i, ch, depth
            depth += (ch == "(") - (ch == ")")
        i += 1


def split_top(src: str) -> list[str]:
    """The alternatives of ``src`` at its top level (``a|(?:b|c)`` -> ``a``, ``(?:b|c)``)."""
    cuts = [i for i, ch, depth in _scan(src) if ch == "|" and depth == 0]
    return [src[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(src)], strict=True)]


def _group_end(src: str) -> int | None:
    """End of the group ``src`` starts with (after its ``)``)."""
    for i, ch, depth in _scan(src):
        if ch == ")" and depth == 1:
            return i + 1
    return None


def literal_first(src: str) -> list[str]:
    """``src`` as alternatives that match the same, in the same order, each starting with a literal
    where a leading one-character lookbehind, optional character or non-capturing group allows
    (``(?<!比)去年`` -> ``去(?<!比去)年``; ``第?一季度`` -> ``第一季度``, ``一季度``;
    ``(?:规划|计划)提出`` -> ``规划提出``, ``计划提出``). Otherwise ``[src]``."""
    if len(split_top(src)) > 1:
        return [alt for part in split_top(src) for alt in literal_first(part)]
    if m := _LEAD_BEHIND.match(src):
        return [f"{m.group(3)}(?<{m.group(1)}{m.group(2)}{m.group(3)})" + src[m.end():]]
    if re.compile(src).groups:
        return [src]  # the rewrites below repeat a part of src, which would renumber its groups
    if (m := _LEAD_BEHIND_GROUP.match(src)) and (end := _group_end(src[m.end():])) \
            and src[m.end() + end : m.end() + end + 1] not in ("?", "*", "+", "{"):
        # (?<=X)(?:a|b)rest -> (?<=X)arest | (?<=X)brest (the same trials in the same order), each
        # then moved after its literal: a clause-start lookbehind before a group of words
        group, rest = src[m.end() : m.end() + end], src[m.end() + end:]
        return [alt for part in split_top(group[3:-1]) for alt in literal_first(m.group() + part + rest)]
    if (m := _LEAD_ANY_BEHIND.match(src)) and (rest := src[m.end():]) \
            and (alts := literal_first(rest)) != [rest]:
        # (?<!X)c?rest -> (?<!X)crest | (?<!X)rest: the test is made at the match start either way,
        # and each alternative then moves it after its literal (a cue such as (?<![比较])第?一季度)
        return [alt for a in alts for alt in literal_first(m.group() + a)]
    if m := _LEAD_OPTIONAL.match(src):
        rest = src[m.end():]
        return literal_first(m.group(1) + rest) + literal_first(rest) if rest else [src]
    if src.startswith("(?:") and (end := _group_end(src)) and src[end : end + 1] == "?" \
            and src[end + 1 : end + 2] not in ("?", "+") and src[end + 1:]:
        # (?:a|b)?rest -> arest | brest | rest: the greedy ? tries the group's alternatives first
        rest = src[end + 1:]
        return [alt for part in [*split_top(src[3 : end - 1]), ""] for alt in literal_first(part + rest)]
    if src.startswith("(?:") and (end := _group_end(src)) and src[end : end + 1] not in ("?", "*", "+", "{"):
        # (?:a|b)rest -> arest | brest: the same order of trials
        return [alt for part in split_top(src[3 : end - 1]) for alt in literal_first(part + src[end:])]
    return [src]


def behind_after(src: str) -> str:
    """``src`` with each one-character negative lookbehind before a literal moved after it, as
    `literal_first` does at the start (``(?<!即)将`` -> ``将(?<!即将)``: the same test, made after the
    character): inside an alternation the engine then rules a branch out by its first character."""
    out, last = [], 0
    for i, ch, _ in _scan(src):
        if ch == "(" and i >= last and (m := _LEAD_BEHIND.match(src, i)):
            out += [src[last:i], f"{m.group(3)}(?<{m.group(1)}{m.group(2)}{m.group(3)})"]
            last = m.end()
    return "".join(out) + src[last:]


def noncapturing(src: str) -> str:
    """``src`` with its unnamed groups made non-capturing (the same matches, without group
    numbers; for callers that only use positions). ``src`` itself when it refers to a group."""
    if _BACKREF.search(src):
        return src
    cuts = [i for i, ch, _ in _scan(src) if ch == "(" and src[i + 1 : i + 2] != "?"]
    out, last = [], 0
    for i in cuts:
        out += [src[last : i + 1], "?:"]
        last = i + 1
    return "".join(out) + src[last:]


def starts_literal(src: str) -> bool:
    """Does the alternative ``src`` start with a plain character (not optional or repeated)?"""
    return bool(_STARTS_LITERAL.match(src)) and len(split_top(src)) == 1


# a first element that is one character of a class: \d, [0-9], [A-Za-z] (not negated), not optional
_FIRST_CLASS = re.compile(r"(\\[dDsSwW]|\[(?!\^)(?:\\.|[^\]\\])+\])(?![?*])(?!\+\+)")
_REPEAT = re.compile(r"\+|\{(\d+)(?:(,)(\d*))?\}")  # + / {n} / {n,} / {n,m} after a first class


def _first_class(alt: str) -> re.Match | None:
    """The first class element of ``alt``, when it can join a union class: not one whose - at an
    edge would make a range with its neighbour's characters."""
    m = _FIRST_CLASS.match(alt)
    if m is None or m.group(1).startswith("\\"):
        return m
    body = m.group(1)[1:-1]
    return None if body.startswith("-") or body.endswith("-") else m


def _after_first(alt: str, m: re.Match) -> str | None:
    """What follows one character of the first class: X+rest -> X*rest, X{2,4}rest -> X{1,3}rest."""
    rest = alt[m.end():]
    r = _REPEAT.match(rest)
    if r is None:
        return rest
    if r.group() == "+":
        return m.group(1) + "*" + rest[1:]
    n = int(r.group(1))
    if n < 1:
        return None  # X{0,m}: optional, no first character to take
    upper = r.group(3)
    if r.group(2) and upper:
        span = f"{{{n - 1},{int(upper) - 1}}}"
    elif r.group(2):
        span = f"{{{n - 1},}}"
    else:
        span = f"{{{n - 1}}}"
    return m.group(1) + span + rest[r.end():]


def _fast_sources(alts: list[tuple[str, int]], mark: bool) -> list[tuple[str, list[int]]]:
    """Pattern sources that together match what the alternatives ``(source, tag)`` match: the
    literal-first ones as one flat alternation, those that start with one character of a class as
    one pattern that takes that character by the union of the classes and then tells the
    alternatives apart by a lookbehind (``[\\dA-Z](?:(?<=[\\d])rest|(?<=[A-Z])rest)``: also on the fast
    path), and any other alternative on its own. With ``mark``, each alternative ends in an empty
    group ``(?P<mN>)`` whose number N indexes the returned tags, so ``m.lastgroup`` tells which matched."""
    sources: list[tuple[str, list[int]]] = []
    tags: list[int] = []

    def marked(alt: str, tag: int) -> str:
        if not mark:
            return alt
        tags.append(tag)
        return f"{alt}(?P<m{len(tags) - 1}>)"

    literal = [(a, t) for a, t in alts if starts_literal(a)]
    rest = [(a, t) for a, t in alts if not starts_literal(a)]
    classed = [(m, after, t) for a, t in rest if (m := _first_class(a)) and (after := _after_first(a, m)) is not None]
    other = [(a, t) for a, t in rest if not ((m := _first_class(a)) and _after_first(a, m) is not None)]
    if literal:
        sources.append((by_first_character([marked(a, t) for a, t in literal]), []))
    if classed:
        union = "[" + "".join(_class_body(m.group(1)) for m, _, _ in classed) + "]"
        branches = "|".join(marked(f"(?<=[{_class_body(m.group(1))}])" + after, t) for m, after, t in classed)
        sources.append((f"{union}(?:{branches})", []))
    sources += [(marked(a, t), []) for a, t in other]
    return [(src, tags) for src, _ in sources]


def by_first_character(alts: list[str]) -> str:
    """The literal-first alternatives ``alts`` as one alternation grouped by first character
    (``c(?:rest1|rest2)|d(?:rest3)``): the regex engine then tries one branch per distinct first
    character instead of every alternative. Only alternatives with the same first character can
    match at one position, and they keep their order, so the same alternative wins everywhere."""
    by_first: dict[str, list[str]] = {}
    for a in alts:
        by_first.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{c}(?:{'|'.join(rests)})" for c, rests in by_first.items())


def _class_body(element: str) -> str:
    """What goes inside [] for the class element: \\d -> \\d, [0-9] -> 0-9."""
    return element if element.startswith("\\") else element[1:-1]


def fast_groups(sources: Iterable[str]) -> list[re.Pattern]:
    """Patterns whose matches together are those of ``"|".join(sources)`` (see `_fast_sources`)."""
    alts = [(alt, 0) for src in sources for alt in literal_first(src)]
    return [re.compile(src) for src, _ in _fast_sources(alts, mark=False)]


_FLAGS = re.compile(r"\(\?[aiLmsux-]")  # inline flags ((?m) makes ^ match after newlines)
_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\\g<")  # group numbers change when alternatives are split


class AnyOf:
    """Does ``"|".join(sources)`` match somewhere in a string? The same answer, faster (`fast_groups`)."""

    def __init__(self, sources: Iterable[str]) -> None:
        sources = list(sources)
        alts = [alt for src in sources for alt in split_top(src)]
        anchored = [alt[1:] for alt in alts if alt.startswith("^")]
        if not anchored or any(_FLAGS.search(src) or _BACKREF.search(src) for src in sources):
            self.searches = [p.search for p in fast_groups(sources)]
            return
        # ^X (no MULTILINE flag) matches only at the start, where X.match tests it; one such
        # alternative would otherwise keep the whole alternation off the fast path
        rest = [alt for alt in alts if not alt.startswith("^")]
        self.searches = [p.search for p in fast_groups(rest)] + [re.compile("|".join(anchored)).match]

    def search(self, s: str) -> bool:
        for search in self.searches:
            if search(s):
                return True
        return False


class GroupCounter:
    """How often each source pattern wins in a scan of ``"|".join(f"(?P<fN>{source})")``: the counts
    ``[n0, n1, ...]`` that counting ``m.lastgroup`` over that pattern's ``finditer`` gives.

    Named groups around the sources keep that scan off the fast path. Here the same matches (same
    positions, same order, the same alternative winning at each) are found with the `fast_groups`
    patterns, each alternative ending in an empty group that names its source (the alternatives
    still start with their literal). Where two of those patterns match at the same position, the
    grouped pattern decides, as it would have. Sources that can match "" fall back to it.
    """

    def __init__(self, sources: Sequence[str]) -> None:
        self.grouped = re.compile("|".join(f"(?P<f{i}>{src})" for i, src in enumerate(sources)))
        self.size = len(sources)
        alts = [(alt, i) for i, src in enumerate(sources) for alt in literal_first(src)]
        # m.lastgroup "mN" -> tags[N], the source of the alternative that matched; kept as a list
        # indexed by m.lastindex (the same group: each mark closes its alternative, so it closes last),
        # which saves parsing the name at every match
        self.patterns: list[tuple[re.Pattern, list[int]]] = []
        for src, tags in _fast_sources(alts, mark=True):
            pattern = re.compile(src)
            self.patterns.append((pattern, _by_index(pattern, lambda name, tags=tags: tags[int(name[1:])])))
        self.grouped_source = _by_index(self.grouped, lambda name: int(name[1:]))
        self.empty = any(re.compile(src).fullmatch("") is not None for src in sources) or not self.patterns

    def counts(self, s: str, enough: Callable[[list[int]], bool] | None = None) -> list[int]:
        """The counts. With ``enough``, the scan may stop as soon as ``enough(counts so far)`` holds
        (asked every `CHECK_EVERY` matches): the counts returned are then the counts of the matches
        so far, each at most the full count (a caller bounds what the rest could add)."""
        if self.empty:
            return self._plain(s, enough)
        try:
            return self._fast(s, enough)
        except _EmptyMatch:
            return self._plain(s, enough)  # a source matched "" somewhere: the reasoning below needs length

    CHECK_EVERY = 16

    def _plain(self, s: str, enough: Callable[[list[int]], bool] | None = None) -> list[int]:
        out = [0] * self.size
        for n, m in enumerate(self.grouped.finditer(s), 1):
            out[int(m.lastgroup[1:])] += 1  # type: ignore[index]
            if enough is not None and n % self.CHECK_EVERY == 0 and enough(out):
                return out
        return out

    def _fast(self, s: str, enough: Callable[[list[int]], bool] | None = None) -> list[int]:
        out = [0] * self.size
        n = 0
        # the first pattern drives the scan; the others (a few, rarely matching) are looked at only
        # when their next match comes first or at the same position
        (first, source), rest = self.patterns[0], [p for p, _ in self.patterns[1:]]
        nxt = [p.search(s) for p in rest]
        k = _earliest(nxt, rest, s, 0)
        o = nxt[k].start() if k is not None else len(s) + 1  # type: ignore[union-attr]
        pos = 0
        it = first.finditer(s)
        for m in it:
            i = m.start()
            if m.end() == i:
                raise _EmptyMatch
            if o < pos:  # that match lies inside one counted since: the next one from here
                k = _earliest(nxt, rest, s, pos)
                o = nxt[k].start() if k is not None else len(s) + 1  # type: ignore[union-attr]
            while o <= i:  # another pattern's match comes first, or at the same place
                if o == i or sum(x is not None and x.start() == o for x in nxt) > 1:
                    g = _nonempty(self.grouped.match(s, o))  # two patterns match here: the first source wins
                    out[self.grouped_source[g.lastindex]] += 1  # type: ignore[index]
                    pos = g.end()
                else:
                    out[self.patterns[k + 1][1][nxt[k].lastindex]] += 1  # type: ignore[index, union-attr]
                    pos = nxt[k].end()  # type: ignore[union-attr]
                k = _earliest(nxt, rest, s, pos)
                o = nxt[k].start() if k is not None else len(s) + 1  # type: ignore[union-attr]
            if i < pos:
                # the match just counted covers this one: go on from its end, as the scan would
                return self._finish(s, pos, out, nxt, rest, enough)
            out[source[m.lastindex]] += 1  # type: ignore[index]
            pos = m.end()
            n += 1
            if enough is not None and n % self.CHECK_EVERY == 0 and enough(out):
                return out
        return self._finish(s, pos, out, nxt, rest, enough)

    def _finish(self, s: str, pos: int, out: list[int], nxt: list, rest: list[re.Pattern],
                enough: Callable[[list[int]], bool] | None = None) -> list[int]:
        """Count on from ``pos`` (after another pattern's match broke the first pattern's scan)."""
        first, source = self.patterns[0]
        n = 0
        while True:
            n += 1
            if enough is not None and n % self.CHECK_EVERY == 0 and enough(out):
                return out
            k = _earliest(nxt, rest, s, pos)
            m = first.search(s, pos)
            if m is not None:
                _nonempty(m)
            o = nxt[k].start() if k is not None else None  # type: ignore[union-attr]
            if m is None and o is None:
                return out
            if o is not None and (m is None or o <= m.start()):
                if (m is not None and o == m.start()) or sum(x is not None and x.start() == o for x in nxt) > 1:
                    g = _nonempty(self.grouped.match(s, o))
                    out[self.grouped_source[g.lastindex]] += 1  # type: ignore[index]
                    pos = g.end()
                else:
                    out[self.patterns[k + 1][1][nxt[k].lastindex]] += 1  # type: ignore[index, union-attr]
                    pos = nxt[k].end()  # type: ignore[union-attr]
            else:
                out[source[m.lastindex]] += 1  # type: ignore[union-attr, index]
                pos = m.end()  # type: ignore[union-attr]


def _by_index(pattern: re.Pattern, value: Callable[[str], int]) -> list[int]:
    """``value(name)`` of each named group of ``pattern``, indexed by group number (-1: unnamed)."""
    out = [-1] * (pattern.groups + 1)
    for name, i in pattern.groupindex.items():
        out[i] = value(name)
    return out


class _EmptyMatch(Exception):
    """A pattern matched the empty string: GroupCounter counts with the plain scan instead."""


def _nonempty(m: re.Match | None) -> re.Match:
    if m is None or m.end() == m.start():
        raise _EmptyMatch
    return m


def _earliest(nxt: list, patterns: list[re.Pattern], s: str, pos: int) -> int | None:
    """Index of the pattern whose next match (at or after ``pos``) starts first; ``nxt`` is updated."""
    best = None
    for k, m in enumerate(nxt):
        if m is not None and m.start() < pos:
            m = nxt[k] = patterns[k].search(s, pos)
        if m is not None and m.end() == m.start():
            raise _EmptyMatch
        if m is not None and (best is None or m.start() < nxt[best].start()):
            best = k
    return best


_NOT_PLAIN = re.compile(r"\(\?[=!<]|[\^$]|\\[AZbB1-9]|\\g<|\(\?P=|\(\?\(")


def is_plain(src: str) -> bool:
    """No lookaround, anchor, word boundary or backreference: whether ``src`` matches at a position
    depends only on the characters it matches (so a slice of a text matches where the text does)."""
    return not _NOT_PLAIN.search(src)


class Spots:
    """Where a plain pattern (`is_plain`, never matching "") matches in one text, to answer "does it
    match in ``text[lo:hi]``?" for many windows without scanning each (the same answer as
    ``pattern.search(text[lo:hi]) is not None``).

    One scan of the text finds its matches. A window that holds one of them whole has a match; a
    window that no match reaches into has none (every position in it was tried and failed, and a
    plain pattern cannot match in a slice where it fails in the text); any other window is scanned.
    """

    def __init__(self, pattern: re.Pattern, text: str) -> None:
        if not is_plain(pattern.pattern) or pattern.fullmatch(""):
            raise ValueError(f"not a plain pattern: {pattern.pattern}")
        self.pattern, self.text = pattern, text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in pattern.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def search(self, lo: int, hi: int) -> bool:
        i = bisect_right(self.ends, lo)  # the first match that ends after lo
        if i == len(self.ends) or self.starts[i] >= hi:
            return False
        if self.starts[i] >= lo and self.ends[i] <= hi:
            return True
        return self.pattern.search(self.text, lo, hi) is not None


def compile(src: str) -> re.Pattern:  # noqa: A001 - the counterpart of re.compile
    """``re.compile(src)``, or an equivalent pattern on the regex fast path (the same matches at the
    same places, for search, match and finditer) when every alternative of ``src`` can be made to
    start with a literal and ``src`` has no capturing groups."""
    plain = re.compile(src)
    if plain.groups:
        return plain
    alts = literal_first(src)
    return re.compile(by_first_character(alts)) if all(starts_literal(a) for a in alts) else plain


def literal_guard(src: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``src`` contains (the longest run of plain characters
    outside groups and classes of each top-level alternative), or None when some alternative has
    none or flags could change what a character matches."""
    if "(?" in src and re.search(r"\(\?[aiLmsux-]", src):
        return None
    guard = []
    for alt in split_top(src):
        runs, run = [], ""
        i = 0
        depth_at = {j: d for j, _, d in _scan(alt)}  # characters outside classes and escapes
        while i < len(alt):
            ch = alt[i]
            plain = i in depth_at and depth_at[i] == 0 and re.fullmatch(PLAIN, ch) is not None
            if plain and alt[i + 1 : i + 2] in ("?", "*", "{"):
                plain = False  # optional or repeated: not certain to be in the match
            if plain:
                run += ch
            else:
                runs.append(run)
                run = ""
            if ch == "{" and i in depth_at:
                i = alt.find("}", i) + 1 or len(alt)  # a repeat count, not characters
            else:
                i += _escape_len(alt, i) if ch == "\\" else 1
        runs.append(run)
        best = max(runs, key=len)
        if not best:
            return None
        guard.append(best)
    return tuple(guard)


class Guarded:
    """A compiled pattern whose ``search(s)`` first checks, at C speed, that ``s`` holds one of the
    strings every match contains (`literal_guard`); the answer is the pattern's own."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.guard = None if pattern.flags & (re.IGNORECASE | re.VERBOSE) else literal_guard(pattern.pattern)

    def search(self, s: str) -> re.Match | None:
        if self.guard is not None and not any(g in s for g in self.guard):
            return None
        return self.pattern.search(s)

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


def required_strings(src: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which every match of ``src`` contains, read from the parsed pattern (a
    mandatory literal run, a mandatory group or alternation whose every branch has such strings,
    a repeat done at least once); None when none is certain or case folding is on. Unlike
    `literal_guard` it looks inside groups: ``[^,]{0,40}?(?:来源|作者)[:：]`` -> ``("来源", "作者")``."""
    import re._constants as sre  # the parser's tree: stable across 3.11+ (re._parser)
    import re._parser as parser

    tree = parser.parse(src, flags)
    if tree.state.flags & re.IGNORECASE:
        return None

    def of(items: Iterable) -> tuple[str, ...] | None:
        found: list[tuple[str, ...]] = []
        run = ""
        for op, av in items:
            if op is sre.LITERAL:
                run += chr(av)
                continue
            if run:
                found.append((run,))
                run = ""
            got: tuple[str, ...] | None = None
            if op is sre.SUBPATTERN:
                _group, add, _del, sub = av
                got = None if add & re.IGNORECASE else of(sub)
            elif op is sre.ATOMIC_GROUP:
                got = of(av)
            elif op is sre.BRANCH:
                parts = [of(b) for b in av[1]]
                got = None if any(p is None for p in parts) else tuple(dict.fromkeys(s for p in parts for s in p))  # type: ignore[union-attr]
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                got = of(av[2])
            if got:
                found.append(got)
        if run:
            found.append((run,))
        # the most selective: the longest shortest string, then the fewest strings
        return max(found, key=lambda g: (min(map(len, g)), -len(g)), default=None)

    return of(tree)


def first_class(src: str, flags: int = 0) -> re.Pattern | None:
    """A one-character class holding the first character of every match of ``src``, read from the
    parsed pattern (lookarounds and anchors consume nothing and are passed over); None when the
    pattern can match "" or starts with something the class cannot tell (``.``, ``[^…]``, case folding).

    A pattern that starts with a lookbehind (``(?<![\\d.])\\d+``) is off the regex fast path; a search
    for this class finds where a match can first start, at C speed, and the pattern is tried from
    there (`FirstClass`)."""
    import re._constants as sre
    import re._parser as parser

    tree = parser.parse(src, flags)
    if tree.state.flags & re.IGNORECASE:
        return None
    categories = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
    parts: list[str] = []

    def char(c: int) -> str:
        return re.escape(chr(c))

    def first(items: Sequence) -> bool | None:
        """Add the first characters of the sequence ``items`` to ``parts``; True when the sequence
        can match "", None when unsure."""
        for op, av in items:
            if op is sre.LITERAL:
                parts.append(char(av))
                return False
            if op is sre.IN:
                for kind, v in av:
                    if kind is sre.LITERAL:
                        parts.append(char(v))
                    elif kind is sre.RANGE:
                        parts.append(f"{char(v[0])}-{char(v[1])}")
                    elif kind is sre.CATEGORY and v in categories:
                        parts.append(categories[v])
                    else:
                        return None  # a negated class, or a category without a class form
                return False
            if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                continue  # zero width: the next item supplies the first character
            if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
                sub = av[3] if op is sre.SUBPATTERN else av
                if op is sre.SUBPATTERN and av[1] & re.IGNORECASE:
                    return None
                empty = first(sub)
            elif op is sre.BRANCH:
                results = [first(b) for b in av[1]]
                empty = None if None in results else any(results)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                empty = first(av[2])
                if empty is not None and av[0] == 0:
                    empty = True
            else:
                return None
            if empty is None:
                return None
            if not empty:
                return False
        return True

    if first(tree) is not False or not parts:
        return None
    return re.compile("[" + "".join(parts) + "]")


class FirstClass:
    """``pattern.search(s)``, answered by trying the pattern only from the first character that can
    start a match (`first_class`): the same match (lookbehinds still see the text before that point)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.first = first_class(pattern.pattern, pattern.flags)

    def search(self, s: str) -> re.Match | None:
        if self.first is None:
            return self.pattern.search(s)
        m = self.first.search(s)
        return None if m is None else self.pattern.search(s, m.start())


# the scanner of regex sources, for the rule loaders that rewrite sources too (quantities.variants)
scan = _scan
