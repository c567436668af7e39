"""Inputs → the files to read: paths named directly, folders walked, ``-`` for stdin."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError

KINDS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
# ``.json`` is read (as JSON Lines or one JSON array) only when named directly: in a folder
# it is more often metadata (e.g. ``*.expected.json``) than articles.
DIRECT_KINDS = {**KINDS, ".json": "jsonl"}
STDIN = "-"
STDIN_ORIGIN = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One file (or stdin) to read: where it is, the id it gives, and its kind (None: sniff)."""

    path: str
    id: str
    kind: str | None


def _kind(path: str, kinds: dict[str, str] = KINDS) -> str | None:
    return kinds.get(os.path.splitext(path)[1].lower())


def _walk(folder: str) -> Iterator[Source | ReadError]:
    """Supported files under ``folder``, sorted by relative path; ids are those paths (with
    their extension: ``story.txt`` and ``story.html`` are two articles). A FIFO, socket or
    device is reported, never opened (reading it could wait forever)."""
    errors: list[ReadError] = []

    def onerror(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or folder, f"cannot read folder: {exc.strerror}"))

    found: list[tuple[str, str]] = []
    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs.sort()
        for name in files:
            full = os.path.join(root, name)
            if _kind(name) is None:
                continue
            if not os.path.isfile(full):
                errors.append(ReadError(full, "not a regular file (a FIFO, socket or device): skipped"))
                continue
            rel = Path(os.path.relpath(full, folder)).as_posix()
            found.append((rel, full))
    yield from errors
    for rel, full in sorted(found):
        yield Source(full, rel, _kind(rel))


def iter_sources(inputs: list[str] | tuple[str, ...]) -> Iterator[Source | ReadError]:
    """Each input in order: ``-`` (stdin), a file, or a folder read recursively. A file's id is
    its name relative to its folder (``day1/a.txt`` → ``a.txt``), a folder's files' ids their
    paths relative to it; ``read_inputs`` reports an id met twice."""
    for item in inputs:
        if item == STDIN:
            yield Source(STDIN_ORIGIN, "stdin", None)
        elif os.path.isdir(item):
            yield from _walk(item)
        elif os.path.exists(item):
            yield Source(item, Path(item).name or item, _kind(item, DIRECT_KINDS))
        else:
            yield ReadError(item, "no such file or folder")
