"""Word briefings: opened with python-docx and read back."""
import io

import docx
from store_builder import (
    A_EARLY_HELP,
    C_LOCALITY,
    C_SEND_PLAN,
    M1,
    Q_EARLY_HELP,
    Q_SEND,
    SCRIPT_TEXT,
)

from minutes_miner.outputs.questions import (
    meeting_questions,
    member_questions,
    render_questions,
)


def open_docx(data: bytes) -> docx.document.Document:
    assert data[:2] == b"PK"
    return docx.Document(io.BytesIO(data))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_member_summary_docx_has_headings_tables_answers_and_follow_ups(store):
    document = open_docx(render_questions(member_questions(store, "Mary Patel"), "docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Questions asked by Councillor Mary Patel"
    assert "2023-06-14 — Children's Services Scrutiny Committee (Sampleshire County Council)" in headings
    assert "Early Help" in headings and "SEND" in headings and "Follow-ups promised" in headings
    q1 = document.tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in q1.rows}
    assert rows["Q1"] == f"Councillor Mary Patel (member): {Q_EARLY_HELP}"
    # The answer gist: the first two sentences of the recorded answer, verbatim.
    assert rows["Answer"].startswith("Tom Reed, Head of Early Help (officer): " + " ".join(A_EARLY_HELP.split(". ")[:1]))
    assert rows["Concerns"] == "safeguarding"
    assert rows["Follow-up"].startswith(f"delivered 2023-10-11: {C_LOCALITY}")
    assert "Item 5: Quarterly Performance Report" in rows["Source"]
    text = all_text(document)
    assert Q_SEND in text and C_SEND_PLAN in text
    follow_ups = document.tables[-1]
    assert [r.cells[2].text for r in follow_ups.rows[1:]] == ["delivered", "open"]


def test_citations_are_hyperlinks(store):
    document = open_docx(render_questions(member_questions(store, "Mary Patel"), "docx"))
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert "https://democracy.sampleshire.example/ieListDocuments.aspx?CId=101&MId=1001" in targets
    assert "https://democracy.sampleshire.example/documents/s9003/Performance%20Report%20Q3.pdf#page=4" in targets
    source_cell = document.tables[0].rows[-1].cells[1].paragraphs[0]
    links = source_cell._p.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink")
    assert links, "the Source row is a hyperlink"


def test_meeting_briefing_docx_keeps_source_text_as_text(store):
    from store_builder import M3

    document = open_docx(render_questions(meeting_questions(store, M3.id), "docx"))
    assert "Questions and answers: Children's Services Scrutiny Committee, 2024-03-06" in document.paragraphs[0].text
    assert "Councillor Patel asked whether waiting times for SEND assessments were improving." in all_text(document)
    assert SCRIPT_TEXT not in all_text(document)  # not a question; the briefing lists questions only
    briefing = open_docx(render_questions(meeting_questions(store, M1.id), "docx"))
    assert "Councillor John Okafor (member)" in all_text(briefing)
