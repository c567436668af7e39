"""What the dashboard asks of the API: country names as filters, the undated count, and
the events dated only to a month or a year (drawn over their period, not on day 1)."""
from __future__ import annotations

import dataclasses

import pytest

from newsevents.store import Store
from newsevents.web import create_app

from .conftest import build_corpus


@pytest.fixture(scope="module")
def coarse_db(tmp_path_factory):
    """The fixture corpus, with one article's events re-dated: two to the year 2016, one
    to May 2016, one left undated."""
    batch = build_corpus()
    art, events = batch[0]
    precisions = [("2016-01-01", "year"), ("2016-01-01", "year"), ("2016-05-01", "month"),
                  (None, "unknown")]
    redated = [dataclasses.replace(ev, date=d, date_precision=p)
               for ev, (d, p) in zip(events, precisions)] + events[len(precisions):]
    batch[0] = (art, redated)
    path = tmp_path_factory.mktemp("coarse") / "events.db"
    with Store(str(path)) as store:
        store.save(batch)
    return path


@pytest.fixture(scope="module")
def client(coarse_db):
    app = create_app(str(coarse_db), token=None)
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def test_country_names_filter_like_codes(client):
    by_code = client.get("/api/events", params={"country": "RUS", "limit": 0}).json()["total"]
    by_name = client.get("/api/events", params={"country": "Russia", "limit": 0}).json()["total"]
    assert by_code == by_name > 0
    two = client.get("/api/events", params={"country": "russia,Ukraine", "limit": 0}).json()
    assert two["total"] > by_code
    place = client.get("/api/events", params={"location_country": "Switzerland", "limit": 0})
    assert place.json()["total"] > 0


def test_an_unknown_country_name_is_a_422_that_says_what_to_type(client):
    r = client.get("/api/events", params={"country": "Atlantis"})
    assert r.status_code == 422
    assert "Atlantis" in r.json()["error"]["message"] and "RUS" in r.json()["error"]["message"]


def test_stats_count_the_undated_and_mark_the_coarse_dates(client):
    s = client.get("/api/stats").json()
    dated = sum(r["events"] for r in s["per_day"])
    assert s["undated"] == s["events"] - dated
    want_undated = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert s["undated"] == sum(1 for e in want_undated if e["date"] is None)
    coarse = {(c["date"], c["precision"]): c["events"] for c in s["coarse_dates"]}
    assert coarse == {("2016-01-01", "year"): 2, ("2016-05-01", "month"): 1}
    # a filter applies to them too
    f = client.get("/api/stats", params={"date_to": "2016-03"}).json()
    assert {c["precision"] for c in f["coarse_dates"]} == {"year"}


def test_facets_count_countries_and_sectors_under_the_filters(client):
    items = client.get("/api/events", params={"plover_type": "ASSAULT", "limit": 1000}).json()["items"]
    want: dict[str, int] = {}
    for ev in items:
        for c in {(ev["source"] or {}).get("country"), (ev["target"] or {}).get("country")} - {None}:
            want[c] = want.get(c, 0) + 1
    got = client.get("/api/facets", params={"plover_type": "ASSAULT", "limit": 50}).json()
    assert got["complete"] is True and got["counted"] == len(items)
    assert {c["value"]: c["events"] for c in got["country"]} == want
    names = {c["value"]: c["name"] for c in got["country"]}
    assert names.get("RUS") == "Russia"
    everything = client.get("/api/facets").json()
    assert everything["counted"] is None and everything["country"] and everything["sector"]


def test_facets_of_a_broad_filter_are_counted_over_a_capped_sample(client, monkeypatch):
    from newsevents.store import analytics

    monkeypatch.setattr(analytics, "FACET_SAMPLE", 3)
    got = client.get("/api/facets", params={"modality": "asserted", "limit": 50}).json()
    assert got["complete"] is False and got["counted"] == 3
    assert sum(c["events"] for c in got["country"]) <= 2 * 3
