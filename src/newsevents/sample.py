"""The bundled sample corpus (public-domain US State Department and CENTCOM texts)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_path() -> Path:
    """Path of the sample corpus, a JSON Lines file of articles."""
    return Path(str(resources.files("newsevents") / "data" / "sample" / "articles.jsonl"))
