"""Django admin for the organisation: regions, departments, roles (and Django's own users).

Reports, items, updates and verdicts change only through the action layer and its pages, so they are
not editable here. Role and department changes made in the admin are still written to History.
"""

from __future__ import annotations

from django.contrib import admin

from duban.web import access
from duban.web.actions import record
from duban.web.models import Department, History, Membership, Region


class _Recorded(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        before = {k: str(form.initial.get(k)) for k in form.changed_data} if change else None
        super().save_model(request, obj, form, change)
        record(request.user, f"admin_{'change' if change else 'add'}_{obj._meta.model_name}", obj,
               before=before, after={k: str(form.cleaned_data.get(k)) for k in form.changed_data})
        if isinstance(obj, Membership):
            access.forget_roles(obj.user)

    def delete_model(self, request, obj):
        record(request.user, f"admin_delete_{obj._meta.model_name}", obj, before={"name": str(obj)})
        super().delete_model(request, obj)


@admin.register(Region)
class RegionAdmin(_Recorded):
    list_display = ("name", "level", "parent", "code")
    list_filter = ("level",)
    search_fields = ("name", "code")


@admin.register(Department)
class DepartmentAdmin(_Recorded):
    list_display = ("name", "region")
    list_filter = ("region",)
    search_fields = ("name",)


@admin.register(Membership)
class MembershipAdmin(_Recorded):
    list_display = ("user", "role", "region", "department")
    list_filter = ("role",)
    search_fields = ("user__username",)
    autocomplete_fields = ("user",)


@admin.register(History)
class HistoryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "object_type", "object_id", "report", "item")
    list_filter = ("action", "object_type")
    search_fields = ("actor_name", "action")
    date_hierarchy = "at"

    # append-only: read, never write
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
