"""The dispatcher: folders, stdin, encodings, binaries, limits, unreadable paths."""
from __future__ import annotations

import io
import json
import logging
import os

import pytest

from newsevents.errors import ReadError
from newsevents.models import Article
from newsevents.read import read_inputs, sniff_kind

from .helpers import articles, errors, read_all

TEXT = "Talks in Cairo\n\nThe minister arrived in Cairo on Monday, officials said.\n"


def test_folder_recursion_sorted_and_stable_ids(tmp_path, write, monkeypatch) -> None:
    write("news/b.txt", TEXT)
    write("news/a/z.html", "<html><body><article><p>Hello from the page, with enough words.</p></article></body></html>")
    write("news/a/y.TXT", TEXT)
    write("news/c.jsonl", json.dumps({"id": "j1", "text": "From JSON."}) + "\n")
    write("news/notes.md", "# skipped")
    write("news/image.png", b"\x89PNG\x00\x00")
    write("news/meta.json", "{}")
    expected = ["a/y.TXT", "a/z.html", "b.txt", "j1"]  # paths with their extension; JSON ids as given
    assert [a.id for a in read_all(tmp_path / "news")] == expected
    monkeypatch.chdir(tmp_path / "news" / "a")
    assert [a.id for a in read_all("..")] == expected
    monkeypatch.chdir(tmp_path)
    items = read_all("news")
    assert [a.id for a in items] == expected
    assert items[0].origin == os.path.join("news", "a", "y.TXT")
    assert items[3].origin == os.path.join("news", "c.jsonl") + ":1"


def test_unknown_extension_named_directly_is_read(write) -> None:
    [art] = read_all(write("story.md", TEXT))
    assert isinstance(art, Article) and art.id == "story.md" and art.title == "Talks in Cairo"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (TEXT, "text"),
        ('\n  {"id": "s1", "text": "From stdin."}\n{"id": "s2", "text": "Again."}\n', "jsonl"),
        ("<!doctype html><html><body><p>From a page on stdin.</p></body></html>", "html"),
    ],
)
def test_stdin(data: str, kind: str) -> None:
    assert sniff_kind(data) == kind
    items = list(read_inputs(["-"], stdin=io.BytesIO(data.encode())))
    assert items and all(isinstance(a, Article) for a in items)
    if kind == "jsonl":
        assert [a.id for a in items] == ["s1", "s2"] and items[0].origin == "<stdin>:2"
    else:
        assert [a.id for a in items] == ["stdin"]


def test_stdin_over_limit() -> None:
    [err] = read_inputs(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert isinstance(err, ReadError) and "--max-bytes" in err.reason


def test_binary_file(write) -> None:
    [err] = read_all(write("bin.txt", bytes(range(256)) * 4))
    assert isinstance(err, ReadError) and "binary" in err.reason
    [err] = read_all(write("ctl.txt", b"\x01\x02\x03\x04\x05abc\x06\x07\x08\x0e\x0f" * 20))
    assert isinstance(err, ReadError) and "binary" in err.reason


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_decoded_with_warning(write, caplog, encoding: str) -> None:
    body = "Le ministre est arrivé à Zürich, a déclaré l’agence." if encoding == "cp1252" else \
        "Le ministre est arrivé à Zürich, a déclaré l'agence."
    path = write("old.txt", body.encode(encoding))
    with caplog.at_level(logging.WARNING, logger="newsevents.read"):
        [art] = read_all(path)
    assert isinstance(art, Article) and art.text == body
    warning = [r.getMessage() for r in caplog.records if r.name == "newsevents.read"]
    assert any(str(path) in m and "cp1252" in m for m in warning)


def test_utf8_bom_stripped(write) -> None:
    [art] = read_all(write("bom.txt", "\ufeff" + TEXT))
    assert art.title == "Talks in Cairo"


def test_mojibake_repaired(write) -> None:
    broken = "The Movement’s delegation met “officials” in Zürich — café."
    garbled = "The Movementâ€™s delegation met â€œofficialsâ€\x9d in ZÃ¼rich â€” cafÃ©."
    [art] = read_all(write("moji.txt", garbled))
    assert art.text == broken
    lost = broken.encode("utf-8").decode("cp1252", errors="replace")  # 0x9D → U+FFFD
    [art] = read_all(write("moji2.txt", lost))
    assert art.text == broken
    twice = broken.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    [art] = read_all(write("moji3.txt", twice))
    assert art.text == broken
    [art] = read_all(write("moji.jsonl", json.dumps({"id": "m", "text": "Movementâ€™s"})))
    assert art.text == "Movement’s"


def test_ordinary_accents_untouched(write) -> None:
    text = "Café in Zürich, São Paulo and Kraków: naïve résumé — “fine”."
    [art] = read_all(write("acc.txt", text))
    assert art.text == text


def test_file_over_max_bytes(write) -> None:
    path = write("big.txt", "word " * 100)
    [err] = read_all(path, max_bytes=100)
    assert isinstance(err, ReadError)
    assert "500" in err.reason and "100" in err.reason and "--max-bytes" in err.reason
    assert isinstance(read_all(path, max_bytes=500)[0], Article)


def test_missing_path_does_not_stop_others(tmp_path, write) -> None:
    good = write("good.txt", TEXT)
    items = read_all(tmp_path / "missing.txt", good)
    assert isinstance(items[0], ReadError) and "missing.txt" in str(items[0])
    assert isinstance(items[1], Article)


def test_permission_denied(write, monkeypatch) -> None:
    path = write("locked.txt", TEXT)
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    [err] = read_all(path)
    assert isinstance(err, ReadError) and "Permission denied" in err.reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_unreadable_file_mode(write) -> None:
    path = write("locked.txt", TEXT)
    path.chmod(0)
    try:
        [err] = read_all(path)
        assert isinstance(err, ReadError)
    finally:
        path.chmod(0o644)


def test_empty_text_file(write) -> None:
    [err] = read_all(write("blank.txt", "  \n\n \t\n"))
    assert isinstance(err, ReadError) and "empty" in err.reason


def test_errors_never_raised_and_all_reported(tmp_path, write) -> None:
    write("d/ok.txt", TEXT)
    write("d/bad.txt", b"\x00\x01")
    write("d/bad.jsonl", "{oops\n")
    items = read_all(tmp_path / "d", tmp_path / "nope")
    assert len(articles(items)) == 1 and len(errors(items)) == 3
