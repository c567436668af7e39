"""Fixtures for the web tests: a real SQLite database filled with hand-built events, real
uvicorn servers on free loopback ports, and headless Chromium (installed with apt when
missing and we are root)."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from newsevents.models import Actor, Article, Event, Place
from newsevents.ontology.plover import to_plover
from newsevents.store import Store

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
TOKEN = "test-token-123"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
XSS_ID = "xss-article"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

ACTORS = {
    "russia": ("Russian government", "RUS", "GOV", "RUSGOV"),
    "ukraine": ("Ukrainian military", "UKR", "MIL", "UKRMIL"),
    "usa": ("Joe Biden", "USA", "GOV", "USAGOV"),
    "china": ("China", "CHN", None, "CHN"),
    "un": ("United Nations", None, "IGO", "IGOUNO"),
    "hamas": ("Hamas", "PSE", "REB", "PSEREB"),
    "israel": ("Israeli military", "ISR", "MIL", "ISRMIL"),
    "protesters": ("protesters", "BLR", "CVL", "BLRCVL"),
}
PLACES = {
    "kyiv": Place("Kyiv", "UKR", 50.45, 30.52, 703448),
    "moscow": Place("Moscow", "RUS", 55.75, 37.62, 524901),
    "gaza": Place("Gaza", "PSE", 31.5, 34.47, 281133),
    "geneva": Place("Geneva", "CHE", 46.2, 6.14, 2660646),
    "minsk": Place("Minsk", "BLR", 53.9, 27.57, 625144),
}
# (source, trigger word, target, cameo, place, date, modality, negated, confidence)
SPECS = [
    ("russia", "attacked", "ukraine", "190", "kyiv", "2021-02-04", "asserted", False, 0.9),
    ("ukraine", "shelled", "russia", "195", "kyiv", "2021-02-05", "reported", False, 0.8),
    ("usa", "met", "china", "040", "geneva", "2021-02-10", "asserted", False, 0.7),
    ("china", "praised", "usa", "051", "geneva", "2021-02-11", "asserted", False, 0.6),
    ("un", "helped", "ukraine", "070", "kyiv", "2021-03-01", "asserted", False, 0.75),
    ("hamas", "fired on", "israel", "190", "gaza", "2021-05-10", "asserted", False, 0.85),
    ("israel", "bombed", "hamas", "195", "gaza", "2021-05-11", "asserted", False, 0.88),
    ("un", "urged", "israel", "020", "geneva", "2021-05-12", "asserted", False, 0.5),
    ("protesters", "rallied against", "russia", "140", "minsk", "2021-01-15", "asserted", False, 0.65),
    ("russia", "threatened", "usa", "130", "moscow", "2021-04-02", "intended", False, 0.55),
    ("usa", "sanctioned", "russia", "163", "moscow", "2021-04-15", "asserted", False, 0.8),
    ("russia", "rejected", "usa", "120", "moscow", "2021-04-16", "asserted", True, 0.6),
    ("china", "agreed with", "russia", "030", "moscow", "2021-06-01", "hypothetical", False, 0.45),
    ("ukraine", "asked", "un", "020", None, None, "asserted", False, 0.4),
    ("israel", "arrested", "protesters", "173", "gaza", "2021-05-20", "asserted", False, 0.7),
    ("usa", "gave aid to", "ukraine", "070", "kyiv", "2021-03-15", "asserted", False, 0.9),
]


def _actor(key: str, start: int) -> Actor:
    name, country, sector, code = ACTORS[key]
    text = f"the {name}" if key in ("protesters",) else name
    return Actor(text=text, start=start, end=start + len(text), name=name, country=country,
                 sector=sector, code=code)


def build_corpus() -> list[tuple[Article, list[Event]]]:
    """~40 events in 9 articles with varied dates, actors, types and places, plus the XSS
    article."""
    batch = []
    per_article = 5
    n = 0
    rounds = [SPECS, SPECS[::2], SPECS[1::3]]
    specs = [s for r in rounds for s in r]
    for a in range(0, len(specs), per_article):
        chunk = specs[a:a + per_article]
        article_id = f"art-{a // per_article:02d}"
        sentences, events = [], []
        for i, (src, trig, tgt, cameo, place, date, modality, negated, conf) in enumerate(chunk):
            source = _actor(src, 0)
            trigger_start = source.end + 1
            target = _actor(tgt, trigger_start + len(trig) + 1)
            where = f" in {PLACES[place].name}" if place else ""
            sentence = f"{source.text} {trig} {target.text}{where} this week (report {n})."
            assert sentence[target.start:target.end] == target.text
            n += 1
            sentences.append(sentence)
            events.append(Event(
                article_id=article_id, sentence_index=i, sentence=sentence, cameo=cameo,
                trigger={"text": trig, "start": trigger_start, "end": trigger_start + len(trig)},
                source=source, target=target, date=date,
                date_precision="day" if date else "unknown", plover=to_plover(cameo),
                location=PLACES[place] if place else None, negated=negated, modality=modality,
                confidence=conf, rule=f"TEST [{cameo}]"))
        art = Article(id=article_id, text=" ".join(sentences), title=f"Test article {a // per_article}",
                      published="2021-06-30", source="test wire")
        batch.append((art, events))

    sentence = f"{XSS_IMG} attacked {XSS_SCRIPT} in Kyiv."
    text = f"Breaking {XSS_SCRIPT} news.\n\n{sentence}\n\nMore {XSS_IMG} text."
    src = Actor(text=XSS_IMG, start=0, end=len(XSS_IMG), name=XSS_IMG, country="UKR",
                sector="GOV", code="UKRGOV")
    t0 = len(XSS_IMG) + 1
    tgt_start = t0 + len("attacked") + 1
    tgt = Actor(text=XSS_SCRIPT, start=tgt_start, end=tgt_start + len(XSS_SCRIPT),
                name=XSS_SCRIPT, country="RUS", sector="GOV", code="RUSGOV")
    ev = Event(article_id=XSS_ID, sentence_index=1, sentence=sentence, cameo="190",
               trigger={"text": "attacked", "start": t0, "end": t0 + 8}, source=src, target=tgt,
               date="2021-02-20", date_precision="day", plover=to_plover("190"),
               location=PLACES["kyiv"], confidence=0.9, rule="TEST [190]")
    batch.append((Article(id=XSS_ID, text=text, title=f"XSS {XSS_SCRIPT} {XSS_IMG}",
                          published="2021-02-20"), [ev]))
    return batch


@pytest.fixture(scope="session")
def corpus():
    return build_corpus()


@pytest.fixture(scope="session")
def base_db(tmp_path_factory, corpus) -> Path:
    path = tmp_path_factory.mktemp("webdb") / "events.db"
    store = Store(str(path))
    store.save(corpus)
    store.close()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def run_server(app):
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yields the base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def make_server(base_db, tmp_path_factory):
    """make_server(token=..., max_article_bytes=..., copy=True) -> base URL of a new server
    (on its own copy of the fixture database unless copy=False)."""
    from newsevents.web import create_app

    stack = contextlib.ExitStack()

    def _make(*, copy: bool = True, **kwargs) -> str:
        db = base_db
        if copy:
            db = tmp_path_factory.mktemp("webcopy") / "events.db"
            shutil.copy(base_db, db)
        kwargs.setdefault("token", None)
        return stack.enter_context(run_server(create_app(str(db), **kwargs)))

    yield _make
    stack.close()


def _pg_database(pg_url: str, name: str) -> str:
    """A fresh database ``name`` on the test PostgreSQL server; its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS newsevents_web")
        conn.execute("CREATE DATABASE newsevents_web")
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend_db(request, base_db, corpus) -> str:
    """The fixture corpus in a database of each backend: the SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return str(base_db)
    url = _pg_database(request.getfixturevalue("pg_url"), "newsevents_web")
    store = Store(url)
    store.save(corpus)
    store.close()
    return url


@pytest.fixture(scope="session")
def base_url(backend_db) -> str:
    """A read-only server over the fixture database (no writes reach it), on each backend."""
    from newsevents.web import create_app

    with run_server(create_app(backend_db, token=None)) as url:
        yield url


@pytest.fixture(scope="session")
def http(base_url):
    with httpx.Client(base_url=base_url, timeout=60) as client:
        yield client


# --------------------------------------------------------------------------- browser


def _ensure_chromium() -> str:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip(f"{CHROMIUM} is missing and we are not root to apt-get install chromium")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True,
                       timeout=600)
        subprocess.run(["apt-get", "install", "-y", "chromium"], check=True, env=env,
                       capture_output=True, timeout=1200)
    except (OSError, subprocess.SubprocessError) as exc:
        out = getattr(exc, "stderr", b"") or b""
        pytest.skip(f"could not install chromium with apt-get: {exc} {out[-500:]!r}")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"apt-get install chromium did not provide {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """A persistent Chromium context on a fresh user-data dir (Playwright, Debian's
    chromium; Playwright's own browser downloads are never used)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the 'playwright' Python package is needed for the browser tests "
        "(pip install playwright; no browser download needed)")
    exe = _ensure_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=exe,
            headless=True, args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 1000})
        try:
            yield ctx
        finally:
            ctx.close()
