"""Who did it when the words give a role and no country (resolve/actors.py ``_story_country``),
and people out of office ("former"): made-up sentences parsed by the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _sources(code, text: str, published: str = "2021-02-05") -> list[tuple[str, str | None]]:
    return [(e["source"]["text"], e["source"]["code"]) for e in code(text, published=published, all_modalities=True)
            if e["source"]]


def test_a_role_takes_the_country_of_the_same_role_named_before(code):
    found = dict(_sources(code, "Iraqi protesters gathered in Basra on Monday. "
                                "Protesters later accused Iran of meddling in the elections."))
    assert found["Protesters"] == "IRQOPP"


def test_a_role_takes_the_country_where_the_story_is(code):
    found = dict(_sources(code, "Thousands of people marched in Baghdad on Friday against corruption. "
                                "Protesters accused Iran of meddling in the country's affairs."))
    assert found["Protesters"] == "IRQOPP"


def test_the_government_is_that_of_the_country_the_story_is_in(code):
    found = dict(_sources(code, "Serbian police fired tear gas at crowds in Belgrade on Tuesday. "
                                "Protests began after the government announced new measures."))
    assert found["the government"] == "SRBGOV"


def test_a_role_of_no_one_country_stays_without_one(code):
    found = dict(_sources(code, "Police fired tear gas at crowds in Belgrade on Tuesday. "
                                "Members of the international community condemned the violence."))
    assert found.get("Members of the international community") in (None, "---CVL", "---GOV", "---PPL")


def test_a_role_whose_owner_the_phrase_names_keeps_no_borrowed_country(code):
    found = dict(_sources(code, "Police fired tear gas at crowds in Belgrade on Tuesday. "
                                "African leaders condemned the violence."))
    assert not (found.get("African leaders") or "").startswith("SRB")


@pytest.mark.parametrize("text, phrase, want", [
    ("Former Governor Ann Vale of Texas criticized the new tariffs on Monday.",
     "Former Governor Ann Vale of Texas", "USAELI"),
    ("Former Minnesota governor Jesse Vantor criticized the governor on Monday.",
     "Former Minnesota governor Jesse Vantor", "USAELI"),
    ("Senator Ted Crane, a former presidential candidate, criticized the governor on Monday.",
     "Senator Ted Crane", "LEG"),
])
def test_a_former_office_is_no_office(code, text, phrase, want):
    """(the sector, and the country when the text gives it)"""
    found = [c for t, c in _sources(code, text) if t.startswith(phrase)]
    assert found and (found[0] or "").endswith(want) and (len(want) == 3 or found[0] == want)


def test_a_later_surname_keeps_the_former_title(code):
    found = _sources(code, "Former Minnesota governor Tom Varley told reporters that the election was stolen. "
                           "Varley accused the judges of bias.")
    assert ("Varley", "USAELI") in found


def test_a_full_name_with_another_first_name_is_another_person(code):
    found = dict(_sources(code, "President Barack Obama spoke in Chicago on Monday. Later, Michelle Obama "
                                "urged viewers to vote for the candidate."))
    assert found["Michelle Obama"] != "USAGOV"


def test_he_is_the_main_subject_of_the_sentence_before_not_the_one_it_reports(code):
    found = _sources(code, "Governor Ann Vale spoke in Austin on Monday. Vale argued that Senator Tom Bryce "
                           "had no health plan. He proposed a public option.")
    assert ("He", "USAGOV") in found


def test_he_is_not_the_one_spoken_to_in_the_clause_before_him(code):
    found = _sources(code, "The broadcaster revealed on Tuesday that President Omar Tassin of Chad had accepted "
                           "responsibility for the killing. Speaking to Martin Brill of the Herald, he said, "
                           "\"It happened under my watch.\"")
    assert ("he", "TCDGOV") in found


def _release(coder, text: str) -> list[tuple[str, str | None]]:
    from newsevents.models import Article

    art = Article(id="t", text=text, title="Support for the Region", published="2022-05-02",
                  source="U.S. Department of State")
    return [(e.source.text, e.source.code) for e in coder.code_article(art, all_modalities=True) if e.source]


def test_in_a_release_about_several_countries_a_role_takes_none(coder):
    found = dict(_release(coder, "The United States welcomes the new programs in Gondor, Peru, Chile and Bolivia. "
                                 "Twelve companies announced new investments in schools."))
    assert not (found.get("Twelve companies") or "").startswith(("PER", "CHL", "BOL"))


def test_in_a_release_about_one_country_a_role_takes_it(coder):
    found = dict(_release(coder, "The United States condemns the arrests of students in Belarus. The Belarusian "
                                 "authorities must stop. Belarus must free them. Students protested in Minsk "
                                 "on Monday."))
    assert found.get("Students") == "BLREDU"


@pytest.mark.parametrize("text, phrase", [
    ("Secretary of State Ann Q. Vale met the alliance's chief in Brussels on Tuesday.", "Secretary of State Ann Q. Vale"),
    ("Ambassador Tom Varley spoke in Nairobi on Monday about the election.", "Ambassador Tom Varley"),
    ("The Secretary will travel to Lusaka, Zambia, next week to attend a summit.", "The Secretary"),
])
def test_a_diplomat_is_not_of_the_place_named_where_they_are(code, text, phrase):
    found = dict(_sources(code, text))
    assert not (found.get(phrase) or "").startswith(("BEL", "KEN", "ZMB"))


def test_civilians_of_a_place_named_keep_its_country(code):
    found = dict(_sources(code, "Ambassador Tom Varley spoke in Nairobi on Monday. "
                                "Protesters in Nairobi clashed with police on Tuesday."))
    assert found.get("Protesters in Nairobi") == "KENOPP"


@pytest.mark.parametrize("text, phrase", [
    ("The Secretary will travel to Lusaka, Zambia, from May 2-6 to attend the ministerial meetings.", "The Secretary"),
    ("In Lusaka, the Special Envoy will meet with Zambian officials.", "the Special Envoy"),
    ("The Ambassador spoke in Nairobi about the elections.", "The Ambassador"),
])
def test_in_a_release_a_diplomat_named_by_title_is_the_publishers(coder, text, phrase):
    found = dict(_release(coder, text))
    assert found.get(phrase) == "USAGOV"


def test_he_after_a_diplomat_named_by_title_is_that_diplomat(coder):
    found = _release(coder, "The Secretary will travel to Lusaka, Zambia, from May 2-6 to attend the ministerial meetings. "
                            "He will also hold bilateral meetings with President Macron.")
    assert ("He", "USAGOV") in found
