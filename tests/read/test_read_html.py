"""HTML pages via trafilatura, with the lxml fallback."""
from __future__ import annotations

from newsevents.errors import ReadError
from newsevents.models import Article

from .helpers import read_all

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Hamas delegation visits Moscow | Example News</title>
<meta property="og:title" content="Hamas delegation visits Moscow">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-02-05T10:32:00+00:00">
<link rel="canonical" href="https://news.example.com/2021/02/05/hamas-moscow">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<article>
<h1>Hamas delegation visits Moscow</h1>
<p>A senior delegation of the Hamas Movement arrived on Thursday in the Russian capital Moscow
as part of a visit to discuss ways to restore Palestinian national unity.</p>
<p>The delegation met Presidential Special Envoy Mikhail Bogdanov on Thursday afternoon, officials said.</p>
<p>Bogdanov affirmed the firm Russian position on the Palestinian issue and the Movement’s role.</p>
</article>
<footer><p>Copyright 2021 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_html_page(write) -> None:
    [art] = read_all(write("world/hamas-moscow.html", PAGE))
    assert isinstance(art, Article), art
    assert art.id == "hamas-moscow.html"  # its file name, with the extension
    assert art.title == "Hamas delegation visits Moscow"
    assert art.published == "2021-02-05"
    assert art.url == "https://news.example.com/2021/02/05/hamas-moscow"
    assert art.source == "Example News"
    assert art.text.startswith("A senior delegation of the Hamas Movement arrived on Thursday")
    assert "Movement’s role." in art.text
    assert "\n\n" in art.text  # paragraphs kept apart
    for junk in ("Home", "World news", "Copyright", "Privacy", "Example News"):
        assert junk not in art.text


def test_truncated_html_does_not_crash(write) -> None:
    [art] = read_all(write("cut.htm", PAGE[: PAGE.index("officials said")]))
    assert isinstance(art, (Article, ReadError))
    if isinstance(art, Article):
        assert "senior delegation" in art.text


def test_fallback_to_paragraphs(write) -> None:
    [art] = read_all(write("tiny.html", "<html><body><p>Short text.</p></body></html>"))
    assert isinstance(art, Article) and art.text == "Short text."


def test_page_without_text_is_error(write) -> None:
    [err] = read_all(write("empty.html", "<html><head><title>x</title></head><body><nav></nav></body></html>"))
    assert isinstance(err, ReadError)
    assert "no article text found in the page" in str(err)
