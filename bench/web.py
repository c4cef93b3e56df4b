"""Web load: the served app (`duban serve`) with 100 reports and 10,000 items under 20 concurrent clients.

    .venv/bin/python bench/web.py                        # build a temp data dir, serve it, measure, clean up
    .venv/bin/python bench/web.py --workers 1 2          # one run per uvicorn worker count
    .venv/bin/python bench/web.py --profile              # also: queries and time per page, in-process
    .venv/bin/python bench/web.py --think 1              # 20 people clicking about once a second
    .venv/bin/python bench/web.py --warm                 # caches warm before each page is measured
    .venv/bin/python bench/web.py --keep /tmp/duban-web  # build into this (new) dir and keep it

The data is generated with bulk ORM inserts (fast and repeatable, seed fixed): 10 districts under one
city, 10 years each = 100 published work reports, each with 6 themes and its share of the items
(40% targets, 15% actuals, 45% tasks), spans pointing into a generated report text; 85% of the
targets and tasks assigned (lead + co-units, year-end deadline), a third of those with an approved or
submitted progress update, verdicts on targets, lights, and history rows.

Each page is measured on its own: `--clients` threads, each with one keep-alive HTTP connection on
loopback, send requests back to back (or with `--think` pauses) until `--requests` answers were
received; report pages rotate over the 100 reports. Latencies are wall-clock per request as the client
sees it; "server CPU ms/req" is the CPU time the server processes used during the run divided by the
requests (from /proc, so it does not grow when other jobs share the machine); "1 client p50" is one
client alone, the latency without queueing. Pages are read as the city's supervisor (logged-in
session), the public ones anonymously. Not a test: nothing is asserted, the numbers go into
docs/benchmarks.md ("## Web").
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]

THEMES = ["推动经济高质量发展", "强化科技创新引领", "提升城市建设品质", "保障和改善民生", "加强生态环境保护",
          "推进基层社会治理"]
# (indicator, unit, cmp, low, high) of the targets and actuals the generator writes
QUANTITIES = [
    ("地区生产总值增长", "%", "range", 5.5, 6.0), ("固定资产投资", "亿元", "~", 400, None),
    ("社会消费品零售总额增长", "%", ">=", 5, None), ("一般公共预算收入增长", "%", "~", 3.4, None),
    ("城镇居民登记失业率", "%", "<=", 3, None), ("新增学位", "个", "=", 4290, None),
    ("新增总部企业", "家", ">=", 6, None), ("新建社康机构", "家", "range", 1, 2),
    ("筹集人才住房和保障性住房", "套", "=", 3000, None), ("新增医疗用地", "万平方米", "=", 1.5, None),
    ("国家高新技术企业", "家", ">=", 50, None), ("PM2.5年均浓度", "微克/立方米", "<=", 25, None),
]
TASKS = ["推进{}规划建设", "加快{}改造提升", "实施{}三年行动", "完善{}工作机制", "深化{}改革", "开展{}专项行动"]
TOPICS = ["口岸经济带", "城市更新", "数字人民币试点", "智慧停车", "老旧小区", "河道治理", "学前教育", "社区养老",
          "营商环境", "科技园区", "人才住房", "医疗集团", "垃圾分类", "公园绿道", "基层治理"]
SUFFIX = {"~": "左右", ">=": "以上", "<=": "以内", "=": "", "range": ""}
NUMERALS = "一二三四五六"
# narrative between the items, so a report is as long as a real one (~20k characters, DESIGN.md)
PROSE = ["坚持稳中求进工作总基调，完整准确全面贯彻新发展理念", "统筹发展和安全，更好统筹疫情防控和经济社会发展",
         "聚焦群众急难愁盼问题，持续用力办好民生实事", "深化改革扩大开放，持续优化营商环境",
         "推动有效市场和有为政府更好结合，激发各类市场主体活力", "坚持以人民为中心的发展思想，增进民生福祉",
         "强化底线思维，守牢安全生产和社会稳定底线", "以钉钉子精神抓好各项工作落实，确保各项目标任务圆满完成"]


@dataclass
class Built:
    report_ids: list[int]
    item_ids: list[int]
    supervisor: tuple[str, str]
    reporter: tuple[str, str]


def _value(cmp: str, low: float, high: float | None, unit: str) -> str:
    num = f"{low:g}" if cmp != "range" else f"{low:g}-{high:g}"
    return f"{num}{unit}{SUFFIX[cmp]}"


def _report_text(rng: random.Random, title: str, year: int, per_report: int, chars: int):
    """A report text of about ``chars`` characters with its themes and items; returns
    (text, sections, items) with spans."""
    parts = [title, "\n\n"]
    pos = len(title) + 2
    sections, items = [], []
    per_theme = [per_report // len(THEMES) + (1 if i < per_report % len(THEMES) else 0) for i in range(len(THEMES))]
    for t, (theme, n) in enumerate(zip(THEMES, per_theme, strict=True)):
        heading = f"{NUMERALS[t]}、{theme}"
        start = pos
        parts.append(heading + "\n")
        pos += len(heading) + 1
        sentences = []
        for _ in range(n):
            r = rng.random()
            if r < 0.55:
                kind = "target" if r < 0.40 else "actual"
                ind, unit, cmp, low, high = rng.choice(QUANTITIES)
                scale = rng.choice([0.5, 0.8, 1, 1.2, 2]) if unit not in ("%",) else 1
                low = round(low * scale, 1)
                high = round(high * scale, 1) if high is not None else None
                lead = f"{year}年" if kind == "target" else f"{year - 1}年完成"
                quote = f"{ind}{_value(cmp, low, high, unit)}"
                sentence = lead + quote
                qstart = len(lead)
                fields = dict(kind=kind, indicator=ind, cmp=cmp, low=low, high=high, unit=unit,
                              period=str(year if kind == "target" else year - 1))
            else:
                quote = rng.choice(TASKS).format(rng.choice(TOPICS))
                sentence, qstart = quote, 0
                fields = dict(kind="task", indicator=quote, cmp="", low=None, high=None, unit="", period="")
            sentences.append((sentence, qstart, quote, fields))
        at = pos  # sentences are joined by one "，"
        for sentence, qstart, quote, fields in sentences:
            items.append(dict(theme=t, span_start=at + qstart, span_end=at + qstart + len(quote), quote=quote,
                              **fields))
            at += len(sentence) + 1
        para = "，".join(x[0] for x in sentences) + "。\n"
        prose = []
        while len(para) + sum(map(len, prose)) < chars // len(THEMES):
            prose.append(rng.choice(PROSE) + "。")
        para += "".join(prose) + "\n\n"
        parts.append(para)
        pos += len(para)
        sections.append((heading, start, pos))
    return "".join(parts), sections, items


def build(data_dir: Path, n_reports: int, n_items: int, chars: int = 20_000, seed: int = 2021) -> Built:
    """Fill an empty data dir with reports, items and tracking state (bulk inserts, one transaction)."""
    from duban.web import setup

    setup(data_dir)
    import datetime as dt
    import secrets

    from django.contrib.auth.models import User
    from django.db import transaction
    from django.utils import timezone

    from duban.web import tracking
    from duban.web.models import (
        Assignment,
        Department,
        History,
        Item,
        Membership,
        ProgressUpdate,
        Region,
        Report,
        Section,
        Verdict,
    )

    rng = random.Random(seed)
    if Report.objects.exists():
        raise SystemExit(f"{data_dir} already has reports: give --keep an empty or new directory")
    now = timezone.now()
    with transaction.atomic():
        province = Region.objects.create(name="广东省", level="province")
        city = Region.objects.create(name="深圳市", level="city", parent=province)
        districts = [Region.objects.create(name=f"第{i + 1}区", level="district", parent=city) for i in range(10)]
        dep_names = tracking.known_departments()
        deps = {d.pk: [Department.objects.create(region=d, name=n) for n in dep_names] for d in districts}
        password = secrets.token_urlsafe(12)
        sup = User.objects.create_user("bench_supervisor", password=password)
        Membership.objects.create(user=sup, role="supervisor", region=city)
        rep = User.objects.create_user("bench_reporter", password=password)
        Membership.objects.create(user=rep, role="reporter", department=deps[districts[0].pk][1])
        years = list(range(2025 - n_reports // len(districts), 2025)) or [2024]
        per_report = n_items // n_reports
        report_ids: list[int] = []
        for r in range(n_reports):
            region = districts[r % len(districts)]
            year = years[(r // len(districts)) % len(years)]
            title = f"{region.name}{year}年政府工作报告"
            text, sections, items = _report_text(rng, title, year, per_report, chars)
            report = Report.objects.create(region=region, year=year, title=title, source_name=f"{title}.txt",
                                           original=text, text=text, checksum=f"bench-{r}", published=True,
                                           published_at=now, created_by=sup, extracted_at=now)
            report_ids.append(report.pk)
            secs = Section.objects.bulk_create(
                [Section(report=report, title=h, level=1, span_start=a, span_end=b, order=n)
                 for n, (h, a, b) in enumerate(sections)])
            rows = []
            for n, it in enumerate(items):
                theme = it.pop("theme")
                rows.append(Item(report=report, section=secs[theme], order=n, status=rng.choice(
                    ["extracted", "extracted", "confirmed", "corrected"]), **it))
            Item.objects.bulk_create(rows)
            tracked = [i for i in rows if i.kind != "actual" and rng.random() < 0.85]
            due = dt.date(year, 12, 31)
            local = deps[region.pk]
            assigns = Assignment.objects.bulk_create(
                [Assignment(item=i, lead=rng.choice(local), deadline=due, deadline_phrase="年底前",
                            assigned_by=sup, assigned_at=now) for i in tracked])
            through = Assignment.co_units.through
            through.objects.bulk_create([through(assignment_id=a.pk, department_id=rng.choice(local).pk)
                                         for a in assigns if rng.random() < 0.4], ignore_conflicts=True)
            updates, history = [], [History(actor=sup, actor_name=sup.username, action="upload",
                                            object_type="report", object_id=report.pk, report=report,
                                            after={"items": len(rows)})]
            for a in assigns:
                history.append(History(actor=sup, actor_name=sup.username, action="assign",
                                       object_type="assignment", object_id=a.pk, report=report, item=a.item,
                                       after={"lead": a.lead.name, "deadline": due.isoformat()}))
                if rng.random() < 1 / 3:
                    approved = rng.random() < 0.6
                    updates.append(ProgressUpdate(
                        item=a.item, department=a.lead, value=a.item.low, percent=rng.choice([30, 60, 100]),
                        note="按计划推进", author=rep, submitted_at=now,
                        state="approved" if approved else "submitted",
                        reviewer=sup if approved else None, reviewed_at=now if approved else None))
            ProgressUpdate.objects.bulk_create(updates)
            Verdict.objects.bulk_create(
                [Verdict(target=i, verdict=rng.choice(["met", "met", "partly", "missed", "uncheckable"]),
                         reason="bench", computed=True) for i in rows if i.kind == "target"])
            for i in tracked:
                i.light = rng.choice(["green", "green", "yellow", "red"])
                i.light_reason = "bench"
            Item.objects.bulk_update(tracked, ["light", "light_reason"])
            History.objects.bulk_create(history)
        item_ids = list(Item.objects.values_list("pk", flat=True))
    return Built(report_ids, item_ids, (sup.username, password), (rep.username, password))


# --- the served app and the clients --------------------------------------------------------------

def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(data_dir: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DUBAN_DATA_DIR")}
    cmd = [sys.executable, "-m", "duban.cli", "serve", "--no-demo", "--data-dir", str(data_dir),
           "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"duban serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/public/")
            if c.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("duban serve did not answer")


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by process ``root`` and its children (uvicorn workers)."""
    parent, used = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parent[int(d)], used[int(d)] = int(fields[1]), int(fields[11]) + int(fields[12])
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(used.get(p, 0) for p in tree) / os.sysconf("SC_CLK_TCK")


def login(port: int, username: str, password: str) -> str:
    """Log in through the login form; returns the Cookie header of the session."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/login/")
    r = c.getresponse()
    page = r.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", r.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    c.request("POST", "/login/", body, {"Content-Type": "application/x-www-form-urlencoded",
                                         "Cookie": f"csrftoken={csrf}", "Referer": f"http://127.0.0.1:{port}/"})
    r = c.getresponse()
    r.read()
    session = re.search(r"sessionid=([^;]+)", r.getheader("Set-Cookie") or "")
    if r.status != 302 or session is None:
        raise SystemExit(f"login as {username} failed ({r.status})")
    return f"sessionid={session.group(1)}; csrftoken={csrf}"


@dataclass
class Result:
    page: str
    n: int
    errors: int
    p50: float
    p95: float
    p99: float
    max: float
    rps: float
    size: int


def hammer(port: int, paths: Callable[[int], str], cookie: str, clients: int, requests: int,
           think: float = 0.0) -> Result:
    """`clients` threads on keep-alive connections until `requests` answers; each client waits a random
    0-2x `think` seconds between its requests (0: back to back, the server never idles)."""
    lock = threading.Lock()
    counter = iter(range(requests))
    lat: list[float] = []
    errors: list[int] = []
    sizes: list[int] = []
    headers = {"Cookie": cookie} if cookie else {}

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        if think:  # start spread out, as people do, not all in the same millisecond
            time.sleep(rng.uniform(0, 2 * think))
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            t0 = time.perf_counter()
            try:
                conn.request("GET", paths(n), headers=headers)
                r = conn.getresponse()
                body = r.read()
                ok = r.status == 200
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                ok, body = False, b""
            dt = time.perf_counter() - t0
            with lock:
                lat.append(dt)
                sizes.append(len(body))
                if not ok:
                    errors.append(n)
            if think:
                time.sleep(rng.uniform(0, 2 * think))
        conn.close()

    rng = random.Random(1)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    q = statistics.quantiles(lat, n=100, method="inclusive")
    return Result("", len(lat), len(errors), q[49] * 1e3, q[94] * 1e3, q[98] * 1e3, max(lat) * 1e3,
                  len(lat) / wall, int(statistics.mean(sizes)))


def pages(built: Built) -> list[tuple[str, Callable[[int], str], bool]]:
    """(name, path for the n-th request, as the logged-in supervisor?)"""
    reps, items = built.report_ids, built.item_ids

    def rep(fmt: str) -> Callable[[int], str]:
        return lambda n: fmt.format(reps[n % len(reps)])

    return [
        ("static file (baseline)", lambda n: "/static/duban/app.css", False),  # the ASGI path alone
        ("login page (baseline)", lambda n: "/login/", False),
        ("home: report list", lambda n: "/", True),
        ("dashboard", rep("/reports/{}/dashboard/"), True),
        ("report page", rep("/reports/{}/"), True),
        ("review queue", rep("/reports/{}/review/"), True),
        ("item page", lambda n: f"/items/{items[(n * 97) % len(items)]}/", True),
        ("public report", rep("/public/reports/{}/"), False),
        ("public dashboard", rep("/public/reports/{}/dashboard/"), False),
        ("API /api/reports", lambda n: "/api/reports", True),
        ("API /api/items", lambda n: f"/api/items?offset={(n * 100) % 9900}", True),
        ("API /api/items?report=", rep("/api/items?report={}"), True),
        ("API /api/assignments", lambda n: f"/api/assignments?offset={(n * 100) % 8000}", True),
    ]


def profile(built: Built) -> list[tuple[str, int, float]]:
    """Queries and server time of one request per page, in-process (Django's test client)."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    out = []
    staff, public = Client(), Client()
    staff.force_login(User.objects.get(username=built.supervisor[0]))
    for name, path, logged_in in pages(built):
        c = staff if logged_in else public
        c.get(path(2))  # warm (the first view of a report may refresh its lights for the day)
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            r = c.get(path(2))
            dt = time.perf_counter() - t0
        assert r.status_code == 200, (name, r.status_code)
        out.append((name, len(q.captured_queries), dt * 1e3))
    return out


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{platform.machine()}, {os.cpu_count()} cores ({cpu or 'unknown CPU'}), shared with other jobs; "
            f"Python {platform.python_version()}, {platform.system()}")


def apache_bench(port: int, path: str, cookie: str, clients: int, n: int) -> SimpleNamespace:
    """One path under ``clients`` concurrent keep-alive connections from ab, a load generator in C."""
    cmd = ["ab", "-q", "-k", "-c", str(clients), "-n", str(n)]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*cmd, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True,
                         timeout=600, check=True).stdout
    pct = {int(m[0]): float(m[1]) for m in re.findall(r"^\s*(\d+)%\s+(\d+)", out, re.M)}
    # ab's "Failed requests" also counts pages whose length varies (a CSRF token in the page): not errors
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return SimpleNamespace(
        n=n, p50=pct[50], p95=pct[95], p99=pct[99], max=pct[100],
        rps=float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1)),
        errors=int(non2xx.group(1)) if non2xx else 0,
        size=int(re.search(r"Document Length:\s+(\d+)", out).group(1)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--chars", type=int, default=20_000, help="characters per report text (default 20000)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400, help="answers per page (default 400)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1], help="uvicorn worker counts to run")
    ap.add_argument("--think", type=float, default=0.0,
                    help="mean seconds a client waits between requests (default 0: back to back)")
    ap.add_argument("--warm", action="store_true",
                    help="before measuring a page, request each of its distinct paths (every report, every list "
                         "page) twice with all clients: caches warm, as on a server that has been up a while")
    ap.add_argument("--only", nargs="+", metavar="TEXT", help="measure only pages whose name contains one of these")
    ap.add_argument("--profile", action="store_true", help="print queries and time per page (in-process)")
    ap.add_argument("--keep", type=Path, help="data dir to build into and keep (default: a temp dir)")
    ap.add_argument("--ab", action="store_true",
                    help="measure with ApacheBench (Debian's apache2-utils, written in C) instead of the Python "
                         "client threads, whose own GIL contention adds to every latency (a static file's p95 "
                         "is ~95 ms with them); ab repeats one path per page, so run with --warm")
    args = ap.parse_args(argv)
    os.environ.pop("DATABASE_URL", None)  # the embedded default: SQLite in the data dir

    load0 = os.getloadavg()[0]  # other jobs on the machine inflate every latency: say how busy it was
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="duban-web-bench-"))
    try:
        t0 = time.perf_counter()
        built = build(data_dir, args.reports, args.items, args.chars)
        print(f"built {len(built.report_ids)} reports, {len(built.item_ids)} items in {data_dir} "
              f"({time.perf_counter() - t0:.1f}s)", flush=True)
        if args.profile:
            print("\n| page | queries | ms (one request, in-process) |\n|---|---|---|")
            for name, nq, ms in profile(built):
                print(f"| {name} | {nq} | {ms:.1f} |")
        for workers in args.workers:
            proc, port = serve(data_dir, workers)
            try:
                cookie = login(port, *built.supervisor)
                pace = f", each waiting ~{args.think:g}s between requests" if args.think else ", back to back"
                print(f"\nduban serve --workers {workers}; {args.clients} clients{pace}; "
                      f"{args.requests} requests per page")
                print("\n| page | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | server CPU ms/req "
                      "| 1 client p50 ms | bytes |")
                print("|---|---|---|---|---|---|---|---|---|---|")
                for name, path, logged_in in pages(built):
                    if args.only and not any(t in name for t in args.only):
                        continue
                    jar = cookie if logged_in else ""
                    hammer(port, path, jar, args.clients, args.clients)  # warm up
                    if args.warm:  # every distinct path, twice (each worker keeps its own cache)
                        distinct = list(dict.fromkeys(path(n) for n in range(args.requests)))
                        hammer(port, lambda n, d=distinct: d[n % len(d)], jar, args.clients, 2 * len(distinct))
                    cpu0 = cpu_seconds(proc.pid)
                    if args.ab:
                        r = apache_bench(port, path(0), jar, args.clients, args.requests)
                    else:
                        r = hammer(port, path, jar, args.clients, args.requests, args.think)
                    cpu = (cpu_seconds(proc.pid) - cpu0) / r.n * 1e3
                    # one client alone: the time the server spends on one request, without queueing
                    alone = hammer(port, path, jar, 1, max(20, args.requests // 10))
                    print(f"| {name} | {r.p50:.0f} | {r.p95:.0f} | {r.p99:.0f} | {r.max:.0f} | {r.rps:.0f} "
                          f"| {r.errors} | {cpu:.1f} | {alone.p50:.0f} | {r.size} |", flush=True)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        print(f"\nmachine: {machine()}; load average at the end {os.getloadavg()[0]:.1f} "
              f"(at the start {load0:.1f})")
        print(f"command: .venv/bin/python bench/web.py {' '.join(argv if argv is not None else sys.argv[1:])}")
    finally:
        if args.keep is None:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
