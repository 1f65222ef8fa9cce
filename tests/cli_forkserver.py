"""Run many ``deploymap`` command lines fast: one interpreter imports ``geo`` once, then forks
a child process per command line.

Each child is a separate process that runs exactly what the console script runs
(``geo.cli.main`` with the given arguments) in its own working directory, with its standard
output and error going to files, and exits with the command's exit code (an exception that
escapes prints its traceback and exits with 1, as the interpreter does). Only the start-up
(importing geopandas, shapely, ... about 1 s) is shared. Used by tests/test_bad_inputs.py.

Protocol: one JSON object per line on stdin, ``{"cwd", "argv", "stdout", "stderr"}``; one
line back per request, ``{"code": N}``.
"""

from __future__ import annotations

import json
import os
import sys
import traceback


def _child(request: dict) -> int:
    os.chdir(request["cwd"])
    for fd, name in ((1, request["stdout"]), (2, request["stderr"])):
        target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(target, fd)
        os.close(target)
    sys.argv = ["deploymap", *request["argv"]]
    from geo.cli import main

    try:
        code = main(request["argv"])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        if stop.code is not None and not isinstance(stop.code, int):
            print(stop.code, file=sys.stderr)
    except BaseException:  # what the interpreter does with an uncaught exception
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return code


#: Imported once, before any fork: the command line and the modules its commands import
#: when they run (geopandas, jsonschema, pyogrio, ...). Nothing else is shared.
PRELOAD = ("geo.cli", "geo.timeline", "geo.scenario", "geo.extract", "geo.extract.records",
           "geo.gazetteer.user_places", "geo.gazetteer.online", "jsonschema", "pyogrio",
           "rapidfuzz")


def serve() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)

    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(request)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        sys.stdout.write(json.dumps({"code": code}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
