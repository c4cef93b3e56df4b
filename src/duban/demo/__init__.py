"""The bundled demo report: our own text carrying the real Luohu 2021 targets."""

from pathlib import Path

DEMO_PATH = Path(__file__).with_name("luohu-2021.txt")


def demo_text() -> str:
    return DEMO_PATH.read_text(encoding="utf-8")
