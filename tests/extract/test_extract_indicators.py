"""Performance report PDF -> indicator records (generated sample-council layout; Kent real data)."""
from __future__ import annotations

from collections import Counter

import pytest

from minutes_miner.extract.indicators import normalise_direction, normalise_period, normalise_rag, parse_indicator_report, parse_number
from minutes_miner.extract.pdf import read_pdf


@pytest.fixture(scope="module")
def report(kpi_report_pdf):
    return parse_indicator_report(read_pdf(kpi_report_pdf, "performance.pdf", tables=True))


def test_period_and_count(report):
    assert report.source == "performance.pdf"
    assert report.period == "Q2 2023/24"
    assert len(report.indicators) == 9


def test_values_units_rag_direction(report):
    by_ref = {i.ref: i for i in report.indicators}
    eh01 = by_ref["EH01"]
    assert eh01.name == "Percentage of EHC plans issued within 20 weeks"
    assert eh01.section == "Dashboard 1 – Education Health and Care Plans"
    assert (eh01.value, eh01.unit, eh01.target, eh01.floor) == (63.5, "%", 60.0, 50.0)
    assert (eh01.rag, eh01.previous_rag, eh01.direction, eh01.page) == ("GREEN", "AMBER", "improving", 1)
    assert by_ref["EH02"].value == 1204.0 and by_ref["EH02"].target == 1000.0
    assert by_ref["EH03"].value == 18.5 and by_ref["EH03"].unit == "days" and by_ref["EH03"].direction == "stable"
    ep02 = by_ref["EP02"]
    assert (ep02.rag, ep02.previous_rag, ep02.direction) == ("AMBER", "RED", "worsening")
    assert by_ref["EP03"].direction == "stable"
    ep04 = by_ref["EP04"]
    assert ep04.value is None and ep04.floor is None and ep04.rag is None and ep04.target == 90.0
    pl01 = by_ref["PL01"]
    assert pl01.page == 2 and pl01.section == "Dashboard 3 – Placements" and pl01.value == 71.2


def test_contract_shape(report):
    c = report.to_contract()
    assert c["period"] == "Q2 2023/24"
    first = c["indicators"][0]
    assert set(first) == {"name", "section", "period", "value", "unit", "target", "floor", "rag", "previous_rag", "direction", "page"}
    assert all(i["rag"] in ("GREEN", "AMBER", "RED", None) for i in c["indicators"])


def test_normalisers():
    assert parse_number("63.5%") == (63.5, "%")
    assert parse_number("1,204") == (1204.0, None)
    assert parse_number("12 days") == (12.0, "days")
    assert parse_number("£1.5m") == (1.5, "£m")
    assert parse_number("n/a") == (None, None)
    assert parse_number("") == (None, None)
    assert [normalise_rag(x) for x in ("G", "a", "Red", "(Green)", "AMBER", "blue", None)] == ["GREEN", "AMBER", "RED", "GREEN", "AMBER", None, None]
    assert [normalise_direction(x) for x in ("↑", "↓", "→", "Improving", "Worsening", "No change", "n/a")] == [
        "improving", "worsening", "stable", "improving", "worsening", "stable", None]
    assert normalise_period("Quarter 3 2024/25") == "Q3 2024/25"
    assert normalise_period("Q3 2024/25") == "Q3 2024/25"
    assert normalise_period("Quarter 2 2023/24 (July – September 2023)") == "Q2 2023/24"


# RAG ratings checked by eye against the Kent report's summary tables and detail pages.
KENT_EXPECTED = {
    "Percentage of callers to Contact Point who rated the advisor": ("GREEN", "GREEN", 97.0, 97.0, 90.0, "worsening"),
    "Percentage of phone calls to Contact Point which were answered": ("GREEN", "AMBER", 94.0, 90.0, 85.0, "stable"),
    "Percentage of complaints responded to within timescale": ("RED", "RED", 71.0, 85.0, 80.0, "stable"),
    "S106 developer contributions secured": ("RED", "AMBER", 80.9, 98.0, 85.0, "stable"),
    "Percentage of routine highway repairs reported by residents": ("AMBER", "GREEN", 89.0, 90.0, 80.0, "stable"),
    "Greenhouse Gas emissions": ("GREEN", "GREEN", 10323.0, 10797.0, 11877.0, "improving"),
    "Percentage of annual EHCP reviews waiting over 12 months": ("GREEN", "GREEN", 35.0, 50.0, 60.0, "improving"),
    "Rate of first-time entrants to youth justice system": ("GREEN", "AMBER", 175.0, 180.0, 240.0, "improving"),
    "Percentage of case holding posts filled": ("AMBER", "RED", 75.2, 85.0, 75.0, "stable"),
    "Number of foster households": ("RED", "RED", 613.0, 700.0, 650.0, "worsening"),
    "Proportion of new Care Needs Assessments": ("RED", "AMBER", 74.0, 85.0, 75.0, "stable"),
    "Number of Adults accessing structured substance misuse": ("AMBER", "AMBER", 5534.0, 5998.0, 5000.0, "improving"),
    "Percentage of Live Well clients": ("GREEN", "GREEN", 99.2, 98.0, 91.0, "stable"),
}


@pytest.mark.realdata
def test_kent_quarterly_performance_report(kent_dir):
    name = "kcc_quarterly_performance_report_q3_2024-25.pdf"
    rep = parse_indicator_report(read_pdf((kent_dir / name).read_bytes(), name, tables=True))
    assert rep.period == "Q3 2024/25"
    assert len(rep.indicators) == 38  # "This report includes 38 Key Performance Indicators"
    # the executive summary's totals: 17 green, 12 amber, 9 red; 10 improving, 22 stable, 6 worsening
    assert Counter(i.rag for i in rep.indicators) == {"GREEN": 17, "AMBER": 12, "RED": 9}
    assert Counter(i.direction for i in rep.indicators) == {"improving": 10, "stable": 22, "worsening": 6}
    assert all(i.previous_rag for i in rep.indicators)
    assert all(i.value is not None and i.target is not None and i.floor is not None for i in rep.indicators)
    for prefix, (rag, prev, value, target, floor, direction) in KENT_EXPECTED.items():
        ind = next(i for i in rep.indicators if i.name.startswith(prefix))
        assert (ind.rag, ind.previous_rag, ind.value, ind.target, ind.floor, ind.direction) == (rag, prev, value, target, floor, direction), prefix
    sections = Counter(i.section for i in rep.indicators)
    assert sections["Integrated Children’s Services"] == 8 and sections["Customer Services"] == 3
    assert next(i for i in rep.indicators if i.name.startswith("Number of foster households")).page == 48
