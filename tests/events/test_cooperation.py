"""Cooperative and verbal events (AGREE, CONSULT, SUPPORT, AID, CONCEDE, COOPERATE, REQUEST,
ACCUSE, REJECT): constructions the extractor reads, on sentences written for these tests."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow

events = events_of
find = find_events


def test_a_pronoun_subject_of_a_readiness_adjective_is_the_reporter(nlp):
    found = events("Israel says it is willing to withdraw its troops from southern Lebanon.")
    (event,) = find(found, "RETREAT", "ISR", "LBN")
    assert event["modality"] == "intended" and event["plover_type"] == "AGREE"


def test_contributing_troops_is_aid_and_readiness_an_intention(nlp):
    found = events("Kenya is ready to contribute police officers to the mission in Haiti.")
    (event,) = find(found, "AID", "KEN", "HTI")
    assert event["modality"] == "intended" and event["plover_type"] == "AGREE"


def test_an_event_noun_on_a_generic_head_is_the_event(nlp):
    found = events("Qatar launched a mediation effort between Israel and Hamas.")
    assert find(found, "CONSULT", "QAT", "ISR") and find(found, "CONSULT", "QAT", "PSE")


def test_two_parties_making_a_relation_together_need_no_target(nlp):
    found = events("Vietnam and Indonesia upgraded their ties to a comprehensive strategic partnership.")
    assert find(found, "SUPPORT", "VNM") and find(found, "SUPPORT", "IDN")
    # praise by two parties still needs someone praised
    assert not find(events("France and Germany welcomed the decision."), "SUPPORT")


def test_joint_war_games_counted_in_days(nlp):
    found = events("Chinese and Russian warships began a week of war games in the Sea of Japan.")
    assert find(found, "COOPERATE", "CHN") and find(found, "COOPERATE", "RUS")
    # one country's war games are no cooperation
    assert not find(events("China began war games around Taiwan."), "COOPERATE")


def test_must_under_a_reiteration_is_a_demand(nlp):
    found = events("Britain reiterated that Russia must withdraw from Ukraine.")
    assert find(found, "REQUEST", "GBR", "RUS")


def test_a_reminder_that_someone_must_act_is_a_demand(nlp):
    found = events("The European Commission issued a reminder to Budapest that it must respect "
                   "the rule of law.")
    assert find(found, "REQUEST", "EU", "HUN")


def test_the_subject_of_a_demands_that_clause_is_the_target(nlp):
    found = events("Kyiv repeated its demand that Moscow return the deported children.")
    assert find(found, "REQUEST", "UKR", "RUS")
    assert {e["modality"] for e in find(found, "RETREAT", "RUS")} <= {"demanded"}


def test_the_object_after_an_as_phrase(nlp):
    found = events("Kyiv denounced as a war crime Russia's shelling of Kharkiv.")
    assert find(found, "ACCUSE", "UKR", "RUS")


def test_a_refused_agreement_is_a_plover_rejection(nlp):
    from communique.events.plover import plover_type

    assert plover_type("AGREE", "actual", "negated") == "REJECT"
    assert plover_type("AGREE", "actual", "affirmed") == "AGREE"
    found = events("Armenia and Azerbaijan failed to reach an agreement on the border.")
    assert found and {e["plover_type"] for e in find(found, "AGREE")} == {"REJECT"}


def test_not_meeting_demands_is_a_negated_concession(nlp):
    (event,) = find(events("Tehran said it would not meet Washington's demands."), "CONCEDE", "IRN", "USA")
    assert event["polarity"] == "negated" and event["plover_type"] == "REJECT"


def test_refugees_and_peacekeepers_refused(nlp):
    (event,) = find(events("Hungary said it will not accept any more refugees."), "AID", "HUN")
    assert event["polarity"] == "negated" and event["plover_type"] == "REJECT"
    (event,) = find(events("Egypt refused to deploy peacekeepers in Gaza."), "AID", "EGY", "PSE")
    assert event["polarity"] == "negated"
    assert find(events("Poland was refusing admittance to Belarusian trucks."), "REJECT", "POL", "BLR")


def test_a_curfew_is_lifted_in_a_place(nlp):
    found = events("The government of Bangladesh lifted the curfew in Dhaka on Sunday.")
    assert find(found, "CONCEDE", "BGD")
    assert not find(found, "COERCE")


def test_agreeing_to_an_unknown_owners_plan_does_not_target_a_place_inside_it(nlp):
    found = events("Putin agreed to his proposal to end the war in Ukraine.")
    assert not find(found, "AGREE", "RUS", "UKR")
    assert find(events("Putin agreed to Trump's proposal to end the war in Ukraine."), "AGREE", "RUS", "USA")


def test_sending_inspectors_investigates(nlp):
    (event,) = find(events("The IAEA sent inspectors to Iran on Monday."), "ACCUSE", "IAEA", "IRN")
    assert event["mode"] == "investigate"


def test_the_european_community_is_the_european_union(nlp):
    assert find(events("The European Community sent food aid to Senegal in 1990."), "AID", "EU", "SEN")


def test_a_particle_tagged_as_an_adverb_still_makes_the_phrasal_verb(nlp):
    assert find(events("Moscow pushed back against the EU's price cap on Russian oil."), "REJECT", "RUS", "EU")
    assert find(events("Brazil turned away an Iranian warship in February."), "REJECT", "BRA", "IRN")


def test_branding_someone_names_them_in_the_first_object(nlp):
    assert find(events("Tehran branded Washington the Great Satan."), "ACCUSE", "IRN", "USA")
    # naming is still no phone call
    assert not find(events("Trump called Zelenskyy a dictator."), "CONSULT")


def test_troops_arriving_are_no_visit(nlp):
    assert not find(events("Russian warships arrived in Havana on Wednesday."), "CONSULT")
    assert not find(events("The first contingent of Kenyan police officers arrived in Haiti."), "CONSULT")
    assert find(events("Narendra Modi arrived in Moscow on Monday."), "CONSULT", "IND", "RUS")


def test_a_late_by_phrase_of_a_passive_accusation_is_its_source(nlp):
    found = events("Kyiv was accused of shelling Donetsk by Moscow.")
    assert find(found, "ACCUSE", "RUS", "UKR")
    # a "by" of manner names nobody
    assert not find(events("Kyiv was accused of shelling Donetsk by night."), "ACCUSE")


def test_a_court_hearing_into_conduct_investigates(nlp):
    (event,) = find(events("The International Court of Justice held hearings on Russia's invasion of Ukraine."),
                    "ACCUSE", "UN", "RUS")
    assert event["mode"] == "investigate"


def test_the_subject_of_a_passive_governor_is_the_infinitives_subject(nlp):
    (event,) = find(events("Rubio is expected to have a meeting with Japanese Foreign Minister Takeshi Iwaya."),
                    "CONSULT", "USA", "JPN")
    assert event["modality"] == "intended"
    # the passive trigger itself never makes its subject the doer: with no agent named
    # the attacker is unknown
    attacks = find(events("Kyiv was attacked on Monday."), "ASSAULT")
    assert attacks and all(e["source"] is None for e in attacks)


def test_talks_led_for_hours(nlp):
    assert find(events("Rubio led eight hours of talks with Ukrainian officials in Jeddah."),
                "CONSULT", "USA", "UKR")


def test_a_summit_attended_in_a_countrys_city_targets_the_host(nlp):
    found = events("Erdogan attended a summit in the Saudi city of Jeddah on Tuesday.")
    assert find(found, "CONSULT", "TUR", "SAU")


def test_one_direct_object_gives_the_target(nlp):
    found = events("EU leaders granted Ukraine the status of a candidate, a decision Charles Michel "
                   "called historic.")
    assert find(found, "SUPPORT", "EU", "UKR") and not find(found, "SUPPORT", "EU", "EU")


def test_talks_between_two_parties_go_from_the_first_to_the_second(nlp):
    found = events("Negotiations between Britain and Mauritius on the Chagos Islands have gone on for years.")
    assert find(found, "CONSULT", "GBR", "MUS")
    assert find(events("Trump is arranging a meeting between Putin and Zelenskyy."), "CONSULT", "RUS", "UKR")
    # hosting a meeting between two parties is the host's event, not theirs
    found = events("Morocco offered to host a meeting between Israel and Hamas.")
    assert not find(found, "CONSULT", "ISR", "PSE")


def test_refusing_an_act_the_lexicon_does_not_know_is_a_rejection(nlp):
    found = events("Hamas refused to respond to a demand from the US president to disarm.")
    assert find(found, "REJECT", "PSE", "USA")
    # a refused act the lexicon knows is that act, negated
    found = events("Putin refused to meet Zelenskyy.")
    assert not find(found, "REJECT") and find(found, "CONSULT", "RUS", "UKR")


def test_the_subject_of_an_infinitive_clause_is_the_object_it_lets(nlp):
    # the small model parses "refugees" as the subject of "remain", not the object of "allowed"
    assert find(events("Kenya allowed Somali refugees to remain in the Dadaab camps."), "CONCEDE", "KEN", "SOM")


def test_talks_named_by_both_parties_go_from_the_first_to_the_second(nlp):
    assert find(events("The US-China trade talks stalled in May."), "CONSULT", "USA", "CHN")
    # one party named is no event without a target
    assert not find(events("The Chinese trade talks stalled in May."), "CONSULT")
