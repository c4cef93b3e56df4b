"""Round thirteen of extraction quality on unseen documents (issue 2): each test is an example text of
one general failure (a short PDF page's hard wraps, spun copies with few signatures, ‰ and day and
担 units, goals restated in brackets after an execution verdict)."""

from __future__ import annotations

from extract_examples import items as _items

import duban

SHORT_PDF_PAGE = (
    "关于某某县2022年国民经济和社会发展计划执行情况\n"
    "— 2 —\n"
    "    过去一年，面对复杂严峻的外部环境，全县上下攻坚克难，经济运行总体平稳。全县地\n"
    "区生产总值完成185亿元，增长5.2%；农业生产稳中有进，工业经济加快转型，固定资产投资增长\n"
    "4. 2%，社会消费品零售总额达到62亿元，同比增长3.1%。市场主体总数达到1.3\n"
    "万家，新增各类企业860户。城市建设扎实推进，全年新建改造城市道路4\n"
    "2条，新增停车泊位1200个，完成老旧小区改造35个，惠及群众8600余户。\n"
    "    财政收支保持平稳，全年一般公共预算收入完成12.6亿元，增长8.1%，其中税收\n"
    "收入9.8亿元；一般公共预算支出完成41.2亿元，民生支出占比达到80.2%。\n"
    "— 3 —\n"
)




def test_short_pdf_page_is_unwrapped() -> None:
    doc = duban.read_text(SHORT_PDF_PAGE)
    lines = doc.text.split("\n")
    assert lines[0].endswith("执行情况") and lines[1] == "— 2 —"  # the title stays a line of its own
    assert "固定资产投资增长4.2%" in doc.text and "达到1.3万家" in doc.text and "城市道路42条" in doc.text
    assert "其中税收收入9.8亿元" in doc.text
    got = {(ind, low, unit) for ind, _, _, low, unit, _ in _items(doc)}
    assert ("固定资产投资增长", 4.2, "%") in got
    assert ("新建改造城市道路", 42.0, "条") in got
    assert ("税收收入", 9.8, "亿元") in got


def test_short_text_without_pdf_signs_keeps_its_lines() -> None:
    text = SHORT_PDF_PAGE.replace("— 2 —\n", "").replace("— 3 —\n", "").replace("4. 2%", "4.2%")
    assert duban.read_text(text).text == text


def test_page_footer_inside_a_wrapped_sentence() -> None:
    text = SHORT_PDF_PAGE.replace("固定资产投资增长\n", "固定资产投资增长\n— 2 —\n", 1)
    assert "固定资产投资增长4.2%" in duban.read_text(text).text


def test_spun_copy_with_context_signatures() -> None:
    text = ("2024年某县经济运行情况\n2023年，全县地域生产总值增进5.2%，粮食产量达到60万吨摆布，"
            "城镇赋闲率掌握在5%之内。\n")
    doc = duban.read_text(text)
    assert "spun" in doc.meta["forms"]
    got = _items(doc)
    assert got[0][:2] == ("地区生产总值增长", "actual")
    assert got[1][:3] == ("粮食产量", "actual", "~")
    assert got[2][0] == "城镇失业率"


def test_plain_prose_with_spinner_words_is_not_spun() -> None:
    text = "增进民生福祉，决不任人摆布，把发展主动权牢牢掌握在自己手中，一年之内完成5个项目。\n"
    assert "spun" not in duban.read_text(text).meta["forms"]


def test_permille_words_tan_and_days() -> None:
    text = ("2024年主要预期目标：人口自然增长率控制在千分之七以内，全年收购烟叶27.5万担，"
            "空气质量优良天数比上年增加19天，优良天数稳定在240天以上。\n")
    got = _items(text)
    assert got[0][1:5] == ("target", "<=", 7.0, "‰")
    assert got[1][3:5] == (27.5, "万担")
    assert got[2][3:5] == (19.0, "天")
    assert got[3][2:5] == (">=", 240.0, "天")


def test_goal_in_brackets_after_an_execution_verdict() -> None:
    text = ("关于某某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
            "一、2023年国民经济和社会发展计划执行情况\n"
            "规模以上工业增加值增长4.5%，未完成计划(6%)。全市地区生产总值增长5.1%，超额完成计划(5%)。"
            "居民消费价格上涨2.1%，低于3%左右的调控目标。\n"
            "二、2024年国民经济和社会发展计划草案\n全年安排市重点项目300个。\n")
    got = _items(text)
    assert got[0][:2] == ("规模以上工业增加值增长", "actual")
    assert got[1] == ("规模以上工业增加值增长", "target", "=", 6.0, "%", "2023")
    assert got[3] == ("地区生产总值增长", "target", "=", 5.0, "%", "2023")
    assert got[5][1:3] == ("target", "~") and got[5][5] == "2023"
    assert got[6][1] == "target" and got[6][5] == "2024"
