"""An official's country from what the article says elsewhere (resolve/article_memory.py), groups
of states (data/state_groups.tsv) and organisations whose names hold a preposition; made-up
releases and sentences parsed by the real model."""
from __future__ import annotations

import pytest

from newsevents.resolve.article_memory import ArticleMemory
from newsevents.resolve.dictionary import ActorDictionary

pytestmark = pytest.mark.slow

RELEASE = "U.S. Department of State"


def _actors(coder, text: str, title: str | None = None, source: str | None = None) -> list[tuple[str, str | None]]:
    from newsevents.models import Article

    art = Article(id="t", text=text, title=title, published="2022-05-02", source=source)
    out = []
    for e in coder.code_article(art, all_modalities=True):
        for role in ("source", "target"):
            if e.to_dict()[role]:
                out.append((e.to_dict()[role]["text"], e.to_dict()[role]["code"]))
    return out


def _memory(*texts: str) -> ArticleMemory:
    return ArticleMemory(ActorDictionary.default(), texts, "2022-05-02")


def test_memory_keeps_a_name_and_a_title_with_the_country_before_them():
    m = _memory("The Secretary's Meeting with Moldovan Foreign Minister Ana Petrescu")
    assert m.person(["Petrescu"]) == "MDA"
    assert m.title(["Foreign", "Minister"]) == ["MDA"]


def test_memory_keeps_an_of_country_after_the_title():
    m = _memory("The Secretary met the Crown Prince and Prime Minister of Bahrain, His Highness Faris Al Nabil, today.")
    assert m.title(["Crown", "Prince"]) == ["BHR"]


def test_memory_parts_two_people_joined_by_and():
    """"Secretary Blake and Foreign Minister Petrescu": the second is not the first's country."""
    m = _memory("U.S. Secretary of State Tom Blake and Foreign Minister Petrescu met. Moldovan Foreign Minister Ana Petrescu spoke.")
    assert m.person(["Petrescu"]) == "MDA"


def test_memory_leaves_a_post_country_alone():
    """"Special Envoy for Yemen Tim Lark": Yemen is the post, not Lark's country."""
    m = _memory("Special Envoy for Yemen Tim Lark will travel to Riyadh.")
    assert m.person(["Lark"]) is None


def test_memory_drops_a_name_given_two_countries():
    m = _memory("Peruvian Minister Luis Vega met Chilean Minister Ana Vega.")
    assert m.person(["Vega"]) is None


def test_a_bare_title_takes_the_country_the_release_title_gives(coder):
    found = _actors(coder, "Secretary of State Tom Blake met with Foreign Minister Ana Petrescu today in Washington. "
                           "The Secretary and the Foreign Minister discussed energy security.",
                    title="Secretary Blake's Meeting with Moldovan Foreign Minister Petrescu", source=RELEASE)
    codes = {code for text, code in found if "Foreign Minister" in text}
    assert codes and all(c.startswith("MDA") for c in codes), found


def test_the_crown_prince_takes_the_lead_country(coder):
    found = _actors(coder, "Secretary of State Tom Blake met today with the Crown Prince and Prime Minister of Bahrain, "
                           "His Royal Highness Faris Al Nabil. The Secretary thanked the Crown Prince for his support.",
                    source=RELEASE)
    codes = {code for text, code in found if "Crown Prince" in text}
    assert codes and all(c.startswith("BHR") for c in codes), found


def test_an_official_named_alone_is_still_the_publishers(coder):
    found = _actors(coder, "Assistant Secretary Dana Reeve will travel to Rome. Assistant Secretary Reeve will meet "
                           "with Italian officials.", source=RELEASE)
    assert ("Assistant Secretary Reeve", "USA") in found or any(t.startswith("Assistant") and (c or "").startswith("USA")
                                                                for t, c in found), found


def test_a_group_of_states_is_its_members(coder):
    found = _actors(coder, "The foreign minister thanked the Baltic states for their support on Monday.")
    assert {c for t, c in found if t == "the Baltic states"} == {"EST", "LVA", "LTU"}, found


def test_an_organisation_name_keeps_its_preposition(coder):
    found = _actors(coder, "Kenya urged the Intergovernmental Authority on Development to act swiftly on Monday.")
    assert any(c == "IGOEAFDEVIAD" for t, c in found), found


def test_representatives_are_no_legislature(coder):
    found = _actors(coder, "The envoy met with Libyan representatives in Tunis on Monday.")
    assert ("Libyan representatives", "LBYGOV") in found, found


def test_a_hyphenated_name_is_one_name(coder):
    """"Kim Dal-ho": the tokenizer's small-letter "ho" is still part of the person's name."""
    found = _actors(coder, "Deputy Secretary Tom Blake met Japanese Vice Foreign Minister Kim Dal-ho in Tokyo on Monday.",
                    source=RELEASE)
    assert any(t.endswith("Kim Dal-ho") and c == "JPNGOV" for t, c in found), found


def test_a_name_the_title_gives_a_country_keeps_the_office_its_appositive_gives(coder):
    found = _actors(coder, "Ana Velo, the prime minister of Tonga, died today at the age of 78. Velo was evacuated "
                           "on Wednesday. Doctors said that Velo received treatment in Auckland.",
                    title="Tongan Prime Minister Ana Velo dies aged 78")
    assert found and all(c == "TONGOV" for t, c in found if "Velo" in t), found


def test_memory_keeps_the_office_of_a_titled_name():
    m = _memory("The Secretary's Meeting with Moldovan Foreign Minister Ana Petrescu")
    assert m.office(["Petrescu"]) == "GOV"


def test_memory_keeps_a_name_a_description_follows():
    """"Name, the Justice Minister of Peru": the name is Peru's, and the office government."""
    m = _memory("The post went to Ana Morell Quiros, the Justice Minister of Peru, on Friday.")
    assert (m.person(["Morell"]), m.office(["Morell"])) == ("PER", "GOV")


def test_memory_leaves_a_description_with_two_countries_alone():
    m = _memory("The post went to Ana Morell, the Justice Minister of Peru and Chile, on Friday.")
    assert m.person(["Morell"]) is None


def test_a_surname_alone_takes_the_office_its_description_gave(code):
    found = [(e["source"]["text"], e["source"]["code"]) for e in code(
        "The governor resigned on Friday. He will be replaced by Ana Morell Quiros, the Justice Minister of "
        "Peru. In a statement, Morell said she would serve.") if e["source"]]
    assert ("Morell", "PERGOV") in found


def test_memory_keeps_a_former_office_as_an_elite():
    m = _memory("The post went to Ana Morell Quiros, a former Justice Minister of Peru, on Friday.")
    assert (m.person(["Morell"]), m.office(["Morell"])) == ("PER", "ELI")
