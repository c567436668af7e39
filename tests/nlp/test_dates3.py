"""resolve_time: a description of the trigger noun itself dates the act it names (issue #20, dates3)."""
from __future__ import annotations

import pytest

from newsevents.nlp.dates import resolve_time

PUB = "2024-03-05"  # a Tuesday


@pytest.mark.parametrize("text, trigger, date, precision", [
    ("The commander approved the raids on the consulate that took place this week.", "raids", PUB, "before"),
    ("Police said the protests that erupted last month were peaceful.", "protests", "2024-02-01", "month"),
    ("Officials condemned the bombing carried out in 2018.", "bombing", "2018-01-01", "year"),
    ("The minister praised the talks held on Monday with the rebels.", "talks", "2024-03-04", "day"),
])
def test_description_of_the_act_noun_dates_it(parse, text, trigger, date, precision):
    sent, trig = parse(text, trigger)
    ref = resolve_time(sent, PUB, trig)
    assert ref is not None and (ref.date, ref.precision) == (date, precision), ref


@pytest.mark.parametrize("text, trigger", [
    ("Officials condemned the bombing carried out in 2018.", "condemned"),
    ("The mayor, who was elected in 2015, criticised the plan.", "criticised"),
])
def test_description_still_does_not_date_the_verb(parse, text, trigger):
    sent, trig = parse(text, trigger)
    assert resolve_time(sent, PUB, trig) is None


def test_a_day_naming_another_noun_in_the_description_does_not_date_the_act(parse):
    sent, trig = parse("The envoy condemned the raids, which continue to kill civilians, including a February 14 "
                       "strike on the market.", "raids")
    ref = resolve_time(sent, PUB, trig)
    assert ref is None or ref.date != "2024-02-14", ref


@pytest.mark.parametrize("text, trigger", [
    ("Three of the wounded died, hospital officials said on Monday.", "died"),
    ("Officials said on Monday that soldiers had shelled the village.", "shelled"),
    ("Police told reporters on Monday that two suspects were arrested.", "arrested"),
])
def test_a_saying_day_dates_the_act_it_tells_as_on_or_before_it(parse, text, trigger):
    sent, trig = parse(text, trigger)
    ref = resolve_time(sent, PUB, trig)
    assert ref is not None and (ref.date, ref.precision) == ("2024-03-04", "before"), ref


@pytest.mark.parametrize("text, trigger", [
    ("The ministry said on Monday it rejected the proposal.", "rejected"),
    ("The spokesman said on Monday that the army will withdraw its troops.", "withdraw"),
    ("The minister said on Monday that talks would resume.", "said"),
    ("The envoy announced on Monday that the government is providing $5 million in aid.", "providing"),
])
def test_the_saying_itself_and_its_own_or_coming_acts_keep_the_day(parse, text, trigger):
    sent, trig = parse(text, trigger)
    ref = resolve_time(sent, PUB, trig)
    assert ref is not None and ref.precision == "day", ref
