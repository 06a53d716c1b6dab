"""The desktop face: Qt widgets in sub-packages named for what the user sees, so a change to one screen
stays in one folder.

Importing it loads Qt and turns off a cost PySide6 puts on every later import: to support its optional
`from __feature__ import snake_case`, PySide6 reads the Python source of each module imported after it
to see whether that module mentions PySide6 (`shibokensupport.feature._mod_uses_pyside`, through
`inspect.getsource`). No module here selects a feature, so every module may be left out of that
machinery ("ignore this module", what PySide6 itself decides for a module that does not use it). The
window's ~300 modules then import 70-90 ms sooner (PySide6 6.11; measured by `bench/gui_start.py`). A
PySide6 without that hook is left as it is.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads `shibokensupport`, whose hook is replaced below


def _selects_no_feature(module: object) -> bool:
    return False


_feature = sys.modules.get("shibokensupport.feature")
if _feature is not None and callable(getattr(_feature, "_mod_uses_pyside", None)):
    setattr(_feature, "_mod_uses_pyside", _selects_no_feature)  # noqa: B010 - a module of the binding
