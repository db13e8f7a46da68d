from communique.ingest import FieldMap, ReadOptions
from communique.ingest.tabular import read_csv, read_tsv
from communique.records import Article, Reject


def test_csv_rows_with_wrong_field_count_are_rejected_with_line():
    data = (
        b"id,date,title,text\n"
        b"1,2025-01-01,One,First story.\n"
        b"2,2025-01-02,Two\n"
        b'3,2025-01-03,Three,"A story\nover two lines."\n'
        b"4,2025-01-04,Four,Fourth story.,extra\n"
        b"5,2025-01-05,Five,Fifth.\n"
    )
    items = list(read_csv(data, "in.csv", ReadOptions()))
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article", "Reject", "Article"]
    assert items[1].line == 3 and "3 fields, the header has 4" in items[1].reason
    assert items[2].text == "A story\nover two lines."
    assert items[3].line == 6 and items[3].raw == b"4,2025-01-04,Four,Fourth story.,extra\n"
    assert items[4].id == "5"


def test_csv_field_mapping_and_bad_date():
    data = b"uid,when,body\nx,2025-02-30,Leap?\ny,2025-02-28,Fine.\n"
    items = list(read_csv(data, "in.csv", ReadOptions(FieldMap(id="uid", date="when", text="body"))))
    assert isinstance(items[0], Reject) and "impossible date" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "y"


def test_csv_without_text_column_rejects_file_with_hint():
    (reject,) = list(read_csv(b"a,b\n1,2\n", "in.csv", ReadOptions()))
    assert "--field text=" in reject.reason


def test_csv_undecodable_row_is_rejected_alone():
    data = b"id,text\n1,good\n2,bad \xff here\n3,fine\n"
    items = list(read_csv(data, "in.csv", ReadOptions()))
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    assert items[1].line == 3


def test_tsv_is_read():
    (article,) = list(read_tsv(b"id\ttext\n7\tTabbed story.\n", "in.tsv", ReadOptions()))
    assert article.id == "7"
