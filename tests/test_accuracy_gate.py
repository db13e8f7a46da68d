"""The accuracy gate: the real evaluation over the gold sets must stay above its floors.

Gold sets whose files are missing (../shared on a machine without it) are skipped, and
the skip is printed."""

import json
import shutil
import warnings

import pytest

from communique import pipeline
from communique.eval import gate
from support import ROOT

pytestmark = pytest.mark.slow
BASELINE = ROOT / "tests" / "eval" / "baseline.json"


@pytest.fixture(scope="module")
def result(nlp):
    return gate.check(BASELINE)


def test_gate_passes_on_the_current_code(result):
    for note in result.skipped:  # shown in pytest's warnings summary, so a skip is never silent
        warnings.warn(f"accuracy gate skipped {note}", stacklevel=1)
    assert result.ok, "\n".join(result.failures)
    assert "team.actors.f1" in result.figures


def test_gate_fails_when_the_actor_extractor_is_broken(monkeypatch, nlp):
    broken = [(name, (lambda doc, article, done: ()) if name == "actors" else stage)
              for name, stage in pipeline.STAGES]
    monkeypatch.setattr(pipeline, "STAGES", broken)
    failed = gate.check(BASELINE)
    assert not failed.ok
    assert any(f.startswith("team.actors.f1:") for f in failed.failures)


def _copy_gate(tmp_path):
    (tmp_path / "tests" / "eval").mkdir(parents=True)
    team = tmp_path / "tests" / "eval" / "team_gold.jsonl"
    shutil.copy(ROOT / "tests" / "eval" / "team_gold.jsonl", team)
    baseline = json.loads(BASELINE.read_text())
    baseline["sets"] = [s for s in baseline["sets"] if s["name"] == "team"]
    path = tmp_path / "tests" / "eval" / "baseline.json"
    path.write_text(json.dumps(baseline))
    return path, team


def empty_documents(records):
    return [{"actors": [], "events": [], "quotes": [], "dates": []} for _ in records]


def test_edited_gold_file_is_noticed(tmp_path, monkeypatch):
    path, team = _copy_gate(tmp_path)
    monkeypatch.chdir(tmp_path)
    team.write_text(team.read_text() + "\n// an edit\n")
    failed = gate.check(path, processor=empty_documents)
    assert any("changed since the baseline" in f for f in failed.failures)


def test_update_refuses_to_lower_a_floor(tmp_path, monkeypatch):
    path, _ = _copy_gate(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Exception, match="refusing to lower floors"):
        gate.update(path, processor=empty_documents)
    baseline, changes = gate.update(path, allow_lower=True, processor=empty_documents)
    assert baseline["floors"]["team.actors.f1"] == 0.0
    assert any(c.startswith("team.actors.f1:") for c in changes)


def test_missing_external_set_is_skipped_and_said(tmp_path, monkeypatch):
    path, _ = _copy_gate(tmp_path)
    baseline = json.loads(path.read_text())
    baseline["sets"].append({"name": "plover", "path": "../nowhere/PLOVER_GSR_CAMEO.txt",
                             "format": "plover-gsr"})
    baseline["floors"]["plover.events.f1"] = 0.5
    path.write_text(json.dumps(baseline))
    monkeypatch.chdir(tmp_path)
    checked = gate.check(path, processor=lambda recs: [
        {"actors": [{"id": "x", "name": a.get("name"), "kind": a.get("kind"),
                     "country": a.get("country"), "party": a.get("country"),
                     "sector": a.get("sector"), "role": a.get("role")} for a in r.actors],
         "events": [], "quotes": [], "dates": []} for r in recs])
    assert any("plover" in s and "not found" in s for s in checked.skipped)
    assert not any(f.startswith("plover.") for f in checked.failures)
