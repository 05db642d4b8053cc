"""Read PDF text with layout, safely, in child processes.

`read_pdf` parses in a child process with a wall-clock time limit, a CPU-time limit and an
address-space memory limit, so a hostile or broken file cannot hang, crash or exhaust a
batch (see `pdf_child`). Children are forked from a server process that has the PDF libraries
imported already, and a child that parsed a document cleanly takes the next one (see
`pdf_process`). `read_pdfs` keeps one child per CPU busy across a batch and gives results in
input order.

The child uses pdfium (pypdfium2) for text: it walks the page's text objects, drops text that
is clipped out of view or drawn invisible, and rebuilds lines with position, size and
boldness (`pdf_objects`, `pdf_layout`). pdfplumber (slow) is only used for tables, and only on
the pages that carry a KPI table.
"""
from __future__ import annotations

import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from minutes_miner.errors import MinutesMinerError, NotAPDFError, PDFError
from minutes_miner.extract.pdf_classify import classify_text
from minutes_miner.extract.pdf_layout import (
    clean_text,
    join_wrapped,
    pdf_text_from_result,
)
from minutes_miner.extract.pdf_limits import (
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    pdf_limits,
)
from minutes_miner.extract.pdf_objects import arrow_direction
from minutes_miner.extract.pdf_process import run_in_child
from minutes_miner.extract.pdf_types import (
    PdfArrow,
    PdfBlock,
    PdfLine,
    PdfPage,
    PdfText,
)

__all__ = [
    "DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT", "PdfArrow", "PdfBlock", "PdfJob", "PdfLine", "PdfPage", "PdfText", "arrow_direction", "classify", "clean_text",
    "join_wrapped", "read_pdf", "read_pdfs",
]

# ---------------------------------------------------------------------------
# One document
# ---------------------------------------------------------------------------


def read_pdf(
    data: bytes,
    source: str,
    *,
    timeout: float | None = None,
    memory_mb: int | None = None,
    tables: bool | str = False,
) -> PdfText:
    """Text (and optionally tables) of a PDF, parsed in a child process.

    `tables`: False; True for a performance report (pdfplumber on the pages with a KPI table);
    "auto" to do that only if the text reads as a performance report (one parse either way).

    Raises `PDFError` naming `source` for empty, non-PDF, encrypted, corrupt or image-only
    files, and when the child exceeds `timeout` seconds or `memory_mb` of address space (None:
    as set in the environment, else the defaults; see `pdf_limits`).
    """
    _check_header(data, source)
    timeout, memory_mb = pdf_limits(timeout, memory_mb)
    args = {"tables": tables, "memory_mb": memory_mb, "timeout": timeout}
    started = time.perf_counter()
    result = run_in_child(bytes(data), source, args)
    return pdf_text_from_result(result, source, time.perf_counter() - started)


def _check_header(data: bytes, source: str) -> None:
    if not data:
        raise NotAPDFError("file is empty (0 bytes)", where=source, hint="re-download it; the fetch may have failed")
    head = bytes(data[:1024])
    if b"%PDF-" not in head:
        what = "an HTML page" if re.search(rb"<(!doctype|html)", head, re.IGNORECASE) else "something else"
        raise NotAPDFError(
            f"not a PDF (no %PDF- header; looks like {what})",
            where=source,
            hint="check the URL: the server may have returned an error or login page instead of the document",
        )


# ---------------------------------------------------------------------------
# A batch, on every core
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfJob:
    """One document of a batch: `data` is the bytes, or a function that loads them (called
    in the caller's thread just before the document is parsed, so a batch never holds more
    than a few documents in memory)."""

    source: str
    data: bytes | Callable[[], bytes]
    tables: bool | str = False
    key: object = None  # the caller's handle, handed back with the result


def read_pdfs(
    jobs: Iterable[PdfJob],
    *,
    workers: int | None = None,
    timeout: float | None = None,
    memory_mb: int | None = None,
) -> Iterator[tuple[PdfJob, PdfText | PDFError]]:
    """(job, PdfText or the PDFError saying why not) for every job, in input order.

    Up to `workers` (default: the number of CPUs) documents are parsed at once, each in its
    own limited child process; a bad file gives its error and the batch goes on. Limits that
    are not numbers are refused here, when the batch is set up, not as every document's error.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    timeout, memory_mb = pdf_limits(timeout, memory_mb)

    def one(job: PdfJob, data: bytes | PDFError) -> PdfText | PDFError:
        if isinstance(data, PDFError):
            return data
        try:
            return read_pdf(data, job.source, timeout=timeout, memory_mb=memory_mb, tables=job.tables)
        except PDFError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - raised, it would end the batch and every later document with it
            return PDFError(f"could not be read ({type(exc).__name__}: {str(exc)[:200]})", where=job.source,
                            hint="this is a fault in minutes-miner rather than in the file; please report it")

    def load(job: PdfJob) -> bytes | PDFError:
        if not callable(job.data):
            return job.data
        try:
            return job.data()
        except MinutesMinerError as exc:  # e.g. the file cannot be read: its own message, as this document's error
            return PDFError(exc.message, where=exc.where or job.source, hint=exc.hint)
        except Exception as exc:  # noqa: BLE001 - a loader failing is this document's failure
            return PDFError(f"could not be loaded ({type(exc).__name__}: {exc})", where=job.source)

    def results() -> Iterator[tuple[PdfJob, PdfText | PDFError]]:
        if workers == 1:
            for job in jobs:
                yield job, one(job, load(job))
            return
        pending: deque = deque()
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pdf") as pool:
            for job in jobs:
                pending.append((job, pool.submit(one, job, load(job))))
                if len(pending) >= 2 * workers:
                    done_job, future = pending.popleft()
                    yield done_job, future.result()
            while pending:
                done_job, future = pending.popleft()
                yield done_job, future.result()

    return results()


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------


def classify(pdf: PdfText) -> str:
    """'minutes' | 'indicators' | 'questions' | 'other', from textual cues in the first pages."""
    kpi_table = any(
        t and any(c and re.search(r"indicator|kpi|measure", c, re.IGNORECASE) for c in t[0]) for p in pdf.pages for t in p.tables
    )
    return classify_text([p.text for p in pdf.pages[:6]], kpi_table)
