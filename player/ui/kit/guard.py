"""Answers from the worker for a widget that may be gone: a view closed (or deleted) while its job ran
must not be touched when the answer arrives."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

import shiboken6
from PySide6.QtCore import QObject

P = ParamSpec("P")


def while_alive(owner: QObject, fn: Callable[P, None]) -> Callable[P, None]:
    """`fn`, or nothing once `owner`'s C++ object is deleted."""

    def call(*args: P.args, **kwargs: P.kwargs) -> None:
        if shiboken6.isValid(owner):
            fn(*args, **kwargs)

    return call
