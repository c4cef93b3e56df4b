"""The tracking data model (Django ORM). Every state change goes through `duban.web.actions`.

- Region: national > province > city > district/county (``parent``). Reports, departments and supervisors
  hang off a region; a supervisor of a region also supervises its descendants.
- Report: one document of a region and year (kind work_report | plan | bulletin) with the original text
  (what spans index), the normalized text, a sha256 ``checksum`` of the original and ``published``
  (visible without login).
- Section: the report's heading tree (``parent``), span into ``Report.original``.
- Item: one extracted or hand-added target | actual | task: indicator, canonical, cmp, low, high, unit,
  period, value_base, span_start/span_end + quote (``report.original[span_start:span_end] == quote`` for
  extracted items), ``status`` extracted | confirmed | corrected | rejected | added, ``human`` (a person
  decided: re-running extraction never touches it), ``external_id`` (stable across export/import),
  ``version`` (optimistic concurrency: every change bumps it; an edit must name the version it started
  from), ``light`` + ``light_reason`` (red | yellow | green, or blank while untracked; stored by
  duban.web.tracking from duban.track after every change, not a human field; ``light_parts`` keeps the
  reason as message parts so pages show it in the UI language).
- Department: a unit of a region's government (牵头/责任单位).
- Assignment: one per item: ``lead`` department, ``co_units``, ``deadline`` date and the ``deadline_phrase``
  as written (年底前, 三季度 ...).
- ProgressUpdate: a department's report on an item: value, percent, note, evidence_url or evidence_file,
  author, state draft -> submitted -> returned | approved, reviewer + review_note.
- Verdict: one per target: met | partly | missed | not_yet | uncheckable, reason, optional linked actual
  (an Item of kind actual, usually from a later report) or the approved update it rests on; ``computed``
  tells a rule's verdict from a person's.
- Link: a proposed / confirmed / rejected pairing of an actual with an earlier target (track proposes,
  a person confirms).
- History: append-only log of every change: actor, time, action, object, before/after JSON.
- Membership: a user's role: admin | supervisor (of a region) | reporter (of a department).
  Anonymous users are the public: published reports only, read only.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    LEVELS = [
        ("national", _("全国")),
        ("province", _("省")),
        ("city", _("市")),
        ("district", _("区")),
        ("county", _("县")),
    ]
    name = models.CharField(_("名称"), max_length=100)
    level = models.CharField(_("级别"), max_length=10, choices=LEVELS)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    code = models.CharField(_("行政区划代码"), max_length=12, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="region_unique_name")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[Region]:
        """This region and every region above it, nearest first."""
        chain, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node)
            node = node.parent
        return chain

    def full_name(self) -> str:
        return "".join(r.name for r in reversed(self.ancestors()) if r.level != "national")


class Report(models.Model):
    KINDS = [("work_report", _("政府工作报告")), ("plan", _("规划")), ("bulletin", _("统计公报"))]
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="reports")
    year = models.PositiveSmallIntegerField(_("年份"))
    kind = models.CharField(_("类型"), max_length=12, choices=KINDS, default="work_report")
    title = models.CharField(_("标题"), max_length=300)
    source_name = models.CharField(_("来源文件"), max_length=300, blank=True)
    original = models.TextField(_("原文"))
    text = models.TextField(_("规范化文本"), blank=True)
    checksum = models.CharField(max_length=64, db_index=True)
    published = models.BooleanField(_("已公开"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    extracted_at = models.DateTimeField(null=True, blank=True)
    lights_date = models.DateField(null=True, blank=True)  # the day verdicts and lights were last refreshed

    class Meta:
        ordering = ["-year", "region__name", "pk"]
        # lights_date: the site stamp of every cached list counts today's refreshed reports; without
        # the index SQLite reads each report row past its two long texts (~4 ms per request)
        indexes = [models.Index(fields=["region", "year"]), models.Index(fields=["lights_date"])]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    title = models.CharField(max_length=300)
    level = models.PositiveSmallIntegerField(default=1)
    span_start = models.PositiveIntegerField(default=0)
    span_end = models.PositiveIntegerField(default=0)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.title


class Department(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departments")
    name = models.CharField(_("名称"), max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="department_unique_name")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def _new_external_id() -> str:
    return uuid.uuid4().hex


class Item(models.Model):
    KINDS = [("target", _("目标")), ("actual", _("实绩")), ("task", _("任务"))]
    CMPS = [("=", "="), ("~", _("左右")), (">=", _("以上")), ("<=", _("以内")), ("range", _("区间"))]
    STATUSES = [
        ("extracted", _("待审核")),
        ("confirmed", _("已确认")),
        ("corrected", _("已更正")),
        ("rejected", _("已驳回")),
        ("added", _("人工添加")),
    ]
    LIGHTS = [("green", _("绿灯")), ("yellow", _("黄灯")), ("red", _("红灯")), ("grey", _("未开始"))]
    # the fields a reviewer may change; History records them before/after
    EDITABLE = ("kind", "indicator", "canonical", "cmp", "low", "high", "unit", "period", "section_id")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    kind = models.CharField(_("类别"), max_length=8, choices=KINDS)
    indicator = models.CharField(_("指标/任务"), max_length=500)
    canonical = models.CharField(_("标准指标"), max_length=100, blank=True, db_index=True)
    cmp = models.CharField(_("比较"), max_length=5, choices=CMPS, blank=True)
    low = models.FloatField(_("下限"), null=True, blank=True)
    high = models.FloatField(_("上限"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    period = models.CharField(_("期限"), max_length=20, blank=True)
    value_base = models.FloatField(null=True, blank=True)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(_("原文引用"), blank=True)
    order = models.PositiveIntegerField(default=0)
    status = models.CharField(_("状态"), max_length=10, choices=STATUSES, default="extracted", db_index=True)
    human = models.BooleanField(default=False, help_text="a person decided; extraction re-runs leave it alone")
    external_id = models.CharField(max_length=64, unique=True, default=_new_external_id)
    version = models.PositiveIntegerField(default=1)
    light = models.CharField(_("灯"), max_length=6, choices=LIGHTS, blank=True)
    light_reason = models.CharField(max_length=200, blank=True)
    light_parts = models.JSONField(default=list, blank=True)  # the reason as duban.track message parts
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "order", "pk"]
        # (report, order): the lists' order by report, then place in the text
        indexes = [models.Index(fields=["report", "kind", "status"]), models.Index(fields=["report", "order"])]

    def __str__(self) -> str:
        return self.indicator

    @property
    def light_text(self) -> str:
        """Why the light is what it is, in the UI language."""
        from duban.web.reasons import render

        return render(self.light_parts, self.light_reason)

    def value_text(self) -> str:
        """The number as people write it: 5.5-6%, 400亿元左右, 5%以上."""
        if self.low is None:
            return ""
        num = _num(self.low)
        if self.cmp == "range" and self.high is not None:
            num = f"{num}-{_num(self.high)}"
        suffix = {"~": "左右", ">=": "以上", "<=": "以内"}.get(self.cmp, "")
        return f"{num}{self.unit}{suffix}"


def _num(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e15 else str(x)


class Assignment(models.Model):
    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="assignment")
    lead = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="lead_assignments",
                             verbose_name=_("牵头单位"))
    co_units = models.ManyToManyField(Department, blank=True, related_name="co_assignments",
                                      verbose_name=_("责任单位"))
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    deadline_phrase = models.CharField(_("时限原文"), max_length=50, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    assigned_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.item} -> {self.lead}"


def _evidence_path(instance: ProgressUpdate, filename: str) -> str:
    return f"evidence/{instance.item_id}/{uuid.uuid4().hex}/{filename}"


class ProgressUpdate(models.Model):
    STATES = [("draft", _("草稿")), ("submitted", _("已提交")), ("returned", _("已退回")),
              ("approved", _("已审核"))]
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="updates")
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.SET_NULL)
    value = models.FloatField(_("完成值"), null=True, blank=True)
    percent = models.FloatField(_("完成进度%"), null=True, blank=True)
    note = models.TextField(_("进展情况"), blank=True)
    evidence_url = models.URLField(_("佐证链接"), max_length=500, blank=True)
    evidence_file = models.FileField(_("佐证材料"), upload_to=_evidence_path, blank=True, max_length=300)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="progress_updates")
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=STATES, default="draft", db_index=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="reviewed_updates")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)

    class Meta:
        ordering = ["item", "created_at", "pk"]


class Verdict(models.Model):
    VERDICTS = [("met", _("已完成")), ("partly", _("部分完成")), ("missed", _("未完成")),
                ("not_yet", _("尚未到期")), ("uncheckable", _("无法核验"))]
    target = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="verdict")
    verdict = models.CharField(_("结论"), max_length=12, choices=VERDICTS, default="not_yet")
    reason = models.TextField(_("理由"), blank=True)
    # a computed reason as duban.track message parts (rendered in the UI language); [] for a person's reason
    reason_parts = models.JSONField(default=list, blank=True)
    actual = models.ForeignKey(Item, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="verdicts_as_actual")
    update = models.ForeignKey(ProgressUpdate, null=True, blank=True, on_delete=models.SET_NULL)
    computed = models.BooleanField(default=True, help_text="set by the rules (False: a person decided)")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(default=timezone.now)

    @property
    def reason_text(self) -> str:
        """The reason in the UI language (a person's reason as written)."""
        from duban.web.reasons import render

        return render(self.reason_parts, self.reason) if self.computed else self.reason


class Link(models.Model):
    STATES = [("proposed", _("待确认")), ("confirmed", _("已确认")), ("rejected", _("已否定"))]
    target = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links_as_target")
    actual = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links_as_actual")
    state = models.CharField(max_length=10, choices=STATES, default="proposed")
    score = models.FloatField(default=0.0)
    reason = models.CharField(max_length=300, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "actual"], name="link_unique_pair")]


class HistoryQuerySet(models.QuerySet):
    def update(self, **kwargs):  # append-only
        raise TypeError("History is append-only")

    def delete(self):
        raise TypeError("History is append-only")


class History(models.Model):
    """Append-only: rows are created, never changed or deleted (objects and instances refuse)."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_name = models.CharField(max_length=150, blank=True)  # kept when the user is gone
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=40)
    object_id = models.BigIntegerField(null=True)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="history")
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.SET_NULL, related_name="history")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name_plural = "history"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("History is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("History is append-only")


class Membership(models.Model):
    ROLES = [("admin", _("管理员")), ("supervisor", _("督查人员")), ("reporter", _("部门填报人"))]
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=10, choices=ROLES)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.CASCADE)
    department = models.ForeignKey(Department, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(role="admin")
                           | models.Q(role="supervisor", region__isnull=False)
                           | models.Q(role="reporter", department__isnull=False)),
                name="membership_scope",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} {self.region or self.department or ''}".strip()
