"""Every export loads in pandas and in DuckDB with its documented columns (fast: over the
hand-made database, whose events are known: see tests/api/corpus.py)."""

import datetime as dt
import json
import re

import duckdb
import pandas as pd
import pytest

from communique.export import (
    EVENT_COLUMNS,
    FORMATS,
    GDELT_COLUMNS,
    POLECAT_COLUMNS,
    ExportError,
    export,
)
from communique.store import open_store
from support import ROOT, run_cli

DOCS = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def exported(hand_db, tmp_path_factory):
    """Each format written once: {format: (path, count)}."""
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    with open_store(hand_db, read_only=True) as store:
        for fmt in FORMATS:
            path = folder / f"out.{fmt}"
            out[fmt] = (path, export(store, fmt, path))
    return out


def read_pandas(fmt, path):
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    if fmt == "csv":
        return pd.read_csv(path, keep_default_na=False)
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "gdelt":
        return pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str,
                           keep_default_na=False, quoting=3)
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)


def read_duckdb(fmt, path):
    con = duckdb.connect()
    if fmt == "jsonl":
        rel = con.sql("SELECT * FROM read_json_auto(?, format='newline_delimited')", params=[str(path)])
    elif fmt == "csv":
        rel = con.sql("SELECT * FROM read_csv(?, header=true)", params=[str(path)])
    elif fmt == "parquet":
        rel = con.sql("SELECT * FROM read_parquet(?)", params=[str(path)])
    elif fmt == "gdelt":
        columns = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_COLUMNS) + "}"
        rel = con.sql(f"SELECT * FROM read_csv(?, delim='\t', header=false, quote='', "
                      f"escape='', columns={columns})", params=[str(path)])
    else:
        rel = con.sql("SELECT * FROM read_csv(?, delim='\t', header=true, quote='', escape='', "
                      "all_varchar=true)", params=[str(path)])
    return rel.columns, rel.fetchall()


EXPECTED_COLUMNS = {
    "jsonl": ["article", "sentences", "mentions", "actors", "events", "quotes", "dates", "pipeline"],
    "csv": list(EVENT_COLUMNS), "parquet": list(EVENT_COLUMNS), "gdelt": list(GDELT_COLUMNS),
    "polecat": list(POLECAT_COLUMNS),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_loads_in_pandas_and_duckdb_with_the_documented_columns(exported, fmt):
    path, count = exported[fmt]
    assert count == (2 if fmt == "jsonl" else 3)
    frame = read_pandas(fmt, path)
    assert list(frame.columns) == EXPECTED_COLUMNS[fmt]
    assert len(frame) == count
    columns, rows = read_duckdb(fmt, path)
    assert columns == EXPECTED_COLUMNS[fmt] and len(rows) == count


def test_gdelt_has_61_tab_separated_fields_a_line_and_no_header(exported):
    lines = exported["gdelt"][0].read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")


def test_every_column_of_every_format_is_documented():
    cells = set(re.findall(r"^\| `([^`]+)` \|", DOCS, re.M))
    for columns in (EVENT_COLUMNS, GDELT_COLUMNS, POLECAT_COLUMNS):
        missing = [c for c in columns if c not in cells]
        assert missing == [], missing


def test_events_table_values(exported):
    frame = pd.read_parquet(exported["parquet"][0]).set_index("event_id")
    assault = frame.loc["e-assault"]
    assert (assault["source_party"], assault["target_party"], assault["type"]) == ("RUS", "UKR", "ASSAULT")
    assert (assault["quad_class"], assault["intensity"], assault["cameo"]) == (4, -9.0, "190")
    assert assault["date"] == dt.date(2025, 3, 10) and assault["article_date"] == dt.date(2025, 3, 11)
    assert assault["evidence"] == "Russia attacked Ukraine overnight."
    assert assault["place"] == "Kyiv" and assault["article_url"] == "https://example.org/attack"
    assert frame.loc["e-sanction", "source_name"] == "European Union"


def test_csv_keeps_quotes_backslashes_and_markup_intact(exported, hand_db):
    frame = pd.read_csv(exported["csv"][0], keep_default_na=False).set_index("event_id")
    with open_store(hand_db, read_only=True) as store:
        text = store.article("h-markup").text
    assert frame.loc["e-accuse", "evidence"] == text  # the whole text is its evidence


def test_gdelt_values(exported):
    frame = read_pandas("gdelt", exported["gdelt"][0])
    row = frame[frame.EventCode == "190"].iloc[0]
    assert (row.SQLDATE, row.MonthYear, row.Year, row.FractionDate) == ("20250310", "202503", "2025", "2025.274")
    assert (row.Actor1Code, row.Actor1Name, row.Actor1CountryCode) == ("RUS", "RUSSIA", "RUS")
    assert (row.Actor2Code, row.Actor2CountryCode) == ("UKR", "UKR")
    assert (row.EventBaseCode, row.EventRootCode, row.QuadClass, row.GoldsteinScale) == ("190", "19", "4", "-9.0")
    assert (row.IsRootEvent, row.NumMentions, row.NumSources, row.NumArticles) == ("1", "1", "1", "1")
    assert row.ActionGeo_FullName == "Kyiv" and row.SOURCEURL == "https://example.org/attack"
    assert row.AvgTone == "" and row.Actor1Geo_Lat == ""
    assert (row.ActionGeo_Type, row.ActionGeo_Lat, row.ActionGeo_FeatureID) == ("4", "50.45466", "703448")
    assert row.ActionGeo_CountryCode == ""  # GDELT's are FIPS codes
    assert re.fullmatch(r"\d{14}", row.DATEADDED)
    sanction = frame[frame.EventCode == "163"].iloc[0]
    assert sanction.IsRootEvent == "0"  # in the second paragraph
    assert (sanction.Actor1Code, sanction.Actor1CountryCode, sanction.Actor1KnownGroupCode,
            sanction.Actor1Type1Code) == ("IGOEU", "", "EU", "IGO")
    assert len(set(frame.GLOBALEVENTID)) == 3 and all(v.isdigit() for v in frame.GLOBALEVENTID)


def test_polecat_values(exported):
    frame = read_pandas("polecat", exported["polecat"][0]).set_index("Event ID")
    row = frame.loc["e-assault"]
    assert (row["Event Date"], row["Event Type"], row["Event Intensity"], row["Quad Code"]) == (
        "2025-03-10", "ASSAULT", "-9.0", "4")
    assert (row["Actor Name"], row["Actor Country"], row["Recipient Name"], row["Recipient Country"]) == (
        "Russia", "RUS", "Ukraine", "UKR")
    assert (row["Placename"], row["Raw Placename"], row["Publication Date"]) == ("Kyiv", "Kyiv", "2025-03-11")
    assert (row["City"], row["Country"], row["Latitude"], row["Longitude"], row["GeoNames ID"]) == (
        "Kyiv", "UKR", "50.45466", "30.5238", "703448")
    assert frame.loc["e-sanction", "Country"] == ""  # no place: nothing resolved
    assert (row["Contexts"], frame.loc["e-sanction", "Contexts"]) == ("military", "")
    assert row["Story People"] == "Volodymyr Zelenskyy"
    assert row["Story Organizations"] == "European Union"
    assert set(row["Story Locations"].split("; ")) == {"Russia", "Ukraine"}
    assert (row["Source"], row["Language"], row["Actor COW"]) == ("Hand Wire", "en", "")


def test_jsonl_is_the_document_json(exported, hand_db):
    lines = exported["jsonl"][0].read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["article"]["id"] for d in docs] == ["h-attack", "h-markup"]  # oldest first
    with open_store(hand_db, read_only=True) as store:
        assert docs[0] == store.document("h-attack").to_dict()


def test_dates_select_events_by_their_day_and_articles_by_theirs(hand_db, tmp_path):
    with open_store(hand_db, read_only=True) as store:
        assert export(store, "csv", tmp_path / "a.csv", since=dt.date(2025, 3, 11)) == 2
        assert set(pd.read_csv(tmp_path / "a.csv").event_id) == {"e-sanction", "e-accuse"}
        assert export(store, "gdelt", tmp_path / "b.tsv", until=dt.date(2025, 3, 10)) == 1
        assert export(store, "jsonl", tmp_path / "c.jsonl", until=dt.date(2025, 3, 31)) == 1
        assert export(store, "polecat", tmp_path / "d.tsv", since=dt.date(2030, 1, 1)) == 0
    assert (tmp_path / "d.tsv").read_text().splitlines() == ["\t".join(POLECAT_COLUMNS)]


def test_bad_requests_write_nothing(hand_db, tmp_path):
    with open_store(hand_db, read_only=True) as store:
        with pytest.raises(ExportError, match="unknown export format"):
            export(store, "xml", tmp_path / "out.xml")
        with pytest.raises(ExportError, match="folder"):
            export(store, "csv", tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_export_command(hand_db, tmp_path):
    out = tmp_path / "events.tsv"
    result = run_cli("export", "--format", "gdelt", "--db", hand_db, str(out))
    assert result.returncode == 0, result.stderr
    assert "3 events (clusters)" in result.stderr and len(out.read_text().splitlines()) == 3
    result = run_cli("export", "--db", hand_db, "--since", "2025-03-31", str(tmp_path / "e.parquet"))
    assert result.returncode == 0 and "1 events" in result.stderr
    result = run_cli("export", "--db", hand_db, str(tmp_path / "events.xml"))
    assert result.returncode == 2 and "--format" in result.stderr


@pytest.mark.slow
def test_corpus_exports_agree_with_the_store(corpus_db, tmp_path):
    with open_store(corpus_db, read_only=True) as store:
        events = store._count("events")
        clusters = store.con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0]
        assert export(store, "parquet", tmp_path / "e.parquet") == events
        assert export(store, "gdelt", tmp_path / "g.tsv") == clusters
        assert export(store, "polecat", tmp_path / "p.tsv") == events
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert frame.evidence.str.len().min() > 0 and frame.type.notna().all()
