"""People by title and name (resolve/actors.py): the title's country and office, and later
mentions by any of their names, on made-up sentences parsed by the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _actors(code, text: str, published: str = "2022-07-01") -> list[tuple[str, str | None]]:
    out = []
    for e in code(text, published=published, all_modalities=True):
        for role in ("source", "target"):
            if e[role]:
                out.append((e[role]["text"], e[role]["code"]))
    return out


def test_a_government_title_outranks_an_opposition_code(code):
    """The dictionary knows Kurti as an opposition leader; the text calls him Prime Minister."""
    found = dict(_actors(code, "Prime Minister Albin Kurti criticized the new tariffs on Monday."))
    assert found["Prime Minister Albin Kurti"] == "KSVGOV"


def test_a_former_title_keeps_the_dictionary_code(code):
    found = dict(_actors(code, "Former Prime Minister Albin Kurti criticized the new tariffs on Monday."))
    assert found["Former Prime Minister Albin Kurti"] == "KSVOPP"


def test_a_later_mention_finds_a_name_written_family_name_first(code):
    text = ("Japanese Vice Foreign Minister Tanaka Hiroshi met the Egyptian envoy in Cairo on Monday. "
            "Vice Foreign Minister Tanaka condemned the missile launch.")
    found = dict(_actors(code, text))
    assert found["Vice Foreign Minister Tanaka"] == "JPNGOV"
