"""Question -> answer pairing: the act of a unit given the open questions before it, the
question an answer replies to, and questions and answers laid out by label ("Q:" / "A:")."""
from __future__ import annotations

import re

from .attendee_entry import title_kind
from .records import BlockData, LeadIn, Spk, Stmt, Unit
from .speakers import Analyser
from .textnorm import QUESTION_HEADING, normalise

_IT_WAS_NOTED = re.compile(r"(?:[^.;:]{0,60},\s*)?it\s+was\s+(?:also\s+|further\s+|then\s+)?noted\b", re.IGNORECASE)
_NOT_A_QUESTION = re.compile(r"\b(?:respond(?:ed|ing)?|response|repl(?:ied|ying|y))\s+to\s+(?:the|this|that|these|a|an|her|his|their|its|members['’]?)?\s*"
                             r"(?:petition|deputation|concerns?|comments?|points?|statement|motion|presentation|debate|representations?)\b",
                             re.IGNORECASE)
_TO_QUESTIONS = re.compile(r"\bto\s+(?:(?:a|the|further|other|these|those|members['’]?|supplementary)\s+){0,2}(?:questions?|quer(?:y|ies))\b", re.IGNORECASE)
_DECISION_WORD = re.compile(r"\s*(?:RESOLVED|AGREED|DECISION|DECIDED|Resolved|Agreed)\b")
_EXPLAINED = re.compile(r"it\s+was\s+(?:also\s+|further\s+)?(?:explained|clarified|confirmed)\b", re.IGNORECASE)
ADDED = re.compile(r"(?:also\s+|further\s+)?added\b", re.IGNORECASE)
# a second respondent's explaining verb: "In reply, Councillor Sohal said ... . / Ms Pryce explained that ..."
_EXPLAINED_THAT = re.compile(r"(?:also\s+|further\s+)?(?:explained|clarified|confirmed)\s+that\b", re.IGNORECASE)
_RESPONDENT_KINDS = frozenset(("officer", "cabinet_member", "external"))

_QA_FROM = re.compile(r"^(?:question(?:er)?\s+(?:from|by)|asked\s+by|submitted\s+by|raised\s+by|questioner)\s*:\s*(?P<who>[A-Z].{1,80}?)"
                      r"(?:\s*\((?:supplementary|follow[- ]up)\))?$", re.IGNORECASE)
# a table's last column, after the response it names: "Response: Around 3,100 hours ..." / "Response from: Head of Adult Services"
_RESPONSE_FROM = re.compile(r"^(?:response|answer|reply)\s+(?:from|by)\s*:\s*(?P<who>[A-Z].{1,100})$", re.IGNORECASE)
# "We asked ... . He told us that ... . Mr Haddad told us that ...": in minutes that address the members, a
# second respondent telling them is answering too
_TOLD_US = re.compile(r"(?:also\s+|further\s+|then\s+)?told\s+(?:us|the\s+(?:committee|commission|panel|board|members))\b", re.IGNORECASE)

# a sub-heading naming only the asker: "Question 1 from the Member for Eastfield", "Question 2 from Councillor Pell"
_QUESTION_FROM_HEADING = re.compile(r"^(?:(?:supplementary|public|written|oral)\s+)?question\s*\d*\s+(?:from|by)\s+"
                                    r"(?P<who>(?:the\s+)?(?:Member\s+for\s+[A-Z][\w'’ -]{2,40}|(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\w'’ -]{2,40}))$",
                                    re.IGNORECASE)
# "Question or comment:" labels a member's point, a question or not: its act is its own
_POINT_LABEL = re.compile(r"^(?:question\s+or\s+comment|comment\s+or\s+question|issue\s+raised|comment)\s*:\s*\S", re.IGNORECASE)
# "Q:", "Question 1:", "Response from the Cabinet Member:", "Question 1 – Councillor Evans:", "A2 (Cllr Zed):",
# "Challenge:" / "Further challenge:" over "Response:" (a scrutiny inquiry's evidence session)
_QA_LABEL = re.compile(r"^(?:(?P<q>(?:supplementary\s+)?(?:question|Q)|(?:further\s+|supplementary\s+)?challenge)|(?P<a>response|answer|reply|A))\s*\d*"
                       r"(?:\s+(?:from|by|of)\s+[^:]{2,80}?|\s*[-–—]\s*[^:]{2,80}?|\s*\([^():]{2,80}\))?\s*:\s*\S", re.IGNORECASE)
_PARTY_TAGS = re.compile(r"\s*\([^()]{1,40}\)")
_HONORIFIC_NAME = re.compile(r"^(?:Councillor|Cllr\.?|County Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Bailie|Alderman)\s+[A-Z]")
# "The question was asked whether ..., to which the Section 151 Officer replied that ...": question
# and reply in one sentence, a reply to a question the minutes do not give as a statement of its own
_TO_WHICH = re.compile(r",\s+to\s+which\s+[^,;.]{1,80}?(?<!\bhad )(?<!\bhave )(?<!\bhas )(?<!\bbeen )"
                       r"(?:replied|responded|answered|said|confirmed|explained|advised)\b", re.IGNORECASE)
# A reply that says what will be done ("... and that she would report any slippage", "... the figures
# would be published in June") is still the reply; a promise in place of the answer ("did not have the
# figure but would provide it", "undertook to", "would be happy to") is a commitment.
_PROMISE_ONLY = re.compile(r"\b(?:undertook|undertaken|offered|promised|pledged|agreed)\s+to\b|\bundertaking\b"
                           r"|\bbut\s+(?:(?:he|she|they|we|I)\s+)?(?:would|will)\b|\bwould\s+be\s+(?:happy|pleased|glad|willing)\b",
                           re.IGNORECASE)
# the promise is all the reply says (matched at the sentence's start): "Cllr Cartwright said that she would ask the
# Director to look into the case personally and write to Mrs Doughty"
_PROMISE_REPLY = re.compile(r"[^,;]{0,80}?\b(?:said|replied|responded|explained|stated|advised)\s+that\s+(?:he|she|they|we|I|officers)\s+would\s+"
                            r"(?:personally\s+)?(?:ask|write|look|investigate|find\s+out|follow|check|speak|raise|take|arrange)\b", re.IGNORECASE)
# "The Chair invited the ICB to reply.": the floor given, not the reply
_INVITED_TO_REPLY = re.compile(r"\binvited\s+(?:[^.;]{1,60}?\s+)?to\s+(?:reply|respond|answer|comment)\b", re.IGNORECASE)
_REPLIED_THAT = re.compile(r"(?:replied|responded|answered)\s+(?:that|by\s+saying)\b", re.IGNORECASE)
_ANSWERED_BY = re.compile(r"\b(?:answered|responded\s+to|replied\s+to)\s+by\s+", re.IGNORECASE)


class QALayout:
    """Questions and answers laid out by label: "Question from: X" / "Question: ..." / "Response:
    ...", "Q: ..." / "A: ...". The question is the asker's; the response answers it and is spoken
    by whoever the item says answers ("... were answered by the Chair")."""

    def __init__(self) -> None:
        self.asker: Spk | None = None
        self.responder: Spk | None = None
        self.headed: tuple[Spk | None, Spk | None] = (None, None)  # asker and responder a "Question N from X to Y" heading names
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

    def heading(self, text: str, an: Analyser) -> None:
        """A sub-heading "Question 1 from Ms Farah Iqbal to the Cabinet Member for Housing": the bare question
        under it is hers, an unnamed reply the Cabinet Member's (the one holder of the role, or the role)."""
        m = QUESTION_HEADING.match(text)
        if not m:
            asker = _QUESTION_FROM_HEADING.match(text)
            self.headed = (_asker_named(asker.group("who"), an) if asker else None, None)
            return
        entry = an.people.add(m.group("who"))
        role = m.group("to").strip()
        holder = an.people.by_title(role)
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
        m = _QA_FROM.match(text)
        if not m:
            return False
        who = _PARTY_TAGS.sub("", m.group("who")).strip()  # "Councillor Rennie (supplementary)"
        entry = (None if _HONORIFIC_NAME.match(who) else an.people.by_title(who)) or an.people.add(who)  # "Raised by: Chair"
        self.asker = Spk(entry=entry) if entry is not None else None
        return True

    def responder_line(self, text: str, following: str, an: Analyser) -> bool:
        """"Response from: Head of Adult Services" under the response it names: not a statement. The line
        after a response names who gave it, so it is read before the response is."""
        if _RESPONSE_FROM.match(text):
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
        lab = _QA_LABEL.match(following)
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

    def relabel(self, new: list[Stmt], stmts: list[Stmt]) -> None:
        for st in new:
            if self.asker is not None and _POINT_LABEL.match(st.blk.norm, st.start):
                carried = st.speaker
                if st.act == "answer":
                    st.act, st.answers = "statement", None  # the member's own point, not a reply carried on
                for part in new:  # "Raised by: Councillor Gow" / "Question or comment: Expressed concern that ...": the cell is hers
                    if part.blk is st.blk and (part is st or part.speaker is None or (carried is not None and part.speaker.ident == carried.ident)):
                        part.speaker = self.asker
                continue
            m = _QA_LABEL.match(st.blk.norm, st.start)
            if not m:
                continue
            if m.group("q"):
                st.act, st.answers = "question", None
                if self.asker is not None:
                    st.speaker = self.asker
                elif st.speaker is None and m.group("q").lower().startswith("supplementary"):
                    at = stmts.index(st)  # "Supplementary question: Would the Council ...?": the member who asked before
                    st.speaker = next((stmts[i].speaker for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
                continue
            if self.asker is not None and st.speaker is not None and st.speaker.ident == self.asker.ident:
                for part in new:  # carried over from the member's cell: the response's speaker is named after it
                    if part.blk is st.blk and part.speaker is not None and part.speaker.ident == self.asker.ident:
                        part.speaker = None
            self._give_responder(st, new)
            at = position(stmts, st)
            if at and _POINT_LABEL.match(stmts[at - 1].blk.norm, stmts[at - 1].start) and stmts[at - 1].act != "question":
                # the response to a concern or a comment is no answer; a promise in reply is a commitment
                st.act, st.answers = ("commitment" if st.act == "commitment" else "statement"), None
                continue
            question = next((i for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
            if st.act == "commitment" and _PROMISE_ONLY.match(st.blk.norm, m.end() - 1):
                continue  # "Response: Agreed to circulate the list after the meeting": the promise in place of the answer
            st.act, st.answers = "answer", question
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


def _names_its_speaker(st: Stmt) -> bool:
    """The statement's own sentence names who speaks ("Dr Campbell added ..."), not a speaker carried on to it."""
    return any(u.start == st.start and u.subject is not None for u in st.blk.units)


def _asker_named(who: str, an: Analyser) -> Spk | None:
    """The member a "Question 1 from ..." sub-heading names: a person, or a member by seat ("the Member for Eastfield")."""
    who = _PARTY_TAGS.sub("", who).strip()
    if _HONORIFIC_NAME.match(who):
        entry = an.people.add(who)
        return Spk(entry=entry) if entry is not None else None
    seat = re.sub(r"^the\s+", "", who, flags=re.IGNORECASE)
    holder = an.people.by_title(seat)
    return Spk(entry=holder) if holder else Spk(display="the " + seat, key=normalise(seat).lower(), kind="member")


def position(stmts: list[Stmt], st: Stmt) -> int:
    """``stmts.index(st)`` (the first statement equal to ``st``) without comparing every field of
    every earlier statement: equal statements have the same offsets, so compare only those that do."""
    start, end = st.start, st.end
    return next(i for i, s in enumerate(stmts) if s.start == start and s.end == end and (s is st or s == st))


def prev_open_question(stmts: list[Stmt], section: str | None) -> Stmt | None:
    if not stmts:
        return None
    prev = stmts[-1]
    if (prev.act == "statement" and len(stmts) > 1 and prev.blk.low.find("invited", prev.start, prev.end) >= 0
            and _INVITED_TO_REPLY.search(prev.blk.norm, prev.start, prev.end)):
        prev = stmts[-2]  # "The Chair invited the ICB to reply.": the question is still open
    if prev.act == "question" and not prev.answered and prev.section == section:
        return prev
    return None


def latest_unanswered(stmts: list[Stmt], questioner: Spk | None = None) -> int | None:
    for i in range(len(stmts) - 1, -1, -1):
        s = stmts[i]
        if s.act != "question":
            continue
        if questioner is not None:
            if s.speaker is not None and s.speaker.ident == questioner.ident:
                return i
            continue
        if not s.answered:
            return i
    return None


def _first_part(stmts: list[Stmt], state) -> Stmt:
    """The first of the resolutions that end ``stmts`` within the last one's block: the part that
    carries "RESOLVED: That (1) ..." when the block is cut into its parts. Remembered in ``state`` from
    one part to the next (a block's statements keep their acts while it is read), so that a decision
    of thousands of parts is not walked back over for each part."""
    first = stmts[-1]
    known = state.decision_run
    if known is not None and len(stmts) >= 2 and known[0] is stmts[-2] and known[1].blk is first.blk and first.act == "resolution":
        first = known[1]
    else:
        for s in reversed(stmts):
            if s.blk is not first.blk or s.act != "resolution":
                break
            first = s
    state.decision_run = (stmts[-1], first)
    return first


def decide_act(u: Unit, strong: str | None, spk: Spk | None, stmts: list[Stmt], parent: LeadIn | None, section, an: Analyser, state,
                text: str = "", blk: BlockData | None = None) -> tuple[str, int | None]:
    """``blk``: the block ``u`` is a sentence of (``text`` its normalised text)."""
    # by identity: a list search comparing units field by field was quadratic in a block's sentences
    # and took a like sentence of another block for one of this block's
    same_block = bool(stmts) and blk is not None and stmts[-1].blk is blk
    prev_q = prev_open_question(stmts, section)
    if prev_q is not None and u.impersonal and _IT_WAS_NOTED.match(text, u.start):
        prev_q = None  # "It was further noted that ...": a remark recorded, not a reply
    if prev_q is not None and spk is not None and prev_q.speaker is not None and prev_q.speaker.ident == spk.ident:
        prev_q = None  # the questioner carrying on
    if parent is not None and (parent.kind == "decision" or parent.act == "resolution"):
        return "resolution", None  # every point of a decision: "To record the Committee's thanks to ..."
    if (same_block and stmts[-1].act == "resolution" and u.subject is None
            and _DECISION_WORD.match(text, _first_part(stmts, state).start)):
        return "resolution", None  # "RESOLVED: That (1) ...; (2) the Cabinet Member be asked to ...; (3) ..."
    if strong in ("question", "answer", None) and text.find("to which", u.start, u.end) >= 0 and _TO_WHICH.search(text, u.start, u.end):
        return "answer", None
    if strong in ("request", "question", "concern") and u.subject is not None and u.subject.cue_act == "answer" and _REPLIED_THAT.match(
            text, u.subject.cue_start):
        # "Ms Nolan responded that this was not the council's position and asked Councillor Thursby to share the
        # details", "replied that the motion asked for ...", "replied that the gap remained unacceptable": the reply is the act
        return "answer", answer_target(u, stmts, an, state)
    if strong in ("resolution", "request", "question", "concern"):
        return strong, None
    if (u.response and not u.questioners and not _TO_QUESTIONS.search(text, u.start, min(u.end, u.start + 80))
            and "to which" not in text[u.start:u.end] and (_NOT_A_QUESTION.search(text, u.start, min(u.end, u.start + 160)) or (
            stmts and stmts[-1].section == section and stmts[-1].act in ("concern", "welcome", "request")))):
        # "responded to the petition", "Responding [to the concern], Ms Okonkwo said ...": a reply to a concern or a
        # comment is a statement (or a commitment), not an answer
        return ("commitment" if strong == "commitment" else "statement"), None
    if strong == "commitment":
        target = None
        if u.response:
            target = answer_target(u, stmts, an, state)
        elif prev_q is not None:
            target = position(stmts, prev_q)
        elif (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and u.subject is not None
              and ADDED.match(text, u.subject.cue_start) and spk is not None and not _asked_by(stmts, stmts[-1].answers, spk)):
            target = stmts[-1].answers  # "Dr Okorie added that she would write to the five trusts": a second respondent
        if target is not None and not (_PROMISE_ONLY.search(text, u.start, u.end) or _PROMISE_REPLY.match(text, u.start, u.end)):
            return "answer", target  # "He replied that the assessment had been published and that he would send the link"
        if target is not None:
            stmts[target].answered = True  # a promise to answer later settles the question; it is not its answer
        return "commitment", None
    if u.response or strong == "answer":
        return "answer", answer_target(u, stmts, an, state)
    if prev_q is not None and "welcome" not in u.acts and not (text.find("invited", u.start, u.end) >= 0
                                                               and _INVITED_TO_REPLY.search(text, u.start, u.end)):
        return "answer", position(stmts, prev_q)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and u.impersonal and not u.acts
            and _EXPLAINED.match(text, u.start)):
        return "answer", stmts[-1].answers  # "Ms Pike said that two ... had had nowhere to live." / "It was explained that a protocol ..."
    # an answer chain: a further reply straight after an answer
    if stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and (
        (same_block and u.start > 0) or (parent and parent.kind == "response")
    ) and (spk is None or stmts[-1].speaker is None or spk.ident != stmts[-1].speaker.ident):
        return "answer", stmts[-1].answers
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and (ADDED.match(text, u.subject.cue_start) or _TOLD_US.match(text, u.subject.cue_start))
            and spk is not None and not _asked_by(stmts, stmts[-1].answers, spk)):
        # "The Monitoring Officer added ...": a second respondent; "Ms Carey added ...": more of the same reply
        return "answer", stmts[-1].answers
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and u.subject.kind == "chain" and _EXPLAINED_THAT.match(text, u.subject.cue_start) and spk is not None
            and (an.people.kind_of(spk.entry) if spk.entry is not None else spk.kind) in _RESPONDENT_KINDS and stmts[-1].speaker is not None and spk.ident != stmts[-1].speaker.ident
            and not _asked_by(stmts, stmts[-1].answers, spk)):
        # "In reply, Councillor Sohal said ... . / Ms Pryce explained that two of the posts had been filled": a second
        # respondent (an officer, cabinet member or partner) explaining straight after the answer
        return "answer", stmts[-1].answers
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and (u.subject.kind == "pronoun" or same_block) and spk is not None
            and stmts[-1].speaker is not None and spk.ident == stmts[-1].speaker.ident):
        # "... replied that ... . She said that ...", "A: Samir Haddad said ... . Mr Haddad said ...": the rest of the same reply
        return "answer", stmts[-1].answers
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is None
            and (same_block or (blk is not None and _next_paragraph(stmts[-1].blk, blk) and not (u.passive or u.impersonal)
                                and not _REPORTED_PASSIVE.search(text, u.start, u.end)))
            and spk is not None and stmts[-1].speaker is not None and spk.ident == stmts[-1].speaker.ident):
        # "Mr Carville: There are 412 households ... . That is an increase ...", "Dr Brandt replied that ..." / (next
        # paragraph) "She could not say how many ...": the same reply
        return "answer", stmts[-1].answers
    if "welcome" in u.acts:
        return "welcome", None
    if u.passive or u.impersonal:
        if parent and parent.kind == "response":
            return "answer", None
        return "statement", None
    if parent is not None:
        if parent.act == "resolution":
            return "resolution", None
        if parent.act == "answer" or parent.kind == "response":
            return "answer", None
    return "statement", None


# "An audit of taxi licensing was also reported, which had found ...": the report goes on, not the reply
_REPORTED_PASSIVE = re.compile(r"\b(?:was|were)\s+(?:also\s+|further\s+|then\s+)?(?:reported|noted|presented|explained|highlighted|outlined|"
                               r"stated|advised|described|summarised|set\s+out)\b", re.IGNORECASE)


def _next_paragraph(before: BlockData, after: BlockData) -> bool:
    """``after`` is a plain paragraph after the plain paragraph ``before`` (the statement before it)."""
    return before.block.kind == "para" and after.block.kind == "para" and after.block.marker is None and before.block.marker is None


def _asked_by(stmts: list[Stmt], question: int | None, spk: Spk) -> bool:
    """The question ``question`` (an index) was asked by ``spk``: the questioner adding to it is not answering."""
    asker = stmts[question].speaker if question is not None else None
    return asker is not None and asker.ident == spk.ident


def answer_target(u: Unit, stmts: list[Stmt], an: Analyser, state) -> int | None:
    for m in u.questioners:
        spk = an.mention_spk(m, None)
        if spk is not None:
            idx = latest_unanswered(stmts, spk)
            if idx is not None:
                return idx
    return latest_unanswered(stmts)
