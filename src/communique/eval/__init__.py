"""Evaluation against gold data: precision, recall and F1 per task, with the errors listed.

    >>> from communique.eval import evaluate
    >>> report = evaluate(["tests/eval/team_gold.jsonl"])
    >>> report.to_dict()["sets"][0]["tasks"]["quotes"]["f1"]

See docs/gold-format.md for the gold format and how matching works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ingest._normalize import content_hash
from ..records import Article
from .gold import TASKS, GoldRecord, GoldSet, read_gold
from .match import Resolver
from .plover_gsr import read_plover_gsr, score_gsr
from .score import TaskScore, score_record

__all__ = ["TASKS", "EvalReport", "SetReport", "evaluate", "read_gold", "read_plover_gsr"]

Processor = Callable[[list[GoldRecord]], list[dict[str, Any]]]


@dataclass
class SetReport:
    name: str
    path: str
    records: int
    skipped: list[str]
    tasks: dict[str, TaskScore] = field(default_factory=dict)
    gsr: dict[str, Any] | None = None

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "path": self.path, "records": self.records,
                                "skipped": self.skipped}
        if self.gsr is not None:
            data["plover_gsr"] = {k: v for k, v in self.gsr.items() if errors or k != "errors"}
        data["tasks"] = {t: s.to_dict(errors) for t, s in self.tasks.items()}
        return data


@dataclass
class EvalReport:
    sets: list[SetReport]

    def to_dict(self, errors: bool = False) -> dict[str, Any]:
        return {"sets": [s.to_dict(errors) for s in self.sets]}

    def figures(self) -> dict[str, float]:
        """Flat `set.task.metric` figures, as the accuracy gate keeps them."""
        out: dict[str, float] = {}
        for s in self.sets:
            if s.gsr is not None:
                out[f"{s.name}.events.type_macro_f1"] = s.gsr["type_macro_f1"]
                out[f"{s.name}.events.type_accuracy"] = s.gsr["type_accuracy"]
                out[f"{s.name}.events.triple_f1"] = s.gsr["triple"]["f1"]
                for side in ("source", "target"):
                    out[f"{s.name}.actors.{side}_country_accuracy"] = s.gsr[f"{side}_country_accuracy"]
            for task, score in s.tasks.items():
                if not score.records:
                    continue
                out[f"{s.name}.{task}.f1"] = round(score.main.f1, 4)
                out[f"{s.name}.{task}.precision"] = round(score.main.precision, 4)
                if task == "quotes":
                    out[f"{s.name}.quotes.exact_f1"] = round(score.extra["exact"].f1, 4)
                for name, accuracy in score.accuracy.items():
                    if accuracy.total:
                        out[f"{s.name}.{task}.{name}"] = round(accuracy.value, 4)
                if task == "events" and score.per_type:
                    out[f"{s.name}.events.macro_f1"] = round(score.macro_f1, 4)
        return out


def pipeline_processor(model: str | None = None) -> Processor:
    """Run communique's pipeline over gold records (one `nlp.pipe` for the whole set)."""

    def run(records: list[GoldRecord]) -> list[dict[str, Any]]:
        from ..pipeline import process_articles

        articles = [Article(id=r.id, text=r.text, date=r.date, title=r.title,
                            content_hash=content_hash(r.text)) for r in records]
        return [d.to_dict() for d in process_articles(articles, model=model)]

    return run


def default_resolver() -> Resolver | None:
    """Name -> knowledge-base id, through the actor knowledge base."""
    from ..actors import resolver_for_eval

    return resolver_for_eval()


def generic_codes() -> dict[str, set[str]]:
    """The parties each generic code of the PLOVER records stands for: IGO international
    organisations and groupings, and (as those records code Amnesty International and
    the Red Cross) the international non-governmental bodies; NGO non-governmental
    bodies; IMG the armed groups of no country (al-Qaeda, the Islamic State)."""
    from ..actors import igo_codes
    from ..actors.kb import default_kb

    orgs = default_kb().organisations.values()
    ngos = {o.code for o in orgs if o.sector == "NGO" and o.country is None}
    armed = {o.code for o in orgs if o.sector == "REB" and o.country is None}
    return {"IGO": igo_codes() | ngos, "NGO": ngos, "IMG": armed}


def evaluate(paths: Sequence[str], tasks: Sequence[str] | None = None, fmt: str = "gold",
             processor: Processor | None = None) -> EvalReport:
    """Score the pipeline (or `processor`) on the gold files at `paths`."""
    processor = processor or pipeline_processor()
    resolver = default_resolver()
    wanted = tuple(tasks or TASKS)
    reports = []
    for path in paths:
        gold: GoldSet = read_plover_gsr(path) if fmt == "plover-gsr" else read_gold(path)
        docs = processor(gold.records) if gold.records else []
        report = SetReport(name=gold.name, path=str(path), records=len(gold.records),
                           skipped=gold.skipped)
        if fmt == "plover-gsr":
            report.gsr = score_gsr(gold.records, docs, generic_codes())
            wanted_here: tuple[str, ...] = ("events",)
        else:
            wanted_here = wanted
        report.tasks = {t: TaskScore(t) for t in wanted_here}
        for record, doc in zip(gold.records, docs, strict=True):
            score_record(report.tasks, record, doc, resolver)
        reports.append(report)
    return EvalReport(sets=reports)
