"""The registry registers every component; the concern taxonomy is data users can extend."""
from __future__ import annotations

import json

import spacy

from minutes_miner.models import ItemText, MinutesText


def test_registry_registers_every_pipeline_component():
    from minutes_miner import registry
    from minutes_miner.nlp import load_pipeline

    nlp = load_pipeline()
    assert tuple(nlp.pipe_names) == registry.PIPELINE_COMPONENTS
    for name in nlp.pipe_names:
        assert spacy.language.Language.has_factory(name), name
    # a fresh blank pipeline can be assembled from the registered factories alone
    fresh = spacy.blank("en")
    for name in registry.PIPELINE_COMPONENTS:
        fresh.add_pipe(name)
    doc = fresh("Councillor Patel asked whether MASH referrals had risen. Jane Smith, Head of Early Help, replied.")
    assert next(s.text for s in doc.sents).endswith("risen.")
    assert {s.label_ for s in doc.spans["mm_concerns"]} >= {"safeguarding", "demand"}
    assert {s.text for s in doc.spans["mm_mentions"]} >= {"Councillor Patel", "Jane Smith"}
    assert {s.label_ for s in doc.spans["mm_cues"]} >= {"question", "answer"}


def test_sources_section_exists():
    from minutes_miner import registry

    assert isinstance(registry.SOURCES, dict)


def test_pipeline_is_cached():
    from minutes_miner.nlp import load_pipeline

    assert load_pipeline() is load_pipeline()


def test_user_concerns_file_merges(tmp_path, monkeypatch):
    from minutes_miner.nlp import analyse

    user = tmp_path / "my_concerns.json"
    user.write_text(json.dumps({"potholes": {"terms": ["pothole", "road repairs"]}, "housing": {"terms": ["damp and mould"]}}))
    text = "Councillor Lee raised concerns about damp and mould and about every pothole in the ward."
    minutes = MinutesText(source="x", items=(ItemText(title=None, text=text),))
    base = analyse(minutes).items[0].statements[0]
    assert "potholes" not in base.concerns
    extended = analyse(minutes, concerns_file=user).items[0].statements[0]
    assert {"potholes", "housing"} <= set(extended.concerns)
    monkeypatch.setenv("MINUTES_MINER_CONCERNS", str(user))
    from_env = analyse(minutes).items[0].statements[0]
    assert "potholes" in from_env.concerns


def test_short_acronyms_are_case_sensitive():
    from minutes_miner.nlp import analyse

    text = "Officers said the cp figures and the lac of data were fine.\nMembers noted that the CP plans and LAC reviews were late."
    minutes = MinutesText(source="x", items=(ItemText(title=None, text=text),))
    # the taxonomy's own matching (the learned model may veto a one-line passing mention: models/README.md)
    st = analyse(minutes, concern_model=None).items[0].statements
    assert "safeguarding" not in st[0].concerns and "children-in-care" not in st[0].concerns
    assert {"safeguarding", "children-in-care"} <= set(st[1].concerns)
    st = analyse(minutes).items[0].statements  # nor does the model read the lower-case words as the acronyms
    assert "safeguarding" not in st[0].concerns and "children-in-care" not in st[0].concerns
    assert "safeguarding" in st[1].concerns


def test_taxonomy_has_required_labels():
    from minutes_miner.nlp.rules import load_concerns

    labels = set(load_concerns())
    assert labels >= {"covid-19", "safeguarding", "workforce", "send", "mental-health", "finance", "housing",
                      "waiting-times", "demand", "children-in-care", "data-quality", "inequalities"}
    acronyms = {a for spec in load_concerns().values() for a in spec.get("acronyms", [])}
    assert acronyms >= {"EHCP", "SEND", "CAMHS", "MASH", "UASC", "LAC", "CP", "PPE"}


def test_a_body_named_after_a_concern_is_not_that_concern(tmp_path):
    from minutes_miner.nlp import load_pipeline

    doc = load_pipeline()("The Children in Care Council met twice. Children in care said that placements had improved.")
    hits = [(s.text, s.label_) for s in doc.spans["mm_concerns"]]
    assert ("Children in care", "children-in-care") in hits
    assert all(text != "Children in Care" for text, _ in hits)  # inside the Council's name

    user = tmp_path / "mine.json"
    user.write_text('{"youth-justice": {"exclude": ["Youth Justice Board"]}}', encoding="utf-8")
    doc = load_pipeline(str(user))("The Youth Justice Board wrote to us. Youth justice outcomes improved.")
    assert [s.text for s in doc.spans["mm_concerns"] if s.label_ == "youth-justice"] == ["Youth justice"]
