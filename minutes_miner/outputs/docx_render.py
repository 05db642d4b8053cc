"""Word (.docx) rendering of member-question summaries and meeting briefings (python-docx).

The document has the same content as the Markdown briefing: a heading per meeting and per
section, a table per question (question, answers with their gists, concerns, follow-ups with
their status and evidence, source), and a closing table of every follow-up. Every citation is
a real hyperlink to the source page or PDF page; source text goes in as plain runs, so nothing
in the minutes can become markup. Crafted non-http(s) URLs are cited as text, never linked.
"""
from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from minutes_miner.outputs.formats import (
    Citation,
    fmt_date,
    gist,
    safe_href,
    speaker_label,
)
from minutes_miner.outputs.questions import Answer, QuestionEntry, QuestionSummary

LINK_COLOUR = "1D4F91"


def add_hyperlink(paragraph: Paragraph, text: str, url: str | None) -> None:
    """Append `text` to `paragraph`, as a hyperlink to `url` when it is an http(s) link."""
    href = safe_href(url)
    if not href or not href.lower().startswith(("http://", "https://")):
        paragraph.add_run(text + (f" ({url})" if url else " (no source link recorded)"))
        return
    r_id = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), LINK_COLOUR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(colour)
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _cite(paragraph: Paragraph, citation: Citation) -> None:
    add_hyperlink(paragraph, citation.text(), citation.link)


def _answerer(a: Answer) -> str:
    who = a.speaker or "Unattributed"
    if a.speaker_title and a.speaker_title.lower() not in who.lower():
        who += f", {a.speaker_title}"
    return who + (f" ({a.speaker_kind.replace('_', ' ')})" if a.speaker_kind != "unknown" else "")


def _row(table, label: str) -> Paragraph:
    cells = table.add_row().cells
    cells[0].paragraphs[0].add_run(label).bold = True
    return cells[1].paragraphs[0]


def _question_table(doc, number: int, q: QuestionEntry) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    p = _row(table, f"Q{number}")
    p.add_run(speaker_label(q.asked_by, q.asked_by_kind) + ": ").bold = True
    p.add_run(q.text)
    if q.answers:
        for a in q.answers:
            p = _row(table, "Answer")
            p.add_run(_answerer(a) + ": ").bold = True
            p.add_run(a.gist)
            if a.citation.link != q.citation.link:
                p.add_run(" (")
                _cite(p, a.citation)
                p.add_run(")")
    else:
        _row(table, "Answer").add_run("none recorded in the minutes").italic = True
    if q.concerns:
        _row(table, "Concerns").add_run(", ".join(q.concerns))
    for f in q.follow_ups:
        p = _row(table, "Follow-up")
        status = p.add_run(f"{f.status}" + (f" {fmt_date(f.delivered_by.citation.meeting_date)}" if f.delivered_by else ""))
        status.bold = True
        if f.status == "open":
            status.font.highlight_color = WD_COLOR_INDEX.YELLOW
        p.add_run(": " + f.text)
        if f.delivered_by:
            p.add_run(f" — evidence: “{gist(f.delivered_by.text)}” (")
            _cite(p, f.delivered_by.citation)
            p.add_run(")")
    _cite(_row(table, "Source"), q.citation)
    doc.add_paragraph()


def render_questions_docx(summary: QuestionSummary) -> bytes:
    doc = Document()
    doc.core_properties.title = summary.title
    doc.core_properties.author = "minutes-miner"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_heading(summary.title, level=0)
    qs = summary.questions
    doc.add_paragraph(
        f"{len(qs)} question{'s' if len(qs) != 1 else ''} at {len(summary.meetings)} meeting"
        f"{'s' if len(summary.meetings) != 1 else ''}; {summary.answered_count} with a recorded answer; "
        f"{len(summary.follow_ups)} follow-up{'s' if len(summary.follow_ups) != 1 else ''} promised, "
        f"{len(summary.open_follow_ups)} open.")
    if summary.concerns:
        doc.add_paragraph("Concerns raised: " + ", ".join(f"{c} ({n})" for c, n in summary.concerns) + ".")
    if len(summary.matched_speakers) > 1:
        doc.add_paragraph("Speaker names matched: " + "; ".join(summary.matched_speakers) + ".")
    if not qs:
        doc.add_paragraph("No questions are recorded for this selection.")
    number = 0
    for m in summary.meetings:
        doc.add_heading(f"{fmt_date(m.date)} — {m.committee} ({m.council})", level=1)
        p = doc.add_paragraph("Meeting: ")
        add_hyperlink(p, "meeting page on the council website", m.source_url)
        for s in m.sections:
            doc.add_heading(s.title, level=2)
            for q in s.questions:
                number += 1
                _question_table(doc, number, q)
    if summary.follow_ups:
        doc.add_heading("Follow-ups promised", level=1)
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, ("Promised", "What", "Status", "Evidence"), strict=True):
            cell.paragraphs[0].add_run(label).bold = True
        for f in summary.follow_ups:
            cells = table.add_row().cells
            _cite(cells[0].paragraphs[0], f.citation)
            cells[1].paragraphs[0].add_run(f.text)
            run = cells[2].paragraphs[0].add_run(f.status)
            if f.status == "open":
                run.font.color.rgb = RGBColor(0xB3, 0x26, 0x1E)
            if f.delivered_by:
                _cite(cells[3].paragraphs[0], f.delivered_by.citation)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
