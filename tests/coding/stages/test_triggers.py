"""Stages trigger, veto, match, act, code and recode (coding/stages/triggers.py) on real parses."""
from __future__ import annotations

import pytest

from newsevents.coding.stages import first, triggers

pytestmark = pytest.mark.slow


def _token(sent, word):
    return next(t for t in sent if t.text == word)


def test_a_copulas_adjective_is_a_pessimistic_comment(parse):
    ctx, sent = parse("Iran said it is skeptical of the American plan.")
    cand = triggers.candidate(_token(sent, "is"), ctx.verbs)
    assert cand is not None and cand.code == "012" and cand.trace == ["trigger:mood"]


def test_a_donor_gives_aid(parse):
    ctx, sent = parse("Japan remains the largest donor of humanitarian assistance to Iraq.")
    cand = triggers.candidate(_token(sent, "remains"), ctx.verbs)
    assert cand is not None and cand.code == "070" and cand.trace == ["trigger:donor"]


def test_a_verb_pattern_is_matched(parse):
    ctx, sent = parse("Putin arrived in Moscow on Monday.")
    cand = triggers.candidate(_token(sent, "arrived"), ctx.verbs)
    assert cand is not None and cand.code.startswith("04") and cand.trace == ["match:verb-pattern"]


def test_an_instrument_is_no_act_of_its_own(parse):
    ctx, sent = parse("The army conducted 23 strikes using fighter aircraft.")
    using = _token(sent, "using")
    hit = first(triggers.VETO_RULES, using, ctx.verbs)
    assert hit is not None and hit[0].label == "veto:instrument"
    assert triggers.candidate(using, ctx.verbs) is None


def test_a_charge_is_no_act_of_its_own(parse):
    ctx, sent = parse("Turkey accused Gulen of attempting to overthrow the government.")
    hit = first(triggers.VETO_RULES, _token(sent, "attempting"), ctx.verbs)
    assert hit is not None and hit[0].label == "veto:charge"
    assert first(triggers.VETO_RULES, _token(sent, "accused"), ctx.verbs) is None


def test_riots_that_continue_are_the_riots(parse):
    ctx, sent = parse("Palestinian riots continued in Gaza.")
    cand = triggers.candidate(_token(sent, "continued"), ctx.verbs)
    assert cand is not None and cand.code == "145"
    assert "act:noun-subject-act" in cand.trace


def test_continued_support_is_support(parse):
    ctx, sent = parse("Egypt continued its support for Assad.")
    cand = triggers.candidate(_token(sent, "continued"), ctx.verbs)
    assert cand is not None and cand.code == "070" and "act:continuation" in cand.trace


def test_a_call_for_someone_to_act_is_an_appeal(parse):
    ctx, sent = parse("Japan called for Britain to stay in the single market.")
    cand = triggers.candidate(_token(sent, "called"), ctx.verbs)
    assert cand is not None and cand.code == "020" and "act:light-verb-appeal" in cand.trace


def test_an_order_to_release_is_the_release(parse):
    ctx, sent = parse("Trump ordered the release of the prisoners.")
    cand = triggers.candidate(_token(sent, "ordered"), ctx.verbs)
    assert cand is not None and cand.code == "0841" and "code:noun-object-act" in cand.trace


def test_criticism_faced_is_a_reversed_code(parse):
    ctx, sent = parse("Iran faces criticism.")
    cand = triggers.candidate(_token(sent, "faces"), ctx.verbs)
    assert cand is not None and cand.reverse and "code:reverse-code" in cand.trace


def test_claiming_ones_own_attack_is_claiming_responsibility(parse):
    ctx, sent = parse("The Houthis claimed that they had attacked the airport.")
    cand = triggers.candidate(_token(sent, "claimed"), ctx.verbs)
    assert cand is not None and cand.code == "015" and cand.trace[-1] == "recode:own-act"


def test_a_frame_word_recodes_what_it_frames(parse):
    ctx, sent = parse("Hamas threatened to attack if Israel goes ahead.")
    cands = list(triggers.candidates(sent, ctx.verbs))
    frames = triggers.apply_frames(cands, set())
    attack = next(c for c in cands if c.verb.text == "attack")
    assert attack.code.startswith("13") and attack.frame == "threat" and "frame:threat" in attack.trace
    assert frames == {_token(sent, "threatened").i: attack.verb.i}


def test_a_signed_decree_is_the_act_its_participle_names(parse):
    ctx, sent = parse("The governor signed a decree banning fireworks in the capital.")
    assert triggers.candidate(_token(sent, "signed"), ctx.verbs) is None
    cand = triggers.candidate(_token(sent, "banning"), ctx.verbs)
    assert cand is not None and cand.code[:2] == "17"


def test_a_signed_law_with_no_act_in_it_stays_the_signing(parse):
    ctx, sent = parse("The president signed the new trade law on Friday.")
    cand = triggers.candidate(_token(sent, "signed"), ctx.verbs)
    assert cand is not None and cand.code[:2] in ("05", "06")


def test_rejecting_a_document_is_an_act_of_its_own(parse):
    ctx, sent = parse("Moscow vetoed a draft resolution condemning the strikes.")
    cand = triggers.candidate(_token(sent, "vetoed"), ctx.verbs)
    assert cand is not None and cand.code[:2] == "12"


def test_a_passive_election_with_no_one_electing_is_a_record(parse):
    ctx, sent = parse("Lopez was elected governor of the province in 2009.")
    assert triggers.candidate(_token(sent, "elected"), ctx.verbs) is None


def test_an_election_by_a_named_body_is_an_endorsement(parse):
    ctx, sent = parse("Party delegates elected Lopez as their chairman on Sunday.")
    cand = triggers.candidate(_token(sent, "elected"), ctx.verbs)
    assert cand is not None and cand.code == "051"


def test_an_issued_statement_stays_a_statement(parse):
    ctx, sent = parse("The ministry issued a statement urging both sides to talk.")
    cand = triggers.candidate(_token(sent, "issued"), ctx.verbs)
    assert cand is not None and cand.code == "010"


def test_demonstrating_a_thing_shows_it_and_protests_nothing(parse):
    ctx, sent = parse("The new decree demonstrates the government's commitment to reform.")
    cand = triggers.candidate(_token(sent, "demonstrates"), ctx.verbs)
    assert cand is None or cand.code == "---" or not cand.code.startswith("14")


def test_demonstrating_that_something_is_so_protests_nothing(parse):
    ctx, sent = parse("The vote demonstrated that the opposition is united.")
    cand = triggers.candidate(_token(sent, "demonstrated"), ctx.verbs)
    assert cand is None or not cand.code.startswith("14")


def test_demonstrating_in_the_streets_is_a_protest(parse):
    ctx, sent = parse("Thousands of students demonstrated in Nairobi against the new tax.")
    cand = triggers.candidate(_token(sent, "demonstrated"), ctx.verbs)
    assert cand is not None and cand.code == "141" and "act:shown-not-protested" not in cand.trace


def test_two_parties_speaking_together_consult(parse):
    ctx, sent = parse("The Italian foreign minister and his Egyptian counterpart spoke about trade cooperation.")
    cand = triggers.candidate(_token(sent, "spoke"), ctx.verbs)
    assert cand is not None and cand.code == "040" and "act:two-speakers" in cand.trace


def test_one_speaker_speaking_about_a_topic_states(parse):
    ctx, sent = parse("The French minister spoke about the economy in Paris.")
    cand = triggers.candidate(_token(sent, "spoke"), ctx.verbs)
    assert cand is not None and cand.code == "010"


def test_an_appeal_said_again_is_the_appeal(parse):
    ctx, sent = parse("The French embassy reiterated its recommendation that French citizens leave Mali.")
    cand = triggers.candidate(_token(sent, "reiterated"), ctx.verbs)
    assert cand is not None and cand.code == "020" and "act:repeated-appeal" in cand.trace


def test_a_commitment_said_again_keeps_its_pattern(parse):
    ctx, sent = parse("The government reiterated its commitment to the peace process.")
    cand = triggers.candidate(_token(sent, "reiterated"), ctx.verbs)
    assert cand is not None and cand.code == "030" and "act:repeated-appeal" not in cand.trace


def test_pressing_ahead_with_ones_plan_is_no_demand(parse):
    ctx, sent = parse("The French president pressed ahead with the pension reform.")
    cand = triggers.candidate(_token(sent, "pressed"), ctx.verbs)
    assert cand is None or not cand.code.startswith("10")


def test_pressing_a_government_to_act_is_a_demand(parse):
    ctx, sent = parse("The Kenyan government pressed Somalia to withdraw its troops.")
    cand = triggers.candidate(_token(sent, "pressed"), ctx.verbs)
    assert cand is not None and cand.code.startswith("10")


def test_moderating_a_debate_is_no_coercion(parse):
    ctx, sent = parse("The debate will be moderated by a Kenyan journalist.")
    cand = triggers.candidate(_token(sent, "moderated"), ctx.verbs)
    assert cand is None or not cand.code.startswith("17")


def test_mediating_an_agreement_is_mediation(parse):
    ctx, sent = parse("The Algerian president mediated a peace agreement between Mali and the rebels.")
    cand = triggers.candidate(_token(sent, "mediated"), ctx.verbs)
    assert cand is not None and cand.code == "045"


def test_joining_a_body_is_no_meeting(parse):
    ctx, sent = parse("The Nigerian senator joined the state assembly in 1983.")
    cand = triggers.candidate(_token(sent, "joined"), ctx.verbs)
    assert cand is None or not cand.code.startswith("04")


def test_joining_a_list_of_candidates_is_no_meeting(parse):
    ctx, sent = parse("The governor joined senators Okafor and Bello as possible running mates.")
    cand = triggers.candidate(_token(sent, "joined"), ctx.verbs)
    assert cand is None or not cand.code.startswith("04")


def test_joining_someone_for_a_meeting_is_a_meeting(parse):
    ctx, sent = parse("The Kenyan president joined the Ugandan president in Kampala for a meeting.")
    cand = triggers.candidate(_token(sent, "joined"), ctx.verbs)
    assert cand is not None and cand.code == "040"


def test_joining_someone_as_part_of_a_delegation_keeps_its_code(parse):
    ctx, sent = parse("The minister will join the Kenyan president as part of the delegation to Kampala.")
    cand = triggers.candidate(_token(sent, "join"), ctx.verbs)
    assert cand is not None and "act:joined-body" not in cand.trace
