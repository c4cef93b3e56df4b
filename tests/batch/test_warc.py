"""WARC files cut anywhere: every shard plan reads the same records, and damage is one error row."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from duban.batch.sources import Bad, plan, read_shard

from .corpus import TEXTS, write_warc


@pytest.mark.parametrize("gz", [False, True])
def test_cut_anywhere(tmp_path: Path, gz: bool) -> None:
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    write_warc(whole, [(f"http://x.example/{i}", "text/plain", t.encode("utf-8")) for i, t in enumerate(TEXTS)], gz=gz)
    data = whole.read_bytes()
    with open(whole, "rb") as f:  # where the last response record ends (a request record follows it)
        it = ArchiveIterator(f)
        last_request = [it.get_record_offset() for _ in it][-1]
    for cut in range(0, len(data), max(len(data) // 40, 1)):
        path = tmp_path / f"cut{cut}{'.warc.gz' if gz else '.warc'}"
        path.write_bytes(data[:cut])
        ref = [(type(e).__name__, e.doc_id) for s in plan([str(path)], 1000) for e in read_shard(s)]
        for size in (1, 2):
            got = [(type(e).__name__, e.doc_id) for s in plan([str(path)], size) for e in read_shard(s)]
            assert got == ref, (cut, size)
        if 0 < cut < last_request:  # a document record is damaged or missing: it shows
            assert any(kind == "Bad" for kind, _ in ref) or len(ref) < len(TEXTS), cut
        if 0 < cut and not any(kind == "Bad" for kind, _ in ref):
            # nothing reported damaged: every document whose record is whole was read
            assert cut >= last_request or len(ref) < len(TEXTS)
        path.unlink()


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive\n" * 10)
    evs = [e for s in plan([str(path)], 10) for e in read_shard(s)]
    assert len(evs) == 1 and isinstance(evs[0], Bad)
