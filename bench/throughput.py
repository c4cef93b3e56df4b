"""Throughput of the full pipeline (normalize + extract) on one core, with OpenCC t2s as reference.

    .venv/bin/python bench/throughput.py                     # >= 20 MB of report text, in memory
    .venv/bin/python bench/throughput.py --mb 5 --profile    # smaller, with a profile of the stages
    .venv/bin/python bench/throughput.py --stream-mb 200     # 200 MB JSONL, document by document, peak RSS
    .venv/bin/python bench/throughput.py --decode --mb 2     # encoding detection vs charset-normalizer
    .venv/bin/python bench/throughput.py --cold              # phrase caches emptied before each document
    .venv/bin/python bench/throughput.py --realistic         # also at the density of a whole report

The text is built from the report texts on this machine (the development corpus in ../shared when
it is there, the seed copy, the bundled demo report), varied so no two documents are the same:
paragraphs shuffled and repeated up to a typical report length (~20 000 characters), every number
scaled by a random factor, years shifted. Noise forms of the corpus (traditional script, pinyin
annotations, PDF spacing, spam) come along with their texts.

The corpus texts are excerpts chosen around targets, so those documents hold far more quantities
than whole reports (about 200 per 10 000 characters). ``--realistic`` runs, in the same process,
a second set built the same way from whole-report texts only (the seed copy, a news report of a
whole district report, and the bundled demo report): about 75 quantities per 10 000 characters,
the density of a whole work report, with its review prose, plan prose and page furniture.

Reported per stage: characters per CPU-second (process time, so other jobs on a shared machine
distort less than wall time would), for `duban.read_text` (ingest of text + normalize), `duban.extract`
on the normalized Document, the two together, and OpenCC t2s over the same documents in the same
run; and the pipeline's speed as a fraction of OpenCC's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUBAN_SHARED", ROOT.parent / "shared"))
DOC_CHARS = 20_000


def base_texts(realistic: bool = False) -> list[str]:
    """The texts documents are made from: every report text here, or (``realistic``) only the
    whole-report ones (the seed copy when present, else the demo report)."""
    from duban.demo import demo_text

    texts = [demo_text()]
    seed = SHARED / "seed"
    if realistic:
        whole = [p.read_text("utf-8") for p in sorted(seed.glob("*.txt"))] if seed.is_dir() else []
        return whole or texts
    dev = SHARED / "corpus" / "dev"
    if dev.is_dir():
        for p in sorted(dev.glob("*.json")):
            doc = json.loads(p.read_text("utf-8"))
            if doc.get("category") != "distractor":
                texts.append(doc["text"])
    if seed.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(seed.glob("*.txt"))]
    return texts


_NUM = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"20[0-2]\d(?=年)")


def vary(text: str, rng: random.Random) -> str:
    """A new report-sized document from ``text``: paragraphs shuffled and repeated, numbers moved."""
    paras = [p for p in text.split("\n") if p.strip()] or [text]
    out: list[str] = []
    n = 0
    while n < DOC_CHARS:
        p = rng.choice(paras)
        out.append(p)
        n += len(p) + 1
    body = "\n".join(out)
    shift = rng.randint(-5, 3)
    body = _YEAR.sub(lambda m: str(int(m.group()) + shift), body)
    factor = rng.uniform(0.5, 2.0)

    def num(m: re.Match[str]) -> str:
        s = m.group()
        if "." in s:
            return f"{float(s) * factor:.{len(s.split('.')[1])}f}"
        return str(max(1, round(int(s) * factor))) if len(s) < 4 else s  # keep years, codes

    return _NUM.sub(num, body)


def documents(total_bytes: int, seed: int = 1, realistic: bool = False) -> Iterator[str]:
    rng = random.Random(seed)
    texts = base_texts(realistic)
    made = 0
    while made < total_bytes:
        doc = vary(rng.choice(texts), rng)
        made += len(doc.encode("utf-8"))
        yield doc


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def phrase_caches() -> list:
    """duban's bounded lru caches (phrases, number tokens: they fill with what documents share;
    the unbounded ones hold compiled rules and converters, built once per process)."""
    import functools
    import gc

    return [f for f in gc.get_objects()
            if isinstance(f, functools._lru_cache_wrapper) and (f.__module__ or "").startswith("duban")
            and (f.cache_parameters()["maxsize"] or 0) > 1]


def in_memory(mb: float, profile: bool, cold: bool = False, realistic: bool = False) -> dict:
    import opencc

    import duban

    docs = list(documents(int(mb * 1024 * 1024), realistic=realistic))
    chars = sum(map(len, docs))
    duban.extract(duban.read_text(docs[0]))  # imports, rule loading, caches: not part of the rate
    cc = opencc.OpenCC("t2s")

    def timed(fn) -> float:
        t = time.process_time()
        fn()
        return time.process_time() - t

    norm_docs: list = []
    t_read = timed(lambda: norm_docs.extend(duban.read_text(d) for d in docs))
    found: list = []
    if cold:
        # the generated documents repeat the corpus's paragraphs far more than real reports repeat
        # each other: measure extraction as if every document were new to the caches
        caches = phrase_caches()
        t_extract = 0.0
        for d in norm_docs:
            for f in caches:
                f.cache_clear()
            t_extract += timed(lambda d=d: found.append(duban.extract(d).items))
    else:
        t_extract = timed(lambda: found.extend(duban.extract(d).items for d in norm_docs))
    t_opencc = timed(lambda: [cc.convert(d) for d in docs])
    items = sum(map(len, found))
    tasks = sum(1 for its in found for i in its if i.kind == "task")
    result = {
        "density": "whole reports" if realistic else "dense excerpts",
        "documents": len(docs),
        "chars": chars,
        "mb_utf8": round(sum(len(d.encode()) for d in docs) / 1024 / 1024, 1),
        "read_text_chars_per_s": chars / t_read,
        "extract_chars_per_s": chars / t_extract,
        "pipeline_chars_per_s": chars / (t_read + t_extract),
        "opencc_t2s_chars_per_s": chars / t_opencc,
        "pipeline_over_opencc": (t_opencc / (t_read + t_extract)),
        "items_per_doc": items / len(docs),
        "items_per_10k_chars": items / chars * 10_000,
        "quantities_per_10k_chars": (items - tasks) / chars * 10_000,
        "tasks_per_10k_chars": tasks / chars * 10_000,
        "peak_rss_mb": peak_rss_mb(),
    }
    if profile:
        import cProfile
        import pstats

        sample = docs[: max(1, len(docs) // 10)]
        prof = cProfile.Profile()
        prof.enable()
        for d in sample:
            duban.extract(duban.read_text(d))
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    return result


def decoding(mb: float) -> dict:
    """duban's encoding detection against charset-normalizer on the same bytes, per encoding."""
    from charset_normalizer import from_bytes

    from duban.ingest.decode import decode

    docs = list(documents(int(mb * 1024 * 1024), seed=3))
    out: dict = {}
    for enc in ("utf-8", "utf-16", "gb18030", "big5"):
        blobs = []
        for d in docs:
            try:
                blobs.append(d.encode(enc))
            except UnicodeEncodeError:
                blobs.append(d.encode(enc, errors="ignore"))  # pinyin tone marks have no Big5 code
        size = sum(map(len, blobs)) / 1024 / 1024
        t = time.process_time()
        found = [decode(b, "bench")[1] for b in blobs]
        ours = time.process_time() - t
        sample = blobs[: max(1, len(blobs) // 10)]
        t = time.process_time()
        theirs_found = [(from_bytes(b).best() or type("N", (), {"encoding": None})).encoding for b in sample]
        theirs = time.process_time() - t
        out[enc] = {
            "duban_mb_per_s": round(size / ours, 1),
            "duban_detected": sorted(set(found)),
            "charset_normalizer_mb_per_s": round(size / 10 / theirs, 2) if theirs else None,
            "charset_normalizer_detected": sorted({str(e) for e in theirs_found}),
        }
    return out


def streaming(mb: float, keep: Path | None) -> dict:
    """Write ``mb`` MB of JSONL (streamed), then read it back document by document."""
    import duban

    path = keep or Path(tempfile.mkdtemp(prefix="duban-throughput-")) / "docs.jsonl"
    target = int(mb * 1024 * 1024)
    if not path.exists() or path.stat().st_size < target:
        with path.open("w", encoding="utf-8") as fh:
            for i, doc in enumerate(documents(target, seed=2)):
                fh.write(json.dumps({"id": i, "text": doc}, ensure_ascii=False) + "\n")
    size = path.stat().st_size
    rss_start = peak_rss_mb()
    checkpoints: dict[str, float] = {}
    done = chars = n_docs = n_items = 0
    t = time.process_time()
    wall = time.perf_counter()
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            n_items += len(duban.extract(duban.read_text(text)).items)
            chars += len(text)
            n_docs += 1
            done += len(line.encode("utf-8"))
            for q in (25, 50, 75, 100):
                if f"{q}%" not in checkpoints and done >= size * q / 100 - 1:
                    checkpoints[f"{q}%"] = round(peak_rss_mb(), 1)
    cpu = time.process_time() - t
    if keep is None:
        path.unlink()
        path.parent.rmdir()
    return {
        "input_mb": round(size / 1024 / 1024, 1),
        "documents": n_docs,
        "chars": chars,
        "items": n_items,
        "pipeline_chars_per_cpu_s": chars / cpu,
        "wall_s": round(time.perf_counter() - wall, 1),
        "peak_rss_mb_before": round(rss_start, 1),
        "peak_rss_mb_at": checkpoints,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20, help="MB (UTF-8) of report text for the in-memory run")
    ap.add_argument("--stream-mb", type=float, help="instead: stream a JSONL input of this many MB")
    ap.add_argument("--keep", type=Path, help="streaming: keep/reuse the generated JSONL at this path")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of 10%% of the documents")
    ap.add_argument("--cold", action="store_true", help="empty duban's phrase caches before each document")
    ap.add_argument("--decode", action="store_true", help="instead: encoding detection speed vs charset-normalizer")
    ap.add_argument("--realistic", action="store_true",
                    help="also run documents at the density of whole reports (same size, same run)")
    args = ap.parse_args()
    print(f"machine: {machine()}", file=sys.stderr)
    if args.decode:
        result = decoding(min(args.mb, 5))
    elif args.stream_mb:
        result = streaming(args.stream_mb, args.keep)
    else:
        runs = [in_memory(args.mb, args.profile, args.cold)]
        if args.realistic:
            runs.append(in_memory(args.mb, args.profile, args.cold, realistic=True))
        for result in runs:
            print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
                             ensure_ascii=False, indent=1))
        return 0
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
