"""The scorer's matching rule, and the CI gate: dev-set scores may not fall below pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from duban.evaluate import (
    GoldDoc,
    char_f1,
    check_floors,
    evaluate,
    extract_predict,
    hits,
    load_gold,
    raised_baseline,
    score_doc,
    split_unit,
)
from duban.items import Item

BASELINE = Path(__file__).with_name("eval_baseline.json")


def _gold_file(tmp_path: Path, text: str, items: list[dict], forms: tuple[str, ...] = ("simplified",)) -> Path:
    d = {"id": "t", "url": "", "category": "city", "forms": list(forms), "text": text, "items": items}
    p = tmp_path / "t.json"
    p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return p


def _g(quote: str, indicator: str, cmp: str, low: float, unit: str, kind: str = "target", **kw) -> dict:
    return {"kind": kind, "quote": quote, "indicator": indicator, "cmp": cmp, "low": low,
            "high": kw.pop("high", low), "unit": unit, "period": kw.pop("period", "2021"), **kw}


def _p(text: str, quote: str, indicator: str, cmp: str, low: float, unit: str, kind: str = "target",
       high: float | None = None, period: str | None = "2021") -> Item:
    s = text.index(quote)
    return Item(kind=kind, indicator=indicator, quote=quote, span=(s, s + len(quote)), cmp=cmp, low=low,
                high=low if high is None else high, unit=unit, period=period)


def test_units_and_scales() -> None:
    assert split_unit("万平方米") == (1e4, "平方米")
    assert split_unit("个百分点") == (1.0, "百分点")
    assert split_unit("萬億元") == (1e12, "元")
    assert split_unit("%") == (1.0, "%")
    assert split_unit("万千瓦") == (1e4, "千瓦")


def test_char_f1_simplifies() -> None:
    assert char_f1("地區生產總值增長", "地区生产总值增长") == 1.0
    assert char_f1("新建学校", "地区生产总值增长") == 0.0


def test_match_rule(tmp_path: Path) -> None:
    text = "今年新增学位2.75万个,地区生产总值增长6%左右。"
    doc = load_gold(_gold_file(tmp_path, text, [_g("新增学位2.75万个", "新增学位", "=", 2.75, "万个")]))[0]
    gold = doc.items[0]
    # scaled values agree: 27500 个 is 2.75 万个
    assert hits(_p(text, "2.75万个", "新增学位", "=", 27500, "个"), gold)
    # wrong cmp, kind or base unit: no hit
    assert not hits(_p(text, "2.75万个", "新增学位", "~", 2.75, "万个"), gold)
    assert not hits(_p(text, "2.75万个", "新增学位", "=", 2.75, "万个", kind="actual"), gold)
    assert not hits(_p(text, "2.75万个", "新增学位", "=", 2.75, "万所"), gold)
    # elsewhere in the text, but the indicator resembles the gold one
    assert hits(_p(text, "地区生产总值增长6%左右", "新增学位数", "=", 2.75, "万个"), gold)
    # elsewhere and a different indicator
    assert not hits(_p(text, "地区生产总值增长6%左右", "地区生产总值增长", "=", 2.75, "万个"), gold)


def test_groups_optional_and_precision(tmp_path: Path) -> None:
    text = "新增4290个学位。今年新增4290个学位,试点2个以上停车设施,总投资630亿元的项目。"
    items = [_g("新增4290个学位", "新增学位", "=", 4290, "个"),
             _g("今年新增4290个学位", "新增学位", "=", 4290, "个"),
             _g("试点2个以上停车设施", "停车设施试点", ">=", 2, "个"),
             _g("总投资630亿元", "项目总投资", "=", 630, "亿元", optional=True)]
    doc = load_gold(_gold_file(tmp_path, text, items))[0]
    assert doc.n_groups == 2  # the repeated target is one group; the optional item is none
    preds = [_p(text, "新增4290个学位", "新增学位", "=", 4290, "个"),
             _p(text, "总投资630亿元", "项目总投资", "=", 630, "亿元"),  # hits optional: ignored
             _p(text, "的项目", "项目", "=", 1, "个")]  # a false positive
    ds = score_doc(doc, preds)
    assert (ds.tp, ds.fp, ds.ignored, len(ds.groups_hit)) == (1, 1, 1, 1)
    assert [g.quote for g in ds.misses] == ["试点2个以上停车设施"]


def test_report_ends_with_summary(tmp_path: Path) -> None:
    from duban.evaluate import report

    docs = load_gold(_gold_file(tmp_path, "今年新增学位4290个。", [_g("新增学位4290个", "新增学位", "=", 4290, "个")]))
    res = evaluate(docs, lambda d: [_p(d.text, "新增学位4290个", "新增学位", "=", 4290, "个")])
    assert res.overall.f1 == 1.0
    assert report(res, by_form=True).splitlines()[-1].startswith("F1 1.0000")


def test_baseline_only_rises(tmp_path: Path) -> None:
    docs = load_gold(_gold_file(tmp_path, "今年新增学位4290个。", [_g("新增学位4290个", "新增学位", "=", 4290, "个")]))
    good = evaluate(docs, lambda d: [_p(d.text, "新增学位4290个", "新增学位", "=", 4290, "个")])
    bad = evaluate(docs, lambda d: [])
    pinned, refused = raised_baseline(good, None)
    assert not refused and pinned["overall"]["f1"] == 1.0
    again, refused = raised_baseline(bad, pinned)
    assert refused and again["overall"]["f1"] == 1.0  # a lower score never lowers a floor
    assert check_floors(bad, pinned)
    assert not check_floors(good, pinned)


def test_dev_set_holds_its_floors(corpus_dev: Path) -> None:
    """The CI gate: re-pin with `duban eval DIR --update-baseline tests/eval_baseline.json`."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    docs: list[GoldDoc] = load_gold(corpus_dev)
    result = evaluate(docs, extract_predict)
    problems = check_floors(result, baseline)
    assert not problems, "\n".join(problems)


def test_dev_set_meets_the_issue(corpus_dev: Path) -> None:
    """Issue 2: strict F1 >= 0.93 overall, >= 0.88 on every noise form, indicator accuracy >= 0.85."""
    result = evaluate(load_gold(corpus_dev), extract_predict)
    assert result.overall.f1 >= 0.93
    assert result.overall.indicator_accuracy >= 0.85
    low = {f: round(t.f1, 3) for f, t in result.by_form.items() if t.f1 < 0.88}
    assert not low, low


@pytest.mark.parametrize("bad", ["{not json", '{"text": "x"}'])
def test_load_gold_rejects_or_skips(tmp_path: Path, bad: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(bad, encoding="utf-8")
    if bad.startswith("{not"):
        with pytest.raises(ValueError):
            load_gold(tmp_path)
    else:
        assert load_gold(tmp_path) == []
