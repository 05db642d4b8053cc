"""Resolve the names and roles found in minutes to Person records, so that one person is one
Person across meetings: "Councillor Patel", "Cllr M. Patel" and the roster's "Councillor Mary
Patel" are the same member; "the Chair" is whoever chaired that meeting; "the Director of
Children's Services" is the officer whose job title says so, when the attendance lists one."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from minutes_miner.models import AttendeeMention, Person, person_identity

_MEMBERISH = {"member", "chair", "cabinet_member"}
_ROLE_PREFIX = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def _family(kind: str) -> str:
    return "member" if kind in _MEMBERISH else kind


def surname(name: str) -> str:
    words = [w for w in re.split(r"\s+", person_identity(name)) if w and not w.endswith(".")]
    return words[-1].strip(",") if words else ""


def _may_share_first_name(first: str, person: Person) -> bool:
    """Whether `person` may have the first name `first`: their recorded name gives only a surname
    or an initial that `first` starts with."""
    words = person_identity(person.name).split()
    if len(words) < 2:
        return True
    theirs = words[0].rstrip(".")
    return len(theirs) == 1 and first.startswith(theirs)


def is_role(speaker: str) -> bool:
    """'the Chair', 'A Member', 'Officers' are roles; 'Councillor Patel' and 'Jane Smith' are names."""
    return bool(_ROLE_PREFIX.match(speaker)) or speaker.split()[0].lower() in {"members", "officers", "committee", "chair",
                                                                               "chairman", "dcs"}


class PersonResolver:
    def __init__(self, council_id: str, known: Iterable[Person] = ()):
        self.council_id = council_id
        self._known: dict[str, Person] = {}
        for person in known:
            self._remember(person)

    def _remember(self, person: Person) -> Person:
        self._known[person.id] = person
        return person

    def _by_surname(self, name: str, kind: str) -> Person | None:
        last = surname(name)
        given = person_identity(name).split()
        candidates = [p for p in self._known.values()
                      if p.key == last and _family(p.kind) == _family(kind) and p.kind not in {"group"}]
        if len(given) > 1:
            # An initial or first name narrows it down: "M. Patel" or "Mary Patel"; a different first
            # name rules a person out ("Gideon Marsh" is not "Councillor Fiona Marsh").
            first = given[0].rstrip(".")
            candidates = ([p for p in candidates if person_identity(p.name).split()[0].startswith(first)]
                          or [p for p in candidates if _may_share_first_name(first, p)])
        if len(candidates) > 1:
            # "Cllr Marsh" when the roster has one Marsh and a questions paper named another: the
            # roster's member, whatever order the meetings were analysed in
            candidates = [p for p in candidates if p.external_id] or candidates
        return candidates[0] if len(candidates) == 1 else None

    def attendee(self, mention: AttendeeMention) -> Person:
        kind = mention.kind if mention.kind != "unknown" else "member" if "councillor" in mention.name.lower() else "unknown"
        found = self._by_surname(mention.name, kind)
        if found is not None:
            richer = len(person_identity(mention.name)) > len(person_identity(found.name))
            merged = Person(council_id=self.council_id, name=mention.name if richer else found.name,
                            kind=kind if kind != "unknown" else found.kind, key=found.key,
                            title=mention.title or found.title, party=found.party or mention.party,
                            ward=found.ward or mention.ward, external_id=found.external_id, id=found.id)
            return self._remember(merged)
        return self._remember(Person(council_id=self.council_id, name=mention.name, kind=kind, key=surname(mention.name),
                                     title=mention.title, party=mention.party, ward=mention.ward))

    def speaker(self, speaker: str | None, key: str | None, kind: str,
                attendees: Sequence[Person] = ()) -> Person | None:
        """The Person behind a statement's speaker, or None for groups and unknown speakers."""
        if not speaker or kind in {"group", "unknown"}:
            return None
        if is_role(speaker) or (key and " " in key):
            return self._role(speaker, key, kind, attendees)
        found = self._by_surname(speaker, kind)
        if found is None:
            # A named speaker not in the roster or attendance: still one Person across meetings.
            found = Person(council_id=self.council_id, name=speaker, kind=kind, key=key or surname(speaker))
        return self._remember(found)

    def _role(self, speaker: str, key: str | None, kind: str, attendees: Sequence[Person]) -> Person | None:
        role = _ROLE_PREFIX.sub("", speaker).strip()
        role_key = (key or role).lower()
        if role_key in {"chair", "chairman", "chairwoman", "chairperson"}:
            chairs = [p for p in attendees if p.kind == "chair"]
            return chairs[0] if len(chairs) == 1 else None
        if role_key in {"member", "members", "committee", "officers", "panel", "board"}:
            return None
        words = set(re.findall(r"[a-z]+", role_key)) - {"of", "the", "for", "and"}
        holders = [p for p in attendees if p.title and words and words <= set(re.findall(r"[a-z]+", p.title.lower()))]
        if len(holders) == 1:
            return holders[0]
        return self._remember(Person(council_id=self.council_id, name=role[:1].upper() + role[1:], kind=kind,
                                     key=role_key))

    def people(self) -> list[Person]:
        return list(self._known.values())
