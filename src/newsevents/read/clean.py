"""Characters no stage downstream can take, replaced one for one (offsets do not move).

A NUL (``\\u0000``: PostgreSQL refuses it in text) becomes a space; a lone surrogate
(``\\ud800`` from a JSON escape: UTF-8 cannot encode it) becomes U+FFFD, the replacement
character.
"""
from __future__ import annotations

import dataclasses
import re

from ..models import Article

_BAD = re.compile("[\x00\ud800-\udfff]")


def _replacement(m: re.Match[str]) -> str:
    return " " if m.group() == "\x00" else "\ufffd"


def clean_text(text: str) -> str:
    """``text`` with NULs as spaces and lone surrogates as U+FFFD (same length)."""
    return _BAD.sub(_replacement, text) if _BAD.search(text) else text


def clean_article(article: Article) -> Article:
    """``article`` itself when its strings are clean, else a cleaned copy."""
    changes = {}
    for name in ("id", "text", "title", "published", "retrieved", "url", "source", "origin"):
        value = getattr(article, name)
        if isinstance(value, str) and _BAD.search(value):
            changes[name] = clean_text(value)
    return dataclasses.replace(article, **changes) if changes else article
