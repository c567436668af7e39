"""The API's clusters: the event endpoint lists the other reports of the same event, and
/api/stats counts clusters by default (``count=reports`` for reports)."""
from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from newsevents.store import Store

from .conftest import run_server

_spec = importlib.util.spec_from_file_location(
    "web_store_samples", Path(__file__).resolve().parents[1] / "store" / "store_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


@pytest.fixture(scope="module")
def http(tmp_path_factory):
    """Two publishers report Putin meeting Biden; a third article, a meeting a week later."""
    from newsevents.web import create_app

    db = tmp_path_factory.mktemp("clusters-api") / "events.db"
    with Store(db) as s:
        s.save([(samples.article("a1", source="Reuters", url="https://reuters.example/a1"),
                 [samples.putin_meets_biden("a1")]),
                (samples.article("a2", source="AP", url="https://ap.example/a2"),
                 [samples.putin_meets_biden("a2")]),
                (samples.article("a3", source="AP", url="https://ap.example/a3"),
                 [replace(samples.putin_meets_biden("a3"), date="2021-06-23")])])
    with run_server(create_app(str(db), token=None)) as url:
        with httpx.Client(base_url=url, timeout=60) as client:
            yield client


def test_the_event_endpoint_lists_the_other_reports_of_its_cluster(http):
    ev = http.get("/api/events", params={"article_id": "a1"}).json()["items"][0]
    body = http.get(f"/api/events/{ev['event_id']}").json()
    assert {k: body[k] for k in ev} == ev
    assert body["cluster"]["cluster_id"] == ev["cluster_id"]
    assert (body["cluster"]["reports"], body["cluster"]["articles"],
            body["cluster"]["sources"]) == (2, 2, 2)
    assert [r["article_id"] for r in body["other_reports"]] == ["a2"]
    assert body["other_reports"][0]["cluster_id"] == ev["cluster_id"]
    later = http.get("/api/events", params={"article_id": "a3"}).json()["items"][0]
    body = http.get(f"/api/events/{later['event_id']}").json()
    assert body["other_reports"] == [] and body["cluster"]["reports"] == 1


def test_stats_count_clusters_by_default_and_reports_on_demand(http):
    s = http.get("/api/stats").json()
    assert (s["clusters"], s["reports"], s["events"]) == (2, 3, 3)
    assert s["count"] == "clusters" and s["total"] == 2
    s = http.get("/api/stats", params={"count": "reports"}).json()
    assert s["count"] == "reports" and s["total"] == 3
    s = http.get("/api/stats", params={"date_to": "2021-06-20"}).json()
    assert (s["clusters"], s["reports"]) == (1, 2)
    assert http.get("/api/stats", params={"count": "articles"}).status_code == 422
