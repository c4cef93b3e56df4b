"""`duban batch --engine dask` on a LocalCluster: same rows as the library and as the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from duban.batch import run
from duban.cli import main

from .corpus import build, expected_rows, keys, read_rows

pytest.importorskip("distributed")


def _strip(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in ("shard", "position")} for r in rows]


@pytest.mark.slow
def test_dask_local_cluster_matches_library_and_local_engine(tmp_path: Path) -> None:
    corpus = build(tmp_path / "in")
    out = tmp_path / "dask"
    # two worker processes on a LocalCluster started by the command itself
    rc = main(["batch", *corpus["inputs"], "--out", str(out), "--engine", "dask", "--workers", "2",
               "--shard-size", "2", "--no-progress"])
    assert rc == 1  # the corpus has bad records on purpose
    docs = read_rows(out, "documents")
    assert len(docs) == corpus["n_docs"]
    urls = {d["doc_id"]: d["url"] for d in docs}
    assert read_rows(out, "items") == expected_rows(corpus["docs"], urls, keys(out))
    assert {d["doc_id"] for d in docs if d["status"] == "ok"} >= set(corpus["docs"])

    # the same input on the local engine, other worker counts and shard sizes: the same rows
    for workers, shard_size in ((1, 5), (2, 1)):
        local = tmp_path / f"local-{workers}-{shard_size}"
        run(corpus["inputs"], local, engine="local", workers=workers, shard_size=shard_size, progress=False)
        assert read_rows(local, "items") == read_rows(out, "items")
        assert _strip(read_rows(local, "documents")) == _strip(docs)


@pytest.mark.slow
def test_dask_joins_an_existing_scheduler(tmp_path: Path) -> None:
    from distributed import LocalCluster

    corpus = build(tmp_path / "in")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        rc = main(["batch", corpus["inputs"][1], "--out", str(tmp_path / "out"), "--engine", "dask",
                   "--scheduler", cluster.scheduler_address, "--no-progress"])
    assert rc == 1
    assert {d["doc_id"] for d in read_rows(tmp_path / "out", "documents")} >= {"j-1", "j-2", "j-4"}
