"""The command line with --cluster local:N (its own LocalCluster)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsevents.cli import main

pytestmark = pytest.mark.slow


def test_code_cluster_local_to_parquet_dir(articles_file, reference, tmp_path):
    import pyarrow.dataset as ds

    out = tmp_path / "events"
    res = CliRunner().invoke(main, ["code", str(articles_file), "--cluster", "local:1", "-o", str(out),
                                    "--format", "parquet", "--batch-size", "12"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.glob("part-*.parquet")) == ["part-00000.parquet", "part-00001.parquet",
                                                                  "part-00002.parquet"]
    ids = ds.dataset(str(out), format="parquet").to_table(columns=["event_id"]).column("event_id").to_pylist()
    assert sorted(ids) == reference


def test_code_cluster_bad_address_is_one_line(articles_file, tmp_path):
    res = CliRunner().invoke(main, ["code", str(articles_file), "--cluster", "bogus", "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 2
    assert "scheduler address" in res.output
