"""How PDF children start: from the fork server without re-running the caller's script, and, if
this Python's multiprocessing internals ever differ, through the public API instead."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from extract_pdf_fixtures import make_text_pdf

from minutes_miner.extract import pdf_process
from minutes_miner.extract.pdf import PdfJob, read_pdf, read_pdfs

REPO = Path(__file__).resolve().parents[2]


def test_a_script_without_a_main_guard_is_not_run_again_by_the_children(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(make_text_pdf("Quarterly report of a fictional council."))
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        from pathlib import Path
        from minutes_miner.extract.pdf import PdfJob, read_pdfs
        with open({str(tmp_path / "runs.log")!r}, "a") as log:
            log.write("run\\n")
        data = Path({str(tmp_path / "doc.pdf")!r}).read_bytes()
        texts = [pdf.pages[0].text for _, pdf in read_pdfs([PdfJob(source=str(i), data=data) for i in range(4)],
                                                         workers=2)]
        print(texts[3])
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], check=False, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "Quarterly report of a fictional council." in done.stdout
    assert (tmp_path / "runs.log").read_text() == "run\n"  # four documents, the script ran once


def test_if_the_fast_start_fails_the_public_api_reads_the_document(monkeypatch):
    def changed_internals(self, process_obj):
        raise AttributeError("module 'multiprocessing.spawn' has no attribute 'get_preparation_data'")

    pdf_process.close_children()  # a waiting child would take the document without a start
    monkeypatch.setattr(pdf_process._Popen, "_launch", changed_internals)
    monkeypatch.setattr(pdf_process, "_without_main", True)
    pdf = read_pdf(make_text_pdf("Read through the public API."), "fallback.pdf")
    assert "Read through the public API." in pdf.pages[0].text
    assert pdf_process._without_main is False  # and it stays on the public path
    results = list(read_pdfs([PdfJob(source="again.pdf", data=make_text_pdf("Still read."))], workers=1))
    assert "Still read." in results[0][1].pages[0].text


def test_this_python_uses_the_fast_start():
    pdf_process.close_children()
    read_pdf(make_text_pdf("Fast start."), "fast.pdf")
    assert pdf_process._without_main is True


def test_the_fork_server_has_the_pdf_libraries_even_when_another_pool_started_it(tmp_path):
    # the NLP worker pool starts the same (shared) fork server; PDF children must still find
    # pdfium and pdfplumber imported there rather than import them on every start
    script = tmp_path / "other_pool_first.py"
    script.write_text(textwrap.dedent("""
        import multiprocessing
        import sys

        import minutes_miner.extract.pdf  # as the pipeline and the file readers import it


        def report():
            sys.exit(0 if "pdfplumber" in sys.modules and "pypdfium2" in sys.modules else 3)


        if __name__ == "__main__":
            other = multiprocessing.get_context("forkserver").Process(target=report)
            other.start()
            other.join()
            sys.exit(other.exitcode)
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], check=False, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
