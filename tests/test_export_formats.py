"""`newsevents export --format gdelt|icews`: the field's column layouts, loaded with pandas.

The column lists below are copied from the published codebooks (GDELT 2.0 Event Codebook;
ICEWS Coded Event Data, Dataverse doi:10.7910/DVN/28075), not from the package's data file,
so that a drift of the data file fails here.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.export_formats import columns, goldstein, quad_class
from newsevents.models import Article
from newsevents.store import Store

REWRITE = Path(__file__).resolve().parent / "data" / "seed-rewrite.txt"

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO] + ["DATEADDED", "SOURCEURL"]
)
_GDELT_INT = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
              "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
              "ActionGeo_Type", "DATEADDED"}
_GDELT_FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}
GDELT_DTYPES = {c: ("Int64" if c in _GDELT_INT else "float64" if c in _GDELT_FLOAT else "string")
                for c in GDELT_COLUMNS}

ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                 "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
                 "Target Country", "Story ID", "Sentence Number", "Publisher", "City",
                 "District", "Province", "Country", "Latitude", "Longitude"]
ICEWS_DTYPES = {c: "string" for c in ICEWS_COLUMNS}
ICEWS_DTYPES.update({"Event ID": "Int64", "Story ID": "Int64", "Sentence Number": "Int64",
                     "Intensity": "float64", "Latitude": "float64", "Longitude": "float64"})


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder, shared):
    """The seed article and a rewrite of it by another publisher, coded and stored."""
    path = tmp_path_factory.mktemp("formats") / "events.db"
    seed = Article(id="seed", text=(shared / "examples" / "seed-article.txt").read_text(),
                   published="2021-02-05", source="Palestine Chronicle",
                   url="https://www.palestinechronicle.com/hamas-delegation-moscow/")
    rewrite = Article(id="rewrite", text=REWRITE.read_text(), published="2021-02-06",
                      source="Levant Wire", url="https://levantwire.example/2021/02/hamas")
    with Store(path) as s:
        s.save([(a, coder.code_article(a)) for a in (seed, rewrite)])
        n_clusters = s.count_clusters()
    return path, n_clusters


def _export(db_path: Path, fmt: str, out: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db_path), "--format", fmt,
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output


def test_the_gdelt_export_loads_with_gdelts_column_list(db, tmp_path):
    path, n_clusters = db
    out = tmp_path / "events.gdelt.tsv"
    _export(path, "gdelt", out)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=GDELT_DTYPES,
                     quoting=3, keep_default_na=False, na_values=[""])
    assert df.shape == (n_clusters, 61)  # one row per event cluster
    assert [name for name, _ in columns("gdelt")] == GDELT_COLUMNS
    assert df["GLOBALEVENTID"].is_unique and df["GLOBALEVENTID"].notna().all()
    assert pd.to_datetime(df["SQLDATE"].astype(str), format="%Y%m%d").notna().all()
    assert pd.to_datetime(df["DATEADDED"].astype(str), format="%Y%m%d%H%M%S").notna().all()
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    assert df["QuadClass"].between(1, 4).all() and df["GoldsteinScale"].between(-10, 10).all()
    assert (df["NumMentions"] >= df["NumArticles"]).all() and (df["NumSources"] >= 1).all()
    # the Thursday meeting with Bogdanov: told by both publishers
    meeting = df[(df["SQLDATE"] == 20210204) & (df["EventRootCode"] == "04")
                 & df["Actor1Code"].str.startswith(("PSE", "RUS"))
                 & df["Actor2Code"].str.startswith(("PSE", "RUS"), na=False)]
    assert (meeting["NumArticles"] == 2).any() and (meeting["NumSources"] == 2).any()
    assert set(df["SOURCEURL"]) <= {"https://www.palestinechronicle.com/hamas-delegation-moscow/",
                                    "https://levantwire.example/2021/02/hamas"}
    assert df["ActionGeo_FullName"].eq("Moscow").any()


def test_the_icews_export_loads_with_icews_column_list(db, tmp_path):
    path, n_clusters = db
    out = tmp_path / "events.icews.tab"
    _export(path, "icews", out)
    df = pd.read_csv(out, sep="\t", dtype=ICEWS_DTYPES, quoting=3, keep_default_na=False,
                     na_values=[""])
    assert list(df.columns) == ICEWS_COLUMNS and len(df) == n_clusters
    assert pd.to_datetime(df["Event Date"], format="%Y-%m-%d").notna().all()
    assert df["Event ID"].is_unique
    assert df["CAMEO Code"].str.fullmatch(r"\d{2,4}").all()
    assert set(df["Publisher"]) <= {"Palestine Chronicle", "Levant Wire"}
    assert df["Event Text"].notna().all() and df["Intensity"].between(-10, 10).all()
    assert (df["Source Country"] == "Palestine").any()


def test_goldstein_and_quad_class_follow_the_published_tables():
    assert goldstein("042") == 1.9 and goldstein("046") == 7.0 and goldstein("1823") == -10.0
    assert goldstein("0429") == 1.9  # an unlisted code: its base code's value
    assert goldstein("190") == -10.0 and goldstein("99") is None
    assert [quad_class(c) for c in ("010", "061", "112", "190")] == [1, 2, 3, 4]
