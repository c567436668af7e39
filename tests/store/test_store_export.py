"""Exports: jsonl / csv / parquet written and read back with the same values."""
from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.export import (
    CSV_COLUMNS,
    FORMATS,
    PARQUET_COLUMNS,
    guess_format,
    parquet_schema,
    write_events,
)
from newsevents.models import EVENT_FIELDS

from .store_samples import corpus


def records():
    return [ev.to_dict() for _, evs in corpus() for ev in evs]


def csv_view(value):
    """CSV cannot tell an empty string from null: both are an empty cell."""
    if isinstance(value, dict):
        return {k: csv_view(v) for k, v in value.items()}
    return None if value == "" else value


def unflatten_csv_row(row: dict[str, str]) -> dict:
    """Rebuild a record from a CSV row, with the types of the record."""
    ints = {"sentence_index", "start", "end", "geonameid"}
    floats = {"confidence", "lat", "lon"}
    lists = {"members", "context", "trace"}

    def typed(key: str, value: str):
        leaf = key.rsplit(".", 1)[-1]
        if value == "":
            return [] if leaf in lists else None
        if leaf in ints:
            return int(value)
        if leaf in floats:
            return float(value)
        if leaf in lists:
            return json.loads(value)
        if leaf == "negated":
            return {"true": True, "false": False}[value]
        return value

    rec: dict = {}
    for key, value in row.items():
        if "." in key:
            top, sub = key.split(".", 1)
            rec.setdefault(top, {})[sub] = typed(key, value)
        else:
            rec[key] = typed(key, value)
    for top in ("source", "target", "plover", "location"):
        marker = {"source": "text", "target": "text", "plover": "context", "location": "name"}[top]
        if row[f"{top}.{marker}"] == "" and all(
            row[k] == "" for k in row if k.startswith(top + ".")
        ):
            rec[top] = None
    return {k: rec[k] for k in EVENT_FIELDS}


def test_jsonl_round_trip(tmp_path):
    out = tmp_path / "e.jsonl"
    assert write_events(iter(records()), str(out), "jsonl") == 5
    text = out.read_text(encoding="utf-8")
    assert "café société" in text  # ensure_ascii=False
    got = [json.loads(line) for line in text.splitlines()]
    assert got == records()
    assert [list(r) for r in got] == [list(EVENT_FIELDS)] * 5


def test_csv_round_trip(tmp_path):
    out = tmp_path / "e.csv"
    assert write_events(records(), out, "csv") == 5
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == CSV_COLUMNS
        rows = list(reader)
    for col in ("source.name", "plover.type", "trigger.start", "location.lat"):
        assert col in CSV_COLUMNS
    assert rows[0]["source.members"] == '["Vladimir Putin"]'
    assert rows[0]["negated"] == "false" and rows[2]["negated"] == "true"
    assert rows[4]["source.name"] == "" and rows[4]["plover.type"] == ""
    # c1's bare event: null actors/place/plover are empty cells
    got = [unflatten_csv_row(r) for r in rows]
    assert got == [csv_view(r) for r in records()]


def test_csv_header_written_for_no_records(tmp_path):
    out = tmp_path / "empty.csv"
    assert write_events([], out, "csv") == 0
    assert out.read_text().splitlines() == [",".join(CSV_COLUMNS)]


def unflatten_parquet_row(row: dict) -> dict:
    """Rebuild a record from a flat Parquet row (``source_country`` → ``source.country``)."""
    flat = {CSV_COLUMNS[i]: v for i, v in enumerate(row[c] for c in PARQUET_COLUMNS)}
    rec: dict = {}
    for key, value in flat.items():
        if "." in key:
            top, sub = key.split(".", 1)
            rec.setdefault(top, {})[sub] = value
        else:
            rec[key] = value
    if rec["date"] is not None:  # a date type: back to the record's text at its precision
        width = {"month": 7, "year": 4}.get(rec["date_precision"], 10)
        rec["date"] = rec["date"].isoformat()[:width]
    for top in ("source", "target", "plover", "trigger", "location"):
        if all(v is None for v in rec[top].values()):
            rec[top] = None
    return rec


def test_parquet_round_trip_is_flat_and_typed(tmp_path):
    out = tmp_path / "e.parquet"
    assert write_events(records(), out, "parquet") == 5
    table = pq.read_table(out)
    assert table.schema == parquet_schema()
    assert not any(pa.types.is_struct(f.type) for f in table.schema)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("source_country").type == pa.string()
    assert table.schema.field("trigger_start").type == pa.int64()
    assert [unflatten_parquet_row(r) for r in table.to_pylist()] == records()


def test_parquet_loads_in_pandas_with_flat_columns_and_a_date_dtype(tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "e.parquet"
    write_events(records(), out, "parquet")
    df = pd.read_parquet(out, dtype_backend="pyarrow")
    assert list(df.columns) == list(PARQUET_COLUMNS)
    assert {"source_country", "target_country", "plover_type", "location_lat",
            "date_precision"} <= set(df.columns)
    assert str(df["date"].dtype).startswith("date32")
    assert str(df["confidence"].dtype).startswith("double")
    plain = pd.read_parquet(out)  # default dtypes: no dict (struct) column anywhere
    assert not any(isinstance(v, dict) for col in plain.columns for v in plain[col])
    dated = pd.to_datetime(plain["date"])
    assert str(dated.dtype).startswith("datetime64")
    assert dated.notna().sum() == sum(1 for r in records() if r["date"])


def test_parquet_empty_and_all_null_actors_keep_the_schema(tmp_path):
    empty = tmp_path / "empty.parquet"
    assert write_events([], empty, "parquet") == 0
    t = pq.read_table(empty)
    assert t.num_rows == 0 and t.schema == parquet_schema()
    nulls = tmp_path / "nulls.parquet"
    bare = [r for r in records() if r["source"] is None]
    write_events(bare, nulls, "parquet")
    t = pq.read_table(nulls)
    assert t.schema == parquet_schema()
    assert [unflatten_parquet_row(r) for r in t.to_pylist()] == bare


def test_parquet_row_groups(tmp_path, monkeypatch):
    import newsevents.export as export

    monkeypatch.setattr(export, "PARQUET_ROW_GROUP", 2)
    out = tmp_path / "g.parquet"
    assert write_events(records(), out, "parquet") == 5
    assert pq.ParquetFile(out).num_row_groups == 3
    assert [unflatten_parquet_row(r) for r in pq.read_table(out).to_pylist()] == records()


def test_events_and_generators_are_accepted(tmp_path):
    evs = (ev for _, es in corpus() for ev in es)  # Event objects, a one-shot generator
    out = tmp_path / "e.jsonl"
    assert write_events(evs, out, "jsonl") == 5
    assert [json.loads(x) for x in out.read_text().splitlines()] == records()


@pytest.mark.parametrize("out", [None, "-"])
def test_jsonl_and_csv_to_stdout(capsys, out):
    assert write_events(records(), out, "jsonl") == 5
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x) for x in lines] == records()
    assert write_events(records(), out, "csv") == 5
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [unflatten_csv_row(r) for r in rows] == [csv_view(r) for r in records()]


def test_parquet_to_stdout(capsysbinary):
    assert write_events(records(), None, "parquet") == 5
    data = capsysbinary.readouterr().out
    assert data[:4] == b"PAR1"
    rows = pq.read_table(pa.BufferReader(data)).to_pylist()
    assert [unflatten_parquet_row(r) for r in rows] == records()


def test_store_to_file_streams_the_stored_records(filled, tmp_path):
    out = tmp_path / "all.jsonl"
    assert write_events(filled.iter_events(country="RUS"), out, "jsonl") == 2
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert all(r.pop("cluster_id").startswith("c-") for r in got)  # clustered when saved
    assert got == [{k: v for k, v in r.items() if k != "cluster_id"} for r in records() if "RUS" in (
        (r["source"] or {}).get("country"), (r["target"] or {}).get("country"))]


def test_guess_format():
    assert guess_format("x/events.JSONL") == "jsonl"
    assert guess_format("e.ndjson") == "jsonl"
    assert guess_format("e.csv") == "csv"
    assert guess_format("e.parquet") == "parquet"
    assert guess_format(None) == "jsonl" and guess_format("-") == "jsonl"
    with pytest.raises(ValueError, match="jsonl, csv, parquet"):
        guess_format("events.xlsx")


def test_unknown_format_names_the_accepted_ones(tmp_path):
    with pytest.raises(ValueError) as err:
        write_events(records(), tmp_path / "e.out", "xml")
    assert all(f in str(err.value) for f in FORMATS)
    assert not (tmp_path / "e.out").exists()
    # no fmt: guessed from the file name
    assert write_events(records(), tmp_path / "g.csv", None) == 5
    assert (tmp_path / "g.csv").read_text().startswith("schema_version,event_id")
