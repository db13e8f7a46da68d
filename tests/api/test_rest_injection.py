"""SQL metacharacters in every filter are data, never SQL (fast)."""

import shutil

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.store import open_store

NASTY = ["'", '"', ";", "--", "%", "_", "\\", "' OR '1'='1", "x'; DROP TABLE articles; --",
         "%' --", "\\'", '"; DELETE FROM events; --', "_%_", "RUS' OR 1=1 --"]

#: Every endpoint with the parameters it filters by.
FILTERS = {
    "/api/articles": ["since", "until", "search"],
    "/api/actors": ["kind", "country", "search"],
    "/api/events": ["actor", "source", "target", "type", "since", "until", "negated"],
    "/api/quotes": ["speaker", "about", "since", "until", "search"],
    "/api/dyad": ["a", "b"],
    "/api/graph": ["since", "until", "type", "level", "negated"],
    "/api/search": ["q"],
    "/articles": ["search", "since", "until"],
    "/actors": ["kind", "country", "search"],
    "/dyad": ["a", "b"],
    "/network": ["since", "until", "type", "level"],
    "/search": ["q"],
}
PATHS = ["/api/articles/{}", "/api/actors/{}", "/articles/{}", "/actors/{}"]
REQUIRED = {"/api/dyad": {"a": "RUS", "b": "UKR"}}


def fingerprint(client):
    stats = client.get("/api/stats").json()
    return stats["articles"], stats["events"], stats["quotes"], stats["actors"]


@pytest.mark.parametrize("value", NASTY)
def test_metacharacters_in_every_filter_are_harmless(hand_client, value):
    before = fingerprint(hand_client)
    for endpoint, params in FILTERS.items():
        for param in params:
            query = REQUIRED.get(endpoint, {}) | {param: value}
            response = hand_client.get(endpoint, params=query)
            assert response.status_code in (200, 422), (endpoint, param, value, response.text)
    for template in PATHS:
        response = hand_client.get(template.format(value.replace("/", "")))
        assert response.status_code in (200, 404), (template, value, response.text)
    assert fingerprint(hand_client) == before


def test_like_wildcards_match_only_themselves(hand_client):
    # only the markup article has a literal % ("100%") and _ ("O'Brien_")
    for value in ("%", "_", "100%", "\\"):
        rows = hand_client.get("/api/articles", params={"search": value}).json()["items"]
        assert [a["id"] for a in rows] == ["h-markup"], value
    rows = hand_client.get("/api/quotes", params={"speaker": "%"}).json()["items"]
    assert rows == []


def test_substring_search_escapes_wildcards_too(hand_db, tmp_path):
    copy = str(tmp_path / "noindex.duckdb")
    shutil.copy(hand_db, copy)
    with open_store(copy) as store:
        store.con.execute("DROP SCHEMA fts_main_articles CASCADE")
    with TestClient(create_app(copy)) as client:
        data = client.get("/api/search", params={"q": "%"}).json()
    assert data["mode"] == "substring"
    assert [a["id"] for a in data["articles"]] == ["h-markup"]
