"""Shared test fixtures. Real third-party documents live outside the repository, in ../shared;
tests that need them skip cleanly when that folder is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DUBAN_SHARED", ROOT.parent / "shared"))
CORPUS_DEV = SHARED / "corpus" / "dev"
SEED_DIR = SHARED / "seed"


@pytest.fixture
def corpus_dev() -> Path:
    if not CORPUS_DEV.is_dir():
        pytest.skip(f"no development corpus at {CORPUS_DEV}")
    return CORPUS_DEV


@pytest.fixture
def seed_dir() -> Path:
    if not SEED_DIR.is_dir():
        pytest.skip(f"no seed documents at {SEED_DIR}")
    return SEED_DIR
