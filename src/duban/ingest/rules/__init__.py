"""Rule data of the ingest stage, loaded once: boilerplate lines, spam, spacing repair."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def compile_pattern(pattern: str, flags: str = "") -> re.Pattern[str]:
    """Compile a rule regex; ``\\p{Han}`` stands for a CJK ideograph (Python's re lacks \\p)."""
    f = re.MULTILINE if "m" in flags else 0
    return re.compile(pattern.replace(r"\p{Han}", f"[{HAN}]"), f)


@cache
def load(name: str) -> dict:
    with open(HERE / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
