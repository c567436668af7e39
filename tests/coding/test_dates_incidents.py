"""Dates of acts in made-up articles: a day carries over only to acts that continue the act it
was the day of (the same kind of act, or the same actors), and a day named for a news report
dates the report, not the act it tells (issue #20, dates)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = "2021-02-05"
BEFORE = (PUBLISHED, "before")


def _dated(events, trigger):
    return {(e["date"], e["date_precision"]) for e in events if e["trigger"]["text"] == trigger}


@pytest.mark.parametrize("text, trigger", [
    ("Rioters clashed with police in the capital on Monday. The mayor accused the president of inciting them.",
     "accused"),
    ("Gunmen attacked an army base near the border on Tuesday. The opposition leader praised the new budget.",
     "praised"),
    ("Protesters burned tyres outside parliament on Monday. The finance minister signed a trade agreement with Japan.",
     "signed"),
])
def test_a_day_does_not_carry_to_another_kind_of_act_by_other_actors(code, text, trigger):
    assert _dated(code(text, published=PUBLISHED), trigger) == {BEFORE}


@pytest.mark.parametrize("text, trigger, day", [
    # (the same kind of act: the story goes on)
    ("Rebels attacked the town on Monday. They also shelled the nearby airport.", "shelled", "2021-02-01"),
    ("The foreign minister met his Italian counterpart on Tuesday. The two ministers discussed trade.",
     "discussed", "2021-02-02"),
    # (another kind of act by the same actor: still the same occasion)
    ("The French president met the Iranian foreign minister on Wednesday. The French president criticised Iran.",
     "criticised", "2021-02-03"),
])
def test_a_day_carries_to_acts_that_continue_the_story(code, text, trigger, day):
    assert _dated(code(text, published=PUBLISHED), trigger) == {(day, "day")}


@pytest.mark.parametrize("text, trigger, day", [
    ("It was reported on Tuesday that the prisoner was stabbed in the neck by another inmate.", "stabbed", "2021-02-02"),
    ("Local media reported on Monday that soldiers shot three protesters.", "shot", "2021-02-01"),
    ("According to reports on Wednesday, soldiers shot three protesters.", "shot", "2021-02-03"),
    ("Police reported Monday that gunmen killed two soldiers near the border.", "killed", "2021-02-01"),
])
def test_a_day_of_a_report_dates_the_act_only_as_on_or_before_it(code, text, trigger, day):
    assert _dated(code(text, published=PUBLISHED), trigger) == {(day, "before")}


def test_a_report_word_as_the_act_keeps_its_day(code):
    events = code("Soldiers shot three protesters on Monday, local media reported.", published=PUBLISHED)
    assert _dated(events, "shot") == {("2021-02-01", "day")}


def test_a_day_naming_a_report_dates_what_the_report_itself_says(code):
    events = code("The UN human rights office criticised the government of Myanmar in its February 1 report.",
                  published=PUBLISHED)
    assert _dated(events, "criticised") == {("2021-02-01", "day")}


def test_a_day_does_not_carry_to_another_kind_of_act_by_another_body_of_the_same_country(code):
    # (issue #20, carried: the same country is not the same doer; in a one-country story it is every
    # actor; the arrests may come days after the attack: on or before publication)
    events = code("Gunmen attacked a police station in Kenya on Monday. Kenyan police arrested ten suspects.",
                  published=PUBLISHED)
    assert _dated(events, "arrested") == {("2021-02-05", "before")}


def test_a_day_carries_to_another_kind_of_act_by_the_same_body(code):
    events = code("Kenyan police clashed with protesters in Nairobi on Monday. The police arrested ten of them.",
                  published=PUBLISHED)
    assert _dated(events, "arrested") == {("2021-02-01", "day")}
