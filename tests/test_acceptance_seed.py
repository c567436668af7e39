"""The seed article, end to end through the command line, checked against its expected file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _newsevents(*args: str, **kw) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("newsevents")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300, **kw)


@pytest.mark.parametrize("learned", ["--learned", "--no-learned"])
def test_seed_article_meets_its_expected_file(shared, tmp_path, learned):
    from newsevents.learn.weights import MISSING, weights_path

    if learned == "--learned" and weights_path() is None:
        pytest.skip(f"no learned weights: {MISSING}")
    out = tmp_path / "seed.jsonl"
    proc = _newsevents("code", str(shared / "examples" / "seed-article.txt"), "-o", str(out), learned)
    assert proc.returncode == 0, proc.stderr
    check = subprocess.run([sys.executable, str(shared / "tools" / "check_expected.py"),
                            str(shared / "examples" / "seed-article.expected.json"), str(out)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "7/7 required, 0 forbidden" in check.stdout


def test_seed_article_header_is_read_as_stated(shared):
    from newsevents.read import read_inputs

    expected = json.loads((shared / "examples" / "seed-article.expected.json").read_text())["article"]
    (article,) = list(read_inputs([str(shared / "examples" / "seed-article.txt")]))
    assert article.title == expected["title"]
    assert article.published == expected["published"]
    assert article.retrieved == expected["retrieved"]
    for bad in expected["body_must_not_contain"]:
        assert bad not in article.text


def test_seed_events_follow_the_schema(shared, code):
    from newsevents.models import EVENT_FIELDS

    text = (shared / "examples" / "seed-article.txt").read_text()
    for ev in code(text):
        assert tuple(ev) == EVENT_FIELDS
        assert ev["schema_version"] == "2"
        assert tuple(EVENT_FIELDS[-2:]) == ("trace", "cluster_id")  # schema "2" adds them
        assert isinstance(ev["trace"], list)
        assert ev["cluster_id"] is None  # coded without a store: no clusters
        assert ev["modality"] in ("asserted", "intended", "hypothetical", "reported")
        assert ev["date_precision"] in ("day", "month", "year", "before", "unknown")
        assert 0 <= ev["confidence"] <= 1
        assert ev["cameo"].isdigit() and 2 <= len(ev["cameo"]) <= 4
