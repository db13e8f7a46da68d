"""The CLI as a user runs it: real subprocesses of `python -m communique`."""

import json
from pathlib import Path

import jsonschema
import pytest

from communique.document import document_schema
from support import SHARED, run_cli

pytestmark = pytest.mark.slow

ARTICLE = ("date 2025-06-24 Allies gather in The Hague: NATO leaders met in The Hague on "
           "Tuesday for a two-day summit focused on defence spending and support for Ukraine.\n\n"
           "The Hague:\n\n\"We will stand together,\" said NATO Secretary General Mark Rutte.\n")


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "hague.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_ingest_list_show_stats(article_file, db):
    result = run_cli("ingest", str(article_file), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "1 ingested" in result.stdout and "0 rejected" in result.stdout
    listing = json.loads(run_cli("articles", "--db", db, "--json").stdout)
    assert [(a["date"], a["dateline"], a["title"]) for a in listing] == [
        ("2025-06-24", "The Hague", "Allies gather in The Hague")]
    shown = run_cli("show", listing[0]["id"], "--db", db)
    assert shown.returncode == 0 and "Mark Rutte" in shown.stdout and "PERSON" in shown.stdout
    stats = json.loads(run_cli("stats", "--db", db, "--json").stdout)
    assert stats["articles"] == 1 and stats["mentions"] > 0
    csv_out = run_cli("articles", "--db", db, "--csv").stdout.splitlines()
    assert csv_out[0] == "id,date,dateline,title,source" and len(csv_out) == 2


def test_cli_ingest_exits_3_and_names_each_broken_line(tmp_path, db):
    good = [json.dumps({"id": f"g{i}", "date": "2025-01-0" + str(i + 1), "text": f"Good {i}."})
            for i in range(5)]
    bad = ["{not json", json.dumps({"id": "b", "date": "2025-13-40", "text": "x"}),
           json.dumps({"id": "c", "text": ""}), json.dumps([1, 2]), json.dumps({"id": "e"})]
    lines = [x for pair in zip(good, bad, strict=True) for x in pair]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("ingest", str(path), "--db", db)
    assert result.returncode == 3
    assert "5 ingested" in result.stdout and "5 rejected" in result.stdout
    for number in (2, 4, 6, 8, 10):
        assert f"{path}:{number}: " in result.stderr
    listed = json.loads(run_cli("rejects", "--db", db, "--json").stdout)
    assert sorted(r["line"] for r in listed) == [2, 4, 6, 8, 10]


def test_cli_process_prints_valid_document_json(article_file):
    result = run_cli("process", str(article_file))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, document_schema())
    assert data["article"]["dateline"] == "The Hague"


def test_cli_process_reads_stdin_with_date():
    result = run_cli("process", "-", "--date", "2025-09-04", "--compact",
                     stdin=b"Putin said he is ready to meet Zelenskyy in Moscow.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["article"]["date"] == "2025-09-04"


def test_cli_errors_are_one_line_with_exit_1(tmp_path):
    result = run_cli("articles", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert result.stderr.startswith("communique: error:") and result.stderr.count("\n") == 1
    missing = run_cli("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.duckdb"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_cli_bad_field_mapping_is_explained(tmp_path, db):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "x"}\n')
    result = run_cli("ingest", str(path), "--db", db, "--field", "when=published")
    assert result.returncode == 1 and "--field date=published" in result.stderr


@pytest.mark.skipif(not (SHARED / "seed").exists(), reason="../shared is not present")
def test_cli_seed_article_acceptance(db):
    seed = str(SHARED / "seed" / "000_b3393c7033fbc698.txt")
    assert run_cli("ingest", seed, "--db", db).returncode == 0
    (row,) = json.loads(run_cli("articles", "--db", db, "--json").stdout)
    assert row["date"] == "2025-09-04" and row["dateline"] == "Paris"
    assert row["title"].startswith("Zelenskyy meets European allies in Paris")
    data = json.loads(run_cli("process", seed).stdout)
    jsonschema.validate(data, document_schema())
