"""JSON Lines input: good lines, bad lines, fields."""
from __future__ import annotations

import json
import logging

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read.jsonl import text_id

from .helpers import articles, errors, read_all


def test_jsonl_good_and_bad_lines(write, caplog) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "First article.", "title": "One", "published": "2021-02-05",
                    "url": "https://e.com/1", "source": "Example"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "a2", "text": "Second.", "published": "2021-02-06T10:00:00Z"}),
        json.dumps({"id": "a3"}),
        "",
        json.dumps({"id": "a4", "text": "   \n "}),
        json.dumps({"id": "a5", "text": 42}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "a6", "text": "Bad date.", "published": "last week"}),
        json.dumps(["not", "an", "object"]),
    ]
    path = write("in.jsonl", "\n".join(lines) + "\n")
    with caplog.at_level(logging.WARNING, logger="newsevents.read"):
        items = read_all(path)
    good = articles(items)
    assert [a.id for a in good] == ["a1", "a2", text_id("no id"), "a6"]  # a stable made-up id
    a1 = good[0]
    assert (a1.title, a1.published, a1.url, a1.source) == ("One", "2021-02-05", "https://e.com/1", "Example")
    assert a1.origin == f"{path}:1"
    assert good[1].published == "2021-02-06"
    assert good[3].published is None
    assert any("last week" in r.getMessage() for r in caplog.records)
    bad = {e.origin: e.reason for e in errors(items)}
    assert set(bad) == {f"{path}:{n}" for n in (2, 4, 6, 7, 10)}
    assert "invalid JSON" in bad[f"{path}:2"] and f"{path}:2:" in str(errors(items)[0])
    assert "missing 'text'" in bad[f"{path}:4"]
    assert "empty text" in bad[f"{path}:6"]
    assert "must be a string" in bad[f"{path}:7"]
    assert any("no 'id'" in r.getMessage() and f"{path}:8" in r.getMessage() for r in caplog.records)
    # order is kept: the error for line 2 comes between a1 and a2
    assert [getattr(i, "id", None) or i.origin.rsplit(":", 1)[1] for i in items][:3] == ["a1", "2", "a2"]


def test_jsonl_crlf_and_bom(write) -> None:
    data = "\ufeff" + json.dumps({"id": "x", "text": "Line one.\r\nLine two."}) + "\r\n"
    [art] = read_all(write("x.jsonl", data))
    assert isinstance(art, Article) and art.id == "x" and art.text == "Line one.\nLine two."


def test_json_array_named_directly(write) -> None:
    doc = json.dumps([{"id": "a", "text": "A."}, {"id": "b", "text": "B."}], indent=2)
    items = read_all(write("arr.json", doc))
    assert [a.id for a in articles(items)] == ["a", "b"] and not errors(items)


def test_empty_jsonl_is_error(write) -> None:
    [err] = read_all(write("none.jsonl", "\n\n"))
    assert isinstance(err, ReadError)
