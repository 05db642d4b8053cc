"""An item's blocks -> statements: structure (headings, numbered / lettered / bulleted lead-ins,
decisions, movers, turns) and discourse state (last speaker, open questions)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from . import rules
from .answers import decide_act
from .housekeeping import (
    ACTION_LABEL,
    ATTEND_FOR_ITEM,
    has_housekeeping_verb,
    holds_any,
    housekeeping,
)
from .people import People
from .qa_layout import QALayout, label_only
from .records import (
    COMMITTEE,
    DECIDING_BODIES,
    DECISION_POINT,
    BlockData,
    LeadIn,
    Spk,
    Stmt,
    Subject,
)
from .speakers import Analyser, ItemState
from .textnorm import (
    QUESTION_HEADING,
    Block,
    anchored_at_start,
    first_chars,
    folded,
    normalise,
    required_text,
)
from .units import INITIALS_LABEL

_DECISION_LABEL = re.compile(r"(?:RESOLVED|AGREED|DECISION|DECIDED)\b\s*[:\-–]?")  # "DECISION: Schools members agreed ...": the body's
# a part of a decision in the present tense, its body left out: "(iii) recommends that the ICB reports to the Committee ..."
_DECISION_PART = re.compile(r"(?:\(?[ivx\d]{1,4}\)\s*|[a-h]\)\s*)?(?:notes|requests|recommends|asks|agrees|endorses|approves|supports|welcomes|resolves)\s")
_BODY_DECIDED = re.compile(r"(?:(?:also|further|then|formally|unanimously)\s+)?(?:(?:agreed|approved|endorsed|decided|ratified|resolved)\b(?!\s+with\b)"
                           r"|noted\b[^.;]{0,200}?\band\s+(?:asked|agreed|requested|recommended|resolved|endorsed|approved|supported)\b"
                           # "The Committee noted the annual report and thanked the Headteacher": noting the report is the decision
                           r"|noted\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:report|update|presentation|plan|strategy)\b[^.;]{0,120}?\band\s+(?:thanked|welcomed|commended)\b"
                           # "The Forum noted the update.", "The Board noted the monitoring report and the plan.": the noting is the decision
                           r"|noted\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:report|update|presentation)s?(?:\s+(?:on|for|and)\s+[^.;]{1,120}?)?\s*(?:[.;](?=\s|$)|$))",
                           re.IGNORECASE)
# "Members agreed that a joint session ... be added to the work programme": what the members decide, put
# in the subjunctive, is the Committee's decision; "Members agreed that the applicant should be encouraged ..." is a view
_MEMBERS_DECIDED = re.compile(r"(?:(?:also|further|then|unanimously)\s+)?agreed\s+that\s+(?:(?!\b(?:should|would|could|must|might|may|will|was|were|is|are)\b)[^.;:]){3,200}?"
                              r"\bbe\s+(?:[a-z]+ed|held|sent|written|given|made|brought|taken|drawn|put|kept|set|shown|sought|done)\b")


def _compile_lead_ins() -> list[tuple[str, Callable, str]]:
    """The patterns of every kind, in the data file's order, each with the text it needs and its
    kind: a pattern is tried only on a block holding that text, at the start when it is anchored
    there (a search would try every position)."""
    out = []
    for kind, patterns in rules.lead_ins().items():
        for p in patterns:
            rx = re.compile(p, re.IGNORECASE)
            out.append((required_text(p), rx.match if anchored_at_start(p) else rx.search, kind))
    return out


_LEAD_INS: list[tuple[str, Callable, str]] | None = None
#: the patterns, in order, that a block opening on each ASCII character can match (``first_chars``)
_LEAD_INS_BY_FIRST: dict[str, list[tuple[str, Callable, str]]] = {}


def _lead_ins_by_first(lead_ins: list[tuple[str, Callable, str]]) -> dict[str, list[tuple[str, Callable, str]]]:
    firsts = [first_chars(find.__self__) if find.__name__ == "match" else None for _, find, _ in lead_ins]
    return {chr(c): [li for li, first in zip(lead_ins, firsts) if first is None or chr(c) in first] for c in range(128)}


def lead_in_kind(text: str, low: str | None = None) -> str | None:
    """``low``: ``folded(text)`` of a ``text`` already normalised and stripped (a block's)."""
    global _LEAD_INS, _LEAD_INS_BY_FIRST
    if _LEAD_INS is None:
        _LEAD_INS = _compile_lead_ins()
        _LEAD_INS_BY_FIRST = _lead_ins_by_first(_LEAD_INS)
    if low is None:
        text = normalise(text).strip()
        low = folded(text)
    t = text
    for needed, find, kind in _LEAD_INS_BY_FIRST.get(t[:1], _LEAD_INS):
        if needed in low and find(t):
            return kind
    return None


# "In discussion, Members:" names who made the points below and says nothing itself
_LABEL_LEAD_IN = re.compile(r"^(?:in|during|following)\s+(?:the\s+)?(?:ensuing\s+)?(?:discussion|debate|questions)[^,:]{0,40},\s*[^:,]{1,60}:$",
                            re.IGNORECASE)
_PURE_LEAD_IN = re.compile(
    r"^(?:he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|the\s+[\w'’ -]{1,50}?)(?:\s+(?:also|then|further|briefly|went on to))?\s+"
    r"(?:highlighted|outlined|noted|made|raised|set out|reported|summarised|listed|identified|covered|described|explained|"
    r"drew (?:\w+['’]?\s+)?attention to|shared|presented|gave|provided|mentioned|stated|said|"
    r"asked|queried|put|responded|replied|answered)"  # "Councillor Amos asked:" / "(a) how many ...;" / "The Director responded:"
    r"(?:\s+(?:the following|a few|a number of|several|some|two|three|four|five))?(?:\s+(?:key|main|headline|further|supplementary))?"
    r"(?:\s+(?:areas|points|issues|matters|updates|highlights|changes|risks|messages|figures|themes|questions|queries))?"
    r"(?:\s+(?:for|to)\s+(?:the\s+)?(?:committee|panel|board|members))?(?:,?\s+(?:as follows|that|including))?\s*:$",
    re.IGNORECASE,
)

# "Moira Galbraith, Executive Director of Finance, set out the main features of the draft budget:",
# "IO drew the Board's attention to three findings:", "Councillor Morley moved and Councillor Keane
# seconded the following motion:": the points below say it all. A bare "the following:" only right
# after the verb: "Mr Baker provided an update on the following:" is kept (the realdata tests).
_LIST_LEAD_IN = re.compile(
    r"^(?:he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|the\s+[\w'’ -]{1,50}?)(?:\s*,\s*[^,:;]{2,90},|\s*\([^()]{1,90}\))?"
    r"(?:\s+(?:also|then|further|briefly|went on to))?(?:\s+(?:presented|introduced)\s+(?:the|an?|his|her|their)\s+[\w'’ -]{1,40}?\s+and)?\s+"
    r"(?:highlighted|outlined|noted|made|raised|set out|reported|summarised|listed|identified|covered|described|explained|shared|gave|"
    r"provided|mentioned|drew (?:(?:the\s+)?[\w'’]+\s+)?attention to|moved|proposed|presented|introduced)"
    r"(?:\s+the following|(?:\s+[\w'’-]+){0,6}?\s+(?:the following\s+[\w-]+|"
    r"(?:the|two|three|four|five|six|several|a number of|some)\s+(?:(?:main|key|headline|principal)\s+)?"
    r"(?:findings|features|matters|points|areas|issues|themes|messages|risks|changes|highlights|updates|priorities|proposals|"
    r"pressures|challenges|reasons|factors|actions|steps|options)"
    r"(?:\s+(?:of|in|from|on|for|facing)\s+[^:;.,]{1,60})?))(?:,?\s+(?:which|these|they)\s+(?:were|are|was|included))?\s*:$",
    re.IGNORECASE,
)
# "Councillor Amos asked the Leader the following question:" over the question itself
_QUESTION_LEAD_IN = re.compile(r"^[^:;.?!]{2,100}?\b(?:asked|put|submitted|tabled)\s+(?:[^:;.?!]{1,80}?\s+)?the\s+following\s+"
                               r"(?:(?:supplementary|written|oral)\s+)?questions?(?:\s+(?:of|to)\s+[^:;.?!]{1,80})?\s*:$", re.IGNORECASE)
# "Councillor Morley moved and Councillor Keane seconded the following motion:" introduces the motion (not a statement);
# the motion's sentences below are the mover's
_MOTION_LEAD_IN = re.compile(r"\b(?:moved|proposed)\b[^:]{0,120}?(?:\b(?:the\s+following|this|a|an|the)\s+(?:(?:notice\s+of\s+)?motion|amendment|"
                             r"recommendation|resolution)s?\b[^:]{0,40}|\bthat)\s*:$", re.IGNORECASE)

# A decision written as a point in the infinitive under a "Decision" sub-heading (Scottish
# councils: "Decision" / "1) To agree to close actions 1, 3 and 5.") is a resolution, as the
# points of a "RESOLVED:" lead-in are.
# So are the numbered recommendations under a "Recommendations to Cabinet" heading ("R1 That Cabinet
# approves ...", "Rec 2 That ..."), or under "Comments to Cabinet": what the Committee recommends is its decision.
_DECISION_HEADING = re.compile(r"^(?:decisions?|resolved|resolutions?|agreed|decision of the (?:committee|panel|board|authority)|"
                               r"(?:the\s+)?(?:committee'?s?\s+|panel'?s?\s+)?recommendations?(?:\s+(?:to|for)\s+(?:the\s+)?[a-z][\w'’&, -]{1,60})?|"
                               r"(?:the\s+)?(?:committee'?s?\s+|panel'?s?\s+)?comments?\s+(?:to|for)\s+(?:the\s+)?(?:cabinet|executive|council|mayor)\b[\w'’&, -]{0,40})\s*:?$",
                               re.IGNORECASE)
# A paragraph that is nothing but a decision in the subjunctive, with no "RESOLVED" or heading above it
# (lost in conversion, or a panel's recommendation printed bare): "That the Commissioner publish the
# figures each quarter.", "That the proposed precept be supported.", "That Cabinet approves the business case."
_BARE_THAT_DECISION = re.compile(
    r"^That\s+(?!(?:is|was|were|would|had|has|have|could|should|will|may|might|must|did|does|being|said|meant)\b)"
    r"(?:[^.;:?!]{1,120}?\s(?:be|is\s+asked\s+to|are\s+asked\s+to)\s+[a-z]+"
    r"|(?:the\s+|this\s+)?(?:[A-Z][\w'’&-]*\s+){1,6}(?!(?:is|was|has|does|says|said|had|were|are)\b)(?:[a-z]+s|approve|note|ask|agree|support|"
    r"endorse|receive|request|recommend|seek|consider|review|write|report|publish|provide|share|include|undertake|bring|set|make)\b)")
_DECISION_REASON = re.compile(r"^reasons?(?:\s+for\s+(?:the\s+)?decisions?)?\s*[:\-–]\s*\S", re.IGNORECASE)
_DECISION_POINT = re.compile(r"^(?:(?:R|Rec\.?\s?|Recommendation\s)\d{1,2}[.:)]?\s+)?(?:[Tt]o|[Tt]hat(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:(?:otherwise|also|further|formally)\s+)?[a-z]+\b")
# the vote a decision records: "RESOLVED (6 votes for, none against) –", "RESOLVED, by 6 votes to 2, to:", "RESOLVED unanimously to:"
_VOTE = r"(?:\s*\([^()]{1,60}\)|,?\s+unanimously|,?\s+by\s+(?:a\s+)?(?:majority|\d+\s+votes?\s+to\s+\d+)(?:[^,:;.]{0,40})?,?)?"
_BARE_DECISION = re.compile(r"^(?:[Ii]t\s+was\s+(?:resolved|agreed|decided)|(?:it\s+was\s+)?(?:RESOLVED|AGREED|DECISION|DECIDED|DETERMINED|Resolved|Agreed|Decided))" + _VOTE
                            + r"\s*(?:[:\-–]\s*)?(?:[Tt]hat|[Tt]o)?\s*[:\-–]?$"
                            # "RESOLVED: That Cabinet –" over "(1) approves ...; (2) delegates to ..."
                            r"|^(?:[Ii]t\s+was\s+)?(?:RESOLVED|AGREED|DECISION|DECIDED|Resolved|Agreed|Decided)\s*[:\-–—]?\s*[Tt]hat\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,4}?"
                            # (or with no stop at all: "RESOLVED: That the Sub-Committee" over "(1) notes the presentation;")
                            r"(?:Committee|Sub-Committee|Panel|Board|Council|Cabinet|Forum|Commission|Authority|Executive)\s*[:\-–—]?$")
# "The Committee RESOLVED (6 votes for, none against) –", "The Commission RESOLVED, by 6 votes to 2, to:",
# "Outcome – the Committee:", "Outcomes:" over the parts: a lead-in naming the vote or the body, no decision itself
_BODY_DECIDED_LEAD_IN = re.compile(
    r"^(?:(?:[Uu]pon|[Oo]n)\s+a\s+vote\s*\([^()]{1,60}\),?\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w'’&-]*\s+){0,4}"
    r"(?:Committee|Sub-Committee|Panel|Board|Council|Cabinet|Forum|Commission|Authority|Executive)\s+"
    r"(?:RESOLVED|AGREED|DECIDED|DETERMINED|RECOMMENDED(?:\s+(?:TO|to)\s+(?:THE\s+|the\s+)?[A-Z][\w&]*(?:\s+[A-Z][\w&]*)?)?|resolved|agreed|decided)" + _VOTE
    + r"\s*(?:[:\-–—]|:\s*[\-–—]|,?\s*(?:to|that)\s*[:\-–—]?)$"
    # minutes in the first person plural: "We agreed:" / "We agreed to recommend to the Cabinet that:" over the parts
    r"|^We\s+(?:also\s+)?(?:agreed|resolved|decided)(?:\s+to\s+recommend\b[^:.;]{0,80}?\s+that)?\s*:$"
    r"|^(?:[Oo]utcomes?|OUTCOMES?|[Dd]ecisions?)\s*(?::|[\-–—]\s*(?:[Tt]hat\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w'’&-]*\s+){0,4}?"
    r"(?:Committee|Sub-Committee|Panel|Board|Council|Cabinet|Forum|Commission|Authority|Executive)\s*:?)$")
# "RESOLVED: That the Committee recommends to Cabinet that:" + "(a) ...": the parts are the decisions
_DECISION_LIST = re.compile(r"^(?:[Ii]t\s+was\s+)?(?:RESOLVED|AGREED|DECIDED|Resolved|Agreed|Decided)\s*[:\-–]?\s*(?:[Tt]hat\s+)?"
                            r"(?:[^.;:]{3,120}\s(?:that|to)\s*:|(?:[Tt]he\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s*[:\-–—])$")
# "The Committee agreed:" + "(i) to note the report; and" / "(ii) to request a further report": the body's decisions below
_BODY_DECIDED_LIST = re.compile(r"^(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,4}?(?:committee|sub-committee|panel|board|cabinet|council|forum|authority|members)\s+"
                                r"(?:(?:unanimously|then|also|further)\s+)?(?:agreed|resolved|decided|approved)(?:\s+(?:that|to))?\s*(?::\s*[\-–—]?|[\-–—])$",
                                re.IGNORECASE)
# "The Panel agreed the following recommendations to the Commissioner:", "The Board agreed to make these
# recommendations:", "Following discussion, the Panel's
# recommendations to the Executive are:" over "R1 That ..." / "(1) That ...": the body's decisions below
_BODY_RECOMMENDS_LIST = re.compile(
    r"^(?:(?:following|after)\s+(?:the\s+)?(?:discussion|debate),?\s+)?(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,4}?"
    r"(?:committee|sub-committee|panel|board|cabinet|council|forum|authority|commission)"
    r"(?:['’]s\s+|\s+(?:(?:unanimously|then|also|further)\s+)?(?:agreed|made|approved|resolved|decided|endorsed)(?:\s+to\s+(?:make|submit|put\s+forward|send))?\s+(?:the\s+following|these)\s+)"
    r"(?:recommendations?|resolutions?|decisions?)(?:\s+(?:to|for)\s+(?:the\s+)?[^:.;]{1,60}?)?(?:\s+(?:are|were|is|was))?(?:\s+as\s+follows)?\s*[:\-–—]$",
    re.IGNORECASE)
# "Panel decision (10 for, 1 against, 0 abstentions): That the precept be supported.": a decision under its own label
_LABELLED_DECISION = re.compile(r"^(?:(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,3}?(?:Committee|Sub-Committee|Panel|Board|Cabinet|Council|Forum|Authority|Commission)['’]?s?\s+)?"
                             r"(?:[Dd]ecision|[Rr]esolution)(?:\s*\([^()]{1,60}\))?\s*[:\-–—]\s*(?:[Tt]hat|[Tt]o)\s")
# a printed page's running header between paragraphs: "Children's, Young People and Education Cabinet Committee – 21 May 2024"
_RUNNING_HEADER = re.compile(r"^[^.;:?!]{3,120}?\s[-–—]\s(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}$")
# A decision notice's "Reasons for decision" / "Alternative options considered" explain the decision
# in the report's words: nobody said them at the meeting
_NOTICE_HEADING = re.compile(r"^(?:reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)|alternative\s+options?\s+"
                             r"(?:considered|rejected)(?:\s+and\s+rejected)?|(?:any\s+)?conflicts?\s+of\s+interests?(?:\s+declared)?|"
                             r"dispensations?\s+granted)\s*:?$", re.IGNORECASE)
# "RESOLVED:" / "The Select Committee:" / "That the Audit & Governance Committee:" + "i. Notes ...": the
# body deciding, naming who decides the parts below (one pattern, whether or not under "RESOLVED:")
_BODY_LEAD_IN = re.compile(r"^(?:[Tt]hat\s+)?(?:[Tt]he\s+)?(?:[A-Z&][\w'’&-]*\s+){0,5}(?:[Cc]ommittee|[Ss]ub-[Cc]ommittee|[Pp]anel|[Bb]oard|"
                           r"[Ff]orum|[Cc]abinet|[Cc]ouncil|[Aa]uthority|[Cc]ommission)\s*:$")
# "RESOLVED: That (1) the report be noted; (2) a breakdown be reported ...": each part its own statement
_INLINE_PART = re.compile(r"(?:and\s+|or\s+)?\((?:\d{1,2}|[a-hA-H]|i{1,3}|iv|vi{0,3}|ix|x)\)\s")
_NO_WORDS = re.compile(r"\W*")
_CONJUNCTION_ONLY = re.compile(r"(?:and|or|and/or|but)\W*", re.IGNORECASE)
_MOVER_LINE = re.compile(r"^(?:[-–—]\s*)?(?:moved|proposed)\s+by\b", re.IGNORECASE)
# "moved by", "seconded by", or a town council's "Proposed Cllr Finch, seconded Cllr Kemp" with no "by"
MOVER_WORDS = r"(?:[-–—]\s*)?(?:it\s+was\s+(?:(?:further|then|also)\s+)?)?(?:moved|proposed|seconded)\s+(?:by\b|(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]))"
_MOVER_ONLY = re.compile(MOVER_WORDS + r"[^.;:!?]*", re.IGNORECASE)
_DECIDED = re.compile(r"\b(?:RESOLVED|AGREED)\b")
#: every match of _LABELLED_DECISION, _BARE_DECISION, _DECISION_LIST, _BODY_DECIDED_LEAD_IN, _BODY_DECIDED_LIST and
#: _BODY_RECOMMENDS_LIST holds one of these words (in any case): a paragraph with none of them is spared the patterns
DECISION_WORDS = ("resolved", "agreed", "decided", "decision", "determined", "recommend", "outcome", "approved", "resolution")
_TOOK_CHAIR = re.compile(r"\b(?:took|assumed|resumed|occupied|was\s+in|in)\s+the\s+chair\b", re.IGNORECASE)
_TERMINAL_INSIDE = re.compile(r"[.;!?]\s+\S")


def rank_of(b: Block, parent: LeadIn | None, last_alpha: str | None) -> tuple[int, str | None]:
    marker = b.marker
    if marker == "roman" and b.label in ("i", "v", "x") and last_alpha and ord(b.label) == ord(last_alpha) + 1:
        marker = "alpha"
    if marker is None:
        return 0, None
    if marker == "num":
        return 1, marker
    if marker == "alpha":
        return 2, marker
    if marker == "roman":
        return 3, marker
    # bullets nest under whatever introduced them unless the lead-in is a bullet of the same kind
    if parent is None:
        return 1, marker
    if parent.marker == "bullet" and parent.label == b.label:
        return parent.rank, marker
    return parent.rank + 1, marker


def analyse_item(bds: list[BlockData], an: Analyser, titled: bool = False) -> list[Stmt]:
    state = ItemState()
    stmts: list[Stmt] = []
    stack: list[LeadIn] = []
    section: str | None = None
    last_alpha: str | None = None
    deciding = False  # under a "Decision" heading or label
    qa = QALayout()
    point_rank: int | None = None  # the rank of the list point just read
    notice = False  # under "Reasons for decision" and the like
    for n, bd in enumerate(bds):
        if bd.listed:
            continue
        b = bd.block
        if b.kind != "para" or (len(b.text) < 60 and _NOTICE_HEADING.match(b.text)):
            notice = bool(_NOTICE_HEADING.match(b.text))
        if notice:
            continue
        following = bds[n + 1].block.text if n + 1 < len(bds) else ""
        if (qa.asker_line(b.text, an) or (b.kind == "heading" and qa.asker_heading(b.text, following, an))
                or qa.responder_line(b.text, following, an)):
            continue  # "Question from: Councillor Bryn Hartley" (a table row), "Cllr Quinn (LD)" over "Q: ...", "Response from: ..."
        if b.kind == "structural":
            if _DECISION_HEADING.match(b.text):
                # a "DECISION:" label under the "Decision" sub-heading it repeats stays under that sub-heading
                if not (deciding and section and section.casefold() == b.text.rstrip(" :").casefold()):
                    section = b.text.rstrip(" :")
                deciding = True
            continue
        if b.kind == "heading" and (_BODY_DECIDED_LEAD_IN.match(b.text) or _BARE_DECISION.match(b.text)):
            # "The Committee DETERMINED (nem. con.) -" set on a line of its own: the lead-in of the parts below
            stack.clear()
            stack.append(LeadIn(0, None, None, "decision", act="resolution"))
            deciding = True
            continue
        if b.kind == "heading":
            if _RUNNING_HEADER.match(b.text) or housekeeping(normalise(b.text), folded(normalise(b.text)), 0, len(b.text)):
                continue  # "Against (0)" in a recorded vote, a PDF page's running header: not sub-headings
            if (n == 0 and titled and not any(c.isdigit() for c in b.text) and not QUESTION_HEADING.match(b.text)
                    and sum(1 for x in bds if x.block.kind == "heading") == 1):
                continue  # a lone line atop the item is a second title line (the title in Gaelic), not a sub-heading
            if qa.heading_label(b.text, stmts, an):
                stack.clear()
                continue  # "Response from the Cabinet Member for Housing" over the reply: a label, not a new section
            section = b.text
            deciding = bool(_DECISION_HEADING.match(b.text))
            stack.clear()
            qa.heading(b.text, an)
            continue
        took = _TOOK_CHAIR.search(bd.norm) if b.kind == "para" and "chair" in bd.low else None
        if took:
            an.take_chair(bd, took.start())
            if b.text.startswith("("):
                continue  # "(Councillor Begum left the meeting. Mr Tresize, Vice-Chair, took the chair.)": a note, not a statement
        if b.marker is None and b.text[:1].islower() and point_rank is not None:
            rank, marker = point_rank, None  # a list point's line run on ("- ... was projected to" / "overspend by £6.3 million.")
        else:
            rank, marker = rank_of(b, stack[-1] if stack else None, last_alpha)
        point_rank = rank if marker or point_rank == rank else None
        if marker == "alpha":
            last_alpha = b.label
        if b.text.endswith(":") and _BODY_LEAD_IN.match(b.text):
            if not (stack and stack[-1].kind == "decision"):
                while stack and stack[-1].rank >= rank:
                    stack.pop()
                stack.append(LeadIn(rank, b.marker, b.label, "decision", act="resolution"))
            deciding = True
            continue
        quoted = (b.text[:1] in "“\"‘" and stack and stack[-1].kind == "speaker" and stack[-1].rank == rank
                  and n > 0 and bds[n - 1].block.text.rstrip().endswith(":"))
        under_decision = bool(stack) and stack[-1].kind == "decision" and marker is None
        after_bare = (under_decision and n > 0 and bds[n - 1].block.kind == "para"
                      and (_BARE_DECISION.match(bds[n - 1].block.text) or _BODY_LEAD_IN.match(bds[n - 1].block.text)
                           or _BODY_DECIDED_LEAD_IN.match(bds[n - 1].block.text)))
        motion_text = (stack and stack[-1].motion and stack[-1].rank == rank and b.marker is None and b.kind == "para"
                       and not any((u.subject is not None and u.subject.kind != "word") or "procedure" in u.acts or "resolution" in u.acts
                                   for u in bd.units))  # "This Council notes ..." goes on; "Councillor Cole said ..." does not
        while stack and stack[-1].rank >= rank and not quoted and not motion_text:  # "... moved the following motion:" / "“This Council notes ...”"
            stack.pop()
        parent = stack[-1] if stack else None
        if after_bare and parent is None:
            parent = DECISION_POINT  # "RESOLVED:" over "The Select Committee noted the report and endorsed the plan."
        if parent is None and stmts and stmts[-1].act == "resolution" and _DECISION_REASON.match(b.text):
            parent = DECISION_POINT  # "Resolved: That the Executive Member: (i) ..." / "Reason: To make best use of ...": the decision's reason
        decided = holds_any(bd.low, DECISION_WORDS)  # what the decision patterns below need
        if parent is None and decided and _LABELLED_DECISION.match(b.text):
            parent = DECISION_POINT  # "Panel decision (unanimous): That the precept be supported."
        if parent is None and deciding and _DECISION_POINT.match(b.text):
            parent = DECISION_POINT  # "Decision" / "1) To agree to close actions 1, 3 and 5."
        if parent is None and _BARE_THAT_DECISION.match(b.text):
            parent = DECISION_POINT
        if "item" in bd.low and ATTEND_FOR_ITEM.search(b.text):
            continue
        if not bd.has_cue and sum(m.named for m in bd.mentions) >= 2 and not re.search(r"[.;:?!]\W*$", b.text):
            continue  # a list of people present for the item
        if ((decided and (_BARE_DECISION.match(b.text) or _DECISION_LIST.match(b.text) or _BODY_DECIDED_LEAD_IN.match(b.text)
                          or (b.text.endswith((":", "-", "–", "—")) and (_BODY_DECIDED_LIST.match(b.text) or _BODY_RECOMMENDS_LIST.match(b.text)))))
                or (b.text.endswith(":") and _DECISION_HEADING.match(b.text))):
            # "RESOLVED: That" + "(a) ...; (b) ...": each part is a resolution, the lead-in is not one; so is a
            # "Recommendations to the Commissioner:" label over bare "That ..." paragraphs
            stack.append(LeadIn(rank, b.marker, b.label, "decision", act="resolution"))
            deciding = True
            continue
        if ("moved" in bd.low or "proposed" in bd.low) and _MOVER_LINE.match(b.text) and not _TERMINAL_INSIDE.search(b.text) and (
                not _DECIDED.search(b.text)):
            credit_mover(bd, stmts, section, an)  # "– moved by Councillor Muir, seconded by Councillor Ahmed"
            continue
        if b.kind == "para" and b.marker is None and qa.bare_label(b.text, an):
            continue  # "Reply:" over the reply
        qa.note_responder(bd, an)
        li = lead_in_kind(bd.norm, bd.low)
        if li == "group":
            # "Points raised by Members included:": each point below is theirs
            body = next((m for m in bd.mentions if not m.named), None)
            spk = an.mention_spk(body, None) if body is not None else None
            stack.append(LeadIn(rank, b.marker, b.label, "speaker", speaker=spk))
            continue
        if li:
            stack.append(LeadIn(rank, b.marker, b.label, li))
            continue
        new = block_statements(bd, parent, stmts, state, section, an)
        qa.relabel(new, stmts, an)
        qa.numbered(bd, parent, new, stmts)
        if qa.headed != (None, None):
            qa.from_heading(new)
        if b.text.rstrip().endswith(":") and new:
            last = new[-1]
            act = last.act if last.act in ("resolution", "answer") else None
            lead = b.text[last.start:last.end].strip()
            motion = bool(_MOTION_LEAD_IN.search(lead))
            stack.append(LeadIn(rank, b.marker, b.label, "speaker", speaker=last.speaker, act=act, motion=motion))
            if (_PURE_LEAD_IN.match(lead) or _LABEL_LEAD_IN.match(lead) or _LIST_LEAD_IN.match(lead) or motion
                    or _QUESTION_LEAD_IN.match(lead)) and stmts[-1] is last:
                stmts.pop()  # "She highlighted a few key areas:" only introduces its points (gold convention)
                if last.answers is not None:
                    stmts[last.answers].answered = False  # "The Director responded:": the points below answer
    for i, s in enumerate(stmts):
        s.index = i
    return stmts


def credit_mover(bd: BlockData, stmts: list[Stmt], section: str | None, an: Analyser) -> None:
    """A motion or amendment is spoken by its mover: the statements just above a "moved by" line,
    back to the sub-heading, that have no speaker yet."""
    named = [m for m in bd.mentions if m.named]
    mover = an.mention_spk(named[0], None) if named else None
    if mover is None:
        return
    for st in reversed(stmts):
        if st.section != section or st.speaker is not None or st.act == "resolution":
            break
        st.speaker = mover


def analyse_turns(bds: list[BlockData], turns, people: People) -> list[Stmt]:
    """An item whose layout states who spoke and how (``ItemText.turns``): each sentence of a turn
    is a statement with the turn's speaker and act; an answer answers the preceding question turn
    (its last statement)."""
    speakers = []
    for turn in turns:
        entry = people.add(turn.speaker, kind=turn.speaker_kind if turn.speaker_kind != "unknown" else None,
                           title=turn.speaker_title, rank="roster")
        speakers.append(Spk(entry=entry) if entry is not None else
                        Spk(display=turn.speaker, key=None, kind=turn.speaker_kind))
    stmts: list[Stmt] = []
    last_question: int | None = None
    for bd in bds:
        if bd.block.kind != "para" or bd.turn is None or not bd.units:
            continue
        turn = turns[bd.turn]
        act = turn.act if turn.act in ("question", "answer") else "statement"
        for u in bd.units:
            answers = last_question if act == "answer" else None
            stmts.append(Stmt(bd, u.start, u.end, speakers[bd.turn], act, None, set(u.concerns), answers=answers))
        if act == "question":
            last_question = len(stmts) - 1
    for i, st in enumerate(stmts):
        st.index = i
    return stmts


_NOT_CARRIED_ON = re.compile(r"^(?:There|It|This|That)\b|\?\s*$")
# a report in the passive with no one named: "An audit of taxi licensing was also reported, which had found ..."
_REPORTED_BY_NOBODY = re.compile(r"\b(?:was|were|had\s+been)\s+(?:also\s+|further\s+|then\s+)?(?:reported|highlighted|outlined|explained|"
                                 r"mentioned|raised)\b(?!\s+(?:by|to|as|on|in|at)\b)")


def _carried_on(u, bd: BlockData, parent: LeadIn | None, stmts: list[Stmt], section) -> Spk | None:
    """A plain paragraph naming nobody, with no act cue, straight after someone's statement carries
    on their report ("He reported that ... ." / "Damp and mould reports had trebled ..."); after a
    question or a decision it does not (an unnamed reply is nobody's), nor does a numbered
    paragraph, a question or a remark about the meeting ("There were no public speakers.")."""
    if parent is not None or u.subject is not None or u.acts or u.response or not stmts or bd.block.marker:
        return None
    if u.passive or u.impersonal or any(u.start <= m.start < u.end for m in bd.mentions):
        return None  # someone named but not as the subject: "Mrs Booth, for Healthwatch, reported"
    prev = stmts[-1]
    labelled = prev.act == "question" and prev.blk.norm.rstrip().endswith(":")  # "Question from Mrs Platt to ...:" over the question
    if (prev.section != section or prev.speaker is None or (prev.act in ("question", "resolution") and not labelled)
            or prev.blk.block.marker or _NOT_CARRIED_ON.search(bd.norm[u.start:u.end]) or _REPORTED_BY_NOBODY.search(bd.norm, u.start, u.end)):
        return None
    return prev.speaker


def _labelled_run(u, bd: BlockData, stmts: list[Stmt], section) -> Spk | None:
    """Terse notes go on with the speaker of the labelled bullet above: "- SK: forecast overspend of
    £7.9m" / "- Overspend driven mostly by placements" are both SK's. Only a bullet naming nobody,
    with no act cue, back to a bullet opened by a label of initials."""
    if not bd.block.marker or u.subject is not None or u.acts or u.response or u.passive or u.impersonal:
        return None
    if any(u.start <= m.start < u.end and not m.label.endswith("|group") for m in bd.mentions):
        return None  # a body named in passing ("frozen at Cabinet's request") names no other speaker
    for prev in reversed(stmts):
        if (prev.section != section or prev.speaker is None or prev.act in ("question", "resolution")
                or prev.blk.block.marker != bd.block.marker):
            return None
        if INITIALS_LABEL.match(prev.blk.norm):
            return prev.speaker
        if prev.blk.units and prev.blk.units[0].subject is not None:
            return None
    return None


# A point in note form under "Members raised the following points:" says its act in its first words:
# "whether the rise reflected ...", "concern that ...", "that the Committee should receive ..."
_POINT_ACTS = (
    ("question", re.compile(r"(?:whether|how|why|when|what|which|who|if)\b|(?:clarification|confirmation|assurances?|an\s+explanation|details)"
                            r"\s+(?:on|of|about|that|as\s+to|regarding|whether)\b", re.IGNORECASE)),
    ("concern", re.compile(r"(?:(?:serious|real|some|particular|strong|continuing|ongoing|further)\s+)?"
                           r"(?:concerns?|worries|worry|unease|frustration|disappointment|anxiety)\s+(?:that|about|over|at|regarding|with|around)\b",
                           re.IGNORECASE)),
    ("request", re.compile(r"(?:an?\s+)?(?:request|suggestion)\s+(?:that|for)\b|that\s+(?:the|a|an|this|officers|members|[A-Z][\w'’-]*)"
                           r"(?:\s+[\w'’-]+){0,8}?\s+(?:should|be\s+(?:[a-z]+ed|given|sent|brought|made|shown|taken))\b")),
)


def _point_act(u, bd: BlockData, parent: LeadIn | None) -> str | None:
    """The act of a list point in note form, its subject and verb in the lead-in above it."""
    if parent is None or parent.kind == "decision" or not bd.block.marker or u.subject is not None or u.acts:
        return None
    return next((act for act, rx in _POINT_ACTS if rx.match(bd.norm, u.start)), None)


def _strongest(acts: set[str]) -> str | None:
    for act in rules.ACT_PRIORITY:
        if act in acts:
            return act
    return None


# a clause after ";" that carries its own act stays in its sentence's statement (one statement per
# sentence) and lends a plain statement that act; a decision's parts and a new speaker still split
_CLAUSE_UPGRADES = ("commitment", "concern", "request", "welcome")


def _clause_of_same_sentence(cur: Stmt, strong: str, u) -> bool:
    return cur.act not in ("resolution", "question") and strong not in ("resolution", "question") and not u.response


def block_statements(bd: BlockData, parent: LeadIn | None, stmts: list[Stmt], state: ItemState, section, an: Analyser) -> list[Stmt]:
    new: list[Stmt] = []
    cur: Stmt | None = None
    inherited = parent.speaker if parent and parent.kind == "speaker" else None
    verbs_low = bd.low if has_housekeeping_verb(bd.low) else None  # one search per block, not per sentence
    low = bd.low
    movers = "moved" in low or "proposed" in low or "seconded" in low  # what _MOVER_ONLY needs
    units, signed = _signed_by_role(bd, state, an)
    for u in units:
        if cur is not None and u.end - u.start <= 8 and _CONJUNCTION_ONLY.fullmatch(bd.norm, u.start, u.end):
            cur.end = u.end  # "i. Asks the Trust to report in March; and": the "and" closes the part
            continue
        if u.end - u.start <= 3 and _NO_WORDS.fullmatch(bd.norm, u.start, u.end):
            continue  # a closing quotation mark left on a line of its own
        if u.end - u.start <= 60 and ACTION_LABEL.match(bd.norm, u.start):
            continue  # "Action: JT" names who owns a follow-up; nobody said it
        if housekeeping(bd.norm, verbs_low, u.start, u.end):
            continue  # "Apologies were received from ...", "Cllr Tully declared a non-pecuniary interest ..."
        if label_only(bd.norm, u.start, u.end) and len(bd.units) > 1:
            continue  # "Q1." before "Councillor Dobbs asked ...": the question's number
        if movers and _MOVER_ONLY.fullmatch(bd.norm, u.start, u.end):
            continue  # "Proposed by Cllr Ashby, seconded by Cllr Bourne and" + "RESOLVED that ...": names the mover only
        state.questioner = None
        if u.subject is not None and u.subject.kind == "pronoun" and u.subject.cue_act not in ("question", "request", "concern"):
            last = cur or (stmts[-1] if stmts else None)
            if last is not None and last.act == "question":
                state.questioner = last.speaker
        spk = an.subject_spk(u.subject, state) if u.subject else None
        if spk is None and signed is not None:
            spk = signed
        strong = _strongest(u.acts) if u.acts else _point_act(u, bd, parent)
        if cur is not None:
            same_speaker = spk is None or (cur.speaker is not None and spk.ident == cur.speaker.ident)
            after_semicolon = bd.norm[:u.start].rstrip().endswith(";")
            start_new = (
                not after_semicolon  # one statement per sentence (gold convention)
                or not same_speaker
                or (strong is not None and strong != cur.act and not _clause_of_same_sentence(cur, strong, u))
                or (cur.act == "question" and spk is None)
                or (u.response and cur.act != "answer")
                or _INLINE_PART.match(bd.norm, u.start) is not None
            )
            if not start_new:
                cur.end = u.end
                cur.concerns |= u.concerns
                if cur.act == "statement" and strong in _CLAUSE_UPGRADES:
                    cur.act = strong  # "Two sets of figures were used; a note would be circulated": a promise
                continue
        # a new statement; a passive sentence inherits too unless it names whom it addresses
        # ("Members were advised"): "An assessment was made ..." carries on the speaker's report
        addressed = u.passive and any(u.start <= m.start < u.end for m in bd.mentions)
        if spk is None and not (addressed or u.impersonal):
            if cur is not None and (cur.act != "question" or u.headless):
                spk = cur.speaker  # "Asked how many ... . Sought clarification on ...": the same member
            elif cur is None:
                spk = inherited or _carried_on(u, bd, parent, stmts, section) or _labelled_run(u, bd, stmts, section)
        act, answers = decide_act(u, strong, spk, stmts, parent, section, an, state, bd.norm, bd)
        if (act in ("commitment", "statement", "request", "welcome") and spk is not None and spk.key in DECIDING_BODIES and spk.entry is None
                and u.subject is not None and _BODY_DECIDED.match(bd.norm, u.subject.cue_start)):
            # "The Panel agreed to add a review to its work programme", "The Board endorsed the strategy", "The
            # Committee noted the update and asked the ICB to report back": the body's decision
            act, answers = "resolution", None
        elif (act == "statement" and spk is not None and spk.key == "members" and spk.entry is None and u.subject is not None
              and _MEMBERS_DECIDED.match(bd.norm, u.subject.cue_start)):
            act, answers, spk = "resolution", None, COMMITTEE
        if act == "resolution" and (u.subject is None or spk is None or spk.key in DECIDING_BODIES or _DECISION_LABEL.match(bd.norm, u.start)
                                    or _DECISION_PART.match(bd.norm, u.start)
                                    or (parent is not None and parent.kind == "decision")):
            spk = COMMITTEE  # "The Board AGREED": decisions are the Committee's whatever the body is called
        elif spk is None and "procedure" in u.acts:
            spk = COMMITTEE  # "a recorded vote was taken"
        st = Stmt(bd, u.start, u.end, spk, act, section, set(u.concerns), answers=answers)
        if answers is not None:
            stmts[answers].answered = True
        stmts.append(st)
        new.append(st)
        state.note(spk)
        if act == "question" and spk is not None and spk.kind == "group" and u.subject is not None:
            state.note(_addressee(bd, u, an))  # "We asked Dr Brandt whether ... She told us": Dr Brandt replies
        cur = st
    return new


# "... was unlikely to be met. (Director of Conservation and Planning)": a reply in reported speech signed
# at its end with the respondent's role (or name) in brackets, as a sentence of its own
_SIGNATURE = re.compile(r"(?:^|(?<=[.!?]))\s*\(\s*(?:the\s+)?(?P<who>[A-Z][^()]{2,100}?)\s*\)\s*\.?$")


def _signed_by_role(bd: BlockData, state: ItemState, an: Analyser) -> tuple[list, Spk | None]:
    """The block's units less a closing bracket that signs it, and the speaker it names (or None):
    every sentence before the signature without a speaker of its own is the signer's."""
    units = bd.units
    if not units or not bd.norm[units[-1].start:units[-1].end].endswith((")", ").")):
        return units, None
    last = units[-1]
    sig = _SIGNATURE.search(bd.norm[last.start:last.end])
    if sig is None or (sig.start() == 0 and len(units) < 2):
        return units, None
    at = last.start + sig.start()
    inside = [m for m in bd.mentions if at < m.start and m.end < last.end]
    if len(inside) == 1:
        spk = an.subject_spk(Subject("chain", [(inside[0], None)], cue_start=inside[0].start), state)
    elif not inside:  # a role the tagger does not know ("(Audit Manager)"): the one attendee with that title
        holder = an.people.by_title(sig.group("who"))
        spk = Spk(entry=holder) if holder is not None else None
    else:
        return units, None
    if spk is None:
        return units, None
    if sig.start() == 0:
        return units[:-1], spk
    return units[:-1] + [replace(last, end=at)], spk


_ASKED_WHOM = re.compile(r"(?:asked|questioned|pressed|challenged)\s+(?:both\s+)?", re.IGNORECASE)


def _addressee(bd: BlockData, u, an: Analyser) -> Spk | None:
    """The named person a body's question is put to ("We asked Mr Haddad how many ..."), whom a
    pronoun in the reply then means."""
    asked = _ASKED_WHOM.match(bd.norm, u.subject.cue_start)
    if asked is None:
        return None
    m = next((m for m in bd.mentions if m.start == asked.end() and m.named), None)
    return an.mention_spk(m, None) if m is not None else None
