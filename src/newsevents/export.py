"""Write public event records (``Event.to_dict()``) as JSON Lines, CSV or Parquet.

- ``jsonl``: one record a line, UTF-8, ``ensure_ascii=False``; streamed.
- ``csv``: one flat column per leaf, dotted names (``source.name``, ``plover.type``,
  ``trigger.start``); lists as JSON text, booleans ``true``/``false``, null as an
  empty cell; the header is always written; streamed.
- ``parquet``: the CSV's flat columns, typed, with ``_`` for ``.`` (``source_country``,
  ``plover_type``, ``trigger_start``); ``date`` a date type with ``date_precision``
  beside it; an explicit schema (``parquet_schema()``), so an empty file or all-null
  actors still carry the right types; row groups of ``PARQUET_ROW_GROUP`` records.

``out`` None or ``"-"`` writes to standard output.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .models import EVENT_FIELDS

FORMATS = ("jsonl", "csv", "parquet")
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
PARQUET_ROW_GROUP = 50_000

_ACTOR_KEYS = ("text", "start", "end", "name", "country", "sector", "code", "members")
_NESTED: dict[str, tuple[str, ...]] = {
    "source": _ACTOR_KEYS,
    "target": _ACTOR_KEYS,
    "plover": ("type", "mode", "context"),
    "trigger": ("text", "start", "end"),
    "location": ("name", "country", "lat", "lon", "geonameid"),
}
_TOP = EVENT_FIELDS
CSV_COLUMNS: tuple[str, ...] = tuple(
    col
    for top in _TOP
    for col in ([f"{top}.{sub}" for sub in _NESTED[top]] if top in _NESTED else [top])
)
"""The CSV header, in record order."""


def guess_format(path: str | Path | None) -> str:
    """The export format for a file name from its extension; stdout (None, "-") → jsonl."""
    if path is None or str(path) == "-":
        return "jsonl"
    suffix = Path(str(path)).suffix.lower()
    fmt = _EXTENSIONS.get(suffix)
    if fmt is None:
        raise ValueError(
            f"cannot tell the export format of {str(path)!r} from its extension; "
            f"accepted formats: {', '.join(FORMATS)} "
            f"(extensions {', '.join(_EXTENSIONS)})"
        )
    return fmt


def _check_format(fmt: str | None, out: str | Path | None) -> str:
    if fmt is None or fmt == "":
        return guess_format(out)
    name = str(fmt).strip().lower().lstrip(".")
    name = {"ndjson": "jsonl", "jsonlines": "jsonl", "pq": "parquet"}.get(name, name)
    if name not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; accepted formats: {', '.join(FORMATS)}")
    return name


def _records(records: Iterable[Any]) -> Iterator[Mapping[str, Any]]:
    for rec in records:
        yield rec.to_dict() if hasattr(rec, "to_dict") else rec


def _to_stdout(out: str | Path | None) -> bool:
    return out is None or str(out) == "-"


@contextmanager
def _text_out(out: str | Path | None, **open_kw: Any) -> Iterator[IO[str]]:
    if out is not None and not _to_stdout(out):
        with open(out, "w", encoding="utf-8", **open_kw) as fh:
            yield fh
    else:
        yield sys.stdout
        sys.stdout.flush()


def write_events(records: Iterable[Any], out: str | Path | None, fmt: str | None) -> int:
    """Write the records to ``out`` (a path; None or "-" for stdout) in ``fmt``.

    Returns how many records were written. ``fmt`` None guesses from ``out``.
    Records may be dicts or objects with ``to_dict()`` (``Event``).
    """
    name = _check_format(fmt, out)
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[name]
    if out is None or _to_stdout(out) or (os.path.exists(out) and not os.path.isfile(out)):  # /dev/stdout, a FIFO
        return writer(_records(records), out)
    with _replaced_when_done(Path(str(out))) as tmp:
        return writer(_records(records), tmp)


@contextmanager
def _replaced_when_done(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, renamed over it when the block ends without error and
    removed when it fails: an interrupted export never leaves half a file (nor a truncated
    previous one) at ``path``. An unwritable folder fails here, before anything is coded."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.open("wb").close()
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------------- jsonl


def _write_jsonl(records: Iterable[Mapping[str, Any]], out: str | Path | None) -> int:
    n = 0
    with _text_out(out) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False))
            fh.write("\n")
            n += 1
    return n


# ------------------------------------------------------------------------ csv


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def flatten_record(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One CSV row (``CSV_COLUMNS`` keys) for a record."""
    row: dict[str, Any] = {}
    for top in _TOP:
        value = rec.get(top)
        if top in _NESTED:
            for sub in _NESTED[top]:
                row[f"{top}.{sub}"] = _cell(value.get(sub) if value is not None else None)
        else:
            row[top] = _cell(value)
    return row


# A spreadsheet takes a cell starting with one of these as a formula ("=HYPERLINK(...)").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """``flatten_record`` with text cells that a spreadsheet would run as a formula quoted by
    a leading apostrophe (``=1+2`` → ``'=1+2``); numbers are left as they are."""
    row = flatten_record(rec)
    for key, value in row.items():
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            row[key] = "'" + value
    return row


def _write_csv(records: Iterable[Mapping[str, Any]], out: str | Path | None) -> int:
    n = 0
    with _text_out(out, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        for rec in records:
            writer.writerow(csv_row(rec))
            n += 1
    return n


# -------------------------------------------------------------------- parquet


_INT_LEAVES = {"sentence_index", "start", "end", "geonameid"}
_FLOAT_LEAVES = {"confidence", "lat", "lon"}
_LIST_LEAVES = {"members", "context", "trace"}
_BOOL_LEAVES = {"negated"}

PARQUET_COLUMNS: tuple[str, ...] = tuple(col.replace(".", "_") for col in CSV_COLUMNS)
"""The Parquet columns: the CSV's, with ``_`` for ``.`` (``source_country``)."""


def _arrow_type(column: str):
    import pyarrow as pa

    leaf = column.rsplit(".", 1)[-1]
    if column == "date":
        return pa.date32()
    if leaf in _INT_LEAVES:
        return pa.int64()
    if leaf in _FLOAT_LEAVES:
        return pa.float64()
    if leaf in _BOOL_LEAVES:
        return pa.bool_()
    if leaf in _LIST_LEAVES:
        return pa.list_(pa.string())
    return pa.string()


def parquet_schema():
    """The explicit Arrow schema of a Parquet export: one flat, typed column per leaf of
    the record (``source_country``, ``plover_type``, ``trigger_start`` …), ``date`` as a
    date (the first day of its month or year when ``date_precision`` says so), lists of
    strings for ``members`` / ``context``. No struct columns: pandas and R's arrow read
    it as plain columns."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(col)) for name, col in zip(PARQUET_COLUMNS, CSV_COLUMNS)])


def _as_date(value: Any) -> dt.date | None:
    """An ISO date, ``YYYY-MM`` or ``YYYY`` (the first day of the period), else None."""
    if not value:
        return None
    text = str(value)
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def flat_parquet_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One Parquet row (``PARQUET_COLUMNS`` keys, Python values of the column types)."""
    row: dict[str, Any] = {}
    for top in _TOP:
        value = rec.get(top)
        if top in _NESTED:
            for sub in _NESTED[top]:
                leaf = value.get(sub) if value is not None else None
                row[f"{top}_{sub}"] = _list_of_str(leaf) if sub in _LIST_LEAVES else leaf
        elif top == "date":
            row[top] = _as_date(value)
        elif top in _LIST_LEAVES:
            row[top] = _list_of_str(value)
        elif isinstance(value, (dict, list)):  # a structured field of a later schema
            row[top] = json.dumps(value, ensure_ascii=False)
        else:
            row[top] = value
    return row


def _list_of_str(value: Any) -> list[str] | None:
    if value is None:
        return None
    return [str(v) for v in value]


def parquet_table(records: Iterable[Mapping[str, Any]]):
    """An Arrow table of ``parquet_schema()`` from event records."""
    import pyarrow as pa

    schema = parquet_schema()
    return pa.Table.from_pylist([flat_parquet_row(r) for r in records], schema=schema)


def _write_parquet(records: Iterable[Mapping[str, Any]], out: str | Path | None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    if _to_stdout(out):
        sys.stdout.flush()
        sink: Any = pa.PythonFile(sys.stdout.buffer, mode="w")
    else:
        sink = str(out)
    n = 0
    with pq.ParquetWriter(sink, schema) as writer:
        chunk: list[Mapping[str, Any]] = []
        for rec in records:
            chunk.append(rec)
            if len(chunk) >= PARQUET_ROW_GROUP:
                writer.write_table(parquet_table(chunk))
                n += len(chunk)
                chunk = []
        if chunk:
            writer.write_table(parquet_table(chunk))
            n += len(chunk)
    if _to_stdout(out):
        sys.stdout.buffer.flush()
    return n
