"""pipeline.py: --workers gives the same events as one process; the dictionary cache; lazy loading."""
from __future__ import annotations

import pytest

from newsevents import pipeline
from newsevents.models import Article
from newsevents.read import read_inputs

pytestmark = pytest.mark.slow


def _records(results):
    return [(art.id, [ev.to_dict() for ev in evs]) for art, evs in results]


def test_workers_give_the_same_events_in_order(articles_file, coder, monkeypatch):
    arts = list(read_inputs([str(articles_file)]))
    monkeypatch.setattr(pipeline, "TASK_CHARS", 600)  # many small tasks, finishing out of order
    one = _records(pipeline.code_parallel(arts, workers=1, batch_size=4))
    two = _records(pipeline.code_parallel(arts, workers=2, batch_size=4))
    assert [a for a, _ in two] == [a.id for a in arts]
    assert two == one
    assert sum(len(e) for _, e in one) > 20


def test_tasks_keep_the_order_and_shrink_at_the_end():
    arts = [Article(id=str(i), text="x" * (500 + 37 * (i % 7))) for i in range(300)]
    tasks = list(pipeline._tasks(iter(arts), batch_size=32, workers=2))
    assert [a for t in tasks for a in t] == arts
    assert all(0 < len(t) <= 32 for t in tasks)
    sizes = [sum(len(a.text) for a in t) for t in tasks]
    assert max(sizes) < pipeline.TASK_CHARS + 1_000
    assert sizes[-1] <= pipeline.TAIL_CHARS + 1_000 and sizes[-1] < sizes[0] / 4  # small at the end


def test_no_article_loads_nothing(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("the model was loaded for nothing")

    monkeypatch.setattr(pipeline.Coder, "get", staticmethod(boom))
    assert list(pipeline.code_parallel(iter([]), workers=1)) == []
    assert list(pipeline.code_parallel(iter([]), workers=2)) == []


def test_dictionary_cache_codes_like_fresh_dictionaries(coder, tmp_path, monkeypatch):
    from newsevents.coding.events import EventCoder

    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path))
    built = pipeline._event_coder()  # builds and writes the cache
    files = list(tmp_path.glob("dictionaries-*.pickle"))
    assert len(files) == 1
    cached = pipeline._event_coder()  # reads it
    fresh = EventCoder()
    text = ("Russian President Vladimir Putin met Chinese officials in Beijing on Monday. "
            "Israeli troops attacked Hamas militants in Gaza. The UN condemned the violence.")
    art = Article(id="c", text=text, published="2021-02-05")
    doc = coder.nlp(text)
    want = [e.to_dict() for e in fresh.code_doc(art, doc)]
    assert want
    assert [e.to_dict() for e in cached.code_doc(art, doc)] == want
    assert [e.to_dict() for e in built.code_doc(art, doc)] == want
    files[0].write_bytes(b"not a pickle")  # a broken cache is rebuilt, not fatal
    assert [e.to_dict() for e in pipeline._event_coder().code_doc(art, doc)] == want
    monkeypatch.setenv("NEWSEVENTS_CACHE", "off")
    assert pipeline._cache_dir() is None
