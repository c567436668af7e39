"""The dashboard as its users meet it, in real headless Chromium at 1440×900 (desktop) and
390×844 (phone): no sideways scrolling on a phone, filters in the URL both ways, the
timeline's bars and brush filter a period, the undated count, the event detail in view
after a click, and pasting the seed article into a fresh demo server with no token.
Screenshots of each state go to test-artifacts/."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from .conftest import ARTIFACTS, REPO, _free_port

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
SEED = REPO.parent / "shared" / "examples" / "seed-article.txt"


@pytest.fixture(scope="module")
def site(make_server):
    return make_server()  # no token: a read-only server over the fixture database


def _open(browser_context, url: str, viewport: dict):
    pg = browser_context.new_page()
    pg.set_viewport_size(viewport)
    pg.errors = []
    pg.api_calls = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("request", lambda r: pg.api_calls.append(r.url) if "/api/" in r.url else None)
    pg.goto(url)
    pg.wait_for_selector("#events tbody tr")
    pg.wait_for_selector("#timeline rect.bar")
    return pg


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def viewport(request):
    return request.param


def _name(viewport: dict) -> str:
    return "desktop" if viewport is DESKTOP else "phone"


def _overflow(pg) -> int:
    return pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_no_horizontal_overflow(browser_context, site, viewport):
    pg = _open(browser_context, site + "/", viewport)
    pg.wait_for_selector("#map path.land")
    assert _overflow(pg) == 0
    pg.locator("#events tbody tr").first.click()
    pg.wait_for_selector("#detail p.sentence")
    assert _overflow(pg) == 0
    assert pg.errors == []
    pg.screenshot(path=str(ARTIFACTS / f"views-{_name(viewport)}.png"), full_page=True)
    pg.close()


def test_the_event_detail_is_in_view_after_a_click(browser_context, site, viewport):
    pg = _open(browser_context, site + "/", viewport)
    row = pg.locator("#events tbody tr").nth(12)
    row.scroll_into_view_if_needed()
    row.click()
    pg.wait_for_selector("#detail p.sentence")
    top, bottom = pg.evaluate("(() => { const r = document.querySelector('#detail p.sentence')"
                              ".getBoundingClientRect(); return [r.top, r.bottom]; })()")
    assert 0 <= top and bottom <= viewport["height"], (top, bottom)
    pg.screenshot(path=str(ARTIFACTS / f"views-detail-{_name(viewport)}.png"))
    assert pg.errors == []
    pg.close()


def test_a_filter_set_in_the_page_is_in_the_url_and_the_url_restores_it(browser_context, site,
                                                                         viewport):
    pg = _open(browser_context, site + "/", viewport)
    if not pg.evaluate("document.querySelector('#filter-box').open"):  # folded on a phone
        pg.click("#filter-box > summary")
    pg.select_option("#filters select[name=plover_type]", "ASSAULT")
    pg.fill("#filters input[name=country]", "Russia")
    pg.click("#filters button[type=submit]")
    pg.wait_for_function("() => location.search.includes('plover_type=ASSAULT')")
    params = parse_qs(urlparse(pg.url).query)
    assert params == {"plover_type": ["ASSAULT"], "country": ["Russia"]}
    want = httpx.get(site + "/api/events", params={"plover_type": "ASSAULT", "country": "RUS",
                                                  "limit": 0}).json()["total"]
    pg.wait_for_function("t => document.querySelector('#total').textContent === t",
                         arg=f"{want} matching")
    url = pg.url
    pg.close()

    fresh = _open(browser_context, url, viewport)  # a bookmarked or shared link
    fresh.wait_for_function("t => document.querySelector('#total').textContent === t",
                            arg=f"{want} matching")
    assert fresh.input_value("#filters select[name=plover_type]") == "ASSAULT"
    assert fresh.input_value("#filters input[name=country]") == "Russia"
    calls = [parse_qs(urlparse(u).query) for u in fresh.api_calls if "/api/events?" in u]
    assert calls and all(c.get("plover_type") == ["ASSAULT"] and c.get("country") == ["Russia"]
                         for c in calls)
    stats = [parse_qs(urlparse(u).query) for u in fresh.api_calls if "/api/stats?" in u]
    assert stats and stats[0].get("plover_type") == ["ASSAULT"]
    assert "plover_type=ASSAULT" in fresh.get_attribute("#export-csv", "href")
    assert fresh.locator("#active-filters .chip").count() == 2
    fresh.screenshot(path=str(ARTIFACTS / f"views-url-filters-{_name(viewport)}.png"))
    assert fresh.errors == []
    fresh.close()


def _dates_shown(pg) -> list[str]:
    return [d for d in pg.locator("#events tbody td.date").all_text_contents() if d != "undated"]


def test_a_timeline_bar_filters_its_period(browser_context, site, viewport):
    pg = _open(browser_context, site + "/", viewport)
    bar = pg.locator("#timeline rect.bar:not(.coarse)").first
    start, end = bar.get_attribute("data-from"), bar.get_attribute("data-to")
    bar.click()
    pg.wait_for_function("s => location.search.includes('date_from=' + s)", arg=start)
    assert pg.input_value("#filters input[name=date_from]") == start
    assert pg.input_value("#filters input[name=date_to]") == end
    want = httpx.get(site + "/api/events", params={"date_from": start, "date_to": end,
                                                  "limit": 0}).json()["total"]
    pg.wait_for_function("t => document.querySelector('#total').textContent === t",
                         arg=f"{want} matching")
    dates = _dates_shown(pg)
    assert dates and all(start <= d <= end for d in dates)
    assert pg.is_visible("#zoom-out")
    pg.screenshot(path=str(ARTIFACTS / f"views-timeline-bar-{_name(viewport)}.png"))
    pg.click("#zoom-out")
    pg.wait_for_function("() => !location.search.includes('date_from')")
    assert pg.errors == []
    pg.close()


def test_dragging_across_the_timeline_filters_that_range(browser_context, site):
    pg = _open(browser_context, site + "/", DESKTOP)
    box = pg.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] * 0.5
    pg.mouse.move(box["x"] + box["width"] * 0.30, y)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    pg.mouse.move(box["x"] + box["width"] * 0.60, y, steps=5)
    pg.mouse.up()
    pg.wait_for_function("() => location.search.includes('date_to=')")
    start = pg.input_value("#filters input[name=date_from]")
    end = pg.input_value("#filters input[name=date_to]")
    assert "2021-01-01" < start < end < "2021-07-01"
    pg.wait_for_timeout(300)
    dates = _dates_shown(pg)
    assert all(start <= d <= end for d in dates)
    pg.screenshot(path=str(ARTIFACTS / "views-timeline-brush-desktop.png"))
    assert pg.errors == []
    pg.close()


def test_the_undated_count_shows(browser_context, site, viewport):
    stats = httpx.get(site + "/api/stats").json()
    undated = sum(1 for e in httpx.get(site + "/api/events", params={"limit": 1000}).json()["items"]
                  if e["date"] is None)
    assert stats["undated"] == undated > 0
    pg = _open(browser_context, site + "/", viewport)
    pg.wait_for_function("() => document.querySelector('#undated').textContent.length > 0")
    assert pg.text_content("#undated") == f"undated: {undated}"
    assert pg.is_visible("#undated")
    assert f"{undated} undated" in pg.text_content("#summary")
    pg.locator("#undated").screenshot(path=str(ARTIFACTS / f"views-undated-{_name(viewport)}.png"))
    assert pg.errors == []
    pg.close()


# ------------------------------------------------------------- a fresh demo server


def _cli(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("newsevents")
    return [str(exe), *args]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """`newsevents demo` into a new database, then `newsevents serve` on a loopback port,
    with no NEWSEVENTS_TOKEN in the environment: as `make demo` runs them."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    env = {k: v for k, v in os.environ.items() if k != "NEWSEVENTS_TOKEN"}
    made = subprocess.run(_cli("demo", "--db", str(db)), capture_output=True, text=True,
                          env=env, timeout=900)
    assert made.returncode == 0, made.stderr
    port = _free_port()
    proc = subprocess.Popen(_cli("serve", "--db", str(db), "--port", str(port)), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(url + "/api/session", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.time() < deadline, "the demo server did not start"
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(20)


@pytest.mark.slow
@pytest.mark.skipif(not SEED.is_file(), reason="the seed article (../shared/examples) is not beside the repository")
def test_the_seed_article_pasted_into_a_fresh_demo_is_coded_with_no_token(
        browser_context, demo_server, viewport):
    pg = _open(browser_context, demo_server + "/", viewport)
    pg.wait_for_function("() => document.querySelector('#write-status').textContent.length > 0")
    assert "no token needed" in pg.text_content("#write-status")
    assert not pg.is_visible("#code-form input[name=token]")  # nothing to type
    pg.fill("#code-form textarea", SEED.read_text(encoding="utf-8"))
    pg.click("#code-form button[type=submit]")
    pg.wait_for_selector("#code-result li", timeout=120_000)
    items = pg.locator("#code-result li").all_text_contents()
    assert any("CONSULT" in t for t in items), items
    assert not pg.locator("#code-result .error").count()
    pg.locator("#code-result li").first.click()
    pg.wait_for_selector("#detail p.sentence [data-role~=trigger]")
    pg.screenshot(path=str(ARTIFACTS / f"views-seed-coded-{_name(viewport)}.png"))
    assert pg.errors == []
    pg.close()


def test_a_server_on_another_address_says_how_to_turn_writing_on(browser_context, site):
    """The fixture server is made without local writes, as `serve --host 0.0.0.0` is."""
    pg = _open(browser_context, site + "/", PHONE)
    pg.wait_for_function("() => document.querySelector('#write-status').textContent.length > 0")
    status = pg.text_content("#write-status")
    assert "writing is off" in status and "NEWSEVENTS_TOKEN" in status
    assert pg.is_visible("#code-form input[name=token]")
    pg.close()


def test_facet_counts_filter_by_a_click(browser_context, site):
    pg = _open(browser_context, site + "/?plover_type=ASSAULT", DESKTOP)
    chip = pg.locator("#facets [data-facet=country] button").first
    chip.wait_for()
    value = chip.get_attribute("data-value")
    count = int(chip.locator(".count").text_content())
    chip.click()
    pg.wait_for_function("v => location.search.includes('country=' + v)", arg=value)
    pg.wait_for_function("t => document.querySelector('#total').textContent === t",
                         arg=f"{count} matching")
    assert parse_qs(urlparse(pg.url).query) == {"plover_type": ["ASSAULT"], "country": [value]}
    pg.screenshot(path=str(ARTIFACTS / "views-facets-desktop.png"))
    assert pg.errors == []
    pg.close()


def test_the_evidence_view_shows_a_trace_when_the_record_has_one(browser_context, site):
    """Schema "2" records carry ``trace`` (rule names); the view lists it when not empty."""
    pg = _open(browser_context, site + "/", DESKTOP)
    event_id = pg.locator("#events tbody tr").first.get_attribute("data-event-id")
    ev = httpx.get(f"{site}/api/events/{event_id}").json()
    facts = "() => [...document.querySelectorAll('#detail dt')].map(d => d.textContent)"
    for trace, shown in ((["SUBJ-VERB-OBJ", "PASSIVE"], True), ([], False), (None, False)):
        pg.evaluate("([ev, trace]) => { ev.trace = trace; showEvent(ev, document.querySelector('#detail')); }",
                    [ev, trace])
        assert ("Trace" in pg.evaluate(facts)) is shown
        if shown:
            assert pg.text_content("#detail dd[data-fact=trace]") == "SUBJ-VERB-OBJ → PASSIVE"
    assert pg.errors == []
    pg.close()
