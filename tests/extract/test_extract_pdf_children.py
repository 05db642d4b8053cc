"""Parser children are kept for the next document only while nothing went wrong: a failure, a
timeout or a crash retires the child (the file is reported by name), and the next document is
read by a fresh one."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest
from extract_pdf_fixtures import make_text_pdf
from hostile_pdfs import tiny_characters_pdf

from minutes_miner.errors import PDFError
from minutes_miner.extract import pdf_process
from minutes_miner.extract.pdf import PdfJob, read_pdf, read_pdfs


@pytest.fixture(autouse=True)
def no_waiting_children():
    pdf_process.close_children()
    yield
    pdf_process.close_children()


def _waiting() -> list[int]:
    return [child.proc.pid for child in pdf_process._idle]


def test_a_child_that_parsed_cleanly_takes_the_next_document():
    assert "First minutes." in read_pdf(make_text_pdf("First minutes."), "first.pdf").text
    [pid] = _waiting()
    assert "Second minutes." in read_pdf(make_text_pdf("Second minutes."), "second.pdf").text
    assert _waiting() == [pid]
    assert pdf_process._idle[0].documents == 2


def test_a_batch_keeps_one_child_per_worker():
    jobs = [PdfJob(source=f"{i}.pdf", data=make_text_pdf(f"Item {i} of the batch.")) for i in range(6)]
    texts = [pdf.text for _, pdf in read_pdfs(jobs, workers=2)]
    assert [t.split(" Page body")[0] for t in texts] == [f"Item {i} of the batch." for i in range(6)]
    assert 1 <= len(_waiting()) <= 2


@pytest.mark.parametrize("bad, reason", [
    (lambda: read_pdf(make_text_pdf(encrypt=True), "locked.pdf"), "encrypted"),
    (lambda: read_pdf(make_text_pdf(pages=2000), "slow.pdf", timeout=0.05), "time limit"),
    (lambda: read_pdf(make_text_pdf(pages=300), "big.pdf", memory_mb=15), "memory"),
])
def test_a_child_whose_document_failed_is_not_reused(bad, reason):
    read_pdf(make_text_pdf("Before."), "before.pdf")
    [pid] = _waiting()
    with pytest.raises(PDFError) as exc:
        bad()
    assert reason in str(exc.value).lower()
    assert _waiting() == []
    assert "After." in read_pdf(make_text_pdf("After."), "after.pdf").text
    [fresh] = _waiting()
    assert fresh != pid


def test_a_child_killed_while_parsing_is_reported_naming_the_file():
    data = make_text_pdf(pages=4000)
    # children retired by earlier tests may not have been reaped yet: only a new one is busy here
    retired = {p.pid for p in multiprocessing.active_children()}

    def kill_the_busy_child():
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            busy = [p for p in multiprocessing.active_children()
                    if p.name == "minutes-miner-pdf" and p.pid not in retired]
            if busy:
                time.sleep(0.1)  # well into the 4,000 pages (about 1.5 s of parsing)
                os.kill(busy[0].pid, signal.SIGKILL)
                return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_the_busy_child)
    killer.start()
    with pytest.raises(PDFError) as exc:
        read_pdf(data, "killed.pdf", timeout=60)
    killer.join()
    assert exc.value.where == "killed.pdf"
    assert "the parser process died (signal 9)" in str(exc.value)
    assert _waiting() == []
    assert "Next file." in read_pdf(make_text_pdf("Next file."), "next.pdf").text


def test_a_child_that_died_while_waiting_is_replaced():
    read_pdf(make_text_pdf("Before."), "before.pdf")
    [pid] = _waiting()
    os.kill(pid, signal.SIGKILL)
    pdf_process._idle[0].proc.join(5)
    assert "After." in read_pdf(make_text_pdf("After."), "after.pdf").text
    assert _waiting() != [pid]


def test_a_forked_copy_of_the_process_starts_its_own_children(monkeypatch):
    read_pdf(make_text_pdf("Parent."), "parent.pdf")
    [parents] = _waiting()
    monkeypatch.setattr(pdf_process, "_pool_pid", -1)  # as a fork of this process sees the pool
    assert "Forked." in read_pdf(make_text_pdf("Forked."), "forked.pdf").text
    assert parents not in _waiting()


def test_peak_memory_and_cpu_time_are_the_documents_own():
    big = read_pdf(tiny_characters_pdf(), "tiny.pdf")  # 100,000 characters on one page
    small = read_pdf(make_text_pdf("Short note."), "short.pdf")
    assert len(_waiting()) == 1  # the same child read both
    assert small.peak_rss_kb < big.peak_rss_kb
    assert 0 < small.cpu_seconds < big.cpu_seconds


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_errors_kept_by_the_caller_hold_no_descriptors_of_retired_children():
    locked = make_text_pdf(encrypt=True)
    before = _open_descriptors()
    errors = [error for _, error in read_pdfs((PdfJob(source=f"locked-{i}.pdf", data=locked) for i in range(40)),
                                               workers=2)]
    assert all(isinstance(e, PDFError) and "encrypted" in str(e) for e in errors)
    assert [e.where for e in errors] == [f"locked-{i}.pdf" for i in range(40)]
    # each retired child used to keep its two pipe ends open while its error was referenced
    assert _open_descriptors() - before < 10
