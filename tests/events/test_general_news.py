"""Readings that a random sample of general news got wrong (docs/events.md, "Precision on
general news"), on sentences written for these tests."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow

events = events_of
find = find_events


def test_a_call_for_something_is_no_phone_call(nlp):
    found = events("Japan and South Korea called for an investigation of the missile launch.")
    assert not find(found, "CONSULT")
    # the phone sense stays when the call names whom it reaches
    assert find(events("Macron called Vladimir Putin on Sunday for the first time in two years."),
                "CONSULT", "FRA", "RUS")


def test_calling_out_is_criticism(nlp):
    found = events("Blinken is expected to call out Beijing's support for Moscow during the visit.")
    assert not find(found, "CONSULT")
    assert find(events("The Dutch foreign minister called out Moscow over its cyberattacks."),
                "ACCUSE", "NLD", "RUS")


def test_traded_recriminations_are_no_trade(nlp):
    assert not find(events("Tokyo and Seoul have traded angry recriminations over the wartime "
                           "labour ruling."), "COOPERATE")
    assert not find(events("Ankara and Athens traded barbs over the maritime border."), "COOPERATE")
    assert find(events("India traded with Russia in rupees last year."), "COOPERATE", "IND", "RUS")


def test_obstructing_an_inquiry_is_no_protest(nlp):
    assert not find(events("Prosecutors say the Brazilian president obstructed the Argentine "
                           "investigation into the smuggling ring."), "PROTEST")
    assert find(events("Polish truckers obstructed traffic at the Ukrainian border crossing."),
                "PROTEST", "POL")


def test_states_clashing_over_an_issue_clash_in_words(nlp):
    found = events("Albanese clashed with Beijing over the detention of an Australian writer.")
    assert find(found, "ACCUSE", "AUS", "CHN")
    assert not find(found, "ASSAULT")
    # forces on either side keep the fighting
    assert find(events("Indian troops clashed with Chinese soldiers over the disputed ridge."),
                "ASSAULT", "IND", "CHN")


def test_greetings_are_support_not_a_promise(nlp):
    found = events("Xi Jinping offered his Lunar New Year greetings to Prime Minister Lee and his "
                   "government.")
    assert find(found, "SUPPORT", "CHN", "KOR")
    assert not find(found, "AGREE")


def test_a_title_before_a_name_is_no_accusation(nlp):
    found = events("Rubio said Havana had not changed since Cuban dictator Fidel Castro seized power.")
    assert not find(found, "ACCUSE")
    assert find(events("Lavrov said the Western warmongers were to blame."), "ACCUSE", "RUS")


def test_a_warning_about_a_risk_is_no_threat(nlp):
    assert not find(events("The NATO commander warned the U.S. Congress about Chinese cyber "
                           "activity in the Baltic region."), "THREATEN")
    assert find(events("Moscow warned Helsinki of retaliation for joining NATO."), "THREATEN", "RUS")


def test_agreeing_that_something_is_so_is_a_view_not_an_agreement(nlp):
    assert not find(events("Britain and France agree that the presidential vote in Venezuela was "
                           "neither free nor fair."), "AGREE")
    assert find(events("Russia and Ukraine agree to extend the grain deal."), "AGREE", "RUS")


def test_an_object_of_another_sense_is_no_event(nlp):
    # `not_object`: releasing a statement or footage frees no one
    assert not find(events("The Kremlin released a statement to Ukrainian media on Friday."), "RETREAT")
    assert not find(events("The Pentagon released footage of the Russian jet to reporters."), "RETREAT")
    assert find(events("Hamas released two Israeli women on Monday."), "RETREAT", "PSE", "ISR")
    # demonstrating a point is no demonstration
    assert not find(events("The Chinese ambassador cited Japanese defence budgets to demonstrate "
                           "that point."), "PROTEST")
