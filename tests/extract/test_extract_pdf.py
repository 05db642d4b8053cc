"""read_pdf: text with layout, classification, and hostile input (all fixtures generated)."""
from __future__ import annotations

import pytest
from extract_pdf_fixtures import make_image_only_pdf, make_text_pdf

from minutes_miner.errors import PDFError
from minutes_miner.extract.pdf import (
    PdfJob,
    arrow_direction,
    classify,
    join_wrapped,
    read_pdf,
    read_pdfs,
)


def test_minutes_text_lines_and_running_furniture_removed(minutes_pdf):
    pdf = read_pdf(minutes_pdf, "minutes.pdf")
    assert len(pdf.pages) >= 2
    assert pdf.warnings == ()
    first = pdf.pages[0]
    assert first.number == 1
    assert first.text.startswith("CORPORATE PARENTING PANEL – 3 September 2024")
    # page numbers and the running footer are gone from text and lines
    assert "Fictional Borough Council - Corporate Parenting Panel minutes" not in pdf.text
    assert all(ln.text not in ("1", "2") for p in pdf.pages for ln in p.lines)
    title = next(ln for ln in first.lines if ln.text == "Apologies and Substitutes")
    assert title.bold and title.size == pytest.approx(11, abs=0.5)
    body = next(ln for ln in first.lines if ln.text.startswith("Apologies were received"))
    assert not body.bold
    assert body.top > title.top and body.x0 == pytest.approx(title.x0, abs=1)
    # a numbered paragraph's wrapped lines are indented past its number
    page = next(p for p in pdf.pages if any(ln.text.startswith("1. Jasmine Kettleby") for ln in p.lines))
    i = next(k for k, ln in enumerate(page.lines) if ln.text.startswith("1. Jasmine Kettleby"))
    assert page.lines[i].x0 == pytest.approx(title.x0, abs=1)
    assert page.lines[i + 1].x0 == pytest.approx(title.x0 + 22, abs=1)


def test_classify(minutes_pdf, kpi_report_pdf):
    assert classify(read_pdf(minutes_pdf, "m.pdf")) == "minutes"
    assert classify(read_pdf(kpi_report_pdf, "k.pdf")) == "indicators"
    assert classify(read_pdf(make_text_pdf("Nothing much here."), "x.pdf")) == "other"


def test_tables_only_when_asked(kpi_report_pdf):
    assert all(not p.tables for p in read_pdf(kpi_report_pdf, "k.pdf").pages)
    pdf = read_pdf(kpi_report_pdf, "k.pdf", tables=True)
    header = pdf.pages[0].tables[0][0]
    assert header[:4] == ("Ref", "Indicator", "Unit", "Latest")


def test_join_wrapped_hyphenation():
    assert join_wrapped("a multi-agency father-", "inclusive practice") == "a multi-agency father-inclusive practice"
    assert join_wrapped("the manage-", "ment team") == "the management team"
    assert join_wrapped("soft\u00ad", "ware") == "software"
    assert join_wrapped("end of line", "next line") == "end of line next line"


def test_arrow_direction_from_outline():
    # a block arrow pointing right: shaft from x=0..10, head 10..16 with tip at (16, 3)
    right = [(0, 2), (10, 2), (10, 0), (16, 3), (10, 6), (10, 4), (0, 4)]
    assert arrow_direction(right) == "right"
    up = [(y, -x) for x, y in right]  # rotated: tip at (3, -16) -> points down in y-up space
    assert arrow_direction(up) == "down"
    assert arrow_direction([(x, -y) for x, y in up]) == "up"
    assert arrow_direction([(0, 0), (10, 0), (10, 10), (0, 10)]) is None  # a box


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>Session expired</body></html>", "not a PDF"),
        (b"hello, this is plain text", "not a PDF"),
    ],
)
def test_bad_input_rejected_before_parsing(data, fragment):
    with pytest.raises(PDFError) as exc:
        read_pdf(data, "bad.pdf")
    assert fragment in str(exc.value)
    assert exc.value.where == "bad.pdf" and exc.value.hint


def test_encrypted_pdf():
    with pytest.raises(PDFError) as exc:
        read_pdf(make_text_pdf(encrypt=True), "locked.pdf")
    assert "encrypted" in str(exc.value) and exc.value.where == "locked.pdf"


def test_image_only_pdf_needs_ocr():
    with pytest.raises(PDFError) as exc:
        read_pdf(make_image_only_pdf(), "scan.pdf")
    assert "no text layer, needs OCR" in str(exc.value)


def test_truncated_pdf_is_error_or_warning():
    whole = make_text_pdf("Truncation test.", pages=3)
    for cut in (0.3, 0.6, 0.9):
        data = whole[: int(len(whole) * cut)]
        try:
            pdf = read_pdf(data, "cut.pdf")
        except PDFError as exc:
            assert exc.where == "cut.pdf"
        else:
            assert any("truncated" in w for w in pdf.warnings)


def test_corrupt_xref_and_garbage_body_do_not_crash():
    whole = make_text_pdf("Corruption test.", pages=2)
    bad_xref = whole.replace(b"xref", b"xrex").replace(b"startxref", b"startxrex")
    garbage = whole[:200] + bytes(range(256)) * 20 + whole[-100:]
    for data in (bad_xref, garbage):
        try:
            pdf = read_pdf(data, "corrupt.pdf")
            assert isinstance(pdf.pages, tuple)
        except PDFError as exc:
            assert exc.where == "corrupt.pdf"


def test_time_limit():
    with pytest.raises(PDFError) as exc:
        read_pdf(make_text_pdf(pages=2000), "slow.pdf", timeout=0.05)
    assert "time limit" in str(exc.value)


def test_memory_limit():
    with pytest.raises(PDFError) as exc:
        read_pdf(make_text_pdf(pages=500), "big.pdf", memory_mb=15)
    assert "memory" in str(exc.value).lower()


def test_batch_with_hostile_files_completes(minutes_pdf):
    batch = {
        "good.pdf": minutes_pdf,
        "empty.pdf": b"",
        "html.pdf": b"<html>not found</html>",
        "locked.pdf": make_text_pdf(encrypt=True),
        "scan.pdf": make_image_only_pdf(),
        "cut.pdf": minutes_pdf[: len(minutes_pdf) // 3],
        "good2.pdf": make_text_pdf("Second good file."),
    }
    ok, failed = {}, {}
    for name, data in batch.items():
        try:
            ok[name] = read_pdf(data, name)
        except PDFError as exc:
            failed[name] = str(exc)
    assert {"good.pdf", "good2.pdf"} <= ok.keys()
    assert {"empty.pdf", "html.pdf", "locked.pdf", "scan.pdf"} <= failed.keys()
    assert all(msg.startswith(name) for name, msg in failed.items())
    assert len(ok) + len(failed) == len(batch)


def test_many_pages_and_tiny_characters():
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 1)
    for row in range(400):
        c.drawString(10, 10 + row * 2, "x" * 250)  # 100,000 tiny characters
    c.showPage()
    c.save()
    pdf = read_pdf(buf.getvalue(), "tiny.pdf", timeout=60)
    assert sum(p.text.count("x") for p in pdf.pages) >= 90_000
    many = read_pdf(make_text_pdf("Long report.", pages=300), "long.pdf")
    assert len(many.pages) == 300 and "Page body 300." in many.pages[-1].text


@pytest.mark.realdata
def test_kent_invisible_text_is_dropped(kent_dir):
    pdf = read_pdf((kent_dir / "kcc_quarterly_performance_report_q3_2024-25.pdf").read_bytes(), "qpr.pdf")
    page9 = pdf.pages[8].text
    # "Floor: 90%" is printed once; a clipped (invisible) copy of it sits under the box
    assert page9.count("Floor: 90%") == 1
    assert "Appendix 1" not in pdf.text  # running header
    assert len(pdf.pages) == 71


@pytest.mark.realdata
def test_kent_classify(kent_dir):
    def kind(name):
        return classify(read_pdf((kent_dir / name).read_bytes(), name))

    assert kind("kcc_corporate_parenting_panel_minutes_2024-10-29.pdf") == "minutes"
    assert kind("kcc_cabinet_minutes_2025-01-30.pdf") == "minutes"
    assert kind("kcc_quarterly_performance_report_q3_2024-25.pdf") == "indicators"


def _fake_limits(monkeypatch, hard, refused=None):
    """pdf_child's view of the process limits, with setrlimit recorded instead of applied (the test
    process keeps its limits): a parser child that has used 3.2 s of CPU on earlier documents."""
    from types import SimpleNamespace

    from minutes_miner.extract import pdf_child

    applied = []

    def setrlimit(which, limits):
        if refused is not None and which == getattr(pdf_child.resource, refused):
            raise ValueError("not allowed here")
        applied.append((which, limits))

    monkeypatch.setattr(pdf_child.resource, "setrlimit", setrlimit)
    monkeypatch.setattr(pdf_child.resource, "getrlimit", lambda which: (hard, hard))
    monkeypatch.setattr(pdf_child.resource, "getrusage", lambda who: SimpleNamespace(ru_utime=2.5, ru_stime=0.7))
    return pdf_child, applied


@pytest.mark.parametrize("refused", ["RLIMIT_AS", "RLIMIT_CPU"])
def test_a_refused_limit_does_not_skip_the_other_and_is_reported(monkeypatch, refused):
    import resource

    pdf_child, applied = _fake_limits(monkeypatch, resource.RLIM_INFINITY, refused)
    warnings = pdf_child.set_limits(512, 60)
    other = "RLIMIT_CPU" if refused == "RLIMIT_AS" else "RLIMIT_AS"
    # soft limits only, so that the child's next document can have its own; the CPU limit counts
    # from the CPU time the child has used so far (3.2 s, rounded up)
    expected = (4 + 65, resource.RLIM_INFINITY) if other == "RLIMIT_CPU" else (512 * 1024 * 1024, resource.RLIM_INFINITY)
    assert applied == [(getattr(pdf_child.resource, other), expected)]
    [warning] = warnings
    if refused == "RLIMIT_AS":
        assert warning.startswith("the parser's memory limit (512 MB) could not be set (not allowed here)")
    else:
        assert warning.startswith("the parser's CPU-time limit (65 s) could not be set (not allowed here)")


def test_limits_stay_within_a_hard_limit_the_child_inherited(monkeypatch):
    import resource

    pdf_child, applied = _fake_limits(monkeypatch, 40 * 1024 * 1024)
    assert pdf_child.set_limits(512, 60) == []
    assert applied == [(resource.RLIMIT_AS, (40 * 1024 * 1024,) * 2), (resource.RLIMIT_CPU, (4 + 65, 40 * 1024 * 1024))]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_fault_reading_one_document_of_a_batch_is_that_document_s_error(monkeypatch, workers):
    from minutes_miner.extract import pdf as pdf_module

    real = pdf_module.pdf_text_from_result

    def faulty_for_b(result, source, *args, **kwargs):
        if source == "b.pdf":
            raise KeyError("lines")
        return real(result, source, *args, **kwargs)

    monkeypatch.setattr(pdf_module, "pdf_text_from_result", faulty_for_b)
    jobs = [PdfJob(source=f"{name}.pdf", data=make_text_pdf(f"Document {name}.")) for name in "abc"]
    results = [(job.source, result) for job, result in read_pdfs(jobs, workers=workers)]
    assert [source for source, _ in results] == ["a.pdf", "b.pdf", "c.pdf"]
    assert "Document a." in results[0][1].text and "Document c." in results[2][1].text
    error = results[1][1]
    assert isinstance(error, PDFError)
    assert str(error).startswith("b.pdf: could not be read (KeyError: 'lines')")
