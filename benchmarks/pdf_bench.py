"""PDF extraction speed and memory, as ratios against `pdftotext -layout` timed in the same run.

    python benchmarks/pdf_bench.py [--repeat 3] [--no-batch]

Prints, per document (the Kent documents in ../shared/realdata/kent when present, and a
generated 500-page performance report):

* pdftotext -layout wall time (the reference), and ours for text only (`read_pdf`) and for
  the full stage (minutes -> items and attendance; performance report -> text + tables +
  indicators), each as a ratio to the reference. Goals: text-only minutes within 3x, the full
  stage on a KPI report within 10x.
* first, the cost of a fresh parser child: the first document timed in a new child and in
  a child waiting from the previous document (which is how a batch, or a process reading
  PDFs one call after another, reads every document but the first; the table's figures).
* pages/s of our text read and of the full stage, and the peak resident memory of the parser
  child while it parsed the document (the child reports its own peak).
* the same two ratios in CPU time ("text cpu", "full cpu"): ours is this process's CPU time
  plus the parser child's own account of its CPU time for the document, pdftotext's is from the
  kernel. On a shared machine the CPU ratios are steadier than the wall-clock ones.
* each figure is the best of `--repeat` runs, taken in turn with the other measurements of the
  same document (pdftotext, ours, pdftotext, ours ...), so that both meet the same load.
* which reader read each document's KPI table pages: the ruled-table reader ("lattice") or
  pdfplumber (its fallback).

Then the speed-up of a batch read with 2 workers against 1.

Needs `pdftotext` (poppler-utils): apt-get install -y poppler-utils
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from minutes_miner.extract.council_questions import parse_council_questions
from minutes_miner.extract.indicators import parse_indicator_report
from minutes_miner.extract.pdf import PdfJob, classify, read_pdf, read_pdfs
from minutes_miner.extract.pdf_process import close_children
from minutes_miner.extract.printed_minutes import parse_printed_minutes

KENT = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "kent"
# the generated 500-page report is the test suite's fixture generator (fictional content)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "extract"))
from extract_pdf_fixtures import make_generated_report


def interleaved(repeat: int, *measures):
    """(smallest wall time, smallest CPU time, last value) of each `(fn, cpu_of)` in `measures`,
    run in turn `repeat` times (one of each per round, so that the reference and ours meet the
    same load on a shared machine). CPU time is `cpu_of(value, this process's CPU time)`."""
    best = [[float("inf"), float("inf"), None] for _ in measures]
    for _ in range(repeat):
        for slot, (fn, cpu_of) in zip(best, measures):
            wall, cpu = time.perf_counter(), time.process_time()
            value = fn()
            wall, cpu = time.perf_counter() - wall, cpu_of(value, time.process_time() - cpu)
            slot[0], slot[1], slot[2] = min(slot[0], wall), min(slot[1], cpu), value
    return [tuple(slot) for slot in best]


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def pdftotext_cpu(path: Path) -> float:
    before = children_cpu()
    pdftotext(path)
    return children_cpu() - before


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def full_stage(data: bytes, name: str):
    """What the pipeline does with one PDF: one parse (tables only for a performance report), then the parser."""
    pdf = read_pdf(data, name, tables="auto")
    kind = classify(pdf)
    if kind == "indicators":
        return pdf, kind, len(parse_indicator_report(pdf).indicators)
    if kind == "questions":
        return pdf, kind, len(parse_council_questions(pdf).items)
    return pdf, kind, len(parse_printed_minutes(pdf).items)


def row(label: str, *cells) -> str:
    return f"{label:<58}" + "".join(f"{c:>12}" for c in cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    parser.add_argument("--no-batch", action="store_true", help="skip the 2-worker batch measurement")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext not found: the benchmark times pdftotext -layout as its reference.\n"
              "Install it with:  apt-get install -y poppler-utils", file=sys.stderr)
        return 2

    workdir = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
    docs: list[Path] = sorted(KENT.glob("*.pdf")) if KENT.is_dir() else []
    if not docs:
        print(f"(no Kent documents at {KENT}; only the generated report is measured)")
    generated = workdir / "generated_500_page_report.pdf"
    start = time.perf_counter()
    generated.write_bytes(make_generated_report(500))
    print(f"generated the 500-page report in {time.perf_counter() - start:.1f} s")
    docs.append(generated)

    start = time.perf_counter()
    first = docs[0].read_bytes()
    read_pdf(first, "warm-up")
    print(f"first parse, including starting the fork server: {time.perf_counter() - start:.2f} s")

    def in_a_fresh_child():
        close_children()
        return read_pdf(first, docs[0].name)

    (fresh, _, _), (waiting, _, _) = interleaved(args.repeat, (in_a_fresh_child, lambda _v, here: here),
                                                 (lambda: read_pdf(first, docs[0].name), lambda _v, here: here))
    print(f"{docs[0].name}: {fresh * 1000:.0f} ms in a fresh parser child, {waiting * 1000:.0f} ms in one waiting "
          f"from the previous document (the figures below)\n")

    print(row("document (pages, kind)", "pdftotext", "text", "ratio", "full stage", "ratio", "text pg/s",
              "full pg/s", "peak MB", "text cpu", "full cpu"))
    minutes_ratios, report_ratios, minutes_cpu, report_cpu = [], [], [], []
    readers = []
    for path in docs:
        data = path.read_bytes()
        (ref, ref_cpu, _), (text_t, text_cpu, pdf), (full_t, full_cpu, (full_pdf, kind, found)) = interleaved(
            args.repeat,
            # pdftotext's CPU time is its own (from the kernel), not this process's time spent starting it
            (lambda path=path: pdftotext_cpu(path), lambda own, _here: own),
            (lambda data=data, path=path: read_pdf(data, path.name), lambda pdf, here: here + pdf.cpu_seconds),
            (lambda data=data, path=path: full_stage(data, path.name), lambda out, here: here + out[0].cpu_seconds),
        )
        text_cpu, full_cpu = text_cpu / ref_cpu, full_cpu / ref_cpu
        pages = len(pdf.pages)
        peak = max(pdf.peak_rss_kb, full_pdf.peak_rss_kb) / 1024
        label = f"{path.name[:40]} ({pages}, {kind}: {found})"
        print(row(label, f"{ref * 1000:.0f} ms", f"{text_t * 1000:.0f} ms", f"{text_t / ref:.1f}x",
                  f"{full_t * 1000:.0f} ms", f"{full_t / ref:.1f}x", f"{pages / text_t:.0f}", f"{pages / full_t:.0f}",
                  f"{peak:.0f}", f"{text_cpu:.1f}x", f"{full_cpu:.1f}x"))
        used = Counter(p.table_reader for p in full_pdf.pages if p.table_reader)
        if used:
            readers.append(f"{path.name}: " + ", ".join(f"{n} page(s) {reader}" for reader, n in sorted(used.items())))
        if kind in ("minutes", "questions"):
            minutes_ratios.append(text_t / ref)
            minutes_cpu.append(text_cpu)
        if kind == "indicators":
            report_ratios.append(full_t / ref)
            report_cpu.append(full_cpu)
    print()
    for line in readers:
        print(f"tables read by: {line}")
    if minutes_ratios:
        print(f"text-only minutes PDFs: {max(minutes_ratios):.1f}x pdftotext -layout at worst (goal: within 3x); "
              f"in CPU time {max(minutes_cpu):.1f}x")
    if report_ratios:
        print(f"full stage on KPI reports: {max(report_ratios):.1f}x pdftotext -layout at worst (goal: within 10x); "
              f"in CPU time {max(report_cpu):.1f}x")

    if not args.no_batch:
        # many documents of ordinary size (one 500-page report would be a single long job)
        batch = [p for p in docs if p != generated] * 4 or [generated] * 2
        jobs = [PdfJob(p.name, p.read_bytes(), tables="auto") for p in batch]
        pages = 0

        def run(workers: int) -> int:
            return sum(len(r.pages) for _, r in read_pdfs(jobs, workers=workers) if not isinstance(r, Exception))

        (one, _, pages), (two, _, _) = interleaved(max(1, args.repeat - 1), (lambda: run(1), lambda _v, here: here),
                                                   (lambda: run(2), lambda _v, here: here))
        print(f"batch of {len(jobs)} documents ({pages} pages), text + tables where needed: "
              f"1 worker {one:.2f} s, 2 workers {two:.2f} s, speed-up {one / two:.2f}x "
              f"(cpu count {os.cpu_count()})")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
