"""The scorer on hand-built gold and system output (no model needed)."""

import json

import pytest

from communique.errors import GoldError
from communique.eval.gold import read_gold
from communique.eval.match import date_matches, overlap, same_actor
from communique.eval.score import TaskScore, score_record

TEXT = ('"Russia has nothing to do with this," said Rutte. Peskov said the Kremlin was open '
        "to talks. Leaders met under the banner 'Coalition of the Willing'.")


def gold_file(tmp_path, **record):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "r1", "date": "2025-09-04", "text": TEXT} | record) + "\n")
    return read_gold(path).records[0]


def span(text):
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def test_quotes_overlap_match_exact_and_speaker(tmp_path):
    record = gold_file(tmp_path, tasks=["quotes"], quotes=[
        {"text": "Russia has nothing to do with this,", "speaker": "Mark Rutte", "kind": "direct"},
        {"text": "the Kremlin was open to talks", "speaker": "Dmitry Peskov", "kind": "indirect"}])
    system = {"actors": [{"id": "person:mark-rutte", "name": "Mark Rutte", "kind": "person"},
                         {"id": "person:dmitry-peskov", "name": "Dmitry Peskov", "kind": "person"}],
              "quotes": [
                  span("Russia has nothing to do with this") | {"speaker": "person:mark-rutte", "kind": "direct"},
                  span("Kremlin was open to talks.") | {"speaker": "person:mark-rutte", "kind": "indirect"},
                  span("Coalition of the Willing") | {"speaker": None, "kind": "direct"}]}
    scores = {"quotes": TaskScore("quotes")}
    score_record(scores, record, system)
    q = scores["quotes"]
    assert (q.main.tp, q.main.fp, q.main.fn) == (2, 1, 0)
    assert q.extra["exact"].tp == 1  # the first differs only by the trailing comma
    assert q.accuracy["speaker_accuracy"].right == 1 and q.accuracy["speaker_accuracy"].total == 2
    assert {e["kind"] for e in q.errors} == {"wrong speaker", "false positive"}


def test_events_match_by_type_source_target_and_expand_lists(tmp_path):
    record = gold_file(tmp_path, tasks=["events"], events=[
        {"type": "REQUEST", "source": ["FRA", "GBR"], "target": "USA", "polarity": "affirmed"},
        {"type": "REJECT", "source": "NATO", "target": "RUS"}])
    system = {"events": [
        {"type": "REQUEST", "source": {"party": "FRA"}, "target": {"party": "USA"}, "polarity": "affirmed"},
        {"type": "REQUEST", "source": {"party": "GBR"}, "target": {"party": "USA"}, "polarity": "negated"},
        {"type": "ACCUSE", "source": {"party": "NATO"}, "target": {"party": "RUS"}}]}
    scores = {"events": TaskScore("events")}
    score_record(scores, record, system)
    e = scores["events"]
    assert (e.main.tp, e.main.fp, e.main.fn) == (2, 1, 1)
    assert e.per_type["REQUEST"].f1 == 1.0 and e.per_type["REJECT"].recall == 0.0
    assert e.accuracy["polarity_accuracy"].value == 0.5
    assert e.macro_f1 == pytest.approx(0.5)


def test_task_missing_from_tasks_is_not_scored(tmp_path):
    record = gold_file(tmp_path, tasks=["quotes"], quotes=[])
    scores = {"events": TaskScore("events"), "quotes": TaskScore("quotes")}
    score_record(scores, record, {"events": [{"type": "AGREE"}], "quotes": []})
    assert scores["events"].records == 0 and scores["events"].main.fp == 0


def test_same_actor_by_name_variants_and_codes():
    assert same_actor({"name": "Volodymyr Zelenskyy", "kind": "person"},
                      {"name": "Volodymyr Zelensky", "kind": "person"})
    assert same_actor({"name": "Emmanuel Macron", "kind": "person", "country": "FRA"},
                      {"name": "Macron", "kind": "person", "country": "FRA"})
    assert not same_actor({"name": "Boris Johnson", "kind": "person", "country": "GBR"},
                          {"name": "Mike Johnson", "kind": "person", "country": "USA"})
    assert same_actor({"name": "Russia", "kind": "country", "country": "RUS"},
                      {"name": "Russian Federation", "kind": "country", "party": "RUS"})


def test_overlap_and_partial_dates():
    assert overlap((0, 10), (5, 10)) == 0.5 and overlap((0, 4), (4, 8)) == 0.0
    assert date_matches("2025-02", "2025-02-14") and not date_matches("2025-02", "2025-03-01")
    assert date_matches("2025-W09", "2025-02-26") and not date_matches("2025-W09", "2025-03-05")


def test_gold_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "abc", "quotes": [{"text": "zzz"}]}) + "\n")
    with pytest.raises(GoldError, match="bad.jsonl:1 quotes\\[0\\]: 'zzz' does not occur"):
        read_gold(path)
    path.write_text(json.dumps({"id": "x", "text": "abc", "events": [{"type": "FIGHT"}]}) + "\n")
    with pytest.raises(GoldError, match="not a PLOVER type"):
        read_gold(path)


def test_reference_with_changed_text_is_an_error(tmp_path):
    story = tmp_path / "stories.jsonl"
    story.write_text(json.dumps({"id": "7", "text": "Original words."}) + "\n")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "g", "ref": {"path": str(story), "id": "7", "sha256": "0" * 64},
                                "quotes": []}) + "\n")
    with pytest.raises(GoldError, match="has changed"):
        read_gold(gold)


def test_reference_to_missing_file_is_skipped(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "g", "ref": {"path": "../nope/stories.jsonl", "id": "7"}}) + "\n")
    gold_set = read_gold(gold)
    assert gold_set.records == [] and "not found" in gold_set.skipped[0]


def plover_records(tmp_path, *items):
    from communique.eval.plover_gsr import read_plover_gsr

    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"id": f"p{i}", "text": "A sentence.", "date": "2001-01-01"} | item
                                for i, item in enumerate(items)]))
    return read_plover_gsr(path).records


def test_plover_generic_codes_match_a_party_of_their_class(tmp_path):
    from communique.eval import generic_codes
    from communique.eval.plover_gsr import score_gsr

    records = plover_records(
        tmp_path,
        {"event": "FIGHT", "source": [{"code": "USA"}], "target": [{"code": "IMG"}]},
        {"event": "DISAPPROVE", "source": [{"code": "IGO"}], "target": [{"code": "USA"}]},
        {"event": "DEMAND", "source": [{"code": "NGO"}], "target": [{"code": "JAP"}]})
    system = [("ASSAULT", "USA", "AQ"), ("ACCUSE", "AMN", "USA"), ("REQUEST", "RUS", "JPN")]
    docs = [{"events": [{"type": t, "source": {"party": s}, "target": {"party": g},
                         "confidence": 0.9}], "actors": []} for t, s, g in system]
    triple = score_gsr(records, docs, generic_codes())["triple"]
    assert (triple["tp"], triple["fp"], triple["fn"]) == (2, 1, 1)


def test_plover_a_threat_and_the_threatened_act_are_one_plover_event(tmp_path):
    from communique.eval.plover_gsr import score_gsr

    records = plover_records(
        tmp_path, {"event": "THREATEN", "source": [{"code": "EGY"}], "target": [{"code": "QAT"}]})
    events = [{"type": "THREATEN", "plover_type": "THREATEN", "source": {"party": "EGY"},
               "target": {"party": "QAT"}, "confidence": 0.9},
              {"type": "SANCTION", "plover_type": "THREATEN", "source": {"party": "EGY"},
               "target": {"party": "QAT"}, "confidence": 0.8},
              {"type": "SANCTION", "plover_type": "SANCTION", "source": {"party": "EGY"},
               "target": {"party": "QAT"}, "confidence": 0.7}]
    triple = score_gsr(records, [{"events": events, "actors": []}])["triple"]
    assert (triple["tp"], triple["fp"], triple["fn"]) == (1, 1, 0)


def test_plover_two_gold_actors_of_one_country_are_one_triple(tmp_path):
    from communique.eval.plover_gsr import score_gsr

    records = plover_records(tmp_path, {
        "event": "FIGHT", "source": [{"code": "ISR", "actorText": "Israeli tanks"},
                                     {"code": "ISR", "actorText": "Israeli helicopters"}],
        "target": [{"code": "PSE"}]})
    events = [{"type": "ASSAULT", "source": {"party": "ISR"}, "target": {"party": "PSE"},
               "confidence": 0.9}]
    triple = score_gsr(records, [{"events": events, "actors": []}])["triple"]
    assert (triple["tp"], triple["fp"], triple["fn"]) == (1, 0, 0)
