"""Events carried by what people say (communique.events.statements), on sentences written
for these tests."""

import pytest

from communique.events.statements import load_rules
from support import events_of as events
from support import find_events as find

pytestmark = pytest.mark.slow


def quoted(found):
    return [e for e in found if e["pattern"].startswith("statement.")]


def test_every_statement_rule_example_yields_its_type(nlp):
    for rule in load_rules().examples:
        found = quoted(events(rule.example))
        assert find(found, rule.type, rule.example_source, rule.example_target), rule.id


def test_a_pejorative_label_accuses_the_labelled_party(nlp):
    found = events('"Russian occupiers are shelling our cities every night," Volodymyr Zelenskyy '
                   'said in a video address on Monday.')
    (event,) = find(found, "ACCUSE", "UKR", "RUS")
    assert event["pattern"] == "statement.ACCUSE.label" and event["date_text"] == "on Monday"
    assert event["source"]["text"] == "Volodymyr Zelenskyy"


def test_a_copula_label_accuses_its_subject(nlp):
    found = events('Kaja Kallas said on Tuesday that "Russia is the aggressor in this war."')
    assert find(found, "ACCUSE", "EU", "RUS")


def test_a_plain_description_is_not_an_accusation(nlp):
    found = events('"The Assad regime fell in December," Geir Pedersen told reporters.')
    assert not find(found, "ACCUSE")


def test_denying_a_say_rejects_the_claim(nlp):
    found = events('"It is not for Beijing to decide who visits Taipei," Marco Rubio said.')
    (event,) = find(found, "REJECT", "USA", "CHN")
    assert event["polarity"] == "affirmed"
    found = events("Mark Rutte said Moscow has no veto over the membership of Ukraine.")
    assert find(found, "REJECT", "NATO", "RUS")


def test_an_affirmed_decision_is_not_a_rejection(nlp):
    found = events("Mark Rutte said Ukraine will decide its own future.")
    assert not find(found, "REJECT")


def test_the_speakers_own_announced_action(nlp):
    found = events('"We are meeting President Xi Jinping next week," Anthony Albanese told '
                   'reporters on Friday.')
    (event,) = find(found, "CONSULT", "AUS", "CHN")
    assert event["modality"] == "intended"


def test_others_actions_in_quotes_are_not_coded(nlp):
    # speech about a third party's actions stays speech: only I/we are the speaker's acts
    found = events('"Iran attacked the tanker," Marco Rubio told reporters.')
    assert not find(found, "ASSAULT")


def test_an_unknown_speaker_gives_no_event(nlp):
    found = events('"We reject the allegations made by Pakistan," a resident of Kabul said.')
    assert not quoted(found)


def test_quote_links_to_the_event_it_carries(nlp):
    import communique

    doc = communique.process('"Western warmongers are prolonging the war," Maria Zakharova '
                             'said in a statement.', date="2025-09-04").to_dict()
    (event,) = [e for e in doc["events"] if e["type"] == "ACCUSE"]
    (quote,) = doc["quotes"]
    assert quote["events"] == [event["id"]]


def test_require_backing_is_requested_by_the_one_who_says_so(nlp):
    found = events("Keir Starmer insisted that any British deployment would require the "
                   "backing of the United States.")
    (event,) = find(found, "REQUEST", "GBR", "USA")
    assert event["modality"] in ("demanded", "conditional")


def test_putting_the_onus_on_a_party_asks_it_to_act(nlp):
    for text in ('"The ball is now in Russia\'s court," Marco Rubio told reporters.',
                 'David Lammy said: "It is now for Russia to accept the ceasefire."'):
        assert find(quoted(events(text)), "REQUEST", None, "RUS"), text
    assert not find(quoted(events('"It is not for Russia to accept it," Marco Rubio said.')),
                    "REQUEST")


def test_saying_a_party_breaks_the_rules_accuses_it(nlp):
    found = quoted(events("The United States said Iran is flagrantly defying the Security Council."))
    assert find(found, "ACCUSE", "USA", "IRN")
    found = quoted(events("The United States said Iran is not defying the Security Council."))
    assert not find(found, "ACCUSE")


def test_the_act_a_speaker_alleges_is_their_accusation_only(nlp):
    # "X said Y is defying the council": the accusation, not also Y's REJECT
    found = events("The United States said on Monday that North Korea is defying the Security "
                      "Council with its missile launches.")
    assert find(found, "ACCUSE", "USA", "PRK")
    assert not find(found, "REJECT", "PRK")


def test_defiance_told_by_the_story_itself_stays(nlp):
    found = events("North Korea defied the Security Council on Monday with two missile launches.")
    assert find(found, "REJECT", "PRK", "UN")
