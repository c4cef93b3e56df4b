"""Batch throughput with 1 and 2 workers on a generated corpus; scaling efficiency; peak RSS per worker.

    .venv/bin/python bench/batch.py --size-mb 200            # generates into a temp dir, then runs
    .venv/bin/python bench/batch.py --size-mb 20 --workers 1 2 --keep /tmp/duban-corpus
    .venv/bin/python bench/batch.py --prefilter --size-mb 10   # --min-relevance on a crawl-like corpus

The corpus is generated from texts on this machine (the development corpus in ../shared when it is
there, the bundled demo report, and the ordinary pages of the tests), varied: paragraphs shuffled and
repeated, every number scaled by a random factor, years shifted, one page in four wrapped as HTML.
It is written as JSONL files of about 64 MB, streamed (never held in memory), and never committed.

Peak RSS per worker is the ru_maxrss each worker process reports after each shard; "at 25%" is the
highest value seen once a quarter of the shards were done, so "at 25%" ~ "at 100%" means memory does
not grow with the corpus. Efficiency = rate(2 workers) / (2 x rate(1 worker)) in wall-clock time;
on a machine shared with other jobs that number mostly measures the other jobs, so the workers' CPU
seconds are reported too: CPU efficiency = (documents per CPU second, 2 workers) / (the same, 1 worker).
To measure a consistent version while others edit the tree, run it from a snapshot of a commit:
    git archive HEAD src bench tests | tar -x -C /tmp/snap
    cd /tmp/snap && PYTHONPATH=/tmp/snap/src DUBAN_SHARED=/work/shared python bench/batch.py --size-mb 200
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUBAN_SHARED", ROOT.parent / "shared"))


def base_texts() -> tuple[list[str], list[str]]:
    """Report-like texts and ordinary pages to build the corpus from."""
    from duban.demo import demo_text

    reports = [demo_text()]
    dev = SHARED / "corpus" / "dev"
    if dev.is_dir():
        for p in sorted(dev.glob("*.json")):
            doc = json.loads(p.read_text("utf-8"))
            if doc.get("category") != "distractor":
                reports.append(doc["text"])
    pages = tomllib.loads((ROOT / "tests" / "batch" / "data" / "ordinary-pages.toml").read_text("utf-8"))
    ordinary = [p["text"] for p in pages["page"]]
    return reports, ordinary


_NUM = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"20[0-2]\d(?=年)")


def vary(text: str, rng: random.Random, target_chars: int) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    out: list[str] = []
    n = 0
    while n < target_chars:
        p = rng.choice(paras)
        shift = rng.randint(-5, 3)
        p = _YEAR.sub(lambda m, d=shift: str(int(m.group()) + d), p)
        p = _NUM.sub(lambda m: _scale(m.group(), rng), p)
        out.append(p)
        n += len(p) + 1
    return "\n".join(out)


def _scale(num: str, rng: random.Random) -> str:
    if len(num) == 4 and num.startswith("20"):
        return num  # a year: keep
    v = float(num) * rng.uniform(0.5, 2.0)
    return f"{v:.1f}" if "." in num else str(max(int(v), 1))


def generate(folder: Path, size_mb: float, seed: int = 7, file_mb: int = 64,
             relevant_share: float = 0.6) -> tuple[list[str], int, int]:
    """Write JSONL files totalling ``size_mb``; returns (paths, documents, characters)."""
    reports, ordinary = base_texts()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths, total, docs, chars = [], 0, 0, 0
    limit = int(size_mb * 1024 * 1024)
    f = None
    while total < limit:
        if f is None or f.tell() >= file_mb * 1024 * 1024:
            if f:
                f.close()
            paths.append(str(folder / f"corpus-{len(paths):03d}.jsonl"))
            f = open(paths[-1], "w", encoding="utf-8")
        relevant = rng.random() < relevant_share
        text = vary(rng.choice(reports), rng, rng.randint(3000, 30000)) if relevant else \
            vary(rng.choice(ordinary), rng, rng.randint(500, 4000))
        rec = {"id": f"g{docs:07d}", "url": f"http://bench.example/{docs}"}
        if rng.random() < 0.25:
            rec["html"] = "<html><body><div class='nav'>首页 | 新闻</div><article><p>" + \
                text.replace("\n", "</p><p>") + "</p></article></body></html>"
        else:
            rec["text"] = text
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        f.write(line)
        total += len(line.encode("utf-8"))
        docs += 1
        chars += len(text)
    if f:
        f.close()
    return paths, docs, chars


def run_once(inputs: list[str], workers: int, shard_size: int, out: Path, **options) -> dict:
    from duban.batch import run

    shutil.rmtree(out, ignore_errors=True)
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    s = run(inputs, out, engine="local", workers=workers, shard_size=shard_size, progress=True, **options)
    wall = time.perf_counter() - t0
    cpu = sum(r["cpu_seconds"] for r in s.results)
    results = s.results
    n = len(results)
    peak_by_pid: dict[int, float] = {}
    peak_quarter: dict[int, float] = {}
    for i, r in enumerate(results):  # in order of completion
        peak_by_pid[r["pid"]] = max(peak_by_pid.get(r["pid"], 0), r["maxrss_mb"])
        if i < max(n // 4, 1):
            peak_quarter[r["pid"]] = max(peak_quarter.get(r["pid"], 0), r["maxrss_mb"])
    size = sum(os.path.getsize(p) for p in inputs)
    return {
        "workers": workers, **options, "docs": s.docs, "items": s.items, "errors": s.errors,
        "skipped": s.skipped, "chars": s.chars,
        "seconds": round(wall, 1), "docs_per_s": round(s.docs / wall, 1),
        "mb_per_s": round(size / wall / 1e6, 3), "chars_per_s": round(s.chars / wall),
        "peak_rss_mb_per_worker": sorted(round(v) for v in peak_by_pid.values()),
        "peak_rss_mb_at_25pct": sorted(round(v) for v in peak_quarter.values()),
        "driver_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        # CPU seconds the workers spent on shards: throughput per CPU second is what contention
        # from other jobs on the machine does not distort
        "worker_cpu_s": round(cpu, 1), "docs_per_cpu_s": round(s.docs / cpu, 2) if cpu else None,
        "chars_per_cpu_s": round(s.chars / cpu) if cpu else None,
        "load_avg_1min": [round(load0, 2), round(os.getloadavg()[0], 2)],  # at start and end
    }


def relevance_report() -> dict:
    """Precision/recall of the relevance score on the labelled sample, and its speed."""
    from duban import relevance
    from duban.regions import simplify

    dev = SHARED / "corpus" / "dev"
    pos, neg = [], []
    for p in sorted(dev.glob("*.json")):
        doc = json.loads(p.read_text("utf-8"))
        (neg if doc["category"] == "distractor" else pos).append(doc["text"])
    _, ordinary = base_texts()
    neg += ordinary
    rows = {str(t): relevance.precision_recall(pos, neg, t) for t in (0.3, 0.5, 0.7)}
    text = "\n".join(pos + neg) * 20
    t0 = time.perf_counter()
    for i in range(0, len(text), 20000):
        relevance.score(simplify(text[i:i + 20000]), simplified=True)
    speed = len(text) / (time.perf_counter() - t0)
    return {"by_threshold": rows, "chars_per_s_with_t2s": round(speed)}


def prefilter_report(folder: Path, size_mb: float, shard_size: int) -> dict:
    """A crawl-like corpus (90 % ordinary pages) with and without --min-relevance 0.5, one worker;
    and the cost of the per-document time limit (--doc-timeout 60 against 0)."""
    inputs, docs, chars = generate(folder / "crawl", size_mb, seed=11, relevant_share=0.1)
    runs = [run_once(inputs, 1, shard_size, folder / f"out-{i}", **o) for i, o in enumerate([
        {"min_relevance": 0.0, "doc_timeout": 0}, {"min_relevance": 0.5, "doc_timeout": 0},
        {"min_relevance": 0.5, "doc_timeout": 60}])]
    return {
        "corpus": {"docs": docs, "chars": chars, "relevant_share": 0.1,
                   "mb": round(sum(os.path.getsize(p) for p in inputs) / 1e6, 1)},
        "runs": runs,
        "speedup_cpu_min_relevance_0.5": round(runs[1]["docs_per_cpu_s"] / runs[0]["docs_per_cpu_s"], 2),
        "doc_timeout_cpu_overhead": round(runs[1]["docs_per_cpu_s"] / runs[2]["docs_per_cpu_s"] - 1, 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--relevance", action="store_true",
                    help="only measure the relevance score (precision/recall on the labelled sample, speed)")
    ap.add_argument("--prefilter", action="store_true",
                    help="only measure --min-relevance on a crawl-like corpus (90%% ordinary pages) and the "
                         "cost of --doc-timeout (1 worker)")
    ap.add_argument("--size-mb", type=float, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--shard-size", type=int, default=100)
    ap.add_argument("--keep", metavar="DIR", help="generate into (or reuse) DIR and keep it")
    ap.add_argument("--json", metavar="FILE", help="also write the results here")
    args = ap.parse_args()
    if args.relevance:
        print(json.dumps(relevance_report(), indent=1))
        return 0
    if args.prefilter:
        tmp = Path(tempfile.mkdtemp(prefix="duban-bench-"))
        try:
            report = prefilter_report(tmp, args.size_mb, args.shard_size)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        report["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="duban-bench-"))
    try:
        existing = sorted(str(p) for p in (tmp / "corpus").glob("corpus-*.jsonl"))
        if existing and args.keep:
            inputs = existing
            print(f"reusing {len(inputs)} files in {tmp / 'corpus'}", file=sys.stderr)
        else:
            t0 = time.perf_counter()
            inputs, docs, chars = generate(tmp / "corpus", args.size_mb)
            print(f"generated {docs} documents, {chars} characters, "
                  f"{sum(os.path.getsize(p) for p in inputs) / 1e6:.0f} MB in {time.perf_counter() - t0:.0f} s",
                  file=sys.stderr)
        input_mb = round(sum(os.path.getsize(p) for p in inputs) / 1e6, 1)
        runs = [run_once(inputs, w, args.shard_size, tmp / f"out-{w}") for w in args.workers]
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    by_w = {r["workers"]: r for r in runs}
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                   f"{platform.platform()}",
        "input_mb": input_mb,
        "runs": runs,
    }
    if 1 in by_w and 2 in by_w:
        report["efficiency_2_workers"] = round(by_w[2]["docs_per_s"] / (2 * by_w[1]["docs_per_s"]), 3)
        if by_w[1]["docs_per_cpu_s"] and by_w[2]["docs_per_cpu_s"]:
            # parallel overhead alone: 1.0 means two workers spend no more CPU per document than one
            report["cpu_efficiency_2_workers"] = round(by_w[2]["docs_per_cpu_s"] / by_w[1]["docs_per_cpu_s"], 3)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
