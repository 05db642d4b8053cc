"""Statement-indicator linking quality on the labelled set in corpora/links/.

Prints precision / recall / F1 / F0.5 of the shipped settings (minutes_miner.link.TUNED) on the
held-out and tune splits, re-runs the grid search on the tune split and prints what it chooses
(it should be TUNED: if not, the labelled set or the linker changed and TUNED needs updating),
and, for comparison, the untuned linker of the walking skeleton (one threshold of 0.30, no
section or acronym evidence, best indicator only).

    .venv/bin/python benchmarks/link_quality.py [--corpus corpora/links]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minutes_miner.link import TUNED, LinkSettings
from minutes_miner.link_eval import DEFAULT_CORPUS, evaluate, load_labelled, tune


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    labelled = load_labelled(args.corpus)
    tune_n, held_n = len(labelled.split("tune")), len(labelled.split("heldout"))
    print(f"labelled set: {len(labelled.indicators)} indicators, {tune_n} tune + {held_n} held-out statements "
          f"({sum(1 for s in labelled.statements if s.links)} with at least one link)")
    print(f"shipped settings: {TUNED}")
    print(f"  held-out: {evaluate(labelled, TUNED, 'heldout').line()}")
    print(f"  tune:     {evaluate(labelled, TUNED, 'tune').line()}")
    chosen, quality = tune(labelled)
    print(f"grid search on tune split chooses: {chosen}{'  (= shipped)' if chosen == TUNED else '  (DIFFERS from shipped)'}")
    print(f"  tune:     {quality.line()}")
    print(f"  held-out: {evaluate(labelled, chosen, 'heldout').line()}")
    untuned = LinkSettings(threshold=0.30, section_weight=0.0, acronym_bonus=0.0, relative=1.0)
    print(f"untuned baseline {untuned}")
    print(f"  held-out: {evaluate(labelled, untuned, 'heldout').line()}")


if __name__ == "__main__":
    main()
