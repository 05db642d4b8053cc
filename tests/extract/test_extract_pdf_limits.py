"""The parser child's limits: given in the call, else set in the environment (the only way for a
command-line user to raise them, so the messages of a file that hit one name the variable)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from extract_pdf_fixtures import make_text_pdf

from minutes_miner.cli import cli
from minutes_miner.errors import MinutesMinerError, PDFError
from minutes_miner.extract.pdf import read_pdf
from minutes_miner.extract.pdf_limits import (
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    pdf_limits,
)


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return make_text_pdf("A very long report.", pages=2000)


def test_the_defaults_apply_when_nothing_is_set(monkeypatch):
    monkeypatch.delenv("MINUTES_MINER_PDF_TIMEOUT", raising=False)
    monkeypatch.delenv("MINUTES_MINER_PDF_MEMORY_MB", raising=False)
    assert pdf_limits() == (DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB)


def test_the_environment_sets_the_limits_and_a_call_overrides_them(monkeypatch):
    monkeypatch.setenv("MINUTES_MINER_PDF_TIMEOUT", "300")
    monkeypatch.setenv("MINUTES_MINER_PDF_MEMORY_MB", "4096")
    assert pdf_limits() == (300.0, 4096)
    assert pdf_limits(5, 100) == (5.0, 100)


@pytest.mark.parametrize("value", ["soon", "0", "-1", "nan", "inf", "1e12"])
def test_a_limit_that_is_not_a_positive_number_is_refused_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("MINUTES_MINER_PDF_TIMEOUT", value)
    with pytest.raises(MinutesMinerError) as exc:
        pdf_limits()
    assert f"MINUTES_MINER_PDF_TIMEOUT='{value}' is not a number between 0 and" in str(exc.value)
    assert "unset it" in exc.value.hint


def test_a_limit_given_in_the_call_is_checked_too():
    with pytest.raises(MinutesMinerError) as exc:
        pdf_limits(memory_mb=10**15)
    assert "memory_mb=1000000000000000 is not a number between 0 and" in str(exc.value)


def test_a_file_over_the_time_limit_set_in_the_environment_says_how_to_raise_it(monkeypatch, long_pdf):
    monkeypatch.setenv("MINUTES_MINER_PDF_TIMEOUT", "0.05")
    with pytest.raises(PDFError) as exc:
        read_pdf(long_pdf, "long.pdf")
    assert str(exc.value).startswith("long.pdf: gave up after 0.05 s")
    assert "MINUTES_MINER_PDF_TIMEOUT" in exc.value.hint


def test_the_command_line_reports_the_file_and_the_variable(tmp_path, long_pdf):
    path = tmp_path / "long.pdf"
    path.write_bytes(long_pdf)
    result = CliRunner().invoke(cli, ["indicators", str(path)], env={"MINUTES_MINER_PDF_TIMEOUT": "0.05"},
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert f"error: {path}: gave up after 0.05 s" in result.output
    assert "environment variable MINUTES_MINER_PDF_TIMEOUT" in result.output


def test_a_bad_limit_is_one_error_for_the_batch_not_one_per_file(tmp_path):
    paths = []
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(make_text_pdf(f"Minutes {name}."))
    result = CliRunner().invoke(cli, ["indicators", *map(str, paths)], env={"MINUTES_MINER_PDF_MEMORY_MB": "lots"},
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("MINUTES_MINER_PDF_MEMORY_MB='lots' is not a number between 0 and") == 1
    assert "StopIteration" not in result.output and "b.pdf" not in result.output
