"""Performance report PDF -> indicator records (generated sample-council layout; Kent real data)."""
from __future__ import annotations

from collections import Counter

import pytest

from minutes_miner.extract.indicators import (
    normalise_direction,
    normalise_period,
    normalise_rag,
    parse_indicator_report,
    parse_number,
)
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


# All 38 KPIs, checked by eye against the report: RAG latest/previous and direction of travel (drawn
# arrows) against the summary tables on pages 4-7, value/target/floor against each KPI's detail box.
# (name starts with, rag, previous_rag, value, unit, target, floor, direction, page)
KENT_KPIS = [
    ('Percentage of callers to Contact Point who rated', 'GREEN', 'GREEN', 97.0, '%', 97.0, 90.0, 'worsening', 9),
    ('Percentage of phone calls to Contact Point which', 'GREEN', 'AMBER', 94.0, '%', 90.0, 85.0, 'stable', 9),
    ('Percentage of complaints responded to within tim', 'RED', 'RED', 71.0, '%', 85.0, 80.0, 'stable', 9),
    ('Freedom of Information (FOI) / Environmental Inf', 'RED', 'RED', 84.0, '%', 92.0, 90.0, 'stable', 15),
    ('Subject Access requests, made under Art 15 of th', 'RED', 'RED', 60.0, '%', 90.0, 85.0, 'stable', 16),
    ('Number of homes brought back to market through N', 'GREEN', 'GREEN', 422.0, None, 400.0, 360.0, 'stable', 21),
    ('S106 developer contributions secured as a percen', 'RED', 'AMBER', 80.9, '%', 98.0, 85.0, 'stable', 22),
    ('Percentage of routine pothole repairs completed ', 'GREEN', 'GREEN', 94.0, '%', 90.0, 80.0, 'stable', 32),
    ('Percentage of routine highway repairs reported b', 'AMBER', 'GREEN', 89.0, '%', 90.0, 80.0, 'stable', 33),
    ('Emergency highway incidents attended within 2 ho', 'AMBER', 'AMBER', 96.0, '%', 98.0, 95.0, 'stable', 33),
    ('Percentage of public enquiries for Highways main', 'GREEN', 'GREEN', 64.0, '%', 60.0, 55.0, 'stable', 33),
    ('Percentage of municipal waste recycled or conver', 'GREEN', 'GREEN', 99.2, '%', 99.0, 95.0, 'worsening', 33),
    ('Greenhouse Gas emissions from KCC’s overall esta', 'GREEN', 'GREEN', 10323.0, None, 10797.0, 11877.0, 'improving', 34),
    ('Percentage of Education, Health, and Care Plans ', 'RED', 'RED', 34.0, '%', 60.0, 55.0, 'stable', 39),
    ('Percentage of annual EHCP reviews waiting over 1', 'GREEN', 'GREEN', 35.0, '%', 50.0, 60.0, 'improving', 39),
    ('Percentage of pupils (with EHCP’s) being placed ', 'AMBER', 'AMBER', 10.5, '%', 9.0, 10.5, 'improving', 40),
    ('Percentage of pupils permanently excluded from s', 'AMBER', 'AMBER', 0.04, '%', 0.02, 0.04, 'stable', 40),
    ('Rate of first-time entrants to youth justice sys', 'GREEN', 'AMBER', 175.0, None, 180.0, 240.0, 'improving', 40),
    ('Percentage of Early Help cases closed with outco', 'GREEN', 'AMBER', 14.9, '%', 15.0, 20.0, 'stable', 47),
    ('Percentage of case holding posts filled by perma', 'AMBER', 'RED', 75.2, '%', 85.0, 75.0, 'stable', 47),
    ('Percentage of children’s social care referrals t', 'GREEN', 'GREEN', 22.2, '%', 25.0, 30.0, 'stable', 47),
    ('Percentage foster care placements which are in-h', 'RED', 'RED', 73.2, '%', 85.0, 75.0, 'worsening', 47),
    ('Number of foster households', 'RED', 'RED', 613.0, None, 700.0, 650.0, 'worsening', 48),
    ('Percentage of care leavers in education, employm', 'RED', 'RED', 53.6, '%', 65.0, 55.0, 'worsening', 48),
    ('Percentage of reviews completed within timescale', 'AMBER', 'AMBER', 59.1, '%', 65.0, 55.0, 'stable', 48),
    ('Percentage of Learning Disability Young People i', 'GREEN', 'GREEN', 98.6, '%', 95.0, 90.0, 'improving', 48),
    ('Percentage of people who have their contact reso', 'GREEN', 'AMBER', 4.0, '%', 5.0, 9.0, 'stable', 56),
    ('Proportion of new Care Needs Assessments deliver', 'RED', 'AMBER', 74.0, '%', 85.0, 75.0, 'stable', 56),
    ('Proportion of people receiving a long-term commu', 'AMBER', 'AMBER', 26.0, '%', 30.0, 24.0, 'improving', 57),
    ('Proportion of older people (65+) who were still ', 'AMBER', 'AMBER', 84.0, '%', 85.0, 80.0, 'stable', 57),
    ('Long Term support needs of older people (65 and ', 'GREEN', 'GREEN', 553.0, None, 588.0, 617.0, 'improving', 57),
    ('Percentage of KCC supported people in residentia', 'AMBER', 'AMBER', 76.0, '%', 80.0, 75.0, 'stable', 58),
    ('Number of eligible people receiving an NHS Healt', 'GREEN', 'GREEN', 33550.0, None, 31000.0, 24800.0, 'improving', 64),
    ('Number of mandated universal checks delivered by', 'AMBER', 'AMBER', 67008.0, None, 68000.0, 54400.0, 'stable', 64),
    ('Percentage of all new first-time patients (at an', 'AMBER', 'AMBER', 65.0, '%', 72.0, 58.0, 'worsening', 64),
    ('Number of Adults accessing structured substance ', 'AMBER', 'AMBER', 5534.0, None, 5998.0, 5000.0, 'improving', 65),
    ('Successful completion of drug and alcohol treatm', 'GREEN', 'GREEN', 27.4, '%', 25.0, 20.0, 'improving', 65),
    ('Percentage of Live Well clients who would recomm', 'GREEN', 'GREEN', 99.2, '%', 98.0, 91.0, 'stable', 65),
]


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
    got = [(i.name[:48], i.rag, i.previous_rag, i.value, i.unit, i.target, i.floor, i.direction, i.page)
           for i in rep.indicators]
    assert got == KENT_KPIS
    # lower is better where the floor is above the target (EHCP reviews waiting, first-time entrants ...)
    assert sum(1 for i in rep.indicators if i.floor > i.target) == 9
    sections = Counter(i.section for i in rep.indicators)
    assert sections["Integrated Children’s Services"] == 8 and sections["Customer Services"] == 3
    assert next(i for i in rep.indicators if i.name.startswith("Number of foster households")).page == 48
