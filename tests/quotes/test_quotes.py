"""Quotations on texts written for these tests."""

import pytest

import communique
from communique.quotes import find_direct


def quotes(text, date="2025-09-04"):
    doc = communique.process(text, date=date).to_dict()
    for q in doc["quotes"]:
        assert doc["article"]["text"][q["start"]:q["end"]] == q["text"]
    return doc["quotes"]


def speaker(q):
    return q["speaker_name"] or q["speaker_text"]


def test_find_direct_all_mark_styles():
    text = 'A said “one two three four.” B said „five six seven eight“ and «nine ten eleven twelve».'
    assert [text[d.start:d.end] for d in find_direct(text)] == [
        "one two three four.", "five six seven eight", "nine ten eleven twelve"]


def test_unbalanced_mark_does_not_stop_the_rest():
    text = 'He said "this never closes\n\nLater she said "this one does close properly."'
    assert [text[d.start:d.end] for d in find_direct(text)] == ["this one does close properly."]


def test_multi_paragraph_quote_continues():
    text = '"First paragraph of the quote.\n\n"Second paragraph ends it," he said.'
    spans = [(text[d.start:d.end], d.continued) for d in find_direct(text)]
    assert spans == [("First paragraph of the quote.", False), ("Second paragraph ends it,", True)]


@pytest.mark.slow
def test_quote_first_and_speaker_first_with_channel(nlp):
    found = quotes('"We will not accept this plan," said Maria Zakharova in a statement. '
                   'Mark Rutte said: "Russia has nothing to do with this."')
    assert [(speaker(q), q["kind"], q["channel"]) for q in found] == [
        ("Maria Zakharova", "direct", "statement"), ("Mark Rutte", "direct", None)]


@pytest.mark.slow
def test_split_quote_keeps_the_speaker(nlp):
    found = quotes('"It is a sovereign country," said Mark Rutte. "Russia has no say in this."')
    assert [speaker(q) for q in found] == ["Mark Rutte", "Mark Rutte"]


@pytest.mark.slow
def test_told_reporters_and_pronoun_speaker(nlp):
    found = quotes('Donald Trump spoke after the call. "I will know very soon what we are going '
                   'to do," he told reporters on Wednesday.')
    (q,) = found
    assert q["speaker"] == "person:donald-trump" and q["channel"] == "reporters"


@pytest.mark.slow
def test_indirect_and_mixed_speech(nlp):
    found = quotes("Mark Rutte said that Russia will not 'decide' if the West can deploy forces. "
                   "Dmitry Peskov said the Kremlin was open to talks.")
    kinds = {q["text"]: (q["kind"], speaker(q)) for q in found}
    assert kinds["Russia will not 'decide' if the West can deploy forces"] == ("mixed", "Mark Rutte")
    assert kinds["the Kremlin was open to talks"] == ("indirect", "Dmitry Peskov")


@pytest.mark.slow
def test_warned_saying_and_according_to(nlp):
    found = quotes("Russia issued a warning to Europe, saying it would not discuss foreign troops. "
                   "According to Dmitry Peskov, the talks will resume next week.")
    by_text = {q["text"]: q for q in found}
    assert by_text["it would not discuss foreign troops"]["speaker"] == "country:RUS"
    assert speaker(by_text["the talks will resume next week"]) == "Dmitry Peskov"


@pytest.mark.slow
def test_names_and_scare_quotes_are_not_quotes(nlp):
    found = quotes("Leaders met under the banner 'Coalition of the Willing' to discuss the "
                   "so-called \"peace plan\", which Kyiv called a 'red line', in an 'X' post.")
    assert found == []


@pytest.mark.slow
def test_quote_links_to_the_event_it_reports(nlp):
    found = quotes("Vladimir Putin said he is ready to meet Volodymyr Zelenskyy.")
    (q,) = found
    assert q["kind"] == "indirect" and len(q["events"]) == 1


@pytest.mark.slow
def test_cue_after_a_long_apposition(nlp):
    found = quotes('"Nobody in the region wants another war," Jana Dvorakova, a professor of '
                   'history at a university in Vienna, told VOA.')
    assert [speaker(q) for q in found] == ["Jana Dvorakova"]


@pytest.mark.slow
def test_a_new_report_after_a_quote_is_not_its_cue(nlp):
    found = quotes('Jana Dvorakova told reporters: "We have a plan." "It will work." '
                   'Analysts say the plan is unlikely to survive the winter.')
    direct = [q for q in found if q["kind"] == "direct"]
    assert [speaker(q) for q in direct] == ["Jana Dvorakova", "Jana Dvorakova"]


@pytest.mark.slow
def test_short_quote_with_a_cue_lends_it_to_the_next(nlp):
    found = quotes('Jana Dvorakova spoke on Monday. "Absolutely not," she said. '
                   '"There will be no second round of talks."')
    assert [speaker(q) for q in found] == ["Jana Dvorakova"]


@pytest.mark.slow
def test_relative_pronoun_speaker_is_its_antecedent(nlp):
    found = quotes("The talks were hosted by Norway, which said the next round would follow in May.")
    assert [q["speaker"] for q in found] == ["country:NOR"]


@pytest.mark.slow
def test_the_statement_speaks_for_whoever_issued_it(nlp):
    found = quotes("The foreign ministers of the G7 issued a joint statement on Friday. "
                   '"We stand with Ukraine for as long as it takes," the statement said.')
    assert [q["speaker"] for q in found] == ["org:g7"]


@pytest.mark.slow
def test_a_spokesperson_speaks_for_the_body_that_spoke_before(nlp):
    found = quotes("The State Department told VOA it was aware of the reports. A spokesperson "
                   "said the department does not comment on intelligence matters.")
    assert {q["speaker"] for q in found} == {"org:us-state-department"}


@pytest.mark.slow
def test_they_are_the_subject_of_the_sentence_before(nlp):
    found = quotes("Senators Jane Harlow and Tom Brickley sent a letter to the White House. "
                   '"We are deeply concerned about the new tariffs," they wrote.')
    assert [speaker(q) for q in found] == ["Jane Harlow"]


@pytest.mark.slow
def test_a_described_speaker_is_the_last_person_to_speak(nlp):
    found = quotes("Pakistan's permanent representative to the United Nations, Omar Qadri, "
                   'told the council that the border was unsafe. "The region cannot wait any '
                   'longer for action," the Pakistani envoy said.')
    assert [speaker(q) for q in found] == ["Omar Qadri", "Omar Qadri"]


@pytest.mark.slow
def test_a_person_described_before_being_named(nlp):
    found = quotes("The head of the relief group told the council that the camps were full. "
                   '"We have never seen anything like this," said Secretary General Maren Oyelaran.')
    assert [speaker(q) for q in found] == ["Maren Oyelaran", "Maren Oyelaran"]


@pytest.mark.slow
def test_words_after_the_cue_inside_the_report_are_not_the_speaker(nlp):
    found = quotes("The newspaper cited unnamed officials as saying the ship would leave China in May.")
    assert all(q["speaker"] != "country:CHN" for q in found)


@pytest.mark.slow
def test_a_named_venue_beats_a_generic_channel(nlp):
    (q,) = quotes('"Russia must accept the ceasefire," Marco Rubio told VOA during a press gaggle.')
    assert q["channel"] == "reporters"


@pytest.mark.slow
def test_a_speaker_quoted_again_keeps_the_channel_for_a_few_sentences(nlp):
    found = quotes('"We are ready to talk," Kaja Kallas said in an interview with CNN on Monday. '
                   'She spoke from Brussels. "But Russia must stop the attacks first," Kallas said. '
                   'Mark Rutte said: "Allies will stay united."')
    assert [(speaker(q), q["channel"]) for q in found] == [
        ("Kaja Kallas", "interview"), ("Kaja Kallas", "interview"), ("Mark Rutte", None)]
