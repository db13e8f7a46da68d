import gzip
import io
import json
import sys

import pytest

from communique.errors import InputError
from communique.ingest import read_articles
from communique.records import Article


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_read_recursively_and_skips_unknown_extensions(tmp_path):
    write(tmp_path / "a.txt", "date 2025-01-01 A headline\n\nBody one.")
    write(tmp_path / "sub" / "b.txt", "date 2025-01-02 B headline\n\nBody two.")
    write(tmp_path / "README.md", "# not an article")
    write(tmp_path / ".hidden.txt", "date 2025-01-03 hidden\n\nno")
    items = list(read_articles([str(tmp_path)]))
    assert [i.title for i in items] == ["A headline", "B headline"]


def test_glob_and_gz(tmp_path):
    record = json.dumps({"id": "z1", "date": "2025-05-05", "text": "Zipped."}) + "\n"
    (tmp_path / "x.jsonl.gz").write_bytes(gzip.compress(record.encode()))
    write(tmp_path / "y.jsonl", json.dumps({"id": "y1", "text": "Plain."}) + "\n")
    items = list(read_articles([str(tmp_path / "*.jsonl*")]))
    assert sorted(i.id for i in items) == ["y1", "z1"]


def test_stdin_is_sniffed(monkeypatch):
    data = (json.dumps({"id": "s1", "text": "From stdin."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,) = list(read_articles(["-"]))
    assert isinstance(article, Article) and article.id == "s1"


def test_missing_path_raises_input_error_naming_it(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="nope.txt: no such file"):
        list(read_articles([missing]))


def test_unknown_format_name_is_an_error():
    with pytest.raises(InputError, match="unknown input format 'xml'"):
        list(read_articles(["-"], fmt="xml"))
