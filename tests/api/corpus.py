"""A small corpus written for the explore tests, and the database built from it once per
session (through `communique.open_store` and `communique.ingest_paths`, as users do).

The articles are invented for the tests. One carries HTML and a script in its title, text
and a quotation; one carries SQL metacharacters; one has a `javascript:` URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import communique
from communique.store._explore import refresh_search_index

XSS_ID = "t-xss"
SQL_ID = "t-sql"

ARTICLES = [
    {"id": "t-talks", "date": "2025-03-11", "source": "Test Wire", "url": "https://example.org/talks",
     "title": "Russia and Ukraine hold talks in Istanbul",
     "text": "Russia and Ukraine hold talks in Istanbul: Russian and Ukrainian delegations met in "
             "Istanbul on Tuesday for their first direct talks in three years.\n\n"
             "Ukrainian President Volodymyr Zelenskyy said: \"We are ready for a full ceasefire.\" "
             "Russian President Vladimir Putin rejected the proposal.\n\n"
             "NATO Secretary General Mark Rutte said the alliance would keep supporting Ukraine. "
             "Russia threatened Europe with retaliation if it sent troops to Ukraine."},
    {"id": "t-sanctions", "date": "2025-04-02", "source": "Other Wire",
     "title": "EU adopts new sanctions on Russia",
     "text": "EU adopts new sanctions on Russia: The European Union adopted a new package of "
             "sanctions against Russia on Wednesday.\n\nUkrainian President Volodymyr Zelenskyy "
             "welcomed the decision. Kremlin spokesman Dmitry Peskov said the sanctions were "
             "illegal and that Moscow would respond."},
    {"id": XSS_ID, "date": "2025-04-03", "source": "Test Wire", "url": "javascript:alert(3)",
     "title": "Kyiv <b>warns</b> & \"quotes\" <script>alert(1)</script>",
     "text": "Kyiv warns <script>alert(1)</script> of new strikes.\n\nUkrainian President "
             "Volodymyr Zelenskyy said: \"<b>We will never</b> <img src=x onerror=alert(2)> "
             "surrender to Russia.\" Russia accused Ukraine of attacking its energy sites."},
    {"id": SQL_ID, "date": "2025-04-05", "source": "Test Wire",
     "title": "O'Brien's note: 100% \"sure\"; -- DROP TABLE articles; _under_ \\slash",
     "text": "O'Brien's note: 100% \"sure\"; -- DROP TABLE articles; _under_ \\slash.\n\n"
             "Poland accused Belarus of pushing migrants across the border. Polish Prime "
             "Minister Donald Tusk said Warsaw would close the crossings."},
]

_BUILT: dict[str, str] = {}


def build_corpus_db(folder: Path) -> str:
    """The corpus ingested into a database in `folder` (built once per test session)."""
    if "db" not in _BUILT:
        source = folder / "corpus.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
        db = str(folder / "explore.duckdb")
        with communique.open_store(db) as store:
            summary = communique.ingest_paths([str(source)], store)
            assert summary.ingested == len(ARTICLES), summary.to_dict()
            refresh_search_index(store)
        _BUILT["db"] = db
    return _BUILT["db"]


# -- a database written by hand, without spaCy, for the fast tests ----------------------------------
def _hand_made_documents() -> list:
    import datetime as dt

    from communique.actors.records import Actor, ActorMention
    from communique.document import Document
    from communique.events.records import Event, Participant
    from communique.ingest._normalize import content_hash
    from communique.places import Place
    from communique.quotes.records import Quote
    from communique.records import Article

    def span(text: str, words: str, after: int = 0) -> tuple[int, int, str]:
        start = text.index(words, after)
        return start, start + len(words), words

    def actor(id_: str, name: str, kind: str, party: str, code: str, text: str, *words: str) -> Actor:
        found = [span(text, w) for w in words]
        return Actor(id=id_, name=name, kind=kind, country=party if kind != "igo" else None,
                     party=party, code=code, sector="GOV" if code.endswith("GOV") else None,
                     title="President of Ukraine" if kind == "person" else None,
                     mentions=tuple(ActorMention(s, e, t, "name", 0) for s, e, t in found))

    def side(actor_: Actor, text: str, words: str) -> Participant:
        s, e, t = span(text, words)
        return Participant(actor_.id, actor_.name, actor_.party, actor_.code, s, e, t)

    docs = []
    # 1: an attack, a sanction and a quotation
    text = ("Russia attacked Ukraine overnight. \"We will respond,\" Zelenskyy said.\n\n"
            "The EU sanctioned Russia on Tuesday.")
    rus = actor("country:RUS", "Russia", "country", "RUS", "RUS", text, "Russia")
    ukr = actor("country:UKR", "Ukraine", "country", "UKR", "UKR", text, "Ukraine")
    zel = actor("person:volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", "UKR", "UKRGOV",
                text, "Zelenskyy")
    eu = actor("org:eu", "European Union", "igo", "EU", "IGOEU", text, "EU")
    first = span(text, "Russia attacked Ukraine overnight.")
    second = span(text, "The EU sanctioned Russia on Tuesday.")
    events = (
        Event("e-assault", "ASSAULT", None, "190", "19", 4, -9.0, side(rus, text, "Russia"),
              side(ukr, text, "Ukraine"), "affirmed", "actual", "2025-03-10", "overnight", "Kyiv",
              "Kyiv", first, span(text, "attacked"), "test.assault", 0.9,
              located=Place("Kyiv", "UKR", "city", "12", 50.45466, 30.5238, 703448),
              contexts=("military",)),
        Event("e-sanction", "SANCTION", None, "163", "16", 4, -5.0, side(eu, text, "EU"),
              Participant(rus.id, rus.name, "RUS", "RUS", *span(text, "Russia", second[0])),
              "affirmed", "actual", "2025-03-11", "on Tuesday", None, None, second,
              span(text, "sanctioned"), "test.sanction", 0.9),
    )
    quote = Quote("q-respond", "We will respond,", *span(text, "We will respond,")[:2], "direct",
                  zel.id, "Zelenskyy", zel.name, (zel.id,), "said", None, None, None, ())
    docs.append(Document(
        article=Article(id="h-attack", text=text, date=dt.date(2025, 3, 11), title=text[:34],
                        source="Hand Wire", url="https://example.org/attack",
                        content_hash=content_hash(text)),
        actors=(rus, ukr, zel, eu), events=events, quotes=(quote,),
        pipeline={"version": "test", "model": "none", "config_hash": "test"}))
    # 2: markup and SQL in the text, a title, a quotation and a URL
    text = ("<script>alert(1)</script> Ukraine accused Russia of lying; 100% \"sure\" -- "
            "O'Brien_ \\ said: \"<b>never</b> <img src=x onerror=alert(2)>\"")
    ukr2 = actor("country:UKR", "Ukraine", "country", "UKR", "UKR", text, "Ukraine")
    rus2 = actor("country:RUS", "Russia", "country", "RUS", "RUS", text, "Russia")
    whole = (0, len(text), text)
    accuse = Event("e-accuse", "ACCUSE", None, "112", "11", 3, -2.0, side(ukr2, text, "Ukraine"),
                   side(rus2, text, "Russia"), "affirmed", "actual", "2025-03-31", None, None, None,
                   whole, span(text, "accused"), "test.accuse", 0.8)
    words = "<b>never</b> <img src=x onerror=alert(2)>"
    quote2 = Quote("q-markup", words, *span(text, words)[:2], "direct", None, "O'Brien_", None)
    docs.append(Document(
        article=Article(id="h-markup", text=text, date=dt.date(2025, 4, 1),
                        title="<i>Markup</i> & <script>alert(4)</script>", source="Hand Wire",
                        url="javascript:alert(3)", content_hash=content_hash(text)),
        actors=(ukr2, rus2), events=(accuse,), quotes=(quote2,),
        pipeline={"version": "test", "model": "none", "config_hash": "test"}))
    return docs


def build_hand_made_db(path: str, index: bool = True) -> str:
    """Two articles written record by record (no spaCy): fast tests run over them."""
    with communique.open_store(path) as store:
        store.write_documents(_hand_made_documents())
        if index:
            refresh_search_index(store)
    return path


# -- fixtures, imported by the conftest.py of tests/api, tests/web and tests/export -------------------
@pytest.fixture(scope="session")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hand-made database (no spaCy), built once per session; open it read-only."""
    return build_hand_made_db(str(tmp_path_factory.mktemp("hand") / "hand.duckdb"))


@pytest.fixture(scope="session")
def hand_client(hand_db: str) -> Iterator[TestClient]:
    from communique.api import create_app

    with TestClient(create_app(hand_db), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> str:
    """The corpus ingested through the real pipeline (loads spaCy: use in slow tests)."""
    return build_corpus_db(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def corpus_client(corpus_db: str) -> Iterator[TestClient]:
    from communique.api import create_app

    with TestClient(create_app(corpus_db), raise_server_exceptions=False) as client:
        yield client
