"""Reminders: items due within N days or overdue, and the mail to their owners.

Owners are the reporters of an item's lead department and co-units. Mail goes through Django's email
backend (the console by default; DUBAN_EMAIL_BACKEND chooses another), one message per person listing
their items. Work that is finished (an approved update at 100%, or a met target) is not reminded.
`due_items()` gives the same list to the pages, limited to what a user may see; `duban remind` (cron)
sends the mail.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reminder:
    item: Any  # duban.web.models.Item
    due: dt.date
    days_left: int  # negative: overdue by that many days
    departments: list[str]
    recipients: list[Any] = field(default_factory=list)  # users

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def line(self, base_url: str = "") -> str:
        when = (f"已逾期 {-self.days_left} 天" if self.overdue
                else "今天到期" if self.days_left == 0 else f"还剩 {self.days_left} 天")
        link = f"  {base_url.rstrip('/')}/items/{self.item.pk}/" if base_url else ""
        return (f"- {self.item.indicator}（{self.item.report.title}）：期限 {self.due.isoformat()}，{when}；"
                f"牵头 {self.departments[0]}{link}")


def _finished(item, verdicts: dict[int, str], done: set[int]) -> bool:
    return verdicts.get(item.pk) == "met" or item.pk in done


def due_items(days: int = 7, *, today: dt.date | None = None, user=None, report=None) -> list[Reminder]:
    """Assigned, unfinished items whose deadline is within ``days`` days or past, soonest first.

    With ``user``, only the items that user supervises or reports on (for the pages); with ``report``,
    only that report's items (its dashboard).
    """
    from django.db.models import Q
    from django.utils import timezone

    from duban.web import access
    from duban.web.models import Assignment, Membership, ProgressUpdate, Verdict

    today = today or timezone.localdate()
    qs = (Assignment.objects.filter(deadline__isnull=False, deadline__lte=today + dt.timedelta(days=days))
          .exclude(item__status="rejected").select_related("item__report", "lead")
          .prefetch_related("co_units").order_by("deadline", "item__report_id", "item__order"))
    if report is not None:
        qs = qs.filter(item__report=report)
    if user is not None:
        regions = access.supervised_region_ids(user)
        if regions is not None:
            deps = access.roles(user).departments
            qs = qs.filter(Q(item__report__region_id__in=regions) | Q(lead_id__in=deps) | Q(co_units__in=deps))
            qs = qs.distinct()
    assignments = list(qs)
    ids = [a.item_id for a in assignments]
    verdicts = dict(Verdict.objects.filter(target_id__in=ids).values_list("target_id", "verdict"))
    done = set(ProgressUpdate.objects.filter(item_id__in=ids, state="approved", percent__gte=100)
               .values_list("item_id", flat=True))
    reporters: dict[int, list] = defaultdict(list)
    dep_ids = {d.pk for a in assignments for d in (a.lead, *a.co_units.all())}
    for m in Membership.objects.filter(role="reporter", department_id__in=dep_ids).select_related("user"):
        if m.user.is_active:
            reporters[m.department_id].append(m.user)
    out = []
    for a in assignments:
        if _finished(a.item, verdicts, done):
            continue
        deps = [a.lead, *sorted(a.co_units.all(), key=lambda d: d.name)]
        people = list({u.pk: u for d in deps for u in reporters.get(d.pk, [])}.values())
        out.append(Reminder(a.item, a.deadline, (a.deadline - today).days, [d.name for d in deps], people))
    return out


def send_reminders(days: int = 7, *, today: dt.date | None = None, base_url: str = "",
                   dry_run: bool = False, out=None) -> dict[str, int]:
    """Send one message per owner listing their items; returns counts for the summary line."""
    from django.conf import settings
    from django.core.mail import EmailMessage, get_connection

    reminders = due_items(days, today=today)
    per_user: dict[int, tuple[Any, list[Reminder]]] = {}
    unowned = 0
    for r in reminders:
        if not r.recipients:
            unowned += 1
        for u in r.recipients:
            per_user.setdefault(u.pk, (u, []))[1].append(r)
    messages, no_email = [], 0
    for user, items in per_user.values():
        if not user.email:
            no_email += 1
            continue
        overdue = sum(r.overdue for r in items)
        subject = f"[督办] {len(items)} 项任务即将到期或已逾期" + (f"（{overdue} 项已逾期）" if overdue else "")
        body = "\n".join([f"{user.get_username()}，您好：", "", "以下任务请按期办理并及时报送进展：", "",
                          *(r.line(base_url) for r in items), "", "—— duban 督办提醒"])
        messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    if dry_run:
        for m in messages:
            print(f"to {m.to[0]}: {m.subject}", file=out or sys.stdout)
        sent = len(messages)
    else:
        sent = (get_connection().send_messages(messages) or 0) if messages else 0
    return {"items": len(reminders), "emails": sent, "no_email": no_email, "unowned": unowned}
