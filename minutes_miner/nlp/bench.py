"""Throughput benchmark: the whole minutes pipeline (``analyse``) beside the bare spaCy tokenizer.

    python -m minutes_miner.nlp.bench [WORDS]

Synthetic minutes are generated from templates with random names, numbers and topics. Their
filler words come from a lexicon of pseudo-words drawn with Zipf's law, with the punctuation,
figures and capitalised words of real prose: 1M words then hold tens of thousands of distinct
tokens, as real minutes do (the project's gold documents: 4,480 types in 28,181 words). With the
template words alone (``lexicon=0``, a few hundred distinct tokens) the spaCy tokenizer serves
nearly every word from its cache, several times faster than it runs on real minutes.
"""
from __future__ import annotations

import itertools
import random
import sys
import time
from dataclasses import replace

from minutes_miner.models import AttendeeMention, ItemText, MinutesText

_FIRST = ["Mary", "Owen", "Ravi", "Hugh", "Fatima", "Gwen", "Jane", "Priya", "Rachel", "Ian", "Alan", "Sian", "Tomos", "Bethan", "Kwame", "Lucy"]
_LAST = ["Patel", "Brown", "Lee", "Jones", "Khan", "Morgan", "Smith", "Shah", "Evans", "Hart", "Ali", "Hughes", "Price", "Okafor", "Wright", "Lloyd"]
_TOPICS = ["referrals", "caseloads", "the budget", "waiting times for assessments", "placements for children in care", "EHCP timeliness",
           "CAMHS waiting lists", "temporary accommodation", "agency staff", "school exclusions", "the MASH", "care leavers", "data quality",
           "the capital programme", "youth justice outcomes", "inequalities in attainment", "domestic abuse", "rising demand"]
_WORDS = ["service", "team", "partners", "quarter", "figures", "trend", "target", "performance", "report", "plan", "review", "strategy", "districts", "families", "schools", "outcomes", "visits", "contacts", "assessments", "pilot", "funding", "pressure", "capacity", "recruitment", "retention", "hubs", "community"]


_ONSETS = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "ch", "cl", "st", "tr", "sh", "pr", "gr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
_CODAS = ["", "", "n", "r", "s", "t", "nd", "st", "ng", "ll", "m"]
_SUFFIXES = ["", "", "", "s", "ed", "ing", "ion", "ment", "al", "ly", "ity", "ive"]


def _lexicon(size: int, rnd: random.Random) -> list[str]:
    """``size`` distinct pseudo-words (1-4 syllables, an English-like suffix now and then)."""
    words: dict[str, None] = {}
    while len(words) < size:
        syllables = rnd.choice((1, 2, 2, 3, 3, 4))
        word = "".join(rnd.choice(_ONSETS) + rnd.choice(_VOWELS) + rnd.choice(_CODAS) for _ in range(syllables))
        words[word + rnd.choice(_SUFFIXES)] = None
    return list(words)


def _prose_word(word: str, rnd: random.Random) -> str:
    """A lexicon word as it appears in prose: now and then capitalised, in brackets, followed by a
    comma, or replaced by a figure."""
    r = rnd.random()
    if r < 0.06:
        return word.capitalize()
    if r < 0.12:
        return word + ","
    if r < 0.14:
        return f"({word})"
    if r < 0.15:
        return rnd.choice((f"£{rnd.randint(1, 99)}.{rnd.randint(0, 9)}m", f"{rnd.randint(1, 99)}%",
                           f"{rnd.randint(2015, 2030)}/{rnd.randint(10, 31)}", f"{rnd.randint(1, 31)}/{rnd.randint(1, 12)}/24"))
    return word


def synthetic_minutes(n_words: int = 100_000, seed: int = 5, lexicon: int = 60_000) -> MinutesText:
    """Minutes of about ``n_words`` words; ``lexicon``: how many pseudo-words the filler draws from
    (Zipf-distributed; 0 for the fixed template words only)."""
    rnd = random.Random(seed)
    pseudo = _lexicon(lexicon, rnd) if lexicon else []
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(pseudo))))
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
        if not pseudo:
            return " ".join(rnd.choice(_WORDS) for _ in range(k))
        # half the words from the service vocabulary, half from the long tail of the lexicon
        return " ".join(rnd.choice(_WORDS) if rnd.random() < 0.5 else _prose_word(w, rnd)
                        for w in rnd.choices(pseudo, cum_weights=weights, k=k))

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


def _split(minutes: MinutesText, words_per_document: int) -> list[MinutesText]:
    documents, items, words = [], [], 0
    for item in minutes.items:
        items.append(item)
        words += len(item.text.split())
        if words >= words_per_document:
            documents.append(replace(minutes, source=f"synthetic-{len(documents) + 1}", items=tuple(items)))
            items, words = [], 0
    if items:
        documents.append(replace(minutes, source=f"synthetic-{len(documents) + 1}", items=tuple(items)))
    return documents


def benchmark(n_words: int = 100_000, seed: int = 5, rounds: int = 3, lexicon: int = 60_000, workers: int = 2) -> dict:
    """Words/s of ``analyse`` (spaCy pipeline + structure + discourse + concern model) beside the
    bare spaCy tokenizer on the same synthetic minutes, and of the minutes spaCy pipeline alone.

    The bare tokenizer is a fresh ``spacy.blank("en")`` (its own vocabulary and cache, untouched by
    ``analyse``) over the same texts with paragraphs separated by blank lines: its fastest layout
    (paragraphs separated by single newlines run several times slower through it; ``analyse``
    joins paragraphs with blank lines for its own pipeline for the same reason).

    Each figure is the fastest of ``rounds`` rounds after a warm-up, in wall time and in CPU time of
    this process (``*_cpu``: steadier when other work shares the machine).

    ``analyse_documents``: the same text as documents of ~10,000 words, analysed one after another
    in this process: the work the workers share, with the cost of starting each document afresh
    (its people, its Doc, its concern matrix) that one long text pays once.

    ``analyse_workers``: those documents through ``analyse_many`` in ``workers`` processes (started
    before timing); its ratio is against the same single-process tokenizer, in wall time only (the
    work is done in other processes). ``analyse_workers_efficiency``: the documents' CPU time in
    this process over ``workers`` x the workers' wall time; 1.0 when the workers scale perfectly,
    lower when pickling and inter-process traffic, or other processes on the machine, hold them
    back."""
    import spacy

    from . import analyse, analyse_many, load_pipeline

    minutes = synthetic_minutes(n_words, seed, lexicon)
    words = sum(len(it.text.split()) for it in minutes.items)
    paragraphs = [it.text.replace("\n", "\n\n") for it in minutes.items]
    bare = spacy.blank("en")
    nlp = load_pipeline()
    analyse(synthetic_minutes(20_000, seed + 1, lexicon))  # warm-up: model and pipeline loaded

    def tokenize():
        for _ in bare.tokenizer.pipe(paragraphs):
            pass

    def pipeline():
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass

    # The same text as documents of about 10,000 words (a long set of minutes) for the workers.
    documents = _split(minutes, 10_000)
    list(analyse_many(documents[:workers], workers=workers, min_parallel_chars=0))  # warm-up: workers started

    def analyse_in_workers():
        for _ in analyse_many(documents, workers=workers, min_parallel_chars=0):
            pass

    def analyse_documents():
        for document in documents:
            analyse(document)

    runs = (("tokenizer", tokenize), ("spacy_pipeline", pipeline), ("analyse", lambda: analyse(minutes)),
            ("analyse_documents", analyse_documents), ("analyse_workers", analyse_in_workers))
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
    for name in ("spacy_pipeline", "analyse", "analyse_documents", "analyse_workers"):
        result[f"{name}_ratio"] = best["tokenizer"][0] / best[name][0]
        result[f"{name}_cpu_ratio"] = best["tokenizer"][1] / best[name][1]
    result["analyse_workers_efficiency"] = best["analyse_documents"][1] / (workers * best["analyse_workers"][0])
    return result


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    r = benchmark(n)
    print(f"words={r['words']:,}  tokenizer={r['tokenizer_wps']:,.0f} w/s  analyse={r['analyse_wps']:,.0f} w/s "
          f"({r['analyse_ratio']:.0%}; CPU time {r['analyse_cpu_ratio']:.0%})")
