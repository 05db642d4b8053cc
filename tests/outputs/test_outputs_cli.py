"""The output commands on the demo database: Word briefings, empty-store messages, query errors."""
import docx
from click.testing import CliRunner

from minutes_miner.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_questions_docx_needs_out_and_writes_word(demo, tmp_path):
    result = run("questions", "--member", "Mehta", "--format", "docx", "--db", demo.db)
    assert result.exit_code == 2 and "--out FILE.docx" in result.output
    out = tmp_path / "mehta.docx"
    result = run("questions", "--member", "Mehta", "--until", "2023-03-31", "--format", "docx", "--out", out,
                 "--db", demo.db)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("delays were worse in some parts of the county" in c for c in cells)
    assert any(c.startswith("delivered 2023-03-21") for c in cells)  # F1, delivered at the next meeting


def test_every_output_command_says_what_to_run_on_an_empty_database(tmp_path):
    db = tmp_path / "empty.db"
    for args in (["search", "x"], ["questions", "--member", "Mehta"], ["concerns"], ["indicator", "CS01"],
                 ["report", "--out", tmp_path / "site"]):
        result = run(*args, "--db", db)
        assert result.exit_code == 1, args
        assert "minutes-miner demo" in result.output and "Traceback" not in result.output, args


def test_search_syntax_error_and_unknown_names(demo):
    result = run("search", "waiting AND", "--db", demo.db)
    assert result.exit_code == 1 and "cannot parse search query" in result.output
    result = run("search", "camhs", "--committee", "Childrens Overview Scrutiny", "--db", demo.db)
    assert result.exit_code == 1 and "Children's Services Overview and Scrutiny Committee" in result.output
    result = run("questions", "--member", "Ashwort", "--db", demo.db)
    assert result.exit_code == 1 and "Councillor Helen Ashworth" in result.output
