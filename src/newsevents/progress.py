"""What the ``code`` command tells its user while it works: how many articles the inputs
hold (for a progress bar with a total, a percentage and the time left), which files of
a folder are not read, and plural-aware counts ("1 input", "2 inputs")."""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .read.sources import KINDS, STDIN


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"`` (``many`` for irregular plurals)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _jsonl_lines(path: str) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 0


def _count_file(path: str, kind: str | None) -> int:
    if kind == "jsonl":
        return _jsonl_lines(path)
    return 1


def _files(inputs: Sequence[str]) -> Iterable[tuple[str, str | None]]:
    for item in inputs:
        if os.path.isdir(item):
            for root, _dirs, names in os.walk(item):
                for name in names:
                    kind = KINDS.get(os.path.splitext(name)[1].lower())
                    if kind is not None:
                        yield os.path.join(root, name), kind
        elif os.path.isfile(item):
            suffix = Path(item).suffix.lower()
            yield item, "jsonl" if suffix in (".jsonl", ".ndjson", ".json") else "text"


def expected_articles(inputs: Sequence[str]) -> int | None:
    """How many articles the inputs hold (JSON Lines: their non-blank lines; other files:
    one each), or None when it cannot be known in advance (standard input)."""
    if any(item == STDIN for item in inputs):
        return None
    return sum(_count_file(path, kind) for path, kind in _files(inputs))


def skipped_files(inputs: Sequence[str]) -> list[str]:
    """The files inside the input folders that are not read (not .txt, .html, .jsonl …),
    sorted; hidden files (``.DS_Store``, ``.gitignore``) are not listed."""
    out: list[str] = []
    for item in inputs:
        if not os.path.isdir(item):
            continue
        for root, dirs, names in os.walk(item):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if name.startswith("."):
                    continue
                if KINDS.get(os.path.splitext(name)[1].lower()) is None:
                    out.append(os.path.join(root, name))
    return sorted(out)


def skipped_message(paths: list[str], shown: int = 5) -> str:
    """One line naming the skipped files (the first ``shown``) and what to do."""
    exts = sorted({Path(p).suffix.lower() or "(no extension)" for p in paths})
    names = ", ".join(paths[:shown]) + (f" and {len(paths) - shown} more" if len(paths) > shown else "")
    read = ", ".join(sorted(KINDS))
    return (f"skipped {plural(len(paths), 'file')} that are not articles it can read "
            f"({', '.join(exts)}): {names}. Readable: {read}; convert the others to text "
            "first, or name a .json file directly")
