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
