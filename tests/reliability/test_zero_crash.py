"""Zero crashes (issue 18): every text in ../shared is coded without an exception, and so are
odd sentences built by hypothesis (empty conjuncts, lone punctuation, unmatched quotes,
all capitals, surrogates, NUL, very long tokens), through ``code_text``."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.errors import ArticleError
from newsevents.models import Article

from .helpers import FUZZ_COUNTS

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def _same_output_tool():
    spec = importlib.util.spec_from_file_location("newsevents_same_output", REPO / "tools" / "same_output.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_text_of_shared_is_coded_without_an_exception(shared, coder):
    """The gold sets, the corpora, the CASE dev half and the real-news corpus: 4,862 texts
    (``tools/same_output.py``'s reader)."""
    sets = _same_output_tool().sets(shared)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                    url=r.get("url"), source=r.get("source"), origin=f"{name}:{r['id']}")
            for name, recs in sets.items() for r in recs]
    assert len(arts) >= 4_800
    failures = [str(res) for _, res in coder.code_results(arts) if isinstance(res, ArticleError)]
    assert failures == []


# ------------------------------------------------------------------------ odd sentences

WORDS = ["Israel", "attacked", "Gaza", "and", "or", ",", "the", "U.S.", "said", "talks", "with", "Hamas",
         "on", "Monday", "Russia", "'s", "minister", "met", "-", "(", ")", "\"", "'", ";", ":", "...", "!",
         "?", "&", "%", "also", "but", "not", "NATO", "al-Shabab", "Kenya", "capital", "president"]
ODD = ["", " ", "\x00", "\ud800", "\udfff", "\u200b", "\ufeff", "\t", "\n", "\n\n", "«", "»", "“", "”",
       "—", "…", "\u202e", "😀", "A" * 300, "x" * 5_000, "-" * 50, "and and", ", ,", "\"\"", "((", "))"]


@st.composite
def odd_sentences(draw) -> str:
    """A sentence of news words and odd pieces, possibly all capitals."""
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD),
                                    st.text(min_size=0, max_size=12)), min_size=0, max_size=40))
    seps = draw(st.lists(st.sampled_from([" ", "", " and ", ", ", "\n"]), min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps))
    if draw(st.booleans()):
        text = text.upper()
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_sentences())
def test_odd_sentences_never_raise(coder, text):
    from newsevents import code_text

    FUZZ_COUNTS["code_text (odd sentences)"] += 1
    events = code_text(text)
    for ev in events:
        json.dumps(ev.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as it is


@pytest.mark.parametrize("text", [
    "Israel attacked and , and Gaza.",  # an empty conjunct
    "!", ".", "\"", "'", "Israel said \"talks with Hamas.",  # lone punctuation, an unmatched quote
    "ISRAEL ATTACKED GAZA ON MONDAY, THE MINISTER SAID.",  # all capitals
    "Israel attacked Gaza \ud800 on Monday.", "Israel attacked Gaza \x00 on Monday.",  # surrogate, NUL
    "Israel attacked " + "G" * 20_000 + " on Monday.",  # a very long token
])
def test_the_odd_sentences_of_the_issue(coder, text):
    from newsevents import code_text

    code_text(text)
