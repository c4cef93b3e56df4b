"""Run shards on an engine, keep the manifest, show progress.

OUT holds the result of one list of inputs:
  OUT/items/part-<shard>.parquet, OUT/documents/part-<shard>.parquet   (read OUT/items as a dataset)
  OUT/sections/part-<shard>.parquet   the headings extraction found (for `duban load`)
  every table has doc_key, one document's key: join the tables on it (doc_id may repeat across inputs)
  OUT/_manifest.jsonl   one line per finished shard (its counts); a rerun skips those shards
  OUT/_batch.json       the options the result was made with (and the layout's FORMAT); a rerun with
                        other options, or into a result of an older layout, is refused
Parts of shards that are no longer planned (an input changed) are removed when the run starts.

Engines: ``local`` runs shards in a ProcessPoolExecutor (``workers`` processes; 0 runs them in this
process, for debugging); ``dask`` submits them to a dask.distributed cluster (``scheduler`` joins an
existing one, otherwise a LocalCluster with ``workers`` single-threaded processes is started). The
rows do not depend on the engine: each shard's rows come from the same function on the same input.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path

from duban.batch.process import DEFAULT_DOC_TIMEOUT, DEFAULT_MAX_DOC_CHARS, Options, run_shard
from duban.batch.sources import Shard, plan

MANIFEST = "_manifest.jsonl"
SETTINGS = "_batch.json"
# the layout of the tables: 2 added doc_key (results without a "format" are 1, and cannot be resumed:
# their parts lack the column a dataset read and `duban load` join on)
FORMAT = 2


class BatchError(Exception):
    """The run cannot start (OUT made with other options, unknown engine ...): one line for the user."""


@dataclass
class Summary:
    shards: int = 0
    shards_done_before: int = 0
    docs: int = 0
    items: int = 0
    errors: int = 0
    skipped: int = 0
    chars: int = 0
    results: list[dict] = field(default_factory=list)  # this run's shard results

    @property
    def ok(self) -> bool:
        return self.errors == 0


def _read_manifest(out: Path) -> dict[str, dict]:
    done: dict[str, dict] = {}
    path = out / MANIFEST
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            try:
                rec = json.loads(line)
                done[rec["shard"]] = rec
            except (ValueError, KeyError):
                continue  # a line cut by a crash: that shard simply runs again
    return done


def _check_settings(out: Path, opts: Options, shard_size: int) -> None:
    # what decides the rows; --doc-timeout is left out (like --workers it depends on the machine, and a
    # rerun with a longer one is how a slow machine resumes)
    settings = {"min_relevance": opts.min_relevance, "max_bytes": opts.max_bytes, "shard_size": shard_size,
                "max_doc_chars": opts.max_doc_chars, "format": FORMAT}
    path = out / SETTINGS
    if path.exists():
        old = json.loads(path.read_text("utf-8"))
        if old.get("format", 1) != FORMAT:
            if old.get("format", 1) < FORMAT and not _has_results(out):
                path.write_text(json.dumps(settings), "utf-8")  # nothing written yet: just take it over
                return
            raise BatchError(f"{out} was made by another version of duban batch (table layout "
                             f"{old.get('format', 1)}, now {FORMAT}: every table has doc_key); "
                             "use another --out or remove it")
        # made before the limit existed: resumable with the default (only a document over it differs)
        old.setdefault("max_doc_chars", DEFAULT_MAX_DOC_CHARS)
        if old != settings:
            raise BatchError(
                f"{out} was made with other options ({old}); use another --out or remove it"
            )
    else:
        out.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings), "utf-8")


def _has_results(out: Path) -> bool:
    return bool(_read_manifest(out)) or any(
        (out / sub).is_dir() and any((out / sub).glob("part-*.parquet")) for sub in ("items", "documents", "sections"))


def _prune(out: Path, keep: set[str], done: dict[str, dict]) -> dict[str, dict]:
    """Drop parts and manifest lines of shards not in the current plan."""
    for sub in ("items", "documents", "sections"):
        folder = out / sub
        if folder.is_dir():
            for f in folder.iterdir():
                key = f.name.removeprefix(".").removeprefix("part-").split(".")[0]
                if key not in keep or f.name.startswith("."):
                    f.unlink()
    kept = {k: v for k, v in done.items() if k in keep}
    if len(kept) != len(done):
        with open(out / MANIFEST, "w", encoding="utf-8") as f:
            for rec in kept.values():
                f.write(json.dumps(rec) + "\n")
    return kept


def run(inputs: list[str], out: str | os.PathLike, *, engine: str = "local", workers: int = 2,
        scheduler: str | None = None, min_relevance: float = 0.0, shard_size: int = 100,
        max_bytes: int | None = None, progress: bool = True, dask_processes: bool = True,
        doc_timeout: float = DEFAULT_DOC_TIMEOUT, max_doc_chars: int = DEFAULT_MAX_DOC_CHARS) -> Summary:
    """Extract every document of ``inputs`` into the Parquet dataset ``out``.

    A document taking longer than ``doc_timeout`` seconds or longer than ``max_doc_chars``
    characters becomes an error row (0 turns either limit off).
    """
    if shard_size < 1:
        raise BatchError("--shard-size must be at least 1")
    if doc_timeout < 0 or max_doc_chars < 0:
        raise BatchError("--doc-timeout and --max-doc-chars must be 0 (no limit) or more")
    opts = Options(min_relevance=min_relevance, doc_timeout=doc_timeout, max_doc_chars=max_doc_chars,
                   **({"max_bytes": max_bytes} if max_bytes else {}))
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchError(f"{out_dir} exists and is not a directory")
    _check_settings(out_dir, opts, shard_size)

    shards = list(plan(inputs, shard_size, exclude=out_dir))  # descriptors only: small
    keys = {s.key for s in shards}
    done = _prune(out_dir, keys, _read_manifest(out_dir))
    todo = [s for s in shards if s.key not in done]

    summary = Summary(shards=len(shards), shards_done_before=len(done))
    for rec in done.values():
        _add(summary, rec)
    total_docs = sum(s.count for s in shards)

    bar = _bar(total_docs, summary.docs, progress)
    with open(out_dir / MANIFEST, "a", encoding="utf-8") as manifest:
        def finished(res: dict) -> None:
            manifest.write(json.dumps(res) + "\n")
            manifest.flush()
            _add(summary, res)
            summary.results.append(res)
            if bar is not None:
                bar.update(res["docs"])
                bar.set_postfix(items=summary.items, errors=summary.errors, refresh=False)

        failed: list[str] = []
        try:
            for res in _engine(engine)(todo, str(out_dir), opts, workers, scheduler, dask_processes):
                if isinstance(res, BaseException):  # a worker died or a shard could not be written
                    failed.append(f"{type(res).__name__}: {res}")
                else:
                    finished(res)
        finally:
            if bar is not None:
                bar.close()
    if failed:
        raise BatchError(f"{len(failed)} shards failed ({failed[0]}); the finished ones are kept, "
                         "rerun the same command to resume")
    return summary


def _add(summary: Summary, rec: dict) -> None:
    summary.docs += rec.get("docs", 0)
    summary.items += rec.get("items", 0)
    summary.errors += rec.get("errors", 0)
    summary.skipped += rec.get("skipped", 0)
    summary.chars += rec.get("chars", 0)


def _bar(total: int, initial: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    # not a terminal (a cluster job's log file): a line every 30 s, not a redrawn bar twice a second
    tty = sys.stderr.isatty()
    return tqdm(total=total, initial=initial, unit="doc", file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1, mininterval=0.5 if tty else 30, desc="duban batch")


# --- engines: each yields shard results as they finish -----------------------------------------------

# an engine yields each shard's result dict, or the exception that shard ended with
Engine = Callable[[list[Shard], str, Options, int, "str | None", bool], Iterator["dict | BaseException"]]


def _local(todo: list[Shard], out: str, opts: Options, workers: int, scheduler: str | None,
           processes: bool) -> Iterator[dict | BaseException]:
    if workers <= 0:
        for shard in todo:
            try:
                yield run_shard(shard, out, opts)
            except Exception as e:
                yield e
        return
    # a bounded number of shards in flight keeps the driver's memory flat on huge plans
    # forkserver (Python 3.14's default): forking the driver, which runs threads (the progress bar's
    # monitor, dask's), can deadlock a child on a lock held at the fork
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                      else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending: set[Future] = set()
        it = iter(todo)
        for shard in _take(it, 2 * workers):
            pending.add(pool.submit(run_shard, shard, out, opts))
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in finished:
                err = f.exception()
                yield err if err is not None else f.result()
                if isinstance(err, BrokenProcessPool):
                    continue  # the pool is gone: nothing more can be submitted
                for shard in _take(it, 1):
                    pending.add(pool.submit(run_shard, shard, out, opts))


def _take(it: Iterator[Shard], n: int) -> Iterable[Shard]:
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return


def _dask(todo: list[Shard], out: str, opts: Options, workers: int, scheduler: str | None,
          processes: bool) -> Iterator[dict | BaseException]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=processes,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_shard, s, out, opts, key=f"duban-shard-{s.key}", pure=False)
                   for s in todo]
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as e:  # one shard's failure does not stop the others
                yield e
            fut.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


_ENGINES = {"local": _local, "dask": _dask}


def _engine(name: str) -> Engine:
    try:
        return _ENGINES[name]
    except KeyError:
        raise BatchError(f"unknown engine {name!r} (local or dask)") from None


def summary_dict(s: Summary) -> dict:
    d = asdict(s)
    d.pop("results")
    return d
