"""Indicator files named on the command line: performance-report PDFs and tidy CSV files,
read into `IndicatorReport`s (kept free of the NLP and store imports, so `minutes-miner
indicators FILE` starts fast)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from minutes_miner.errors import MinutesMinerError, PDFError
from minutes_miner.extract.files import read_input_file, unexpected_parse_error
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.indicators_csv import indicator_report_from_csv
from minutes_miner.extract.pdf import PdfJob, read_pdfs
from minutes_miner.models import IndicatorReport


def read_indicator_files(paths: Sequence[Path], workers: int | None = None
                         ) -> Iterator[tuple[Path, IndicatorReport | MinutesMinerError, tuple[str, ...]]]:
    """Performance-report PDFs (tables read) and tidy CSV files -> (path, report or error, warnings),
    in input order. PDFs are read `workers` at a time (default: one per CPU), each in its own
    limited child process; one bad file never stops the rest.
    """
    is_csv = [p.suffix.lower() == ".csv" for p in paths]
    jobs = (PdfJob(source=str(p), data=lambda p=p: read_input_file(p), tables=True, key=p) for p, csv in zip(paths, is_csv) if not csv)
    pdfs = read_pdfs(jobs, workers=workers)
    for path, csv in zip(paths, is_csv):
        try:
            if csv:
                yield path, indicator_report_from_csv(read_input_file(path), str(path)), ()
                continue
            _, pdf = next(pdfs)
            if isinstance(pdf, PDFError):
                raise pdf
            report = parse_indicator_report(pdf)
            warnings = pdf.warnings
            if not report.indicators:
                warnings += ("no KPI table or KPI detail block found; is this a performance report?",)
            yield path, report, warnings
        except MinutesMinerError as exc:
            yield path, exc, ()
        except Exception as exc:  # noqa: BLE001 - a parser tripping on a strange file fails that file only
            yield path, unexpected_parse_error(path, exc), ()
