"""The rows and columns of each export format.

Every column of every format is documented in docs/exports.md (where its value comes from,
or that it stays empty); a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..events.plover import plover_type
from ..store._sql import date_range

if TYPE_CHECKING:
    from ..store import DuckDBStore

# -- events, flat (csv and parquet) ---------------------------------------------------------------
EVENT_COLUMNS = (
    "event_id", "article_id", "article_date", "date", "type", "mode", "polarity", "modality",
    "source_actor", "source_name", "source_party", "source_code", "source_text",
    "target_actor", "target_name", "target_party", "target_code", "target_text",
    "cameo", "cameo_root", "quad_class", "intensity", "place", "date_text", "trigger",
    "evidence", "evidence_start", "evidence_end", "pattern", "confidence", "cluster_id",
    "num_mentions", "num_sources", "num_articles", "article_title", "article_source",
    "article_url",
)

#: Events with their article and the reports of their cluster (one row per stored event).
#: `date` is the event's own day, else the article's date.
_EVENTS_SQL = """
WITH c AS (
    SELECT e.cluster_id, count(*) AS num_mentions,
           count(DISTINCT coalesce(ar.source, ar.id)) AS num_sources,
           count(DISTINCT e.article_id) AS num_articles
    FROM events e JOIN articles ar ON ar.id = e.article_id GROUP BY e.cluster_id
)
SELECT e.id AS event_id, e.article_id, ar.date AS article_date,
       coalesce(e.day, ar.date) AS date, e.type, e.mode, e.polarity, e.modality,
       e.source_actor, json_extract_string(e.data, '$.source.name') AS source_name,
       e.source_party, e.source_code, json_extract_string(e.data, '$.source.text') AS source_text,
       e.target_actor, json_extract_string(e.data, '$.target.name') AS target_name,
       e.target_party, e.target_code, json_extract_string(e.data, '$.target.text') AS target_text,
       e.cameo, e.cameo_root, e.quad_class, e.intensity, e.place, e.date_text,
       e.trigger_text AS trigger,
       substr(ar.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
       e.evidence_start, e.evidence_end, e.pattern, e.confidence, e.cluster_id,
       c.num_mentions, c.num_sources, c.num_articles,
       ar.title AS article_title, ar.source AS article_source, ar.url AS article_url,
       json_extract_string(e.data, '$.place_text') AS place_text,
       json_extract_string(e.data, '$.place_country') AS place_country,
       json_extract_string(e.data, '$.place_kind') AS place_kind,
       TRY_CAST(json_extract_string(e.data, '$.place_lat') AS DOUBLE) AS place_lat,
       TRY_CAST(json_extract_string(e.data, '$.place_lon') AS DOUBLE) AS place_lon,
       TRY_CAST(json_extract_string(e.data, '$.place_id') AS BIGINT) AS place_id,
       json_extract_string(e.data, '$.contexts') AS contexts_json,
       ar.ingested_at, r.version AS pipeline_version,
       CASE WHEN strpos(ar.text, chr(10) || chr(10)) = 0
                 OR e.evidence_start < strpos(ar.text, chr(10) || chr(10)) - 1
            THEN 1 ELSE 0 END AS in_lead
FROM events e
JOIN articles ar ON ar.id = e.article_id
JOIN c ON c.cluster_id = e.cluster_id
LEFT JOIN runs r ON r.id = ar.run_id
"""


def event_rows(store: DuckDBStore, since: dt.date | None, until: dt.date | None,
               clusters: bool = False) -> list[dict[str, Any]]:
    """Every stored event (or, with `clusters`, the first report of each cluster) whose
    date falls in the range, oldest first."""
    where: list[str] = ["1=1"]
    params: list[Any] = []
    date_range("date", since, until, where, params)
    sql = f"SELECT * FROM ({_EVENTS_SQL}) WHERE " + " AND ".join(where)
    if clusters:
        sql = (f"SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY cluster_id "
               f"ORDER BY date NULLS LAST, article_id, evidence_start) AS rn FROM ({sql})) WHERE rn = 1")
    return store._dicts(sql + " ORDER BY date NULLS LAST, article_id, evidence_start, event_id",
                        params)


# -- GDELT 2.0 event table --------------------------------------------------------------------------
_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of the GDELT 2.0 Event table, in order.
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)


@lru_cache(maxsize=512)
def is_country(code: str | None) -> bool:
    if not code or len(code) != 3:
        return False
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _types(code: str | None, party: str | None) -> list[str]:
    """CAMEO role codes after the country or IGO prefix: UKRGOV -> [GOV]; IGONATO -> [IGO]."""
    if not code:
        return []
    if code.startswith("IGO"):
        return ["IGO"]
    rest = code[len(party):] if party and code.startswith(party) else code[3:] if is_country(code[:3]) else ""
    return [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3]][:3]


def _actor(row: dict[str, Any], side: str) -> list[Any]:
    party, code = row[f"{side}_party"], row[f"{side}_code"]
    name = row[f"{side}_name"] or row[f"{side}_text"]
    if not (party or code or name):
        return [""] * len(_ACTOR_FIELDS)
    types = _types(code, party) + ["", "", ""]
    country = party if is_country(party) else ""
    group = party if party and not country else ""
    return [code or party or "", (name or "").upper(), country, group, "", "", "", *types[:3]]


def _fraction_date(day: dt.date) -> float:
    # GDELT's own formula: (MONTH * 30 + DAY) / 365, four decimals
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def gdelt_rows(rows: list[dict[str, Any]]) -> Iterator[list[Any]]:
    for row in rows:
        day: dt.date | None = row["date"]
        cameo = row["cameo"] or ""
        added: dt.datetime | None = row["ingested_at"]
        yield [
            int(row["cluster_id"][:15], 16),
            day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
            day.year if day else "", _fraction_date(day) if day else "",
            *_actor(row, "source"), *_actor(row, "target"),
            row["in_lead"], cameo, cameo[:3], row["cameo_root"] or cameo[:2],
            _blank(row["quad_class"]), _blank(row["intensity"]),
            row["num_mentions"], row["num_sources"], row["num_articles"], "",
            *([""] * 8), *([""] * 8),
            _geo_type(row), row["place"] or "", "", "", "", _blank(row["place_lat"]),
            _blank(row["place_lon"]), _blank(row["place_id"]),
            added.strftime("%Y%m%d%H%M%S") if added else "", row["article_url"] or "",
        ]


# -- POLECAT ----------------------------------------------------------------------------------------
#: The columns of the POLECAT weekly release files, in order.
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)

_STORY_KINDS = {"people": ("person",), "organisations": ("organisation", "igo", "group"),
                "locations": ("country", "region")}


def _story(store: DuckDBStore, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Per article: its actors by id (sector, title) and the names by story column."""
    rows = store._dicts(
        "SELECT aa.article_id, aa.actor_id, aa.name, aa.kind, aa.sector, aa.title, a.qid "
        "FROM article_actors aa LEFT JOIN actors a ON a.id = aa.actor_id "
        "WHERE aa.article_id IN (SELECT unnest(?)) ORDER BY aa.article_id, aa.mentions DESC, aa.name",
        [article_ids])
    story: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = story.setdefault(row["article_id"], {"actors": {}, "people": [],
                                                     "organisations": [], "locations": []})
        entry["actors"][row["actor_id"]] = row
        for column, kinds in _STORY_KINDS.items():
            if row["kind"] in kinds and row["name"] not in entry[column]:
                entry[column].append(row["name"])
    return story


def _geo_type(row: dict[str, Any]) -> Any:
    """GDELT's geographic resolution: 1 country, 3 US city, 4 world city, 5 world state."""
    kind = row["place_kind"]
    if kind == "country":
        return 1
    if kind == "city":
        return 3 if row["place_country"] == "USA" else 4
    return 5 if kind in ("region", "territory") else ""


def _contexts(row: dict[str, Any]) -> list[str]:
    """The event's PLOVER contexts (none for documents stored before contexts existed)."""
    value = json.loads(row.get("contexts_json") or "[]")
    return [str(c) for c in value] if isinstance(value, list) else []


def _blank(value: Any) -> Any:
    return "" if value is None else value


def polecat_rows(store: DuckDBStore, rows: list[dict[str, Any]], version: str) -> Iterator[list[Any]]:
    story = _story(store, sorted({r["article_id"] for r in rows}))
    for row in rows:
        s = story.get(row["article_id"], {"actors": {}, "people": [], "organisations": [],
                                          "locations": []})

        def side(prefix: str, s: dict[str, Any] = s, row: dict[str, Any] = row) -> list[Any]:
            actor = s["actors"].get(row[f"{prefix}_actor"] or "", {})
            party = row[f"{prefix}_party"]
            name = row[f"{prefix}_name"] or row[f"{prefix}_text"]
            return [_blank(name), party if is_country(party) else "", "",
                    _blank(actor.get("sector")), _blank(actor.get("sector")),
                    _blank(actor.get("title")), _blank(row[f"{prefix}_text"]),
                    _blank(actor.get("qid"))]

        day, published = row["date"], row["article_date"]
        yield [
            row["event_id"], day.isoformat() if day else "",
            plover_type(row["type"], row["modality"], row["polarity"]), _blank(row["mode"]),
            _blank(row["intensity"]), _blank(row["quad_class"]), "; ".join(_contexts(row)),
            *side("source"), *side("target"),
            _blank(row["place"]), row["place"] if row["place_kind"] == "city" else "", "", "",
            _blank(row["place_country"]), _blank(row["place_lat"]), _blank(row["place_lon"]),
            _blank(row["place_id"]), _blank(row["place_text"]), "",
            _blank(row["article_source"]), published.isoformat() if published else "",
            "; ".join(s["people"]), "; ".join(s["organisations"]), "; ".join(s["locations"]),
            "en", row["pipeline_version"] or version,
        ]
