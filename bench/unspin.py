"""Cost of the spun-copy stage (duban.ingest.unspin) on 1 MB of ordinary and of spun text.

Ordinary text pays one literal scan for spinner signatures (`is_spun`); a spun text also pays the
context-checked reverse map (`unspin_edits`). Rates are characters per CPU-second.

    .venv/bin/python bench/unspin.py [--mb 1]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import ROOT, SHARED  # noqa: E402

from duban.document import Document  # noqa: E402
from duban.ingest.normalize import normalize  # noqa: E402
from duban.ingest.unspin import is_spun, unspin_edits  # noqa: E402


def _ordinary() -> str:
    texts = []
    for folder in (SHARED / "corpus" / "dev", ROOT / "tests" / "data" / "checkset"):
        for p in sorted(folder.glob("*.json")):
            d = json.loads(p.read_text("utf-8"))
            if "spun" not in d.get("forms", []):
                texts.append(d["text"])
    return "\n".join(texts)


def _spun() -> str:
    folder = ROOT / "tests" / "ingest" / "data" / "spun"
    return "\n".join(p.read_text("utf-8") for p in sorted(folder.glob("*.spun.txt")))


def _rate(fn, text: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t)
    return len(text) / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    n = int(ap.parse_args().mb * 1e6 / 3)  # ~3 UTF-8 bytes a character
    ordinary = (_ordinary() * 1000)[:n]
    spun = (_spun() * 1000)[:n]
    assert not is_spun(ordinary) and is_spun(spun)
    print(f"{len(ordinary)} characters each")
    print(f"is_spun, ordinary text:       {_rate(is_spun, ordinary) / 1e6:8.1f} M chars/CPU-s")
    print(f"normalize, ordinary text:     {_rate(lambda t: normalize(Document(original=t)), ordinary, 2) / 1e6:8.1f} M")
    print(f"is_spun, spun text:           {_rate(is_spun, spun) / 1e6:8.1f} M (stops at the third signature)")
    print(f"unspin_edits, spun text:      {_rate(unspin_edits, spun) / 1e6:8.1f} M")


if __name__ == "__main__":
    main()
