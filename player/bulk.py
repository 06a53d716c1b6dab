"""Building many small objects at once: a library of 100,000 rows, a license list of 100,000 entries.

Python's cyclic garbage collector runs after every 700 new container objects, and its older
generations walk everything built so far: filling a list of 100,000 tuples or records sets it off
hundreds of times, to find no cycle (rows and entries hold none), and costs a quarter of the time.
`paused_collection` holds it off for such a build; reference counting still frees what is dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic collection inside the block, unless it was off before (then nothing changes). Safe
    across threads: whoever turned it off turns it back on, and a collection only comes later."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
