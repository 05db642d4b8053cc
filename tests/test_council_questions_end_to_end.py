"""A council questions-and-answers paper through `analyse --json`: every answer is spoken by the
member the paper names as answering, and points at a question asked by the member who asked it."""
import json

import pytest
from click.testing import CliRunner
from paths import realdata_file

from minutes_miner.cli import cli


@pytest.mark.realdata
def test_kent_questions_paper_pairs_askers_and_answering_members():
    pdf = realdata_file("kent", "kcc_council_questions_and_answers_2025-03-13.pdf")
    result = CliRunner().invoke(cli, ["analyse", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["documents"][0]["items"]
    assert len(items) == 12
    assert items[0]["title"].startswith("Question by Paul Stepto to Rory Love, Cabinet Member for Education")
    assert items[4]["title"].endswith("Paul Bartlett, Chair of the Health Overview Scrutiny Committee")
    for item in items:
        names, role = item["title"].removeprefix("Question by ").split(", ", 1)
        asker, answerer = names.split(" to ")
        # A committee chair answering (not a Cabinet Member or the Leader) is a member.
        answerer_kind = "cabinet_member" if role.startswith(("Cabinet Member", "Leader")) else "member"
        statements = item["statements"]
        questions = [s for s in statements if s["act"] == "question"]
        answers = [s for s in statements if s["act"] == "answer"]
        assert questions and answers, item["title"]
        assert all(q["speaker"] == asker and q["speaker_kind"] == "member" for q in questions)
        for answer in answers:
            assert answer["speaker"] == answerer and answer["speaker_kind"] == answerer_kind
            assert statements[answer["answers"]]["act"] == "question"
            assert statements[answer["answers"]]["speaker"] == asker
