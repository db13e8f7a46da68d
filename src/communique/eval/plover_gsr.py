"""Adapter for the PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, CC BY-SA 4.0).

The file is a JSON array coded to the 2016 PLOVER draft (v0.5b1). Its event names are
mapped to the current 16 types following the PLOVER project's CAMEO-to-PLOVER
conventions: DEMAND becomes REQUEST, DISAPPROVE and INVESTIGATE become ACCUSE, FIGHT
becomes ASSAULT; the other names are unchanged. A few CAMEO-era country codes are mapped
to ISO 3166 (JAP to JPN, ITL to ITA, VTN to VNM). The records' generic codes match a
class of our parties (`generic_codes` in `communique.eval`): IGO any international
organisation, which in these records includes the international non-governmental bodies
(Amnesty International and the Red Cross are coded IGO); NGO a non-governmental body; IMG a
transnational armed group (al-Qaeda, the Islamic State). Our events are compared by their `plover_type`, the PLOVER
reading of type, modality and polarity (an intended act of cooperation is AGREE, ...).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import GoldError
from .gold import PLOVER_TYPES, GoldRecord, GoldSet
from .match import actor_code
from .score import PRF

TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
            "FIGHT": "ASSAULT"} | {t: t for t in PLOVER_TYPES}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU"}
NONE = "NONE"


def _codes(value: Any) -> list[str | None]:
    if not isinstance(value, list) or not value:
        return [None]
    codes: list[str | None] = [CODE_MAP.get(str(a.get("code")), a.get("code"))
                               for a in value if isinstance(a, dict)]
    return codes or [None]


def read_plover_gsr(path: str | Path) -> GoldSet:
    path = Path(path)
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read PLOVER records ({exc})") from None
    records = []
    for item in items:
        event = item.get("event")
        if event == "DOCUMENT" or not item.get("text"):
            continue
        if event not in TYPE_MAP:
            raise GoldError(f"{path}: record {item.get('id')}: unknown PLOVER type {event!r}")
        records.append(GoldRecord(
            id=item["id"], text=item["text"], date=dt.date.fromisoformat(item.get("date", "2000-01-01")),
            title=None, tasks=("events",),
            events=[{"type": TYPE_MAP[event], "source": _codes(item.get("source")),
                     "target": _codes(item.get("target")), "mode": item.get("mode"),
                     "original_type": event}],
            origin=f"{path}:{item['id']}"))
    return GoldSet(name="plover-gsr", records=records)


def _same(gold: str | None, system: str | None, generic: Mapping[str, set[str]]) -> bool:
    """A gold code and a system party: equal, or a generic gold code ("IGO") and a party of
    its class."""
    members = generic.get(gold) if gold is not None else None
    if members is not None:
        return system is not None and system in members
    return gold == system


def score_gsr(records: list[GoldRecord], docs: list[dict[str, Any]],
              generic: Mapping[str, set[str]] | None = None) -> dict[str, Any]:
    """Event-type accuracy and macro-F1 (one label a record) and the F1 of
    (type, source country, target country) triples. `generic` gives the parties each
    generic gold code (IGO, NGO, IMG) stands for."""
    generic = generic or {}
    per_type: dict[str, PRF] = {}
    triples = PRF()
    right = 0
    sides = {"source": [0, 0], "target": [0, 0]}
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    for record, doc in zip(records, docs, strict=True):
        gold = record.events[0]
        # scored in PLOVER's conventions: intentions, offers and refusals are AGREE,
        # THREATEN and REJECT (`plover_type`; communique.events.plover)
        events = [dict(e, type=e.get("plover_type") or e["type"]) for e in sorted(
            doc.get("events", []), key=lambda e: -float(e.get("confidence", 0) or 0))]
        predicted = events[0]["type"] if events else NONE
        ok = predicted == gold["type"]
        right += ok
        confusion[(gold["type"], predicted)] += 1
        per_type.setdefault(gold["type"], PRF())
        if ok:
            per_type[gold["type"]].tp += 1
        else:
            per_type[gold["type"]].fn += 1
            per_type.setdefault(predicted, PRF()).fp += 1
        parties = {a.get("party") for a in doc.get("actors", [])}
        for side in ("source", "target"):
            for code in gold[side]:
                if code is not None:
                    sides[side][1] += 1
                    sides[side][0] += any(_same(code, p, generic) for p in parties)
        # two actors of one country give one (type, source country, target country)
        # triple ("Israeli helicopters and tanks" lists the same ISR twice)
        gold_keys = list(dict.fromkeys(
            (gold["type"], s, t) for s in gold["source"] for t in gold["target"]))
        # one event per (type, source, target) per story (guidelines §3): read in PLOVER's
        # types, a threat and the act it threatens ("threatened to cut off relations with
        # X": THREATEN and a conditional SANCTION) are one THREATEN, told once
        system_keys = list(dict.fromkeys(
            (e["type"], actor_code(e.get("source")), actor_code(e.get("target"))) for e in events))
        remaining = list(system_keys)
        for key in gold_keys:
            hit = next((k for k in remaining if k[0] == key[0] and _same(key[1], k[1], generic)
                        and _same(key[2], k[2], generic)), None)
            if hit:
                remaining.remove(hit)
                triples.tp += 1
            else:
                triples.fn += 1
        triples.fp += len(remaining)
        if not ok:
            errors.append({"record": record.id, "kind": "wrong type",
                           "detail": f"expected {gold['type']} ({gold['original_type']}), got {predicted}",
                           "text": record.text[:140]})
    scored = [p.f1 for t, p in per_type.items() if t != NONE and p.tp + p.fn > 0]
    return {
        "task": "plover-gsr",
        "records": len(records),
        "type_accuracy": round(right / len(records), 4) if records else 0.0,
        "type_macro_f1": round(sum(scored) / len(scored), 4) if scored else 0.0,
        "per_type": {t: p.to_dict() for t, p in sorted(per_type.items())},
        "triple": triples.to_dict(),
        # are the gold source/target countries among the actors found in the sentence?
        "source_country_accuracy": round(sides["source"][0] / sides["source"][1], 4) if sides["source"][1] else 0.0,
        "target_country_accuracy": round(sides["target"][0] / sides["target"][1], 4) if sides["target"][1] else 0.0,
        "no_event": sum(n for (g, p), n in confusion.items() if p == NONE),
        "errors": errors,
    }
