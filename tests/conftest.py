"""Shared fixtures. Tests that load the spaCy model share one session-wide pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.duckdb")
