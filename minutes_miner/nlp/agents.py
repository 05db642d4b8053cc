"""Speakers named after what they said: the agent of a passive ("It was confirmed by Mrs Fitch
that ...", "Concern was expressed by a Member"), a tag at the end ("..., said Councillor
Castleton."), a label at the start ("Councillor Hale: Can officers say ...?") or a bracket at the end ("... (Councillor Lakhani).", "... [Cllr Dunmore]").

Only a mention that fills one of these slots speaks; "children placed by the council" or "a
review led by Mr X" name no speaker (the participles are data, ``agents.json``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import pairwise

from . import rules
from .records import Mention, Subject

_LABEL_AFTER = re.compile(r"(?:\s*\([^()]{1,60}\))?(?:\s*,\s*[a-z][^():]{1,30})?(?:\s+to\s+(?:the\s+)?[A-Z][^:()]{1,120})?\s*\)?\s*(?::(?:\s+[A-Z“\"'‘]|\s*$)|\s+[–—-]\s+(?=[A-Z“\"'‘£\d]))")  # "Cllr Ito – What is ...?"
_LABEL_BEFORE = re.compile(r"\s*(?:[-–•*]\s*)?(?:(?:supplementary\s+)?(?:question|response|reply|answer|statement|comment|Q|A)s?\s*(?:\d+[a-z]?)?"
                           r"(?:\s+(?:from|by|of)\s+|\s*[-–—(:]\s*)"
                           r"|(?:in|during|following)\s+(?:the\s+)?(?:ensuing\s+)?(?:discussion|debate|questions)[^,:]{0,40},\s*)?",
                           re.IGNORECASE)  # "In discussion, Members:" over their points
_QUESTION_LABEL_AFTER = re.compile(r"\s*:\s+[a-z]")
_ROLE_LABEL_BEFORE = re.compile(r"\s*(?P<role>[A-Z][^:()]{2,100}?)\s*\(\s*")
_NAME_LABEL_AFTER = re.compile(r"\s*\)\s*:")
_VIEW_AFTER = re.compile(r"['’]s?\s+(?:view|opinion|response|answer|reply|position|assessment|advice)\s+(?:was|is|had\s+been)\b")
_JOINERS = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = rules.agents()
    participles = "|".join(sorted(map(re.escape, data["participles"]), key=len, reverse=True))
    verbs = "|".join(sorted(map(re.escape, data["inverted_verbs"]), key=len, reverse=True))
    # "was further reported by", "was given as 68 per cent by", ", given by": a finite passive or a
    # participle opening an aside; not "the payment agreed by Cabinet", "signed by the Chair"
    by = re.compile(r"(?:\b(?:was|were|been|being|is|are)\s+(?:(?:also|further|then|again|subsequently|duly|similarly|later)\s+)?|,\s*)"
                    r"(?:" + participles + r")(?:\s+as\s+[\d£][^,;:.!?]{0,30}?)?\s+by\s+(?:the\s+)?$", re.IGNORECASE)
    tag = re.compile(r",\s*(?:" + verbs + r")\s+(?:the\s+)?$", re.IGNORECASE)
    return by, tag


def _first_cue(cues: list[tuple[int, int, str]], default: int) -> tuple[int, str]:
    for s, _e, act in cues:
        if act not in ("passive", "impersonal"):
            return s, act
    return (cues[0][0], "statement") if cues else (default, "statement")


_HEARD_FROM = re.compile(r"\b(?:heard|received\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:presentation|update|report|briefing|overview|"
                         r"statement|deputation|submission|evidence))\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_WHO_BEFORE = re.compile(r"\bwho\s+(?:(?:also|then|further|had)\s+)?$")
_WHO = re.compile(r"(?:\s*,\s*(?P<title>[^,;:.!?()]{2,120}))?\s*,\s*who\s+(?:(?:also|then|further|had)\s+)?")


def relative_subject(text: str, us: int, ments: list[Mention], cues: list[tuple[int, int, str]]) -> Subject | None:
    """"The Committee received a presentation from Ms Quill, Director of Housing, who explained
    ...": the person the relative clause is about speaks; so does the one a body "heard from"
    ("The Panel heard from Mr Reeve about the rough sleeping count")."""
    for m in ments:
        # a titled person or a role, not an organisation ("heard from Tarnbury Royal Infirmary")
        person = m.label == "NAME_T" or (not m.named and not m.label.endswith("|group") and m.text[:4].lower() == "the ")
        if person and _HEARD_FROM.search(text, max(us, m.start - 80), m.start):
            return Subject("chain", [(m, None)], cue_start=m.start, cue_act="statement")
    people = [m for m in ments if m.named or not m.label.endswith("|group")]
    ends = [m.end for m in people]
    for s, _e, act in cues:
        k = bisect_right(ends, s)  # the person named last before the cue (mentions are in order)
        if act in ("passive", "impersonal") or not k or not _WHO_BEFORE.search(text, max(us, s - 12), s):
            continue
        m = people[k - 1]
        w = _WHO.fullmatch(text, m.end, s)
        if w:
            return Subject("chain", [(m, w.group("title"))], cue_start=s, cue_act=act)
    return None


def label_subject(text: str, us: int, ue: int, ments: list[Mention], cues: list[tuple[int, int, str]]) -> Subject | None:
    """The speaker a label at the start of the unit names: "Councillor Hale: Can officers say ...?", "Response
    (Cabinet Member for Housing): Rents would rise ...", "Assistant Director (Ms Birch): presented ..."."""
    if not ments or any(act in ("resolution", "decision") for _s, _e, act in cues):
        return None
    first = ments[0]
    if _LABEL_BEFORE.fullmatch(text, us, first.start) and (
            _LABEL_AFTER.match(text, first.end, ue) or (text[ue - 1:ue] == "?" and _QUESTION_LABEL_AFTER.match(text, first.end, ue))):
        # ("- Councillor Moss: how many cases involved children?": a question in the member's words, in lower case)
        return Subject("chain", [(first, None)], cue_start=first.end, cue_act=_first_cue(cues, us)[1])
    role = _ROLE_LABEL_BEFORE.fullmatch(text, us, first.start) if first.named else None
    if role and _NAME_LABEL_AFTER.match(text, first.end, ue):
        return Subject("chain", [(first, role.group("role"))], cue_start=first.end, cue_act=_first_cue(cues, us)[1])
    return None


# "The question from the independent member, Cllr Mulholland, was whether ...", "The response of the Portfolio
# Holder was that ...", "The response given by Mrs Atkin was that ...": a question or answer told as a noun
_NOUN_ACT_BEFORE = re.compile(r"\s*(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:supplementary|further|first|second)\s+)?"
                              r"(?P<noun>question|query|response|reply|answer)(?:\s+(?:given|put|asked|raised))?\s+(?:from|of|by)\s+"
                              r"(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?(?:(?:[a-z][\w'’-]*),\s+)?")
_NOUN_ACT_AFTER = re.compile(r"(?:\s*,\s*[^,;:.()]{1,80}?)?\s*,?\s+was\s+(?P<what>that|whether|if|how|what|why|when|which|who)\b")


def noun_act_subject(text: str, us: int, ue: int, ments: list[Mention]) -> tuple[Subject, str] | None:
    """The asker of "The question from X was whether ..." or the respondent of "The response of X
    was that ...", with the act ("question" or "answer"), or None."""
    for m in reversed(ments[:2]):  # "the independent member, Cllr Mulholland,": the name in apposition
        before = _NOUN_ACT_BEFORE.fullmatch(text, us, m.start)
        after = _NOUN_ACT_AFTER.match(text, m.end, ue) if before else None
        if after is None:
            continue
        asked = before.group("noun") in ("question", "query")
        if asked == (after.group("what") == "that"):
            return None  # "The question of funding was that ...": not a question put by anyone
        return Subject("chain", [(m, None)], cue_start=after.start("what"), cue_act="question" if asked else "answer"), (
            "question" if asked else "answer")
    return None


def agent_subject(text: str, us: int, ue: int, ments: list[Mention], cues: list[tuple[int, int, str]]) -> Subject | None:
    """The speaker of the unit ``text[us:ue]`` named after the verb, or None."""
    if not ments or any(act in ("resolution", "decision") for _s, _e, act in cues):
        return None  # "RESOLVED that the minutes be confirmed and signed by the Chair": the Committee's
    labelled = label_subject(text, us, ue, ments, cues)
    if labelled is not None:
        return labelled
    by, tag = _patterns()
    cue_start, cue_act = _first_cue(cues, us)
    first = ments[0]
    if not text[us:first.start].strip(" -–•*") and _VIEW_AFTER.match(text, first.end, ue):
        return Subject("chain", [(first, None)], cue_start=first.end, cue_act=cue_act)  # "The Director's view was that ..."
    for m in ments:
        if by.search(text, max(us, m.start - 80), m.start):
            return Subject("chain", [(m, None)], cue_start=cue_start, cue_act=cue_act)
    end = text[:ue].rstrip().rstrip(".;!")
    last = ments[-1]
    if text[last.end:len(end)].strip(" ,") == "" and tag.search(text, us, last.start):
        return Subject("chain", [(last, None)], cue_start=cue_start, cue_act=cue_act)
    closer = end[-1:] if end else ""
    if closer in ")]":
        opener = "(" if closer == ")" else "["
        at = end.rfind(opener, us)
        inside = [m for m in ments if m.start > at]
        if (at > us and inside and text[at + 1:inside[0].start].strip() == "" and text[inside[-1].end:len(end) - 1].strip() == ""
                and all(_JOINERS.fullmatch(text[a.end:b.start]) for a, b in pairwise(inside))):
            return Subject("chain", [(m, None) for m in inside], cue_start=cue_start, cue_act=cue_act)
    return None
