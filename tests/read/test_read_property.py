"""Whatever the bytes, read_inputs yields Articles or ReadErrors and never raises."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read import read_inputs

_TEXTISH = st.text(alphabet=st.characters(codec="utf-8"), max_size=300).map(str.encode)
_HTMLISH = st.lists(
    st.sampled_from(["<html>", "<p>", "</p>", "<body>", "<div>", "{", '"id"', ":", "\n", "x", "Sun 6-October-2024"]),
    max_size=40,
).map(lambda parts: "".join(parts).encode())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400), _TEXTISH, _HTMLISH),
       ext=st.sampled_from([".txt", ".html", ".jsonl", ".json", ".dat"]))
def test_random_bytes_never_raise(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{ext}"
        path.write_bytes(data)
        items = list(read_inputs([str(path)], max_bytes=10_000))
    assert items
    for item in items:
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, Article):
            assert item.text.strip()
