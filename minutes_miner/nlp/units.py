"""One sentence unit of a block: its grammatical subject (a chain of mentions with their
appositions, a pronoun or a single word before a reporting cue), its acts and its questioners."""
from __future__ import annotations

import re
from bisect import bisect_left

from .agents import agent_subject, label_subject, noun_act_subject, relative_subject
from .attendee_entry import title_kind
from .records import Mention, Subject, Unit
from .textnorm import first_chars, folded

# --------------------------------------------------------------------------- regexes
_ADVERBS = r"(?:also|further|then|remained|remains|still|both|all|each|jointly|subsequently|additionally|again|briefly|duly|kindly|later|had|has|have|was|were|would|had\s+also|then|however|therefore|in\s+turn|in\s+response|in\s+addition|formally|verbally|separately|specifically|similarly|personally|strongly|firmly|clearly|further\s+to\s+this)"
_APPOS = (
    r"(?:\s*\([A-Z]{2,4}\))?"  # initials the minutes give the person: "Grace Oyelaran (GO), Chief Executive, ..."
    r"(?:\s*\((?P<p>[^()]{1,160}(?:\([^()]{0,60}\)[^()]{0,80})?)\)"
    # a party tag then a job title: "Cllr Kwabena Frimpong (Lab), Cabinet Member for Finance, introduced"
    r"(?:\s*,\s*(?P<c2>[A-Z][^;:.!?()]{0,120}?)\s*,(?=\s))?"
    r"|\s*,\s*(?P<c>(?:[A-Z0-9]|the\s|(?:for|from|of|at|in|with|representing)\s+(?:the\s|[A-Z])|an?\s+[a-z]|who\s|which\s|on\s+behalf\s|speaking\s|as\s|[a-z]+\s+(?:of|for|from)\s|by\s+way\s+of\s"
    # a seat described in lower case: "Anita Rowe (AR), primary maintained representative, asked"
    r"|[a-z][\w'’-]*(?=(?:,?\s+[\w'’-]+){0,6}\s+(?:representative|observer|governor|adviser|advisor|trustee)\b))[^;:.!?]{0,170}?)\s*,?"
    r"|\s+[-]\s+(?P<d>[A-Z][^;:.!?]{0,110}?)\s*[-,]?"
    # an organisation with no comma: "Inspector Carl Bream of Brackenfold Neighbourhood Policing reported"
    r"|\s+(?:of|from|for|representing)\s+(?P<o>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|&|the|for)\s+)*[A-Z][\w'’&-]*)*)"
    # who the speaker is, with no comma: "A foster carer who attended the meeting said"
    r"|\s+who\s+(?:had\s+)?(?:attended|attends|lives|lived|spoke|works|worked|represents|represented|chairs|runs|uses|used)\b[^,;:.!?()]{0,60}?)?"
)


def _appos_title(m: re.Match) -> str | None:
    """The job title an apposition gives, the one after a party tag first."""
    if m.lastindex is None:
        return None  # no apposition at all (the usual gap: "Councillor Patel| asked")
    title = m.group("c2") or m.group("p") or m.group("c") or m.group("d") or m.group("o")
    return None if title is not None and title.strip().lower() in ("who", "which") else title  # "Ms Tait, who spoke as ...": no title


_LAST_GAP = re.compile(_APPOS + r"\s*,?(?:\s*,?\s+" + _ADVERBS + r"\b,?)*\s*[:–—-]?\s*")  # "Councillor Evans – asked about"
_CONNECT = re.compile(_APPOS + r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|,?\s+together\s+with\s+|,?\s+along\s+with\s+)")
_ORG_START = re.compile(r"\s+(?:at|of|for|from|with|in)\s+(?:the\s+)?")
_ROLE_ORG_GAP = re.compile(r"\s+((?:at|of|for|from|with|in)\s+(?:the\s+)?[A-Z][^,;:.!?()]{0,90}?)\s*,\s*")
_ON_BEHALF = re.compile(r"(?:speaking\s+)?(?:on\s+behalf\s+of|representing|deputising\s+for|standing\s+in\s+for)\b")
_CLOSE_BRACKET = re.compile(r"\s*\)")
# an organisation opening a sentence with its witness in brackets: "LTHT (", "A: The ICB (", "In response, Healthwatch Lymebourne ("
_ORG_THEN_BRACKET = re.compile(r"\s*(?:[-–•*]\s*)?(?:[A-Z][\w ]{0,24}(?:\([\w ]{1,20}\))?:\s*)?"
                               r"(?:(?:In\s+(?:response|reply|answer)|Replying|Responding|Answering)(?:\s+to\s+[^,;:()]{1,60})?,\s*)?(?:[Tt]he\s+)?[A-Z][\w&'’.-]*"
                               r"(?:\s+(?:(?:of|and|&|the|for)\s+)*[A-Z][\w&'’.-]*){0,6}\s*\(")
_ROLE_APPOS_GAP = re.compile(r"\s*(?:,|\(|-)\s*(?:the\s+|our\s+)?")
_APPOS_OPEN = re.compile(r"\s*[,(-]")
_PREP_WORDS = (
    "from", "by", "to", "with", "for", "of", "on", "about", "towards", "thanked", "thank", "thanking", "congratulated", "invited",
    "asked", "told", "advised", "informed", "reminded", "than", "between", "including", "via", "at", "into", "whom", "like", "behalf",
    "welcomed", "praised", "met", "joined", "visited", "supporting", "support", r"and\s+the", r"presentation\s+by",
)
_PREP_BEFORE = re.compile(r"(?:\b(?:" + "|".join(_PREP_WORDS) + r")|['’]s)\s*$", re.IGNORECASE)
# what the text before a mention must end with for _PREP_BEFORE to match (folded, spaces stripped): one of its
# words, or a possessive 's
_PREP_ENDINGS = tuple({w.split("\\s+")[-1] for w in _PREP_WORDS} | {"'s", "’s"})
_QUESTIONER_BEFORE = re.compile(
    r"(?:question|questions|query|queries|point|points|comment|comments|concern|concerns|supplementary)\s+"
    r"(?:(?:raised|asked|put|made|posed)\s+)?(?:from|by)\s+$",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(
    r"(?:^|[\s,;:(\"'])(?P<w>[A-Z][\w'’-]+|he|she|they|we)(?:\s+" + _ADVERBS + r")*\s*$"
)
PRONOUNS = {"he": "m", "she": "f", "they": None, "He": "m", "She": "f", "They": None}
_REQUESTED_PARTICIPLE = re.compile(r"(?<=requested)\s+(?:at|by|in|during|earlier|previously|last|under|from|when|following)\b", re.IGNORECASE)
_SUGGESTED_THAT = re.compile(
    r"\s+(?:by\s+[^,;.]{1,60}?\s+)?that\s+(?:the|a|an|this|its|officers|members|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,8}?\s+"
    r"(?:should\s+(?:also\s+|now\s+|in\s+future\s+)?(?!not\b|have\b)[a-z]+|(?:be|look|receive|consider|invite|hold|add|write|review|include|bring|ask|seek|explore|undertake|visit|set\s+up|establish|record|report|provide|publish|monitor|track|share|circulate|extend|return|continue))\b")
_PLURAL_TITLE_LIST = re.compile(r"\b(?:Councillors|Cllrs\.?|Messrs\.?)\s+(?P<first>[A-Z][\w'’-]+)(?:\s*,\s*[A-Z][\w'’-]+)*\s*,?\s+(?:and|&)\s+$")
_CLAUSE_BREAK = re.compile(r"[;:()]|\b(?:that|who|which|whether|because|when|if)\b")
_AND_THEN = re.compile(r"\band\s+(?:then\s+|also\s+|later\s+)?$")
# A question, request or answer verb after a perfect or passive auxiliary reports someone else's
# act inside the sentence ("the Panel had asked to focus on", "schools were being asked to hold",
# "212 young people had answered the survey", "wanted to be asked"): not the speaker's act.
_REPORTED_AUX = re.compile(r"\b(?:had|has|have|being|be|'d)(?:\s+(?:not|never|already|also|previously|recently|increasingly|\w+ly))*"
                           r"(?:\s+been)?(?:\s+(?:not|already|also|\w+ly))*\s+$", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been)(?:\s+(?:not|never|already|also|\w+ly))*\s+$", re.IGNORECASE)
_REPLY_TO_NON_QUESTION = re.compile(r"\s+to\s+(?:the|this|that|a|an|each|both)\s+(?:\w+\s+){0,2}?(?:petition|petitions|motion|motions|debate|"
                                    r"comments?|points?|deputation|statements?|concerns?|consultation|survey|invitation|letter)\b",
                                    re.IGNORECASE)
_PEOPLE_WHO = re.compile(r"\b(?:those|people|residents|patients|families|parents|tenants|carers|staff|pupils|children|respondents)\s+who\s+$",
                         re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who)\s+$", re.IGNORECASE)
_REQUEST_NOUN = re.compile(r"\b(?:a|the|with|this|that)\s+$", re.IGNORECASE)
# "Ffion said that she would raise the point with the Director and ask that the guidance be reissued": the
# speaker's own undertaking to ask someone else, reported; not a request made to the meeting ("I would ask that ...")
# "Cllr X challenged this, saying that parents had been told ...": disputing what was said with a counter-claim, a
# concern; "challenged the Superintendent on why ..." stays a question
_CHALLENGED_SAYING = re.compile(r"\s+(?:this|that|these|the\s+[\w'’ -]{1,40}?)\s*,?\s+(?:saying|arguing|pointing\s+out|stating|noting)\s+that\b", re.IGNORECASE)
_WOULD_ASK = re.compile(r"\bthat\s+(?:he|she|they|officers)\s+would\s+(?!like\b|prefer\b|welcome\b)[^.;?]{0,120}?\b(?:and\s+)?$", re.IGNORECASE)
_BE_ASKED_TO = re.compile(r"\bbe\s+asked\s+to\b", re.IGNORECASE)
# "Asked whether the partner bodies would be asked to meet the overspend": inside the question asked
_WHETHER_BEFORE = re.compile(r"\b(?:whether|if|how|why|when|what)\b", re.IGNORECASE)
_TO_OR_FOR = re.compile(r"\s+(?:to|for)\b", re.IGNORECASE)  # "were asked to agree": asked to do something, not asking
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+$")
_REPORTED_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|had|has|have|to\s+be)\s+(?:(?:already|also|previously|not|now|then|all)\s+)?$", re.IGNORECASE)
_ASKED_TO = re.compile(r"asked\s+(?:to|for)\b", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+by\b")
_CAPITALISED_RUN = re.compile(r"(?:\s+(?:(?:of|and|&|the|for)\s+)*[A-Z][\w'’&-]*)*")
# a run-in label of initials opening a note ("SK:", "Finance (SK):"); a capitalised word may name the service
# (or a first name alone, in notes that call people by first names: "Kwesi: about 140 of them")
INITIALS_LABEL = re.compile(r"\s*(?:[-–•*]\s*)?(?:[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*){0,2}\s*\((?P<b>[A-Z]{2,4})\)|(?P<w>[A-Z]{2,4}|[A-Z][a-zà-ÿ'’-]{1,20}))\s*:\s+(?=\S)")
# terse notes leave out the verb: "PW concerned that ...", "MT and AK strongly opposed ...", "GO pleased that ..."
_FEELINGS = {"concerned": "concern", "worried": "concern", "opposed": "concern", "disappointed": "concern",
             "pleased": "welcome", "delighted": "welcome"}
_INITIALS_ACTION = re.compile(r"\s*(?:[-–•*]\s*)?(?:(?i:actions?)\s*:\s*)?(?P<w>[A-Z]{2,4})\s+to\s+(?!be\b)[a-z]+\s")
# a first name after the label: "ACTION: Priya to circulate ..." (a bare "Priya to ..." is too often a title or a clause)
_NAMED_ACTION = re.compile(r"\s*(?:[-–•*]\s*)?(?i:actions?)\s*:\s*(?P<w>[A-Z][a-z'’-]+)\s+to\s+(?!be\b)[a-z]+\s")
# the owner's initials in the label itself: "ACTION – KS: figures by district to be included in the next report"
_OWNED_ACTION_LABEL = re.compile(r"\s*(?:[-–•*]\s*)?(?i:actions?)\s*[-–—]\s*(?P<w>[A-Z]{2,4})\s*:\s*(?=\S)")
# an action note: "ACTION: Priya to circulate ...", "The Cabinet Member to share ..." (a person or role, then "to" + verb)
_ACTION_LABEL_OPEN = re.compile(r"\s*(?:[-–•*]\s*)?(?:(?i:actions?)\s*:\s*)?(?P<the>[Tt]he\s+)?")
# the rest of a job title after a dash: "The Assistant Director – Inclusion and Additional Needs to provide ..."
_ROLE_TAIL = re.compile(r"(?:\s+[-–—]\s+[A-Z][\w'’&,-]*(?:\s+(?:[A-Z][\w'’&,-]*|and|of|for|the|in))*)?")
_ACTION_TO = re.compile(r"\s+to\s+(?!be\b)[a-z]{3,}\s")
_INITIALS_FEELING = re.compile(r"\s*(?:[-–•*]\s*)?(?P<w>[A-Z]{2,4})(?:\s+and\s+[A-Z]{2,4})?\s+(?:(?:also|very|strongly|particularly|deeply)\s+)?"
                               r"(?P<f>concerned|worried|opposed|disappointed|pleased|delighted)\b")
_NOT_SUBJECTS = {"It", "This", "That", "There", "These", "Those", "Which", "What"}
_OPINION_AFTER = re.compile(r"[^.;]{0,80}?\b(?:should|ought|must|was|were|is|are|had\s+been)\b(?!\s+(?:asked|invited|requested|sent|circulated|added|included)\b)", re.IGNORECASE)
_MOVED_MOTION = re.compile(r"\b(?:moved|proposed)\b(?:\s+and\s+[^.;:]{0,60}?\bseconded)?\s+(?:an?|the)\s+(?:amendment|motion|recommendation)\b",
                           re.IGNORECASE)
# refusing a proposal and naming the harm it would do: "could not support a change that would push more
# families into arrears", "did not accept the amendment, and that it would leave families to pay" (a concern)
_OPPOSED_HARM = re.compile(r"\b(?:could\s+not|cannot|would\s+not|did\s+not|was\s+unable\s+to|were\s+unable\s+to)\s+(?:support|accept)\s+"
                           r"(?:the|a|an|this|these|any)\b[^.;]{0,80}?(?:\b(?:that|which|as|because)\s+(?:it\s+|they\s+)?|,?\s+and\s+that\s+(?:it|they)\s+)"
                           r"would\s+(?:push|leave|put|force|harm|hit|hurt|damage|penalise|disadvantage|cut|remove|take|deny|reduce|increase)\b",
                           re.IGNORECASE)
_MOVED_BY = re.compile(r"\b(?:moved|proposed)\s+by\s+$", re.IGNORECASE)
RESP_START = re.compile(r"^\s*(?:in response|responding|in reply|replying|in answer|answering"
                        r"|(?:following|after)\s+(?:a\s+|the\s+)?(?:further\s+|supplementary\s+)?(?:question|query|questions|queries)\s+(?:from|by)\b"
                        # "Asked by the Chair whether ..., the Head of Commissioning accepted ...": the reply, not the question
                        r"|asked\s+(?:by\s+[^,;]{2,60}?\s+)?(?:whether|if|how|why|when|what|which|about)\b(?=[^;]*,\s+\w))",
                        re.IGNORECASE)  # "Following a question from Cllr Ito about reserves, the Head of Finance confirmed ..."
# RESP_START at a unit's start: ``_RESP_AT.match(text, us, ue)``, without slicing the unit out
_RESP_AT = re.compile(RESP_START.pattern[1:], re.IGNORECASE)
# the ASCII characters a response opening can start with ("in response", "answering", "following" ...)
_RESP_FIRST = first_chars(_RESP_AT)


def _response_opening(text: str, us: int, ue: int) -> bool:
    """``_RESP_AT.match(text, us, ue)``, tried only on a unit whose first character could open it."""
    first = text[us:us + 1]
    if _RESP_FIRST is not None and first.isascii() and first and first not in _RESP_FIRST:
        return False
    return _RESP_AT.match(text, us, ue) is not None

_TO_WHICH = re.compile(r",?\s*to\s+which\s+(?=\S)")
_THAT_CLAUSE = re.compile(r"\bthat\s+\S")
_AND_THEN_OR_COMMA = re.compile(r"(?:\band|,)\s+(?:(?:then|also|later|further|specifically)\s+)?$")


def _after_preposition(before: str) -> bool:
    """``_PREP_BEFORE.search(before)``, run only when ``before`` ends in one of its words."""
    return folded(before.rstrip()).endswith(_PREP_ENDINGS) and _PREP_BEFORE.search(before) is not None


def _reported_cue(text: str, us: int, s: int, e: int, act: str) -> bool:
    """A single-verb cue that reports another's act ("had asked", "were being asked to", "were
    answered within"), told apart from the speaker's own act ("asked whether", "It was asked")."""
    if text[s:s + 3].lower() == "it ":
        return False
    before = text[max(us, s - 40):s]
    if act == "answer" and (_REPLY_TO_NON_QUESTION.match(text, e) or _PEOPLE_WHO.search(before)):
        return True  # "responded to the petition" (a reply to no question), "those who responded" (to a survey)
    if _REPORTED_AUX.search(before):
        return True
    if _PASSIVE_AUX.search(before):
        if act == "answer":
            return not text[e:e + 4].lower().startswith(" by ")  # "was answered by the Chair" names who replied
        return bool(_TO_OR_FOR.match(text, e))  # "were asked to agree"; but "A briefing note was requested"
    return False


def _questioners(text: str, us: int, ments: list[Mention]) -> list[Mention]:
    """The mentions after "question from", "points raised by" ... ."""
    out = []
    for m in ments:
        before = text[max(us, m.start - 40):m.start]
        # _QUESTIONER_BEFORE ends in "from" or "by" then spaces: test that before running it
        last = before.rstrip()[-4:].lower()
        if (last == "from" or last.endswith("by")) and _QUESTIONER_BEFORE.search(before):
            out.append(m)
    return out


_INTRO = re.compile(r"^\s*(?:[A-Z][a-z]+(?:\s+[a-z]+){0,2},\s*|In response,\s*|In reply,\s*)?$")


_BRACKETED_AGENT = re.compile(r"\b(?:was|were)\s+(?:[a-z]+\s+){0,2}?[a-z]+ed\s+\((?:(?P<w>[A-Z]{2,4})|(?P<m>[^()]{3,60}))\)\s+(?=that|whether|about|on|over|at|if|with)\b")


# a passive's agent given by initials: "The Panel was informed by TP that 412 falls had been recorded"
_INITIALS_AGENT = re.compile(r"\b(?:was|were)\s+(?:also\s+|further\s+|then\s+)?(?:informed|advised|told|reminded|assured|reassured|updated|briefed|"
                             r"reported|confirmed|explained|stated|noted)\s+by\s+(?P<w>[A-Z]{2,4})\s+(?=that\b)")


def _bracketed_agent(text: str, us: int, ue: int, ments: list[Mention], cues) -> Subject | None:
    """The speaker a passive names in brackets after its verb: "Concern was raised (PD) that ...",
    "It was noted (Councillor Hale) that ..." (initials or a name)."""
    m = _BRACKETED_AGENT.search(text, us, ue)
    if m is None:
        return None
    act = next((a for s, _e, a in cues if a not in ("passive", "impersonal") and s < m.end()), "statement")
    if m.group("w"):
        return Subject("word", word=m.group("w"), cue_start=m.start(), cue_act=act)
    inside = [x for x in ments if m.start("m") <= x.start and x.end <= m.end("m")]
    return Subject("chain", [(inside[0], None)], cue_start=m.start(), cue_act=act) if len(inside) == 1 else None


def _initials_label(text: str, us: int, ue: int, ucues) -> Subject | None:
    """Notes that name people by initials: "SK: about £3m one-off", "Finance (SK): forecast overspend ..."."""
    # ("ACTION: LM to circulate the draft EIA" never gets here: parse_unit gives it to _action_owner first)
    mf = _INITIALS_FEELING.match(text, us, ue)
    if mf:  # "PW concerned that ...", "GO pleased that ...": a verbless note of someone's feeling
        return Subject("word", word=mf.group("w"), cue_start=mf.start("f"), cue_act=_FEELINGS[mf.group("f").lower()])
    ml = INITIALS_LABEL.match(text, us, ue) if text.find(":", us, ue) >= 0 else None  # a label needs its colon
    if ml is None:
        return None
    act = next((a for c, _e, a in ucues if a not in ("passive", "impersonal") and c >= ml.end()), "statement")
    return Subject("word", word=ml.group("w") or ml.group("b"), cue_start=ml.end(), cue_act=act)


def _action_owner(text: str, us: int, ue: int, ments: list[Mention]) -> Subject | None:
    """An action note's owner: "ACTION: Priya to circulate the figures", "The Head of Service to report back"."""
    initials = (_INITIALS_ACTION.match(text, us, ue) or _OWNED_ACTION_LABEL.match(text, us, ue)
                or _NAMED_ACTION.match(text, us, ue))
    if initials:
        return Subject("word", word=initials.group("w"), cue_start=initials.end("w"), cue_act="commitment")
    if not ments:
        return None
    opened = _ACTION_LABEL_OPEN.match(text, us, ue)
    m = ments[0]
    if m.start not in (opened.start("the"), opened.end()) or not _ACTION_TO.match(text, _ROLE_TAIL.match(text, m.end, ue).end(), ue):
        return None
    return Subject("chain", [(m, None)], cue_start=m.end, cue_act="commitment")


def parse_unit(text: str, us: int, ue: int, mentions: list[Mention], cues: list[tuple[int, int, str]], cue_starts: list[int],
                known=None, mention_starts: list[int] | None = None) -> Unit:
    """The unit ``text[us:ue]`` of a block: its subject, acts and questioners. ``mentions`` and
    ``cues`` are the block's, in order of their starts (``mention_starts``, ``cue_starts``)."""
    if mention_starts is None:
        mention_starts = [m.start for m in mentions]
    ments = mentions[bisect_left(mention_starts, us):bisect_left(mention_starts, ue)]
    ucues = cues[bisect_left(cue_starts, us):bisect_left(cue_starts, ue)]
    owner = _action_owner(text, us, ue, ments)
    if owner is not None:
        return Unit(us, ue, owner, {"commitment"}, False, False, False, [], set())
    noun_act = noun_act_subject(text, us, ue, ments) if ments and text.startswith(("The ", "the ", "His ", "Her ", "Their "), us) else None
    if noun_act is not None:
        subject, act = noun_act
        return Unit(us, ue, subject, {"question"} if act == "question" else set(), act == "answer", False, False,
                    _questioners(text, us, ments), set())
    if not ucues:
        # no cue: no subject and no act; only a response opening and the questioners named
        questioners = _questioners(text, us, ments) if ments else []
        agent = agent_subject(text, us, ue, ments, ucues) or _initials_label(text, us, ue, ucues)  # "The police view, given by DCI Ruddock, was that ..."
        acts = {"question"} if text[ue - 1] == "?" else set()  # "Would the Council consider ...?"
        if agent is not None and agent.cue_act in ("concern", "welcome", "commitment"):
            acts.add(agent.cue_act)  # "PW concerned that ..."
        return Unit(us, ue, agent, acts, _response_opening(text, us, ue), False, False, questioners, set())
    acts = set()
    passive = impersonal = response = False
    for s, e, act in ucues:
        if act == "passive":
            passive = True
        elif act == "impersonal":
            impersonal = True
        elif act == "answer" and not _reported_cue(text, us, s, e, act) and not (
                s > us and _REPORTED_BEFORE.search(text, max(us, s - 24), s) and not _BY_AFTER.match(text, e)):
            response = True  # not "requests had been answered within 20 days" (but "was answered by the Leader")
    questioners = _questioners(text, us, ments)
    # subject: chain of mentions followed by a cue
    best: Subject | None = None
    i = 0
    consumed: set[int] = set()
    while i < len(ments):
        m = ments[i]
        if i in consumed or _after_preposition(text[max(us, m.start - 30):m.start]):
            i += 1
            continue
        if m.label == "NAME_U" and not (known and known(m)) and not _INTRO.match(text[us:m.start]):
            i += 1  # an unknown capitalised pair in mid-sentence is not taken for a person
            continue
        parts: list[list] = [[m, None]]
        pos = m.end
        if m.named and text[m.start - 1:m.start] == "(" and _ORG_THEN_BRACKET.fullmatch(text, us, m.start):
            close = _CLOSE_BRACKET.match(text, pos)  # "LTHT (Ms Farrow) reported", "The ICB (Dr Quarmby) said": the person speaks
            pos = close.end() if close else pos
        j = i + 1
        ok = False
        cue = None
        while True:
            k = bisect_left(cue_starts, pos)
            nc = cues[k] if k < len(cues) and cues[k][0] < ue else None
            limit = nc[0] if nc else ue
            nm = ments[j] if j < len(ments) else None
            if nm is not None and nm.start < limit:
                gap = text[pos:nm.start]
                if (nm.label == "NAME_U" and (not parts[-1][0].named or parts[-1][0].label == "NAME_T") and _ORG_START.fullmatch(gap)
                        and (len(parts) == 1 or parts[-1][0].named) and not (known and known(nm))):
                    # an organisation inside the role or after the person: "The Deputy Director at Cheverell General Hospital NHS
                    # Trust, Mr X", "Inspector Lucy Garside of the Sallowbeck Neighbourhood Policing Team and Mr Orchard"
                    j += 1
                    continue
                org = _ROLE_ORG_GAP.fullmatch(gap) if nm.named and not parts[-1][0].named and len(parts) == 1 else None
                if nm.named and not parts[-1][0].named and (gap.strip() in (",", "(", "-", "") or org) and len(parts) == 1:
                    # a name in apposition to a role: "The Corporate Director, Sarah Whitlock, confirmed", "The
                    # Associate Director of Nursing at Cheverell Community Health NHS Trust, Ms Bernadette Quaye, explained"
                    role = re.sub(r"^(?:the|our)\s+", "", parts[-1][0].text, flags=re.IGNORECASE)
                    if org:
                        role += " " + org.group(1)
                    parts[-1] = [nm, role]
                    pos = nm.end
                    if gap.strip() == "(":
                        close = _CLOSE_BRACKET.match(text, pos)  # "The Cabinet Member for Housing (Councillor Zed) said"
                        pos = close.end() if close else pos
                    j += 1
                    continue
                if not nm.named and parts[-1][0].named and (_APPOS_OPEN.match(gap) or _ROLE_APPOS_GAP.fullmatch(gap)):
                    # a role inside an apposition: "Jane Smith, Head of Early Help, presented"
                    parts[-1][1] = parts[-1][1] or nm.text
                    j += 1
                    continue
                if (nm.label == "NAME_U" and parts[-1][0].named and (gap.strip() in (",", "(") or _ORG_START.fullmatch(gap))
                        and not (known and known(nm)) and title_kind(nm.text) == "external"):
                    # an organisation in apposition, not a second person: "Mr Colin Tait, Healthwatch Harrowfield, said",
                    # "Inspector Lucy Garside of the Sallowbeck Neighbourhood Policing Team and Mr Orchard gave", its
                    # name running on past the mention ("Western Counties Ambulance Service")
                    parts[-1][1] = parts[-1][1] or nm.text
                    pos = nm.end + _CAPITALISED_RUN.match(text, nm.end).end() - nm.end
                    if gap.strip() == "(":
                        close = _CLOSE_BRACKET.match(text, pos)  # "Mr Stephen Garrod (Healthwatch Pellingford) said"
                        pos = close.end() if close else pos
                    j += 1
                    continue
                mc = _CONNECT.fullmatch(gap)
                if mc and nm.label == "NAME_U" and not (known and known(nm)) and (
                        not parts[-1][0].named or _appos_title(mc)):
                    mc = None  # "..., Chief Medical Officer of the Fennick and Marston Hospitals NHS Trust": not a person
                if mc:
                    parts[-1][1] = _appos_title(mc) or parts[-1][1]
                    parts.append([nm, None])
                    pos = nm.end
                    j += 1
                    continue
                if not (nc is not None and nc[0] - pos <= 180 and _LAST_GAP.fullmatch(text[pos:nc[0]])):
                    break
                # else the mention lies inside an apposition that runs up to the cue ("Dr Amadi, Chief
                # Medical Officer of the Fennick and Marston Hospitals NHS Foundation Trust, presented")
            if nc is not None and nc[0] - pos <= 180:
                mg = _LAST_GAP.fullmatch(text[pos:nc[0]])
                if mg is None and nc[0] - pos <= 60 and _APPOS_OPEN.match(text, pos):
                    # a cue word inside the apposition: "Anita Rowe (AR), primary maintained representative, asked"
                    later = next((c for c in cues[k + 1:] if c[0] < ue and c[0] - pos <= 180 and _LAST_GAP.fullmatch(text[pos:c[0]])), None)
                    if later is not None and not (nm is not None and nm.start < later[0]):
                        nc, mg = later, _LAST_GAP.fullmatch(text[pos:later[0]])
                if mg:
                    said_as = _appos_title(mg)
                    if not (parts[-1][1] and said_as and _ON_BEHALF.match(said_as)):  # keep the job over ", on behalf of the COO,"
                        parts[-1][1] = said_as or parts[-1][1]
                    ok = True
                    cue = nc
            break
        if ok and cue is not None:
            last_title = parts[-1][1]
            if len(parts) > 1 and last_title and last_title.split()[0].lower().endswith("s"):
                # "Jamal Henry and Ellie Moss, members of the Children in Care Council, presented"
                for p in parts[:-1]:
                    p[1] = p[1] or last_title
            if best is None or cue[0] < best.cue_start:
                best = Subject("chain", [(p[0], p[1]) for p in parts], cue_start=cue[0], cue_act=cue[2])
            consumed.update(range(i, j))
        i += 1
    if best is not None and best.kind == "chain" and ments and best.parts[0][0] is not ments[0]:
        # "Response (Cabinet Member for Children): The intention was ..., but the Director cautioned that ...": the label's
        labelled = label_subject(text, us, ue, ments, ucues)
        best = labelled or best
    # pronoun / single-word subject before a cue
    for s, e, act in ucues:
        if best is not None and s >= best.cue_start:
            break
        if act in ("impersonal", "resolution"):
            continue
        mw = _WORD_BEFORE.search(text[max(us, s - 60):s])
        if mw:
            w = mw.group("w")
            if any(m.start <= s - (len(text[max(us, s - 60):s]) - mw.start("w")) < m.end for m in ments):
                continue
            if w in _NOT_SUBJECTS:
                best = None  # "It was explained that ... the Director considered": no speaker named
                break
            listed = _PLURAL_TITLE_LIST.search(text, us, max(us, s - 60) + mw.start("w"))
            if listed:
                w = listed.group("first")  # "Councillors Evans and Khan asked": the first named speaks
            best = Subject("pronoun" if w in PRONOUNS else "word", word=w, cue_start=s, cue_act=act)
            break
    if best is None:
        best = _initials_label(text, us, ue, ucues)
    if best is None or best.kind == "word":
        # "Concern was raised (PD) that ...", "It was noted (SC) that" ("Concern" is no subject)
        best = (_bracketed_agent(text, us, ue, ments, ucues) if text.find("(", us, ue) >= 0 else None) or best
    if best is None and ments and ments[0].start - us <= 1:
        # "The Executive Director did not have the figure to hand and undertook to provide it": the subject of a
        # later verb joined by "and"
        m0 = ments[0]
        later = next((c for c in ucues if c[0] >= m0.end and c[2] not in ("passive", "impersonal")), None)
        if (later is not None and later[0] - m0.end <= 120 and _AND_THEN.search(text, m0.end, later[0])
                and not any(m0.end <= m.start < later[0] for m in ments) and not _CLAUSE_BREAK.search(text, m0.end, later[0])):
            best = Subject("chain", [(m0, None)], cue_start=later[0], cue_act=later[2])
    if best is None:
        # "It was moved by Councillor Ferris and seconded by Councillor Lomax that ...": the mover
        mover = next((m for m in ments if m.named and _MOVED_BY.search(text[max(us, m.start - 25):m.start])), None)
        if mover is not None:
            best = Subject("chain", [(mover, None)], cue_start=mover.start, cue_act="statement")
    subj_passive = best is not None and best.cue_act == "passive"
    if subj_passive:
        # "Mr Carville ... was welcomed to the meeting and presented an update": the subject of the second verb
        later = next((c for c in ucues if c[0] > best.cue_start and c[2] not in ("passive", "impersonal")
                      and _AND_THEN.search(text, best.cue_start, c[0])), None)
        if later is not None and not any(best.cue_start < m.start < later[0] for m in ments):
            best = Subject(best.kind, best.parts, best.word, cue_start=later[0], cue_act=later[2])
            subj_passive = False
        else:
            best = None
    if best is None or (best.kind == "chain" and all(p[0].label.endswith("|group") for p in best.parts)):
        best = relative_subject(text, us, ments, ucues) or best  # "... a presentation from Ms Quill, who explained"
    if best is None or best.kind == "word":
        # "It was confirmed by Mrs Fitch that", "..., said the Chairman."; "Concern was expressed by" is no subject "Concern"
        best = agent_subject(text, us, ue, ments, ucues) or best
    if best is None and text.find(" by ", us, ue) >= 0 and (agent := _INITIALS_AGENT.search(text, us, ue)):
        act = next((a for s, _e, a in ucues if a not in ("passive", "impersonal") and s >= agent.end()), "statement")
        best = Subject("word", word=agent.group("w"), cue_start=agent.start(), cue_act=act)
    # acts: strong cues; a response prefix hides question/concern words inside it
    resp_prefix_end = us
    if _response_opening(text, us, ue):
        resp_prefix_end = best.cue_start if best else (text.find(",", us, ue) if text.find(",", us, ue) >= 0 else us)
        response = True
    reply = _TO_WHICH.search(text, us, ue) if text.find("to which", us, ue) >= 0 else None
    replier = next((m for m in ments if m.start == reply.end()), None) if reply else None
    if replier is not None and any(c[0] >= replier.end and c[2] not in ("passive", "impersonal") for c in ucues):
        # "It was asked whether the contractor had been penalised, to which the Section 151 Officer replied that ...":
        # the question and its answer in one sentence, spoken by the one who replied
        cue = next(c for c in ucues if c[0] >= replier.end and c[2] not in ("passive", "impersonal"))
        best = Subject("chain", [(replier, None)], cue_start=cue[0], cue_act="answer")
        resp_prefix_end, response = cue[0], True
    feeling_at = None  # where a welcome or concern cue was taken
    for s, e, act in ucues:
        if (feeling_at is not None and act in ("question", "request") and s > feeling_at
                and any(a == "request" and s2 == s for s2, _, a in ucues) and _AND_THEN.search(text, max(us, s - 12), s)):
            continue  # "The Chairman welcomed the scheme and asked that it be offered ...": the welcome is the act
        if act == "request" and e - s == 12 and text[s:e].lower() == "request that" and _REQUEST_NOUN.search(text, max(us, s - 12), s):
            continue  # "an amendment to replace the final paragraph with a request that ...": a request described
        if act == "question" and text[s:e].lower() == "challenged" and _CHALLENGED_SAYING.match(text, e, ue):
            acts.add("concern")
            continue
        if act == "request" and text.find(" would ", us, s) >= 0 and _WOULD_ASK.search(text, max(us, s - 160), s):
            acts.add("commitment")  # "said that she would ... and ask that ...": her promise to ask, not her request
            continue
        if act == "commitment" and text[s:e].lower().startswith("committed") and _PASSIVE_AUX.search(text, max(us, s - 40), s):
            continue  # "the increase was already committed to the pay award": money allocated, not a promise
        if act in ("welcome", "commitment") and _REPORTED_AUX.search(text, max(us, s - 40), s) and (
                act == "welcome" or _PASSIVE_AUX.search(text, max(us, s - 40), s) or text[max(us, s - 3):s] == "be "):
            continue  # "people who had contacted Healthwatch had praised the service", "that it be offered to more young people"
        if act in ("commitment", "concern") and _RELATIVE_BEFORE.search(text, max(us, s - 8), s) and (
                act == "commitment" or ("welcome" in acts and text[s:e].lower().endswith("felt"))):
            # "emerging findings, which would be reported to the Committee": what will happen, no one's promise;
            # "welcomed the contact, which he felt was good practice": a view qualifying the welcome, no worry (but
            # "Reference was made to repeat referrals, which she felt was far too high" is one)
            continue
        if act in ("statement", "impersonal") and text[max(us, e - 9):e].lower().endswith(("suggested", "proposed")) and (
                _SUGGESTED_THAT.match(text, e)):
            acts.add("request")  # "suggested that the Committee look at ...", "It was suggested by Cllr X that an item be added"
            continue
        if act in ("passive", "impersonal", "statement", "answer"):
            continue
        if act == "welcome" and _PASSIVE_BEFORE.search(text, max(us, s - 12), s) and not _BY_AFTER.match(text, e):
            continue  # "was welcomed to the meeting": welcomed, not welcoming (but "was praised by the Committee")
        if act == "request" and _REQUESTED_PARTICIPLE.match(text, e) and text[s:s + 3].lower() != "it ":
            continue  # "the breakdown requested at the last meeting": a request reported, not made
        if act in ("request", "question", "commitment") and s > us and _REPORTED_BEFORE.search(text, max(us, s - 24), s) and (
                act != "question" or _ASKED_TO.match(text, s, ue) or text[max(us, s - 6):s].lower() == "to be "):
            # "no changes had been requested", "members were asked to agree", "the Committee was asked to comment",
            # "the Panel had asked to focus on", "most of it was already committed to the pay award": reported, not made
            continue
        if act == "decision":
            if text[s:s + 7].lower() == "it was " and _OPINION_AFTER.match(text, e, ue):
                continue  # "It was agreed that children should be placed close to home": a view shared, not a decision
            acts.add("resolution")  # "The minutes ... were confirmed as a correct record", "The Board NOTED ..."
            continue
        if act in ("question", "concern", "request") and s < resp_prefix_end:
            continue
        if (act in ("question", "request") and best is not None and best.cue_act in ("statement", "answer") and best.cue_start < s
                and _THAT_CLAUSE.search(text, best.cue_start, s) and not _AND_THEN_OR_COMMA.search(text, max(us, s - 16), s)):
            continue  # "The Director confirmed that the quality team now asked every provider for ...": the team's asking, reported
        if act in ("question", "request", "answer") and _reported_cue(text, us, s, e, act):
            if (act == "question" and "question" not in acts and _BE_ASKED_TO.search(text, max(us, s - 4), e + 3)
                    and not _WHETHER_BEFORE.search(text, us, s)):
                # "(2) the Cabinet Member be asked to write to ...": a decision's request; not inside a question ("Asked
                # whether the partner bodies would be asked to meet the overspend")
                acts.add("request")
            continue
        if act == "resolution" and s - us > 40 and not (best and best.cue_start == s):
            continue
        if act == "question" and s > us and text[max(us, s - 9):s].lower().rstrip().endswith(("was", "were", "been")) and any(
                a == "impersonal" and s2 < s for s2, _, a in ucues):
            continue  # "It was explained that people were asked in 89 per cent of cases": reported, not asked
        if act == "question" and s > us and text[max(us, s - 9):s].lower().rstrip().endswith(("was", "were", "been")) and not any(
            a == "question" and s2 != s for s2, _, a in ucues
        ):
            # "... was questioned" / "was asked": a question with no named asker
            acts.add("question")
            continue
        acts.add(act)
        if act in ("welcome", "concern") and feeling_at is None:
            feeling_at = s
    if not acts and not response and text.find(" not ", us, ue) >= 0 and _OPPOSED_HARM.search(text, us, ue):
        acts.add("concern")
    if acts and (text.find("moved", us, ue) >= 0 or text.find("proposed", us, ue) >= 0) and _MOVED_MOTION.search(text, us, ue):
        acts -= {"request", "question", "concern", "commitment", "welcome"}  # "moved an amendment to ... with a request that": moving it
    if not acts and text[ue - 1] == "?":
        acts.add("question")  # "Councillor Hale: Can officers say when ...?"
    headless = best is None and ucues[0][0] == us and text[us:us + 1].isupper() and ucues[0][2] not in ("answer", "impersonal")
    return Unit(us, ue, best, acts, response, passive or subj_passive, impersonal, questioners, set(), headless)
