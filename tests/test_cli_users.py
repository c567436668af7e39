"""The command line as a new user meets it: refusals that protect data, export filters as
in the API, what `code` says about skipped files and lines without ids, and counts."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.progress import expected_articles, plural, skipped_files
from newsevents.read.jsonl import article_from_object, text_id
from newsevents.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from tests.web.conftest import build_corpus

    path = tmp_path / "events.db"
    with Store(str(path)) as store:
        store.save(build_corpus())
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_demo_refuses_to_delete_an_existing_database(tmp_path):
    target = tmp_path / "mine.db"
    target.write_bytes(b"precious")
    res = invoke("demo", "--db", str(target))
    assert res.exit_code == 1
    assert "exists already" in res.output and "--replace" in res.output
    assert target.read_bytes() == b"precious"


def test_serve_refuses_a_missing_database(tmp_path):
    typo = tmp_path / "typo.db"
    res = invoke("serve", "--db", str(typo))
    assert res.exit_code == 2  # (nothing could be done: as any database that cannot be opened)
    assert f"no database at {typo}" in res.output and "newsevents demo" in res.output
    assert not typo.exists()


def test_export_refuses_a_missing_database(tmp_path):
    res = invoke("export", "--db", str(tmp_path / "nothing.db"))
    assert res.exit_code == 2 and "no database at" in res.output


def test_export_takes_the_api_filters_and_country_names(db, tmp_path):
    out = tmp_path / "rus.csv"
    res = invoke("export", "--db", str(db), "--country", "Russia", "--date-from", "2021-04",
                 "--plover-type", "SANCTION", "--plover-type", "THREATEN", "-o", str(out))
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    with Store(str(db)) as store:
        want = list(store.iter_events(country=["RUS"], date_from="2021-04",
                                      plover_type=["SANCTION", "THREATEN"]))
    assert rows and len(rows) == len(want)
    assert {r["plover.type"] for r in rows} <= {"SANCTION", "THREATEN"}
    assert all("RUS" in (r["source.country"], r["target.country"]) for r in rows)
    assert all(r["date"] >= "2021-04" for r in rows)
    assert f"{len(rows)} events exported" in res.output


def test_export_bad_filters_are_usage_errors(db):
    res = invoke("export", "--db", str(db), "--country", "Atlantis")
    assert res.exit_code == 2 and "Atlantis" in res.output and "ISO" in res.output
    res = invoke("export", "--db", str(db), "--date-from", "yesterday-ish")
    assert res.exit_code == 2 and "date_from" in res.output


def test_plural():
    assert plural(1, "input") == "1 input" and plural(2, "input") == "2 inputs"
    assert plural(0, "event") == "0 events" and plural(1234, "article") == "1234 articles"


def test_skipped_files_and_expected_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / "feed.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n')
    assert skipped_files([str(tmp_path)]) == [str(tmp_path / "b.pdf"), str(tmp_path / "notes.md")]
    assert expected_articles([str(tmp_path)]) == 3  # a.txt + two JSON lines
    assert expected_articles(["-"]) is None


def test_a_jsonl_line_without_id_gets_a_stable_id(caplog):
    a = article_from_object({"text": "Officials met."}, "feed.jsonl:3")
    b = article_from_object({"text": "Officials met."}, "other.jsonl:9")
    assert a.id == b.id == text_id("Officials met.") and a.id.startswith("sha1-")
    assert "no 'id'" in caplog.text and "feed.jsonl:3" in caplog.text
    bad = article_from_object({"id": ["x"], "text": "Officials met."}, "feed.jsonl:4")
    assert "invalid 'id'" in bad.reason


@pytest.mark.slow
def test_code_says_what_it_skipped_and_counts_in_the_singular(tmp_path, coder):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "feed.jsonl").write_text(json.dumps(
        {"text": "Russian officials met a Hamas delegation in Moscow on Thursday.",
         "published": "2021-02-05"}) + "\n")
    res = CliRunner().invoke(main, ["code", str(folder), "-o", str(tmp_path / "e.jsonl")])
    assert res.exit_code == 0, res.output
    assert "skipped 1 file" in res.output and "report.pdf" in res.output
    assert "1 article coded" in res.output
    ids = {json.loads(x)["article_id"] for x in (tmp_path / "e.jsonl").read_text().splitlines()}
    assert ids and all(i.startswith("sha1-") for i in ids)


@pytest.mark.slow
def test_the_progress_bar_has_a_total_and_says_when_the_model_loads(tmp_path, coder, monkeypatch):
    import newsevents.pipeline as pipeline

    real, sizes = pipeline.code_parallel, []

    def recording(articles, **kw):  # the real coder; the batch size it was given, recorded
        sizes.append(kw["batch_size"])
        return real(articles, **kw)

    monkeypatch.setattr(pipeline, "code_parallel", recording)
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i}.txt").write_text(f"Russian officials met a Hamas delegation in Moscow ({i}).")
    res = CliRunner().invoke(main, ["code", str(folder), "--progress", "-o", str(tmp_path / "e.jsonl")])
    assert res.exit_code == 0, res.output
    assert "loading the model" in res.output
    assert "6/6" in res.output and "100%" in res.output
    assert sizes == [4]  # the bar moves in steps of 4, not in one jump of 32
    res = CliRunner().invoke(main, ["code", str(folder), "--no-progress", "-o", str(tmp_path / "f.jsonl")])
    assert res.exit_code == 0 and sizes == [4, 32] and "loading the model" not in res.output


def test_export_has_every_filter_of_the_api():
    import inspect

    from newsevents.web.api import event_filters

    api = set(inspect.signature(event_filters).parameters)
    cli = {p.name for p in main.commands["export"].params}
    assert api <= cli, api - cli
