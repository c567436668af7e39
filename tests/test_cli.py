"""The command line: outputs, the database, bad input, exit status and help."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GOOD = "Russian officials met a Hamas delegation in Moscow on Thursday."


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("newsevents")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, input=stdin, timeout=300)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    lines = [
        json.dumps({"id": "a1", "text": GOOD, "published": "2021-02-05"}),
        "{not json",
        json.dumps({"id": "a2", "text": ""}),
        json.dumps({"id": "a3", "text": "Turkish troops attacked Kurdish militants in northern Syria.", "published": "2021-02-05"}),
    ]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "latin1.txt").write_bytes("Fran\xe7ois Hollande met German officials in Paris.".encode("latin-1"))
    return d


def test_bad_inputs_are_reported_and_the_rest_coded(corpus, tmp_path):
    out = tmp_path / "events.jsonl"
    proc = run("code", str(corpus), "-o", str(out))
    assert proc.returncode == 1
    assert "feed.jsonl:2" in proc.stderr  # the invalid JSON line, by number
    assert "feed.jsonl:3" in proc.stderr  # the empty text
    assert "binary.txt" in proc.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    ids = {e["article_id"] for e in events}
    assert {"a1", "a3"} <= ids


def test_database_is_idempotent_and_exports_the_same_records(tmp_path):
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps({"id": "x", "text": GOOD, "published": "2021-02-05"}) + "\n")
    db = tmp_path / "e.db"
    first = run("code", str(src), "--db", str(db), "-o", str(tmp_path / "a.jsonl"))
    assert first.returncode == 0, first.stderr
    again = run("code", str(src), "--db", str(db), "--force")
    assert again.returncode == 0
    skipped = run("code", str(src), "--db", str(db))
    assert "1 unchanged article skipped" in skipped.stderr
    exported = run("export", "--db", str(db))
    a = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    b = [json.loads(x) for x in exported.stdout.splitlines()]
    # `code -o` writes each record as coded (cluster_id null); the store has clustered them
    assert all(r["cluster_id"] is None for r in a) and all(r["cluster_id"] for r in b)
    assert a and a == [{**r, "cluster_id": None} for r in b]


def test_stdin_and_csv(tmp_path):
    proc = run("code", "-", "--format", "csv", stdin=GOOD + "\n")
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0]
    assert "source.name" in header and "plover.type" in header


def test_help_teaches_with_examples():
    proc = run("code", "--help")
    assert proc.returncode == 0
    for word in ("Examples:", "--db", "--workers", "--model", "standard input"):
        assert word in proc.stdout


def test_unknown_model_fails_with_a_hint(tmp_path):
    proc = run("code", "-", "--model", "no_such_model_xyz", stdin=GOOD)
    assert proc.returncode != 0
    assert "--model" in proc.stderr and "Traceback" not in proc.stderr


def test_what_did_not_happen_is_emitted_only_with_all_modalities(tmp_path):
    src = tmp_path / "neg.txt"
    src.write_text("Israel did not attack Gaza on Monday. The rebels may attack the capital.\n")
    default = run("code", str(src))
    assert default.returncode == 0 and default.stdout.strip() == ""
    every = run("code", "--all-modalities", str(src))
    records = [json.loads(line) for line in every.stdout.splitlines()]
    assert {(r["negated"], r["modality"]) for r in records} == {(True, "asserted"), (False, "hypothetical")}
    assert run("code", "--all-modalities", "--cluster", "local:1", str(src)).returncode == 2
