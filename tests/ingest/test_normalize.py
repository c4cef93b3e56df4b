"""Normalization stages: unit cases, then the real documents of ../shared (skipped when absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import duban
from duban.document import Document
from duban.ingest.normalize import fold_width, is_reading, normalize


def norm(text: str) -> Document:
    return normalize(Document(original=text))


# --- width ----------------------------------------------------------------------------------------
def test_width_folds_ascii_variants_and_keeps_chinese_punctuation() -> None:
    doc = norm("增长５．５％，ＧＤＰ（含）　达到１２３４亿元；完成。")
    assert doc.text == "增长5.5%，GDP(含) 达到1234亿元；完成。"
    assert doc.quote(2, 6) == "５．５％"


def test_width_is_identity_on_plain_text() -> None:
    s = "增长5.5%，完成。"
    assert fold_width(s) is s


# --- pinyin ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("char", "latin"),
    [("區", "qū"), ("发", "fā"), ("發", "fā"), ("報", "bào"), ("習", "xí"), ("會", "huì"), ("會", "kuài"),
     ("產", "chǎn"), ("強", "qiáng"), ("務", "wù"), ("绿", "lǜ"), ("區", "qu"), ("區", "qu1"), ("绿", "lv4"), ("區", "qǔ")],  # a wrong tone still names the syllable
)
def test_is_reading(char: str, latin: str) -> None:
    assert is_reading(char, latin)


@pytest.mark.parametrize(
    ("char", "latin"), [("區", "fā"), ("值", "GDP"), ("收", "han"), ("率", "yuan"), ("區", "ba3"), ("含", "A1")]
)
def test_is_not_reading(char: str, latin: str) -> None:
    assert not is_reading(char, latin)


def test_pinyin_annotations_removed_only_when_they_are_readings() -> None:
    doc = norm("灣區(qū)樞紐,發(fā)展(GDP)增長5%(含)國內生產總值(yuan)")
    assert doc.text == "湾区枢纽,发展(GDP)增长5%(含)国内生产总值(yuan)"
    i = doc.text.index("湾区枢纽")
    assert doc.quote(i, i + 4) == "灣區(qū)樞紐"


def test_pinyin_after_full_width_brackets() -> None:
    assert norm("報（bào）告").text == "报告"


# --- script ------------------------------------------------------------------------------------------
def test_traditional_to_simplified_keeps_offsets() -> None:
    doc = norm("國內生產總值增長6%以上")
    assert doc.text == "国内生产总值增长6%以上"
    assert doc.quote(0, 6) == "國內生產總值"
    assert "traditional" in doc.meta["forms"]


def test_simplified_text_is_marked_simplified() -> None:
    assert norm("国内生产总值增长6%以上,城镇新增就业1100万人。").meta["forms"] == ["simplified"]


# --- lines -------------------------------------------------------------------------------------------
def test_boilerplate_and_spam_lines_dropped_newlines_kept() -> None:
    text = (
        "当前位置: 首页>\n分享\n一、主要目标\n地区生产总值增长6%左右。\n责任编辑:张三\n"
        "欧美日韩综合视频一区二区,国产精品一区二区AV,国产激情久久久久老熟女,国产成人无码区在线观看\n"
    )
    doc = norm(text)
    assert doc.text == "一、主要目标\n地区生产总值增长6%左右。\n"
    assert {"boilerplate", "spam"} <= set(doc.meta["forms"])
    i = doc.text.index("增长6%")
    assert doc.quote(i, i + 4) == "增长6%"


def test_body_lines_mentioning_boilerplate_words_stay() -> None:
    text = "相关新闻发布会上,市长表示今年将新增就业10万人。\n分享经济增长15%。"
    assert norm(text).text == text


# --- inline --------------------------------------------------------------------------------------------
def test_seo_tokens_removed_inside_words() -> None:
    doc = norm("單位GDP能光算谷歌seotrong>光算谷歌外链耗降低2.5%左右")
    assert doc.text == "单位GDP能耗降低2.5%左右"
    i = doc.text.index("耗降低")
    assert doc.quote(i, len(doc.text)) == "耗降低2.5%左右"


def test_repeated_line_end_markers_removed() -> None:
    lines = ["第六次会议上22M", "代市长张新伟22M", "各位代表:22M", "总量迈上", "4千亿元台阶"]
    doc = norm("\n".join(lines))
    assert doc.text == "第六次会议上\n代市长张新伟\n各位代表:\n总量迈上\n4千亿元台阶"
    assert "pdf_artifacts" in doc.meta["forms"]


def test_a_single_line_end_token_stays() -> None:
    assert norm("推进5G\n建设基站1000个").text == "推进5G\n建设基站1000个"


# --- spacing --------------------------------------------------------------------------------------------
def test_pdf_spacing_repaired_and_mapped_back() -> None:
    doc = norm("2022 年地区生产总值增 长 5%,超2. 2万亿元,引进企业65 家\n谋新局 推进改革")
    assert doc.text == "2022年地区生产总值增长5%,超2.2万亿元,引进企业65家\n谋新局 推进改革"
    i = doc.text.index("2.2万亿元")
    assert doc.quote(i, i + 6) == "2. 2万亿元"
    assert "pdf_artifacts" in doc.meta["forms"]


def test_censorship_placeholders_tolerated() -> None:
    doc = norm("坚持中国共产X的领导,地区生产总值增长6%")
    assert "增长6%" in doc.text
    assert "censored" in doc.meta["forms"]


def test_crlf_and_zero_width_cleaned() -> None:
    doc = norm("增长\u200b5%\r\n完成\r\n")
    assert doc.text == "增长5%\n完成\n"
    assert doc.quote(0, 4) == "增长\u200b5%"


def test_empty_and_blank_text() -> None:
    assert norm("").text == ""
    assert norm(" \n").text == " \n"


# --- real documents -----------------------------------------------------------------------------------------
def test_seed_normalized(seed_dir: Path) -> None:
    (path,) = sorted(seed_dir.glob("*.txt"))
    doc = duban.read(path)
    assert "湾区枢纽" in doc.text
    assert "(qū)" not in doc.text and "區" not in doc.text
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", doc.text)
    assert "当前位置" not in doc.text and "人工智能朗读" not in doc.text
    assert "无码" not in doc.text
    assert doc.text.count("\n") > 20  # lines kept for the structure stage
    i = doc.text.index("湾区枢纽")
    assert doc.quote(i, i + 4) == "灣區(qū)樞紐"
    i = doc.text.index("地区生产总值增长5.5-6%")
    assert doc.quote(i, i + 14) == "地區(qū)生產(chǎn)總值增長5.5-6%"
    assert set(doc.meta["forms"]) == {"traditional", "pinyin_annotated", "spam", "boilerplate"}


def _gold(corpus_dev: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus_dev.glob("*.json"))]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def test_gold_quotes_map_to_normalized_text_with_their_number(corpus_dev: Path) -> None:
    checked = 0
    for gold in _gold(corpus_dev):
        doc = duban.read_text(gold["text"], name=gold["id"])
        for item in gold["items"]:
            quote = item["quote"]
            if not re.search(r"[0-9０-９]", quote) or item.get("low") is None:
                continue  # Chinese numerals: the number is not written in digits
            start = gold["text"].index(quote)
            s, e = doc.from_original(start, start + len(quote))
            norm_slice = doc.text[s:e].replace(",", "")
            assert _number(item["low"]).lstrip("-") in norm_slice, (gold["id"], quote, doc.text[s:e])
            # and back: the normalized slice maps into the quote's place in the original
            os_, oe = doc.to_original(s, e)
            assert start <= os_ <= oe <= start + len(quote), (gold["id"], quote)
            checked += 1
    assert checked > 100


# The forms that normalization can see in the text itself. Others (spun wording, text inserted
# in place of words) are left to later stages, so detected forms may miss some but never invent one.
def test_detected_forms_agree_with_gold(corpus_dev: Path) -> None:
    for gold in _gold(corpus_dev):
        forms = duban.read_text(gold["text"]).meta["forms"]
        assert set(forms) <= set(gold["forms"]), (gold["id"], forms, gold["forms"])
        for exact in ("traditional", "simplified", "pinyin_annotated"):
            assert (exact in forms) == (exact in gold["forms"]), (gold["id"], exact)


def test_no_pinyin_left_in_annotated_gold_texts(corpus_dev: Path) -> None:
    for gold in _gold(corpus_dev):
        if "pinyin_annotated" in gold["forms"]:
            text = duban.read_text(gold["text"]).text
            left = re.findall(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", text)
            assert not left, (gold["id"], left)


# --- unwrap ------------------------------------------------------------------------------------------------
WRAPPED = (
    "一、2020年工作回顾\n"
    "五年来,全市上下坚持以新发展理念为引领,积极作为、奋力拼搏,经济社\n"
    "会发展取得了巨大成就。地区生产总值年均增长6.6%,总量迈上4千亿元台\n"
    "阶,在全省占比由22.5%提高到23.5%。固定资产投资年均增长10.6%,一般公\n"
    "共预算收入年均增长6.7%。\n"
    "二、2021年工作安排\n"
    "今年地区生产总值增长8%左右,一般公共预算收入增长6%,城镇新增就业\n"
    "10万人以上,居民消费价格涨幅控制在3%左右,单位地区生产总值能耗下降\n"
    "完成省下达任务。全年新增学位4290个,筹集保障性住房3000套,新建公园\n"
    "12个。\n"
)


def test_pdf_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    doc = norm(WRAPPED)
    lines = doc.text.split("\n")
    assert lines[0] == "一、2020年工作回顾"
    assert lines[1].startswith("五年来") and lines[1].endswith("一般公共预算收入年均增长6.7%。")
    assert lines[2] == "二、2021年工作安排"
    assert "城镇新增就业10万人以上" in lines[3] and lines[3].endswith("新建公园12个。")
    i = doc.text.index("4千亿元台阶")
    assert doc.quote(i, i + 6) == "4千亿元台\n阶"
    assert "pdf_artifacts" in doc.meta["forms"]


def test_a_short_line_after_a_wrap_whose_number_the_next_wrap_cut_is_joined() -> None:
    # 旅游综合\n收入12\n.6 亿元: the rest of a wrapped sentence is short, but its number runs on
    text = WRAPPED.replace("新建公园\n12个。\n", "新建公园\n12个。全年接待游客620万人次，文旅产业持续复苏向好，全年旅游综\n合收入12\n.6 亿元。\n")
    doc = norm(text)
    assert "旅游综合收入12.6亿元。" in doc.text
    i = doc.text.index("12.6亿元")
    assert doc.quote(i, i + 6) == "12\n.6 亿元"


def test_paragraph_lines_of_ordinary_text_are_not_joined(seed_dir: Path) -> None:
    text = next(seed_dir.glob("*.txt")).read_text(encoding="utf-8")
    assert norm(text).meta["normalize"]["unwrap"] == 0
    short = "地区生产总值增长6%\n新增学位4290个\n" * 10
    assert norm(short).text == short


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="—–-  \u30000123456789第页共,/a\n", max_size=30))
def test_page_footer_scan_answers_as_the_footer_pattern(s: str) -> None:
    # the fast scan (two patterns led by one character or class) gives the slow pattern's answer
    from duban.ingest import normalize

    assert normalize._has_page_footer(s) == (normalize._PAGE_FOOTER.search(s) is not None)
