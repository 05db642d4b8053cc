"""pdfium page objects: text objects (with invisible and clipped text told apart), drawn arrow
shapes and graphics counts of one page, and the ruling edges of its drawn paths. Runs in the
PDF child process (see `pdf_child`)."""
from __future__ import annotations

import ctypes
import math
import re

import pypdfium2.raw as r

from minutes_miner.extract import pdfium_calls as p
from minutes_miner.extract.pdf_lattice import Edge, subpath_edges


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
_TEXT_BUFFER_BYTES = 16384
_TEXT_BUFFER = ctypes.create_string_buffer(_TEXT_BUFFER_BYTES)  # one per process: the parser child is single-threaded


def page_objects(page) -> dict:
    """Text objects, arrow shapes and graphics counts of one page (boxes with `top` measured from
    the page top), and "rotated": the boxes of rotated text objects (not among the text)."""
    width = float(page.get_width())
    height = float(page.get_height())
    page_handle = p.handle(page.raw)
    textpage = p.LoadTextPage(page_handle)
    if not textpage:
        raise RuntimeError("pdfium could not load the page's text")
    fonts: dict[int, bool] = {}
    objs: list[dict] = []
    invisible: list[dict] = []
    arrows: list[tuple] = []
    counts = {"paths": 0, "images": 0}
    rotated: list[tuple] = []
    fl = ctypes.c_float
    L, B, R, T = fl(), fl(), fl(), fl()
    size = fl()
    fm = r.FS_MATRIX()
    get_type, get_bounds, get_matrix, get_clip = p.GetType, p.GetBounds, p.GetMatrix, p.GetClipPath
    get_font_size, get_render_mode = p.TextGetFontSize, p.TextGetRenderMode
    TEXT, PATH, IMAGE, FORM = r.FPDF_PAGEOBJ_TEXT, r.FPDF_PAGEOBJ_PATH, r.FPDF_PAGEOBJ_IMAGE, r.FPDF_PAGEOBJ_FORM

    def bounds(handle, m):
        if not get_bounds(handle, L, B, R, T):
            return None
        if m is _IDENTITY:
            return L.value, B.value, R.value, T.value
        return _bbox([_apply(m, L.value, B.value), _apply(m, R.value, T.value), _apply(m, L.value, T.value), _apply(m, R.value, B.value)])

    def clip_box(handle, m):
        clip = get_clip(handle)
        if not clip:
            return None
        box = None
        x, y = fl(), fl()
        for pi in range(p.ClipCountPaths(clip)):
            pts = []
            for si in range(p.ClipCountSegments(clip, pi)):
                seg = p.ClipGetSegment(clip, pi, si)
                if seg and p.SegmentGetPoint(seg, x, y):
                    pts.append(_apply(m, x.value, y.value) if m is not _IDENTITY else (x.value, y.value))
            if len(pts) >= 3:
                bb = _bbox(pts)
                box = bb if box is None else (max(box[0], bb[0]), max(box[1], bb[1]), min(box[2], bb[2]), min(box[3], bb[3]))
        return box

    def is_bold(handle) -> bool:
        font = p.TextGetFont(handle) or 0
        if font in fonts:
            return fonts[font]
        bold = False
        if font:
            if p.FontGetBaseName is not None:
                n = p.FontGetBaseName(font, None, 0)
                if n:
                    buf = ctypes.create_string_buffer(n)
                    p.FontGetBaseName(font, buf, n)
                    name = buf.value.decode("latin-1", "replace")
                    bold = bool(re.search(r"bold|black|heavy|semibold|demi", name, re.IGNORECASE))
            if not bold:
                weight = p.FontGetWeight(font)
                bold = weight >= 600
            if not bold:
                flags = ctypes.c_int()
                if p.FontGetFlags(font, flags):
                    bold = bool(flags.value & (1 << 18))
        fonts[font] = bold
        return bold

    # pdfium finds an object's text by scanning every character of the page, so each call costs
    # the whole page: one call into a buffer that fits nearly any object, not a size query first
    text_address = ctypes.addressof(_TEXT_BUFFER)
    text_pointer = ctypes.cast(_TEXT_BUFFER, ctypes.POINTER(ctypes.c_ushort))
    get_text, string_at = p.TextGetText, ctypes.string_at

    def text_of(handle) -> str:
        n = get_text(handle, textpage, text_pointer, _TEXT_BUFFER_BYTES)
        if n <= 2:
            return ""
        if n <= _TEXT_BUFFER_BYTES:
            return string_at(text_address, n - 2).decode("utf-16-le", "replace").rstrip("\x00")
        buf = (ctypes.c_ushort * n)()
        get_text(handle, textpage, buf, n)
        return bytes(buf).decode("utf-16-le", "replace").rstrip("\x00")

    def matrix(handle):
        if get_matrix(handle, fm):
            return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)
        return _IDENTITY

    def walk(count, get_obj, parent, m, depth):
        for k in range(count):
            h = get_obj(parent, k)
            if not h:
                continue
            kind = get_type(h)
            if kind == TEXT:
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
                    rotated.append((bb[0], height - bb[3], bb[2], height - bb[1]))
                    continue  # rotated / mirrored text (chart axis labels, watermarks)
                if get_font_size(h, size) and size.value > 0:
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
                if get_render_mode(h) == 3:  # FPDF_TEXTRENDERMODE_INVISIBLE
                    invisible.append(o)
                else:
                    objs.append(o)
            elif kind == PATH:
                counts["paths"] += 1
                if len(arrows) < 500:
                    a = _arrow(h, m, height)
                    if a:
                        arrows.append(a)
            elif kind == IMAGE:
                counts["images"] += 1
            elif kind == FORM and depth < 8:
                fmat = matrix(h)
                sub = _mat_mul(fmat, m) if m is not _IDENTITY else fmat
                walk(p.FormCountObjects(h), p.FormGetObject, h, sub, depth + 1)

    try:
        walk(p.CountObjects(page_handle), p.GetObject, page_handle, _IDENTITY, 0)
    finally:
        p.CloseTextPage(textpage)
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
        "rotated": rotated,
    }


def page_edges(page) -> list[Edge]:
    """The horizontal and vertical edges of every path drawn on a page, in form objects too
    (see `pdf_lattice.subpath_edges`; y measured from the page top)."""
    height = float(page.get_height())
    edges: list[Edge] = []

    def walk(count, get, parent, m, depth):
        for k in range(count):
            h = get(parent, k)
            if not h:
                continue
            kind = p.GetType(h)
            if kind == r.FPDF_PAGEOBJ_PATH:
                edges.extend(_path_edges(h, m, height))
            elif kind == r.FPDF_PAGEOBJ_FORM and depth < 8:
                own = _matrix(h)
                walk(p.FormCountObjects(h), p.FormGetObject, h, _mat_mul(own, m) if m is not _IDENTITY else own, depth + 1)

    page_handle = p.handle(page.raw)
    walk(p.CountObjects(page_handle), p.GetObject, page_handle, _IDENTITY, 0)
    return edges


def _path_edges(h, m, page_height) -> list[Edge]:
    """Horizontal and vertical edges of path object `h` (page coordinates, y from the top)."""
    pmat = _matrix(h)
    full = _mat_mul(pmat, m) if m is not _IDENTITY else pmat
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[Edge] = []
    points: list[tuple[float, float]] = []
    for s in range(p.PathCountSegments(h)):
        seg = p.PathGetSegment(h, s)
        if not seg or not p.SegmentGetPoint(seg, x, y):
            continue
        if p.SegmentGetType(seg) == r.FPDF_SEGMENT_MOVETO and points:
            out.extend(subpath_edges(points))
            points = []
        px, py = _apply(full, x.value, y.value)
        points.append((px, page_height - py))
    if points:
        out.extend(subpath_edges(points))
    return out


def _matrix(h) -> tuple:
    fm = r.FS_MATRIX()
    return (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f) if p.GetMatrix(h, fm) else _IDENTITY


def _arrow(h, m, page_height):
    """If path object `h` is a small arrow shape, (direction, x, top) of it."""
    fl = ctypes.c_float
    L, B, R, T = fl(), fl(), fl(), fl()
    if not p.GetBounds(h, L, B, R, T):
        return None
    w = R.value - L.value
    hgt = T.value - B.value
    if not (4 <= w <= 40 and 4 <= hgt <= 40):
        return None
    n = p.PathCountSegments(h)
    if n < 6 or n > 200:
        return None
    pmat = _matrix(h)
    full = _mat_mul(pmat, m) if m is not _IDENTITY else pmat
    x, y = fl(), fl()
    pts = []
    for s in range(n):
        seg = p.PathGetSegment(h, s)
        if seg and p.SegmentGetPoint(seg, x, y):
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


