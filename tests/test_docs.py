"""The docs cannot go stale: generated blocks match the code, examples run, names exist."""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

import pytest

from duban.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load_gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_docs = _load_gen_docs()


# -- docs/cli.md: generated from --help ---------------------------------------------------------------

def test_cli_reference_is_current():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert gen_docs.rewrite(text) == text, "docs/cli.md is stale: run python scripts/gen_docs.py"


def test_every_command_is_documented():
    specs = gen_docs.blocks((DOCS / "cli.md").read_text(encoding="utf-8"))
    missing = [c for c in COMMANDS if f"help {c}" not in specs]
    assert not missing, f"commands without a --help block in docs/cli.md: {missing}"
    assert "help" in specs


def test_stale_block_is_noticed():
    # the check must be able to fail: an edited block is rewritten back
    text = "<!-- gen: help load -->\nold text\n<!-- gen: end -->\n"
    new = gen_docs.rewrite(text)
    assert new != text and "usage: duban load" in new
    assert gen_docs.rewrite(new) == new


def test_unknown_block_is_an_error():
    with pytest.raises(ValueError):
        gen_docs.rewrite("<!-- gen: nonsense -->\n<!-- gen: end -->\n")


# -- docs/library.md: every >>> example runs ---------------------------------------------------------

_PYCON = re.compile(r"```pycon\n(.*?)```", re.S)


def _doctests(name: str) -> doctest.DocTest:
    text = (DOCS / name).read_text(encoding="utf-8")
    examples = "\n".join(_PYCON.findall(text))
    return doctest.DocTestParser().get_doctest(examples, {}, name, str(DOCS / name), 0)


@pytest.mark.parametrize("name", ["library.md"])
def test_doc_examples_run(name: str):
    test = _doctests(name)
    assert len(test.examples) >= 10, "the examples were not found"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)


def test_library_documents_the_public_api():
    import duban

    text = (DOCS / "library.md").read_text(encoding="utf-8")
    missing = [n for n in duban.__all__ if n not in text]
    assert not missing, f"public names not in docs/library.md: {missing}"
    from dataclasses import fields

    from duban.items import Item

    table = {m for m in re.findall(r"^\| `(\w+)`(?:, `(\w+)`)? \|", text, re.M) for m in m if m}
    assert {f.name for f in fields(Item)} <= table, "an Item field has no row in docs/library.md"


# -- docs/extraction.md: every rule file is described, every path it names exists ---------------------

def test_extraction_doc_covers_every_rule_file():
    text = (DOCS / "extraction.md").read_text(encoding="utf-8")
    src = ROOT / "src" / "duban"
    rule_files = [*src.glob("extract/rules/*.toml"), *src.glob("ingest/rules/*.toml"), *src.glob("rules/*.toml")]
    assert rule_files
    missing = [str(p.relative_to(src)) for p in rule_files if p.name not in text]
    assert not missing, f"rule files not described in docs/extraction.md: {missing}"


def test_extraction_doc_paths_exist():
    text = (DOCS / "extraction.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:src|tests)/[\w/.]+)`", text))
    assert named
    missing = [p for p in named if not (ROOT / p).exists()]
    assert not missing, f"docs/extraction.md names paths that do not exist: {missing}"


# -- docs/webapp.md: every path it names exists, every top-level page is described ---------------------

_PATH = re.compile(r"(?:`|https?://[\w.:-]+)(/[\w/.<>{}-]*)")
# pages reached with an id that a user opens (the others are form posts behind buttons)
_ID_PAGES = {"report", "review", "assign", "dashboard", "item", "public_report", "public_dashboard", "public_item"}


def _webapp_paths() -> set[str]:
    text = (DOCS / "webapp.md").read_text(encoding="utf-8")
    return {re.sub(r"<\w+>|\{\w+\}", "1", p) for p in _PATH.findall(text)}


def test_webapp_doc_paths_resolve():
    from django.urls import Resolver404, resolve

    paths = _webapp_paths()
    assert len(paths) >= 15
    broken = []
    for p in sorted(paths):
        try:
            resolve(p)
        except Resolver404:
            broken.append(p)
    assert not broken, f"docs/webapp.md names URLs the app does not have: {broken}"


def test_webapp_doc_mentions_every_page():
    from django.urls import get_resolver, resolve

    named = {resolve(p).url_name for p in _webapp_paths()}
    top = {str(u.pattern) for u in get_resolver().url_patterns if "<" not in str(u.pattern)}
    patterns = {u.name for u in get_resolver().url_patterns if getattr(u, "name", None)}
    missing = [p for p in top if "/" + p not in _webapp_paths()]
    missing += sorted((_ID_PAGES & patterns) - named)
    assert _ID_PAGES <= patterns, "a page listed in _ID_PAGES is gone from the app: update this test"
    assert not missing, f"pages not described in docs/webapp.md: {missing}"


# -- links between the docs -----------------------------------------------------------------------------

def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", ["README.md", "CONTRIBUTING.md", *(f"docs/{p.name}" for p in sorted(DOCS.glob("*.md")))])
def test_links_resolve(page: str):
    path = ROOT / page
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8")):
        if re.match(r"\w+://", target):
            continue
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        if not dest.exists():
            broken.append(target)
        elif anchor:
            headings = re.findall(r"^#+ (.+)$", dest.read_text(encoding="utf-8"), re.M)
            if anchor not in {_anchor(h) for h in headings}:
                broken.append(target)
    assert not broken, f"{page}: broken links {broken}"
