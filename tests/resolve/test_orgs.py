"""Actor codes read from the names of bodies and people (issue #20, "orgs"): a ministry's name is no
person's, a grouping's topic word is no sector, an international body's officer is its, a foreign
person in a release is not its publisher's, a surname the article gave in full is that person, and a
candidate's campaign is their party side. Made-up names and sentences, parsed by the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

RELEASE = "U.S. Department of State"


def _codes(roles, text: str, phrase: str, source: str | None = RELEASE) -> set[str | None]:
    """The codes of every actor of every event whose text holds ``phrase``."""
    found = {code for _, _, said, code in roles(text, source) if phrase in said}
    assert found, f"no actor with {phrase!r} in {roles(text, source)}"
    return found


# -- a body's name is not a person's name ---------------------------------------------------------

@pytest.mark.parametrize("text, phrase, code", [
    ("In the spirit of the Year of Partnership following President Biden’s second Summit for Democracy, the "
     "Latvian Ministry of Foreign Affairs is organizing a session on press freedom.", "Ministry of Foreign Affairs",
     "LVAGOV"),
    ("As part of the Week of Action after Chancellor Scholz’s first Forum for Peace, the Lithuanian Ministry of "
     "Foreign Affairs is hosting a pledging conference.", "Ministry of Foreign Affairs", "LTUGOV"),
    ("The Latvian MFA summoned the Russian ambassador on Monday.", "MFA", "LVAGOV"),
])
def test_a_ministry_name_is_its_countrys_government(roles, text, phrase, code):
    assert _codes(roles, text, phrase) == {code}


def test_a_person_named_after_a_ministry_title_is_still_a_person(roles):
    text = "Permanent Secretary of the Ministry of Foreign Affairs Arun Velt met Secretary Blinken today."
    assert any(code and code.endswith("GOV") for code in _codes(roles, text, "Arun Velt"))


# -- a person in a release is the publisher's only when titled as its own official ------------------

@pytest.mark.parametrize("text, phrase", [
    ("Secretary Blinken met with Prime Minister Halvo Brennic today.", "Halvo Brennic"),
    ("The Deputy Secretary welcomed King Faris Edrani to Washington.", "Faris Edrani"),
    ("The United States condemns the arrest of Tarin Welde in Addis Ababa. Ethiopian police detained "
     "Tarin Welde on Monday.", "Tarin Welde"),
])
def test_a_foreign_or_untitled_person_is_not_the_publishers(roles, text, phrase):
    assert not any(code and code.startswith("USA") for code in _codes(roles, text, phrase))


@pytest.mark.parametrize("text, phrase", [
    ("Special Envoy Tomas Lindqvor met Houthi representatives in Muscat.", "Tomas Lindqvor"),
    ("Senior Advisor Amos Keller will travel to Lebanon to discuss the energy crisis.", "Amos Keller"),
    ("Under Secretary for Civilian Security, Democracy, and Human Rights Marla Quent will travel to Nairobi, "
     "where she will meet Kenyan officials.", "Marla Quent"),
])
def test_a_person_titled_as_the_publishers_official_is_its(roles, text, phrase):
    assert all(code and code.startswith("USA") for code in _codes(roles, text, phrase))


def test_a_title_alone_after_a_titled_official_is_still_that_official(roles):
    text = ("Acting Assistant Secretary of State for African Affairs Rob Tellen will visit Ghana. "
            "The Acting Assistant Secretary will then head to Togo where he will meet with Togolese officials.")
    assert _codes(roles, text, "The Acting Assistant Secretary") == {"USAGOV"}


def test_a_surname_the_article_gave_in_full_is_not_the_dictionarys_namesake(roles):
    text = ("Secretary Blinken met Kenyan President Amara Wanjiru Hassan today. "
            "President Hassan thanked the United States for its support.")
    assert _codes(roles, text, "President Hassan") == {"KENGOV"}


# -- officers of international bodies ---------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, code", [
    ("Secretary Blinken met with Olaf Sandberg, the UN Secretary-General's Personal Envoy for Western Sahara, "
     "today.", "Olaf Sandberg", "IGOUNO"),
    ("UN Personal Envoy for Western Sahara Olaf Sandberg met Moroccan officials in Rabat.", "Olaf Sandberg", "IGOUNO"),
    ("Deputy Secretary Sherman met EEAS Secretary General Marco Rossi today.", "Marco Rossi", "IGOEUREEC"),
    ("The OSCE condemned the attack on its observers.", "OSCE", "IGOEURSCE"),
])
def test_an_international_bodys_officer_is_the_bodys(roles, text, phrase, code):
    assert _codes(roles, text, phrase) == {code}


def test_a_later_mention_of_a_described_envoy_keeps_the_body(roles):
    text = ("Secretary Blinken met with Olaf Sandberg, the UN Secretary-General's Personal Envoy for Western "
            "Sahara, today. The Secretary and Personal Envoy Sandberg discussed the political process.")
    assert _codes(roles, text, "Personal Envoy Sandberg") == {"IGOUNO"}


# -- groupings --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    ("The undersigned members of the Press Freedom Coalition express their strong concerns about the arrest "
     "of journalists by the Hong Kong authorities.", "Press Freedom Coalition"),
    ("The Media Liberty Coalition condemned the closure of the newspaper.", "Media Liberty Coalition"),
    ("The Global Coalition to Defeat Daesh welcomed the agreement.", "Global Coalition"),
])
def test_a_grouping_is_no_sector_of_its_topic_nor_the_publishers(roles, text, phrase):
    assert _codes(roles, text, phrase) == {"IGO"}


def test_a_grouping_of_one_country_keeps_it(roles):
    assert _codes(roles, "The Kenyan Alliance for Peace held a rally in Nairobi.", "Alliance", None) == {"KENNGO"}


# -- campaigns --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    ("The Trump campaign accused Biden of lying about the economy.", "Trump campaign"),
    ("Joe Biden spoke in Ohio on Monday. His campaign attacked Trump's record on trade.", "His campaign"),
    ("Biden campaign officials denied the report.", "Biden campaign officials"),
])
def test_a_candidates_campaign_is_the_party_side(roles, text, phrase):
    assert _codes(roles, text, phrase, None) == {"USAPTY"}


def test_a_countrys_campaign_of_vaccination_is_no_party(roles):
    assert not any(code and code.endswith("PTY") for _, _, _, code in
                   roles("Chile's vaccination campaign helped the region recover.", None))


@pytest.mark.parametrize("text, phrase, country", [
    ("Tomas Reed, Director of the U.S. Trade and Development Agency, said the region needs new power plants.",
     "Tomas Reed", "USA"),
    ("We are concerned by the death of Mr. Karim Haddad, a U.S. citizen who was found dead after Israeli "
     "soldiers detained him.", "Karim Haddad", "USA"),
    ("In 2016, Lars Wennberg, a Swedish citizen, traveled to St. Petersburg for training.", "Lars Wennberg", "SWE"),
])
def test_a_role_set_off_after_a_name_places_the_person(roles, text, phrase, country):
    assert {code[:3] for code in _codes(roles, text, phrase) if code} == {country}
