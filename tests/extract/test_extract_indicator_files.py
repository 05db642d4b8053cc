"""read_indicator_files: a batch of PDFs and CSV files, every file answered in order, one bad
file (unreadable, or one a parser trips on) never stopping the rest."""
from __future__ import annotations

from minutes_miner.errors import ParseError
from minutes_miner.extract import indicator_files
from minutes_miner.extract.indicator_files import read_indicator_files

CSV = ("council,indicator,period,value,unit,target,rag\n"
       "Fictional Borough Council,EHC plans issued within 20 weeks,Q2 2023/24,63.5,%,60,GREEN\n")


def test_a_parser_crash_and_an_unreadable_file_fail_those_files_only(tmp_path, kpi_report_pdf, monkeypatch):
    real_parse = indicator_files.parse_indicator_report

    def trips_on_odd(pdf):
        if pdf.source.endswith("odd.pdf"):
            raise IndexError("list index out of range")
        return real_parse(pdf)

    monkeypatch.setattr(indicator_files, "parse_indicator_report", trips_on_odd)
    for name in ("good.pdf", "odd.pdf"):
        (tmp_path / name).write_bytes(kpi_report_pdf)
    (tmp_path / "kpis.csv").write_text(CSV, encoding="utf-8")
    unreadable = tmp_path / "folder.pdf"
    unreadable.mkdir()
    paths = [tmp_path / n for n in ("good.pdf", "odd.pdf", "folder.pdf", "kpis.csv")]
    results = {path.name: report for path, report, _ in read_indicator_files(paths, workers=1)}
    assert list(results) == ["good.pdf", "odd.pdf", "folder.pdf", "kpis.csv"]
    assert len(results["good.pdf"].indicators) == 9
    odd = results["odd.pdf"]
    assert isinstance(odd, ParseError) and str(odd).startswith(f"{tmp_path / 'odd.pdf'}: could not be parsed (IndexError")
    folder = results["folder.pdf"]
    assert isinstance(folder, ParseError) and str(folder).startswith(f"{unreadable}: cannot read file (Is a directory)")
    assert results["kpis.csv"].indicators[0].value == 63.5
