"""Helpers for tests (importable as `support` thanks to pytest's pythonpath setting)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real `communique` entry point in a subprocess."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.run(
        [sys.executable, "-m", "communique", *args], input=stdin, capture_output=True,
        cwd=cwd or ROOT, env=env, timeout=timeout, check=False,
        **({} if stdin is not None else {"text": True}),
    )


def events_of(text: str, date: str = "2025-09-04", dateline: str | None = None) -> list[dict]:
    """The events of one text through the Python API; every span must point at its text."""
    import communique

    doc = communique.process(text, date=date, dateline=dateline).to_dict()
    for e in doc["events"]:
        for key in ("evidence", "trigger"):
            span = e[key]
            assert doc["article"]["text"][span["start"]:span["end"]] == span["text"]
    return doc["events"]


def find_events(found: list[dict], kind: str, source: str | None = None,
                target: str | None = None) -> list[dict]:
    """Events of type `kind` (and source/target party, when given)."""
    return [e for e in found if e["type"] == kind
            and (source is None or (e["source"] or {}).get("party") == source)
            and (target is None or (e["target"] or {}).get("party") == target)]
