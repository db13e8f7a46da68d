import pytest

from communique._jsonl import commented_jsonl
from communique.errors import ConfigError, GoldError


def test_comments_and_blank_lines_are_skipped_and_lines_named():
    text = '// header\n{"a": 1}\n\n   // indented comment\n{"b": 2}\n'
    assert list(commented_jsonl(text, "f.jsonl")) == [("f.jsonl:2", {"a": 1}), ("f.jsonl:5", {"b": 2})]


def test_errors_name_the_line_and_use_the_callers_class():
    with pytest.raises(ConfigError, match="f.jsonl:2: invalid JSON"):
        list(commented_jsonl('{"a": 1}\n{oops\n', "f.jsonl"))
    with pytest.raises(GoldError, match="g.jsonl:1: expected a JSON object"):
        list(commented_jsonl("[1, 2]\n", "g.jsonl", GoldError))
