"""Web archives built in the test (warcio): HTML responses coded, other records counted,
a truncated or corrupt archive read up to the damage, which is named with its byte offset."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.cli import main
from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read import read_inputs
from newsevents.read.warc import WarcStats, read_warc

from .helpers import page

PAGES = {
    "https://news.example/a": page("Talks", "The foreign minister of France met the Chinese ambassador in Paris.", day=5),
    "https://news.example/b": page("Arrests", "Police arrested dozens of protesters in Nairobi on Tuesday.", day=6),
}


def _response(writer: WARCWriter, url: str, body: bytes, kind: str = "text/html", status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def build_warc(path: Path, *, gzip: bool, truncate: int = 0, offsets: list[int] | None = None) -> Path:
    """warcinfo, a request, two HTML pages, an image, a redirect, the first page again,
    and a third HTML page whose last ``truncate`` bytes are cut off; ``offsets`` gets the
    offset where the second record starts."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
    if offsets is not None:
        offsets.append(buf.tell())
    req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/a", "request", http_headers=req))
    for url, body in PAGES.items():
        writer.write_record(_response(writer, url, body))
    writer.write_record(_response(writer, "https://news.example/logo.png", b"\x89PNG\r\n", kind="image/png"))
    writer.write_record(_response(writer, "https://news.example/old", b"", status="301 Moved Permanently"))
    writer.write_record(_response(writer, "https://news.example/a", PAGES["https://news.example/a"]))
    writer.write_record(_response(writer, "https://news.example/c",
                                  page("Cut", "Iran accused Israel of an attack on its embassy.")))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - truncate] if truncate else data)
    return path


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_html_pages_are_articles_and_the_other_records_are_counted(tmp_path, gzip):
    path = build_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip=gzip)
    stats = WarcStats()
    items = list(read_warc(str(path), stats=stats))
    assert all(isinstance(a, Article) for a in items)
    assert [a.url for a in items] == ["https://news.example/a", "https://news.example/b", "https://news.example/c"]
    first = items[0]
    assert (first.id, first.title, first.published) == ("https://news.example/a", "Talks", "2024-03-05")
    assert first.retrieved is not None and len(first.retrieved) == 10  # the WARC date
    assert stats.pages == 3 and stats.stopped_at is None
    assert dict(stats.skipped) == {"warcinfo records": 1, "request records": 1, "non-HTML (image/png)": 1,
                                   "HTTP 301 responses": 1, "repeated URLs": 1}


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_a_truncated_archive_gives_what_it_can_and_says_where_it_stopped(tmp_path, gzip):
    path = build_warc(tmp_path / ("t.warc.gz" if gzip else "t.warc"), gzip=gzip, truncate=60)
    items = list(read_inputs([str(path)]))
    pages, errors = [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, ReadError)]
    assert [a.url for a in pages] == ["https://news.example/a", "https://news.example/b"]
    (err,) = errors
    assert str(path) in str(err) and "truncated: reading stopped at byte" in str(err)


def test_a_corrupt_record_stops_reading_there_and_is_named(tmp_path):
    offsets: list[int] = []
    path = build_warc(tmp_path / "c.warc.gz", gzip=True, offsets=offsets)
    data = path.read_bytes()
    good = list(read_warc(str(path)))
    (cut,) = offsets  # the second gzip member: the request record
    path.write_bytes(data[:cut] + b"this is not a WARC record\r\n" * 3 + data[cut:])
    items = list(read_warc(str(path)))
    assert len(good) == 3 and len(items) == 1
    assert isinstance(items[0], ReadError) and f"corrupt after byte {cut:,}" in str(items[0])


@pytest.mark.slow
def test_code_codes_the_html_pages_of_a_truncated_warc_and_exits_1(tmp_path, coder, caplog):
    path = build_warc(tmp_path / "cc-news.warc.gz", gzip=True, truncate=60)
    db = tmp_path / "events.db"
    res = CliRunner().invoke(main, ["-v", "code", str(path), "--db", str(db)])
    assert res.exit_code == 1, res.output
    assert "2 articles coded" in res.stderr and "truncated" in res.stderr
    # the count of skipped records is a warning of the newsevents.read logger (stderr in a shell)
    assert "2 HTML page(s) read; 5 other record(s) skipped" in caplog.text
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    assert ids == ["https://news.example/a", "https://news.example/b"]
