"""Linking statements to indicators: written references, tuned similarity, the labelled set."""
import pytest

from minutes_miner.errors import MinutesMinerError
from minutes_miner.link import (
    SYNONYMS_ENV,
    TUNED,
    acronyms_of,
    aliases,
    link_statements,
    words,
)
from minutes_miner.link_eval import evaluate, load_labelled, tune
from minutes_miner.store import StatementFilter, open_store
from minutes_miner.store.base import IndicatorRow


def test_aliases_and_acronyms_from_names():
    assert "ehcp issu within 20 week" in aliases("Percentage of EHCPs issued within 20 weeks (excluding exceptions)")
    assert "wait from referral to treatment for child and adolescent mental health servic" in aliases(
        "Average wait from referral to treatment for CAMHS")
    assert acronyms_of("Percentage of care leavers in education, employment or training (EET)") == {"eet"}


def test_written_reference_and_several_indicators_per_statement():
    class S:
        def __init__(self, id, text):
            self.id, self.text, self.section, self.council = id, text, None, "c"

    inds = [IndicatorRow(id="v", name="Social worker vacancy rate", section=None, unit="%", ref="SW1", council="c"),
            IndicatorRow(id="a", name="Percentage of social workers employed through agencies", section=None,
                         unit="%", ref="SW2", council="c"),
            IndicatorRow(id="x", name="Percentage of household waste recycled", section=None, unit="%", ref=None,
                         council="other council")]
    links = link_statements([S("1", "The social worker vacancy rate had fallen, and social workers employed "
                                    "through agencies were down to 14%."),
                             S("2", "SW1 was rated amber."), S("3", "Household waste recycled rose.")], inds)
    got = {(l.statement_id, l.indicator_id): l.method for l in links}
    assert got == {("1", "v"): "name", ("1", "a"): "alias", ("2", "v"): "ref"}  # never across councils


@pytest.fixture(scope="module")
def labelled():
    return load_labelled()


def test_labelled_set_is_split_and_tuned_settings_are_shipped(labelled):
    assert len(labelled.split("tune")) > 100 and len(labelled.split("heldout")) > 50
    chosen, quality = tune(labelled)
    assert chosen == TUNED, "re-run benchmarks/link_quality.py and update link.TUNED"
    assert quality.precision >= 0.9


def test_held_out_quality(labelled):
    quality = evaluate(labelled, TUNED, "heldout")
    assert quality.precision >= 0.95 and quality.recall >= 0.7


class Said:
    def __init__(self, id, text):
        self.id, self.text, self.section, self.council = id, text, None, "c"


def test_paraphrases_from_the_synonym_file_link_as_the_name():
    assert words("Council tax collection") == words("council tax collected")
    assert words("delayed transfers of care") == words("delayed discharges")
    cla = IndicatorRow(id="cla", name="Number of children looked after", section=None, unit=None, ref=None, council="c")
    relet = IndicatorRow(id="relet", name="Average time to re-let council homes", section=None, unit="days", ref=None,
                         council="c")
    links = link_statements([Said("1", "There were 497 children in the care of the council."),
                             Said("2", "Void turnaround for council homes took 41 days.")], [cla, relet])
    assert {(lk.statement_id, lk.indicator_id) for lk in links} == {("1", "cla"), ("2", "relet")}
    assert [lk.method for lk in links if lk.indicator_id == "cla"] == ["alias"]


def test_users_extend_the_synonyms_with_their_own_file(tmp_path, monkeypatch):
    ind = IndicatorRow(id="dtoc", name="Bed days lost to delayed hospital discharge", section=None, unit=None,
                       ref=None, council="c")
    said = [Said("1", "Bed days lost to people stuck on the ward rose again.")]
    assert [lk.method for lk in link_statements(said, [ind])] in ([], ["similarity"])
    mine = tmp_path / "ours.json"
    mine.write_text('{"groups": [["delayed hospital discharge", "people stuck on the ward"]]}', encoding="utf-8")
    monkeypatch.setenv(SYNONYMS_ENV, str(mine))
    assert [(lk.indicator_id, lk.method) for lk in link_statements(said, [ind])] == [("dtoc", "name")]
    mine.write_text("not json", encoding="utf-8")
    monkeypatch.setenv(SYNONYMS_ENV, str(tmp_path / "missing.json"))
    with pytest.raises(MinutesMinerError, match="synonyms"):
        words("anything")


def test_demo_links_story_statements(demo):
    with open_store(demo.db) as store:
        refs = {i.id: i.ref for i in store.indicators()}
        linked = {}
        for link in store.links():
            linked.setdefault(link.statement_id, set()).add(refs[link.indicator_id])
        rows = store.statements(StatementFilter(speaker="Greaves"))
    claim = next(r for r in rows if "had improved again this quarter" in r.text)
    assert "CS01" in linked[claim.id]
    both = next(r for r in rows if "vacancy rate had risen to 17.8%" in r.text)
    assert {"CS10", "CS11"} <= linked[both.id]  # vacancy and agency in one sentence
