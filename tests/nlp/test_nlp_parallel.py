"""analyse_many: documents across worker processes give exactly what analyse gives in-process."""
from __future__ import annotations

from minutes_miner.nlp import analyse, analyse_many, minutes_from_text
from minutes_miner.nlp.bench import synthetic_minutes
from minutes_miner.nlp.parallel import shutdown_workers


def _documents():
    text = ("Minutes of the Children Scrutiny Committee, 5 March 2024\n\n4. Early Help\n"
            "Jane Smith, Head of Early Help, presented the report.\n"
            "Councillor Patel asked whether waiting times for CAMHS had improved.\n"
            "In response, Ms Smith advised that they had fallen to 12 weeks.\n"
            "RESOLVED that the report be noted.\n")
    return [minutes_from_text(text, "a.txt"), synthetic_minutes(3_000, seed=7), synthetic_minutes(2_000, seed=8)]


def test_workers_give_the_same_analysis_in_order():
    documents = _documents()
    expected = [analyse(m) for m in documents]
    try:
        got = list(analyse_many(documents, workers=2, min_parallel_chars=0))
    finally:
        shutdown_workers()
    assert got == expected
    assert got[0].items[0].statements[2].speaker == "Jane Smith" and got[0].items[0].statements[2].answers == 1


def test_small_batch_stays_in_process():
    documents = _documents()[:1]
    got = list(analyse_many(documents, workers=2))  # far below MIN_PARALLEL_CHARS: no workers started
    from minutes_miner.nlp import parallel

    assert parallel._pools == {}
    assert [s.act for s in got[0].items[0].statements] == ["statement", "question", "answer", "resolution"]
