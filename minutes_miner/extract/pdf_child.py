"""The PDF child process: everything that touches PDF bytes runs here, under limits.

`worker_main` is started from a server that has pdfium and pdfplumber already imported (see
`pdf_process`) and parses the documents the parent sends it, one at a time. For each it sets an
address-space and a CPU-time limit on itself and reads text with pdfium. Only when asked, and
only on the pages that carry a KPI table, it reads tables: the ruled-table reader
(`pdf_lattice`, on the rulings and text pdfium gives) first, pdfplumber for the pages that reader
cannot resolve. Whatever goes wrong is sent back to the parent as a plain
{"error": kind, "message", "hint"} dict.
"""
from __future__ import annotations

import io
import math
import os
import pickle
import re
import resource

import pypdfium2 as pdfium

from minutes_miner.extract.indicators import (
    HEADER_SYNONYMS,
    indicators_from_details,
    summary_rows,
)
from minutes_miner.extract.pdf_classify import classify_text
from minutes_miner.extract.pdf_lattice import lattice_tables
from minutes_miner.extract.pdf_layout import (
    build_lines,
    clean_text,
    page_text,
    pdf_text_from_result,
    remove_running_lines,
)
from minutes_miner.extract.pdf_limits import RAISE_MEMORY_LIMIT
from minutes_miner.extract.pdf_objects import page_edges, page_objects


class _Fail(Exception):
    def __init__(self, kind: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.kind, self.message, self.hint = kind, message, hint


def worker_main(conn) -> None:  # pragma: no cover - runs in the child; covered via read_pdf
    """Parse documents sent over `conn` ({args} then the bytes), one result each, until the parent
    closes its end. Each document runs under its own CPU-time and memory limits."""
    # pdfium and pdfminer print warnings of their own; they must not reach the user's terminal
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    base = {which: resource.getrlimit(which) for which in (resource.RLIMIT_AS, resource.RLIMIT_CPU)}
    while True:
        try:
            args = conn.recv()
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        _reset_peak_memory()
        started = _cpu_seconds()
        limit_warnings = set_limits(int(args["memory_mb"]), float(args["timeout"]))
        try:
            result = extract(data, tables=args["tables"])
            result["warnings"] = limit_warnings + result["warnings"]
        except _Fail as exc:
            result = {"error": exc.kind, "message": exc.message, "hint": exc.hint}
        except BaseException as exc:  # noqa: BLE001 - pdfminer/pdfium raise anything; report it
            result = _error_result(exc, args["memory_mb"])
        del data
        result.update(_memory_use(), cpu_seconds=_cpu_seconds() - started)
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(_memory_error(args["memory_mb"]))
        del result
        for which, limits in base.items():  # the next document's bytes arrive before its limits are set
            try:
                resource.setrlimit(which, limits)
            except (ValueError, OSError):
                pass
        conn.send_bytes(payload)


def _cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _reset_peak_memory() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets this process's peak resident size (VmHWM), so each document reports its own
    except OSError:
        pass


def _memory_use() -> dict:
    """{"peak_rss_kb": peak resident memory while parsing, "vm_kb": address space now}."""
    use = {}
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(("VmHWM:", "VmSize:")):
                    use["peak_rss_kb" if line.startswith("VmHWM") else "vm_kb"] = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    if "peak_rss_kb" not in use:  # no /proc: the process's peak over every document it parsed
        use["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return use


def set_limits(memory_mb: int, timeout: float) -> list[str]:
    """Limit this process's address space, and its CPU time from now on, for one document; a
    warning for each limit that could not be set (each is tried on its own: a platform refusing
    one still gets the other). Only the soft limits are set, so the next document can have its own."""
    warnings = []
    memory = memory_mb * 1024 * 1024
    try:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (_within(memory, hard), hard))
    except (ValueError, OSError) as exc:
        warnings.append(f"the parser's memory limit ({memory_mb} MB) could not be set ({exc}); parsed without it")
    cpu = math.ceil(timeout) + 5
    try:
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        resource.setrlimit(resource.RLIMIT_CPU, (_within(math.ceil(_cpu_seconds()) + cpu, hard), hard))
    except (ValueError, OSError) as exc:
        warnings.append(f"the parser's CPU-time limit ({cpu} s) could not be set ({exc}); only the wall-clock "
                        f"limit of {timeout:g} s applies")
    return warnings


def _within(soft: int, hard: int) -> int:
    return soft if hard == resource.RLIM_INFINITY else min(soft, hard)


def _memory_error(memory_mb) -> dict:
    return {
        "error": "memory",
        "message": f"memory limit of {memory_mb} MB exceeded while parsing",
        "hint": f"the file is very large or malformed; {RAISE_MEMORY_LIMIT}",
    }


def _error_result(exc: BaseException, memory_mb) -> dict:
    low = str(exc).lower()
    chain, seen = exc, []
    while chain is not None and len(seen) < 10:
        seen.append(chain)
        chain = chain.__cause__ or chain.__context__
    # Under RLIMIT_AS a failed allocation inside C code can surface as SystemError
    # ("returned NULL without setting an exception") rather than MemoryError.
    if (any(isinstance(e, MemoryError) for e in seen) or "cannot allocate memory" in low
            or "failed to map" in low or "out of memory" in low or "null without setting" in low):
        return _memory_error(memory_mb)
    return {
        "error": "corrupt",
        "message": f"could not be parsed ({type(exc).__name__}: {str(exc)[:200]})",
        "hint": "the file is probably corrupt; try opening it in a PDF viewer",
    }


def extract(data: bytes, *, tables: bool | str) -> dict:
    """Pages (text, lines, furniture, arrows, tables) of a PDF as plain data.

    `tables`: False, True (a performance report: tables on the pages with a KPI table), or
    "auto" (the same, but only if the document reads as a performance report).
    """
    warnings: list[str] = []
    truncated = b"%%EOF" not in data[-2048:]
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        code = getattr(exc, "err_code", None)
        if code == 4 or "password" in msg.lower():
            raise _Fail("encrypted", "is encrypted (needs a password)", "ask the council for an unprotected copy") from None
        if truncated:
            raise _Fail("corrupt", "is truncated or corrupt (cannot be opened)", "re-download the file; the transfer may have been cut short") from None
        raise _Fail("corrupt", f"is corrupt and cannot be opened ({msg})", "try opening it in a PDF viewer; re-download it") from None
    n = len(doc)
    if n == 0:
        raise _Fail("corrupt", "has no pages (truncated or corrupt)", "re-download the file")
    if truncated:
        warnings.append("file appears truncated (no %%EOF marker); text may be incomplete")
    try:
        return _extract_pages(doc, data, n, truncated, tables, warnings)
    finally:
        doc.close()


def _extract_pages(doc, data: bytes, n: int, truncated: bool, tables: bool | str, warnings: list[str]) -> dict:
    raw_pages = []
    built = []
    failed = []
    # text objects of the ruled pages that may hold a KPI table, kept for the ruled-table reader
    table_text: dict[int, tuple[list[dict], list[tuple]]] = {}
    for i in range(n):
        try:
            page = doc[i]
        except Exception as exc:  # noqa: BLE001
            failed.append(i + 1)
            raw_pages.append({"width": 0.0, "height": 0.0, "arrows": [], "paths": 0, "images": 0})
            built.append(([], 1))
            warnings.append(f"page {i + 1} could not be read ({type(exc).__name__})")
            continue
        try:
            rp = page_objects(page)
        finally:
            page.close()
        objs = rp.pop("objs")
        built.append(build_lines(objs, rp["width"]))
        if tables and rp["paths"] >= 4 and _may_hold_kpi_table(built[-1][0]):
            table_text[i] = (objs, rp["rotated"])
        raw_pages.append(rp)
    if failed and len(failed) == n:
        raise _Fail("corrupt", "no page could be read (truncated or corrupt)", "re-download the file")

    page_lines = [lines for lines, _ in built]
    if not any(page_lines):
        images = sum(rp["images"] for rp in raw_pages)
        raise _Fail(
            "no_text",
            f"has {n} page(s) but no text layer, needs OCR" + (" (pages are scanned images)" if images else ""),
            "run it through OCR (e.g. ocrmypdf) first, or ask the council for a text PDF",
        )
    for i, (rp, lines) in enumerate(zip(raw_pages, page_lines)):
        if not lines and rp["images"] and (i + 1) not in failed:
            warnings.append(f"page {i + 1} has no text layer (scanned image?), needs OCR")
        if rp.get("invisible_kept"):
            warnings.append(f"page {i + 1}: only invisible (OCR) text found; used it")
    furniture = remove_running_lines(page_lines, [rp["height"] for rp in raw_pages])
    texts = [page_text(lines) for lines in page_lines]

    def plain(lines):
        return [(ln["text"], round(ln["x0"], 2), round(ln["top"], 2), ln["bold"], round(ln["size"], 2),
                 round(ln["x1"], 2), round(ln["bottom"], 2)) for ln in lines]

    pages = [
        {
            "number": i + 1,
            "text": texts[i],
            "lines": plain(page_lines[i]),
            "furniture": plain(furniture[i]),
            "columns": built[i][1],
            "tables": [],
            "width": rp["width"],
            "height": rp["height"],
            "arrows": rp["arrows"],
            "table_reader": None,
        }
        for i, rp in enumerate(raw_pages)
    ]
    if tables == "auto":
        tables = classify_text(texts, any(_kpi_header(ln["text"]) for lines in page_lines[:6] for ln in lines)) == "indicators"
    if tables and not _details_cover_summary({"pages": pages, "warnings": []}):
        want = table_pages(page_lines, [rp["paths"] for rp in raw_pages])
        for i, (reader, rows) in read_tables(doc, data, want, table_text, warnings).items():
            pages[i]["tables"] = rows
            pages[i]["table_reader"] = reader
    return {"pages": pages, "warnings": warnings}


def _details_cover_summary(result: dict) -> bool:
    """True when the report's text already gives every KPI: a detail block (Latest/Target/Floor)
    for each row of its RAG summary tables. Its tables then need no pdfplumber at all."""
    pdf = pdf_text_from_result(result, "", blocks=False)
    details = indicators_from_details(pdf, None)
    return bool(details) and len(details) >= len(summary_rows(pdf))


# ---------------------------------------------------------------------------
# Which pages need pdfplumber
# ---------------------------------------------------------------------------

_HEADER_WORDS = {w for _, words in HEADER_SYNONYMS for phrase in words for w in phrase.split()} | {"dot", "rating"}
_NAME_WORDS = {"indicator", "indicators", "kpi", "kpis", "measure", "measures", "description"}
_FIGURE_WORDS = {"target", "rag", "latest", "value", "actual", "outturn", "result", "performance", "current", "previous"}
_RAG = re.compile(r"\b(?:GREEN|AMBER|RED|Green|Amber|Red)\b")


def _kpi_header(text: str) -> bool:
    """A line that reads like the header row of a KPI table ("Ref Indicator ... Target RAG")."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 2 or len(words) > 20:
        return False
    known = [w for w in words if w in _HEADER_WORDS]
    return len(known) >= 0.6 * len(words) and bool(_NAME_WORDS & set(words)) and bool(_FIGURE_WORDS & set(words))


def _may_hold_kpi_table(lines: list[dict]) -> bool:
    """What `table_pages` asks of a page's lines, before running headers are set aside."""
    return any(_kpi_header(ln["text"]) for ln in lines) or sum(1 for ln in lines if _RAG.search(ln["text"])) >= 3


def table_pages(page_lines: list[list[dict]], paths: list[int]) -> list[int]:
    """0-based pages worth running pdfplumber on: ruled pages with a KPI table header, and the
    ruled pages that continue such a table (RAG ratings in several lines) without repeating it."""
    want: list[int] = []
    for i, lines in enumerate(page_lines):
        if paths[i] < 4 or not lines:
            continue
        if any(_kpi_header(ln["text"]) for ln in lines) or want and want[-1] == i - 1 and sum(1 for ln in lines if _RAG.search(ln["text"])) >= 3:
            want.append(i)
    return want


def read_tables(doc, data: bytes, wanted: list[int], table_text: dict[int, tuple[list[dict], list[tuple]]],
                warnings: list[str]) -> dict[int, tuple[str, list]]:
    """(reader, tables) per 0-based page of `wanted`: "lattice" where the ruled-table reader
    resolves the page from its rulings and its text objects (`table_text`: page -> (text
    objects, rotated text boxes) from `page_objects`), "pdfplumber" for the rest."""
    found: dict[int, tuple[str, list]] = {}
    fallback = []
    for i in wanted:
        tables = None
        if i in table_text:
            try:
                page = doc[i]
                try:
                    edges = page_edges(page)
                finally:
                    page.close()
                tables = lattice_tables(edges, *table_text[i])
            except Exception:  # noqa: BLE001 - pdfium failing on a page: pdfplumber gets its chance
                tables = None
        if tables is None:
            fallback.append(i)
            continue
        rows_out = clean_tables(tables)
        if rows_out:
            found[i] = ("lattice", rows_out)
    for i, rows_out in (pdfplumber_tables(data, fallback, warnings) if fallback else {}).items():
        found[i] = ("pdfplumber", rows_out)
    return found


def clean_tables(tables: list[list]) -> list[list[tuple]]:
    """Cell text cleaned, rows without any text dropped, tables left empty dropped."""
    out = []
    for t in tables:
        rows = [tuple(None if c is None else clean_text(c).strip() for c in row) for row in t]
        rows = [r_ for r_ in rows if any(c for c in r_)]
        if rows:
            out.append(rows)
    return out


def pdfplumber_tables(data: bytes, wanted: list[int], warnings: list[str]) -> dict[int, list]:
    """Tables (lines strategy) on the given 0-based pages, with pdfplumber; each page closed
    (and its cached layout dropped) as soon as it is read, so memory stays flat."""
    import pdfplumber

    found: dict[int, list] = {}
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"tables not read: {type(exc).__name__}: {str(exc)[:120]}")
        return found
    try:
        for i in wanted:
            page = None
            try:
                page = pdf.pages[i]
                tabs = page.extract_tables()
            except Exception as exc:  # noqa: BLE001 - pdfminer raises TypeError, IndexError ... on bad pages
                warnings.append(f"page {i + 1}: tables not read ({type(exc).__name__}: {str(exc)[:80]})")
                tabs = []
            finally:
                if page is not None:
                    page.close()
            rows_out = clean_tables(tabs)
            if rows_out:
                found[i] = rows_out
    finally:
        try:
            pdf.close()
        except Exception:  # noqa: BLE001,S110 - closing walks the pages again; the tables are read already
            pass
    return found
