"""The bundled sample council: its data, the generated documents and their determinism."""
from __future__ import annotations

import importlib.util
import io
import json
from datetime import date

import pdfplumber
import pytest

from minutes_miner.mockserver.site import (
    Committee,
    Document,
    Item,
    Meeting,
    Site,
    load_site,
)
from minutes_miner.resources import sample_council_dir

CORPUS = sample_council_dir()
KPI_HEADER = ["Ref", "Indicator", "Unit", "Latest", "Target", "Floor", "RAG", "Previous RAG", "Direction"]


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(CORPUS)


def _generator():
    spec = importlib.util.spec_from_file_location("sample_generate_documents", CORPUS / "generate_documents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_has_committees_meetings_and_roster(site):
    titles = {c.title for c in site.committees}
    assert "Children's Services Overview and Scrutiny Committee" in titles
    assert "Corporate Parenting Panel" in titles
    cs = site.meetings_of(131)
    assert len([m for m in cs if m.minutes_published]) >= 8
    assert cs[0].date < date(2023, 2, 1) and cs[-1].date > date(2025, 1, 1)
    assert any(m.status == "Cancelled" for m in cs)
    assert len(site.members) >= 20
    assert site.member(314).key_posts == "Cabinet Member for Children's Services"


def test_meeting_items_and_minutes(site):
    m = site.meeting(4401)
    assert [i.number for i in m.items] == [1, 2, 3, 4, 5, 6]
    perf = site.item(44014)
    assert perf.title == "Children's Services Performance Indicators – Quarter 2 2022/23"
    assert "Dashboard 1 – Education Health and Care Plans (EHCP)" in perf.minutes_html
    assert "undertook to circulate a breakdown of EHCP timeliness by locality" in perf.minutes_html
    assert 'class="MsoListParagraph"' in perf.minutes_html  # Word bullet style
    numbered = site.item(44024).minutes_html
    assert "He highlighted a few key areas:" in numbered and ">a.<" in numbered


def test_attendance_roles(site):
    att = {a.name: a for a in site.meeting(4401).attendees}
    assert att["Councillor Margaret Holloway"].role == "Chair"
    assert att["Councillor Daniel Okoro"].role == "Vice-Chair"
    assert att["Councillor Imran Siddiqui"].attendance == "Apologies"
    assert att["Councillor Kevin Doyle"].attendance == "Present as substitute"
    assert att["Andrew Kilbride"].kind == "officer"
    assert att["Andrew Kilbride"].role == "Corporate Director of Children's Services"
    ext = {a.name: a for a in site.meeting(4404).attendees}["Dr Amina Ali"]
    assert ext.kind == "external" and ext.organisation == "Borsetshire NHS Foundation Trust"


def test_pdf_only_meeting_has_no_html_minutes(site):
    m = site.meeting(4406)
    assert m.minutes_published and m.minutes_format == "pdf"
    assert all(i.minutes_html is None for i in m.items)
    (printed,) = site.meeting_documents(m)
    assert printed.kind == "printed_minutes" and printed.owner_title == "Printed minutes"
    with pdfplumber.open(io.BytesIO(printed.read_bytes())) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert text.startswith("CHILDREN'S SERVICES OVERVIEW AND SCRUTINY COMMITTEE – 19 March")
    assert "PRESENT: Councillor Margaret Holloway (Chair)" in text
    assert "IN ATTENDANCE: Andrew Kilbride (Corporate Director of Children's Services)" in text
    assert "\n(Item 4)\n" in text
    assert "offered to share the findings of the audit" in text


def test_every_document_exists_and_is_pdf(site):
    for doc in site.documents.values():
        assert doc.read_bytes()[:5] == b"%PDF-", doc.path
        assert doc.content_type == "application/pdf"


def test_kpi_reports_have_the_agreed_table(site):
    kpis = [d for d in site.documents.values() if d.kind == "indicators"]
    assert len(kpis) == 10
    for doc in kpis:
        with pdfplumber.open(io.BytesIO(doc.read_bytes())) as pdf:
            page = pdf.pages[0]
            text = page.extract_text()
            assert text.startswith("Children's Services Quarterly Performance Report")
            assert "Period: Quarter" in text
            table = page.extract_tables()[0]
        assert table[0] == KPI_HEADER
        assert table[1][0].startswith("Dashboard 1 – Education Health and Care Plans")


def test_kpi_values_move_and_rag_is_computed(site):
    def row(doc_id: int, ref: str) -> list[str]:
        with pdfplumber.open(io.BytesIO(site.document(doc_id).read_bytes())) as pdf:
            return next(r for r in pdf.pages[0].extract_tables()[0] if r[0] == ref)

    assert row(62301, "CS01")[3:7] == ["48.3%", "70%", "50%", "RED"]
    q2 = row(62501, "CS01")  # the quarter where the minutes wrongly claim an improvement
    assert q2[3] == "51.8%" and q2[6] == "AMBER" and q2[8] == "Worsening"
    assert row(62901, "CS01")[6] == "GREEN"
    assert row(62401, "CS12")[7] == "n/a"  # new KPI: no previous RAG
    lower = row(62501, "CS04")
    assert lower[3:6] == ["40 days", "35 days", "45 days"]
    assert row(62501, "CS02")[5] == ""  # contextual measure: no floor


def test_generator_is_deterministic(tmp_path):
    gen = _generator()
    written = gen.generate(tmp_path)
    assert written
    for path in written:
        rel = path.relative_to(tmp_path)
        assert path.read_bytes() == (CORPUS / rel).read_bytes(), f"{rel} differs from the committed file"


def test_minutes_source_parser():
    gen = _generator()
    blocks = gen.parse_minutes_source("# c\n=== 1\n## Head\n* bullet\n1. num\n  a. sub\npara\n")
    assert blocks == {1: [("heading", "", "Head"), ("bullet", "", "bullet"), ("number", "1.", "num"),
                          ("letter", "a.", "sub"), ("para", "", "para")]}


def test_synthetic_site_can_be_built_in_code():
    item = Item(id=1, meeting_id=10, number=1, title="Work Programme", agenda_html="<p>x</p>",
                minutes_html="<p>Noted.</p>", document_ids=[5])
    meeting = Meeting(id=10, committee_id=2, date=date(2024, 1, 2), items=[item], minutes_published=True)
    doc = Document(id=5, path="documents/s5/wp.pdf", title="WP", data=b"%PDF-1.4 synthetic")
    site = Site(council_name="Synthetic", committees=[Committee(id=2, title="Scrutiny")], meetings=[meeting],
                documents={5: doc})
    assert site.item(1).title == "Work Programme"
    assert site.document_by_path("documents/s5/wp.pdf").read_bytes().startswith(b"%PDF")
    assert doc.content_type == "application/pdf"


def test_story_mentions_every_meeting():
    story = (CORPUS / "STORY.md").read_text(encoding="utf-8")
    for m in json.loads((CORPUS / "council.json").read_text(encoding="utf-8"))["meetings"]:
        assert str(m["id"]) in story
