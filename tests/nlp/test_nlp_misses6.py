"""Session-6 misses, each as a phrasing family in invented minutes: a promise after ";" in one
sentence, underlined item headings in plain text, bare "That ..." recommendations, a promise that
is the reply to a question, co-opted members listed with their organisation, and bad input."""
from __future__ import annotations

import pytest
from nlp_helpers import analyse_text, find

HEAD = """\
RESOURCES COMMITTEE

Present: Councillor Ada Frome (Chair), Councillor Idris Vane, Councillor Lena Marsh

Officers: Tom Pell (Head of Finance), Mrs Ruth Okafor (Director of Housing)

"""


def _item(body: str):
    return analyse_text(HEAD + "7. Housing performance\n\n" + body).items[-1]


@pytest.mark.parametrize("clause", [
    "a note reconciling the two counts would be circulated.",
    "a briefing note would be sent to Members.",
    "he would circulate the revised figures to the Committee.",
])
def test_promise_after_semicolon_stays_in_its_sentence(clause):
    item = _item("Councillor Vane expressed concern that the completions in the report did not match the quarterly return.\n\n"
                 "Mr Pell said that the return counted homes when work started rather than when they were finished; "
                 + clause + "\n")
    _, s = find(item, "when work started")
    assert clause[:20] in s.text
    assert (s.speaker_key, s.act) == ("pell", "commitment")
