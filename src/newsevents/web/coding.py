"""Coding posted articles off the event loop, one at a time, with a bounded queue.

The coder runs in its own thread (one: the model is not shared between threads), not in the
thread pool that serves the read endpoints: a long article, or many posted at once, never
takes the threads the reads need. When ``max_waiting`` articles already wait, another post
gets 503 with ``Retry-After`` instead of waiting without end.
"""
from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, TypeVar

from fastapi import HTTPException

T = TypeVar("T")
QUEUE_ENV = "NEWSEVENTS_MAX_CODING_QUEUE"
DEFAULT_MAX_WAITING = 8


class CodingQueue:
    """One coding thread and a count of the posts that wait for it (kept on the event loop)."""

    def __init__(self, max_waiting: int | None = None) -> None:
        if max_waiting is None:
            raw = os.environ.get(QUEUE_ENV, "").strip()
            max_waiting = int(raw) if raw.isdigit() else DEFAULT_MAX_WAITING
        self.max_waiting = max_waiting
        self.pending = 0  # being coded or waiting
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-coder")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in the coding thread; 503 when the queue is full."""
        if self.pending > self.max_waiting:
            raise HTTPException(503, f"the server is busy coding {self.pending} posted articles; try again "
                                f"in a few seconds (the operator can raise {QUEUE_ENV})",
                                headers={"Retry-After": "5"})
        self.pending += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)
        finally:
            self.pending -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
