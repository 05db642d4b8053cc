"""People known in one document: from the roster, attendance lists and mentions in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import rules
from .attendee_entry import INITIALS, names_a_job, post_nominals, title_kind
from .textnorm import collapse, normalise

KIND_RANK = {"roster": 4, "attendance_role": 3, "title": 2, "list": 1, "honorific": 1, "guess": 0}


def _honorifics() -> list[str]:
    return sorted(rules.people()["honorifics"], key=len, reverse=True)


@dataclass
class Entry:
    surname: str
    first: str | None = None
    initials: str = ""
    honorific: str | None = None
    gender: str | None = None
    title: str | None = None
    kind: str | None = None
    kind_rank: int = -1
    forms: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.surname.lower()

    def best_form(self) -> str:
        def score(form: str) -> tuple:
            hon, first, initials, _sur = split_name(form)
            return (first is not None, hon is not None, len(initials), len(form))

        return max(self.forms, key=score)

    def set_kind(self, kind: str | None, rank: int) -> None:
        if kind and rank > self.kind_rank:
            self.kind, self.kind_rank = kind, rank


def _says_more(honorific: str, than: str) -> bool:
    return _honorific_rank(honorific) > _honorific_rank(than)


def _honorific_rank(honorific: str) -> tuple[bool, bool]:
    info = rules.people()["honorifics"].get(honorific, {})
    return info.get("kind") is not None, info.get("gender") is not None


@lru_cache(maxsize=20000)
def split_name(name: str) -> tuple[str | None, str | None, str, str]:
    """(honorific, first name, initials, surname) of a person's name as written."""
    text = collapse(normalise(name)).strip(" ,.")
    text = post_nominals().sub("", text)
    hon = None
    stacked = True
    while stacked:  # "Professor Dame Miriam Okonkwo-Shaw": the honorific that says most (a kind, then a gender) is kept
        stacked = False
        for h in _honorifics():
            if text == h or text.startswith((h + " ", h + ". ")):  # "Supt. Karen Bligh" is Supt Karen Bligh
                if hon is None or _says_more(h, hon):
                    hon = h
                text = text[len(h):].lstrip(".").strip()
                stacked = bool(text)
                break
    text = re.sub(r"\s*-\s*", "-", text)
    words = text.split()
    if not words:
        return hon, None, "", ""
    surname = words[-1]
    first = None
    initials = ""
    for w in words[:-1]:
        bare = w.replace(".", "")
        if len(bare) <= 2 and bare.isupper():
            initials += bare
        elif first is None:
            first = w
            initials += w[0]
        else:
            initials += w[0]
    return hon, first, initials, surname


class People:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._by_surname: dict[str, list[Entry]] = {}
        self.uses_councillor_titles = False
        self._genders = rules.people()["first_names"]
        self._female = set(self._genders["f"])
        self._male = set(self._genders["m"])
        self._hon_info = rules.people()["honorifics"]
        self._hon_kind = {hon: info.get("kind") for hon, info in self._hon_info.items()}
        self._lookup_cache: dict = {}
        self._title_cache: dict = {}
        self._holders_cache: dict = {}
        self._title_count = 0  # titles held by all entries together (they are only ever added)
        self._add_memo: dict = {}
        self._version = 0  # bumped by every change to the people known
        self._aliases: dict[str, Entry | None] = {}  # "JT" -> Joel Thistlewood; None when two people share it

    # -- registration --------------------------------------------------------
    def _gender(self, hon: str | None, first: str | None) -> str | None:
        if hon and self._hon_info.get(hon, {}).get("gender"):
            return self._hon_info[hon]["gender"]
        if first in self._female:
            return "f"
        if first in self._male:
            return "m"
        return None

    def add(self, name: str, kind: str | None = None, title: str | None = None, rank: str = "guess") -> Entry | None:
        """The person ``name`` registered (or updated) and returned; None for no name."""
        # A document registers the same mentions over and over: a repeat of an add that changed
        # nothing since it was last made is a no-op, answered from the memo.
        memo_key = (name, kind, title, rank)
        hit = self._add_memo.get(memo_key)
        if hit is not None and hit[0] == self._version:
            return hit[1]
        entry = self._add(name, kind, title, rank)
        self._add_memo[memo_key] = (self._version, entry)
        return entry

    def _add(self, name: str, kind: str | None, title: str | None, rank: str) -> Entry | None:
        hon, first, initials, surname = split_name(name)
        if not surname or not surname[:1].isupper():
            return None
        alias = None
        if title:
            title, alias = split_initials(title, name)  # "Joel Thistlewood (JT)": initials, not a job title
        if hon and self._hon_kind.get(hon) == "member" and not self.uses_councillor_titles:
            self.uses_councillor_titles = True
            self._version += 1
        entry = self._match(hon, first, initials, surname)
        if entry is None:
            entry = Entry(surname=surname)
            self.entries.append(entry)
            self._by_surname.setdefault(surname.lower(), []).append(entry)
            self._version += 1
        before = self._observed(entry)
        form = collapse(name).strip(" ,.")
        form = _FORM_HONOURS.sub("", form)
        if form not in entry.forms:
            entry.forms.append(form)
        entry.first = entry.first or first
        if len(initials) > len(entry.initials):
            entry.initials = initials
        if hon and (entry.honorific is None or self._hon_kind.get(hon)):
            entry.honorific = hon
        entry.gender = entry.gender or self._gender(hon, first)
        if title:
            t = collapse(title)
            if not entry.title:
                entry.title = t
            if t not in entry.titles:
                entry.titles.append(t)
                self._title_count += 1
        hon_kind = self._hon_kind.get(hon) if hon else None
        if hon_kind:
            entry.set_kind(hon_kind, KIND_RANK["honorific"])
        if kind:  # a kind stated by the list or roster outranks one read off a title of the same rank
            entry.set_kind(kind, KIND_RANK.get(rank, 0))
        if title:
            tk = title_kind(title)
            if tk == "officer" and (hon_kind in ("member", "external") or (kind == "member" and not names_a_job(title))):
                tk = None  # "Councillor Ruth Aske (Ousewold District Council)", "Ms Teresa Quinn (Roman Catholic Church)"
            if tk == "external" and kind == "member" and rank != "guess" and not names_a_job(title):
                tk = None  # a list's co-opted member: "Co-opted tenant representatives: Mrs Khan (Tenants' Federation)"
            if tk:
                entry.set_kind(tk, KIND_RANK["attendance_role"] if tk in ("chair", "cabinet_member") else KIND_RANK["title"])
        if alias:
            self.alias(alias, entry)
        if before != self._observed(entry):
            self._version += 1
        return entry

    def alias(self, initials: str, entry: Entry) -> None:
        """``initials`` name ``entry`` from now on ("Dr Ifeoma Okafor (IO) ... IO replied")."""
        new = entry if self._aliases.get(initials, entry) is entry else None  # shared initials say nothing
        if initials not in self._aliases or self._aliases[initials] is not new:
            self._aliases[initials] = new
            self._version += 1

    def _observed(self, entry: Entry) -> tuple:
        """What the rest of the analysis can see of an entry. Of its honorific only the class (and
        whether there is one) counts: "Cllr" and "Councillor" taking turns change nothing."""
        hon_class = self._hon_kind.get(entry.honorific) if entry.honorific else None
        return (entry.first, entry.initials, entry.honorific is None, hon_class, entry.gender, entry.title, entry.kind,
                entry.kind_rank, len(entry.forms), len(entry.titles))

    def _match(self, hon: str | None, first: str | None, initials: str, surname: str) -> Entry | None:
        cands = self._by_surname.get(surname.lower(), [])
        if not cands:
            return self._by_first_name_honorific(hon, first, initials, surname)
        gender = self._gender(hon, first)
        hon_class = self._hon_kind.get(hon) if hon else None
        good = []
        for e in cands:
            e_class = self._hon_kind.get(e.honorific) if e.honorific else None
            if hon_class and e_class and hon_class != e_class:
                continue
            if first and e.first and first.lower() != e.first.lower():
                continue
            if initials and e.initials and initials[0] != e.initials[0]:
                continue
            if gender and e.gender and gender != e.gender:
                continue
            good.append(e)
        if not good:
            return None
        if len(good) == 1:
            return good[0]
        exact = [e for e in good if first and e.first == first] or [e for e in good if initials and e.initials[:1] == initials[:1]]
        return exact[0] if exact else good[-1]

    def _by_first_name_honorific(self, hon: str | None, first: str | None, initials: str, word: str) -> Entry | None:
        """"Dame Miriam", "Sir Keith": the one person of that first name who bears the honorific."""
        if not hon or first or initials or not self._hon_info.get(hon, {}).get("with_first_name"):
            return None
        w = word.lower()
        holders = [e for e in self.entries if e.first and e.first.lower() == w and any(hon in f.split() for f in e.forms)]
        return holders[0] if len(holders) == 1 else None

    # -- lookup --------------------------------------------------------------
    def lookup(self, name: str) -> Entry | None:
        key = (name, len(self.entries))
        hit = self._lookup_cache.get(key, False)
        if hit is not False:
            return hit
        hit = self._lookup(name)
        self._lookup_cache[key] = hit
        return hit

    def _lookup(self, name: str) -> Entry | None:
        hon, first, initials, surname = split_name(name)
        if not surname:
            return None
        return self._match(hon, first, initials, surname)

    def by_single_word(self, word: str) -> Entry | None:
        """A first name or surname used alone ("Rachel provided ...", "Goss said ..."), or the
        initials the document gave someone ("JT advised ...")."""
        if word in self._aliases:
            return self._aliases[word]
        if INITIALS.match(word):
            return self._by_title_acronym(word)
        w = word.lower()
        firsts = [e for e in self.entries if e.first and e.first.lower() == w]
        if len(firsts) == 1:
            return firsts[0]
        sur = self._by_surname.get(w, [])
        if len(sur) == 1:
            return sur[0]
        return None

    def _by_title_acronym(self, acronym: str) -> Entry | None:
        """The one person whose job title has these initials ("the CFO" for the Chief Fire Officer)
        or carries the acronym ("Strategic Director of Children's Services – DCS")."""
        holders = [e for e in self.entries if any(title_initials(t) == acronym for t in e.titles)]
        if not holders:
            word = re.compile(r"(?<![\w])" + re.escape(acronym) + r"(?![\w])")
            holders = [e for e in self.entries if any(word.search(t) for t in e.titles)]
        return holders[0] if len(holders) == 1 else None

    def by_acronym(self, acronym: str) -> Entry | None:
        return self._by_title_acronym(acronym) if INITIALS.match(acronym) else None

    def by_title(self, role: str) -> Entry | None:
        """The one person whose title is this role ("Director of Children's Services")."""
        key = (role, len(self.entries), self._title_count)
        if key not in self._title_cache:
            self._title_cache[key] = self._by_title(role)
        return self._title_cache[key]

    def _by_title(self, role: str) -> Entry | None:
        holders = self.title_holders(role)
        return holders[0] if len(holders) == 1 else None

    def title_holders(self, role: str) -> list[Entry]:
        """Everyone whose title is this role, most exactly first: the title itself; the chair; a
        title starting with it ("the Director" for "Director of Housing"); one ending with it
        ("the Commissioner" for the "Police and Crime Commissioner")."""
        ward = _WARD_MEMBER.match(role)
        if ward:
            # "The Member for Eastfield": the councillor listed with the ward ("Joan Pell (Eastfield)")
            w = _title_norm(ward.group("ward"))
            by_ward = [e for e in self.entries if any(_title_norm(t) == w for t in e.titles)]
            if by_ward:
                return by_ward
        owned = _POSSESSIVE_ROLE.match(role)
        if owned:
            return self._owned_holders(owned.group("org"), owned.group("role"))
        words = role.split()
        if len(words) >= 2 and INITIALS.match(words[0]):
            # "the CSP Manager" (Community Safety Partnership Manager), "the ICB Place Director" (Place Director,
            # ... Integrated Care Board): the acronym spelt by the capitals of the holder's title
            acr, rest = words[0], " ".join(words[1:])
            spelt = [e for e in self.title_holders(rest) if any(acr in _capitals(t) for t in e.titles)]
            if spelt:
                return spelt
        r = _title_norm(role)
        if not r:
            return []
        # the entries and their titles only grow: the holders by title are known until they do
        key = (r, len(self.entries), self._title_count)
        by_title = self._holders_cache.get(key)
        if by_title is None:
            by_title = self._holders_cache[key] = self._holders_by_title(r)
        if by_title:
            return list(by_title)
        if r in _CHAIR_WORDS:
            return [e for e in self.entries if e.kind == "chair"]
        # a rank written as an honorific: "Chief Constable Andrew Royce" ... "the Chief Constable"
        return [e for e in self.entries if e.honorific and r in _rank_names(e.honorific)]

    def _owned_holders(self, org: str, role: str) -> list[Entry]:
        """"the ICB's director", "the Trust's Medical Director": whoever holds the role in that organisation
        (its name or acronym in the title); "the Council's Director of Finance": the council's own."""
        r, o = _title_norm(role), _title_norm(org)
        if not r or not o:
            return []
        within = re.compile(r"\b" + re.escape(r) + r"\b")
        holders = [e for e in self.entries if any(within.search(_title_norm(t)) and (re.search(r"\b" + re.escape(o) + r"\b", _title_norm(t))
                                                                                      or (org.isupper() and org in _capitals(t)))
                                                  for t in e.titles)]
        if holders or title_kind(org) == "external":
            return holders
        return self.title_holders(role)

    def _holders_by_title(self, r: str) -> list[Entry]:
        exact = [e for e in self.entries if any(_title_norm(t) == r for t in e.titles)]
        if exact or r in _CHAIR_WORDS:
            return exact
        # "the External Auditor" for "Engagement Lead, Grainger Holt LLP, External Auditor"; "the Chief Executive of
        # Healthwatch Wealdmarsh" for "Chief Executive, Healthwatch Wealdmarsh"
        loose = _loose_title(r)
        same = [e for e in self.entries if any(_loose_title(_title_norm(t)) == loose or any(_title_norm(part) == r or _title_norm(part).startswith(r + " ")
                                                                                        for part in t.split(",")[1:])
                                               for t in e.titles)]
        if same:
            return same
        pref = [e for e in self.entries if any(_title_norm(t).startswith(r + " ") for t in e.titles)]
        if pref:
            return pref
        ends = [e for e in self.entries if any(_ends_with_role(_title_norm(_SERVICE_LIST.sub(" ", t).split(",")[0]), r) for t in e.titles)]
        if r not in _PARTNER_ROLES:
            # "the Director" is not the NHS trust's "Medical Director" (the Commissioner is the PCC, though)
            ends = [e for e in ends if not any(title_kind(t) == "external" for t in e.titles)]
        return ends

    def kind_of(self, entry: Entry) -> str:
        if entry.kind:
            return entry.kind
        if entry.title:
            return title_kind(entry.title) or "officer"
        if entry.honorific is None and self.uses_councillor_titles:
            return "officer"
        if entry.honorific in _PLAIN_HONORIFICS and self.uses_councillor_titles:
            return "external"  # "Mr Raman asked": in minutes that call members Councillor, no title, no list: the public
        return "unknown"


# the comma of a list of services inside a title, not one before an organisation: "Police, Fire and Crime Commissioner"
_SERVICE_LIST = re.compile(r"(?<=[A-Za-z]),\s+(?=(?:[A-Z][\w'’-]*\s+){1,2}(?:and|&)\s)")
_WARD_MEMBER = re.compile(r"^(?:the\s+)?(?:ward\s+)?(?:member|councillor)\s+for\s+(?P<ward>[A-Z].{1,40})$", re.IGNORECASE)
_POSSESSIVE_ROLE = re.compile(r"^(?:the\s+)?(?P<org>[A-Z][^'’]{1,60})['’]s\s+(?P<role>\S.*)$")
_FORM_HONOURS = re.compile(r",?\s+(?:OBE|MBE|CBE|KBE|DBE|BEM|JP|DL|KC|QC)\b\.?")
_CHAIR_WORDS = frozenset(("chair", "chairman", "chairwoman", "chairperson"))
#: roles that a partner's officer holds when the minutes say them bare ("the Commissioner", "the Chief Constable")
_PARTNER_ROLES = frozenset(("commissioner", "constable", "chief constable", "superintendent", "inspector", "chief inspector", "auditor",
                            "external auditor", "coroner", "ombudsman"))
_PLAIN_HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx"}
_TRAILING_INITIALS = re.compile(r"^(?P<title>.*?)\s*\((?P<i>[A-Z]{2,4})\)$")


def split_initials(title: str, name: str) -> tuple[str | None, str | None]:
    """(job title, initials) of an attendance title that holds the person's initials: "JT" ->
    (None, "JT"); "Director of Adult Social Care (LF)" -> ("Director of Adult Social Care", "LF")."""
    t = collapse(title).strip()
    if is_initials_of(t.strip("() "), name):
        return None, t.strip("() ")
    m = _TRAILING_INITIALS.match(t)
    if m and is_initials_of(m.group("i"), name):
        return m.group("title") or None, m.group("i")
    return title, None


def is_initials_of(text: str, name: str) -> bool:
    """``text`` is the initials of ``name``: "JT" for "Joel Thistlewood", "MFD" for "Mark
    Fenwick-Doyle", "IO" for "Dr Ifeoma Okafor"."""
    if not INITIALS.match(text):
        return False
    honorific, first, initials, surname = split_name(name)
    if not first and initials and surname:
        return text == initials + surname[0]  # "SJ" for "Mrs S. Jones"
    if not first or not surname:
        return False
    words = [w for part in collapse(normalise(name)).split() for w in part.split("-")]
    hon = honorific.split() if honorific else []
    letters = "".join(w[0] for w in words[len(hon):] if w[:1].isupper())
    return text in (letters, first[0] + surname[0], first[0] + "".join(p[0] for p in surname.split("-")))


def _ends_with_role(title: str, role: str) -> bool:
    """"police and crime commissioner" ends with "commissioner"; "chief finance officer to the
    commissioner" names the office served, not the holder; "deputy mayor" is not "mayor"."""
    return (title.endswith(" " + role) and not re.search(r"\b(?:to|of|for)\s+the\s+" + re.escape(role) + "$", title)
            and not re.search(r"\b(?:deputy|depute|vice|assistant)[\s-]+" + re.escape(role) + "$", title))  # the deputy is not the Mayor


@lru_cache(maxsize=4096)
def _capitals(title: str) -> str:
    """The initials of every capitalised word of a title: "Place Director, Wold Integrated Care Board" -> "PDWICB"."""
    return "".join(w[0] for w in re.split(r"[\s,()/-]+", title) if w[:1].isupper())


@lru_cache(maxsize=4096)
def title_initials(title: str) -> str:
    """"Assistant Chief Fire Officer" -> "ACFO" (capitalised words only; "of", "and" skipped)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", title.split(",")[0]) if w[:1].isupper())


def abbreviates_title(initials: str, title: str) -> bool:
    """``initials`` the minutes give a job title: "ACFO" for "Assistant Chief Fire Officer", or with
    the small words in lower case, "HoC" for "Head of Commissioning", "DoF" for "Director of Finance"."""
    if initials == title_initials(title):
        return True
    words = [w for w in re.split(r"[\s-]+", title.split(",")[0]) if w]
    return any(c.islower() for c in initials) and initials == "".join(w[0] for w in words if w[0].isupper() or w in _SMALL_TITLE_WORDS)


_SMALL_TITLE_WORDS = frozenset(("of", "for", "and", "in"))


@lru_cache(maxsize=20000)
@lru_cache(maxsize=256)
def _rank_names(honorific: str) -> frozenset[str]:
    """An honorific and, when abbreviated, what it stands for: "Supt Henshall" is "the Superintendent"."""
    full = rules.people()["honorifics"].get(honorific, {}).get("stands_for")
    return frozenset(_title_norm(h) for h in (honorific, full) if h)


def _loose_title(normed: str) -> str:
    """A normalised title without its linking words: "chief executive of healthwatch" -> "chief executive healthwatch"."""
    return collapse(re.sub(r"\b(?:of|for|at|the|to)\b", " ", normed))


def _title_norm(title: str) -> str:
    t = normalise(title).lower()
    t = re.sub(r"^(?:the|a|an)\s+", "", t.strip())
    t = t.replace("’", "'").replace(" & ", " and ")
    t = re.sub(r"[(),.:]", " ", t)
    t = re.sub(r"\s(?:and|&)\s", " ", " " + t + " ")  # "Finance, Resources" is "Finance and Resources"
    return collapse(t)
