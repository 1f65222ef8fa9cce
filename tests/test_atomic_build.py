"""A build killed half-way (SIGKILL: no clean-up runs) leaves the previous maps intact.

The folder first holds the maps of one build (A). Another build (B: a different day, so
different files) into the same folder is killed at several moments: after each file it
reports, and in the middle of writing. After every kill each map is either A's file or B's
finished file, byte for byte (never a truncated mix), and nothing else is visible; the only
thing a kill may leave is a hidden temporary of the killed process, which the next build
removes. The last build then runs to its end and gives exactly B.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FORMATS = "html,geojson,gpkg"
OLD = ["--after", "2024-08-01"]
NEW = ["--after", "2024-06-01"]
#: (the progress line to wait for, or None for the start; seconds to wait after it)
KILLS = [(None, 1.0), ("[1/3]", 0.0), ("[2/3]", 0.05), ("[2/3]", 0.15)]
TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]+\.part(\.[^.]*)?$")


def command(out: Path, day: list[str]) -> list[str]:
    return [sys.executable, "-m", "geo", "build", "--out", str(out), "--format", FORMATS, *day]


def digests(folder: Path) -> dict[str, str]:
    """The visible files of ``folder`` (hidden temporaries are checked apart)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def build(out: Path, day: list[str]) -> dict[str, str]:
    result = subprocess.run(command(out, day), capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    return digests(out)


def kill_during(out: Path, day: list[str], after: str | None, delay: float) -> tuple[int, str]:
    """Start a build, SIGKILL it ``delay`` s after the progress line ``after``."""
    process = subprocess.Popen(command(out, day), stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    seen = ""
    if after is not None:
        for line in process.stderr:
            seen += line
            if after in line:
                break
        else:
            pytest.fail(f"the build ended before {after!r}: {seen}")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stderr.close()
    return process.pid, seen


def test_a_killed_build_leaves_the_previous_maps_intact(tmp_path: Path) -> None:
    out = tmp_path / "maps"
    old = build(out, OLD)
    assert len(old) == 5  # html, 3 geojson, gpkg
    states = []
    for after, delay in KILLS:
        pid, seen = kill_during(out, NEW, after, delay)
        states.append((after, delay, pid, seen, digests(out),
                       sorted(p.name for p in out.iterdir() if p.name.startswith("."))))
    new = build(out, NEW)
    assert set(new) == set(old) and new != old
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], \
        "the finished build left temporaries behind"
    replaced = 0
    for after, delay, pid, seen, files, hidden in states:
        where = f"killed {delay} s after {after or 'the start'} ({seen.count('[')} jobs done)"
        assert set(files) == set(old), where
        for name, digest in files.items():
            assert digest in (old[name], new[name]), f"{name} is a partial file, {where}"
            replaced += digest != old[name]
        for name in hidden:
            match = TEMPORARY.match(name)
            assert match and int(match["pid"]) == pid, f"{name} left, {where}"
    assert replaced, "no kill came after a finished file: the test proves nothing"


def test_stale_temporaries_of_dead_processes_are_swept(tmp_path: Path) -> None:
    from geo.output import remove_stale_temporaries

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".story.gpkg.{pid}.k2j_x9a1.part.gpkg"
    mine = tmp_path / f".story.en.html.{os.getpid()}.abc123.part.html"
    other = tmp_path / ".notes.part"
    for path in (stale, mine, other):
        path.write_bytes(b"partial")
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert not stale.exists() and mine.exists() and other.exists()
