"""Fixtures of the actor tests: every actor of every event of a made-up article."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def roles(coder):
    """roles(text, source=None) -> [(sentence, role, text, code)] of every actor of every event of
    an article published 2022-05-02 by ``source`` (all modalities kept)."""
    from newsevents.models import Article

    def _roles(text: str, source: str | None = None) -> list[tuple[int, str, str, str | None]]:
        art = Article(id="t", text=text, title=None, published="2022-05-02", source=source)
        out = []
        for e in coder.code_article(art, all_modalities=True):
            d = e.to_dict()
            for role in ("source", "target"):
                if d[role]:
                    out.append((d["sentence_index"], role, d[role]["text"], d[role]["code"]))
        return out

    return _roles
