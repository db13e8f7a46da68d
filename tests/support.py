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
