#!/usr/bin/env python
"""Build the generated parts of the Borsetshire sample council from its sources.

    python corpora/sample-council/generate_documents.py [--out DIR]

Reads   council.json, indicators.json, minutes-src/<meeting id>.txt, reports-src/<doc id>.txt
Writes  minutes/<meeting id>/<item id>.html   per-item minutes as ModernGov/Word-style HTML fragments
        documents/s<id>/<name>.pdf            quarterly KPI reports and committee reports
        documents/g<meeting id>/<name>.pdf    printed minutes (meetings whose minutes exist only as PDF)

Output is deterministic: reportlab runs in invariant mode, so running this twice gives
byte-identical files. The outputs are committed, so nothing here is needed at run time.
Everything in this corpus is fictional.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------
# Minutes source format (see README.md):
#   "=== <item id>" starts the minutes of one agenda item; lines before the first one
#   are comments. Each non-blank line is one block:
#   "## text" sub-heading, "* text" bullet, "N. text" numbered paragraph,
#   "  a. text" (indented) lettered sub-point, anything else a paragraph.
# --------------------------------------------------------------------------------------

_NUM = re.compile(r"^(\d+)\.\s+(.*)$")
_LETTER = re.compile(r"^\s+([a-z])\.\s+(.*)$")


def parse_minutes_source(text: str) -> dict[int, list[tuple[str, str, str]]]:
    """{item id: [(kind, label, text)]} with kind in heading|bullet|number|letter|para."""
    items: dict[int, list[tuple[str, str, str]]] = {}
    current: list | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("=== "):
            current = items.setdefault(int(line[4:].strip()), [])
            continue
        if current is None or not line.strip():
            continue
        if line.startswith("## "):
            current.append(("heading", "", line[3:].strip()))
        elif line.startswith("* "):
            current.append(("bullet", "", line[2:].strip()))
        elif m := _LETTER.match(line):
            current.append(("letter", m.group(1) + ".", m.group(2).strip()))
        elif m := _NUM.match(line):
            current.append(("number", m.group(1) + ".", m.group(2).strip()))
        else:
            current.append(("para", "", line.strip()))
    return items


def _smart_quotes(text: str) -> str:
    # Word turns typed apostrophes into right single quotation marks.
    return text.replace("'", "\u2019")


def _esc(text: str, smart: bool = False) -> str:
    if smart:
        text = _smart_quotes(text)
    return html.escape(text, quote=False)


def _bold_resolution(escaped: str) -> str:
    return re.sub(r"^(RESOLVED|AGREED)\b", r"<b>\1</b>", escaped)


_SPACER = '<p class="MsoNormal"><span style="font-size:12.0pt;font-family:&quot;Arial&quot;,sans-serif">&nbsp;</span></p>'
_TNR = '<span style="font:7.0pt &quot;Times New Roman&quot;">'


def render_minutes_html(blocks: list[tuple[str, str, str]], style: str) -> str:
    """One item's minutes as a Word-derived HTML fragment, in one of four clerks' styles."""
    out: list[str] = []
    if style == "word-bullets":
        out.append('<div class="WordSection1">')
        prev = None
        for kind, label, text in blocks:
            t = _bold_resolution(_esc(text, smart=True))
            if kind == "bullet":
                out.append(
                    '<p class="MsoListParagraph" style="margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1">'
                    f'<span style="font-family:Symbol">\u00b7{_TNR}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>'
                    f'<span style="font-size:12.0pt;font-family:&quot;Arial&quot;,sans-serif">{t}</span></p>'
                )
            else:
                if prev is not None:
                    out.append(_SPACER)
                if kind == "heading":
                    out.append(f'<p class="MsoNormal"><b><span style="font-size:12.0pt;font-family:&quot;Arial&quot;,sans-serif">{t}</span></b></p>')
                else:
                    lead = f"{label}&nbsp; " if label else ""
                    out.append(f'<p class="MsoNormal"><span style="font-size:12.0pt;font-family:&quot;Arial&quot;,sans-serif">{lead}{t}</span></p>')
            prev = kind
        out.append("</div>")
    elif style == "numbered":
        out.append('<div class="WordSection1">')
        for kind, label, text in blocks:
            t = _bold_resolution(_esc(text))
            if kind == "number":
                out.append(
                    f'<p class="MsoNormal" style="margin-left:36.0pt;text-indent:-36.0pt"><span style="">{label}'
                    f'{_TNR}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>{t}</span></p>'
                )
            elif kind == "letter":
                out.append(
                    f'<p class="MsoListParagraph" style="margin-left:72.0pt;text-indent:-36.0pt"><span style="">{label}'
                    f'{_TNR}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>{t}</span></p>'
                )
            elif kind == "bullet":
                out.append(f'<p class="MsoListParagraph" style="margin-left:36.0pt;text-indent:-18.0pt">-&nbsp;&nbsp; {t}</p>')
            elif kind == "heading":
                out.append(f'<p class="MsoNormal"><b><u><span style="">{t}</span></u></b></p>')
            else:
                out.append(f'<p class="MsoNormal"><span style="">{t}</span></p>')
            out.append('<p class="MsoNormal"><span style="">&nbsp;</span></p>')
        out.append("</div>")
    elif style in ("plain", "html-list"):
        in_list = False
        for kind, label, text in blocks:
            t = _esc(text)
            if kind == "bullet":
                if not in_list:
                    out.append('<ul style="margin-top:0cm" type="disc">' if style == "html-list" else "<ul>")
                    in_list = True
                out.append(f'<li class="MsoNormal">{t}</li>' if style == "html-list" else f"<li>{t}</li>")
                continue
            if in_list:
                out.append("</ul>")
                in_list = False
            if kind == "heading":
                out.append(f"<p><strong><u>{t}</u></strong></p>" if style == "html-list" else f"<p><strong>{t}</strong></p>")
            else:
                lead = f"{label} " if label else ""
                cls = ' class="MsoNormal"' if style == "html-list" else ""
                out.append(f"<p{cls}>{lead}{t}</p>")
        if in_list:
            out.append("</ul>")
        if style == "html-list":
            out = ['<div class="WordSection1">', *out, "</div>"]
    else:
        raise ValueError(f"unknown minutes style {style!r}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# Indicators: RAG, direction and value formatting
# --------------------------------------------------------------------------------------


def rag_for(ind: dict, value: float | None) -> str | None:
    if value is None or ind.get("target") is None:
        return None
    target, floor = ind["target"], ind["floor"]
    if ind["lower_is_better"]:
        return "GREEN" if value <= target else "AMBER" if value <= floor else "RED"
    return "GREEN" if value >= target else "AMBER" if value >= floor else "RED"


def direction_for(ind: dict, value: float | None, previous: float | None) -> str | None:
    if value is None or previous is None or ind.get("lower_is_better") is None:
        return None
    if abs(value - previous) < 1e-9:
        return "Stable"
    better = value < previous if ind["lower_is_better"] else value > previous
    return "Improving" if better else "Worsening"


def fmt_value(ind: dict, value: float | None, *, threshold: bool = False) -> str:
    if value is None:
        return "n/a"
    decimals = ind.get("decimals", 1)
    if threshold and float(value).is_integer():
        decimals = 0
    unit = ind["unit"]
    if unit == "number":
        return f"{value:,.{decimals}f}"
    number = f"{value:.{decimals}f}"
    if unit == "%":
        return number + "%"
    if unit == "days":
        return number + " days"
    return number  # rates


def indicator_rows(indicators: dict, period: str) -> list[dict]:
    """Rows of the report for one period (computed RAG, previous RAG and direction)."""
    periods = [p["period"] for p in indicators["periods"]]
    idx = periods.index(period)
    rows = []
    for dash in indicators["dashboards"]:
        for ref in dash["indicators"]:
            ind = indicators["indicators"][ref]
            value = ind["values"][idx]
            if value is None:
                continue
            previous = ind["values"][idx - 1] if idx > 0 else None
            rows.append(
                {
                    "ref": ref,
                    "section": dash["title"],
                    "name": ind["name"],
                    "unit": ind["unit"],
                    "value": value,
                    "previous": previous,
                    "target": ind.get("target"),
                    "floor": ind.get("floor"),
                    "lower_is_better": ind.get("lower_is_better"),
                    "rag": rag_for(ind, value),
                    "previous_rag": rag_for(ind, previous),
                    "direction": direction_for(ind, value, previous),
                    "latest": fmt_value(ind, value),
                    "previous_text": fmt_value(ind, previous),
                    "target_text": fmt_value(ind, ind.get("target"), threshold=True),
                    "floor_text": "" if ind.get("floor") is None else fmt_value(ind, ind["floor"], threshold=True),
                }
            )
    return rows


# --------------------------------------------------------------------------------------
# PDF building (reportlab, invariant mode)
# --------------------------------------------------------------------------------------


def _reportlab() -> dict:
    """The reportlab names the builders use, imported only when PDFs are built (invariant mode
    first, so the output is byte-for-byte reproducible)."""
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    return {"rl_config": rl_config, "colors": colors, "TA_CENTER": TA_CENTER, "A4": A4,
            "landscape": landscape, "ParagraphStyle": ParagraphStyle,
            "getSampleStyleSheet": getSampleStyleSheet, "mm": mm, "PageBreak": PageBreak,
            "Paragraph": Paragraph, "SimpleDocTemplate": SimpleDocTemplate, "Spacer": Spacer,
            "Table": Table, "TableStyle": TableStyle}


def _x(text: str) -> str:
    """Escape text for a reportlab Paragraph."""
    return html.escape(text, quote=False)


RAG_COLOURS = {"GREEN": "#8fd18f", "AMBER": "#ffc861", "RED": "#f08a8a"}


def build_kpi_pdf(path: Path, indicators: dict, period: str, meeting: dict, committee_title: str, council_name: str) -> None:
    rl = _reportlab()
    colors, mm, Paragraph, Table, TableStyle = rl["colors"], rl["mm"], rl["Paragraph"], rl["Table"], rl["TableStyle"]
    styles = rl["getSampleStyleSheet"]()
    pinfo = next(p for p in indicators["periods"] if p["period"] == period)
    cell = rl["ParagraphStyle"]("cell", parent=styles["Normal"], fontName="Helvetica", fontSize=8.5, leading=10)
    title = rl["ParagraphStyle"]("t", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=18, leading=22, alignment=0)
    normal = rl["ParagraphStyle"]("n", parent=styles["Normal"], fontName="Helvetica", fontSize=10.5, leading=14)
    h2 = rl["ParagraphStyle"]("h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=12.5, leading=16)

    story = [
        Paragraph(_x(indicators["report_title"]), title),
        Paragraph(_x(council_name), normal),
        Paragraph(_x(f"Period: {pinfo['label']} ({pinfo['months']})"), normal),
        Paragraph(_x(f"Report to: {committee_title}, {_long_date(meeting['date'])}"), normal),
        rl["Spacer"](1, 4 * mm),
    ]
    header = ["Ref", "Indicator", "Unit", "Latest", "Target", "Floor", "RAG", "Previous RAG", "Direction"]
    data: list[list] = [header]
    style_cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    current_section = None
    for row in indicator_rows(indicators, period):
        if row["section"] != current_section:
            current_section = row["section"]
            r = len(data)
            data.append([row["section"]] + [""] * 8)
            style_cmds += [
                ("SPAN", (0, r), (-1, r)),
                ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#dde3ea")),
                ("FONTNAME", (0, r), (-1, r), "Helvetica-Bold"),
            ]
        r = len(data)
        contextual = row["target"] is None
        data.append(
            [
                row["ref"],
                Paragraph(_x(row["name"]), cell),
                row["unit"],
                row["latest"],
                "n/a" if contextual else row["target_text"],
                row["floor_text"],
                row["rag"] or "n/a",
                row["previous_rag"] or "n/a",
                row["direction"] or "n/a",
            ]
        )
        for col, key in ((6, "rag"), (7, "previous_rag")):
            if row[key]:
                style_cmds.append(("BACKGROUND", (col, r), (col, r), colors.HexColor(RAG_COLOURS[row[key]])))
    widths = [14 * mm, 86 * mm, 24 * mm, 22 * mm, 20 * mm, 20 * mm, 20 * mm, 24 * mm, 22 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style_cmds))
    story.append(table)
    story.append(rl["Spacer"](1, 3 * mm))
    story.append(
        Paragraph(
            "RAG ratings compare the latest value with the target (GREEN: target met; AMBER: between target and floor; "
            "RED: floor not met). Where lower is better the floor is above the target.",
            rl["ParagraphStyle"]("small", parent=normal, fontSize=8.5, leading=11),
        )
    )
    # Commentary
    story.append(rl["PageBreak"]())
    story.append(Paragraph("Commentary", title))
    written = indicators.get("commentary", {}).get(period, {})
    rows = indicator_rows(indicators, period)
    for dash in indicators["dashboards"]:
        story.append(Paragraph(_x(dash["title"]), h2))
        if dash["title"] in written:
            story.append(Paragraph(_x(written[dash["title"]]), normal))
        for row in (r for r in rows if r["section"] == dash["title"]):
            text = f"{row['name']}: {row['latest']} in {pinfo['label']}"
            if row["previous"] is not None:
                text += f", compared with {row['previous_text']} in the previous quarter"
            text += "."
            if row["rag"]:
                text += f" Rated {row['rag']} against a target of {row['target_text']}."
            story.append(Paragraph(_x(text), normal))
        story.append(rl["Spacer"](1, 2 * mm))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 8 * mm, f"{council_name} – {indicators['report_title']} – {pinfo['label']}")
        canvas.drawRightString(doc.pagesize[0] - 15 * mm, 8 * mm, f"Page {doc.page}")
        canvas.restoreState()

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = rl["SimpleDocTemplate"](
        str(path),
        pagesize=rl["landscape"](rl["A4"]),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=15 * mm,
        title=f"{indicators['report_title']} {pinfo['label']}",
        author=council_name,
        creator="Borsetshire County Council",
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def _long_date(iso: str, weekday: bool = False) -> str:
    d = date.fromisoformat(iso)
    text = f"{d.day} {d.strftime('%B %Y')}"
    return f"{d.strftime('%A')}, {text}" if weekday else text


def _name_list(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def build_printed_minutes_pdf(path: Path, council: dict, meeting: dict, committee_title: str, blocks_by_item: dict) -> None:
    """Printed minutes in the style of a county council's PDF minutes."""
    rl = _reportlab()
    mm, Paragraph = rl["mm"], rl["Paragraph"]
    styles = rl["getSampleStyleSheet"]()
    base = rl["ParagraphStyle"]("b", parent=styles["Normal"], fontName="Helvetica", fontSize=11, leading=14.5, spaceAfter=6)
    bold = rl["ParagraphStyle"]("bo", parent=base, fontName="Helvetica-Bold", fontSize=12, spaceAfter=8)
    head = rl["ParagraphStyle"]("h", parent=bold, alignment=rl["TA_CENTER"])
    title_style = rl["ParagraphStyle"]("it", parent=base, fontName="Helvetica-Bold", spaceBefore=8, spaceAfter=0)
    number_style = rl["ParagraphStyle"]("num", parent=base, leftIndent=10 * mm, firstLineIndent=-10 * mm)
    letter_style = rl["ParagraphStyle"]("let", parent=base, leftIndent=20 * mm, firstLineIndent=-10 * mm)

    members = {m["id"]: m for m in council["members"]}
    att = meeting["attendance"]
    present = [f"{members[att['chair']]['name']} (Chair)", f"{members[att['vice_chair']]['name']} (Vice-Chair)"]
    present += [members[i]["name"] for i in att.get("present", [])]
    also = [f"{members[i]['name']}, {role}" for i, role in att.get("also_present", [])]
    officers = [council["officers"][k] for k in att.get("officers", [])]
    externals = [council["externals"][k] for k in att.get("externals", [])]
    attending = [f"{o['name']} ({o['title']})" for o in officers]
    attending += [f"{e['name']} ({e['title']}, {e['organisation']})" for e in externals]

    story = [
        Paragraph(_x(f"{committee_title.upper()} – {_long_date(meeting['date'])}"), head),
        Paragraph(
            _x(
                f"MINUTES of a meeting of the {committee_title} held in the {meeting['location']} "
                f"on {_long_date(meeting['date'], weekday=True)} at {meeting['time']}."
            ),
            bold,
        ),
        Paragraph("<b>PRESENT:</b> " + _x(_name_list(present)), base),
    ]
    if also:
        story.append(Paragraph("<b>ALSO PRESENT:</b> " + _x(_name_list(also)), base))
    story.append(Paragraph("<b>IN ATTENDANCE:</b> " + _x(_name_list(attending)), base))
    story.append(Paragraph("<b>UNRESTRICTED ITEMS</b>", base))
    for item in meeting["items"]:
        iid = meeting["id"] * 10 + item["n"]
        story.append(Paragraph(_x(item["title"]), title_style))
        story.append(Paragraph(_x(f"(Item {item['n']})"), rl["ParagraphStyle"]("itn", parent=base, fontName="Helvetica-Bold")))
        for kind, label, text in blocks_by_item.get(iid, []):
            t = _x(text)
            if kind == "number":
                story.append(Paragraph(f"{label}&nbsp;&nbsp;&nbsp;{t}", number_style))
            elif kind == "letter":
                story.append(Paragraph(f"{label}&nbsp;&nbsp;&nbsp;{t}", letter_style))
            elif kind == "bullet":
                story.append(Paragraph(f"-&nbsp;&nbsp;{t}", letter_style))
            elif kind == "heading":
                story.append(Paragraph(t, title_style))
            else:
                story.append(Paragraph(t, base))
    story.append(rl["Spacer"](1, 10 * mm))
    story.append(Paragraph("The meeting closed at 12.35 pm.", base))
    story.append(Paragraph("Chair: ........................................", base))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 11)
        canvas.drawCentredString(doc.pagesize[0] / 2, 14 * mm, str(doc.page))
        canvas.restoreState()

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = rl["SimpleDocTemplate"](
        str(path),
        pagesize=rl["A4"],
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=22 * mm,
        bottomMargin=28 * mm,
        title=f"Minutes – {committee_title} – {_long_date(meeting['date'])}",
        author=council["council"]["name"],
        creator="Borsetshire County Council",
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def build_report_pdf(path: Path, source: str, council_name: str) -> None:
    """A short committee report. Source lines: '@title', '@meta a|b', '## heading',
    '@table h1|h2..', '@row c1|c2..', anything else a paragraph."""
    rl = _reportlab()
    mm, Paragraph, colors = rl["mm"], rl["Paragraph"], rl["colors"]
    styles = rl["getSampleStyleSheet"]()
    base = rl["ParagraphStyle"]("b", parent=styles["Normal"], fontName="Helvetica", fontSize=11, leading=14.5, spaceAfter=6)
    h1 = rl["ParagraphStyle"]("h1", parent=base, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=10)
    h2 = rl["ParagraphStyle"]("h2", parent=base, fontName="Helvetica-Bold", fontSize=12, spaceBefore=8)
    story = [Paragraph(_x(council_name), base)]
    table_rows: list[list[str]] = []

    def flush_table():
        if table_rows:
            t = rl["Table"](list(table_rows), repeatRows=1)
            t.setStyle(
                rl["TableStyle"](
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                        ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
                        ("FONTSIZE", (0, 0), (-1, -1), 10),
                    ]
                )
            )
            story.append(t)
            story.append(rl["Spacer"](1, 4 * mm))
            table_rows.clear()

    for raw in source.splitlines():
        line = raw.strip()
        if not line or line.startswith("# "):
            continue
        if line.startswith("@table "):
            flush_table()
            table_rows.append(line[7:].split("|"))
            continue
        if line.startswith("@row "):
            table_rows.append(line[5:].split("|"))
            continue
        flush_table()
        if line.startswith("@title "):
            story.append(Paragraph(_x(line[7:]), h1))
        elif line.startswith("@meta "):
            for part in line[6:].split("|"):
                story.append(Paragraph(_x(part), base))
        elif line.startswith("## "):
            story.append(Paragraph(_x(line[3:]), h2))
        else:
            story.append(Paragraph(_x(line), base))
    flush_table()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(doc.pagesize[0] / 2, 12 * mm, f"Page {doc.page}")
        canvas.restoreState()

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = rl["SimpleDocTemplate"](
        str(path), pagesize=rl["A4"], leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm, bottomMargin=22 * mm,
        title=path.stem, author=council_name, creator="Borsetshire County Council", invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# --------------------------------------------------------------------------------------


def generate(out: Path, source: Path = HERE, *, verbose: bool = False) -> list[Path]:
    council = json.loads((source / "council.json").read_text(encoding="utf-8"))
    indicators = json.loads((source / "indicators.json").read_text(encoding="utf-8"))
    committees = {c["id"]: c for c in council["committees"]}
    name = council["council"]["name"]
    written: list[Path] = []

    for meeting in council["meetings"]:
        committee_title = committees[meeting["committee"]]["title"]
        src = source / "minutes-src" / f"{meeting['id']}.txt"
        blocks = parse_minutes_source(src.read_text(encoding="utf-8")) if src.exists() else {}
        if meeting.get("minutes") == "html":
            for item in meeting["items"]:
                iid = meeting["id"] * 10 + item["n"]
                if iid not in blocks:
                    raise SystemExit(f"{src}: no minutes for item {iid}")
                target = out / "minutes" / str(meeting["id"]) / f"{iid}.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(render_minutes_html(blocks[iid], meeting["minutes_style"]), encoding="utf-8")
                written.append(target)
        elif meeting.get("minutes") == "pdf":
            doc = meeting["printed_minutes"]
            target = out / doc["file"]
            build_printed_minutes_pdf(target, council, meeting, committee_title, blocks)
            written.append(target)
        for item in meeting["items"]:
            for doc in item.get("documents", []):
                target = out / doc["file"]
                if doc["kind"] == "indicators":
                    build_kpi_pdf(target, indicators, doc["period"], meeting, committee_title, name)
                else:
                    text = (source / "reports-src" / f"{doc['id']}.txt").read_text(encoding="utf-8")
                    build_report_pdf(target, text, name)
                written.append(target)
    if verbose:
        for p in written:
            print(p.relative_to(out))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--out", type=Path, default=HERE, help="output root (default: this directory)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    written = generate(args.out, verbose=args.verbose)
    print(f"wrote {len(written)} files under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
