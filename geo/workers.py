"""Independent jobs side by side in forked worker processes.

A build's outputs do not depend on each other: the HTML map, the GIS files and each static
map can be made at once on a machine's cores. The worker processes are forked from the one
that loaded the scenario, so they share its imports and its timeline without copying or
pickling anything; each runs its share of the jobs in turn and reports every finished job
(its label, the files it wrote, the time it took) back through a pipe. Jobs are grouped by
their expected cost so that the groups finish close together.

A job that fails with a :class:`~geo.errors.UserInputError` fails the whole run with the
same message; any other failure is raised as a bug with the worker's traceback. When the
parent stops (an error, Ctrl-C, a kill), its workers stop too: none outlives it to write
into a folder that is being cleaned up. What a job makes does not depend on the process
that makes it, so the files are byte-identical to a one-process run.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
import selectors
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UserInputError


@dataclass(frozen=True)
class Job:
    """One piece of independent work: ``run`` returns the paths it wrote."""

    label: str
    run: Callable[[], list[Path]]
    cost: float = 1.0  # relative expected time, to balance the workers


@dataclass(frozen=True)
class Done:
    """A finished job."""

    label: str
    paths: list[Path]
    seconds: float


class WorkerBug(RuntimeError):
    """A job failed in a worker process with an error that is not the user's."""


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def groups(jobs: list[Job], workers: int) -> list[list[Job]]:
    """``jobs`` dealt into at most ``workers`` groups of about equal cost (longest first);
    each group keeps the jobs' original order."""
    bins: list[list[int]] = [[] for _ in range(max(1, min(workers, len(jobs))))]
    loads = [0.0] * len(bins)
    for number in sorted(range(len(jobs)), key=lambda n: (-jobs[n].cost, n)):
        lightest = min(range(len(bins)), key=lambda b: (loads[b], b))
        bins[lightest].append(number)
        loads[lightest] += jobs[number].cost
    return [[jobs[n] for n in sorted(group)] for group in bins if group]


class EarlyWorker:
    """A worker forked before its jobs exist: it imports what they will need (``warm``)
    while this process is still making them (loading the scenario), then makes its share
    itself from what :meth:`hand` sends it. Close it if it is never handed anything."""

    def __init__(self, warm: Callable[[], None]) -> None:
        import mmap

        sys.stdout.flush()
        sys.stderr.flush()
        self._orders, orders = os.pipe()
        self.report, report = os.pipe()
        self._idle = mmap.mmap(-1, 1)  # shared: set when this process's own jobs are done
        self.pid = os.fork()
        if self.pid == 0:  # the worker
            global _IDLE
            _IDLE = self._idle
            os.close(orders)
            os.close(self.report)
            _die_with_parent()
            try:
                # the orders are read while warming up: a parent writing more than the
                # pipe holds would otherwise wait for the warm-up before its own jobs
                orders_read: list[bytes] = []
                reader = threading.Thread(target=lambda: orders_read.append(
                    _read_all(self._orders)), daemon=True)
                reader.start()
                # what it imports and is sent lives until it ends: nothing to collect
                collecting = gc.isenabled()
                gc.disable()
                warm()
                reader.join()
                make, arguments, labels = pickle.loads(orders_read[0])
                share = [job for job in make(**arguments) if job.label in labels]
                gc.freeze()  # nor to scan again in the collections of its jobs
                if collecting:
                    gc.enable()
            except BaseException:
                os._exit(1)  # its jobs never report: the parent says the worker ended
            _work(share, report)  # never returns
        os.close(self._orders)
        os.close(report)
        self._orders = orders

    def hand(self, make: Callable[..., list[Job]], arguments: dict[str, Any],
             labels: list[str]) -> None:
        """Have the worker run the jobs named ``labels`` of ``make(**arguments)`` (a
        module-level function and picklable arguments: it makes the jobs anew)."""
        with os.fdopen(self._orders, "wb") as pipe:
            pipe.write(pickle.dumps((make, arguments, labels)))
        self._orders = -1

    def idle(self) -> None:
        """Tell the worker that this process has made its own jobs (a core is free)."""
        self._idle[0] = 1

    def close(self) -> None:
        """Stop a worker that was never handed its jobs."""
        if self._orders >= 0:
            with contextlib.suppress(OSError):
                os.close(self._orders)
            self._orders = -1
            _reap({self.pid: self.report}, kill=True)


def run_jobs(jobs: list[Job], *, workers: int,
             on_done: Callable[[Done], None] = lambda done: None,
             early: tuple[EarlyWorker, int] | None = None, here: bool = False) -> list[Done]:
    """Run every job, in ``workers`` forked processes (in this one when 1 or no fork);
    ``on_done`` hears of each job as it finishes. Returns them in the jobs' order.

    ``here``: this process makes the first share itself, beside the forked ones (a process
    forked for it would only add its start-up and copies of the memory pages it writes).
    ``early``: a worker already handed ``count`` other jobs; this waits for those too, and
    makes a single share left itself, then tells the worker (:func:`build_idle`)."""
    order = {job.label: number for number, job in enumerate(jobs)}
    if early is not None:
        worker, count = early
        shares = groups(jobs, workers) if jobs else []
        own = shares.pop() if len(shares) == 1 else None
        finished = _run_forked(shares, on_done, {worker.pid: worker.report}, count, here=own,
                               then=worker.idle)
        return sorted(finished, key=lambda done: order.get(done.label, len(order)))
    if workers <= 1 or len(jobs) <= 1 or not hasattr(os, "fork"):
        return _run_here(jobs, on_done)
    shares = groups(jobs, workers)
    finished = _run_forked(shares[1:] if here else shares, on_done,
                           here=shares[0] if here else None)
    return sorted(finished, key=lambda done: order[done.label])


def _run_here(jobs: list[Job], on_done: Callable[[Done], None]) -> list[Done]:
    finished = []
    for job in jobs:
        start = time.perf_counter()
        done = Done(job.label, job.run(), time.perf_counter() - start)
        on_done(done)
        finished.append(done)
    return finished


def _run_forked(shares: list[list[Job]], on_done: Callable[[Done], None],
                forked: dict[int, int] | None = None, more: int = 0,
                here: list[Job] | None = None,
                then: Callable[[], None] = lambda: None) -> list[Done]:
    """``shares`` in forked processes (and ``forked``'s ``more`` jobs), ``here`` in this
    one meanwhile (``then`` called after it)."""
    expected = sum(len(share) for share in shares) + more + len(here or [])
    sys.stdout.flush()
    sys.stderr.flush()
    children: dict[int, int] = dict(forked or {})  # pid -> read end of its pipe
    finished: list[Done] = []
    failure: BaseException | None = None
    try:
        for share in shares:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                os.close(read_end)
                _work(share, write_end)  # never returns
            os.close(write_end)
            children[pid] = read_end
        if here:
            finished.extend(_run_here(here, on_done))
            then()
        selector = selectors.DefaultSelector()
        buffers: dict[int, bytes] = {}
        for pid, read_end in children.items():
            selector.register(read_end, selectors.EVENT_READ, pid)
            buffers[read_end] = b""
        open_pipes = len(children)
        while open_pipes:
            for key, _events in selector.select():
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    open_pipes -= 1
                    continue
                buffers[key.fd] += chunk
                *lines, buffers[key.fd] = buffers[key.fd].split(b"\n")
                for line in lines:
                    message = json.loads(line)
                    if "error" in message:
                        failure = failure or _error(message)
                        continue
                    done = Done(message["label"], [Path(p) for p in message["paths"]],
                                message["seconds"])
                    finished.append(done)
                    on_done(done)
            if failure is not None:
                break
        selector.close()
    except BaseException as error:  # Ctrl-C, a kill of the parent's own making
        failure = error
    finally:
        statuses = _reap(children, kill=failure is not None)
    if failure is not None:
        raise failure
    if len(finished) < expected:  # a worker died without a word (out of memory, a signal)
        raise WorkerBug(f"a worker process ended before its jobs were done (exit statuses "
                        f"{', '.join(str(s) for s in statuses)}); run again with --jobs 1 "
                        "to see the error")
    return finished


def _error(message: dict[str, str]) -> BaseException:
    if message["error"] == "user":
        return UserInputError(message["message"])
    if message["error"] == "interrupted":
        return KeyboardInterrupt()
    return WorkerBug(f"a build job failed in a worker process:\n{message['traceback']}")


def _reap(children: dict[int, int], *, kill: bool) -> list[int]:
    """Wait for every worker (killed first when ``kill``); their exit statuses."""
    statuses = []
    for pid, read_end in children.items():
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            statuses.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
        with contextlib.suppress(OSError):
            os.close(read_end)
    return statuses


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the parent dies (a no-op elsewhere)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _read_all(read_end: int) -> bytes:
    """Everything written to the pipe ``read_end`` until it is closed (then closed here)."""
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read()


def in_worker() -> bool:
    """Whether this process is a worker forked to run jobs (a job may then fork its own
    parts side by side: the build that forked it gave it a core of its own)."""
    return _IN_WORKER


_IN_WORKER = False
#: In an early worker: a byte its parent sets once its own jobs are done.
_IDLE: Any = None


def build_idle() -> bool:
    """In an early worker: whether the build's other process has made its own jobs, so
    that this one may fork a part of its own onto the core it left."""
    return _IDLE is not None and _IDLE[0] == 1


def _work(share: list[Job], write_end: int) -> None:
    global _IN_WORKER
    _IN_WORKER = True
    code = 0
    try:
        _die_with_parent()
        if os.getppid() == 1:  # the parent died before the line above
            os._exit(1)
        with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
            for job in share:
                start = time.perf_counter()
                try:
                    paths = job.run()
                except UserInputError as error:
                    pipe.write(json.dumps({"error": "user", "message": str(error)}) + "\n")
                    code = 2
                    break
                except KeyboardInterrupt:
                    pipe.write(json.dumps({"error": "interrupted"}) + "\n")
                    code = 130
                    break
                except BaseException:
                    pipe.write(json.dumps({"error": "bug",
                                           "traceback": traceback.format_exc()}) + "\n")
                    code = 1
                    break
                pipe.write(json.dumps({"label": job.label, "paths": [str(p) for p in paths],
                                       "seconds": time.perf_counter() - start}) + "\n")
                pipe.flush()
    except BaseException:
        code = code or 1
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


__all__ = ["Done", "EarlyWorker", "Job", "WorkerBug", "available_cores", "build_idle", "groups",
           "in_worker", "run_jobs"]
