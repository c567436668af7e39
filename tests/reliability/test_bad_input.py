"""Bad input, tried systematically (hypothesis) on every reader, and end to end.

Each target below is run on ``MAX_EXAMPLES`` generated inputs (the count actually
run is printed in the terminal summary, "fuzz targets"). A reader must never raise:
a bad input becomes a ``ReadError`` naming its origin (file[:line]) with a reason,
and the other articles of the same input still come out. ``read_inputs`` turns any
reader exception into an "unexpected error" ReadError as a last resort; the tests
treat that as a crash.
"""
from __future__ import annotations

import json
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read import read_inputs, sniff_kind
from newsevents.read.dates import iso_date, parse_date_line, parse_date_text
from newsevents.read.decode import decode_bytes
from newsevents.read.html import parse_html_page
from newsevents.read.jsonl import parse_jsonl
from newsevents.read.text import parse_text_page

from .helpers import FUZZ_COUNTS, run_cli

MAX_EXAMPLES = 300
FUZZ = settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much, HealthCheck.large_base_example])

# ------------------------------------------------------------------ strategies

_CODECS = ["utf-8", "latin-1", "cp1252", "utf-16", "shift_jis", "koi8-r", "mac_roman"]


@st.composite
def mixed_encodings(draw) -> bytes:
    """Segments of text, each encoded differently (unencodable characters replaced)."""
    parts = draw(st.lists(st.tuples(st.text(max_size=60), st.sampled_from(_CODECS)), max_size=6))
    return b"".join(t.encode(c, errors="replace") for t, c in parts)


_HTML_PARTS = ["<html>", "</html>", "<head>", "<title>", "</title>", "<meta charset='latin-1'>",
               "<meta charset=bogus>", "<body>", "</body>", "<p>", "</p>", "<div class='a'>",
               "</div>", "<article>", "<script>", "</script>", "<style>", "<!--", "-->",
               "<![CDATA[", "]]>", "<br/>", "<", ">", "&amp;", "&#x0;", "&#99999999;", "&bogus;",
               "<p class=\"unclosed", "<?xml version='1.0'?>", "<!DOCTYPE html>", "\x00", "\n",
               "Russian President Vladimir Putin met Chinese President Xi Jinping. ",
               "Sun 6-October-2024", "<time datetime='2024-13-45'>", "é", "\u202e", "\ufeff"]
GOOD_HTML = ("<!DOCTYPE html><html><head><title>Talks</title><meta name='date' content='2024-03-01'>"
             "</head><body><article><h1>Talks in Geneva</h1><p>Russian President Vladimir Putin met "
             "Chinese President Xi Jinping in Geneva on Monday.</p><p>Officials said talks would "
             "continue.</p></article></body></html>")


@st.composite
def bad_html(draw) -> str:
    kind = draw(st.sampled_from(["truncated", "soup", "spliced", "text"]))
    if kind == "truncated":
        return GOOD_HTML[: draw(st.integers(0, len(GOOD_HTML)))]
    if kind == "soup":
        return "".join(draw(st.lists(st.sampled_from(_HTML_PARTS), max_size=60)))
    if kind == "spliced":
        at = draw(st.integers(0, len(GOOD_HTML)))
        junk = "".join(draw(st.lists(st.sampled_from(_HTML_PARTS), max_size=10)))
        return GOOD_HTML[:at] + junk + GOOD_HTML[at:]
    return draw(st.text(max_size=400))


_DATE_WORDS = ["2024-03-01", "01/03/2024", "3/1/24", "1 March 2024", "March 1st, 2024", "Mar. 1 2024",
               "Sun 6-October-2024", "2024-02-30", "0000-00-00", "9999-12-31", "31/31/2031", "yesterday",
               "20240301", "1.3.2024", "2024年3月1日", "1er mars 2024", "Posted:", "Updated", "|", "—",
               "12:30", "GMT+2", "T", "Z", "1e309", "-1", "99999999999999999999", "Feb 29 2023", ":", " "]
odd_dates = st.one_of(
    st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=6).map(" ".join),
    st.text(alphabet=string.digits + "-/.: TZ+", max_size=30),
    st.text(max_size=40),
)

whitespace = st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2003\u3000\u200b\ufeff", max_size=50)


@st.composite
def text_pages(draw) -> str:
    header = draw(st.lists(odd_dates, max_size=3))
    body = draw(st.one_of(
        whitespace,
        st.text(max_size=300),
        st.integers(1_000, 200_000).map(lambda n: "word " * (n // 5)),  # a huge line
        st.just("Russian President Vladimir Putin met Chinese President Xi Jinping on Monday."),
    ))
    return "\n".join([*header, "", body])


def good_article(i: int) -> dict:
    return {"id": f"good-{i}", "text": f"Article number {i}: the minister met the ambassador."}


bad_jsonl_line = st.one_of(
    st.text(max_size=80).filter(lambda s: s.strip() and "\n" not in s and "\r" not in s),
    st.sampled_from(['{"id": "x"', '{"id": 1, "text": 2}', '{"text": "   "}', '[]', 'null', '"str"',
                     '{"id": "x", "text": ""}', '{"id": "x", "text": "ok", "published": "2024-99-99"}',
                     '{"id": "x", "text": "ok", "published": 12}', "[" * 50_000, '{"a":' * 3000,
                     '{"id": "\\ud800", "text": "lone surrogate"}', '{"id": "y", "text": "x' + "x" * 200_000]),
    st.dictionaries(st.text(max_size=8), st.one_of(st.none(), st.integers(), st.text(max_size=20),
                                                      st.lists(st.integers(), max_size=3)),
                    max_size=5).map(json.dumps),
)


def _check(items, origin_prefix: str) -> tuple[list[Article], list[ReadError]]:
    items = list(items)
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert len(arts) + len(errs) == len(items), [type(i) for i in items]
    for e in errs:
        assert e.origin.startswith(origin_prefix) and e.reason.strip(), e
        assert "unexpected error" not in e.reason, f"a reader crashed: {e}"
    for a in arts:
        assert isinstance(a.text, str) and a.text.strip() and a.id
    return arts, errs


# ------------------------------------------------------------------ targets


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), mixed_encodings()))
@example(b"")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf")
@example("café".encode("latin-1") * 500)
@example(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00")
def test_decode_bytes(data: bytes) -> None:
    FUZZ_COUNTS["decode_bytes (random bytes, mixed encodings)"] += 1
    try:
        text = decode_bytes(data, "in.txt")
    except ReadError as err:
        assert err.origin == "in.txt" and err.reason
        return
    assert isinstance(text, str) and "\r" not in text


@FUZZ
@given(lines=st.lists(bad_jsonl_line, min_size=1, max_size=4), n_good=st.integers(1, 4),
       at=st.integers(0, 4))
def test_jsonl_bad_lines_between_good_ones(lines: list[str], n_good: int, at: int) -> None:
    """Bad lines anywhere in a JSONL file: every good line still comes out."""
    FUZZ_COUNTS["parse_jsonl (bad lines among good ones)"] += 1
    good = [json.dumps(good_article(i)) for i in range(n_good)]
    at = min(at, len(good))
    doc = "\n".join(good[:at] + lines + good[at:]) + "\n"
    arts, errs = _check(parse_jsonl(doc, origin="f.jsonl"), "f.jsonl")
    ids = [a.id for a in arts]
    for i in range(n_good):
        assert f"good-{i}" in ids, (doc[:300], ids, errs)
    for e in errs:
        assert e.origin.startswith("f.jsonl:"), e  # names the line


@FUZZ
@given(text=st.one_of(st.text(max_size=500), whitespace,
                      st.lists(bad_jsonl_line, max_size=5).map("\n".join)))
@example("")
@example("\n\n  \n")
@example("[\n]")
@example("{\n}")
@example("[\n1, 2\n]")
@example('[\n{"id": "a", "text": "t"},\n 3\n]')
def test_jsonl_any_text(text: str) -> None:
    FUZZ_COUNTS["parse_jsonl (any text)"] += 1
    _check(parse_jsonl(text, origin="g.jsonl"), "g.jsonl")


@FUZZ
@given(html=st.one_of(bad_html(), whitespace))
@example("")
@example("<html></html>")
@example("<p>   </p>")
@example("<")
def test_html_pages(html: str) -> None:
    FUZZ_COUNTS["parse_html_page (truncated/malformed HTML)"] += 1
    item = parse_html_page(html, id="h", origin="p.html")
    _check([item], "p.html")


@FUZZ
@given(text=st.one_of(text_pages(), whitespace))
@example("")
@example(" \n\t\n")
@example("2024-03-01\n\n")
@example("Title\n2024-03-01\n")
def test_text_pages(text: str) -> None:
    FUZZ_COUNTS["parse_text_page (odd dates, huge lines, blank)"] += 1
    item = parse_text_page(text, id="t", origin="p.txt")
    _check([item], "p.txt")
    if not text.strip():
        assert isinstance(item, ReadError)


@FUZZ
@given(s=odd_dates)
def test_date_parsers(s: str) -> None:
    FUZZ_COUNTS["parse_date_text / parse_date_line / iso_date (odd dates)"] += 1
    ok, value = parse_date_text(s)
    assert isinstance(ok, bool)
    assert value is None or (isinstance(value, str) and len(value) >= 4)
    parse_date_line(s)
    out = iso_date(s)
    assert out is None or isinstance(out, str)


@FUZZ
@given(data=st.one_of(st.binary(max_size=1500), mixed_encodings(),
                      bad_html().map(lambda s: s.encode("utf-8", "surrogatepass")),
                      text_pages().map(str.encode)),
       ext=st.sampled_from([".txt", ".html", ".htm", ".jsonl", ".json"]))
def test_read_inputs_on_files(data: bytes, ext: str) -> None:
    """The whole reader on a folder: the random file, and a good file beside it."""
    FUZZ_COUNTS["read_inputs (folder: one random file + one good file)"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / f"a_random{ext}").write_bytes(data)
        (folder / "z_good.jsonl").write_text(json.dumps(good_article(0)) + "\n", encoding="utf-8")
        arts, errs = _check(read_inputs([str(folder)], max_bytes=1_000_000), tmp)
    assert "good-0" in [a.id for a in arts]
    assert arts or errs


@FUZZ
@given(text=st.text(max_size=300))
def test_sniff_kind(text: str) -> None:
    FUZZ_COUNTS["sniff_kind"] += 1
    assert sniff_kind(text) in ("jsonl", "html", "text")


# ------------------------------------------------------------------ end to end


@pytest.mark.slow
def test_code_a_folder_with_bad_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "mixed.jsonl").write_text(
        json.dumps({"id": "m1", "text": "Russian President Vladimir Putin met Chinese President "
                                         "Xi Jinping in Beijing on Monday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "m3", "text": "Israeli police arrested Palestinian demonstrators "
                                           "in Jerusalem on Friday."}) + "\n",
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        "Le Monde\n\nFrench President Emmanuel Macron criticized the government of Syria on "
        "Tuesday, the Élysée said.\n".encode("latin-1"))
    (folder / "good1.txt").write_text(
        "German Chancellor Olaf Scholz met Indian Prime Minister Narendra Modi in Berlin on Monday.\n",
        encoding="utf-8")
    (folder / "good2.jsonl").write_text(
        json.dumps({"id": "g2", "text": "Ukrainian troops attacked Russian positions near Bakhmut "
                                         "on Sunday."}) + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    r = run_cli("code", str(folder), "-o", str(out))
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("newsevents: error:")]
    assert len(errors) == 3, r.stderr
    assert any(str(folder / "binary.txt") in e and "binary" in e for e in errors), errors
    assert any(str(folder / "mixed.jsonl") + ":2:" in e and "invalid JSON" in e for e in errors), errors
    assert any(str(folder / "empty.txt") in e and "empty" in e for e in errors), errors
    assert "latin1.txt: not valid UTF-8, decoded as cp1252" in r.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    coded = {e["article_id"] for e in events}
    assert {"m1", "m3", "latin1.txt", "good1.txt", "g2"} <= coded, coded  # a file's id: its path, with its extension
    latin = [e for e in events if e["article_id"] == "latin1.txt"]
    assert "Élysée" in latin[0]["sentence"] or "Macron" in latin[0]["sentence"]
    assert "5 articles coded" in r.stderr and "3 inputs could not be read" in r.stderr
