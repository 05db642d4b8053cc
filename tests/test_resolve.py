from minutes_miner.models import AttendeeMention, Person
from minutes_miner.resolve import PersonResolver, is_role, surname

COUNCIL = "council_x"


def _roster():
    return [
        Person(council_id=COUNCIL, name="Councillor Mary Patel", kind="member", key="patel", party="Green"),
        Person(council_id=COUNCIL, name="Councillor Tom Patel", kind="member", key="patel", party="Labour"),
        Person(council_id=COUNCIL, name="Councillor Alan Hughes", kind="member", key="hughes"),
    ]


def test_surname_and_roles():
    assert surname("Councillor Mary Patel") == "patel"
    assert surname("Cllr M. Patel") == "patel"
    assert is_role("the Director of Children's Services") and is_role("Members") and is_role("A Member")
    assert not is_role("Councillor Hughes") and not is_role("Jane Smith")


def test_same_member_across_spellings():
    resolver = PersonResolver(COUNCIL, _roster())
    hughes = resolver.speaker("Councillor Hughes", "hughes", "member")
    assert hughes.name == "Councillor Alan Hughes"
    assert resolver.speaker("Cllr A. Hughes", "hughes", "member").id == hughes.id
    # Two Councillors Patel: the initial decides; without it the speaker stays unresolved to a roster entry.
    assert resolver.speaker("Cllr M. Patel", "patel", "member").party == "Green"
    ambiguous = resolver.speaker("Councillor Patel", "patel", "member")
    assert ambiguous.name == "Councillor Patel"


def test_roles_resolve_to_attendees():
    resolver = PersonResolver(COUNCIL, _roster())
    chair = resolver.attendee(AttendeeMention(name="Councillor Alan Hughes", kind="chair", title="Chair"))
    dcs = resolver.attendee(AttendeeMention(name="Sarah Okafor", kind="officer",
                                            title="Director of Children's Services"))
    attendees = [chair, dcs]
    assert resolver.speaker("the Chair", "chair", "chair", attendees).id == chair.id
    assert resolver.speaker("the Director of Children's Services", "director of children's services", "officer",
                            attendees).name == "Sarah Okafor"
    assert resolver.speaker("Members", "members", "group", attendees) is None
    assert resolver.speaker(None, None, "unknown", attendees) is None


def test_officer_seen_twice_is_one_person():
    resolver = PersonResolver(COUNCIL)
    first = resolver.attendee(AttendeeMention(name="Jane Smith", kind="officer", title="Head of Early Help"))
    later = resolver.speaker("Ms Smith", "smith", "officer", [first])
    assert later.id == first.id and later.title == "Head of Early Help"
