"""Per-document limits: a slow or over-long document becomes an error row and the run goes on.

The slow document is genuinely large (hundreds of thousands of characters of report text, well over
a second of extraction on any machine) under a tiny --doc-timeout, in each kind of thread that runs
documents: the driver's main thread (--workers 0), a process pool worker, a dask worker thread.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from duban.batch import run
from duban.batch.limits import DocTimeout, deadline
from duban.batch.process import Options, process_doc
from duban.batch.sources import Doc
from duban.cli import main
from duban.demo import demo_text

from .corpus import TEXTS, read_rows

# ~2.4 M characters of a report: seconds to extract, far over 0.05 s. Large because in a dask worker
# thread the watchdog must get the GIL to fire, which a busy machine's threads can delay for a while
# (with 480 k characters the document sometimes finished first: 1 run in 10-20)
BIG = "\n".join([demo_text()] * 2000)
TIMEOUT = 0.05


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    recs = [{"id": "small-1", "text": TEXTS[0]}, {"id": "big", "text": BIG},
            {"id": "big-html", "html": f"<html><body><p>{BIG}</p></body></html>"}, {"id": "small-2", "text": TEXTS[1]}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", "utf-8")
    return path


def _check(out: Path, reason: str) -> None:
    docs = {d["doc_id"]: d for d in read_rows(out, "documents")}
    assert [docs[k]["status"] for k in ("small-1", "big", "big-html", "small-2")] == ["ok", "error", "error", "ok"]
    for k in ("big", "big-html"):
        assert docs[k]["error"].startswith(reason), docs[k]
        assert docs[k]["n_items"] == 0 and docs[k]["original"] is None
    assert docs["small-2"]["n_items"] > 0
    assert not [i for i in read_rows(out, "items") if i["doc_id"].startswith("big")]


def test_slow_document_times_out_in_the_main_thread(tmp_path: Path, capsys) -> None:
    t0 = time.perf_counter()
    rc = main(["batch", str(_corpus(tmp_path)), "--out", str(tmp_path / "out"), "--workers", "0",
               "--doc-timeout", str(TIMEOUT), "--no-progress"])
    assert rc == 1
    assert "timed out after 0.05 s" in capsys.readouterr().err
    _check(tmp_path / "out", "timed out after 0.05 s")
    assert time.perf_counter() - t0 < 5  # the big documents were cut short, not run to the end


def test_slow_document_times_out_in_a_process_pool_worker(tmp_path: Path) -> None:
    s = run([str(_corpus(tmp_path))], tmp_path / "out", workers=1, doc_timeout=TIMEOUT, progress=False)
    assert s.errors == 2
    _check(tmp_path / "out", "timed out after 0.05 s")


@pytest.mark.slow
def test_slow_document_times_out_in_a_dask_worker_thread(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    s = run([str(_corpus(tmp_path))], tmp_path / "out", engine="dask", workers=1, doc_timeout=TIMEOUT,
            progress=False, dask_processes=False)  # tasks run in the worker's thread pool
    assert s.errors == 2
    _check(tmp_path / "out", "timed out after 0.05 s")


def test_over_long_document_is_refused_before_processing(tmp_path: Path) -> None:
    s = run([str(_corpus(tmp_path))], tmp_path / "out", workers=0, max_doc_chars=100_000, progress=False)
    assert s.errors == 2
    _check(tmp_path / "out", "too long: ")
    docs = {d["doc_id"]: d for d in read_rows(tmp_path / "out", "documents")}
    assert docs["big"]["chars"] == len(BIG)
    assert "over the limit of 100000" in docs["big"]["error"]


def test_limits_off(tmp_path: Path) -> None:
    doc = Doc("d", "s", name="d", text=TEXTS[0] * 3)
    row, items, _ = process_doc(doc, Options(doc_timeout=0, max_doc_chars=0))
    assert row["status"] == "ok" and items
    row, _, _ = process_doc(doc, Options(max_doc_chars=len(doc.text) - 1))
    assert row["status"] == "error" and row["error"].startswith("too long")


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize("in_thread", [False, True])
def test_deadline_fires_once_and_leaves_nothing_behind(in_thread: bool) -> None:
    """A deadline raises at its own block only: never after the block has ended."""
    got: list[str] = []

    def work() -> None:
        try:
            with deadline(0.02):
                _spin(2)
            got.append("not stopped")
        except DocTimeout:
            got.append("stopped")
        for _ in range(50):  # blocks ending right about their deadline: stopped or not, never later
            try:
                with deadline(0.002):
                    _spin(0.0019)
            except DocTimeout:
                pass
        _spin(0.05)  # a stray late exception would hit here
        got.append("clean")

    if in_thread:
        th = threading.Thread(target=work)
        th.start()
        th.join()
    else:
        work()
    assert got == ["stopped", "clean"]
