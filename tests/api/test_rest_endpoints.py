"""The REST endpoints over the hand-made database, whose contents are known exactly (fast)."""

import shutil

import jsonschema
import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.document import document_schema
from communique.store import open_store
from communique.store._explore import search

# Known by construction (tests/api/corpus.py): two articles; ASSAULT RUS->UKR (-9, day
# 2025-03-10), SANCTION EU->RUS (-5, 2025-03-11), ACCUSE UKR->RUS (-2, 2025-03-31, in the
# 2025-04-01 article); quotes by Zelenskyy and by an unresolved "O'Brien_".
ALL_EVENTS = {"e-assault", "e-sanction", "e-accuse"}


def ids(rows):
    return {row["id"] for row in rows}


def test_stats_count_what_was_written(hand_client):
    stats = hand_client.get("/api/stats").json()
    assert (stats["articles"], stats["events"], stats["quotes"]) == (2, 3, 2)
    assert "database" not in stats  # no server paths in answers


def test_articles_paginate_without_overlap(hand_client):
    first = hand_client.get("/api/articles?limit=1").json()
    assert first["limit"] == 1 and first["offset"] == 0 and first["next_offset"] == 1
    second = hand_client.get("/api/articles?limit=1&offset=1").json()
    assert second["next_offset"] is None
    assert [a["id"] for a in first["items"] + second["items"]] == ["h-markup", "h-attack"]


def test_articles_filter_by_date_and_text(hand_client):
    rows = hand_client.get("/api/articles?since=2025-04-01").json()["items"]
    assert ids(rows) == {"h-markup"}
    rows = hand_client.get("/api/articles?until=2025-03-31").json()["items"]
    assert ids(rows) == {"h-attack"}
    rows = hand_client.get("/api/articles", params={"search": "sanctioned"}).json()["items"]
    assert ids(rows) == {"h-attack"}


def test_article_detail_is_the_document_json(hand_client):
    data = hand_client.get("/api/articles/h-attack").json()
    jsonschema.validate(data, document_schema())
    text = data["article"]["text"]
    for event in data["events"]:
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    assert {e["id"] for e in data["events"]} == {"e-assault", "e-sanction"}


def test_events_filters_match_the_store(hand_client):
    assert ids(hand_client.get("/api/events").json()["items"]) == ALL_EVENTS
    assert ids(hand_client.get("/api/events?source=RUS").json()["items"]) == {"e-assault"}
    assert ids(hand_client.get("/api/events?target=rus").json()["items"]) == {"e-sanction", "e-accuse"}
    assert ids(hand_client.get("/api/events?actor=org:eu").json()["items"]) == {"e-sanction"}
    assert ids(hand_client.get("/api/events?type=accuse&type=ASSAULT").json()["items"]) == {
        "e-accuse", "e-assault"}
    assert ids(hand_client.get("/api/events?since=2025-03-11").json()["items"]) == {
        "e-sanction", "e-accuse"}
    assert ids(hand_client.get("/api/events?until=2025-03-10").json()["items"]) == {"e-assault"}
    assert hand_client.get("/api/events?negated=true").json()["items"] == []


def test_quotes_filter_by_speaker_and_text(hand_client):
    rows = hand_client.get("/api/quotes?speaker=Zelenskyy").json()["items"]
    assert [q["id"] for q in rows] == ["q-respond"]
    rows = hand_client.get("/api/quotes", params={"search": "<img"}).json()["items"]
    assert [q["id"] for q in rows] == ["q-markup"]


def test_actors_list_and_profile_by_party_code(hand_client):
    rows = hand_client.get("/api/actors?kind=country").json()["items"]
    assert ids(rows) == {"country:RUS", "country:UKR"}
    profile = hand_client.get("/api/actors/RUS").json()
    assert profile["actor"]["id"] == "country:RUS" and profile["events_key"] == "RUS"
    assert (profile["events"]["events"], profile["events"]["as_source"], profile["events"]["as_target"]) == (3, 1, 2)
    partners = {p["party"]: (p["outgoing"], p["incoming"]) for p in profile["counterparts"]}
    assert partners == {"UKR": (1, 1), "EU": (0, 1)}
    person = hand_client.get("/api/actors/person:volodymyr-zelenskyy").json()
    assert person["events_key"] == "person:volodymyr-zelenskyy" and person["events"]["events"] == 0


def test_dyad_counts_both_directions(hand_client):
    data = hand_client.get("/api/dyad?a=RUS&b=UKR").json()
    assert data["a_name"] == "Russia" and data["b_name"] == "Ukraine"
    assert data["events"] == 2
    months = {(m["month"], m["direction"]): m for m in data["months"]}
    assert months[("2025-03", "a->b")]["material_conflict"] == 1
    assert months[("2025-03", "a->b")]["mean_intensity"] == -9.0
    assert months[("2025-03", "b->a")]["verbal_conflict"] == 1


def test_graph_edges_count_events_between_parties(hand_client):
    data = hand_client.get("/api/graph").json()
    edges = {(e["source"], e["target"]): (e["events"], e["mean_intensity"]) for e in data["edges"]}
    assert edges == {("RUS", "UKR"): (1, -9.0), ("EU", "RUS"): (1, -5.0), ("UKR", "RUS"): (1, -2.0)}
    nodes = {n["id"]: (n["label"], n["events"]) for n in data["nodes"]}
    assert nodes == {"RUS": ("Russia", 3), "UKR": ("Ukraine", 2), "EU": ("European Union", 1)}
    only = hand_client.get("/api/graph?type=SANCTION&since=2025-03-01").json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("EU", "RUS")]
    actors = hand_client.get("/api/graph?level=actor").json()
    assert ("org:eu", "country:RUS") in {(e["source"], e["target"]) for e in actors["edges"]}


def test_search_ranks_with_the_fulltext_index(hand_client):
    data = hand_client.get("/api/search?q=sanctions").json()  # stemmed: finds "sanctioned"
    assert data["mode"] == "fulltext" and data["note"] is None
    assert [a["id"] for a in data["articles"]] == ["h-attack"]
    assert "sanctioned" in data["articles"][0]["snippet"]
    data = hand_client.get("/api/search?q=respond").json()
    assert [q["id"] for q in data["quotes"]] == ["q-respond"]


def test_search_without_an_index_falls_back_and_says_so(hand_db, tmp_path):
    copy = str(tmp_path / "noindex.duckdb")
    shutil.copy(hand_db, copy)
    with open_store(copy) as store:
        store.con.execute("DROP SCHEMA fts_main_articles CASCADE")
    with TestClient(create_app(copy)) as client:
        data = client.get("/api/search?q=sanctioned").json()
    assert data["mode"] == "substring" and "no full-text index" in data["note"]
    assert [a["id"] for a in data["articles"]] == ["h-attack"]


def test_search_with_a_stale_index_falls_back(hand_db, tmp_path):
    copy = str(tmp_path / "stale.duckdb")
    shutil.copy(hand_db, copy)
    with open_store(copy) as store:
        store.con.execute("DELETE FROM articles WHERE id = 'h-markup'")
        result = search(store, "Russia")
    assert result["index"] == "stale" and result["mode"] == "substring"
    assert [a["id"] for a in result["articles"]] == ["h-attack"]


def test_openapi_lists_every_endpoint_and_docs_need_no_outside_script(hand_client):
    paths = hand_client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{key}",
                 "/api/events", "/api/quotes", "/api/dyad", "/api/graph", "/api/search",
                 "/api/process", "/api/stats"):
        assert path in paths, path
    page = hand_client.get("/docs").text
    assert "/api/graph" in page and "<script" not in page


@pytest.mark.slow
def test_process_returns_a_document_and_stores_nothing(hand_client):
    before = hand_client.get("/api/stats").json()["articles"]
    response = hand_client.post("/api/process", json={
        "text": "Russia attacked Ukraine on Monday, the Ukrainian army said.",
        "date": "2025-05-05", "title": "Attack"})
    assert response.status_code == 200
    data = response.json()
    jsonschema.validate(data, document_schema())
    assert data["article"]["date"] == "2025-05-05" and data["article"]["title"] == "Attack"
    assert hand_client.get("/api/stats").json()["articles"] == before


@pytest.mark.slow
def test_ingest_with_the_token_stores_and_indexes(hand_db, tmp_path):
    copy = str(tmp_path / "writable.duckdb")
    shutil.copy(hand_db, copy)
    auth = {"Authorization": "Bearer letmein"}
    article = {"id": "api-1", "date": "2025-06-01", "title": "Poland and Belarus",
               "text": "Poland accused Belarus of staging provocations on the border."}
    with TestClient(create_app(copy, token="letmein")) as client:
        summary = client.post("/api/ingest", json={"articles": [article]}, headers=auth).json()
        assert summary["ingested"] == 1 and summary["rejected"] == 0
        again = client.post("/api/ingest", json={"articles": [article]}, headers=auth).json()
        assert again["ingested"] == 0 and again["already_stored"] == 1
        assert client.get("/api/articles/api-1").json()["article"]["title"] == "Poland and Belarus"
        found = client.get("/api/search?q=provocations").json()
        assert found["mode"] == "fulltext" and [a["id"] for a in found["articles"]] == ["api-1"]
