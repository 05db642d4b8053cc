"""An indicator's values and RAG history beside every statement that discusses it, and the
direction-claim check: a statement that says an indicator "improved", "fell", "had increased"...
when the indicator's own values moved the other way is flagged.

Rules (documented because they decide what is flagged):

* **Claims** - a statement is split into clauses (at ";", ", and", " and that", " but", ...). A
  clause claims a direction when it uses a verb of change: up (increased, rose, risen, grew,
  climbed...), down (fell, fallen, decreased, declined, dropped, reduced, dipped...), better
  (improved) or worse (worsened, deteriorated, slipped), including "continued to ...". A clause
  is not a claim when the verb is negated ("had not improved") or hedged ("would rise", "was
  expected to fall", "whether ... had risen").
* **Which indicator** - the clause must itself be about the indicator: it names it (name, alias,
  reference; see `minutes_miner.link`) or the linker's tuned similarity links the clause to it;
  a clause whose subject is only "it", "this", "the figure", "performance"... is about the
  statement's indicator when the statement is linked to just one.
* **Which values** - the value in the performance report attached to the same meeting; without
  one, the latest quarter ending before the meeting. A clause naming a quarter ("in Quarter 2")
  is checked against that quarter. It is compared with the quarter before it.
* **Agreement** - up/down are compared with the change in value; better/worse take
  `lower_is_better` into account (unknown for contextual indicators: not checked). No change
  in value disagrees with any claimed change. Without two values the claim is not checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from minutes_miner.errors import EmptyStoreError, NotFoundError
from minutes_miner.link import TUNED, aliases, decide, score, written_reference
from minutes_miner.models import IndicatorValue, Link
from minutes_miner.outputs.formats import (
    EMPTY_HINT,
    Citation,
    fmt_iso,
    suggestion_hint,
    to_json,
)
from minutes_miner.store.base import IndicatorRow, StatementFilter, StatementRow, Store

_CONTINUED = r"(?:continued|continues|continue)\s+to\s+"
_VERBS = {
    "up": r"increased|increasing|rose|risen|rising|grown|grew|growing|climbed|climbing|gone\s+up|went\s+up|"
          + _CONTINUED + r"(?:rise|increase|grow|climb)",
    "down": r"fell|fallen|falling|decreased|decreasing|declined|declining|dropped|dropping|reduced|dipped|"
            r"gone\s+down|went\s+down|" + _CONTINUED + r"(?:fall|decrease|decline|drop|reduce)",
    "better": r"improved|improving|" + _CONTINUED + r"improve",
    "worse": r"worsened|worsening|deteriorated|deteriorating|slipped|" + _CONTINUED + r"(?:worsen|deteriorate)",
}
_CLAIM = re.compile("|".join(f"(?P<{k}>\\b(?:{v})\\b)" for k, v in _VERBS.items()), re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|n't|neither|nor)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_HEDGED = re.compile(r"\b(?:would|will|could|might|may|should|expected|likely|predicted|forecast|projected|"
                     r"whether|if|hoped|aimed|planned|target(?:ed)?\s+to)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s+|\s+but\s+|\s+and\s+that\s+|"
                           r"\s+and\s+(?=(?:had|has|have|was|were)\b)|\s+whereas\s+|\s+while\s+", re.IGNORECASE)
# "had fallen in Quarter 2", "in Q2 the rate rose": a quarter attached to the claim, not one
# mentioned elsewhere in the clause ("rose to 58.9%, recovering from the fall reported in Quarter 2").
_QUARTER_AFTER = re.compile(r"^\s*(?:[\w%.]+\s+){0,2}?(?:in|for|during)\s+(?:quarter|q)\s*([1-4])\b", re.IGNORECASE)
_QUARTER_BEFORE = re.compile(r"\b(?:in|for|during)\s+(?:quarter|q)\s*([1-4])\b[^,]*$", re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(
    r"^(?:.*\bthat\s+)?(?:it|this|they|this\s+figure|the\s+figures?|the\s+indicator|this\s+indicator|the\s+measure|"
    r"the\s+rate|the\s+percentage|the\s+number|performance|the\s+position|timeliness)\s+(?:had|has|have|was|were)?\s*"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    direction: str  # up | down | better | worse
    words: str  # the verb as written, e.g. "improved"
    clause: str
    quarter: int | None = None  # a quarter the clause names ("in Quarter 2")


def claims_in(text: str) -> list[Claim]:
    """Direction claims asserted in `text`, one per clause (see module docstring)."""
    out = []
    for clause in _CLAUSE_BREAK.split(text or ""):
        clause = clause.strip(" ,.")
        for m in _CLAIM.finditer(clause):
            before = clause[:m.start()]
            if _NEGATED.search(before) or _HEDGED.search(before):
                continue
            quarter = _QUARTER_AFTER.search(clause[m.end():]) or _QUARTER_BEFORE.search(before)
            out.append(Claim(direction=m.lastgroup or "", words=m.group(0), clause=clause,
                             quarter=int(quarter.group(1)) if quarter else None))
            break  # one claim per clause: "had risen and then fallen" is not a checkable claim
    return out


@dataclass(frozen=True)
class DirectionCheck:
    """A claim compared with the indicator's values. `agrees` is None when it cannot be checked."""

    statement: StatementRow
    indicator_id: str
    indicator: str  # "CS01 Percentage of ..."
    claim: str
    words: str
    clause: str
    period: str | None
    value: float | None
    previous_period: str | None
    previous_value: float | None
    actual: str | None  # up | down | unchanged
    agrees: bool | None
    explanation: str

    @property
    def flagged(self) -> bool:
        return self.agrees is False

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement_id": self.statement.id, "indicator_id": self.indicator_id, "indicator": self.indicator,
            "claim": self.claim, "words": self.words, "clause": self.clause, "period": self.period,
            "value": self.value, "previous_period": self.previous_period, "previous_value": self.previous_value,
            "actual": self.actual, "agrees": self.agrees, "flagged": self.flagged, "explanation": self.explanation,
            "text": self.statement.text, "speaker": self.statement.speaker,
            "citation": Citation.of(self.statement).to_dict(),
        }


def _label(ind: IndicatorRow) -> str:
    return f"{ind.ref} {ind.name}" if ind.ref else ind.name


def _amount(value: float | None, unit: str | None) -> str:
    if value is None:
        return "no value"
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else f"{text} {unit}" if unit and unit != "number" else text


def values_compared(ind: IndicatorRow, meeting_date: date | None, meeting_documents: set[str],
                    quarter: int | None = None) -> tuple[IndicatorValue | None, IndicatorValue | None]:
    """(current, previous) values for a claim at a meeting (see module docstring)."""
    dated = sorted((v for v in ind.values if v.period_end and v.value is not None), key=lambda v: v.period_end)
    if meeting_date is None or not dated:
        return None, None
    before = [v for v in dated if v.period_end < meeting_date]
    current = None
    if quarter:
        named = [v for v in before if re.search(rf"\bQ\s*{quarter}\b|\bQuarter\s+{quarter}\b", v.period, re.IGNORECASE)]
        current = named[-1] if named else None
    if current is None:
        own = [v for v in dated if v.document_id and v.document_id in meeting_documents]
        current = own[-1] if own else (before[-1] if before else None)
    if current is None:
        return None, None
    earlier = [v for v in dated if v.period_end < current.period_end]
    return current, (earlier[-1] if earlier else None)


def check_claim(claim: Claim, row: StatementRow, ind: IndicatorRow, meeting_documents: set[str]) -> DirectionCheck:
    current, previous = values_compared(ind, row.meeting_date, meeting_documents, claim.quarter)
    actual = agrees = None
    if current and previous:
        delta = current.value - previous.value
        actual = "up" if delta > 0 else "down" if delta < 0 else "unchanged"
        wanted = claim.direction
        if wanted in ("better", "worse"):
            wanted = None if ind.lower_is_better is None else (
                "up" if (wanted == "better") != ind.lower_is_better else "down")
        agrees = None if wanted is None else actual == wanted
    if current is None or previous is None:
        why = "not checked: no two quarters of values before the meeting"
    elif agrees is None:
        why = f"not checked: whether higher is better is not known for {_label(ind)}"
    else:
        moved = {"up": "rose", "down": "fell", "unchanged": "did not change"}[actual]
        why = (f"{'agrees' if agrees else 'DISAGREES'}: says {claim.words!r}; {ind.ref or ind.name} {moved} from "
               f"{_amount(previous.value, ind.unit)} ({previous.period}) to {_amount(current.value, ind.unit)} "
               f"({current.period})" + (" (lower is better)" if ind.lower_is_better else ""))
    return DirectionCheck(
        statement=row, indicator_id=ind.id, indicator=_label(ind), claim=claim.direction, words=claim.words,
        clause=claim.clause, period=current.period if current else None, value=current.value if current else None,
        previous_period=previous.period if previous else None, previous_value=previous.value if previous else None,
        actual=actual, agrees=agrees, explanation=why)


@dataclass(frozen=True)
class _Clause:
    """A claim clause in the shape the linker scores (see minutes_miner.link.StatementLike)."""

    id: str
    text: str
    section: str | None
    council: str


class _ClauseAttributor:
    """Decides which indicator each claim clause is about (see module docstring)."""

    def __init__(self, indicators: list[IndicatorRow]):
        self.indicators = indicators

    def about(self, items: list[tuple[StatementRow, Claim, int]]) -> list[str | None]:
        """For each (statement, claim, number of indicators the statement links to): an indicator ID."""
        if not items:
            return []
        clauses = [_Clause(str(n), c.clause, None, row.council) for n, (row, c, _) in enumerate(items)]
        chosen = decide(score(clauses, self.indicators), TUNED)
        out: list[str | None] = []
        for n, (_row, claim, _links) in enumerate(items):
            named = [self.indicators[col] for (r, col), _ in chosen.items() if r == n]
            exact = [ind for ind in named if written_reference(claim.clause, ind, aliases(ind.name))]
            pick = exact or named
            out.append(pick[0].id if len(pick) == 1 else None)
        return out


def direction_checks(store: Store, indicators: list[IndicatorRow] | None = None, links: list[Link] | None = None,
                     indicator_id: str | None = None) -> list[DirectionCheck]:
    """Every direction claim in a linked statement, checked against the values (all, or one indicator's)."""
    indicators = indicators if indicators is not None else store.indicators()
    links = links if links is not None else store.links(indicator_id)
    by_id = {i.id: i for i in indicators}
    linked: dict[str, list[str]] = {}
    for link in links:
        if link.indicator_id in by_id:
            linked.setdefault(link.statement_id, []).append(link.indicator_id)
    if indicator_id:
        all_links = store.links()
        for link in all_links:
            if link.statement_id in linked and link.indicator_id not in linked[link.statement_id]:
                linked[link.statement_id].append(link.indicator_id)
    rows: list[StatementRow] = []
    for ind_id in sorted({i for ids in linked.values() for i in ids} if not indicator_id else {indicator_id}):
        rows += [r for r in store.statements(StatementFilter(indicator=ind_id)) if r.id in linked]
    rows = list({r.id: r for r in rows}.values())
    items = [(row, claim, len(linked[row.id])) for row in rows for claim in claims_in(row.text)]
    attributor = _ClauseAttributor(indicators)
    docs: dict[str, set[str]] = {}
    out = []
    for (row, claim, n_links), about in zip(items, attributor.about(items), strict=True):
        if about is None and n_links == 1 and _GENERIC_SUBJECT.match(claim.clause[: claim.clause.find(claim.words)]):
            about = linked[row.id][0]
        if about is None or about not in linked[row.id] or (indicator_id and about != indicator_id):
            continue
        if row.meeting_id not in docs:
            docs[row.meeting_id] = {d.id for d in store.documents(meeting_id=row.meeting_id)}
        out.append(check_claim(claim, row, by_id[about], docs[row.meeting_id]))
    out.sort(key=lambda c: (c.statement.meeting_date or date.min, c.statement.item_id, c.statement.position))
    return out


# --------------------------------------------------------------------------- one indicator


@dataclass(frozen=True)
class DiscussedStatement:
    statement: StatementRow
    method: str
    score: float
    checks: tuple[DirectionCheck, ...]


@dataclass(frozen=True)
class IndicatorDiscussion:
    indicator: IndicatorRow
    statements: tuple[DiscussedStatement, ...]

    @property
    def flags(self) -> list[DirectionCheck]:
        return [c for s in self.statements for c in s.checks if c.flagged]


def find_indicator(store: Store, name: str) -> IndicatorRow:
    """By reference ("CS05"), ID, exact name, or a unique name substring; NotFoundError lists near names."""
    indicators = store.indicators()
    if not indicators:
        raise EmptyStoreError(f"the database at {store.path} holds no indicators",
                              hint="indicators are read from performance-report PDFs when a crawl finds them; "
                                   f"{EMPTY_HINT}, or `minutes-miner ingest REPORT.pdf`")
    wanted = name.strip().lower()
    for test in (lambda i: i.id == name or (i.ref or "").lower() == wanted, lambda i: i.name.lower() == wanted,
                 lambda i: wanted in i.name.lower() or wanted in f"{i.ref or ''} {i.name}".lower()):
        found = [i for i in indicators if test(i)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise NotFoundError(f"{name!r} matches {len(found)} indicators",
                                hint="be more specific, e.g. one of: " + "; ".join(_label(i) for i in found[:8]))
    raise NotFoundError(f"no indicator matches {name!r}",
                        hint=suggestion_hint("indicator", name, [_label(i) for i in indicators]
                                             + [i.name for i in indicators]))


def indicator_discussion(store: Store, name: str) -> IndicatorDiscussion:
    ind = find_indicator(store, name)
    links = {link.statement_id: link for link in store.links(ind.id)}
    checks: dict[str, list[DirectionCheck]] = {}
    for check in direction_checks(store, links=list(links.values()), indicator_id=ind.id):
        checks.setdefault(check.statement.id, []).append(check)
    rows = store.statements(StatementFilter(indicator=ind.id))
    return IndicatorDiscussion(indicator=ind, statements=tuple(
        DiscussedStatement(statement=r, method=links[r.id].method, score=links[r.id].score,
                           checks=tuple(checks.get(r.id, ())))
        for r in rows if r.id in links))


def discussion_to_json(d: IndicatorDiscussion) -> dict[str, Any]:
    ind = d.indicator
    return {
        "indicator": {"id": ind.id, "ref": ind.ref, "name": ind.name, "section": ind.section, "unit": ind.unit,
                      "council": ind.council, "lower_is_better": ind.lower_is_better},
        "values": [{"period": v.period, "period_end": fmt_iso(v.period_end), "value": v.value, "target": v.target,
                    "floor": v.floor, "rag": v.rag, "previous_rag": v.previous_rag, "direction": v.direction,
                    "page": v.page, "document_id": v.document_id} for v in ind.values],
        "statements": [
            {"statement_id": s.statement.id, "text": s.statement.text, "speaker": s.statement.speaker,
             "speaker_kind": s.statement.speaker_kind, "act": s.statement.act, "linked_by": s.method,
             "score": s.score, "citation": Citation.of(s.statement).to_dict(),
             "direction_checks": [c.to_dict() for c in s.checks]}
            for s in d.statements
        ],
        "flags": [c.to_dict() for c in d.flags],
    }


def render_discussion_text(d: IndicatorDiscussion) -> str:
    ind = d.indicator
    lines = [_label(ind), f"  {ind.council}" + (f" · {ind.section}" if ind.section else "")
             + (" · lower is better" if ind.lower_is_better else " · higher is better" if ind.lower_is_better is False
                else "")]
    lines += ["", "Values:"]
    for v in ind.values:
        target = f" (target {_amount(v.target, ind.unit)})" if v.target is not None else ""
        lines.append(f"  {v.period:<12} {_amount(v.value, ind.unit):>12}{target}  {v.rag or '-':<6}"
                     f"{'  ' + v.direction if v.direction else ''}")
    if not ind.values:
        lines.append("  (no values stored)")
    lines += ["", f"Statements that discuss it ({len(d.statements)}):"]
    for n, s in enumerate(d.statements, 1):
        row = s.statement
        cite = Citation.of(row)
        lines.append(f"{n:>3}. {cite.text()}")
        lines.append(f"     {row.speaker or 'Unattributed'} ({row.speaker_kind.replace('_', ' ')}) · {row.act} · "
                     f"linked by {s.method}")
        lines.append(f"     {row.text}")
        for c in s.checks:
            mark = "FLAG " if c.flagged else ""
            lines.append(f"     {mark}direction claim {c.explanation}")
        lines.append(f"     {cite.link or '(no source link recorded)'}")
    if not d.statements:
        lines.append("  (no statement is linked to this indicator)")
    flags = d.flags
    lines += ["", f"Direction claims that disagree with the values: {len(flags)}"]
    for c in flags:
        lines.append(f"  {c.statement.meeting_date} {c.statement.speaker or 'Unattributed'}: {c.explanation}")
    return "\n".join(lines) + "\n"


def render_discussion_json(d: IndicatorDiscussion) -> str:
    return to_json(discussion_to_json(d))
