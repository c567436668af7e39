"""Where newsevents keeps what it works out once and reads again at each start (the dictionaries'
pickle, the smaller places' uncompressed lines): ``$NEWSEVENTS_CACHE``, default
``~/.cache/newsevents``; ``NEWSEVENTS_CACHE=off`` (or 0, no, false) keeps nothing."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("NEWSEVENTS_CACHE", "").lower() in ("0", "off", "no", "false"):
        return None
    base = os.environ.get("NEWSEVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsevents")
    return Path(base)
