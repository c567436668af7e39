"""An actor's country and sector from the article and the title, not from a word inside a name
(resolve/actors.py, resolve/article_memory.py): a title that runs on into a place, a name word a
dictionary lists as a place, short forms the article spells out, two titled people the parse
flattened into one name, an office title with an unknown name, an unknown body's officer.
Made-up names and articles, parsed by the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

RELEASE = "U.S. Department of State"


def _codes_of(roles: list[tuple[int, str, str, str | None]], word: str, si: int | None = None) -> set[str | None]:
    return {code for s, _, text, code in roles if word in text and (si is None or s == si)}


@pytest.mark.parametrize("text", [
    "Secretary Tom Grell met today with Armenian Minister of Foreign Affairs Ararat Keshian in Washington "
    "to launch the dialogue.",
    "Armenian Foreign Minister Ararat Keshian met Secretary Tom Grell in Vienna on Monday.",
    "Secretary Tom Grell hosted Minister of Foreign Affairs of Armenia Ararat Keshian in Washington on Monday.",
])
def test_a_country_before_the_title_beats_a_place_word_in_the_name(roles, text):
    """"Ararat" is a place the dictionary lists under Turkey; the person is Armenia's minister."""
    codes = _codes_of(roles(text, RELEASE), "Keshian")
    assert codes == {"ARMGOV"}, codes


@pytest.mark.parametrize("text", [
    "Deputy Secretary of State Ellen Varno met Kenyan officials in Nairobi on Monday.",
    "Assistant Secretary of State for African Affairs Ellen Varno criticized the decision on Monday.",
    "Deputy Secretary of State Ellen Varno spoke with Kenyan students. Deputy Secretary Varno also met "
    "Kenyan officials.",
])
def test_an_office_title_gives_the_sector_of_an_unknown_name(roles, text):
    codes = _codes_of(roles(text, RELEASE), "Varno")
    assert codes == {"USAGOV"}, codes


@pytest.mark.parametrize("text", [
    "Deputy Secretary of State Ellen Varno met with German State Secretary Jan Kolbe today in Washington. "
    "Deputy Secretary Varno and State Secretary Kolbe emphasized the importance of the relationship.",
    "Deputy Secretary of State Ellen Varno met with Austrian Secretary General Jan Kolbe today in Washington. "
    "Deputy Secretary Varno and Secretary General Kolbe discussed regional security.",
])
def test_two_titled_people_flattened_into_one_name_are_two_actors(roles, text):
    roles = roles(text, RELEASE)
    second = [(t, c) for s, role, t, c in roles if s == 1 and role == "source"]
    assert {c for _, c in second} == {"USAGOV", "DEUGOV" if "German" in text else "AUTGOV"}, roles
    assert not any("Varno" in t and "Kolbe" in t for t, _ in second), roles


@pytest.mark.parametrize("text,source", [
    ("Secretary Tom Grell and African Union Commission (AUC) Chairperson Ali Faro signed a memorandum on "
     "Monday. The AUC welcomed the agreement.", RELEASE),
    ("The African Union Commission (AUC) met in Addis Ababa on Monday. The AUC condemned the coup in "
     "Fornost.", None),
])
def test_a_short_form_is_read_as_the_article_spells_it_out(roles, text, source):
    codes = {c for s, _, t, c in roles(text, source) if s == 1 and "AUC" in t}
    assert codes and all(c and c.startswith("IGO") for c in codes), codes


@pytest.mark.parametrize("text", [
    "The Alliance for Unity and Change (AUC) criticized the government of Kenya on Monday. The AUC also "
    "condemned the police.",
    "Leaders of the Association of Urban Cooperatives (AUC) met the Kenyan president on Monday. The AUC "
    "praised the government.",
])
def test_a_short_form_spelled_out_as_another_body_is_not_the_dictionary_s(roles, text):
    codes = {c for _, _, t, c in roles(text) if "AUC" in t}
    assert not any(c and "COL" in c for c in codes), codes


@pytest.mark.parametrize("text", [
    "Deputy Secretary of State Ellen Varno met today in Brussels with FNTA Deputy Secretary General Jan Kolbe.",
    "Deputy Secretary of State Ellen Varno spoke today with NTRO Secretary General Jan Kolbe.",
])
def test_an_unknown_body_s_officer_is_not_the_publisher_s_nor_the_host_s(roles, text):
    codes = _codes_of(roles(text, RELEASE), "Kolbe")
    assert codes and not any(c and c[:3] in ("USA", "BEL") for c in codes), codes


@pytest.mark.parametrize("text", [
    "The embassy celebrates today's dedication of the new U.S. Embassy in Fornost, Niger by Ambassador "
    "Ellen Varno.",
    "The bureau marked the opening of a consulate in Lagos, Nigeria by Ambassador Ellen Varno on Monday.",
])
def test_a_title_does_not_run_from_a_place_through_by_into_a_name(roles, text):
    codes = _codes_of(roles(text, RELEASE), "Varno")
    assert not any(c and c[:3] in ("NER", "NGA") for c in codes), codes


@pytest.mark.parametrize("text", [
    "Deputy Secretary of State Ellen Varno spoke with French Foreign Ministry Secretary General Jan Delattre "
    "today. The Deputy Secretary and Secretary General Delattre agreed to continue supporting Ukraine.",
    "Deputy Secretary of State Ellen Varno met Philippine Secretary of Foreign Affairs Tom Locke today. The "
    "Deputy Secretary and Secretary Locke discussed maritime security.",
])
def test_a_title_that_names_a_known_person_is_not_merged_with_the_next_person(roles, text):
    roles = roles(text, RELEASE)
    second = {c for s, _, t, c in roles if s == 1}
    assert "USAGOV" in second and ({"FRAGOV", "PHLGOV"} & second), roles


@pytest.mark.parametrize("text", [
    "Deputy Secretary Ellen Varno discussed cooperation regarding the Democratic People’s Republic of "
    "Korea’s (DPRK) weapons programs. Deputy Secretary Varno condemned the DPRK’s escalatory launches.",
    "The talks covered the Democratic People's Republic of Korea (DPRK) on Monday. Deputy Secretary Varno "
    "condemned the DPRK's missile launches.",
])
def test_a_spelled_out_short_form_keeps_a_reading_that_agrees(roles, text):
    codes = {c for s, _, t, c in roles(text, RELEASE) if s == 1 and "DPRK" in t}
    assert codes == {"PRK"}, codes


@pytest.mark.parametrize("text", [
    "Secretary of State Tom Grell met in Riga, Latvia with Israeli Foreign Minister Yair Lavon.",
    "Secretary of State Tom Grell met in Vilnius, Lithuania with Polish Foreign Minister Jan Rostek.",
])
def test_a_title_after_a_place_s_preposition_is_the_person_s(roles, text):
    codes = {c for s, role, t, c in roles(text, RELEASE) if role == "target"}
    assert codes & {"ISRGOV", "POLGOV"} and not any(c and c[:3] in ("LVA", "LTU") for c in codes), codes
