"""URLs: internal pages, public read-only pages under /public/, the JSON API under /api/."""

from __future__ import annotations

from importlib.util import find_spec

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from duban.web import people, views

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(template_name="duban/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("lang/<str:code>/", views.set_language, name="set_language"),
    path("upload/", views.upload, name="upload"),
    path("reports/<int:pk>/", views.report_view, name="report"),
    path("reports/<int:pk>/review/", views.review, name="review"),
    path("reports/<int:pk>/items/add/", views.item_add, name="item_add"),
    path("reports/<int:pk>/rerun/", views.report_rerun, name="report_rerun"),
    path("reports/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("reports/<int:pk>/assign/", views.assign, name="assign"),
    path("reports/<int:pk>/export.<str:fmt>", views.report_export, name="report_export"),
    path("reports/<int:pk>/import/", views.report_import, name="report_import"),
    path("reports/<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("items/<int:pk>/", views.item_view, name="item"),
    path("items/<int:pk>/confirm/", views.item_confirm, name="item_confirm"),
    path("items/<int:pk>/reject/", views.item_reject, name="item_reject"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/updates/", views.item_update, name="item_update"),
    path("items/<int:pk>/verdict/", views.item_verdict, name="item_verdict"),
    path("updates/<int:pk>/approve/", views.update_approve, name="update_approve"),
    path("updates/<int:pk>/return/", views.update_return, name="update_return"),
    path("updates/<int:pk>/evidence/", views.update_evidence, name="update_evidence"),
    path("links/<int:pk>/decide/", views.link_decide, name="link_decide"),
    path("inbox/", views.inbox, name="inbox"),
    path("tokens/", views.tokens, name="tokens"),
    path("people/", people.people_list, name="people"),
    path("people/add/", people.person_add, name="person_add"),
    path("people/<int:pk>/", people.person_view, name="person"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/roles/", people.person_role_add, name="person_role_add"),
    path("people/<int:pk>/roles/<int:role_pk>/remove/", people.person_role_remove, name="person_role_remove"),
    path("people/<int:pk>/active/", people.person_active, name="person_active"),
    path("people/<int:pk>/password/", people.person_password, name="person_password"),
    path("account/password/", people.PasswordChangeView.as_view(), name="password_change"),
    path("account/password/done/", people.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("compare/", views.compare, name="compare"),
    path("public/", views.public_index, name="public_index"),
    path("public/reports/<int:pk>/", views.public_report, name="public_report"),
    path("public/reports/<int:pk>/dashboard/", views.public_dashboard, name="public_dashboard"),
    path("public/items/<int:pk>/", views.public_item, name="public_item"),
    path("public/compare/", views.public_compare, name="public_compare"),
]

# the JSON API lives in duban.web.api (django-ninja), built alongside; mounted once the module exists
# (found but broken fails loudly rather than silently dropping the API)
if find_spec("duban.web.api") is not None:
    from duban.web.api import api

    urlpatterns.append(path("api/", api.urls))
