"""Keep the garbage collector off the heap a render starts with, and off a burst of allocations."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the collector off the objects that exist before the render (the Document, fonts, caches).

    A long table allocates millions of short-lived objects; every older-generation
    collection they trigger walked the whole composed Document again, so time per row
    grew with the table. Frozen objects are still freed after the render, once unfrozen.
    A caller that froze objects itself (a pre-forked worker) keeps its own policy.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the garbage collector off for a burst of allocations that all stay alive (a font's unpickled tables).

    Their 100,000 small objects set off full collections of the whole heap, which took
    longer than the unpickling itself; the caller's setting is restored after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
