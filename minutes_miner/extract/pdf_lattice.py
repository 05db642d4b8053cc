"""Ruled ("lattice") tables from what the PDF child already has from pdfium: the straight edges of
path objects and positioned text objects. Pure functions over plain tuples and dicts.

The geometry follows pdfplumber's "lines" table strategy step by step (snap edges within 3 pt,
join collinear pieces, keep edges of 3 pt or more, intersections within 3 pt, smallest cells,
tables as groups of cells sharing corners, rows by cell top, columns by cell left), so a page
read here gives the rows pdfplumber would give, in a fraction of the time: pdfplumber has to
parse the page again with pdfminer first. A merged cell is one cell; the columns (or rows) it
covers get None, as in pdfplumber.

Where this reading could differ from pdfplumber's, `lattice_tables` returns None and the caller
falls back to pdfplumber for the page: no ruled table found, a text object running over a cell
boundary (pdfplumber splits it by character), text too close to a ruling to say which cell it is
in, or rotated text inside a table.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from itertools import pairwise

from minutes_miner.extract.pdf_layout import clean_text

SNAP = 3.0  # pdfplumber snap_tolerance
JOIN = 3.0  # join_tolerance
MIN_LENGTH = 3.0  # edge_min_length
MIN_LENGTH_PREFILTER = 1.0  # edge_min_length_prefilter
INTERSECTION = 3.0  # intersection_tolerance
WORD_GAP = 3.0  # x_tolerance of pdfplumber's text extraction
LINE_GAP = 3.0  # y_tolerance
# how far a text object may reach over its cell's side, and how close its centre may come to
# a ruling, before the cell it belongs to is a matter of character boxes (pdfplumber's business)
OVERHANG = 0.5
CENTRE_MARGIN = 1.5

_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE = re.compile("|".join(_LIGATURES))
_SAME = 0.01  # coordinates closer than this are equal (pdfium gives float32 points)

# An edge: (orientation, low, high, position). "h": x0, x1 at `top` = position;
# "v": top, bottom at x = position. Coordinates in points, y measured from the page top.
Edge = tuple[str, float, float, float]


# ---------------------------------------------------------------------------
# Edges of drawn paths
# ---------------------------------------------------------------------------


def subpath_edges(points: list[tuple[float, float]]) -> list[Edge]:
    """Horizontal and vertical edges of one subpath (its points in order, bezier control points
    included), the way pdfminer/pdfplumber see it: a two-point subpath is a line, an axis-aligned
    four-corner closed subpath a rectangle (four edges), anything else a curve whose consecutive
    points make an edge when they line up horizontally or vertically."""
    if len(points) >= 5 and _close(points[-1], points[0]):
        points = points[:-1]
    if len(points) == 2:
        return [e for e in (_segment(points[0], points[1]),) if e]
    if len(points) == 4 and _is_rectangle(points):
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        return [("h", x0, x1, top), ("h", x0, x1, bottom), ("v", top, bottom, x0), ("v", top, bottom, x1)]
    return [e for a, b in pairwise(points) if (e := _segment(a, b))]


def _close(a, b) -> bool:
    return abs(a[0] - b[0]) < _SAME and abs(a[1] - b[1]) < _SAME


def _is_rectangle(p) -> bool:
    def eq(u, v):
        return abs(u - v) < _SAME

    return ((eq(p[0][0], p[1][0]) and eq(p[1][1], p[2][1]) and eq(p[2][0], p[3][0]) and eq(p[3][1], p[0][1]))
            or (eq(p[0][1], p[1][1]) and eq(p[1][0], p[2][0]) and eq(p[2][1], p[3][1]) and eq(p[3][0], p[0][0])))


def _segment(a, b) -> Edge | None:
    if abs(a[1] - b[1]) < _SAME:
        return ("h", min(a[0], b[0]), max(a[0], b[0]), a[1])
    if abs(a[0] - b[0]) < _SAME:
        return ("v", min(a[1], b[1]), max(a[1], b[1]), a[0])
    return None  # a diagonal is no ruling


# ---------------------------------------------------------------------------
# Edges -> cells -> tables
# ---------------------------------------------------------------------------


def merge_edges(edges: list[Edge]) -> tuple[list[list[float]], list[list[float]]]:
    """Snapped, joined and length-filtered edges: (horizontal, vertical), each [low, high, position]."""
    out = []
    for orientation in ("h", "v"):
        group = [[lo, hi, pos] for o, lo, hi, pos in edges if o == orientation and hi - lo >= MIN_LENGTH_PREFILTER]
        _snap(group)
        out.append([e for e in _join(group) if e[1] - e[0] >= MIN_LENGTH])
    return out[0], out[1]


def _snap(edges: list[list[float]]) -> None:
    """Move edges whose positions chain within SNAP of each other to their mean position."""
    edges.sort(key=lambda e: e[2])
    cluster: list[list[float]] = []
    for e in edges:
        if cluster and e[2] > cluster[-1][2] + SNAP:
            _to_mean(cluster)
            cluster = []
        cluster.append(e)
    if cluster:
        _to_mean(cluster)


def _to_mean(cluster: list[list[float]]) -> None:
    mean = sum(e[2] for e in cluster) / len(cluster)
    for e in cluster:
        e[2] = mean


def _join(edges: list[list[float]]) -> list[list[float]]:
    """Collinear edges that overlap or are less than JOIN apart, joined into one."""
    by_position: dict[float, list[list[float]]] = defaultdict(list)
    for e in edges:
        by_position[e[2]].append(e)
    joined: list[list[float]] = []
    for position in sorted(by_position):
        run: list[list[float]] = []
        for e in sorted(by_position[position], key=lambda e: e[0]):
            if run and e[0] <= run[-1][1] + JOIN:
                run[-1][1] = max(run[-1][1], e[1])
            else:
                run.append(list(e))
        joined.extend(run)
    return joined


def find_cells(horizontal: list[list[float]], vertical: list[list[float]]) -> list[tuple[float, float, float, float]]:
    """The smallest rectangles (x0, top, x1, bottom) whose four sides lie on edges."""
    # intersection point -> (ids of vertical edges, ids of horizontal edges) through it
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, (vtop, vbottom, x) in enumerate(vertical):
        for hi, (hx0, hx1, y) in enumerate(horizontal):
            if vtop <= y + INTERSECTION and vbottom >= y - INTERSECTION and hx0 - INTERSECTION <= x <= hx1 + INTERSECTION:
                v_ids, h_ids = points.setdefault((x, y), (set(), set()))
                v_ids.add(vi)
                h_ids.add(hi)
    by_x: dict[float, list[tuple[float, float]]] = defaultdict(list)
    by_y: dict[float, list[tuple[float, float]]] = defaultdict(list)
    for p in sorted(points):
        by_x[p[0]].append(p)
        by_y[p[1]].append(p)

    def vertically_joined(p, q) -> bool:
        return bool(points[p][0] & points[q][0])

    def horizontally_joined(p, q) -> bool:
        return bool(points[p][1] & points[q][1])

    cells = []
    for pt in sorted(points):
        below = [q for q in by_x[pt[0]] if q[1] > pt[1]]
        right = [q for q in by_y[pt[1]] if q[0] > pt[0]]
        cell = None
        for b in below:
            if not vertically_joined(pt, b):
                continue
            for r in right:
                if not horizontally_joined(pt, r):
                    continue
                corner = (r[0], b[1])
                if corner in points and vertically_joined(corner, r) and horizontally_joined(corner, b):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return cells


def group_tables(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Cells grouped into tables (cells sharing a corner belong together), top to bottom, then left
    to right; a lone cell is no table."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            if corner in owner:
                parent[root(i)] = root(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[root(i)].append(cell)
    tables = [g for g in groups.values() if len(g) > 1]
    return sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))


def table_grid(cells: list[tuple[float, float, float, float]]) -> list[list[tuple | None]]:
    """Rows of a table's cells: one row per distinct cell top, one column per distinct cell left;
    None where a merged cell covers the position."""
    columns = sorted({c[0] for c in cells})
    rows: dict[float, dict[float, tuple]] = defaultdict(dict)
    for c in sorted(cells, key=lambda c: (c[1], c[0])):
        rows[c[1]][c[0]] = c
    return [[rows[top].get(x) for x in columns] for top in sorted(rows)]


# ---------------------------------------------------------------------------
# Text into cells
# ---------------------------------------------------------------------------


class Unresolved(Exception):
    """The fast reader cannot say for sure what pdfplumber would read on this page."""


def lattice_tables(edges: list[Edge], texts: list[dict], rotated: list[tuple] = ()) -> list[list[tuple]] | None:
    """Rows (tuples of cell text, None under a merged cell) of every ruled table on a page, or
    None when the page needs pdfplumber (see the module note).

    `texts`: visible text objects {"text", "x0", "x1", "top", "bottom"}; `rotated`: boxes
    (x0, top, x1, bottom) of rotated text objects, which this reader does not place.
    """
    horizontal, vertical = merge_edges(edges)
    if not horizontal or not vertical:
        return None
    tables = group_tables(find_cells(horizontal, vertical))
    if not tables:
        return None
    try:
        return [_table_rows(cells, texts, rotated) for cells in tables]
    except Unresolved:
        return None


def _table_rows(cells, texts, rotated) -> list[tuple]:
    x0 = min(c[0] for c in cells)
    top = min(c[1] for c in cells)
    x1 = max(c[2] for c in cells)
    bottom = max(c[3] for c in cells)
    for bx0, btop, bx1, bbottom in rotated:
        if x0 <= (bx0 + bx1) / 2 < x1 and top <= (btop + bbottom) / 2 < bottom:
            raise Unresolved
    # text by vertical centre, so that each cell looks only at the text level with it
    inside = sorted(((t["top"] + t["bottom"]) / 2, k, t) for k, t in enumerate(texts)
                    if top <= (t["top"] + t["bottom"]) / 2 < bottom)
    centres = [c for c, _, _ in inside]
    rows = []
    for row in table_grid(cells):
        out = []
        for cell in row:
            if cell is None:
                out.append(None)
                continue
            band = inside[bisect_left(centres, cell[1]):bisect_left(centres, cell[3])]
            out.append(_cell_text(cell, [t for _, _, t in band]))
        rows.append(tuple(out))
    return rows


def _cell_text(cell, texts) -> str:
    """The text of the objects centred in `cell` (`texts`: those level with it)."""
    cx0, ctop, cx1, cbottom = cell
    mine = []
    for t in texts:
        hmid = (t["x0"] + t["x1"]) / 2
        vmid = (t["top"] + t["bottom"]) / 2
        if not (cx0 <= hmid < cx1 and ctop <= vmid < cbottom):
            continue
        if t["x0"] < cx0 - OVERHANG or t["x1"] > cx1 + OVERHANG:
            raise Unresolved  # runs over into the next cell: pdfplumber splits it by character
        if vmid - ctop < CENTRE_MARGIN or cbottom - vmid < CENTRE_MARGIN:
            raise Unresolved  # on a ruling: which cell it falls in depends on character boxes
        mine.append(t)
    if not mine:
        return ""
    lines = _lines(mine)
    text = " ".join(_line_text(line) for line in lines)
    return clean_text(_LIGATURE.sub(lambda m: _LIGATURES[m.group(0)], text)).strip()


def _lines(texts: list[dict]) -> list[list[dict]]:
    """Text objects clustered into lines by their tops (chained within LINE_GAP), top to bottom."""
    ordered = sorted(texts, key=lambda t: t["top"])
    lines: list[list[dict]] = []
    last = None
    for t in ordered:
        if last is None or t["top"] > last + LINE_GAP:
            lines.append([])
        lines[-1].append(t)
        last = t["top"]
    return lines


def _line_text(line: list[dict]) -> str:
    """Words of a line: a gap wider than WORD_GAP (or going back over the previous text) splits words."""
    out = ""
    prev = None
    for t in sorted(line, key=lambda t: t["x0"]):
        if prev is not None and (t["x0"] > prev["x1"] + WORD_GAP or t["x0"] < prev["x1"] - 1.0):
            out += " "
        out += t["text"]
        prev = t
    return " ".join(out.split())
