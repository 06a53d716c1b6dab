"""Builds the translation catalogs with the package: each `player/resources/i18n/*.ts` is compiled to its
`.qm` by Qt's own `lrelease` (from PySide6) whenever setuptools builds the Python files, for a wheel and
for an editable install alike. The `.qm` files are build products and never committed
(docs/translation.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOGS = Path("player/resources/i18n")


def lrelease() -> list[str]:
    """PySide6's lrelease: the wrapper script beside this Python, else the one on PATH."""
    for name in ("pyside6-lrelease", "lrelease"):
        beside = Path(sys.executable).with_name(name)
        if beside.exists():
            return [str(beside)]
        found = shutil.which(name)
        if found:
            return [found]
    raise SystemExit("building insured-player needs PySide6 (its lrelease compiles the translations)")


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        # An editable install reads the package from the checkout: the catalogs go there.
        into = CATALOGS if self.editable_mode else Path(self.build_lib) / CATALOGS
        into.mkdir(parents=True, exist_ok=True)
        for source in sorted(CATALOGS.glob("*.ts")):
            target = into / source.with_suffix(".qm").name
            # PySide6's own tool on the catalogs of this checkout
            subprocess.run([*lrelease(), "-silent", str(source), "-qm", str(target)], check=True)  # noqa: S603


setup(cmdclass={"build_py": BuildWithTranslations})
