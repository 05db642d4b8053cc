"""People known in one document (``minutes_miner.nlp.people``)."""
from __future__ import annotations

from minutes_miner.nlp.people import People


def test_a_repeated_add_answers_from_the_memo_but_sees_every_change():
    people = People()
    first = people.add("Ms Jane Hale")
    assert people.add("Ms Jane Hale") is first
    version = people._version
    assert people.add("Ms Jane Hale") is first and people._version == version  # nothing changed
    # a title learnt later (another form of the same name) changes the person: the repeat still sees it
    assert people.add("Jane Hale", title="Director of Children's Services") is first
    assert people.add("Ms Jane Hale") is first
    assert first.title == "Director of Children's Services" and people.kind_of(first) == "officer"
    assert sorted(first.forms) == ["Jane Hale", "Ms Jane Hale"]
    # the roster outranks a guess, whatever was memoised before
    assert people.add("Ms Jane Hale", kind="cabinet_member", rank="roster") is first
    assert people.kind_of(first) == "cabinet_member"
    assert people.add("Ms Jane Hale", kind="member", rank="guess") is first
    assert people.kind_of(first) == "cabinet_member"
    # a different person with the same surname is still told apart
    other = people.add("Mr Tom Hale")
    assert other is not first and people.add("Mr Tom Hale") is other
    assert people.add("nobody") is None and people.add("nobody") is None


def test_honorifics_of_one_class_taking_turns_change_nothing_seen():
    people = People()
    entry = people.add("Councillor Ravi Patel", kind="member", rank="list")
    for name in ("Cllr Patel", "Councillor Patel"):  # new forms of the name: changes
        people.add(name)
    version = people._version
    for name in ("Councillor Patel", "Cllr Patel", "Councillor Ravi Patel"):
        assert people.add(name) is entry
    assert people._version == version
    assert people.kind_of(entry) == "member" and entry.best_form() == "Councillor Ravi Patel"
