"""JSON Lines read line by line: memory does not grow with the file, and what comes out is
what reading the whole file gave (``parse_jsonl(decode_bytes(...))``), line numbers included."""
from __future__ import annotations

import io
import json
import logging
import os
import threading

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read import read_inputs, sniff_kind
from newsevents.read.decode import decode_bytes
from newsevents.read.jsonl import parse_jsonl, stream_jsonl

from .helpers import articles, errors, read_all


class _Lines(io.RawIOBase):
    """A binary stream made on demand from a generator of lines; counts the lines it made."""

    def __init__(self, lines) -> None:
        self._lines = iter(lines)
        self._buf = b""
        self.made = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            line = next(self._lines, None)
            if line is None:
                return 0
            self.made += 1
            self._buf = line
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _line(i: int) -> bytes:
    return (json.dumps({"id": f"a{i}", "text": f"Article number {i}: the minister met the envoy."}) + "\n").encode()


def test_the_first_article_comes_before_the_rest_is_read() -> None:
    """Standard input of 100,000 lines: the first article is yielded after a few kB of it."""
    raw = _Lines(_line(i) for i in range(100_000))
    items = read_inputs(["-"], stdin=io.BufferedReader(raw))
    first = next(items)
    assert isinstance(first, Article) and first.id == "a0" and first.origin == "<stdin>:1"
    assert raw.made < 500, raw.made  # a buffer's worth, not the stream
    second = next(items)
    assert second.id == "a1" and second.origin == "<stdin>:2"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_gives_its_first_article_before_its_writer_is_done(tmp_path) -> None:
    fifo = tmp_path / "news.jsonl"
    os.mkfifo(fifo)
    first_read = threading.Event()
    rest_written = threading.Event()

    def writer() -> None:
        with open(fifo, "wb") as fh:
            fh.write(_line(0))
            fh.flush()
            first_read.wait(60)  # (a bound, not a measure: a reader that waits for the end fails below)
            fh.write(_line(1) + _line(2))
            rest_written.set()

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    items = read_inputs([str(fifo)])
    first = next(items)
    assert not rest_written.is_set(), "the reader waited for the end of the FIFO"
    first_read.set()
    rest = list(items)
    t.join(60)
    assert first.id == "a0" and [a.id for a in rest] == ["a1", "a2"]
    assert rest[1].origin == f"{fifo}:3"


def test_a_file_over_max_bytes_is_read_line_by_line(write) -> None:
    """--max-bytes bounds a JSON Lines file's lines (one article each), not the file."""
    lines = [_line(i) for i in range(50)]
    long = json.dumps({"id": "long", "text": "word " * 100}).encode() + b"\n"
    path = write("day.jsonl", b"".join(lines[:10]) + long + b"".join(lines[10:]))
    items = read_all(path, max_bytes=200)
    assert [a.id for a in articles(items)] == [f"a{i}" for i in range(50)]
    [err] = errors(items)
    assert err.origin == f"{path}:11" and "over the limit of 200 bytes" in err.reason
    assert "--max-bytes" in err.reason


def test_a_json_array_is_still_read_whole_and_limited_as_a_file(write) -> None:
    doc = json.dumps([{"id": f"j{i}", "text": "From an array."} for i in range(3)], indent=1)
    path = write("arr.json", doc)
    assert [a.id for a in read_all(path)] == ["j0", "j1", "j2"]
    [err] = read_all(path, max_bytes=50)
    assert isinstance(err, ReadError) and "file is" in err.reason and "--max-bytes" in err.reason


def test_a_later_line_not_utf8_is_decoded_alone(write, caplog) -> None:
    good = json.dumps({"id": "u", "text": "Zürich, naïve — “fine”."}, ensure_ascii=False).encode()
    old = json.dumps({"id": "c", "text": "Le ministre est arrivé."}, ensure_ascii=False).encode("cp1252")
    path = write("mixed.jsonl", good + b"\n" + old + b"\n")
    with caplog.at_level(logging.WARNING, logger="newsevents.read"):
        u, c = read_all(path)
    assert u.text == "Zürich, naïve — “fine”." and c.text == "Le ministre est arrivé."
    assert any(f"{path}:2: not valid UTF-8, decoded as cp1252" in r.getMessage() for r in caplog.records)


# -- the same as reading the whole file ------------------------------------------------------

# text without control characters (a file mostly made of them is refused as binary when read
# whole; read line by line, only the lines that hold them are)
_chars = st.characters(blacklist_categories=("Cs", "Cc"))
_good = st.builds(lambda i, t: json.dumps({"id": f"g{i}", "text": t}, ensure_ascii=False),
                  st.integers(0, 9), st.text(_chars, min_size=1, max_size=30))
_piece = st.one_of(
    _good,
    st.sampled_from(["", "   ", "\t", "\u00a0", "[", "]", "{", "}", "[1, 2]", "{}", '{"id": "x"}', "null",
                     '{"text": "no id"}', '{"id": "n", "text": NaN}', '{"id": "m", "text": "Movementâ€™s"}',
                     '  {"id": "s", "text": "spaced"}  ', '{"id": "a", "text": "t"},', "[" * 3000, "\ufeff",
                     '{"id": "e", "text": "\\u00e9"}', "not json", "<html><p>page</p></html>"]),
    st.text(_chars, max_size=20),
)
_ends = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])


@st.composite
def _documents(draw) -> bytes:
    pieces = draw(st.lists(st.tuples(_piece, _ends), max_size=8))
    text = "".join(p + e for p, e in pieces)
    if pieces and draw(st.booleans()):
        text = text.rstrip("\r\n")  # no line end after the last line
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogatepass")


def _outcome(items) -> list:
    return [(type(i).__name__, i.origin, i.reason) if isinstance(i, ReadError) else i for i in items]


@settings(max_examples=300, deadline=None)
@given(data=_documents(), sniff=st.booleans())
@example(data=b'[\n{"id": "a", "text": "t"}\n]\n', sniff=False)
@example(data=b'{"id": "a",\n "text": "t"}\n', sniff=False)
@example(data=b'{"id": "a", "text": "t"}\r{"id": "b", "text": "u"}', sniff=True)
@example(data=b'\n\n  {"id": "a", "text": "t"}\n\n{"id": "b"\n', sniff=True)
@example(data=b"", sniff=False)
def test_streaming_gives_what_the_whole_file_gave(data: bytes, sniff: bool) -> None:
    items = stream_jsonl(io.BytesIO(data), origin="f.jsonl", max_bytes=1_000_000, sniff=sniff)
    streamed = []
    try:
        while True:
            streamed.append(next(items))
    except StopIteration as stop:
        head = stop.value
    if head is not None:  # read whole instead: nothing was yielded, everything read is returned
        assert streamed == [] and data.startswith(head)
        return
    text = decode_bytes(data, "f.jsonl")
    if sniff:
        assert sniff_kind(text) == "jsonl"
    assert _outcome(streamed) == _outcome(parse_jsonl(text, origin="f.jsonl"))
