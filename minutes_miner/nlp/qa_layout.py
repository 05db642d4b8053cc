"""Questions and answers laid out by label: "Question from: X" / "Question: ..." / "Response: ...",
"Q: ..." / "A: ...", a bare "Reply:" line over the reply, "Q1." before the question."""
from __future__ import annotations

import re

from .answers import PROMISE_ONLY, position, promise_only
from .attendee_entry import title_kind
from .records import BlockData, LeadIn, Spk, Stmt
from .speakers import Analyser
from .textnorm import QUESTION_HEADING, folded, normalise

_QA_FROM = re.compile(r"^(?:question(?:er)?\s+(?:from|by)|asked\s+by|submitted\s+by|raised\s+by|questioner)\s*:\s*(?P<who>[A-Z].{1,80}?)"
                      r"(?:\s*\((?:supplementary|follow[- ]up)\))?$", re.IGNORECASE)
# a table's last column, after the response it names: "Response: Around 3,100 hours ..." / "Response from: Head of Adult Services"
_RESPONSE_FROM = re.compile(r"^(?:response|answer|reply)\s+(?:from|by)\s*:\s*(?P<who>[A-Z].{1,100})$", re.IGNORECASE)

# a sub-heading naming only the asker: "Question 1 from the Member for Eastfield", "Question 2 from Councillor Pell"
_QUESTION_FROM_HEADING = re.compile(r"^(?:(?:supplementary|public|written|oral)\s+)?question\s*\d*\s+(?:from|by)\s+"
                                    r"(?P<who>(?:the\s+)?(?:Member\s+for\s+[A-Z][\w'’ -]{2,40}|(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’ -]{2,40}))$",
                                    re.IGNORECASE)
# "Question or comment:" labels a member's point, a question or not: its act is its own
_POINT_LABEL = re.compile(r"^(?:questions?\s*(?:or|/|and)\s*comments?|comments?\s*(?:or|/|and)\s*questions?|issues?\s+raised|comments?)\s*:\s*\S",
                          re.IGNORECASE)
_MEMBER_CELL = re.compile(r"^(?:member|councillor|asker|name)\s*:\s*(?P<who>[A-Z][^.;:?!]{1,80})$", re.IGNORECASE)
# "Q:", "Question 1:", "Response from the Cabinet Member:", "Question 1 – Councillor Evans:", "A2 (Cllr Zed):",
# "Challenge:" / "Further challenge:" over "Response:" (a scrutiny inquiry's evidence session)
# "Member question:", "Public question 2:", "Officer response:", "Cabinet Member's reply:"
_ASKED_BY = r"(?:(?:members?['’]?|public|written|oral|councillors?['’]?)\s+)?"
_ANSWERED_BY_ROLE = (r"(?:(?:officers?['’]?|(?:the\s+)?(?:cabinet\s+member|portfolio\s+holder|lead\s+member|leader|chair(?:man)?|mayor|council)['’]?s?|"
                     r"written|supplementary|further)\s+)?")
_QA_LABEL = re.compile(r"^(?:(?P<q>" + _ASKED_BY + r"(?:supplementary\s+)?(?:question|Q)|(?:further\s+|supplementary\s+)?challenge)|(?P<a>" + _ANSWERED_BY_ROLE + r"(?:response|answer|reply)|A))\s*\d*"
                       r"(?:\s+(?:from|by|of)\s+(?P<by>[^:]{2,80}?)|\s*[-–—]\s*(?P<dash>[^:]{2,80}?)|\s*\((?P<bracket>[^():]{2,80})\))?\s*:\s*\S",
                       re.IGNORECASE)
# a label on a line of its own over the text it labels: "Reply:", "Supplementary question:", "Q1.", "Response from the Leader:"
_BARE_QA_LABEL = re.compile(r"^(?:(?P<q>" + _ASKED_BY + r"(?:supplementary\s+)?(?:question|Q)|supplementary)|(?P<a>" + _ANSWERED_BY_ROLE
                            + r"(?:response|answer|reply)|A))\s*\d*(?:\s+(?:from|by|of)\s+(?P<who>[^:]{2,80}?))?\s*[:.]?$", re.IGNORECASE)
# "Q: Councillor Amos: What is ...?": the asker named after the label
_NAMED_AFTER_LABEL = re.compile(r"\s*[:\-–—]\s*")
_ANSWERED_BY = re.compile(r"\b(?:answered|responded\s+to|replied\s+to)\s+by\s+", re.IGNORECASE)
_PARTY_TAGS = re.compile(r"\s*\([^()]{1,40}\)")
# the one who presides, named by role in a member's cell ("Member | The Chair | Asked whether ...")
_PRESIDING = re.compile(r"^(?:the\s+)?(?:vice[- ])?(?:chair(?:man|person)?|mayor|convenor|convener|leader)$", re.IGNORECASE)
_HONORIFIC_NAME = re.compile(r"^(?:Councillor|Cllr\.?|County Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Bailie|Alderman)\s+[A-ZÀ-ÖØ-ÞŴŶ]")


class QALayout:
    """Questions and answers laid out by label: "Question from: X" / "Question: ..." / "Response:
    ...", "Q: ..." / "A: ...". The question is the asker's; the response answers it and is spoken
    by whoever the item says answers ("... were answered by the Chair")."""

    def __init__(self) -> None:
        self.asker: Spk | None = None
        self.responder: Spk | None = None
        self.headed: tuple[Spk | None, Spk | None] = (None, None)  # asker and responder a "Question N from X to Y" heading names
        self.pending: str | None = None  # "q" or "a": the act a bare label line ("Reply:") gives the block below it
        self.listed_questions: dict[tuple[str, str | None], int] = {}  # a numbered list of questions: label -> the question's index

    def numbered(self, bd: BlockData, parent: LeadIn | None, new: list[Stmt], stmts: list[Stmt]) -> None:
        """Questions and answers in two parallel numbered lists ("The following questions were put by
        Members:" over 1..n, then "Officers responded as follows:" over 1..n): response n answers question n."""
        b = bd.block
        if b.marker not in ("num", "alpha", "roman") or parent is None or not new:
            return
        label = (b.marker, b.label)
        if parent.kind == "response" or parent.act == "answer":  # "Officers responded as follows:", "Mr Pell replied as follows:"
            target = self.listed_questions.get(label)
            if target is None:
                return
            for st in new:
                if st.act == "answer":
                    st.answers = target
            stmts[target].answered = True
        elif new[0].act == "question":
            if b.label in ("1", "a", "i"):
                self.listed_questions = {}
            self.listed_questions[label] = position(stmts, new[0])

    def heading_label(self, text: str, stmts: list[Stmt], an: Analyser) -> bool:
        """A label printed as a sub-heading: "Response from the Cabinet Member for Housing" straight after the
        question, "Supplementary Question" straight after the reply. Other headings that start so ("Question 1
        from Ms Iqbal to the Leader", "Response of the Cabinet Member and officers" to a call-in) are sections."""
        if QUESTION_HEADING.match(text) or not stmts:
            return False
        m = _BARE_QA_LABEL.match(text)
        if not m or (m.group("a") and stmts[-1].act != "question") or (m.group("q") and stmts[-1].act not in ("answer", "commitment")):
            return False
        return self.bare_label(text, an)

    def bare_label(self, text: str, an: Analyser) -> bool:
        """A label on a line of its own ("Reply:", "Supplementary question:", "Q2."): not a statement; the
        block below it is the reply (or the question)."""
        if len(text) > 120 or ("question" in folded(text) and QUESTION_HEADING.match(text.rstrip(": "))):
            return False  # "Question from Mrs Platt to the Cabinet Member for Environment:": names who asks whom
        m = _BARE_QA_LABEL.match(text)
        if not m or (not m.group("who") and len(text) <= 2):
            return False  # a lone "A" or "Q" is a list label, not a question
        self.pending = "q" if m.group("q") else "a"
        if m.group("a") and m.group("who"):
            self.responder = _named_or_role(m.group("who"), an) or self.responder
        return True

    def heading(self, text: str, an: Analyser) -> None:
        """A sub-heading "Question 1 from Ms Farah Iqbal to the Cabinet Member for Housing": the bare question
        under it is hers, an unnamed reply the Cabinet Member's (the one holder of the role, or the role)."""
        m = QUESTION_HEADING.match(text)
        if not m:
            asker = _QUESTION_FROM_HEADING.match(text)
            self.headed = (_named_or_role(asker.group("who"), an, unheld_kind="member") if asker else None, None)
            return
        entry = an.people.add(m.group("who"))
        role = m.group("to").strip()
        named = an.people.add(m.group("holder"), title=role) if m.group("holder") else None
        holder = named or an.people.by_title(role)
        to = Spk(entry=holder) if holder else Spk(display="the " + role, key=normalise(role).lower(), kind=title_kind(role) or "officer")
        self.headed = (Spk(entry=entry) if entry is not None else None, to)

    def from_heading(self, new: list[Stmt]) -> None:
        asker, responder = self.headed
        for st in new:
            if st.speaker is None and st.act == "question" and asker is not None:
                st.speaker = asker
            elif st.speaker is None and st.act in ("answer", "commitment") and responder is not None:
                st.speaker = responder

    def asker_line(self, text: str, an: Analyser) -> bool:
        if ":" not in text:
            return False  # both labels end in a colon
        m = _QA_FROM.match(text)
        if not m:
            # a table's "Member | Question | Answer" columns: "Member: Cllr Noor" over "Question: ..."
            m = _MEMBER_CELL.match(text)
            if not m or len(m.group("who").split()) > 6 or not (_HONORIFIC_NAME.match(m.group("who")) or _PRESIDING.match(m.group("who"))):
                return False
        who = _PARTY_TAGS.sub("", m.group("who")).strip()  # "Councillor Rennie (supplementary)"
        if _PRESIDING.match(who):
            self.asker = _named_or_role(who, an)
            return True
        entry = (None if _HONORIFIC_NAME.match(who) else an.people.by_title(who)) or an.people.add(who)  # "Raised by: Chair"
        self.asker = Spk(entry=entry) if entry is not None else None
        return True

    def responder_line(self, text: str, following: str, an: Analyser) -> bool:
        """"Response from: Head of Adult Services" under the response it names: not a statement. The line
        after a response names who gave it, so it is read before the response is."""
        if ":" in text and _RESPONSE_FROM.match(text):
            return True
        m = _RESPONSE_FROM.match(following) if following[:1] in "ARar" else None
        if m:
            role = re.sub(r"\s*\(\s*\)$", "", m.group("who").strip())
            holder = an.people.by_title(role) or an.people.lookup(role)
            self.responder = (Spk(entry=holder) if holder else
                              Spk(display="the " + role, key=normalise(role).lower(), kind=title_kind(role) or "officer"))
        return False

    def asker_heading(self, text: str, following: str, an: Analyser) -> bool:
        """A line that only names a member, over a "Q:" line: the member asks what follows."""
        lab = _QA_LABEL.match(following) if ":" in following else None
        if not lab or not lab.group("q"):
            return False
        name = _PARTY_TAGS.sub("", text).strip()
        if not _HONORIFIC_NAME.match(name) or len(name.split()) > 6:
            return False
        entry = an.people.add(name)
        if entry is None:
            return False
        self.asker = Spk(entry=entry)
        return True

    def note_responder(self, bd: BlockData, an: Analyser) -> None:
        low = bd.low
        m = _ANSWERED_BY.search(bd.norm) if "answered" in low or "responded" in low or "replied" in low else None
        if m:
            who = next((x for x in bd.mentions if x.start >= m.end() and x.start - m.end() <= 4), None)
            if who is not None:
                self.responder = an.mention_spk(who, None)

    def relabel(self, new: list[Stmt], stmts: list[Stmt], an: Analyser) -> None:
        pending, self.pending = self.pending, None
        for st in new:
            # both labels end in a colon: a statement with none after its start is no labelled cell
            colon = st.blk.norm.find(":", st.start) >= 0
            if self.asker is not None and colon and _POINT_LABEL.match(st.blk.norm, st.start):
                carried = st.speaker
                if st.act == "answer":
                    st.act, st.answers = "statement", None  # the member's own point, not a reply carried on
                for part in new:  # "Raised by: Councillor Gow" / "Question or comment: Expressed concern that ...": the cell is hers
                    if part.blk is st.blk and (part is st or part.speaker is None or (carried is not None and part.speaker.ident == carried.ident)):
                        part.speaker = self.asker
                continue
            m = _QA_LABEL.match(st.blk.norm, st.start) if colon else None
            if not m:
                if pending == "q" and st.act == "statement":
                    self._as_question(st, stmts, supplementary=True)
                elif pending == "a" and st.act in ("statement", "answer"):
                    self._as_answer(st, stmts, new)
                continue
            named = _named_after_label(st, m.end() - 1, an)
            who = m.group("by") or m.group("dash") or m.group("bracket")
            if named is None and who and m.group("a"):
                named = _named_or_role(who, an)  # "Response (Cabinet Member for Children and Families): ..."
            if named is not None:
                st.speaker = named
            if m.group("q"):
                st.act, st.answers = "question", None
                if named is not None:
                    continue
                if self.asker is not None:
                    st.speaker = self.asker
                elif st.speaker is None and m.group("q").lower().startswith("supplementary"):
                    at = stmts.index(st)  # "Supplementary question: Would the Council ...?": the member who asked before
                    st.speaker = next((stmts[i].speaker for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
                continue
            if self.asker is not None and st.speaker is not None and st.speaker.ident == self.asker.ident and named is None:
                for part in new:  # carried over from the member's cell: the response's speaker is named after it
                    if part.blk is st.blk and part.speaker is not None and part.speaker.ident == self.asker.ident:
                        part.speaker = None
            if named is None:
                self._give_responder(st, new)
            at = position(stmts, st)
            if at and _POINT_LABEL.match(stmts[at - 1].blk.norm, stmts[at - 1].start) and stmts[at - 1].act != "question":
                # the response to a concern or a comment is no answer; a promise in reply is a commitment
                promise = st.act == "commitment" or PROMISE_ONLY.search(st.blk.norm, m.end() - 1, st.end)
                st.act, st.answers = ("commitment" if promise else "statement"), None
                continue
            if st.act == "commitment" and promise_only(st.blk.norm, m.end() - 1, st.end):
                # "Response: Agreed to circulate the list after the meeting", "Supplementary reply: ... did not have the
                # figure and undertook to provide it": the promise in place of the answer
                question = next((i for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
                if question is not None:
                    stmts[question].answered = True
                continue
            self._as_answer(st, stmts, new)

    def _as_question(self, st: Stmt, stmts: list[Stmt], supplementary: bool) -> None:
        st.act, st.answers = "question", None
        if st.speaker is None:
            at = position(stmts, st)
            st.speaker = self.asker or (next((stmts[i].speaker for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
                                        if supplementary else None)

    def _as_answer(self, st: Stmt, stmts: list[Stmt], new: list[Stmt]) -> None:
        at = position(stmts, st)
        question = next((i for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
        st.act, st.answers = "answer", question
        self._give_responder(st, new)
        if question is not None:
            stmts[question].answered = True

    def _give_responder(self, st: Stmt, new: list[Stmt]) -> None:
        """A response's speaker from the layout ("Response from: ..."), over one carried on from the paragraph before."""
        if self.responder is None or (st.speaker is not None and _names_its_speaker(st)):
            return
        st.speaker = self.responder
        for rest in new[new.index(st) + 1:]:
            if rest.blk is not st.blk or _names_its_speaker(rest):
                break
            rest.speaker = self.responder  # "Response: Around 3,100 hours ... . The shortfall was worst in the west."


def _named_or_role(who: str, an: Analyser, unheld_kind: str | None = None) -> Spk | None:
    """The person a label names ("Councillor Zed"), or the holder of the role or seat it names ("the Leader",
    "Cabinet Member for Housing", "the Member for Eastfield"), or that role when nobody holds it (of kind
    ``unheld_kind``, else the kind its title implies); None for other words."""
    who = _PARTY_TAGS.sub("", who).strip()
    if _HONORIFIC_NAME.match(who):
        entry = an.people.add(who)
        return Spk(entry=entry) if entry is not None else None
    role = re.sub(r"^the\s+", "", who, flags=re.IGNORECASE)
    holder = an.people.by_title(role)
    if holder is not None:
        return Spk(entry=holder)
    kind = unheld_kind or title_kind(role)
    return Spk(display="the " + role, key=normalise(role).lower(), kind=kind) if kind and kind != "unknown" else None


def label_only(text: str, start: int, end: int) -> bool:
    """A sentence that is only a label ("Q1." before "Councillor Dobbs asked ..."): not a statement."""
    return end - start <= 14 and text[start:start + 1] in "QqAaRr" and _BARE_QA_LABEL.match(text[start:end].strip()) is not None


def _names_its_speaker(st: Stmt) -> bool:
    """The statement's own sentence names who speaks ("Dr Campbell added ..."), not a speaker carried on to it."""
    return any(u.start == st.start and u.subject is not None for u in st.blk.units)


def _named_after_label(st: Stmt, at: int, an: Analyser) -> Spk | None:
    """The speaker a "Q:" / "A:" label goes on to name: "Q: Councillor Amos: What is ...?", "A: The Director of
    Children's Services: The rate is 18 per cent." (a name or role, then a colon or dash)."""
    norm = st.blk.norm
    who = next((m for m in st.blk.mentions if at <= m.start <= at + 2), None)
    if who is None or not _NAMED_AFTER_LABEL.match(norm, who.end) or norm.find(":", who.end, who.end + 3) < 0:
        return None
    return an.mention_spk(who, None)
