"""A small mixed corpus built by the tests themselves: a directory, a JSONL file and WARC files.

`expected_rows` computes, with the library (`duban.read*` + `duban.extract`), the item rows batch
mode must write for the readable documents, so the tests stay true as extraction improves.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import duban
from duban.batch.process import item_row
from duban.demo import demo_text
from duban.regions import detect

# Our own short report-like texts (not third-party documents).
TEXTS = [
    "2024年政府工作报告\n今年发展主要预期目标是:地区生产总值增长5.5%左右,城镇新增就业1.2万人以上,"
    "新增学位4290个,一般公共预算收入增长3%。",
    "回顾2023年,全市地区生产总值达到2266.1亿元,增长8.1%;固定资产投资完成400亿元左右。",
    "某市第十五届人民代表大会第三次会议开幕,市长作政府工作报告:筹集保障性住房3000套,供应1000套;"
    "投入1.5亿元开展800个以上民微项目。",
    "本店新款羽绒服上市,全国包邮,满199元减30元。",
]


def html_page(body: str) -> str:
    return f"<html><head><title>政府工作报告</title></head><body><nav>首页 新闻</nav><p>{body}</p></body></html>"


def build(root: Path) -> dict:
    """Write the inputs under ``root``; return their paths and what each readable document is."""
    docs: dict[str, tuple[str, bytes | str]] = {}  # doc_id -> (how to read, payload)
    d = root / "pages"
    (d / "sub").mkdir(parents=True)
    (d / "demo.txt").write_text(demo_text(), "utf-8")
    docs["pages/demo.txt"] = ("path", str(d / "demo.txt"))
    (d / "a.txt").write_text(TEXTS[0], "utf-8")
    docs["pages/a.txt"] = ("path", str(d / "a.txt"))
    (d / "sub" / "b.html").write_text(html_page(TEXTS[1]), "utf-8")
    docs["pages/sub/b.html"] = ("path", str(d / "sub" / "b.html"))
    (d / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")  # unreadable -> error row
    (d / ".hidden.txt").write_text("ignored", "utf-8")

    jsonl = root / "pages.jsonl"
    lines = [
        json.dumps({"id": "j-1", "text": TEXTS[2], "url": "http://example.org/j1"}, ensure_ascii=False),
        "{this is not json",
        "",
        json.dumps({"id": "j-2", "html": html_page(TEXTS[0]), "url": "http://example.org/j2"}, ensure_ascii=False),
        json.dumps({"id": "j-3", "text": ["not", "text"]}),
        json.dumps({"id": "j-4", "text": TEXTS[3]}, ensure_ascii=False),
    ]
    jsonl.write_text("\n".join(lines) + "\n", "utf-8")
    docs["j-1"] = ("text", TEXTS[2])
    docs["j-2"] = ("html", html_page(TEXTS[0]))
    docs["j-4"] = ("text", TEXTS[3])

    warc = root / "crawl.warc.gz"
    records = [
        ("http://gov.example/r1", "text/html; charset=utf-8", html_page(TEXTS[2]).encode("utf-8")),
        ("http://gov.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("http://gov.example/r2", "text/plain", demo_text().encode("utf-8")),
    ]
    ids = write_warc(warc, records)
    docs[ids[0]] = ("bytes", (ids[0] + ".html", records[0][2]))
    docs[ids[2]] = ("bytes", (ids[2] + ".txt", records[2][2]))

    # a second WARC whose last record is cut short
    cut = root / "cut.warc"
    cut_ids = write_warc(cut, [("http://gov.example/c1", "text/plain", TEXTS[1].encode("utf-8")),
                               ("http://gov.example/c2", "text/plain", demo_text().encode("utf-8"))], gz=False)
    data = cut.read_bytes()
    cut.write_bytes(data[: len(data) - 500])
    docs[cut_ids[0]] = ("bytes", (cut_ids[0] + ".txt", TEXTS[1].encode("utf-8")))

    return {
        "inputs": [str(d), str(jsonl), str(warc), str(cut)],
        "docs": docs,
        # error rows expected: broken.pdf? (depends on ingest), invalid JSON, non-string text, png, cut record
        "min_errors": 4,
        "n_docs": len(docs) + 1 + 4,  # + broken.pdf + the four bad records
    }


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gz: bool = True) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids = []
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record(path.name, {"software": "duban tests"}))
    for url, ctype, body in records:
        hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hh, length=len(body))
        ids.append(rec.rec_headers.get_header("WARC-Record-ID").strip("<>"))
        w.write_record(rec)
        w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    path.write_bytes(buf.getvalue())
    return ids


def _read(doc_id: str, how: str, payload) -> duban.Document:
    if how == "path":
        return duban.read(payload)
    if how == "text":
        return duban.read_text(payload, doc_id)
    if how == "html":
        return duban.read_bytes(payload.encode("utf-8"), doc_id + ".html")
    return duban.read_bytes(payload[1], payload[0])


def expected_sections(docs: dict, key_of: dict[str, str]) -> list[dict]:
    """Section rows of the readable documents, from the library itself (``key_of``: doc_id -> doc_key)."""
    rows = []
    for doc_id, (how, payload) in docs.items():
        for i, sec in enumerate(duban.extract(_read(doc_id, how, payload)).sections):
            rows.append({"doc_key": key_of[doc_id], "doc_id": doc_id, "section_index": i, "title": sec.title, "level": sec.level,
                         "span_start": sec.span[0], "span_end": sec.span[1], "parent": sec.parent})
    return sorted(rows, key=lambda r: (r["doc_id"], r["section_index"]))


def expected_rows(docs: dict, url_of: dict[str, str | None], key_of: dict[str, str]) -> list[dict]:
    """Item rows of the readable documents, from the library itself (``key_of``: doc_id -> doc_key)."""
    rows = []
    for doc_id, (how, payload) in docs.items():
        doc = _read(doc_id, how, payload)
        region, year = detect(doc.text)
        place = {"region": region.name if region else None, "region_level": region.level if region else None,
                 "region_parent": region.parent if region else None, "year": year}
        url = url_of.get(doc_id)
        rows += [item_row(key_of[doc_id], doc_id, url, i, it, place) for i, it in enumerate(duban.extract(doc).items)]
    return sorted(rows, key=lambda r: (r["doc_id"], r["item_index"]))


def read_rows(out: Path, table: str) -> list[dict]:
    import pyarrow.parquet as pq

    rows = pq.read_table(out / table).to_pylist()
    if table == "items":
        return sorted(rows, key=lambda r: (r["doc_id"], r["doc_key"], r["item_index"]))
    if table == "sections":
        return sorted(rows, key=lambda r: (r["doc_id"], r["doc_key"], r["section_index"]))
    return sorted(rows, key=lambda r: (r["doc_id"], r["doc_key"]))


def keys(out: Path) -> dict[str, str]:
    """doc_id -> doc_key of the documents table (for a corpus whose ids are unique)."""
    rows = read_rows(out, "documents")
    assert len({r["doc_id"] for r in rows}) == len(rows)
    return {r["doc_id"]: r["doc_key"] for r in rows}
