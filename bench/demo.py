"""The demo catalog, rendered once per bench run and cloned by every figure that needs a backend.

Rendering is CPU-bound synthesis (tens of seconds on two cores); rendering it once instead of once per
figure keeps `python -m bench --quick` inside its few minutes. Clones are hard links, so a figure may
start and change its own backend freely.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from tests.support.backend import build_template, clone_template

_template: Path | None = None


def template() -> Path:
    global _template
    if _template is None:
        root = Path(tempfile.mkdtemp(prefix="bench-demo-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        _template = build_template(root / "template")
    return _template


def backend_dir(target: Path) -> Path:
    """A backend data dir at `target` with the demo catalog already rendered."""
    return clone_template(template(), target)
