"""Question -> answer pairing: the act of a unit given the open questions before it, and the
question an answer replies to (a second respondent, questions answered in turn). Questions and
answers laid out by label ("Q:" / "A:", "Reply:") are in ``qa_layout``."""
from __future__ import annotations

import re

from . import rules
from .records import BlockData, LeadIn, Spk, Stmt, Unit
from .speakers import Analyser

# "It was further noted that ...": a remark added to the record, not a reply ("It was noted that 30 of the 50
# homes had been leased" straight after "asked whether the scheme was on track" is one)
_IT_WAS_FURTHER_NOTED = re.compile(r"(?:[^.;:]{0,60},\s*)?it\s+was\s+(?:also|further|then|additionally)\s+noted\b", re.IGNORECASE)
_NOT_A_QUESTION = re.compile(r"\b(?:respond(?:ed|ing)?|response|repl(?:ied|ying|y))\s+to\s+(?:the|this|that|these|a|an|her|his|their|its|members['’]?)?\s*"
                             r"(?:petition|deputation|concerns?|comments?|points?|statement|motion|presentation|debate|representations?)\b",
                             re.IGNORECASE)
_TO_QUESTIONS = re.compile(r"\bto\s+(?:(?:a|the|further|other|these|those|members['’]?|supplementary)\s+){0,2}(?:questions?|quer(?:y|ies))\b", re.IGNORECASE)
_DECISION_WORD = re.compile(r"\s*(?:RESOLVED|AGREED|DECISION|DECIDED|Resolved|Agreed)\b")
_EXPLAINED = re.compile(r"it\s+was\s+(?:also\s+|further\s+)?(?:explained|clarified|confirmed)\b", re.IGNORECASE)
ADDED = re.compile(r"(?:also\s+|further\s+)?added\b", re.IGNORECASE)

# "We asked ... . He told us that ... . Mr Haddad told us that ...": in minutes that address the members, a
# second respondent telling them is answering too
_TOLD_US = re.compile(r"(?:also\s+|further\s+|then\s+)?told\s+(?:us|the\s+(?:committee|commission|panel|board|members))\b", re.IGNORECASE)
# "The question was asked whether ..., to which the Section 151 Officer replied that ...": question
# and reply in one sentence, a reply to a question the minutes do not give as a statement of its own
_TO_WHICH = re.compile(r",\s+to\s+which\s+[^,;.]{1,80}?(?<!\bhad )(?<!\bhave )(?<!\bhas )(?<!\bbeen )"
                       r"(?:replied|responded|answered|said|confirmed|explained|advised)\b", re.IGNORECASE)
# A reply that says what will be done ("... and that she would report any slippage", "... the figures
# would be published in June") is still the reply; a promise in place of the answer ("did not have the
# figure but would provide it", "undertook to", "would be happy to") is a commitment.
PROMISE_ONLY = re.compile(r"\b(?:undertook|undertaken|offered|promised|pledged|agreed)\s+to\b|\bundertaking\b"
                           r"|\bbut\s+(?:(?:he|she|they|we|I)\s+)?(?:would|will)\b|\bwould\s+be\s+(?:happy|pleased|glad|willing)\b",
                           re.IGNORECASE)
# ... but a reply that states the position asked about and only promises to check or confirm it is the answer
# ("was not aware of any such case, but would check with the trust and write to the Member"); one that
# promises the answer itself ("but would provide the full analysis") or first says it has none stays a promise
_CHECKED_REPLY = re.compile(r"\bbut\s+(?:(?:he|she|they|we|I)\s+)?(?:would|will|undertook\s+to|offered\s+to|agreed\s+to)\s+"
                            r"(?:(?:also|personally|first)\s+)?(?:check|confirm|verify|double-check)\b", re.IGNORECASE)
_NO_ANSWER = re.compile(r"\b(?:did\s+not|does\s+not|could\s+not|was\s+unable\s+to|were\s+unable\s+to|not\s+able\s+to)\s+"
                        r"(?:have|know|say|give|provide|answer|comment)\b|\bnot\s+(?:to\s+hand|available|known)\b", re.IGNORECASE)


def promise_only(text: str, start: int, end: int) -> bool:
    """The reply ``text[start:end]`` promises in place of answering (``PROMISE_ONLY``, less a checked reply)."""
    if PROMISE_ONLY.search(text, start, end) is None:
        return False
    checked = _CHECKED_REPLY.search(text, start, end)
    return checked is None or _NO_ANSWER.search(text, start, checked.start()) is not None


# the promise is all the reply says (matched at the sentence's start): "Cllr Cartwright said that she would ask the
# Director to look into the case personally and write to Mrs Doughty"
_PROMISE_REPLY = re.compile(r"[^,;]{0,80}?\b(?:said|replied|responded|explained|stated|advised)\s+that\s+(?:he|she|they|we|I|officers)\s+would\s+"
                            r"(?:personally\s+)?(?:ask|write|look|investigate|find\s+out|follow|check|speak|raise|take|arrange)\b", re.IGNORECASE)
# "The Chair invited the ICB to reply.": the floor given, not the reply
_INVITED_TO_REPLY = re.compile(r"\binvited\s+(?:[^.;]{1,60}?\s+)?to\s+(?:reply|respond|answer|comment)\b", re.IGNORECASE)
_REPLIED_THAT = re.compile(r"(?:replied|responded|answered)\s+(?:that|by\s+saying)\b", re.IGNORECASE)



def position(stmts: list[Stmt], st: Stmt) -> int:
    """``stmts.index(st)`` (the first statement equal to ``st``) without comparing every field of
    every earlier statement: equal statements have the same offsets, so compare only those that do."""
    start, end = st.start, st.end
    return next(i for i, s in enumerate(stmts) if s.start == start and s.end == end and (s is st or s == st))


def prev_open_question(stmts: list[Stmt], section: str | None) -> Stmt | None:
    """The open question just before, or just before the questioner's own remarks that follow it
    ("Cllr Reid asked whether ... . She said that residents were worried."), or before "The Chair
    invited the ICB to reply." (the floor given: the question is still open)."""
    last = len(stmts)
    if last > 1:
        prev = stmts[-1]
        if (prev.act == "statement" and prev.blk.low.find("invited", prev.start, prev.end) >= 0
                and _INVITED_TO_REPLY.search(prev.blk.norm, prev.start, prev.end)):
            last -= 1
    i = last - 1
    while i >= 0 and last - i <= 2 and stmts[i].section == section and stmts[i].act in ("statement", "concern"):
        i -= 1
    if i < 0 or stmts[i].section != section or stmts[i].act != "question" or stmts[i].answered:
        return None
    question = stmts[i]
    if i < last - 1 and (question.speaker is None
                         or any(s.speaker is None or s.speaker.ident != question.speaker.ident for s in stmts[i + 1:last])):
        return None
    return question


_MEMBERS_POINTS = ("question", "concern", "request", "welcome")


def question_in_run(stmts: list[Stmt], section: str | None) -> int | None:
    """The unanswered question among the members' points that end ``stmts`` ("whether ...;" / "concern
    that ...;" / "that the Committee should receive ..."): a reply after them answers it."""
    for i in range(len(stmts) - 1, max(-1, len(stmts) - 7), -1):
        s = stmts[i]
        if s.section != section or s.act not in _MEMBERS_POINTS:
            return None
        if s.act == "question" and not s.answered:
            return i
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
    if prev_q is not None and u.impersonal and _IT_WAS_FURTHER_NOTED.match(text, u.start):
        prev_q = None
    if prev_q is not None and spk is not None and prev_q.speaker is not None and prev_q.speaker.ident == spk.ident:
        prev_q = None  # the questioner carrying on
    if prev_q is not None and u.subject is not None and _TAKES_THE_FLOOR.match(text, u.subject.cue_start):
        prev_q = None  # "Ms Feeney, a support worker at the refuge, spoke on agenda item 18.": the next speaker, not a reply
    # under "In response to questions it was said:" a point a member makes ("A member stated that ...") is no reply
    replying = (parent is not None and (parent.act == "answer" or parent.kind == "response") and _kind(spk, an) not in ("member", "group", "chair")
                and not _MEMBERS_VIEW.match(text, u.start, u.end)
                and not (same_block and u.start > 0 and stmts[-1].act in ("statement", "concern", "welcome")))  # the point's comment goes on
    if replying and blk is not None and blk.block.marker and not (same_block and u.start > 0):
        prev_q = None  # a point of "Officers responded as follows:" answers a question of the list above, not just the last
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
        return "answer", answer_target(u, stmts, an, state, text)
    if strong in ("resolution", "request", "question", "concern"):
        return strong, None
    if (u.response and not u.questioners and not _TO_QUESTIONS.search(text, u.start, min(u.end, u.start + 80))
            and "to which" not in text[u.start:u.end] and (_NOT_A_QUESTION.search(text, u.start, min(u.end, u.start + 160)) or (
            stmts and stmts[-1].section == section and stmts[-1].act in ("concern", "welcome", "request")
            and question_in_run(stmts, section) is None))):
        # "responded to the petition", "Responding [to the concern], Ms Okonkwo said ...": a reply to a concern or a
        # comment is a statement (or a commitment), not an answer
        return ("commitment" if strong == "commitment" else "statement"), None
    if strong == "commitment":
        target = None
        if u.response:
            target = answer_target(u, stmts, an, state, text)
        elif prev_q is not None:
            target = position(stmts, prev_q)
        elif (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and u.subject is not None
              and ADDED.match(text, u.subject.cue_start) and spk is not None and not _asked_by(stmts, stmts[-1].answers, spk)):
            target = stmts[-1].answers  # "Dr Okorie added that she would write to the five trusts": a second respondent
        if target is not None and not (promise_only(text, u.start, u.end) or _PROMISE_REPLY.match(text, u.start, u.end)):
            return "answer", target  # "He replied that the assessment had been published and that he would send the link"
        if target is not None:
            stmts[target].answered = True  # a promise to answer later settles the question; it is not its answer
        return "commitment", None
    if u.response or strong == "answer":
        return "answer", answer_target(u, stmts, an, state, text)
    if prev_q is not None and "welcome" not in u.acts and not (text.find("invited", u.start, u.end) >= 0
                                                               and _INVITED_TO_REPLY.search(text, u.start, u.end)):
        return "answer", in_turn(stmts, position(stmts, prev_q), text, u.start, u.end)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and u.impersonal and not u.acts
            and _EXPLAINED.match(text, u.start)):
        return "answer", stmts[-1].answers  # "Ms Pike said that two ... had had nowhere to live." / "It was explained that a protocol ..."
    listed_reply = replying and parent.kind == "response" and not (same_block and u.start > 0)
    if listed_reply and not u.acts:
        # "Officer responses:" over one reply per point: each answers the question it takes up, if any; one that
        # answers none and says what will be done replies to a request with a promise
        target = listed_reply_target(stmts, section, text, u.start, u.end)
        if (target is None and _WILL_BE_DONE.search(text, u.start, u.end)
                and any(s.act == "request" and s.section == section for s in stmts[-12:])):
            return "commitment", None
        return "answer", target
    # an answer chain: a further reply straight after an answer
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and same_block and u.start > 0
            and (spk is None or stmts[-1].speaker is None or spk.ident != stmts[-1].speaker.ident)):
        return "answer", in_turn(stmts, stmts[-1].answers, text, u.start, u.end)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and (ADDED.match(text, u.subject.cue_start) or _TOLD_US.match(text, u.subject.cue_start))
            and spk is not None and not _asked_by(stmts, stmts[-1].answers, spk)):
        # "The Monitoring Officer added ...": a second respondent; "Ms Carey added ...": more of the same reply
        return "answer", in_turn(stmts, stmts[-1].answers, text, u.start, u.end)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].answers is not None and stmts[-1].section == section and not u.acts
            and not same_block and u.subject is not None and u.subject.kind == "chain" and spk is not None
            and _RESPONDENT_VERB.match(text, u.subject.cue_start) and _second_respondent(spk, stmts[-1].speaker, an)
            and not _asked_by(stmts, stmts[-1].answers, spk)):
        # "In reply, Councillor Sohal said that three posts were vacant." / "Ms Pryce explained that two had been filled
        # ...": an officer or cabinet member taking up the question after the first reply answers it too
        return "answer", in_turn(stmts, stmts[-1].answers, text, u.start, u.end)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and (u.subject.kind == "pronoun" or same_block) and spk is not None
            and stmts[-1].speaker is not None and spk.ident == stmts[-1].speaker.ident):
        # "... replied that ... . She said that ...", "A: Samir Haddad said ... . Mr Haddad said ...": the rest of the same reply
        return "answer", in_turn(stmts, stmts[-1].answers, text, u.start, u.end)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is None
            and (same_block or (blk is not None and _next_paragraph(stmts[-1].blk, blk) and not (u.passive or u.impersonal)
                                and not _REPORTED_PASSIVE.search(text, u.start, u.end)))
            and spk is not None and stmts[-1].speaker is not None and spk.ident == stmts[-1].speaker.ident):
        # "Mr Carville: There are 412 households ... . That is an increase ...", "Dr Brandt replied that ..." / (next
        # paragraph) "She could not say how many ...": the same reply
        return "answer", in_turn(stmts, stmts[-1].answers, text, u.start, u.end)
    if (stmts and stmts[-1].act == "answer" and stmts[-1].answers is not None and stmts[-1].section == section and not u.acts
            and blk is not None and _replies_listed_under(stmts[-1], stmts[stmts[-1].answers], blk)
            and _kind(spk, an) in _RESPONDENT_KINDS + ("external", "unknown") and not (spk is not None and _asked_by(stmts, stmts[-1].answers, spk))):
        # "Cllr Qureshi asked how ..." / "• Siân: There had been 214 ..." / "• Most related to falls ..." / "• Dr Chen: The
        # ICB ...": the bullets under a question are its replies, a second respondent's or the same reply going on
        return "answer", stmts[-1].answers
    if not u.acts and u.subject is not None and spk is not None and _kind(spk, an) in _RESPONDENT_KINDS + ("external",):
        late = _late_reply_target(stmts, section, spk, text, u.start, u.end)
        if late is not None:
            # "asked whether anyone had estimated the cost of more children entering care" ... (the Cabinet Member's
            # case) ... "Mr Lyle said that no separate estimate had been made of the cost of children entering care"
            return "answer", late
    if "welcome" in u.acts:
        return "welcome", None
    if u.passive or u.impersonal:
        if replying and parent.kind == "response":
            return "answer", None
        return "statement", None
    if parent is not None:
        if parent.act == "resolution":
            return "resolution", None
        if replying:
            # "The Director responded:" over "(a) there were 1,240 repairs outstanding;" / "(b) ...": the questions in turn
            target = listed_reply_target(stmts, section, text, u.start, u.end)
            return "answer", target if target is not None else _next_listed_question(stmts, section)
    return "statement", None


# under "In response to comments and questions it was said:" a point that records the members' side of the
# discussion ("It was suggested that ...", "It was agreed that ...", "The formation of sub-groups was discussed") is no reply
_MEMBERS_VIEW = re.compile(r"(?:[A-Z]\w*\s+)?(?:it\s+was\s+(?:also\s+|further\s+)?(?:suggested|agreed|felt|considered|proposed|recommended)\b"
                           r"|[^.;:]{3,80}?\s(?:was|were)\s+(?:also\s+|further\s+|then\s+)?(?:discussed|debated)\b)", re.IGNORECASE)


# "An audit of taxi licensing was also reported, which had found ...": the report goes on, not the reply
_REPORTED_PASSIVE = re.compile(r"\b(?:was|were)\s+(?:also\s+|further\s+|then\s+)?(?:reported|noted|presented|explained|highlighted|outlined|"
                               r"stated|advised|described|summarised|set\s+out)\b", re.IGNORECASE)


def _next_paragraph(before: BlockData, after: BlockData) -> bool:
    """``after`` is a plain paragraph after the plain paragraph ``before`` (the statement before it)."""
    return before.block.kind == "para" and after.block.kind == "para" and after.block.marker is None and before.block.marker is None


def _replies_listed_under(answer: Stmt, question: Stmt, blk: BlockData) -> bool:
    """``blk`` is a bullet after the bullet ``answer``, both under the plain paragraph ``question`` they reply to."""
    marker = blk.block.marker
    return (marker == "bullet" and answer.blk is not blk and answer.blk.block.marker == marker
            and answer.blk.block.label == blk.block.label and question.blk.block.marker is None)


def _next_listed_question(stmts: list[Stmt], section: str | None) -> int | None:
    """The first open question of the list of questions just above a list of replies ("asked: (a) how many ...;
    (b) whether ..." / "responded: (a) ...; (b) ..."): the replies answer them in turn."""
    i = len(stmts) - 1
    while i >= 0 and stmts[i].section == section and stmts[i].act == "answer" and stmts[i].blk.block.marker:
        i -= 1
    run = []
    while i >= 0 and stmts[i].section == section and stmts[i].act == "question" and stmts[i].blk.block.marker:
        run.append(i)
        i -= 1
    return next((q for q in reversed(run) if not stmts[q].answered), None)


_WILL_BE_DONE = re.compile(r"\b(?:would|will)\s+(?:be\s+)?(?!not\b|have\b|need\b)[a-z]+(?:ed|en)?\b")
_TAKES_THE_FLOOR = re.compile(r"(?:then\s+)?(?:spoke|addressed\s+the\s+(?:meeting|committee|panel|board|cabinet|council))\b", re.IGNORECASE)
# verbs that explain or settle a point: "said" or "remarked" after a reply more often starts the speaker's own point
_RESPONDENT_VERB = re.compile(r"(?:(?:also|further|then)\s+)?(?:explained|confirmed|clarified|advised|assured|reassured)\b", re.IGNORECASE)
_RESPONDENT_KINDS = ("officer", "cabinet_member")


def _kind(spk: Spk | None, an: Analyser) -> str:
    if spk is None:
        return "unknown"
    if spk.acting:
        return spk.acting
    return an.people.kind_of(spk.entry) if spk.entry is not None else spk.kind


def _second_respondent(spk: Spk, first: Spk | None, an: Analyser) -> bool:
    """Who may take up a question after its first reply: an officer or cabinet member, or a partner after a
    partner (not a member, the Chair or a witness giving their own view after the council's reply)."""
    kind = _kind(spk, an)
    return kind in _RESPONDENT_KINDS or (kind == "external" and _kind(first, an) == "external")


def _asked_by(stmts: list[Stmt], question: int | None, spk: Spk) -> bool:
    """The question ``question`` (an index) was asked by ``spk``: the questioner adding to it is not answering."""
    asker = stmts[question].speaker if question is not None else None
    return asker is not None and asker.ident == spk.ident


def answer_target(u: Unit, stmts: list[Stmt], an: Analyser, state, text: str = "") -> int | None:
    for m in u.questioners:
        spk = an.mention_spk(m, None)
        if spk is not None:
            idx = latest_unanswered(stmts, spk)
            if idx is not None:
                return idx
    return in_turn(stmts, latest_unanswered(stmts), text, u.start, u.end)


_WORD = re.compile(r"[a-z][a-z'’-]{3,}")


def _stems(text: str) -> set[str]:
    """Content words cut to their first five letters ("estimated" and "estimate" meet)."""
    common = rules.common_words()
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in common}


def stmt_stems(st: Stmt) -> set[str]:
    """``_stems`` of a statement's text, read once per extent of the statement."""
    got = st.stems
    if got is None or got[0] != st.start or got[1] != st.end:
        got = st.stems = (st.start, st.end, _stems(st.blk.norm[st.start:st.end]))
    return got[2]


def _question_run(stmts: list[Stmt], target: int) -> list[int]:
    """The questions put together with ``target`` before the replies ("Cllr Amos asked why ... . Cllr Dobbs
    asked whether ... .", the members' other points among them) that are still open, ``target`` with them."""
    section = stmts[target].section
    lo = target
    while lo - 1 >= 0 and target - lo < 8 and stmts[lo - 1].section == section and stmts[lo - 1].act in _MEMBERS_POINTS:
        lo -= 1
    hi = target
    while hi + 1 < len(stmts) and hi - target < 8 and stmts[hi + 1].section == section and stmts[hi + 1].act in _MEMBERS_POINTS:
        hi += 1
    return [i for i in range(lo, hi + 1) if i == target or (stmts[i].act == "question" and not stmts[i].answered)]


def in_turn(stmts: list[Stmt], target: int | None, text: str, start: int, end: int) -> int | None:
    """Of questions put together and answered in turn, the one whose words the reply takes up ("asked why
    call waiting times had risen" / "said that call waiting times had risen because ..."); ``target``
    unless one question shares more of them than the others."""
    if target is None or not text or stmts[target].act != "question":
        return target
    run = _question_run(stmts, target)
    if len(run) < 2:
        return target
    echoed = _best_echo(stmts, run, text, start, end)
    return target if echoed is None else echoed


def _best_echo(stmts: list[Stmt], candidates: list[int], text: str, start: int, end: int) -> int | None:
    """The question among ``candidates`` that shares at least two content words with ``text[start:end]``,
    and two more than any other does."""
    if not candidates:
        return None
    said = _stems(text[start:end])
    scored = sorted(((len(said & stmt_stems(stmts[i])), i) for i in candidates), reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[0][0] - scored[1][0] < 2):
        return None  # questions on one topic share its words: only a clear lead tells them apart
    return scored[0][1]


def _late_reply_target(stmts: list[Stmt], section: str | None, spk: Spk, text: str, start: int, end: int) -> int | None:
    """An open question a few statements back whose words a later reply takes up closely (four content
    words or more, half of the question's): the reply came after other speakers had their say."""
    candidates = [i for i in range(len(stmts) - 1, max(-1, len(stmts) - 7), -1)
                  if stmts[i].act == "question" and not stmts[i].answered
                  and not (stmts[i].speaker is not None and stmts[i].speaker.ident == spk.ident)]
    if not candidates:
        return None
    said = _stems(text[start:end])
    for i in candidates:
        asked = stmt_stems(stmts[i])
        shared = len(said & asked)
        if shared >= 4 and 2 * shared >= len(asked):
            return i
    return None


def listed_reply_target(stmts: list[Stmt], section: str | None, text: str, start: int, end: int) -> int | None:
    """A reply listed under "Officer responses:" answers the question of the members' points above whose
    words it takes up ("Asked whether the service had enough link workers" / "There were four link
    workers, ..."); none when no question stands out (a reply to a request or a comment)."""
    candidates = [i for i in range(len(stmts) - 1, max(-1, len(stmts) - 13), -1)
                  if stmts[i].act == "question" and stmts[i].section == section]
    return _best_echo(stmts, candidates, text, start, end)
