"""Places in the actors stage: towns are place mentions of their country, never acting."""

import pytest

pytestmark = pytest.mark.slow


def _places(nlp, text):
    doc = nlp(text)
    mentions = {m.text: (a.id, m.how) for a in doc._.all_actors for m in a.mentions}
    return doc, mentions


def test_a_town_is_a_place_mention_of_its_country(nlp):
    doc, mentions = _places(nlp, "Drone debris fell on a school in Kramatorsk.")
    assert mentions["Kramatorsk"] == ("country:UKR", "place")
    assert not any(a.id == "country:UKR" for a in doc._.actors)  # a place does not act
    (record,) = [p for p in doc._.places.values() if p.name == "Kramatorsk"]
    assert record.country == "UKR" and record.geonames_id


def test_a_country_the_article_names_chooses_the_town(nlp):
    _, mentions = _places(nlp, "British police said the poisoning in Salisbury was an attack.")
    assert mentions["Salisbury"] == ("country:GBR", "place")


def test_knowledge_base_countries_and_capitals_get_place_records(nlp):
    doc, _ = _places(nlp, "The talks in Doha involved Qatar and Egypt.")
    records = {p.name: p for p in doc._.places.values()}
    assert records["Doha"].country == "QAT" and records["Doha"].lat is not None
    assert records["Egypt"].kind == "country" and records["Egypt"].country == "EGY"


def test_common_words_and_people_are_not_towns(nlp):
    _, mentions = _places(nlp, "Trump administration officials celebrated Independence Day.")
    assert all(how != "place" for _, how in mentions.values())
