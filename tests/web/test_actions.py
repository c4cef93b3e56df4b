"""The action layer: state changes, History, concurrency, and the role x action permission matrix."""

from __future__ import annotations

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

import duban
from duban.errors import InputError
from duban.items import Extraction, Section
from duban.items import Item as XItem
from duban.web import actions, people
from duban.web.models import Assignment, History, Item, ProgressUpdate, Report


@pytest.fixture(autouse=True)
def _english():
    # the messages asserted below are the English ones (the catalogue's); Chinese is tested in test_i18n
    from django.utils import translation

    with translation.override("en"):
        yield


def _fake_extraction(text: str) -> Extraction:
    """What a good extraction returns for REPORT_TEXT, spans computed from the text."""
    def span(q: str) -> tuple[int, int]:
        s = text.index(q)
        return (s, s + len(q))

    items = [
        XItem("target", "地区生产总值增长", "地区生产总值增长5.5-6%", span("地区生产总值增长5.5-6%"), "range", 5.5, 6,
              "%", "2021", "一、主要目标"),
        XItem("target", "新增学位", "新增学位4290个", span("新增学位4290个"), "=", 4290, None, "个", "2021",
              "一、主要目标"),
        XItem("task", "推进罗湖北站规划建设", "推进罗湖北站规划建设", span("推进罗湖北站规划建设"),
              section="二、重点工作"),
    ]
    sections = [Section("一、主要目标", 1, span("一、主要目标")), Section("二、重点工作", 1, span("二、重点工作"))]
    return Extraction(source=None, items=items, sections=sections, year=2021)


@pytest.fixture
def fake_extract(monkeypatch):
    monkeypatch.setattr(duban, "extract", lambda doc, year=None: _fake_extraction(doc.original))


def test_upload_stores_report_sections_and_items_with_exact_spans(world, fake_extract):
    report = actions.do_upload_report(world.users["supervisor"], region=world.luohu, year=2021,
                                      data=world.report.original.encode(), name="luohu.txt")
    assert report.title == "罗湖区2021年政府工作报告"
    assert [s.title for s in report.sections.all()] == ["一、主要目标", "二、重点工作"]
    items = list(report.items.all())
    assert len(items) == 3
    for it in items:
        assert report.original[it.span_start:it.span_end] == it.quote
        assert it.status == "extracted" and not it.human and it.version == 1
    assert items[1].section.title == "一、主要目标"
    assert items[2].section.title == "二、重点工作"
    assert History.objects.filter(report=report, action="upload").count() == 1


@pytest.mark.parametrize("data,name,reason", [
    (b"\xff\xfe\x00garbage" * 10, "broken.pdf", ""),
    (b"hello", "report.exe", "unsupported file type"),
    (b"x" * 2048, "big.txt", "over the limit"),
    (b"   \n  ", "empty.txt", "empty"),
])
def test_bad_upload_raises_input_error_and_stores_nothing(world, settings, data, name, reason):
    settings.DUBAN_MAX_UPLOAD_BYTES = 1024
    before = (Report.objects.count(), Item.objects.count(), History.objects.count())
    with pytest.raises(InputError) as e:
        actions.do_upload_report(world.users["supervisor"], region=world.luohu, year=2021, data=data, name=name)
    assert name in str(e.value) and reason in str(e.value)
    assert (Report.objects.count(), Item.objects.count(), History.objects.count()) == before


def test_upload_without_year_anywhere_is_an_input_error(world):
    with pytest.raises(InputError, match="year"):
        actions.do_upload_report(world.users["supervisor"], region=world.luohu, text="没有年份的文字。")
    assert Report.objects.filter(title="没有年份的文字。").count() == 0


def test_rerun_never_overwrites_human_decisions(world, fake_extract):
    sup = world.users["supervisor"]
    report = actions.do_upload_report(sup, region=world.luohu, year=2021, text=world.report.original)
    gdp, degrees, task = report.items.order_by("order")
    actions.do_edit_item(sup, gdp, {"low": 5, "high": 6.5}, expected_version=gdp.version)
    actions.do_reject_item(sup, task, reason="不是任务")
    actions.do_assign(sup, [degrees], world.edu)
    counts = actions.do_rerun_extraction(sup, report)
    gdp.refresh_from_db()
    task.refresh_from_db()
    assert (gdp.low, gdp.high, gdp.status, gdp.human) == (5, 6.5, "corrected", True)
    assert task.status == "rejected"
    # the untouched extracted item is refreshed in place: same row, assignment kept
    assert Item.objects.filter(pk=degrees.pk, assignment__lead=world.edu).exists()
    assert report.items.count() == 3
    assert counts == {"added": 0, "updated": 1, "removed": 0, "kept": 0}


def test_edit_with_stale_version_is_a_conflict_and_loses_nothing(world):
    sup, city = world.users["supervisor"], world.users["city_supervisor"]
    item = world.target
    first_view = Item.objects.get(pk=item.pk)
    second_view = Item.objects.get(pk=item.pk)
    actions.do_edit_item(sup, first_view, {"low": 4300}, expected_version=first_view.version)
    with pytest.raises(actions.Conflict, match="supervisor"):
        actions.do_edit_item(city, second_view, {"low": 9999}, expected_version=second_view.version)
    item.refresh_from_db()
    assert item.low == 4300 and item.version == 2 and item.status == "corrected"
    assert History.objects.filter(item=item, action="edit").count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_edits_from_two_threads_one_wins_one_conflicts(world):
    from django.db import connection

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memory", ":memory:")):
        pytest.skip("threads cannot share an in-memory SQLite database")
    item = world.target
    results: list[str] = []

    def edit(user_name: str, low: float) -> None:
        from django.db import connections
        try:
            actions.do_edit_item(world.users[user_name], Item.objects.get(pk=item.pk), {"low": low}, 1)
            results.append("ok")
        except actions.Conflict:
            results.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(n, v)) for n, v in (("supervisor", 1), ("admin", 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict", "ok"]
    item.refresh_from_db()
    assert item.version == 2


def test_edit_validates_values(world):
    sup = world.users["supervisor"]
    with pytest.raises(actions.Invalid):
        actions.do_edit_item(sup, world.target, {"low": "many"}, expected_version=1)
    with pytest.raises(actions.Invalid):
        actions.do_edit_item(sup, world.target, {"cmp": "range", "low": 5, "high": 4}, expected_version=1)
    with pytest.raises(actions.Invalid):
        actions.do_edit_item(sup, world.target, {"kind": "wish"}, expected_version=1)
    world.target.refresh_from_db()
    assert world.target.version == 1 and world.target.low == 4290


def test_editing_a_task_into_a_target_needs_a_value_and_back_clears_numbers(world):
    sup = world.users["supervisor"]
    with pytest.raises(actions.Invalid):
        actions.do_edit_item(sup, world.task, {"kind": "target"}, expected_version=1)
    item = actions.do_edit_item(sup, world.target, {"kind": "task"}, expected_version=1)
    assert (item.cmp, item.low, item.unit) == ("", None, "")


def test_add_item_finds_its_quote(world):
    item = actions.do_add_item(world.users["supervisor"], world.report,
                               {"kind": "target", "indicator": "地区生产总值增长", "cmp": "range", "low": 5.5,
                                "high": 6, "unit": "%"}, quote="地区生产总值增长5.5-6%")
    assert world.report.original[item.span_start:item.span_end] == item.quote
    assert item.status == "added" and item.human
    with pytest.raises(actions.Invalid, match="quote"):
        actions.do_add_item(world.users["supervisor"], world.report, {"kind": "task", "indicator": "x"},
                            quote="不在原文里的话")


def test_progress_workflow_draft_submit_return_resubmit_approve(world):
    sup, rep = world.users["supervisor"], world.users["reporter"]
    with pytest.raises(actions.Invalid, match="not assigned"):
        actions.do_submit_update(sup, world.target, percent=10)
    [a] = actions.do_assign(sup, [world.target], world.edu, co_units=[world.health], deadline_phrase="年底前")
    assert a.deadline_phrase == "年底前"
    assert set(a.co_units.all()) == {world.health}
    draft = actions.do_submit_update(rep, world.target, value=1000, percent=25, note="开工", draft=True)
    assert draft.state == "draft" and draft.department == world.edu
    upd = actions.do_submit_update(rep, world.target, value=1000, percent=25, note="开工", update=draft,
                                   evidence_file=SimpleUploadedFile("photo.txt", b"evidence"))
    assert upd.pk == draft.pk and upd.state == "submitted" and upd.submitted_at
    with pytest.raises(actions.Invalid, match="why"):
        actions.do_return_update(sup, upd, note="")
    upd = actions.do_return_update(sup, upd, note="请补充照片")
    assert upd.state == "returned"
    with pytest.raises(actions.Conflict):
        actions.do_approve_update(sup, upd)
    upd = actions.do_submit_update(rep, world.target, value=4290, percent=100, note="完成", update=upd)
    upd = actions.do_approve_update(sup, upd, note="同意")
    assert upd.state == "approved" and upd.reviewer == sup
    with pytest.raises(actions.Invalid):
        actions.do_submit_update(rep, world.target, note="改", update=upd)
    assert list(History.objects.filter(item=world.target).exclude(action="verdict_computed")
                .values_list("action", flat=True)) == [
        "assign", "save_draft", "submit_update", "return_update", "submit_update", "approve_update"]
    assert upd.evidence_file.read() == b"evidence"


def test_submit_update_validates_input(world):
    sup, rep = world.users["supervisor"], world.users["reporter"]
    actions.do_assign(sup, [world.target], world.edu)
    for bad in ({"percent": 120}, {}, {"note": "x", "evidence_url": "javascript:alert(1)"}, {"value": "abc"}):
        with pytest.raises(actions.Invalid):
            actions.do_submit_update(rep, world.target, **bad)
    assert ProgressUpdate.objects.count() == 0


def test_assign_refuses_departments_of_another_region_and_rejected_items(world):
    sup = world.users["supervisor"]
    with pytest.raises(actions.Invalid):
        actions.do_assign(sup, [world.target], world.futian_edu)
    actions.do_reject_item(sup, world.task)
    with pytest.raises(actions.Invalid):
        actions.do_assign(sup, [world.target, world.task], world.edu)
    assert Assignment.objects.count() == 0  # bulk assign is all or nothing


def test_history_is_append_only(world):
    actions.do_confirm_item(world.users["supervisor"], world.target)
    h = History.objects.get(action="confirm")
    assert h.before["status"] == "extracted" and h.after["status"] == "confirmed"
    assert h.actor_name == "supervisor"
    with pytest.raises(TypeError):
        h.save()
    with pytest.raises(TypeError):
        h.delete()
    with pytest.raises(TypeError):
        History.objects.all().delete()
    with pytest.raises(TypeError):
        History.objects.update(action="x")


# --- the role x action matrix --------------------------------------------------------------------

ROLES = ("admin", "supervisor", "city_supervisor", "other_supervisor", "reporter", "other_reporter", "nobody",
         "anonymous")
SUPERVISE = {"admin", "supervisor", "city_supervisor"}


def _assigned(w):
    actions.do_assign(w.users["admin"], [w.target], w.edu)


def _submitted(w):
    _assigned(w)
    return actions.do_submit_update(w.users["reporter"], w.target, percent=50)


def _none(w):
    return None


def _second_role(w):
    return people.do_give_role(w.users["admin"], w.users["reporter"], "reporter", department=w.health)


def _deactivated(w):
    people.do_set_active(w.users["admin"], w.users["reporter"], False)


# action: (roles allowed, setup run by others, the action run as the role under test)
ACTIONS = {
    "upload": (SUPERVISE, _none, lambda w, u, _: actions.do_upload_report(u, region=w.luohu, year=2021,
                                                                            text="新增学位10个")),
    "rerun": (SUPERVISE, _none, lambda w, u, _: actions.do_rerun_extraction(u, w.report)),
    "confirm": (SUPERVISE, _none, lambda w, u, _: actions.do_confirm_item(u, w.target)),
    "edit": (SUPERVISE, _none, lambda w, u, _: actions.do_edit_item(u, w.target, {"low": 1}, 1)),
    "reject": (SUPERVISE, _none, lambda w, u, _: actions.do_reject_item(u, w.target)),
    "add": (SUPERVISE, _none, lambda w, u, _: actions.do_add_item(u, w.report, {"kind": "task",
                                                                                 "indicator": "新任务"})),
    "assign": (SUPERVISE, _none, lambda w, u, _: actions.do_assign(u, [w.target], w.edu)),
    "publish": (SUPERVISE, _none, lambda w, u, _: actions.do_publish_report(u, w.report)),
    "set_verdict": (SUPERVISE, _none, lambda w, u, _: actions.do_set_verdict(u, w.target, "met", "统计公报")),
    "add_department": (SUPERVISE, _none, lambda w, u, _: actions.do_add_department(u, w.luohu, "民政局")),
    "submit_update": (SUPERVISE | {"reporter"}, _assigned,
                      lambda w, u, _: actions.do_submit_update(u, w.target, percent=10)),
    "approve_update": (SUPERVISE, _submitted, lambda w, u, upd: actions.do_approve_update(u, upd)),
    "return_update": (SUPERVISE, _submitted, lambda w, u, upd: actions.do_return_update(u, upd, "补充材料")),
    # people (duban.web.people): supervisors manage the reporters of their regions' departments
    "create_reporter": (SUPERVISE, _none, lambda w, u, _: people.do_create_person(
        u, username="new.reporter", role="reporter", department=w.edu)),
    "create_supervisor": ({"admin"}, _none, lambda w, u, _: people.do_create_person(
        u, username="new.supervisor", role="supervisor", region=w.luohu)),
    "give_reporter_role": (SUPERVISE, _none, lambda w, u, _: people.do_give_role(
        u, w.users["reporter"], "reporter", department=w.health)),
    "give_admin_role": ({"admin"}, _none, lambda w, u, _: people.do_give_role(u, w.users["nobody"], "admin")),
    "remove_reporter_role": (SUPERVISE, _second_role, lambda w, u, m: people.do_remove_role(u, m)),
    "remove_supervisor_role": ({"admin"}, _none, lambda w, u, _: people.do_remove_role(
        u, w.users["other_supervisor"].memberships.get())),
    "edit_person": (SUPERVISE, _none, lambda w, u, _: people.do_edit_person(
        u, w.users["reporter"], name="李四", email="")),
    "deactivate": (SUPERVISE, _none, lambda w, u, _: people.do_set_active(u, w.users["reporter"], False)),
    "reactivate": (SUPERVISE, _deactivated, lambda w, u, _: people.do_set_active(u, w.users["reporter"], True)),
    "reset_password": (SUPERVISE, _none, lambda w, u, _: people.do_reset_password(u, w.users["reporter"])),
    "reset_supervisor_password": ({"admin"}, _none, lambda w, u, _: people.do_reset_password(
        u, w.users["supervisor"])),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(world, action, role):
    allowed, setup, run = ACTIONS[action]
    user = world.users[role]
    ctx = setup(world)
    n = History.objects.count()
    last = History.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if role in allowed:
        run(world, user, ctx)
        assert History.objects.filter(pk__gt=last, actor=user).exists()
    else:
        with pytest.raises(actions.Forbidden):
            run(world, user, ctx)
        assert History.objects.count() == n


def test_the_same_document_twice_is_stored_once(world):
    sup = world.users["supervisor"]
    first = actions.do_upload_report(sup, region=world.luohu, year=2021, text="罗湖区2021年\n新增学位10个。")
    n = History.objects.count()
    with pytest.raises(actions.Duplicate) as e:
        actions.do_upload_report(sup, region=world.luohu, year=2021, data="罗湖区2021年\n新增学位10个。".encode(),
                                 name="again.txt")
    assert e.value.report == first and History.objects.count() == n
    # the same text for another region is another report
    actions.do_upload_report(world.users["admin"], region=world.city, year=2021, text="罗湖区2021年\n新增学位10个。")
