"""Jobs side by side in forked workers: the same results as in one process, errors carried
back whole, no worker left behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from geo.errors import UserInputError
from geo.workers import (
    EarlyWorker,
    Job,
    WorkerBug,
    build_idle,
    groups,
    in_worker,
    run_jobs,
)


def writer(folder: Path, name: str, delay: float = 0.0) -> Job:
    def run() -> list[Path]:
        time.sleep(delay)
        path = folder / name
        path.write_text(f"{name} by {os.getpid()}")
        return [path]
    return Job(name, run, cost=1 + delay * 10)


def test_groups_balance_cost_and_keep_order():
    jobs = [Job(str(n), lambda: [], cost=c) for n, c in enumerate([9, 1, 1, 6, 2, 1])]
    shares = groups(jobs, 2)
    assert sorted(j.label for share in shares for j in share) == [str(n) for n in range(6)]
    loads = sorted(sum(j.cost for j in share) for share in shares)
    assert loads == [10, 10]
    for share in shares:  # each group in the jobs' own order
        assert [int(j.label) for j in share] == sorted(int(j.label) for j in share)
    assert len(groups(jobs, 10)) == 6 and len(groups(jobs, 1)) == 1


def test_forked_jobs_run_in_other_processes_and_report_each(tmp_path):
    jobs = [writer(tmp_path, f"f{n}", delay=0.05 * n) for n in range(5)]
    heard = []
    done = run_jobs(jobs, workers=3, on_done=heard.append)
    assert [d.label for d in done] == [j.label for j in jobs]  # in the jobs' order
    assert sorted(d.label for d in heard) == sorted(j.label for j in jobs)
    writers = {(tmp_path / f"f{n}").read_text().split(" by ")[1] for n in range(5)}
    assert str(os.getpid()) not in writers and len(writers) == 3
    assert all(d.paths == [tmp_path / d.label] for d in done)


def test_a_job_knows_whether_it_runs_in_a_forked_worker():
    """A job may fork parts of its own (a static map's formats) only in a build's worker."""
    def where() -> list[Path]:
        return [Path(f"worker={in_worker()}")]
    jobs = [Job("a", where), Job("b", where)]
    assert [d.paths for d in run_jobs(jobs, workers=2)] == [[Path("worker=True")]] * 2
    assert [d.paths for d in run_jobs(jobs, workers=1)] == [[Path("worker=False")]] * 2
    assert not in_worker()


def test_one_worker_runs_in_this_process(tmp_path):
    done = run_jobs([writer(tmp_path, "a"), writer(tmp_path, "b")], workers=1)
    assert [d.label for d in done] == ["a", "b"]
    assert (tmp_path / "a").read_text().endswith(f"by {os.getpid()}")


def test_a_users_error_in_a_worker_is_the_runs_error(tmp_path):
    def bad() -> list[Path]:
        raise UserInputError(f"{tmp_path / 'x.html'}: cannot write it: No space left")
    with pytest.raises(UserInputError, match="cannot write it: No space left"):
        run_jobs([writer(tmp_path, "a", 0.2), Job("bad", bad)], workers=2)


def test_a_bug_in_a_worker_carries_its_traceback(tmp_path):
    def broken() -> list[Path]:
        return [Path("x")] + 1  # type: ignore[operator]
    with pytest.raises(WorkerBug, match="TypeError") as caught:
        run_jobs([writer(tmp_path, "a"), Job("broken", broken)], workers=2)
    assert "def broken" not in str(caught.value) and "return [Path" in str(caught.value)


def test_a_worker_that_dies_silently_fails_the_run(tmp_path):
    def vanish() -> list[Path]:
        os._exit(3)
    with pytest.raises(WorkerBug, match="ended before its jobs were done"):
        run_jobs([writer(tmp_path, "a"), Job("vanish", vanish)], workers=2)


def test_no_worker_outlives_a_failed_run(tmp_path):
    marker = tmp_path / "late"

    def slow() -> list[Path]:
        time.sleep(1.5)
        marker.write_text("written after the run failed")
        return [marker]

    def bad() -> list[Path]:
        raise UserInputError("stop")
    with pytest.raises(UserInputError):
        run_jobs([Job("slow", slow, cost=5), Job("bad", bad)], workers=2)
    time.sleep(2.0)
    assert not marker.exists()


def sized_jobs(folder: Path, payload: bytes) -> list[Job]:
    """Jobs made anew in an early worker from what it is handed (module level: picklable)."""
    def run() -> list[Path]:
        path = folder / "handed"
        path.write_text(f"{len(payload)} bytes, by {os.getpid()}")
        return [path]
    return [Job("handed", run), writer(folder, "other")]


def test_handing_an_early_worker_more_than_a_pipe_holds_does_not_wait_for_its_warm_up(
        tmp_path):
    started = tmp_path / "parent-went-on"

    def warm() -> None:  # ends only once the parent is past hand()
        for _ in range(600):
            if started.exists():
                return
            time.sleep(0.05)
        raise RuntimeError("the parent waited for the warm-up")

    early = EarlyWorker(warm)
    try:
        payload = os.urandom(4 << 20)  # far more than a pipe's buffer
        early.hand(sized_jobs, {"folder": tmp_path, "payload": payload}, ["handed"])
        started.touch()
        done = run_jobs([writer(tmp_path, "here")], workers=1, early=(early, 1))
    finally:
        early.close()
    assert sorted(d.label for d in done) == ["handed", "here"]
    text = (tmp_path / "handed").read_text()
    assert text.startswith(f"{4 << 20} bytes, by ") and not text.endswith(f" {os.getpid()}")


def idle_watcher(folder: Path) -> list[Job]:
    """An early worker's job noting whether the build's other process is idle before and
    after that process's own job is done (module level: picklable)."""
    def run() -> list[Path]:
        seen = [build_idle()]
        (folder / "started").touch()
        for _ in range(600):  # until the parent has made its own job
            if build_idle():
                break
            time.sleep(0.05)
        seen.append(build_idle())
        path = folder / "idle"
        path.write_text(",".join(str(s) for s in seen))
        return [path]
    return [Job("watcher", run)]


def test_the_parent_makes_its_own_share_then_tells_the_early_worker(tmp_path):
    def own() -> list[Path]:  # the parent's one share: made here, once the worker has begun
        for _ in range(600):
            if (tmp_path / "started").exists():
                break
            time.sleep(0.05)
        path = tmp_path / "own"
        path.write_text(str(os.getpid()))
        return [path]

    early = EarlyWorker(lambda: None)
    try:
        early.hand(idle_watcher, {"folder": tmp_path}, ["watcher"])
        done = run_jobs([Job("own", own)], workers=1, early=(early, 1))
    finally:
        early.close()
    assert sorted(d.label for d in done) == ["own", "watcher"]
    assert (tmp_path / "own").read_text() == str(os.getpid())
    assert (tmp_path / "idle").read_text() == "False,True"
    assert not build_idle()  # only an early worker hears it


def test_a_static_maps_formats_saved_apart_are_the_bytes_of_one_process(tmp_path, monkeypatch):
    """In a build's worker with a core to spare, a static map's PNG is saved beside its
    SVG and PDF in processes forked with the figure drawn: the same files as without."""
    from geo.render import outputs
    from geo.render.static import map as static_map
    from geo.timeline import Timeline

    timeline = Timeline.load()
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    options = outputs.OutputOptions(formats=("png", "svg", "pdf"))
    files = {}
    for apart in (True, False):
        out = tmp_path / f"apart-{apart}"
        out.mkdir()
        monkeypatch.setattr(outputs, "spare_core", lambda apart=apart: apart)

        def forked(jobs: list[Job], out: Path = out, **options: object) -> list:
            (out.parent / f"forked-{out.name}").write_text(",".join(j.label for j in jobs))
            return run_jobs(jobs, **options)
        monkeypatch.setattr(outputs, "run_jobs", forked)
        static_map._LAST_BUILT.clear()
        jobs = outputs.output_jobs(timeline, **days, out=out, stem="m", options=options)
        run_jobs([*jobs, Job("beside", lambda: [])], workers=2)  # the static job forked
        files[apart] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert (tmp_path / "forked-apart-True").read_text() == "png/svg,pdf"
    assert not (tmp_path / "forked-apart-False").exists()
    assert set(files[True]) == {"m.side-by-side.en.png", "m.side-by-side.en.svg",
                                "m.side-by-side.en.pdf", "m.side-by-side.en.txt"}
    assert files[True] == files[False]
