"""``run_cluster`` on a real 2-worker LocalCluster: output, partitions, resuming, a killed worker."""
from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from newsevents.scale import DASK_HINT, ClusterError, parse_cluster, run_cluster

pytestmark = pytest.mark.slow


def _run(articles_file, address, **kw):
    err = io.StringIO()
    kw.setdefault("fmt", "parquet")
    kw.setdefault("db", None)
    kw.setdefault("out", None)
    status = run_cluster(inputs=[str(articles_file)], cluster=address, model=None, batch_size=4,
                         max_bytes=20_000_000, force=kw.pop("force", False), stderr=err, **kw)
    return status, err.getvalue()


def _parquet_ids(folder: Path) -> list[str]:
    import pyarrow.parquet as pq

    ids: list[str] = []
    for f in sorted(folder.glob("part-*.parquet")):
        ids += pq.read_table(f, columns=["event_id"]).column("event_id").to_pylist()
    return ids


def _db_ids(db: Path) -> list[str]:
    from newsevents.store import Store

    with Store(db) as store:
        return [r["event_id"] for r in store.iter_events()]


def test_parse_cluster():
    assert parse_cluster("local") == ("local", None)
    assert parse_cluster("local:3") == ("local", 3)
    assert parse_cluster("tcp://10.0.0.5:8786") == ("remote", "tcp://10.0.0.5:8786")
    assert parse_cluster("scheduler:8786") == ("remote", "scheduler:8786")
    for bad in ("local:0", "local:x", "http://x", "nowhere"):
        with pytest.raises(ClusterError):
            parse_cluster(bad)


def test_a_partition_coded_with_the_learned_check_is_another_partition():
    from newsevents.models import Article
    from newsevents.scale import iter_partitions

    arts = [Article(id="a1", text="Rebels attacked the town.")]
    plain, = iter_partitions(arts, 4)
    learned, = iter_partitions(arts, 4, learned=True)
    assert plain.fingerprint != learned.fingerprint  # (a rerun with the other setting codes it again)


def test_without_dask_a_clear_message(articles_file, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    status, err = _run(articles_file, "local:2", out=str(tmp_path / "out"))
    assert status == 2
    assert DASK_HINT in err and "--cluster needs Dask" in err


def test_parquet_and_db_equal_in_process_coding(articles_file, reference, cluster, tmp_path):
    lc, _ = cluster
    out, db = tmp_path / "out", tmp_path / "ev.db"
    status, err = _run(articles_file, lc.scheduler_address, out=str(out), db=str(db), partition_size=4)
    assert status == 0, err
    assert "36 articles coded" in err and "9 partitions" in err
    assert sorted(p.name for p in out.glob("part-*.parquet")) == [f"part-{i:05d}.parquet" for i in range(9)]
    markers = sorted(out.glob("_part-*.done.json"))
    assert len(markers) == 9
    assert sum(json.loads(m.read_text())["events"] for m in markers) == len(reference)
    assert not list(out.glob(".*tmp*")), "temporary files left behind"
    assert sorted(_parquet_ids(out)) == reference
    assert sorted(_db_ids(db)) == reference
    # the folder reads as one dataset (markers and temporary names are ignored)
    import pyarrow.dataset as ds

    assert ds.dataset(str(out), format="parquet").count_rows() == len(reference)


def test_jsonl_to_stdout_in_input_order(articles_file, reference, cluster, coder):
    lc, _ = cluster
    buf = io.StringIO()
    err = io.StringIO()
    status = run_cluster(inputs=[str(articles_file)], cluster=lc.scheduler_address, out=None, fmt="jsonl", db=None,
                         model=None, batch_size=4, partition_size=5, stdout=buf, stderr=err)
    assert status == 0, err.getvalue()
    got = [json.loads(line)["event_id"] for line in buf.getvalue().splitlines()]
    from newsevents.read import read_inputs

    expected = [ev.event_id for _, evs in coder.code_articles(read_inputs([str(articles_file)])) for ev in evs]
    assert got == expected


def test_resume_parquet_skips_done_partitions(articles_file, reference, cluster, tmp_path):
    lc, _ = cluster
    out = tmp_path / "out"
    assert _run(articles_file, lc.scheduler_address, out=str(out), partition_size=4)[0] == 0
    status, err = _run(articles_file, lc.scheduler_address, out=str(out), partition_size=4)
    assert status == 0 and "0 articles coded" in err and "9 already done" in err
    # a run stopped between a file and its marker: that partition alone is coded again
    (out / "_part-00003.done.json").unlink()
    (out / "part-00003.parquet").write_bytes(b"truncated")
    status, err = _run(articles_file, lc.scheduler_address, out=str(out), partition_size=4)
    assert status == 0 and "4 articles coded" in err and "8 already done" in err
    assert sorted(_parquet_ids(out)) == reference
    # --force codes everything again, without duplicating anything
    status, err = _run(articles_file, lc.scheduler_address, out=str(out), partition_size=4, force=True)
    assert status == 0 and "36 articles coded" in err
    assert sorted(_parquet_ids(out)) == reference


def test_resume_db_codes_only_new_or_changed(articles_file, reference, cluster, tmp_path):
    lc, _ = cluster
    db = tmp_path / "ev.db"
    assert _run(articles_file, lc.scheduler_address, db=str(db), fmt="jsonl", partition_size=4)[0] == 0
    status, err = _run(articles_file, lc.scheduler_address, db=str(db), fmt="jsonl", partition_size=4)
    assert status == 0 and "0 articles coded" in err and "36 unchanged" in err
    lines = articles_file.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[0])
    rec["text"] += " Germany criticized France on Tuesday."
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([json.dumps(rec)] + lines[1:]) + "\n", encoding="utf-8")
    status, err = _run(changed, lc.scheduler_address, db=str(db), fmt="jsonl", partition_size=4)
    assert status == 0 and "1 article coded" in err and "35 unchanged" in err
    ids = _db_ids(db)
    assert len(ids) == len(set(ids))


def test_killed_worker_costs_only_a_retry(articles_file, reference, cluster, tmp_path):
    """SIGKILL the busy worker once the first partition is written: output complete, no duplicates."""
    lc, client = cluster
    out, db = tmp_path / "out", tmp_path / "ev.db"
    killed: dict = {}
    finished = threading.Event()

    def killer():
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not finished.is_set():
            if list(out.glob("_part-*.done.json")):
                busy = [w for w, tasks in client.processing().items() if tasks]
                if busy:
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                    killed.update(worker=busy[0], pid=pid, tasks=len(client.processing()[busy[0]]))
                    os.kill(pid, signal.SIGKILL)
                    return
            time.sleep(0.01)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    status, err = _run(articles_file, lc.scheduler_address, out=str(out), db=str(db), partition_size=1,
                       max_in_flight=6)
    finished.set()
    t.join(5)
    assert killed, "the run ended before a worker could be killed"
    assert killed["tasks"] >= 1
    with pytest.raises(ProcessLookupError):
        os.kill(killed["pid"], 0)
    assert status == 0, err
    assert "36 articles coded" in err
    ids = _parquet_ids(out)
    assert not [i for i, n in Counter(ids).items() if n > 1], "duplicate event_ids in the Parquet output"
    assert sorted(ids) == reference
    dbids = _db_ids(db)
    assert len(dbids) == len(set(dbids)) and sorted(dbids) == reference
    assert len(list(out.glob("part-*.parquet"))) == 36
