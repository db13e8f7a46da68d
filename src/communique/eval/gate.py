"""The accuracy gate: floors on every F1 figure, kept in a baseline file with a digest of
the gold files, so that no change can quietly make extraction worse.

Floors only go up: `update()` raises them to what the code reaches now and refuses to
lower one unless `allow_lower=True` (the CLI's `--allow-lower`), which should come with a
reason in the commit message.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldError
from . import EvalReport, Processor, evaluate

DEFAULT_BASELINE = "tests/eval/baseline.json"


@dataclass
class GateResult:
    figures: dict[str, float]
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    report: EvalReport | None = None

    @property
    def ok(self) -> bool:
        return not self.failures


GATED_SUFFIXES = ("f1", "precision", "type_accuracy", "speaker_accuracy", "country_accuracy")


def gated(key: str) -> bool:
    """Floors are kept on F1, precision and the headline accuracies; the other accuracies
    (over matched items only, so they move with every new match) are reported, not gated."""
    return key.endswith(GATED_SUFFIXES)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _resolve(path: str, baseline: Path) -> Path | None:
    for base in [Path.cwd(), baseline.resolve().parent, *baseline.resolve().parents]:
        if (base / path).exists():
            return base / path
    return None


def load_baseline(path: str | Path = DEFAULT_BASELINE) -> dict[str, Any]:
    path = Path(path)
    if not path.exists():
        raise GoldError(f"{path}: no baseline file; create it with `communique gate --update`")
    return json.loads(path.read_text(encoding="utf-8"))


def run_sets(baseline: dict[str, Any], baseline_path: Path,
             processor: Processor | None = None) -> tuple[EvalReport, list[str], dict[str, str]]:
    """Evaluate every gold set named in the baseline that is present."""
    sets, skipped, digests = [], [], {}
    for spec in baseline["sets"]:
        found = _resolve(spec["path"], baseline_path)
        if found is None:
            skipped.append(f"{spec['name']}: {spec['path']} not found (skipped)")
            continue
        digests[spec["path"]] = _digest(found)
        report = evaluate([str(found)], fmt=spec.get("format", "gold"), processor=processor)
        for s in report.sets:
            s.name = spec["name"]
            if s.skipped:
                skipped.append(f"{spec['name']}: {len(s.skipped)} records skipped "
                               f"({s.skipped[0]})")
        sets.extend(report.sets)
    return EvalReport(sets=sets), skipped, digests


def check(baseline_path: str | Path = DEFAULT_BASELINE,
          processor: Processor | None = None) -> GateResult:
    baseline_path = Path(baseline_path)
    baseline = load_baseline(baseline_path)
    report, skipped, digests = run_sets(baseline, baseline_path, processor)
    figures = report.figures()
    result = GateResult(figures=figures, skipped=skipped, report=report)
    for path, digest in digests.items():
        expected = baseline.get("digests", {}).get(path)
        if expected and expected != digest:
            result.failures.append(
                f"{path} changed since the baseline was set (SHA-256 differs): review the "
                "gold edit, then run `communique gate --update`")
    present = {s.name for s in report.sets if s.records}
    for key, floor in sorted(baseline.get("floors", {}).items()):
        set_name = key.split(".", 1)[0]
        if set_name not in present:
            continue
        value = figures.get(key)
        if value is None:
            result.failures.append(f"{key}: no longer measured (floor {floor})")
        elif value + 1e-9 < floor:
            result.failures.append(f"{key}: {value:.4f} is below its floor {floor:.4f}")
    return result


def update(baseline_path: str | Path = DEFAULT_BASELINE, allow_lower: bool = False,
           processor: Processor | None = None) -> tuple[dict[str, Any], list[str]]:
    """Raise the floors to the figures reached now; return the new baseline and changes."""
    baseline_path = Path(baseline_path)
    baseline = load_baseline(baseline_path)
    report, skipped, digests = run_sets(baseline, baseline_path, processor)
    figures = report.figures()
    present = {s.name for s in report.sets if s.records}
    floors = dict(baseline.get("floors", {}))
    changes, lowered = [], []
    for key, value in sorted(figures.items()):
        if not gated(key):
            continue
        new = math.floor(value * 1000) / 1000
        old = floors.get(key)
        if old is not None and new < old:
            lowered.append(f"{key}: {old:.3f} -> {new:.3f}")
            if not allow_lower:
                continue
        if old != new:
            changes.append(f"{key}: {old if old is not None else '-'} -> {new:.3f}")
            floors[key] = new
    if lowered and not allow_lower:
        raise GoldError("refusing to lower floors (pass --allow-lower and say why in the "
                        "commit): " + "; ".join(lowered))
    for key in list(floors):
        if not gated(key):
            changes.append(f"{key}: removed (reported, not gated)")
            del floors[key]
        elif key.split(".", 1)[0] in present and key not in figures:
            changes.append(f"{key}: removed (no longer measured)")
            del floors[key]
    baseline["floors"] = dict(sorted(floors.items()))
    baseline["digests"] = baseline.get("digests", {}) | digests
    baseline_path.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    return baseline, changes + [f"note: {s}" for s in skipped]
