"""Ingest end to end through the library: dedup, rejects, idempotence, resume."""

import json
import signal
import subprocess
import sys

import duckdb
import pytest

from communique.batch import ingest
from communique.store import open_store

pytestmark = pytest.mark.slow


def jsonl(path, records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")
    return str(path)


def test_ingest_counts_and_keeps_rejects(tmp_path, db, nlp):
    records = [
        {"id": "a", "date": "2025-01-01", "text": "Macron met Starmer in Paris on Monday."},
        {"id": "b", "date": None, "text": "Undated wire copy about NATO."},
        {"id": "c", "date": "2025-01-02", "text": "Macron met Starmer in Paris on Monday."},
        "{broken",
        {"id": "d", "date": "2025-02-31", "text": "Bad date."},
    ]
    path = jsonl(tmp_path / "in.jsonl", records)
    with open_store(db) as store:
        summary = ingest([path], store)
        stats = store.stats()
    assert (summary.read, summary.ingested, summary.duplicates, summary.undated,
            summary.rejected) == (3, 2, 1, 1, 2)
    assert [(r.line, r.reason.split(" ")[0]) for r in summary.rejects] == [(4, "invalid"), (5, "impossible")]
    assert stats["articles"] == 2 and stats["rejects"] == 2 and stats["undated"] == 1
    assert stats["mentions"] >= 3  # Macron, Starmer, Paris, NATO: spaCy finds most of them


def test_reingest_changes_nothing(tmp_path, db, nlp):
    path = jsonl(tmp_path / "in.jsonl", [
        {"id": f"n{i}", "date": "2025-03-01", "text": f"Story {i} about Kyiv and Moscow."}
        for i in range(6)] + ["{bad"])
    with open_store(db) as store:
        first = ingest([path], store)
        before = {t: store._count(t) for t in ("articles", "sentences", "mentions", "rejects")}
        second = ingest([path], store)
        after = {t: store._count(t) for t in ("articles", "sentences", "mentions", "rejects")}
    assert first.ingested == 6 and second.ingested == 0 and second.already_stored == 6
    assert before == after


def test_same_id_with_other_text_is_rejected_not_overwritten(tmp_path, db, nlp):
    with open_store(db) as store:
        ingest([jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "First version."}])], store)
        summary = ingest([jsonl(tmp_path / "b.jsonl", [{"id": "x", "text": "Other text."}])], store)
        assert summary.rejected == 1 and "already used" in summary.rejects[0].reason
        assert store.article("x").text == "First version."


def test_near_duplicates_are_flagged(tmp_path, db, nlp):
    base = ("The foreign ministers of the group met in Brussels on Tuesday to discuss new "
            "sanctions, energy prices, military aid and the reconstruction of damaged cities, "
            "and agreed to meet again next month in Warsaw to review progress on all of these. ")
    path = jsonl(tmp_path / "in.jsonl", [
        {"id": "orig", "text": base * 2},
        {"id": "copy", "text": base * 2 + "Updated at noon."},
        {"id": "other", "text": "A completely different story about a football match in Rome. " * 3},
    ])
    with open_store(db) as store:
        summary = ingest([path], store)
        flagged = dict(store.con.execute(
            "SELECT id, near_duplicate_of FROM articles WHERE near_duplicate_of IS NOT NULL").fetchall())
    assert summary.near_duplicates == 1 and flagged == {"copy": "orig"}


def test_two_workers_store_the_same_as_one(tmp_path, nlp):
    path = jsonl(tmp_path / "in.jsonl", [
        {"id": f"w{i}", "date": "2025-04-01", "text": f"Erdogan spoke to Putin about item {i}."}
        for i in range(12)])
    results = []
    for workers in (1, 2):
        db = str(tmp_path / f"w{workers}.duckdb")
        with open_store(db) as store:
            ingest([path], store, workers=workers, batch_size=4)
            results.append(store.con.execute(
                "SELECT article_id, start_char, end_char, label FROM mentions ORDER BY ALL").fetchall())
    assert results[0] == results[1] and len(results[0]) >= 12


def test_sigkill_mid_run_then_rerun_stores_each_article_once(tmp_path):
    records = [{"id": f"k{i:04d}", "date": "2025-05-01",
                "text": f"Report {i}: Ukrainian and Russian delegations met in Istanbul, where "
                        f"Rubio and Lavrov also spoke by phone about prisoner exchange {i}."}
               for i in range(800)]
    path = jsonl(tmp_path / "many.jsonl", records)
    db = str(tmp_path / "kill.duckdb")
    cmd = [sys.executable, "-m", "communique", "-v", "ingest", path, "--db", db,
           "--batch-size", "10", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # wait until a few batches are committed (the CLI logs each commit with -v), then kill hard
    commits = 0
    for line in proc.stderr:
        commits += "committed" in line
        if commits == 3:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make the input larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = duckdb.connect(db, read_only=True)
    stored_after_kill = partial.execute("SELECT count(*) FROM articles").fetchone()[0]
    partial.close()
    assert 0 < stored_after_kill < 800
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    con = duckdb.connect(db, read_only=True)
    total, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    orphans = con.execute("SELECT count(*) FROM mentions m ANTI JOIN articles a "
                          "ON a.id = m.article_id").fetchone()[0]
    per_article = con.execute("SELECT min(c), max(c) FROM (SELECT a.id, count(s.idx) c FROM "
                              "articles a LEFT JOIN sentences s ON s.article_id = a.id "
                              "GROUP BY a.id)").fetchone()
    assert (total, distinct, orphans) == (800, 800, 0)
    assert per_article[0] >= 1  # every stored article has its sentences: nothing half-written
    assert f"{stored_after_kill} already stored" in rerun.stdout


def test_person_outside_kb_keeps_one_id_across_spellings(tmp_path, db, nlp):
    path = jsonl(tmp_path / "in.jsonl", [
        {"id": "s1", "date": "2025-05-01",
         "text": "Analyst Aleksandra Wyszkowska-Nowak said the talks would fail."},
        {"id": "s2", "date": "2025-05-02",
         "text": "Analyst Aleksandra Wyszkowska Nowak said the plan was weak."},
    ])
    with open_store(db) as store:
        ingest([path], store)
        rows = store.con.execute(
            "SELECT DISTINCT actor_id FROM article_actors WHERE name LIKE 'Aleksandra%'").fetchall()
    assert len(rows) == 1 and rows[0][0].startswith("local:person:")
