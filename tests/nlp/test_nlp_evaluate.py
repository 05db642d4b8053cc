"""`evaluate`: alignment, metrics and clear errors on a hand-written gold set."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes_miner.errors import MinutesMinerError, ParseError

TEXT = """4. Early Help
Jane Smith, Head of Early Help, presented the report.
Councillor Patel asked whether waiting times for CAMHS had improved.
In response, Ms Smith advised that they had fallen to 12 weeks.
RESOLVED that the report be noted.
"""


def _gold(**over) -> list[dict]:
    lines = [
        {"item": "4", "quote": "presented the report.", "speaker": "Jane Smith", "speaker_key": "smith",
         "speaker_kind": "officer", "act": "statement", "answers": None, "concerns": [], "section": None},
        {"item": "4", "quote": "asked whether waiting times for CAMHS had improved.", "speaker": "Councillor Patel",
         "speaker_key": "patel", "speaker_kind": "member", "act": "question", "answers": None,
         "concerns": ["mental-health", "waiting-times"]},
        {"item": "4", "quote": "advised that they had fallen to 12 weeks.", "speaker": "Jane Smith", "speaker_key": "smith",
         "speaker_kind": "officer", "act": "answer", "answers": "asked whether waiting times for CAMHS had improved.",
         "concerns": ["mental-health", "waiting-times"]},
        {"item": "4", "quote": "RESOLVED that the report be noted.", "speaker": "the Committee", "speaker_key": "committee",
         "speaker_kind": "group", "act": "resolution", "answers": None, "concerns": []},
    ]
    for k, v in over.items():
        lines[1][k] = v
    return lines


def _split(root: Path, lines: list[dict], text: str = TEXT) -> Path:
    (root / "c").mkdir(parents=True)
    (root / "c" / "m.txt").write_text(text, encoding="utf-8")
    (root / "c" / "m.jsonl").write_text("".join(json.dumps(g) + "\n" for g in lines), encoding="utf-8")
    return root


def test_perfect_document_scores_one(tmp_path):
    from minutes_miner.nlp.evaluate import evaluate

    scores = evaluate(_split(tmp_path, _gold()))
    assert (scores.documents, scores.gold_lines, scores.aligned, scores.predicted_statements) == (1, 4, 4, 4)
    for name in ("segmentation", "speaker", "speaker_kind", "act", "answers"):
        assert scores.fields[name].f1 == 1.0, name
    assert scores.accuracy["speaker"] == (4, 4)
    assert scores.fields["answers"].gold == 1


def test_a_curly_apostrophe_in_a_gold_key_matches_the_tools_straight_key(tmp_path):
    from minutes_miner.nlp.evaluate import evaluate

    text = TEXT.replace("Councillor Patel asked", "Councillor O\u2019Neill asked")
    scores = evaluate(_split(tmp_path, _gold(speaker="Councillor O\u2019Neill", speaker_key="o\u2019neill"), text))
    assert scores.accuracy["speaker"] == (4, 4)


def test_wrong_fields_are_counted(tmp_path):
    from minutes_miner.nlp.evaluate import evaluate

    scores = evaluate(_split(tmp_path, _gold(speaker_key="lee", act="request", concerns=["housing"])))
    assert scores.accuracy["speaker"] == (3, 4)
    assert scores.fields["act"].tp == 3 and scores.per_act["request"].recall == 0.0
    assert scores.per_act["question"].predicted == 1 and scores.per_act["question"].tp == 0
    assert scores.per_concern["housing"].gold == 1 and scores.per_concern["housing"].tp == 0


def test_merged_statements_fail_segmentation(tmp_path):
    from minutes_miner.nlp.evaluate import evaluate

    text = TEXT.replace("presented the report.\n", "presented the report; she said it was late.\n")
    lines = _gold()
    lines[0]["quote"] = "presented the report"
    lines.insert(1, {**lines[0], "quote": "she said it was late."})
    scores = evaluate(_split(tmp_path, lines, text))
    assert scores.fields["segmentation"].tp == 3 and scores.fields["segmentation"].gold == 5


def test_quotes_match_across_curly_quotes_and_spaces(tmp_path):
    from minutes_miner.nlp.evaluate import evaluate

    text = TEXT.replace("presented the report.", "presented the council’s  report.")
    lines = _gold()
    lines[0]["quote"] = "presented the council's report."
    assert evaluate(_split(tmp_path, lines, text)).aligned == 4


def test_errors_name_the_file_and_line(tmp_path):
    from minutes_miner.nlp.evaluate import evaluate

    with pytest.raises(MinutesMinerError, match="gold directory not found"):
        evaluate(tmp_path / "missing")
    root = _split(tmp_path / "a", _gold())
    (root / "c" / "m.jsonl").write_text(json.dumps(_gold()[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"m\.jsonl:2"):
        evaluate(root)
    (root / "c" / "orphan.jsonl").write_text(json.dumps(_gold()[0]) + "\n", encoding="utf-8")
    (root / "c" / "m.jsonl").write_text(json.dumps(_gold()[0]) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match="orphan.jsonl.*no document"):
        evaluate(root)


def test_cli_prints_the_table_and_json(tmp_path):
    from minutes_miner.cli import cli

    root = _split(tmp_path, _gold())
    result = CliRunner().invoke(cli, ["evaluate", str(root)])
    assert result.exit_code == 0, result.output
    assert "speaker" in result.output and "1.000" in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(root), "--json"])
    data = json.loads(result.output)
    assert data["fields"]["act"]["f1"] == 1.0 and data["gold_lines"] == 4
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "gold directory not found" in result.output
