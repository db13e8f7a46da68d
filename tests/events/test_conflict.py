"""Conflict events (violence, coercion, protest, threats, sanctions, mobilisation, retreat)
on sentences written for these tests."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow

events = events_of
find = find_events


def _unattributed(found: list[dict], kind: str, target: str) -> list[dict]:
    return [e for e in find(found, kind, target=target) if e["source"] is None]


def test_violence_with_no_attacker_named_has_the_victims_as_target(nlp):
    (event,) = _unattributed(events("Two Ukrainian civilians were killed in a bombing on Sunday."),
                             "ASSAULT", "UKR")
    assert event["confidence"] < 0.8  # below an event whose source is known
    assert _unattributed(events("A car bomb killed three Syrian soldiers."), "ASSAULT", "SYR")
    assert _unattributed(events("Four French soldiers were wounded by a roadside bomb."),
                         "ASSAULT", "FRA")
    assert _unattributed(events("Unidentified gunmen kidnapped two Chinese engineers."),
                         "ASSAULT", "CHN")


def test_a_nationality_on_the_means_names_the_attacker(nlp):
    assert find(events("Two Ukrainian civilians were killed in a Russian drone attack."),
                "ASSAULT", "RUS", "UKR")
    assert find(events("An Israeli airstrike killed five Hamas fighters."), "ASSAULT", "ISR", "PSE")


def test_attackers_unnamed_abroad_take_the_country_where_they_struck(nlp):
    found = events("Two French soldiers were killed in a bombing in Kabul.")
    (event,) = find(found, "ASSAULT", "AFG", "FRA")
    assert event["confidence"] < 0.8
    # in the victims' own country the place says nothing about the attacker
    found = events("Three Pakistani policemen were killed in a bombing in Islamabad.")
    assert find(found, "ASSAULT", target="PAK") and not find(found, "ASSAULT", "PAK", "PAK")


def test_no_unattributed_event_without_a_resolved_victim_or_for_a_mere_possibility(nlp):
    assert not find(events("The bill was killed in the Senate."), "ASSAULT")
    assert not find(events("A local journalist was killed in a car bomb explosion."), "ASSAULT")
    assert not find(events("Norway will help defend Denmark if it is attacked."), "ASSAULT")


def test_a_nominal_attack_takes_its_nationality_as_source(nlp):
    assert find(events("The Russian attack on Ukraine began in February 2022."),
                "ASSAULT", "RUS", "UKR")


def test_a_stance_prefix_does_not_name_the_actor(nlp):
    found = events("An anti-Israel activist was wounded in a bombing.")
    assert not find(found, "ASSAULT", target="ISR")


def test_the_accused_is_the_one_doing_what_he_is_accused_of(nlp):
    found = events("Pakistan accused India of providing support to Baloch militants.")
    assert find(found, "ACCUSE", "PAK", "IND")
    assert not find(found, "AID", "PAK")


def test_a_hunger_or_general_strike_is_a_protest_and_other_strikes_stay_military(nlp):
    found = events("Georgian students continued their hunger strike outside parliament.")
    assert find(found, "PROTEST", "GEO", "GEO") and not find(found, "ASSAULT")
    found = events("Greek unions launched a nationwide strike over wages.")
    assert find(found, "PROTEST", "GRC", "GRC") and not find(found, "ASSAULT")
    found = events("Russia launched strikes on Ukrainian power plants.")
    assert find(found, "ASSAULT", "RUS", "UKR") and not find(found, "PROTEST")


def test_a_strike_by_a_national_body_protests_against_its_own_government(nlp):
    found = events("France's biggest union launched a general strike on Tuesday.")
    assert find(found, "PROTEST", "FRA", "FRA")


def test_a_state_of_emergency_placed_nowhere_foreign_is_imposed_on_the_own_country(nlp):
    found = events("Serbia declared a state of emergency in several towns in the south.")
    (event,) = find(found, "COERCE", "SRB", "SRB")
    assert event["mode"] == "martial-law"
    assert find(events("Kenyan authorities imposed a curfew in two northern counties."),
                "COERCE", "KEN", "KEN")


def test_readiness_to_use_force_is_a_threat_in_plovers_reading(nlp):
    found = events("Pakistan's government is prepared to impose a curfew in the capital region.")
    (event,) = find(found, "COERCE", "PAK", "PAK")
    assert event["modality"] == "intended" and event["plover_type"] == "THREATEN"


def test_protests_prevented_hacking_and_alerts(nlp):
    assert find(events("Georgian police prevented a rally by opposition supporters."),
                "COERCE", "GEO", "GEO")
    assert find(events("Iranian hackers hacked into the servers of an Israeli water utility."),
                "COERCE", "IRN", "ISR")
    assert find(events("Indian troops remained on alert along the border with Pakistan."),
                "MOBILIZE", "IND", "PAK")


def test_the_threatened_act_is_conditional(nlp):
    found = events("Washington threatened to impose tariffs on Mexico.")
    assert find(found, "THREATEN", "USA", "MEX")
    (inner,) = find(found, "SANCTION", "USA", "MEX")
    assert inner["modality"] == "conditional" and inner["plover_type"] == "THREATEN"


def test_a_crowd_counted_or_placed_protests_against_its_own_country(nlp):
    found = events("Tens of thousands of students throughout Serbia staged demonstrations.")
    assert find(found, "PROTEST", "SRB", "SRB")
    assert find(events("Demonstrators in Nairobi blocked a highway."), "PROTEST", "KEN", "KEN")
    assert find(events("Four opposition parties in Bangladesh organised a general strike."),
                "PROTEST", "BGD", "BGD")
    assert not events("European leaders will gather in Paris on Thursday.")


def test_a_threat_with_its_infinitive_after_a_date(nlp):
    found = events("Beijing threatened on Monday to punish Taiwan.")
    assert find(found, "THREATEN", "CHN", "TWN")


def test_a_government_restricting_its_own_society_acts_on_its_own_country(nlp):
    assert find(events("Belarus disbanded the country's largest journalists' union."),
                "COERCE", "BLR", "BLR")
    assert find(events("Georgian police raided the offices of opposition parties."),
                "COERCE", "GEO", "GEO")
    assert find(events("Azerbaijan deployed riot police against the protesters."),
                "MOBILIZE", "AZE", "AZE")
    assert find(events("The Thai army threatened martial law."), "THREATEN", "THA", "THA")


def test_an_act_on_a_condition_is_conditional_and_a_conditional_protest_a_threat(nlp):
    found = events("If the talks fail, Washington will impose sanctions on Iran.")
    (event,) = find(found, "SANCTION", "USA", "IRN")
    assert event["modality"] == "conditional"
    (boycott,) = find(events("The Kenyan opposition will boycott the vote unless the president resigns."),
                      "PROTEST", "KEN")
    assert boycott["modality"] == "conditional" and boycott["plover_type"] == "THREATEN"
    (rally,) = find(events("Georgian students will rally outside parliament on Saturday."), "PROTEST")
    # the act stays a protest; PLOVER reads an announced intention to protest as a threat
    assert rally["modality"] == "intended" and rally["plover_type"] == "THREATEN"


def test_a_compound_says_what_the_object_is(nlp):
    found = events("Egypt ended its mediation efforts between Israel and Hamas.")
    assert find(found, "SANCTION", "EGY", "ISR")
    assert not events("Egypt ended its efforts between Israel and Hamas.")


def test_the_victim_of_a_relative_clause_is_the_noun_it_describes(nlp):
    found = events("Hamas mourned Ismail Haniyeh, who was killed by an Israeli missile in Tehran.")
    assert find(found, "ASSAULT", "ISR", "PSE")


def test_pausing_aid_is_a_sanction(nlp):
    assert find(events("Germany paused its development aid to Niger in 2023."), "SANCTION", "DEU", "NER")


def test_a_crowd_protests_for_the_country_where_it_gathers(nlp):
    assert find(events("Thousands of protesters marched outside parliament in Yerevan on Sunday."),
                "PROTEST", "ARM", "ARM")
    assert find(events("Tens of thousands of protesters filled the streets of Tbilisi."),
                "PROTEST", "GEO", "GEO")
    assert not find(events("Hundreds of officials gathered in Paris on Monday."), "PROTEST")


def test_a_light_verb_reaches_through_a_duration_or_a_quantity(nlp):
    assert find(events("Russia began three days of naval drills near Japan."), "MOBILIZE", "RUS", "JPN")
    assert find(events("Belarus kept thousands of troops near the border with Poland."),
                "MOBILIZE", "BLR", "POL")


def test_a_deadline_given_is_an_ultimatum(nlp):
    assert find(events("Israel gave Hezbollah until Friday to withdraw its fighters."),
                "THREATEN", "ISR", "LBN")
    assert not find(events("Germany gave Ukraine tanks on Friday."), "THREATEN")


def test_continuing_a_military_campaign_is_violence_and_an_election_campaign_is_not(nlp):
    assert find(events("Russia continued its air campaign against Ukraine."), "ASSAULT", "RUS", "UKR")
    assert find(events("Turkey continued its offensive against Kurdish militants in Syria."),
                "ASSAULT", "TUR")
    assert not events("Macron continued his election campaign in Lyon.")


def test_withdrawing_from_an_organisation_is_a_sanction_and_from_a_place_a_retreat(nlp):
    found = events("Mali and Niger withdrew from ECOWAS in January.")
    assert find(found, "SANCTION", "MLI", "ECOWAS") and not find(found, "RETREAT")
    assert find(events("Venezuela pulled out of the OAS in 2019."), "SANCTION", "VEN", "OAS")
    assert find(events("Russian forces withdrew from northern Ukraine in April 2022."),
                "RETREAT", "RUS", "UKR")


def test_forces_moved_at_home_are_a_mobilisation_without_target(nlp):
    (event,) = find(events("Trudeau sent 1,200 soldiers to Canada's southern border."), "MOBILIZE", "CAN")
    assert event["target"] is None
    assert find(events("Russia deployed troops to the border with Ukraine."), "MOBILIZE", "RUS", "UKR")


def test_a_tightened_blockade_and_a_threatened_voting_ban(nlp):
    (event,) = find(events("The EU said it would tighten the naval blockade of Libya."), "SANCTION", "EU", "LBY")
    assert event["plover_type"] == "THREATEN"
    assert find(events("Moscow threatened to ban voting in the occupied regions."), "COERCE", "RUS", "RUS")


def test_up_to_a_number_is_the_object(nlp):
    found = events("Hamas has abducted up to 250 Israeli civilians from their homes.")
    assert find(found, "ASSAULT", "PSE", "ISR")


def test_no_unattributed_event_for_a_denied_attack(nlp):
    assert not find(events("No Israeli soldiers were wounded."), "ASSAULT")


def test_the_target_of_a_threat_in_the_object_of_the_threatened_act(nlp):
    assert find(events("Hezbollah threatened to resume attacks on Israel."), "THREATEN", "LBN", "ISR")
