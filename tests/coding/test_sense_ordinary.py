"""Verbs whose dictionary default is a political act, used in an ordinary sense (issue #20):
admissions to a place, ties described, one's own work finished, matching, verdicts, blocking a
way, claims about oneself (coding/stages/senses.py, tools/verbs_corrections.txt "senses").
Made-up sentences, with positive controls that still code the political sense."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, trigger):
    return [e for e in events if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    # admitted to a place of care, study or membership (veto admitted-to-place)
    ("The foreign minister was admitted to a hospital in Minas Tirith on Monday.", "admitted"),
    ("Senator Grey studied law until being admitted to Oxford in 1970.", "admitted"),
    ("The new envoy of Gondor was admitted to the bar in 1992.", "admitted"),
    # a tie described (veto association-description)
    ("The Rohan militia is linked to the Black Hand network, officials of Gondor said.", "linked"),
    ("Five judges of Gondor connected to the unfair trials were named on Friday.", "connected"),
    ("The Gondor government froze the assets of firms tied to the Rohan army.", "tied"),
    # one's own work ended (act own-work-ended)
    ("Gondor's rescue teams ended their work on Sunday after the floods.", "ended"),
    ("The army engineers of Rohan finished their work at the bridge on Monday.", "finished"),
    # to match is to equal, no fight (verb data MATCH_UP)
    ("The number of Gondor's ministers matches the number of its provinces.", "matches"),
    ("Rohan's new pledge matched the budget of Gondor's army.", "matched"),
])
def test_ordinary_sense_is_no_event(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


@pytest.mark.parametrize("text, trigger, cameo", [
    # the political sense stays
    ("The governor of Gondor admitted to taking bribes from the Rohan firm.", "admitted", "015"),
    ("The Gondor president admitted that his government had misled the parliament.", "admitted", "015"),
    ("The rebels of Rohan claimed that they had attacked the airport.", "claimed", "015"),
    ("The rebels of Rohan claimed to have shot down a helicopter of Gondor's army.", "claimed", "015"),
])
def test_acknowledgements_stay(code, text, trigger, cameo):
    assert [e["cameo"] for e in _on(code(text), trigger)] == [cameo], code(text)


@pytest.mark.parametrize("text", [
    "The Gondor president claimed he has the full support of the army.",
    "The opposition leader of Rohan claimed to be in daily contact with the president of Gondor.",
    "Rohan's prime minister claimed to be the most popular leader in the region.",
    "The Gondor president claimed he would be fine if the dispute with Rohan went on for years.",
    "The Rohan envoy claimed she was the only candidate with a plan for Gondor.",
])
def test_a_claim_about_oneself_that_names_no_act_is_a_statement(code, text):
    claims = _on(code(text), "claimed")
    assert claims and all(e["cameo"] == "010" for e in claims), claims


@pytest.mark.parametrize("text", [
    "The government of Gondor linked the wave of crime to the governor of Rohan.",
    "Gondor's prosecutors connected the bombing to the Rohan intelligence service.",
])
def test_tying_something_to_someone_alleges(code, text):
    ties = [e for e in code(text) if e["trigger"]["text"] in ("linked", "connected")]
    assert ties and all(e["cameo"] == "112" for e in ties), ties


@pytest.mark.parametrize("text", [
    "A court in Gondor convicted the former minister of terrorism on Tuesday.",
    "The former Rohan minister was convicted of war crimes by a Gondor court in 2011.",
])
def test_a_verdict_is_legal_coercion_whatever_the_crime(code, text):
    acts = [e for e in code(text) if e["trigger"]["text"] == "convicted"]
    assert acts and all(e["cameo"] == "173" for e in acts), acts


def test_an_indictment_keeps_the_dictionarys_accusation_patterns(code):
    acts = [e for e in code("The mayor of Gondor was indicted by a war crimes court for his alleged part in atrocities.")
            if e["trigger"]["text"] == "indicted"]
    assert acts and all(e["cameo"].startswith("11") for e in acts), acts


@pytest.mark.parametrize("text", [
    "Protesters blocked the exits of the Gondor parliament on Friday.",
    "Thousands of Rohan farmers blocked highways into the capital.",
    "Students in Gondor blocked the gates of the ministry.",
])
def test_blocking_a_way_through_obstructs(code, text):
    blocked = _on(code(text), "blocked")
    assert blocked and all(e["cameo"] == "144" for e in blocked), blocked


def test_strikes_stay(code):
    events = _on(code("Dock workers in Gondor stopped work on Monday over pay."), "stopped")
    assert [e["cameo"] for e in events] == ["143"], events


def test_fighting_stays(code):
    events = _on(code("Rohan's army attacked Gondor's positions near the river."), "attacked")
    assert events and all(e["cameo"][:2] == "19" for e in events), events


@pytest.mark.parametrize("text", [
    "Gondor admitted more than 5,000 refugees from Rohan last year.",
    "Since the border reopened, Gondor has admitted more than 130 applicants as refugees.",
])
def test_refugees_admitted_are_given_refuge(code, text):
    admitted = _on(code(text), "admitted")
    assert admitted and all(e["cameo"] == "075" for e in admitted), admitted


@pytest.mark.parametrize("text, trigger", [
    # a participle graded by an adverb of degree is an adjective (veto graded-participle)
    ("The ministers of Gondor and Rohan discussed ways of tackling the most pressing regional problems.", "pressing"),
    ("Gondor's envoy warned of a more threatening posture by Rohan's navy.", "threatening"),
    # demonstrating a thing shown (act shown-not-protested, relative clause)
    ("The Gondor envoy will describe the courage she demonstrated during the war in Rohan.", "demonstrated"),
])
def test_description_is_no_act(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


def test_a_protest_stays(code):
    events = _on(code("Thousands of students demonstrated against the government of Rohan on Friday."), "demonstrated")
    assert [e["cameo"] for e in events] == ["141"], events


def test_the_senses_rules_are_registered_in_order():
    from newsevents.coding.stages import ORDER, rules, triggers  # noqa: F401  (registers the rules)

    names = {r.name for stage in ("veto", "act") for r in rules(stage)}
    assert {"admitted-to-place", "association-description", "graded-participle", "alleged-tie",
            "own-work-ended"} <= names <= set(ORDER["veto"][1]) | set(ORDER["act"][1])


@pytest.mark.parametrize("text, trigger", [
    ("Gondor is increasingly deepening its relationship with Rohan.", "deepening"),
    ("Rohan's leaders have increasingly called for an end to the blockade of Gondor.", "called"),
])
def test_an_adverb_before_a_verb_with_its_auxiliary_keeps_the_act(code, text, trigger):
    assert _on(code(text), trigger), code(text)


@pytest.mark.parametrize("text", [
    "The Gondor minister claimed she made the decision alone, without pressure from Rohan.",
    "The Rohan governor claimed he ordered the release of the prisoners himself.",
])
def test_claiming_a_deed_of_ones_own_claims_responsibility(code, text):
    claims = _on(code(text), "claimed")
    assert claims and all(e["cameo"] == "015" for e in claims), claims


def test_admitted_to_a_named_school_is_no_acknowledgement(code):
    text = "Senator Grey said the Rohan envoy had not met him until being admitted to Whitmore."
    assert not _on(code(text), "admitted"), code(text)


def test_admitting_to_someone_that_acknowledges(code):
    events = _on(code("The Gondor minister admitted to Rohan's envoy that his army had crossed the border."), "admitted")
    assert [e["cameo"] for e in events] == ["015"], events
