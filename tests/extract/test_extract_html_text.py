from minutes_miner.extract.html_text import html_to_text

WORD_HTML = """<div class="WordSection1">
<p class="MsoNormal"><b><span>Dashboard 2 &#8211; Early Help</span></b></p>
<p class="MsoListParagraph">·&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Priya Nair stated that referrals had
<span>fluctuated</span> during the year;</p>
<p class="MsoNormal">&nbsp;</p>
<ol type="a"><li>first point</li><li>second point</li></ol>
<ul><li>Members were pleased with the progress.</li></ul>
<p class="MsoNormal">RESOLVED that the report be noted.</p>
</div>"""


def test_word_html_becomes_one_block_per_line():
    lines = html_to_text(WORD_HTML).splitlines()
    assert lines == [
        "Dashboard 2 – Early Help",
        "• Priya Nair stated that referrals had fluctuated during the year;",
        "a. first point",
        "b. second point",
        "• Members were pleased with the progress.",
        "RESOLVED that the report be noted.",
    ]


def test_empty_and_script_only():
    assert html_to_text("") == ""
    assert html_to_text("<script>alert(1)</script>") == ""


NHS_TABLE = """<table><tr><td><p><b>No.</b></p></td><td><p><b>Discussion</b></p></td><td><p><b>Action</b></p></td></tr>
<tr><td><p>4.1</p></td><td><p>IO drew the Board’s attention to two findings:</p><ul><li>obesity had risen;</li>
<li>waits had fallen.</li></ul></td><td><p><b>IO</b></p></td></tr>
<tr><td><p>4.2</p></td><td><p>HM asked whether the data was complete.</p></td><td><p></p></td></tr></table>
<p><b>Outcome</b></p>"""


def test_table_rows_are_read_cell_by_cell_without_header_or_action_column():
    assert html_to_text(NHS_TABLE).splitlines() == [
        "4.1 IO drew the Board’s attention to two findings:",
        "• obesity had risen;",
        "• waits had fallen.",
        "4.2 HM asked whether the data was complete.",
        "Outcome",
    ]


QUESTION_TABLE = """<table><tr><th>No.</th><th>Question from</th><th>Question</th><th>Response</th></tr>
<tr><td>1</td><td>Councillor Bryn Hartley</td><td>What is the average time?</td><td>It is 13 minutes.</td></tr></table>"""


def test_labelled_table_columns_keep_their_headings():
    assert html_to_text(QUESTION_TABLE).splitlines() == [
        "Question from: Councillor Bryn Hartley",
        "Question: What is the average time?",
        "Response: It is 13 minutes.",
    ]


SPEAKER_TABLE = """<table><tr><th>Speaker</th><th>Comment</th></tr>
<tr><td>Cllr Lee:</td><td>Asked how many reviews were overdue.</td></tr>
<tr><td colspan="2"><b>High needs budget</b></td></tr>
<tr><td></td><td>It was explained that 640 were overdue.</td></tr></table>"""


def test_speaker_comment_rows_read_as_labels_and_full_width_rows_as_headings():
    assert html_to_text(SPEAKER_TABLE).splitlines() == [
        "Cllr Lee: Asked how many reviews were overdue.",
        "High needs budget",
        "It was explained that 640 were overdue.",
    ]
