"""The PDF parser processes: started from a fork server, kept for the next document, replaced
when one fails.

Every PDF is parsed in a child process under a wall-clock time limit (enforced here: the child is
killed when it overruns), a CPU-time limit and an address-space limit (set by the child on itself
for each document, see `pdf_child.worker_main`). A child that finished a document cleanly waits
for the next one, so a batch, or a process reading PDFs one call at a time, pays for a process
start once, not per document (a start plus its first document costs about 20 ms more than a
document in a waiting child). A child whose document failed, timed out, crashed it or left it
large is not reused: the next document gets a fresh one, so no document is parsed in a process a
hostile file has been through.
"""
from __future__ import annotations

import io
import multiprocessing
import multiprocessing.context
import os
import pickle
import signal
import threading
import time
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util

from minutes_miner.errors import PDFError
from minutes_miner.extract.pdf_limits import RAISE_MEMORY_LIMIT, RAISE_TIME_LIMIT

# Children come from the fork server (public API: a "forkserver" context with the PDF libraries
# preloaded), so a start costs milliseconds. One thing the public API cannot switch off: every
# child re-imports the caller's ``__main__`` (so that pickled functions of a script resolve); the
# PDF child needs only this package, and a script without a ``__main__`` guard would run again.
# `_Popen` leaves that out, using multiprocessing internals (Python 3.11-3.13 shape). Should they
# differ on another Python, the first start fails and the public path is used from then on.
_CONTEXT = multiprocessing.get_context("forkserver")
# Set on import rather than at the first PDF: the fork server is shared by every forkserver
# context, and when another part of the program (the NLP worker pool) started it first, every
# PDF child imported the PDF libraries itself (a fresh child took about 100 ms instead of 11).
_CONTEXT.set_forkserver_preload(["minutes_miner.extract.pdf_child", "pdfplumber"])

# A waiting child is retired after this many documents, when a document left its address space
# above this share of the memory limit (heap that Python keeps), or when it is found idle for
# longer than this at the next call (children stop with this process in any case).
MAX_DOCUMENTS_PER_CHILD = 200
MAX_IDLE_SECONDS = 120.0
MAX_SHARE_OF_MEMORY_LIMIT = 0.5


class _Popen(popen_forkserver.Popen):
    """The fork server's Popen, minus re-importing the caller's ``__main__`` in the child."""

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_name", None)
        prep_data.pop("init_main_from_path", None)
        buf = io.BytesIO()
        multiprocessing.context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            multiprocessing.context.set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        _parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (_parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _PdfProcess(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj)


_without_main = True  # False once `_Popen` failed on this Python: public API only


def _start_child(target, args) -> multiprocessing.process.BaseProcess:
    """A started child from the fork server, which has pdfium and pdfplumber imported."""
    global _without_main
    if _without_main:
        proc = _PdfProcess(target=target, args=args, daemon=True, name="minutes-miner-pdf")
        try:
            proc.start()
            return proc
        except (AttributeError, TypeError, ValueError, ImportError):
            _without_main = False  # this Python's multiprocessing internals differ
    proc = _CONTEXT.Process(target=target, args=args, daemon=True, name="minutes-miner-pdf")
    proc.start()
    return proc


class _Child:
    """A parser process and the parent's end of its pipe."""

    def __init__(self):
        from minutes_miner.extract.pdf_child import worker_main

        self.conn, child_conn = multiprocessing.Pipe(duplex=True)
        try:
            self.proc = _start_child(worker_main, (child_conn,))
        except BaseException:
            self.conn.close()
            raise
        finally:
            child_conn.close()
        self.documents = 0
        self.idle_since = time.monotonic()
        self.exitcode: int | None = None

    def stop(self, grace: float = 0.0) -> None:
        """End the child (after `grace` seconds to exit by itself), reap it and release its file
        descriptors now: an error raised about its document keeps this object alive through its
        traceback, and a caller keeping many errors would otherwise run out of descriptors."""
        if self.exitcode is not None:  # stopped already
            return
        self.conn.close()
        if grace:
            self.proc.join(grace)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.exitcode = self.proc.exitcode
        if self.exitcode is not None:
            self.proc.close()


_pool_lock = threading.Lock()
_idle: list[_Child] = []
_pool_pid = os.getpid()


def _take_child() -> tuple[_Child, bool]:
    """A waiting child (and True), or a new one (and False)."""
    global _pool_pid
    stale = []
    child = None
    with _pool_lock:
        if _pool_pid != os.getpid():  # a forked copy of this process: the children are the parent's
            _idle.clear()
            _pool_pid = os.getpid()
        now = time.monotonic()
        while _idle:
            candidate = _idle.pop()
            if now - candidate.idle_since > MAX_IDLE_SECONDS or not candidate.proc.is_alive():
                stale.append(candidate)
            else:
                child = candidate
                break
    for old in stale:
        old.stop()
    return (child, True) if child is not None else (_Child(), False)


def _give_back(child: _Child, result: dict, memory_mb: int) -> None:
    child.documents += 1
    reuse = (not result.get("error") and child.documents < MAX_DOCUMENTS_PER_CHILD
             and result.get("vm_kb", 0) < MAX_SHARE_OF_MEMORY_LIMIT * memory_mb * 1024)
    if reuse:
        child.idle_since = time.monotonic()
        with _pool_lock:
            if _pool_pid == os.getpid() and len(_idle) < max(2, os.cpu_count() or 1):
                _idle.append(child)
                return
    child.stop()


def close_children() -> None:
    """Stop the parser children waiting for work (they stop with this process anyway)."""
    with _pool_lock:
        waiting = list(_idle) if _pool_pid == os.getpid() else []
        _idle.clear()
    for child in waiting:
        child.stop()


def run_in_child(data: bytes, source: str, args: dict) -> dict:
    """The child's result for one document (plain data), or the PDFError saying why there is none.

    `args`: "timeout" (s), "memory_mb" and "tables", as `read_pdf` takes them.
    """
    for _attempt in range(2):
        try:
            child, reused = _take_child()
        except Exception as exc:
            raise PDFError(f"could not start the PDF parser process: {exc}", where=source) from exc
        try:
            child.conn.send(args)
            child.conn.send_bytes(data)
        except OSError:
            child.stop()
            if reused:
                continue  # it had died while waiting: the document goes to a fresh child
            raise _died(child.exitcode, source, args) from None
        try:
            return _result(child, source, args)
        except PDFError:
            raise
        except BaseException:  # e.g. KeyboardInterrupt while waiting: the child's state is unknown
            child.stop()
            raise
    raise PDFError("could not start the PDF parser process", where=source)


def _result(child: _Child, source: str, args: dict) -> dict:
    timeout = args["timeout"]
    payload = None
    if child.conn.poll(timeout):
        try:
            payload = child.conn.recv_bytes()
        except (EOFError, OSError):
            payload = None
    else:
        child.stop()
        raise PDFError(
            f"gave up after {timeout:g} s (time limit exceeded while parsing)",
            where=source,
            hint=f"the file may be corrupt or extremely large; {RAISE_TIME_LIMIT}",
        )
    result = None
    if payload:
        try:
            result = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a crashed child can leave partial output
            result = None
    if result is None:
        child.stop(grace=10)
        raise _died(child.exitcode, source, args)
    _give_back(child, result, args["memory_mb"])
    if result.get("error"):
        raise PDFError(result["message"], where=source, hint=result.get("hint"))
    return result


def _died(rc: int | None, source: str, args: dict) -> PDFError:
    """The error for a child that died without a result."""
    if rc == -signal.SIGXCPU:
        return PDFError(f"gave up: the parser used more than {args['timeout']:g} s of CPU time", where=source,
                        hint=f"the file may be corrupt or extremely large; {RAISE_TIME_LIMIT}")
    if rc is not None and rc < 0:
        return PDFError(
            f"could not be parsed: the parser process died (signal {-rc}), most likely at the memory limit of "
            f"{args['memory_mb']} MB, or the file crashed the PDF library",
            where=source, hint=f"{RAISE_MEMORY_LIMIT}; if it still fails the file is corrupt")
    return PDFError(f"could not be parsed: the parser process exited with code {rc}", where=source,
                    hint="the file is probably corrupt; try opening it in a PDF viewer")
