"""Fixtures shared by the explore tests (tests/api, tests/web, tests/export)."""

from api.corpus import corpus_client, corpus_db, hand_client, hand_db  # noqa: F401 - fixtures
