"""Precision rules of the events stage: what is not an event, or not this event, in news
copy (sentences written for these tests)."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow

events = events_of
find = find_events


def test_no_party_on_either_side_is_no_event(nlp):
    # two companies the knowledge base cannot place: who acted on whom is unknown
    assert events("Acme Holdings sued Globex Corporation over the contract.") == []


def test_unplaced_source_of_a_targetless_act_stays(nlp):
    # a resignation needs no target: its unplaced source keeps the event's type
    assert find(events("Lt. Gen. Marcus Halvorsen resigned yesterday to allow new elections."),
                "RETREAT")


def test_leaving_a_named_organisation_is_sanction_not_retreat(nlp):
    found = events("Mali, Niger and Burkina Faso withdrew from ECOWAS in January.")
    assert find(found, "SANCTION", "MLI", "ECOWAS") and not find(found, "RETREAT")


def test_troops_withdrawing_from_a_town_stay_retreat(nlp):
    found = events("Russian troops withdrew from Kherson after the Ukrainian offensive.")
    assert find(found, "RETREAT", "RUS") and not find(found, "SANCTION")


def test_speaking_to_an_audience_is_no_meeting(nlp):
    found = events("Speaking to senior NATO and European Union officers in Brussels on Monday, "
                   "Belgian Defence Minister Theo Francken stressed the need to spend more.")
    assert not find(found, "CONSULT")
    assert not find(events("Speaking to British lawmakers last month, Keir Starmer said the "
                           "deal was vital."), "CONSULT")


def test_speaking_to_a_leader_by_phone_stays_a_call(nlp):
    found = events("Speaking to Putin by phone on Monday, Erdogan said Turkey was ready to host talks.")
    assert find(found, "CONSULT", "TUR", "RUS")


def test_a_question_is_no_request(nlp):
    assert not find(events("Macron asked Putin whether Russia would accept a truce."), "REQUEST")


def test_a_request_for_comment_is_the_press_at_work(nlp):
    found = events("The White House did not respond to an email from Reuters requesting "
                   "comment on Ukraine.")
    assert not find(found, "REQUEST")


def test_asking_to_act_stays_a_request(nlp):
    assert find(events("Macron asked Putin to agree to a truce."), "REQUEST", "FRA", "RUS")


def test_what_a_noun_is_about_is_no_target(nlp):
    # the concerns are others'; Trump is their topic, not the one rebuffed
    assert not find(events("The German chancellor dismissed concerns about Trump's tariff plans."),
                    "REJECT", target="USA")


def test_no_target_from_deep_inside_a_modifier(nlp):
    found = events("American jets struck targets in villages abandoned by militias loyal to "
                   "the former Libyan leader.")
    assert not find(found, "ASSAULT", "USA", "LBY")


def test_target_inside_a_clause_on_the_object_stays(nlp):
    assert find(events("Berlin rejected the plan that Russian officials had proposed."),
                "REJECT", "DEU", "RUS")


def test_an_act_named_to_place_another_in_time_is_background(nlp):
    assert not find(events("Trade with China grew fast before Russia invaded Ukraine."), "ASSAULT")


def test_the_nominal_object_of_a_condemnation_is_its_topic(nlp):
    found = events("Unlike most of Europe, India has never condemned Russia's invasion of Ukraine.")
    assert find(found, "ACCUSE", "IND", "RUS")[0]["polarity"] == "negated"
    assert not find(found, "ASSAULT")


def test_a_nominal_event_standing_alone_stays(nlp):
    assert find(events("Russia's invasion of Ukraine shocked European capitals."),
                "ASSAULT", "RUS", "UKR")


def test_troops_moved_at_home_are_a_mobilisation_with_no_target(nlp):
    (event,) = find(events("Sheinbaum sent 10,000 troops to Mexico's northern border on Friday."),
                    "MOBILIZE", "MEX")
    assert event["target"] is None


def test_troops_sent_to_another_country_have_it_as_target(nlp):
    assert find(events("Russia sent troops to the Ukrainian border."), "MOBILIZE", "RUS", "UKR")


def test_an_unplaced_target_beside_a_placed_one_is_dropped(nlp):
    found = find(events("Washington imposed sanctions on Acme Holdings and Russia."), "SANCTION")
    assert [e["target"]["party"] for e in found] == ["RUS"]


def test_convening_a_meeting_with_parties_has_them_as_targets(nlp):
    found = events("Qatar will convene a meeting in Doha with Iran and Saudi Arabia on Friday.")
    assert find(found, "CONSULT", "QAT", "IRN") and find(found, "CONSULT", "QAT", "SAU")


def test_flying_others_somewhere_is_no_visit(nlp):
    assert not find(events("US military planes flew the deported migrants to Guatemala on Tuesday."),
                    "CONSULT")


def test_a_trip_at_home_is_no_visit(nlp):
    assert not find(events("President Emmanuel Macron travelled to Paris on Monday."), "CONSULT")


def test_a_trip_abroad_stays_a_visit(nlp):
    assert find(events("Hungarian Prime Minister Viktor Orban flew to Moscow on Friday."),
                "CONSULT", "HUN", "RUS")


def test_ordering_an_arrest_is_one_coercion_not_also_a_request(nlp):
    found = events("Ukrainian prosecutors ordered the arrest of Russian generals on Monday.")
    assert find(found, "COERCE", "UKR", "RUS") and not find(found, "REQUEST")


def test_what_a_visitor_hopes_another_will_do_is_no_event(nlp):
    found = events("Zelenskyy travelled to Washington in the hope that the United States would "
                   "send more air defence systems to Ukraine.")
    assert find(found, "CONSULT", "UKR", "USA") and not find(found, "AID")


def test_what_a_dispute_is_about_is_no_new_event(nlp):
    assert not find(events("The two leaders argued over U.S. aid to Ukraine in the Oval Office."),
                    "AID")


def test_an_act_with_an_if_clause_is_conditional(nlp):
    (event,) = find(events("Trump said that if Europe keeps its whiskey tariff, he will impose a "
                           "200% tariff on French wine."), "SANCTION", "USA")
    assert event["modality"] == "conditional"


def test_the_sources_own_country_inside_a_clause_on_the_object_is_no_target(nlp):
    assert not find(events("Trump delayed for a month a 25% tariff on all goods shipped to the "
                           "United States."), "CONCEDE", "USA", "USA")
    assert not find(events("Biden said Xi had agreed to restore the military hotline, which "
                           "Beijing cut off last year."), "AGREE", "CHN", "CHN")


def test_a_visit_restated_as_a_count_is_no_new_event(nlp):
    assert not find(events("It is Orban's third visit to China this year."), "CONSULT")
    assert not find(events("This marks the Hungarian leader's third trip to Beijing since 2023."),
                    "CONSULT")


def test_a_quantity_of_a_noun_event_under_its_light_verb(nlp):
    found = events("U.S. forces carried out a series of airstrikes against the Islamic State in Syria.")
    assert find(found, "ASSAULT", "USA", "IS")
    assert find(events("Russia launched a wave of drone attacks on Kyiv."), "ASSAULT", "RUS", "UKR")


def test_the_main_clauses_negation_does_not_reach_its_reason(nlp):
    (event,) = find(events("The risk for China is not limited to chips, because Washington could "
                           "impose sanctions on Chinese AI firms."), "SANCTION", "USA", "CHN")
    assert event["polarity"] == "affirmed"


def test_what_one_leader_tells_another_in_a_call_is_a_consultation(nlp):
    found = events("Macron told Zelenskyy in a video call on Sunday that France would keep up its aid.")
    assert find(found, "CONSULT", "FRA", "UKR")
    assert not find(events("Macron told reporters in Paris that France would keep up its aid."),
                    "CONSULT")


def test_who_a_rebuffed_fear_is_about_is_no_target(nlp):
    assert not find(events("The German finance minister rebuffed fears that Trump's tariffs would "
                           "push Europe into recession."), "REJECT")


def test_one_states_officials_meeting_among_themselves_consult_no_one(nlp):
    assert not find(events("U.S. officials will convene this weekend to study Russia's reply."),
                    "CONSULT")


def test_a_body_that_convenes_still_meets(nlp):
    assert find(events("The Security Council convened an emergency session on Friday."),
                "CONSULT", "UN")


def test_the_bloc_is_the_body_named_before(nlp):
    found = events("ECOWAS held a summit in Abuja. Mali accused the regional body of failing its members.")
    assert find(found, "ACCUSE", "MLI", "ECOWAS")


def test_a_body_noun_with_no_body_named_before_names_no_one(nlp):
    assert not find(events("Mali accused the regional body of failing its members."), "ACCUSE")


def test_dismissing_a_reply_as_stalling_accuses(nlp):
    # an "as" phrase with a gerund ascribes conduct to the other side: ACCUSE
    found = events("Seoul dismissed Pyongyang's statement as deliberately raising tensions on the peninsula.")
    assert find(found, "ACCUSE", "KOR", "PRK") and not find(found, "REJECT")


def test_dismissing_a_plan_as_unrealistic_stays_a_rejection(nlp):
    found = events("Seoul dismissed Pyongyang's proposal as unrealistic.")
    assert find(found, "REJECT", "KOR", "PRK") and not find(found, "ACCUSE")


def test_restrictions_on_goods_are_a_sanction(nlp):
    found = events("Tokyo imposed restrictions on South Korean chemical exports in July 2019.")
    assert find(found, "SANCTION", "JPN", "KOR") and not find(found, "COERCE")


def test_restrictions_on_people_stay_coercion(nlp):
    found = events("Myanmar's junta imposed restrictions on Rohingya villagers in Rakhine state.")
    assert not find(found, "SANCTION")


def test_maximum_pressure_is_a_sanction_campaign(nlp):
    found = events("Washington vowed to keep up maximum pressure on Pyongyang until it gives up its weapons.")
    assert find(found, "SANCTION", "USA", "PRK") and not find(found, "REQUEST")


def test_plain_pressure_stays_a_request(nlp):
    found = events("Washington put pressure on Seoul to raise its defence spending.")
    assert find(found, "REQUEST", "USA", "KOR") and not find(found, "SANCTION")


def test_who_names_the_thing_in_a_clause_is_no_target(nlp):
    # "what Beijing calls ...": the speaker's own side naming the thing, not the party acted on
    found = events("Chinese Foreign Ministry spokesperson Lin Jian rejected other countries' "
                   "imposition of what Beijing calls unilateral sanctions.")
    assert not find(found, "REJECT", "CHN", "CHN")


def test_another_party_beside_such_a_clause_stays_the_target(nlp):
    found = events("Russian Foreign Minister Sergei Lavrov rejected the West's use of what Moscow "
                   "calls illegal sanctions.")
    assert find(found, "REJECT", "RUS", "WST")


def test_resuming_paused_cooperation_is_a_concession(nlp):
    # the guidelines: pausing aid is SANCTION, resuming it CONCEDE; so for cooperation
    found = events("Seoul resumed military cooperation with Tokyo in 2023.")
    assert find(found, "CONCEDE", "KOR", "JPN") and not find(found, "COOPERATE")


def test_resumed_exports_stay_cooperation(nlp):
    found = events("Canberra resumed beef exports to Beijing last year.")
    assert find(found, "COOPERATE", "AUS", "CHN") and not find(found, "CONCEDE")


def test_whom_a_visit_is_for_meeting_is_its_target(nlp):
    found = events("Erdogan travelled to Belgium on Tuesday for talks with NATO leaders.")
    assert find(found, "CONSULT", "TUR", "NATO") and not find(found, "CONSULT", "TUR", "BEL")


def test_a_visit_with_no_meeting_named_keeps_its_place(nlp):
    assert find(events("Erdogan travelled to Belgium on Tuesday."), "CONSULT", "TUR", "BEL")


def test_an_unplaced_co_source_adds_no_partyless_duplicate(nlp):
    found = events("French President Emmanuel Macron and the activist Maren Oddvik urged Iran to "
                   "free the detained aid workers.")
    assert find(found, "REQUEST", "FRA", "IRN")
    assert not [e for e in find(found, "REQUEST") if not (e["source"] or {}).get("party")]


def test_an_unplaced_source_alone_keeps_its_event(nlp):
    assert find(events("Maren Oddvik urged Iran to free the detained aid workers."), "REQUEST",
                None, "IRN")


def test_keeping_tariffs_in_place_is_a_sanction(nlp):
    found = events("Brussels is keeping its duties in place on Chinese electric cars. "
                   "Washington will maintain tariffs on Brazil and India.")
    assert find(found, "SANCTION", "USA", "BRA") and find(found, "SANCTION", "USA", "IND")


def test_banning_the_supply_of_goods_to_a_state_is_a_sanction(nlp):
    found = events("The Netherlands banned the supply of chipmaking machines to China last year.")
    assert find(found, "SANCTION", "NLD", "CHN") and not find(found, "COERCE")


def test_ceasing_aid_is_a_sanction(nlp):
    found = events("Washington ceased its funding to UNRWA in January 2024.")
    assert find(found, "SANCTION", "USA")


def test_ceasing_fire_is_no_sanction(nlp):
    assert not find(events("Israel and Hamas ceased fire on Sunday."), "SANCTION")


def test_a_bloc_meeting_within_itself_consults_its_members(nlp):
    found = events("ASEAN foreign ministers gathered in Kuala Lumpur on Tuesday.")
    assert find(found, "CONSULT", "ASEAN", "ASEAN")


def test_crowds_gathering_stay_a_protest(nlp):
    found = events("Thousands of protesters gathered in central Tbilisi on Sunday.")
    assert find(found, "PROTEST", "GEO") and not find(found, "CONSULT")


def test_costs_imposed_on_a_state_are_a_sanction(nlp):
    found = events("The G7 vowed to impose severe costs on Moscow over the annexation.")
    assert find(found, "SANCTION", "G7", "RUS")


def test_agreeing_with_a_proposal_endorses_it(nlp):
    found = events("Tokyo agreed with the EU's plan for a joint naval mission.")
    assert find(found, "SUPPORT", "JPN", "EU") and not find(found, "AGREE", "JPN", "EU")


def test_agreeing_with_a_party_stays_an_agreement(nlp):
    assert find(events("Armenia agreed with Azerbaijan on the text of a peace treaty."), "AGREE", "ARM", "AZE")


def test_hitting_a_state_with_tariffs_is_no_assault(nlp):
    found = events("Washington hit Ottawa with a 35% levy on lumber in August.")
    assert find(found, "SANCTION", "USA", "CAN") and not find(found, "ASSAULT")


def test_retaliating_with_tariffs_is_a_sanction(nlp):
    found = events("Ottawa retaliated with duties on American orange juice in March.")
    assert find(found, "SANCTION", "CAN", "USA")


def test_doubling_a_tariff_is_a_sanction(nlp):
    found = events("Washington doubled the tariff on Indian goods to 50% in August.")
    assert find(found, "SANCTION", "USA", "IND")
