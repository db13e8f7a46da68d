import datetime as dt
import json

import pycountry
import pytest

from communique.actors.kb import default_kb, export_kb, load_kb, parse_kb_date
from communique.actors.wikidata import import_wikidata


@pytest.fixture(scope="module")
def kb():
    return load_kb(with_user=False)


def test_every_packaged_line_loads_without_problems(kb):
    assert kb.problems == []


def test_kb_covers_countries_organisations_and_people(kb):
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= set(kb.countries)
    igos = [o for o in kb.organisations.values() if o.kind in ("igo", "group")]
    assert len(igos) >= 60
    assert len(kb.people) >= 500
    assert len(kb.organisations["nato"].members) == 32
    assert len(kb.organisations["eu"].members) == 27


@pytest.mark.parametrize("surface,code", [
    ("Britain", "GBR"), ("UK", "GBR"), ("US", "USA"), ("Ivory Coast", "CIV"),
    ("South Korea", "KOR"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Ukrainian", "UKR"),
    ("French", "FRA"), ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
    ("Washington", "USA"), ("Kremlin", "RUS"), ("Downing Street", "GBR"), ("the West", "WST"),
    ("Europe", "EUR"),
])
def test_press_names_demonyms_capitals_and_seats(kb, surface, code):
    entries = kb.lookup(surface)
    codes = {e.id for e in entries if e.kind in ("country", "region")} | {
        kb.organisations[e.id].country for e in entries if e.kind == "organisation"}
    assert code in codes


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky"])
def test_transliterations_name_one_person(kb, spelling):
    assert [e.id for e in kb.lookup(spelling) if e.kind == "person"] == ["volodymyr-zelenskyy"]


def test_roles_follow_tenure_dates(kb):
    trump = kb.people["donald-trump"]
    assert trump.role_on(dt.date(2025, 9, 4)).role == "president"
    assert trump.role_on(dt.date(2025, 9, 4)).country == "USA"
    assert trump.role_on(dt.date(2022, 6, 1)) is None
    rutte = kb.people["mark-rutte"]
    assert rutte.role_on(dt.date(2025, 9, 4)).org == "nato"
    assert rutte.role_on(dt.date(2023, 1, 1)).role == "prime minister"


def test_partial_dates_cover_the_whole_period():
    assert parse_kb_date("2024-10") == dt.date(2024, 10, 1)
    assert parse_kb_date("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_kb_date("2019", end=True) == dt.date(2019, 12, 31)
    with pytest.raises(ValueError):
        parse_kb_date("2024-13")


def test_bad_user_file_is_reported_not_ignored(tmp_path):
    (tmp_path / "people_mine.jsonl").write_text(json.dumps({
        "id": "Not A Slug", "name": "X", "roles": [
            {"role": "president", "country": "ZZZ", "sector": "XXX", "start": "2020-01-01",
             "end": "2019-01-01"}]}) + "\n")
    kb = load_kb(extra_dirs=[tmp_path], with_user=False)
    text = " | ".join(kb.problems)
    assert "not a lower-case slug" in text and "unknown sector" in text
    assert "starts after it ends" in text and "unknown country 'ZZZ'" in text


def test_export_writes_loadable_files(kb, tmp_path):
    export_kb(kb, tmp_path)
    again = load_kb(extra_dirs=[tmp_path], with_user=False)
    assert again.problems == []
    assert len(again.people) == len(kb.people)


def test_import_wikidata_fixture(tmp_path):
    fixture = __import__("pathlib").Path(__file__).parent / "fixtures" / "wikidata_sample.jsonl"
    result = import_wikidata(fixture, target=tmp_path, kb=default_kb())
    assert (result.people, result.organisations, result.merged) == (2, 1, 1)
    people = {json.loads(line)["id"]: json.loads(line)
              for line in (tmp_path / "people_wikidata.jsonl").read_text().splitlines()[1:]}
    kadri = people["kadri-examplesson"]
    assert kadri["gender"] == "f" and kadri["citizenship"] == "EST"
    assert kadri["roles"] == [{"role": "foreign minister", "title": "Minister of Foreign Affairs of Estonia",
                               "country": "EST", "org": None, "sector": "GOV",
                               "start": "2024-07-23", "end": None}]
    assert "donald-trump" in people  # same QID as the packaged entry: merged, not duplicated
    merged = load_kb(extra_dirs=[tmp_path], with_user=False)
    assert "The Donald" in merged.people["donald-trump"].aliases
    assert merged.people["kadri-examplesson"].role_on(dt.date(2025, 1, 1)).role == "foreign minister"
    orgs = (tmp_path / "organisations_wikidata.jsonl").read_text()
    assert '"code": "EPI"' in orgs


@pytest.mark.parametrize("name,code", [("Burkina Faso", "BFA"), ("Bosnia and Herzegovina", "BIH"),
                                       ("Trinidad and Tobago", "TTO"), ("Russian Federation", "RUS")])
def test_iso_name_stays_a_name_beside_the_press_name(kb, name, code):
    assert [e.id for e in kb.lookup(name) if e.kind == "country"] == [code]


def test_iso_name_of_one_country_is_not_added_where_the_press_uses_it_for_another(kb):
    # ISO calls COG "Congo"; the press's bare "Congo" is listed for COD first
    assert kb.lookup("Congo")[0].id == "COD"


@pytest.mark.parametrize("name,code,day,role", [
    ("Robert Mugabe", "ZWE", "2000-01-01", "president"),
    ("Hosni Mubarak", "EGY", "1995-06-01", "president"),
    ("Kofi Annan", None, "2000-01-01", "secretary general"),
    ("Milorad Dodik", "BIH", "2024-06-01", "president"),
    ("Abdelaziz Bouteflika", "DZA", "2005-01-01", "president"),
])
def test_leaders_of_past_decades_hold_office_on_their_dates(kb, name, code, day, role):
    person = kb.people[kb.lookup(name)[0].id]
    held = person.role_on(dt.date.fromisoformat(day))
    assert held is not None and (held.country, held.role) == (code, role)
    assert person.role_on(dt.date(1960, 1, 1)) is None


@pytest.mark.parametrize("name,code", [("Reuters", "GBR"), ("The Wall Street Journal", "USA"),
                                       ("Al Jazeera", "QAT"), ("CCTV", "CHN")])
def test_news_outlets_carry_their_country_and_the_media_sector(kb, name, code):
    org = kb.organisations[[e for e in kb.lookup(name) if e.kind == "organisation"][0].id]
    assert (org.country, org.sector) == (code, "MED")


@pytest.mark.parametrize("name,code", [("Kampuchea", "KHM"), ("Zaire", "COD"), ("Soviet Union", "RUS"),
                                       ("Former Yugoslav Republic of Macedonia", "MKD"),
                                       ("Kampuchean", "KHM")])
def test_former_names_of_states_in_older_news(kb, name, code):
    assert [e.id for e in kb.lookup(name) if e.kind == "country"] == [code]
