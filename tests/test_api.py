import json

import jsonschema
import pytest

import communique
from communique.document import document_schema
from communique.errors import ArticleError

pytestmark = pytest.mark.slow

TEXT = ("NATO Secretary General Mark Rutte met French President Emmanuel Macron in Paris on "
        "Thursday. Russia warned Europe against sending troops to Ukraine.")


def test_process_returns_document_with_contract_keys(nlp):
    doc = communique.process(TEXT, date="2025-09-04", title="Rutte in Paris")
    data = doc.to_dict()
    assert list(data)[:7] == ["article", "sentences", "mentions", "actors", "events", "quotes", "dates"]
    assert data["article"]["date"] == "2025-09-04" and data["article"]["title"] == "Rutte in Paris"
    jsonschema.validate(data, document_schema())


def test_every_span_points_at_its_text(nlp):
    data = communique.process(TEXT, date="2025-09-04").to_dict()
    text = data["article"]["text"]
    assert data["mentions"], "spaCy should find Rutte, Macron, Paris, Russia..."
    for mention in data["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    labels = {m["text"]: m["label"] for m in data["mentions"]}
    assert labels.get("Paris") == "GPE"
    sents = data["sentences"]
    assert len(sents) == 2 and text[sents[1]["start"]:].startswith("Russia warned")


def test_schema_rejects_a_broken_document(nlp):
    data = communique.process(TEXT).to_dict()
    data["mentions"][0]["start"] = "zero"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, document_schema())


def test_process_rejects_empty_text_and_bad_date():
    with pytest.raises(ArticleError, match="empty text"):
        communique.process("   ")
    with pytest.raises(ArticleError, match="impossible date"):
        communique.process("Some text.", date="2025-02-30")


def test_to_json_round_trips(nlp):
    doc = communique.process(TEXT, date="2025-09-04")
    assert json.loads(doc.to_json()) == doc.to_dict()


def test_open_store_reads_what_ingest_wrote(tmp_path, db, nlp):
    path = tmp_path / "a.txt"
    path.write_text("date 2025-09-04 Rutte in Paris\n\nParis:\n\n" + TEXT, encoding="utf-8")
    with communique.open_store(db) as store:
        communique.ingest_paths([str(path)], store)
    with communique.open_store(db, read_only=True) as store:
        (row,) = store.articles()
        stored = store.document(row["id"]).to_dict()
    fresh = communique.process(TEXT, date="2025-09-04")
    assert stored["article"]["dateline"] == "Paris"
    assert [m["text"] for m in stored["mentions"]][-3:] == [m["text"] for m in fresh.to_dict()["mentions"]][-3:]
