"""duban batch on the local engine: rows equal the library's, bad input -> error rows, resume."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import duban
from duban.batch import ITEMS_SCHEMA, run
from duban.batch.sources import doc_key, plan, read_shard
from duban.cli import main

from .corpus import build, expected_rows, expected_sections, keys, read_rows


@pytest.fixture
def corpus(tmp_path: Path) -> dict:
    return build(tmp_path / "in")


def _urls(out: Path) -> dict[str, str | None]:
    return {r["doc_id"]: r["url"] for r in read_rows(out, "documents")}


def test_items_table_has_every_item_field() -> None:
    names = set(ITEMS_SCHEMA.names)
    for f in dataclasses.fields(duban.Item):
        assert (f.name in names) or (f.name == "span" and {"span_start", "span_end"} <= names), f.name


@pytest.mark.parametrize("shard_size", [1, 2, 3, 100])
def test_shards_cover_every_record_once(corpus: dict, shard_size: int) -> None:
    """Whatever the shard size, reading all shards gives the same records, bad ones included."""
    seen = [ev.doc_id for s in plan(corpus["inputs"], shard_size) for ev in read_shard(s)]
    ref = [ev.doc_id for s in plan(corpus["inputs"], 1000) for ev in read_shard(s)]
    assert seen == ref
    assert len(seen) == len(set(seen)) == corpus["n_docs"]


def test_rows_match_library_and_errors_are_rows(corpus: dict, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    rc = main(["batch", *corpus["inputs"], "--out", str(out), "--workers", "0", "--shard-size", "2",
               "--no-progress"])
    assert rc == 1  # errors occurred
    assert "invalid JSON line" in capsys.readouterr().err  # the summary names the kinds of error
    docs = read_rows(out, "documents")
    assert len(docs) == corpus["n_docs"]
    by_id = {d["doc_id"]: d for d in docs}
    for doc_id in corpus["docs"]:
        assert by_id[doc_id]["status"] == "ok", by_id[doc_id]
    errors = [d for d in docs if d["status"] == "error"]
    assert len(errors) >= corpus["min_errors"]
    reasons = " | ".join(d["error"] for d in errors)
    for word in ("invalid JSON", "not a string", "non-text payload (image/png)", "truncated"):
        assert word in reasons, reasons
    assert all(d["error"] and "\n" not in d["error"] for d in errors)
    items = read_rows(out, "items")
    assert items == expected_rows(corpus["docs"], _urls(out), keys(out))
    assert read_rows(out, "sections") == expected_sections(corpus["docs"], keys(out))
    for d in docs:
        if d["status"] == "ok":
            assert d["n_items"] == sum(1 for i in items if i["doc_key"] == d["doc_key"])
            assert 0.0 <= d["relevance"] <= 1.0 and d["chars"] > 0


def test_demo_document_has_region_and_year(corpus: dict, tmp_path: Path) -> None:
    run(corpus["inputs"], tmp_path / "out", workers=0, progress=False)
    demo = {d["doc_id"]: d for d in read_rows(tmp_path / "out", "documents")}["pages/demo.txt"]
    region, year = duban.regions.detect(duban.read(Path(corpus["inputs"][0]) / "demo.txt").text)
    assert (demo["region"], demo["year"]) == ((region.name if region else None), year)


def test_min_relevance_skips_without_error(corpus: dict, tmp_path: Path) -> None:
    s = run(corpus["inputs"], tmp_path / "out", workers=0, min_relevance=0.5, progress=False)
    docs = {d["doc_id"]: d for d in read_rows(tmp_path / "out", "documents")}
    assert docs["j-4"]["status"] == "skipped" and docs["j-4"]["relevance"] < 0.5  # the shop page
    assert s.skipped >= 1
    assert not [i for i in read_rows(tmp_path / "out", "items") if i["doc_id"] == "j-4"]


def test_resume_skips_finished_shards(corpus: dict, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(corpus["inputs"], out, workers=0, shard_size=2, progress=False)
    rows = read_rows(out, "items"), read_rows(out, "documents")
    again = run(corpus["inputs"], out, workers=0, shard_size=2, progress=False)
    assert again.results == [] and again.shards_done_before == first.shards
    assert (again.docs, again.errors) == (first.docs, first.errors)
    # lose one shard (as a crash would): only that one runs again, and the result is whole
    manifest = (out / "_manifest.jsonl").read_text("utf-8").splitlines()
    lost = json.loads(manifest[0])["shard"]
    (out / "_manifest.jsonl").write_text("\n".join(manifest[1:]) + "\n", "utf-8")
    (out / "items" / f"part-{lost}.parquet").unlink()
    third = run(corpus["inputs"], out, workers=0, shard_size=2, progress=False)
    assert [r["shard"] for r in third.results] == [lost]
    assert (read_rows(out, "items"), read_rows(out, "documents")) == rows


def test_other_options_are_refused(corpus: dict, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["batch", corpus["inputs"][1], "--out", str(out), "--workers", "0", "--no-progress"]) == 1
    rc = main(["batch", corpus["inputs"][1], "--out", str(out), "--workers", "0", "--no-progress",
               "--min-relevance", "0.3"])
    assert rc == 2
    assert "other options" in capsys.readouterr().err


def test_clean_input_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("今年新增学位4290个", "utf-8")
    assert main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "0",
                 "--no-progress"]) == 0


def test_parquet_input(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = ["今年新增学位4290个,城镇新增就业1万人以上", None, "地区生产总值增长6%"]
    pq.write_table(pa.table({"id": ["p1", "p2", "p3"], "text": texts}), tmp_path / "in.parquet",
                   row_group_size=2)
    s = run([str(tmp_path / "in.parquet")], tmp_path / "out", workers=0, shard_size=1, progress=False)
    docs = {d["doc_id"]: d for d in read_rows(tmp_path / "out", "documents")}
    assert [docs[k]["status"] for k in ("p1", "p2", "p3")] == ["ok", "error", "ok"]
    assert s.errors == 1
    want = sorted(len(duban.extract(t).items) for t in texts if t)
    assert sorted(docs[k]["n_items"] for k in ("p1", "p3")) == want


def test_local_workers_give_same_rows(corpus: dict, tmp_path: Path) -> None:
    run(corpus["inputs"], tmp_path / "w0", workers=0, shard_size=2, progress=False)
    run(corpus["inputs"], tmp_path / "w2", workers=2, shard_size=3, progress=False)

    def strip(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k not in ("shard", "position")} for r in rows]

    assert read_rows(tmp_path / "w0", "items") == read_rows(tmp_path / "w2", "items")
    assert strip(read_rows(tmp_path / "w0", "documents")) == strip(read_rows(tmp_path / "w2", "documents"))


def test_failed_shard_stops_with_one_line_and_rerun_resumes(corpus: dict, tmp_path: Path, monkeypatch,
                                                            capsys) -> None:
    from duban.batch import runner

    real = runner.run_shard
    calls = []

    def flaky(shard, out, opts):
        calls.append(shard.key)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(shard, out, opts)

    monkeypatch.setattr(runner, "run_shard", flaky)
    rc = main(["batch", *corpus["inputs"], "--out", str(tmp_path / "out"), "--workers", "0", "--shard-size", "2",
               "--no-progress"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "1 shards failed (OSError: disk full)" in err and "rerun" in err
    monkeypatch.setattr(runner, "run_shard", real)
    again = run(corpus["inputs"], tmp_path / "out", workers=0, shard_size=2, progress=False)
    assert [r["shard"] for r in again.results] == [calls[1]]
    run(corpus["inputs"], tmp_path / "clean", workers=0, shard_size=2, progress=False)
    assert read_rows(tmp_path / "out", "items") == read_rows(tmp_path / "clean", "items")


def test_loose_files_are_grouped_into_shards(tmp_path: Path) -> None:
    files = []
    for i in range(5):
        p = tmp_path / f"r{i}.txt"
        p.write_text(f"今年新增学位{1000 + i}个", "utf-8")
        files.append(str(p))
    shards = list(plan([*files[:3], str(tmp_path / "missing.txt"), *files[3:]], 2))
    assert [(s.kind, s.count) for s in shards] == [("files", 2), ("files", 1), ("missing", 1), ("files", 2)]
    ids = [ev.doc_id for s in shards for ev in read_shard(s)]
    assert ids[:3] == [f"{tmp_path.name}/r{i}.txt" for i in range(3)] and len(set(ids)) == 6


def test_output_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("今年新增学位4290个", "utf-8")
    for _ in range(2):  # the second run would see out/ and its Parquet parts
        run([str(tmp_path)], tmp_path / "out", workers=0, progress=False)
    docs = read_rows(tmp_path / "out", "documents")
    assert [d["doc_id"] for d in docs] == [f"{tmp_path.name}/a.txt"]


def _jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return str(path)


# each file numbers its records from 1; the second file also repeats an id of its own
TWO_FILES = {
    "a.jsonl": [{"id": "1", "text": "今年新增学位4290个,地区生产总值增长6%左右。"},
                {"id": "2", "text": "今年筹集保障性住房3000套。"}],
    "b.jsonl": [{"id": "1", "text": "今年城镇新增就业1万人以上。"},
                {"id": "2", "text": "全年一般公共预算收入增长3%。"},
                {"id": "2", "text": "今年新建污水管网120公里。"}],
}


def test_same_ids_in_two_inputs_are_distinct_documents(tmp_path: Path) -> None:
    inputs = [_jsonl(tmp_path / name, recs) for name, recs in TWO_FILES.items()]
    for shard_size in (1, 100):  # one shard per document, and one per input
        out = tmp_path / f"out-{shard_size}"
        assert main(["batch", *inputs, inputs[0], "--out", str(out), "--workers", "0", "--shard-size",
                     str(shard_size), "--no-progress"]) == 0  # an input listed twice is read once
        docs = read_rows(out, "documents")
        assert len(docs) == len({d["doc_key"] for d in docs}) == 5
        assert all(d["doc_key"] == doc_key(d["source"], d["locator"]) for d in docs)
        items, sections = read_rows(out, "items"), read_rows(out, "sections")
        by_text = {r["text"]: r for recs in TWO_FILES.values() for r in recs}
        for d in docs:  # each document's rows are its own text's items, whatever its id
            text = d["original"]
            assert d["doc_id"] == by_text[text]["id"]
            mine = [i for i in items if i["doc_key"] == d["doc_key"]]
            assert [(i["quote"], i["item_index"]) for i in mine] == [
                (it.quote, n) for n, it in enumerate(duban.extract(text).items)]
            assert len(mine) == d["n_items"] > 0
            assert all(text[i["span_start"]:i["span_end"]] == i["quote"] for i in mine)
            assert [s["section_index"] for s in sections if s["doc_key"] == d["doc_key"]] == list(
                range(len(duban.extract(text).sections)))
        if shard_size == 1:
            first = {(d["source"], d["locator"]): d["doc_key"] for d in docs}
    # the key depends on the input and the record's place in it, not on how the run was cut
    assert {(d["source"], d["locator"]): d["doc_key"] for d in docs} == first


def test_loose_files_of_same_folder_name_are_distinct_documents(tmp_path: Path) -> None:
    files = []
    for folder, text in (("x", "今年新增学位4290个"), ("y", "今年筹集保障性住房3000套")):
        (tmp_path / folder / "2021").mkdir(parents=True)
        (tmp_path / folder / "2021" / "report.txt").write_text(text, "utf-8")
        files.append(str(tmp_path / folder / "2021" / "report.txt"))
    run(files, tmp_path / "out", workers=0, progress=False)  # one shard, one doc_id twice
    docs = read_rows(tmp_path / "out", "documents")
    assert [d["doc_id"] for d in docs] == ["2021/report.txt"] * 2
    items = read_rows(tmp_path / "out", "items")
    assert {d["doc_key"]: [i["quote"] for i in items if i["doc_key"] == d["doc_key"]] for d in docs} == {
        d["doc_key"]: [it.quote for it in duban.extract(d["original"]).items] for d in docs}


def test_result_of_the_previous_layout_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    src = _jsonl(tmp_path / "a.jsonl", TWO_FILES["a.jsonl"])
    out = tmp_path / "out"
    assert main(["batch", src, "--out", str(out), "--workers", "0", "--no-progress"]) == 0
    settings = json.loads((out / "_batch.json").read_text("utf-8"))
    del settings["format"]  # as the previous version wrote it
    (out / "_batch.json").write_text(json.dumps(settings), "utf-8")
    capsys.readouterr()
    assert main(["batch", src, "--out", str(out), "--workers", "0", "--no-progress"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "another version" in err and "another --out" in err
    # the same folder before any shard was finished: nothing to keep, the run simply starts
    for sub in ("items", "documents", "sections"):
        for f in (out / sub).iterdir():
            f.unlink()
    (out / "_manifest.jsonl").unlink()
    assert main(["batch", src, "--out", str(out), "--workers", "0", "--no-progress"]) == 0
    assert len(read_rows(out, "documents")) == 2
