"""deploymap opens no network connection unless --online is given.

Each command runs in a child interpreter whose ``sitecustomize`` installs an audit hook
(PEP 578) on every event that resolves a name, connects, sends, or binds a socket to a
non-loopback address: the attempt is written to a log and fails with ConnectionRefusedError,
so nothing ever leaves the machine, with or without a network. Creating an internet socket
is logged too, with the code that did it. The offline commands must attempt nothing and
create no socket, except the one urllib3 makes when it is imported (folium imports requests):
``urllib3.util.connection._has_ipv6`` binds a socket to ``::1`` to learn whether IPv6 works,
and closes it; it never connects. A ``resolve --online`` of a name the offline data lacks
must try (and say it could not reach Nominatim: exit code 2, no traceback).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from geo.cache import cache_root

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
HOOK = '''\
import os
import socket
import sys

_LOG = os.environ["DEPLOYMAP_NETWORK_LOG"]
_NETWORK = (socket.AF_INET, socket.AF_INET6)
_LOOPBACK = ("::1", "127.0.0.1", "localhost")
_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo",
           "socket.sendto", "socket.sendmsg", "socket.bind", "urllib.Request",
           "http.client.connect", "ftplib.connect", "smtplib.connect"}


def _log(line):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(line + "\\n")


def _maker():
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename.endswith("socket.py"):
        frame = frame.f_back
    return "?" if frame is None else f"{frame.f_code.co_filename}:{frame.f_code.co_name}"


def _guard(event, args):
    if event == "socket.__new__":
        if args[1] in _NETWORK:
            _log(f"created {_maker()}")
        return
    if event == "socket.bind" and isinstance(args[1], tuple) and args[1][0] in _LOOPBACK:
        return
    if event in _EVENTS:
        _log(f"blocked {event} {args!r}")
        raise ConnectionRefusedError(f"network use blocked by the test ({event})")


sys.addaudithook(_guard)
'''
#: The only code allowed to create an internet socket offline (see the module docs).
IPV6_PROBE = "urllib3/util/connection.py:_has_ipv6"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for child interpreters under the audit hook, with a fresh cache folder
    (no Nominatim answers in it; the name index copied to save rebuilding it)."""
    base = tmp_path_factory.mktemp("no_network")
    (base / "hook").mkdir()
    (base / "hook" / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    cache = base / "cache"
    if (cache_root() / "index").is_dir():
        shutil.copytree(cache_root() / "index", cache / "index")
    path = os.pathsep.join(p for p in (str(base / "hook"), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "DEPLOYMAP_CACHE_DIR": str(cache),
            "DEPLOYMAP_NETWORK_LOG": str(base / "network.log"), "BASE": str(base)}


def run(env: dict[str, str], *args: str, log: str) -> tuple[subprocess.CompletedProcess[str],
                                                             str]:
    """``python -m geo ARGS`` under the hook; the result and what it tried on the network."""
    env = {**env, "DEPLOYMAP_NETWORK_LOG": str(Path(env["BASE"]) / f"{log}.log")}
    result = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=600, check=False)
    attempts = Path(env["DEPLOYMAP_NETWORK_LOG"])
    return result, attempts.read_text(encoding="utf-8") if attempts.exists() else ""


def test_the_hook_blocks_and_logs_a_connection(guarded: dict[str, str]) -> None:
    code = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"
    env = {**guarded, "DEPLOYMAP_NETWORK_LOG": str(Path(guarded["BASE"]) / "control.log")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 1 and "network use blocked by the test" in result.stderr
    assert "blocked socket.getaddrinfo ('192.0.2.1', 80" in Path(
        env["DEPLOYMAP_NETWORK_LOG"]).read_text()


OFFLINE = {
    "build": (["build", "--out", "{BASE}/maps", "--format", "html,geojson,gpkg,png",
               "--assets", "cdn", "--tiles", "osm"], 0),
    "build-from-articles": (["build", "--from-articles", str(SEEDS), "--out", "{BASE}/drafted",
                             "--format", "geojson"], 0),
    "resolve": (["resolve", "Syunik", "tỉnh Tavush", "Yerevan's main airport",
                 "biên giới Armenia với Thổ Nhĩ Kỳ và Iran", "--format", "geojson"], 0),
    "resolve-unknown": (["resolve", "Tsaghkunyats ridge"], 2),
    "extract": (["extract", *sorted(str(p) for p in SEEDS.glob("*.txt"))], 0),
    "diff": (["diff", "--format", "geojson"], 0),
    "snapshot": (["snapshot", "--date", "2020-10-15"], 0),
}


ONLINE = ["resolve", "Tsaghkunyats ridge", "--online"]


@pytest.fixture(scope="module")
def runs(guarded: dict[str, str]) -> dict[str, tuple]:
    """Every command of OFFLINE, and ONLINE (it mostly waits: geopy retries after 5 s)."""
    commands = {name: args for name, (args, _) in OFFLINE.items()} | {"online": ONLINE}
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {name: pool.submit(run, guarded, *(a.format(**guarded) for a in args),
                                     log=name) for name, args in commands.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", sorted(OFFLINE))
def test_offline_commands_open_no_socket(runs: dict[str, tuple], name: str) -> None:
    result, attempts = runs[name]
    lines = attempts.splitlines()
    assert not [line for line in lines if line.startswith("blocked")], attempts
    assert all(line.endswith(IPV6_PROBE) for line in lines), attempts
    assert result.returncode == OFFLINE[name][1], result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_resolve_online_does_try_and_fails_cleanly(runs: dict[str, tuple]) -> None:
    result, attempts = runs["online"]
    assert "blocked socket.getaddrinfo ('nominatim.openstreetmap.org', 443" in attempts, \
        attempts
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert "Nominatim could not be reached" in result.stderr
    assert "run without --online" in result.stderr
