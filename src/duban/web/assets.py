"""Set-up step (`./dev` runs ``python -m duban.web.assets`` after ``npm ci``):

1. copy the front-end files the pages use from node_modules into static/vendor/ (git-ignored: the
   files come from the npm registry, never from the repository);
2. compile the translation catalogues (locale/*/LC_MESSAGES/django.po -> .mo, with Babel).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

WEB = Path(__file__).resolve().parent
ROOT = WEB.parents[2]  # the repository (editable install); node_modules sits there
VENDOR = WEB / "static" / "vendor"
# npm package -> file inside it -> name under static/vendor
FILES = [
    ("htmx.org", "dist/htmx.min.js", "htmx.min.js"),
    ("echarts", "dist/echarts.min.js", "echarts.min.js"),
]


def copy_vendor(node_modules: Path = ROOT / "node_modules", dest: Path = VENDOR) -> list[Path]:
    """Copy the front-end files; raises FileNotFoundError naming what is missing (run npm ci)."""
    dest.mkdir(parents=True, exist_ok=True)
    done = []
    for package, inner, name in FILES:
        src = node_modules / package / inner
        if not src.is_file():
            raise FileNotFoundError(f"{src} is missing: run `npm ci` in {node_modules.parent}")
        target = dest / name
        shutil.copyfile(src, target)
        done.append(target)
    return done


def compile_messages(locale_dir: Path = WEB / "locale", force: bool = False) -> list[Path]:
    """Compile every django.po under ``locale_dir`` whose .mo is missing or older."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    done = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        with mo.open("wb") as f:
            write_mo(f, catalog)
        done.append(mo)
    return done


def main() -> int:
    try:
        for p in copy_vendor():
            print(f"assets: {p.relative_to(WEB)}")
    except FileNotFoundError as e:
        print(f"assets: {e}", file=sys.stderr)
        return 1
    for p in compile_messages(force=True):
        print(f"assets: {p.relative_to(WEB)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
