"""Link proposals for stored items: the ORM side of `duban.track.linking`.

``duban.web.tracking`` stores verdicts and lights; this module adds what needs a look across reports:
for an actual (from a later report or a bulletin) the earlier targets it may close, and for a target
the actuals already stored that may close it (same region, same canonical indicator or indicator
text, matching period; see `duban.track.linking`). Links are created ``proposed``; a person confirms
them through ``actions.do_decide_link``, and decided links are never touched. ``Link.reason`` keeps
duban.track's Chinese reason pieces joined by "；"; pages show it in the UI language with
`duban.web.reasons.render_link`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from duban.track.linking import propose_links
from duban.web.models import Item, Link


def _as_quantity(item) -> dict[str, Any]:
    return {"kind": item.kind, "region": item.report.region_id, "canonical": item.canonical or None,
            "indicator": item.indicator, "period": item.period or None, "cmp": item.cmp or None,
            "low": item.low, "high": item.high, "unit": item.unit, "id": item.pk}


def propose_links_for_item(item) -> int:
    """Create proposed Links between ``item`` and matching items of its region; returns how many."""
    if item.kind not in ("target", "actual") or item.status == "rejected":
        return 0
    other = "target" if item.kind == "actual" else "actual"
    same = Q(canonical=item.canonical) if item.canonical else Q(canonical="", indicator=item.indicator)
    candidates = (Item.objects.filter(same, kind=other, report__region_id=item.report.region_id)
                  .exclude(status="rejected").exclude(pk=item.pk).select_related("report"))
    mine, theirs = _as_quantity(item), [_as_quantity(c) for c in candidates]
    pairs = propose_links([mine], theirs) if item.kind == "actual" else propose_links(theirs, [mine])
    made = 0
    for p in pairs:
        _, created = Link.objects.get_or_create(
            target_id=p.target["id"], actual_id=p.actual["id"],
            defaults={"score": float(p.score), "reason": "；".join(p.reasons)[:300]})
        made += created
    return made


def propose_links_for_report(report) -> int:
    """`propose_links_for_item` for every target and actual of a report (after an upload)."""
    return sum(propose_links_for_item(item) for item in
               report.items.filter(kind__in=("target", "actual")).exclude(status="rejected")
               .select_related("report"))
