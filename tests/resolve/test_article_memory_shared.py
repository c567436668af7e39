"""``ArticleMemory.of``: the body and the title of one article share one memory, read the same
whichever text comes first."""
from __future__ import annotations

from newsevents.resolve.article_memory import ArticleMemory
from newsevents.resolve.dictionary import ActorDictionary

TITLE = "Minister Vale meets the Foreign Minister"
BODY = ("Moldovan Foreign Minister Ana Vale met Secretary Lorn on Monday. "
        "Lorn and the Foreign Minister discussed energy.")


def test_shared_and_the_same_in_either_order():
    d = ActorDictionary.default()
    body_first = ArticleMemory.of(d, (TITLE, BODY), "2022-05-02")
    title_first = ArticleMemory.of(d, (BODY, TITLE), "2022-05-02")
    assert body_first is title_first
    fresh = ArticleMemory(d, (BODY, TITLE), "2022-05-02")
    for name in (["Vale"], ["Ana"], ["Lorn"]):
        assert body_first.person(name) == fresh.person(name)
        assert body_first.office(name) == fresh.office(name)
    assert body_first.title(["foreign", "minister"]) == fresh.title(["foreign", "minister"])
    assert fresh.person(["Vale"]) == "MDA"


def test_other_texts_or_dates_are_read_again():
    d = ActorDictionary.default()
    one = ArticleMemory.of(d, (TITLE, BODY), "2022-05-02")
    assert ArticleMemory.of(d, (TITLE, BODY), "2023-01-01") is not one
    assert ArticleMemory.of(d, (TITLE, BODY + " More."), "2022-05-02") is not one
