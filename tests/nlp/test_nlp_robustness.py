"""Bad input: no crash, no invented speakers."""
from __future__ import annotations

import random

from minutes_miner.models import ItemText, MinutesText
from minutes_miner.nlp import analyse, minutes_from_text


def _analyse_text(text: str):
    return analyse(minutes_from_text(text, "bad.txt"))


def test_empty_and_whitespace():
    for text in ("", "   \n\n\t ", "\u00a0\u200b"):
        doc = _analyse_text(text)
        assert doc.items == () and doc.attendance == ()
    assert analyse(MinutesText(source="x", items=())).items == ()
    assert analyse(MinutesText(source="x", items=(ItemText(title=None, text=""),))).items[0].statements == ()


def test_text_with_no_minutes_has_no_speakers():
    text = "Lorem ipsum dolor sit amet. The quick brown fox jumps over the lazy dog. 42 % of 17 items were blue."
    doc = _analyse_text(text)
    for item in doc.items:
        for s in item.statements:
            assert s.speaker is None and s.speaker_kind == "unknown"


def test_huge_single_paragraph():
    rnd = random.Random(1)
    words = ["the", "service", "had", "reviewed", "all", "cases", "and", "the", "number", "of", "visits", "improved", "while", "referrals", "rose"]
    para = " ".join(rnd.choice(words) for _ in range(40_000))
    assert len(para) > 200_000
    doc = analyse(MinutesText(source="big", items=(ItemText(title=None, text=para),)))
    statements = doc.items[0].statements
    assert statements and all(s.speaker is None for s in statements)
    assert sum(len(s.text) for s in statements) >= len(para) - 10


def test_mojibake_nbsp_curly_quotes_dashes_welsh():
    text = (
        "Dashboard 1 â€“ Childrenâ€™s Services\n"
        "Councillor\u00a0Siân Llŷr asked whether the “new” policy – the one agreed in May – covered Ynys Môn.\n"
        "Cynghorydd Gwenllian Ŵyn stated that it did.\n"
        "Rhodri ap Dafydd, Pennaeth Gwasanaethau, presented the report on Children’s Services.\n"
    )
    doc = analyse(MinutesText(source="w", items=(ItemText(title=None, text=text),)))
    st = doc.items[0].statements
    assert st[0].section == "Dashboard 1 – Children’s Services"
    assert st[0].speaker == "Councillor Siân Llŷr" and st[0].speaker_key == "llŷr" and st[0].act == "question"
    assert "\u00a0" not in st[0].text and "“new”" in st[0].text
    assert st[1].speaker == "Cynghorydd Gwenllian Ŵyn" and st[1].speaker_kind == "member" and st[1].act == "answer"
    assert st[1].answers == 0


def test_odd_unicode_does_not_crash():
    rnd = random.Random(7)
    alphabet = "abcXYZ .,;:!?()[]\"'“”‘’–—•·\u00a0\u2009\u200b\ufeffÂÃâ€™ŵŷéñ\t0123456789"
    for _ in range(30):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 400)))
        text = "\n".join(text[i:i + 60] for i in range(0, len(text), 60))
        doc = analyse(minutes_from_text(text, "noise.txt"))
        for item in doc.items:
            for s in item.statements:
                assert s.speaker is None or s.speaker.strip()


def test_unknown_lone_names_are_not_invented():
    text = "Sophie shared her design with the class.\nKent County Council confirmed the figures.\nThe Deputy Prime Minister stated that funding would rise."
    doc = analyse(MinutesText(source="x", items=(ItemText(title=None, text=text),)))
    assert [s.speaker for s in doc.items[0].statements] == [None, None, None]


def test_a_decision_of_thousands_of_parts_is_all_the_committees():
    # each part of "RESOLVED: That (a) ...; (b) ..." is a resolution; thousands of them once took minutes
    parts = "; ".join(f"({'abcdefgh'[i % 8]}) the report on ward {i} be noted" for i in range(3000))
    doc = analyse(MinutesText(source="big", items=(ItemText(title="Budget", text="RESOLVED: That " + parts + "."),)))
    statements = doc.items[0].statements
    assert len(statements) == 3000
    assert {s.act for s in statements} == {"resolution"} and {s.speaker_key for s in statements} == {"committee"}
    assert "ward 2999" in statements[-1].text


def test_a_long_attendance_list_inside_an_item_names_the_role_holder():
    names = ", ".join(f"Officer Number{i} (Analyst {i})" for i in range(2000))
    text = "In attendance: " + names + ", Ruth Amberley (Head of Housing)\n\nThe Head of Housing said that rents would rise in April."
    doc = analyse(MinutesText(source="big", items=(ItemText(title="Rents", text=text),)))
    [statement] = doc.items[0].statements
    assert statement.speaker_key == "amberley" and statement.act == "statement"


def test_a_long_run_of_brackets_or_rules_keeps_the_statements_beside_it():
    # a run with no space is cut for the tokenizer only (it was quadratic there): offsets and text hold
    text = ("=" * 60_000 + "\n\nCouncillor Ann Hale asked whether the library would reopen.\n\n"
            + "(" * 30_000 + "Councillor Joe Zed said that it would" + ")" * 30_000 + ".")
    doc = analyse(MinutesText(source="rules", items=(ItemText(title="Libraries", text=text),)))
    by_text = {s.text: s for s in doc.items[0].statements}
    asked = by_text["Councillor Ann Hale asked whether the library would reopen."]
    assert (asked.speaker_key, asked.act) == ("hale", "question")
    said = next(s for s in doc.items[0].statements if "Councillor Joe Zed said that it would" in s.text)
    assert said.speaker_key == "zed" and said.text.endswith(")" * 30_000 + ".")
