"""A carried day dates only the acts that continue the dated act (issue #20, carried): the same doer
(person or body, not only country), the same pair, the readout of the same meeting, or the same kind
of act; any other act of the paragraph is dated on or before publication (trace when:other-act)."""
from __future__ import annotations

import pytest

from newsevents.coding.continuation import continues_act, same_body
from newsevents.models import Actor, Event

PUB = "2024-03-05"  # a Tuesday


def _actor(text: str, code: str, name: str, members: tuple[str, ...] = ()) -> Actor:
    return Actor(text=text, start=0, end=len(text), name=name, code=code, members=list(members))


def _event(cameo: str, source: Actor | None, target: Actor | None = None) -> Event:
    return Event(article_id="a", sentence_index=0, sentence="", cameo=cameo, trigger={}, source=source, target=target)


GOVERNOR = _actor("The governor", "USAGOV", "United States")
TEXAS_GOVERNOR = _actor("the Texas governor", "USAGOV", "United States")
MAYOR = _actor("the mayor of Springfield", "USAGOV", "United States")
SMITH = _actor("Senator Smith", "USALEG", "John Smith", ("Smith",))
HE = _actor("He", "USALEG", "John Smith", ("Smith",))
JONES = _actor("Senator Jones", "USALEG", "Ann Jones", ("Jones",))
MINISTER = _actor("the Gondorian minister", "GONGOV", "Gondor")


@pytest.mark.parametrize("a, b, same", [
    (GOVERNOR, TEXAS_GOVERNOR, True),
    (GOVERNOR, MAYOR, False),
    (SMITH, HE, True),
    (SMITH, JONES, False),
    (SMITH, MINISTER, False),
    (None, SMITH, False),
])
def test_same_body_is_the_same_person_or_body_not_the_same_country(a, b, same):
    assert same_body(a, b) is same


@pytest.mark.parametrize("ev, act, continues", [
    (_event("111", JONES, SMITH), _event("057", SMITH, MINISTER), False),  # another doer, another kind
    (_event("111", JONES, SMITH), _event("042", SMITH, MINISTER), True),  # in a visit's readout: its country
    (_event("036", JONES), _event("040", SMITH, MINISTER), True),  # meetings are one kind
    (_event("190", GOVERNOR, JONES), _event("182", MAYOR, SMITH), True),  # so are acts of force
    (_event("010", HE), _event("042", SMITH, MINISTER), True),  # the same doer
    (_event("051", MINISTER, SMITH), _event("042", SMITH, MINISTER), True),  # the same pair / a participant
    (_event("030", GOVERNOR), _event("190", MAYOR, JONES), False),
    (_event("190", GOVERNOR, JONES), _event("190", MAYOR, JONES), True),  # the same kind of act
])
def test_continues_act(ev, act, continues):
    assert continues_act(ev, act) is continues


def _dates(text: str) -> dict[str, tuple[str | None, str]]:
    from newsevents import code_text
    return {ev.trigger["text"]: (ev.date, ev.date_precision) for ev in code_text(text, PUB)}


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    ("Protesters clashed with police in Chicago on Saturday. The governor of Illinois promised an inquiry.", "promised"),
    ("Senator Smith met the Gondorian minister on Monday. Senator Jones later criticized the White House.",
     "criticized"),
    ("Rioters attacked a courthouse in Portland on Sunday. President Biden accused the mayor of Portland of "
     "weakness.", "accused"),
])
def test_an_unrelated_act_of_the_same_country_does_not_take_the_day(text, trigger):
    assert _dates(text)[trigger] == (PUB, "before")


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    ("Secretary Smith met the Japanese Foreign Minister on Monday. They discussed trade.", "discussed"),
    ("Secretary Smith met the Japanese Foreign Minister on Monday. The Secretary also emphasized "
     "security cooperation.", "emphasized"),
    ("Secretary Smith spoke with the Japanese Foreign Minister on Monday. The minister thanked Smith for "
     "the aid.", "thanked"),
    ("Gunmen attacked a police station in Gondor on Sunday. Hours later gunmen attacked a school.", "attacked"),
    ("Gunmen attacked a police station in Kabul on Sunday. On the same day, the Afghan president condemned "
     "the violence.", "condemned"),
])
def test_a_continuing_act_takes_the_day(text, trigger):
    dates = _dates(text)
    assert dates[trigger][1] == "day", dates
