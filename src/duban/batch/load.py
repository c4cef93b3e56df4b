"""`duban load OUT`: a batch result into the tracker's database (regions, reports, sections, items).

Idempotent: a report is identified by its region, year and the sha256 of its original text; a
document already loaded is left alone (with every review, assignment and update made on it since),
so loading the same OUT twice, or two OUTs that share documents, stores each report once.
Each new report's actuals and targets get link proposals to the other reports of their region (as an
upload does: a later report's actual -> an earlier target, for a person to confirm); links already
there are left alone, so a second load proposes nothing new.
Documents without a detected region or year are not loaded (they are counted). Reads one part file
at a time, so memory is bounded by the shard size. Needs Django set up (`duban.web.setup()`).
A document's items and headings are those with its ``doc_key`` (``doc_id`` may repeat: two JSONL
files numbered from 1). A result made before doc_key existed is joined on ``doc_id`` within each
part file, which is exact unless the part holds two documents of one id: those are not loaded
(counted as ``ambiguous``), rather than given each other's items.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from duban import regions

_BULLETIN = re.compile(r"统计公报|統計公報")
_PLAN = re.compile(r"规划|規劃|计划执行|計劃執行|国民经济和社会发展计划|國民經濟和社會發展計劃")


@dataclass
class LoadSummary:
    reports: int = 0  # new reports stored
    items: int = 0
    regions: int = 0  # new regions
    already: int = 0  # documents already in the database
    no_region: int = 0
    no_year: int = 0
    not_ok: int = 0  # error or skipped rows of the batch: nothing to load
    links: int = 0  # actual -> target link proposals made
    ambiguous: int = 0  # documents of an older result whose doc_id is not unique in their part file


def report_kind(original: str) -> str:
    head = original[:400]
    if _BULLETIN.search(head):
        return "bulletin"
    if _PLAN.search(head):
        return "plan"
    return "work_report"


def _title(original: str, fallback: str) -> str:
    for line in original.splitlines():
        if line.strip():
            return line.strip()[:120]
    return fallback[:120]


def _key(row: dict) -> str:
    # doc_key is missing (or null) only in results written before it existed
    return row.get("doc_key") or row["doc_id"]


def _rows_by_doc(path: Path, index: str) -> dict[str, list[dict]]:
    """The rows of one part file by document, in order, each ``index`` once (an input listed twice
    in one shard must not double a document's items)."""
    rows: dict[str, dict[int, dict]] = {}
    if path.exists():
        for row in pq.read_table(path).to_pylist():
            rows.setdefault(_key(row), {}).setdefault(row[index], row)
    return {k: [v[i] for i in sorted(v)] for k, v in rows.items()}


def _section_of(item: dict, sections: list):
    """The heading an item sits under: the last one before it with its section title, else the last one."""
    before = [s for s in sections if s.span_start <= (item["span_start"] or 0)]
    if item["section"]:
        named = [s for s in before if s.title == item["section"]] or [s for s in sections if s.title == item["section"]]
        if named:
            return named[-1]
    return before[-1] if before else None


def load(out: str | Path, *, publish: bool = False, user=None) -> LoadSummary:
    from django.db import transaction

    from duban.web import tracking
    from duban.web.actions import record
    from duban.web.models import Item, Region, Report, Section

    out = Path(out)
    docs_dir, items_dir = out / "documents", out / "items"
    if not docs_dir.is_dir():
        raise FileNotFoundError(f"{out}: not a duban batch result (no documents/ folder)")
    summary = LoadSummary()
    region_cache: dict[tuple[str, str | None], Region] = {}

    def region_row(r: regions.Region) -> Region:
        parent = None
        for node in regions.lineage(r):
            key = (node.name, parent.pk if parent else None)
            if key not in region_cache:
                obj, created = Region.objects.get_or_create(
                    name=node.name, parent=parent, defaults={"level": node.level})
                summary.regions += created
                region_cache[key] = obj
            parent = region_cache[key]
        return parent

    for part in sorted(docs_dir.glob("part-*.parquet")):
        docs = pq.read_table(part).to_pylist()
        by_doc = _rows_by_doc(items_dir / part.name, "item_index")
        secs_by_doc = _rows_by_doc(out / "sections" / part.name, "section_index")
        keys = Counter(_key(d) for d in docs)
        for d in docs:
            if d["status"] != "ok" or d.get("original") is None:
                summary.not_ok += 1
                continue
            key = _key(d)
            if keys[key] > 1 and not d.get("doc_key"):
                summary.ambiguous += 1
                continue
            if not d["region"]:
                summary.no_region += 1
                continue
            year = d["year"] or d["extract_year"]
            if not year:
                summary.no_year += 1
                continue
            original = d["original"]
            checksum = hashlib.sha256(original.encode("utf-8")).hexdigest()
            with transaction.atomic():
                region = region_row(regions.Region(d["region"], d["region_level"] or "city", d["region_parent"]))
                if Report.objects.filter(region=region, year=year, checksum=checksum).exists():
                    summary.already += 1
                    continue
                report = Report.objects.create(
                    region=region, year=year, kind=report_kind(original),
                    title=_title(original, d["doc_id"]), source_name=(d["url"] or d["doc_id"])[:300],
                    original=original, checksum=checksum, published=publish,
                )
                secs: list[Section] = []
                for r in secs_by_doc.get(key, []):
                    parent = secs[r["parent"]] if r["parent"] is not None and 0 <= r["parent"] < len(secs) else None
                    secs.append(Section.objects.create(
                        report=report, parent=parent, title=(r["title"] or "")[:300], level=r["level"] or 1,
                        span_start=r["span_start"] or 0, span_end=r["span_end"] or 0, order=r["section_index"]))
                rows = by_doc.get(key, [])
                Item.objects.bulk_create([
                    Item(report=report, section=_section_of(r, secs), kind=r["kind"],
                         indicator=(r["indicator"] or "")[:500],
                         canonical=r["canonical"] or "", cmp=r["cmp"] or "", low=r["low"], high=r["high"],
                         unit=r["unit"] or "", period=r["period"] or "", value_base=r["value_base"],
                         span_start=r["span_start"], span_end=r["span_end"], quote=r["quote"] or "",
                         order=r["item_index"])
                    for r in rows
                ])
                record(user, "batch_load", report, after={"source": d["url"] or d["doc_id"], "items": len(rows),
                                                          "checksum": checksum, "batch": str(out)})
                tracking.refresh_report(report)
                summary.links += tracking.propose_links(report)
                summary.reports += 1
                summary.items += len(rows)
    return summary
