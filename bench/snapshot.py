"""Snapshot the extractor's outputs, and compare the current outputs with a snapshot.

Speed work must not change a single output. Take a snapshot before a change, compare after:

    .venv/bin/python bench/snapshot.py --write /tmp/extract-snapshot.json   # before
    .venv/bin/python bench/snapshot.py /tmp/extract-snapshot.json           # after: prints differences

Texts: the development corpus and seed copy in ../shared (when present), the check set in
tests/data/checkset, the bundled demo report, and (``--varied N``, default 60) report-sized documents
made by bench/throughput.py's generator (paragraphs shuffled, numbers scaled), which reach rule
combinations the real texts alone do not. Each text is read with `duban.read_text` and extracted
with `duban.extract`; the snapshot keeps every item, the sections, the report year and a hash of the
normalized text, so a difference caused by normalize (another stage) is told apart from one caused
by extraction. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import ROOT, SHARED, documents  # noqa: E402


def texts(varied: int) -> Iterator[tuple[str, str]]:
    """(name, text) of every text the snapshot covers, in a stable order."""
    for folder in (SHARED / "corpus" / "dev", ROOT / "tests" / "data" / "checkset"):
        for p in sorted(folder.glob("*.json")):
            yield f"{folder.name}/{p.name}", json.loads(p.read_text("utf-8"))["text"]
    for p in sorted((SHARED / "seed").glob("*.txt")):
        yield f"seed/{p.name}", p.read_text("utf-8")
    for p in sorted((ROOT / "src" / "duban" / "demo").glob("*.txt")):
        yield f"demo/{p.name}", p.read_text("utf-8")
    # a fixed seed and size: the same documents every run (see throughput.documents)
    for i, doc in enumerate(documents(10**12, seed=7)):
        if i >= varied:
            break
        yield f"varied/{i}", doc


def outputs(varied: int) -> dict[str, dict]:
    import duban

    out: dict[str, dict] = {}
    for name, text in texts(varied):
        doc = duban.read_text(text, name=name)
        ex = duban.extract(doc)
        out[name] = {
            "text_sha1": hashlib.sha1(doc.text.encode("utf-8")).hexdigest(),
            "year": ex.year,
            "sections": [[s.title, s.level, list(s.span), s.parent] for s in ex.sections],
            "items": [i.to_dict() for i in ex.items],
        }
    return out


def compare(old: dict[str, dict], new: dict[str, dict], limit: int) -> int:
    """Print the differences; return how many documents differ."""
    differing = 0
    for name in sorted(old.keys() | new.keys()):
        a, b = old.get(name), new.get(name)
        if a == b:
            continue
        differing += 1
        if a is None or b is None:
            print(f"{name}: only in the {'new outputs' if a is None else 'snapshot'}")
            continue
        note = " (normalized text changed: normalize, not extract)" if a["text_sha1"] != b["text_sha1"] else ""
        print(f"{name}:{note}")
        for key in ("year", "sections"):
            if a[key] != b[key]:
                print(f"  {key}: {a[key] if key == 'year' else len(a[key])} -> {b[key] if key == 'year' else len(b[key])}")
        old_items = [json.dumps(i, ensure_ascii=False, sort_keys=True) for i in a["items"]]
        new_items = [json.dumps(i, ensure_ascii=False, sort_keys=True) for i in b["items"]]
        gone = [i for i in old_items if i not in set(new_items)]
        came = [i for i in new_items if i not in set(old_items)]
        for i in gone[:limit]:
            print(f"  - {i}")
        for i in came[:limit]:
            print(f"  + {i}")
        if not gone and not came and old_items != new_items:
            print("  items reordered")
    return differing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("snapshot", type=Path, help="snapshot file (JSON)")
    ap.add_argument("--write", action="store_true", help="write the snapshot instead of comparing")
    ap.add_argument("--varied", type=int, default=60, help="generated report-sized documents to include")
    ap.add_argument("--limit", type=int, default=10, help="differing items shown per document")
    args = ap.parse_args()
    new = outputs(args.varied)
    if args.write:
        args.snapshot.write_text(json.dumps(new, ensure_ascii=False), "utf-8")
        print(f"{len(new)} documents, {sum(len(d['items']) for d in new.values())} items -> {args.snapshot}")
        return 0
    old = json.loads(args.snapshot.read_text("utf-8"))
    differing = compare(old, new, args.limit)
    total = sum(len(d["items"]) for d in new.values())
    print(f"{len(new)} documents, {total} items; {differing} differ from {args.snapshot}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
