"""Helpers shared by the reader tests."""
from __future__ import annotations

from pathlib import Path

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read import read_inputs

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def read_all(*inputs: str, **kw) -> list[Article | ReadError]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items: list) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]
