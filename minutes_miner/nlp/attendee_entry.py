"""One entry of an attendance list: the name, the title, and the kind the title implies
("Jane Smith (Head of Early Help)" -> officer, "Sue Chandler, Cabinet Member for ..." -> cabinet_member)."""
from __future__ import annotations

import re
from functools import lru_cache

from minutes_miner.models import AttendeeMention

from . import rules
from .textnorm import collapse

_PARTIES = {
    "lab", "labour", "con", "conservative", "conservatives", "ld", "lib dem", "lib dems", "liberal democrat", "liberal democrats",
    "green", "greens", "green party", "ind", "independent", "independents", "reform", "reform uk", "pc", "plaid", "plaid cymru",
    "snp", "ukip", "res", "residents", "residents' association", "ra", "lib", "l", "c", "g", "i", "r", "labour co-op", "lab co-op",
}
INITIALS = re.compile(r"^[A-Z]{2,4}$")


@lru_cache(maxsize=4)
def post_nominals(keep: tuple[str, ...] = ()) -> re.Pattern:
    """Post-nominals (data "honours") after a name: "Dr Nisha Varadarajan FFPH" is Dr Nisha Varadarajan."""
    honours = sorted((h for h in rules.people()["honours"] if h not in keep), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, honours))
    return re.compile(rf"(?:\s*,)?\s+(?:{alternatives})\b\.?")


_EXTERNAL_RX: re.Pattern | None = None


def _external_rx() -> re.Pattern:
    global _EXTERNAL_RX
    if _EXTERNAL_RX is None:
        markers = rules.people()["external_markers"]
        long = [re.escape(m) for m in markers if len(m) > 3]
        short = [re.escape(m) for m in markers if len(m) <= 3]
        _EXTERNAL_RX = re.compile(r"(?i:\b(?:" + "|".join(long) + r")\b)|\b(?:" + "|".join(short) + r")\b")
    return _EXTERNAL_RX


# a seat on the committee, not a job: "Committee Member", "Co-opted Member (Parent Governor)",
# "Independent Member", "Councillor" ("Member of the Youth Council" is left to the markers)
_MEMBER_TITLE = re.compile(
    r"^(?:(?:committee|panel|board|co-opted|coopted|independent|substitute|lay|elected|voting|non-voting|ordinary)\s+)*"
    r"(?:member|councillor)\b(?!\s+of\b)|^substitut(?:e|ing)\b"
)


# councillors' and co-optees' roles that are neither chair nor cabinet
_MEMBER_ROLE = re.compile(r"\b(?:opposition|shadow|group leader|parent governor|co-opted|coopted|non-executive member)\b"
                          # the seats of an education committee: "Religious Representative", "Church in Wales Representative"
                          r"|\b(?:religious|church|diocesan|denominational|teacher|parent|pupil)\s+(?:[\w'’]+\s+){0,3}representative\b")
_TRAILING_INITIALS = re.compile(r"\s*\([A-Z]{2,4}\)\s*$")
# the route onto an appointed body, named as a kind of member: "Secretary of State Member", "Parish Member",
# "Local Authority Member" (a National Park Authority's, a fire authority's); not "Staff Member"
_SEAT_MEMBER = re.compile(r"^(?!(?:staff|team|family)\b)(?:[a-z][\w'’-]*\s+){1,4}member$")
_CHAIR_TAG = re.compile(r"\((?:chair|chairman|chairwoman|chairperson|in the chair)\)\s*$")
# the chair of the meeting's own body ("Chair of the Group" in a task-and-finish group's key), not of a partner's board
_OWN_CHAIR = re.compile(r"^(?:the\s+)?chair(?:man|woman|person)?\s+of\s+the\s+(?:(?:task and finish |working |review |scrutiny )?group|panel|committee|sub-committee|meeting|review)\b")
# the independent chair of a partnership's board ("Independent Chair, Wyndle Safeguarding Adults Board"), not of the committee
_PARTNER_CHAIR = re.compile(r"^(?:the\s+)?independent\s+chair(?:man|person)?\b(?!.*\b(?:committee|panel)\b).*\b(?:board|partnership|trust|forum|alliance|network)\b")
# an address for a title: "Mr D. Hartigan of Quarry Road asked": a resident
_ADDRESS = re.compile(r"(?:\d+[a-z]?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:Road|Street|Lane|Avenue|Close|Crescent|Drive|Terrace|Gardens|Grove|Way|Place|Court|Mews|Rise|Row|Walk)")
# council services whose names contain a partner's word ("Virtual School Headteacher")
_COUNCIL_SERVICE = re.compile(r"\bvirtual school\b")


@lru_cache(maxsize=4096)
def _title_kind(title: str | None) -> str | None:
    if not title:
        return None
    data = rules.people()
    low = _TRAILING_INITIALS.sub("", title).lower().strip()  # "Cabinet Member for Public Health (Chair) (DS)"
    if (low in data["chair_titles"] or low.split(",")[-1].strip() in data["chair_titles"] or (low.split(",")[0].strip() in data["chair_titles"] and any(m in low for m in data["cabinet_markers"]))
            or any(p.strip() in data["chair_titles"] for p in low.split(";")) or _CHAIR_TAG.search(low) or _OWN_CHAIR.match(low)
            or (low.split(",")[0].strip() in data["chair_titles"] and _SEAT_MEMBER.match(low.split(",")[-1].strip()))):
        return "chair"  # "Chair", "Independent Member, Chair", "Chair; Cabinet Member", "Chair, Cabinet Member for Health" (not "Co-Chair, Youth Forum")
    if re.search(r"\b(?:vice[- ]?chair|vice[- ]?conven[eo]r|depute conven[eo]r)", low) or _MEMBER_ROLE.search(low):
        # "Vice-Chair, Clinical Lead, Ashcombe ICB": a partner's member of a joint board is external
        partner = "," in low and not _MEMBER_ROLE.search(low) and _external_rx().search(title.split(",", 1)[1]) and not _COUNCIL_SERVICE.search(low)
        return "external" if partner else "member"
    if any(m in low for m in data["cabinet_markers"]) or re.match(r"^(?:the\s+)?(?:deputy\s+)?leader\b", low):
        return "cabinet_member"
    if low.startswith("deputy cabinet"):
        return "cabinet_member"
    if _MEMBER_TITLE.match(low) or _SEAT_MEMBER.match(low):  # "Committee Member", "Co-opted Member (Parent Governor)", "Parish Member"
        return "member"
    if (_external_rx().search(title) and not _COUNCIL_SERVICE.search(low)) or _PARTNER_CHAIR.match(low) or _ADDRESS.fullmatch(title.strip()):
        return "external"
    return "officer"


def names_a_job(title: str) -> bool:
    """A title with a job in it ("Head of Inclusion", "Clerk"), not only a body ("Roman Catholic Church")."""
    heads = _job_words()
    return any(w.strip(",.()") in heads for w in title.split())


@lru_cache(maxsize=1)
def _job_words() -> frozenset[str]:
    data = rules.people()
    words = {h.split()[-1] for h in data["role_heads"]} | {"Clerk", "Chair", "Chairman", "Leader", "Member", "Convener"}
    return frozenset(words)


def title_kind(title: str | None) -> str | None:
    """Kind implied by a job title or role: chair, cabinet_member, external, officer (None if no title)."""
    return _title_kind(title)


_TRAILING_BRACKET = re.compile(r"\s*\([A-Za-z&'’-]{1,30}\)$")  # one word: a service, not a name


def looks_like_title(text: str) -> bool:
    """A list part that is a job title for the previous name ("Sue Chandler, Cabinet Member for ...")."""
    text = _TRAILING_BRACKET.sub("", text)  # "Strategic Finance Business Partner (Adults)"
    if "(" in text:
        return False
    data = rules.people()
    starters = {h.split()[0].lower() for h in data["role_heads"]} | {m.lower() for m in data["role_modifiers"]}
    starters |= {"leader", "chair", "chairman", "chairwoman", "vice-chair", "vice", "deputy", "co-chair", "member"}
    words = text.split()
    return bool(words) and words[0].lower() in starters


_NAMEISH = re.compile(r"^[A-ZÀ-ÞŴŶ][\w'’.\-]*(?:\s+[A-ZÀ-ÞŴŶ][\w'’.\-]*){0,5}$")


def initials_of(text: str, name: str) -> bool:
    """"RA" for "Canon Richard Ambrose", "JT" for "Joel Thistlewood" (first and last, or every word)."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return len(words) >= 2 and text in ("".join(w[0] for w in words), words[-2][0] + words[-1][0], words[0][0] + words[-1][0])


def parse_entry(part: str, status: str, default_kind: str | None, plural_prefix: str | None) -> AttendeeMention | None:
    part = part.strip(" .:-–*•")
    title = None
    party = None
    ward = None
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<paren>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?P<rest>.*)$", part)
    swapped = role_first(part)
    dashed = re.match(r"^(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+)\s+[-–]\s+(?P<title>.+)$", part)
    if swapped:
        name, title = swapped
    elif dashed:
        name, title = dashed.group("name"), dashed.group("title").strip()  # "Kieran Maddox – Head of Operations (Wyke), ..."
    elif m:
        name = m.group("name").strip()
        paren = collapse(m.group("paren"))
        rest = m.group("rest").strip(" ,-–")
        if INITIALS.match(paren) and rest:
            # "Joel Thistlewood (JT), Corporate Director", "Jane Smith (JS) (Head of Finance)": initials, then the job;
            # the initials are kept at the end of the title, where ``split_initials`` finds them
            title = f"{rest.strip(' ()')} ({paren})"
        elif INITIALS.match(paren) and initials_of(paren, name):
            title = paren  # "Canon Richard Ambrose (RA)": his initials, not the Residents' Association
        elif paren.lower() in _PARTIES or re.fullmatch(r"[A-Z][a-z]{0,3}\.?(?:\s?(?:Co-op|Dem))?", paren) and paren.lower().rstrip(".") in _PARTIES:
            party = paren
        else:
            title = paren
            second = re.fullmatch(r"\(([^()]+)\)", rest)
            initials_after = re.fullmatch(r"\(([A-Z]{2,4})\)", rest)
            if (second and not initials_after and _title_kind(paren) not in ("chair", "member", "cabinet_member")
                    and not names_a_job(paren)):
                # "Councillor Bernadette QUILLIAM (Holmfield) (Chair)": the ward, then the role
                ward, title = paren, collapse(second.group(1))
            elif initials_after and initials_of(initials_after.group(1), name):
                title = f"{paren} ({initials_after.group(1)})"  # "Mrs S. Jones (Town Clerk) (SJ)"
            elif _CHAIR_TAG.fullmatch(rest.lower()):
                title = f"{paren} {rest}"  # "Councillor Ruth Pryor (Leader of the Council) (Chair)": in the chair
            elif (m.group("rest").lstrip().startswith((",", "-", "–")) and looks_like_title(rest) and not names_a_job(paren)
                    and _title_kind(paren) not in ("chair", "member", "cabinet_member")):
                # "Councillor Malcolm Fenn (Westwood), Portfolio Holder for Communities": the ward, then the role
                ward, title = paren, rest
        if rest and not title:
            title = rest
    else:
        m2 = re.match(r"^(?P<name>.+?)\s+[-–]\s+(?P<title>.+)$", part)
        if m2:
            name, title = m2.group("name").strip(), m2.group("title").strip()
        else:
            name = part
    name = post_nominals(keep=("MP", "PhD")).sub("", name).strip(" ,")
    if plural_prefix and not re.match(r"^(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor)\b", name):
        name = f"{plural_prefix} {name}"
    if not name or len(name.split()) > 7 or any(ch.isdigit() for ch in name) or not _NAMEISH.match(name):
        return None
    if _is_bare_title(name):
        return None  # "OFFICERS: Director of Adult Services; Principal Social Worker; ...": roles, nobody named
    return AttendeeMention(name=name, kind=_listed_kind(name, title, default_kind), title=title, status=status, party=party, ward=ward)


def _is_bare_title(name: str) -> bool:
    """A list entry that is a job title with nobody named: "Principal Social Worker", "Strategic Finance Manager"."""
    words = name.split()
    return len(words) >= 2 and words[-1] in _job_words() and looks_like_title(name) and words[0] not in rules.people()["honorifics"]


#: the default kind of a list of co-opted members: members, whatever body their title names
CO_OPTED = "co-opted"


def _listed_kind(name: str, title: str | None, default_kind: str | None) -> str:
    """The kind of someone a list names, from their title and the list's label."""
    if default_kind == CO_OPTED:
        return "chair" if _title_kind(title) == "chair" else "member"
    kind = _title_kind(title) or default_kind or "unknown"
    if default_kind == "member" and kind == "officer" and not (title and names_a_job(title)):
        kind = "member"  # a member listed with the body they represent: "Ms Teresa Quinn (Roman Catholic Church)"
    if default_kind == "external" and kind == "officer":
        kind = "external"  # "Auditors: Mr Desai (Head of Internal Audit, Tolland Audit Partnership)": a partner's officer
    if re.match(r"^(?:Councillor|Cllr|County Councillor|Cynghorydd)\b", name) and kind in ("officer", "unknown"):
        kind = "member"
    return kind


# one entry of a list separated by semicolons, the person then their title after a comma: "Anita Rowe (AR),
# Headteacher, St Oswin's Primary School (primary maintained)", "Jo Hemmings (JH) (Chair), Headteacher, ..."
_NAME_THEN_TITLE = re.compile(r"^(?P<who>(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+(?:\s*\([^()]{1,40}\))*)\s*,\s*(?P<title>\w.*)$")
# another person further on: "Councillors Tom Garside (Leader), Nadia Rahimi (Cabinet Member ...)" is not one entry
_PERSON_IN = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z]|[A-Z][a-z'’-]+\s+[A-Z][\w'’-]+\s*\((?![a-z0-9])")
_PLURAL_START = re.compile(r"^(?:Councillors|Cllrs)\b")
_TITLE_INITIALS = re.compile(r"^(?:(?P<t>.+?)\s+)?\(?(?P<i>[A-Z]{2,4})\)?$")


def name_then_title(chunk: str, status: str, default_kind: str | None) -> AttendeeMention | None:
    m = _NAME_THEN_TITLE.match(chunk)
    if not m or looks_like_title(m.group("who")) or _PERSON_IN.search(m.group("title")) or _PLURAL_START.match(chunk):
        return None
    e = parse_entry(m.group("who"), status, default_kind, None)
    if e is None:
        return None
    mi = _TITLE_INITIALS.match(e.title or "")
    first, initials = (mi.group("t"), mi.group("i")) if mi else (e.title, None)
    title = ", ".join(t for t in (first, m.group("title")) if t) + (f" ({initials})" if initials else "")
    kind = "chair" if e.kind == "chair" or _title_kind(first) == "chair" else _listed_kind(e.name, title, default_kind)
    return AttendeeMention(e.name, kind, title, e.status, e.party, e.ward)


_ROLE_FIRST = re.compile(r"^(?:[Tt]he\s+)?(?P<role>[^()]+?)\s*\((?P<name>[^()]+)\)\s*(?P<chair>(?i:in\s+the\s+chair))?\s*$")


@lru_cache(maxsize=1)
def _fixed_roles() -> frozenset[str]:
    """Role phrases written as a title ("Mayor", "Deputy Mayor", "Leader of the Council")."""
    data = rules.people()
    phrases = {re.sub(r"^the\s+", "", ph.lower()) for r in data["roles"] for ph in r["phrases"]}
    return frozenset(phrases | set(data["chair_titles"]))


def role_first(part: str) -> tuple[str, str] | None:
    """(name, title) of an entry written role first with the name in brackets: "Head of Housing
    and Homelessness (Lesley Dickson)", "Consultant Community Paediatrician, NHS Corran (Dr
    Kenneth Baxter)", "The Mayor (Councillor Patience Adeyemi) in the Chair"."""
    m = _ROLE_FIRST.match(part.strip(" .:-–*•"))
    if not m:
        return None
    role, name = collapse(m.group("role")).strip(" ,"), collapse(m.group("name"))
    data = rules.people()
    heads = {h.split()[-1] for h in data["role_heads"]}
    first_names = set(data["first_names"]["f"]) | set(data["first_names"]["m"])
    if (role.split()[0] in data["honorifics"] or role.split()[0] in first_names) and role.lower() not in _fixed_roles():
        return None  # "Inspector Raj Gill (Wexcombe Police)": a person, then where they are from (but "The Lord Mayor (...)")
    if not (looks_like_title(role) or role.split()[-1] in heads or role.lower() in _fixed_roles()):
        return None
    if m.group("chair") and _title_kind(role) != "chair":
        role += ", in the Chair"
    words = name.split()
    if not (2 <= len(words) <= 5 and _NAMEISH.match(name)) or looks_like_title(name) or words[-1] in heads:
        return None
    if _title_kind(name) == "external" and words[0] not in data["honorifics"] and words[0] not in first_names:
        return None  # an organisation in the brackets
    return name, role


# entries on lines run together (hard-wrapped text, printed PDFs): "... (Chair, Cabinet Member for


def name_then_title_any(text: str, status: str, default_kind: str | None) -> AttendeeMention | None:
    """One person "Name, Title" or "Name (Title)" or "Name – Title"."""
    m = re.match(r"^(?P<who>(?:[A-Z][\w'’.-]*\s+){1,5}[A-Z][\w'’-]+)\s*,\s*(?P<title>\S.*)$", text)
    if m:
        e = parse_entry(m.group("who"), status, default_kind, None)
        if e is None:
            return None
        title = m.group("title").strip()
        kind = _listed_kind(e.name, title, default_kind) if e.kind not in ("chair",) else e.kind
        return AttendeeMention(e.name, kind, title, e.status, e.party, e.ward)
    return parse_entry(text, status, default_kind, None)
