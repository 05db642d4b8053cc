"""Read PDF text with layout, safely, one child process per document.

`read_pdf` parses in a child process with a wall-clock time limit, a CPU-time limit and an
address-space memory limit, so a hostile or broken file cannot hang, crash or exhaust a
batch (see `pdf_child`). Children are forked from a server process that has the PDF libraries
imported already, so a document costs milliseconds of start-up, not a new interpreter.
`read_pdfs` keeps one child per CPU busy across a batch and gives results in input order.

The child uses pdfium (pypdfium2) for text: it walks the page's text objects, drops text that
is clipped out of view or drawn invisible, and rebuilds lines with position, size and
boldness (`pdf_objects`, `pdf_layout`). pdfplumber (slow) is only used for tables, and only on
the pages that carry a KPI table.
"""
from __future__ import annotations

import io
import multiprocessing
import multiprocessing.context
import os
import pickle
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util

from minutes_miner.errors import MinutesMinerError, NotAPDFError, PDFError
from minutes_miner.extract.pdf_classify import classify_text
from minutes_miner.extract.pdf_layout import (
    clean_text,
    join_wrapped,
    pdf_text_from_result,
)
from minutes_miner.extract.pdf_objects import arrow_direction
from minutes_miner.extract.pdf_types import (
    PdfArrow,
    PdfBlock,
    PdfLine,
    PdfPage,
    PdfText,
)

__all__ = [
    "PdfArrow", "PdfBlock", "PdfJob", "PdfLine", "PdfPage", "PdfText", "arrow_direction", "classify", "clean_text",
    "join_wrapped", "read_pdf", "read_pdfs",
]

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048


# ---------------------------------------------------------------------------
# One document
# ---------------------------------------------------------------------------


def read_pdf(
    data: bytes,
    source: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    tables: bool | str = False,
) -> PdfText:
    """Text (and optionally tables) of a PDF, parsed in a child process.

    `tables`: False; True for a performance report (pdfplumber on the pages with a KPI table);
    "auto" to do that only if the text reads as a performance report (one parse either way).

    Raises `PDFError` naming `source` for empty, non-PDF, encrypted, corrupt or image-only
    files, and when the child exceeds `timeout` seconds or `memory_mb` of address space.
    """
    _check_header(data, source)
    args = {"tables": tables, "memory_mb": int(memory_mb), "timeout": float(timeout)}
    started = time.perf_counter()
    result = _run_child(bytes(data), source, args)
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
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> Iterator[tuple[PdfJob, PdfText | PDFError]]:
    """(job, PdfText or the PDFError saying why not) for every job, in input order.

    Up to `workers` (default: the number of CPUs) documents are parsed at once, each in its
    own limited child process; a bad file gives its error and the batch goes on.
    """
    workers = max(1, workers or os.cpu_count() or 1)

    def one(job: PdfJob, data: bytes | PDFError) -> PdfText | PDFError:
        if isinstance(data, PDFError):
            return data
        try:
            return read_pdf(data, job.source, timeout=timeout, memory_mb=memory_mb, tables=job.tables)
        except PDFError as exc:
            return exc

    def load(job: PdfJob) -> bytes | PDFError:
        if not callable(job.data):
            return job.data
        try:
            return job.data()
        except MinutesMinerError as exc:  # e.g. the file cannot be read: its own message, as this document's error
            return PDFError(exc.message, where=exc.where or job.source, hint=exc.hint)
        except Exception as exc:  # noqa: BLE001 - a loader failing is this document's failure
            return PDFError(f"could not be loaded ({type(exc).__name__}: {exc})", where=job.source)

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


# ---------------------------------------------------------------------------
# The child process
# ---------------------------------------------------------------------------

# Children come from the fork server (public API: a "forkserver" context with the PDF libraries
# preloaded), so a start costs milliseconds. One thing the public API cannot switch off: every
# child re-imports the caller's ``__main__`` (so that pickled functions of a script resolve); the
# PDF child needs only this package, and a script without a ``__main__`` guard would run again.
# `_Popen` leaves that out, using multiprocessing internals (Python 3.11-3.13 shape). Should they
# differ on another Python, the first start fails and the public path is used from then on.
_CONTEXT = multiprocessing.get_context("forkserver")
_PRELOAD = ["minutes_miner.extract.pdf_child", "pdfplumber"]


class _Popen(popen_forkserver.Popen):
    """The fork server's Popen, minus re-importing the caller's ``__main__`` in the child."""

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_name", None)
        prep_data.pop("init_main_from_path", None)
        buf = io.BytesIO()
        multiprocessing.context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            multiprocessing.context.set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _PdfProcess(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj)


_context_lock = threading.Lock()
_preloaded = False
_without_main = True  # False once `_Popen` failed on this Python: public API only


def _start_child(target, args) -> multiprocessing.process.BaseProcess:
    """A started child from the fork server, which has pdfium and pdfplumber imported."""
    global _preloaded, _without_main
    with _context_lock:
        if not _preloaded:
            _CONTEXT.set_forkserver_preload(_PRELOAD)
            _preloaded = True
    if _without_main:
        proc = _PdfProcess(target=target, args=args, daemon=True, name="minutes-miner-pdf")
        try:
            proc.start()
            return proc
        except (AttributeError, TypeError, ValueError, ImportError):
            _without_main = False  # this Python's multiprocessing internals differ
    proc = _CONTEXT.Process(target=target, args=args, daemon=True, name="minutes-miner-pdf")
    proc.start()
    return proc


def _run_child(data: bytes, source: str, args: dict) -> dict:
    from minutes_miner.extract.pdf_child import child_main

    timeout = args["timeout"]
    receiver, sender = multiprocessing.Pipe(duplex=False)
    try:
        proc = _start_child(child_main, (sender, data, args))
    except Exception as exc:
        receiver.close()
        sender.close()
        raise PDFError(f"could not start the PDF parser process: {exc}", where=source) from exc
    sender.close()
    payload = None
    try:
        if receiver.poll(timeout):
            try:
                payload = receiver.recv_bytes()
            except (EOFError, OSError):
                payload = None
        else:
            proc.kill()
            proc.join(5)
            raise PDFError(
                f"gave up after {timeout:g} s (time limit exceeded while parsing)",
                where=source,
                hint="the file may be corrupt or extremely large; raise the time limit to try again",
            )
    finally:
        receiver.close()
    proc.join(10)
    if proc.is_alive():
        proc.kill()
        proc.join(5)
    result = None
    if payload:
        try:
            result = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a crashed child can leave partial output
            result = None
    if result is None:
        raise _died(proc.exitcode, source, args)
    if result.get("error"):
        raise PDFError(result["message"], where=source, hint=result.get("hint"))
    return result


def _died(rc: int | None, source: str, args: dict) -> PDFError:
    """The error for a child that died without a result."""
    if rc == -signal.SIGXCPU:
        return PDFError(f"gave up: the parser used more than {args['timeout']:g} s of CPU time", where=source,
                        hint="the file may be corrupt or extremely large; raise the time limit to try again")
    if rc is not None and rc < 0:
        return PDFError(
            f"could not be parsed: the parser process died (signal {-rc}), most likely at the memory limit of "
            f"{args['memory_mb']} MB, or the file crashed the PDF library",
            where=source, hint="raise the memory limit to try again; if it still fails the file is corrupt")
    return PDFError(f"could not be parsed: the parser process exited with code {rc}", where=source,
                    hint="the file is probably corrupt; try opening it in a PDF viewer")


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------


def classify(pdf: PdfText) -> str:
    """'minutes' | 'indicators' | 'questions' | 'other', from textual cues in the first pages."""
    kpi_table = any(
        t and any(c and re.search(r"indicator|kpi|measure", c, re.IGNORECASE) for c in t[0]) for p in pdf.pages for t in p.tables
    )
    return classify_text([p.text for p in pdf.pages[:6]], kpi_table)
