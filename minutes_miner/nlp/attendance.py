"""Attendance lists: PRESENT:, ALSO PRESENT:, IN ATTENDANCE:, Apologies ..., Substitutes ..."""
from __future__ import annotations

import re
from functools import lru_cache

from minutes_miner.models import AttendeeMention

from . import rules
from .textnorm import collapse, repair

_KEY_LABEL_PATTERN = r"key to (?:initials|names|attendees)|key|initials(?: used)?"
_LABELS = [
    # (regex, status, default kind)
    (r"in attendance virtually|attending virtually|present virtually|virtual attendance|remote attendance|attending remotely", "virtual", None),
    (r"(?:also present|also in attendance|also attending)(?: for (?:minutes?|items?) [\w ,/&-]{1,30})?", "present", "member"),
    (r"officers? (?:present|in attendance)|in attendance|officers|staff present|attending officers", "present", "officer"),
    (r"witnesses|witnesses present|attending for (?:this|the) item|present for (?:this|the) item", "present", None),
    (r"(?:local authority|council|lead|supporting|clerking) officers?", "present", "officer"),
    (r"others?(?:\s+(?:attendees|present|in attendance))?", "present", None),
    # a body's own groups of members ("Schools members:", "Non-schools members:" of a Schools Forum): the title decides
    (r"(?:schools|non-schools|academy|maintained|voting|non-voting) members", "present", None),
    (r"observers?", "present", "external"),
    # informal notes name everyone by initials after a key: "Key to initials: JB – Councillor Jo Barraclough (Chair)"
    (_KEY_LABEL_PATTERN, "present", None),
    # a single-member decision session names its decision maker first: "Executive Member: Councillor Petra Lindqvist (...)"
    (r"(?:(?:executive|cabinet|lead) members?|portfolio holders?)(?: attending| in attendance| present)?|cabinet|decision[- ]maker", "present", "cabinet_member"),
    ((r"(?:members|councillors|committee members|panel members)\s+present|present|(?:committee|sub-committee|panel|board|commission|forum) members|(?:elected|voting|county|borough|district) members|members|councillors|attendees|religious representatives?|church representatives?|co-opted members?"
     r"|co-opted (?:[a-z]+\s+){0,3}(?:members?|representatives?)|independent members?|lay members?|tenant representatives?"), "present", "member"),
    (r"apologies for absence (?:were )?(?:received |submitted )?(?:from|on behalf of)|apologies (?:were |had been )?(?:received|submitted|given|tendered) (?:from|by|on behalf of)|apologies for absence|apologies|apologies received", "apologies", "member"),
    (r"substitutes?|substitute members?|substitutions?", "substitute", "member"),
    (r"absent|not present", "absent", "member"),
    ((r"external (?:attendees|guests|partners)|guests|partners present|in attendance \(partners\)"
     r"|(?:nhs|partner|health|police|partner organisation|(?:nhs\s+)?trust|icb|ccg)(?:\s+(?:and|&)\s+(?:other\s+)?partners?)? representatives?|(?:external |internal )?auditors?|representatives"
     r"|(?:nhs|health)(?:\s+(?:and|&)\s+(?:other\s+)?partners?)|partners"
     # "Partner attending for Minute 43:", "Partners in attendance:"
     r"|(?:partners?|guests?|witness(?:es)?)\s+(?:attending|in attendance|present)(?: for (?:minutes?|items?) [\w ,/&-]{1,30})?"
     # "Tenant and Leaseholder Panel (attending by invitation, non-voting):"
     r"|(?:tenants?|residents?|service users?|young people|parents?|carers?)(?:\s+and\s+leaseholders?)?(?:\s+(?:panel|forum|representatives?))?(?:\s*\([^()]{1,60}\))?"),
     "present", "external"),
]
_LABEL_RE = re.compile(
    # a label starts a line or follows a sentence, or (PDF lines run together) follows a closing bracket: "... (Head of Data) Also present:"
    r"(?:(?<=^)|(?<=[\n.;])|(?<=\)\s)(?=(?-i:[A-Z])[^:\n]{2,60}:))\s*(?P<label>" + "|".join(f"(?:{p})" for p, _, _ in _LABELS) + r")\s*(?::|-|–|(?<=from)|(?<=behalf of)|(?<=by))\s*",
    re.IGNORECASE,
)
_LINE_LABEL = re.compile(r"^\s*(?P<label>" + "|".join(f"(?:{p})" for p, _, _ in _LABELS) + r")\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)


def list_label(line: str) -> tuple[str, str, str | None, str] | None:
    """(label, status, default kind, rest of the line) of a line that opens an attendance list:
    "Auditors: Ms Tamsin Garrow (...)", "Also present for minute 42: Councillor ...", "NHS representatives:"."""
    m = _LINE_LABEL.match(line)
    if not m:
        return None
    label = m.group("label")
    for pat, status, kind in _LABELS:
        if re.fullmatch(pat, label, re.IGNORECASE):
            return label, status, kind, m.group("rest")
    return None


_VIRTUAL_SENTENCE = re.compile(r"(?P<names>[^.]{3,400}?)\s+(?:were|was) (?:in attendance|present|attending) (?:virtually|remotely|online)", re.IGNORECASE)
_FOR_ITEM = re.compile(r"(?P<names>[^.]{3,500}?)\s+(?:were|was) (?:in attendance|present) (?:for|during) (?:this|the) item", re.IGNORECASE)
# the verb both sentences need: their names part is tried for up to 500 characters at every position,
# seconds on a long list, so they are searched only in a text that has it
_ATTENDING_VERB = re.compile(r"(?:were|was) (?:in attendance|present|attending)", re.IGNORECASE)

_PARTIES = {
    "lab", "labour", "con", "conservative", "conservatives", "ld", "lib dem", "lib dems", "liberal democrat", "liberal democrats",
    "green", "greens", "green party", "ind", "independent", "independents", "reform", "reform uk", "pc", "plaid", "plaid cymru",
    "snp", "ukip", "res", "residents", "residents' association", "ra", "lib", "l", "c", "g", "i", "r", "labour co-op", "lab co-op",
}
_INITIALS = re.compile(r"^[A-Z]{2,4}$")


@lru_cache(maxsize=4)
def post_nominals(keep: tuple[str, ...] = ()) -> re.Pattern:
    """Post-nominals (data "honours") after a name: "Dr Nisha Varadarajan FFPH" is Dr Nisha Varadarajan."""
    honours = sorted((h for h in rules.people()["honours"] if h not in keep), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, honours))
    return re.compile(rf"(?:\s*,)?\s+(?:{alternatives})\b\.?")


@lru_cache(maxsize=1)
def _honours_only() -> re.Pattern:
    alternatives = "|".join(map(re.escape, rules.people()["honours"]))
    return re.compile(rf"^(?:{alternatives})$")


def _split_top_semicolons(text: str) -> list[str]:
    """Split a list on semicolons outside parentheses."""
    parts: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _split_top(text: str) -> list[str]:
    """Split a list on commas, semicolons and ' and ' outside parentheses."""
    parts: list[str] = []
    depth = 0
    buf: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",;":
            parts.append("".join(buf))
            buf = []
            i += 1
            continue
        if depth == 0 and text.startswith(" and ", i):
            parts.append("".join(buf))
            buf = []
            i += 5
            continue
        if depth == 0 and text.startswith(" & ", i):
            parts.append("".join(buf))
            buf = []
            i += 3
            continue
        buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return [p.strip(" .\n\t") for p in parts if p.strip(" .\n\t")]


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
_MEMBER_ROLE = re.compile(r"\b(?:opposition|shadow|group leader|parent governor|co-opted|coopted|non-executive member)\b")
_CHAIR_TAG = re.compile(r"\((?:chair|chairman|chairwoman|chairperson|in the chair)\)\s*$")
# the chair of the meeting's own body ("Chair of the Group" in a task-and-finish group's key), not of a partner's board
_OWN_CHAIR = re.compile(r"^(?:the\s+)?chair(?:man|woman|person)?\s+of\s+the\s+(?:(?:task and finish |working |review |scrutiny )?group|panel|committee|sub-committee|meeting|review)\b")
# council services whose names contain a partner's word ("Virtual School Headteacher")
_COUNCIL_SERVICE = re.compile(r"\bvirtual school\b")


@lru_cache(maxsize=4096)
def _title_kind(title: str | None) -> str | None:
    if not title:
        return None
    data = rules.people()
    low = title.lower().strip()
    if (low in data["chair_titles"] or low.split(",")[-1].strip() in data["chair_titles"] or (low.split(",")[0].strip() in data["chair_titles"] and any(m in low for m in data["cabinet_markers"]))
            or any(p.strip() in data["chair_titles"] for p in low.split(";")) or _CHAIR_TAG.search(low) or _OWN_CHAIR.match(low)):
        return "chair"  # "Chair", "Independent Member, Chair", "Chair; Cabinet Member", "Chair, Cabinet Member for Health" (not "Co-Chair, Youth Forum")
    if re.search(r"\b(?:vice[- ]?chair|vice[- ]?conven[eo]r|depute conven[eo]r)", low) or _MEMBER_ROLE.search(low):
        return "member"
    if any(m in low for m in data["cabinet_markers"]) or re.match(r"^(?:the\s+)?(?:deputy\s+)?leader\b", low):
        return "cabinet_member"
    if low.startswith("deputy cabinet"):
        return "cabinet_member"
    if _MEMBER_TITLE.match(low):  # "Committee Member", "Co-opted Member (Parent Governor)"
        return "member"
    if _external_rx().search(title) and not _COUNCIL_SERVICE.search(low):
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


def _looks_like_title(text: str) -> bool:
    """A list part that is a job title for the previous name ("Sue Chandler, Cabinet Member for ...")."""
    text = _TRAILING_BRACKET.sub("", text)  # "Strategic Finance Business Partner (Adults)"
    if "(" in text:
        return False
    data = rules.people()
    starters = {h.split()[0].lower() for h in data["role_heads"]} | {m.lower() for m in data["role_modifiers"]}
    starters |= {"leader", "chair", "chairman", "chairwoman", "vice-chair", "vice", "deputy", "co-chair", "member"}
    words = text.split()
    return bool(words) and words[0].lower() in starters


def _list_body(body: str) -> str:
    """Cut a list at its end: a blank line, or a line break not inside a wrapped list line."""
    lines = body.split("\n")
    kept: list[str] = []
    depth = 0
    for i, line in enumerate(lines):
        if i and not line.strip():
            break
        if i:
            prev = kept[-1].rstrip()
            cont = (
                depth > 0
                or prev.endswith((",", " and", "&", "(", "-", "–"))
                or line.lstrip().startswith(("(", "and ", "& "))
                or line.lstrip()[:1].islower()
                or len(prev) >= 60
            )
            if not cont:
                break
        kept.append(line)
        depth += line.count("(") - line.count(")")
        depth = max(depth, 0)
    text = " ".join(kept)
    return text.lstrip("x") if text.startswith("x") else text


_NAMEISH = re.compile(r"^[A-ZÀ-ÞŴŶ][\w'’.\-]*(?:\s+[A-ZÀ-ÞŴŶ][\w'’.\-]*){0,5}$")


def _initials_of(text: str, name: str) -> bool:
    """"RA" for "Canon Richard Ambrose", "JT" for "Joel Thistlewood" (first and last, or every word)."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return len(words) >= 2 and text in ("".join(w[0] for w in words), words[-2][0] + words[-1][0], words[0][0] + words[-1][0])


def _entry(part: str, status: str, default_kind: str | None, plural_prefix: str | None) -> AttendeeMention | None:
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
        if _INITIALS.match(paren) and rest:
            # "Joel Thistlewood (JT), Corporate Director", "Jane Smith (JS) (Head of Finance)": initials, then the job;
            # the initials are kept at the end of the title, where ``split_initials`` finds them
            title = f"{rest.strip(' ()')} ({paren})"
        elif _INITIALS.match(paren) and _initials_of(paren, name):
            title = paren  # "Canon Richard Ambrose (RA)": his initials, not the Residents' Association
        elif paren.lower() in _PARTIES or re.fullmatch(r"[A-Z][a-z]{0,3}\.?(?:\s?(?:Co-op|Dem))?", paren) and paren.lower().rstrip(".") in _PARTIES:
            party = paren
        else:
            title = paren
            second = re.fullmatch(r"\(([^()]+)\)", rest)
            if second and _title_kind(paren) not in ("chair", "member", "cabinet_member") and not names_a_job(paren):
                # "Councillor Bernadette QUILLIAM (Holmfield) (Chair)": the ward, then the role
                ward, title = paren, collapse(second.group(1))
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
    return AttendeeMention(name=name, kind=_listed_kind(name, title, default_kind), title=title, status=status, party=party, ward=ward)


def _listed_kind(name: str, title: str | None, default_kind: str | None) -> str:
    """The kind of someone a list names, from their title and the list's label."""
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
_PERSON_IN = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z]|[A-Z][a-z'’-]+\s+[A-Z][\w'’-]+\s*\((?![a-z])")
_PLURAL_START = re.compile(r"^(?:Councillors|Cllrs)\b")
_INITIALS_AFTER_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+\s*\([A-Z]{2,4}\)")
_TITLE_INITIALS = re.compile(r"^(?:(?P<t>.+?)\s+)?\(?(?P<i>[A-Z]{2,4})\)?$")


def _name_then_title(chunk: str, status: str, default_kind: str | None) -> AttendeeMention | None:
    m = _NAME_THEN_TITLE.match(chunk)
    if not m or _looks_like_title(m.group("who")) or _PERSON_IN.search(m.group("title")) or _PLURAL_START.match(chunk):
        return None
    e = _entry(m.group("who"), status, default_kind, None)
    if e is None:
        return None
    mi = _TITLE_INITIALS.match(e.title or "")
    first, initials = (mi.group("t"), mi.group("i")) if mi else (e.title, None)
    title = ", ".join(t for t in (first, m.group("title")) if t) + (f" ({initials})" if initials else "")
    kind = "chair" if e.kind == "chair" or _title_kind(first) == "chair" else _listed_kind(e.name, title, default_kind)
    return AttendeeMention(e.name, kind, title, e.status, e.party, e.ward)


_TITLE_TAIL = re.compile(r"\b(?:for|of)\s+[A-Z][\w'’]*(?:(?:\s+|,\s*)[A-Z][\w'’]*)*$")


def _continues_title(part: str, data: dict) -> bool:
    """A list part that carries on the previous title's "for ..." tail rather than naming someone."""
    words = part.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() or w in ("and", "&", "of", "the") for w in words):
        return False
    honorifics = set(data["honorifics"])
    first_names = set(data["first_names"]["f"]) | set(data["first_names"]["m"])
    return words[0] not in honorifics and words[0] not in first_names and "(" not in part


# a list grouped by council: "Wyke Borough Council – Councillor Moira Penhaligon (Vice-Chair), ..."
_GROUP_PREFIX = re.compile(r"^[A-Z][\w'’ ]{2,60}?\s+[-–]\s+(?=(?:Councillor|Cllr|County Councillor|Bailie|Alderman)\b)")
# one entry "Name – Title, Organisation" of a list separated by semicolons or lines
_NAME_DASH_TITLE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+\s+[-–]\s+\S")
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
    if role.split()[0] in data["honorifics"] or role.split()[0] in first_names:
        return None  # "Inspector Raj Gill (Wexcombe Police)": a person, then where they are from
    if not (_looks_like_title(role) or role.split()[-1] in heads or role.lower() in _fixed_roles()):
        return None
    if m.group("chair") and _title_kind(role) != "chair":
        role += ", in the Chair"
    words = name.split()
    if not (2 <= len(words) <= 5 and _NAMEISH.match(name)) or _looks_like_title(name) or words[-1] in heads:
        return None
    if _title_kind(name) == "external" and words[0] not in data["honorifics"] and words[0] not in first_names:
        return None  # an organisation in the brackets
    return name, role


# entries on lines run together (hard-wrapped text, printed PDFs): "... (Chair, Cabinet Member for
# Children) Councillor Owen Marsh (Vice-Chair)", "Mark Ellison (Assistant Director) Carol Jennings (...)"
_RUN_TOGETHER = re.compile(r"(\))\s+(?=(?:\*\s*)?(?:Councillors?|Cllrs?|County\s+Councillor|Borough\s+Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Rev|Revd|Bailie"
                           r"|[A-Z][a-z'’-]+\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'’-]+\s*\()\b)")


# one entry of a key to initials: "JB – Councillor Jo Barraclough (Chair of the Group)", "SK - Sarah Kettlewell, Assistant Director"
_KEY_ENTRY = re.compile(r"(?:^|(?<=\s)|(?<=;))(?P<i>[A-Z]{2,4})\s*(?:[-–—=:]|\s)\s*(?=(?:[A-Z][\w'’.-]*\s+){1,5})")
# the line after a key that is not an entry: "Notes taken by Hannah Pryor ..."
_KEY_TAIL = re.compile(r"\s+(?:Notes|Minutes)\s+(?:taken|recorded|prepared)\s+by\b.*$", re.DOTALL)


_KEY_LABEL = re.compile(_KEY_LABEL_PATTERN, re.IGNORECASE)
_KEY_LINE = re.compile(r"^\s*[A-Z]{2,4}\s*[-–—=:]\s*[A-Z]")


def _key_lines(text: str) -> str | None:
    """The entries of a key to initials written one per line (blank lines between allowed) or run
    together on one line."""
    kept: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if not _KEY_LINE.match(line):
            break
        kept.append(line.strip())
    return "; ".join(kept) if kept else None


def _initials_key(body: str, status: str, default_kind: str | None) -> list[AttendeeMention] | None:
    """The people of a key to initials, each with the initials kept at the end of the title (where
    ``split_initials`` finds them); None when the list is not such a key."""
    starts = [m for m in _KEY_ENTRY.finditer(body) if re.match(r"[A-Z]{2,4}\s*[-–—=:]", body[m.start():]) or m.start() == 0]
    if len(starts) < 2 or body[:starts[0].start()].strip(" x:;"):
        return None
    out = []
    for n, m in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(body)
        rest = _KEY_TAIL.sub("", body[m.end():end]).strip(" ;,.")
        e = _name_then_title_any(rest, status, default_kind)
        if e is None or not _initials_of(m.group("i"), re.sub(r"^(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor)\s+", "", e.name)):
            continue  # initials that are not this person's say nothing certain
        title = f"{e.title} ({m.group('i')})" if e.title else m.group("i")
        out.append(AttendeeMention(e.name, e.kind, title, e.status, e.party, e.ward))
    return out if len(out) >= 2 else None


def _name_then_title_any(text: str, status: str, default_kind: str | None) -> AttendeeMention | None:
    """One person "Name, Title" or "Name (Title)" or "Name – Title"."""
    m = re.match(r"^(?P<who>(?:[A-Z][\w'’.-]*\s+){1,5}[A-Z][\w'’-]+)\s*,\s*(?P<title>\S.*)$", text)
    if m:
        e = _entry(m.group("who"), status, default_kind, None)
        if e is None:
            return None
        title = m.group("title").strip()
        kind = _listed_kind(e.name, title, default_kind) if e.kind not in ("chair",) else e.kind
        return AttendeeMention(e.name, kind, title, e.status, e.party, e.ward)
    return _entry(text, status, default_kind, None)


def _parse_list(body: str, status: str, default_kind: str | None) -> list[AttendeeMention]:
    data = rules.people()
    key = _initials_key(collapse(body.replace("\n", " ")), status, default_kind)
    if key is not None:
        return key
    out: list[AttendeeMention] = []
    plural = None
    body = _RUN_TOGETHER.sub(r"\1; ", collapse(body.replace("\n", " ")))
    # a list separated by semicolons keeps an entry written role first whole: its title may hold
    # commas and "and" ("Executive Director of Education and Children's Services (Morag Lindsay)")
    parts = []
    for chunk in _split_top_semicolons(body):
        chunk = _GROUP_PREFIX.sub("", chunk.strip())  # "Tarnbury City Council – Councillor Edwin Lockyer (Chair), ..."
        whole = role_first(chunk) or (";" in body and _NAME_DASH_TITLE.match(chunk))
        structured = ";" in body or _INITIALS_AFTER_NAME.match(chunk)  # "Canon Richard Amberley (RA), Diocese of ..."
        entry = None if whole or not structured else _name_then_title(chunk, status, default_kind)
        if entry is not None:
            out.append(entry)
            continue
        parts += [chunk] if whole else _split_top(chunk)
    for part in parts:
        words = part.split()
        for ph in sorted(data["plural_honorifics"], key=len, reverse=True):
            if part.startswith(ph + " "):
                plural = "Councillor" if ph.lower().startswith(("council", "cllr", "county")) else None
                part = part[len(ph) + 1:]
                break
        if _honours_only().match(part):
            continue
        if out and out[-1].title and _TITLE_TAIL.search(out[-1].title) and _continues_title(part, data):
            # "Mrs Blake, Cabinet Member for Children, Young People and Education": the list split the title
            prev = out[-1]
            title = f"{prev.title}, {part}"
            out[-1] = AttendeeMention(prev.name, _title_kind(title) or prev.kind, title, prev.status, prev.party, prev.ward)
            continue
        if out and (_looks_like_title(part) and not part.startswith(tuple(data["honorifics"]))) and len(words) <= 12:
            prev = out[-1]
            initials = prev.title if prev.title and _INITIALS.match(prev.title) else None
            if prev.title is None or initials:
                kind = _title_kind(part) or prev.kind
                if prev.kind in ("chair",):
                    kind = prev.kind
                # "Lucinda Fairbairn (LF), Director of Adult Social Care": the job, the initials kept after it
                title = f"{part} ({initials})" if initials else part
                out[-1] = AttendeeMention(prev.name, kind, title, prev.status, prev.party, prev.ward)
            continue
        entry = _entry(part, status, default_kind, plural)
        if entry:
            out.append(entry)
    return out


def parse_attendance(text: str) -> list[AttendeeMention]:
    """People listed in attendance text.

    Understands labelled lists ("PRESENT:", "ALSO PRESENT:", "IN ATTENDANCE:", "IN ATTENDANCE
    VIRTUALLY:", "Apologies were received from", "Apologies:", "Substitutes:") with entries like
    "Councillor Mary Patel (Chair)", "Jane Smith (Head of Early Help)", "Sue Chandler, Cabinet
    Member for ...", "Mr R W Gough (Chairman)", "Dr Ali (NHS Trust)", and sentences "X and Y were
    in attendance virtually" / "... were in attendance for this item". The kind comes from the
    list (members present, officers in attendance) and the title (Chair -> chair, Cabinet Member
    -> cabinet_member, an external organisation -> external).
    """
    if not text or not text.strip():
        return []
    text = repair(text)
    out: list[AttendeeMention] = []
    matches = list(_LABEL_RE.finditer(text))
    for i, m in enumerate(matches):
        label = m.group("label").lower()
        status, kind = "present", None
        for pat, st, kd in _LABELS:
            if re.fullmatch(pat, label, re.IGNORECASE):
                status, kind = st, kd
                break
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        line_start = text.rfind("\n", 0, m.end()) + 1
        body = "x" * (m.end() - line_start) + text[m.end():end]
        key = _KEY_LABEL.fullmatch(label) and _key_lines(text[m.end():end])
        # a list ends at a blank line or at the end of its sentence (a key to initials: at its last entry)
        body = key or _list_body(body)
        sent_end = re.search(r"\.(?:\s*\n|\s+(?=[A-Z][a-z]+\s+[a-z]))", body)
        if sent_end:
            body = body[: sent_end.start()]
        out.extend(_parse_list(body, status, kind))
    if _ATTENDING_VERB.search(text) is None:
        return out
    for m in _VIRTUAL_SENTENCE.finditer(text):
        names = re.sub(r"^.*?(?:\.|:)\s+", "", m.group("names"))
        out.extend(_parse_list(names, "virtual", None))
    for m in _FOR_ITEM.finditer(text):
        names = re.sub(r"^.*?(?:\.|:)\s+", "", m.group("names"))
        out.extend(_parse_list(names, "present", None))
    return out
