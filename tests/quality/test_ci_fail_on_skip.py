"""The CI gate in tests/conftest.py: with CI_FAIL_ON_SKIP=1 a skip or an xfail fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = """
import pytest

def test_runs():
    pass

@pytest.mark.skip(reason="no sink here")
def test_skipped():
    pass

@pytest.mark.xfail(reason="known bug")
def test_xfailed():
    assert False
"""


def _pytest(tmp_path: Path, *args: str, fail_on_skip: bool) -> subprocess.CompletedProcess[str]:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    env = {k: v for k, v in os.environ.items() if k != "CI_FAIL_ON_SKIP"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if fail_on_skip:
        env["CI_FAIL_ON_SKIP"] = "1"
    command = [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("fail_on_skip", [False, True])
def test_skips_fail_the_run_only_in_ci(tmp_path: Path, fail_on_skip: bool) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    result = _pytest(tmp_path, fail_on_skip=fail_on_skip)
    output = result.stdout + result.stderr
    assert result.returncode == (1 if fail_on_skip else 0), output
    listed = "test_sample.py::test_skipped: skipped" in output and "test_sample.py::test_xfailed" in output
    assert listed == fail_on_skip, output


def test_a_run_without_skips_still_passes_in_ci(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    result = _pytest(tmp_path, "test_sample.py::test_runs", fail_on_skip=True)
    assert result.returncode == 0, result.stdout + result.stderr
