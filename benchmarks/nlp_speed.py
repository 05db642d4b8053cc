"""Throughput of the whole minutes pipeline (``nlp.analyse``: spaCy components, structure,
discourse and the learned concern model) beside the bare spaCy tokenizer, measured in the same
run on the same synthetic minutes (``minutes_miner.nlp.bench``; its docstring explains the two
tokenizer references). Goal: analyse >= 30% of the tokenizer's words/s.

    .venv/bin/python benchmarks/nlp_speed.py [WORDS]        # default 1,000,000 words
    .venv/bin/python benchmarks/nlp_speed.py 200000 --profile   # cProfile's top functions too
    .venv/bin/python benchmarks/nlp_speed.py --small-vocabulary  # template words only (see bench.py)

Three figures for the whole stage, all against the bare tokenizer run in this one process:
``analyse`` of the whole text in this one process; the same text cut into ~10,000-word documents
analysed one after another in this process (what the workers share, each document started
afresh); and ``analyse_many`` with 2 worker processes over those documents, with its parallel
efficiency (the documents' CPU time in this process over 2 x the workers' wall time: below 1.0
when pickling or other processes on the machine hold the workers back).
"""
from __future__ import annotations

import cProfile
import pstats
import sys

from minutes_miner.nlp.bench import benchmark, synthetic_minutes


def main(argv: list[str]) -> int:
    words = int(argv[0]) if argv and argv[0].isdigit() else 1_000_000
    lexicon = 0 if "--small-vocabulary" in argv else 60_000
    r = benchmark(words, lexicon=lexicon)
    print(f"words={r['words']:,}  lexicon={lexicon:,}  (fastest of 3 rounds; wall time, and CPU time of this process)")
    rows = (("tokenizer", "bare spaCy tokenizer"), ("spacy_pipeline", "minutes spaCy pipeline"),
            ("analyse", "analyse, 1 process"), ("analyse_documents", "same, ~10k-word documents"))
    for name, label in rows:
        line = f"{label:<26}{r[name + '_wps']:>12,.0f} words/s   CPU {r[name + '_cpu_wps']:>12,.0f} words/s"
        if name != "tokenizer":
            line += f"   {r[name + '_ratio']:>4.0%} of the tokenizer (CPU {r[name + '_cpu_ratio']:.0%})"
        print(line)
    print(f"{'analyse_many, 2 workers':<26}{r['analyse_workers_wps']:>12,.0f} words/s   (wall)"
          f"{'':>24}{r['analyse_workers_ratio']:>4.0%} of the 1-process tokenizer (wall; ~10k-word documents;"
          f" parallel efficiency {r['analyse_workers_efficiency']:.2f})")
    print("goal: analyse >= 30% of the bare tokenizer")
    if "--profile" in argv:
        from minutes_miner.nlp import analyse

        minutes = synthetic_minutes(words, lexicon=lexicon)
        profile = cProfile.Profile()
        profile.runcall(analyse, minutes)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
