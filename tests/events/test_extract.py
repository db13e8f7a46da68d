"""Events on sentences written for these tests."""

import pytest

import communique  # noqa: F401
from support import events_of, find_events

pytestmark = pytest.mark.slow


events = events_of
find = find_events


def test_light_verb_with_target_and_relative_date(nlp):
    found = events("Russia issued a warning to Europe on Wednesday.")
    (event,) = find(found, "THREATEN", "RUS", "EUR")
    assert event["date"] == "2025-09-03" and event["date_text"] == "on Wednesday"
    assert event["polarity"] == "affirmed" and event["modality"] == "actual"
    assert event["cameo_root"] == "13" and event["quad_class"] == 3 and event["intensity"] < 0


def test_reported_intention(nlp):
    found = events("Vladimir Putin said he is ready to meet Volodymyr Zelenskyy in Moscow.")
    (event,) = find(found, "CONSULT", "RUS", "UKR")
    assert event["modality"] == "intended" and event["place"] == "Moscow"


def test_negation_reaches_the_refused_action(nlp):
    found = events("Vladimir Putin refused to meet Volodymyr Zelenskyy.")
    (event,) = find(found, "CONSULT", "RUS", "UKR")
    assert event["polarity"] == "negated"
    assert not find(found, "REJECT")


def test_demanded_event_and_the_request(nlp):
    found = events("The European Union urged Russia to withdraw its troops from Ukraine.")
    assert find(found, "REQUEST", "EU", "RUS")


def test_passive_agent_is_the_source(nlp):
    found = events("Kyiv was attacked by Russia on Thursday.")
    assert find(found, "ASSAULT", "RUS", "UKR")


def test_coordinated_sources_give_one_event_each(nlp):
    found = events("France and Britain imposed sanctions on Iran.")
    assert find(found, "SANCTION", "FRA", "IRN") and find(found, "SANCTION", "GBR", "IRN")


def test_no_event_for_plain_speech(nlp):
    assert events("Emmanuel Macron said the summit was useful.") == []


def test_same_event_in_lead_and_body_is_one_event_with_two_mentions(nlp):
    text = ("Russia issued a warning to Europe on Thursday.\n\n"
            "Officials gathered in Paris.\n\nRussia issued a warning to Europe on Thursday.")
    (event,) = find(events(text), "THREATEN", "RUS", "EUR")
    assert len(event["mentions"]) == 2


def test_dateline_is_the_place_when_the_sentence_names_none(nlp):
    (event,) = find(events("Russia issued a warning to Europe.", dateline="Paris"), "THREATEN")
    assert event["place"] == "Paris"


def test_a_question_is_not_a_demand(nlp):
    found = events("Donald Trump asked why Russia was attacking Ukraine.")
    (event,) = find(found, "ASSAULT", "RUS", "UKR")
    assert event["modality"] != "demanded"
    found = events("Donald Trump asked Russia to meet Ukraine.")
    (event,) = find(found, "CONSULT", "RUS", "UKR")
    assert event["modality"] == "demanded"


def test_a_denied_event_is_negated(nlp):
    for text in ("The Kremlin denied that Russia had attacked Ukraine.",
                 "Moscow dismissed reports that Russia attacked Poland.",
                 "Putin dismissed as nonsense suggestions that Russia planned to attack Poland."):
        assert [e["polarity"] for e in find(events(text), "ASSAULT", "RUS")] == ["negated"], text
    found = events("The Kremlin said that Russia had attacked Ukraine.")
    assert [e["polarity"] for e in find(found, "ASSAULT", "RUS", "UKR")] == ["affirmed"]


def test_an_act_about_an_earlier_event_targets_its_author(nlp):
    found = events("Russian missiles hit Kyiv on Monday. Romania condemned the strike.")
    assert find(found, "ACCUSE", "ROU", "RUS")
    # an indefinite noun is a new thing, not the event told before
    found = events("Russia attacked Ukrainian power plants on Monday. "
                   "Romania condemned an attack on a hospital.")
    assert not find(found, "ACCUSE", "ROU", "RUS")


def test_what_someone_hopes_others_will_do_is_not_their_event(nlp):
    found = events("Jane Miller, an activist, said she hopes the United States and Britain "
                   "can work together to free the prisoners.")
    assert not find(found, "COOPERATE")
    found = events("Critics suggest Europe can't afford to defend Ukraine.")
    assert not find(found, "SUPPORT")
    # the speaker's hope for their own side's act is still reported, as intended
    found = events("Keir Starmer said he hopes Britain will send more troops to Estonia.")
    assert find(found, "MOBILIZE", "GBR")


def test_a_subject_hung_on_the_auxiliary_is_still_the_source(nlp):
    found = events("North Korea is “openly” defying the Security Council, the panel's report found.")
    assert find(found, "REJECT", "PRK") and not find(found, "REJECT", "USA")
    # reported by a speaker, the defiance is that speaker's accusation (test_statements)
    found = events("The United States said North Korea is “openly” defying the Security Council.")
    assert find(found, "ACCUSE", "USA", "PRK") and not find(found, "REJECT", "USA")


def test_a_thing_as_subject_does_not_make_the_reporter_act(nlp):
    found = events("Robert Mueller said the evidence supports the charges against Paul Manafort.")
    assert not find(found, "SUPPORT")
    found = events("The Serbian government said on Tuesday that its forces had withdrawn from Kosovo.")
    assert find(found, "RETREAT", "SRB")


def test_naming_is_not_a_phone_call(nlp):
    assert not find(events("Donald Trump called Volodymyr Zelenskyy a dictator."), "CONSULT")
    assert find(events("Hungary called for talks with Russia."), "REQUEST", "HUN", "RUS")


def test_the_subject_of_a_demanded_clause_is_the_target(nlp):
    found = events("Japan demanded that China stop its drills near Taiwan.")
    assert find(found, "REQUEST", "JPN", "CHN")


def test_must_in_a_reported_clause_is_a_demand_by_the_speaker(nlp):
    found = events("Germany said on Monday that Serbia must hand over the suspects.")
    (event,) = find(found, "REQUEST", "DEU", "SRB")
    assert event["polarity"] == "affirmed" and event["date_text"] == "on Monday"
    assert not find(events("Germany said Serbia will hand over the suspects."), "REQUEST")
    assert not find(events("Serbia must hand over the suspects."), "REQUEST")


def test_a_capital_after_a_preposition_is_a_target_only_through_the_patterns_slot(nlp):
    (event,) = find(events("Emmanuel Macron arrived in Nairobi on Monday."), "CONSULT", "FRA", "KEN")
    assert event["modality"] == "actual"
    # a place is never a source, and a pattern without that slot does not take it
    assert not events("Protesters in Nairobi attacked the police.")
    # nor is it an actor of the article when no event uses it
    doc = communique.process("Emmanuel Macron spoke in Nairobi.", date="2025-09-04")
    assert "KEN" not in {a.party for a in doc.actors}


def test_a_surrender_needs_no_target(nlp):
    (event,) = find(events("Hundreds of Colombian rebels surrendered on Sunday."), "RETREAT", "COL")
    assert event["target"] is None


def test_a_place_inside_a_slot_gives_the_target_only_when_no_actor_is_named(nlp):
    assert find(events("Turkey launched an operation against militants in Syria."),
                "ASSAULT", "TUR", "SYR")
    found = events("Joe Biden warned Russia against an intervention in Ukraine.")
    assert find(found, "THREATEN", "USA", "RUS") and not find(found, "THREATEN", "USA", "UKR")


def test_a_particle_pattern_matches_its_object_only_after_its_particle(nlp):
    found = events("Canada called for the disarmament of Hamas after the ceasefire.")
    (event,) = find(found, "REQUEST", "CAN", "PSE")
    assert event["pattern"] == "REQUEST.call.for"


def test_the_next_candidate_pattern_fires_when_the_first_finds_no_target(nlp):
    # "for the first time" is no call for anything: the phone call pattern fires
    found = events("Emmanuel Macron called Vladimir Putin on Sunday for the first time in years.")
    assert find(found, "CONSULT", "FRA", "RUS")


def test_a_target_in_the_of_phrase_of_the_trigger(nlp):
    found = events("Iran held a fifth round of talks with the United States.")
    assert find(found, "CONSULT", "IRN", "USA")


def test_the_sources_own_possessive_is_skipped_for_the_next_actor(nlp):
    found = events("Turkey backed down on its objection to Sweden's membership of NATO.")
    assert find(found, "CONCEDE", "TUR", "SWE")


def test_a_threat_to_act_on_someone_named_after_a_preposition(nlp):
    found = events("Al-Shabaab threatened to deliver heavy blows to Kenya and Ethiopia.")
    assert find(found, "THREATEN", target="KEN") and find(found, "THREATEN", target="ETH")


def test_a_group_acting_where_it_is(nlp):
    found = events("Demonstrators in Nairobi burned American flags.")
    assert find(found, "PROTEST", "KEN", "USA")
    # a group named by its nationality is that country, wherever it is
    found = events("French farmers in Nairobi burned American flags.")
    assert find(found, "PROTEST", "FRA", "USA") and not find(found, "PROTEST", "KEN")


def test_a_stance_in_the_passive_voice_has_its_subject_as_source(nlp):
    assert find(events("Hungary is opposed to Ukraine's membership of the European Union."),
                "REJECT", "HUN", "UKR")
    # a true passive with no agent names no source: the attack has an unknown attacker
    assert [e["source"] for e in events("Hungary was attacked.")] == [None]


def test_an_object_pattern_without_a_particle_matches_the_direct_object_only(nlp):
    found = events("Donald Trump hosted Vladimir Putin at a military base in Alaska.")
    assert find(found, "CONSULT", "USA", "RUS") and not find(found, "COOPERATE")
    assert find(events("Britain will provide Ukraine with new tanks."), "AID", "GBR", "UKR")


def test_a_government_acting_on_its_own_opposition_acts_on_its_own_country(nlp):
    (event,) = find(events("Belarusian police detained hundreds of opposition activists."),
                    "COERCE", "BLR")
    assert event["target"]["party"] == "BLR"
    # civilians or a foreign group are not taken for the source's own country
    assert not find(events("Russian forces detained dozens of civilians."), "COERCE", "RUS", "RUS")


def test_plover_reading_of_intentions_threats_and_refusals(nlp):
    from communique.events.plover import plover_type

    assert plover_type("AID", "intended", "affirmed") == "AGREE"
    assert plover_type("SANCTION", "conditional", "affirmed") == "THREATEN"
    assert plover_type("CONSULT", "actual", "negated") == "REJECT"
    assert plover_type("ASSAULT", "actual", "affirmed") == "ASSAULT"
    assert plover_type("AGREE", "actual", "negated") == "REJECT"  # refusing to agree
    assert plover_type("PROTEST", "conditional", "affirmed") == "THREATEN"  # CAMEO 133
    assert plover_type("PROTEST", "actual", "affirmed") == "PROTEST"
    (event,) = find(events("Vladimir Putin said he is ready to meet Volodymyr Zelenskyy."),
                    "CONSULT", "RUS", "UKR")
    assert event["plover_type"] == "AGREE" and event["modality"] == "intended"


def test_refusing_to_agree_and_threatening_a_boycott_in_plover_terms(nlp):
    (event,) = find(events("Hungary refused to commit to the joint loan for Ukraine."),
                    "AGREE", "HUN")
    assert event["polarity"] == "negated" and event["plover_type"] == "REJECT"
    found = find(events("Georgian opposition parties said they would boycott the new parliament "
                        "unless the government called fresh elections."), "PROTEST", "GEO")
    assert found and all(e["plover_type"] == "THREATEN" for e in found)


def test_people_protesting_with_no_target_protest_against_their_own_government(nlp):
    (event,) = find(events("Thousands of Georgian students rallied in Tbilisi on Sunday."), "PROTEST")
    assert event["source"]["party"] == event["target"]["party"] == "GEO"
    # a state that protests is doing diplomacy, not a street protest against itself
    assert not find(events("The Philippines summoned the Chinese ambassador to protest."),
                    "PROTEST", "PHL", "PHL")


def test_what_was_asked_for_goes_to_the_one_who_asked(nlp):
    found = events("Ukraine asked the United States for more air defence systems on Monday. "
                   "Washington has not committed to providing such assistance.")
    (event,) = find(found, "AID", "USA", "UKR")
    assert event["polarity"] == "negated" and event["plover_type"] == "REJECT"
    # without an earlier request the gift has no one to go to
    assert not find(events("Washington has not committed to providing such assistance."), "AID")


def test_an_unconfirmed_report_is_hypothetical(nlp):
    found = events("Dmitry Peskov avoided confirming that Putin had agreed to meet Zelenskyy.")
    assert {e["modality"] for e in find(found, "AGREE", "RUS")} == {"hypothetical"}
    found = events("Dmitry Peskov confirmed that Putin had agreed to meet Zelenskyy.")
    assert {e["modality"] for e in find(found, "AGREE", "RUS")} == {"actual"}


def test_an_agreement_is_not_coded_again_as_its_content(nlp):
    found = events("Japan agreed to provide $50 million in flood aid to Pakistan.")
    assert find(found, "AGREE", "JPN", "PAK")
    assert not find(found, "AID")


def test_an_offer_is_its_content_intended(nlp):
    found = events("Qatar offered to mediate between Israel and Hamas.")
    (event,) = find(found, "CONSULT", "QAT", "ISR")
    assert event["modality"] == "intended"
    assert not find(found, "AGREE")


def test_a_threat_is_aimed_at_whoever_must_meet_its_condition(nlp):
    found = events("Iran threatened to close the strait unless Europe lifts its sanctions.")
    assert find(found, "THREATEN", "IRN", "EUR")


def test_a_condition_on_the_threatener_itself_gives_no_target(nlp):
    found = events("Iran threatened to quit the talks if its own parliament objects.")
    assert not find(found, "THREATEN", "IRN", "IRN")


def test_a_protests_demand_is_its_purpose_not_a_second_event(nlp):
    found = events("Thousands of Georgians rallied in Tbilisi to demand that the European "
                   "Union open accession talks.")
    assert find(found, "PROTEST", "GEO")
    assert not find(found, "REQUEST")


def test_a_demand_beside_a_protest_stays(nlp):
    found = events("Georgians rallied in Tbilisi as the Georgian government urged the "
                   "European Union to open accession talks.")
    assert find(found, "REQUEST", "GEO", "EU")


def test_a_part_of_an_aid_programme_is_read_through_the_quantity(nlp):
    found = events("The United States suspended part of a military aid programme for Niger.")
    assert find(found, "SANCTION", "USA", "NER")


def test_a_mobilisation_for_a_war_targets_the_enemy(nlp):
    found = events("Armenia mobilised its reservists for a possible war with Azerbaijan.")
    assert find(found, "MOBILIZE", "ARM", "AZE")
    (plain,) = find(events("Armenia mobilised its reservists on Sunday."), "MOBILIZE", "ARM")
    assert plain["target"] is None


def test_lifting_a_curfew_at_home_is_coded_on_the_own_country(nlp):
    found = events("Kenya lifted the nightly curfew on Monday.")
    assert find(found, "CONCEDE", "KEN", "KEN")


def test_a_protest_is_against_the_party_its_purpose_clause_names(nlp):
    found = events("Demonstrators in Caracas blocked a road to show their anger at the "
                   "United States' sanctions.")
    assert find(found, "PROTEST", "VEN", "USA")


def test_an_unplaced_name_in_the_purpose_leaves_the_own_country_target(nlp):
    found = events("Students in Caracas blocked a road to show their anger at Pedro Zambrano's "
                   "decree.")
    assert find(found, "PROTEST", "VEN", "VEN")


def test_a_person_of_no_known_country_named_as_a_states_acts_for_it(nlp):
    found = events("The Israeli president refused to meet Jordan's visiting King Abdullah II "
                   "on Monday.")
    assert find(found, "CONSULT", "ISR", "JOR")


def test_a_possessor_of_no_known_party_gives_way_to_the_nouns_own_modifier(nlp):
    found = events("Abu Mohammed al-Jaber's Islamic State cell threatened to attack Baghdad.")
    assert find(found, "THREATEN", "IS", "IRQ")


def test_a_protest_at_a_named_place_of_no_party_is_still_the_own_countrys(nlp):
    found = events("Turkish police prevented a demonstration by students at Bogazici University.")
    assert find(found, "COERCE", "TUR", "TUR")


def test_own_possessive_leaves_a_target_of_the_sources_own_country(nlp):
    found = events("Kenyan President Daniel Wekesa has reneged on his commitment to the Kenyan "
                   "people on a new constitution.")
    assert find(found, "REJECT", "KEN", "KEN")
