"""Ingest of every supported shape, and one-line InputErrors for every kind of bad input.

All input files are built here, in memory or in tmp_path.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duban
from duban.errors import InputError
from duban.ingest import load_bytes, load_path

from .makefiles import make_docx, make_pdf, make_zip_bomb

REPORT = "2021年,罗湖的目标是地区生产总值增长5.5-6%,固定资产投资完成400亿元左右。\n全年新增学位4290个。"
TRADITIONAL = "2021年,羅湖的目標是地區生產總值增長5.5-6%,固定資產投資完成400億元左右。\n全年新增學位4290個。"


# --- text and encodings ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gb18030", "gb18030"),
     ("gbk", "gb18030"), ("gb2312", "gb18030")],
)
def test_simplified_text_encodings(encoding: str, expected: str) -> None:
    doc = load_bytes(REPORT.encode(encoding), "r.txt")
    assert doc.original == REPORT
    assert doc.meta["encoding"] == expected and doc.meta["format"] == "txt"


@pytest.mark.parametrize("encoding", ["big5", "gb18030", "utf-16-le", "utf-16-be", "utf-8"])
def test_traditional_text_encodings(encoding: str) -> None:
    data = TRADITIONAL.encode(encoding)
    if encoding.startswith("utf-16-"):
        data = ("\ufeff" + TRADITIONAL).encode(encoding)  # with BOM
    doc = load_bytes(data, "r.txt")
    assert doc.original == TRADITIONAL


def test_utf16_without_bom_is_sniffed() -> None:
    doc = load_bytes(("Report 2021: " + REPORT).encode("utf-16-le"), "r.txt")
    assert doc.original.startswith("Report 2021")


def test_read_normalizes(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(TRADITIONAL.encode("big5"))
    doc = duban.read(p)
    assert doc.text == REPORT and doc.original == TRADITIONAL
    assert doc.meta["encoding"] == "big5" and "traditional" in doc.meta["forms"]


# --- HTML --------------------------------------------------------------------------------------------------
def _page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>政府工作报告</title></head><body>'
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div>'
        '<div class="share">分享到: <a>微信</a> <a>微博</a></div><div class="comments">12条评论</div>'
        f"<article><h1>政府工作报告</h1>{body}</article>"
        '<footer>版权所有 某某网 联系我们</footer></body></html>'
    )


BODY = "".join(f"<p>{line}</p>" for line in (REPORT + "\n" + "今年将推进罗湖北站规划建设,实施民生实事。" * 3).split("\n"))


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_main_text_with_paragraph_lines(charset: str) -> None:
    doc = load_bytes(_page(BODY, charset).encode("gb18030" if charset == "gbk" else charset), "page.html")
    assert doc.meta["format"] == "html"
    assert "地区生产总值增长5.5-6%" in doc.original
    assert "全年新增学位4290个" in doc.original.split("\n")[2]  # one paragraph a line
    for noise in ("首页", "微博", "条评论", "版权所有"):
        assert noise not in doc.original


def test_html_sniffed_without_extension() -> None:
    doc = load_bytes(_page(BODY).encode(), "<stdin>")
    assert doc.meta["format"] == "html" and "全年新增学位4290个" in doc.original


def test_html_falls_back_when_trafilatura_finds_nothing() -> None:
    doc = load_bytes(b"<html><body><table><tr><td>\xe5\xa2\x9e\xe9\x95\xbf5%</td></tr></table></body></html>", "t.htm")
    assert "增长5%" in doc.original


@pytest.mark.parametrize("depth", [100_000, 1000, 250])
def test_deeply_nested_html_is_read_in_bounded_time(depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + "<p>地区生产总值增长6%</p>" + "</div>" * depth + "</body></html>"
    t = time.perf_counter()
    doc = load_bytes(page.encode(), "deep.html")
    assert doc.original == "地区生产总值增长6%"
    assert time.perf_counter() - t < 30  # a guard against runaway work, not a speed test


def test_deeply_nested_html_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="deep.html: HTML page without any text"):
        load_bytes(("<html><body>" + "<div>" * 50_000 + "</body></html>").encode(), "deep.html")


# --- PDF -----------------------------------------------------------------------------------------------------
def test_pdf_text_layer_is_the_original_and_spacing_is_repaired() -> None:
    pdf = make_pdf([["2022 年地区生产总值增 长 5%", "超2. 2万亿元"], ["灣區(qū)樞紐 新增企业65 家"]])
    doc = duban.read_bytes(pdf, "report.pdf")
    assert doc.meta["format"] == "pdf" and doc.meta["pages"] == 2
    assert doc.original == "2022 年地区生产总值增 长 5%\n超2. 2万亿元\n灣區(qū)樞紐 新增企业65 家"
    assert doc.text == "2022年地区生产总值增长5%\n超2.2万亿元\n湾区枢纽 新增企业65家"
    i = doc.text.index("增长5%")
    assert doc.quote(i, i + 4) == "增 长 5%"


def test_pdf_sniffed_from_content() -> None:
    doc = load_bytes(make_pdf([["增长5%"]]), "<stdin>")
    assert doc.meta["format"] == "pdf" and doc.original == "增长5%"


# --- DOCX ------------------------------------------------------------------------------------------------------
def test_docx_paragraphs_and_tables_in_order() -> None:
    data = make_docx(["一、主要目标", "地区生产总值增长6%左右"], [["任务", "牵头单位"], ["新增学位4290个", "教育局"]])
    doc = load_bytes(data, "tasks.docx")
    assert doc.meta["format"] == "docx"
    assert doc.original == "一、主要目标\n地区生产总值增长6%左右\n任务\t牵头单位\n新增学位4290个\t教育局"


def test_docx_sniffed_from_content() -> None:
    assert load_bytes(make_docx(["增长5%"]), "<stdin>").original == "增长5%"


# --- bad input ---------------------------------------------------------------------------------------------------
def _one_line_error(data: bytes, name: str, *, max_bytes: int | None = None) -> str:
    kw = {} if max_bytes is None else {"max_bytes": max_bytes}
    with pytest.raises(InputError) as err:
        duban.read_bytes(data, name, **kw)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(f"{name}: ") and err.value.source == name
    return err.value.reason


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for k, v in members.items():
            zf.writestr(k, v)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "empty"),
        (b"  \n\t\n", "blank.txt", "empty"),
        (bytes(range(256)) * 64, "noise.txt", "binary"),
        (bytes(range(256)) * 64, "noise.xyz", "unknown file type .xyz"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image.txt", "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc", ".docx"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "broken.pdf", "corrupt PDF"),
        (b"just some words", "fake.pdf", "corrupt PDF"),
        (b"PK\x03\x04not really a zip", "broken.docx", "corrupt DOCX"),
        (b"not a zip at all", "fake.docx", "corrupt DOCX"),
        (_zip({"a.txt": b"hello"}), "other.docx", "not a Word"),
        (_zip({"word/document.xml": b"<w:document><broken"}), "damaged.docx", "corrupt DOCX"),
    ],
)
def test_bad_input_one_line_reason(data: bytes, name: str, reason: str) -> None:
    assert reason in _one_line_error(data, name)


def test_truncated_pdf() -> None:
    pdf = make_pdf([["地区生产总值增长6%"]])
    assert "PDF" in _one_line_error(pdf[: len(pdf) // 3], "cut.pdf")


def test_docx_zip_bomb_refused_before_inflating() -> None:
    bomb = make_zip_bomb(80 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    t = time.perf_counter()
    assert "zip bomb" in _one_line_error(bomb, "bomb.docx")
    assert time.perf_counter() - t < 5


def test_docx_high_ratio_member_refused() -> None:
    assert "zip bomb" in _one_line_error(make_zip_bomb(8 * 1024 * 1024), "ratio.docx")


def test_over_max_bytes(tmp_path: Path) -> None:
    assert "over the limit of 10" in _one_line_error(REPORT.encode(), "big.txt", max_bytes=10)
    p = tmp_path / "big.txt"
    p.write_text(REPORT, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit of 10"):
        load_path(p, max_bytes=10)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.txt"):
        load_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        load_path(tmp_path)


def test_unknown_extension_that_is_text_is_read() -> None:
    doc = load_bytes(REPORT.encode(), "report.dat")
    assert doc.original == REPORT and doc.meta["format"] == "txt"


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.pdf"
    good.write_text(REPORT, encoding="utf-8")
    bad.write_bytes(b"%PDF-garbage")
    read, errors = [], []
    for p in (bad, good, bad):
        try:
            read.append(duban.read(p))
        except InputError as e:
            errors.append(str(e))
    assert len(read) == 1 and len(errors) == 2 and all("bad.pdf" in e for e in errors)


def test_html_headline_outside_the_article_is_kept_as_first_line() -> None:
    page = (
        "<html><head><title>2021年政府工作报告_罗湖区政府在线</title></head><body>"
        '<div class="crumb">当前位置: <a>首页</a> &gt; <a>政务公开</a></div>'
        "<h1>2021年罗湖区政府工作报告</h1><div class=\"content\">"
        + BODY + "</div></body></html>"
    )
    doc = load_bytes(page.encode(), "page.html")
    assert doc.original.split("\n")[0] == "2021年罗湖区政府工作报告"
    assert "当前位置" not in doc.original


def test_docx_entity_expansion_bomb_refused() -> None:
    src = zipfile.ZipFile(io.BytesIO(make_docx(["增长5%"])))
    lol = '<!DOCTYPE d [<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ) + "]>"
    members = {}
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename == "word/document.xml":
            body = data.split(b"?>", 1)[1].replace("增长5%".encode(), b"&l9;")
            data = lol.encode() + body
        members[info.filename] = data
    t = time.perf_counter()
    reason = _one_line_error(_zip(members), "lol.docx")
    assert "corrupt DOCX" in reason
    assert time.perf_counter() - t < 5


def test_declared_charset_loses_to_valid_utf8() -> None:
    doc = load_bytes(_page(BODY, "gbk").encode("utf-8"), "resaved.html")
    assert "地区生产总值增长5.5-6%" in doc.original and doc.meta["encoding"] == "utf-8"


def test_big5_hkscs_characters() -> None:
    text = TRADITIONAL + "\n香港特區新增公屋3000個，邨名：石硤尾邨。"
    doc = load_bytes(text.encode("big5hkscs"), "hk.txt")
    assert doc.original == text and doc.meta["encoding"] in {"big5", "big5hkscs"}


def test_html_line_breaks_become_lines() -> None:
    page = (
        "<html><body><div class='content'><p>一、主要目标<br>地区生产总值增长6%左右<br/>"
        "城镇新增就业10万人以上</p><p>" + "今年将推进罗湖北站规划建设,实施民生实事。" * 4 + "</p></div></body></html>"
    )
    lines = load_bytes(page.encode(), "br.html").original.split("\n")
    assert lines[:3] == ["一、主要目标", "地区生产总值增长6%左右", "城镇新增就业10万人以上"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom(encoding: str) -> None:
    doc = load_bytes(TRADITIONAL.encode(encoding), "r.txt")
    assert doc.original == TRADITIONAL and doc.meta["encoding"] == "utf-16"


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="的一是在不了有和人中大为上个国我以要时来用们生到作地于出就分对成会可主年动同工也能下过子说"
            "發國會產業經濟區長務預總體現實進報點強與為這個來們時對說種後還關數題，。、0123456789%\n",
            min_size=40, max_size=300),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"]),
)
def test_decoding_round_trip(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("gb18030")  # simplified characters have no Big5 code
        encoding = "gb18030"
    if not text.strip():
        return
    assert load_bytes(data, "r.txt").original == text
