"""Tidy CSV -> indicator records."""
from __future__ import annotations

import pytest

from minutes_miner.errors import ParseError
from minutes_miner.extract.indicators_csv import read_indicator_csv

GOOD = (
    "\ufeffcouncil,indicator,period,value,unit,target,rag,section,floor,previous_rag,direction\n"
    "Ashbury Borough Council,Percentage of EHC plans issued within 20 weeks,Q2 2023/24,63.5,%,60,Green,Dashboard 1,50,A,improving\n"
    "Ashbury Borough Council,\"Households in temporary accommodation, all types\",Q2 2023/24,\"1,204\",count,1000,RED,,,,↓\n"
    "\n"
    "Ashbury Borough Council,New measure,Q2 2023/24,,,90%,,,,,\n"
)


def test_reads_rows():
    rows = read_indicator_csv(GOOD.encode("utf-8"), "kpis.csv")
    assert len(rows) == 3
    council, ehc = rows[0]
    assert council == "Ashbury Borough Council"
    assert (ehc.name, ehc.period, ehc.value, ehc.unit, ehc.target, ehc.floor) == (
        "Percentage of EHC plans issued within 20 weeks", "Q2 2023/24", 63.5, "%", 60.0, 50.0)
    assert (ehc.rag, ehc.previous_rag, ehc.direction, ehc.section) == ("GREEN", "AMBER", "improving", "Dashboard 1")
    hta = rows[1][1]
    assert hta.name == "Households in temporary accommodation, all types" and hta.value == 1204.0
    assert hta.rag == "RED" and hta.direction == "worsening" and hta.section is None
    new = rows[2][1]
    assert new.value is None and new.target == 90.0 and new.unit == "%" and new.rag is None


def test_missing_column():
    with pytest.raises(ParseError) as exc:
        read_indicator_csv(b"council,indicator,period,value,unit,rag\nA,B,Q1,1,%,GREEN\n", "kpis.csv")
    assert exc.value.where == "kpis.csv" and "line 1" in str(exc.value) and "target" in str(exc.value)


@pytest.mark.parametrize(
    "row, fragment",
    [
        ("A,B,Q1,lots,%,60,GREEN", "value 'lots' is not a number"),
        ("A,B,Q1,5,%,60,PURPLE", "rag 'PURPLE'"),
        ("A,B,Q1,5,%,60", "expected 7 fields"),
        (",B,Q1,5,%,60,GREEN", "must not be empty"),
        ("A,B,Q1,5,%,sixty,GREEN", "target 'sixty' is not a number"),
    ],
)
def test_bad_rows_name_the_line(row, fragment):
    data = f"council,indicator,period,value,unit,target,rag\nA,Fine,Q1,1,%,2,GREEN\n{row}\n".encode()
    with pytest.raises(ParseError) as exc:
        read_indicator_csv(data, "kpis.csv")
    assert "kpis.csv: line 3" in str(exc.value) and fragment in str(exc.value)


def test_bad_direction_and_empty_file():
    data = b"council,indicator,period,value,unit,target,rag,direction\nA,B,Q1,5,%,60,GREEN,sideways\n"
    with pytest.raises(ParseError) as exc:
        read_indicator_csv(data, "kpis.csv")
    assert "line 2: direction 'sideways'" in str(exc.value) and exc.value.hint
    with pytest.raises(ParseError) as exc:
        read_indicator_csv(b"", "empty.csv")
    assert "empty.csv: is empty" in str(exc.value)


def test_cli_reads_good_csv_and_reports_bad_one(tmp_path):
    import json

    from click.testing import CliRunner

    from minutes_miner.cli import cli

    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text("council,indicator,period,value,unit,target,rag\nA,B,Q1,lots,%,60,GREEN\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["indicators", str(bad), str(good), "--json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"error: {bad}: line 2: value 'lots' is not a number" in result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"] == str(good) and len(doc["indicators"]) == 3
    assert doc["indicators"][0]["value"] == 63.5 and doc["indicators"][0]["rag"] == "GREEN"


def test_cli_text_output_of_a_csv_names_no_page(tmp_path):
    from click.testing import CliRunner

    from minutes_miner.cli import cli

    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["indicators", str(good)], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{good}: 3 indicators, period ?"
    assert "page" not in result.stdout and lines[1] == "  Percentage of EHC plans issued within 20 weeks: 63.5% (target 60%) GREEN, previous AMBER, improving"
