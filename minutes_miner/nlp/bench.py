"""Throughput benchmark: the whole minutes pipeline (``analyse``) beside the bare spaCy tokenizer.

    python -m minutes_miner.nlp.bench [WORDS]

Synthetic minutes are generated from templates with random names, numbers and topics, so the
tokenizer's cache does not flatter either side.
"""
from __future__ import annotations

import random
import sys
import time

from minutes_miner.models import AttendeeMention, ItemText, MinutesText

_FIRST = ["Mary", "Owen", "Ravi", "Hugh", "Fatima", "Gwen", "Jane", "Priya", "Rachel", "Ian", "Alan", "Sian", "Tomos", "Bethan", "Kwame", "Lucy"]
_LAST = ["Patel", "Brown", "Lee", "Jones", "Khan", "Morgan", "Smith", "Shah", "Evans", "Hart", "Ali", "Hughes", "Price", "Okafor", "Wright", "Lloyd"]
_TOPICS = ["referrals", "caseloads", "the budget", "waiting times for assessments", "placements for children in care", "EHCP timeliness",
           "CAMHS waiting lists", "temporary accommodation", "agency staff", "school exclusions", "the MASH", "care leavers", "data quality",
           "the capital programme", "youth justice outcomes", "inequalities in attainment", "domestic abuse", "rising demand"]
_WORDS = ["service", "team", "partners", "quarter", "figures", "trend", "target", "performance", "report", "plan", "review", "strategy", "districts", "families", "schools", "outcomes", "visits", "contacts", "assessments", "pilot", "funding", "pressure", "capacity", "recruitment", "retention", "hubs", "community"]


def synthetic_minutes(n_words: int = 100_000, seed: int = 5) -> MinutesText:
    rnd = random.Random(seed)
    people = [(f, l) for f in _FIRST for l in _LAST]
    rnd.shuffle(people)
    members, officers = people[:20], people[20:40]

    def cllr():
        f, l = rnd.choice(members)
        return rnd.choice([f"Councillor {l}", f"Cllr {f[0]}. {l}", f"Councillor {f} {l}"])

    def officer():
        f, l = rnd.choice(officers)
        return rnd.choice([f"{f} {l}", f"Ms {l}", f"Mr {l}"])

    def filler(k):
        return " ".join(rnd.choice(_WORDS) for _ in range(k))

    templates = [
        lambda: f"{cllr()} asked whether {rnd.choice(_TOPICS)} had improved since {rnd.randint(2015, 2024)}.",
        lambda: f"In response, {officer()} advised that {rnd.choice(_TOPICS)} were {rnd.randint(3, 97)}% above the {filler(3)}.",
        lambda: f"{officer()}, Head of {rnd.choice(['Early Help', 'Finance', 'Safeguarding', 'Commissioning'])}, presented the report and highlighted {filler(rnd.randint(6, 14))}.",
        lambda: f"Members expressed concern that {rnd.choice(_TOPICS)} remained high in {filler(4)}.",
        lambda: f"• {officer()} stated that {filler(rnd.randint(8, 20))}; {rnd.choice(['he', 'she'])} also stated that {rnd.choice(_TOPICS)} had fallen.",
        lambda: f"A Member questioned the timeline for {filler(5)}. It was explained that {filler(rnd.randint(6, 12))}.",
        lambda: f"{officer()} offered to circulate figures on {rnd.choice(_TOPICS)} before the next meeting.",
        lambda: f"RESOLVED that the report on {filler(4)} be noted.",
        lambda: f"The Chair thanked officers for {filler(3)}.",
        lambda: f"{filler(rnd.randint(10, 25)).capitalize()} with {rnd.randint(10, 900)} {rnd.choice(_TOPICS)} in quarter {rnd.randint(1, 4)}.",
    ]
    items = []
    total = 0
    while total < n_words:
        lines = [f"Dashboard {rnd.randint(1, 9)} – {rnd.choice(_TOPICS).title()}"]
        for _ in range(rnd.randint(8, 20)):
            line = rnd.choice(templates)()
            lines.append(line)
            total += len(line.split())
        items.append(ItemText(title=f"Item {len(items) + 1}", text="\n".join(lines), number=str(len(items) + 1)))
    attendance = tuple(AttendeeMention(f"Councillor {f} {l}", "member") for f, l in members) + tuple(
        AttendeeMention(f"{f} {l}", "officer", "Service Manager") for f, l in officers
    )
    return MinutesText(source="synthetic", items=tuple(items), attendance=attendance)


def benchmark(n_words: int = 100_000, seed: int = 5, rounds: int = 3) -> dict:
    """Words/s of ``analyse`` (spaCy pipeline + structure + discourse + concern model) beside the
    bare spaCy tokenizer on the same synthetic minutes, and of the minutes spaCy pipeline alone.

    The bare tokenizer is a fresh ``spacy.blank("en")`` (its own vocabulary and cache, untouched by
    ``analyse``), timed on two layouts of the same words, because its speed depends on them:

    * ``tokenizer_items``: the item texts as ``analyse`` receives them (paragraphs separated by
      single newlines). spaCy never caches a whitespace-free span such as "risen.\\nIn", so every
      paragraph boundary goes down its slow path: slow, a flattering reference.
    * ``tokenizer_paragraphs``: the same texts with paragraphs separated by blank lines (what
      ``analyse`` feeds its own pipeline): the tokenizer at its fastest, the strict reference.

    Each figure is the fastest of ``rounds`` rounds after a warm-up, in wall time and in CPU time of
    this process (``*_cpu``: steadier when other work shares the machine)."""
    import spacy

    from . import analyse, load_pipeline

    minutes = synthetic_minutes(n_words, seed)
    words = sum(len(it.text.split()) for it in minutes.items)
    texts = [it.text for it in minutes.items]
    paragraphs = [t.replace("\n", "\n\n") for t in texts]
    bare = spacy.blank("en")
    nlp = load_pipeline()
    analyse(synthetic_minutes(20_000, seed + 1))  # warm-up: model and pipeline loaded

    def tokenize(batch):
        for _ in bare.tokenizer.pipe(batch):
            pass

    def pipeline():
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass

    runs = (("tokenizer_items", lambda: tokenize(texts)), ("tokenizer_paragraphs", lambda: tokenize(paragraphs)),
            ("spacy_pipeline", pipeline), ("analyse", lambda: analyse(minutes)))
    best: dict[str, tuple[float, float]] = {}
    for _ in range(rounds):
        for name, run in runs:
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            old = best.get(name)
            best[name] = (min(wall, old[0]), min(cpu, old[1])) if old else (wall, cpu)
    result = {"words": words}
    for name, (wall, cpu) in best.items():
        result[f"{name}_wps"] = words / wall
        result[f"{name}_cpu_wps"] = words / cpu
    for name in ("spacy_pipeline", "analyse"):
        for ref in ("items", "paragraphs"):
            result[f"{name}_ratio_{ref}"] = best[f"tokenizer_{ref}"][0] / best[name][0]
            result[f"{name}_cpu_ratio_{ref}"] = best[f"tokenizer_{ref}"][1] / best[name][1]
    return result


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    r = benchmark(n)
    print(f"words={r['words']:,}  analyse={r['analyse_wps']:,.0f} w/s = {r['analyse_ratio_paragraphs']:.0%} of the bare tokenizer "
          f"on paragraphs ({r['tokenizer_paragraphs_wps']:,.0f} w/s), {r['analyse_ratio_items']:.0%} of it on item texts "
          f"({r['tokenizer_items_wps']:,.0f} w/s)")
