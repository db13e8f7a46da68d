import datetime as dt

from communique.ingest import ReadOptions, split_headline
from communique.ingest.text import parse_text, read_text
from communique.records import Article, Reject

SEEDLIKE = (
    "  date 2025-03-11 Envoys meet in Jeddah over truce plan; Kyiv signals openness: "
    "Ukrainian and American officials met in Jeddah on Tuesday to discuss a proposal for a "
    "thirty-day ceasefire.\n\nJeddah:\n\nThe talks lasted more than eight hours.\n\n"
    "\"We are ready,\" the Ukrainian delegation said.\n"
)


def read(raw: str | bytes) -> list[Article | Reject]:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return list(read_text(data, "a.txt", ReadOptions()))


def test_text_reads_date_title_and_dateline():
    (article,) = read(SEEDLIKE)
    assert isinstance(article, Article)
    assert article.date == dt.date(2025, 3, 11)
    assert article.title == "Envoys meet in Jeddah over truce plan; Kyiv signals openness"
    assert article.dateline == "Jeddah"
    assert article.text.startswith("Envoys meet in Jeddah over truce plan; Kyiv signals openness: Ukrainian")
    assert "Jeddah:" not in article.text
    assert article.text.endswith("the Ukrainian delegation said.")


def test_text_title_is_a_prefix_of_text_so_offsets_hold():
    (article,) = read(SEEDLIKE)
    assert article.title and article.text.startswith(article.title)


def test_text_headline_only_line_is_the_whole_title():
    (article,) = read("date 2025-06-25 NATO leaders agree to raise defence spending\n\nBody text here.")
    assert article.title == "NATO leaders agree to raise defence spending"
    assert article.dateline is None


def test_text_without_date_line_is_undated():
    (article,) = read("Leaders met in Rome.\n\nThey talked for hours.")
    assert isinstance(article, Article)
    assert article.date is None


def test_text_impossible_date_is_rejected_with_line():
    (reject,) = read("date 2025-13-40 Something happened\n\nBody.")
    assert isinstance(reject, Reject)
    assert reject.line == 1
    assert "impossible date" in reject.reason and "2025-13-40" in reject.reason


def test_text_empty_file_is_rejected():
    (reject,) = read("   \n\n  ")
    assert isinstance(reject, Reject) and reject.reason == "empty text"


def test_text_binary_content_is_rejected():
    (reject,) = read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert isinstance(reject, Reject) and "binary" in reject.reason


def test_text_undecodable_bytes_are_rejected_naming_the_line():
    (reject,) = read(b"date 2025-01-02 Title\n\nGood line\nBad \xff\xfe line\n")
    assert isinstance(reject, Reject)
    assert reject.line == 4 and "undecodable" in reject.reason
    assert reject.raw.endswith(b"line\n")


def test_text_same_content_gets_same_id_and_date_changes_it():
    a = parse_text("date 2025-01-02 Title\n\nBody text.")
    b = parse_text("date 2025-01-02   Title  \n\n\n\nBody   text.")
    c = parse_text("date 2025-01-03 Title\n\nBody text.")
    assert a.id == b.id and a.content_hash == b.content_hash
    assert a.id != c.id


def test_split_headline_keeps_colon_inside_short_headline():
    assert split_headline("Ukraine war: what we know") == "Ukraine war: what we know"


def test_split_headline_takes_first_sentence_of_long_line_without_boundary():
    line = ("Leaders gathered in Paris. " + "They discussed many things at length today " * 5).strip()
    assert split_headline(line) == "Leaders gathered in Paris."
