"""The organisation admin (/admin/): staff only, History written, History itself read-only."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from duban.web.models import History, Membership


def test_admin_needs_staff_and_records_role_changes(world):
    assert Client().get(reverse("admin:index")).status_code == 302  # to the admin login
    admin = world.users["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    c = Client()
    c.force_login(admin)
    assert c.get(reverse("admin:index")).status_code == 200
    r = c.post(reverse("admin:duban_membership_add"), {"user": world.users["nobody"].pk, "role": "reporter",
                                                       "department": world.edu.pk})
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Membership.objects.filter(user=world.users["nobody"], role="reporter", department=world.edu).exists()
    h = History.objects.get(action="admin_add_membership")
    assert h.actor == admin and h.after["role"] == "reporter"
    # History is read-only even for a superuser
    assert c.get(reverse("admin:duban_history_change", args=[h.pk])).status_code in (200, 403)
    assert c.post(reverse("admin:duban_history_delete", args=[h.pk]), {"post": "yes"}).status_code == 403
    assert History.objects.filter(pk=h.pk).exists()


def test_admin_rejects_a_role_without_its_scope(world):
    admin = world.users["admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    c = Client()
    c.force_login(admin)
    r = c.post(reverse("admin:duban_membership_add"), {"user": world.users["nobody"].pk, "role": "supervisor"})
    assert r.status_code == 200  # the form again, with the constraint's error
    assert not Membership.objects.filter(user=world.users["nobody"]).exists()
