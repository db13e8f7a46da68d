import datetime as dt
import json

from communique.ingest import FieldMap, ReadOptions
from communique.ingest.jsonl import read_jsonl
from communique.records import Article, Reject


def read(data: bytes, **fields: str) -> list[Article | Reject]:
    return list(read_jsonl(data, "in.jsonl", ReadOptions(fields=FieldMap(**fields))))


def line(**record) -> str:
    return json.dumps(record)


GOOD = [line(id=f"a{i}", date="2025-02-0" + str(i + 1), title=f"T{i}", text=f"Story number {i}.",
             source="Wire", url=f"https://example.org/{i}", topic="world") for i in range(5)]
BROKEN = [
    '{"id": "b1", "text": "unterminated',                        # broken JSON
    line(id="b2", date="2025-13-40", text="Impossible date."),    # impossible date
    line(id="b3", date="2025-01-01", text="   "),                 # empty text
    line(id="b4", date="2025-01-01", title="no text field"),       # missing text
    '["not", "an", "object"]',                                    # wrong type
]


def test_jsonl_five_good_five_broken_lines():
    lines = [GOOD[0], BROKEN[0], GOOD[1], BROKEN[1], BROKEN[2], GOOD[2], BROKEN[3], GOOD[3],
             BROKEN[4], GOOD[4]]
    items = read("\n".join(lines).encode())
    good = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, Reject)]
    assert [a.id for a in good] == ["a0", "a1", "a2", "a3", "a4"]
    assert [r.line for r in bad] == [2, 4, 5, 7, 9]
    assert "invalid JSON" in bad[0].reason
    assert "impossible date" in bad[1].reason
    assert bad[2].reason == "empty text"
    assert "no 'text' field" in bad[3].reason
    assert "expected a JSON object" in bad[4].reason
    assert bad[0].raw == BROKEN[0].encode()


def test_jsonl_fields_and_metadata_are_kept():
    (article,) = read(GOOD[0].encode())
    assert article.date == dt.date(2025, 2, 1)
    assert (article.title, article.source, article.url) == ("T0", "Wire", "https://example.org/0")
    assert article.meta == {"topic": "world"}
    assert article.origin == "in.jsonl:1"


def test_jsonl_field_mapping_reads_utc_timestamp():
    data = line(id="8001", published="2025-03-14 23:30:26Z", headline="H", body="Text.").encode()
    (article,) = read(data, date="published", title="headline", text="body")
    assert article.date == dt.date(2025, 3, 14)
    assert article.title == "H" and article.text == "Text."


def test_jsonl_timestamp_with_offset_is_converted_to_utc_date():
    (article,) = read(line(text="x y", date="2025-03-14T23:30:00-05:00").encode())
    assert article.date == dt.date(2025, 3, 15)


def test_jsonl_null_date_is_undated_not_rejected():
    (article,) = read(line(text="Undated story.", date=None).encode())
    assert isinstance(article, Article) and article.date is None


def test_jsonl_undecodable_line_is_rejected_alone():
    data = GOOD[0].encode() + b"\n" + b'{"text": "bad \xff byte"}' + b"\n" + GOOD[1].encode()
    items = read(data)
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert items[1].line == 2 and "undecodable" in items[1].reason


def test_jsonl_without_id_gets_stable_hash_id():
    a, b = read((line(text="Same text.", date="2025-01-01") + "\n"
                 + line(text="Same  text.", date="2025-01-01")).encode())
    assert a.id == b.id and len(a.id) == 16


def test_json_array_file_is_read():
    data = json.dumps([{"text": "One."}, {"text": ""}, {"text": "Three."}]).encode()
    items = read(data)
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert items[1].line == 2
