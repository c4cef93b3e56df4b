"""A time limit on one document, in whatever thread processes it.

``deadline(seconds)`` raises `DocTimeout` in the calling thread once ``seconds`` have passed:

- in a process's main thread (local engine workers, ``--workers 0``) with ``signal.setitimer``:
  the handler runs between bytecodes and also inside a long ``re`` match (which checks signals);
- in any other thread (dask workers run tasks in a thread pool) with one watchdog thread per process
  that raises the exception in the late thread (``PyThreadState_SetAsyncExc``). It is delivered
  between bytecodes only, so one long call into C (a single regex scan) finishes first; the
  document-size limit bounds how long such a call can be.

Both cost microseconds per document (bench/batch.py --limits measures it). A child process per
shard with a watchdog would also stop C code, but costs a process start and pickling every
document and its rows; extraction is pure Python with bounded regex scans, so this is enough.

`DocTimeout` derives from BaseException so that ``except Exception`` in a pipeline stage does not
swallow it.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DocTimeout(BaseException):
    """The document took longer than its time limit."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `DocTimeout` in this thread if the block runs longer than ``seconds`` (None/0: no limit)."""
    if not seconds or seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _WATCHDOG.watch(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def fire(signum, frame):
        raise DocTimeout()

    old_handler = signal.signal(signal.SIGALRM, fire)
    old_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:  # someone else's timer was running: give it back (less the time we took)
            signal.setitimer(signal.ITIMER_REAL, max(old_delay - seconds, 0.001))


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in thread ``thread_id`` at its next bytecode; None clears a pending one."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc else None)


class _Watchdog:
    """One daemon thread serving the deadlines of every thread of the process, earliest first."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, int]] = []  # (due, ticket, thread id)
        self._live: dict[int, bool] = {}  # ticket -> fired
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watch(self, seconds: float) -> Iterator[None]:
        tid = threading.get_ident()
        with self._cond:
            ticket = next(self._tickets)
            self._live[ticket] = False
            heapq.heappush(self._heap, (time.monotonic() + seconds, ticket, tid))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="duban-doc-watchdog", daemon=True)
                self._thread.start()
            self._cond.notify()
        try:
            yield
        finally:
            with self._cond:  # under the lock: the watchdog cannot fire between the test and the clear
                if self._live.pop(ticket):
                    _async_raise(tid, None)  # fired but not yet delivered: it must not escape the block

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][1] not in self._live:
                    heapq.heappop(self._heap)  # finished in time
                if not self._heap:
                    self._cond.wait()
                    continue
                due, ticket, tid = self._heap[0]
                left = due - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                heapq.heappop(self._heap)
                self._live[ticket] = True
                _async_raise(tid, DocTimeout)


_WATCHDOG = _Watchdog()
