"""End to end over the bundled demo articles, as `make demo` runs them."""

import json

import pytest

from support import ROOT, run_cli

pytestmark = pytest.mark.slow


def test_demo_samples_ingest_end_to_end(tmp_path):
    db = str(tmp_path / "demo.duckdb")
    result = run_cli("ingest", str(ROOT / "samples"), "--db", db)
    assert result.returncode == 0, result.stderr
    stats = json.loads(run_cli("stats", "--db", db, "--json").stdout)
    assert stats["articles"] >= 20 and stats["undated"] == 0 and stats["rejects"] == 0
    articles = json.loads(run_cli("articles", "--db", db, "--json", "--limit", "100").stdout)
    assert all(a["date"].startswith("2025-") for a in articles)
    assert sum(1 for a in articles if a["dateline"]) >= 5
    people = json.loads(run_cli("actors", "--db", db, "--kind", "person", "--json").stdout)
    names = {p["name"] for p in people}
    assert {"Volodymyr Zelenskyy", "Vladimir Putin", "Donald Trump"} <= names
    again = run_cli("ingest", str(ROOT / "samples"), "--db", db)
    assert f"{stats['articles']} already stored" in again.stdout
