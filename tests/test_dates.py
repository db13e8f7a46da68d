import datetime as dt

import pytest

from communique.dates import resolve

THURSDAY = dt.date(2025, 9, 4)


@pytest.mark.parametrize("text,tense,value", [
    ("Thursday", "past", "2025-09-04"),       # the article's own day
    ("Wednesday", "past", "2025-09-03"),
    ("Friday", "past", "2025-08-29"),
    ("Friday", "future", "2025-09-05"),
    ("Thursday", "future", "2025-09-11"),
    ("yesterday", "past", "2025-09-03"),
    ("last month", "past", "2025-08"),
    ("earlier this month", "past", "2025-09"),
    ("2014", "past", "2014"),
    ("March 3", "past", "2025-03-03"),
    ("two days ago", "past", "2025-09-02"),
])
def test_resolve_relative_to_article_date(text, tense, value):
    assert resolve(text, THURSDAY, tense)[0] == value


@pytest.mark.parametrize("text", ["three years", "14 years", "the 1990s", "decades", "annual"])
def test_durations_are_not_dates(text):
    assert resolve(text, THURSDAY, "past") is None


def test_last_week_falls_in_the_previous_iso_week():
    value, grain = resolve("last week", THURSDAY, "past")
    assert dt.date.fromisoformat(value).isocalendar()[1] == THURSDAY.isocalendar()[1] - 1
