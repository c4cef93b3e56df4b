"""The docs cannot go stale: generated blocks match the code, examples run, names exist."""

from __future__ import annotations

import importlib.util
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
