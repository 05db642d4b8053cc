"""Indicators beside the discussion, and direction claims checked against the values.

Demo facts are those of corpora/sample-council/STORY.md ("Claims that disagree with the indicators").
"""
import json
from datetime import date

import pytest
from click.testing import CliRunner

from minutes_miner.cli import cli
from minutes_miner.errors import EmptyStoreError, NotFoundError
from minutes_miner.outputs.indicators import (
    claims_in,
    direction_checks,
    find_indicator,
    indicator_discussion,
    render_discussion_text,
)
from minutes_miner.store import open_store


@pytest.fixture(scope="module")
def demo_store(demo):
    with open_store(demo.db) as s:
        yield s


def test_claims_are_read_per_clause_and_hedges_ignored():
    claims = claims_in("Simon Greaves stated that the number of contacts had increased and that re-referrals "
                       "within 12 months had risen slightly to 23.4%;")
    assert [(c.direction, c.words) for c in claims] == [("up", "increased"), ("up", "risen")]
    assert claims[1].clause.startswith("re-referrals within 12 months")
    assert [c.direction for c in claims_in("It had continued to fall and had improved again.")] == ["down", "better"]
    assert [c.direction for c in claims_in("The vacancy rate had worsened.")] == ["worse"]
    assert claims_in("The rate had not improved.") == []
    assert claims_in("Officers expected that the rate would fall next year.") == []
    assert claims_in("Councillor Lee asked whether referrals had risen because of Covid-19.") == []
    assert claims_in("Mr Greaves accepted that the figure had fallen in Quarter 2")[0].quarter == 2
    # A quarter mentioned elsewhere in the clause is not the quarter the claim is about.
    assert claims_in("It had risen to 58.9%, recovering from the fall reported in Quarter 2.")[0].quarter is None


def test_both_story_claims_are_flagged_and_nothing_else(demo_store):
    flagged = [c for c in direction_checks(demo_store) if c.flagged]
    assert [(c.statement.meeting_date, c.indicator.split()[0]) for c in flagged] == [
        (date(2023, 12, 12), "CS01"), (date(2024, 12, 10), "CS05")]
    ehcp, rereferrals = flagged
    assert "had improved again this quarter" in ehcp.statement.text and ehcp.statement.speaker == "Simon Greaves"
    assert (ehcp.claim, ehcp.previous_period, ehcp.previous_value, ehcp.period, ehcp.value, ehcp.actual) == (
        "better", "Q1 2023/24", 55.2, "Q2 2023/24", 51.8, "down")
    assert "continued to fall" in rereferrals.statement.text
    assert (rereferrals.claim, rereferrals.previous_value, rereferrals.value, rereferrals.actual) == (
        "down", 19.8, 20.6, "up")
    assert "lower is better" in rereferrals.explanation


def test_agreeing_claims_are_checked_and_not_flagged(demo_store):
    checks = direction_checks(demo_store)
    agreeing = {(c.statement.meeting_date, c.indicator.split()[0], c.words) for c in checks if c.agrees}
    # "had risen to 55.2%" (CS01, Sept 2023), vacancy "improved to 17.2%" (lower is better: fell), CAMHS "fallen to 152".
    assert (date(2023, 9, 19), "CS01", "risen") in agreeing
    assert (date(2023, 9, 19), "CS10", "improved") in agreeing
    assert (date(2024, 6, 25), "CS12", "fallen") in agreeing
    # The March 2024 EHCP statement mentions "the fall reported in Quarter 2" but claims the latest rise.
    march = [c for c in checks if c.statement.meeting_date == date(2024, 3, 19) and c.indicator.startswith("CS01")]
    assert march and all(c.agrees for c in march)
    # The first meeting has no earlier quarter to compare with: reported as not checked, never flagged.
    first = [c for c in checks if c.statement.meeting_date == date(2023, 1, 17)]
    assert first and all(c.agrees is None and "not checked" in c.explanation for c in first)


def test_indicator_discussion_values_statements_and_citations(demo_store):
    d = indicator_discussion(demo_store, "CS05")
    assert d.indicator.name == "Percentage of re-referrals to children's social care within 12 months"
    assert d.indicator.lower_is_better is True
    assert [(v.period, v.value, v.rag) for v in d.indicator.values][-3:] == [
        ("Q1 2024/25", 19.8, "GREEN"), ("Q2 2024/25", 20.6, "AMBER"), ("Q3 2024/25", 19.1, "GREEN")]
    texts = [s.statement.text for s in d.statements]
    assert any("continued to fall and were now comfortably within target" in t for t in texts)
    assert [f.statement.meeting_date for f in d.flags] == [date(2024, 12, 10)]
    out = render_discussion_text(d)
    assert "Q2 2024/25" in out and "AMBER" in out
    assert "FLAG direction claim DISAGREES: says 'continued to fall'; CS05 rose from 19.8% (Q1 2024/25) to 20.6%" in out
    assert "mgAi.aspx?ID=44094" in out  # the cited source of the flagged statement
    assert "Children's Services Overview and Scrutiny Committee, 2024-12-10, Item 4" in out


def test_find_indicator_by_name_part_and_suggestions(demo_store):
    assert find_indicator(demo_store, "vacancy rate").ref == "CS10"
    assert find_indicator(demo_store, "cs12").ref == "CS12"
    with pytest.raises(NotFoundError) as err:
        find_indicator(demo_store, "EHCP")
    assert "matches 2 indicators" in str(err.value) and "CS02" in str(err.value)
    with pytest.raises(NotFoundError) as err:
        find_indicator(demo_store, "social worker vacncy rate")
    assert "Social worker vacancy rate" in str(err.value)


def test_empty_store(empty_store):
    with pytest.raises(EmptyStoreError) as err:
        indicator_discussion(empty_store, "CS01")
    assert "minutes-miner demo" in str(err.value)


def test_indicator_command_text_and_json(demo):
    runner = CliRunner()
    result = runner.invoke(cli, ["indicator", "EHCPs issued within 20 weeks", "--db", str(demo.db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("CS01 Percentage of EHCPs issued within 20 weeks")
    assert "FLAG direction claim DISAGREES: says 'improved'" in result.output
    result = runner.invoke(cli, ["indicator", "CS01", "--json", "--db", str(demo.db)])
    data = json.loads(result.output)
    assert [f["period"] for f in data["flags"]] == ["Q2 2023/24"]
    assert data["flags"][0]["citation"]["meeting_date"] == "2023-12-12"
    assert len(data["values"]) == 10 and data["values"][4]["value"] == 51.8
    result = runner.invoke(cli, ["indicator", "nonesuch", "--db", str(demo.db)])
    assert result.exit_code == 1 and "no indicator matches 'nonesuch'" in result.output


def test_report_flags_the_claims(demo):
    html = (demo.report.parent / "indicators.html").read_text(encoding="utf-8")
    assert html.count("Flag: this claim disagrees with the indicator's values.") == 2
    assert "had improved again this quarter" in html and "continued to fall" in html
    index = (demo.report.parent / "index.html").read_text(encoding="utf-8")
    assert "2 claims in the minutes disagree with the indicator values" in index
