"""Recall fixes: giving ground and complaints read through their wording (sentences written
for these tests)."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow

events = events_of
find = find_events


def test_allowing_the_return_of_inspectors_lets_them_in(nlp):
    # a movement noun ("return", "entry") is read through to what moves, and its "of"
    # phrase names whose people come in
    found = events("Tehran allowed the return of IAEA inspectors to the Fordow site on Monday.")
    (event,) = find(found, "RETREAT", "IRN", "IAEA")
    assert event["cameo"] == "086"
    found = events("Caracas said it would allow the entry of UN human rights monitors.")
    (event,) = find(found, "RETREAT", "VEN", "UN")
    assert event["modality"] != "actual" and event["plover_type"] == "AGREE"


def test_the_return_of_something_else_is_no_access(nlp):
    assert not find(events("Moscow allowed the return of the Dutch ambassador in March."),
                    "RETREAT")


def test_calling_off_ones_own_strike_gives_ground(nlp):
    found = events("Kenyan doctors called off their strike on Friday after a deal on pay.")
    assert find(found, "CONCEDE", "KEN", "KEN")
    assert not find(found, "PROTEST")
    # calling off a military attack is still a retreat
    assert find(events("Washington called off a planned attack on Iran in June 2019."),
                "RETREAT", "USA", "IRN")


def test_a_complaint_targets_whom_it_is_about(nlp):
    # the body complained to is only the target when the complaint names no one
    assert find(events("Syria complained to the UN Security Council over Israeli air strikes "
                       "on Damascus airport."), "ACCUSE", "SYR", "ISR")
    assert find(events("Manila filed a complaint with the United Nations over Chinese "
                       "incursions near Scarborough Shoal."), "ACCUSE", "PHL", "CHN")
    assert find(events("Hungary complained to the European Commission about the delay."),
                "ACCUSE", "HUN", "EU")


def test_halting_a_mediation_ends_it(nlp):
    found = events("Egypt halted its mediation between Israel and Hamas last week.")
    assert find(found, "SANCTION", "EGY", "ISR") and find(found, "SANCTION", "EGY", "PSE")


def test_may_with_a_condition_is_a_conditional_warning(nlp):
    found = events("Tokyo may impose tariffs on Chinese steel if the talks fail, the minister said.")
    (event,) = find(found, "SANCTION", "JPN", "CHN")
    assert event["modality"] == "conditional" and event["plover_type"] == "THREATEN"
    # a bare possibility stays hypothetical
    (event,) = find(events("Tokyo may impose tariffs on Chinese steel."), "SANCTION", "JPN", "CHN")
    assert event["modality"] == "hypothetical"


def test_evacuating_settlements_in_a_territory_leaves_it(nlp):
    found = events("Israel will evacuate all settlements in the Gaza Strip next month, a spokesman said.")
    (event,) = find(found, "RETREAT", "ISR", "PSE")
    assert event["plover_type"] == "AGREE"


def test_swearing_to_fight_is_a_threat(nlp):
    found = events("Houthi fighters have sworn to fight Saudi Arabia until it lifts its blockade.")
    (event,) = find(found, "ASSAULT", "YEM", "SAU")
    assert event["modality"] == "intended" and event["plover_type"] == "THREATEN"


def test_receiving_a_team_of_observers_lets_them_in(nlp):
    # a collective noun ("a mission of", "a delegation of") is read through to its members
    found = events("Minsk received a mission of election monitors from the OSCE in March.")
    assert find(found, "RETREAT", "BLR", "OSCE") and not find(found, "CONSULT")
    # receiving a leader is still hosting him
    assert find(events("Riyadh received the Ukrainian president in Jeddah on Tuesday."),
                "CONSULT", "SAU", "UKR")


def test_converging_for_a_rally_is_a_protest(nlp):
    found = events("Thousands of Kenyans were converging on Nairobi for a rally against the "
                   "finance bill.")
    assert find(found, "PROTEST", "KEN")
    assert not find(events("Russian troops converged on Kyiv in February 2022."), "PROTEST")


def test_ethnic_cleansing_is_an_assault_by_whoever_engages_in_it(nlp):
    assert find(events("Myanmar's army engaged in ethnic cleansing against the Rohingya in "
                       "Rakhine State."), "ASSAULT", "MMR")
    # "were engaged in" is what the subject does, not a passive with the subject as target
    found = events("Sudanese forces were engaged in ethnic cleansing against the Masalit "
                   "people in Darfur.")
    assert find(found, "ASSAULT", "SDN")


def test_a_preposition_left_without_its_object_takes_the_clause_subject_after_it(nlp):
    # the small model parses "officers" as the subject of "holed up", leaving "to" empty
    found = events("Ecuador granted asylum to three Colombian army officers holed up in its "
                   "embassy since the coup, officials said on Friday.")
    assert find(found, "AID", "ECU", "COL")


def test_a_nationals_riots_and_demonstrations_are_their_protest(nlp):
    assert find(events("Iraqi riots against Iranian influence spread to Basra on Sunday."),
                "PROTEST", "IRQ", "IRN")
    assert find(events("Serbian demonstrations against the government drew large crowds."),
                "PROTEST", "SRB", "SRB")
    # riot police are no riot
    assert not find(events("Greek riot police cleared the square in Athens."), "PROTEST")


def test_ordering_a_newspaper_shut_is_censorship(nlp):
    found = events("The Kremlin ordered the independent broadcaster Dozhd to halt its broadcasts.")
    assert find(found, "COERCE", "RUS", "RUS") and not find(found, "REQUEST")
    # an order to a state is still a demand
    assert find(events("The ICJ ordered Israel to halt its offensive in Rafah."), "REQUEST")


def test_an_announced_suspension_of_links_is_a_sanction(nlp):
    assert find(events("Rome announced a suspension of air links with Belgrade on Wednesday."),
                "SANCTION", "ITA", "SRB")
    # a suspension of sanctions is no sanction
    assert not find(events("Washington announced a suspension of sanctions on Syria."),
                    "SANCTION")


def test_forgiving_a_party_is_support(nlp):
    found = events("Rwanda's government said it was willing to forgive Burundi for hosting the rebels.")
    (event,) = find(found, "SUPPORT", "RWA", "BDI")
    assert event["modality"] == "intended"


def test_withdrawing_a_peacekeeping_force_cuts_aid(nlp):
    # a generic head ("force") is named by its compound when patterns compete
    found = events("Kenya said it will withdraw its peacekeeping force from Haiti unless "
                   "the council renews the mandate.")
    (event,) = find(found, "SANCTION", "KEN", "HTI")
    assert event["plover_type"] == "THREATEN"
    assert find(events("Russia withdrew its forces from Syria in 2016."), "RETREAT", "RUS", "SYR")


def test_sending_peacekeepers_is_aid(nlp):
    found = events("Ireland sent a peacekeeping force to Lebanon in 1978.")
    assert find(found, "AID", "IRL", "LBN") and not find(found, "MOBILIZE")
