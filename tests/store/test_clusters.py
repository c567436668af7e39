"""Event clusters: the reports of one real-world event across articles share a cluster_id.

The seed article, a rewrite of it by another publisher (tests/data/seed-rewrite.txt) and
copies of it, coded by the real coder and saved in a real store (SQLite and PostgreSQL).
"""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.models import Article
from newsevents.store import Store
from newsevents.store.clusters import Report, assign, cluster_key, failed_rule

REWRITE = Path(__file__).resolve().parents[1] / "data" / "seed-rewrite.txt"


def _seed(shared: Path, **kw) -> Article:
    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    fields = dict(id="seed", text=text, published="2021-02-05", source="Palestine Chronicle",
                  url="https://www.palestinechronicle.com/hamas-delegation-moscow/")
    fields.update(kw)
    return Article(**fields)


def _rewrite() -> Article:
    return Article(id="rewrite", text=REWRITE.read_text(encoding="utf-8"), published="2021-02-06",
                   source="Levant Wire", url="https://levantwire.example/2021/02/hamas-moscow")


@pytest.fixture(scope="module")
def coded(coder, shared):
    """article -> its events, coded once for the module."""

    def code(article: Article):
        return (article, coder.code_article(article))

    return {
        "seed": code(_seed(shared)),
        "rewrite": code(_rewrite()),
        # the same page saved again under another id: the same URL
        "seed-again": code(_seed(shared, id="seed-again")),
        # the same pair meeting a week later: "Thursday" is then 2021-02-11
        "week-later": code(_seed(shared, id="week-later", published="2021-02-12",
                                 source="Other Daily", url="https://otherdaily.example/x",
                                 text=_seed(shared).text.replace("5-February-2021",
                                                                 "12-February-2021"))),
    }


def _meetings(store: Store, article_id: str, day: str) -> list[dict]:
    """The article's meeting reports (CAMEO 04) of Hamas with Russia on ``day``."""
    return [r for r in store.iter_events(article_id=article_id)
            if r["cameo"].startswith("04") and r["date"] == day
            and {(r["source"] or {}).get("code", "")[:3], (r["target"] or {}).get("code", "")[:3]}
            == {"PSE", "RUS"}]


def test_seed_and_a_rewrite_by_another_publisher_share_the_meeting_clusters(store, coded):
    store.save([coded["seed"], coded["rewrite"]])
    seed, rewrite = _meetings(store, "seed", "2021-02-04"), _meetings(store, "rewrite", "2021-02-04")
    assert seed and rewrite
    shared_ids = {r["cluster_id"] for r in seed} & {r["cluster_id"] for r in rewrite}
    assert shared_ids
    for cid in shared_ids:
        cluster = store.get_cluster(cid)
        assert cluster["articles"] == 2 and cluster["sources"] == 2
        assert cluster["reports"] == len(cluster["event_ids"]) >= 2
        assert cluster["first_seen"] == "2021-02-05" and cluster["last_seen"] == "2021-02-06"
        assert cluster["date"] == "2021-02-04"
        reports = store.cluster_reports(cid)
        assert {r["article_id"] for r in reports} == {"seed", "rewrite"}
    # Friday's meeting with Islamic Jihad is another event, told by both too
    friday = {r["cluster_id"] for r in store.iter_events(article_id="seed")
              if r["date"] == "2021-02-05" and r["cameo"].startswith("04")
              and {(r["source"] or {}).get("code"), (r["target"] or {}).get("code")}
              == {"PSEREBHMS", "PSEREB"}}
    assert friday
    assert not friday & shared_ids
    assert friday & {r["cluster_id"] for r in store.iter_events(article_id="rewrite")}


def test_the_same_article_twice_is_still_one_article(store, coded):
    store.save([coded["seed"]])
    store.save([coded["seed"]])  # the same id again: replaces its events
    store.save([coded["seed-again"]])  # the same URL under another id
    for r in _meetings(store, "seed", "2021-02-04"):
        cluster = store.get_cluster(r["cluster_id"])
        assert cluster["articles"] == 1 and cluster["sources"] == 1
        assert {e["article_id"] for e in store.cluster_reports(r["cluster_id"])} \
            == {"seed", "seed-again"}


def test_two_meetings_of_the_same_pair_a_week_apart_are_two_clusters(store, coded):
    store.save([coded["seed"], coded["week-later"]])
    first = {r["cluster_id"] for r in _meetings(store, "seed", "2021-02-04")}
    later = {r["cluster_id"] for r in _meetings(store, "week-later", "2021-02-11")}
    assert first and later and not first & later


def _cluster_ids(store: Store) -> dict[str, str]:
    return {r["event_id"]: r["cluster_id"] for r in store.iter_events()}


def test_the_order_of_input_does_not_change_the_cluster_ids(tmp_path, coded):
    names = ["seed", "rewrite", "seed-again", "week-later"]
    with Store(tmp_path / "one-batch.db") as s:
        s.save([coded[n] for n in names])
        want = _cluster_ids(s)
    for i, order in enumerate((names[::-1], ["week-later", "seed", "seed-again", "rewrite"])):
        with Store(tmp_path / f"one-by-one-{i}.db") as s:
            for n in order:  # incremental: each article joins the clusters already stored
                s.save([coded[n]])
            assert _cluster_ids(s) == want
    assert len(set(want.values())) < len(want)  # some reports were clustered together


def test_a_recoded_article_leaves_its_clusters(store, coded):
    store.save([coded["seed"], coded["rewrite"]])
    cid = _meetings(store, "seed", "2021-02-04")[0]["cluster_id"]
    assert store.get_cluster(cid)["articles"] == 2
    store.save([(coded["rewrite"][0], [])])  # the rewrite coded again, now without events
    for r in _meetings(store, "seed", "2021-02-04"):
        assert store.get_cluster(r["cluster_id"])["articles"] == 1
    assert store.count_clusters() < store.count_events()


# ------------------------------------------------------------------------- the rules


def _report(**kw) -> Report:
    base = dict(event_id="e1", article_id="a1", cameo="040", plover_type="CONSULT", source=("RUSGOV", "sergey lavrov"),
                target=("USAGOV", "antony blinken"), date=None, precision="day", country=None,
                negated=False, sentence="Lavrov held talks with Blinken.")
    base.update(kw)
    if isinstance(base["date"], str):
        from datetime import date

        base["date"] = date.fromisoformat(base["date"])
    return Report(**base)  # type: ignore[arg-type]


def test_rules_tell_each_difference_apart():
    a = _report(date="2021-03-04")
    assert failed_rule(a, replace(a, event_id="e2", article_id="a2")) is None
    swapped = replace(a, event_id="e2", source=a.target, target=a.source)
    assert failed_rule(a, swapped) is None  # meetings are symmetric
    assert failed_rule(replace(a, cameo="111"), replace(swapped, cameo="111")) == "same_dyad"
    assert failed_rule(a, replace(a, event_id="e2", source=("RUS", ""))) is None  # refinement
    assert failed_rule(a, replace(a, event_id="e2", source=("RUSGOVMIL", ""))) is None
    assert failed_rule(replace(a, source=("PSEREB", "")), replace(a, source=("PSEREBHMS", ""))) \
        == "same_dyad"  # one rebel group is not another
    assert failed_rule(a, replace(a, event_id="e2", cameo="190", plover_type="ASSAULT")) \
        == "compatible_action"
    appeal = replace(a, cameo="020", plover_type="REQUEST")  # CAMEO 02 and 10: PLOVER REQUEST
    assert failed_rule(appeal, replace(appeal, event_id="e2", cameo="100")) is None
    assert failed_rule(a, replace(a, event_id="e2", negated=True)) == "same_polarity"
    week = replace(a, event_id="e2", date=a.date.replace(day=11))
    assert failed_rule(a, week) == "dates_within_window"
    next_day = replace(a, event_id="e2", date=a.date.replace(day=5))
    assert failed_rule(a, next_day) == "dates_within_window"  # two calls, two days: two events
    month = replace(a, event_id="e2", date=a.date.replace(day=1), precision="month")
    assert failed_rule(a, month) is None  # same month, and the words agree
    assert failed_rule(a, replace(month, sentence="Another story entirely.")) == "similar_wording"
    before = replace(a, event_id="e2", date=a.date.replace(day=8), precision="before")
    assert failed_rule(a, before) is None and failed_rule(before, a) is None
    assert failed_rule(a, replace(before, date=a.date.replace(day=20))) == "dates_within_window"
    assert failed_rule(replace(a, country="CHE"), replace(a, event_id="e2", country="RUS")) \
        == "compatible_places"
    assert failed_rule(a, replace(a, event_id="e2", article_id="a2", date=None)) \
        == "dates_within_window"


def test_assign_is_independent_of_order_and_ids_come_from_the_smallest_event_id():
    day = "2021-03-04"
    reports = [_report(event_id=f"e{i}", article_id=f"a{i}", date=day) for i in range(5)]
    reports.append(_report(event_id="x9", date="2021-03-20"))
    want = assign(reports)
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert assign(shuffled) == want
    assert len({want[f"e{i}"] for i in range(5)}) == 1 and want["x9"] != want["e0"]


def test_cluster_key_puts_both_directions_of_a_meeting_in_one_block():
    a = {"cameo": "042", "source": {"code": "PSEREBHMS"}, "target": {"code": "RUSGOV"}}
    b = {"cameo": "043", "source": {"code": "RUS"}, "target": {"code": "PSEREB"}}
    assert cluster_key(a) == cluster_key(b) == "04|PSE|RUS"
    c = {"cameo": "111", "source": {"code": "RUSGOV"}, "target": {"code": "PSE"}}
    d = {"cameo": "111", "source": {"code": "PSE"}, "target": {"code": "RUSGOV"}}
    assert cluster_key(c) != cluster_key(d)
    # roots that share a PLOVER type share a block: 09 investigate / 11 disapprove (ACCUSE)
    assert cluster_key({**c, "cameo": "090"}) == cluster_key(c) == "09+11|RUS|PSE"


# ------------------------------------------------------------------ concurrent writers


def _reports_of_one_meeting(n: int) -> list:
    """n articles by n publishers reporting one meeting, n more a meeting a week later."""
    from .store_samples import article, putin_meets_biden

    out = []
    for i in range(n):
        out.append((article(f"m{i:02d}", source=f"outlet {i}", url=f"https://o{i}.example/m"),
                    [putin_meets_biden(f"m{i:02d}")]))
        later = replace(putin_meets_biden(f"w{i:02d}"), date="2021-06-23")
        out.append((article(f"w{i:02d}", source=f"outlet {i}", url=f"https://o{i}.example/w"),
                    [later]))
    return out


def test_concurrent_writers_cluster_as_one_writer_would(db_url, tmp_path):
    """Four writers (as --workers / Dask partitions do) save interleaved articles of the same
    two events at once: the clusters come out as when one writer saves them all."""
    import threading

    batch = _reports_of_one_meeting(12)
    with Store(tmp_path / "one-writer.db") as s:
        s.save(batch)
        want = _cluster_ids(s)
    Store(db_url).close()  # create the tables first
    errors: list[BaseException] = []

    def write(part: list) -> None:
        try:
            with Store(db_url) as s:
                for item in part:
                    s.save([item])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(batch[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Store(db_url) as s:
        assert _cluster_ids(s) == want
        assert sorted(s.get_cluster(c)["articles"] for c in set(want.values())) == [12, 12]
        assert s.count_clusters() == 2


def test_assign_compares_only_the_pairs_that_can_match_and_finds_the_same_clusters():
    """The date buckets of ``candidate_pairs`` give exactly the components of comparing
    every pair, on random reports of one block (days, months, years, "before", no date)."""
    from datetime import date, timedelta

    from newsevents.store.clusters import cluster_id, same_event

    rng = random.Random(7)
    precisions = ["day"] * 6 + ["month", "year", "before", "unknown"]
    reports = []
    for i in range(160):
        day = date(2021, 1, 1) + timedelta(days=rng.randrange(60))
        reports.append(_report(
            event_id=f"e{i:03d}", article_id=f"a{rng.randrange(40)}",
            date=None if rng.random() < 0.05 else day, precision=rng.choice(precisions),
            negated=rng.random() < 0.1, source=rng.choice([("RUSGOV", ""), ("RUS", "")]),
            sentence=rng.choice(["Lavrov held talks with Blinken.", "Other words entirely."])))
    parent = {r.event_id: r.event_id for r in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(reports):  # every pair, the slow way
        for b in reports[i + 1:]:
            if same_event(a, b):
                parent[max(find(a.event_id), find(b.event_id))] = min(find(a.event_id),
                                                                       find(b.event_id))
    groups: dict[str, list[str]] = {}
    for r in reports:
        groups.setdefault(find(r.event_id), []).append(r.event_id)
    want = {e: cluster_id(ids) for ids in groups.values() for e in ids}
    assert assign(reports) == want
    assert 5 < len(set(want.values())) < len(reports)


def _snapshot(store: Store) -> tuple[dict[str, str], dict[str, tuple]]:
    from sqlalchemy import select

    from newsevents.store.schema import clusters

    with store.engine.connect() as conn:
        rows = {r["cluster_id"]: tuple(v for k, v in r.items() if k != "cluster_id")
                for r in conn.execute(select(clusters)).mappings()}
    return _cluster_ids(store), rows


@pytest.mark.parametrize("first_day, days, precisions", [
    ("2020-11-20", 80, ["day"] * 12 + ["before", "before", "month", "year"]),
    ("2020-12-26", 12, ["day", "day", "before"]),  # "before" links across the new year
], ids=["months", "new-year"])
def test_incremental_saves_across_years_equal_clustering_everything_at_once(
        db_url, first_day, days, precisions):
    """Reports around a new year (day, "before", month and year dates) saved in random
    batches, some articles saved again with other dates: the store's clusters (ids and
    table) are those of clustering every stored report at once (``clusters.rebuild``)."""
    from datetime import date, timedelta

    from newsevents.store import clusters

    from .store_samples import article, putin_meets_biden

    rng = random.Random(3)

    def coded(aid: str) -> tuple:
        evs = []
        for k in range(rng.randrange(1, 3)):
            day = date.fromisoformat(first_day) + timedelta(days=rng.randrange(days))
            precision = rng.choice(precisions)
            sentence = rng.choice(["Putin met Biden in Geneva.", "The presidents held a summit.",
                                   "Talks between Moscow and Washington took place."])
            ev = putin_meets_biden(aid)
            ev.target.code = rng.choice(["USAGOV", "CHNGOV", "DEUGOV"])  # three blocks
            evs.append(replace(ev, sentence_index=k, date=day.isoformat(),
                               date_precision=precision, sentence=sentence))
        return (article(aid, source=f"outlet {rng.randrange(5)}"), evs)

    items = [coded(f"a{i:02d}") for i in range(40)]
    items += [coded(f"a{i:02d}") for i in rng.sample(range(40), 10)]  # saved again, changed
    with Store(db_url) as s:
        while items:
            n = rng.randrange(1, 6)
            s.save(items[:n])
            items = items[n:]
        got = _snapshot(s)
        with s.engine.begin() as conn:
            clusters.rebuild(conn)
        assert _snapshot(s) == got
        assert 1 < len(got[1]) < len(got[0])


def test_a_report_joins_a_cluster_of_the_year_before(store):
    """'Before 2 January' and a report of 30 December are one event: the new report's block
    is read beyond its own year, as far as its date window reaches."""
    from .store_samples import article, putin_meets_biden

    dec = replace(putin_meets_biden("dec"), date="2020-12-30")
    jan = replace(putin_meets_biden("jan"), date="2021-01-02", date_precision="before")
    store.save([(article("dec"), [dec])])
    store.save([(article("jan"), [jan])])
    ids = _cluster_ids(store)
    assert ids[dec.event_id] == ids[jan.event_id]
    assert store.get_cluster(ids[dec.event_id])["articles"] == 2


def test_saving_a_report_reads_only_the_reports_within_its_date_reach(store, monkeypatch):
    """A block of a year of day-dated reports (one a day), a year of "before" reports (one a
    week) and one month-dated and one year-dated report: clustering a new day report reads the
    day reports of its day window (the same day), the "before" reports of the week after it,
    the coarse ones -- not the year, and not the whole of the cluster it joins."""
    from datetime import date, timedelta

    from .store_samples import article, putin_meets_biden

    start = date(2021, 1, 1)
    batch = []
    for i in range(365):
        ev = replace(putin_meets_biden(f"d{i:03d}"), date=(start + timedelta(days=i)).isoformat())
        batch.append((article(f"d{i:03d}", source=f"outlet {i}"), [ev]))
    for i in range(0, 365, 7):  # 2021-01-01, -08, ...: 2021-06-18 is the one a week after 06-15
        aid = f"b{i:03d}"
        before = replace(putin_meets_biden(aid), date=(start + timedelta(days=i)).isoformat(),
                         date_precision="before")
        before.target.code = "USAMIL"  # the same block, another dyad: read, never joined
        batch.append((article(aid, source=aid), [before]))
    for aid, day, precision in (("m", "2021-06-01", "month"), ("y", "2021-01-01", "year")):
        coarse = replace(putin_meets_biden(aid), date=day, date_precision=precision,
                         sentence="A summit took place.")  # no words shared: not joined
        batch.append((article(aid, source=aid), [coarse]))
    store.save(batch)
    read = _count_reads(monkeypatch)
    new = replace(putin_meets_biden("new"), date="2021-06-15")
    store.save([(article("new", source="new"), [new])])
    assert sum(read) == 1 + (1 + 1 + 2 + 1)  # itself; the day, the "before" one, the coarse
    # two and itself again
    ids = _cluster_ids(store)
    assert ids[new.event_id] == ids[replace(putin_meets_biden("d165")).event_id]


def _count_reads(monkeypatch) -> list[int]:
    """The number of report rows each read of the clustering returns, from now on."""
    from newsevents.store import clusters

    read: list[int] = []
    for name in ("_rows", "_distinct_rows"):
        real = getattr(clusters, name)

        def counting(conn, *conds, _real=real, **kw):
            found = _real(conn, *conds, **kw)
            read.append(len(found))
            return found

        monkeypatch.setattr(clusters, name, counting)
    return read


def test_a_big_cluster_is_read_as_one_candidate_per_wording(store, monkeypatch):
    """Forty copies of one report (other articles, the same words, date and dyad) are one
    candidate for a new copy: saving it reads two rows, not forty; the cluster's id and its
    ``clusters`` row are those of clustering everything at once."""
    from newsevents.store import clusters

    from .store_samples import article, putin_meets_biden

    reports = {i: putin_meets_biden(f"c{i:02d}") for i in range(41)}
    last = min(reports, key=lambda i: reports[i].event_id)  # its id is the cluster's once saved
    store.save([(article(f"c{i:02d}", source=f"outlet {i}"), [ev]) for i, ev in reports.items()
                if i != last])
    before = set(_cluster_ids(store).values())
    read = _count_reads(monkeypatch)
    new = reports[last]
    store.save([(article(f"c{last:02d}", source=f"outlet {last}"), [new])])
    assert sum(read) == 1 + 1 + 1  # itself; one row for the forty; itself as a candidate
    ids = _cluster_ids(store)
    assert set(ids.values()) == {clusters.cluster_id([new.event_id])} != before
    summary = store.get_cluster(ids[new.event_id])
    assert (summary["reports"], summary["articles"], summary["sources"]) == (41, 41, 41)
    with store.engine.begin() as conn:
        clusters.rebuild(conn)
    assert _cluster_ids(store) == ids and store.get_cluster(ids[new.event_id]) == summary


def test_date_span_queries_do_not_fill_the_statement_cache(store):
    """Saves of ever other date spans (how many, of which precisions) query one merged span at
    a time: a few statement shapes, not one per save in SQLAlchemy's statement cache (which
    held tens of MB of a day's saving process when the spans were OR-ed in one query)."""
    from datetime import date, timedelta

    from .store_samples import article, putin_meets_biden

    cache = store.engine._compiled_cache
    start = date(2021, 3, 1)
    store.save([(article("s0"), [putin_meets_biden("s0")])])
    size = len(cache)
    for n in range(1, 13):  # saves of 1..12 reports of distinct dates: 12 query shapes
        batch = []
        for k in range(n):
            aid = f"s{n:02d}-{k:02d}"
            day = (start + timedelta(days=40 * n + 3 * k)).isoformat()
            batch.append((article(aid, source=aid), [replace(putin_meets_biden(aid), date=day,
                                                            date_precision="before" if k % 2 else "day")]))
        store.save(batch)
    assert len(cache) - size < 10, len(cache) - size


def test_date_spans_of_one_precision_are_merged_where_they_overlap_or_touch():
    from newsevents.store.clusters import _merged

    spans = {("2021-03-01", "2021-03-05", "day"), ("2021-03-04", "2021-03-09", "day"),
             ("2021-03-09", "2021-03-10", "day"), ("2021-03-20", "2021-03-21", "day"),
             ("2021-03-02", "2021-03-06", "before"), ("2021-01-01", "2022-01-01", None)}
    assert _merged(spans) == [
        ("2021-01-01", "2022-01-01", None),
        ("2021-03-02", "2021-03-06", "before"),
        ("2021-03-01", "2021-03-10", "day"),
        ("2021-03-20", "2021-03-21", "day"),
    ]
