"""Security in a real browser: report text with HTML and script is shown as text and never runs;
a cross-origin POST without the CSRF token is refused and changes nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest_plugins = ["browser_helpers"]
pytestmark = [pytest.mark.browser, pytest.mark.slow]

# markup in every place a report's text reaches a page: the title (first line), a heading (section
# titles), beside a target, inside a task's quote; each payload would set window.__pwned or open a dialog
HOSTILE = (
    "<script>window.__pwned=1</script>罗湖区2021年政府工作报告\n"
    "一、<img src=x onerror=\"window.__pwned=2;alert('img')\">主要目标\n"
    "2021年地区生产总值增长6%左右<script>alert('script')</script>，新增学位4290个"
    "<b onmouseover=\"window.__pwned=3\">。\n"
    "二、重点工作\n"
    "推进<svg onload=\"window.__pwned=4;alert('svg')\">罗湖北站规划建设。\n"
    "<iframe src=\"javascript:alert('iframe')\"></iframe>完成固定资产投资380亿元。\n"
)
SHOWN_AS_TEXT = "<script>window.__pwned=1</script>"

# every element that carries an event handler, a javascript: URL, or is an element the text smuggled in
INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + ' ' + a.name);
    }
  }
  for (const el of document.querySelectorAll('img[src=x], svg, iframe, b[onmouseover]')) bad.push(el.outerHTML);
  for (const s of document.scripts) {
    if (!s.src && s.type !== 'application/json') bad.push('inline script: ' + s.textContent.slice(0, 60));
  }
  return bad;
}"""


def _assert_inert(page, dialogs: list[str]) -> None:
    page.wait_for_load_state("load")
    page.mouse.move(200, 300)  # hover handlers, had any survived
    assert page.evaluate("typeof window.__pwned") == "undefined", page.url
    assert page.evaluate(INJECTED) == [], page.url
    assert dialogs == [], (page.url, dialogs)


def _watch(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    return dialogs


def test_report_text_with_html_and_script_is_shown_as_text(people, shots):
    page = people.as_user("supervisor")
    dialogs = _watch(page)
    page.goto("/upload/")
    page.fill("textarea[name=text]", HOSTILE)
    shots(page, "paste-hostile-text")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/reports/*/review/")
    report_id = int(page.url.rstrip("/").split("/")[-2])
    _assert_inert(page, dialogs)
    assert SHOWN_AS_TEXT in page.locator("h1").inner_text()  # the title, as the text has it
    shots(page, "review")

    page.goto(f"/reports/{report_id}/")
    _assert_inert(page, dialogs)
    text = page.locator("article.report-text").inner_text()
    for fragment in (SHOWN_AS_TEXT, "<img src=x onerror=", "<svg onload=", "<iframe src="):
        assert fragment in text, fragment
    assert page.locator("article.report-text a.hl").count() >= 2  # items still highlighted around the markup
    shots(page, "report-view")

    task = page.locator("aside.items li.kind-task a:not(.jump)").first
    task.click()
    page.wait_for_url("**/items/*/")
    _assert_inert(page, dialogs)
    assert "<svg onload=" in page.locator("h1").inner_text() + page.locator("blockquote").inner_text()
    shots(page, "item-page")

    for path in ("/", f"/reports/{report_id}/dashboard/", f"/reports/{report_id}/assign/", "/inbox/",
                 "/compare/?indicator=%3Cscript%3E"):
        page.goto(path)
        _assert_inert(page, dialogs)

    page.goto(f"/reports/{report_id}/")
    page.click("nav.tabs button:has-text('公开')")
    page.wait_for_load_state()
    visitor = people.new()
    visitor_dialogs = _watch(visitor)
    for path in ("/public/", f"/public/reports/{report_id}/dashboard/", f"/public/reports/{report_id}/"):
        visitor.goto(path)
        _assert_inert(visitor, visitor_dialogs)
    assert SHOWN_AS_TEXT in visitor.locator("article.report-text").inner_text()
    shots(visitor, "public-report")


class _Attacker(BaseHTTPRequestHandler):
    """Another origin on loopback whose page posts to the app without a CSRF token."""

    target = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = (f'<!doctype html><form id="f" method="post" action="{self.target}">'
                '<input type="hidden" name="published" value="1"></form>'
                "<script>document.getElementById('f').submit()</script>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def attacker() -> Iterator[tuple[str, type[_Attacker]]]:
    handler = type("Attacker", (_Attacker,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


def _published(page, report_id: int) -> bool:
    page.goto(f"/reports/{report_id}/")
    return page.locator(".report-head .tag").first.inner_text() == "已公开"


def test_post_without_csrf_token_is_refused(people, app_server, attacker, shots):
    page = people.as_user("supervisor")
    page.goto("/upload/")
    page.fill("input[name=title]", "CSRF 测试报告")
    page.fill("textarea[name=text]", "罗湖区2021年政府工作报告\n一、主要目标\n新增学位4290个。\n")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/reports/*/review/")
    report_id = int(page.url.rstrip("/").split("/")[-2])
    publish = f"{app_server.url}/reports/{report_id}/publish/"
    assert not _published(page, report_id)

    # a page of another origin, opened by the logged-in supervisor, submits a form to the app
    url, handler = attacker
    handler.target = publish
    with page.expect_response(lambda r: r.url == publish) as answer:
        page.goto(url)
    assert answer.value.status == 403
    shots(page, "cross-origin-post-refused")
    assert not _published(page, report_id)

    # the app's own page, with the session cookie but without the token: refused too
    status = page.evaluate("""url => fetch(url, {method: 'POST', credentials: 'same-origin',
        body: new URLSearchParams({published: '1'})}).then(r => r.status)""", publish)
    assert status == 403
    assert not _published(page, report_id)

    # the same request through the app's form (with its token) works: the refusals were CSRF
    page.click("nav.tabs button:has-text('公开')")
    page.wait_for_load_state()
    assert _published(page, report_id)
