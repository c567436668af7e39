"""The page in real headless Chromium (Debian's chromium driven by Playwright) against a
real uvicorn server over the fixture database. Screenshots go to test-artifacts/."""
from __future__ import annotations

import httpx
import pytest

from .conftest import ARTIFACTS, TOKEN, XSS_ID, XSS_IMG, XSS_SCRIPT

ARTICLE = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow "
           "on Monday. Israeli troops attacked Hamas fighters in Gaza.")


@pytest.fixture(scope="module")
def site(make_server):
    return make_server(token=TOKEN)


@pytest.fixture
def page(browser_context, site):
    pg = browser_context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.goto(site + "/")
    pg.wait_for_selector("#events tbody tr")
    pg.wait_for_selector("#map path.land")
    yield pg
    assert pg.dialogs == [], f"a dialog fired: {pg.dialogs}"
    assert pg.errors == [], f"JavaScript errors: {pg.errors}"
    pg.close()


def _api(site, path, **params):
    return httpx.get(site + path, params=params, timeout=30).json()


def test_dashboard_draws_everything(page, site):
    total = _api(site, "/api/events", limit=0)["total"]
    assert page.text_content("#total") == f"{total} matching"
    assert page.locator("#events tbody tr").count() == min(25, total)
    assert page.locator("#map path.land").count() > 150  # the bundled basemap
    assert page.locator("#map circle.place").count() == 5
    assert page.locator("#timeline rect.bar").count() > 10
    assert page.locator("#network line.edge").count() > 5
    assert page.locator("#network g.node").count() > 5
    assert page.locator("#coopconf polyline").count() == 2
    edge_colours = set(page.eval_on_selector_all("#network line.edge",
                                                 "es => es.map(e => e.getAttribute('stroke'))"))
    assert {"#2e8b57", "#c0392b"} <= edge_colours  # cooperation and conflict dyads
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_filter_and_sort(page, site):
    page.select_option("#filters select[name=plover_type]", "ASSAULT")
    page.fill("#filters input[name=date_to]", "2021-02-28")
    page.click("#filters button[type=submit]")
    want = _api(site, "/api/events", plover_type="ASSAULT", date_to="2021-02-28")["total"]
    page.wait_for_function("t => document.querySelector('#total').textContent === t",
                           arg=f"{want} matching")
    badges = page.locator("#events tbody td:nth-child(3)").all_text_contents()
    assert badges and set(badges) == {"ASSAULT"}
    assert all(d <= "2021-02-28" for d in page.locator("#events tbody td:nth-child(1)")
               .all_text_contents())
    assert "plover_type=ASSAULT" in page.get_attribute("#export-csv", "href")

    page.click("#reset-filters")
    total = _api(site, "/api/events", limit=0)["total"]
    page.wait_for_function("t => document.querySelector('#total').textContent === t",
                           arg=f"{total} matching")
    page.click("#events th[data-sort=confidence]")
    page.wait_for_selector("#events th.sorted-asc[data-sort=confidence]")
    page.wait_for_function("() => document.querySelector('#total').textContent.length > 0")
    confs = [float(c) for c in page.locator("#events tbody td:nth-child(9)").all_text_contents()]
    assert confs == sorted(confs)
    page.click("#events th[data-sort=confidence]")
    page.wait_for_selector("#events th.sorted-desc[data-sort=confidence]")
    page.wait_for_timeout(300)
    confs = [float(c) for c in page.locator("#events tbody td:nth-child(9)").all_text_contents()]
    assert confs == sorted(confs, reverse=True)
    page.click("#next")
    page.wait_for_function("() => document.querySelector('#page').textContent.startsWith('26')")


def test_click_event_highlights_its_spans(page, site):
    row = page.locator("#events tbody tr").nth(2)
    event_id = row.get_attribute("data-event-id")
    ev = _api(site, f"/api/events/{event_id}")
    row.click()
    sentence = page.locator("#detail p.sentence")
    sentence.wait_for()
    assert sentence.text_content() == ev["sentence"]
    for role in ("source", "target", "trigger"):
        texts = page.locator(f"#detail p.sentence [data-role~={role}]").all_text_contents()
        assert "".join(texts) == ev[role]["text"], role
    facts = {k: v for k, v in zip(page.locator("#detail dt").all_text_contents(),
                                  page.locator("#detail dd").all_text_contents())}
    assert ev["date"] in facts["Date"]
    assert ev["location"]["name"] in facts["Place"]
    assert facts["CAMEO"] == ev["cameo"] and ev["plover"]["type"] in facts["PLOVER"]
    assert facts["Rule"] == ev["rule"] and ev["modality"] in facts["Modality"]
    assert facts["Confidence"] == f"{ev['confidence']:.2f}"
    page.screenshot(path=str(ARTIFACTS / "event-detail.png"), full_page=True)

    page.click("#detail a.article-link")
    page.wait_for_selector("#article .text")
    art = _api(site, f"/api/articles/{ev['article_id']}")
    assert page.text_content("#article .text") == art["text"]
    assert page.locator("#article mark.hl-trigger").count() == len(art["events"])
    assert page.locator("#article .events-list li").count() == len(art["events"])
    page.locator("#article mark.hl-trigger").first.click()
    page.wait_for_selector("#article-detail p.sentence")
    assert page.text_content("#article-detail p.sentence") == art["events"][0]["sentence"]
    page.screenshot(path=str(ARTIFACTS / "article-view.png"), full_page=True)


@pytest.mark.slow
def test_code_an_article_box(page):
    page.fill("#code-form textarea", ARTICLE)
    page.fill("#code-form input[name=published]", "2024-03-04")
    page.fill("#code-form input[name=token]", "wrong")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#code-result .error")
    assert "wrong token" in page.text_content("#code-result")

    page.fill("#code-form input[name=token]", TOKEN)
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#code-result li", timeout=60_000)
    items = page.locator("#code-result li").all_text_contents()
    assert any("ASSAULT" in t for t in items) and any("CONSULT" in t for t in items)
    page.locator("#code-result li").first.click()
    page.wait_for_selector("#detail p.sentence [data-role~=trigger]")
    page.screenshot(path=str(ARTIFACTS / "code-box.png"), full_page=True)


def test_xss_article_never_runs(page, site):
    page.evaluate("window.__pwned = false")
    page.goto(f"{site}/#/article/{XSS_ID}")
    page.wait_for_selector("#article .text")
    text = page.text_content("#article .text")
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert XSS_SCRIPT in page.text_content("#article h2.title")
    # the event's actors are shown as text, marked
    assert page.locator("#article mark[data-role~=source]").first.text_content() == XSS_IMG
    page.locator("#article .events-list li").first.click()
    page.wait_for_selector("#article-detail p.sentence")
    assert XSS_IMG in page.text_content("#article-detail")

    page.goto(f"{site}/#/")
    page.fill("#filters input[name=actor]", "<img")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#total').textContent === '1 matching'")
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail p.sentence")
    assert page.text_content("#events tbody tr td:nth-child(2)") == f"{XSS_IMG} (UKR)"
    page.wait_for_timeout(500)  # give an injected handler every chance to fire
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))") == \
        ["/static/timeline.js", "/static/app.js"]
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    page.screenshot(path=str(ARTIFACTS / "xss.png"), full_page=True)
