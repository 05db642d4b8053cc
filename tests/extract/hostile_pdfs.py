"""A hostile set of PDFs, generated: what a ten-year archive of council documents throws at the reader.

`write_hostile_set(folder)` writes the files and returns, per file name, what the reader must
make of it: ("error", fragment of the reason), ("warning", fragment) or ("ok", None).
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from extract_pdf_fixtures import make_image_only_pdf, make_kpi_report, make_text_pdf


def tiny_characters_pdf(count: int = 100_000) -> bytes:
    """One page with `count` characters in a 1-point font."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 1)
    per_row = 250
    for row in range(count // per_row):
        c.drawString(10, 10 + row * 2, "x" * per_row)
    c.showPage()
    c.save()
    return buf.getvalue()


def kpi_page_with_bad_cropbox() -> bytes:
    """A ruled KPI table whose page has a two-number /CropBox: pdfium ignores it, pdfminer
    (under pdfplumber) raises IndexError - not one of its own exceptions."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=0)
    xs = [40, 90, 300, 360, 420, 480, 540]
    c.setFont("Helvetica-Bold", 9)
    for x, head in zip(xs, ["Ref", "Indicator", "Latest", "Target", "RAG", "Previous RAG"]):
        c.drawString(x + 2, 780, head)
    for row in range(6):
        c.line(40, 795 - row * 18, 540, 795 - row * 18)
    for x in xs:
        c.line(x, 795, x, 795 - 5 * 18)
    c.setFont("Helvetica", 9)
    for r in range(1, 5):
        for x, v in zip(xs, [f"K{r}", f"Fictional indicator {r}", "50%", "60%", "Amber", "Red"]):
            c.drawString(x + 2, 780 - r * 18, v)
    c.showPage()
    c.save()
    data = buf.getvalue()
    box = re.search(rb"/MediaBox \[[^\]]*\]", data).group(0)
    return data.replace(box, box + b" /CropBox [ 1 2 ]", 1)


def corrupt_xref(data: bytes) -> bytes:
    """Every xref offset wrong and startxref pointing nowhere; the objects themselves intact."""
    start = data.rindex(b"xref")
    table = re.sub(rb"\d{10} \d{5} n", b"0000000999 00000 n", data[start:])
    table = re.sub(rb"startxref\s+\d+", b"startxref\n123456789", table)
    return data[:start] + table


def garbage_body(data: bytes) -> bytes:
    """The header and trailer of a PDF around bytes that are no PDF at all."""
    return data[:15] + bytes(range(256)) * 40 + data[-200:]


def write_hostile_set(folder: Path) -> dict[str, tuple[str, str | None]]:
    report = make_kpi_report()
    files = {
        "empty.pdf": (b"", ("error", "file is empty (0 bytes)")),
        "login-page.pdf": (b"<!DOCTYPE html><html><body>Please sign in</body></html>", ("error", "not a PDF")),
        "truncated.pdf": (report[: len(report) // 2], ("error", "truncated")),
        "corrupt-xref.pdf": (corrupt_xref(report), ("ok", None)),  # pdfium rebuilds the xref
        "garbage.pdf": (garbage_body(report), ("error", "corrupt")),
        "encrypted.pdf": (make_text_pdf("Locked.", encrypt=True), ("error", "encrypted (needs a password)")),
        "scanned.pdf": (make_image_only_pdf(), ("error", "no text layer, needs OCR")),
        "2000-pages.pdf": (make_text_pdf("A very long report.", pages=2000), ("ok", None)),
        "tiny-characters.pdf": (tiny_characters_pdf(), ("ok", None)),
        "pdfminer-indexerror.pdf": (kpi_page_with_bad_cropbox(), ("warning", "tables not read (IndexError")),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: expected for name, (_, expected) in files.items()}
