"""The REST API over HTTP (real uvicorn, real SQLite database filled with hand-built events)."""
from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from newsevents.export import CSV_COLUMNS, PARQUET_COLUMNS
from newsevents.models import EVENT_FIELDS

from .conftest import TOKEN, XSS_ID, XSS_IMG, XSS_SCRIPT


def _events(corpus):
    return [e.to_dict() for _, evs in corpus for e in evs]


def _unclustered(rec: dict) -> dict:
    """The record with the cluster id the store gave it set back to the coder's null."""
    assert rec["cluster_id"].startswith("c-")
    return {**rec, "cluster_id": None}


def _all(http, **params):
    r = http.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()


def _error(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["message"]


# ------------------------------------------------------------------------- events


def test_events_are_the_public_records(http, corpus):
    page = _all(http)
    expected = {e["event_id"]: e for e in _events(corpus)}
    assert page["total"] == len(expected) == len(page["items"])
    for item in page["items"]:
        assert list(item) == list(EVENT_FIELDS)
        assert _unclustered(item) == expected[item["event_id"]]


@pytest.mark.parametrize("params, keep", [
    ({"date_from": "2021-04-01"}, lambda e: e["date"] and e["date"] >= "2021-04-01"),
    ({"date_to": "2021-02"}, lambda e: e["date"] and e["date"] <= "2021-02-28"),
    ({"date_from": "2021-02-05", "date_to": "2021-02-11"},
     lambda e: e["date"] and "2021-02-05" <= e["date"] <= "2021-02-11"),
    ({"actor": "biden"}, lambda e: any("biden" in (a or {}).get("name", "").lower()
                                       for a in (e["source"], e["target"]))),
    ({"country": "rus"}, lambda e: "RUS" in ((e["source"] or {}).get("country"),
                                             (e["target"] or {}).get("country"))),
    ({"country": "CHN,PSE"}, lambda e: {"CHN", "PSE"} & {(e["source"] or {}).get("country"),
                                                         (e["target"] or {}).get("country")}),
    ({"sector": "IGO"}, lambda e: "IGO" in ((e["source"] or {}).get("sector"),
                                            (e["target"] or {}).get("sector"))),
    ({"plover_type": "ASSAULT"}, lambda e: (e["plover"] or {}).get("type") == "ASSAULT"),
    ({"plover_type": ["AID", "CONSULT"]},
     lambda e: (e["plover"] or {}).get("type") in ("AID", "CONSULT")),
    ({"cameo_root": "19"}, lambda e: e["cameo"].startswith("19")),
    ({"location_country": "PSE"}, lambda e: (e["location"] or {}).get("country") == "PSE"),
    ({"negated": "true"}, lambda e: e["negated"]),
    ({"negated": "false"}, lambda e: not e["negated"]),
    ({"modality": "intended"}, lambda e: e["modality"] == "intended"),
    ({"q": "GAZA"}, lambda e: "gaza" in e["sentence"].lower()),
    ({"article_id": "art-01"}, lambda e: e["article_id"] == "art-01"),
    ({"plover_type": "ASSAULT", "location_country": "UKR", "date_to": "2021-02-28"},
     lambda e: (e["plover"] or {}).get("type") == "ASSAULT"
     and (e["location"] or {}).get("country") == "UKR" and e["date"] <= "2021-02-28"),
])
def test_every_filter(http, corpus, params, keep):
    want = {e["event_id"] for e in _events(corpus) if keep(e)}
    assert want, "the fixture must have matches for every filter"
    page = _all(http, **params)
    assert {e["event_id"] for e in page["items"]} == want
    assert page["total"] == len(want)


def test_pagination_and_total(http, corpus):
    n = len(_events(corpus))
    seen = []
    for offset in range(0, n, 7):
        page = http.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == n
        seen += [e["event_id"] for e in page["items"]]
    assert len(seen) == len(set(seen)) == n
    assert http.get("/api/events", params={"limit": 0}).json() == {
        "items": [], "total": n, "total_is_lower_bound": False}
    assert http.get("/api/events", params={"offset": n + 5}).json()["items"] == []


@pytest.mark.parametrize("sort, key, reverse", [
    ("date", lambda e: e["date"], False),
    ("-date", lambda e: e["date"], True),
    ("confidence", lambda e: e["confidence"], False),
    ("-confidence", lambda e: e["confidence"], True),
    ("source_name", lambda e: e["source"]["name"], False),
])
def test_sort(http, sort, key, reverse):
    items = _all(http, sort=sort)["items"]
    values = [key(e) for e in items if key(e) is not None]
    assert values == sorted(values, reverse=reverse)
    # nulls last in both directions
    nulls = [i for i, e in enumerate(items) if key(e) is None]
    assert nulls == list(range(len(items) - len(nulls), len(items)))


@pytest.mark.parametrize("params, needle", [
    ({"date_from": "last tuesday"}, "date_from"),
    ({"date_to": "2021-13-45"}, "date_to"),
    ({"sort": "colour"}, "sort"),
    ({"sort": "-nope"}, "sort"),
    ({"limit": "-1"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"limit": "100000"}, "limit"),
    ({"offset": "-3"}, "offset"),
    ({"negated": "perhaps"}, "negated"),
    ({"cameo_root": "4"}, "cameo_root"),
])
def test_bad_parameters_are_4xx_with_a_message(http, params, needle):
    msg = _error(http.get("/api/events", params=params), 422)
    assert needle in msg


def test_event_by_id(http, corpus):
    ev = _events(corpus)[3]
    r = http.get(f"/api/events/{ev['event_id']}")
    assert r.status_code == 200
    body = r.json()  # the record, then its cluster and the other reports (test_clusters_api)
    assert list(body) == [*EVENT_FIELDS, "cluster", "other_reports"]
    assert _unclustered({k: body[k] for k in EVENT_FIELDS}) == ev
    assert "no event" in _error(http.get("/api/events/0000deadbeef"), 404)


# ----------------------------------------------------------------------- articles


def test_article_with_events_and_spans(http, corpus):
    art, evs = corpus[1]
    body = http.get(f"/api/articles/{art.id}").json()
    assert body["id"] == art.id and body["text"] == art.text and body["title"] == art.title
    assert [e["event_id"] for e in body["events"]] == [e.event_id for e in evs]
    for e in body["events"]:
        s = e["sentence"]
        for side in ("source", "target"):
            assert s[e[side]["start"]:e[side]["end"]] == e[side]["text"]
        assert s[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
        assert s in body["text"]


def test_xss_article_comes_back_verbatim_as_json(http):
    body = http.get(f"/api/articles/{XSS_ID}").json()
    assert XSS_SCRIPT in body["text"] and XSS_IMG in body["text"]
    assert body["events"][0]["source"]["name"] == XSS_IMG


def test_unknown_article_and_route_are_json_404(http):
    assert "no article" in _error(http.get("/api/articles/nope"), 404)
    _error(http.get("/api/nothing-here"), 404)
    _error(http.delete("/api/events"), 405)


# ------------------------------------------------------------------ actors / stats


def test_actors_with_counts(http, corpus):
    body = http.get("/api/actors", params={"limit": 1000}).json()
    counts = {}
    for e in _events(corpus):
        names = {a["name"] for a in (e["source"], e["target"]) if a}
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    assert body["total"] == len(counts)
    assert {a["name"]: a["events"] for a in body["items"]} == counts
    assert [a["events"] for a in body["items"]] == sorted(
        (a["events"] for a in body["items"]), reverse=True)
    one = http.get("/api/actors", params={"q": "biden"}).json()
    assert [a["name"] for a in one["items"]] == ["Joe Biden"] and one["total"] == 1
    assert all(a["country"] == "RUS" for a in
               http.get("/api/actors", params={"country": "rus"}).json()["items"])
    assert http.get("/api/actors", params={"limit": 2, "offset": 1}).json()["items"] == \
        body["items"][1:3]
    _error(http.get("/api/actors", params={"limit": -5}), 422)


def test_stats(http, corpus):
    events = _events(corpus)
    s = http.get("/api/stats").json()
    assert s["events"] == len(events)
    per_day = {(r["date"], r["plover_type"]): r["events"] for r in s["per_day"]}
    want = {}
    for e in events:
        if e["date"]:
            k = (e["date"], (e["plover"] or {}).get("type"))
            want[k] = want.get(k, 0) + 1
    assert per_day == want

    dyads = {(d["source"], d["target"]): d for d in s["dyads"]}
    rus_ukr = [e for e in events if e["source"]["name"] == "Russian government"
               and e["target"]["name"] == "Ukrainian military"]
    assert dyads[("Russian government", "Ukrainian military")]["events"] == len(rus_ukr)
    usa_ukr = dyads[("Joe Biden", "Ukrainian military")]
    assert usa_ukr["cooperation"] == usa_ukr["events"] and usa_ukr["conflict"] == 0

    coop = {p["period"]: p for p in s["cooperation_conflict"]}
    may = [e for e in events if (e["date"] or "").startswith("2021-05") and e["plover"]]
    assert coop["2021-05"]["cooperation"] + coop["2021-05"]["conflict"] == len(may)
    assert coop["2021-05"]["conflict"] == sum(
        e["plover"]["type"] not in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID",
                                    "CONCEDE", "RETREAT") for e in may)
    assert {p["name"] for p in s["locations"]} == {"Kyiv", "Moscow", "Gaza", "Geneva", "Minsk"}

    daily = http.get("/api/stats", params={"interval": "day", "plover_type": "ASSAULT"}).json()
    assert daily["events"] == sum((e["plover"] or {}).get("type") == "ASSAULT" for e in events)
    assert all(len(p["period"]) == 10 for p in daily["cooperation_conflict"])
    assert {r["plover_type"] for r in daily["per_day"]} == {"ASSAULT"}
    _error(http.get("/api/stats", params={"interval": "fortnight"}), 422)
    _error(http.get("/api/stats", params={"date_from": "soon"}), 422)


# ------------------------------------------------------------------------- export


def test_export_csv(http, corpus):
    r = http.get("/api/events/export", params={"format": "csv", "plover_type": "ASSAULT",
                                               "sort": "date"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    want = [e for e in _events(corpus) if (e["plover"] or {}).get("type") == "ASSAULT"]
    assert len(rows) == len(want)
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)


def test_export_jsonl_streams_every_event(http, corpus):
    with http.stream("GET", "/api/events/export", params={"format": "jsonl"}) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(line) for line in r.iter_lines() if line]
    assert {e["event_id"]: _unclustered(e) for e in lines} == \
        {e["event_id"]: e for e in _events(corpus)}


def test_export_parquet(http, corpus):
    import pyarrow.parquet as pq

    r = http.get("/api/events/export", params={"format": "parquet", "country": "USA",
                                               "limit": 5})
    assert r.status_code == 200
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == 5
    assert table.column_names == list(PARQUET_COLUMNS)
    assert set(table.column("source_country").to_pylist()) | set(
        table.column("target_country").to_pylist()) >= {"USA"}


def test_export_bad_format_and_filters(http):
    assert "format" in _error(http.get("/api/events/export", params={"format": "xlsx"}), 422)
    _error(http.get("/api/events/export", params={"format": "csv", "sort": "x"}), 422)
    _error(http.get("/api/events/export", params={"format": "csv", "date_to": "x"}), 422)


# ---------------------------------------------------------------------- the page


def test_openapi_docs_and_page(http):
    spec = http.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/export", "/api/events/{event_id}",
                 "/api/articles", "/api/actors", "/api/stats"):
        assert path in spec["paths"]
    assert "Event" in spec["components"]["schemas"]
    docs = http.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs
    assert http.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    page = http.get("/").text
    assert "/static/app.js" in page and "http" not in page.replace("http-equiv", "")
    for asset in ("app.js", "timeline.js", "style.css", "favicon.svg", "countries-110m.json",
                  "NOTICE.md"):
        assert http.get(f"/static/{asset}").status_code == 200
    icon = http.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg")
    assert '<a href="/">' in docs  # the API docs link back to the dashboard



def test_q_search_total_is_capped_and_says_so(http, corpus, monkeypatch):
    """A text search is counted up to ``analytics.Q_TOTAL_CAP``; past it the total is
    the cap and ``total_is_lower_bound`` is true (documented in the OpenAPI)."""
    from newsevents.store import analytics

    spec = http.get("/openapi.json").json()
    op = spec["paths"]["/api/events"]["get"]
    assert "total_is_lower_bound" in op["description"]
    assert f"{analytics.Q_TOTAL_CAP:,}" in op["description"]
    schema = spec["components"]["schemas"][op["responses"]["200"]["content"][
        "application/json"]["schema"]["$ref"].rsplit("/", 1)[1]]
    assert "total_is_lower_bound" in schema["properties"]

    sentences = [e["sentence"].lower() for e in _events(corpus)]
    needle = max("the in of a".split(), key=lambda w: sum(w in s for s in sentences))
    n = sum(needle in s for s in sentences)
    assert n >= 3
    exact = _all(http, q=needle)
    assert exact["total"] == n and exact["total_is_lower_bound"] is False
    assert _all(http)["total_is_lower_bound"] is False  # no q: always exact
    for cap, total, lower in ((n - 1, n - 1, True), (n, n, False), (n + 5, n, False)):
        monkeypatch.setattr(analytics, "Q_TOTAL_CAP", cap)
        page = _all(http, q=needle)
        assert (page["total"], page["total_is_lower_bound"]) == (total, lower), cap
        assert len(page["items"]) == n  # the rows themselves are never capped

# -------------------------------------------------------------------------- writing

ARTICLE = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow "
           "on Monday. Israeli troops attacked Hamas fighters in Gaza.")


@pytest.fixture(scope="module")
def writer(make_server):
    return make_server(token=TOKEN, max_article_bytes=5_000)


def test_post_without_token_setting_is_disabled(base_url):
    r = httpx.post(f"{base_url}/api/articles", json={"text": ARTICLE},
                   headers={"Authorization": "Bearer anything"})
    msg = _error(r, 403)
    assert "NEWSEVENTS_TOKEN" in msg and "disabled" in msg


def test_post_token_missing_or_wrong(writer):
    msg = _error(httpx.post(f"{writer}/api/articles", json={"text": ARTICLE}), 401)
    assert "Bearer" in msg
    _error(httpx.post(f"{writer}/api/articles", json={"text": ARTICLE},
                      headers={"Authorization": "Bearer wrong"}), 403)
    _error(httpx.post(f"{writer}/api/articles", json={"text": ARTICLE},
                      headers={"Authorization": TOKEN}), 401)


@pytest.mark.slow
def test_post_codes_and_stores(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = httpx.post(f"{writer}/api/articles", headers=auth, timeout=120,
                   json={"id": "posted-1", "text": ARTICLE, "title": "Two events",
                         "published": "2024-03-04"})
    assert r.status_code == 201, r.text
    art = r.json()
    assert art["id"] == "posted-1" and art["title"] == "Two events"
    types = {(e["plover"] or {}).get("type") for e in art["events"]}
    assert {"CONSULT", "ASSAULT"} <= types
    for e in art["events"]:
        assert list(e) == list(EVENT_FIELDS)
    stored = httpx.get(f"{writer}/api/events", params={"article_id": "posted-1"}).json()
    assert stored["total"] == len(art["events"])
    # HTML is read like a page
    html = f"<html><head><title>Page</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    r = httpx.post(f"{writer}/api/articles", headers=auth, timeout=120, json={"html": html})
    assert r.status_code == 201, r.text
    assert r.json()["id"].startswith("api-") and r.json()["events"]


def test_post_bad_bodies(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    _error(httpx.post(f"{writer}/api/articles", headers=auth, content=b"{not json"), 422)
    _error(httpx.post(f"{writer}/api/articles", headers=auth, json={"title": "no text"}), 422)
    _error(httpx.post(f"{writer}/api/articles", headers=auth,
                      json={"text": "a", "html": "<p>b</p>"}), 422)
    _error(httpx.post(f"{writer}/api/articles", headers=auth, json={"text": "   "}), 422)
    _error(httpx.post(f"{writer}/api/articles", headers=auth,
                      json={"text": ARTICLE, "colour": "red"}), 422)


def test_post_size_limit(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    msg = _error(httpx.post(f"{writer}/api/articles", headers=auth,
                            json={"text": "word " * 2000}), 413)
    assert "5,000" in msg and "NEWSEVENTS_MAX_ARTICLE_BYTES" in msg
    # a body far over the limit is refused from its Content-Length, before it is read
    _error(httpx.post(f"{writer}/api/articles", headers=auth,
                      content=b'{"text": "' + b"x" * 200_000 + b'"}'), 413)


def test_token_and_size_from_environment(monkeypatch, base_db, tmp_path):
    import shutil

    from newsevents.web import create_app

    from .conftest import run_server

    monkeypatch.setenv("NEWSEVENTS_TOKEN", "from-env")
    monkeypatch.setenv("NEWSEVENTS_MAX_ARTICLE_BYTES", "100")
    db = tmp_path / "e.db"
    shutil.copy(base_db, db)
    app = create_app(str(db))
    assert app.state.token == "from-env" and app.state.max_article_bytes == 100
    with run_server(app) as url:
        r = httpx.post(f"{url}/api/articles", json={"text": "x" * 101},
                       headers={"Authorization": "Bearer from-env"})
        _error(r, 413)
