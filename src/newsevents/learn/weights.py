"""Where the learned check's weights are: they do not ship with the (MIT) package.

The weights (``event_classifier.npz``) are fitted on gold text under GPL-3.0 and CC BY-SA 4.0
(NOTICE.md, section 7), so they are a derivative of it and are not part of the package.
``make train`` builds them into the user cache folder; they are looked for, in order, at

1. ``$NEWSEVENTS_CLASSIFIER`` (a file), when set;
2. ``$XDG_CACHE_HOME/newsevents/event_classifier.npz`` (default ``~/.cache/newsevents/...``);
3. ``newsevents/data/event_classifier.npz`` in the installed package (a local build that put
   them there; never in a release).
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

FILE_NAME = "event_classifier.npz"
ENV = "NEWSEVENTS_CLASSIFIER"
MISSING = (f"the learned check's weights ({FILE_NAME}) are not installed: they are derived from "
           "GPL-3.0 and CC BY-SA gold text, so they do not ship with the MIT package. Build them with "
           "`make train` (it needs the gold data in ../shared and writes "
           f"~/.cache/newsevents/{FILE_NAME}), or set {ENV} to a built file; or code without --learned")


def user_path() -> Path:
    """Where ``make train`` writes the weights: the user cache folder."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsevents" / FILE_NAME


def weights_path() -> Path | None:
    """The weights file to load, or None when none is installed (see the module's docstring)."""
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(env) if Path(env).is_file() else None
    for path in (user_path(), Path(str(resources.files("newsevents") / "data" / FILE_NAME))):
        if path.is_file():
            return path
    return None
