"""Write public event records (``Event.to_dict()``) as JSON Lines, CSV or Parquet.

- ``jsonl``: one record a line, UTF-8, ``ensure_ascii=False``; streamed.
- ``csv``: one flat column per leaf, dotted names (``source.name``, ``plover.type``,
  ``trigger.start``); lists as JSON text, booleans ``true``/``false``, null as an
  empty cell; the header is always written; streamed.
- ``parquet``: nested structs kept as structs under an explicit schema
  (``PARQUET_SCHEMA``), so an empty file or all-null actors still carry the right
  types; written in row groups of ``PARQUET_ROW_GROUP`` records.

``out`` None or ``"-"`` writes to standard output.
"""
from __future__ import annotations

import csv
import json
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
    if _to_stdout(out):
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(out, "w", encoding="utf-8", **open_kw) as fh:
            yield fh


def write_events(records: Iterable[Any], out: str | Path | None, fmt: str | None) -> int:
    """Write the records to ``out`` (a path; None or "-" for stdout) in ``fmt``.

    Returns how many records were written. ``fmt`` None guesses from ``out``.
    Records may be dicts or objects with ``to_dict()`` (``Event``).
    """
    name = _check_format(fmt, out)
    if name == "jsonl":
        return _write_jsonl(_records(records), out)
    if name == "csv":
        return _write_csv(_records(records), out)
    return _write_parquet(_records(records), out)


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


def _write_csv(records: Iterable[Mapping[str, Any]], out: str | Path | None) -> int:
    n = 0
    with _text_out(out, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        for rec in records:
            writer.writerow(flatten_record(rec))
            n += 1
    return n


# -------------------------------------------------------------------- parquet


def parquet_schema():
    """The explicit Arrow schema of a Parquet export."""
    import pyarrow as pa

    actor = pa.struct(
        [
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("name", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("code", pa.string()),
            ("members", pa.list_(pa.string())),
        ]
    )
    return pa.schema(
        [
            ("schema_version", pa.string()),
            ("event_id", pa.string()),
            ("article_id", pa.string()),
            ("sentence_index", pa.int64()),
            ("sentence", pa.string()),
            ("date", pa.string()),  # ISO date text, as in the record
            ("date_precision", pa.string()),
            ("source", actor),
            ("target", actor),
            ("cameo", pa.string()),
            (
                "plover",
                pa.struct(
                    [
                        ("type", pa.string()),
                        ("mode", pa.string()),
                        ("context", pa.list_(pa.string())),
                    ]
                ),
            ),
            (
                "trigger",
                pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]),
            ),
            (
                "location",
                pa.struct(
                    [
                        ("name", pa.string()),
                        ("country", pa.string()),
                        ("lat", pa.float64()),
                        ("lon", pa.float64()),
                        ("geonameid", pa.int64()),
                    ]
                ),
            ),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("confidence", pa.float64()),
            ("rule", pa.string()),
            ("trace", pa.list_(pa.string())),
            ("cluster_id", pa.string()),
        ]
    )


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
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    if _to_stdout(out):
        sys.stdout.buffer.flush()
    return n
