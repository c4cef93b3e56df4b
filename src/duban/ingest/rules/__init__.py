"""Rule data of the ingest stage, loaded once: boilerplate lines, spam, spacing repair."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


_TOKEN = re.compile(r"\\p\{Han\}|\\.|\[|\]")


def expand_han(pattern: str) -> str:
    """Replace ``\\p{Han}`` (which Python's re lacks) by the ideograph ranges, bare inside a class."""
    out: list[str] = []
    pos = 0
    in_class = False
    for m in _TOKEN.finditer(pattern):
        out.append(pattern[pos : m.start()])
        tok = m.group()
        if tok == r"\p{Han}":
            out.append(HAN if in_class else f"[{HAN}]")
        else:
            if tok == "[" and not in_class:
                in_class = True
            elif tok == "]" and in_class and pattern[m.start() - 1] != "[":
                in_class = False
            out.append(tok)
        pos = m.end()
    out.append(pattern[pos:])
    return "".join(out)


def compile_pattern(pattern: str, flags: str = "") -> re.Pattern[str]:
    """Compile a rule regex; ``\\p{Han}`` stands for a CJK ideograph."""
    return re.compile(expand_han(pattern), re.MULTILINE if "m" in flags else 0)


@cache
def load(name: str) -> dict:
    with open(HERE / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
