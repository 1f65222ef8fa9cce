"""What ``deploymap serve`` last built, and the rebuild after an edit.

A rebuild loads the scenario again with the gazetteer kept from the last one, makes the
HTML first (the page the user is looking at) and then the other outputs, each only when
what it draws changed (:func:`geo.render.outputs.drawn_digest`). A scenario that does not
load leaves every output as it was: the error is kept for the page and the terminal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import DateError, parse_day
from ..errors import BadArgument, UserInputError
from ..output import staged_set
from ..render.outputs import OutputJob, OutputOptions, drawn_digest, output_jobs

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..timeline import Timeline


@dataclass
class State:
    """What a page needs to know: the HTML's version, the last error, what was rebuilt."""

    html_version: int = 0
    build: int = 0
    error: str | None = None
    rebuilt: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"html_version": self.html_version, "build": self.build, "error": self.error,
                "rebuilt": self.rebuilt, "skipped": self.skipped,
                "seconds": round(self.seconds, 3), "files": self.files}


class PreviewSession:
    """The inputs of one ``serve`` and what was built from them."""

    def __init__(self, scenario: Path | None, *, out: Path, options: OutputOptions,
                 places: Path | None = None, before: str | None = None,
                 after: str | None = None) -> None:
        self.scenario, self.places_file, self.out = scenario, places, out
        self.options, self.before, self.after = options, before, after
        self.state = State()
        self.lock = threading.RLock()  # re-entered: rebuild_html holds it while _run runs
        self.html: dict[str, bytes] = {}  # lang -> the last good map
        self.stem = ""
        self._digests: dict[str, str] = {}  # job label -> what it drew last
        self._written: dict[str, list[str]] = {}  # job label -> the files it wrote
        self._html_digest = ""
        self._gazetteer: Gazetteer | None = None
        self._timeline: Timeline | None = None
        #: The inputs' stamps when the last build read them.
        self.stamps: dict[Path, tuple[int, int]] = {}

    # --- what to watch -------------------------------------------------------------------
    def inputs(self) -> set[Path]:
        """The files an edit of which changes the maps: the scenario, its articles, places."""
        from ..scenario.load import default_scenario_path

        files = {(self.scenario or default_scenario_path()).resolve()}
        if self.places_file is not None:
            files.add(self.places_file.resolve())
        if self._timeline is not None:
            files.update(s.file for s in self._timeline.scenario.sources.values()
                         if getattr(s, "file", None))
        return files

    def stamps_now(self) -> dict[Path, tuple[int, int]]:
        """Each input's modification time and size (missing files: none)."""
        stamps = {}
        for path in self.inputs():
            try:
                stat = path.stat()
            except OSError:
                continue
            stamps[path] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    # --- building ------------------------------------------------------------------------
    def _load(self) -> Timeline:
        from ..gazetteer.user_places import load_places
        from ..scenario.load import load_scenario
        from ..timeline import Timeline

        places = load_places(self.places_file) if self.places_file is not None else ()
        scenario = load_scenario(self.scenario, gazetteer=self._gazetteer, places=places)
        if self._gazetteer is None or self._gazetteer.country != scenario.country or (
                tuple(places) != self._gazetteer.user_places):
            from ..gazetteer import Gazetteer

            self._gazetteer = Gazetteer(country=scenario.country, places=places)
        return Timeline(scenario)

    def _days(self, timeline: Timeline) -> tuple[dt.date, dt.date]:
        def day(value: str | None, view: str, option: str) -> dt.date:
            if value is not None:
                try:
                    return parse_day(value)
                except DateError as error:
                    raise BadArgument(f"{option}: {error}") from None
            if view not in timeline.scenario.views:
                raise BadArgument(f"{timeline.scenario.path}: has no view {view!r}; pass "
                                  f"{option} YYYY-MM-DD or add the view under views")
            return timeline.view(view)

        before = day(self.before, "before", "--before")
        after = day(self.after, "after", "--after")
        if after <= before:
            raise BadArgument(f"--after {after} is not later than --before {before}; swap them")
        return before, after

    def rebuild_html(self) -> State:
        """Load the scenario and make the HTML (phase one). On an error the last good map
        stays and the error is kept in the state."""
        start = time.perf_counter()
        with self.lock:
            self.state.build += 1
            self.stamps = self.stamps_now()
            try:
                timeline = self._load()
                before, after = self._days(timeline)
            except UserInputError as error:
                self.state.error = str(error)
                self.state.rebuilt, self.state.skipped = [], []
                self.state.seconds = time.perf_counter() - start
                return self.state
            self._timeline, self._before, self._after = timeline, before, after
            # the articles are known from now on: their stamps are those they have now
            self.stamps = {**self.stamps_now(), **self.stamps}
            self.stem = timeline.scenario.path.stem
            jobs = [j for j in self._jobs() if j.draws == "html"]
            rebuilt, skipped = self._run(jobs)
            for lang in self.options.langs:
                path = self.out / f"{self.stem}.{lang}.html"
                if path.exists():
                    self.html[lang] = path.read_bytes()
            digest = hashlib.sha256(b"".join(self.html.get(lang, b"")
                                             for lang in self.options.langs)).hexdigest()
            if digest != self._html_digest:
                self._html_digest = digest
                self.state.html_version += 1
            self.state.error = None
            self.state.rebuilt, self.state.skipped = rebuilt, skipped
            self.state.seconds = time.perf_counter() - start
            return self.state

    def rebuild_rest(self) -> State:
        """Make the other outputs whose drawing changed (phase two). Pages are served
        meanwhile: the lock is held only to read and write the state."""
        start = time.perf_counter()
        with self.lock:
            if self.state.error is not None or self._timeline is None:
                return self.state
        try:  # only the watching thread rebuilds: the timeline stays as it is meanwhile
            rebuilt, skipped = self._run([j for j in self._jobs() if j.draws != "html"])
        except UserInputError as error:
            with self.lock:
                self.state.error = str(error)
                return self.state
        with self.lock:
            self.state.rebuilt += rebuilt
            self.state.skipped += skipped
            self.state.seconds += time.perf_counter() - start
            return self.state

    def _jobs(self, out: Path | None = None) -> list[OutputJob]:
        assert self._timeline is not None
        return output_jobs(self._timeline, before=self._before, after=self._after,
                           out=out or self.out, stem=self.stem, options=self.options)

    def _run(self, jobs: list[OutputJob]) -> tuple[list[str], list[str]]:
        """Run the jobs whose drawing changed, as one all-or-nothing set."""
        assert self._timeline is not None
        wanted = {}
        for job in jobs:
            digest = drawn_digest(self._timeline, job.draws, job.label, self._before,
                                  self._after, self.options)
            if self._digests.get(job.label) != digest or not self._present(job):
                wanted[job.label] = digest
        skipped = [j.label for j in jobs if j.label not in wanted]
        if not wanted:
            return [], skipped
        written: dict[str, list[str]] = {}
        with staged_set(self.out) as staging:
            for job in self._jobs(staging):
                if job.label in wanted:
                    written[job.label] = [p.name for p in job.run()]
        self._digests.update(wanted)
        self._written.update(written)
        files = sorted({n for names in self._written.values() for n in names})
        with self.lock:
            self.state.files = files
        return list(wanted), skipped

    def _present(self, job: OutputJob) -> bool:
        """Whether the files the job wrote last are all still there."""
        names = self._written.get(job.label)
        return bool(names) and all((self.out / name).exists() for name in names)


__all__ = ["PreviewSession", "State"]
