"""Every bad input of ``tests/bad_inputs/cases.yaml`` as a user meets it: a subprocess that
exits with code 2, prints one error naming the file and line (or the name) and the fix, no
traceback, and writes nothing. A byte-order mark and CRLF line ends are accepted and work.

Each case runs in its own copy of ``tests/bad_inputs`` (the folder's files are compared
before and after) as a child process of ``tests/cli_forkserver.py``, which imports ``geo``
once and forks a process per command line: the same code as the console script, without
paying the 0.6 s start-up a hundred times. A few cases also run as fresh ``python -m geo``
processes, which must answer exactly alike. The cases run in parallel.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shlex
import shutil
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent / "bad_inputs"
MANIFEST = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
CASES = {case["id"]: case for case in MANIFEST["cases"]}
ACCEPTED = {case["id"]: case for case in MANIFEST["accepted"]}
BIG = 50_000_000  # bytes: far above every size limit
#: Refusing a file above the size limit must not mean reading it: a few seconds at most,
#: interpreter start-up included.
QUICK_S = 15.0
WORKERS = 3
PREVIOUS_MAP = ("out", "armenia-2024.before.geojson")
#: Cases also run as fresh interpreters (``python -m geo``): one per kind of command.
FRESH = ("scenario-alias-bomb", "places-wrong-crs", "cli-out-is-a-file", "cli-unknown-format")


class ForkServer:
    """A running tests/cli_forkserver.py."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "OPENBLAS_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("cli_forkserver.py"))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            env=env)

    def run(self, argv: list[str], cwd: Path, io: Path) -> subprocess.CompletedProcess[str]:
        out, err = io.with_suffix(".out"), io.with_suffix(".err")
        request = {"cwd": str(cwd), "argv": argv, "stdout": str(out), "stderr": str(err)}
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        code = json.loads(self.process.stdout.readline())["code"]
        return subprocess.CompletedProcess(argv, code, out.read_text(encoding="utf-8"),
                                           err.read_text(encoding="utf-8"))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def fresh(argv: list[str], cwd: Path, io: Path) -> subprocess.CompletedProcess[str]:
    """``python -m geo ARGV`` in a new interpreter."""
    return subprocess.run([sys.executable, "-m", "geo", *argv], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)


def _article() -> str:
    return (HERE / "articles" / "ok.txt").read_text(encoding="utf-8")


def _write_big(path: Path, head: str, line: str, tail: str = "") -> None:
    block = line * (1_000_000 // len(line))
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        written = len(head)
        while written < BIG:
            handle.write(block)
            written += len(block)
        handle.write(tail)


def _geopackage(path: Path, recipe: str) -> None:
    import geopandas as gpd
    from shapely.geometry import Point, Polygon

    if recipe == "gpkg-utm":
        frame = gpd.GeoDataFrame({"name": ["Camp Alpha"], "kind": ["base"]},
                                 geometry=[Point(45.0, 40.5)], crs="EPSG:4326")
        frame = frame.to_crs("EPSG:32638")
    else:
        bow = Polygon([(44.9, 40.4), (45.1, 40.6), (45.1, 40.4), (44.9, 40.6)])
        frame = gpd.GeoDataFrame({"name": ["Bow tie"], "kind": ["region"]}, geometry=[bow],
                                 crs="EPSG:4326")
    frame.to_file(path, driver="GPKG")


#: The 50 MB files, written once per session and hard-linked into each case's folder.
_BIG_FILES: dict[str, Path] = {}
_BIG_LOCK = threading.Lock()


def _big(root: Path, recipe: str) -> Path:
    with _BIG_LOCK:
        if recipe not in _BIG_FILES:
            path = root.parent / f"{recipe}.source"
            _make_big(path, recipe)
            _BIG_FILES[recipe] = path
        return _BIG_FILES[recipe]


def _make_big(path: Path, recipe: str) -> None:
    if recipe == "big-yaml":
        _write_big(path, "presences:\n", "  - {id: p, force: f, place: Syunik}\n")
    elif recipe == "big-text":
        _write_big(path, "", _article())
    else:
        feature = ('{"type": "Feature", "properties": {"name": "Camp", "kind": "base"}, '
                   '"geometry": {"type": "Point", "coordinates": [45.0, 40.5]}},\n')
        _write_big(path, '{"type": "FeatureCollection", "features": [\n', feature,
                   feature.rstrip(",\n") + "]}\n")


def make(root: Path, name: str, recipe: str) -> str | None:
    """Make the file ``name`` of a case; returns why the case must be skipped, if it must."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if recipe.startswith("big-"):
        os.link(_big(root, recipe), path)
        return None
    if recipe == "binary":  # a PNG header, then every byte value
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    elif recipe == "article":
        path.write_text(_article(), encoding="utf-8")
    elif recipe == "deep-yaml":
        path.write_text("forces: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    elif recipe == "folder":
        path.mkdir()
    elif recipe == "fifo":
        os.mkfifo(path)
    elif recipe == "symlink-loop":
        path.symlink_to(path.name)
    elif recipe == "unreadable":
        if os.geteuid() == 0:
            return "running as root: every file is readable (the symlink-loop and "\
                   "path-through-a-file cases cover unreadable paths)"
        path.write_text(_article(), encoding="utf-8")
        path.chmod(0)
    elif recipe.startswith("gpkg-"):
        _geopackage(path, recipe)
    else:
        raise AssertionError(f"unknown recipe {recipe!r}")
    return None


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root``: its type, and for files their size, mtime and content."""
    entries: dict[str, tuple] = {}
    for folder, names, files in os.walk(root):
        for name in names + files:
            path = Path(folder, name)
            info = path.lstat()
            key = str(path.relative_to(root))
            if stat.S_ISREG(info.st_mode) and info.st_size > BIG // 2:  # not read again
                entries[key] = ("file", info.st_size, info.st_mtime_ns, info.st_ino)
            elif stat.S_ISREG(info.st_mode) and info.st_mode & stat.S_IRUSR:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[key] = ("file", info.st_size, info.st_mtime_ns, digest)
            else:
                entries[key] = (stat.S_IFMT(info.st_mode),)
    return entries


@dataclass
class Outcome:
    """One run of the command line in a case's folder."""

    result: subprocess.CompletedProcess[str] | None
    before: dict[str, tuple]
    after: dict[str, tuple]
    seconds: float
    skipped: str | None = None


def run_case(root: Path, case: dict, runner) -> Outcome:
    # hard links to one copy of the folder, made per session (never to the repository's
    # files: a tool that wrote to its input would spoil that copy, and fail the case)
    shutil.copytree(root.parent / "_inputs", root, copy_function=os.link)
    previous = root.joinpath(*PREVIOUS_MAP)
    previous.parent.mkdir()
    previous.write_text('{"type": "FeatureCollection", "features": []}\n', encoding="utf-8")
    for name, recipe in case.get("make", {}).items():
        reason = make(root, name, recipe)
        if reason:
            return Outcome(None, {}, {}, 0.0, reason)
    before = snapshot(root)
    started = time.perf_counter()
    result = runner(shlex.split(case["run"]), root, root.parent / f"{root.name}.io")
    seconds = time.perf_counter() - started
    after = snapshot(root)
    return Outcome(result, before, after, seconds)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Outcome]]:
    """Every case through the fork server, and the FRESH ones again as ``fresh:ID``."""
    base = tmp_path_factory.mktemp("bad_inputs")
    shutil.copytree(HERE, base / "_inputs", ignore=shutil.ignore_patterns("cases.yaml"))
    servers: queue.Queue[ForkServer] = queue.Queue()
    for _ in range(WORKERS):
        servers.put(ForkServer())

    def served(root: Path, case: dict) -> Outcome:
        server = servers.get()
        try:
            return run_case(root, case, server.run)
        finally:
            servers.put(server)

    jobs = [(case_id, case, served) for case_id, case in {**CASES, **ACCEPTED}.items()]
    jobs += [(f"fresh:{case_id}", CASES[case_id],
              lambda root, case: run_case(root, case, fresh)) for case_id in FRESH]
    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            futures = {case_id: pool.submit(job, base / case_id.replace(":", "-"), case)
                       for case_id, case, job in jobs}
            yield {case_id: future.result() for case_id, future in futures.items()}
    finally:
        while not servers.empty():
            servers.get().close()
        for path in base.rglob("*"):  # the 50 MB files do not outlive the tests
            if path.is_file() and not path.is_symlink() and path.stat().st_size > BIG // 2:
                path.unlink()
        _BIG_FILES.clear()


def test_the_manifest_covers_enough_cases() -> None:
    assert len(CASES) >= 40
    classes = {case["class"] for case in CASES.values()}
    for needed in ("wrong CRS", "invalid or self-intersecting polygons", "empty file",
                   "binary files", "a 50 MB file", "text that is not UTF-8", "unknown keys",
                   "duplicate ids", "impossible dates (2024-02-30)",
                   "a quote that is not in its article", "YAML that is a list",
                   "a folder given as a file", "missing file", "unreadable file",
                   "--out pointing at a file", "conflicting options", "missing name/kind",
                   "unknown kinds", "coordinates out of range"):
        assert needed in classes, needed
    assert {case["class"] for case in ACCEPTED.values()} == {"a byte-order mark",
                                                              "CRLF line ends"}
    for case in CASES.values():
        assert case["expect"] and all(isinstance(w, str) and w for w in case["expect"])


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_bad_input_exits_2_with_one_clear_message_and_writes_nothing(
        outcomes: dict[str, Outcome], case_id: str) -> None:
    outcome, case = outcomes[case_id], CASES[case_id]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    result = outcome.result
    assert result is not None
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (case["run"], result.returncode, result.stderr[-2000:])
    assert result.stdout == ""
    assert result.stderr.count(": error: ") == 1, result.stderr
    for words in case["expect"]:
        assert words in result.stderr, (words, result.stderr)
    assert outcome.after == outcome.before, "files were created, changed or removed"
    if case["class"] == "a 50 MB file":
        assert outcome.seconds < QUICK_S, f"took {outcome.seconds:.1f} s to refuse"


@pytest.mark.parametrize("case_id", sorted(ACCEPTED))
def test_byte_order_marks_and_crlf_are_accepted(outcomes: dict[str, Outcome],
                                                case_id: str) -> None:
    result = outcomes[case_id].result
    assert result is not None
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "error:" not in result.stderr
    for words in ACCEPTED[case_id]["stdout"]:
        assert words in result.stdout, (words, result.stdout[:3000])


@pytest.mark.parametrize("case_id", FRESH)
def test_a_fresh_interpreter_answers_like_the_fork_server(outcomes: dict[str, Outcome],
                                                          case_id: str) -> None:
    served, alone = outcomes[case_id].result, outcomes[f"fresh:{case_id}"].result
    assert served is not None and alone is not None
    assert (alone.returncode, alone.stdout) == (served.returncode, served.stdout) == (2, "")
    assert alone.stderr == served.stderr
