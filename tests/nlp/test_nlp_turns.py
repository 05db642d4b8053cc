"""Items whose layout states speaker and act (``ItemText.turns``, council Q&A papers)."""
from __future__ import annotations

from minutes_miner.models import ItemText, MinutesText, Turn


def _paper() -> MinutesText:
    turns = (
        Turn(speaker="Mr Rich Lehmann", act="question", speaker_kind="member",
             text="Potholes on the A28 have doubled since 2022. Will the Cabinet Member publish the repair backlog by ward?"),
        Turn(speaker="Mrs Anna Price", act="answer", speaker_kind="cabinet_member", speaker_title="Cabinet Member for Highways",
             text="The backlog is published quarterly. I will ask officers to add a ward breakdown."),
        Turn(speaker="Mr Rich Lehmann", act="question", speaker_kind="member",
             text="As a supplementary question, will agency staff be used to clear the CAMHS referrals?"),
        Turn(speaker="Mrs Anna Price", act="answer", speaker_kind="cabinet_member", speaker_title="Cabinet Member for Highways",
             text="No."),
    )
    text = "\n".join(t.text for t in turns)
    item = ItemText(title="Questions to Cabinet Members", text=text, number="5", turns=turns)
    return MinutesText(source="questions.pdf", items=(item,))


def test_turns_give_speaker_act_and_pairs():
    from minutes_miner.nlp import analyse

    statements = analyse(_paper()).items[0].statements
    got = [(s.text, s.speaker, s.speaker_key, s.speaker_kind, s.act, s.answers) for s in statements]
    assert got == [
        ("Potholes on the A28 have doubled since 2022.", "Mr Rich Lehmann", "lehmann", "member", "question", None),
        ("Will the Cabinet Member publish the repair backlog by ward?", "Mr Rich Lehmann", "lehmann", "member", "question", None),
        ("The backlog is published quarterly.", "Mrs Anna Price", "price", "cabinet_member", "answer", 1),
        ("I will ask officers to add a ward breakdown.", "Mrs Anna Price", "price", "cabinet_member", "answer", 1),
        ("As a supplementary question, will agency staff be used to clear the CAMHS referrals?", "Mr Rich Lehmann", "lehmann",
         "member", "question", None),
        ("No.", "Mrs Anna Price", "price", "cabinet_member", "answer", 4),
    ]


def test_turns_still_tag_concerns():
    from minutes_miner.nlp import analyse

    statements = analyse(_paper()).items[0].statements
    assert {"workforce", "mental-health"} <= set(statements[4].concerns)
