"""Scoring system documents against gold records, task by task."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .gold import GoldRecord
from .match import (
    Resolver,
    actor_code,
    date_matches,
    gold_codes,
    greedy_pairs,
    same_actor,
    speaker_matches,
    trimmed,
)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class TaskScore:
    task: str
    records: int = 0
    main: PRF = field(default_factory=PRF)
    extra: dict[str, PRF] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    per_type: dict[str, PRF] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def acc(self, name: str, ok: bool) -> None:
        self.accuracy.setdefault(name, Accuracy()).add(ok)

    def error(self, record: GoldRecord, kind: str, detail: str, **extra: Any) -> None:
        self.errors.append({"record": record.id, "kind": kind, "detail": detail, **extra})

    @property
    def macro_f1(self) -> float:
        scores = [prf.f1 for prf in self.per_type.values() if prf.tp + prf.fn > 0]
        return sum(scores) / len(scores) if scores else 0.0

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"task": self.task, "records": self.records} | self.main.to_dict()
        for name, prf in self.extra.items():
            data[name] = prf.to_dict()
        for name, acc in self.accuracy.items():
            data[name] = acc.to_dict()
        if self.per_type:
            data["per_type"] = {t: p.to_dict() for t, p in sorted(self.per_type.items())}
            data["macro_f1"] = round(self.macro_f1, 4)
            data["micro_f1"] = round(self.main.f1, 4)
        if errors:
            data["errors"] = self.errors
        return data


def _snippet(text: str, start: int | None, end: int | None, width: int = 90) -> str:
    if start is None or end is None:
        return ""
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width - 1] + "…"


def actors_by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in doc.get("actors", []) if a.get("id")}


# -- actors -------------------------------------------------------------------------------------
def score_actors(score: TaskScore, record: GoldRecord, doc: dict[str, Any],
                 resolver: Resolver | None) -> None:
    system = list(doc.get("actors", []))
    used: set[int] = set()
    for gold in record.actors:
        found = next((i for i, s in enumerate(system)
                      if i not in used and same_actor(gold, s, resolver)), None)
        if found is None:
            score.main.fn += 1
            score.error(record, "miss", f"{gold.get('name') or gold.get('text')} "
                        f"({gold.get('kind')}, {gold.get('country')}, {gold.get('role')})")
            continue
        used.add(found)
        score.main.tp += 1
        actor = system[found]
        for attribute in ("country", "sector", "role"):
            if gold.get(attribute) is not None:
                # gold "country" is the ISO code, or the organisation's code for IGO posts:
                # the system's "party"
                value = (actor.get("party") or actor.get("country")) if attribute == "country" \
                    else actor.get(attribute)
                ok = str(value or "").lower() == str(gold[attribute]).lower()
                score.acc(f"{attribute}_accuracy", ok)
                if not ok:
                    score.error(record, f"wrong {attribute}",
                                f"{gold.get('name')}: expected {gold[attribute]!r}, "
                                f"got {value!r}")
    for i, actor in enumerate(system):
        if i not in used:
            score.main.fp += 1
            score.error(record, "false positive", f"{actor.get('name')} ({actor.get('kind')}, "
                        f"{actor.get('country')})")


# -- events -------------------------------------------------------------------------------------
def _event_key(event: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return (event.get("type", ""), actor_code(event.get("source")), actor_code(event.get("target")))


def score_events(score: TaskScore, record: GoldRecord, doc: dict[str, Any]) -> None:
    gold_events = []
    for event in record.events:
        for source in gold_codes(event.get("source")):
            for target in gold_codes(event.get("target")):
                gold_events.append(((event["type"], source, target), event))
    system = [(_event_key(e), e) for e in doc.get("events", [])]
    remaining = list(range(len(system)))
    for key, gold in gold_events:
        type_score = score.per_type.setdefault(key[0], PRF())
        match = next((i for i in remaining if system[i][0] == key), None)
        if match is None:
            score.main.fn += 1
            type_score.fn += 1
            evidence = gold.get("evidence") or {}
            score.error(record, "miss", f"{key[0]} {key[1]} -> {key[2]}",
                        evidence=evidence.get("text"))
            continue
        remaining.remove(match)
        score.main.tp += 1
        type_score.tp += 1
        found = system[match][1]
        for attribute in ("polarity", "modality"):
            if gold.get(attribute) is not None:
                score.acc(f"{attribute}_accuracy", str(found.get(attribute)) == str(gold[attribute]))
        if gold.get("date"):
            # a gold date may be partial ("2025-02" for "last month"): compare at its precision
            score.acc("date_accuracy", date_matches(gold["date"], found.get("date")))
    for i in remaining:
        key, event = system[i]
        score.main.fp += 1
        score.per_type.setdefault(key[0], PRF()).fp += 1
        evidence = event.get("evidence") or {}
        score.error(record, "false positive", f"{key[0]} {key[1]} -> {key[2]}",
                    evidence=evidence.get("text") if isinstance(evidence, dict) else None)


# -- quotes -------------------------------------------------------------------------------------
def score_quotes(score: TaskScore, record: GoldRecord, doc: dict[str, Any],
                 resolver: Resolver | None) -> None:
    text = record.text
    actors = actors_by_id(doc)
    system = [q for q in doc.get("quotes", []) if q.get("start") is not None]
    gold_spans = [(q["start"], q["end"]) for q in record.quotes]
    system_spans = [(q["start"], q["end"]) for q in system]
    pairs = greedy_pairs(gold_spans, system_spans, 0.5)
    exact = score.extra.setdefault("exact", PRF())
    exact_pairs = sum(1 for gi, si in pairs
                      if trimmed(text, *gold_spans[gi]) == trimmed(text, *system_spans[si]))
    exact.tp += exact_pairs
    exact.fp += len(system) - exact_pairs
    exact.fn += len(gold_spans) - exact_pairs
    score.main.tp += len(pairs)
    score.main.fp += len(system) - len(pairs)
    score.main.fn += len(gold_spans) - len(pairs)
    for gi, si in pairs:
        gold, found = record.quotes[gi], system[si]
        actor = actors.get(found.get("speaker") or "")
        ok = speaker_matches(gold.get("speaker"), actor, found.get("speaker_text"), resolver)
        score.acc("speaker_accuracy", ok)
        if not ok:
            score.error(record, "wrong speaker",
                        f"{_snippet(text, *gold_spans[gi])!r}: expected {gold.get('speaker')!r}, "
                        f"got {(actor or {}).get('name') or found.get('speaker_text')!r}")
        if gold.get("kind"):
            score.acc("kind_accuracy", gold["kind"] == found.get("kind"))
        if "channel" in gold:
            score.acc("channel_accuracy", (gold.get("channel") or None) == (found.get("channel") or None))
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, gold in enumerate(record.quotes):
        if gi not in matched_g:
            score.error(record, "miss", f"{_snippet(text, *gold_spans[gi])!r} "
                        f"(speaker {gold.get('speaker')!r}, {gold.get('kind')})")
    for si in range(len(system)):
        if si not in matched_s:
            score.error(record, "false positive", f"{_snippet(text, *system_spans[si])!r}")


# -- dates --------------------------------------------------------------------------------------
def score_dates(score: TaskScore, record: GoldRecord, doc: dict[str, Any]) -> None:
    system = [d for d in doc.get("dates", []) if d.get("start") is not None]
    used: set[int] = set()
    for gold in record.dates:
        span = (gold["start"], gold["end"])
        found = next((i for i, d in enumerate(system) if i not in used
                      and min(span[1], d["end"]) > max(span[0], d["start"])
                      and date_matches(gold.get("value"), d.get("value"))), None)
        if found is None:
            score.main.fn += 1
            score.error(record, "miss", f"{gold.get('text')!r} = {gold.get('value')}")
        else:
            used.add(found)
            score.main.tp += 1
    for i, d in enumerate(system):
        if i not in used:
            score.main.fp += 1
            score.error(record, "false positive", f"{d.get('text')!r} = {d.get('value')}")


def score_record(scores: dict[str, TaskScore], record: GoldRecord, doc: dict[str, Any],
                 resolver: Resolver | None = None) -> None:
    for task, score in scores.items():
        if task not in record.tasks:
            continue
        score.records += 1
        if task == "actors":
            score_actors(score, record, doc, resolver)
        elif task == "events":
            score_events(score, record, doc)
        elif task == "quotes":
            score_quotes(score, record, doc, resolver)
        elif task == "dates":
            score_dates(score, record, doc)


def type_counts(records: list[GoldRecord]) -> Counter[str]:
    return Counter(e["type"] for r in records for e in r.events)
