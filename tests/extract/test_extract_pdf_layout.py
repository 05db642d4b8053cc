"""Text with layout: blocks with positions, page furniture kept aside, two-column reading order,
which pages get pdfplumber, and the batch reader (order, both cores, bad files)."""
from __future__ import annotations

import pytest
from extract_pdf_fixtures import (
    TWO_COLUMN_LEFT,
    TWO_COLUMN_RIGHT,
    make_kpi_report,
    make_ruled_non_kpi_table,
    make_text_pdf,
    make_two_column_page,
)

from minutes_miner.errors import PDFError
from minutes_miner.extract.pdf import PdfJob, read_pdf, read_pdfs
from minutes_miner.extract.pdf_layout import enumeration, group_blocks
from minutes_miner.extract.pdf_types import PdfLine


def test_two_column_page_is_read_column_by_column():
    pdf = read_pdf(make_two_column_page(), "newsletter.pdf")
    page = pdf.pages[0]
    assert page.columns == 2
    blocks = page.blocks
    assert blocks[0].kind == "heading" and blocks[0].text == "Fostering Service Update – Two Column Summary"
    assert [b.text for b in blocks[1:]] == TWO_COLUMN_LEFT + TWO_COLUMN_RIGHT
    assert [(b.kind, b.label) for b in blocks[1:]] == [
        ("numbered", "1."), ("numbered", "2."), ("lettered", "(a)"), ("numbered", "3."), ("numbered", "4.")]
    # positions for citations: the right column's blocks start right of the left column's
    assert blocks[4].x0 > blocks[1].x0 + 200 and blocks[4].top < blocks[3].top
    assert all(b.page == 1 for b in blocks)


def test_one_column_pages_stay_one_column(minutes_pdf, kpi_report_pdf):
    for data in (minutes_pdf, kpi_report_pdf, make_ruled_non_kpi_table()):
        assert all(p.columns == 1 for p in read_pdf(data, "x.pdf").pages)


def test_blocks_and_furniture_of_printed_minutes(minutes_pdf):
    pdf = read_pdf(minutes_pdf, "minutes.pdf")
    first = pdf.pages[0]
    # the page number and running footer are set aside, not lost
    assert [ln.text for ln in first.furniture] == ["1", "Fictional Borough Council - Corporate Parenting Panel minutes"]
    assert first.furniture[1].top > 780
    heading = next(b for b in first.blocks if b.text == "Apologies and Substitutes")
    assert heading.kind == "heading" and heading.bold and heading.page == 1
    fostering = next(p for p in pdf.pages if any(b.text.startswith("1. Jasmine Kettleby") for b in p.blocks))
    para = next(b for b in fostering.blocks if b.text.startswith("1. Jasmine Kettleby"))
    assert para.kind == "numbered" and para.label == "1."
    assert para.text.endswith("during the spring and summer months.")  # wrapped lines joined
    sub = next(b for b in fostering.blocks if b.text.startswith("a. Forty-one"))
    assert sub.kind == "lettered" and sub.label == "a." and sub.x0 > para.x0


def test_enumeration_labels():
    assert enumeration("4. Title") == ("numbered", "4.")
    assert enumeration("(12) RESOLVED that") == ("numbered", "(12)")
    assert enumeration("2.3 The Panel") == ("numbered", "2.3")
    assert enumeration("b) the figures") == ("lettered", "b)")
    assert enumeration("(iv) the last point") == ("lettered", "(iv)")
    assert enumeration("• a bullet") == ("bullet", "•")
    assert enumeration("The Panel noted") is None


def test_block_continues_over_a_page_break_and_hyphenation_is_fixed():
    body = [
        (1, PdfLine("1. The manage-", 72, 700, size=11, x1=500, bottom=711)),
        (1, PdfLine("ment team reported that the", 94, 714, size=11, x1=520, bottom=725)),
        (2, PdfLine("figures had improved.", 94, 60, size=11, x1=300, bottom=71)),
        (2, PdfLine("2. RESOLVED that the report be noted.", 72, 80, size=11, x1=420, bottom=91)),
    ]
    blocks = group_blocks(body)
    assert [b.text for b in blocks] == [
        "1. The management team reported that the figures had improved.",
        "2. RESOLVED that the report be noted.",
    ]
    assert (blocks[0].page, blocks[0].last_page) == (1, 2)


def test_a_bold_heading_at_the_foot_of_a_page_heads_the_plain_text_overleaf():
    body = [
        (1, PdfLine("Mr Sturgess spoke in support.", 72, 700, size=11, x1=300, bottom=711)),
        (1, PdfLine("Questions and debate", 72, 740, bold=True, size=11, x1=200, bottom=751)),
        (2, PdfLine("Cllr Lyle asked whether the junction was", 72, 60, size=11, x1=520, bottom=71)),
        (2, PdfLine("safe.", 72, 74, size=11, x1=110, bottom=85)),
    ]
    blocks = group_blocks(body)
    assert [(b.text, b.kind) for b in blocks] == [
        ("Mr Sturgess spoke in support.", "paragraph"),
        ("Questions and debate", "heading"),
        ("Cllr Lyle asked whether the junction was safe.", "paragraph"),
    ]


def test_pdfplumber_only_on_kpi_table_pages():
    # "auto": a KPI report gets its tables, a ruled room list does not
    report = read_pdf(make_kpi_report(), "report.pdf", tables="auto")
    assert [bool(p.tables) for p in report.pages] == [True, True]
    rooms = read_pdf(make_ruled_non_kpi_table(), "rooms.pdf", tables="auto")
    assert all(not p.tables for p in rooms.pages)
    assert all(not p.tables for p in read_pdf(make_ruled_non_kpi_table(), "rooms.pdf", tables=True).pages)


def test_peak_memory_and_time_are_reported():
    pdf = read_pdf(make_text_pdf(pages=5), "x.pdf")
    assert pdf.peak_rss_kb > 1000 and 0 < pdf.seconds < 30


def test_batch_in_input_order_with_bad_files_and_loaders():
    loaded = []

    def loader(n):
        def load():
            loaded.append(n)
            return make_text_pdf(f"Document {n}.")
        return load

    jobs = [PdfJob(f"doc{n}.pdf", loader(n), key=n) for n in range(6)]
    jobs.insert(3, PdfJob("empty.pdf", b"", key="empty"))

    def broken():
        raise OSError("disk gone")

    jobs.append(PdfJob("gone.pdf", broken, key="gone"))
    results = list(read_pdfs(jobs, workers=2))
    assert [job.key for job, _ in results] == [0, 1, 2, "empty", 3, 4, 5, "gone"]
    for job, result in results:
        if job.key in ("empty", "gone"):
            assert isinstance(result, PDFError) and result.where == job.source
        else:
            assert f"Document {job.key}. Page body 1." in result.text
    assert "could not be loaded (OSError: disk gone)" in str(results[-1][1])
    assert sorted(loaded) == list(range(6))


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_workers(workers):
    jobs = [PdfJob(f"d{n}.pdf", make_text_pdf(f"Doc {n}.", pages=3)) for n in range(4)]
    texts = [r.pages[2].text for _, r in read_pdfs(jobs, workers=workers)]
    assert texts == [f"Doc {n}. Page body 3." for n in range(4)]
