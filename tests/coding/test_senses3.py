"""Real words in the sense the sentence uses (issue #20, twelfth judged sample;
coding/stages/senses3.py and tools/verbs_corrections.txt "senses3"). Made-up sentences, several
phrasings per class, with controls that keep the dictionary's sense."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, trigger):
    return [e for e in events if e["trigger"]["text"] == trigger]


def _codes(events, trigger):
    return [e["cameo"] for e in _on(events, trigger)]


# -- 1. a question that challenges someone is criticism -----------------------------------------

@pytest.mark.parametrize("text", [
    "The senator repeatedly asked why the governor did not close the schools.",
    "The Gondor senator asked why the Rohan president had not stopped the floods.",
    "The opposition leader asked how the minister could ignore the reports of torture.",
])
def test_a_challenging_question_is_criticism(code, text):
    assert _codes(code(text), "asked") == ["111"]


@pytest.mark.parametrize("text", [
    "The mayor asked residents to stay home.",
    "The minister asked why the talks were delayed.",
    "The Gondor envoy asked Rohan for help.",
])
def test_a_real_request_stays_a_request(code, text):
    assert all(c.startswith("02") for c in _codes(code(text), "asked")) and _codes(code(text), "asked")


# -- 2. an arrival meets no one -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Police arrived and arrested the man.",
    "The candidate arrived at her rally in the evening.",
    "Firefighters arrived at the scene within minutes.",
])
def test_an_arrival_is_no_consultation(code, text):
    assert _codes(code(text), "arrived") == []


def test_an_arrival_for_a_visit_is_still_a_visit(code):
    ev = code("The Rohan president arrived in Gondor for a visit.")
    assert "042" in _codes(ev, "arrived")


def test_an_arrival_in_a_hosting_place_still_codes(code):
    ev = code("The Kenyan foreign minister arrived in Doha on Monday.")
    assert _codes(ev, "arrived") == ["040"], ev


# -- 3. praising a body's independence is praise ----------------------------------------------

@pytest.mark.parametrize("text", [
    "The minister praised the independence and integrity of the electoral commission.",
    "The ambassador commended the independence of the court.",
    "The envoy applauded the independence, professionalism and courage of the inspectors.",
])
def test_praising_independence_is_praise(code, text):
    ev = code(text)
    assert [c for e in ev for c in [e["cameo"]] if c in ("017", "051")] == ["051"], ev


@pytest.mark.parametrize("text", [
    "Kenya celebrated its independence on Friday.",
    "The people of Rohan celebrated Independence Day on Friday.",
])
def test_celebrating_independence_stays_a_symbolic_act(code, text):
    assert "017" in [e["cameo"] for e in code(text)]


# -- 4. a text described by a participle is no act of adopting ----------------------------------

@pytest.mark.parametrize("text", [
    "Highlights: The delegation backed most of the resolutions adopted this session, including one on press freedom.",
    "The Rohan mission co-sponsored ten of the texts adopted this year, including the text on torture.",
])
def test_texts_described_as_adopted_are_no_act(code, text):
    assert _on(code(text), "adopted") == []


# -- 5. adding people to a visa restriction list is a sanction --------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The State Department added ten officials to its visa restriction policy.", "added"),
    ("Gondor added three Rohan generals to the visa ban list.", "added"),
])
def test_adding_to_a_visa_restriction_is_a_sanction(code, text, trigger):
    assert _codes(code(text), trigger) == ["172"]


def test_adding_names_in_future_is_an_intent(code):
    ev = _on(code("The State Department will continue to add names to this visa restriction policy."), "add")
    assert ev and all(e["cameo"] != "060" and e["modality"] == "intended" for e in ev), ev


# -- 6. submitting articles of impeachment is no yielding --------------------------------------

@pytest.mark.parametrize("text, trigger", [
    ("The House submitted the articles of impeachment to the Senate.", "submitted"),
    ("Speaker Pelosi will submit the articles of impeachment to the Senate next week.", "submit"),
    ("The assembly submitted the impeachment articles on Tuesday.", "submitted"),
])
def test_submitting_impeachment_articles_yields_nothing(code, text, trigger):
    assert [c for c in _codes(code(text), trigger) if c.startswith(("08", "03"))] == []


# -- 7. launching a funded or aid programme is aid ----------------------------------------------

@pytest.mark.parametrize("text", [
    "USAID launched a $20 million training program for Moldova.",
    "The European Union launched an assistance programme for Georgia.",
    "Japan started an aid program for refugees in Jordan.",
])
def test_launching_an_aid_programme_is_aid(code, text):
    ev = code(text)
    assert [e["cameo"] for e in ev if e["trigger"]["text"] in ("launched", "started")] == ["070"], ev


def test_launching_a_domestic_programme_stays_a_policy_option(code):
    assert _codes(code("The government launched a new housing program."), "launched") == ["014"]


@pytest.mark.parametrize("text", [
    "Joint Resolutions: Gondor co-sponsored more than half of the resolutions adopted this session, "
    "including the resolutions on torture and press freedom.",
    "Rohan voted for most of the laws passed last year.",
])
def test_a_span_of_time_is_no_text_adopted(code, text):
    ev = code(text)
    assert _on(ev, "adopted") == [] and _on(ev, "passed") == [], ev


def test_a_body_adopting_a_resolution_still_adopts(code):
    ev = code("The Rohan parliament adopted a resolution on the ceasefire this session.")
    assert _on(ev, "adopted"), ev
