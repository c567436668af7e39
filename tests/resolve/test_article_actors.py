"""Who an actor phrase is, from the article (resolve/actors.py): group nouns for the sides of a
pair ("the parties", "both sides") and the pair pronouns ("Both", "the two"); made-up articles
parsed by the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

RELEASE = "U.S. Department of State"


def _codes(roles: list[tuple[int, str, str, str | None]], si: int, words: str) -> set[str | None]:
    return {code for s, _, text, code in roles if s == si and text.lower() == words.lower()}


@pytest.mark.parametrize("text", [
    "Armenian and Azerbaijani forces exchanged fire on Monday. The United States condemned the shelling "
    "of Armenian villages. The United States urges the sides to return to negotiations.",
    "Armenian and Azerbaijani troops clashed along the border. Washington criticized the attack on Armenian "
    "positions. The United States called on the parties to return to talks.",
])
def test_the_sides_a_country_urges_are_not_that_country(roles, text):
    roles = roles(text, RELEASE)
    sides = {code for s, role, t, code in roles if s == 2 and role == "target" and t.split()[-1] in ("sides", "parties")}
    assert not any(c and c.startswith("USA") for c in sides), roles
    assert {c[:3] for c in sides if c} <= {"ARM", "AZE"}, roles


@pytest.mark.parametrize("text", [
    "Secretary Blinken met Armenian Foreign Minister Ann Vale in Washington. The United States encourages "
    "the parties to the conflict to halt hostilities.",
    "The Secretary spoke with Georgian Prime Minister Tom Reed on Monday. The United States urges the parties "
    "to respect the ceasefire.",
])
def test_the_parties_are_never_one_country(roles, text):
    roles = roles(text, RELEASE)
    codes = {c for s, role, t, c in roles if s == 1 and role == "target" and t.lower().startswith("the parties")}
    assert codes <= {None}, roles


def test_the_two_sides_of_a_meeting_are_its_two_countries(roles):
    roles = roles("The Secretary met Thai Foreign Minister Ann Vale in Bangkok. Both sides agreed to "
                          "expand trade. The two sides signed a memorandum on health.", RELEASE)
    assert {c for c in _codes(roles, 1, "Both sides") if c} == {"USAGOV", "THAGOV"}, roles
    assert {c for c in _codes(roles, 2, "The two sides") if c} == {"USAGOV", "THAGOV"}, roles


def test_the_party_alone_is_not_a_side_of_the_last_pair(roles):
    roles = roles("The Secretary met Thai Foreign Minister Ann Vale in Bangkok. "
                          "The party criticized the government.", RELEASE)
    assert not ({c for c in _codes(roles, 1, "The party") if c} & {"USAGOV", "THAGOV"}), roles


@pytest.mark.parametrize("text", [
    "German Chancellor Olaf Scholz met Japanese Prime Minister Fumio Kishida in Tokyo. French President "
    "Emmanuel Macron and Italian Prime Minister Giorgia Meloni expressed support for Ukraine. Both condemned Russia.",
    "The king received the Spanish envoy in Rabat. French President Emmanuel Macron and Italian Prime Minister "
    "Giorgia Meloni praised Ukraine. Both criticized Russia.",
])
def test_both_are_the_two_subjects_of_the_sentence_before(roles, text):
    roles = roles(text)
    assert {c for c in _codes(roles, 2, "Both") if c} == {"FRAGOV", "ITAGOV"}, roles


def test_both_with_no_pair_is_no_single_country(roles):
    roles = roles("Unknown gunmen fired at a bus in Ukraine on Monday. Both condemned the attack on Kyiv.")
    assert not {c for c in _codes(roles, 1, "Both") if c} & {"UKR"}, roles


def test_both_may_be_a_group_just_named(roles):
    roles = roles("Police arrested two Canadian men in Beijing on Monday. Both were sentenced to seven "
                          "years in prison.")
    assert _codes(roles, 1, "Both") <= {"CANPPL", "CANCVL"}, roles


@pytest.mark.parametrize("text", [
    "Secretary of State Tom Blake met with French Foreign Minister Jean Vale and UK Foreign Secretary Ann Truss "
    "today in Brussels. The Secretary strongly condemned the atrocities by Russian forces in Bucha.",
    "Secretary Blake spoke with British Foreign Secretary Ann Truss on Monday. The Secretary condemned Russia's "
    "attacks on Ukrainian cities.",
])
def test_the_secretary_of_a_release_is_its_own_not_a_foreign_secretary(roles, text):
    roles = roles(text, RELEASE)
    assert {(c or "")[:3] for c in _codes(roles, 1, "The Secretary")} == {"USA"}, roles


@pytest.mark.parametrize("text", [
    "Niger hosted the summit of the regional bloc on Sunday. All signed the agreement.",
    "Gondor hosted talks on the border dispute. We call on all to maintain calm.",
    "Kenya held elections on Tuesday. Some criticized the electoral commission.",
])
def test_a_quantifier_alone_is_not_the_story_country(roles, text):
    roles = roles(text, RELEASE)
    words = {"all", "some"}
    assert not [c for s, _, t, c in roles if s == 1 and t.lower() in words and c and len(c) == 3], roles
    assert not [c for s, _, t, c in roles if s == 1 and t.lower() in words and c and c[:3] in ("NER", "KEN")], roles


def test_a_quantifier_alone_is_the_group_just_named(roles):
    roles = roles("Hundreds of Kenyan doctors went on strike in Nairobi on Monday. Some marched to "
                          "parliament and many criticized the health minister.")
    assert _codes(roles, 1, "many") <= {"KENHLH"} and _codes(roles, 1, "Some") <= {"KENHLH"}, roles


@pytest.mark.parametrize("text", [
    "Secretary of State Tom Blake spoke by phone with Ukrainian Foreign Minister Ann Vale. The Secretary reaffirmed "
    "the U.S. commitment to hold Russia accountable for atrocities. The two also reiterated the need to implement "
    "the grain deal.",
    "Secretary of State Tom Blake met Ukrainian Foreign Minister Ann Vale in Kyiv. The Secretary condemned Russia's "
    "attacks on Ukrainian cities. The two also discussed energy security.",
])
def test_the_two_are_the_two_who_met_not_the_last_pair(roles, text):
    roles = roles(text, RELEASE)
    two = {(c or "")[:3] for s, _, t, c in roles if s == 2 and t.lower().endswith("two")}
    assert two and "RUS" not in two and two <= {"USA", "UKR"}, roles


def test_a_side_may_be_an_international_organisation(roles):
    roles = roles("Secretary Blake met European Commission Vice President Ann Vale in Brussels. Both sides "
                          "highlighted the importance of the data privacy framework.", RELEASE)
    assert {c for c in _codes(roles, 1, "Both sides") if c} == {"USAGOV", "IGOEUREEC"}, roles
