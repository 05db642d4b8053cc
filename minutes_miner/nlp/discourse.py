"""Minutes discourse: blocks -> statements with speaker, act, question->answer pairs, sections, concerns.

The spaCy pipeline (``load_pipeline``) finds the pieces -- statement units, people and role
mentions, act cues, concern terms -- and this module puts them together with the document's
structure (headings, numbered / lettered / bulleted lead-ins) and discourse state (last
speaker, open questions). The parts: ``units`` (a sentence's subject, acts, questioners),
``speakers`` (resolving a subject to a person or role), ``statements`` (an item's blocks ->
statements), ``answers`` (acts and question -> answer pairing), ``records`` (the data holders).

Decisions worth knowing:

* A speaker is only ever a mention followed by a reporting verb or act cue (possibly through an
  apposition "Jane Smith, Head of Early Help, presented", a parenthesis "Mrs Chandler (Cabinet
  Member) introduced", a coordination "Mr Jones and Mrs Khan both raised" or a label "Cllr Lee:
  asked"), a pronoun / first name / surname resolved to someone seen earlier, or inherited from
  a lead-in ("She highlighted a few key areas:" + lettered points). Nothing else: no speaker is
  invented.
* A role that the document ties to exactly one named person ("the Chair" with "X (Chair)" in
  the attendance; "the Director of Children's Services" with "Dr Y (Director of Children's
  Services)") resolves to that person, so one person gets one speaker_key.
* Several people as one subject give speaker "Mr Jones and Mrs Khan", key "jones and khan",
  kind "group".
* Acts by priority: resolution > request > question > commitment > concern > answer (explicit
  response cue, or the statement follows an open question by someone else) > welcome >
  statement. ``answers`` is set on answers and on commitments that respond to a question.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left

import numpy

from minutes_miner.models import (
    AnalysedDocument,
    AnalysedItem,
    AnalysedStatement,
    AttendeeMention,
    MinutesText,
    Person,
)

from . import rules
from .attendance import parse_attendance
from .attendee_entry import names_a_job, title_kind
from .housekeeping import ATTEND_FOR_ITEM, list_attendance
from .people import People, split_initials
from .records import BlockData, Mention, Spk, Stmt
from .speakers import Analyser
from .statements import MOVER_WORDS, analyse_item, analyse_turns
from .textnorm import Block, classify, folded, normalise, repair, run_in_label
from .units import parse_unit

_SPACE_RUN = re.compile(r"\s+")

CHUNK_CHARS = 200_000
BLOCK_JOIN = "\n\n"
# spaCy's tokenizer strips prefixes and suffixes one character at a time, re-searching the rest:
# quadratic on a long run with no space ("((((...", "=====...", 3,000 characters 0.6-1.2 s, 200 KB
# minutes). A run of LONG_RUN or more is never a word: for tokenizing only, every PIECE-th character
# of it is a space (same length, so offsets into the text hold)
LONG_RUN = 1000
PIECE = 50
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN},}}")


def _attendance_rank(a: AttendeeMention) -> str:
    """How firmly the attendance list sets a person's kind. A member the list keeps a member though their
    title names an outside body (a co-opted list's "Mrs Tait (Tenants' Federation)") outranks that body
    named again beside them in the text ("Mrs Tait, Tenants' Federation, asked")."""
    if a.kind in ("chair", "cabinet_member", "external"):
        return "attendance_role"
    if a.kind == "member" and a.title and title_kind(a.title) == "external" and not names_a_job(a.title):
        return "attendance_role"
    return "list"

def _tokenizable(text: str) -> str:
    # a run of LONG_RUN holds a whole aligned window of half that: look for one with no space or
    # newline first (a memchr each), far cheaper than the regex over the text
    half = LONG_RUN // 2
    if all(" " in text[i:i + half] or "\n" in text[i:i + half] for i in range(0, len(text) - half + 1, half)):
        return text
    return _LONG_RUN.sub(_break_run, text)


def _break_run(m: re.Match) -> str:
    chars = list(m.group())
    chars[PIECE - 1::PIECE] = " " * len(range(PIECE - 1, len(chars), PIECE))
    return "".join(chars)


def analyse_minutes(minutes: MinutesText, roster=(), nlp=None, concerns_file=None, concern_model="shipped") -> AnalysedDocument:
    """``concern_model``: "shipped" (the model in models/, if any), None (taxonomy rules only) or a
    ``learned.ConcernModel``."""
    # analysing allocates hundreds of thousands of small acyclic objects; the cyclic collector's
    # repeated passes over them cost a quarter of the run, and they are freed by refcount anyway
    paused = gc.isenabled()
    gc.disable()
    try:
        return _analyse_minutes(minutes, roster, nlp, concerns_file, concern_model)
    finally:
        if paused:
            gc.enable()


def _analyse_minutes(minutes: MinutesText, roster, nlp, concerns_file, concern_model) -> AnalysedDocument:
    if concern_model == "shipped":
        from .learned import shipped_model

        concern_model = shipped_model()
    from .pipeline import load_pipeline

    nlp = nlp or load_pipeline(concerns_file)
    people = People()
    for p in roster or ():
        if isinstance(p, Person):
            people.add(p.name, kind=None if p.kind == "unknown" else p.kind, title=p.title, rank="roster")
    for a in minutes.attendance:
        people.add(a.name, kind=None if a.kind == "unknown" else a.kind, title=a.title, rank=_attendance_rank(a))

    # blocks
    items_blocks: list[list[BlockData]] = []
    to_parse: list[BlockData] = []
    for item in minutes.items:
        bds: list[BlockData] = []
        pieces = [(t, turn.text) for t, turn in enumerate(item.turns)] if item.turns else [(None, item.text)]
        for turn_index, text in pieces:
            for line in repair(text or "").split("\n"):
                b = classify(line)
                if b is None:
                    continue
                if turn_index is not None and b.kind == "heading":
                    b = Block(text=b.text, kind="para", raw=b.raw)  # a short turn ("No.") is still what was said
                split = run_in_label(b.text) if turn_index is None and b.kind == "para" and b.marker is None else None
                if split is not None:
                    bds.append(BlockData(block=Block(text=split[0], kind="heading", raw=split[0]), turn=None))
                    b = Block(text=split[1], kind="para", raw=split[1])
                bd = BlockData(block=b, turn=turn_index)
                if b.kind == "para":
                    bd.norm = normalise(b.text)
                    bd.low = folded(bd.norm)
                    to_parse.append(bd)
                bds.append(bd)
        items_blocks.append(bds)

    first_names = set(rules.people()["first_names"]["f"]) | set(rules.people()["first_names"]["m"])

    def known(m: Mention) -> bool:
        first = m.text.split()[0]
        return first in first_names or people.lookup(m.text) is not None

    # spaCy over chunks of paragraph blocks joined by blank lines (one Doc per chunk keeps the
    # per-Doc overhead small); the segmenter breaks units at every newline. A blank line, not a
    # single newline: the tokenizer caches "word." and "Word" but never "word.\nWord", so single
    # newlines sent a span of every block boundary down its slow path (5-10x the tokenizing time)
    chunks: list[tuple[str, list[tuple[int, BlockData]]]] = []
    buf: list[str] = []
    members: list[tuple[int, BlockData]] = []
    size = 0
    for bd in to_parse:
        if buf and size + len(bd.norm) > CHUNK_CHARS:
            chunks.append((BLOCK_JOIN.join(buf), members))
            buf, members, size = [], [], 0
        members.append((size, bd))
        buf.append(bd.norm)
        size += len(bd.norm) + len(BLOCK_JOIN)
    if buf:
        chunks.append((BLOCK_JOIN.join(buf), members))

    def _docs():
        for (text, _), doc in zip(chunks, nlp.tokenizer.pipe((_tokenizable(c[0]) for c in chunks), batch_size=16)):
            doc.user_data["mm_text"] = text
            yield doc

    no_spans = {name: {"spans": False} for name in ("mm_mentions", "mm_cues", "mm_concerns") if name in nlp.pipe_names}
    for (text, members), doc in zip(chunks, nlp.pipe(_docs(), batch_size=16, component_cfg=no_spans)):
        mentions = sorted(doc.user_data["mm_mentions"])
        cues = sorted(doc.user_data["mm_cues"])
        concerns = sorted((s, lab) for s, _e, lab in doc.user_data["mm_concerns"])
        units = doc.user_data.get("mm_units") or [(0, len(text))]
        # every block's share of each kind of finding, for all the chunk's blocks at once
        offs = numpy.fromiter((off for off, _ in members), dtype=numpy.int64, count=len(members))
        ends = offs + numpy.fromiter((len(bd.norm) for _, bd in members), dtype=numpy.int64, count=len(members))
        m_lo, m_hi = _block_bounds(mentions, offs, ends)
        c_lo, c_hi = _block_bounds(cues, offs, ends)
        k_lo, k_hi = _block_bounds(concerns, offs, ends)
        u_lo, u_hi = _block_bounds(units, offs, ends)
        for (off, bd), end, mlo, mhi, clo, chi, klo, khi, ulo, uhi in zip(members, ends.tolist(), m_lo, m_hi, c_lo, c_hi, k_lo, k_hi,
                                                                         u_lo, u_hi):
            text_b = bd.norm
            if mhi > mlo:
                bd.mentions = [Mention(s - off, e - off, lab, text_b[s - off:e - off]) for s, e, lab in mentions[mlo:mhi]]
                b_m_starts = [m.start for m in bd.mentions]
            else:
                b_m_starts = []
            if chi > clo:
                bcues = [(s - off, e - off, lab) for s, e, lab in cues[clo:chi]]
                bd.has_cue = True
                b_cue_starts = [c[0] for c in bcues]
            else:
                bcues, b_cue_starts = [], []
            if khi > klo:
                bconcerns = [(s - off, lab) for s, lab in concerns[klo:khi]]
                b_c_starts = [c[0] for c in bconcerns]
            block_units = units[ulo:uhi] or [(off, end)]
            if ":" in bd.block.text:  # a quotation kept whole opens after a colon
                block_units = _quoted_together(block_units, bd.block.text, off)
            pieces = [(max(us, off) - off, min(ue, end) - off) for us, ue in block_units]
            # a mover's words need "moved by" / "proposed by" / "seconded (by)"
            for us, ue in (_decision_apart(pieces, text_b) if "by" in bd.low or "seconded" in bd.low else pieces):
                carried = us < 0  # the motion a "moved by ..., and CARRIED:" line quotes: the Committee's decision
                us = abs(us)
                while ue > us and text_b[ue - 1] in " \n":
                    ue -= 1
                if ue <= us:
                    continue
                u = parse_unit(text_b, us, ue, bd.mentions, bcues, b_cue_starts, known, b_m_starts)
                if carried:
                    u.subject, u.acts = None, {"resolution"}
                if khi > klo:
                    lo, hi = bisect_left(b_c_starts, us), bisect_left(b_c_starts, ue)
                    u.concerns = {bconcerns[k][1] for k in range(lo, hi)} if hi > lo else set()
                else:
                    u.concerns = set()
                bd.units.append(u)

    an = Analyser(people, minutes.committee)
    for bds in items_blocks:
        list_attendance(bds, people)
        for bd in bds:
            if bd.block.kind == "para":
                if "item" in bd.low and ATTEND_FOR_ITEM.search(bd.block.text):
                    for a in parse_attendance(bd.block.text):
                        people.add(a.name, kind=None if a.kind == "unknown" else a.kind, title=a.title, rank="list")
                an.register(bd)

    per_item = [analyse_turns(bds, item.turns, people) if item.turns else analyse_item(bds, an, bool(item.title))
                for item, bds in zip(minutes.items, items_blocks)]
    rendered: dict = {}
    finished = [[_finish(s, people, rendered) for s in stmts] for stmts in per_item]
    printed = _printed_names(minutes.items)
    if printed:
        finished = [[_as_printed(f, printed) for f in fs] for fs in finished]
    if concern_model is not None:
        from .learned import predict_items

        labels = predict_items(concern_model, nlp, [(item.title, [(f[0], f[7], f[5], f[4], f[6]) for f in fs])
                                                    for item, fs in zip(minutes.items, finished)])
        statements = [tuple(AnalysedStatement(*f[:7], c) for f, c in zip(fs, cs)) for fs, cs in zip(finished, labels)]
    else:
        statements = [tuple(AnalysedStatement(*f) for f in fs) for fs in finished]
    out_items = tuple(
        AnalysedItem(number=item.number, title=item.title, statements=sts, source_url=item.source_url, page=item.page)
        for item, sts in zip(minutes.items, statements)
    )
    attendance = tuple(_enrich(a, people) for a in minutes.attendance)
    return AnalysedDocument(source=minutes.source, committee=minutes.committee, date=minutes.date, attendance=attendance,
                            items=out_items)


def _block_bounds(found: list[tuple], offs: numpy.ndarray, ends: numpy.ndarray) -> tuple[list[int], list[int]]:
    """For each block (its start and end in the chunk), the slice of ``found`` (sorted by start)
    that starts inside it: what a bisect per block would give, in one search for all."""
    starts = numpy.fromiter((f[0] for f in found), dtype=numpy.int64, count=len(found))
    return numpy.searchsorted(starts, offs).tolist(), numpy.searchsorted(starts, ends).tolist()


_OPEN_QUOTE = re.compile(r":\s*([“‘\"])")
_CLOSE_QUOTE = {"“": re.compile(r"”"), "‘": re.compile(r"’(?![A-Za-z])"), '"': re.compile(r'"')}
_QUOTE_MAX = 1500  # characters
_NEXT_SENTENCE = re.compile(r"\s+(?=[A-Z])")


_MOVER_START = re.compile(MOVER_WORDS, re.IGNORECASE)
_THEN_DECIDED = re.compile(r"[\s,]+(?:and\s+)?(?=(?:it\s+was\s+)?(?:RESOLVED|AGREED)\b)")


# "It was moved by ..., seconded by ..., and on being put to the vote CARRIED (4 for, 3 against): That ..."
_THEN_CARRIED = re.compile(r"[\s,]+(?:and\s+)?(?:(?:on|upon)\s+being\s+put\s+to\s+the\s+vote\s+)?CARRIED\b[^:.;]{0,60}:\s*(?=[Tt]hat\b)")


def _decision_apart(units, text: str):
    """"Proposed by Cllr Ashby, seconded by Cllr Bourne and RESOLVED that ...": the decision is a
    statement of its own (the Committee's), apart from the words naming its mover. The motion
    quoted after "... and CARRIED:" is yielded with its start negated: it is the decision itself."""
    for us, ue in units:
        mover = _MOVER_START.match(text, us)
        m = _THEN_DECIDED.search(text, us, ue) if mover else None
        carried = _THEN_CARRIED.search(text, us, ue) if mover and m is None and "CARRIED" in text[us:ue] else None
        if carried is not None:
            yield us, carried.start()
            yield -carried.end(), ue
        elif m is None:
            yield us, ue
        else:
            yield us, m.start()
            yield m.end(), ue


def _quoted_together(units: list[tuple[int, int]], text: str, off: int) -> list[tuple[int, int]]:
    """Units (sentences) of a block, a quotation introduced by a colon kept whole: "Councillor
    Wren made the following statement: “Parents are waiting a year. This is not acceptable.”" is
    one statement; a sentence after the closing quote is not part of it. ``text`` is the block's
    original text (curly quotes intact); units are offsets into the chunk, the block at ``off``."""
    out: list[tuple[int, int]] = []
    closing: re.Pattern | None = None
    for us, ue in units:
        seg = text[max(us - off, 0):max(ue - off, 0)]
        if closing is None:
            out.append((us, ue))
            m = _OPEN_QUOTE.search(seg)
            if m and not _CLOSE_QUOTE[m.group(1)].search(seg, m.end()):
                # only a quotation that closes soon after in this block is kept whole
                at = us - off + m.end()
                if _CLOSE_QUOTE[m.group(1)].search(text, at, at + _QUOTE_MAX):
                    closing = _CLOSE_QUOTE[m.group(1)]
            continue
        c = closing.search(seg)
        if c is None:
            out[-1] = (out[-1][0], ue)
            continue
        closing = None
        rest = _NEXT_SENTENCE.match(seg, c.end())
        if rest and rest.end() < len(seg):  # "... fill the gap.’ The Chair thanked Mrs Howells ..."
            out[-1] = (out[-1][0], us + c.end())
            out.append((us + rest.end(), ue))
        else:
            out[-1] = (out[-1][0], ue)
    return out


def _enrich(a: AttendeeMention, people: People) -> AttendeeMention:
    if a.title:
        title, initials = split_initials(a.title, a.name)
        if initials:
            a = AttendeeMention(a.name, a.kind, title, a.status, a.party, a.ward)  # the initials are not the job
    entry = people.lookup(a.name)
    if entry is None:
        return a
    kind = people.kind_of(entry)
    if kind != a.kind and (a.kind in ("unknown", "member", "officer") and entry.kind_rank >= 2):
        return AttendeeMention(a.name, kind, a.title or entry.title, a.status, a.party, a.ward)
    return a


_PRINTED_APOSTROPHE = re.compile(r"\b[OD]’[A-Z][a-z]+")


def _printed_names(items) -> dict[str, str]:
    """Surnames the document prints with a curly apostrophe ("O’Neill"), by their normalised form: the
    analysis reads "O'Neill"; the speaker keeps the name as printed, the key stays straight ("o'neill")
    so that both printings are one person across documents."""
    out: dict[str, str] = {}
    for item in items:
        for text in [item.text or ""] + [t.text or "" for t in item.turns]:
            if "’" in text:
                for w in _PRINTED_APOSTROPHE.findall(text):
                    out[normalise(w)] = w
    return out


def _as_printed(f: tuple, printed: dict[str, str]) -> tuple:
    speaker = f[1]
    if speaker and "'" in speaker:
        for plain, shown in printed.items():
            speaker = speaker.replace(plain, shown)
        return (f[0], speaker, *f[2:])
    return f


def _finish(s: Stmt, people: People, rendered: dict) -> tuple:
    """The fields of an ``AnalysedStatement`` in order (text, speaker, key, kind, act, answers,
    section, concerns), built once the concern model has had its say."""
    text = s.blk.block.text[s.start:s.end].strip()
    if "  " in text or "\n" in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    speaker = key = None
    kind = "unknown"
    if s.speaker is not None:
        speaker, key, kind = _render(s.speaker, people, rendered)
    return (text, speaker, key, kind, s.act, s.answers, s.section, tuple(sorted(s.concerns)))


def _render(spk: Spk, people: People, memo: dict) -> tuple[str | None, str | None, str]:
    """``memo``: the renderings of people already rendered (nobody changes once statements are
    finished, and ``best_form`` weighs every form of the name)."""
    if spk.parts:
        rendered = [_render(p, people, memo) for p in spk.parts]
        names = [r[0] for r in rendered if r[0]]
        keys = [r[1] for r in rendered if r[1]]
        if len(names) > 2:
            display = ", ".join(names[:-1]) + " and " + names[-1]
        else:
            display = " and ".join(names)
        return display or None, " and ".join(keys) or None, "group"
    if spk.entry is not None:
        key = (id(spk.entry), spk.acting)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = (spk.entry.best_form(), spk.entry.key, spk.acting or people.kind_of(spk.entry))
        return hit
    return spk.display, spk.key, spk.kind
