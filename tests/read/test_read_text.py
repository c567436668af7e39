"""Plain-text pages: header dates, title, body, furniture."""
from __future__ import annotations

import json

import pytest

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read.text import parse_text_page

from .helpers import SHARED, read_all

BODY1 = "The minister arrived in Cairo on Monday for talks on the ceasefire, officials said."
BODY2 = "He met his Egyptian counterpart and discussed the release of prisoners."


def page(text: str) -> Article:
    result = parse_text_page(text, id="t", origin="t.txt")
    assert isinstance(result, Article), result
    return result


@pytest.mark.skipif(not (SHARED / "examples" / "seed-article.txt").exists(), reason="no shared/")
def test_seed_article() -> None:
    expected = json.loads((SHARED / "examples" / "seed-article.expected.json").read_text())["article"]
    [art] = read_all(SHARED / "examples" / "seed-article.txt")
    assert isinstance(art, Article)
    assert art.id == "seed-article.txt"
    assert art.title == expected["title"]
    assert art.published == expected["published"]
    assert art.retrieved == expected["retrieved"]
    assert art.text.startswith("A senior delegation of the Hamas Movement arrived on Thursday")
    assert art.text.endswith("It left Moscow on Friday afternoon.")
    for bad in expected["body_must_not_contain"]:
        assert bad not in art.text
    assert expected["title"] not in art.text
    assert "Movement’s political bureau" in art.text
    assert "\n\n\n" not in art.text and art.text.count("\n\n") == 9


def test_title_then_date_no_capture_stamp() -> None:
    art = page(f"Minister visits Cairo\n\nFebruary 5, 2021\n\n{BODY1}\n\n{BODY2}\n")
    assert (art.title, art.published, art.retrieved) == ("Minister visits Cairo", "2021-02-05", None)
    assert art.text == f"{BODY1}\n\n{BODY2}"


def test_iso_dates_without_blank_lines() -> None:
    art = page(f"2024-10-06\nMinister visits Cairo\n2021-02-05\n{BODY1}\n{BODY2}\n")
    assert (art.title, art.published, art.retrieved) == ("Minister visits Cairo", "2021-02-05", "2024-10-06")
    assert art.text == f"{BODY1}\n{BODY2}"


def test_labelled_dates() -> None:
    text = (
        "Minister visits Cairo\n\nPublished: 5 Feb 2021 10:32 GMT\n"
        "Updated: 6 Feb 2021 08:00 GMT\n\n" + BODY1 + "\n"
    )
    art = page(text)
    assert (art.published, art.retrieved) == ("2021-02-05", None)
    assert art.text == BODY1


def test_labelled_retrieved_before_title_and_updated_only() -> None:
    art = page(f"Retrieved: 2024-10-06\n\nMinister visits Cairo\n\nUpdated: Friday 5-February-2021\n\n{BODY1}")
    assert (art.published, art.retrieved) == ("2021-02-05", "2024-10-06")


def test_byline_with_date_is_header() -> None:
    art = page(f"Minister visits Cairo\nBy Jane Doe, 5 Feb 2021 | 10:32 GMT\n\n{BODY1}")
    assert (art.title, art.published, art.text) == ("Minister visits Cairo", "2021-02-05", BODY1)


def test_earlier_stamp_before_title_is_not_retrieved() -> None:
    art = page(f"1 January 2021\n\nMinister visits Cairo\n\n5 February 2021\n\n{BODY1}")
    assert (art.published, art.retrieved) == ("2021-02-05", None)


def test_single_date_above_title_is_published() -> None:
    art = page(f"Sun 6-October-2024\n\nMinister visits Cairo\n\n{BODY1}")
    assert (art.title, art.published, art.retrieved) == ("Minister visits Cairo", "2024-10-06", None)


def test_ambiguous_numeric_date_is_dropped_not_guessed() -> None:
    art = page(f"Minister visits Cairo\n05/02/2021\n\n{BODY1}")
    assert art.published is None and art.text == BODY1


def test_furniture_removed_at_end() -> None:
    tail = (
        "Share this\nShare on Facebook\nShare on Twitter\n\nRelated articles\n"
        "Egypt hosts Hamas talks\nIsrael strikes Gaza\n\nTags: Egypt, Hamas\nPrint\nEmail\n"
        "Follow us on Twitter\nCopyright 2021 Example News. All rights reserved.\n"
        "https://example.com/a/1\n"
    )
    art = page(f"Minister visits Cairo\n\n{BODY1}\n\n{BODY2}\n\n{tail}")
    assert art.text == f"{BODY1}\n\n{BODY2}"


def test_read_more_in_the_middle_keeps_the_body() -> None:
    mid = "Read more: Egypt hosts Hamas talks"
    art = page(f"Minister visits Cairo\n\n{BODY1}\n\n{mid}\n\n{BODY2}\n\nShort link:\nhttps://x.example/1")
    assert art.text == f"{BODY1}\n\n{mid}\n\n{BODY2}"


def test_trailing_bare_url_dropped() -> None:
    assert page(f"{BODY1}\n\nhttps://example.com/story/1\n").text == BODY1


def test_title_less_file() -> None:
    text = f"{BODY1}\n\n{BODY2}\n"
    art = page(text)
    assert art.title is None and art.published is None
    assert art.text == f"{BODY1}\n\n{BODY2}"


def test_short_first_line_then_blank_is_a_title() -> None:
    art = page(f"Talks in Cairo\n\n{BODY1}")
    assert art.title == "Talks in Cairo" and art.text == BODY1


def test_wrapped_first_line_is_not_a_title() -> None:
    text = "The minister arrived in Cairo on Monday for talks\non the ceasefire, officials said.\n"
    art = page(text)
    assert art.title is None and art.text == text.strip()


def test_single_line_is_text_not_title() -> None:
    art = page("Talks in Cairo")
    assert art.title is None and art.text == "Talks in Cairo"


def test_paragraph_characters_kept_and_crlf_normalised() -> None:
    art = page("Title here\r\n\r\n  “Quoted” text — with  two spaces.\r\nSecond line.\r\n")
    assert art.text == "“Quoted” text — with  two spaces.\nSecond line."


@pytest.mark.parametrize("text", ["", "   \n\n\t\n", "Sun 6-October-2024\n\n", "Short link:\n"])
def test_empty_or_header_only_is_error(text: str) -> None:
    assert isinstance(parse_text_page(text, id="t", origin="t.txt"), ReadError)
