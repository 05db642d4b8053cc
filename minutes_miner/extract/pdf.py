"""Read PDF text with layout, safely.

`read_pdf` parses in a child process (a fresh interpreter) with a wall-clock time limit
and an address-space memory limit, so a hostile or broken file cannot hang, crash or
exhaust a batch. The child uses pdfium (pypdfium2) for text: it walks the page's text
objects, drops text that is clipped out of view or drawn invisible, and rebuilds lines
with position, size and boldness. pdfplumber (slow) is only used when tables are asked
for, and only on pages that carry ruling graphics.

Also here: `classify` (minutes | indicators | questions | other) and `join_wrapped`, the
line-joining rule (hyphenation fix) shared by the parsers.
"""
from __future__ import annotations

import math
import os
import pickle
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass

from minutes_miner.errors import PDFError

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


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


@dataclass(frozen=True)
class PdfText:
    source: str
    pages: tuple[PdfPage, ...]
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)


# ---------------------------------------------------------------------------
# Public entry point (parent side)
# ---------------------------------------------------------------------------

_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_WORKER_CODE = (
    "import sys; sys.path.insert(0, {root!r}); "
    "from minutes_miner.extract.pdf import _worker_main; _worker_main()"
)


def read_pdf(
    data: bytes,
    source: str,
    *,
    timeout: float = 60,
    memory_mb: int = 2048,
    tables: bool = False,
) -> PdfText:
    """Text (and optionally tables) of a PDF, parsed in a child process.

    Raises `PDFError` naming `source` for empty, non-PDF, encrypted, corrupt or image-only
    files, and when the child exceeds `timeout` seconds or `memory_mb` of address space.
    """
    if not data:
        raise PDFError("file is empty (0 bytes)", where=source, hint="re-download it; the fetch may have failed")
    head = bytes(data[:1024])
    if b"%PDF-" not in head:
        what = "an HTML page" if re.search(rb"<(!doctype|html)", head, re.I) else "something else"
        raise PDFError(
            f"not a PDF (no %PDF- header; looks like {what})",
            where=source,
            hint="check the URL: the server may have returned an error or login page instead of the document",
        )
    args = {"tables": bool(tables), "memory_mb": int(memory_mb), "timeout": float(timeout)}
    cmd = [sys.executable, "-c", _WORKER_CODE.format(root=_PACKAGE_ROOT), repr(args)]
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:  # pragma: no cover - system trouble
        raise PDFError(f"could not start the PDF parser process: {exc}", where=source) from exc
    try:
        out, err = proc.communicate(bytes(data), timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise PDFError(
            f"gave up after {timeout:g} s (time limit exceeded while parsing)",
            where=source,
            hint="the file may be corrupt or extremely large; raise the time limit to try again",
        ) from None
    result = None
    if out:
        try:
            result = pickle.loads(out)
        except Exception:  # noqa: BLE001 - a crashed child can leave partial output
            result = None
    if result is None:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        rc = proc.returncode
        if rc is not None and rc < 0:
            why = f"the parser process was killed by signal {-rc}"
        else:
            why = f"the parser process exited with code {rc}"
        if any("MemoryError" in t or "memory" in t.lower() for t in tail) or rc in (-6, -9, -11):
            why += f" (probably the memory limit of {memory_mb} MB was exceeded, or the file crashed the parser)"
        raise PDFError(
            f"could not be parsed: {why}" + (f": {tail[0]}" if tail else ""),
            where=source,
            hint="the file is probably corrupt; try opening it in a PDF viewer",
        )
    kind = result.get("error")
    if kind:
        raise PDFError(result["message"], where=source, hint=result.get("hint"))
    pages = tuple(
        PdfPage(
            number=p["number"],
            text=p["text"],
            lines=tuple(PdfLine(*ln) for ln in p["lines"]),
            tables=tuple(tuple(tuple(row) for row in t) for t in p["tables"]),
            width=p["width"],
            height=p["height"],
            arrows=tuple(PdfArrow(*a) for a in p["arrows"]),
        )
        for p in result["pages"]
    )
    return PdfText(source=source, pages=pages, warnings=tuple(result["warnings"]))


def read_pdf_file(path: str, **kwargs) -> PdfText:
    """`read_pdf` on a file path (the file name is used as `source`)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise PDFError(f"cannot read file: {exc.strerror}", where=path) from exc
    return read_pdf(data, os.path.basename(path), **kwargs)


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------

_RAG_WORDS = re.compile(r"\b(GREEN|AMBER|RED)\b")


def classify(pdf: PdfText) -> str:
    """'minutes' | 'indicators' | 'questions' | 'other', from textual cues in the first pages."""
    text = "\n".join(p.text for p in pdf.pages[:6])
    low = text.lower()
    scores = {"minutes": 0, "indicators": 0, "questions": 0}
    if re.search(r"\bMINUTES of\b", text) or re.search(r"^\s*minutes of (a|the) meeting", low, re.M):
        scores["minutes"] += 3
    if re.search(r"^\s*PRESENT\s*:", text, re.M | re.I):
        scores["minutes"] += 2
    scores["minutes"] += min(3, len(re.findall(r"^\(Item \d+\)\s*$", text, re.M)))
    if re.search(r"\bRESOLVED\b", text):
        scores["minutes"] += 1
    if "performance report" in low or "performance indicators" in low or "key performance indicator" in low:
        scores["indicators"] += 3
    if re.search(r"\b(indicator|kpi|measure)\b", low) and re.search(r"\btarget\b", low):
        scores["indicators"] += 1
    if re.search(r"\b(rag|dot|direction of travel|floor standard)\b", low):
        scores["indicators"] += 1
    if len(_RAG_WORDS.findall(text)) >= 6:
        scores["indicators"] += 2
    if any(p.tables for p in pdf.pages):
        for p in pdf.pages:
            for t in p.tables:
                if t and any(c and re.search(r"indicator|kpi|measure", c, re.I) for c in t[0]):
                    scores["indicators"] += 2
                    break
    q = len(re.findall(r"^\s*Question (?:\d+\s*)?(?:by|from)\b", text, re.M | re.I))
    a = len(re.findall(r"^\s*(?:Answer|Reply|Response)\b", text, re.M | re.I))
    if q:
        scores["questions"] += 2 + min(q, 3) + (2 if a else 0)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else "other"


# ---------------------------------------------------------------------------
# Shared text helpers
# ---------------------------------------------------------------------------

_SOFT_HYPHENS = "\u00ad\ufffe\u2010"
_SPLIT_SUFFIXES = re.compile(
    r"^(tion|tions|sion|sions|ment|ments|ing|ings|ed|ly|ity|ities|ance|ances|ence|ences|ness|ous|ive|ives|"
    r"al|ally|er|ers|es|ies|ation|ations|able|ible|ful|ship|ist|ists|ism|ial|ially|ular)\b"
)


def join_wrapped(first: str, second: str) -> str:
    """Join a line and its wrapped continuation, fixing hyphenation at the break.

    A soft hyphen, or a hyphen before a bare word ending ("manage-" + "ment"), is removed;
    any other line-end hyphen ("father-" + "inclusive") is a real one and is kept.
    """
    a = first.rstrip()
    b = second.lstrip()
    if not a:
        return b
    if not b:
        return a
    if a[-1] in _SOFT_HYPHENS and b[:1].isalpha():
        return a[:-1] + b
    if a[-1] == "-" and len(a) >= 2 and a[-2].isalpha() and b[:1].islower():
        if _SPLIT_SUFFIXES.match(b):
            return a[:-1] + b
        return a + b
    return a + " " + b


def clean_text(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\r", "").replace("\n", " ")
    text = text.replace("\ufffe", "-").replace("\x02", "-").replace("\x00", "")
    return re.sub(r" {2,}", " ", text)


# ---------------------------------------------------------------------------
# Child process
# ---------------------------------------------------------------------------


def _worker_main() -> None:  # pragma: no cover - runs in the child; covered via read_pdf
    import ast

    args = ast.literal_eval(sys.argv[1])
    out = sys.stdout.buffer
    try:
        import resource

        limit = int(args["memory_mb"]) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        cpu = int(math.ceil(args["timeout"])) + 5
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    except (ImportError, ValueError, OSError):
        pass
    data = sys.stdin.buffer.read()
    try:
        result = _extract(data, tables=args["tables"])
    except MemoryError:
        result = {
            "error": "memory",
            "message": f"memory limit of {args['memory_mb']} MB exceeded while parsing",
            "hint": "the file is very large or malformed; raise the memory limit to try again",
        }
    except _Fail as exc:
        result = {"error": exc.kind, "message": exc.message, "hint": exc.hint}
    except BaseException as exc:  # noqa: BLE001 - pdfminer/pdfium raise anything; report it
        low = str(exc).lower()
        chain, seen = exc, []
        while chain is not None and len(seen) < 10:
            seen.append(chain)
            chain = chain.__cause__ or chain.__context__
        # Under RLIMIT_AS a failed allocation inside C code can surface as SystemError
        # ("returned NULL without setting an exception") rather than MemoryError.
        if (any(isinstance(e, MemoryError) for e in seen) or "cannot allocate memory" in low
                or "failed to map" in low or "out of memory" in low or "null without setting" in low):
            result = {
                "error": "memory",
                "message": f"memory limit of {args['memory_mb']} MB exceeded while parsing",
                "hint": "the file is very large or malformed; raise the memory limit to try again",
            }
        else:
            result = {
                "error": "corrupt",
                "message": f"could not be parsed ({type(exc).__name__}: {str(exc)[:200]})",
                "hint": "the file is probably corrupt; try opening it in a PDF viewer",
            }
    out.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()


class _Fail(Exception):
    def __init__(self, kind: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.kind, self.message, self.hint = kind, message, hint


def _extract(data: bytes, *, tables: bool) -> dict:
    import pypdfium2 as pdfium

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
    raw_pages = []
    failed = []
    for i in range(n):
        try:
            page = doc[i]
        except Exception as exc:  # noqa: BLE001
            failed.append(i + 1)
            raw_pages.append({"objs": [], "width": 0.0, "height": 0.0, "arrows": [], "paths": 0, "images": 0})
            warnings.append(f"page {i + 1} could not be read ({type(exc).__name__})")
            continue
        try:
            raw_pages.append(_page_objects(page))
        finally:
            page.close()
    doc.close()
    if failed and len(failed) == n:
        raise _Fail("corrupt", "no page could be read (truncated or corrupt)", "re-download the file")

    # lines per page
    page_lines = [_build_lines(rp["objs"]) for rp in raw_pages]
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
    _remove_running_lines(page_lines, raw_pages)

    table_map: dict[int, list] = {}
    if tables:
        want = [i for i, rp in enumerate(raw_pages) if rp["paths"] >= 4 and page_lines[i]]
        if want:
            table_map = _tables(data, want, warnings)

    pages = []
    for i, (rp, lines) in enumerate(zip(raw_pages, page_lines)):
        pages.append(
            {
                "number": i + 1,
                "text": _page_text(lines),
                "lines": [
                    (ln["text"], round(ln["x0"], 2), round(ln["top"], 2), ln["bold"], round(ln["size"], 2), round(ln["x1"], 2), round(ln["bottom"], 2))
                    for ln in lines
                ],
                "tables": table_map.get(i, []),
                "width": rp["width"],
                "height": rp["height"],
                "arrows": rp["arrows"],
            }
        )
    return {"pages": pages, "warnings": warnings}


def _mat_mul(m1, m2):
    """Compose affine matrices (a,b,c,d,e,f): apply m1 then m2."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _page_objects(page) -> dict:
    """Text objects, arrow shapes and graphics counts of one page (pdf coordinates, y up)."""
    import ctypes

    import pypdfium2.raw as r

    width = float(page.get_width())
    height = float(page.get_height())
    textpage = page.get_textpage()
    fonts: dict[int, bool] = {}
    objs: list[dict] = []
    invisible: list[dict] = []
    arrows: list[tuple] = []
    counts = {"paths": 0, "images": 0}
    fl = ctypes.c_float
    L, B, R, T = fl(), fl(), fl(), fl()

    def bounds(handle, m):
        if not r.FPDFPageObj_GetBounds(handle, L, B, R, T):
            return None
        if m is _IDENTITY:
            return L.value, B.value, R.value, T.value
        return _bbox([_apply(m, L.value, B.value), _apply(m, R.value, T.value), _apply(m, L.value, T.value), _apply(m, R.value, B.value)])

    def clip_box(handle, m):
        clip = r.FPDFPageObj_GetClipPath(handle)
        if not clip:
            return None
        box = None
        x, y = fl(), fl()
        for pi in range(r.FPDFClipPath_CountPaths(clip)):
            pts = []
            for si in range(r.FPDFClipPath_CountPathSegments(clip, pi)):
                seg = r.FPDFClipPath_GetPathSegment(clip, pi, si)
                if seg and r.FPDFPathSegment_GetPoint(seg, x, y):
                    pts.append(_apply(m, x.value, y.value) if m is not _IDENTITY else (x.value, y.value))
            if len(pts) >= 3:
                bb = _bbox(pts)
                box = bb if box is None else (max(box[0], bb[0]), max(box[1], bb[1]), min(box[2], bb[2]), min(box[3], bb[3]))
        return box

    def is_bold(handle) -> bool:
        font = r.FPDFTextObj_GetFont(handle)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key in fonts:
            return fonts[key]
        bold = False
        if font:
            try:
                n = r.FPDFFont_GetBaseFontName(font, None, 0)
                if n:
                    buf = ctypes.create_string_buffer(n)
                    r.FPDFFont_GetBaseFontName(font, buf, n)
                    name = buf.value.decode("latin-1", "replace")
                    bold = bool(re.search(r"bold|black|heavy|semibold|demi", name, re.I))
            except AttributeError:
                pass
            if not bold:
                weight = r.FPDFFont_GetWeight(font)
                bold = weight >= 600
            if not bold:
                flags = ctypes.c_int()
                if r.FPDFFont_GetFlags(font, flags):
                    bold = bool(flags.value & (1 << 18))
        fonts[key] = bold
        return bold

    def text_of(handle) -> str:
        n = r.FPDFTextObj_GetText(handle, textpage.raw, None, 0)
        if n <= 2:
            return ""
        buf = (ctypes.c_ushort * n)()
        r.FPDFTextObj_GetText(handle, textpage.raw, buf, n)
        return bytes(buf).decode("utf-16-le", "replace").rstrip("\x00")

    def matrix(handle):
        mm = r.FS_MATRIX()
        if r.FPDFPageObj_GetMatrix(handle, mm):
            return (mm.a, mm.b, mm.c, mm.d, mm.e, mm.f)
        return _IDENTITY

    def walk(get_count, get_obj, m, depth):
        for k in range(get_count()):
            h = get_obj(k)
            if not h:
                continue
            kind = r.FPDFPageObj_GetType(h)
            if kind == r.FPDF_PAGEOBJ_TEXT:
                text = text_of(h)
                if not text.strip():
                    continue
                bb = bounds(h, m)
                if bb is None:
                    continue
                tm = matrix(h)
                full = _mat_mul(tm, m) if m is not _IDENTITY else tm
                a, b, c, d = full[:4]
                if a <= 0 or d <= 0 or abs(b) > 0.1 * a or abs(c) > 0.1 * d:
                    continue  # rotated / mirrored text (chart axis labels, watermarks)
                size = fl()
                if r.FPDFTextObj_GetFontSize(h, size) and size.value > 0:
                    fsize = size.value * abs(d)
                else:
                    fsize = bb[3] - bb[1]
                x0, y0, x1, y1 = bb
                if x1 < -5 or x0 > width + 5 or y1 < -5 or y0 > height + 5:
                    continue  # off the page
                cb = clip_box(h, m)
                if cb is not None:
                    ih = min(y1, cb[3]) - max(y0, cb[1])
                    iw = min(x1, cb[2]) - max(x0, cb[0])
                    if ih < 0.5 * (y1 - y0) or iw < 0.3 * max(x1 - x0, 0.01):
                        continue  # clipped out of view
                o = {"text": text, "x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0, "size": fsize, "bold": is_bold(h)}
                if r.FPDFTextObj_GetTextRenderMode(h) == 3:  # FPDF_TEXTRENDERMODE_INVISIBLE
                    invisible.append(o)
                else:
                    objs.append(o)
            elif kind == r.FPDF_PAGEOBJ_PATH:
                counts["paths"] += 1
                if len(arrows) < 500:
                    a = _arrow(h, m, height, r, ctypes)
                    if a:
                        arrows.append(a)
            elif kind == r.FPDF_PAGEOBJ_IMAGE:
                counts["images"] += 1
            elif kind == r.FPDF_PAGEOBJ_FORM and depth < 8:
                fm = matrix(h)
                sub = _mat_mul(fm, m) if m is not _IDENTITY else fm
                walk(lambda h=h: r.FPDFFormObj_CountObjects(h), lambda j, h=h: r.FPDFFormObj_GetObject(h, j), sub, depth + 1)

    try:
        walk(lambda: r.FPDFPage_CountObjects(page.raw), lambda j: r.FPDFPage_GetObject(page.raw, j), _IDENTITY, 0)
    finally:
        textpage.close()
    invisible_kept = False
    if not objs and invisible:
        objs = invisible  # an OCR'd scan: the invisible layer is the text
        invisible_kept = True
    # dedupe arrows drawn twice (fill + outline)
    uniq: list[tuple] = []
    for a in arrows:
        if not any(u[0] == a[0] and abs(u[1] - a[1]) < 3 and abs(u[2] - a[2]) < 3 for u in uniq):
            uniq.append(a)
    return {
        "objs": objs,
        "width": width,
        "height": height,
        "arrows": uniq,
        "paths": counts["paths"],
        "images": counts["images"],
        "invisible_kept": invisible_kept,
    }


def _arrow(h, m, page_height, r, ctypes):
    """If path object `h` is a small arrow shape, (direction, x, top) of it."""
    fl = ctypes.c_float
    L, B, R, T = fl(), fl(), fl(), fl()
    if not r.FPDFPageObj_GetBounds(h, L, B, R, T):
        return None
    w = R.value - L.value
    hgt = T.value - B.value
    if not (4 <= w <= 40 and 4 <= hgt <= 40):
        return None
    n = r.FPDFPath_CountSegments(h)
    if n < 6 or n > 200:
        return None
    pm = r.FS_MATRIX()
    pmat = (pm.a, pm.b, pm.c, pm.d, pm.e, pm.f) if r.FPDFPageObj_GetMatrix(h, pm) else _IDENTITY
    full = _mat_mul(pmat, m) if m is not _IDENTITY else pmat
    x, y = fl(), fl()
    pts = []
    for s in range(n):
        seg = r.FPDFPath_GetPathSegment(h, s)
        if seg and r.FPDFPathSegment_GetPoint(seg, x, y):
            pts.append(_apply(full, x.value, y.value))
    if len(pts) < 6:
        return None
    d = arrow_direction(pts)
    if d is None:
        return None
    bx0, by0, bx1, by1 = _bbox(pts)
    return (d, round((bx0 + bx1) / 2, 2), round(page_height - (by0 + by1) / 2, 2))


def arrow_direction(points) -> str | None:
    """Which way a polygon outline of an arrow points: 'up' | 'down' | 'left' | 'right' (y up).

    Takes the axis along which the shape is most elongated; the tip is the end whose
    vertices spread least across that axis (a point), the tail the end with the shaft's width.
    """
    best = None
    for deg in (0, 45, 90, 135):
        ux, uy = math.cos(math.radians(deg)), math.sin(math.radians(deg))
        along = [px * ux + py * uy for px, py in points]
        across = [-px * uy + py * ux for px, py in points]
        la = max(along) - min(along)
        lc = max(across) - min(across)
        if la <= 0:
            continue
        ratio = la / max(lc, 1e-6)
        if best is None or ratio > best[0]:
            best = (ratio, ux, uy, along, across, la)
    if best is None:
        return None
    _, ux, uy, along, across, la = best
    lo, hi = min(along), max(along)
    band = 0.2 * la

    def spread(sel):
        vals = [c for t, c in zip(along, across) if sel(t)]
        return (max(vals) - min(vals)) if vals else 0.0

    w_lo = spread(lambda t: t <= lo + band)
    w_hi = spread(lambda t: t >= hi - band)
    if abs(w_lo - w_hi) < 0.15 * max(w_lo, w_hi, 1e-6) or max(w_lo, w_hi) < 0.08 * la:
        return None  # symmetric: a bar, box or circle, not an arrow
    sign = 1 if w_hi < w_lo else -1
    dx, dy = ux * sign, uy * sign
    if abs(dy) >= abs(dx) * 0.9:
        return "up" if dy > 0 else "down"
    return "right" if dx > 0 else "left"


def _build_lines(objs: list[dict]) -> list[dict]:
    """Group text objects into visual lines, top to bottom, left to right."""
    if not objs:
        return []
    items = sorted(objs, key=lambda o: ((o["top"] + o["bottom"]) / 2, o["x0"]))
    lines: list[list[dict]] = []
    cur: list[dict] = []
    ref_top = ref_bottom = 0.0
    for o in items:
        oh = max(o["bottom"] - o["top"], 0.5)
        if cur:
            rh = max(ref_bottom - ref_top, 0.5)
            overlap = min(o["bottom"], ref_bottom) - max(o["top"], ref_top)
            if overlap >= 0.5 * min(oh, rh):
                cur.append(o)
                if oh > rh:  # the tallest object defines the line (superscripts join it)
                    ref_top, ref_bottom = o["top"], o["bottom"]
                continue
            lines.append(cur)
        cur = [o]
        ref_top, ref_bottom = o["top"], o["bottom"]
    if cur:
        lines.append(cur)
    out = []
    for group in lines:
        group.sort(key=lambda o: o["x0"])
        parts: list[str] = []
        prev = None
        kept = []
        for o in group:
            if prev is not None and o["text"] == prev["text"] and abs(o["x0"] - prev["x0"]) < 1.5:
                continue  # text drawn twice (fake bold / shadow)
            t = o["text"]
            if prev is not None:
                gap = o["x0"] - prev["x1"]
                if gap > 0.15 * max(o["size"], 1.0) and parts and not parts[-1].endswith(" ") and not t.startswith(" "):
                    parts.append(" ")
            parts.append(t)
            kept.append(o)
            prev = o
        text = clean_text("".join(parts)).strip()
        if not text:
            continue
        nchars = sum(len(o["text"].strip()) for o in kept) or 1
        bold_chars = sum(len(o["text"].strip()) for o in kept if o["bold"])
        sizes = Counter()
        for o in kept:
            sizes[round(o["size"], 1)] += len(o["text"].strip())
        out.append(
            {
                "text": text,
                "x0": min(o["x0"] for o in kept),
                "x1": max(o["x1"] for o in kept),
                "top": min(o["top"] for o in kept),
                "bottom": max(o["bottom"] for o in kept),
                "bold": bold_chars >= 0.6 * nchars,
                "size": sizes.most_common(1)[0][0],
            }
        )
    return out


_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def _remove_running_lines(page_lines: list[list[dict]], raw_pages: list[dict]) -> None:
    """Drop page numbers and running headers/footers (in place)."""
    n = len(page_lines)

    def zone(ln, h):
        return ln["top"] < 0.12 * h or ln["bottom"] > 0.9 * h

    def key(ln, exact=False):
        # running headers/footers repeat the same text at the same height on many pages
        text = ln["text"].lower()
        return (text if exact else re.sub(r"\d+", "#", text), round(ln["top"] / 6))

    counts: Counter = Counter()
    for lines, rp in zip(page_lines, raw_pages):
        seen = set()
        for ln in lines:
            if zone(ln, rp["height"] or 842):
                for k in {key(ln), key(ln, exact=True)}:
                    if k not in seen:
                        seen.add(k)
                        counts[k] += 1
    need = max(2, math.ceil(0.4 * n)) if n >= 2 else 10**9
    for idx, (lines, rp) in enumerate(zip(page_lines, raw_pages)):
        h = rp["height"] or 842
        # on a page with nothing outside the margins, only exact repeats count as furniture
        exact = not any(not zone(ln, h) for ln in lines)
        keep = []
        for ln in lines:
            if zone(ln, h):
                if _PAGE_NUMBER.match(ln["text"].strip()):
                    continue
                if counts[key(ln, exact)] >= need:
                    continue
            keep.append(ln)
        page_lines[idx] = keep


def _page_text(lines: list[dict]) -> str:
    texts = [ln["text"] for ln in lines]
    out: list[str] = []
    i = 0
    while i < len(texts):
        t = texts[i]
        # hyphenation at line end: pull the rest of the word up from the next line
        while i + 1 < len(texts) and t and (t[-1] in _SOFT_HYPHENS or (t[-1] == "-" and len(t) > 1 and t[-2].isalpha())) and texts[i + 1][:1].isalpha() and (t[-1] != "-" or texts[i + 1][:1].islower()):
            nxt = texts[i + 1]
            word, _, rest = nxt.partition(" ")
            t = join_wrapped(t, word)
            if rest:
                texts[i + 1] = rest
                break
            i += 1
        out.append(t)
        i += 1
    return "\n".join(out)


def _tables(data: bytes, wanted: list[int], warnings: list[str]) -> dict[int, list]:
    """Tables (lines strategy) on the given 0-based pages, with pdfplumber; pages closed as we go."""
    import io

    import pdfplumber

    found: dict[int, list] = {}
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"tables not read: {type(exc).__name__}: {str(exc)[:120]}")
        return found
    try:
        for i in wanted:
            if i >= len(pdf.pages):
                break
            page = pdf.pages[i]
            try:
                tabs = page.extract_tables()
            except Exception as exc:  # noqa: BLE001
                warnings.append(f"page {i + 1}: tables not read ({type(exc).__name__})")
                tabs = []
            finally:
                page.close()
            rows_out = []
            for t in tabs:
                rows = [tuple(None if c is None else clean_text(c).strip() for c in row) for row in t]
                rows = [r_ for r_ in rows if any(c for c in r_)]
                if rows:
                    rows_out.append(rows)
            if rows_out:
                found[i] = rows_out
    finally:
        pdf.close()
    return found
