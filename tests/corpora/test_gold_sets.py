"""The gold sets in corpora/gold are valid (check_gold.py finds no problem) and big enough."""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from paths import REPO

GOLD = REPO / "corpora" / "gold"
ACTS = {"question", "answer", "concern", "request", "commitment", "welcome", "resolution", "statement"}
KINDS = {"member", "officer", "cabinet_member", "chair", "group", "external", "unknown"}


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"gold_{name}", GOLD / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


check_gold = _load("check_gold")
build_documents = _load("build_documents")


@pytest.fixture(scope="module")
def reports():
    return {split: check_gold.check_split(GOLD / split) for split in ("dev", "dev2", "test", "test2", "train")}


@pytest.mark.parametrize("split", ["dev", "test", "test2"])
def test_scored_splits_are_clean_and_full_size(reports, split):
    report = reports[split]
    assert report.problems == []
    assert len(report.councils) >= 3
    assert set(report.documents) == {"txt", "html", "xml", "pdf"}
    assert report.statements >= 300
    assert report.acts["question"] >= 60
    assert report.paired_answers >= 50
    assert set(report.acts) == ACTS
    assert set(report.kinds) == KINDS
    assert set(report.concerns) == check_gold.concern_labels()


def test_train_split_is_clean(reports):
    report = reports["train"]
    assert report.problems == []
    assert report.statements >= 300
    assert set(report.acts) == ACTS


def test_second_dev_split_is_clean_and_full_size(reports):
    """dev2: three more councils in house styles unlike dev/ and train/, for checking that tuning on dev/ carries over."""
    report = reports["dev2"]
    assert report.problems == []
    assert len(report.councils) >= 3
    assert set(report.documents) == {"txt", "html", "xml", "pdf"}
    assert report.statements >= 200
    assert report.acts["question"] >= 40
    assert report.paired_answers >= 40
    assert set(report.acts) == ACTS
    assert set(report.kinds) == KINDS


def test_splits_hold_different_councils(reports):
    splits = ("dev", "dev2", "test", "test2", "train")
    for n, first in enumerate(splits):
        for second in splits[n + 1:]:
            assert not reports[first].councils & reports[second].councils, (first, second)


def test_a_gold_line_reads_as_annotated():
    lines = [json.loads(x) for x in (GOLD / "dev/harrowfield/2024-02-06-health-and-adult-social-care-scrutiny-panel.jsonl")
             .read_text(encoding="utf-8").splitlines()]
    answer = next(x for x in lines if x["quote"].startswith("It was explained that 84 people"))
    assert answer["speaker"] is None and answer["speaker_kind"] == "unknown" and answer["act"] == "answer"
    assert answer["answers"] == "asked how many of those waiting were considered high priority"
    assert answer["section"] == "Dashboard 2 – Assessments and Reviews"


def _write(tmp: Path, doc_name: str, text: str, lines: list[dict]) -> Path:
    council = tmp / "split" / "council"
    council.mkdir(parents=True)
    (council / "STYLE.md").write_text("style\n", encoding="utf-8")
    (council / doc_name).write_text(text, encoding="utf-8")
    stem = doc_name.rsplit(".", 1)[0]
    (council / f"{stem}.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return tmp / "split"


MINUTES = """CHILDREN'S SCRUTINY COMMITTEE - 5 March 2024

1. Minutes

RESOLVED that the minutes be agreed.

2. Early Help Report

Councillor Mary Patel asked whether the new respite beds would open before winter.

In response, Ms Jane Smith said that the beds would open in October.
"""


def _line(**kw) -> dict:
    base = {"item": "2", "quote": "asked whether the new respite beds would open before winter",
            "speaker": "Councillor Mary Patel", "speaker_key": "patel", "speaker_kind": "member",
            "act": "question", "answers": None, "concerns": [], "section": None}
    return {**base, **kw}


def test_checker_accepts_a_correct_document(tmp_path):
    answer = _line(quote="said that the beds would open in October", speaker="Ms Jane Smith", speaker_key="smith",
                   speaker_kind="officer", act="answer", answers=_line()["quote"])
    report = check_gold.check_split(_write(tmp_path, "m.txt", MINUTES, [_line(), answer]))
    assert report.problems == []
    assert report.statements == 2 and report.paired_answers == 1


@pytest.mark.parametrize("bad, message", [
    (_line(quote="asked whether the beds would open"), "found 0 times"),
    (_line(quote="the"), "found"),
    (_line(act="query"), "act 'query'"),
    (_line(concerns=["respite"]), "concerns"),
    (_line(speaker_key="mary"), "neither the surname nor the role"),
    (_line(speaker=None), "null/unknown together"),
    (_line(item="1"), "item '1'"),
    (_line(answers="some question"), "'answers' is set on a question"),
    (_line(section="Dashboard 9"), "not printed"),
    ({"quote": "asked whether the new respite beds"}, "missing field"),
])
def test_checker_names_each_problem(tmp_path, bad, message):
    report = check_gold.check_split(_write(tmp_path, "m.txt", MINUTES, [bad]))
    assert any(message in p and "m.jsonl:1" in p for p in report.problems), report.problems


def test_checker_rejects_an_answer_to_an_unknown_question(tmp_path):
    answer = _line(quote="said that the beds would open in October", speaker="Ms Jane Smith", speaker_key="smith",
                   speaker_kind="officer", act="answer", answers="asked about winter")
    report = check_gold.check_split(_write(tmp_path, "m.txt", MINUTES, [answer]))
    assert any("not the quote of an earlier question" in p for p in report.problems)


def test_pdf_is_rebuilt_byte_for_byte_from_its_source(tmp_path):
    source = GOLD / "dev/wexcombe/2024-03-14-childrens-services-scrutiny.pdf.txt"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    built = build_documents.build_pdf(copy)
    assert built.read_bytes() == source.with_suffix("").read_bytes()


def test_pdf_source_refuses_characters_helvetica_cannot_set(tmp_path):
    source = tmp_path / "bad.pdf.txt"
    source.write_text("= TITLE\n\nCllr Dafydd Llŷr asked a question.\n", encoding="utf-8")
    with pytest.raises(build_documents.SourceError, match="bad.pdf.txt:3"):
        build_documents.build_pdf(source)
