"""Attendance lists: PRESENT:, ALSO PRESENT:, IN ATTENDANCE:, Apologies ..., Substitutes ..."""
from __future__ import annotations

import re
from functools import lru_cache

from minutes_miner.models import AttendeeMention

from . import rules
from .attendee_entry import (
    CO_OPTED,
    INITIALS,
    initials_of,
    looks_like_title,
    name_then_title,
    name_then_title_any,
    names_a_job,
    parse_entry,
    role_first,
    title_kind,
)
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
    # a Schools Forum's seats by phase and sector, all members of the Forum: "Maintained primary headteachers:",
    # "Special schools:", "Governors:", "Non-school members:"
    ((r"(?:(?:maintained|academy|primary|secondary|special|nursery|all-through|pupil referral unit|alternative provision)\s+){0,3}"
      r"(?:headteachers?|head\s+teachers?|heads|principals|governors?|schools)|non-school members"), "present", "member"),
    (r"observers?", "present", "external"),
    # informal notes name everyone by initials after a key: "Key to initials: JB – Councillor Jo Barraclough (Chair)"
    (_KEY_LABEL_PATTERN, "present", None),
    # a single-member decision session names its decision maker first: "Executive Member: Councillor Petra Lindqvist (...)"
    (r"(?:executive|cabinet|lead) members?|cabinet|portfolio holders?|decision[- ]maker", "present", "cabinet_member"),
    ((r"(?:(?:county|borough|district|city|town|parish)\s+)?(?:members|councillors|committee members|panel members)\s+present|present|sederunt|(?:committee|sub-committee|panel|board|commission|forum) members|(?:elected|voting|county|borough|district) members|members|councillors|attendees|attendance(?: details)?|religious representatives?|church representatives?"
     r"|independent members?|lay members?|tenant representatives?"), "present", "member"),
    # an appointed body's members grouped by who appointed them: "Members appointed by the local authorities:", "Members
    # appointed by the Secretary of State (parish):", "Secretary of State Members:", "Parish Members:", "Local Authority Members:"
    (r"(?:members|councillors) (?:appointed|nominated) by (?:the )?[a-z][a-z' ]{2,50}?|(?:secretary of state|parish|national|local authority|council) members",
     "present", "member"),
    # co-opted members are members whatever body they come from: "Co-opted tenant representatives: Mrs Khan (Tenants' Federation)"
    (r"(?:(?:independent|statutory|voting|non-voting)\s+)?(?:co-opted members?|co-opted (?:[a-z]+\s+){0,3}(?:members?|representatives?)|co-opted|co-optees?)",
     "present", CO_OPTED),
    # members listed by party group: "Labour Group: Councillor Rhiannon Tate (Chair), ...", "Independent (non-aligned): ..."
    ((r"(?:(?:labour|conservative|liberal democrats?|lib dem|green|independent|reform uk|plaid cymru|snp|residents'?)(?: and co-operative)? group"
     r"|independents?(?: members?)? \(non-aligned\))"), "present", "member"),
    (r"apologies for absence (?:were )?(?:received |submitted )?(?:from|on behalf of)|apologies (?:were |had been )?(?:received|submitted|given|tendered) (?:from|by|on behalf of)|apologies for absence|apologies|apologies received", "apologies", "member"),
    (r"substitutes?|substitute members?|substitutions?", "substitute", "member"),
    (r"absent|not present", "absent", "member"),
    ((r"external (?:attendees|guests|partners)|guests|partners present|in attendance \(partners\)"
     r"|(?:nhs|partner|health|police|partner organisation|(?:nhs\s+)?trust|icb|ccg)(?:\s+(?:and|&)\s+(?:other\s+)?partners?)? representatives?|(?:external |internal )?auditors?|representatives"
     r"|(?:nhs|health)(?:\s+(?:and|&)\s+(?:other\s+)?partners?)(?:\s+(?:organisations?\s+)?representatives?)?|partners?"
     # "Partner attending for Minute 43:", "Partners in attendance:"
     r"|(?:partners?|guests?|witness(?:es)?)\s+(?:attending|in attendance|present)(?: for (?:minutes?|items?) [\w ,/&-]{1,30})?"
     # "Tenant and Leaseholder Panel (attending by invitation, non-voting):"
     r"|(?:tenants?|residents?|service users?|young people|parents?|carers?)(?:\s+and\s+leaseholders?)?(?:\s+(?:panel|forum|representatives?))?(?:\s*\([^()]{1,60}\))?"),
     "present", "external"),
]
# "Executive Member attending:", "Partner attending for Minute 43:": who is listed, then why
_LABEL_SUFFIX = (r"(?:\s+(?:attending|present|in\s+attendance))?(?:\s+for\s+(?:minutes?|items?)\s+[\w ,/&-]{1,30}?)?"
                 r"(?:\s*\([a-z][^()]{2,60}\))?")  # "County Councillors present (electoral division in brackets):"
_LABEL_RE = re.compile(
    # a label starts a line or follows a sentence, or (PDF lines run together) follows a closing bracket: "... (Head of Data) Also present:"
    r"(?:(?<=^)|(?<=[\n.;])|(?<=\)\s)(?=(?-i:[A-Z])[^:\n]{2,60}:))\s*(?P<label>" + "|".join(f"(?:{p})" for p, _, _ in _LABELS) + r")" + _LABEL_SUFFIX + r"\s*(?::|-|–|(?<=from)|(?<=behalf of)|(?<=by))\s*",
    re.IGNORECASE,
)
_LINE_LABEL = re.compile(r"^\s*(?P<label>" + "|".join(f"(?:{p})" for p, _, _ in _LABELS) + r")" + _LABEL_SUFFIX + r"\s*:\s*(?P<rest>.*)$",
                         re.IGNORECASE | re.DOTALL)


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


# one person to a line, "Name, Title" / "Name (Title)" / "Name – Title": "Kath Morrow, Chief Executive, Healthwatch Wealdmarsh"
_PERSON_LINE = re.compile(r"^\s*(?:[-–•*]\s*)?(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+(?:\s+[A-Z]{2,5})?\s*(?:,|\(|[-–]\s)")


def _list_body(body: str) -> str:
    """Cut a list at its end: a blank line, or a line break not inside a wrapped list line."""
    lines = body.split("\n")
    kept: list[str] = []
    depth = 0
    one_per_line = len(lines) > 1 and all(_PERSON_LINE.match(line.lstrip("x")) for line in lines[:2])
    for i, line in enumerate(lines):
        if i and not line.strip():
            break
        if i and one_per_line and depth == 0 and _PERSON_LINE.match(line):
            kept[-1] += ";"  # "Witnesses:" over one person to a line: the lines are its entries
            kept.append(line)
            depth = max(line.count("(") - line.count(")"), 0)
            continue
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


_TITLE_TAIL = re.compile(r"\b(?:for|of)\s+[A-Z][\w'’]*(?:(?:\s+|,\s*)[A-Z][\w'’]*)*$")


def _continues_title(part: str, data: dict) -> bool:
    """A list part that carries on the previous title's "for ..." tail rather than naming someone."""
    words = part.split()
    if not words or len(words) > 4 or not all(w[:1].isupper() or w in ("and", "&", "of", "the") for w in words):
        return False
    honorifics = set(data["honorifics"])
    first_names = set(data["first_names"]["f"]) | set(data["first_names"]["m"])
    return words[0] not in honorifics and words[0] not in first_names and "(" not in part


# a dash before someone named then a comma: "Ann Lowe, Director – Place – Dr Sam Pearce, Head of Finance"
_DASH_BEFORE_NAME = re.compile(r"\s+[-–—]\s+(?=(?P<name>[A-Z][\w'’.]*\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)\s*,)")


def _dash_separated(body: str, data: dict) -> str:
    """A list of "Name, Title" entries separated by dashes, whose titles may hold dashes themselves
    ("Executive Director – Education"): a dash is a separator only before a name (an honorific or a
    first name) and its comma. Rewritten with semicolons, the list's own separator."""
    if ";" in body or not _PERSON_LINE.match(body):
        return body
    cuts = [m for m in _DASH_BEFORE_NAME.finditer(body) if _names_someone(m.group("name"), data)]
    if not cuts:
        return body
    out, last = [], 0
    for m in cuts:
        out += [body[last:m.start()], "; "]
        last = m.end()
    return "".join(out) + body[last:]


def _names_someone(words: str, data: dict) -> bool:
    """"Dr Ann Lowe", "Nkechi Obi": an honorific or a known first name, or words no title or minutes phrase uses."""
    first = words.split()[0]
    if first in data["honorifics"] or first.rstrip(".") in data["honorifics"] or first in data["first_names"]["f"] or first in data["first_names"]["m"]:
        return True
    stop = set(data["name_stopwords"])
    return not looks_like_title(words) and not any(w in stop for w in words.split())


# a list grouped by council: "Wyke Borough Council – Councillor Moira Penhaligon (Vice-Chair), ..."
# (or a partner's: "Tregaron Health Board – Dr Ann Lowe (Medical Director), ...")
_GROUP_PREFIX = re.compile(r"^[A-Z][\w'’ ]{2,60}?\s+[-–]\s+(?=(?:Councillor|Cllr|County Councillor|Bailie|Alderman|Dr|Mr|Mrs|Ms|Miss|Mx|Professor)\s+[A-Z])")
# one entry "Name – Title, Organisation" of a list separated by semicolons or lines
_NAME_DASH_TITLE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+\s+[-–]\s+\S")
_INITIALS_AFTER_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+\s*\([A-Z]{2,4}\)")
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
        e = name_then_title_any(rest, status, default_kind)
        if e is None or not initials_of(m.group("i"), re.sub(r"^(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor)\s+", "", e.name)):
            continue  # initials that are not this person's say nothing certain
        title = f"{e.title} ({m.group('i')})" if e.title else m.group("i")
        out.append(AttendeeMention(e.name, e.kind, title, e.status, e.party, e.ward))
    return out if len(out) >= 2 else None


def _parse_list(body: str, status: str, default_kind: str | None) -> list[AttendeeMention]:
    data = rules.people()
    key = _initials_key(collapse(body.replace("\n", " ")), status, default_kind)
    if key is not None:
        return key
    out: list[AttendeeMention] = []
    plural = None
    body = _dash_separated(_RUN_TOGETHER.sub(r"\1; ", collapse(body.replace("\n", " "))), data)
    # a list separated by semicolons keeps an entry written role first whole: its title may hold
    # commas and "and" ("Executive Director of Education and Children's Services (Morag Lindsay)")
    parts = []
    for chunk in _split_top_semicolons(body):
        chunk = _GROUP_PREFIX.sub("", chunk.strip())  # "Tarnbury City Council – Councillor Edwin Lockyer (Chair), ..."
        whole = role_first(chunk) or (";" in body and _NAME_DASH_TITLE.match(chunk))
        structured = ";" in body or _INITIALS_AFTER_NAME.match(chunk)  # "Canon Richard Amberley (RA), Diocese of ..."
        entry = None if whole or not structured else name_then_title(chunk, status, default_kind)
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
            out[-1] = AttendeeMention(prev.name, title_kind(title) or prev.kind, title, prev.status, prev.party, prev.ward)
            continue
        if out and (looks_like_title(part) and not part.startswith(tuple(data["honorifics"]))) and len(words) <= 12:
            prev = out[-1]
            initials = prev.title if prev.title and INITIALS.match(prev.title) else None
            if prev.title is None or initials:
                kind = title_kind(part) or prev.kind
                if prev.kind in ("chair",):
                    kind = prev.kind
                # "Lucinda Fairbairn (LF), Director of Adult Social Care": the job, the initials kept after it
                title = f"{part} ({initials})" if initials else part
                out[-1] = AttendeeMention(prev.name, kind, title, prev.status, prev.party, prev.ward)
            elif prev.ward is None and not names_a_job(prev.title) and title_kind(prev.title) not in ("chair", "member", "cabinet_member"):
                # "Councillor Malcolm Fenn (Westwood), Portfolio Holder for Communities": the ward in brackets, then the role
                out[-1] = AttendeeMention(prev.name, title_kind(part) or prev.kind, part, prev.status, prev.party, prev.title)
            continue
        entry = parse_entry(part, status, default_kind, plural)
        if entry:
            out.append(entry)
    return out


@lru_cache(maxsize=1)
def _bilingual_pair() -> re.Pattern:
    """The Welsh half and the slash of "Aelodau / Members:", "(Cadeirydd / Chair)", "Cynghorwyr / Councillors Elfed Môn"."""
    openers = "|".join(sorted(map(re.escape, rules.people()["bilingual_openers"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?i:{openers})(?:[\s-]+[^\s/():;,]+){{0,7}}?\s+/\s+(?=[A-Z])")


def _english_half(text: str) -> str:
    return _bilingual_pair().sub("", text) if " / " in text else text


# where a second "Name, Title" starts in a line run on from the one before ("... NHS Foundation Trust Kath Morrow, Chief Executive")
_NEXT_PERSON = re.compile(r"\s(?=(?P<first>[A-Z][a-z'’-]+)\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+\s*,\s*(?P<title>[A-Z][^,]*))")


def parse_person_line(line: str) -> list[AttendeeMention]:
    """The one person of a line under a list label, whose title may hold commas: "Kath Morrow, Chief
    Executive, Healthwatch Wealdmarsh" (two such lines run together are two people); a line naming
    several people otherwise is read as a list."""
    line = collapse(line).strip(" .;")
    data = rules.people()
    starts = [0] + [m.end() for m in _NEXT_PERSON.finditer(line, max(line.find(","), 0))
                    if m.group("first") in data["first_names"]["f"] or m.group("first") in data["first_names"]["m"]
                    or m.group("first") in data["honorifics"] or looks_like_title(m.group("title"))]
    pieces = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
    entries = [name_then_title(piece, "present", None) for piece in pieces]
    if all(e is not None for e in entries):
        return entries
    return parse_attendance("Present: " + line)


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
    text = _english_half(repair(text))
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
