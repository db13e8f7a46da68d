"""The REST API over articles ingested by the real pipeline (slow: loads spaCy).

Figures are checked against each other (the dyad against the events listing, the graph
against the events) rather than against numbers copied from the output.
"""

import jsonschema
import pytest

from api.corpus import ARTICLES, XSS_ID
from communique.document import document_schema

pytestmark = pytest.mark.slow


def all_events(client, **params):
    page = client.get("/api/events", params=params | {"limit": 500}).json()
    assert page["next_offset"] is None
    return page["items"]


def test_every_article_is_listed_and_valid_document_json(corpus_client):
    listed = corpus_client.get("/api/articles").json()["items"]
    assert {a["id"] for a in listed} == {a["id"] for a in ARTICLES}
    for article in ARTICLES:
        data = corpus_client.get(f"/api/articles/{article['id']}").json()
        jsonschema.validate(data, document_schema())
        text = data["article"]["text"]
        for quote in data["quotes"]:
            assert text[quote["start"]:quote["end"]] == quote["text"]


def test_pages_of_two_cover_every_event_once(corpus_client):
    paged, offset = [], 0
    while offset is not None:
        page = corpus_client.get(f"/api/events?limit=2&offset={offset}").json()
        paged += page["items"]
        offset = page["next_offset"]
    whole = corpus_client.get("/api/events?limit=500").json()["items"]
    assert [e["id"] for e in paged] == [e["id"] for e in whole]
    assert len(whole) == corpus_client.get("/api/stats").json()["events"] > 3


def test_dyad_agrees_with_the_events_listing(corpus_client):
    forward = all_events(corpus_client, source="RUS", target="UKR")
    backward = all_events(corpus_client, source="UKR", target="RUS")
    assert forward, "the corpus has Russia acting on Ukraine"
    dyad = corpus_client.get("/api/dyad?a=RUS&b=UKR").json()
    by_direction = {"a->b": 0, "b->a": 0}
    for month in dyad["months"]:
        by_direction[month["direction"]] += month["events"]
    assert by_direction == {"a->b": len(forward), "b->a": len(backward)}


def test_graph_agrees_with_the_events_listing(corpus_client):
    events = all_events(corpus_client)
    expected = {}
    for e in events:
        if e["source_party"] and e["target_party"] and e["source_party"] != e["target_party"]:
            key = (e["source_party"], e["target_party"])
            expected[key] = expected.get(key, 0) + 1
    graph = corpus_client.get("/api/graph").json()
    assert {(e["source"], e["target"]): e["events"] for e in graph["edges"]} == expected
    node_total = sum(n["events"] for n in graph["nodes"])
    assert node_total == 2 * sum(expected.values())


def test_actor_profile_counts_agree_with_its_events(corpus_client):
    profile = corpus_client.get("/api/actors/Russia").json()
    assert profile["actor"]["id"] == "country:RUS"
    events = all_events(corpus_client, actor="RUS")
    assert profile["events"]["events"] == len(events)
    assert profile["events"]["as_source"] == sum(e["source_party"] == "RUS" for e in events)


def test_search_finds_words_in_text_and_quotes(corpus_client):
    data = corpus_client.get("/api/search?q=ceasefire").json()
    assert data["mode"] == "fulltext"
    assert "t-talks" in {a["id"] for a in data["articles"]}
    assert any("ceasefire" in q["text"] for q in data["quotes"])
    data = corpus_client.get("/api/search", params={"q": "<script>"}).json()
    assert XSS_ID in {a["id"] for a in data["articles"]}
