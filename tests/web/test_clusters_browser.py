"""The dashboard's cluster pieces in real headless Chromium: the evidence view lists the
other reports of the same event, and the headline count switches clusters / reports."""
from __future__ import annotations

import httpx
import pytest

from .conftest import TOKEN


@pytest.fixture(scope="module")
def site(make_server):
    return make_server(token=TOKEN)


@pytest.fixture
def page(browser_context, site):
    pg = browser_context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.goto(site + "/")
    pg.wait_for_selector("#events tbody tr")
    yield pg
    assert pg.errors == [], f"JavaScript errors: {pg.errors}"
    pg.close()


def _api(site, path, **params):
    return httpx.get(site + path, params=params, timeout=30).json()


def test_the_evidence_view_lists_the_other_reports(page, site):
    rows = page.locator("#events tbody tr")
    for i in range(rows.count()):  # a row whose event other articles report too
        event_id = rows.nth(i).get_attribute("data-event-id")
        body = _api(site, f"/api/events/{event_id}")
        if body["other_reports"]:
            break
    assert body["other_reports"], "the fixture corpus has an event told twice"
    rows.nth(i).click()
    box = page.locator("#detail section.other-reports")
    box.wait_for()
    assert box.get_attribute("data-cluster-id") == body["cluster_id"]
    heading = box.locator("h3").text_content()
    assert heading.startswith(f"Other reports of this event: {len(body['other_reports'])}")
    assert f"{body['cluster']['articles']} article" in heading
    listed = box.locator("li[data-event-id]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-event-id'))")
    assert listed == [r["event_id"] for r in body["other_reports"]]


def test_the_count_switches_between_clusters_and_reports(page, site):
    stats = _api(site, "/api/stats")
    total = page.locator("#count-total")
    total.wait_for()
    assert total.text_content() == str(stats["clusters"])
    page.select_option("#count-switch select", "reports")
    assert total.text_content() == str(stats["reports"])
    page.reload()
    page.wait_for_selector("#count-total")
    assert page.locator("#count-switch select").input_value() == "reports"  # remembered
    page.select_option("#count-switch select", "clusters")
    assert page.locator("#count-total").text_content() == str(stats["clusters"])
