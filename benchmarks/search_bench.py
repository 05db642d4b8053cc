"""Scrutiny outputs at national-archive scale.

Generates (once, deterministically) a store of invented minutes - by default 300 committees of
40 meetings, 7 items each, 12 statements per item: 1,008,000 statements - then prints:

* search latency p50/p95 over a fixed query mix (single words, phrases, prefixes, boolean),
  without filters and with each filter (committee, speaker, kind, act, concern, indicator,
  since/until) - goal: p95 under 100 ms;
* the time to build a member summary over 500 questions (one member asks 500 questions);
* the time to build the concern matrix over 1,000 meetings (a date window covering them).

    .venv/bin/python benchmarks/search_bench.py [--db /tmp/mm-bench.db] [--committees 300] [--rebuild]

The database is written outside the repository (default /tmp/minutes-miner-bench.db) and reused
while its size parameters match. Timings are noisy on a shared machine: each figure is the
median of repeated runs, and a reference (a plain indexed lookup) is timed in the same run.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutes_miner.models import make_id
from minutes_miner.outputs.concerns import concern_matrix
from minutes_miner.outputs.questions import member_questions
from minutes_miner.outputs.search import search
from minutes_miner.store import StatementFilter, open_store

SEED = 20240319
ITEMS, STATEMENTS = 7, 12
CONCERNS = ["safeguarding", "send", "workforce", "waiting-times", "finance", "children-in-care", "mental-health",
            "covid-19", "housing", "transport", "demand", "education"]
SUBJECTS = ["the percentage of EHCPs issued within 20 weeks", "the social worker vacancy rate", "agency staff costs",
            "the number of children in care", "waiting times for CAMHS", "delayed discharges from hospital",
            "re-referrals within 12 months", "the recycling rate", "households in temporary accommodation",
            "council tax collection", "home to school transport spending", "the high needs deficit",
            "early help assessments", "care leavers in education, employment or training", "potholes repaired",
            "fly-tipping incidents", "the safeguarding partnership", "placement stability", "foster carer numbers",
            "library opening hours", "the adult social care precept", "domiciliary care capacity"]
VERBS = ["had risen to", "had fallen to", "had improved to", "remained at", "was forecast to reach",
         "had worsened to", "stood at", "was expected to fall to"]
OPENERS = ["{who} stated that", "{who} reported that", "{who} asked whether", "{who} expressed concern that",
           "In response, {who} advised that", "{who} undertook to circulate figures showing that",
           "{who} queried why", "Members noted that"]
TAILS = ["against a target of {n}%.", "compared with {n}% a year earlier.", "and would be reviewed in {month}.",
         "which was the highest level recorded.", "because of {cause}.", "although pressures remained in {place}."]
CAUSES = ["the pandemic", "recruitment difficulties", "rising demand", "the cost of living", "market pressures",
          "new legislation", "staff sickness", "the cyber incident"]
PLACES = ["the north of the county", "rural areas", "the city centre", "coastal towns", "the east locality"]
MONTHS = ["January", "March", "June", "September", "December"]
ACTS = ["statement", "question", "answer", "concern", "commitment", "statement", "answer", "resolution"]
QUERIES = ["safeguarding", "vacancy", "\"social worker vacancy rate\"", "recruit*", "CAMHS AND waiting",
           "potholes OR fly-tipping", "placement NOT foster", "deficit", "\"temporary accommodation\"", "pandemic",
           "transport", "reablement", "precept", "cyber", "\"early help\" AND assessments", "recycling"]


def build(db: Path, committees: int, meetings_per: int) -> None:
    """Bulk-load invented minutes through SQL (the Store's write path is one meeting per transaction)."""
    db.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    open_store(db).close()  # schema and migrations
    rnd = random.Random(SEED)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    council = make_id("council", "bench")
    conn.execute("BEGIN")
    conn.execute("INSERT INTO councils VALUES (?, ?, ?)", (council, "Benchmark Shire Council", "https://bench.example"))
    people = [(make_id("person", council, f"m{n}"), f"Councillor Member{n} Surname{n % 97}", "member", f"surname{n % 97}")
              for n in range(900)]
    people += [(make_id("person", council, f"o{n}"), f"Officer{n} Lastname{n}", "officer", f"lastname{n}")
               for n in range(300)]
    conn.executemany("INSERT INTO persons (id, council_id, name, kind, key) VALUES (?, ?, ?, ?, ?)",
                     [(pid, council, name, kind, key) for pid, name, kind, key in people])
    prolific = people[0]
    indicators = [(make_id("indicator", council, f"K{n}"), council, subject, f"K{n:02d}")
                  for n, subject in enumerate(SUBJECTS)]
    conn.executemany("INSERT INTO indicators (id, council_id, name, ref) VALUES (?, ?, ?, ?)", indicators)
    start = date(2010, 1, 1)
    statement_rows, concern_rows, link_rows = [], [], []
    prolific_left = 500
    for c in range(committees):
        committee = make_id("committee", council, c)
        area = rnd.choice(["Children", "Adults", "Place", "Resources", "Health"])
        conn.execute("INSERT INTO committees (id, council_id, name) VALUES (?, ?, ?)",
                     (committee, council, f"{area} Scrutiny Committee {c}"))
        for m in range(meetings_per):
            meeting = make_id("meeting", committee, m)
            day = start + timedelta(days=m * 91 + c % 60)
            conn.execute("INSERT INTO meetings (id, committee_id, date, source_url, minutes_published) "
                         "VALUES (?, ?, ?, ?, 1)", (meeting, committee, day.isoformat(),
                                                    f"https://bench.example/ieListDocuments.aspx?CId={c}&MId={m}"))
            for i in range(ITEMS):
                item = make_id("item", meeting, i)
                conn.execute("INSERT INTO items (id, meeting_id, position, number, title, source_url) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (item, meeting, i, str(i + 1), f"Item {i + 1}",
                                                           f"https://bench.example/mgAi.aspx?ID={c}{m}{i}"))
                for s in range(STATEMENTS):
                    pid, name, kind, key = rnd.choice(people[1:])
                    act = rnd.choice(ACTS) if kind == "officer" else rnd.choice(["question", "concern", "statement"])
                    if prolific_left and c < 3 and s == 0:
                        pid, name, kind, key, act = *prolific, "question"
                        prolific_left -= 1
                    subject = rnd.choice(SUBJECTS)
                    text = " ".join([
                        rnd.choice(OPENERS).format(who=name), subject, rnd.choice(VERBS), f"{rnd.randint(3, 97)}%",
                        rnd.choice(TAILS).format(n=rnd.randint(10, 95), month=rnd.choice(MONTHS),
                                                 cause=rnd.choice(CAUSES), place=rnd.choice(PLACES))])
                    sid = make_id("statement", item, s)
                    statement_rows.append((sid, item, s, text, act, pid, name, key, kind, None, None))
                    for concern in rnd.sample(CONCERNS, rnd.choice([0, 0, 1, 1, 2])):
                        concern_rows.append((sid, concern))
                    if rnd.random() < 0.1:
                        link_rows.append((sid, indicators[SUBJECTS.index(subject)][0], "similarity", 0.5))
            if len(statement_rows) > 50_000:
                _flush(conn, statement_rows, concern_rows, link_rows)
    _flush(conn, statement_rows, concern_rows, link_rows)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _flush(conn: sqlite3.Connection, statements: list, concerns: list, links: list) -> None:
    # Concerns and links first (this connection does not enforce foreign keys), so the statements'
    # insert trigger indexes their search facets in one go instead of once per concern and link.
    conn.executemany("INSERT INTO statement_concerns VALUES (?, ?)", concerns)
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", links)
    conn.executemany("INSERT INTO statements (id, item_id, position, text, act, speaker_id, speaker, speaker_key, "
                     "speaker_kind, answers_id, section) VALUES (?,?,?,?,?,?,?,?,?,?,?)", statements)
    statements.clear()
    concerns.clear()
    links.clear()


def timed(fn, repeat: int = 1) -> float:
    best = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best.append(time.perf_counter() - t)
    return statistics.median(best)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/minutes-miner-bench.db"))
    parser.add_argument("--committees", type=int, default=300)
    parser.add_argument("--meetings", type=int, default=40)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    marker = args.db.with_suffix(".params")
    params = f"v3 {args.committees}x{args.meetings}x{ITEMS}x{STATEMENTS} seed {SEED}"
    if args.rebuild or not args.db.exists() or not marker.exists() or marker.read_text() != params:
        t = time.perf_counter()
        build(args.db, args.committees, args.meetings)
        marker.write_text(params)
        print(f"generated {args.db} in {time.perf_counter() - t:.1f} s")
    store = open_store(args.db)
    stats = store.stats()
    print(f"store: {stats['statements']:,} statements, {stats['meetings']:,} meetings, {stats['committees']} "
          f"committees, {stats['links']:,} links; {args.db.stat().st_size / 1e9:.2f} GB")
    conn = sqlite3.connect(args.db)
    ref = timed(lambda: conn.execute("SELECT * FROM statements WHERE id = ?",
                                     (make_id("statement", "x", 1),)).fetchall(), repeat=50)
    print(f"reference: indexed lookup by id {ref * 1000:.3f} ms")
    committee = store.committees()[7]["name"]
    filters = {
        "none": StatementFilter(),
        "committee": StatementFilter(committee=committee),
        "speaker": StatementFilter(speaker="Surname13"),
        "kind=officer": StatementFilter(kind="officer"),
        "act=question": StatementFilter(act="question"),
        "concern=safeguarding": StatementFilter(concern="safeguarding"),
        "indicator": StatementFilter(indicator="vacancy rate"),
        "since/until 1 year": StatementFilter(since=date(2015, 1, 1), until=date(2015, 12, 31)),
        "all of kind+act+since": StatementFilter(kind="member", act="question", since=date(2017, 1, 1)),
    }
    print(f"\nsearch latency over {len(QUERIES)} queries x 3 runs, limit 20 (goal p95 < 100 ms)")
    print(f"  {'filter':<24}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}  p95/reference")
    for label, flt in filters.items():
        times = []
        for _ in range(3):
            for q in QUERIES:
                t = time.perf_counter()
                search(store, q, flt, limit=20)
                times.append(time.perf_counter() - t)
        p95 = percentile(times, 95)
        print(f"  {label:<24}{percentile(times, 50) * 1000:>10.1f}{p95 * 1000:>10.1f}{max(times) * 1000:>10.1f}"
              f"  {p95 / ref:>10.0f}x")
    summary_time = timed(lambda: member_questions(store, "Councillor Member0 Surname0"), repeat=3)
    summary = member_questions(store, "Councillor Member0 Surname0")
    print(f"\nmember summary: {len(summary.questions)} questions at {len(summary.meetings)} meetings in "
          f"{summary_time:.2f} s")
    dates = sorted(m.date for m in store.meetings() if m.date)
    first = max(0, min(len(dates) // 2, len(dates) - 1000))
    since, until = dates[first], dates[min(first + 999, len(dates) - 1)]
    matrix_time = timed(lambda: concern_matrix(store, since=since, until=until), repeat=3)
    matrix = concern_matrix(store, since=since, until=until)
    print(f"concern matrix: {len(matrix.meetings)} meetings x {len(matrix.rows)} concerns in {matrix_time:.2f} s")
    store.close()


if __name__ == "__main__":
    main()
