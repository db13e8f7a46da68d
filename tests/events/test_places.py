"""Event places and targets from places, on sentences written for these tests."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow


def test_a_town_gives_the_place_record(nlp):
    (event,) = find_events(events_of("Putin met Erdogan in Sochi."), "CONSULT", "RUS", "TUR")
    assert event["place"] == event["place_text"] == "Sochi"
    assert event["place_country"] == "RUS" and event["place_kind"] == "city"
    assert event["place_id"] and 43 < event["place_lat"] < 44 and 39 < event["place_lon"] < 40


def test_people_hit_in_a_town_make_its_country_the_target(nlp):
    (event,) = find_events(events_of("Russian troops shelled apartment blocks in Kharkiv on Tuesday."),
                           "ASSAULT", "RUS", "UKR")
    assert event["place"] == "Kharkiv" and event["place_country"] == "UKR"
    assert event["target"]["text"] == "Kharkiv"


def test_a_town_the_tagger_took_for_a_person_or_organisation(nlp):
    assert find_events(events_of("Israeli aircraft struck a school in Khan Younis."),
                       "ASSAULT", "ISR", "PSE")
    assert find_events(events_of("Russian soldiers executed civilians in Irpin."),
                       "ASSAULT", "RUS", "UKR")


def test_a_town_in_a_preposition_slot(nlp):
    assert find_events(events_of("Russia launched a new assault on Kupiansk."), "ASSAULT", "RUS", "UKR")


def test_a_named_actor_beats_the_place(nlp):
    found = events_of("Israeli jets struck Iranian weapons depots in Syria.")
    assert find_events(found, "ASSAULT", "ISR", "IRN")
    assert not find_events(found, "ASSAULT", "ISR", "SYR")


def test_a_meeting_place_is_no_target(nlp):
    found = events_of("The Russian and Chinese foreign ministers held talks in Astana.")
    assert not any(e["target"] and e["target"]["party"] == "KAZ" for e in found)


def test_a_group_of_unknown_country_gets_no_place_target(nlp):
    found = events_of("The Baloch Liberation Army attacked a bus near Quetta.")
    assert not any(e["source"]["party"] is None and e["target"] for e in found)


def test_domestic_force_in_a_home_town(nlp):
    (event,) = find_events(events_of("Russian police detained dozens of students in Kazan."),
                           "COERCE", "RUS", "RUS")
    assert event["place_country"] == "RUS"
    assert find_events(events_of("Georgian police raided the headquarters of two opposition "
                                 "parties in Batumi."), "COERCE", "GEO", "GEO")


def test_the_dateline_is_resolved_when_the_clause_names_no_place(nlp):
    found = events_of("Russia accused Ukraine of sabotage.", dateline="Kramatorsk, Ukraine")
    (event,) = find_events(found, "ACCUSE", "RUS", "UKR")
    assert event["place"] == "Kramatorsk, Ukraine" and event["place_text"] is None
    assert event["place_country"] == "UKR" and event["place_id"]


def test_a_town_naming_a_site(nlp):
    assert find_events(events_of("Russian drones struck the Zaporizhzhia nuclear power plant."),
                       "ASSAULT", "RUS", "UKR")
    assert find_events(events_of("Ukrainian drones hit the Novorossiysk oil terminal."),
                       "ASSAULT", "UKR", "RUS")
    assert find_events(events_of("Israeli jets struck the Hodeidah port."), "ASSAULT", "ISR", "YEM")


def test_a_person_named_on_a_site_noun_is_not_a_place(nlp):
    found = events_of("Trump administration officials met Zelenskyy in Washington.")
    assert find_events(found, "CONSULT", "USA", "UKR")


def test_a_town_hit_is_where_the_event_happened(nlp):
    found = events_of("Russia launched a new assault on Kupiansk.", dateline="Kyiv")
    (event,) = find_events(found, "ASSAULT", "RUS", "UKR")
    assert event["place"] == event["place_text"] == "Kupiansk" and event["place_kind"] == "city"
    # an actor as target is no place: the dateline stays
    (accusation,) = find_events(events_of("Russia accused Ukraine of sabotage.", dateline="Kyiv"),
                                "ACCUSE", "RUS", "UKR")
    assert accusation["place"] == "Kyiv" and accusation["place_text"] is None


def test_a_compass_word_can_make_another_countrys_place(nlp):
    (event,) = find_events(events_of("Israeli police raided homes in East Jerusalem."),
                           "COERCE", "ISR", "PSE")
    assert event["place_country"] == "PSE"
    assert find_events(events_of("Russia shelled towns in eastern Ukraine."), "ASSAULT", "RUS", "UKR")
