"""Speaker resolution: mentions, pronouns, single words and roles resolved to a ``Spk`` through
the document's people and the item's history of speakers."""
from __future__ import annotations

import re

from . import rules
from .attendee_entry import title_kind
from .components import REPRESENTATIVE_NOUNS
from .people import Entry, People, abbreviates_title, is_initials_of
from .records import BlockData, Mention, Spk, Stmt, Subject
from .textnorm import normalise
from .units import PRONOUNS

_INDEFINITE = re.compile(r"(?:an?|one|another|some)\s", re.IGNORECASE)
_CHAIR_WORDS = {"chair", "chairman", "chairwoman", "chairperson", "convener", "convenor", "cadeirydd"}

_REPRESENTATIVES = frozenset(REPRESENTATIVE_NOUNS.values())
_THE_OUR = re.compile(r"^(?:the|our)\s+", re.IGNORECASE)
_QUALIFIER = re.compile(r"\s*\([^()]+\)$")
_APPOSED = re.compile(r"\s*,\s*")
_APPOSITION_END = re.compile(r"\s*(?:[,:;.)]|$)")
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s*and|&)\s*")
INITIALS_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,5})\)")  # "(DAS)", "(HoC)"
_BODY_NOUN = re.compile(r"\b(Sub-Committee|Committee|Commission|Panel|Board|Forum|Cabinet|Authority)\b", re.IGNORECASE)
_FIRST_PLURAL = {"We", "we"}


def body_spk(committee: str | None) -> Spk:
    """Who "we" are in minutes written in the first person plural: the meeting's own body, named by
    the last body noun of its name ("Health and Housing Scrutiny Commission": "the Commission")."""
    nouns = _BODY_NOUN.findall(committee or "")
    noun = nouns[-1].title() if nouns else "Committee"
    return Spk(display=f"the {noun}", key=noun.lower(), kind="group")


class Analyser:
    def __init__(self, people: People, committee: str | None = None):
        self.people = people
        self.body = body_spk(committee)
        data = rules.people()
        self.single_role_keys = {r["key"] for r in data["roles"] if r.get("single")} | {"chair", "vice-chair"}
        self.acronyms = data["acronym_roles"]
        self.role_aliases: dict[str, Mention] = {}  # "HHO" -> the mention "the Head of Housing Options"
        self._cache: dict = {}
        self.acting_chair: Entry | None = None  # who "took the chair" part-way through the meeting

    # -- resolution of mentions ---------------------------------------------
    def mention_spk(self, m: Mention, title: str | None, register: bool = False) -> Spk | None:
        key = (m.label, m.text, title, len(self.people.entries), id(self.acting_chair))
        hit = self._cache.get(key, False)
        if hit is False:
            hit = self._cache[key] = self._mention_spk(m, title)
        return hit

    def _mention_spk(self, m: Mention, title: str | None) -> Spk | None:
        if m.named:
            entry = self.people.lookup(m.text)
            if entry is None:
                entry = self.people.add(m.text, title=title)
            elif title:
                self.people.add(m.text, title=title)
            return Spk(entry=entry) if entry else None
        label = m.label
        text = m.text.strip()
        bare = re.sub(r"^(?:the|a|an|our)\s+", "", text, flags=re.IGNORECASE)
        if label == "ROLE_ACRO":
            acro = bare
            full = self.acronyms.get(acro, acro)
            entry = self.people.by_title(full) or self.people.by_acronym(acro)
            if entry:
                return Spk(entry=entry)
            return Spk(display=f"the {full}", key=normalise(full).lower(), kind=title_kind(full) or "officer")
        if label.startswith("ROLE|"):
            _, key, kind = label.split("|")
            if key == "chair" and self.acting_chair is not None:
                return Spk(entry=self.acting_chair, acting="chair")
        else:
            key = normalise(bare).lower()
            kind = title_kind(bare) or "officer"
            if key in _CHAIR_WORDS:
                key = "chair"  # "The Chairman": the gold key of the Chair whatever the word
        if (label.startswith("ROLE_OPEN") or key in self.single_role_keys) and not _INDEFINITE.match(text):  # "A Member": nobody in particular
            # "The Head of Service (SEND Assessment and Review)": the one holder of the role with its bracketed qualifier
            entry = (title and self.people.by_title(f"{bare} ({title})")) or self.people.by_title(bare)
            if entry:
                return Spk(entry=entry)
        qualified = _QUALIFIER.search(text) if label.startswith("ROLE_OPEN") else None
        if qualified:
            # "The Group Manager (Fire)" whom the document names only as the Group Manager: the role without its qualifier
            return self._mention_spk(Mention(m.start, m.start + qualified.start(), label, text[:qualified.start()]), title)
        display = text
        if display[:4] in ("The ", "the "):
            display = "the " + display[4:]
        elif kind != "group" and display[:1].isupper() and not re.match(r"(?:A|An|One|Another|Our)\s", display):
            display = "the " + display  # "Chair" matched without its article: "the Chair"
        return Spk(display=display, key=key, kind=kind)

    def take_chair(self, bd: BlockData, at: int) -> None:
        """"Mr Tresize, Vice-Chair, took the chair": "the Chair" is he from here on."""
        named = [m for m in bd.mentions if m.named and m.end <= at]
        if named:
            entry = self.people.lookup(named[-1].text) or self.people.add(named[-1].text)
            if entry is not None:
                self.acting_chair = entry

    def subject_spk(self, subj: Subject, state: ItemState) -> Spk | None:
        if subj.kind == "chain":
            spks = [self.mention_spk(m, t) for m, t in subj.parts]
            spks = [s for s in spks if s is not None]
            if not spks:
                return None
            first = subj.parts[0][0]
            if spks[0].entry is None and not first.named:
                spks[0] = self._holder_in_item(first, state) or spks[0]
            elif first.label.startswith("ROLE_OPEN") and not any(s.entry is spks[0].entry for s in state.history):
                # "The Director of Public Health replied ... The Director accepted": the unnamed Director who spoke
                # in this item, not the one Director the attendance list names
                spks[0] = self._role_spoken_in_item(first, state) or spks[0]
            # a joint statement ("Mr Jones and Mrs Khan both raised") is spoken by the first
            # named; the others are co-speakers (gold convention)
            return spks[0]
        if subj.kind == "pronoun":
            return state.pronoun(PRONOUNS[subj.word])
        if subj.word in _FIRST_PLURAL:
            return self.body  # "We asked whether ...": minutes written by the body in the first person plural
        entry = self.people.by_single_word(subj.word)
        if entry is None and subj.word in self.role_aliases:
            return self.mention_spk(self.role_aliases[subj.word], None)  # "the Head of Housing Options (HHO)" ... "The HHO"
        return Spk(entry=entry) if entry else None

    def _holder_in_item(self, m: Mention, state: ItemState) -> Spk | None:
        """A role several people hold ("the Cabinet Member", "the Director") is the holder who has
        already spoken in this item."""
        if m.label.startswith("ROLE|") and m.label.split("|")[1] in _REPRESENTATIVES:
            noun = m.label.split("|")[1]  # "The first young person replied": the young person from ... who spoke before
            return next((s for s in reversed(state.history) if s.entry is None and s.key and s.key.startswith(noun + " from ")), None)
        if (m.label.startswith("ROLE|") and m.label.split("|")[1] not in self.single_role_keys) or _INDEFINITE.match(m.text):
            return None  # "the Board", "Members": a body, not one of several people
        bare = _THE_OUR.sub("", m.text.strip())
        if m.label == "ROLE_ACRO":
            bare = self.acronyms.get(bare, bare)
        spoken = self._role_spoken_in_item(m, state)
        if spoken is not None:
            return spoken
        holders = self.people.title_holders(bare)
        if m.label.startswith("ROLE|"):  # "the Leader" is the Leader of the Council, not of the Opposition
            kind = m.label.split("|")[2]
            # (a Leader chairing the Cabinet is "the Leader" too: kind chair)
            holders = [h for h in holders if self.people.kind_of(h) == kind or (kind == "cabinet_member" and self.people.kind_of(h) == "chair")]
        if len(holders) == 1:
            return Spk(entry=holders[0])  # the one holder of the role's kind ("the Leader" of the Council)
        if not holders:
            return None
        for s in reversed(state.history):
            if s.entry is not None and any(s.entry is h for h in holders):
                return Spk(entry=s.entry)
        own = [h for h in holders if self.people.kind_of(h) == "officer"]
        if len(own) == 1 and m.label != "ROLE_ACRO":
            return Spk(entry=own[0])  # "the Director": the council's own, not a partner's director named beside them
        return None

    def _role_spoken_in_item(self, m: Mention, state: ItemState) -> Spk | None:
        """"The Director of Housing presented ... The Director said": the unnamed role that spoke in this item."""
        if not m.label.startswith("ROLE_OPEN"):
            return None
        short = normalise(_THE_OUR.sub("", m.text.strip())).lower()
        return next((s for s in reversed(state.history) if s.entry is None and s.key and s.key.startswith(short + " ") and not s.parts), None)

    def register(self, bd: BlockData) -> None:
        bracket = "(" in bd.norm  # initials after a name or role are in brackets
        for m in bd.mentions:
            if m.label == "NAME_T":
                self.people.add(m.text)
            if m.label == "ROLE_OPEN" and bracket:
                mi = INITIALS_AFTER.match(bd.norm, m.end)
                if mi and abbreviates_title(mi.group(1), _THE_OUR.sub("", m.text)):
                    self.role_aliases.setdefault(mi.group(1), m)
            if m.named and bracket:
                mi = INITIALS_AFTER.match(bd.norm, m.end)
                if mi and is_initials_of(mi.group(1), m.text):
                    entry = self.people.add(m.text)
                    if entry is not None:
                        self.people.alias(mi.group(1), entry)
        for n, (role, name) in enumerate(zip(bd.mentions, bd.mentions[1:])):
            # "Question from Mrs Platt to the Cabinet Member for Environment, Councillor Dale": a role in apposition
            # names its holder wherever it stands, not only as a subject (not a list: "thanked the Commissioner,
            # Chief Inspector Pugh and Ms Gruffydd")
            title = _THE_OUR.sub("", role.text.strip())
            if (not role.named and name.label == "NAME_T" and _APPOSED.fullmatch(bd.norm, role.end, name.start)
                    and (role.label.startswith("ROLE_OPEN") or role.label.split("|")[-1] == "cabinet_member") and len(title.split()) >= 2
                    and _APPOSITION_END.match(bd.norm, name.end)
                    and not (n + 2 < len(bd.mentions) and _LIST_JOINER.fullmatch(bd.norm, name.end, bd.mentions[n + 2].start))):
                self.people.add(name.text, title=title)
        for u in bd.units:
            if u.subject and u.subject.kind == "chain":
                for m, title in u.subject.parts:
                    if m.named:
                        self.people.add(m.text, title=title)


class ItemState:
    def __init__(self) -> None:
        self.history: list[Spk] = []
        self.questioner: Spk | None = None  # who asked the question just before, while a reply may follow
        self.decision_run: tuple[Stmt, Stmt] | None = None  # the last statement and the first part of its decision (answers._first_part)

    def note(self, spk: Spk | None) -> None:
        if spk is not None:
            self.history.append(spk)

    def pronoun(self, gender: str | None) -> Spk | None:
        if not self.history:
            return None
        if gender is None:
            return self.history[-1]
        # a reply follows a question: "Councillor MacLeod asked whether ... She said that ..." is the
        # answerer when someone else fits
        skip = self.questioner
        last = self.history[-1]
        if (last is not skip and not last.parts and (last.entry is not None or " from " in (last.key or "")) and last.gender is None
                and last.kind != "group"):  # (or a representative: "A young person from the CiCC said ... He also said")
            return last  # the subject just before, whose gender the document does not give
        for s in reversed(self.history):
            if s.parts or s is skip:
                continue
            if s.gender == gender:
                return s
        for s in reversed(self.history):
            if not s.parts and s is not skip and s.gender is None and s.kind not in ("group",):
                return s
        if skip is not None and skip.gender in (gender, None):
            return skip
        last = self.history[-1]
        return None if last.kind == "group" and last.entry is None else last  # "She" is never "the Committee"
