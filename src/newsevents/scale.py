"""Coding on a Dask cluster: ``newsevents code INPUT... --cluster local[:N] | tcp://HOST:8786``.

The client (the machine running the command) reads the inputs and cuts them into
partitions of ``partition_size`` articles (default: ``--batch-size``), in input order.
Each partition is one Dask task: a worker codes it with its own copy of the model, loaded
once per worker process (``CoderPlugin`` and a per-process cache), and sends back the
articles and their event records. The client writes each finished partition:

- ``-o DIR`` (``--format parquet``, or jsonl / csv): ``DIR/part-00000.parquet`` ... one
  file per partition, written to a temporary file and renamed, then a done-marker
  ``DIR/_part-00000.done.json`` (names starting with ``_`` or ``.`` are ignored by
  Parquet dataset readers) holding the fingerprint of the partition's articles;
- ``--db URL``: ``Store.save`` of the partition, in one transaction; re-saving an article
  replaces its events;
- neither: JSON Lines on standard output, in input order.

Failures and restarts:

- a worker that dies mid-task costs a retry: the scheduler reruns its tasks elsewhere
  (Dask's ``distributed.scheduler.allowed-failures``), and only a task's single result is
  ever written, so the output is complete and has no duplicates;
- a stopped run resumes: with ``--db`` the articles stored with the same content hash are
  not sent again (``Store.known_hashes``); with ``-o DIR`` a partition whose file and
  done-marker exist with the same fingerprint is skipped. ``--force`` codes everything.

Writing on the client keeps one writer per output (SQLite-safe, no shared file system
needed between the client and the workers: only the workers need newsevents and the model).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .errors import ArticleError, NewsEventsError, ReadError
from .models import Article

log = logging.getLogger("newsevents")

DASK_HINT = "pip install 'newsevents[dask]'"
PART_NAME = "part-{:05d}.{}"
DONE_NAME = "_part-{:05d}.done.json"
_PART_RE = re.compile(r"^_?part-(\d{5})\.")
FORMAT_EXT = {"parquet": "parquet", "jsonl": "jsonl", "csv": "csv"}


class ClusterError(NewsEventsError):
    """The Dask cluster cannot be used (not installed, unreachable, bad address)."""


# -- the worker side -----------------------------------------------------------------------

_CODERS: dict[tuple[str | None, bool], Any] = {}
_CODERS_LOCK = threading.Lock()


def worker_coder(model: str | None = None, learned: bool = False):
    """This process's ``Coder`` for ``model`` (with the learned check or not), loaded on first use
    (thread-safe)."""
    key = (model, learned)
    coder = _CODERS.get(key)
    if coder is None:
        with _CODERS_LOCK:
            coder = _CODERS.get(key)
            if coder is None:
                from .pipeline import Coder

                coder = _CODERS[key] = Coder.get(model, learned)
    return coder


def code_partition(articles: Sequence[Article], model: str | None, batch_size: int,
                   learned: bool = False) -> list[tuple[Article, list[dict] | ArticleError]]:
    """Code one partition (runs on a worker): (article, event records) in input order, or
    (article, ``ArticleError``) for an article whose parse or coding failed."""
    from .pipeline import _tasks

    coder = worker_coder(model, learned)
    out: list[tuple[Article, list[dict] | ArticleError]] = []
    # parsed a piece of at most ``pipeline.TASK_CHARS`` characters at a time, as ``--workers``
    # tasks are: a partition of long documents parsed together held hundreds of MB at once
    for piece in _tasks(articles, batch_size):
        out += [(art, res if isinstance(res, ArticleError) else [ev.to_dict() for ev in res])
                for art, res in coder.code_results(piece, batch_size=batch_size)]
    return out


def _plugin_class():
    from distributed.diagnostics.plugin import WorkerPlugin

    class CoderPlugin(WorkerPlugin):
        """Loads the model once in each worker process, when the worker starts (or joins)."""

        def __init__(self, model: str | None, learned: bool = False) -> None:
            self.model = model
            self.learned = learned
            self.name = f"newsevents-coder-{model or 'default'}{'-learned' if learned else ''}"

        async def setup(self, worker) -> None:  # pragma: no cover - runs in the worker
            import asyncio

            os.environ.setdefault("OMP_NUM_THREADS", "1")
            # off the event loop, so the worker keeps answering the scheduler meanwhile
            await asyncio.get_running_loop().run_in_executor(None, worker_coder, self.model, self.learned)

    return CoderPlugin


# -- partitions ----------------------------------------------------------------------------


@dataclass
class Partition:
    index: int
    articles: list[Article]
    fingerprint: str = ""

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = partition_fingerprint(self.articles)


def partition_fingerprint(articles: Iterable[Article], model: str | None = None, learned: bool = False) -> str:
    """What a partition's output depends on: its articles (ids and content), the model and
    whether the learned check ran."""
    h = hashlib.sha256()
    h.update(f"model={model or ''}\0".encode())
    if learned:
        h.update(b"learned\0")
    for art in articles:
        h.update(f"{art.id}\0{art.content_hash}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def iter_partitions(articles: Iterable[Article], size: int, model: str | None = None,
                    learned: bool = False) -> Iterator[Partition]:
    """Consecutive partitions of ``size`` articles, numbered from 0."""
    chunk: list[Article] = []
    index = 0
    for art in articles:
        chunk.append(art)
        if len(chunk) >= size:
            yield Partition(index, chunk, partition_fingerprint(chunk, model, learned))
            index += 1
            chunk = []
    if chunk:
        yield Partition(index, chunk, partition_fingerprint(chunk, model, learned))


# -- writing partitions --------------------------------------------------------------------


def _atomic_write(path: Path, write) -> None:
    """``write(tmp_path)`` then rename over ``path`` (same folder, so the rename is atomic)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class PartitionDir:
    """The ``-o DIR`` output: one file and one done-marker per partition."""

    def __init__(self, path: str | Path, fmt: str) -> None:
        self.path = Path(path)
        self.fmt = fmt
        if self.path.exists() and not self.path.is_dir():
            raise ClusterError(f"{self.path}: with --cluster, -o names a folder (one file per partition), "
                               "but this is a file")
        self.path.mkdir(parents=True, exist_ok=True)

    def data_path(self, index: int) -> Path:
        return self.path / PART_NAME.format(index, FORMAT_EXT[self.fmt])

    def done_path(self, index: int) -> Path:
        return self.path / DONE_NAME.format(index)

    def is_done(self, part: Partition) -> bool:
        try:
            marker = json.loads(self.done_path(part.index).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return (marker.get("fingerprint") == part.fingerprint and marker.get("format") == self.fmt
                and self.data_path(part.index).is_file())

    def write(self, part: Partition, records: list[dict]) -> None:
        from .export import write_events

        _atomic_write(self.data_path(part.index), lambda tmp: write_events(records, tmp, self.fmt))
        marker = {
            "partition": part.index,
            "fingerprint": part.fingerprint,
            "format": self.fmt,
            "file": self.data_path(part.index).name,
            "articles": len(part.articles),
            "events": len(records),
            "first_article": part.articles[0].id if part.articles else None,
            "last_article": part.articles[-1].id if part.articles else None,
            "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        _atomic_write(self.done_path(part.index),
                      lambda tmp: tmp.write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8"))

    def remove_beyond(self, count: int) -> int:
        """Delete partition files numbered ``count`` and up (left by a longer earlier run)."""
        removed = 0
        for p in self.path.iterdir():
            m = _PART_RE.match(p.name)
            if m and int(m.group(1)) >= count and p.is_file():
                p.unlink()
                removed += 1
        return removed


# -- the client ----------------------------------------------------------------------------


@dataclass
class RunStats:
    articles: int = 0
    events: int = 0
    partitions: int = 0
    partitions_done: int = 0  # skipped: already written by an earlier run
    unchanged: int = 0  # skipped: stored in --db with the same content
    read_errors: int = 0
    failed: list[str] = field(default_factory=list)
    failed_articles: int = 0  # an article whose parse or coding failed (reported, skipped)


def _import_dask():
    try:
        import distributed  # noqa: F401
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ClusterError(f"--cluster needs Dask, which is not installed ({exc}); install it with: {DASK_HINT}") from exc
    return Client, LocalCluster, as_completed


def parse_cluster(spec: str) -> tuple[str, int | str | None]:
    """``local`` / ``local:N`` → ("local", N or None); ``tcp://host:port`` (or host:port) → ("remote", address)."""
    spec = spec.strip()
    if spec == "local" or spec.startswith("local:"):
        _, _, n = spec.partition(":")
        if not n:
            return "local", None
        if not n.isdigit() or int(n) < 1:
            raise ClusterError(f"--cluster {spec!r}: expected local or local:N with N a number of workers ≥ 1")
        return "local", int(n)
    if re.match(r"^(tcp|tls|ucx|ws|wss|inproc)://", spec) or re.match(r"^[\w.\-\[\]:]+:\d+$", spec):
        return "remote", spec
    raise ClusterError(f"--cluster {spec!r}: expected local, local:N or a scheduler address such as tcp://HOST:8786")


def _connect(spec: str, *, memory_limit: str | None = None):
    """(client, cluster or None) for a ``--cluster`` value."""
    Client, LocalCluster, _ = _import_dask()
    kind, arg = parse_cluster(spec)
    if log.getEffectiveLevel() > logging.DEBUG:  # Dask's INFO chatter only with -vv
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.WARNING)
    if kind == "local":
        n = arg or max(1, os.cpu_count() or 1)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               memory_limit=memory_limit or "auto", silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(arg, timeout=os.environ.get("NEWSEVENTS_DASK_TIMEOUT", "30s")), None
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {arg}: {exc}") from exc


def run_cluster(*, inputs: Sequence[str], cluster: str, out: str | None, fmt: str | None, db: str | None,
                model: str | None, batch_size: int = 32, max_bytes: int = 20_000_000, force: bool = False,
                partition_size: int | None = None, max_in_flight: int | None = None,
                stdout=None, stderr=None, learned: bool = False, max_chars: int | None = None) -> int:
    """Code ``inputs`` on a Dask cluster; returns the exit status (0 ok, 1 some failures, 2 nothing done)."""
    err = stderr or sys.stderr
    try:
        return _run(inputs=inputs, cluster=cluster, out=out, fmt=fmt or "jsonl", db=db, model=model,
                    batch_size=batch_size, max_bytes=max_bytes, force=force,
                    partition_size=partition_size or batch_size, max_in_flight=max_in_flight,
                    stdout=stdout or sys.stdout, err=err, learned=learned, max_chars=max_chars)
    except NewsEventsError as exc:
        print(f"newsevents: error: {exc}", file=err)
        return 2


def _run(*, inputs, cluster, out, fmt, db, model, batch_size, max_bytes, force, partition_size, max_in_flight,
         stdout, err, learned=False, max_chars=None) -> int:
    from .read import DEFAULT_MAX_CHARS, read_inputs

    _, _, as_completed = _import_dask()  # fail before reading anything
    if fmt not in FORMAT_EXT:
        raise ClusterError(f"unknown output format {fmt!r}")
    if fmt == "parquet" and not out:
        raise ClusterError("--format parquet with --cluster needs -o DIR (one file per partition)")
    parts_dir = PartitionDir(out, fmt) if out and out != "-" else None
    store = None
    if db:
        from .store import Store

        store = Store(db)
    stats = RunStats()
    try:
        # With -o DIR every article belongs to a numbered partition, so that a rerun finds the same
        # partitions; without it, articles stored unchanged in --db are not even sent.
        known = store.known_hashes() if (store is not None and parts_dir is None and not force) else {}

        def articles() -> Iterator[Article]:
            for item in read_inputs(list(inputs), max_bytes=max_bytes, max_chars=max_chars or DEFAULT_MAX_CHARS):
                if isinstance(item, ReadError):
                    stats.read_errors += 1
                    print(f"newsevents: error: {item}", file=err)
                    continue
                if known and known.get(item.id) == item.content_hash:
                    stats.unchanged += 1
                    continue
                yield item

        conn: list = []  # (client, local cluster or None), made when a first partition needs coding

        def connect():
            if not conn:
                conn.append(_connect(cluster))
            return conn[0][0]

        try:
            _code_on(connect, as_completed, iter_partitions(articles(), partition_size, model, learned), parts_dir,
                     store, stdout if (parts_dir is None and store is None) else None, model, batch_size, force,
                     max_in_flight, stats, err, learned)
        finally:
            for client, local in conn:
                client.close()
                if local is not None:
                    local.close()
    finally:
        if store is not None:
            store.close()
    if parts_dir is not None and not stats.failed:
        parts_dir.remove_beyond(stats.partitions)
    from .progress import plural

    msg = (f"{plural(stats.articles, 'article')} coded, {plural(stats.events, 'event')}, "
           f"{plural(stats.partitions, 'partition')}")
    if stats.partitions_done:
        msg += f" ({stats.partitions_done} already done, skipped)"
    if stats.unchanged:
        msg += f", {plural(stats.unchanged, 'unchanged article')} skipped (--force codes them again)"
    if stats.read_errors:
        msg += f", {plural(stats.read_errors, 'input')} could not be read (see above)"
    if stats.failed_articles:
        msg += f", {plural(stats.failed_articles, 'article')} failed while coding (see above)"
    if stats.failed:
        msg += f", {plural(len(stats.failed), 'partition')} failed (see above; rerun to retry them)"
    print(f"newsevents: {msg}", file=err)
    return 1 if (stats.read_errors or stats.failed or stats.failed_articles) else 0


# How often a partition is submitted before it counts as failed.
MAX_ATTEMPTS = 3


def _code_on(connect, as_completed, partitions: Iterator[Partition], parts_dir: PartitionDir | None, store, stdout,
             model, batch_size, force, max_in_flight, stats: RunStats, err, learned: bool = False) -> None:
    client = None
    limit = 1
    ac = None
    running: dict[str, Partition] = {}
    ordered: dict[int, list[dict]] = {}  # stdout: finished partitions waiting for their turn
    next_out = 0

    def submit_more() -> None:
        nonlocal client, limit, ac
        while len(running) < limit:
            part = next(partitions, None)
            if part is None:
                return
            stats.partitions += 1
            if parts_dir is not None and not force and parts_dir.is_done(part):
                stats.partitions_done += 1
                if stdout is not None:
                    ordered[part.index] = []
                continue
            if client is None:
                client = connect()
                plugin = _plugin_class()(model, learned)
                client.register_plugin(plugin, name=plugin.name)
                n_workers = max(1, len(client.scheduler_info().get("workers", {})))
                limit = max_in_flight or 2 * n_workers + 2
                ac = as_completed()
            fut = client.submit(code_partition, part.articles, model, batch_size, learned,
                                key=f"newsevents-part-{part.index:05d}-{part.fingerprint[:16]}")
            running[fut.key] = part
            assert ac is not None  # (made with the client, just above)
            ac.add(fut)

    attempts: dict[int, int] = {}

    submit_more()
    for fut in ac if ac is not None else ():
        part = running.pop(fut.key)
        try:
            coded = fut.result()
        except Exception as exc:  # a coder bug, a task that killed workers too often, a lost worker
            fut.release()
            attempts[part.index] = attempts.get(part.index, 1) + 1
            if attempts[part.index] <= MAX_ATTEMPTS:  # the cluster's own retries may not cover a lost worker
                print(f"newsevents: partition {part.index} failed ({type(exc).__name__}: {exc}); "
                      f"trying again ({attempts[part.index]}/{MAX_ATTEMPTS})", file=err)
                assert client is not None and ac is not None
                retry = client.submit(code_partition, part.articles, model, batch_size, learned,
                                      key=f"newsevents-part-{part.index:05d}-{part.fingerprint[:16]}-"
                                          f"try{attempts[part.index]}")
                running[retry.key] = part
                ac.add(retry)
                continue
            stats.failed.append(str(part.index))
            print(f"newsevents: error: partition {part.index} (articles {part.articles[0].id} .. "
                  f"{part.articles[-1].id}) failed: {type(exc).__name__}: {exc}", file=err)
            submit_more()
            continue
        fut.release()
        for _, res in coded:
            if isinstance(res, ArticleError):
                stats.failed_articles += 1
                print(f"newsevents: error: {res}", file=err)
        coded = [(art, res) for art, res in coded if not isinstance(res, ArticleError)]
        records = [rec for _, recs in coded for rec in recs]
        if store is not None:
            store.save(coded)  # one transaction; re-saving replaces the articles' events
        if parts_dir is not None:
            parts_dir.write(part, records)
        stats.articles += len(coded)
        stats.events += len(records)
        if stdout is not None:
            ordered[part.index] = records
        while next_out in ordered:
            for rec in ordered.pop(next_out):
                stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            next_out += 1
        submit_more()
    if stdout is not None:
        for idx in sorted(ordered):
            for rec in ordered[idx]:
                stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        stdout.flush()
