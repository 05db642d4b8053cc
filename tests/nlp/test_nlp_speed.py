"""Throughput sanity check (the full benchmark: python -m minutes_miner.nlp.bench 1000000)."""
from __future__ import annotations

import time


def test_pipeline_throughput_against_tokenizer():
    from minutes_miner.nlp import analyse, load_pipeline
    from minutes_miner.nlp.bench import synthetic_minutes

    minutes = synthetic_minutes(30_000, seed=11)
    words = sum(len(i.text.split()) for i in minutes.items)
    nlp = load_pipeline()
    texts = [i.text for i in minutes.items]
    list(nlp.pipe(texts[:5]))
    t0 = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    tok = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    spacy_pipe = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = analyse(minutes)
    full = time.perf_counter() - t0
    assert sum(len(i.statements) for i in doc.items) > 1000
    # measured on the dev machine: spaCy pipeline ~15-30% of the tokenizer, analyse() ~190k words/s
    assert tok / spacy_pipe > 0.05, (words / tok, words / spacy_pipe)
    assert words / full > 20_000, words / full
