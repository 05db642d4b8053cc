import json
from datetime import date

import pytest
from store_builder import (
    A_EARLY_HELP,
    A_PLACEMENT,
    A_SEND,
    C_LOCALITY,
    C_RECRUIT,
    C_SEND_PLAN,
    D_LOCALITY,
    M1,
    M2,
    M3,
    Q_EARLY_HELP,
    Q_PLACEMENT,
    Q_SEND,
)

from minutes_miner.errors import EmptyStoreError, MinutesMinerError, NotFoundError
from minutes_miner.outputs.questions import (
    delivery_matches,
    meeting_questions,
    member_questions,
    name_tokens,
    names_match,
    object_key_words,
    questions_to_json,
    render_questions,
    says_delivered,
)


def test_member_questions_grouped_with_answers_and_follow_ups(store):
    summary = member_questions(store, "Mary Patel")
    assert summary.member == "Councillor Mary Patel"
    assert [m.meeting_id for m in summary.meetings] == [M1.id, M2.id, M3.id]
    assert [q.text for q in summary.questions] == [Q_EARLY_HELP, Q_PLACEMENT, Q_SEND]
    assert [[s.title for s in m.sections] for m in summary.meetings] == [["Early Help"], ["Children in Care"], ["SEND"]]

    q1, q2, q3 = summary.questions
    assert [(a.speaker, a.speaker_title) for a in q1.answers] == [("Tom Reed", "Head of Early Help")]
    assert q1.answers[0].text == A_EARLY_HELP
    # The gist is the first two sentences, verbatim.
    assert q1.answers[0].gist == ("The Head of Early Help explained that referrals had fallen because two locality "
                                  "teams had merged in April. Referral thresholds had not changed.")
    assert q1.concerns == ("safeguarding",)
    assert q2.answers[0].speaker == "Jane Smith" and q2.answers[0].gist == A_PLACEMENT
    assert set(q2.concerns) == {"children-in-care", "safeguarding"}
    assert q3.answers[0].text == A_SEND and q3.answers[0].citation.page == 4

    # Follow-ups: Reed's locality breakdown (delivered at M2), not the Director's reply to Okafor.
    assert [f.text for f in q1.follow_ups] == [C_LOCALITY]
    f1 = q1.follow_ups[0]
    assert f1.status == "delivered"
    assert f1.delivered_by.text == D_LOCALITY
    assert f1.delivered_by.citation.meeting_date == M2.date
    assert "breakdown" in f1.key_words and "locality" in f1.key_words
    assert q2.follow_ups == ()
    assert [(f.text, f.status) for f in q3.follow_ups] == [(C_SEND_PLAN, "open")]
    assert [f.text for f in summary.open_follow_ups] == [C_SEND_PLAN]

    c = q1.citation
    assert (c.committee, c.meeting_date, c.item_number, c.item_title) == (
        "Children's Services Scrutiny Committee", date(2023, 6, 14), "5", "Quarterly Performance Report")
    assert c.source_url.startswith("https://democracy.sampleshire.example/ieListDocuments.aspx?CId=101&MId=1001")


@pytest.mark.parametrize("name", ["Mary Patel", "councillor mary patel", "Cllr Mary Patel", "MARY PATEL",
                                  "Cllr M. Patel", "Councillor Mary Patel (Labour)"])
def test_member_name_variants(store, name):
    summary = member_questions(store, name)
    assert len(summary.questions) == 3
    assert all("Raj" not in (q.asked_by or "") for q in summary.questions)


def test_surname_only_matches_every_patel_and_says_so(store):
    summary = member_questions(store, "patel")
    assert len(summary.questions) == 4
    assert set(summary.matched_speakers) == {"Councillor Mary Patel", "Councillor Raj Patel"}


def test_name_matching_rules():
    assert names_match(name_tokens("Mary Patel"), name_tokens("Councillor Patel"))
    assert names_match(name_tokens("Mary Patel"), name_tokens("Cllr M Patel"))
    assert names_match(name_tokens("patel"), name_tokens("Councillor Mary Patel"))
    assert not names_match(name_tokens("Mary Patel"), name_tokens("Councillor Raj Patel"))
    assert not names_match(name_tokens("Mary Patel"), name_tokens("Councillor Mary Jones"))


def test_known_member_without_questions_gets_an_empty_summary(store):
    summary = member_questions(store, "Sue Brown")
    assert summary.questions == [] and summary.member == "Councillor Sue Brown"
    assert "No questions are recorded" in render_questions(summary, "md")


def test_committee_and_date_filters(store):
    assert member_questions(store, "Mary Patel", committee="adult").questions == []
    summary = member_questions(store, "Mary Patel", since=date(2023, 9, 1), until=date(2023, 12, 31))
    assert [q.text for q in summary.questions] == [Q_PLACEMENT]


def test_unknown_member_suggests_close_names(store):
    with pytest.raises(NotFoundError) as err:
        member_questions(store, "Mary Patil")
    assert "Councillor Mary Patel" in str(err.value)


def test_empty_store(empty_store):
    with pytest.raises(EmptyStoreError) as err:
        member_questions(empty_store, "Mary Patel")
    assert "minutes-miner crawl" in str(err.value)


def test_meeting_briefing_includes_every_question(store):
    summary = meeting_questions(store, M1.id)
    assert [q.asked_by for q in summary.questions] == ["Councillor Mary Patel", "Councillor John Okafor"]
    okafor = summary.questions[1]
    assert okafor.answers[0].text == "The Director said agency staff covered 18% of social work posts."
    assert [(f.text, f.status) for f in okafor.follow_ups] == [(C_RECRUIT, "open")]
    assert meeting_questions(store, M1.id[:14]).meeting_id == M1.id  # unique prefix
    with pytest.raises(NotFoundError):
        meeting_questions(store, "meeting_nope")


def test_markdown(store):
    md = render_questions(member_questions(store, "Mary Patel"), "md")
    assert md.startswith("# Questions asked by Councillor Mary Patel")
    assert "3 questions at 3 meetings" in md and "2 follow-ups promised, 1 open" in md
    assert "## 2023-06-14 — Children's Services Scrutiny Committee" in md
    assert "### Early Help" in md
    assert "Answer — Tom Reed, Head of Early Help (officer)" in md
    assert "Follow-up (delivered 2023-10-11)" in md and "Follow-up (open)" in md
    assert "Item 5: Quarterly Performance Report" in md


def test_html_is_standalone_and_escaped(store):
    html = render_questions(meeting_questions(store, M3.id), "html")
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html and "stylesheet" not in html  # styles inline, nothing external
    assert "http" not in html.split("<main>")[0]  # no external resources in <head>
    assert "Councillor Patel asked whether waiting times for SEND assessments were improving." in html
    assert "Jane Smith" in html and "badge open" in html


def test_json(store):
    data = json.loads(render_questions(member_questions(store, "Mary Patel"), "json"))
    assert data["counts"] == {"meetings": 3, "questions": 3, "answered": 3, "follow_ups": 2, "open_follow_ups": 1}
    q1 = data["meetings"][0]["sections"][0]["questions"][0]
    assert q1["answers"][0]["speaker"] == "Tom Reed"
    assert q1["follow_ups"][0]["status"] == "delivered"
    assert q1["follow_ups"][0]["delivered_by"]["citation"]["meeting_date"] == "2023-10-11"
    assert q1["citation"]["item_number"] == "5"
    assert questions_to_json(member_questions(store, "Mary Patel"))["member"] == "Councillor Mary Patel"


def test_unknown_format_is_refused(store):
    with pytest.raises(MinutesMinerError) as err:
        render_questions(member_questions(store, "Mary Patel"), "pdf")
    assert "docx" in str(err.value)


def test_delivery_heuristic_units():
    keys = object_key_words("The Director agreed to provide a breakdown by locality to members.")
    assert keys == ("breakdown", "locality")
    assert delivery_matches(keys, "The locality breakdown had been provided to members.")
    assert not delivery_matches(keys, "The locality breakdown would be provided at the next meeting.")
    assert not delivery_matches(keys, "The breakdown by locality has not yet been circulated.")
    assert not delivery_matches(keys, "The budget report was circulated.")
    assert says_delivered("Figures were circulated in July.")
    assert not says_delivered("Officers undertook to circulate the figures.")


def test_answer_on_a_pdf_page_is_cited_separately(store):
    md = render_questions(meeting_questions(store, M3.id), "md")
    assert "Performance%20Report%20Q3.pdf#page=4" in md
    html = render_questions(meeting_questions(store, M3.id), "html")
    assert "Performance%20Report%20Q3.pdf#page=4" in html and "(page 4)" in html
