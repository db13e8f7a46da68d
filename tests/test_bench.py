import json

import pytest

from support import run_cli

pytestmark = pytest.mark.slow


def test_bench_reports_both_sides_and_their_ratio(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": f"Macron met Merz in Berlin on day {i}. "
                                          "They discussed aid to Ukraine."}) for i in range(6)) + "\n")
    result = run_cli("bench", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] == 6 and data["words"] > 60
    plain, ours = data["phases"]["plain"], data["phases"]["communique"]
    assert data["phases"]["actors"]["articles_per_s"] > 0
    for phase in (plain, ours):
        assert phase["articles_per_s"] > 0 and phase["peak_rss_mb"] > 50
    assert {"actors", "events", "quotes"} <= set(ours["stage_seconds"]) and not plain["stage_seconds"]
    expected = ours["articles_per_s"] / plain["articles_per_s"]
    assert data["ratio_communique_over_plain"] == pytest.approx(expected, abs=0.002)


def test_eval_command_prints_figures_for_team_gold():
    result = run_cli("eval", "tests/eval/team_gold.jsonl", "--task", "actors", "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["sets"][0]["tasks"]["actors"]
    assert figures["records"] >= 60 and 0 <= figures["f1"] <= 1
