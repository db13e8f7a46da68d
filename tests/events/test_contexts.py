"""PLOVER contexts: what an event is about (communique.events.contexts)."""

from __future__ import annotations

from tests.support import events_of as events
from tests.support import find_events as find


def test_a_cameo_code_gives_the_contexts_of_its_longest_listed_prefix():
    from communique.events.contexts import default_tagger

    tagger = default_tagger()
    assert tagger.for_code("0331") == ["economic"]  # intent to give economic aid
    assert tagger.for_code("1385") == ["cbrn"]  # threaten an attack with weapons of mass destruction
    assert tagger.for_code("0312") == ["military"]
    assert tagger.for_code("040") == []  # a plain meeting is about nothing in particular
    assert tagger.for_code(None) == []


def test_the_words_of_the_events_phrase_add_contexts(nlp):
    (event,) = find(events("The European Union imposed sanctions on Iran over its nuclear "
                           "programme on Monday."), "SANCTION", "EU", "IRN")
    assert {"economic", "cbrn"} <= set(event["contexts"])


def test_a_context_named_in_another_clause_is_not_borrowed(nlp):
    found = find(events("Russian forces shelled Kharkiv on Sunday after Ukraine held its "
                        "election."), "ASSAULT", "RUS")
    assert found
    assert all("election" not in e["contexts"] and "military" in e["contexts"] for e in found)
