"""Units of quantities: split a unit as written into a scale factor and a base unit.

Verdicts and links compare values only when the base units agree after scaling, so that
400亿元 and 4万亿元 are compared and 5% is never compared with 5个百分点 or 5亿元.
"""

from __future__ import annotations

from dataclasses import dataclass

# Scale words, longest first so that 万亿 wins over 万 and 亿. 千/百 alone are not scales here:
# 千米, 千克, 百分点 are units of their own.
SCALES: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("万", 1e4),
)

# Spellings of the same base unit (after the scale word is removed).
ALIASES: dict[str, str] = {
    "％": "%",
    "个百分点": "百分点",
    "名": "人",
    "块": "元",
    "人民币": "元",
}

# Units that are a different scale of another base: 成 (三成 = 30%), 兆元 (Taiwan: 1e12 元).
SPECIAL: dict[str, tuple[float, str]] = {
    "成": (10.0, "%"),
    "兆元": (1e12, "元"),
    "兆美元": (1e12, "美元"),
}


@dataclass(frozen=True)
class Unit:
    """A unit as written, split into ``factor`` (multiply a value by it) and ``base``."""

    written: str
    factor: float
    base: str


def parse_unit(unit: str | None) -> Unit:
    """Split ``unit`` into scale and base: 万平方米 -> (1e4, 平方米); 个百分点 -> (1, 百分点)."""
    written = (unit or "").strip()
    text = ALIASES.get(written, written)
    if text in SPECIAL:
        factor, base = SPECIAL[text]
        return Unit(written, factor, base)
    for word, factor in SCALES:
        if text.startswith(word):
            rest = text[len(word):]
            return Unit(written, factor, ALIASES.get(rest, rest))
    return Unit(written, 1.0, text)


def comparable(a: str | None, b: str | None) -> bool:
    """True when values in units ``a`` and ``b`` can be compared after scaling."""
    return parse_unit(a).base == parse_unit(b).base


def to_unit(value: float, source: str | None, target: str | None) -> float:
    """``value`` in unit ``source`` expressed in unit ``target``; raises ValueError when not comparable."""
    s, t = parse_unit(source), parse_unit(target)
    if s.base != t.base:
        raise ValueError(f"units {s.written or '(none)'} and {t.written or '(none)'} differ")
    return value * s.factor / t.factor


def is_rate(unit: str | None) -> bool:
    """Percent-like units, where tolerances are stated in points rather than relative terms."""
    return parse_unit(unit).base in ("%", "百分点", "‰")
