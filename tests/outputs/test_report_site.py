import re
from pathlib import Path

import pytest
from markupsafe import escape as html_escape
from store_builder import C_SEND_PLAN, D_LOCALITY, M1, M3, Q_EARLY_HELP, SCRIPT_TEXT

from minutes_miner.errors import EmptyStoreError
from minutes_miner.report import write_report
from minutes_miner.report.site import safe_href


@pytest.fixture
def site(store, tmp_path):
    index = write_report(store, tmp_path / "site")
    return index.parent


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_site_files(site):
    assert (site / "index.html").is_file()
    for name in ("style.css", "members.html", "concerns.html", "indicators.html",
                 f"meetings/{M1.id}.html", f"meetings/{M3.id}.html"):
        assert (site / name).is_file(), name
    assert len(list((site / "committees").glob("*.html"))) == 2
    assert len(list((site / "members").glob("*.html"))) == 3  # Mary Patel, Okafor, Raj Patel
    charts = list((site / "charts").glob("*.svg"))
    assert charts and all("<svg" in read(c) for c in charts)


def test_index_overview(site):
    html = read(site / "index.html")
    assert "Sampleshire County Council" in html
    assert "Children&#39;s Services Scrutiny Committee" in html
    assert "safeguarding" in html
    assert re.search(r'<span class="n">19</span>statements', html)


def test_meeting_page_has_statements_qa_and_sources(site):
    html = read(site / f"meetings/{M1.id}.html")
    assert Q_EARLY_HELP in html
    assert "Tom Reed" in html and "Head of Early Help" in html
    assert "Questions and answers" in html and "badge delivered" in html
    assert D_LOCALITY in html  # evidence of delivery, cited
    assert 'href="https://democracy.sampleshire.example/ieListDocuments.aspx?CId=101&amp;MId=1001"' in html
    m3 = read(site / f"meetings/{M3.id}.html")
    assert "Performance%20Report%20Q3.pdf#page=4" in m3
    assert C_SEND_PLAN in m3 and "badge open" in m3


def test_source_text_is_escaped(site):
    html = read(site / f"meetings/{M3.id}.html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert str(html_escape(SCRIPT_TEXT)) in html
    for page in site.rglob("*.html"):
        assert "<script" not in read(page), page


def test_relative_links_only_and_offline(site):
    for page in site.rglob("*.html"):
        html = read(page)
        assert "<link" not in html or 'href="style.css"' in html or 'href="../style.css"' in html
        for src in re.findall(r'src="([^"]+)"', html):
            assert not src.startswith(("http", "//", "/")), src
            assert (page.parent / src).resolve().is_file(), src
        for href in re.findall(r'href="([^"#]+)', html):
            if href.startswith("https://democracy.sampleshire.example"):
                continue  # citations of the source
            assert not href.startswith(("http", "//", "/")), href
            assert (page.parent / href).resolve().is_file(), (page, href)
    assert "@media print" in read(site / "style.css")


def test_members_and_concerns_pages(site):
    members = read(site / "members.html")
    assert "Councillor Mary Patel" in members and "Councillor Raj Patel" in members
    mary = next(p for p in (site / "members").glob("councillor-mary-patel-*.html"))
    text = read(mary)
    assert Q_EARLY_HELP in text and "Jane Smith" in text and "badge open" in text
    concerns = read(site / "concerns.html")
    assert "raised at 3 consecutive meetings" in concerns and "new this meeting" in concerns
    assert '<img class="chart" src="charts/concerns-' in concerns


def test_indicators_page(site):
    html = read(site / "indicators.html")
    assert "Percentage of EHC plans issued within 20 weeks" in html
    assert "2023-24 Q1" in html and "2023-24 Q3" in html
    assert 'rag-RED' in html and 'rag-AMBER' in html
    assert "The Director said 54% of EHC plans were issued within 20 weeks" in html
    assert "linked by name" in html


def test_crafted_source_url_is_not_a_link():
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("java\tscript:alert(1)") is None
    assert safe_href("https://example.org/a") == "https://example.org/a"
    assert safe_href("../meetings/x.html") == "../meetings/x.html"


def test_empty_store(empty_store, tmp_path):
    with pytest.raises(EmptyStoreError):
        write_report(empty_store, tmp_path / "out")


def test_crafted_urls_in_the_store_are_cited_as_text(store, tmp_path):
    from store_builder import CHILDREN, COUNCIL

    from minutes_miner.models import AgendaItem, Meeting, ParsedMeeting, Statement

    bad = Meeting(CHILDREN.id, "javascript:alert(document.cookie)", external_id="666")
    item = AgendaItem(meeting_id=bad.id, position=0, number="1", title="<b>Crafted</b>")
    store.save_meeting(ParsedMeeting(council=COUNCIL, committee=CHILDREN, meeting=bad, items=(item,)))
    store.save_analysis(bad.id, [Statement(item_id=item.id, position=0, text="x", source_url="javascript:alert(2)")])
    site = write_report(store, tmp_path / "site").parent
    for page in site.rglob("*.html"):
        html = read(page)
        assert 'href="javascript' not in html, page
        assert "<b>Crafted</b>" not in html
    assert "&lt;b&gt;Crafted&lt;/b&gt;" in read(site / f"meetings/{bad.id}.html")
