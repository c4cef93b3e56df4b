"""Model invariants the rest of the app relies on."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from duban.web.models import Item, Membership, Region


def test_region_tree(world):
    assert [r.name for r in world.luohu.ancestors()] == ["罗湖区", "深圳市", "广东省"]
    assert world.luohu.full_name() == "广东省深圳市罗湖区"
    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(name="罗湖区", level="district", parent=world.city)


@pytest.mark.parametrize("cmp,low,high,unit,text", [
    ("range", 5.5, 6, "%", "5.5-6%"),
    ("~", 400, None, "亿元", "400亿元左右"),
    (">=", 5, None, "%", "5%以上"),
    ("<=", 3, None, "%", "3%以内"),
    ("=", 4290, None, "个", "4290个"),
    ("", None, None, "", ""),
])
def test_value_text(cmp, low, high, unit, text):
    assert Item(kind="target", cmp=cmp, low=low, high=high, unit=unit).value_text() == text


def test_external_ids_are_unique_and_kept(world):
    ids = set(Item.objects.values_list("external_id", flat=True))
    assert len(ids) == Item.objects.count() and all(len(i) == 32 for i in ids)
    before = world.target.external_id
    world.target.indicator = "改名"
    world.target.save()
    world.target.refresh_from_db()
    assert world.target.external_id == before


@pytest.mark.parametrize("role,scope", [("supervisor", {}), ("reporter", {}), ("reporter", {"region": True})])
def test_a_role_needs_its_scope_in_the_database_too(world, role, scope):
    kwargs = {"region": world.luohu} if scope.get("region") else {}
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=world.users["nobody"], role=role, **kwargs)
