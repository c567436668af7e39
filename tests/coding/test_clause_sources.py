"""The source is the doer of this clause's act: not whoever reports it, and for an arrest the
police that announce it (issue "Real news", stage "source"/"role")."""
from __future__ import annotations

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow


def _events(coder, text: str) -> list[dict]:
    art = Article(id="t", text=text, published="2024-01-10")
    return [e.to_dict() for e in coder.code_article(art)]


def _of(events: list[dict], trigger: str) -> list[dict]:
    return [e for e in events if e["trigger"] and e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text", [
    "Rebels stormed the base on Monday, with officials reporting at the time 40 soldiers and 12 civilians killed.",
    "The raid was the worst in years, with officials reporting at the time 30 guards, 9 villagers and dozens of fighters killed.",
])
def test_who_reports_the_dead_did_not_kill_them(coder, text):
    for e in _of(_events(coder, text), "killed"):
        assert not (e["source"] and e["source"]["text"] == "officials"), e


@pytest.mark.parametrize("text,poster", [
    ("The next day on Twitter Jones accused his rival of lying.", "Jones"),
    ("Later that week on Instagram Harris accused the club of racism.", "Harris"),
    ("On Monday on Facebook Senator Jane Doe accused the mayor of fraud.", "Senator Jane Doe"),
])
def test_the_platform_posted_on_is_not_part_of_the_doer(coder, text, poster):
    accusations = _of(_events(coder, text), "accused")
    assert accusations and accusations[0]["source"]["text"] == poster


@pytest.mark.parametrize("text", [
    "Following the vote, Mary Jones appointed him finance minister, which he served as until 2018, "
    "resigning in protest at Jones's trade agreement.",
    "After the election, Mary Jones made him her deputy, a post he held until 2019, resigning in protest to "
    "Jones's budget plan.",
])
def test_whose_plan_is_protested_did_not_protest_it(coder, text):
    for e in _events(coder, text):
        if e["cameo"].startswith("14"):
            assert not (e["source"] and "Jones" in e["source"]["text"]), e


def test_a_participle_with_its_own_object_leaves_its_subject_the_doer(coder):
    events = _of(_events(coder, "Officials citing security concerns closed the border crossing."), "closed")
    assert events and events[0]["source"]["text"] == "Officials"


@pytest.mark.parametrize("text,announcer", [
    ("Police said two men were arrested on Tuesday.", "Police"),
    ("Police in Gondor and Rohan announced that 200 suspects were arrested after a long inquiry.", "Police"),
    ("Authorities announced on Friday that eleven smugglers had been detained near the port.", "Authorities"),
])
def test_police_announcing_an_arrest_made_it(coder, text, announcer):
    arrests = [e for e in _events(coder, text) if e["cameo"] == "173"]
    assert arrests and all(e["source"] for e in arrests), arrests
    assert any(e["source"]["text"].startswith(announcer) for e in arrests), arrests


@pytest.mark.parametrize("text", [
    "The Foreign Ministry said two of its citizens were detained.",
    "A newspaper reported that three activists were arrested.",
])
def test_a_ministry_or_paper_reporting_an_arrest_did_not_make_it(coder, text):
    arrests = [e for e in _events(coder, text) if e["cameo"] == "173"]
    assert arrests and all(e["source"] is None for e in arrests), arrests
