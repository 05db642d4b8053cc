"""Many minutes documents through ``analyse`` across processes (one document per task).

The NLP is CPU-bound Python, so threads do not help; each worker process loads the pipeline and
the concern model once (about 1.5 s) and is kept for the rest of the process, so later batches
start at once. A batch too small to repay that start runs in this process.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from minutes_miner.errors import MinutesMinerError
from minutes_miner.models import AnalysedDocument, MinutesText, Person

# Below this much text (about 60,000 words, 2 s of analysis on one core) starting workers costs
# more than it saves.
MIN_PARALLEL_CHARS = 400_000

_pools: dict[int, ProcessPoolExecutor] = {}


def _warm_worker() -> None:
    from . import load_pipeline
    from .learned import shipped_model

    load_pipeline()
    shipped_model()


def _analyse_one(minutes: MinutesText, roster: Sequence[Person]) -> AnalysedDocument | MinutesMinerError:
    from . import analyse

    try:
        return analyse(minutes, roster)
    except MinutesMinerError as exc:
        return exc


def _pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _pools:
        # forkserver: workers never inherit this process's threads, open databases or sockets.
        context = multiprocessing.get_context("forkserver")
        _pools[workers] = ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_worker)
    return _pools[workers]


@atexit.register
def shutdown_workers() -> None:
    """Stop the worker processes (also done at exit)."""
    while _pools:
        _, pool = _pools.popitem()
        pool.shutdown(wait=True, cancel_futures=True)


def default_workers() -> int:
    return os.cpu_count() or 1


def analyse_many(minutes_list: Sequence[MinutesText], rosters: Sequence[Sequence[Person]] | None = None,
                 workers: int | None = None, min_parallel_chars: int = MIN_PARALLEL_CHARS,
                 ) -> Iterator[AnalysedDocument | MinutesMinerError]:
    """``analyse`` of each document, in order, ``workers`` documents at a time (default: one per
    CPU); a document whose analysis fails yields its MinutesMinerError instead. The results are
    those of ``analyse`` in this process."""
    rosters = list(rosters) if rosters is not None else [()] * len(minutes_list)
    workers = default_workers() if workers is None else workers
    chars = sum(len(item.text) for m in minutes_list for item in m.items)
    if workers <= 1 or len(minutes_list) < 2 or chars < min_parallel_chars:
        for minutes, roster in zip(minutes_list, rosters):
            yield _analyse_one(minutes, roster)
        return
    pool = _pool(min(workers, len(minutes_list)))
    yield from pool.map(_analyse_one, minutes_list, rosters)
