"""The wheel is the program: built from the checkout and installed into a fresh venv outside it, it
carries its icons, desktop file and demo catalog, serves the demo catalog and shows it through the CLI.

Everything runs from a directory outside the checkout, with PYTHONPATH unset, so only what the wheel
installed can be imported. Two economies keep this to a few seconds:

- The fresh venv gets the wheel alone (`--no-deps`); the dependencies come from this test venv's
  site-packages through a `.pth` file (installing PySide6 and the rest afresh takes ~30 s and ~800 MB).
  That directory is only appended to `sys.path`, so the `.pth` of this venv's editable install is not
  run: the project's own code comes from the wheel, which the test checks.
- The backend starts on a copy of the session's demo template (the catalog rendered once), so it does
  not synthesize the music again; it still reads the catalog definition from the installed package at
  every start, and fails to start without it.

The wheel is built without build isolation (setuptools and wheel are in the `test` extra), from a copy
of the sources, so the test needs no package index and leaves no `build/` in the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require_real_keyring
from tests.support.backend import READY_PREFIX, clone_template

ROOT = Path(__file__).resolve().parents[2]
PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check", "-q")
PACKAGES = ("player", "mock_backend")
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", *PACKAGES)
DATA_FILES = {
    "player/resources/insured-player.svg",
    "player/resources/insured-player.desktop",
    "player/resources/icons/insurance.svg",
    "player/resources/icons/insured-badge.svg",
    "player/resources/icons/library.svg",
    "player/resources/icons/search.svg",
    "player/resources/icons/store.svg",
    "mock_backend/demo/demo_catalog.toml",
    "player/resources/i18n/insured_player_ja.qm",  # compiled from its .ts by the build
}

# Run by the fresh venv's interpreter: where the code came from, and what the installed packages expose.
PROBE = r"""
import json, sys
import mock_backend, player
from mock_backend.demo.catalog import DEFAULT_CATALOG_PATH, load_catalog
from player import resources
from player.language import install, translate
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
spoken = install(app, "ja")
from player.ui.kit import icons
palette = app.palette()
print(json.dumps({
    "files": [player.__file__, mock_backend.__file__, resources.__file__],
    "sys_path": sys.path,
    "meta_path": [type(f).__module__ for f in sys.meta_path],
    "app_icon": resources.app_icon().read_text("utf-8"),
    "desktop": resources.desktop_file().read_text("utf-8"),
    "icon_names": resources.icon_names(),
    "qt_app_icon_sizes": [s.width() for s in icons.app_icon().availableSizes()],
    "qt_null_icons": [n for n in resources.icon_names() if icons.themed_icon(n, palette).isNull()],
    "catalog_source": str(DEFAULT_CATALOG_PATH),
    "demo_tracks": [t.content_id for t in load_catalog().tracks],
    "japanese": [spoken.language, spoken.missing, translate("PreferencesDialog", "Preferences")],
}))
"""


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path
    outside: Path  # the working directory of every process here: not the checkout
    env: dict[str, str]
    dependencies: tuple[Path, ...]  # this test venv's site-packages, named in the fresh venv's .pth

    def bin(self, name: str) -> Path:
        return self.venv / "bin" / name

    def run(self, *argv: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in argv],
            cwd=self.outside,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _inside(path: str | Path, directory: Path) -> bool:
    return Path(path).resolve().is_relative_to(directory.resolve())


def _clean_env() -> dict[str, str]:
    """This environment without PYTHONPATH and the like: a checkout on the path would let pip take the
    checkout for the installed package (and a worktree's tests would test the wrong sources)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}


def _build_wheel(into: Path, scratch: Path) -> Path:
    source = scratch / "src"
    for name in BUILD_INPUTS:
        src = ROOT / name
        if src.is_dir():
            # Not the checkout's compiled catalogs: the build must make its own.
            ignored = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
            shutil.copytree(src, source / name, ignore=ignored)
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, source / name)
    build = subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(into), str(source)],
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=_clean_env(),
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = into.glob("insured_player-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert not _inside(base, ROOT), "the temporary directory must be outside the checkout"
    wheel = _build_wheel(base / "dist", base)

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (Path(site_packages) / "test-venv-dependencies.pth").write_text("".join(f"{p}\n" for p in ours))
    install = subprocess.run(
        [*PIP, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=_clean_env(),
    )
    assert install.returncode == 0, install.stdout + install.stderr

    outside = base / "elsewhere"
    (outside / "home").mkdir(parents=True)
    env = _clean_env()
    env["HOME"] = str(outside / "home")
    return Installed(wheel, venv, outside, env, tuple(Path(p).resolve() for p in ours))


def test_the_wheel_has_every_file_of_the_packages(installed: Installed) -> None:
    """Code and data alike (a data file added without a package-data entry would be missing), and
    nothing from outside the packages; each translation catalog compiled, its source left behind."""
    in_checkout = {
        p.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for p in (ROOT / package).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".qm"
    }
    sources = {p for p in in_checkout if p.endswith(".ts")}
    wanted = (in_checkout - sources) | {p.removesuffix(".ts") + ".qm" for p in sources}
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = {n for n in wheel.namelist() if ".dist-info/" not in n}
    assert wanted >= DATA_FILES
    assert names == wanted, {"missing": wanted - names, "extra": names - wanted}


def test_the_installed_packages_find_their_resources(installed: Installed) -> None:
    probe = installed.run(installed.bin("python"), "-c", PROBE)
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)

    # The project's code comes from the wheel alone, never from the checkout.
    for file in found["files"]:
        assert _inside(file, installed.venv), file
    from_checkout = [
        entry
        for entry in found["sys_path"]
        if _inside(entry or installed.outside, ROOT) and Path(entry).resolve() not in installed.dependencies
    ]
    assert from_checkout == [], found["sys_path"]
    assert not any(m.startswith("__editable__") for m in found["meta_path"]), found["meta_path"]

    assert "<svg" in found["app_icon"]
    assert "[Desktop Entry]" in found["desktop"] and "Icon=insured-player" in found["desktop"]
    assert found["icon_names"] == [
        "insurance",
        "insured-badge",
        "library",
        "playlist",
        "receipts",
        "repeat",
        "repeat-one",
        "search",
        "shuffle",
        "shuffle-albums",
        "store",
    ]
    assert 256 in found["qt_app_icon_sizes"], found["qt_app_icon_sizes"]
    assert found["qt_null_icons"] == []
    assert _inside(found["catalog_source"], installed.venv), found["catalog_source"]
    assert len(found["demo_tracks"]) >= 20
    assert found["japanese"] == ["ja", [], "設定"]  # the catalog compiled into the wheel, and Qt's own


def test_installed_backend_serves_the_demo_catalog_to_the_installed_cli(
    installed: Installed, demo_template: Path
) -> None:
    require_real_keyring("the installed CLI")
    data = clone_template(demo_template, installed.outside / "backend")
    backend = subprocess.Popen(
        [str(installed.bin("mock-backend")), "serve", "--port", "0", "--data-dir", str(data), "--demo"],
        cwd=installed.outside,
        env=installed.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert backend.stdout is not None
        line = backend.stdout.readline()
        assert line.startswith(READY_PREFIX), f"{line!r}: {backend.stderr.read() if backend.stderr else ''}"
        url = line[len(READY_PREFIX) :].strip()
        cli = installed.run(
            installed.bin("insured-player-cli"),
            "--data-dir",
            installed.outside / "terminal",
            "--server",
            url,
            "catalog",
            "--json",
        )
        assert cli.returncode == 0, cli.stderr
        rows = json.loads(cli.stdout)
    finally:
        backend.terminate()
        try:
            backend.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            backend.kill()
            backend.communicate(timeout=15)

    probe = installed.run(
        installed.bin("python"),
        "-c",
        "from mock_backend.demo import load_catalog; print(*(t.content_id for t in load_catalog().tracks))",
    )
    assert probe.returncode == 0, probe.stderr
    demo = probe.stdout.split()
    assert demo, "the installed demo catalog has no tracks"
    assert sorted(r["content_id"] for r in rows) == sorted(demo)
