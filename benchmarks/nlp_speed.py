"""Throughput of the whole minutes pipeline (``nlp.analyse``: spaCy components, structure,
discourse and the learned concern model) beside the bare spaCy tokenizer, measured in the same
run on the same synthetic minutes (``minutes_miner.nlp.bench``; its docstring explains the two
tokenizer references). Goal: analyse >= 30% of the tokenizer's words/s.

    .venv/bin/python benchmarks/nlp_speed.py [WORDS]        # default 1,000,000 words
    .venv/bin/python benchmarks/nlp_speed.py 200000 --profile   # cProfile's top functions too
"""
from __future__ import annotations

import cProfile
import pstats
import sys

from minutes_miner.nlp.bench import benchmark, synthetic_minutes


def main(argv: list[str]) -> int:
    words = int(argv[0]) if argv and argv[0].isdigit() else 1_000_000
    r = benchmark(words)
    print(f"words={r['words']:,}  (fastest of 3 rounds; wall time, and CPU time of this process)")
    rows = (("tokenizer_paragraphs", "bare tokenizer, paragraphs"), ("tokenizer_items", "bare tokenizer, item texts"),
            ("spacy_pipeline", "minutes spaCy pipeline"), ("analyse", "analyse (whole stage)"))
    for name, label in rows:
        line = f"{label:<28}{r[name + '_wps']:>12,.0f} words/s   CPU {r[name + '_cpu_wps']:>12,.0f} words/s"
        if not name.startswith("tokenizer"):
            line += (f"   = {r[name + '_ratio_paragraphs']:.0%} / {r[name + '_ratio_items']:.0%} of the tokenizer"
                     f" (CPU {r[name + '_cpu_ratio_paragraphs']:.0%} / {r[name + '_cpu_ratio_items']:.0%}), paragraphs / item texts")
        print(line)
    print("goal: analyse >= 30% of the bare tokenizer")
    if "--profile" in argv:
        from minutes_miner.nlp import analyse

        minutes = synthetic_minutes(words)
        profile = cProfile.Profile()
        profile.runcall(analyse, minutes)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
