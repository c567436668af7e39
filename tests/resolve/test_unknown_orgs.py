"""Organisations no dictionary knows, coded by the words of their name (resolve/actors.py
``_unknown_org``, ``_country_org``; data/org_name_sectors.tsv), and groups of bystanders:
made-up sentences parsed by the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _sources(code, text: str, published: str = "2021-02-05") -> dict[str, str | None]:
    return {e["source"]["text"]: e["source"]["code"]
            for e in code(text, published=published, all_modalities=True) if e["source"]}


@pytest.mark.parametrize("text, phrase, want", [
    # the country in the name, the sector from its head word
    ("The Nairobi Times accused the Kenyan government of corruption on Monday.", "The Nairobi Times", "KENMED"),
    ("The Kenya Workers Party criticized President Ruto on Monday.", "The Kenya Workers Party", "KENPTYLAB"),
    ("The Philippine Daily Inquirer accused the mayor of Manila of fraud.",
     "The Philippine Daily Inquirer", "PHLMED"),
    # a global body: no country
    ("The Global Alliance for Clean Wells criticized the Kenyan government on Monday.",
     "The Global Alliance for Clean Wells", "NGO"),
])
def test_an_unknown_organisation_is_coded_by_its_name(code, text, phrase, want):
    assert _sources(code, text).get(phrase) == want


def test_an_unknown_organisation_takes_the_story_country(code):
    found = _sources(code, "Police fired tear gas at protesters in Nairobi on Tuesday. "
                           "The broadcaster Radio Tandala accused the police of brutality.")
    assert found.get("The broadcaster Radio Tandala") == "KENMED"


def test_the_state_department_is_the_us_government(code):
    assert _sources(code, "The State Department condemned the attack in Iraq.").get("The State Department") == "USAGOV"


def test_bystanders_are_civilians_of_where_they_are(code):
    found = _sources(code, "A man attacked shoppers in Leeds on Friday. "
                           "Bystanders forced the attacker to the ground.")
    assert found.get("Bystanders") == "GBRCVL"


def test_a_known_organisation_keeps_its_code(code):
    found = _sources(code, "The African Union condemned the coup in Mali on Monday.")
    assert found.get("The African Union") == "IGOAFRAFU"


def test_a_regulator_is_the_government_not_media(code):
    found = _sources(code, "The Kenyan National Broadcasting Commission ordered radio stations to stop broadcasting.")
    assert found.get("The Kenyan National Broadcasting Commission") == "KENGOV"


def test_the_department_of_a_release_is_its_publisher(coder):
    from newsevents.models import Article

    art = Article(id="t", text="In 2022, the Department contributed new funding to the refugee agency in Peru.",
                  title="Support for Refugees", published="2022-05-02", source="U.S. Department of State")
    found = {e.source.text: e.source.code for e in coder.code_article(art, all_modalities=True) if e.source}
    assert found.get("the Department") == "USAGOV"


def test_a_name_the_dictionary_knows_keeps_its_code(code):
    found = _sources(code, "The rebel Kurdistan Workers' Party attacked a police station on Monday.")
    assert found.get("The rebel Kurdistan Workers' Party") == "TURREB"


def test_a_department_whose_modifier_gives_its_sector_keeps_it(code):
    found = _sources(code, "The Kenyan Defense Department suspended military aid to the Ugandan police.")
    assert found.get("The Kenyan Defense Department") == "KENGOVMIL"


def test_a_titled_person_after_an_organisation_stays_a_person(code):
    found = _sources(code, "African Union Assembly Chairperson Amadou Kane criticized the Kenyan government on Monday.")
    assert found.get("African Union Assembly Chairperson Amadou Kane") == "IGOAFRAFU"
