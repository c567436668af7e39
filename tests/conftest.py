"""Session-wide fixtures: the shared folder beside the repository, and the real coder."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    """The real pipeline (spaCy model + dictionaries), loaded once per test session."""
    from newsevents.pipeline import Coder

    return Coder.get(None)


@pytest.fixture(scope="session")
def code(coder):
    """code(text, published="2021-02-05") -> list of public event records."""
    from newsevents.models import Article

    def _code(text: str, published: str | None = "2021-02-05") -> list[dict]:
        return [e.to_dict() for e in coder.code_article(Article(id="t", text=text, published=published))]

    return _code
