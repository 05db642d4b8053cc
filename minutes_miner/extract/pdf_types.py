"""What the PDF reader hands to the parsers: pages of positioned lines, blocks, tables and arrows."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfLine:
    """One visual line of text. Coordinates in PDF points, `top` measured from the page top."""

    text: str
    x0: float
    top: float
    bold: bool = False
    size: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0


@dataclass(frozen=True)
class PdfBlock:
    """A paragraph, heading, numbered/lettered point or bullet: wrapped lines joined, with the
    page and position of its first line (for citations).

    `kind` is heading | numbered | lettered | bullet | paragraph; `label` the printed number,
    letter or bullet ("4.", "(b)", "ii)", "•") of a numbered/lettered/bullet block.
    """

    text: str
    page: int
    x0: float
    top: float
    kind: str = "paragraph"
    label: str | None = None
    bold: bool = False
    last_page: int | None = None  # when the block runs on over a page break


@dataclass(frozen=True)
class PdfArrow:
    """A small drawn arrow shape (vector graphics, not text): `direction` up|down|left|right."""

    direction: str
    x: float  # centre, points from the left
    y: float  # centre, points from the top


@dataclass(frozen=True)
class PdfPage:
    number: int  # 1-based
    text: str
    lines: tuple[PdfLine, ...] = ()
    tables: tuple[tuple[tuple[str | None, ...], ...], ...] = ()
    width: float = 0.0
    height: float = 0.0
    arrows: tuple[PdfArrow, ...] = ()
    blocks: tuple[PdfBlock, ...] = ()
    # running headers/footers and page numbers removed from `lines` (a parser may still want
    # one, e.g. the "Question 7" stamp at the top of a council questions paper)
    furniture: tuple[PdfLine, ...] = ()
    columns: int = 1  # 2 when the page was read as two text columns
    # which reader gave `tables`: "lattice" (ruled tables from pdfium's rulings and text) or
    # "pdfplumber" (the fallback); None when the page's tables were not read
    table_reader: str | None = None


@dataclass(frozen=True)
class PdfText:
    source: str
    pages: tuple[PdfPage, ...]
    warnings: tuple[str, ...] = ()
    peak_rss_kb: int = 0  # the parser child's peak resident memory
    seconds: float = 0.0  # wall-clock time of the parse, child start to result
    cpu_seconds: float = 0.0  # CPU time the parser child spent on this document

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)
