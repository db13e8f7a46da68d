import duckdb
import pytest

from communique.errors import NotFoundError, StoreError
from communique.records import Reject
from communique.store import open_store
from communique.store._migrations import LATEST, MIGRATIONS


def test_new_database_records_every_migration(db):
    with open_store(db) as store:
        assert store.schema_version() == LATEST
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [m[0] for m in MIGRATIONS]
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "sentences", "mentions", "rejects", "runs"} <= tables


def test_reopening_applies_nothing_again(db):
    open_store(db).close()
    with open_store(db) as store:
        assert store.migrate() == []


def test_old_database_is_upgraded_from_its_version(db, monkeypatch):
    import communique.store._duckdb as impl

    monkeypatch.setattr(impl, "MIGRATIONS", MIGRATIONS[:1])
    open_store(db).close()
    extra = (LATEST + 1, "test column", "ALTER TABLE articles ADD COLUMN extra INTEGER")
    monkeypatch.setattr(impl, "MIGRATIONS", [*MIGRATIONS, extra])
    with open_store(db) as store:
        assert store.schema_version() == LATEST + 1
        cols = [r[0] for r in store.con.execute("DESCRIBE articles").fetchall()]
        assert "extra" in cols


def test_read_only_open_of_missing_file_says_how_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="communique ingest"):
        open_store(str(tmp_path / "missing.duckdb"), read_only=True)


def test_same_reject_is_kept_once(db):
    reject = Reject(origin="f.jsonl", line=3, reason="invalid JSON", raw=b"{oops")
    with open_store(db) as store:
        assert store.add_rejects([reject]) == 1
        assert store.add_rejects([reject]) == 0
        (row,) = store.rejects()
        assert (row["origin"], row["line"], row["bytes"]) == ("f.jsonl", 3, 5)


def test_unknown_article_is_not_found(db):
    with open_store(db) as store, pytest.raises(NotFoundError, match="communique articles"):
        store.article("nope")
