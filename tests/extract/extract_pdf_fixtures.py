"""Generators of fixture PDFs for the extract tests (fictional content only)."""
from __future__ import annotations

import io
from pathlib import Path

KENT = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "kent"

# Fictional KPI rows for the sample-council layout: (ref, name, unit, latest, target, floor, rag, prev, direction)
KPI_SECTIONS = [
    ("Dashboard 1 – Education Health and Care Plans", [
        ("EH01", "Percentage of EHC plans issued within 20 weeks", "%", "63.5%", "60%", "50%", "Green", "Amber", "Improving"),
        ("EH02", "Number of open EHC needs assessments", "count", "1,204", "1,000", "1,300", "Amber", "Amber", "Worsening"),
        ("EH03", "Average days from request to decision", "days", "18.5", "15", "21", "Amber", "Red", "Stable"),
    ]),
    ("Dashboard 2 – Early Help", [
        ("EP01", "Families supported by the Lantern Hub scheme", "count", "842", "800", "700", "G", "G", "Improving"),
        ("EP02", "Percentage of cases stepped up to social care", "%", "9.1%", "8%", "10%", "A", "R", "Worsening"),
        ("EP03", "Re-referrals within 12 months", "%", "31.0%", "25%", "28%", "Red", "Red", "No change"),
        ("EP04", "Satisfaction with family workers (new measure)", "%", "n/a", "90%", "", "", "", ""),
    ]),
    ("Dashboard 3 – Placements", [
        ("PL01", "Children in care placed within 20 miles of home", "%", "71.2%", "75%", "65%", "Amber", "Green", "Worsening"),
        ("PL02", "Foster carer households approved", "count", "14", "20", "12", "Amber", "Amber", "Improving"),
    ]),
]


def make_kpi_report() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=30, rightMargin=30)
    story = [
        Paragraph("Children's Services Quarterly Performance Report", styles["Title"]),
        Paragraph("Period: Quarter 2 2023/24 (July – September 2023)", styles["Normal"]),
        Spacer(1, 12),
    ]
    header = ["Ref", "Indicator", "Unit", "Latest", "Target", "Floor", "RAG", "Previous RAG", "Direction"]
    cell = styles["BodyText"].clone("cell", fontSize=7.5, leading=9)

    def table(sections):
        data = [header]
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ]
        for title, rows in sections:
            r = len(data)
            data.append([title] + [""] * 8)
            style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.lightgrey)]
            for ref, name, unit, latest, target, floor, rag, prev, direction in rows:
                data.append([ref, Paragraph(name, cell), unit, latest, target, floor, rag, prev, direction])
        t = Table(data, colWidths=[30, 170, 32, 40, 40, 36, 40, 60, 60], repeatRows=1)
        t.setStyle(TableStyle(style))
        return t

    story += [table(KPI_SECTIONS[:2]), PageBreak(), Paragraph("Placements", styles["Heading2"]), table(KPI_SECTIONS[2:])]
    doc.build(story)
    return buf.getvalue()


MINUTES_PEOPLE = {
    "present": "Councillor Ada Fenwick (Chair), Councillor Basil Ormsby (Vice-Chair), Councillor Cora Hamblin, "
    "Councillor Dev Marchetti, Councillor Elsie Trovato and Councillor Fergus Quayle",
    "also": "Councillor Gwen Pellow, Cabinet Member for Children and Young People",
    "attendance": "Harriet Oduya (Democratic Services Officer), Ivor Brackley (Director of Children's Services), "
    "Jasmine Kettleby (Head of Fostering and Adoption), Kofi Lindqvist (Participation and Engagement Lead) and "
    "Lorna Vasquez (Service Manager, Quality Assurance & Safeguarding)",
}

MINUTES_ITEMS = [
    ("Apologies and Substitutes", 1, ["Apologies were received from Councillor Milo Dunstan and Councillor Nia Roper."]),
    ("Minutes of the meeting held on 12 June 2024", 2, ["RESOLVED that the minutes were a correct record."]),
    ("Fostering Service Quarterly Update", 3, [
        ("1. Jasmine Kettleby, Head of Fostering and Adoption, introduced the report and drew attention to the "
         "recruitment campaign that had run across the borough during the spring and summer months."),
        ("a. Forty-one enquiries had been received from prospective foster carers, an increase on the same period "
         "last year, and twelve assessments were under way."),
        "b. Retention of experienced carers remained a concern, as several long-standing households had retired from fostering.",
        ("2. In response to a question about placement stability, Ms Kettleby said that the number of unplanned "
         "endings had fallen for the third consecutive quarter."),
        "3. RESOLVED that the Panel note the report.",
    ]),
    (("Participation Team update and Annual Report of the Young People's Voice Group for 2023 to 2024 including "
      "the Takeover Day"), 4, [
        "1. Kofi Lindqvist, Participation and Engagement Lead, presented the annual report of the Voice Group.",
        "2. RESOLVED that the Panel note the annual report.",
    ]),
]


def make_minutes() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", spaceAfter=4, spaceBefore=10)
    para = ParagraphStyle("para", parent=body, leftIndent=22, bulletIndent=0)
    sub = ParagraphStyle("sub", parent=body, leftIndent=44, bulletIndent=22, spaceAfter=2)

    def page_furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 10)
        canvas.drawCentredString(297, 810, str(doc.page))
        canvas.drawString(60, 30, "Fictional Borough Council - Corporate Parenting Panel minutes")
        canvas.restoreState()

    story = [
        Paragraph("CORPORATE PARENTING PANEL – 3 September 2024", title),
        Paragraph("MINUTES of the meeting held in the Willow Room, Civic Centre, Ashbury.", title),
        Spacer(1, 6),
        Paragraph("PRESENT: " + MINUTES_PEOPLE["present"], body),
        Paragraph("ALSO PRESENT: " + MINUTES_PEOPLE["also"] + ".", body),
        Paragraph("IN ATTENDANCE: " + MINUTES_PEOPLE["attendance"], body),
    ]
    for name, number, paras in MINUTES_ITEMS:
        story.append(Paragraph(name, title))
        story.append(Paragraph(f"(Item {number})", body))
        for p in paras:
            head, _, rest = p.partition(" ")
            if head[:-1].isdigit():
                story.append(Paragraph(rest, para, bulletText=head))
            elif len(head) == 2 and head[1] == ".":
                story.append(Paragraph(rest, sub, bulletText=head))
            else:
                story.append(Paragraph(p, body))
        if number == 2:
            story.append(Spacer(1, 420))  # push the next item over a page break
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=60, rightMargin=60).build(
        story, onFirstPage=page_furniture, onLaterPages=page_furniture
    )
    return buf.getvalue()


def make_text_pdf(text: str = "Hello from a fictional council.", pages: int = 1, encrypt: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = StandardEncryption("user-secret", "owner-secret", canPrint=0) if encrypt else None
    c = canvas.Canvas(buf, pagesize=A4, encrypt=enc)
    for i in range(pages):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, f"{text} Page body {i + 1}.")
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_only_pdf() -> bytes:
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).rectangle([20, 20, 380, 60], fill="black")  # a "scanned" line of text
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(img), 72, 500, width=400, height=200)
    c.showPage()
    c.save()
    return buf.getvalue()




# Fictional council questions paper: (asker, answerer, title, question paragraphs, answer paragraphs,
# supplementary question, supplementary answer)
QUESTIONS = [
    ("Priya Castellano", "Owen Threlfall", "Cabinet Member for Highways and Transport",
     ["How many of the 412 potholes reported in Ashbury ward since April have been repaired within 28 days?"],
     ["Thank you for the question.", ("Of the 412 reports, 301 were repaired within 28 days and a further 64 "
                                      "are programmed for the resurfacing works in the spring.")],
     None, None),
    ("Gideon Marsh", "Helena Akintola", "Cabinet Member for Children, Young People and Education",
     [("Will the Cabinet Member publish the number of children waiting more than 20 weeks for an "
       "Education, Health and Care Plan, broken down by district?")],
     [("The figures are published each quarter in the performance report. At the end of December "
       "186 children had waited more than 20 weeks. ") * 3],
     "Will the Cabinet Member also publish the figures for the previous two years?",
     "Yes, I will ask officers to add them to the next report."),
    ("Rosalind Quirke", "Tobias Fennimore", "Leader of the Council",
     ["What is the Council doing to recruit more foster carers?"],
     ["We launched a recruitment campaign in September.", "Forty-one enquiries have been received."],
     None, None),
]


def make_questions_paper() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=14, spaceAfter=12)
    centre = ParagraphStyle("centre", parent=body, fontName="Helvetica-Bold", alignment=1, spaceAfter=2)
    heading = ParagraphStyle("heading", parent=centre, spaceBefore=14, spaceAfter=14)
    numbers = iter(range(1, len(QUESTIONS) + 1))

    def stamp(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 12)
        canvas.drawRightString(540, 800, f"Question {doc.question_number}")
        canvas.restoreState()

    story = []
    for n, (asker, answerer, title, question, answer, supp_q, supp_a) in enumerate(QUESTIONS, start=1):
        if n > 1:
            story.append(PageBreak())
        story += [Paragraph("FICTIONAL COUNTY COUNCIL", centre), Paragraph("Thursday 6 March 2025", centre),
                  Paragraph(f"Question by {asker} to {answerer},<br/>{title}", heading)]
        story += [Paragraph(p, body) for p in question]
        story.append(Paragraph("Answer", heading))
        story += [Paragraph(p, body) for p in answer]
        if supp_q:
            story += [Paragraph("Supplementary question", heading), Paragraph(supp_q, body),
                      Paragraph("Supplementary answer", heading), Paragraph(supp_a, body)]
        story.append(Spacer(1, 12))

    class Doc(SimpleDocTemplate):
        question_number = 0

        def handle_pageBegin(self):
            super().handle_pageBegin()

    buf = io.BytesIO()
    doc = Doc(buf, pagesize=A4, leftMargin=57, rightMargin=57)

    def on_page(canvas, d):
        # the stamp names the question that starts on this page
        d.question_number = next(numbers, d.question_number)
        stamp(canvas, d)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


TWO_COLUMN_LEFT = [
    "1. The Panel received a report on the fostering service and the recruitment campaign run over the summer months.",
    "2. Members asked how many enquiries had turned into assessments and were told that twelve were now under way.",
    "(a) Retention of experienced carers remained a concern for the service and its partners across the borough.",
]
TWO_COLUMN_RIGHT = [
    "3. The Head of Service explained that exit interviews were now held with every household that left fostering.",
    "4. RESOLVED that the Panel note the report and receive a further update at its meeting in the new year.",
]


def make_two_column_page() -> bytes:
    """A newsletter-style page: a full-width title, then two columns of numbered paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
    )

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=9)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=14, leading=18)
    width, height = A4
    top = Frame(50, height - 110, width - 100, 60, id="title")
    left = Frame(50, 80, (width - 120) / 2, height - 200, id="left")
    right = Frame(70 + (width - 120) / 2, 80, (width - 120) / 2, height - 200, id="right")
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=[top, left, right])])
    story = [Paragraph("Fostering Service Update – Two Column Summary", title), FrameBreak()]
    story += [Paragraph(p, body) for p in TWO_COLUMN_LEFT] + [FrameBreak()]
    story += [Paragraph(p, body) for p in TWO_COLUMN_RIGHT]
    doc.build(story)
    return buf.getvalue()


def make_ruled_non_kpi_table() -> bytes:
    """A ruled table that is not a KPI table (a room booking list): no reason to run pdfplumber."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    rows = [["Room", "Day", "Booked by"]] + [[f"Room {i}", "Monday", f"Officer {i}"] for i in range(8)]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([table])
    return buf.getvalue()


def make_generated_report(pages: int = 500) -> bytes:
    """A deterministic performance report: every fifth page a ruled KPI table of 20 indicators,
    the rest commentary (the benchmark's 500-page report; smaller for tests)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    story = [Paragraph("Quarterly Performance Report – Quarter 3 2024/25", styles["Title"])]
    for page in range(pages):
        if page % 5 == 0:
            rows = [["Ref", "Indicator", "Latest", "Target", "Floor", "RAG", "Previous RAG", "Direction"]]
            rows += [generated_kpi_row(page * 20 + k, page) for k in range(20)]
            table = Table(rows, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 7)]))
            story.append(table)
        else:
            text = (f"Commentary {page}. The service continued to face high demand this quarter, and the measures "
                    "below show where performance moved against target and floor standards. ") * 12
            story += [Paragraph(f"Service commentary {page}", styles["Heading2"]), Paragraph(text, styles["BodyText"])]
        story.append(PageBreak())
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def generated_kpi_row(n: int, page: int) -> list[str]:
    """Row `n` of the generated report (on 0-based story page `page`)."""
    rags = ("Green", "Amber", "Red")
    return [f"P{n:05d}", f"Indicator number {n} for service area {page // 5}", f"{50 + n % 50}%", "75%", "60%",
            rags[n % 3], rags[(n + 1) % 3], ("Improving", "Stable", "Worsening")[n % 3]]


# Ruled KPI tables of other shapes, for the ruled-table reader: (ref, name, latest, target, rag, previous)
AWKWARD_ROWS = [
    ("AD01", ("Percentage of adult social care assessments completed within 28 days of the first contact "
              "with the service, measured over the rolling twelve months"), "81%", "85%", "Amber", "Amber"),
    ("AD02", "Delayed transfers of care", "", "12", "", "Red"),
    ("AD03", "Carers assessed or reviewed in the year", "2,310", "", "Green", ""),
    ("AD04", "Safeguarding enquiries concluded where the risk was reduced or removed", "93.4%", "90%", "Green", "Green"),
]


def make_awkward_tables(split_rows: int = 0) -> bytes:
    """A KPI report whose ruled tables have a two-row header with merged cells ("RAG" over Latest and
    Previous), a service-area cell merged down several rows, wrapped cell text and empty cells.
    With `split_rows`, a second table of that many rows follows and runs over page breaks,
    its header repeated on each page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    header = [["Service area", "Ref", "Indicator", "Latest", "Target", "RAG", ""],
              ["", "", "", "", "", "Latest", "Previous"]]
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("SPAN", (5, 0), (6, 0))] + [("SPAN", (c, 0), (c, 1)) for c in range(5)]
    rows = [["Adult Social Care" if k == 0 else "", ref, Paragraph(name, cell), latest, target, rag, prev]
            for k, (ref, name, latest, target, rag, prev) in enumerate(AWKWARD_ROWS)]
    first = Table(header + rows, colWidths=[70, 36, 190, 45, 45, 50, 50], repeatRows=2)
    first.setStyle(TableStyle(grid + [("SPAN", (0, 2), (0, len(rows) + 1)), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("Adult Services Performance Report – Quarter 1 2025/26", styles["Title"]), first]
    if split_rows:
        long_rows = [["Public Health", f"PH{k:02d}", Paragraph(f"Public health measure {k} " + "with a longer "
                      "description that wraps " * (k % 3), cell), f"{40 + k}%", "50%", ("Green", "Amber", "Red")[k % 3],
                      ("Red", "Green", "Amber")[k % 3]] for k in range(split_rows)]
        second = Table(header + long_rows, colWidths=[70, 36, 190, 45, 45, 50, 50], repeatRows=2)
        second.setStyle(TableStyle(grid))
        story += [Spacer(1, 24), second]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=30, rightMargin=30).build(story)
    return buf.getvalue()


def make_overflowing_table() -> bytes:
    """A ruled KPI table whose long indicator names are plain strings running out of their narrow
    cells into the next: which cell each character lands in is pdfplumber's call."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    rows = [["Ref", "Indicator", "Latest", "Target", "RAG"]]
    rows += [[f"OV{k}", f"An indicator name far too long for its column {k}", f"{60 + k}%", "70%", "Amber"]
             for k in range(6)]
    table = Table(rows, colWidths=[40, 90, 60, 60, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([table])
    return buf.getvalue()


# A KPI table whose header has two rows of period groups: (ref, name, Q1 value, Q1 target, Q1 RAG,
# Q2 value, Q2 target, Q2 RAG, direction)
PERIOD_HEADER_ROWS = [
    ("HW01", "Households prevented from becoming homeless", "58%", "60%", "Amber", "63%", "60%", "Green", "Improving"),
    ("HW02", "Average days in temporary accommodation", "41", "35", "Red", "38", "35", "Amber", "Improving"),
    ("HW03", "Rough sleepers supported into settled homes", "22", "20", "Green", "17", "20", "Red", "Worsening"),
]


def make_period_header_table() -> bytes:
    """A ruled KPI table with a two-row header: "Q1 2025/26" and "Q2 2025/26" each merged over
    "Value | Target | RAG", the Ref, Indicator and Direction cells merged down both rows."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    header = [["Ref", "Indicator", "Q1 2025/26", "", "", "Q2 2025/26", "", "", "Direction"],
              ["", "", "Value", "Target", "RAG", "Value", "Target", "RAG", ""]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("SPAN", (2, 0), (4, 0)), ("SPAN", (5, 0), (7, 0))] + [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 8)]
    table = Table(header + [list(r) for r in PERIOD_HEADER_ROWS], colWidths=[36, 220, 50, 45, 45, 50, 45, 45, 60])
    table.setStyle(TableStyle(style))
    story = [Paragraph("Housing Performance Report – Quarter 2 2025/26", styles["Title"]), table]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build(story)
    return buf.getvalue()


GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold"


def build_from_gold_source(source: str, directory: Path, stem: str = "minutes") -> bytes:
    """A printed-minutes PDF laid out by corpora/gold/build_documents.py from `.pdf.txt` markup."""
    import importlib.util
    import sys

    name = "gold_build_documents"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GOLD / "build_documents.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    path = directory / f"{stem}.pdf.txt"
    path.write_text(source, encoding="utf-8")
    return sys.modules[name].build_pdf(path).read_bytes()


def hollowmere_with_responses(directory: Path) -> bytes:
    """The Hollowmere full-council minutes (gold train split, built from its source) with their
    answers labelled "Response:" as many councils print them, rather than "In reply,"."""
    source = (GOLD / "train" / "hollowmere" / "2024-04-24-council.pdf.txt").read_text(encoding="utf-8")
    assert source.count("In reply, ") == 2, "the Hollowmere gold source changed: update this fixture"
    return build_from_gold_source(source.replace("In reply, ", "Response: "), directory, "hollowmere-council")


# Item headings in the house styles councils print (number as printed, title)
HOUSE_STYLE_HEADINGS = {
    "agenda item": ["AGENDA ITEM 1: APOLOGIES FOR ABSENCE", "AGENDA ITEM 2: MINUTES", "AGENDA ITEM 3: HIGHWAY REPAIRS"],
    "item colon": ["Item 1: Apologies for absence", "Item 2: Minutes", "Item 3: Highway repairs"],
    "item dash": ["Item 1 – Apologies for absence", "Item 2 – Minutes", "Item 3 – Highway repairs"],
    "minute reference": ["Minute 23/45 Apologies for absence", "Minute 23/46 Minutes", "Minute 23/47 Highway repairs"],
    "committee prefix": ["ARG/38 Apologies for absence", "ARG/39 Minutes", "ARG/40 Highway repairs"],
    "number and year": ["38/24. Apologies for absence", "39/24. Minutes", "40/24. Highway repairs"],
    "prefix, number and year": ["EHR/07/24 APOLOGIES FOR ABSENCE", "EHR/08/24 MINUTES", "EHR/09/24 HIGHWAY REPAIRS"],
    "running numbers": ["24. Apologies for absence", "25. Minutes of the previous meeting", "26. Highway repairs"],
}
HOUSE_STYLE_BODIES = [
    ["Apologies for absence were received from Councillor Jo Bright."],
    ["RESOLVED that the minutes of the meeting held on 3 May 2024 be approved as a correct record."],
    [("Pat Greer, Head of Highways, introduced the report on road repairs. Councillor Lowe asked when the backlog "
     "would be cleared."),
     ("1. The Committee noted that the resurfacing programme for the coming year had been agreed with the contractor "
     "and would start in the autumn"),
     "2. Councillor Rusk asked whether the pothole backlog in the rural wards would be cleared before the winter",
     "3. Gully cleaning"],
]


def house_style_minutes_source(headings: list[str], headings_bold: bool = True, labels_bold: bool = True) -> str:
    """`.pdf.txt` markup (corpora/gold/build_documents.py) of short fictional minutes whose items
    have `headings`: in bold, or in the body font under a bold masthead and labels
    (`labels_bold`), or with no bold anywhere. The last item holds numbered paragraphs, two of
    them wrapping over a second line without a full stop and a short one."""
    masthead = "= " if labels_bold else ""
    label = (lambda t: f"**{t}**") if labels_bold else (lambda t: t)
    lines = [
             f"{masthead}FICTIONAL DISTRICT COUNCIL", "", f"{masthead}ENVIRONMENT SCRUTINY COMMITTEE", "",
             ("Minutes of the meeting of the Environment Scrutiny Committee held in the Council Chamber, Town Hall, "
             "Ashvale on 4 June 2024 at 7.00 pm."), "",
             f"{label('PRESENT:')} Councillor Amy Lowe (Chair), Councillor Ben Rusk and Councillor Cal Dent.", "",
             f"{label('IN ATTENDANCE:')} Pat Greer (Head of Highways) and Sam Ives (Democratic Services Officer).", ""]
    for heading, paragraphs in zip(headings, HOUSE_STYLE_BODIES):
        lines += [f"## {heading}" if headings_bold else heading, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)
