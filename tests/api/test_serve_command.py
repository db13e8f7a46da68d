"""`communique serve` as a command: errors at start are one line, not a traceback (slow:
subprocesses)."""

import pytest

from support import run_cli

pytestmark = pytest.mark.slow


def test_serve_without_a_database_says_how_to_make_one(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "absent.duckdb"), "--port", "0", timeout=60)
    assert result.returncode == 1
    assert "no such database" in result.stderr and "communique ingest" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_an_empty_token(hand_db):
    result = run_cli("serve", "--db", hand_db, "--token", " ", timeout=60)
    assert result.returncode == 2 and "token must not be empty" in result.stderr
