"""The speed benchmark's machinery (figures come from benchmarks/nlp_speed.py, never from timed tests)."""
from __future__ import annotations


def test_synthetic_minutes_are_analysed_into_attributed_statements():
    from minutes_miner.nlp import analyse
    from minutes_miner.nlp.bench import synthetic_minutes

    doc = analyse(synthetic_minutes(5_000, seed=11))
    statements = [s for item in doc.items for s in item.statements]
    assert len(statements) > 200
    assert any(s.act == "question" and s.speaker_kind == "member" for s in statements)
    assert any(s.act == "answer" and s.answers is not None for s in statements)
    assert any(s.act == "resolution" and s.speaker_key == "committee" for s in statements)


def test_benchmark_reports_wall_and_cpu_ratios():
    from minutes_miner.nlp.bench import benchmark

    result = benchmark(3_000, rounds=1)
    assert result["words"] >= 3_000
    for name in ("tokenizer", "spacy_pipeline", "analyse"):
        assert result[f"{name}_wps"] > 0 and result[f"{name}_cpu_wps"] > 0
    assert result["analyse_ratio"] > 0 and result["analyse_cpu_ratio"] > 0
