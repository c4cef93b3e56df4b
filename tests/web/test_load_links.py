"""`duban load` proposes actual -> target links across the reports it stores, once."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from duban.batch.load import load
from duban.batch.process import DOCUMENTS_SCHEMA, ITEMS_SCHEMA

pytestmark = pytest.mark.django_db

# two reports of one district: the 2021 target, and the 2022 report stating what 2021 achieved
DOCS = {
    "a": ("罗湖区2021年政府工作报告\n新增学位4290个。\n", 2021,
          [("target", "新增学位", "新增学位4290个", "=", 4290.0, "个", "2021")]),
    "b": ("罗湖区2022年政府工作报告\n2021年新增学位4500个。\n", 2022,
          [("actual", "新增学位", "新增学位4500个", "=", 4500.0, "个", "2021")]),
}


def _write_batch(out: Path, docs: dict) -> None:
    """A batch result as `duban batch` writes it (documents/ and items/ part files), built by hand so the
    test does not depend on how good extraction is."""
    (out / "documents").mkdir(parents=True)
    (out / "items").mkdir()
    drows, irows = [], []
    for doc_id, (original, year, items) in docs.items():
        drows.append({"doc_id": doc_id, "status": "ok", "original": original, "region": "罗湖区",
                      "region_level": "district", "region_parent": "深圳市", "year": year, "extract_year": year,
                      "url": f"https://example.org/{doc_id}"})
        for n, (kind, indicator, quote, cmp, low, unit, period) in enumerate(items):
            start = original.index(quote)
            irows.append({"doc_id": doc_id, "item_index": n, "kind": kind, "indicator": indicator, "quote": quote,
                          "span_start": start, "span_end": start + len(quote), "cmp": cmp, "low": low,
                          "unit": unit, "period": period, "canonical": "new_school_places", "section": None})
    pq.write_table(pa.Table.from_pylist(drows, schema=DOCUMENTS_SCHEMA), out / "documents" / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(irows, schema=ITEMS_SCHEMA), out / "items" / "part-0.parquet")


def test_load_proposes_links_from_later_actuals_to_earlier_targets_once(tmp_path):
    from duban.web.models import Link

    out = tmp_path / "out"
    _write_batch(out, DOCS)
    first = load(out)
    assert first.reports == 2 and first.links == 1
    link = Link.objects.get()
    assert (link.state, link.target.report.year, link.actual.report.year) == ("proposed", 2021, 2022)
    again = load(out)
    assert (again.reports, again.links, Link.objects.count()) == (0, 0, 1)


def test_a_second_batch_links_to_reports_loaded_before(tmp_path):
    from duban.web.models import Link

    _write_batch(tmp_path / "one", {"a": DOCS["a"]})
    _write_batch(tmp_path / "two", {"b": DOCS["b"]})
    assert load(tmp_path / "one").links == 0
    assert load(tmp_path / "two").links == 1
    assert Link.objects.filter(state="proposed").count() == 1
