"""What a stage has already done, so that re-running it on unchanged input does nothing.

Each stage records, per meeting or document, a hash of the input it processed and the version of
the code that processed it (store table `processed`, migration 005). A re-run redoes the work
only when the input hash or the version differs, or when forced (`--reanalyse`).

Versions: bump `INDICATORS_VERSION` when the performance-report extraction changes what it stores,
`ANALYSE_VERSION` when the analyse stage (PDF minutes reading, speaker resolution) does. The NLP
(minutes_miner.nlp) is owned elsewhere and changes often, so its version is not left to a constant
someone must remember to bump: it is `nlp.__version__` when the package defines one, plus a hash
of the NLP's code, rule data, the shipped models and any user concern files ($MINUTES_MINER_CONCERNS).
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from minutes_miner.models import ParsedMeeting
from minutes_miner.resources import models_dir, package_data
from minutes_miner.store import Store

INDICATORS_VERSION = "3"  # 2: two-row table headers; questions papers recognised while reading reports; 3: a kind read from content follows the current reading (questions papers known by content read again)
ANALYSE_VERSION = "4"  # 2: questions papers analysed beside the minutes; rostered members preferred; 3: full-council minutes recording questions read as minutes, question sub-headings kept out of item titles; 4: printed-minutes item headings in more house styles ("Item 4: Title", "Minute 23/45 Title", "ARG/38 Title", "38/24. Title", plain-font headings)
# Defined here, not in minutes_miner.nlp: that package is being changed by another engineer.
NLP_VERSION = "1"

MINUTES_KINDS = ("minutes", "questions")


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _files_digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode("utf-8"))
        h.update(path.read_bytes())
    return h.hexdigest()


@cache
def _shipped_nlp_digest() -> str:
    nlp_dir = package_data("nlp")
    files = [p for p in nlp_dir.rglob("*") if p.is_file() and p.suffix in (".py", ".json")
             and "__pycache__" not in p.parts]
    try:
        files += [p for p in models_dir().rglob("*") if p.is_file()]
    except FileNotFoundError:
        pass  # no models folder shipped: the rule-based pipeline alone
    return _files_digest(files)


def nlp_version() -> str:
    """The version of everything the analysis depends on; a change re-analyses every meeting."""
    from minutes_miner import nlp

    named = os.environ.get("MINUTES_MINER_CONCERNS", "").split(os.pathsep)
    user_files = [Path(p.strip()).expanduser() for p in named if p.strip() and Path(p.strip()).expanduser().is_file()]
    parts = [ANALYSE_VERSION, NLP_VERSION, getattr(nlp, "__version__", ""), _shipped_nlp_digest(),
             _files_digest(user_files) if user_files else ""]
    return digest(parts)[:16]


def meeting_input_hash(store: Store, meeting_id: str) -> str:
    """A hash of what the analysis of a meeting reads: its committee and date, its items' texts, its
    attendance and its minutes/questions PDFs. Taken after the analysis has stored its results, so
    that what the analysis itself writes back (items read from a printed-minutes PDF, attendance)
    does not count as a change."""
    row = store.meeting(meeting_id)
    items = [(i["id"], i["number"], i["title"], i["minutes_text"]) for i in store.items(meeting_id)]
    attendance = sorted((a.person_id, a.role or "", a.status or "") for _, a in store.attendees(meeting_id))
    pdfs = sorted((d.kind, d.sha256) for d in store.documents(meeting_id) if d.sha256 and d.kind in MINUTES_KINDS)
    meeting = (row.committee, row.date) if row else None
    return digest([meeting, items, attendance, pdfs])


def crawled_meeting_hash(parsed: ParsedMeeting, documents: list) -> str:
    """A hash of a meeting as a crawl parsed it (pages and documents)."""
    return digest([repr(parsed), [repr(d) for d in documents]])
