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


def test_every_sample_document_meets_the_contract(nlp):
    """The JSON Schema, and every span's offsets against the text, on all demo articles."""
    import jsonschema

    from communique.document import document_schema
    from communique.ingest import read_articles
    from communique.pipeline import process_articles
    from communique.records import Article

    articles = [a for a in read_articles([str(ROOT / "samples")]) if isinstance(a, Article)]
    assert len(articles) >= 20
    for doc in process_articles(articles):
        data = doc.to_dict()
        jsonschema.validate(data, document_schema())
        text = data["article"]["text"]
        spans = [m for a in data["actors"] for m in a["mentions"]] + data["quotes"] + data["dates"]
        spans += [e[k] for e in data["events"] for k in ("evidence", "trigger")]
        spans += [e[k] for e in data["events"] for k in ("source", "target") if e[k]]
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"], span
