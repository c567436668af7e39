"""Hand-built articles and events for the store and export tests (imported by them;
named uniquely so it never clashes with another directory's conftest)."""
from __future__ import annotations

from newsevents.models import Actor, Article, Event, Place

SENT_A0 = "Russian President Vladimir Putin met U.S. President Joe Biden in Geneva."
SENT_A1 = "Hamas rejected the Israeli proposal, officials said."
SENT_B0 = "Protesters did not attack the police station in Kyiv."
SENT_B1 = "Ukraine may sanction Russian banks 100% of the time_."
SENT_C0 = "Nothing here about anyone, café société."


def article(aid: str, text: str = "", **kw) -> Article:
    return Article(id=aid, text=text or f"text of {aid}", **kw)


def putin_meets_biden(aid: str = "a1") -> Event:
    return Event(
        article_id=aid,
        sentence_index=0,
        sentence=SENT_A0,
        cameo="042",
        trigger={"text": "met", "start": 33, "end": 36},
        source=Actor("Russian President Vladimir Putin", 0, 32, "Vladimir Putin", "RUS", "GOV",
                     "RUSGOV", ["Vladimir Putin"]),
        target=Actor("U.S. President Joe Biden", 37, 61, "Joe Biden", "USA", "GOV", "USAGOV",
                     ["Joe Biden"]),
        date="2021-06-16",
        date_precision="day",
        plover={"type": "CONSULT", "mode": "visit", "context": ["diplomatic"]},
        location=Place("Geneva", "CHE", 46.20222, 6.14569, 2660646),
        negated=False,
        modality="asserted",
        confidence=0.8333,
        rule="MEET [042]",
    )


def hamas_rejects(aid: str = "a1") -> Event:
    return Event(
        article_id=aid,
        sentence_index=1,
        sentence=SENT_A1,
        cameo="125",
        trigger={"text": "rejected", "start": 6, "end": 14},
        source=Actor("Hamas", 0, 5, "Hamas", "PSE", "REB", "PSEREB"),
        target=Actor("Israeli", 19, 26, "Israel", "ISR", "GOV", "ISRGOV"),
        date="2021-06-17",
        date_precision="day",
        plover={"type": "REJECT", "mode": None, "context": []},
        location=None,
        modality="reported",
        confidence=0.6,
        rule="REJECT [125]",
    )


def protest_negated(aid: str = "b1") -> Event:
    return Event(
        article_id=aid,
        sentence_index=0,
        sentence=SENT_B0,
        cameo="145",
        trigger={"text": "attack", "start": 23, "end": 29},
        source=Actor("Protesters", 0, 10, None, None, "CVL", "CVL"),
        target=Actor("the police", 30, 40, "police", "UKR", "COP", "UKRCOP"),
        date="2022-01-05",
        date_precision="day",
        plover={"type": "PROTEST", "mode": "protest violent", "context": []},
        location=Place("Kyiv", "UKR", 50.45466, 30.5238, 703448),
        negated=True,
        modality="asserted",
        confidence=0.41,
        rule="ATTACK [145]",
    )


def sanction_hypothetical(aid: str = "b1") -> Event:
    return Event(
        article_id=aid,
        sentence_index=1,
        sentence=SENT_B1,
        cameo="163",
        trigger={"text": "sanction", "start": 12, "end": 20},
        source=Actor("Ukraine", 0, 7, "Ukraine", "UKR", "GOV", "UKR"),
        target=Actor("Russian banks", 21, 34, "Russian banks", "RUS", "BUS", "RUSBUS"),
        date="2022-02",  # kept verbatim: the record's date is text
        date_precision="month",
        plover={"type": "SANCTION", "mode": None, "context": ["economic"]},
        location=None,
        modality="hypothetical",
        confidence=0.5,
        rule="SANCTION [163]",
    )


def bare_statement(aid: str = "c1") -> Event:
    """As null as an event gets: no actors, no place, no PLOVER, no date."""
    return Event(
        article_id=aid,
        sentence_index=0,
        sentence=SENT_C0,
        cameo="010",
        trigger={"text": "Nothing", "start": 0, "end": 7},
    )


def corpus() -> list[tuple[Article, list[Event]]]:
    return [
        (article("a1", title="Geneva summit", published="2021-06-17", source="Wire"),
         [putin_meets_biden("a1"), hamas_rejects("a1")]),
        (article("b1", title="Kyiv", published="2022-02-01"),
         [protest_negated("b1"), sanction_hypothetical("b1")]),
        (article("c1"), [bare_statement("c1")]),
    ]
