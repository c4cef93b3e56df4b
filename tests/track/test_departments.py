"""The department keyword table tests itself: each entry's good texts suggest it first, its bad texts
do not."""

from __future__ import annotations

import pytest

from duban.track.departments import departments, load_rules, suggest, suggest_lead

RULES = load_rules()


def _examples():
    for rule in RULES:
        assert rule.good and rule.bad, f"{rule.department} needs good and bad examples"
        for text in rule.good:
            yield pytest.param(rule.department, text, True, id=f"{rule.department}-good-{text}")
        for text in rule.bad:
            yield pytest.param(rule.department, text, False, id=f"{rule.department}-bad-{text}")


@pytest.mark.parametrize(("department", "text", "is_lead"), list(_examples()))
def test_rule_examples(department, text, is_lead):
    assert (suggest_lead(text) == department) is is_lead, suggest(text)


@pytest.mark.parametrize(
    ("text", "lead"),
    [("学位", "教育局"), ("社康", "卫生健康局"), ("住房", "住房和建设局"), ("建設1-2家中醫藥特色社康", "卫生健康局"),
     ("人才住房", "住房和建设局"), ("", None), (None, None), ("推进罗湖北站规划建设和文锦渡口岸升级改造", None)],
)
def test_suggest_lead(text, lead):
    if lead is None and text:
        # two departments named: both proposed, lead decided by people; here just check both appear
        names = [s.department for s in suggest(text)]
        assert {"交通运输局", "口岸办"} <= set(names)
    else:
        assert suggest_lead(text) == lead


def test_unique_names_and_keywords_listed():
    names = departments()
    assert len(names) == len(set(names)) and "教育局" in names


def test_bad_table_rejected(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text('[[department]]\nname = "x"\nkeywords = []\n', encoding="utf-8")
    with pytest.raises(ValueError, match="entry 1"):
        load_rules(path)
