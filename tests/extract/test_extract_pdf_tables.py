"""Ruled KPI tables: the fast ruled-table reader (pdfium rulings and text) against pdfplumber on the
same pages, the fallback to pdfplumber, and the indicators read through it."""
from __future__ import annotations

import json

import pdfplumber  # noqa: F401 - the reference reader must be installed for these tests
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from extract_pdf_fixtures import (
    AWKWARD_ROWS,
    PERIOD_HEADER_ROWS,
    generated_kpi_row,
    make_awkward_tables,
    make_generated_report,
    make_kpi_report,
    make_overflowing_table,
    make_period_header_table,
)

from minutes_miner.cli import cli
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.pdf import read_pdf
from minutes_miner.extract.pdf_child import clean_tables, pdfplumber_tables
from minutes_miner.extract.pdf_lattice import lattice_tables, merge_edges, subpath_edges
from minutes_miner.extract.pdf_objects import page_edges, page_objects
from minutes_miner.resources import sample_council_dir


def both_readers(data: bytes, pages: list[int] | None = None) -> dict[int, tuple[list | None, list]]:
    """0-based page -> (the fast reader's tables, or None where it declines; pdfplumber's tables),
    for every ruled page (or the given ones)."""
    doc = pdfium.PdfDocument(data)
    fast = {}
    try:
        for i in pages if pages is not None else range(len(doc)):
            page = doc[i]
            try:
                objects = page_objects(page)
                edges = page_edges(page)
            finally:
                page.close()
            if objects["paths"] >= 4:
                found = lattice_tables(edges, objects["objs"], objects["rotated"])
                fast[i] = None if found is None else clean_tables(found)
    finally:
        doc.close()
    warnings: list[str] = []
    reference = pdfplumber_tables(data, sorted(fast), warnings)
    assert not warnings
    return {i: (tables, reference.get(i, [])) for i, tables in fast.items()}


FIXTURES = {
    "sample KPI report": make_kpi_report,
    "merged, wrapped and empty cells": make_awkward_tables,
    "table over three pages": lambda: make_awkward_tables(split_rows=60),
    "generated report, 10 pages": lambda: make_generated_report(10),
    "two-row header of period groups": make_period_header_table,
}


@pytest.mark.parametrize("name", FIXTURES)
def test_fast_reader_rows_equal_pdfplumber(name):
    compared = both_readers(FIXTURES[name]())
    with_tables = {i: ref for i, (_, ref) in compared.items() if ref}
    assert with_tables, "the fixture has ruled tables"
    for i, (fast, reference) in compared.items():
        assert fast is not None, f"page {i + 1}: the fast reader declined"
        assert fast == reference, f"page {i + 1}"


def test_merged_wrapped_and_empty_cells():
    pdf = read_pdf(make_awkward_tables(), "awkward.pdf", tables=True)
    page = pdf.pages[0]
    assert page.table_reader == "lattice"
    (table,) = page.tables
    # "RAG" is merged over two columns; the header cells above "Latest"/"Previous" span two rows
    assert table[0] == ("Service area", "Ref", "Indicator", "Latest", "Target", "RAG", None)
    assert table[1] == (None, None, None, None, None, "Latest", "Previous")
    ref, name, latest, target, rag, prev = AWKWARD_ROWS[0]
    assert table[2] == ("Adult Social Care", ref, name, latest, target, rag, prev)  # wrapped over 3 lines
    # the service-area cell is merged down all four rows; empty cells read as ""
    assert table[3] == (None, "AD02", "Delayed transfers of care", "", "12", "", "Red")
    assert table[4] == (None, "AD03", "Carers assessed or reviewed in the year", "2,310", "", "Green", "")
    by_ref = {i.ref: i for i in parse_indicator_report(pdf).indicators}
    assert by_ref["AD01"].name == name and (by_ref["AD01"].value, by_ref["AD01"].target) == (81.0, 85.0)
    assert by_ref["AD02"].value is None and by_ref["AD02"].rag is None and by_ref["AD02"].target == 12.0
    assert by_ref["AD03"].value == 2310.0 and by_ref["AD03"].rag == "GREEN" and by_ref["AD03"].target is None
    # "Latest" / "Previous" under the merged "RAG" cell: the two header rows read together
    assert [(i.ref, i.rag, i.previous_rag) for i in by_ref.values()] == [
        (ref, (rag or "").upper() or None, (prev or "").upper() or None) for ref, _, _, _, rag, prev in AWKWARD_ROWS]


def test_two_row_header_of_period_groups():
    pdf = read_pdf(make_period_header_table(), "periods.pdf", tables="auto")
    report = parse_indicator_report(pdf)
    assert pdf.pages[0].tables[0][1] == (None, None, "Value", "Target", "RAG", "Value", "Target", "RAG", None)
    # the latest period's figures (the rightmost group), the previous RAG from the period before
    got = [(i.ref, i.name, i.value, i.target, i.rag, i.previous_rag, i.direction, i.period) for i in report.indicators]
    assert got == [
        (ref, name, float(q2.rstrip("%")), float(q2_target.rstrip("%")), q2_rag.upper(), q1_rag.upper(),
         direction.lower(), "Q2 2025/26")
        for ref, name, _, _, q1_rag, q2, q2_target, q2_rag, direction in PERIOD_HEADER_ROWS
    ]


def test_table_split_across_pages():
    pdf = read_pdf(make_awkward_tables(split_rows=60), "split.pdf", tables=True)
    assert len(pdf.pages) == 3
    assert [p.table_reader for p in pdf.pages] == ["lattice"] * 3
    indicators = parse_indicator_report(pdf).indicators
    refs = [i.ref for i in indicators]
    assert refs == [r[0] for r in AWKWARD_ROWS] + [f"PH{k:02d}" for k in range(60)]
    ph = {i.ref: i for i in indicators}
    assert ph["PH59"].page == 3 and ph["PH59"].value == 99.0 and ph["PH59"].rag == "RED"
    assert ph["PH02"].name == "Public health measure 2 " + "with a longer description that wraps " * 1 + \
        "with a longer description that wraps"


def test_text_running_over_cells_falls_back_to_pdfplumber():
    data = make_overflowing_table()
    ((fast, reference),) = both_readers(data).values()
    assert fast is None  # the fast reader declines ...
    page = read_pdf(data, "overflow.pdf", tables=True).pages[0]
    assert page.table_reader == "pdfplumber"  # ... and pdfplumber reads the page
    assert [list(t) for t in page.tables] == reference
    assert page.tables[0][0] == ("Ref", "Indicator", "Latest", "Target", "RAG")


def test_pages_without_tables_record_no_reader(kpi_report_pdf):
    assert {p.table_reader for p in read_pdf(kpi_report_pdf, "k.pdf").pages} == {None}


def test_sample_council_reports_read_alike():
    reports = sorted((sample_council_dir() / "documents").glob("*/CS Performance Indicators*.pdf"))
    assert len(reports) >= 10
    for path in reports:
        data = path.read_bytes()
        pdf = read_pdf(data, path.name, tables=True)
        table_pages = [p.number - 1 for p in pdf.pages if p.tables]
        assert table_pages and all(pdf.pages[i].table_reader == "lattice" for i in table_pages)
        for i, (fast, reference) in both_readers(data, table_pages).items():
            assert fast == reference, f"{path.name} page {i + 1}"


def test_generated_500_page_report_indicators(tmp_path):
    path = tmp_path / "generated_500_page_report.pdf"
    path.write_bytes(make_generated_report(500))
    result = CliRunner().invoke(cli, ["indicators", str(path), "--json", "--db", str(tmp_path / "m.db")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["period"] == "Q3 2024/25"
    assert len(report["indicators"]) == 2000
    rag = {"Green": "GREEN", "Amber": "AMBER", "Red": "RED"}
    expected = []
    for story_page in range(0, 500, 5):
        for k in range(20):
            n = story_page * 20 + k
            _, name, latest, target, floor, now, before, direction = generated_kpi_row(n, story_page)
            expected.append({"name": name, "section": None, "period": "Q3 2024/25", "value": float(latest[:-1]),
                             "unit": "%", "target": float(target[:-1]), "floor": float(floor[:-1]), "rag": rag[now],
                             "previous_rag": rag[before], "direction": direction.lower(), "page": story_page + 1})
    assert report["indicators"] == expected


# ---------------------------------------------------------------------------
# The geometry, on hand-made edges
# ---------------------------------------------------------------------------


def test_subpath_edges():
    assert subpath_edges([(0, 10), (50, 10)]) == [("h", 0, 50, 10)]
    assert subpath_edges([(0, 0), (40, 30)]) == []  # a diagonal is no ruling
    rect = subpath_edges([(0, 0), (20, 0), (20, 10), (0, 10), (0, 0)])
    assert sorted(rect) == [("h", 0, 20, 0), ("h", 0, 20, 10), ("v", 0, 10, 0), ("v", 0, 10, 20)]
    # an arrow-like polygon: only its horizontal and vertical sides count
    assert subpath_edges([(5, 0), (10, 5), (7, 5), (7, 12), (3, 12), (3, 5), (0, 5)]) == [
        ("h", 7, 10, 5), ("v", 5, 12, 7), ("h", 3, 7, 12), ("v", 5, 12, 3), ("h", 0, 3, 5)]


def test_edges_snap_and_join():
    horizontal, vertical = merge_edges([("h", 0, 50, 10.0), ("h", 52, 100, 11.0), ("h", 0, 2, 40), ("v", 0, 30, 0)])
    assert horizontal == [[0, 100, 10.5]]  # snapped to their mean, joined over the 2 pt gap; 2 pt stub dropped
    assert vertical == [[0, 30, 0]]


def _grid(xs, ys):
    return [("h", xs[0], xs[-1], y) for y in ys] + [("v", ys[0], ys[-1], x) for x in xs]


def _text(text, x0, top, width=20):
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + 8}


def test_lattice_merged_cell_and_decline():
    # a 3 x 3 grid whose first row is one cell merged over all three columns
    edges = [e for e in _grid([0, 100, 200, 300], [0, 20, 40, 60]) if not (e[0] == "v" and e[3] in (100, 200))]
    edges += [("v", 20, 60, 100), ("v", 20, 60, 200)]
    texts = [_text("Title", 10, 6), _text("a", 10, 26), _text("b", 110, 26), _text("c", 210, 26),
             _text("d", 10, 46), _text("e", 210, 46)]
    assert lattice_tables(edges, texts) == [[("Title", None, None), ("a", "b", "c"), ("d", "", "e")]]
    # text running from one cell into the next: which cell each character is in is pdfplumber's call
    assert lattice_tables(edges, [*texts, _text("overflowing", 150, 46, width=80)]) is None
    # rotated text inside the table, or no ruled table at all
    assert lattice_tables(edges, texts, rotated=[(120, 42, 130, 58)]) is None
    assert lattice_tables([("h", 0, 300, 0), ("h", 0, 300, 20)], texts) is None


@pytest.mark.realdata
def test_kent_ruled_pages_read_alike(kent_dir):
    """Every ruled page of the Kent performance report the fast reader resolves reads as pdfplumber
    reads it (the report's own KPIs come from its detail blocks; its tables are charts and summaries)."""
    data = (kent_dir / "kcc_quarterly_performance_report_q3_2024-25.pdf").read_bytes()
    compared = both_readers(data)
    resolved = {i: pair for i, pair in compared.items() if pair[0] is not None}
    assert len(resolved) >= 0.6 * len(compared)
    assert sum(1 for fast, _ in resolved.values() if fast) >= 10
    for i, (fast, reference) in resolved.items():
        assert fast == reference, f"page {i + 1}"
