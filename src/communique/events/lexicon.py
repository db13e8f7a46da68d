"""The event pattern lexicon (data/patterns*.jsonl) and the PLOVER-CAMEO table
(data/plover_cameo.jsonl), loaded and validated once. Format: docs/event-patterns.md."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .._jsonl import commented_jsonl

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
TARGET_SPECS = {"dobj", "dative", "xcomp_obj", "none", "poss", "ccomp_subj", "own"}
# conditions of a pattern's `switch` (docs/event-patterns.md): "as_act", an "as" phrase that
# names an act ("dismissed the reply as stalling the talks"); "goods", a target slot that
# names goods or trade ("restrictions on the Chinese AI model"); "issue", states or leaders
# at odds over an issue with no forces on either side ("clashed with China over the islands")
SWITCHES = {"as_act", "goods", "issue"}


@dataclass(frozen=True)
class Pattern:
    id: str
    type: str
    trigger: str  # verb or noun
    lemma: str
    particle: str | None = None
    object: tuple[str, ...] = ()
    # verbs only: direct objects that mean another sense ("released a statement")
    not_object: tuple[str, ...] = ()
    light: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()  # nouns only: one must modify the noun ("hunger strike")
    target: tuple[str, ...] = ("dobj",)
    source: str = "subj"
    passive: bool = False
    igo_target: str | None = None  # the pattern read when every target is an IGO
    # other readings of the same words: condition (SWITCHES) -> the pattern read when it holds
    switch: tuple[tuple[str, str], ...] = ()
    mode: str | None = None
    cameo: str | None = None
    example: str | None = None
    example_source: str | None = None
    example_target: str | None = None


@dataclass(frozen=True)
class TypeInfo:
    type: str
    cameo_root: str
    quad_class: int
    intensity: float
    modes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unattributed:
    """Violence reported without its attacker (data/unattributed.json): which patterns may
    give an event with no source, the nouns naming the means or an unnamed attacker, and
    the lower base confidence of such events."""

    types: frozenset[str] = frozenset()
    modes: frozenset[tuple[str, str]] = frozenset()  # (type, mode): COERCE arrests
    means: frozenset[str] = frozenset()
    unknown_agents: frozenset[str] = frozenset()
    confidence: float = 0.4

    def allows(self, pattern: Pattern) -> bool:
        return pattern.type in self.types or (pattern.type, pattern.mode or "") in self.modes


@dataclass
class Lexicon:
    patterns: list[Pattern] = field(default_factory=list)
    by_id: dict[str, Pattern] = field(default_factory=dict)
    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, TypeInfo] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    repairs: dict[str, str] = field(default_factory=dict)
    event_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    event_noun_window: int = 4
    acts_about_events: frozenset[str] = frozenset()
    unattributed: Unattributed = field(default_factory=lambda: Unattributed())
    problems: list[str] = field(default_factory=list)


def data_json(name: str) -> Any:
    """A JSON file of the events package's data folder (`data/<name>`)."""
    return json.loads(resources.files("communique.events").joinpath("data", name)
                      .read_text(encoding="utf-8"))


def _lines(name: str) -> list[tuple[str, dict[str, Any]]]:
    folder = resources.files("communique.events").joinpath("data")
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not (path.name.startswith(name) and path.name.endswith(".jsonl")):
            continue
        out.extend(commented_jsonl(path.read_text(encoding="utf-8"), path.name))
    return out


def _pattern(obj: dict[str, Any], where: str, problems: list[str]) -> Pattern | None:
    kind = obj.get("type")
    if kind not in PLOVER_TYPES:
        problems.append(f"{where}: unknown type {kind!r}")
        return None
    trigger = obj.get("trigger")
    if trigger not in ("verb", "noun"):
        problems.append(f"{where}: trigger must be verb or noun, not {trigger!r}")
        return None
    targets = tuple(obj.get("target") or ("none",))
    for spec in targets:
        if spec not in TARGET_SPECS and not str(spec).startswith("prep:"):
            problems.append(f"{where}: unknown target spec {spec!r}")
    if not obj.get("lemma"):
        problems.append(f"{where}: no lemma")
        return None
    return Pattern(
        id=obj.get("id") or f"{kind}.{obj['lemma']}", type=kind, trigger=trigger,
        lemma=str(obj["lemma"]).lower(), particle=obj.get("particle"),
        object=tuple(x.lower() for x in obj.get("object") or ()),
        not_object=tuple(x.lower() for x in obj.get("not_object") or ()),
        light=tuple(x.lower() for x in obj.get("light") or ()),
        modifier=tuple(x.lower() for x in obj.get("modifier") or ()), target=targets,
        source=obj.get("source") or "subj", passive=bool(obj.get("passive")),
        igo_target=obj.get("igo_target"), switch=_switch(obj.get("switch"), where, problems),
        mode=obj.get("mode"), cameo=obj.get("cameo"), example=obj.get("example"),
        example_source=obj.get("example_source"), example_target=obj.get("example_target"))


def _switch(value: object, where: str, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if not value:
        return ()
    if not isinstance(value, dict):
        problems.append(f"{where}: switch must be an object")
        return ()
    for condition in value:
        if condition not in SWITCHES:
            problems.append(f"{where}: unknown switch condition {condition!r}")
    return tuple((str(k), str(v)) for k, v in value.items())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lexicon = Lexicon()
    seen: set[str] = set()
    for where, obj in _lines("patterns"):
        pattern = _pattern(obj, where, lexicon.problems)
        if pattern is None:
            continue
        if pattern.id in seen:
            lexicon.problems.append(f"{where}: duplicate id {pattern.id!r}")
        seen.add(pattern.id)
        lexicon.patterns.append(pattern)
        lexicon.by_id[pattern.id] = pattern
    # a pattern another one switches to is read only through it: "dismissed ... as
    # stalling" is an accusation, "dismissed ... as unrealistic" stays a rejection
    switched = {target for p in lexicon.patterns for _, target in p.switch}
    for pattern in lexicon.patterns:
        if pattern.id not in switched:
            index = lexicon.verbs if pattern.trigger == "verb" else lexicon.nouns
            index[pattern.lemma].append(pattern)
        if pattern.igo_target and pattern.igo_target not in lexicon.by_id:
            lexicon.problems.append(f"{pattern.id}: igo_target {pattern.igo_target!r} is no pattern")
        for condition, target in pattern.switch:
            if target not in lexicon.by_id:
                lexicon.problems.append(f"{pattern.id}: switch {condition} {target!r} is no pattern")
    for patterns in lexicon.nouns.values():  # "hunger strike" before "strike"
        patterns.sort(key=lambda p: not p.modifier)
    for where, obj in _lines("plover_cameo"):
        try:
            lexicon.types[obj["type"]] = TypeInfo(
                type=obj["type"], cameo_root=str(obj["cameo_root"]),
                quad_class=int(obj["quad_class"]), intensity=float(obj["intensity"]),
                modes=tuple(obj.get("modes") or ()))
        except (KeyError, TypeError, ValueError) as exc:
            lexicon.problems.append(f"{where}: bad type row ({exc})")
    missing = set(PLOVER_TYPES) - set(lexicon.types)
    if missing:
        lexicon.problems.append(f"plover_cameo.jsonl: no row for {sorted(missing)}")
    cues = data_json("modality.json")
    lexicon.cues = {k: frozenset(v) for k, v in cues.items() if isinstance(v, list)}
    repairs = data_json("lemma_repairs.json")
    lexicon.repairs = dict(repairs["repairs"])
    anaphora = data_json("event_nouns.json")
    lexicon.event_nouns = {k: frozenset(v) for k, v in anaphora["nouns"].items()}
    lexicon.event_noun_window = int(anaphora.get("within_sentences", 4))
    lexicon.acts_about_events = frozenset(anaphora.get("acts_about_events", ()))
    loose = data_json("unattributed.json")
    lexicon.unattributed = Unattributed(
        types=frozenset(loose["types"]),
        modes=frozenset((kind, mode) for kind, modes in loose["modes"].items() for mode in modes),
        means=frozenset(loose["means"]), unknown_agents=frozenset(loose["unknown_agents"]),
        confidence=float(loose["confidence"]))
    for noun, kinds in lexicon.event_nouns.items():
        if not kinds <= set(PLOVER_TYPES):
            lexicon.problems.append(f"event_nouns.json: {noun!r} names unknown types {sorted(kinds)}")
    return lexicon
