"""The house style as tests: ruff (lint and format) and mypy --strict, with the config in pyproject.toml.

Each tool runs from the venv the tests run in, over the whole checkout, and its own report is the
failure message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "--no-fix", "."),
        ("ruff", "format", "--check", "."),
        ("mypy",),  # files, strictness and exclusions come from [tool.mypy]
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: tuple[str, ...]) -> None:
    result = _run(*command)
    if f"No module named {command[0]}" in result.stderr:
        pytest.fail(f"{command[0]} is not installed here: pip install -e '.[test]'", pytrace=False)
    if result.returncode != 0:
        report = f"{result.stdout}{result.stderr}".strip()
        pytest.fail(f"`{' '.join(command)}` exited {result.returncode}:\n{report}", pytrace=False)
